// En dashes the engine reads as hyphens: Tesseract 5 gives "-" for the en dash of "NUMÉRIQUE –
// LABEL GEN" and "Métropole – chapitre 65", though the bar on the page is twice a hyphen's length.
// The acts print both between spaces ("B370 - Chapitre 65 - Article 65748 – Fonction 67"), so the
// text cannot tell them apart; the glyph's own ink can.
#pragma once

#include "models/page.h"
#include "models/raster.h"

namespace greffe::ocr {

// True when the longest horizontal run of ink inside `dash` (the engine's box of a lone "-")
// is longer than kEnDashLength times `row_height` (Tesseract's x-height plus ascenders of the
// line). `page` is the binarized image given to the engine.
bool long_as_en_dash(const Raster& page, const Box& dash, float row_height);

// Measured on the 7 fixtures at 300 dpi, on the 222 lone dashes the engine read: the 217 hyphens'
// ink is 0.14 to 0.35 of the row height, the 5 en dashes' 0.51 to 0.57 (in the font, a hyphen is a quarter to
// a third of an em, an en dash half an em). The cut lies between the two.
constexpr float kEnDashLength = 0.43f;

}  // namespace greffe::ocr
