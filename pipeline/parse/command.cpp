// `greffe parse [FILE|-]`: the parser alone, on a clean text; deliberation.json on stdout.
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "models/error.h"
#include "models/text_input.h"
#include "pipeline/parse/parse.h"

namespace greffe::parse {

int command(const std::string& path) {
  std::string text;
  if (path.empty() || path == "-") {
    text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else {
    std::ifstream file(path, std::ios::binary);
    if (!file) {
      std::cerr << Error{ErrorKind::UnreadableInput, path, 0, "cannot read"}.to_line() << '\n';
      return exit_code(ErrorKind::UnreadableInput);
    }
    std::ostringstream content;
    content << file.rdbuf();
    text = content.str();
  }
  if (auto reason = not_text_reason(text)) {  // the parser reads UTF-8 only
    std::cerr << Error{ErrorKind::UnreadableInput, path.empty() ? "-" : path, 0, *reason}.to_line() << '\n';
    return exit_code(ErrorKind::UnreadableInput);
  }
  // Legality comes from cleanup's stamp pass; on a text alone it is unknown.
  try {
    std::cout << deliberation_json_text(run(Options{}, text, Legality{}));
  } catch (const std::exception& e) {  // a parser bug, not bad input: say so, do not crash
    std::cerr << Error{ErrorKind::Internal, path, 0, std::string("parse: ") + e.what()}.to_line() << '\n';
    return exit_code(ErrorKind::Internal);
  }
  return 0;
}

}  // namespace greffe::parse
