// Progress of a long batch on stderr, printed by greffe batch (pipeline/commands/batch.cpp): a
// live line on a terminal, a plain line every few seconds otherwise (logs of a scheduler), and
// nothing with --quiet.
#pragma once

#include <chrono>
#include <string>

namespace greffe::commands {

class Progress {
 public:
  Progress(int total_documents, bool enabled);
  void document_done(int pages, bool failed);
  // Prints a line that must stay (an error), keeping the live line below it.
  void message(const std::string& line);
  void finish();  // ends the live line

  int done() const { return done_; }
  int failed() const { return failed_; }
  long long pages() const { return pages_; }
  double seconds() const;

 private:
  std::string status() const;
  void show(bool force);

  int total_;
  bool enabled_;
  bool terminal_;
  int done_ = 0;
  int failed_ = 0;
  long long pages_ = 0;
  std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point shown_{};
  bool live_line_ = false;
};

}  // namespace greffe::commands
