// Underscores the engine drops: Tesseract 5 reads "Plateforme_Marseille" as two words with
// nothing between them, though the bar is on the page. Looking at the pixels of the gap between
// two words of a line tells whether a bar lies there along the baseline.
#pragma once

#include <string>

#include "models/page.h"
#include "models/raster.h"

namespace greffe::ocr {

// "" when the gap between `left` and `right` (two words of one line, `baseline` the line's
// baseline row) holds no underscore; "_" when a bar fills it; "_ " when a bar starts it and a
// space follows ("Plateforme_ Marseille"). `page` is the binarized image given to the engine.
std::string underscore_between(const Raster& page, const Box& left, const Box& right, int baseline);

}  // namespace greffe::ocr
