// rasterize: an input file (PDF, TIFF, PNG, JPEG) opened as a sequence of grayscale page rasters.
// A Document is used from one thread at a time: poppler is not thread-safe within a document.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "models/error.h"
#include "models/raster.h"

namespace greffe::rasterize {

struct Options {
  int dpi = 300;  // PDF rendering resolution; assumed for images that do not state theirs
  long long max_pixels = 250'000'000;  // per page, checked before decoding (OCRmyPDF's default)
  bool drop_light_colour = true;       // seals and stamps in light colour become paper (colour.h)
};

class Document {
 public:
  virtual ~Document() = default;
  virtual int page_count() const = 0;
  // index is 0-based. Errors carry the input and the 1-based page.
  virtual Expected<Raster> render(int index) = 0;
  // The page's own text (a PDF's text layer, lines in reading order), UTF-8; empty for images.
  virtual std::string text_layer(int /*index*/) { return {}; }
  // A UTF-8 text file given as input: its pages (split at form feeds) are read as they are,
  // never rendered or recognised; cleanup and parse take them like OCR text.
  virtual bool is_text() const { return false; }
  // Whether page `index` is a scan: its images cover at least half of it. A born-digital page's
  // images (a logo, a photograph, a signature) are smaller: its text layer is the text as typed.
  // Images and pages that cannot be read are scans.
  virtual bool is_scan(int /*index*/) { return true; }
  // How much of a scanned page's ink its text layer covers: the share of the ink, rendered small,
  // lying within the layer's words. 1 for a page that is not a scan (is_scan): a born-digital
  // page's ink is its text, and its rules and logos are no evidence.
  // A scan carrying only an electronic stamp's words (@ctes, S²LOW) has a layer that reads well and
  // covers a corner: the rest of its ink has to be recognised.
  virtual double text_layer_cover(int /*index*/) { return 1.0; }
};

// What an input is, told by its first bytes, not by its name. A PDF's header may follow some
// bytes of junk (readers accept it within the first 1024 bytes, as the PDF reference allows).
enum class InputFormat { Pdf, Tiff, Png, Jpeg, Unknown };
InputFormat sniff_format(const std::filesystem::path& input);

// Recognises the format by its first bytes (sniff_format), not by the file name; a file named
// *.txt that is none of them is opened as text (refused with the reason when it is not UTF-8).
Expected<std::unique_ptr<Document>> open(const std::filesystem::path& input, const Options& options);

std::string poppler_version();

}  // namespace greffe::rasterize
