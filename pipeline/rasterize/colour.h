// rasterize: a colour page turned to gray, light coloured ink made paper on the way.
#pragma once

#include <cstdint>

#include "models/raster.h"

namespace greffe::rasterize {

// Where the red, green and blue bytes of a pixel are: poppler's ARGB32 is B, G, R, A in memory.
struct ChannelOrder {
  int bytes_per_pixel;
  int red, green, blue;
};
inline constexpr ChannelOrder kPopplerArgb32{4, 2, 1, 0};

// Luminance (ITU-R BT.601, as poppler and Leptonica weigh it), except where the ink is coloured
// and lighter than print: a seal, a rubber stamp or a highlighter over black text. Such a pixel
// becomes paper, so that thresholding does not weld the seal to the letters it crosses (004 p4:
// the Métropole's purple seal over the signatory's four lines, which the engine then lost as a
// picture). Colour is judged against the paper's own tint, so yellowed paper is not "coloured";
// dark ink of any colour (blue or red print) stays. `drop_light_colour` false: plain luminance.
Raster to_gray(const std::uint8_t* pixels, int width, int height, int bytes_per_row, ChannelOrder order, int dpi,
               bool drop_light_colour);

}  // namespace greffe::rasterize
