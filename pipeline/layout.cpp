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

// Whether a row, or the rows beside it, hold a run of ink at least `length` pixels long ending
// within `span` pixels left of x (gaps of up to `span` bridged): a rule starts only where no rule
// runs into it from the left. A letter's stem touching the frame's corner (a heading struck
// through by the stamp's bottom rule) is shorter than that.
bool rule_before(const Raster& page, int x, int y, int span, int length) {
  for (int r = std::max(0, y - 1); r <= std::min(page.height - 1, y + 1); ++r) {
    int c = x - 1, end = -1;
    while (c >= 0 && c >= x - span && !ink_at(page, c, r)) --c;
    if (c < 0 || c < x - span) continue;
    end = c;
    for (int missed = 0; c >= 0; --c) {
      if (ink_at(page, c, r)) {
        missed = 0;
        if (end - c + 1 >= length) return true;
      } else if (++missed > span) {
        break;
      }
    }
  }
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
      if (!ink_at(page, x, y) || x * 2 < page.width || rule_before(page, x, y, gap + 1, dpi / 20)) continue;
      // Short ink touching it from the left (a letter's stem, the frame's own thickness where it
      // tilts) is the box's too.
      int from = x;
      for (bool more = true; more && from > x - dpi / 20;) {
        more = false;
        for (int c = from - 1; c >= std::max(0, from - gap - 2); --c)
          if (ink_at(page, c, y) || (y > 0 && ink_at(page, c, y - 1)) ||
              (y + 1 < page.height && ink_at(page, c, y + 1))) {
            from = c, more = true;
            break;
          }
      }
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
      best = Box{from, top, last_ink - from + 1, lowest - top + 1};
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

Box stamp_interior(const Raster& page, const Box& stamp) {
  if (stamp.width <= 0 || stamp.height <= 0 || page.dpi <= 0) return stamp;
  const int dpi = page.dpi;
  const int inset = 3 * std::max(1, dpi / 50);  // past the frame's sides (find_head_stamp's reach)
  const int left = stamp.left + inset, right = stamp.left + stamp.width - inset;
  const int top = stamp.top, bottom = std::min(page.height, stamp.top + stamp.height);
  if (right - left < 4 || bottom - top < 4) return stamp;
  auto inked_between = [&](int y, int from, int to) {
    for (int x = std::max(0, from); x < std::min(page.width, to); ++x)
      if (ink_at(page, x, y)) return true;
    return false;
  };
  // The bottom rule: the lowest rows inked across 60% of the box's width.
  int rule_top = bottom;
  for (int y = bottom - 1; y > top; --y) {
    int inked = 0;
    for (int x = left; x < right; ++x) inked += ink_at(page, x, y);
    if (inked * 10 >= (right - left) * 6)
      rule_top = y;
    else if (rule_top < bottom)
      break;
  }
  // A heading struck through: at most 0.3 in of it above the rule (stamp lines run together by a
  // handwritten date are taller), print within 1/8 in left of the box in its rows (the heading
  // goes on outside), and its letters' lower parts right under the box (within 1/50 in) in 5% of
  // the box's columns at least (a stamp's last line sitting on the rule has paper under it).
  const int tallest = dpi * 3 / 10, outside = std::max(2, dpi / 8), below = std::max(2, dpi / 50);
  auto inked_columns_under = [&]() {
    int inked = 0;
    for (int x = left; x < right; ++x)
      for (int r = bottom; r < std::min(page.height, bottom + below); ++r)
        if (ink_at(page, x, r)) {
          ++inked;
          break;
        }
    return inked;
  };
  bool first = true;
  for (int y = top + inset; y < rule_top;) {
    if (!inked_between(y, left, right)) {
      ++y;
      continue;
    }
    int end = y;
    while (end < rule_top && inked_between(end, left, right)) ++end;
    bool runs_in = end == rule_top && end - y <= tallest;
    if (runs_in) {
      bool outside_ink = false;
      for (int r = y; r < end && !outside_ink; ++r)
        outside_ink = inked_between(r, stamp.left - outside, stamp.left);
      runs_in = outside_ink && inked_columns_under() * 20 >= right - left;
    }
    if (runs_in) {
      if (first) return stamp;
      const int cut = std::max(top + 1, y - 1);
      return Box{stamp.left, top, stamp.width, cut - top};
    }
    first = false;
    y = end;
  }
  return stamp;
}

void erase_frame_rules(Raster& page, const Box& area) {
  const int left = std::max(0, area.left), right = std::min(page.width, area.left + area.width);
  const int top = std::max(0, area.top), bottom = std::min(page.height, area.top + area.height);
  if (right - left < 4 || bottom - top < 4) return;
  auto pixel = [&](int x, int y) -> std::uint8_t& {
    return page.pixels[static_cast<std::size_t>(y) * page.width + x];
  };
  auto paper = [&](int x, int y) {
    return x < 0 || y < 0 || x >= page.width || y >= page.height || pixel(x, y) >= 128;
  };
  // Rows first: a rule is a run of such rows; a pixel of it goes when above and below the run is paper.
  for (int y = top; y < bottom;) {
    auto rule_row = [&](int r) {
      int inked = 0;
      for (int x = left; x < right; ++x) inked += pixel(x, r) < 128;
      return inked * 10 >= (right - left) * 6;
    };
    if (!rule_row(y)) {
      ++y;
      continue;
    }
    int end = y;
    while (end < bottom && rule_row(end)) ++end;
    for (int x = left; x < right; ++x)
      if (paper(x, y - 1) && paper(x, end))
        for (int r = y; r < end; ++r) pixel(x, r) = 255;
    y = end;
  }
  // The frame's sides run down near the area's edges; a letter's stem inside is no rule.
  const int side = std::max(2, page.dpi / 20);
  for (int x = left; x < right;) {
    if (x >= left + side && x < right - side) x = right - side;
    auto rule_column = [&](int c) {
      int inked = 0;
      for (int y = top; y < bottom; ++y) inked += pixel(c, y) < 128;
      return inked * 10 >= (bottom - top) * 8;
    };
    if (!rule_column(x)) {
      ++x;
      continue;
    }
    int end = x;
    while (end < right && rule_column(end)) ++end;
    for (int y = top; y < bottom; ++y)
      if (paper(x - 1, y) && paper(end, y))
        for (int c = x; c < end; ++c) pixel(c, y) = 255;
    x = end;
  }
}

namespace {

// A block of run-together ink in the page's head, in cells: [left, right) x [top, bottom).
struct Block {
  int left = 0, top = 0, right = 0, bottom = 0;
};

// The blocks of the rows [0, rows) of `cells`: ink run together across gaps of up to `across`
// cells in a row, then down gaps of up to `down` cells in a column, and joined where they touch.
std::vector<Block> blocks_of(const Cells& cells, int rows, int across, int down) {
  const int W = cells.width;
  std::vector<std::uint8_t> run(static_cast<std::size_t>(W) * rows, 0);
  auto at = [&](int x, int y) -> std::uint8_t& { return run[static_cast<std::size_t>(y) * W + x]; };
  for (int y = 0; y < rows; ++y) {
    int last = -1;
    for (int x = 0; x < W; ++x) {
      if (!cells.at(x, y)) continue;
      if (last >= 0 && x - last - 1 <= across) std::fill(&at(last, y), &at(x, y), 1);
      at(x, y) = 1;
      last = x;
    }
  }
  for (int x = 0; x < W; ++x) {
    int last = -1;
    for (int y = 0; y < rows; ++y) {
      if (!at(x, y)) continue;
      if (last >= 0 && y - last - 1 <= down)
        for (int r = last + 1; r < y; ++r) at(x, r) = 1;
      last = y;
    }
  }
  std::vector<Block> blocks;
  std::vector<int> stack;
  for (int y0 = 0; y0 < rows; ++y0)
    for (int x0 = 0; x0 < W; ++x0) {
      if (at(x0, y0) != 1) continue;
      Block block{x0, y0, x0 + 1, y0 + 1};
      at(x0, y0) = 2;
      stack.assign(1, y0 * W + x0);
      while (!stack.empty()) {
        const int x = stack.back() % W, y = stack.back() / W;
        stack.pop_back();
        block.left = std::min(block.left, x), block.right = std::max(block.right, x + 1);
        block.top = std::min(block.top, y), block.bottom = std::max(block.bottom, y + 1);
        const int next[4][2] = {{x - 1, y}, {x + 1, y}, {x, y - 1}, {x, y + 1}};
        for (const auto& n : next)
          if (n[0] >= 0 && n[0] < W && n[1] >= 0 && n[1] < rows && at(n[0], n[1]) == 1) {
            at(n[0], n[1]) = 2;
            stack.push_back(n[1] * W + n[0]);
          }
      }
      blocks.push_back(block);
    }
  return blocks;
}

// How many lines of print the cells [left, right) x [top, bottom) hold: runs of inked rows.
int lines_in(const Cells& cells, int left, int right, int top, int bottom) {
  int lines = 0;
  bool in_line = false;
  for (int y = top; y < bottom; ++y) {
    bool inked = false;
    for (int x = left; x < right && !inked; ++x) inked = cells.at(x, y);
    if (inked && !in_line) ++lines;
    in_line = inked;
  }
  return lines;
}

}  // namespace

std::vector<Box> find_letterhead(const Raster& page, const std::vector<Box>& apart) {
  if (page.dpi <= 0 || page.width < 100 || page.height < 100) return {};
  Cells cells = cells_of(page);
  const int W = cells.width, H = cells.height, size = cells.size;
  for (const Box& ignore : apart) {
    if (ignore.width <= 0 || ignore.height <= 0) continue;
    const int left = std::max(0, ignore.left / size), top = std::max(0, ignore.top / size);
    const int right = std::min(W, (ignore.left + ignore.width + size - 1) / size);
    const int bottom = std::min(H, (ignore.top + ignore.height + size - 1) / size);
    for (int y = top; y < bottom; ++y)
      for (int x = left; x < right; ++x) cells.ink[static_cast<std::size_t>(y) * W + x] = 0;
  }
  // In cells of 1/75 in: word spaces and a line's leading are run together, a column's gap is not.
  const int across = 19, down = 9, column_gap = 30, tallest = 112;
  const int min_width = 22, min_height = 6;  // a word of print: 0.3 in by 0.08 in
  const int band = H * 30 / 100;
  std::vector<Block> blocks = blocks_of(cells, band, across, down);

  // The head ends where the body starts: the first block as wide as a paragraph.
  int head = band;
  for (const Block& block : blocks)
    if ((block.right - block.left) * 100 >= W * 55) head = std::min(head, block.top);
  std::vector<Block> in_head;
  for (const Block& block : blocks)
    if (block.bottom < head && block.right - block.left >= min_width &&
        block.bottom - block.top >= min_height)
      in_head.push_back(block);
  std::sort(in_head.begin(), in_head.end(), [](const Block& a, const Block& b) { return a.top < b.top; });

  std::vector<Box> found;
  const int margin = 2;
  for (std::size_t first = 0; first < in_head.size();) {
    // A strip: the blocks whose rows overlap, one after the other down the head.
    std::size_t end = first + 1;
    int top = in_head[first].top, bottom = in_head[first].bottom;
    while (end < in_head.size() && in_head[end].top < bottom)
      bottom = std::max(bottom, in_head[end++].bottom);
    std::vector<Block> strip(in_head.begin() + static_cast<std::ptrdiff_t>(first),
                             in_head.begin() + static_cast<std::ptrdiff_t>(end));
    first = end;
    if (bottom - top > tallest) continue;
    std::sort(strip.begin(), strip.end(), [](const Block& a, const Block& b) { return a.left < b.left; });
    std::vector<Block> columns;
    for (const Block& block : strip) {
      if (!columns.empty() && block.left - columns.back().right < column_gap) {
        Block& column = columns.back();
        column.right = std::max(column.right, block.right);
        column.top = std::min(column.top, block.top), column.bottom = std::max(column.bottom, block.bottom);
      } else {
        columns.push_back(block);
      }
    }
    if (columns.size() < 2) continue;
    bool stacked = false;
    for (const Block& column : columns)
      stacked = stacked || lines_in(cells, column.left, column.right, column.top, column.bottom) >= 2;
    if (!stacked) continue;
    for (const Block& column : columns) {
      const int left = std::max(0, (column.left - margin) * size),
                right = std::min(page.width, (column.right + margin) * size);
      const int top_px = std::max(0, (top - margin) * size),
                bottom_px = std::min(page.height, (bottom + margin) * size);
      found.push_back(Box{left, top_px, right - left, bottom_px - top_px});
    }
  }
  return found;
}

}  // namespace greffe::pipeline
