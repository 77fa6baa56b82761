// "a" for "à": Tesseract drops the grave accent, and both are French words, so the lexicon
// cannot tell. Two stated rules decide, and nothing else: "a" becomes "à" when the word after
// it only ever follows the preposition ("à compter", "à hauteur de", "à l'unanimité", "à
// laquelle"), or the word before it always governs "à" ("conformément à", "grâce à", "relative à").
#pragma once

#include <string>

namespace greffe::cleanup {

bool is_preposition_a(const std::string& previous_word, const std::string& next_word);

}  // namespace greffe::cleanup
