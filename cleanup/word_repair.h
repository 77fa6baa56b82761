// Word repair: the accent, letter and apostrophe confusions Tesseract makes on French
// ("Meétropole", "ceuvre", "matiére", "fagon", "ao(t", "I'emploi", "linclusion"). A word is
// changed only when the lexicon does not know it and knows exactly one repair among the
// fewest confusions (one, else two: see Reach). Capitals (names, acronyms), numbers and codes are left alone,
// and so are capitalised English words ("Coding School", "French Tech"): `english` may be null.
#pragma once

#include <optional>
#include <string>

#include "cleanup/lexicon.h"

namespace greffe::cleanup {

struct WordRepair {
  std::string word;  // the repaired word
  std::string rule;  // "apostrophe" or "accent"
};

// How far the search for a repair goes. Two confusions make hundreds of spellings to look up
// for one word, and one of them known by chance is the weakest evidence word repair acts on.
enum class Reach { OneConfusion, TwoConfusions };

// `word` is one token without its surrounding punctuation.
// A hyphenated word is repaired part by part ("Aïx-Marseille-Provence").
std::optional<WordRepair> repair_word(const std::string& word, Lexicon& lexicon, Lexicon* english,
                                      Reach reach = Reach::TwoConfusions);

// Whether word repair looks at `word` at all: numbers, codes and words without a lower-case
// letter are left alone whatever the lexicon says.
bool is_repairable(const std::string& word);

}  // namespace greffe::cleanup
