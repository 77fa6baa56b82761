#include "ocr/dash.h"

#include <algorithm>

namespace greffe::ocr {

bool long_as_en_dash(const Raster& page, const Box& dash, float row_height) {
  if (row_height < 8) return false;  // too small a line to measure a glyph on
  // The engine's box can miss an edge column of the bar; two pixels either side give it back
  // without reaching the next word, which stands a space away.
  const int left = std::max(0, dash.left - 2), right = std::min(page.width, dash.left + dash.width + 2);
  const int top = std::max(0, dash.top), bottom = std::min(page.height, dash.top + dash.height);
  int longest = 0;
  for (int y = top; y < bottom; ++y) {
    const std::uint8_t* row = page.pixels.data() + static_cast<std::size_t>(y) * page.width;
    int run = 0;
    for (int x = left; x < right; ++x) {
      run = row[x] < 128 ? run + 1 : 0;
      longest = std::max(longest, run);
    }
  }
  return longest > kEnDashLength * row_height;
}

}  // namespace greffe::ocr
