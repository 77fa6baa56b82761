// The invisible text layer of a searchable PDF page: each word in Helvetica (a standard-14 font,
// WinAnsiEncoding, which covers French with œ and the typographic apostrophe), text render mode 3
// (neither filled nor stroked), sized to its box's height and stretched (Tz) to its box's width,
// set level (to the nearest quarter turn of the page) and centred on its box. Search, selection
// and copy find the words where they are printed; a word cut at a line end reads whole where it
// starts (ActualText).
#pragma once

#include <string>

#include "models/geometry.h"
#include "pipeline/output/page_words.h"

namespace greffe::output {

// The page's content-stream operators for the layer. `to_user_space` maps the pixels of the
// page as read to the PDF page's default user space (points, y up); `font` is the resource name
// of a Helvetica/WinAnsiEncoding font ("/GreffeOCR").
std::string invisible_text(const PlacedPage& page, const PageTransform& ocr_to_user_space,
                           const std::string& font);

// UTF-8 to WinAnsiEncoding (Windows-1252); a character it lacks becomes '?'.
std::string to_win_ansi(const std::string& utf8);

// Width of a WinAnsi string in Helvetica, in thousandths of the font size.
int helvetica_width(const std::string& win_ansi);

}  // namespace greffe::output
