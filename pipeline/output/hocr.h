// hOCR 1.2 (one XHTML file per page): blocks, paragraphs, lines and words with their boxes on
// the page as read and the engine's confidence (x_wconf). Words are the clean ones; stamp lines
// carry the extra class "greffe_stamp".
#pragma once

#include <string>

#include "pipeline/output/page_words.h"

namespace greffe::output {

// `page_number` is 1-based; `image` is the input file, named in the page's title.
std::string hocr_page(const PlacedPage& page, int page_number, const std::string& image);

}  // namespace greffe::output
