// `greffe serve OUT`: a read-only web page over a batch's catalog, for a reading room: a search
// box (the queries and filters of greffe search), the acts found, each act's fields, clean text
// and page images with the hit words boxed. Bound to 127.0.0.1 unless told otherwise.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace greffe::serve {

struct Options {
  std::filesystem::path out;
  std::string host = "127.0.0.1";
  int port = 8080;
};

// Serves until interrupted; returns the exit code.
int command(const Options& options);

// A word box of a page, in the page's pixels, read from the hOCR greffe wrote.
struct WordBox {
  std::string text;
  int left = 0, top = 0, right = 0, bottom = 0;
};
struct PageWords {
  int width = 0, height = 0, dpi = 0;
  std::vector<WordBox> words;
};
// Parses hOCR as greffe writes it (pipeline/output/hocr.cpp); words without a bbox are skipped.
PageWords parse_hocr(const std::string& hocr);

// Text for HTML content and attribute values: & < > " ' escaped, control characters dropped.
std::string html_escape(const std::string& text);

}  // namespace greffe::serve
