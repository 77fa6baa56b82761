#include "models/text_input.h"

#include <cstdio>

namespace greffe {

std::optional<std::size_t> invalid_utf8_offset(std::string_view text) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  std::size_t i = 0;
  while (i < text.size()) {
    const unsigned char lead = byte(i);
    if (lead < 0x80) {
      ++i;
      continue;
    }
    // Length of the sequence and the range its second byte must fall in (RFC 3629, table 3-7
    // of the Unicode standard): this is what excludes overlong forms and surrogates.
    std::size_t length = 0;
    unsigned char low = 0x80, high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF)
      length = 2;
    else if (lead == 0xE0)
      length = 3, low = 0xA0;
    else if (lead >= 0xE1 && lead <= 0xEC)
      length = 3;
    else if (lead == 0xED)
      length = 3, high = 0x9F;
    else if (lead >= 0xEE && lead <= 0xEF)
      length = 3;
    else if (lead == 0xF0)
      length = 4, low = 0x90;
    else if (lead >= 0xF1 && lead <= 0xF3)
      length = 4;
    else if (lead == 0xF4)
      length = 4, high = 0x8F;
    else
      return i;
    if (i + length > text.size()) return i;
    if (byte(i + 1) < low || byte(i + 1) > high) return i;
    for (std::size_t k = 2; k < length; ++k)
      if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return i;
    i += length;
  }
  return std::nullopt;
}

std::optional<std::string> not_text_reason(std::string_view text) {
  const std::size_t nul = text.find('\0');
  const std::optional<std::size_t> invalid = invalid_utf8_offset(text);
  if (nul != std::string_view::npos && (!invalid || nul < *invalid))
    return "not a text file: NUL byte at offset " + std::to_string(nul) + " (binary, or UTF-16?)";
  if (!invalid) return std::nullopt;
  char hex[8];
  std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(text[*invalid]));
  return std::string("not UTF-8 text: byte ") + hex + " at offset " + std::to_string(*invalid) +
         " (Latin-1? convert it with: iconv -f latin1 -t utf-8)";
}

}  // namespace greffe
