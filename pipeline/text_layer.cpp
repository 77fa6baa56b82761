#include "pipeline/text_layer.h"

#include <cctype>

namespace greffe::pipeline {

namespace {

bool is_letter_byte(unsigned char c) {
  return std::isalpha(c) || c >= 0x80;
}

// Words of the text: runs of letters (any non-ASCII byte counts as one: accents, œ), with
// apostrophes and hyphens inside. The typographic apostrophe is read as the ASCII one.
template <typename Visit>
void for_each_word(const std::string& text, Visit visit) {
  std::string word;
  bool has_digit = false;
  auto flush = [&] {
    while (!word.empty() && (word.back() == '\'' || word.back() == '-')) word.pop_back();
    if (!word.empty() && !has_digit) visit(word);
    word.clear();
    has_digit = false;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (text.compare(i, 3, "\xE2\x80\x99") == 0) {  // ’
      if (!word.empty()) word += '\'';
      i += 2;
    } else if (std::isdigit(c)) {
      has_digit = true;
      word += static_cast<char>(c);
    } else if (is_letter_byte(c) || ((c == '\'' || c == '-') && !word.empty())) {
      word += static_cast<char>(c);
    } else {
      flush();
    }
  }
  flush();
}

bool is_capitals(const std::string& word) {
  for (unsigned char c : word)
    if (std::islower(c)) return false;
  return true;
}

}  // namespace

TextLayerVerdict judge_text_layer(const std::string& text, cleanup::Lexicon& lexicon) {
  TextLayerVerdict verdict;
  for_each_word(text, [&](const std::string& word) {
    if (word.size() < 2 || is_capitals(word)) return;  // initials, names, acronyms: not evidence
    ++verdict.words;
    if (lexicon.knows(word)) ++verdict.known;
  });
  verdict.usable = verdict.words >= 20 && verdict.known * 100 >= verdict.words * 97;
  return verdict;
}

}  // namespace greffe::pipeline
