#include "pipeline/preprocess/preprocess.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "pipeline/preprocess/skew.h"
#include "pipeline/preprocess/upside_down.h"

namespace greffe::preprocess {

namespace {

constexpr int kDark = 96;  // gray level under which a pixel counts as ink or scanner border

// How deep a dark band reaches in from one edge: lines (rows or columns) that are mostly dark.
int dark_band_depth(const cv::Mat& dark, bool columns, bool from_end) {
  const int count = columns ? dark.cols : dark.rows;
  const int length = columns ? dark.rows : dark.cols;
  const int max_depth = count / 8;  // a scanner border never covers an eighth of the page
  int depth = 0;
  for (; depth < max_depth; ++depth) {
    const int index = from_end ? count - 1 - depth : depth;
    const cv::Mat line = columns ? dark.col(index) : dark.row(index);
    if (cv::countNonZero(line) < length / 2) break;
  }
  // The inner edge of a scanned border is ragged; take a little more than the solid part.
  return depth == 0 ? 0 : std::min(max_depth, depth + std::max(2, depth / 4));
}

// Scanner lids and book edges leave dark bands along the page edges; they confuse the skew
// measure and the engine's layout analysis, so they become paper.
void clear_dark_borders(cv::Mat& gray) {
  cv::Mat dark = gray < kDark;
  const int left = dark_band_depth(dark, true, false);
  const int right = dark_band_depth(dark, true, true);
  const int top = dark_band_depth(dark, false, false);
  const int bottom = dark_band_depth(dark, false, true);
  const cv::Scalar paper(255);
  if (left) gray(cv::Rect(0, 0, left, gray.rows)).setTo(paper);
  if (right) gray(cv::Rect(gray.cols - right, 0, right, gray.rows)).setTo(paper);
  if (top) gray(cv::Rect(0, 0, gray.cols, top)).setTo(paper);
  if (bottom) gray(cv::Rect(0, gray.rows - bottom, gray.cols, bottom)).setTo(paper);
}

// Uneven lighting, yellowed paper, faded ink: divide the page by the paper's own brightness,
// estimated by a max filter wider than any stroke. Paper becomes 255 everywhere, so that the
// white left by border clearing and rotation matches it and one global threshold fits the page.
// The estimate is made at a quarter of the size: lighting varies slowly, and it is 16x cheaper.
cv::Mat flatten_lighting(const cv::Mat& gray, int dpi) {
  cv::Mat small;
  // An image under 2 pixels a side (greffe may be given a 1 x 1 image) has an empty quarter,
  // which resize refuses: it gets a one-pixel estimate instead.
  if (cvRound(gray.cols * 0.25) >= 1 && cvRound(gray.rows * 0.25) >= 1)
    cv::resize(gray, small, cv::Size(), 0.25, 0.25, cv::INTER_AREA);
  else
    cv::resize(gray, small,
               cv::Size(std::max(1, cvRound(gray.cols * 0.25)), std::max(1, cvRound(gray.rows * 0.25))), 0, 0,
               cv::INTER_AREA);
  const int reach = std::max(5, dpi / 40) | 1;  // a quarter of dpi/10: wider than a stroke
  cv::Mat paper;
  cv::dilate(small, paper, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(reach, reach)));
  cv::GaussianBlur(paper, paper, cv::Size(reach, reach), 0);
  cv::resize(paper, paper, gray.size(), 0, 0, cv::INTER_LINEAR);
  cv::Mat flat;
  cv::divide(gray, paper, flat, 255.0);
  return flat;
}

cv::Mat threshold(const cv::Mat& flat) {
  cv::Mat binary;
  cv::threshold(flat, binary, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
  return binary;
}

// Light ink printed as lines of its own: `light` run together across 1 in along the rows, in
// stripes no taller than a line of text (0.4 in) with no print in them. A heading in light colour
// (lay-colour's light blue, luminance 151) lies in rows of its own and is read; a seal's rings and
// legend run together down the page, taller than a line, sharing their rows with the signatory's
// lines, and go.
cv::Mat in_lines_of_their_own(const cv::Mat& light, const cv::Mat& print, int dpi) {
  const int reach = std::max(1, dpi);
  cv::Mat stripes;
  cv::dilate(light, stripes, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(2 * reach + 1, 1)));
  cv::Mat labels, stats, centroids;
  const int count = cv::connectedComponentsWithStats(stripes, labels, stats, centroids, 8, CV_32S);
  cv::Mat print_sum;
  cv::integral(print / 255, print_sum, CV_32S);
  std::vector<std::uint8_t> apart(static_cast<std::size_t>(count), 0);
  bool any = false;
  for (int i = 1; i < count; ++i) {
    const int top = stats.at<int>(i, cv::CC_STAT_TOP), bottom = top + stats.at<int>(i, cv::CC_STAT_HEIGHT);
    const int left = stats.at<int>(i, cv::CC_STAT_LEFT), right = left + stats.at<int>(i, cv::CC_STAT_WIDTH);
    if (bottom - top > dpi * 2 / 5) continue;
    const int print_pixels = print_sum.at<int>(bottom, right) - print_sum.at<int>(top, right) -
                             print_sum.at<int>(bottom, left) + print_sum.at<int>(top, left);
    if (print_pixels == 0) apart[static_cast<std::size_t>(i)] = 1, any = true;
  }
  cv::Mat kept = cv::Mat::zeros(light.size(), CV_8UC1);
  if (!any) return kept;
  for (int y = 0; y < labels.rows; ++y) {
    const int* label = labels.ptr<int>(y);
    const std::uint8_t* ink = light.ptr<std::uint8_t>(y);
    std::uint8_t* keep = kept.ptr<std::uint8_t>(y);
    for (int x = 0; x < labels.cols; ++x)
      if (ink[x] && apart[static_cast<std::size_t>(label[x])]) keep[x] = 255;
  }
  return kept;
}

// A seal or stamp scanned in gray: ink much lighter than the print, lying away from it. Otsu's
// threshold keeps it (000 p3: the seal is 140-150, the print under 60, the threshold 172), welded
// to the letters it crosses, and the engine then loses those lines as a picture.
// Print is darker than 45% of the way from the page's dark ink (the 10th percentile of its ink)
// to paper. A page has a seal when over 3% of its ink lies more than 2 px (at 300 dpi) from any
// print (5.9% on the seal's page, at most 1.8% on every other fixture page) and its marks that
// hold no print at all — the seal's rings and legend, apart from the letters — are over 1% of its
// ink (1.9% on the seal's page, at most 0.4% elsewhere). The first sign alone is not enough: 001
// rendered from a PDF has 3.7% (its thin strokes, interpolated from a 200 dpi fax, never get as
// dark as its thick ones), and the step ate them. On a page with a seal, the ink over 2 px from
// print is made paper; nearer stays: at 1 px the en dash after "Métropole" lost its soft edge and
// was read "-". Light ink in rows of its own, away from any print, stays (in_lines_of_their_own).
// Returns whether the page had a seal.
bool drop_light_ink(cv::Mat& binary, const cv::Mat& gray, int dpi) {
  const cv::Mat ink = binary == 0;
  const int ink_pixels = cv::countNonZero(ink);
  if (ink_pixels == 0) return false;
  cv::Mat histogram;
  const int channels[] = {0}, bins[] = {256};
  const float range[] = {0, 256};
  const float* ranges[] = {range};
  cv::calcHist(&gray, 1, channels, ink, histogram, 1, bins, ranges);
  double seen = 0;
  int dark_ink = 0;
  while (dark_ink < 255 && (seen += histogram.at<float>(dark_ink)) < ink_pixels / 10.0) ++dark_ink;
  const cv::Mat print = gray < dark_ink + 0.45 * (255 - dark_ink);

  const int reach = std::max(1, static_cast<int>(std::lround(2 * dpi / 300.0)));
  cv::Mat near_print;
  cv::dilate(print, near_print,
             cv::getStructuringElement(cv::MORPH_RECT, cv::Size(2 * reach + 1, 2 * reach + 1)));
  const cv::Mat far_from_print = ink & ~near_print;
  // Cheap first: a page whose ink nearly all lies by print has no seal (labelling the marks costs
  // more than the rest of the step).
  if (cv::countNonZero(far_from_print) * 100 <= 3 * ink_pixels) return false;

  cv::Mat marks, stats, centroids;
  const int count = cv::connectedComponentsWithStats(ink, marks, stats, centroids, 8, CV_32S);
  std::vector<bool> holds_print(static_cast<std::size_t>(count), false);
  for (int y = 0; y < marks.rows; ++y) {
    const int* mark = marks.ptr<int>(y);
    const std::uint8_t* dark = print.ptr<std::uint8_t>(y);
    for (int x = 0; x < marks.cols; ++x)
      if (dark[x]) holds_print[static_cast<std::size_t>(mark[x])] = true;
  }
  long long without_print = 0;
  for (int i = 1; i < count; ++i)
    if (!holds_print[static_cast<std::size_t>(i)]) without_print += stats.at<int>(i, cv::CC_STAT_AREA);
  if (without_print * 100 <= ink_pixels) return false;
  binary.setTo(255, far_from_print & ~in_lines_of_their_own(far_from_print, print, dpi));
  return true;
}

// Specks: ink components far smaller than any letter part, including an accent or an i dot.
void remove_specks(cv::Mat& binary, int dpi) {
  const double scale = dpi / 300.0;
  const int max_speck_area = std::max(1, static_cast<int>(std::lround(4 * scale * scale)));
  cv::Mat ink = binary == 0;
  cv::Mat labels, stats, centroids;
  const int count = cv::connectedComponentsWithStats(ink, labels, stats, centroids, 8, CV_32S);
  std::vector<bool> speck(static_cast<std::size_t>(count), false);
  bool any = false;
  for (int i = 1; i < count; ++i) {
    if (stats.at<int>(i, cv::CC_STAT_AREA) <= max_speck_area) speck[static_cast<std::size_t>(i)] = any = true;
  }
  if (!any) return;
  for (int y = 0; y < binary.rows; ++y) {
    const int* label = labels.ptr<int>(y);
    std::uint8_t* pixel = binary.ptr<std::uint8_t>(y);
    for (int x = 0; x < binary.cols; ++x)
      if (speck[static_cast<std::size_t>(label[x])]) pixel[x] = 255;
  }
}

// A G4 fax or any scan already thresholded: only black and white, nothing to smooth.
bool is_bilevel(const Raster& page) {
  for (std::uint8_t value : page.pixels)
    if (value != 0 && value != 255) return false;
  return true;
}

Raster to_raster(const cv::Mat& image, int dpi) {
  Raster raster(image.cols, image.rows, dpi);
  cv::Mat target(image.rows, image.cols, CV_8UC1, raster.pixels.data());
  image.copyTo(target);
  return raster;
}

// "2550×3300 px at 300 dpi", for debug labels.
std::string size_label(const cv::Mat& image, int dpi) {
  return std::to_string(image.cols) + "×" + std::to_string(image.rows) + " px at " + std::to_string(dpi) +
         " dpi";
}

std::string degrees_label(double degrees) {
  char text[32];
  std::snprintf(text, sizeof text, "%+.2f°", degrees);
  return text;
}

}  // namespace

Result run(const Options& options, const Raster& page, DebugSink* debug) {
  Result result;
  // A header over the page's bytes: read in place, every step below makes its own output.
  const cv::Mat raw(page.height, page.width, CV_8UC1, const_cast<std::uint8_t*>(page.pixels.data()));
  cv::Mat gray = raw;
  if (debug)
    debug->add_image(
        "rasterize",
        std::string(page.light_colour_dropped ? "rendered in colour, light coloured ink (a seal) made paper, "
                                              : "rasterized, ") +
            size_label(raw, page.dpi),
        page);

  // Borders first: the lighting estimate's max filter is narrower than a wide scanner border, so
  // after flattening the border's outer columns turn light and clearing stopped at them, leaving
  // a dark band for deskew and the engine (seen in the debug viewer on 004 p2 and 000-p1).
  if (options.border) {
    gray = raw.clone();
    clear_dark_borders(gray);
  }
  if (options.binarize) gray = flatten_lighting(gray, page.dpi);
  if (debug && (options.binarize || options.border)) {
    const std::string done = options.binarize && options.border ? "lighting flattened, dark borders cleared"
                             : options.binarize                 ? "lighting flattened"
                                                                : "dark borders cleared";
    debug->add_image("lighting", done, to_raster(gray, page.dpi));
  }
  std::string since_shown;  // what the steps up to deskew did, for the debug label
  if (options.orientation && options.quarter_turn &&
      lines_run_vertically(gray, page.dpi, options.max_skew_degrees)) {
    cv::Mat turned;
    result.lines_vertical = true;
    result.to_image = result.to_image.then(upright_transform(gray.cols, gray.rows, 90));
    cv::rotate(gray, turned, cv::ROTATE_90_COUNTERCLOCKWISE);
    gray = turned;
    result.orientation_degrees = 90;
    if (debug) since_shown = "lines ran down the page: turned a quarter counter-clockwise, ";
  }
  int dpi = page.dpi;
  if (options.min_dpi > 0 && dpi > 0 && dpi < options.min_dpi * 5 / 6) {
    // Thin strokes of a 150-200 dpi scan survive thresholding better once resampled.
    const double scale = static_cast<double>(options.min_dpi) / dpi;
    cv::Mat larger;
    cv::resize(gray, larger, cv::Size(), scale, scale, cv::INTER_CUBIC);
    result.to_image = result.to_image.then(PageTransform::scale(
        static_cast<double>(larger.cols) / gray.cols, static_cast<double>(larger.rows) / gray.rows));
    gray = larger;
    if (debug) since_shown += "resampled from " + std::to_string(dpi) + " dpi, ";
    dpi = options.min_dpi;
  }
  if (options.deskew) {
    result.skew_degrees = find_skew(gray, dpi, options.max_skew_degrees);
    const bool corrected = std::abs(result.skew_degrees) >= 0.05;
    if (corrected) {
      result.to_image = result.to_image.then(deskew_transform(gray.cols, gray.rows, result.skew_degrees));
      gray = rotate_page(gray, result.skew_degrees);
    }
    if (debug) {
      since_shown += "skew " + degrees_label(result.skew_degrees) +
                     (corrected ? " measured and corrected, " : " measured, not corrected (under 0.05°), ");
      debug->add_image("deskew", since_shown + size_label(gray, dpi), to_raster(gray, dpi));
      since_shown.clear();
    }
  }
  if (debug && !since_shown.empty())
    debug->add_image("resample", since_shown + size_label(gray, dpi), to_raster(gray, dpi));
  // Denoise: a gray scan's JPEG ringing and salt-and-pepper go under a 3x3 median, which keeps
  // every stroke at >= 250 dpi; a bilevel scan would lose stroke corners to it, so its specks
  // are removed one by one after thresholding instead.
  const bool bilevel = is_bilevel(page);
  if (options.denoise && !bilevel) {
    cv::Mat smooth;
    cv::medianBlur(gray, smooth, 3);
    gray = smooth;
    if (debug) debug->add_image("denoise", "3×3 median", to_raster(gray, dpi));
  }
  if (options.binarize) {
    cv::Mat binary = threshold(gray);
    if (options.drop_light_ink && !bilevel) result.light_ink_dropped = drop_light_ink(binary, gray, dpi);
    gray = binary;
    if (options.denoise && bilevel) remove_specks(gray, dpi);
  }
  result.image = to_raster(gray, dpi);
  std::string turned;
  if (options.orientation && options.binarize) {
    result.up_down_confidence = up_down_confidence(gray);
    result.orientation_known = std::abs(result.up_down_confidence) >= options.up_down_min_confidence;
    if (result.orientation_known && result.up_down_confidence < 0) {
      result.to_image = result.to_image.then(upright_transform(result.image.width, result.image.height, 180));
      turn_upright(result.image, 180);
      result.orientation_degrees = (result.orientation_degrees + 180) % 360;
      if (debug) turned = ", upside down: turned 180°";
    }
  }
  if (debug && options.binarize) {
    const std::string specks = options.denoise && bilevel ? ", specks removed (bilevel scan)" : "";
    const std::string light_ink =
        result.light_ink_dropped ? ", light gray ink away from print (a seal) made paper" : "";
    debug->add_image("binarize", "Otsu threshold" + light_ink + specks + turned, result.image);
  }
  if (debug && options.orientation && options.binarize) {
    char confidence[64];
    std::snprintf(confidence, sizeof confidence, "%.1f", result.up_down_confidence);
    debug->add_text("orientation",
                    std::string("ascenders against descenders: confidence ") + confidence +
                        (result.orientation_known ? " (sure)" : " (not sure: Tesseract's OSD decides)"));
  }
  return result;
}

PageTransform upright_transform(int width, int height, int clockwise_degrees) {
  if (clockwise_degrees != 90 && clockwise_degrees != 180 && clockwise_degrees != 270) return {};
  return PageTransform::turn_clockwise(360 - clockwise_degrees, width, height);
}

void turn_upright(Raster& page, int clockwise_degrees) {
  if (clockwise_degrees == 180) {
    std::reverse(page.pixels.begin(), page.pixels.end());  // in place: no second page in memory
    return;
  }
  if (clockwise_degrees != 90 && clockwise_degrees != 270) return;
  const cv::Mat image(page.height, page.width, CV_8UC1, page.pixels.data());
  cv::Mat upright;
  cv::rotate(image, upright,
             clockwise_degrees == 90 ? cv::ROTATE_90_COUNTERCLOCKWISE : cv::ROTATE_90_CLOCKWISE);
  page = to_raster(upright, page.dpi);
}

}  // namespace greffe::preprocess
