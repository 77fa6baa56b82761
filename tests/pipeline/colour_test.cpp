#include <catch2/catch.hpp>

#include <opencv2/imgcodecs.hpp>

#include <cstdlib>
#include <vector>

#include "pipeline/rasterize/colour.h"
#include "pipeline/rasterize/rasterize.h"
#include "tests/fixtures.h"

using namespace greffe;

namespace {

// A 100 x 100 page in poppler's ARGB32 byte order (B, G, R, A) on yellowed paper.
struct Page {
  std::vector<std::uint8_t> bytes = std::vector<std::uint8_t>(100 * 100 * 4);
  Page() { fill(0, 0, 100, 100, 232, 226, 210); }
  void fill(int x0, int y0, int x1, int y1, int red, int green, int blue) {
    for (int y = y0; y < y1; ++y)
      for (int x = x0; x < x1; ++x) {
        std::uint8_t* p = &bytes[static_cast<std::size_t>(y * 100 + x) * 4];
        p[0] = static_cast<std::uint8_t>(blue), p[1] = static_cast<std::uint8_t>(green);
        p[2] = static_cast<std::uint8_t>(red), p[3] = 255;
      }
  }
  Raster gray(bool drop) const {
    Raster gray = rasterize::luminance(bytes.data(), 100, 100, 400, rasterize::kPopplerArgb32, 300);
    if (drop) rasterize::drop_light_colour(gray, bytes.data(), 400, rasterize::kPopplerArgb32);
    return gray;
  }
};

int at(const Raster& raster, int x, int y) {
  return raster.pixels[static_cast<std::size_t>(y * raster.width + x)];
}

}  // namespace

TEST_CASE("light coloured ink becomes paper, print of any colour stays") {
  Page page;
  page.fill(10, 10, 40, 20, 30, 30, 30);     // black print
  page.fill(10, 30, 40, 40, 173, 150, 176);  // the purple of the seal on 004
  page.fill(10, 50, 40, 60, 240, 160, 160);  // a light red rubber stamp
  page.fill(10, 70, 40, 80, 20, 30, 140);    // dark blue print
  page.fill(50, 10, 90, 20, 120, 120, 115);  // gray pencil: not coloured, stays
  const Raster kept = page.gray(false), dropped = page.gray(true);
  const int paper = at(kept, 80, 90);
  CHECK(at(kept, 20, 35) < 200);        // as luminance the seal is ink
  CHECK(at(dropped, 20, 35) == paper);  // the paper's own gray: no white blot for a threshold to outline
  CHECK(at(dropped, 20, 55) == paper);
  CHECK(at(dropped, 20, 15) == at(kept, 20, 15));
  CHECK(at(dropped, 20, 75) == at(kept, 20, 75));
  CHECK(at(dropped, 60, 15) == at(kept, 60, 15));
  CHECK(at(dropped, 80, 90) == at(kept, 80, 90));  // yellowed paper is not "coloured"
}

// Negative cases for the seal step (issue 19, item 4): coloured ink that is print, not a seal.
// Expected values written from the colours drawn: luminance (BT.601) under 100 is print and stays
// whatever its hue.
TEST_CASE("a red title, a dark teal heading and black print's colour fringes stay") {
  Page page;
  page.fill(10, 10, 60, 20, 200, 30, 30);   // a red title: luminance 81
  page.fill(10, 30, 60, 40, 40, 100, 120);  // a dark teal heading: luminance 84
  // A black stroke with a scanner's colour fringes: red above, blue below (luminance 87 and 67).
  page.fill(10, 50, 60, 51, 150, 60, 60);
  page.fill(10, 51, 60, 54, 30, 30, 30);
  page.fill(10, 54, 60, 55, 60, 60, 150);
  const Raster kept = page.gray(false), dropped = page.gray(true);
  for (int y : {15, 35, 50, 52, 54}) {
    INFO("row " << y);
    CHECK(at(dropped, 30, y) == at(kept, 30, y));
  }
}

TEST_CASE("the seal's fringe goes with it, print beside it stays") {
  Page page;
  page.fill(10, 30, 40, 40, 173, 150, 176);  // the seal
  page.fill(10, 40, 40, 41, 190, 185, 172);  // its JPEG fringe: lighter than print, not coloured
  page.fill(10, 41, 40, 42, 30, 30, 30);     // a letter's stroke right under the fringe
  page.fill(10, 60, 40, 61, 190, 185, 172);  // the same light gray away from any seal
  const Raster kept = page.gray(false), dropped = page.gray(true);
  const int paper = at(kept, 80, 90);
  CHECK(at(dropped, 20, 40) == paper);
  CHECK(at(dropped, 20, 41) == at(kept, 20, 41));
  CHECK(at(dropped, 20, 60) == at(kept, 20, 60));
}

TEST_CASE("a page is rendered in colour only when light coloured ink covers over 0.1% of it") {
  Page page;
  page.fill(10, 10, 90, 20, 30, 30, 30);  // print
  auto has = [&] {
    return rasterize::has_light_colour(page.gray(false), page.bytes.data(), 400, rasterize::kPopplerArgb32);
  };
  CHECK_FALSE(has());
  page.fill(10, 30, 15, 32, 173, 150, 176);  // 10 pixels of seal: 0.1%, not more
  CHECK_FALSE(has());
  page.fill(10, 30, 15, 33, 173, 150, 176);  // 15
  CHECK(has());
}

TEST_CASE("a gray page is its luminance either way") {
  Page page;
  page.fill(0, 0, 100, 100, 220, 220, 220);
  page.fill(10, 10, 40, 20, 30, 30, 30);
  page.fill(10, 30, 40, 40, 150, 150, 150);
  CHECK(page.gray(true).pixels == page.gray(false).pixels);
}

TEST_CASE("the seal over 004's signature is dropped when the page is rendered") {
  // Page 4 at 100 dpi: the seal's ring crosses the signatory's lines at about (0.45-0.62 of the
  // width, 0.50-0.58 of the height). Mid-gray pixels there away from print (no dark pixel within
  // 2 px: not the edge of a letter) are its ink.
  auto mid_gray_in_seal = [](bool drop) {
    rasterize::Options options;
    options.dpi = 100;
    options.drop_light_colour = drop;
    auto document = rasterize::open(test::fixture("004-scan-200dpi.pdf"), options);
    REQUIRE(document);
    auto page = (*document)->render(3);
    REQUIRE(page);
    CHECK(page->light_colour_dropped == drop);  // said in report.json and the debug viewer
    int count = 0;
    for (int y = page->height * 50 / 100; y < page->height * 58 / 100; ++y)
      for (int x = page->width * 45 / 100; x < page->width * 62 / 100; ++x)
        if (at(*page, x, y) >= 110 && at(*page, x, y) < 200) {
          bool near_print = false;
          for (int dy = -2; dy <= 2; ++dy)
            for (int dx = -2; dx <= 2; ++dx) near_print = near_print || at(*page, x + dx, y + dy) < 100;
          if (!near_print) ++count;
        }
    return count;
  };
  const int with_seal = mid_gray_in_seal(false), without = mid_gray_in_seal(true);
  INFO(with_seal << " mid-gray pixels with the seal, " << without << " without");
  CHECK(without * 3 < with_seal);
}

TEST_CASE("a colour PNG, JPEG or TIFF loses its light coloured ink too") {
  // 300 x 300 on yellowed paper (OpenCV writes B, G, R): black print, and a purple seal at 20%.
  cv::Mat page(300, 300, CV_8UC3, cv::Scalar(210, 226, 232));
  page(cv::Rect(20, 20, 260, 30)).setTo(cv::Scalar(30, 30, 30));
  page(cv::Rect(20, 100, 260, 70)).setTo(cv::Scalar(176, 150, 173));
  for (const char* name : {"seal.png", "seal.jpg", "seal.tif"}) {
    INFO(name);
    const auto path = test::temporary_folder("colour") / name;
    REQUIRE(cv::imwrite(path.string(), page));
    for (bool drop : {true, false}) {
      rasterize::Options options;
      options.drop_light_colour = drop;
      auto document = rasterize::open(path, options);
      REQUIRE(document);
      auto gray = (*document)->render(0);
      REQUIRE(gray);
      CHECK(gray->light_colour_dropped == drop);
      const int paper = at(*gray, 150, 250);
      CHECK(at(*gray, 150, 35) < 60);  // print stays
      // The seal goes (to the paper's gray, within the JPEG's noise), unless kept.
      CHECK((std::abs(at(*gray, 150, 135) - paper) <= 3) == drop);
    }
  }
}
