// report.json: per page source, dpi, skew, orientation, confidence and timings; per document warnings.
#pragma once

#include <nlohmann/json.hpp>

#include "models/document.h"

namespace greffe {

nlohmann::json report_json(const DocumentResult& document);

}  // namespace greffe
