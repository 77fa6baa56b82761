// Reflow: the lines of a page into paragraphs, one per line of output. A paragraph ends at an
// empty line, before a list item or an "Article N", and after a line much shorter than the page's
// usual one (justified text fills its lines: "Vu", "Délibère", "Le Bureau de la Métropole,").
// End-of-line hyphens go
// where the lexicon says the word is one ("néces-\nsaire"), stay in real compounds ("ci-\naprès",
// "Jean-\nPascal"); list items stay items; a paragraph cut by a removed stamp is rejoined.
#pragma once

#include <string>
#include <vector>

#include "cleanup/lexicon.h"

namespace greffe::cleanup {

struct PageLine {
  std::string text;          // empty: a paragraph break
  int number = 0;            // 1-based line of the OCR page, for the change log
  bool after_stamp = false;  // a stamp line was removed just before this line
};

struct Dehyphenation {
  int line = 0;
  std::string before;  // "néces- saire"
  std::string after;   // "nécessaire"
};

// Paragraphs separated by an empty line, consecutive list items by a line break.
std::string reflow(const std::vector<PageLine>& lines, Lexicon& lexicon, std::vector<Dehyphenation>& joined);

}  // namespace greffe::cleanup
