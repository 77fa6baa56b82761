// searchable.pdf: the document's pages as they were — a PDF input's own pages untouched, an
// image input's scans embedded without re-encoding where PDF can carry them (JPEG as DCTDecode,
// PNG's own compressed data under FlateDecode; bilevel TIFF pages as CCITT G4, lossless) — under
// an invisible text layer of the clean words, each on its box (text_layer.h).
#pragma once

#include <string>
#include <vector>

#include "models/document.h"
#include "models/error.h"
#include "pipeline/output/page_words.h"

namespace greffe::output {

// The PDF's bytes. `pages[i]` are page i's clean words (may be empty: OCR words are used).
Expected<std::string> searchable_pdf(const DocumentResult& document, const std::vector<CleanLines>& pages);

}  // namespace greffe::output
