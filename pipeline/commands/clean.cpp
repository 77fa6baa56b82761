// `greffe clean [FILE|-] [--log FILE]`: cleanup alone, on existing OCR text whose pages are
// separated by form feeds; the clean text on stdout, every change in the log.
#include <fstream>
#include <iostream>
#include <sstream>

#include "cleanup/cleanup.h"
#include "models/error.h"
#include "models/text_input.h"
#include "pipeline/commands/commands.h"

namespace greffe::commands {

int clean(const std::string& path, const std::string& log_path, bool corrector) {
  const std::string shown = path.empty() ? "-" : path;
  const std::optional<std::string> text = read_input(path);
  if (!text) {
    std::cerr << Error{ErrorKind::UnreadableInput, shown, 0, "cannot read"}.to_line() << '\n';
    return exit_code(ErrorKind::UnreadableInput);
  }
  if (auto reason = not_text_reason(*text)) {  // cleanup reads UTF-8 only
    std::cerr << Error{ErrorKind::UnreadableInput, shown, 0, *reason}.to_line() << '\n';
    return exit_code(ErrorKind::UnreadableInput);
  }
  cleanup::Options options;
  options.corrector = corrector;
  auto cleaner = cleanup::Cleaner::create(options);
  if (!cleaner) {
    std::cerr << cleaner.error().to_line() << '\n';
    return exit_code(cleaner.error().kind);
  }
  std::vector<std::string> pages;
  std::istringstream split(*text);
  for (std::string page; std::getline(split, page, '\f');) pages.push_back(page);
  const cleanup::CleanDocument clean = (*cleaner)->run(pages);
  for (std::size_t i = 0; i < clean.pages.size(); ++i) std::cout << (i > 0 ? "\f" : "") << clean.pages[i];
  if (!log_path.empty()) {
    std::ofstream log(log_path, std::ios::binary);
    log << cleanup::changes_jsonl(clean.changes);
    if (!log) {
      std::cerr << Error{ErrorKind::OutputNotWritable, log_path, 0, "cannot write the change log"}.to_line()
                << '\n';
      return exit_code(ErrorKind::OutputNotWritable);
    }
  }
  return 0;
}

}  // namespace greffe::commands
