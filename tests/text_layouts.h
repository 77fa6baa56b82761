// The layouts a text reaches the parser in: as printed, without blank lines (as pdftotext and
// other extractors give it), flattened to one line (as third parties publish extracted text).
#pragma once

#include <string>

namespace greffe::test {

inline std::string without_blank_lines(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i)
    if (!(text[i] == '\n' && !out.empty() && out.back() == '\n')) out += text[i];
  return out;
}

// Line and page breaks become one space; runs of spaces are collapsed.
inline std::string one_line(const std::string& text) {
  std::string out;
  for (char c : text) {
    const char d = (c == '\n' || c == '\f') ? ' ' : c;
    if (d == ' ' && (out.empty() || out.back() == ' ')) continue;
    out += d;
  }
  return out;
}

}  // namespace greffe::test
