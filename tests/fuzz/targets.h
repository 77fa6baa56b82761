// What each libFuzzer harness does with one input, and the invariants it checks. Shared by the
// harnesses (tests/fuzz/*_fuzz.cpp, built with -DGREFFE_FUZZ=ON by scripts/fuzz) and by
// replay_test.cpp, which runs every input the fuzzers ever broke greffe with (fixtures/fuzz/) in
// the normal suite. Each returns what went wrong, empty when nothing did; crashes, leaks and
// undefined behaviour are the sanitizers' to report.
#pragma once

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "cleanup/cleanup.h"
#include "models/deliberation.h"
#include "models/text_input.h"
#include "pipeline/parse/parse.h"
#include "pipeline/preprocess/preprocess.h"
#include "pipeline/rasterize/rasterize.h"

namespace greffe::fuzz {

// JSON writers replace broken UTF-8 with U+FFFD instead of failing: a U+FFFD in an output that
// was not in the input means a stage cut a character in half.
inline bool gained_replacement(std::string_view input, std::string_view output) {
  const std::string_view replacement = "\xEF\xBF\xBD";
  return input.find(replacement) == std::string_view::npos &&
         output.find(replacement) != std::string_view::npos;
}

// Cleanup on OCR text: pages split at form feeds, as `greffe clean` does. Text that is UTF-8
// must stay UTF-8 (the pipeline only ever gives it UTF-8); other bytes must not crash it.
inline std::string clean_bytes(cleanup::Cleaner& cleaner, std::string_view bytes) {
  std::vector<std::string> pages;
  std::size_t start = 0;
  for (std::size_t formfeed; (formfeed = bytes.find('\f', start)) != std::string_view::npos;
       start = formfeed + 1)
    pages.emplace_back(bytes.substr(start, formfeed - start));
  pages.emplace_back(bytes.substr(start));
  const cleanup::CleanDocument clean = cleaner.run(pages);
  const std::string log = cleanup::changes_jsonl(clean.changes);
  if (clean.pages.size() != pages.size())
    return "cleanup returned " + std::to_string(clean.pages.size()) + " pages for " +
           std::to_string(pages.size());
  if (invalid_utf8_offset(bytes)) return {};
  for (std::size_t i = 0; i < clean.pages.size(); ++i)
    if (auto offset = invalid_utf8_offset(clean.pages[i]))
      return "page " + std::to_string(i + 1) + ": clean text is not UTF-8 at offset " +
             std::to_string(*offset);
  if (gained_replacement(bytes, log)) return "cleanup.jsonl holds a broken character";
  return {};
}

// The parser on any text: it must never throw (parse::run catches what escapes, and says
// "parser stopped" in the warnings: that is a bug here), and UTF-8 in gives UTF-8 out.
inline std::string parse_bytes(std::string_view bytes) {
  const Deliberation deliberation = parse::run(parse::Options{}, bytes, Legality{});
  for (const std::string& warning : deliberation.warnings)
    if (warning.rfind("parser stopped", 0) == 0) return warning;
  const std::string json = deliberation_json_text(deliberation);
  if (!invalid_utf8_offset(bytes) && gained_replacement(bytes, json))
    return "deliberation.json holds a broken character";
  return {};
}

// Input loading: a file opened and its first pages rendered under a small pixel limit, then
// preprocessed (which must take a page of any size). Either a page of at most that many
// pixels, or an error of the kinds a bad input may get.
inline std::string load_file(const std::filesystem::path& path) {
  rasterize::Options options;
  options.dpi = 100;               // an A4 page is 0.97 megapixels at 100 dpi
  options.max_pixels = 1'000'000;  // a bigger page must be refused before it is decoded
  const auto check_error = [&](const Error& error) -> std::string {
    const bool expected = error.kind == ErrorKind::UnreadableInput ||
                          error.kind == ErrorKind::LimitExceeded || error.kind == ErrorKind::EncryptedPdf;
    if (!expected) return "unexpected error kind: " + error.to_line();
    if (error.input != path.string() || error.message.empty())
      return "error does not name the input: " + error.to_line();
    return {};
  };
  auto document = rasterize::open(path, options);
  if (!document) return check_error(document.error());
  const int pages = (*document)->page_count();
  if (pages <= 0) return "a document opened with " + std::to_string(pages) + " pages";
  for (int index = 0; index < std::min(pages, 3); ++index) {
    auto page = (*document)->render(index);
    if (!page) {
      if (std::string problem = check_error(page.error()); !problem.empty()) return problem;
      continue;
    }
    const long long pixels = static_cast<long long>(page->width) * page->height;
    if (page->width <= 0 || page->height <= 0 || page->pixels.size() != static_cast<std::size_t>(pixels))
      return "page " + std::to_string(index + 1) + ": raster of inconsistent size";
    if (pixels > options.max_pixels)
      return "page " + std::to_string(index + 1) + ": decoded " + std::to_string(pixels) +
             " pixels, over the limit";
    // Not resampled to 300 dpi: the page stays under the fuzzing limit (9 times bigger, a full
    // page of noise took over libFuzzer's 10 s under the sanitizers; 0.6 s in a normal build).
    preprocess::Options steps;
    steps.min_dpi = 0;
    const preprocess::Result clean = preprocess::run(steps, *page);
    if (clean.image.empty()) return "page " + std::to_string(index + 1) + ": preprocessing lost the page";
    if (auto offset = invalid_utf8_offset((*document)->text_layer(index)))
      return "page " + std::to_string(index + 1) + ": text layer is not UTF-8 at offset " +
             std::to_string(*offset);
  }
  return {};
}

}  // namespace greffe::fuzz
