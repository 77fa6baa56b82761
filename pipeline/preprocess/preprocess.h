// preprocess: turns a raw page raster into the image the engine reads best, in this order:
// quarter-turn from OSD, lighting flattened, dark scanner borders cleared, low resolutions
// resampled, skew measured and corrected, noise smoothed, binarized, specks removed.
// Each step can be switched off to measure what it earns (README: "Preprocessing").
#pragma once

#include "models/raster.h"

namespace greffe::preprocess {

struct Options {
  bool orientation = true;  // apply the quarter-turn found by OSD
  float orientation_min_confidence = 5.0f;  // below this OSD's answer is not trusted
  bool border = true;
  int min_dpi = 300;  // pages scanned below this are resampled up to it (0: never)
  bool deskew = true;
  double max_skew_degrees = 10.0;
  bool denoise = true;   // 3x3 median on gray scans, and specks after thresholding
  bool binarize = true;  // lighting flattened, then one Otsu threshold
};

struct Result {
  Raster image;
  double skew_degrees = 0;      // measured; positive = text lines rose to the right
  int orientation_degrees = 0;  // quarter-turn corrected (clockwise turn the page had)
};

// `orientation_degrees` and `orientation_confidence` come from OSD on the raw page (ocr::Engine).
Result run(const Options& options, const Raster& page, int orientation_degrees,
           float orientation_confidence);

}  // namespace greffe::preprocess
