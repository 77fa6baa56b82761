// The underscore the engine drops, found in the gap between two words: synthetic pages.
#include <catch2/catch.hpp>

#include "ocr/underscore.h"

using namespace greffe;

namespace {

// Two words 40 px high, baseline at row 52, with a gap [70, 100) between them.
const Box left_word{10, 20, 60, 40}, right_word{100, 20, 60, 40};
constexpr int baseline = 52;

Raster blank() {
  return Raster(200, 70, 300);
}

void ink(Raster& page, int x0, int x1, int y0, int y1) {
  for (int y = y0; y < y1; ++y)
    for (int x = x0; x < x1; ++x) page.pixels[static_cast<std::size_t>(y) * page.width + x] = 0;
}

}  // namespace

TEST_CASE("an underscore the engine dropped is found between two words") {
  Raster page = blank();
  SECTION("a bar filling the gap joins the words") {
    ink(page, 71, 99, 55, 58);
    CHECK(ocr::underscore_between(page, left_word, right_word, baseline) == "_");
  }
  SECTION("a bar then a space: the underscore ends the first word") {
    ink(page, 71, 90, 55, 58);
    CHECK(ocr::underscore_between(page, left_word, right_word, baseline) == "_ ");
  }
  SECTION("a blank gap is a word space") {
    CHECK(ocr::underscore_between(page, left_word, right_word, baseline).empty());
  }
  SECTION("a full stop or a speck on the baseline is no bar") {
    ink(page, 80, 85, 52, 57);
    CHECK(ocr::underscore_between(page, left_word, right_word, baseline).empty());
  }
  SECTION("ink in the letters' zone is a dropped glyph, not an underscore") {
    ink(page, 71, 99, 55, 58);
    ink(page, 78, 92, 40, 43);
    CHECK(ocr::underscore_between(page, left_word, right_word, baseline).empty());
  }
  SECTION("the bottom of a letter on the baseline is no bar") {
    ink(page, 60, 75, 50, 53);
    CHECK(ocr::underscore_between(page, left_word, right_word, baseline).empty());
  }
  SECTION("the top of the next line's capital under the gap is no bar") {
    ink(page, 72, 98, 62, 65);
    ink(page, 83, 87, 65, 70);
    CHECK(ocr::underscore_between(page, left_word, right_word, baseline).empty());
  }
  SECTION("a bar the engine counted in the first word's box, then a space") {
    ink(page, 52, 74, 55, 58);
    CHECK(ocr::underscore_between(page, left_word, right_word, baseline) == "_ ");
  }
  SECTION("a narrow gap holds no underscore") {
    const Box close{72, 20, 60, 40};
    ink(page, 70, 72, 55, 58);
    CHECK(ocr::underscore_between(page, left_word, close, baseline).empty());
  }
  SECTION("an underline under both words is no underscore") {
    ink(page, 10, 160, 55, 58);
    CHECK(ocr::underscore_between(page, left_word, right_word, baseline).empty());
  }
  SECTION("an underline under the first word, then a space, is no underscore (\"Présents :\")") {
    ink(page, 10, 85, 55, 58);
    CHECK(ocr::underscore_between(page, left_word, right_word, baseline).empty());
  }
  SECTION("an underline under the second word only is no underscore") {
    ink(page, 71, 160, 55, 58);
    CHECK(ocr::underscore_between(page, left_word, right_word, baseline).empty());
  }
}
