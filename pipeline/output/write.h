// Output files of a document. Each is written under a temporary name and renamed into place,
// so that a file that exists is complete.
#pragma once

#include <filesystem>
#include <optional>
#include <string_view>

#include "models/document.h"
#include "models/error.h"
#include "pipeline/output/formats.h"
#include "pipeline/output/page_words.h"

namespace greffe::output {

[[nodiscard]] std::optional<Error> write_file_atomically(const std::filesystem::path& path,
                                                         std::string_view content);

// What cleanup and parse made of a document, already serialised.
struct DocumentTexts {
  std::string changes;            // cleanup.jsonl
  std::string deliberation;       // deliberation.json
  std::vector<CleanLines> words;  // per page, its OCR words as cleanup made them (hOCR, ALTO, PDF)
};

// OUT/<stem>/: report.json, and what `formats` asks for: raw.txt and text.txt (text),
// cleanup.jsonl and deliberation.json (json), hocr/NNNN.hocr, alto/NNNN.xml, searchable.pdf.
[[nodiscard]] std::optional<Error> write_document(const std::filesystem::path& out,
                                                  const DocumentResult& document, const DocumentTexts& texts,
                                                  const Formats& formats = {});

}  // namespace greffe::output
