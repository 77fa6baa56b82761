// One input document after the run: its pages in order and what went wrong on the way.
#pragma once

#include <string>
#include <vector>

#include "models/legality.h"
#include "models/page.h"

namespace greffe {

struct DocumentResult {
  std::string input;  // path as given
  std::string stem;   // output folder name, unique within a run
  int page_count = 0;
  std::vector<PageResult> pages;
  Legality legality;  // from the stamp lines, found by cleanup
  std::vector<std::string> warnings;
  double parse_ms = 0;  // the structural parser, over the whole document
};

}  // namespace greffe
