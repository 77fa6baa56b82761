#include <catch2/catch.hpp>

#include "models/report_json.h"

using namespace greffe;

TEST_CASE("report.json carries per-page dpi, skew, orientation, confidence and timings") {
  DocumentResult document;
  document.input = "in/scan.pdf";
  document.page_count = 1;
  PageResult page;
  page.report.number = 1;
  page.report.dpi = 300;
  page.report.skew_degrees = 1.2345;
  page.report.orientation_degrees = 180;
  page.report.mean_confidence = 88.5f;
  page.report.light_ink_dropped = true;
  page.report.timings.ocr_ms = 1234.567;
  page.report.ocr_model = "fra best_int";
  document.pages.push_back(page);
  PageResult layer;  // a page read from its text layer: no model read it
  layer.report.number = 2;
  layer.report.source = "text layer";
  document.pages.push_back(layer);
  document.warnings.push_back("page 2: cannot decode");

  const nlohmann::json json = report_json(document);
  CHECK(json["input"] == "in/scan.pdf");
  REQUIRE(json["pages"].size() == 2);
  const auto& first = json["pages"][0];
  CHECK(first["page"] == 1);
  CHECK(first["source"] == "ocr");
  CHECK(first["dpi"] == 300);
  CHECK(first["skew_degrees"].get<double>() == Approx(1.23));
  CHECK(first["orientation_degrees"] == 180);
  CHECK(first["mean_confidence"].get<double>() == Approx(88.5));
  CHECK(first["light_colour_dropped"] == false);
  CHECK(first["light_ink_dropped"] == true);
  CHECK(first["timings_ms"]["ocr"].get<double>() == Approx(1234.57));
  CHECK_FALSE(first.contains("error"));
  CHECK(first["ocr_model"] == "fra best_int");
  CHECK_FALSE(json["pages"][1].contains("ocr_model"));
  CHECK(json["warnings"][0] == "page 2: cannot decode");
}
