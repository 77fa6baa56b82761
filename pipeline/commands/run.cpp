// `greffe run INPUT...`: prints each document's failures and a progress line as it is written,
// then chooses the exit code: the first failure's, 130 when cancelled, else 0.
#include <chrono>
#include <iostream>

#include "models/error.h"
#include "pipeline/commands/commands.h"

namespace greffe::commands {

int run(const std::vector<std::filesystem::path>& inputs, const pipeline::Options& options,
        const Cancellation& cancel) {
  const auto started = std::chrono::steady_clock::now();
  auto progress = [&](const pipeline::FinishedDocument& finished, std::size_t written, std::size_t total) {
    for (const Error& error : finished.errors) std::cerr << error.to_line() << '\n';
    if (!options.progress || !finished.deliberation) return;
    const DocumentResult& document = finished.document;
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::cerr << "greffe: [" << written << "/" << total << "] " << document.input << ": "
              << document.page_count << " page(s) -> " << (options.out / document.stem).string() << " ("
              << static_cast<int>(seconds) << " s elapsed)\n";
  };
  const Expected<pipeline::RunOutcome> outcome = pipeline::run(inputs, options, cancel, progress);
  if (!outcome) {
    std::cerr << outcome.error().to_line() << '\n';
    return exit_code(outcome.error().kind);
  }
  for (const Error& error : outcome->run_failures) std::cerr << error.to_line() << '\n';
  if (outcome->cancelled) {
    std::cerr << "greffe: interrupted; " << outcome->written << " document(s) complete in "
              << options.out.string() << '\n';
    return exit_code(ErrorKind::Interrupted);
  }
  if (!outcome->document_failures.empty()) return exit_code(outcome->document_failures.front().kind);
  if (!outcome->run_failures.empty()) return exit_code(outcome->run_failures.front().kind);
  return 0;
}

}  // namespace greffe::commands
