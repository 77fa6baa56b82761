// Skew measurement by projection profiles: the angle at which the text lines, projected
// horizontally, give the sharpest profile (Postl's method, as Leptonica's skew finder).
#pragma once

#include <opencv2/core.hpp>

#include "models/geometry.h"

namespace greffe::preprocess {

// `gray`: 8-bit page, dark text on light paper. Returns the skew in degrees within
// [-max_degrees, max_degrees]: positive when text lines rise to the right.
double find_skew(const cv::Mat& gray, int dpi, double max_degrees);

// True when the text lines run top to bottom: the page lies on its side.
bool lines_run_vertically(const cv::Mat& gray, int dpi, double max_degrees);

// Rotates the page content by -skew (so a page skewed by `skew` comes out straight), white fill.
cv::Mat rotate_page(const cv::Mat& gray, double skew_degrees);

// What rotate_page does to the coordinates of a width x height page.
PageTransform deskew_transform(int width, int height, double skew_degrees);

}  // namespace greffe::preprocess
