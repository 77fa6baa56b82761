// `greffe parse [FILE|-]`: the parser alone, on a clean text; deliberation.json on stdout.
#include <iostream>

#include "models/error.h"
#include "models/text_input.h"
#include "pipeline/commands/commands.h"
#include "pipeline/parse/parse.h"

namespace greffe::commands {

int parse(const std::string& path) {
  const std::string shown = path.empty() ? "-" : path;
  const std::optional<std::string> text = read_input(path);
  if (!text) {
    std::cerr << Error{ErrorKind::UnreadableInput, shown, 0, "cannot read"}.to_line() << '\n';
    return exit_code(ErrorKind::UnreadableInput);
  }
  if (auto reason = not_text_reason(*text)) {  // the parser reads UTF-8 only
    std::cerr << Error{ErrorKind::UnreadableInput, shown, 0, *reason}.to_line() << '\n';
    return exit_code(ErrorKind::UnreadableInput);
  }
  // Legality comes from cleanup's stamp pass; on a text alone it is unknown. parse::run never
  // throws (a parser bug becomes a warning in the JSON); writing the JSON is what is left.
  try {
    std::cout << deliberation_json_text(parse::run(parse::Options{}, *text, Legality{}));
  } catch (const std::exception& e) {
    std::cerr << Error{ErrorKind::Internal, shown, 0, std::string("parse: ") + e.what()}.to_line() << '\n';
    return exit_code(ErrorKind::Internal);
  }
  return 0;
}

}  // namespace greffe::commands
