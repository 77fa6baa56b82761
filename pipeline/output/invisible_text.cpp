#include "pipeline/output/invisible_text.h"

#include <unicode/unistr.h>

#include <cmath>
#include <cstdio>

namespace greffe::output {

namespace {

// Helvetica's advance widths by WinAnsiEncoding code, in thousandths of the font size: from the
// AFM of URW's Nimbus Sans (metric-compatible with Helvetica; Debian fonts-urw-base35), glyphs named
// by the Adobe Glyph List (Debian aglfn), codes by Windows-1252. 0: no glyph at that code.
constexpr int kHelveticaWidths[256] = {
    0,    0,   0,   0,   0,    0,   0,   0,   0,   0,   0,   0,    0,   0,    0,   0,   0,   0,    0,    0,
    0,    0,   0,   0,   0,    0,   0,   0,   0,   0,   0,   0,    278, 278,  355, 556, 556, 889,  667,  191,
    333,  333, 389, 584, 278,  333, 278, 278, 556, 556, 556, 556,  556, 556,  556, 556, 556, 556,  278,  278,
    584,  584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778,  722, 278,  500, 667, 556, 833,  722,  778,
    667,  778, 722, 667, 611,  722, 667, 944, 667, 667, 611, 278,  278, 278,  469, 556, 333, 556,  556,  500,
    556,  556, 278, 556, 556,  222, 222, 500, 222, 833, 556, 556,  556, 556,  333, 500, 278, 556,  500,  722,
    500,  500, 500, 334, 260,  334, 584, 0,   556, 0,   222, 556,  333, 1000, 556, 556, 333, 1000, 667,  333,
    1000, 0,   611, 0,   0,    222, 222, 333, 333, 350, 556, 1000, 333, 1000, 500, 333, 944, 0,    500,  667,
    278,  333, 556, 556, 556,  556, 260, 556, 333, 737, 370, 556,  584, 333,  737, 333, 400, 584,  333,  333,
    333,  556, 537, 278, 333,  333, 365, 556, 834, 834, 834, 611,  667, 667,  667, 667, 667, 667,  1000, 722,
    667,  667, 667, 667, 278,  278, 278, 278, 722, 722, 778, 778,  778, 778,  778, 584, 778, 722,  722,  722,
    722,  667, 667, 611, 556,  556, 556, 556, 556, 556, 889, 500,  556, 556,  556, 556, 278, 278,  278,  278,
    556,  556, 556, 556, 556,  556, 556, 584, 611, 556, 556, 556,  556, 500,  556, 500};

// Helvetica's ascent and descent (thousandths of the font size): a word's glyphs span
// [baseline - ascent, baseline + descent], which is what text extraction reports as its box.
constexpr double kAscent = 0.718;
constexpr double kDescent = 0.207;

std::string number(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", std::abs(value) < 0.05 ? 0.0 : value);  // a tenth of a point
  std::string out = text;
  while (out.back() == '0') out.pop_back();
  if (out.back() == '.') out.pop_back();
  return out;
}

// A PDF literal string: bytes as they are, but for the three the syntax reserves and line ends.
std::string literal(const std::string& bytes) {
  std::string out = "(";
  for (const char c : bytes) {
    if (c == '(' || c == ')' || c == '\\') out += '\\';
    if (c == '\r')
      out += "\\r";
    else if (c == '\n')
      out += "\\n";
    else
      out += c;
  }
  return out + ")";
}

// A PDF text string in UTF-16BE with its byte-order mark, as hex.
std::string utf16_hex(const std::string& utf8) {
  static const char digits[] = "0123456789ABCDEF";
  const icu::UnicodeString text = icu::UnicodeString::fromUTF8(utf8);
  std::string out = "<FEFF";
  for (int32_t i = 0; i < text.length(); ++i) {
    const char16_t unit = text.charAt(i);
    for (int shift = 12; shift >= 0; shift -= 4) out += digits[(unit >> shift) & 15];
  }
  return out + ">";
}

}  // namespace

std::string to_win_ansi(const std::string& utf8) {
  const icu::UnicodeString text = icu::UnicodeString::fromUTF8(utf8);
  std::string out;
  for (int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1)) {
    const UChar32 c = text.char32At(i);
    if ((c >= 0x20 && c < 0x7F) || (c >= 0xA0 && c <= 0xFF)) {
      out += static_cast<char>(c);
      continue;
    }
    // Windows-1252's 0x80-0x9F.
    static const UChar32 high[32] = {0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                     0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
                                     0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                     0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};
    char code = '?';
    for (int k = 0; k < 32; ++k)
      if (high[k] == c && c != 0) code = static_cast<char>(0x80 + k);
    out += code;
  }
  return out;
}

int helvetica_width(const std::string& win_ansi) {
  int width = 0;
  for (const unsigned char c : win_ansi) width += kHelveticaWidths[c] > 0 ? kHelveticaWidths[c] : 556;
  return width;
}

std::string invisible_text(const PlacedPage& page, const PageTransform& ocr_to_user_space,
                           const std::string& font) {
  // The direction text runs on the page, to the nearest quarter turn. A deskewed page's words
  // are a degree or two off the horizontal on the scan, but set at that slant, text extraction
  // (poppler's) splits long words where their baseline drifts; set level, each word stays whole,
  // centred on where it is printed.
  const Point origin = ocr_to_user_space.apply({0, 0}), x_axis = ocr_to_user_space.apply({1, 0});
  const double dx = x_axis.x - origin.x, dy = x_axis.y - origin.y;
  Point u{dx >= 0 ? 1.0 : -1.0, 0};
  if (std::abs(dy) > std::abs(dx)) u = {0, dy >= 0 ? 1.0 : -1.0};
  const Point v{-u.y, u.x};  // the text's up, a quarter turn counter-clockwise (y up)

  // The layer is most of what a page gains: words are placed relative to the one before (Td)
  // and sizes rounded to half a point (Tf only when it changes), which halves its size.
  std::string out =
      "BT\n3 Tr\n" + number(u.x) + " " + number(u.y) + " " + number(v.x) + " " + number(v.y) + " 0 0 Tm\n";
  Point at{0, 0};    // where the text line matrix is, in points
  double size = -1;  // the font size in force
  auto set_word = [&](const PlacedWord& word) {
    const std::string text = to_win_ansi(word.text);
    const int width = helvetica_width(text);
    const Box& box = word.ocr_box;
    if (text.empty() || width <= 0 || box.width <= 0 || box.height <= 0) return;
    const double left = box.left, top = box.top, right = left + box.width, bottom = top + box.height;
    const Point centre = ocr_to_user_space.apply({(left + right) / 2, (top + bottom) / 2});
    const Point bottom_left = ocr_to_user_space.apply({left, bottom});
    const Point bottom_right = ocr_to_user_space.apply({right, bottom});
    const Point top_left = ocr_to_user_space.apply({left, top});
    const double length = std::hypot(bottom_right.x - bottom_left.x, bottom_right.y - bottom_left.y);
    const double height = std::hypot(top_left.x - bottom_left.x, top_left.y - bottom_left.y);
    if (length <= 0 || height <= 0) return;
    // Sized so that the glyphs' span, ascent to descent, is the box's height; stretched to its width.
    const double word_size = std::max(0.5, std::round(2 * height / (kAscent + kDescent)) / 2);
    if (word_size != size) out += font + " " + number(word_size) + " Tf ";
    size = word_size;
    const double scale = 100.0 * length / (width / 1000.0 * size);
    const double rise = (kAscent - kDescent) / 2 * size;  // from the baseline to the glyphs' middle
    const Point start{centre.x - u.x * length / 2 - v.x * rise, centre.y - u.y * length / 2 - v.y * rise};
    // The move in text space (along u, along v), rounded as written so that errors do not add up.
    const double along = std::round(((start.x - at.x) * u.x + (start.y - at.y) * u.y) * 10) / 10;
    const double across = std::round(((start.x - at.x) * v.x + (start.y - at.y) * v.y) * 10) / 10;
    at = {at.x + along * u.x + across * v.x, at.y + along * u.y + across * v.y};
    out += number(scale) + " Tz " + number(along) + " " + number(across) + " Td " + literal(text) + " Tj\n";
  };

  // A word reflow joins across a line end: the first part says it is the whole word
  // (ActualText), the second that it is nothing more, so that search and copy read "nécessaire"
  // where it starts, as text.txt does, not "néces-" and "saire".
  for (const PlacedLine& line : page.lines) {
    for (const PlacedWord& word : line.words) {
      const bool part = (word.hyphen_part == 1 || word.hyphen_part == 2) && !word.joined.empty();
      if (part)
        out += "/Span << /ActualText " + utf16_hex(word.hyphen_part == 1 ? word.joined : "") + " >> BDC\n";
      set_word(word);
      if (part) out += "EMC\n";
    }
  }
  return out + "ET\n";
}

}  // namespace greffe::output
