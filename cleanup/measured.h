// What the OCR stage measured on the page that the engine's text lacks: the en dash it read as
// "-" (ocr/dash.h) and the stops of an ellipsis it read short (ocr/full_stops.h). Applied to the
// engine's own words, before the text passes, by Cleaner::clean.
#pragma once

#include <optional>
#include <string>

#include "models/page.h"

namespace greffe::cleanup {

struct MeasuredReading {
  std::string text;
  std::string rule;  // "dash" or "stops"
};

// The word as the page prints it, when that differs from the engine's reading; nullopt otherwise.
std::optional<MeasuredReading> measured_reading(const Word& word);

}  // namespace greffe::cleanup
