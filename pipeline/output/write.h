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

// OUT/<stem>/raw.txt, text.txt, cleanup.jsonl (`changes`, already in JSON lines) and report.json.
[[nodiscard]] std::optional<Error> write_document(const std::filesystem::path& out, const DocumentResult& document,
                                                  std::string_view changes);

}  // namespace greffe::output
