#include "ocr/underscore.h"

#include <algorithm>

namespace greffe::ocr {

namespace {

bool dark(const Raster& page, int x, int y) {
  return page.pixels[static_cast<std::size_t>(y) * page.width + x] < 128;
}

struct Run {
  int start = 0, end = 0;  // [start, end)
  int length() const { return end - start; }
};

Run longest_run(const Raster& page, int y, int from, int to) {
  Run best, current{-1, -1};
  for (int x = from; x <= to; ++x) {
    const bool ink = x < to && dark(page, x, y);
    if (ink && current.start < 0) current.start = x;
    if (!ink && current.start >= 0) {
      current.end = x;
      if (current.length() > best.length()) best = current;
      current.start = -1;
    }
  }
  return best;
}

// How far ink goes on row y from the run [start, end), leftwards and rightwards.
Run extended(const Raster& page, int y, Run run) {
  while (run.start > 0 && dark(page, run.start - 1, y)) --run.start;
  while (run.end < page.width && dark(page, run.end, y)) ++run.end;
  return run;
}

}  // namespace

std::string underscore_between(const Raster& page, const Box& left, const Box& right, int baseline) {
  const int height = std::min(left.height, right.height);    // about the capitals' height
  const int from = left.left + left.width, to = right.left;  // the gap, [from, to)
  const int gap = to - from;
  if (height < 8 || gap < height / 5 || from < 0 || to > page.width || baseline <= 0 ||
      baseline >= page.height)
    return "";
  // Above the baseline, in the letters' zone, the gap is blank (otherwise a glyph the engine
  // dropped is there, not a bar); a margin of an eighth of the capitals' height forgives the
  // letters' edges and serifs, which the engine's boxes do not always hold.
  const int margin = std::max(2, height / 8);
  for (int y = std::max(0, baseline - height / 2); y < baseline; ++y)
    for (int x = from + margin; x < to - margin; ++x)
      if (dark(page, x, y)) return "";
  // The bar lies under the baseline (letters' bottoms, "e" among them, sit on it), at least as long as half
  // the capitals' height, and reaches the end of the first word: the engine sometimes counts it in that
  // word's box, so it is looked for there too, up to half a capital's height back.
  const int search_from = std::max(left.left, from - height / 2);
  // (Not lower than a third of the capitals' height under the baseline: further down are the
  // tops of the next line's capitals, "T" among them.)
  const int bar_top = baseline + 2, bar_bottom = std::min(page.height, baseline + height / 3);
  int first_row = -1, rows = 0;
  Run bar;
  for (int y = bar_top; y < bar_bottom; ++y) {
    const Run run = longest_run(page, y, search_from, to);
    if (run.length() < height * 45 / 100 || run.end < from - 1) continue;
    if (first_row < 0) first_row = y;
    ++rows;
    if (run.length() > bar.length()) bar = run;
  }
  // A bar is thin, and stands apart from the letters above it: a descender's loop ("g") is
  // joined to its letter by its sides.
  if (first_row < 0 || rows > height / 5 + 1) return "";
  const int last_row = first_row + rows - 1;
  // An underscore is a glyph, narrower than a capital is high, that stops where the next letter
  // starts. A rule that runs on under the letters of either word is the underline of a title
  // ("Présents :", "RÉPUBLIQUE FRANÇAISE" underlined), not an underscore joining them.
  for (int y = first_row; y <= last_row; ++y) {
    const Run whole = extended(page, y, longest_run(page, y, search_from, to));
    if (whole.length() == 0) continue;
    if (whole.start < from - height || whole.end > to + height / 3) return "";
  }
  for (int y : {first_row - 3, first_row - 2, last_row + 2, last_row + 3})
    for (int x = bar.start + 2; x < bar.end - 2; ++x)
      if (y >= 0 && y < page.height && dark(page, x, y)) return "";
  // Blank after the bar wider than a fifth of the capitals' height is a word space.
  return to - bar.end > height / 5 ? "_ " : "_";
}

}  // namespace greffe::ocr
