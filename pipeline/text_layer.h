// Whether a PDF page's own text is real text, worth reading instead of running OCR: born-digital
// pages carry their words, while scans often carry an invisible OCR layer of junk.
#pragma once

#include <string>

#include "cleanup/lexicon.h"

namespace greffe::pipeline {

// Where a page's text layer comes from, told by its images (rasterize.h: is_scan). Over a scan
// the layer was recognised by some OCR engine and may be junk; on a born-digital page (no image
// covering most of it) the layer is the text as it was typed, whatever it prints: names, tables.
enum class LayerOrigin { Scan, BornDigital };

struct TextLayerVerdict {
  bool usable = false;
  int words = 0;  // words of letters judged (names in capitals and numbers are not)
  int known = 0;  // of them, known to the French lexicon
  int names = 0;  // on a born-digital page: capitalised words the lexicon does not know, set aside
};

// Real text: at least 20 words, and 97% of the words judged known to the lexicon. Typeset acts
// score 98.8-99.6% (the fixtures' texts); bare Tesseract's layers on damaged scans 19-95%
// ("Meétropole", "ceuvre", "I'emploi", fragments). Words in capitals are never judged (names,
// acronyms). On a born-digital page, a capitalised word the lexicon does not know ("Aranéo",
// "Chargueros") is a name as typed, not a misreading: it is set aside and counts towards the 20
// words; the words left (lowercase, or broken in case like "rOanNais") are judged as on a scan,
// so a layer in a broken font encoding still fails. Over a scan, a misread word is as often
// capitalised ("Meétropole"): every word with a lowercase letter is judged. An OCR layer good
// enough to pass is read as it is, then cleaned; `--ocr always` recognises every page instead.
TextLayerVerdict judge_text_layer(const std::string& text, cleanup::Lexicon& lexicon, LayerOrigin origin);

}  // namespace greffe::pipeline
