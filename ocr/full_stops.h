// The dots of an ellipsis: Tesseract 5 reads the four stops of "formés...." as three. When the
// engine read two or more full stops at a word's end, the dots on the page are counted instead.
#pragma once

#include "models/page.h"
#include "models/raster.h"

namespace greffe::ocr {

// The number of full stops ending `word` (the engine's box), counted from the right in the
// pixels: marks no bigger than a quarter of `row_height` each way, sitting on `baseline`, evenly
// spaced. 0 when fewer than two are found, or when they are not evenly spaced (a speck after the
// stops). `page` is the binarized image given to the engine.
int full_stops_at_end(const Raster& page, const Box& word, int baseline, float row_height);

}  // namespace greffe::ocr
