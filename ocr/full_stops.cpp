#include "ocr/full_stops.h"

#include <algorithm>
#include <vector>

namespace greffe::ocr {

namespace {

// A run of neighbouring columns holding ink, and the rows its ink spans.
struct Mark {
  int left = 0, right = 0;  // columns [left, right)
  int top = 0, bottom = 0;  // rows [top, bottom)
};

}  // namespace

int full_stops_at_end(const Raster& page, const Box& word, int baseline, float row_height) {
  if (row_height < 8 || baseline <= 0 || baseline >= page.height) return 0;
  // The engine's box can stop short of the last dot's edge; the next word is a space away.
  const int left = std::max(0, word.left), right = std::min(page.width, word.left + word.width + 3);
  const int top = std::max(0, word.top), bottom = std::min(page.height, word.top + word.height + 2);
  auto ink_rows = [&](int x, int& first, int& last) {
    first = last = -1;
    for (int y = top; y < bottom; ++y)
      if (page.pixels[static_cast<std::size_t>(y) * page.width + x] < 128) {
        if (first < 0) first = y;
        last = y;
      }
    return first >= 0;
  };
  // Marks from the right end, while they are dots.
  const int largest = static_cast<int>(row_height / 4);
  const int lift = std::max(2, static_cast<int>(row_height / 10));  // a dot's foot may sit above the baseline
  std::vector<Mark> dots;
  int x = right - 1;
  while (x >= left) {
    int first = 0, last = 0;
    while (x >= left && !ink_rows(x, first, last)) --x;
    if (x < left) break;
    Mark mark{x + 1, x + 1, page.height, -1};
    while (x >= left && ink_rows(x, first, last)) {
      mark.top = std::min(mark.top, first);
      mark.bottom = std::max(mark.bottom, last + 1);
      mark.left = x--;
    }
    const int width = mark.right - mark.left, height = mark.bottom - mark.top;
    const bool dot = width <= largest && height <= largest && 2 * width >= height && 2 * height >= width &&
                     mark.bottom >= baseline - lift && mark.top <= baseline;
    if (!dot) break;
    dots.push_back(mark);
  }
  if (dots.size() < 2) return 0;
  // Evenly spaced: no gap between two dots over twice the smallest (a speck stands further off).
  std::vector<int> gaps;
  for (std::size_t i = 1; i < dots.size(); ++i) gaps.push_back(dots[i - 1].left - dots[i].right);
  const int smallest = *std::min_element(gaps.begin(), gaps.end());
  for (int gap : gaps)
    if (gap > 2 * std::max(1, smallest)) return 0;
  return static_cast<int>(dots.size());
}

}  // namespace greffe::ocr
