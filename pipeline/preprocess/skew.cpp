#include "pipeline/preprocess/skew.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

namespace greffe::preprocess {

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr int kMeasureDpi = 150;  // enough for 0.05° on an A4 line, cheap to project

struct DarkPixels {
  std::vector<cv::Point> points;
  int height = 0;
  int width = 0;
};

DarkPixels dark_pixels(const cv::Mat& gray, int dpi) {
  cv::Mat small = gray;
  if (dpi > kMeasureDpi) {
    const double scale = static_cast<double>(kMeasureDpi) / dpi;
    // Not when it would leave no pixel on a side (an image a few pixels wide): resize refuses that.
    if (cvRound(gray.cols * scale) >= 1 && cvRound(gray.rows * scale) >= 1)
      cv::resize(gray, small, cv::Size(), scale, scale, cv::INTER_AREA);
  }
  cv::Mat ink;
  cv::threshold(small, ink, 0, 255, cv::THRESH_BINARY_INV | cv::THRESH_OTSU);
  DarkPixels dark;
  dark.height = ink.rows;
  dark.width = ink.cols;
  cv::findNonZero(ink, dark.points);
  return dark;
}

// Sharpness of the horizontal profile after undoing a skew of `degrees`: the sum of squared
// differences between neighbouring rows, large when lines and gaps alternate cleanly.
double profile_sharpness(const DarkPixels& dark, double degrees) {
  const double slope = std::tan(degrees * kPi / 180.0);
  const int margin = static_cast<int>(std::ceil(std::abs(slope) * dark.width)) + 1;
  std::vector<int> rows(static_cast<std::size_t>(dark.height + 2 * margin), 0);
  // Content skewed by +a has y = y0 - x tan(a); adding x tan(a) straightens it. The margin keeps
  // every row index positive, so adding 0.5 and truncating rounds.
  const float shift = static_cast<float>(margin) + 0.5f;
  const float tilt = static_cast<float>(slope);
  const int last = static_cast<int>(rows.size()) - 1;
  for (const cv::Point& p : dark.points) {
    const int y = static_cast<int>(static_cast<float>(p.y) + static_cast<float>(p.x) * tilt + shift);
    ++rows[static_cast<std::size_t>(std::min(y, last))];
  }
  double sharpness = 0;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const double step = rows[i] - rows[i - 1];
    sharpness += step * step;
  }
  return sharpness;
}

double best_angle(const DarkPixels& dark, double from, double to, double step) {
  double best = from, best_score = -1;
  for (double angle = from; angle <= to + step / 2; angle += step) {
    const double score = profile_sharpness(dark, angle);
    if (score > best_score) {
      best_score = score;
      best = angle;
    }
  }
  return best;
}

// The best sharpness over a coarse sweep: how strongly the ink forms lines in this direction.
double line_strength(const DarkPixels& dark, double max_degrees) {
  double best = 0;
  for (double angle = -max_degrees; angle <= max_degrees + 0.25; angle += 0.5)
    best = std::max(best, profile_sharpness(dark, angle));
  return best;
}

}  // namespace

bool lines_run_vertically(const cv::Mat& gray, int dpi, double max_degrees) {
  DarkPixels dark = dark_pixels(gray, dpi);
  if (dark.points.size() < 100) return false;
  const double across = line_strength(dark, max_degrees);
  for (cv::Point& p : dark.points) std::swap(p.x, p.y);
  std::swap(dark.width, dark.height);
  const double down = line_strength(dark, max_degrees);
  // Text lines give a far sharper profile than the columns of letters across them.
  return down > 1.5 * across;
}

double find_skew(const cv::Mat& gray, int dpi, double max_degrees) {
  const DarkPixels dark = dark_pixels(gray, dpi);
  if (dark.points.size() < 100) return 0;  // a blank page has no lines to measure
  // Coarse sweep, then two finer searches around the best angle.
  double angle = best_angle(dark, -max_degrees, max_degrees, 0.5);
  angle = best_angle(dark, angle - 0.5, angle + 0.5, 0.05);
  angle = best_angle(dark, angle - 0.05, angle + 0.05, 0.01);
  return std::clamp(angle, -max_degrees, max_degrees);
}

namespace {

// OpenCV turns counter-clockwise for positive angles: undo the skew with its opposite.
cv::Mat deskew_matrix(int width, int height, double skew_degrees) {
  const cv::Point2f centre(width / 2.0f, height / 2.0f);
  return cv::getRotationMatrix2D(centre, -skew_degrees, 1.0);
}

}  // namespace

PageTransform deskew_transform(int width, int height, double skew_degrees) {
  const cv::Mat m = deskew_matrix(width, height, skew_degrees);
  const PageTransform turn{m.at<double>(0, 0), m.at<double>(0, 1), m.at<double>(0, 2),
                           m.at<double>(1, 0), m.at<double>(1, 1), m.at<double>(1, 2)};
  // OpenCV's matrix is on pixel centres (index coordinates); ours on pixel edges.
  return PageTransform::translate(-0.5, -0.5).then(turn).then(PageTransform::translate(0.5, 0.5));
}

cv::Mat rotate_page(const cv::Mat& gray, double skew_degrees) {
  const cv::Mat turn = deskew_matrix(gray.cols, gray.rows, skew_degrees);
  cv::Mat straight;
  cv::warpAffine(gray, straight, turn, gray.size(), cv::INTER_CUBIC, cv::BORDER_CONSTANT, cv::Scalar(255));
  return straight;
}

}  // namespace greffe::preprocess
