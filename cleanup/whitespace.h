// Whitespace normalisation of OCR text: NFC, one space between words, no trailing spaces,
// at most one empty line between paragraphs, no empty lines at the ends of a page.
#pragma once

#include <string>
#include <string_view>

namespace greffe::cleanup {

std::string normalize_whitespace(std::string_view text);

}  // namespace greffe::cleanup
