// A page image as it travels between stages: 8-bit grayscale (0 = black), row-major, no padding.
// Plain bytes so that models/ needs no imaging library; OpenCV and Tesseract read it in place.
#pragma once

#include <cstdint>
#include <vector>

namespace greffe {

// A round seal found by its colour (pipeline/rasterize/colour.h), in the pixels of the raster it
// was found on: the square around its outer ring, and how much print lies under it.
struct SealMark {
  int left = 0, top = 0, width = 0, height = 0;
  double print_under = 0;  // share of the seal's disc that is dark neutral ink: text or signature
};

struct Raster {
  int width = 0;
  int height = 0;
  int dpi = 0;  // pixels per inch of this image (after any resampling)
  // Rasterize made light coloured ink (a seal, a stamp) paper: pipeline/rasterize/colour.h.
  bool light_colour_dropped = false;
  std::vector<SealMark> seals;       // round seals in colour, their ink made paper with the light colour
  std::vector<std::uint8_t> pixels;  // width * height bytes

  Raster() = default;
  Raster(int w, int h, int resolution)
      : width(w), height(h), dpi(resolution), pixels(static_cast<std::size_t>(w) * h, 255) {}
  bool empty() const { return width <= 0 || height <= 0; }
};

}  // namespace greffe
