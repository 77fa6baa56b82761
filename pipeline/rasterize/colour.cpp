#include "pipeline/rasterize/colour.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <vector>

namespace greffe::rasterize {

namespace {

// Lighter than this (0-255) is paper, for estimating the paper's tint.
constexpr int kPaper = 200;
// Print is darker than this: the cores of black strokes are under 100 on the fixtures, the ink of
// the seal on 004 p4 is 140-190. (On that page 100 read better than 130: 61 and 71 character errors.)
constexpr int kPrint = 100;
// Coloured: the spread between the channels, once each is divided by the paper's, above this.
// On 004 (a 200 dpi colour JPEG) blank paper spreads them by at most 6, the JPEG fringes of black
// print by up to 13 (99.9th percentile), the seal by 15-60.
constexpr int kColoured = 16;

}  // namespace

Raster luminance(const std::uint8_t* pixels, int width, int height, int bytes_per_row, ChannelOrder order,
                 int dpi) {
  Raster gray(width, height, dpi);
  for (int y = 0; y < height; ++y) {
    const std::uint8_t* row = pixels + static_cast<std::size_t>(y) * bytes_per_row;
    for (int x = 0; x < width; ++x) {
      const std::uint8_t* p = row + static_cast<std::size_t>(x) * order.bytes_per_pixel;
      gray.pixels[static_cast<std::size_t>(y) * width + x] = static_cast<std::uint8_t>(
          (299 * p[order.red] + 587 * p[order.green] + 114 * p[order.blue] + 500) / 1000);
    }
  }
  return gray;
}

namespace {

// How many pixels of `gray` are light coloured ink; made paper in `drop_into` (gray itself, or null).
long long light_colour(const Raster& gray, const std::uint8_t* pixels, int bytes_per_row, ChannelOrder order,
                       Raster* drop_into) {
  const int width = gray.width, height = gray.height;
  auto pixel = [&](int x, int y) {
    return pixels + static_cast<std::size_t>(y) * bytes_per_row +
           static_cast<std::size_t>(x) * order.bytes_per_pixel;
  };
  // The paper's tint: the median of each channel over the light pixels.
  std::array<std::array<long long, 256>, 3> histogram{};
  long long light = 0;
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x) {
      if (gray.pixels[static_cast<std::size_t>(y) * width + x] <= kPaper) continue;
      const std::uint8_t* p = pixel(x, y);
      ++histogram[0][p[order.red]];
      ++histogram[1][p[order.green]];
      ++histogram[2][p[order.blue]];
      ++light;
    }
  if (light < static_cast<long long>(width) * height / 10) return 0;  // no paper to judge colour by
  std::array<int, 3> paper{};
  for (int channel = 0; channel < 3; ++channel) {
    long long seen = 0;
    int level = 0;
    while (level < 255 && (seen += histogram[channel][level]) < light / 2) ++level;
    paper[channel] = std::max(level, 1);
  }

  // Each channel divided by the paper's, looked up rather than divided for every pixel.
  std::array<std::array<int, 256>, 3> balanced{};
  for (int channel = 0; channel < 3; ++channel)
    for (int level = 0; level < 256; ++level)
      balanced[channel][level] = std::min(255, level * 255 / paper[channel]);
  const std::uint8_t paper_gray =
      static_cast<std::uint8_t>((299 * paper[0] + 587 * paper[1] + 114 * paper[2] + 500) / 1000);
  long long coloured = 0;
  std::vector<std::uint8_t> seal(drop_into ? gray.pixels.size() : 0, 0);
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x) {
      const std::size_t at = static_cast<std::size_t>(y) * width + x;
      if (gray.pixels[at] < kPrint) continue;
      const std::uint8_t* p = pixel(x, y);
      const int red = balanced[0][p[order.red]], green = balanced[1][p[order.green]],
                blue = balanced[2][p[order.blue]];
      if (std::max({red, green, blue}) - std::min({red, green, blue}) <= kColoured) continue;
      ++coloured;
      if (drop_into) seal[at] = 1;
    }
  if (!drop_into) return coloured;
  // The seal's ink and its fringe, the lighter-than-print pixels beside it (JPEG blurs colour over
  // a pixel or two), become the paper's own gray: pure white left blots brighter than the paper,
  // so that lighting flattening darkened the paper around them and the threshold kept it as specks
  // around the letters the seal crossed (seen on 004 p4 in the debug viewer).
  auto beside_coloured = [&](int x, int y) {
    for (int yy = std::max(0, y - 1); yy <= std::min(height - 1, y + 1); ++yy)
      for (int xx = std::max(0, x - 1); xx <= std::min(width - 1, x + 1); ++xx)
        if (seal[static_cast<std::size_t>(yy) * width + xx]) return true;
    return false;
  };
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x) {
      const std::size_t at = static_cast<std::size_t>(y) * width + x;
      if (drop_into->pixels[at] >= kPrint && beside_coloured(x, y)) drop_into->pixels[at] = paper_gray;
    }
  return coloured;
}

}  // namespace

void drop_light_colour(Raster& gray, const std::uint8_t* pixels, int bytes_per_row, ChannelOrder order) {
  light_colour(gray, pixels, bytes_per_row, order, &gray);
  gray.light_colour_dropped = true;
}

bool has_light_colour(const Raster& gray, const std::uint8_t* pixels, int bytes_per_row, ChannelOrder order) {
  const long long coloured = light_colour(gray, pixels, bytes_per_row, order, nullptr);
  return coloured * 1000 > static_cast<long long>(gray.width) * gray.height;
}

void drop_light_colour_if_present(Raster& gray, const std::uint8_t* pixels, int bytes_per_row,
                                  ChannelOrder order) {
  if (has_light_colour(gray, pixels, bytes_per_row, order))
    drop_light_colour(gray, pixels, bytes_per_row, order);
}

}  // namespace greffe::rasterize
