// Whether a PDF page's own text is real text, worth reading instead of running OCR: born-digital
// pages carry their words, while scans often carry an invisible OCR layer of junk.
#pragma once

#include <string>

#include "cleanup/lexicon.h"

namespace greffe::pipeline {

struct TextLayerVerdict {
  bool usable = false;
  int words = 0;  // words of letters judged (names in capitals and numbers are not)
  int known = 0;  // of them, known to the French lexicon
};

// Real text: at least 20 words judged, and 97% of them known to the lexicon. Typeset acts score
// 98.8-99.6% (the fixtures' texts); bare Tesseract's layers on damaged scans 19-95% ("Meétropole",
// "ceuvre", "I'emploi", fragments). An OCR layer good enough to pass is read as it is, then cleaned;
// `--ocr always` recognises every page instead.
TextLayerVerdict judge_text_layer(const std::string& text, cleanup::Lexicon& lexicon);

}  // namespace greffe::pipeline
