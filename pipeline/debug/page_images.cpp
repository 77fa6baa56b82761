#include "pipeline/debug/page_images.h"

#include <opencv2/imgcodecs.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>

#include "pipeline/output/write.h"

namespace greffe::debug {

std::string image_file_name(int page, std::string_view stage) {
  char number[16];
  std::snprintf(number, sizeof number, "%04d", page);
  return std::string(number) + "_" + std::string(stage) + ".png";
}

PageImages::PageImages(std::filesystem::path folder, int page) : folder_(std::move(folder)), page_(page) {}

void PageImages::add_image(std::string_view stage, std::string_view label, const Raster& image) {
  const auto started = std::chrono::steady_clock::now();
  std::string file = image_file_name(page_, stage);
  // A stage that shows two images of a page gets "_2", "_3" on the later ones.
  for (int n = 2;
       std::any_of(images_.begin(), images_.end(), [&](const PageImage& i) { return i.file == file; }); ++n)
    file = image_file_name(page_, std::string(stage) + "_" + std::to_string(n));

  // PNG: lossless, so what the viewer shows is the very pixels the next stage read. Level 1
  // compresses a text page nearly as well as the default and several times faster.
  const cv::Mat pixels(image.height, image.width, CV_8UC1, const_cast<std::uint8_t*>(image.pixels.data()));
  std::vector<std::uint8_t> png;
  std::error_code ec;
  std::filesystem::create_directories(folder_, ec);
  bool encoded = false;
  try {
    encoded = !image.empty() && cv::imencode(".png", pixels, png, {cv::IMWRITE_PNG_COMPRESSION, 1});
  } catch (const cv::Exception& e) {
    errors_.push_back(file + ": " + e.what());
  }
  if (encoded) {
    if (auto error = output::write_file_atomically(
            folder_ / file, std::string_view(reinterpret_cast<const char*>(png.data()), png.size())))
      errors_.push_back(error->to_line());
    else
      images_.push_back({std::string(stage), std::string(label), file, image.width, image.height, image.dpi});
  }
  spent_ms_ += std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
}

void PageImages::add_text(std::string_view stage, std::string_view text) {
  notes_.push_back({std::string(stage), std::string(text)});
}

}  // namespace greffe::debug
