// Accuracy of a text against its ground truth: character and word error rates (Levenshtein
// distance over the truth's length), after a normalisation that ignores layout only.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace greffe::accuracy {

// NFC; every run of whitespace (spaces, line breaks, form feeds) becomes one space; ends trimmed;
// typographic apostrophes (U+2019, U+02BC) become "'". Case, accents and punctuation are kept.
std::u32string normalize(std::string_view text);

struct Score {
  std::size_t character_errors = 0;
  std::size_t characters = 0;  // in the truth
  std::size_t word_errors = 0;
  std::size_t words = 0;  // in the truth
  double cer() const { return characters ? static_cast<double>(character_errors) / characters : 0.0; }
  double wer() const { return words ? static_cast<double>(word_errors) / words : 0.0; }
};

Score measure(std::string_view hypothesis, std::string_view truth);

}  // namespace greffe::accuracy
