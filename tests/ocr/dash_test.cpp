// En dash or hyphen, from the length of the glyph's ink: synthetic pages.
#include <catch2/catch.hpp>

#include "ocr/dash.h"

using namespace greffe;

namespace {

// A line 45 px high (x-height plus ascenders, as at 12 pt and 300 dpi).
constexpr float row_height = 45;

void ink(Raster& page, int x0, int x1, int y0, int y1) {
  for (int y = y0; y < y1; ++y)
    for (int x = x0; x < x1; ++x) page.pixels[static_cast<std::size_t>(y) * page.width + x] = 0;
}

}  // namespace

TEST_CASE("a lone dash is an en dash when its ink is half an em long") {
  Raster page(100, 60, 300);
  SECTION("a hyphen's bar, 13 px, is a hyphen") {
    ink(page, 40, 53, 30, 34);
    CHECK_FALSE(ocr::long_as_en_dash(page, {40, 30, 13, 4}, row_height));
  }
  SECTION("an en dash's bar, 24 px, is an en dash") {
    ink(page, 40, 64, 30, 33);
    CHECK(ocr::long_as_en_dash(page, {40, 30, 24, 3}, row_height));
  }
  SECTION("the bar's end columns outside the engine's box still count") {
    ink(page, 38, 62, 30, 33);
    CHECK(ocr::long_as_en_dash(page, {40, 30, 20, 3}, row_height));
  }
  SECTION("a hyphen and a speck beside it, in one wide box, are a hyphen") {
    ink(page, 40, 53, 30, 34);
    ink(page, 57, 61, 28, 34);
    CHECK_FALSE(ocr::long_as_en_dash(page, {40, 28, 21, 6}, row_height));
  }
  SECTION("a box at the page's edge is measured without reading outside it") {
    ink(page, 0, 13, 30, 34);
    CHECK_FALSE(ocr::long_as_en_dash(page, {0, 30, 13, 4}, row_height));
    ink(page, 80, 100, 30, 34);
    CHECK(ocr::long_as_en_dash(page, {80, 30, 21, 4}, row_height));
  }
  SECTION("a line too small to measure says nothing") {
    ink(page, 40, 64, 30, 33);
    CHECK_FALSE(ocr::long_as_en_dash(page, {40, 30, 24, 3}, 5));
  }
}
