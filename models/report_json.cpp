#include "models/report_json.h"

#include <cmath>

namespace greffe {

namespace {

// Two decimals are enough for milliseconds and degrees, and keep the file readable.
double rounded(double value) {
  return std::round(value * 100.0) / 100.0;
}

nlohmann::json page_json(const PageReport& page) {
  nlohmann::json timings = {
      {"rasterize", rounded(page.timings.rasterize_ms)},
      {"preprocess", rounded(page.timings.preprocess_ms)},
      {"orientation", rounded(page.timings.orientation_ms)},
      {"layout", rounded(page.timings.layout_ms)},
      {"ocr", rounded(page.timings.ocr_ms)},
      {"cleanup", rounded(page.timings.cleanup_ms)},
  };
  nlohmann::json json = {
      {"page", page.number},
      {"source", page.source},
      {"dpi", page.dpi},
      {"ocr_dpi", page.ocr_dpi},
      {"width", page.width},
      {"height", page.height},
      {"skew_degrees", rounded(page.skew_degrees)},
      {"orientation_degrees", page.orientation_degrees},
      {"orientation_method", page.orientation_method},
      {"orientation_confidence", rounded(page.orientation_confidence)},
      {"mean_confidence", rounded(page.mean_confidence)},
      {"kind", page.kind},
      {"light_colour_dropped", page.light_colour_dropped},
      {"light_ink_dropped", page.light_ink_dropped},
      {"timings_ms", timings},
  };
  if (!page.ocr_model.empty()) json["ocr_model"] = page.ocr_model;
  if (!page.error.empty()) json["error"] = page.error;
  if (!page.warnings.empty()) json["warnings"] = page.warnings;
  if (page.sidebar.width > 0)
    json["sidebar"] = {page.sidebar.left, page.sidebar.top, page.sidebar.width, page.sidebar.height};
  return json;
}

}  // namespace

static nlohmann::json optional_json(const std::optional<std::string>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

nlohmann::json report_json(const DocumentResult& document) {
  nlohmann::json pages = nlohmann::json::array();
  for (const PageResult& page : document.pages) pages.push_back(page_json(page.report));
  return {
      {"input", document.input},
      {"page_count", document.page_count},
      {"pages", pages},
      {"legality",
       {{"signed_on", optional_json(document.legality.signed_on)},
        {"received_on", optional_json(document.legality.received_on)},
        {"act_id", optional_json(document.legality.act_id)},
        {"transmitted_on", optional_json(document.legality.transmitted_on)}}},
      {"parse_ms", rounded(document.parse_ms)},
      {"warnings", document.warnings},
  };
}

}  // namespace greffe
