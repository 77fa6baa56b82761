// ALTO 4.4 (one XML file per page), valid against the official schema: a TextBlock per
// paragraph of the engine, TextLines, Strings with their boxes on the page as read (pixels) and
// the engine's confidence (WC, 0..1). Words are the clean ones; stamp lines are tagged
// TAGREFS="STAMP"; a word cut at a line end is HypPart1/HypPart2 with the joined word.
#pragma once

#include <string>

#include "pipeline/output/page_words.h"

namespace greffe::output {

// `page_number` is 1-based; `image` is the input file (sourceImageInformation).
std::string alto_page(const PlacedPage& page, int page_number, const std::string& image);

}  // namespace greffe::output
