// Orientation only on evidence: the rules that let OSD turn a page, and a page of drawing only
// run end to end.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "pipeline/orientation.h"
#include "tests/fixtures.h"

using namespace greffe;

TEST_CASE("OSD turns a page whose lines run across only when confident and the ascenders agree") {
  const float min = 5.0f;
  SECTION("upright page that OSD reads upside down at low confidence stays upright, with a warning") {
    const auto verdict = pipeline::judge_osd_across({180, 0.0f}, 3.1f, min);
    CHECK(verdict.degrees == 0);
    CHECK(verdict.warning.find("kept as scanned") != std::string::npos);
  }
  SECTION("confident OSD against ascenders leaning upright: kept, warned") {
    const auto verdict = pipeline::judge_osd_across({180, 9.0f}, 2.0f, min);
    CHECK(verdict.degrees == 0);
    CHECK_FALSE(verdict.warning.empty());
  }
  SECTION("confident OSD and ascenders leaning upside down: turned") {
    const auto verdict = pipeline::judge_osd_across({180, 9.0f}, -4.0f, min);
    CHECK(verdict.degrees == 180);
    CHECK(verdict.method == "osd+ascenders");
    CHECK(verdict.warning.empty());
  }
  SECTION("OSD on its side while the lines run across: kept, warned") {
    const auto verdict = pipeline::judge_osd_across({90, 12.0f}, 0.5f, min);
    CHECK(verdict.degrees == 0);
    CHECK_FALSE(verdict.warning.empty());
  }
  SECTION("OSD upright: nothing to say") {
    const auto verdict = pipeline::judge_osd_across({0, 1.0f}, 0.5f, min);
    CHECK(verdict.degrees == 0);
    CHECK(verdict.warning.empty());
  }
}

TEST_CASE("a page the line profile found on its side is turned only when OSD confirms it confidently") {
  CHECK(pipeline::judge_osd_on_side({90, 0.0f}, 5.0f).degrees == 0);   // the act's signature page
  CHECK(pipeline::judge_osd_on_side({90, 0.86f}, 5.0f).degrees == 0);  // the cadastral map
  CHECK_FALSE(pipeline::judge_osd_on_side({90, 0.86f}, 5.0f).warning.empty());
  CHECK(pipeline::judge_osd_on_side({0, 20.0f}, 5.0f).degrees == 0);
  const auto confirmed = pipeline::judge_osd_on_side({270, 7.5f}, 5.0f);
  CHECK(confirmed.degrees == 270);
  CHECK(confirmed.method == "osd+lines");
}

TEST_CASE("a page of drawing only is marked a figure and not turned") {
  // A plan: parcels as rectangles, a road as long parallel strokes running down the page (which
  // the line profile takes for text lines on their side), hatching, a circle.
  cv::Mat plan(2000, 1400, CV_8UC1, cv::Scalar(255));
  for (int x = 180; x < 1250; x += 46) cv::line(plan, {x, 120}, {x + (x % 3) * 7, 1880}, cv::Scalar(0), 3);
  for (int i = 0; i < 9; ++i)
    cv::rectangle(plan, {100 + 130 * i, 300 + 150 * (i % 4)}, {200 + 130 * i, 420 + 170 * (i % 4)},
                  cv::Scalar(0), 5);
  cv::circle(plan, {700, 1500}, 260, cv::Scalar(0), 6);
  const auto folder = test::temporary_folder("orientation-figure");
  const auto input = folder / "plan.png";
  REQUIRE(cv::imwrite(input.string(), plan));
  const test::Outcome outcome = test::run_greffe(
      "run -q --jobs 1 --dpi 200 " + input.string() + " -o " + (folder / "out").string(), folder);
  INFO(outcome.err);
  REQUIRE(outcome.exit_code == 0);
  const auto report = nlohmann::json::parse(test::read_file(folder / "out" / "plan" / "report.json"));
  CHECK(report["pages"][0]["kind"] == "figure");
  CHECK(report["pages"][0]["orientation_degrees"] == 0);
}
