#include "pipeline/output/formats.h"

#include <sstream>

namespace greffe::output {

Expected<Formats> parse_formats(const std::string& list) {
  Formats formats{false, false, false, false, false};
  std::istringstream names(list);
  bool any = false;
  for (std::string name; std::getline(names, name, ',');) {
    if (name == "text")
      formats.text = true;
    else if (name == "json")
      formats.json = true;
    else if (name == "hocr")
      formats.hocr = true;
    else if (name == "alto")
      formats.alto = true;
    else if (name == "pdf")
      formats.pdf = true;
    else
      return Error{ErrorKind::BadArguments, "", 0,
                   "unknown format '" + name + "' (text, json, hocr, alto, pdf)"};
    any = true;
  }
  if (!any)
    return Error{ErrorKind::BadArguments, "", 0,
                 "--formats needs at least one of text, json, hocr, alto, pdf"};
  return formats;
}

}  // namespace greffe::output
