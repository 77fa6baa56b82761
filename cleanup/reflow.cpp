#include "cleanup/reflow.h"

#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>

namespace greffe::cleanup {

namespace {

UChar32 first_char(const std::string& text) {
  icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(text);
  return unicode.isEmpty() ? 0 : unicode.char32At(0);
}

UChar32 last_char(const std::string& text) {
  icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(text);
  return unicode.isEmpty() ? 0 : unicode.char32At(unicode.length() - 1);
}

// Bullets as printed and as OCR reads them: "-", "–", "•", "■", "▪", "", and "o " sub-items.
bool starts_list_item(const std::string& line) {
  for (const char* bullet :
       {"- ", "– ", "— ", "• ", "■ ", "▪ ", "\xEF\x82\xB7 ", "o ", "= ", "# ", "* ", "+ "})
    if (line.rfind(bullet, 0) == 0) return true;
  return false;
}

bool ends_sentence(const std::string& text) {
  const UChar32 c = last_char(text);
  return c == '.' || c == ':' || c == ';' || c == '!' || c == '?';
}

// The last word of a line (up to its hyphen) and the first of the next, letters only at the
// edges, to ask the lexicon about the two ways of joining them.
std::string last_word(const std::string& line) {
  const std::size_t space = line.rfind(' ');
  return line.substr(space == std::string::npos ? 0 : space + 1);
}

std::string first_word(const std::string& line) {
  std::string word = line.substr(0, line.find(' '));
  while (!word.empty() && std::string(",.;:!?)»\"").find(word.back()) != std::string::npos) word.pop_back();
  return word;
}

// Justified text fills its lines: a line much shorter than the page's usual one ends its
// paragraph ("Le Bureau de la Métropole,", "Vu", "Délibère").
std::size_t usual_length(const std::vector<PageLine>& lines) {
  std::vector<std::size_t> lengths;
  for (const PageLine& line : lines)
    if (!line.text.empty()) lengths.push_back(icu::UnicodeString::fromUTF8(line.text).countChar32());
  if (lengths.size() < 5) return 0;  // too few lines to tell
  std::sort(lengths.begin(), lengths.end());
  return lengths[lengths.size() * 3 / 4];
}

bool starts_article(const std::string& line) {
  return line.rfind("Article ", 0) == 0;
}

}  // namespace

std::string reflow(const std::vector<PageLine>& lines, Lexicon& lexicon, std::vector<Dehyphenation>& joined) {
  struct Paragraph {
    std::string text;
    bool item = false;
  };
  std::vector<Paragraph> paragraphs;
  const std::size_t usual = usual_length(lines);
  auto fills_line = [usual](const std::string& text) {
    return usual == 0 ||
           static_cast<std::size_t>(icu::UnicodeString::fromUTF8(text).countChar32()) >= usual * 7 / 10;
  };
  bool open = false;  // the last paragraph takes more lines
  bool stamp_gap = false;
  for (const PageLine& line : lines) {
    if (line.after_stamp) stamp_gap = true;
    if (line.text.empty()) {
      open = false;
      continue;
    }
    const bool item = starts_list_item(line.text);
    // A sentence cut by a stamp goes on after it: no final punctuation before, lower case after.
    if (!open && stamp_gap && !item && !paragraphs.empty() && !ends_sentence(paragraphs.back().text) &&
        u_islower(first_char(line.text)))
      open = true;
    stamp_gap = false;
    if (!open || item || starts_article(line.text)) {
      paragraphs.push_back({line.text, item});
      open = fills_line(line.text);
      continue;
    }
    std::string& text = paragraphs.back().text;
    const UChar32 next = first_char(line.text);
    if (text.size() > 1 && text.back() == '-' && u_isalpha(last_char(text.substr(0, text.size() - 1))) &&
        u_isalpha(next)) {
      const std::string left = last_word(text.substr(0, text.size() - 1));
      const std::string right = first_word(line.text);
      if (u_islower(next) && !lexicon.knows(left + "-" + right) && lexicon.knows(left + right)) {
        joined.push_back({line.number - 1, left + "- " + right, left + right});
        text.pop_back();  // "néces-" + "saire"
      }
      text += line.text;  // a compound keeps its hyphen: "ci-après", "Jean-Pascal"
    } else {
      text += ' ' + line.text;
    }
    open = fills_line(line.text);
  }

  std::string out;
  for (std::size_t i = 0; i < paragraphs.size(); ++i) {
    if (i > 0) out += paragraphs[i].item && paragraphs[i - 1].item ? "\n" : "\n\n";
    out += paragraphs[i].text;
  }
  if (!out.empty()) out += '\n';
  return out;
}

}  // namespace greffe::cleanup
