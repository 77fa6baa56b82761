#include "cleanup/fold.h"

#include <cctype>

namespace greffe::cleanup {

std::string fold(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      out += static_cast<char>(std::tolower(c));
      continue;
    }
    if (c == 0xC3 && i + 1 < text.size()) {
      const unsigned char d = static_cast<unsigned char>(text[i + 1]) | 0x20;  // upper to lower case
      const char* map = nullptr;
      if (d >= 0xA0 && d <= 0xA5)
        map = "a";
      else if (d == 0xA7)
        map = "c";
      else if (d >= 0xA8 && d <= 0xAB)
        map = "e";
      else if (d >= 0xAC && d <= 0xAF)
        map = "i";
      else if (d >= 0xB2 && d <= 0xB6)
        map = "o";
      else if (d >= 0xB9 && d <= 0xBC)
        map = "u";
      if (map) {
        out += map;
        ++i;
        continue;
      }
    }
    if (c == 0xC5 && i + 1 < text.size() && (text[i + 1] == '\x93' || text[i + 1] == '\x92')) {
      out += "oe";  // œ and Œ
      ++i;
      continue;
    }
    if (c == 0xE2 && i + 2 < text.size() && text[i + 1] == '\x80' &&
        (text[i + 2] == '\x99' || text[i + 2] == '\x98')) {
      out += '\'';  // typographic apostrophe
      i += 2;
      continue;
    }
    out += static_cast<char>(c);
  }
  return out;
}

std::string folded_letters(std::string_view text) {
  std::string letters;
  for (char c : fold(text))
    if (c >= 'a' && c <= 'z') letters += c;
  return letters;
}

}  // namespace greffe::cleanup
