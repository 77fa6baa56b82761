// rasterize: a colour page turned to gray, and light coloured ink (seals, stamps) made paper.
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
inline constexpr ChannelOrder kRgb{3, 0, 1, 2};  // libpng's and libjpeg's RGB samples

// Luminance, with ITU-R BT.601's weights (as poppler weighs them).
Raster luminance(const std::uint8_t* pixels, int width, int height, int bytes_per_row, ChannelOrder order,
                 int dpi);

// Light coloured ink made paper in `gray`, the page turned gray from `pixels`: where the ink is
// coloured and lighter than print and lies over the print — a seal, a rubber stamp or a
// highlighter over black text; not a heading in light colour standing apart, nor the colour
// fringes along black strokes — the pixel, and the lighter-than-print fringe beside it, take the
// paper's own gray, so that
// thresholding does not weld the seal to the letters it crosses (004 p4: the Métropole's purple
// seal over the signatory's four lines, which the engine then lost as a picture). Colour is
// judged against the paper's own tint, so yellowed paper is not "coloured"; dark ink of any
// colour (blue or red print) stays, except inside a round seal: coloured ink, light or dark, whose
// marks lie on a disc 0.5-3 in across (rings and legend) goes whole, so that a seal inked as dark
// as print (lay-seal's blue, luminance 72) no longer welds the signatory's line to its ring; the
// dark neutral print under it stays. Marks `gray.light_colour_dropped` and lists the round seals
// in `gray.seals` (report.json warns of each, saying whether it lies over print).
void drop_light_colour(Raster& gray, const std::uint8_t* pixels, int bytes_per_row, ChannelOrder order);

// Whether a page, rendered small, has light coloured ink, or strongly coloured ink of any darkness
// (a dark seal), on more than 0.1% of it. A full page in
// colour costs poppler twice the time of one in gray, so a PDF page is looked at at 30 dpi first
// and rendered in colour only when this says so: at 30 dpi 004 p4 (the seal) has 415 such pixels
// of 87,000, its other pages at most 14, the gray scans none.
// `gray` is the page turned gray from `pixels`, as for drop_light_colour.
bool has_light_colour(const Raster& gray, const std::uint8_t* pixels, int bytes_per_row, ChannelOrder order);

// For a page decoded whole (PNG, JPEG, TIFF): drop_light_colour where has_light_colour says so.
void drop_light_colour_if_present(Raster& gray, const std::uint8_t* pixels, int bytes_per_row,
                                  ChannelOrder order);

}  // namespace greffe::rasterize
