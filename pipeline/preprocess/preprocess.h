// preprocess: turns a raw page raster into the image the engine reads best, in this order:
// lighting flattened, dark scanner borders cleared, a page lying on its side turned a quarter, low
// resolutions resampled, skew measured and corrected, noise smoothed, binarized (a gray seal dropped), specks
// removed. Each step can be switched off to measure what it earns (README: "Preprocessing").
#pragma once

#include "models/debug.h"
#include "models/geometry.h"
#include "models/raster.h"

namespace greffe::preprocess {

struct Options {
  // Text lines running top to bottom: turn the page a quarter counter-clockwise. Then ascenders
  // against descenders tell upright from upside down; when they cannot, Tesseract's OSD does
  // (see pipeline.cpp).
  bool orientation = true;
  // The line profile may turn a page a quarter. Its verdict alone is not trusted: the pipeline
  // keeps the turn only when the ascenders or Tesseract's OSD agree (pipeline/orientation.h), and
  // otherwise runs the page again with this off.
  bool quarter_turn = true;
  float up_down_min_confidence = 8.0f;  // Leptonica's own threshold for a sure verdict
  float osd_min_confidence = 5.0f;      // OSD verdicts below this are not acted on
  bool border = true;
  int min_dpi = 300;  // pages scanned below this are resampled up to it (0: never)
  bool deskew = true;
  double max_skew_degrees = 10.0;
  bool denoise = true;         // 3x3 median on gray scans, and specks after thresholding
  bool binarize = true;        // lighting flattened, then one Otsu threshold
  bool drop_light_ink = true;  // after it, a seal in light gray ink away from the print made paper
};

struct Result {
  Raster image;
  double skew_degrees = 0;         // measured; positive = text lines rose to the right
  int orientation_degrees = 0;     // clockwise turn the page had and no longer has: 0, 90, 180, 270
  float up_down_confidence = 0;    // > 0 upright, < 0 upside down (see upside_down.h); 0: not measured
  bool orientation_known = false;  // the up/down verdict was sure; otherwise ask OSD
  bool lines_vertical = false;     // the line profile found the lines running down: turned a quarter
  bool light_ink_dropped = false;  // a seal in light gray ink was made paper
  // From the page's pixels to `image`'s: quarter turns, resampling and deskew, so that a box on
  // `image` can be put back on the page (the searchable PDF does).
  PageTransform to_image;
};

// `debug`, when given, receives the page after each step that ran (rasterize, lighting and
// border, deskew, denoise, binarize); null: nothing is copied or written.
Result run(const Options& options, const Raster& page, DebugSink* debug = nullptr);

// Turns a page back upright when it has a clockwise turn of `clockwise_degrees` (90/180/270).
void turn_upright(Raster& page, int clockwise_degrees);

// What turn_upright does to the coordinates of a width x height page.
PageTransform upright_transform(int width, int height, int clockwise_degrees);

}  // namespace greffe::preprocess
