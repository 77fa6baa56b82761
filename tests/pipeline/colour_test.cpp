#include <catch2/catch.hpp>

#include <opencv2/imgcodecs.hpp>

#include <opencv2/imgproc.hpp>

#include <cmath>
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

TEST_CASE("light coloured ink over print becomes paper, print of any colour stays") {
  Page page;
  page.fill(10, 10, 40, 20, 30, 30, 30);     // black print
  page.fill(10, 30, 40, 40, 173, 150, 176);  // the purple of the seal on 004
  page.fill(10, 50, 40, 60, 240, 160, 160);  // a light red rubber stamp
  page.fill(32, 28, 34, 62, 30, 30, 30);     // a letter's stroke under both
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
  page.fill(35, 28, 37, 40, 30, 30, 30);     // laid over a letter's stroke
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
  page(cv::Rect(240, 90, 6, 90)).setTo(cv::Scalar(30, 30, 30));  // over a stroke of print
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

namespace {

// A page in R, G, B bytes at 200 dpi, white, drawn with OpenCV (its colours given as R, G, B).
struct RgbPage {
  cv::Mat image;
  explicit RgbPage(int width = 600, int height = 600)
      : image(height, width, CV_8UC3, cv::Scalar(250, 248, 244)) {}
  Raster gray(bool drop) const {
    Raster gray = rasterize::luminance(image.data, image.cols, image.rows, static_cast<int>(image.step),
                                       rasterize::kRgb, 200);
    if (drop) rasterize::drop_light_colour(gray, image.data, static_cast<int>(image.step), rasterize::kRgb);
    return gray;
  }
  // Lines of "letters" (bars 0.06 in tall with gaps), as print is to a pixel count.
  void print_lines(int x, int y, int width, int lines, cv::Scalar colour) {
    for (int line = 0; line < lines; ++line)
      for (int letter = x; letter + 8 < x + width; letter += 14)
        cv::rectangle(image, cv::Rect(letter, y + line * 34, 9, 12 + (letter / 14) % 3 * 4), colour,
                      cv::FILLED);
  }
};

const cv::Scalar kBlueSeal(40, 70, 170);  // lay-seal's ink: luminance 72, as dark as print

}  // namespace

TEST_CASE("a dark round seal over print is made paper, the print under it stays") {
  RgbPage page;
  page.print_lines(60, 280, 480, 1, cv::Scalar(20, 20, 20));  // the signatory's line, through the seal
  cv::circle(page.image, {300, 300}, 150, kBlueSeal, 5);      // 1.5 in: two rings and a legend of marks
  cv::circle(page.image, {300, 300}, 108, kBlueSeal, 3);
  for (int i = 0; i < 24; ++i) {
    const double angle = i * 3.14159265 / 12;
    cv::rectangle(page.image,
                  cv::Rect(300 + static_cast<int>(129 * std::cos(angle)) - 4,
                           300 + static_cast<int>(129 * std::sin(angle)) - 6, 8, 12),
                  kBlueSeal, cv::FILLED);
  }
  const Raster kept = page.gray(false), dropped = page.gray(true);
  REQUIRE(dropped.seals.size() == 1);
  const SealMark& seal = dropped.seals[0];
  CHECK(std::abs(seal.left - 150) <= 4);
  CHECK(std::abs(seal.width - 300) <= 8);
  CHECK(seal.print_under >= 0.005);  // the signatory's line: said in report.json
  CHECK(at(kept, 300, 150) < 100);   // the ring is as dark as print
  const int paper = at(kept, 580, 580);
  CHECK(at(dropped, 300, 150) == paper);
  CHECK(at(dropped, 300 + 129, 300) == paper);       // a legend letter
  CHECK(at(dropped, 64, 284) == at(kept, 64, 284));  // the print, outside the seal and under it
  CHECK(at(dropped, 302, 284) == at(kept, 302, 284));
}

// Negative cases: strongly coloured ink that is print, or a drawing that is not round, stays.
TEST_CASE(
    "blue lines of print, a coloured shield, a red title, a light blue heading and colour fringes stay") {
  RgbPage page(800, 800);
  page.print_lines(40, 40, 300, 8, cv::Scalar(30, 50, 150));  // a blue sidebar block, 1.5 x 1.3 in
  cv::rectangle(page.image, cv::Rect(420, 40, 150, 170), cv::Scalar(30, 60, 160), cv::FILLED);  // a shield
  cv::circle(page.image, {495, 125}, 40, cv::Scalar(200, 30, 30), cv::FILLED);
  page.print_lines(40, 400, 700, 2, cv::Scalar(200, 30, 30));  // a red title, two lines
  cv::rectangle(page.image, cv::Rect(600, 230, 180, 160), cv::Scalar(30, 50, 150), 4);  // a blue frame
  cv::circle(page.image, {690, 100}, 75, cv::Scalar(30, 60, 160), cv::FILLED);  // a round logo, filled
  // A black block with colour fringes: red above, blue below.
  page.print_lines(40, 560, 700, 3, cv::Scalar(20, 20, 20));
  cv::rectangle(page.image, cv::Rect(40, 700, 700, 2), cv::Scalar(150, 60, 60), cv::FILLED);
  cv::rectangle(page.image, cv::Rect(40, 702, 700, 4), cv::Scalar(20, 20, 20), cv::FILLED);
  cv::rectangle(page.image, cv::Rect(40, 706, 700, 2), cv::Scalar(60, 60, 150), cv::FILLED);
  // A heading in light blue (luminance 151), apart from the print.
  page.print_lines(40, 340, 500, 1, cv::Scalar(110, 160, 215));
  // Black print whose red lies a pixel up and blue a pixel down: cyan and yellow fringes, light and
  // strongly coloured, along every stroke.
  RgbPage fringed(800, 800);
  fringed.print_lines(40, 40, 700, 12, cv::Scalar(20, 20, 20));
  std::vector<cv::Mat> channels;
  cv::split(fringed.image, channels);
  const cv::Mat up = (cv::Mat_<double>(2, 3) << 1, 0, 0, 0, 1, -1),
                down = (cv::Mat_<double>(2, 3) << 1, 0, 0, 0, 1, 1);
  cv::warpAffine(channels[0].clone(), channels[0], up, channels[0].size(), cv::INTER_NEAREST,
                 cv::BORDER_REPLICATE);
  cv::warpAffine(channels[2].clone(), channels[2], down, channels[2].size(), cv::INTER_NEAREST,
                 cv::BORDER_REPLICATE);
  cv::merge(channels, fringed.image);
  for (const RgbPage* drawn : {&page, &fringed}) {
    const Raster kept = drawn->gray(false), dropped = drawn->gray(true);
    CHECK(dropped.seals.empty());
    long long changed = 0;
    for (std::size_t i = 0; i < kept.pixels.size(); ++i)
      if (kept.pixels[i] < 200 && dropped.pixels[i] != kept.pixels[i]) ++changed;
    CHECK(changed == 0);
  }
  CHECK(rasterize::has_light_colour(fringed.gray(false), fringed.image.data,
                                    static_cast<int>(fringed.image.step),
                                    rasterize::kRgb));  // the fringes are coloured: the check is not vacuous
}

TEST_CASE("a dark coloured seal alone is enough to render the page in colour") {
  RgbPage page;
  cv::circle(page.image, {300, 300}, 150, kBlueSeal, 5);
  CHECK(rasterize::has_light_colour(page.gray(false), page.image.data, static_cast<int>(page.image.step),
                                    rasterize::kRgb));
}

TEST_CASE("inside a light round seal, the print it tints stays") {
  // 004 p4: a light purple seal over the signatory's lines; where its ink lies over a letter the
  // scan is dark and barely coloured. Made paper with the seal, it ate the lines' letters.
  RgbPage page;
  const cv::Scalar purple(173, 150, 176), tinted(60, 40, 70);  // tinted print: spread 30, luminance 49
  cv::circle(page.image, {300, 300}, 150, purple, 6);
  cv::circle(page.image, {300, 300}, 110, purple, 4);
  page.print_lines(60, 280, 480, 1, cv::Scalar(25, 25, 25));
  cv::rectangle(page.image, cv::Rect(300, 140, 9, 20), tinted, cv::FILLED);  // a letter under the outer ring
  const Raster kept = page.gray(false), dropped = page.gray(true);
  REQUIRE(dropped.seals.size() == 1);
  CHECK(at(dropped, 304, 150) == at(kept, 304, 150));
  CHECK(at(dropped, 300, 300 - 110) == at(kept, 580, 580));  // the inner ring goes
}
