// The stops ending a word, counted on the page: synthetic pages.
#include <catch2/catch.hpp>

#include "ocr/full_stops.h"

using namespace greffe;

namespace {

// A line 45 px high, baseline at row 50; the word's box holds a letter [10, 30) then its stops.
constexpr float row_height = 45;
constexpr int baseline = 50;

void ink(Raster& page, int x0, int x1, int y0, int y1) {
  for (int y = y0; y < y1; ++y)
    for (int x = x0; x < x1; ++x) page.pixels[static_cast<std::size_t>(y) * page.width + x] = 0;
}

Raster word_with_stops(int stops, int spacing = 12) {
  Raster page(160, 70, 300);
  ink(page, 10, 30, 20, baseline);  // a letter
  for (int i = 0; i < stops; ++i) ink(page, 36 + i * spacing, 42 + i * spacing, baseline - 6, baseline);
  return page;
}

Box box_to(int right) {
  return {10, 20, right - 10, baseline - 20};
}

}  // namespace

TEST_CASE("the stops ending a word are counted on the page") {
  SECTION("four dots are four, though the box ends a pixel short of the last") {
    CHECK(ocr::full_stops_at_end(word_with_stops(4), box_to(77), baseline, row_height) == 4);
  }
  SECTION("three dots are three") {
    CHECK(ocr::full_stops_at_end(word_with_stops(3), box_to(66), baseline, row_height) == 3);
  }
  SECTION("one stop is not an ellipsis: nothing is said") {
    CHECK(ocr::full_stops_at_end(word_with_stops(1), box_to(42), baseline, row_height) == 0);
  }
  SECTION("a speck well after the dots makes the count unsure: nothing is said") {
    Raster page = word_with_stops(3);
    ink(page, 100, 105, baseline - 5, baseline);
    CHECK(ocr::full_stops_at_end(page, box_to(106), baseline, row_height) == 0);
  }
  SECTION("marks above the baseline are not stops") {
    Raster page(160, 70, 300);
    ink(page, 10, 30, 20, baseline);
    ink(page, 36, 42, 20, 26);
    ink(page, 48, 54, 20, 26);
    CHECK(ocr::full_stops_at_end(page, box_to(55), baseline, row_height) == 0);
  }
  SECTION("a mark as big as a letter ends the count") {
    Raster page = word_with_stops(2);
    ink(page, 60, 75, 30, baseline);
    CHECK(ocr::full_stops_at_end(page, box_to(75), baseline, row_height) == 0);
  }
  SECTION("a line too small to measure says nothing") {
    CHECK(ocr::full_stops_at_end(word_with_stops(4), box_to(77), baseline, 5) == 0);
  }
}
