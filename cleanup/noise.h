// Noise: specks and stray strokes that OCR reads as isolated symbols ("|", "_", "©", "=", "*")
// between words. Punctuation that carries meaning (dashes between names, colons, bullets at
// the start of a line, %, €) is kept.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "cleanup/lexicon.h"
#include "models/page.h"

namespace greffe::cleanup {

// What the noise pass makes of each token of a line.
enum class NoiseFate {
  Kept,         // as `text` (a speck glued to its front may be trimmed: "-propose" -> "propose")
  Dropped,      // a speck
  GluedBefore,  // a lone "." or "," set apart from its word: appended to the last kept token
};
struct NoiseVerdict {
  NoiseFate fate = NoiseFate::Kept;
  std::string text;
};
std::vector<NoiseVerdict> judge_noise(const std::vector<std::string>& tokens);

// The line without its noise tokens; a line that was only noise comes back empty.
std::string remove_noise(std::string_view line);

// When the text comes from the engine, its word confidences tell specks from words: a word read
// with a confidence under `kSpeckConfidence` is a speck when it is no word — punctuation other than
// the marks that carry meaning (dashes, . , : ; ( ) « » % €), or at most two letters and digits that are not
// a number and not a lower-case French word ("e", "L", "Te", "oO" are dropped; "de", "13" stay).
// A token opening a line is kept: it may be a misread bullet.
constexpr float kSpeckConfidence = 25;
bool is_low_confidence_speck(const Word& word, bool opens_line, Lexicon& lexicon);

}  // namespace greffe::cleanup
