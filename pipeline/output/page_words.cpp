#include "pipeline/output/page_words.h"

#include <algorithm>
#include <cmath>

namespace greffe::output {

namespace {

Box bounds(const std::vector<Box>& boxes) {
  Box all;
  for (const Box& box : boxes) all = union_of(all, box);
  return all;
}

}  // namespace

Box box_on_page(const Box& box, const PageTransform& to_page) {
  const double l = box.left, t = box.top, r = box.left + box.width, b = box.top + box.height;
  double min_x = 1e18, min_y = 1e18, max_x = -1e18, max_y = -1e18;
  for (const Point corner : {Point{l, t}, Point{r, t}, Point{l, b}, Point{r, b}}) {
    const Point p = to_page.apply(corner);
    min_x = std::min(min_x, p.x);
    min_y = std::min(min_y, p.y);
    max_x = std::max(max_x, p.x);
    max_y = std::max(max_y, p.y);
  }
  const int left = static_cast<int>(std::floor(min_x)), top = static_cast<int>(std::floor(min_y));
  return {left, top, static_cast<int>(std::ceil(max_x)) - left, static_cast<int>(std::ceil(max_y)) - top};
}

PlacedPage place_words(const PageResult& page, const CleanLines& words) {
  PlacedPage placed;
  placed.width = page.source_width > 0 ? page.source_width : page.report.width;
  placed.height = page.source_height > 0 ? page.source_height : page.report.height;
  placed.dpi = page.report.dpi;
  const PageTransform to_page = page.to_ocr.inverse();
  // The image's x axis, turned back: the direction text runs on the page (y grows downwards).
  const Point origin = to_page.apply({0, 0}), along = to_page.apply({1000, 0});
  placed.text_angle = -std::atan2(along.y - origin.y, along.x - origin.x) * 180.0 / M_PI;

  for (std::size_t i = 0; i < page.ocr.lines.size(); ++i) {
    const TextLine& ocr_line = page.ocr.lines[i];
    PlacedLine line;
    line.block = ocr_line.block;
    line.paragraph = ocr_line.paragraph;
    line.region = ocr_line.region;
    bool all_stamp = true;
    std::vector<Box> boxes;
    for (std::size_t j = 0; j < ocr_line.words.size(); ++j) {
      const Word& ocr_word = ocr_line.words[j];
      const bool cleaned = i < words.size() && j < words[i].size();
      PlacedWord word;
      word.text = ocr_word.text;
      if (cleaned) {
        const cleanup::CleanWord& clean = words[i][j];
        if (clean.role == cleanup::WordRole::Dropped) continue;
        if (clean.role != cleanup::WordRole::Stamp) all_stamp = false;
        word.text = clean.text;
        word.hyphen_part = clean.hyphen_part;
        word.joined = clean.joined;
      } else {
        all_stamp = false;
      }
      if (word.text.find_first_not_of(" \t\r\n") == std::string::npos)
        continue;  // a frame the engine read as a word
      word.ocr_box = ocr_word.box;
      word.box = box_on_page(ocr_word.box, to_page);
      word.confidence = ocr_word.confidence;
      boxes.push_back(word.box);
      line.words.push_back(std::move(word));
    }
    if (line.words.empty()) continue;
    line.stamp = all_stamp;
    line.box = bounds(boxes);
    placed.lines.push_back(std::move(line));
  }
  return placed;
}

Box union_of(const Box& a, const Box& b) {
  if (a.width == 0 && a.height == 0) return b;
  if (b.width == 0 && b.height == 0) return a;
  const int left = std::min(a.left, b.left), top = std::min(a.top, b.top);
  const int right = std::max(a.left + a.width, b.left + b.width),
            bottom = std::max(a.top + a.height, b.top + b.height);
  return {left, top, right - left, bottom - top};
}

std::string xml_escape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        if (static_cast<unsigned char>(c) >= 0x20 || c == '\t') out += c;
    }
  }
  return out;
}

}  // namespace greffe::output
