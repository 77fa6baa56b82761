#include <catch2/catch.hpp>

#include <opencv2/imgproc.hpp>

#include "pipeline/preprocess/preprocess.h"
#include "pipeline/preprocess/skew.h"
#include "pipeline/rasterize/rasterize.h"
#include "tests/fixtures.h"

using namespace greffe;

namespace {

// A page of text lines at 300 dpi, turned counter-clockwise by `skew` degrees. Lines differ and
// start at different places, as in print: identical lines would stack letters into columns.
cv::Mat synthetic_page(double skew) {
  const char* lines[] = {"Le Bureau de la Metropole delibere sur la subvention de 90 000 euros",
                         "Vu le Code General des Collectivites Territoriales ; considerant",
                         "Article 1 : est attribuee a l'association une subvention totale",
                         "Cette proposition mise aux voix est adoptee. Certifie conforme,"};
  cv::Mat page(3508, 2480, CV_8UC1, cv::Scalar(255));
  int n = 0;
  for (int y = 300; y < 3200; y += 70, ++n)
    cv::putText(page, lines[n % 4], {200 + (n * 37) % 120, y}, cv::FONT_HERSHEY_SIMPLEX, 1.6, cv::Scalar(0),
                3);
  const cv::Mat turn = cv::getRotationMatrix2D({1240, 1754}, skew, 1.0);  // positive: counter-clockwise
  cv::Mat skewed;
  cv::warpAffine(page, skewed, turn, page.size(), cv::INTER_LINEAR, cv::BORDER_CONSTANT, cv::Scalar(255));
  return skewed;
}

Raster to_raster(const cv::Mat& image, int dpi) {
  Raster raster(image.cols, image.rows, dpi);
  cv::Mat target(image.rows, image.cols, CV_8UC1, raster.pixels.data());
  image.copyTo(target);
  return raster;
}

preprocess::Options only(bool deskew, bool border, bool binarize) {
  preprocess::Options options;
  options.orientation = false;
  options.deskew = deskew;
  options.border = border;
  options.binarize = binarize;
  options.denoise = binarize;
  options.min_dpi = 0;  // tests of one step at the page's own resolution
  return options;
}

}  // namespace

TEST_CASE("skew is measured within 0.2 degrees over +-10 degrees") {
  const double skew = GENERATE(-9.6, -4.2, -0.7, 0.0, 0.3, 2.6, 6.8, 9.5);
  const double found = preprocess::find_skew(synthetic_page(skew), 300, 10.0);
  INFO("applied " << skew << ", found " << found);
  CHECK(std::abs(found - skew) < 0.2);
}

TEST_CASE("deskewing straightens the page") {
  const cv::Mat skewed = synthetic_page(3.4);
  const cv::Mat straight = preprocess::rotate_page(skewed, preprocess::find_skew(skewed, 300, 10.0));
  CHECK(std::abs(preprocess::find_skew(straight, 300, 10.0)) < 0.2);
}

TEST_CASE("skew is found within 0.2 degrees on every fixture page") {
  // fixtures/manifest.tsv records the skew each page was given when it was made.
  const auto pages = test::manifest();
  REQUIRE(pages.size() >= 10);
  for (const test::ManifestPage& expected : pages) {
    auto document = rasterize::open(test::fixture(expected.file), {});
    REQUIRE(document);
    auto page = (*document)->render(expected.page - 1);
    REQUIRE(page);
    preprocess::Options options = only(true, true, false);
    options.orientation = true;  // orientation-90 lies on its side
    const preprocess::Result result = preprocess::run(options, *page);
    INFO(expected.file << " page " << expected.page << ": applied " << expected.skew_degrees << ", found "
                       << result.skew_degrees);
    CHECK(std::abs(result.skew_degrees - expected.skew_degrees) < 0.2);
  }
}

TEST_CASE("a page lying on its side is turned a quarter, an upright one is not") {
  preprocess::Options options = only(false, false, false);
  options.orientation = true;
  const cv::Mat upright = synthetic_page(1.5);
  SECTION("upright") {
    const preprocess::Result result = preprocess::run(options, to_raster(upright, 300));
    CHECK(result.orientation_degrees == 0);
    CHECK(result.image.width == upright.cols);
  }
  SECTION("turned 90 degrees clockwise") {
    cv::Mat turned;
    cv::rotate(upright, turned, cv::ROTATE_90_CLOCKWISE);
    const preprocess::Result result = preprocess::run(options, to_raster(turned, 300));
    CHECK(result.orientation_degrees == 90);
    CHECK(result.image.width == upright.cols);
    CHECK(result.image.height == upright.rows);
  }
}

TEST_CASE("dark scanner borders become paper, text stays") {
  cv::Mat image = synthetic_page(0);
  image(cv::Rect(0, 0, 70, image.rows)).setTo(cv::Scalar(20));                // left band
  image(cv::Rect(0, image.rows - 50, image.cols, 50)).setTo(cv::Scalar(35));  // bottom band
  const preprocess::Result result = preprocess::run(only(false, true, false), to_raster(image, 300));
  const cv::Mat out(result.image.height, result.image.width, CV_8UC1,
                    const_cast<std::uint8_t*>(result.image.pixels.data()));
  CHECK(cv::countNonZero(out(cv::Rect(0, 0, 70, out.rows)) < 128) == 0);
  CHECK(cv::countNonZero(out(cv::Rect(0, out.rows - 50, out.cols, 50)) < 128) == 0);
  // The text area is untouched.
  CHECK(cv::countNonZero(out(cv::Rect(200, 250, 2000, 2950)) < 128) ==
        cv::countNonZero(image(cv::Rect(200, 250, 2000, 2950)) < 128));
}

TEST_CASE("binarization gives black text on white under uneven light, without specks") {
  cv::Mat image = synthetic_page(0);
  // Light falling off to the right: paper from 250 down to 150, ink stays darker than its paper.
  for (int x = 0; x < image.cols; ++x) {
    const double light = 1.0 - 0.4 * x / image.cols;
    image.col(x) *= light;
  }
  // Specks: single dark pixels scattered in the margin.
  for (int i = 0; i < 200; ++i) image.at<std::uint8_t>(3300 + (i % 5) * 20, 100 + i * 11) = 0;
  const preprocess::Result result = preprocess::run(only(false, false, true), to_raster(image, 300));
  const cv::Mat out(result.image.height, result.image.width, CV_8UC1,
                    const_cast<std::uint8_t*>(result.image.pixels.data()));
  CHECK(cv::countNonZero((out != 0) & (out != 255)) == 0);
  // The dim right side is still paper, the text there still ink.
  CHECK(cv::countNonZero(out(cv::Rect(2300, 3300, 150, 150)) == 0) == 0);
  CHECK(cv::countNonZero(out(cv::Rect(200, 250, 2000, 2950)) == 0) >
        0.8 * cv::countNonZero(synthetic_page(0)(cv::Rect(200, 250, 2000, 2950)) < 128));
  // Specks removed.
  CHECK(cv::countNonZero(out(cv::Rect(0, 3290, out.cols, 100)) == 0) == 0);
}

namespace {

// The ink (0) of the binarized page, the light-ink step on or off; whether it dropped any.
cv::Mat binarized_ink(const cv::Mat& image, bool drop_light_ink, bool* dropped = nullptr) {
  preprocess::Options options = only(false, false, true);
  options.drop_light_ink = drop_light_ink;
  const preprocess::Result result = preprocess::run(options, to_raster(image, 300));
  if (dropped) *dropped = result.light_ink_dropped;
  const cv::Mat out(result.image.height, result.image.width, CV_8UC1,
                    const_cast<std::uint8_t*>(result.image.pixels.data()));
  return out == 0;
}

}  // namespace

// A round seal's mask, over the last lines of a synthetic page and the paper under them: two
// rings in arcs (a seal's ink is uneven, so a threshold keeps it in pieces), and its legend.
static cv::Mat round_seal(cv::Size size, bool with_legend) {
  cv::Mat seal(size, CV_8UC1, cv::Scalar(0));
  const cv::Point centre{1600, 2620};
  for (int angle = 0; angle < 360; angle += 30) {
    cv::ellipse(seal, centre, {280, 280}, 0, angle, angle + 20, cv::Scalar(255), 20);
    cv::ellipse(seal, centre, {220, 220}, 0, angle + 10, angle + 30, cv::Scalar(255), 10);
  }
  if (with_legend)
    cv::putText(seal, "BUREAU", {1440, 2720}, cv::FONT_HERSHEY_SIMPLEX, 1.6, cv::Scalar(255), 5);
  return seal;
}

TEST_CASE("a seal in light gray ink is made paper, the print it crosses stays") {
  // The act's last page: text down to two thirds, then the signature's seal.
  cv::Mat image = synthetic_page(0);
  image(cv::Rect(0, 2500, image.cols, image.rows - 2500)).setTo(cv::Scalar(255));
  const cv::Mat print = image < 128;
  const cv::Mat seal = round_seal(image.size(), true);
  image.setTo(cv::Scalar(145), seal & ~print);
  cv::GaussianBlur(image, image, cv::Size(0, 0), 1.5);  // a scanner's soft edges, which lift Otsu's threshold
  cv::Mat near_print;
  cv::dilate(print, near_print, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(11, 11)));
  const cv::Mat seal_alone = seal & ~near_print;  // the seal's ink over 5 px from any letter (blur reaches 3)
  const cv::Mat on_letters = seal & print;        // where it crosses the last lines

  bool said = false;
  const cv::Mat kept = binarized_ink(image, false), dropped = binarized_ink(image, true, &said);
  REQUIRE(cv::countNonZero(on_letters) > 0);
  CHECK(said);                                                                      // report.json says so
  CHECK(cv::countNonZero(kept & seal_alone) > 0.5 * cv::countNonZero(seal_alone));  // Otsu keeps most of it
  CHECK(cv::countNonZero(dropped & seal_alone) == 0);
  CHECK(cv::countNonZero(dropped & print) == cv::countNonZero(kept & print));
}

TEST_CASE("a heading in light gray, in rows of its own, stays on a page whose seal goes") {
  // The seal's page as above, with a heading printed in light ink above the text (the gray of a
  // light blue heading, luminance about 150), 0.25 in clear of the first line.
  cv::Mat image = synthetic_page(0);
  image(cv::Rect(0, 2500, image.cols, image.rows - 2500)).setTo(cv::Scalar(255));
  cv::Mat heading(image.size(), CV_8UC1, cv::Scalar(0));
  cv::putText(heading, "COMMUNE DE BELLEFONTAINE", {500, 180}, cv::FONT_HERSHEY_DUPLEX, 2.2, cv::Scalar(255),
              6);
  const cv::Mat print = image < 128;
  const cv::Mat seal = round_seal(image.size(), false);
  image.setTo(cv::Scalar(150), heading);
  image.setTo(cv::Scalar(145), seal & ~print);
  cv::GaussianBlur(image, image, cv::Size(0, 0), 1.5);
  cv::Mat near_print;
  cv::dilate(print, near_print, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(11, 11)));
  const cv::Mat seal_alone = seal & ~near_print;

  bool said = false;
  const cv::Mat kept = binarized_ink(image, false), dropped = binarized_ink(image, true, &said);
  REQUIRE(cv::countNonZero(kept & heading) > 0.5 * cv::countNonZero(heading));  // Otsu keeps the heading
  CHECK(said);
  CHECK(cv::countNonZero(dropped & seal_alone) == 0);
  CHECK(cv::countNonZero(dropped & heading) == cv::countNonZero(kept & heading));
}

TEST_CASE("a page printed all in light gray keeps its ink") {
  cv::Mat image = synthetic_page(0);
  image.setTo(cv::Scalar(150), image < 128);  // faded print, nothing darker
  bool said = true;
  const cv::Mat kept = binarized_ink(image, false), dropped = binarized_ink(image, true, &said);
  CHECK_FALSE(said);
  CHECK(cv::countNonZero(kept) > 0);
  CHECK(cv::countNonZero(kept != dropped) == 0);
}

TEST_CASE("a fax rendered in gray from a PDF keeps its thin strokes: no seal there") {
  // 001 is a 200 dpi G4 fax; wrapped in a PDF, poppler renders it at 300 dpi with soft edges, and
  // its thin strokes never get as dark as its thick ones. Only a seal's marks apart from the print
  // are light ink: here there are none.
  auto document = rasterize::open(test::fixture("001-g4-200dpi.tif"), {});
  REQUIRE(document);
  for (int index = 0; index < (*document)->page_count(); ++index) {
    auto page = (*document)->render(index);
    REQUIRE(page);
    const cv::Mat fax(page->height, page->width, CV_8UC1, page->pixels.data());
    cv::Mat rendered;
    cv::resize(fax, rendered, cv::Size(), 1.5, 1.5, cv::INTER_AREA);
    cv::GaussianBlur(rendered, rendered, cv::Size(0, 0), 0.6);
    bool dropped = true;
    const cv::Mat kept = binarized_ink(rendered, false), with_step = binarized_ink(rendered, true, &dropped);
    INFO("page " << index + 1);
    CHECK_FALSE(dropped);
    CHECK(cv::countNonZero(kept != with_step) == 0);
  }
}
