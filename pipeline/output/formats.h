// Which files `--formats` asks for, per document (docs/design/cli.md): text (raw.txt, text.txt),
// json (deliberation.json, cleanup.jsonl), hocr (hocr/NNNN.hocr), alto (alto/NNNN.xml), pdf
// (searchable.pdf). report.json is always written: it is the run's record of the document.
#pragma once

#include <string>

#include "models/error.h"

namespace greffe::output {

struct Formats {
  bool text = true;
  bool json = true;
  bool hocr = false;
  bool alto = false;
  bool pdf = false;

  // The formats that need each OCR word's clean form and box.
  bool words() const { return hocr || alto || pdf; }
};

// "text,json,hocr,alto,pdf", any subset in any order; an unknown or empty list is BadArguments.
Expected<Formats> parse_formats(const std::string& list);

}  // namespace greffe::output
