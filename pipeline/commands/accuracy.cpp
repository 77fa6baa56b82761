// `greffe accuracy TRUTH TEXT`: CER and WER of TEXT against TRUTH, as one JSON object on stdout.
#include <iostream>

#include "models/error.h"
#include "pipeline/accuracy.h"
#include "pipeline/commands/commands.h"

namespace greffe::commands {

int accuracy(const std::string& truth_path, const std::string& text_path) {
  const std::optional<std::string> truth = read_input(truth_path);
  if (!truth) {
    std::cerr << Error{ErrorKind::UnreadableInput, truth_path, 0, "cannot read"}.to_line() << '\n';
    return exit_code(ErrorKind::UnreadableInput);
  }
  const std::optional<std::string> text = read_input(text_path);
  if (!text) {
    std::cerr << Error{ErrorKind::UnreadableInput, text_path, 0, "cannot read"}.to_line() << '\n';
    return exit_code(ErrorKind::UnreadableInput);
  }
  const greffe::accuracy::Score score = greffe::accuracy::measure(*text, *truth);
  std::cout << "{\"cer\": " << score.cer() << ", \"wer\": " << score.wer()
            << ", \"character_errors\": " << score.character_errors
            << ", \"characters\": " << score.characters << ", \"word_errors\": " << score.word_errors
            << ", \"words\": " << score.words << "}\n";
  return 0;
}

}  // namespace greffe::commands
