#include "pipeline/commands/progress.h"

#include <unistd.h>

#include <cstdio>
#include <iostream>

namespace greffe::commands {

Progress::Progress(int total_documents, bool enabled)
    : total_(total_documents), enabled_(enabled), terminal_(::isatty(STDERR_FILENO) != 0) {}

double Progress::seconds() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
}

std::string Progress::status() const {
  const double elapsed = seconds();
  char line[200];
  const double per_minute = elapsed > 0 ? pages_ * 60.0 / elapsed : 0;
  std::string eta = "-";
  if (done_ > 0 && done_ < total_) {
    const double left = elapsed / done_ * (total_ - done_);
    std::snprintf(line, sizeof line, "%dm%02ds", static_cast<int>(left) / 60, static_cast<int>(left) % 60);
    eta = line;
  }
  std::snprintf(line, sizeof line,
                "greffe batch: %d/%d documents, %d failed, %lld pages, %.1f pages/min, ETA %s", done_, total_,
                failed_, pages_, per_minute, eta.c_str());
  return line;
}

void Progress::show(bool force) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (terminal_) {
    std::cerr << "\r\033[K" << status() << std::flush;
    live_line_ = true;
  } else if (force || now - shown_ >= std::chrono::seconds(5)) {
    std::cerr << status() << '\n';
    shown_ = now;
  }
}

void Progress::document_done(int pages, bool failed) {
  ++done_;
  pages_ += pages;
  if (failed) ++failed_;
  show(done_ == total_);
}

void Progress::message(const std::string& line) {
  if (live_line_) std::cerr << "\r\033[K";
  std::cerr << line << '\n';
  live_line_ = false;
  if (enabled_ && terminal_) show(true);
}

void Progress::finish() {
  if (live_line_) std::cerr << '\n';
  live_line_ = false;
}

}  // namespace greffe::commands
