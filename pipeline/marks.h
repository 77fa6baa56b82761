// Lines that are not the act's text: print upside down (a page's stamp or a neighbour's margin
// note), show-through from the back of the sheet (mirrored), and the marks of a seal or drawing the
// engine took for letters. They are dropped from the page's text, each with its reason in
// report.json's warnings, never silently.
#pragma once

#include <string>
#include <vector>

#include "models/page.h"
#include "models/raster.h"
#include "ocr/engine.h"

namespace greffe::pipeline {

// A line is looked at again when the engine read its words at a mean confidence under 70 (print
// reads at 85-95; mirrored Helvetica, its b d p q still letters, at 62 on the test's page).
// Read again alone, as it is, turned 180° and mirrored: when turned or mirrored it reads at 60 or
// more and 25 points better than as it is, it is upside-down print or show-through; when it read
// under 25 on the page and reads under 25 every way alone, it is not text. (A line under a seal,
// "Certifié Conforme," on 004, reads at 17 alone but better on the page: it stays.) Returns, for each line
// dropped from `page` (its lines and the engine's text), a warning naming it and why. At most 12 lines a page
// are looked at, the least confident first: a page of noise costs a few line readings, not a page's.
std::vector<std::string> drop_lines_not_text(ocr::Engine& engine, const Raster& image, OcrPage& page);

}  // namespace greffe::pipeline
