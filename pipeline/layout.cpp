#include "pipeline/layout.h"

#include <algorithm>
#include <vector>

namespace greffe::pipeline {

namespace {

// The page in cells of about 1/75 in: a cell is ink when two of its pixels are (a speck is not).
struct Cells {
  int size = 1;  // pixels a side
  int width = 0, height = 0;
  std::vector<std::uint8_t> ink;
  bool at(int x, int y) const { return ink[static_cast<std::size_t>(y) * width + x] != 0; }
};

Cells cells_of(const Raster& page) {
  Cells cells;
  cells.size = std::max(1, page.dpi / 75);
  cells.width = page.width / cells.size;
  cells.height = page.height / cells.size;
  std::vector<int> count(static_cast<std::size_t>(cells.width) * cells.height, 0);
  for (int y = 0; y < cells.height * cells.size; ++y) {
    const std::uint8_t* row = page.pixels.data() + static_cast<std::size_t>(y) * page.width;
    int* counts = count.data() + static_cast<std::size_t>(y / cells.size) * cells.width;
    for (int x = 0; x < cells.width * cells.size; ++x)
      if (row[x] < 128) ++counts[x / cells.size];
  }
  cells.ink.resize(count.size());
  for (std::size_t i = 0; i < count.size(); ++i) cells.ink[i] = count[i] >= 2;
  return cells;
}

}  // namespace

Box find_sidebar(const Raster& page) {
  if (page.dpi <= 0 || page.width < 100 || page.height < 100) return {};
  const Cells cells = cells_of(page);
  const int W = cells.width, H = cells.height;
  const int gutter = 6;  // 0.08 in: twice a word space of 12 pt print
  const int first = W * 8 / 100, last = W * 45 / 100;
  if (last <= first || H < 10) return {};

  // Per row, running counts of ink cells: the gutter's, the left's and the right's ink in O(1).
  std::vector<int> prefix(static_cast<std::size_t>(W + 1) * H, 0);
  for (int y = 0; y < H; ++y) {
    int* sums = prefix.data() + static_cast<std::size_t>(y) * (W + 1);
    for (int x = 0; x < W; ++x) sums[x + 1] = sums[x] + (cells.at(x, y) ? 1 : 0);
  }
  auto ink_between = [&](int y, int from, int to) {
    const int* sums = prefix.data() + static_cast<std::size_t>(y) * (W + 1);
    return sums[to] - sums[from];
  };

  struct Candidate {
    int x = 0, top = 0, bottom = 0;  // the gutter [x, x + gutter) is white over rows [top, bottom)
  };
  Candidate best;
  for (int x = first; x + gutter <= last; ++x) {
    int top = -1;
    for (int y = 0; y <= H; ++y) {
      const bool white = y < H && ink_between(y, x, x + gutter) == 0;
      if (white && top < 0) top = y;
      if (white || top < 0) continue;
      const int bottom = y;
      const int run_top = top;
      top = -1;
      if ((bottom - run_top) * 10 < H * 3 || bottom - run_top <= best.bottom - best.top) continue;
      int left_rows = 0, right_rows = 0, inked_rows = 0, left_from = x, left_to = 0;
      for (int r = run_top; r < bottom; ++r) {
        inked_rows += ink_between(r, 0, W) > 0;
        if (ink_between(r, 0, x) > 0) {
          ++left_rows;
          for (int c = 0; c < left_from; ++c)
            if (cells.at(c, r)) {
              left_from = c;
              break;
            }
          for (int c = x - 1; c > left_to; --c)
            if (cells.at(c, r)) {
              left_to = c;
              break;
            }
        }
        right_rows += ink_between(r, x + gutter, W) > 0;
      }
      // A column of list numbers or bullets is narrow: a sidebar's lines are a tenth of the page wide.
      if (left_rows * 6 >= inked_rows && right_rows * 2 >= inked_rows && (left_to - left_from) * 10 >= W)
        best = {x, run_top, bottom};
    }
  }
  if (best.bottom == 0) return {};
  // The gutter may be wider than its minimum: put the sidebar's edge in its middle.
  int right = best.x + gutter;
  while (right < last) {
    bool white = true;
    for (int y = best.top; y < best.bottom && white; ++y) white = !cells.at(right, y);
    if (!white) break;
    ++right;
  }
  const int edge = (best.x + right) / 2;
  return Box{0, best.top * cells.size, edge * cells.size, (best.bottom - best.top) * cells.size};
}

namespace {

bool ink_at(const Raster& page, int x, int y) {
  return page.pixels[static_cast<std::size_t>(y) * page.width + x] < 128;
}

// Whether a row holds ink within `reach` pixels of column x.
bool ink_near(const Raster& page, int x, int y, int reach) {
  for (int c = std::max(0, x - reach); c <= std::min(page.width - 1, x + reach); ++c)
    if (ink_at(page, c, y)) return true;
  return false;
}

// The top of a vertical rule running up from row `bottom` near column x: gaps of up to `gap`
// rows are bridged (a scanned rule fades in places).
int rule_top(const Raster& page, int x, int bottom, int reach, int gap) {
  int top = bottom, missed = 0;
  for (int y = bottom; y >= 0; --y) {
    if (ink_near(page, x, y, reach)) {
      top = y;
      missed = 0;
    } else if (++missed > gap) {
      break;
    }
  }
  return top;
}

// Whether a row, or the rows beside it, hold ink in the `span` pixels left of x: a rule starts
// only where no ink runs into it from the left.
bool ink_before(const Raster& page, int x, int y, int span) {
  for (int r = std::max(0, y - 1); r <= std::min(page.height - 1, y + 1); ++r)
    for (int c = std::max(0, x - span); c < x; ++c)
      if (ink_at(page, c, r)) return true;
  return false;
}

// Whether a column or a row strictly inside [left, right] x [top, bottom) is inked over 90% of
// its length: a table's rule between its cells (a stamp's box has none).
bool inner_rule(const Raster& page, int left, int right, int top, int bottom) {
  for (int x = left; x <= right; ++x) {
    int inked = 0;
    for (int y = top; y < bottom; ++y) inked += ink_at(page, x, y);
    if (inked * 10 >= (bottom - top) * 9) return true;
  }
  for (int y = top; y < bottom; ++y) {
    int inked = 0;
    for (int x = left; x <= right; ++x) inked += ink_at(page, x, y);
    if (inked * 10 >= (right - left + 1) * 9) return true;
  }
  return false;
}

}  // namespace

Box find_head_stamp(const Raster& page) {
  if (page.dpi <= 0 || page.width < 100 || page.height < 100) return {};
  const int dpi = page.dpi;
  const int head = page.height / 5;
  const int min_length = dpi * 3 / 2, gap = std::max(1, dpi / 100);
  // The frame's bottom rule and its left side are what scans keep: the top rule is often cut by
  // the page's edge or broken by the platform's logo, the right side faded. So a stamp is found
  // by its bottom-left corner: a rule at least 1.5 in long, starting in the page's right half
  // (where the platforms print their stamps; a heading's or a table's box starts further left),
  // with a vertical rule rising 0.3 to 2 in from its left end.
  const int reach = std::max(1, dpi / 50), min_height = dpi * 3 / 10, max_height = dpi * 2;
  Box best;
  for (int y = 0; y < head; ++y)
    for (int x = 1; x < page.width; ++x) {
      // A rule starts where a row's ink starts; traced to the right, stepping a row up or down
      // where the rule does (a page deskewed under a stamp laid on straight tilts the stamp).
      if (!ink_at(page, x, y) || x * 2 < page.width || ink_before(page, x, y, gap + 1)) continue;
      int row = y, last_ink = x, lowest = y;
      for (int c = x + 1; c < page.width && c - last_ink <= gap + 1; ++c) {
        if (ink_at(page, c, row)) {
          last_ink = c;
        } else if (row > 0 && ink_at(page, c, row - 1)) {
          --row, last_ink = c;
        } else if (row + 1 < page.height && ink_at(page, c, row + 1)) {
          ++row, last_ink = c;
        }
        lowest = std::max(lowest, row);
      }
      const int length = last_ink - x;
      if (length < min_length || length * 10 > page.width * 6) continue;
      const int top = rule_top(page, x, y, reach, gap * 3);
      const int height = y - top;
      if (height < min_height || height > max_height) continue;
      // A table's column rule runs on below its row's rule; a frame's corner ends there.
      if (rule_top(page, x, std::min(page.height - 1, lowest + dpi / 10), reach, gap * 3) <= lowest) continue;
      // Rows go down: the lowest rule wins, the frame's bottom, not the underline of a line in it.
      best = Box{x, top, length + 1, lowest - top + 1};
      x = last_ink;
    }
  if (best.width == 0) return {};
  const int inset = 3 * reach;
  if (inner_rule(page, best.left + inset, best.left + best.width - inset, best.top + inset,
                 best.top + best.height - inset))
    return {};
  // A margin of 0.01 in: the frame's ink, not the line of the body printed just under it.
  const int margin = gap;
  const int left = std::max(0, best.left - margin), top = std::max(0, best.top - margin);
  const int right = std::min(page.width, best.left + best.width + margin);
  const int bottom = std::min(page.height, best.top + best.height + margin);
  return Box{left, top, right - left, bottom - top};
}

}  // namespace greffe::pipeline
