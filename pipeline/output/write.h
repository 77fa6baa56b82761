// Output files of a document. Each is written under a temporary name and renamed into place,
// so that a file that exists is complete.
#pragma once

#include <filesystem>
#include <optional>
#include <string_view>

#include "models/document.h"
#include "models/error.h"

namespace greffe::output {

[[nodiscard]] std::optional<Error> write_file_atomically(const std::filesystem::path& path,
                                                         std::string_view content);

// What cleanup and parse made of a document, already serialised.
struct DocumentTexts {
  std::string changes;       // cleanup.jsonl
  std::string deliberation;  // deliberation.json
};

// OUT/<stem>/raw.txt, text.txt, cleanup.jsonl, deliberation.json and report.json.
[[nodiscard]] std::optional<Error> write_document(const std::filesystem::path& out, const DocumentResult& document,
                                                  const DocumentTexts& texts);

}  // namespace greffe::output
