// The debug sink of one page under `--debug`: every image a stage adds is written at once as
// OUT/<stem>/debug/<page:04>_<stage>.png (nothing is kept in memory but its name and label),
// for the viewer (viewer.h) to show. One per page, used by one worker at a time.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "models/debug.h"

namespace greffe::debug {

struct PageImage {
  std::string stage;
  std::string label;
  std::string file;  // name in the debug folder, "0001_deskew.png"
  int width = 0;
  int height = 0;
  int dpi = 0;
};

struct PageNote {
  std::string stage;
  std::string text;
};

class PageImages : public DebugSink {
 public:
  PageImages(std::filesystem::path folder, int page);

  void add_image(std::string_view stage, std::string_view label, const Raster& image) override;
  void add_text(std::string_view stage, std::string_view text) override;

  int page() const { return page_; }
  const std::vector<PageImage>& images() const { return images_; }
  const std::vector<PageNote>& notes() const { return notes_; }
  const std::vector<std::string>& errors() const { return errors_; }  // images that could not be written
  double spent_ms() const { return spent_ms_; }  // encoding and writing: not the stages' own time

 private:
  std::filesystem::path folder_;
  int page_ = 0;
  std::vector<PageImage> images_;
  std::vector<PageNote> notes_;
  std::vector<std::string> errors_;
  double spent_ms_ = 0;
};

// "0001_deskew.png": the page on four digits, as OCRmyPDF names its intermediate files.
std::string image_file_name(int page, std::string_view stage);

}  // namespace greffe::debug
