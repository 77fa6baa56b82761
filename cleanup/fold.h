// The one folding of French text for matching, shared by the stamp lines and the parser: OCR
// prints the same keyword with and without its accents and capitals ("Délibère", "DELIBERE",
// "délibere"), so keywords are compared on this copy, never on the printed text. Scoring
// (pipeline/accuracy.h) is another thing: it keeps accents and case, which count as errors.
#pragma once

#include <string>
#include <string_view>

namespace greffe::cleanup {

// Lower case, accents and ligatures folded to ASCII ("Délibère" -> "delibere", "Œuvre" -> "oeuvre"),
// typographic apostrophes made plain; other characters kept as they are.
std::string fold(std::string_view text);

// Only the letters of fold(text): "Reçu au Contrôle de légalité le" -> "recuaucontroledelegalitele",
// so that OCR's spaces, accents and punctuation do not matter.
std::string folded_letters(std::string_view text);

}  // namespace greffe::cleanup
