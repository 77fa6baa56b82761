// Noise: specks and stray strokes that OCR reads as isolated symbols ("|", "_", "©", "=", "*")
// between words. Punctuation that carries meaning (dashes between names, colons, bullets at
// the start of a line, %, €) is kept.
#pragma once

#include <string>
#include <string_view>

namespace greffe::cleanup {

// The line without its noise tokens; a line that was only noise comes back empty.
std::string remove_noise(std::string_view line);

}  // namespace greffe::cleanup
