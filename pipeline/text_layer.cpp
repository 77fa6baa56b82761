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

// The case of the letter starting at word[i] (UTF-8): ASCII, and Latin-1's accented letters
// (U+00C0-U+00DE upper, U+00DF-U+00FF lower, as 0xC3 then 0x80-0xBF); others are caseless here.
enum class Case { Upper, Lower, None };
Case case_at(const std::string& word, std::size_t i) {
  const unsigned char c = static_cast<unsigned char>(word[i]);
  if (std::isupper(c)) return Case::Upper;
  if (std::islower(c)) return Case::Lower;
  if (c == 0xC3 && i + 1 < word.size()) {
    const unsigned char next = static_cast<unsigned char>(word[i + 1]);
    if (next >= 0x80 && next <= 0x9E && next != 0x97) return Case::Upper;  // not U+00D7 ×
    if (next >= 0x9F && next != 0xB7) return Case::Lower;                  // not U+00F7 ÷
  }
  return Case::None;
}

bool is_capitals(const std::string& word) {
  for (std::size_t i = 0; i < word.size(); ++i)
    if (case_at(word, i) == Case::Lower) return false;
  return true;
}

// Written as a name: a capital first, then no capital right after a lowercase letter ("Aranéo",
// "Jean-Luc", "Vermorel-Marques"; not "rOanNais", not "AbCd").
bool is_name_form(const std::string& word) {
  if (case_at(word, 0) != Case::Upper) return false;
  Case previous = Case::Upper;
  for (std::size_t i = 1; i < word.size(); ++i) {
    const Case here = case_at(word, i);
    if (here == Case::Upper && previous == Case::Lower) return false;
    if (here != Case::None) previous = here;
    if (word[i] == '-' || word[i] == '\'') previous = Case::None;
  }
  return true;
}

}  // namespace

TextLayerVerdict judge_text_layer(const std::string& text, cleanup::Lexicon& lexicon, LayerOrigin origin) {
  TextLayerVerdict verdict;
  for_each_word(text, [&](const std::string& word) {
    if (word.size() < 2 || is_capitals(word)) return;  // initials, names, acronyms: not evidence
    const bool known = lexicon.knows(word);
    if (!known && origin == LayerOrigin::BornDigital && is_name_form(word)) {
      ++verdict.names;
      return;
    }
    ++verdict.words;
    if (known) ++verdict.known;
  });
  verdict.usable = verdict.words + verdict.names >= 20 && verdict.known * 100 >= verdict.words * 97;
  return verdict;
}

}  // namespace greffe::pipeline
