#include <iostream>
#include <optional>

#include "pipeline/commands/commands.h"
#include "pipeline/commands/progress.h"

namespace greffe::commands {

namespace {

// What `greffe batch` prints of a run: the plan, the live progress, each error, the end.
class Printer : public batch::Events {
 public:
  explicit Printer(const batch::Options& options) : options_(options) {}

  void planned(int documents, int already_done, int to_do) override {
    progress_.emplace(to_do, options_.pipeline.progress);
    if (!options_.pipeline.progress) return;
    const std::string shard =
        std::to_string(options_.shard.index) + "/" + std::to_string(options_.shard.count);
    std::cerr << "greffe batch: " << documents << " documents in "
              << (options_.shard.count > 1 ? "shard " + shard + " of " : "") << options_.archive.string()
              << ", " << already_done << " already done, " << to_do << " to do\n";
  }
  void document_done(int pages, bool failed) override {
    if (progress_) progress_->document_done(pages, failed);
  }
  void error(const Error& error) override {
    if (progress_)
      progress_->message(error.to_line());  // above the live line
    else
      std::cerr << error.to_line() << '\n';
  }
  void finished(int done, int failed, bool stopped, int recorded) override {
    end();
    const auto out = options_.pipeline.out;
    if (stopped)
      std::cerr << "greffe batch: interrupted; " << recorded << " document(s) recorded in "
                << (out / "catalog.sqlite").string() << "; run the same command again to go on\n";
    else if (options_.pipeline.progress)
      std::cerr << "greffe batch: " << done << " done, " << failed << " failed; "
                << (out / "summary.json").string() << "\n";
  }
  void end() {
    if (progress_) progress_->finish();
  }

 private:
  const batch::Options& options_;
  std::optional<Progress> progress_;
};

// What `greffe merge` prints: each refusal or error, then the totals.
class MergePrinter : public batch::MergeEvents {
 public:
  explicit MergePrinter(const std::filesystem::path& out) : out_(out) {}
  void error(const Error& error) override { std::cerr << error.to_line() << '\n'; }
  void merged(int shards, int done, int failed) override {
    std::cerr << "greffe merge: " << shards << " shards, " << done << " done, " << failed << " failed -> "
              << out_.string() << '\n';
  }

 private:
  std::filesystem::path out_;
};

}  // namespace

int merge(const std::vector<std::filesystem::path>& shards, const std::filesystem::path& out) {
  MergePrinter printer(out);
  return batch::merge(shards, out, printer);
}

int batch(const batch::Options& options, const Cancellation& cancel) {
  Printer printer(options);
  const int code = batch::run(options, cancel, printer);
  printer.end();  // a live line left by a run that stopped on an error
  return code;
}

}  // namespace greffe::commands
