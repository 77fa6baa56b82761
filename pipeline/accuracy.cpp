#include "pipeline/accuracy.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <vector>

namespace greffe::accuracy {

namespace {

// Edit distance with one row of memory: documents of 10,000 characters stay cheap.
template <typename Sequence>
std::size_t levenshtein(const Sequence& a, const Sequence& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::vector<std::u32string> words_of(const std::u32string& text) {
  std::vector<std::u32string> words;
  std::u32string word;
  for (char32_t c : text) {
    if (c == U' ') {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
    } else {
      word += c;
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

}  // namespace

std::u32string normalize(std::string_view text) {
  icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), text.size()));
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_SUCCESS(status)) {
    icu::UnicodeString normalized = nfc->normalize(unicode, status);
    if (U_SUCCESS(status)) unicode = normalized;
  }
  std::u32string out;
  bool space = false;
  for (int32_t i = 0; i < unicode.length();) {
    UChar32 c = unicode.char32At(i);
    i += U16_LENGTH(c);
    if (u_isUWhiteSpace(c) || c == 0x00A0 || c == '\f') {
      space = !out.empty();
      continue;
    }
    if (c == 0x2019 || c == 0x02BC) c = '\'';
    if (space) out += U' ';
    out += static_cast<char32_t>(c);
    space = false;
  }
  return out;
}

Score measure(std::string_view hypothesis, std::string_view truth) {
  const std::u32string hyp = normalize(hypothesis);
  const std::u32string ref = normalize(truth);
  Score score;
  score.characters = ref.size();
  score.character_errors = levenshtein(hyp, ref);
  const auto hyp_words = words_of(hyp);
  const auto ref_words = words_of(ref);
  score.words = ref_words.size();
  score.word_errors = levenshtein(hyp_words, ref_words);
  return score;
}

}  // namespace greffe::accuracy
