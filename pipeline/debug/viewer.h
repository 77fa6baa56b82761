// The per-stage debug viewer: OUT/<stem>/debug/index.html, one self-contained page (no network)
// over the images beside it. It shows each page after every preprocessing step, the engine's word
// boxes by confidence, the raw OCR beside the clean text with every cleanup change and its rule,
// the parsed fields linked to the clean lines they were found in, warnings and timings.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "cleanup/cleanup.h"
#include "models/deliberation.h"
#include "models/document.h"
#include "models/error.h"
#include "pipeline/debug/page_images.h"

namespace greffe::debug {

// What the viewer shows of one document. `pages` holds each page's images, in page order; a page
// that failed before preprocessing has none.
struct DocumentDebug {
  const DocumentResult* document = nullptr;
  const std::vector<cleanup::Change>* changes = nullptr;
  const Deliberation* deliberation = nullptr;
  std::vector<const PageImages*> pages;
};

// The document's data as JSON, made safe to sit inside a <script> element: every "<" is written
// \u003c, so no text from the document can close the element or open another.
std::string viewer_data_json(const DocumentDebug& debug);

// index.html: the viewer's page with the data embedded.
std::string viewer_html(const DocumentDebug& debug);

// Writes `folder`/index.html (the images are already there).
[[nodiscard]] std::optional<Error> write_viewer(const std::filesystem::path& folder,
                                                const DocumentDebug& debug);

}  // namespace greffe::debug
