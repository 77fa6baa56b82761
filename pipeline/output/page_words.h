// A page's words as the archive formats write them: the clean words (cleanup::clean_words) on
// the boxes the engine gave, put back on the page as it was read, grouped in blocks, paragraphs
// and lines as the engine found them. Noise is left out; stamp lines are kept and marked.
#pragma once

#include <string>
#include <vector>

#include "cleanup/cleanup.h"
#include "models/page.h"

namespace greffe::output {

// The words of each OCR line of a page, as cleanup made them (result[line][word]).
using CleanLines = std::vector<std::vector<cleanup::CleanWord>>;

struct PlacedWord {
  std::string text;      // clean
  Box box;               // on the page as read: the bounds of the engine's box turned back
  Box ocr_box;           // the engine's own box, on the preprocessed image
  float confidence = 0;  // 0..100
  int hyphen_part = 0;   // see cleanup::CleanWord
  std::string joined;
};

struct PlacedLine {
  Box box;
  bool stamp = false;  // a legality stamp or @ctes receipt line: not the act's text
  int block = 0;
  int paragraph = 0;
  std::string region = "body";  // the layout region it was read in (TextLine::region)
  std::vector<PlacedWord> words;
};

struct PlacedPage {
  int width = 0;  // of the page as read, in pixels
  int height = 0;
  int dpi = 0;
  double text_angle = 0;  // degrees, counter-clockwise, of the text lines on the page as read
  std::vector<PlacedLine> lines;
};

// `words` may be empty (a page whose words were not cleaned): the OCR words are then written.
PlacedPage place_words(const PageResult& page, const CleanLines& words);

// The bounds, on the page as read, of a box on the preprocessed image.
Box box_on_page(const Box& box, const PageTransform& to_page);

// The smallest box holding both (an empty box holds nothing).
Box union_of(const Box& a, const Box& b);

// Text for XML attributes and content: & < > " ' escaped, control characters dropped.
std::string xml_escape(const std::string& text);

}  // namespace greffe::output
