// Whether a binarized page of Roman text is upside down, from its ascenders and descenders.
#pragma once

#include <opencv2/core.hpp>

namespace greffe::preprocess {

// Latin text has more ascenders (b d h k l t) than descenders (g p q y); Leptonica counts both
// with hit-miss transforms (Bloomberg, Kopec and Dasari, 1995). Positive: upright, negative:
// upside down; the magnitude is how many standard deviations from chance (8 is near certain).
// `binary`: 0 ink, 255 paper, text lines horizontal.
float up_down_confidence(const cv::Mat& binary);

}  // namespace greffe::preprocess
