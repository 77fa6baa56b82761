// The commands of `greffe`, one file each: each calls the library (which returns results and
// typed errors, and never prints), prints what the user reads — progress, one-line errors — and
// chooses the exit code (docs/design/cli.md). pipeline/cli.cpp parses the flags and calls one.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "models/cancellation.h"
#include "pipeline/batch/batch.h"
#include "pipeline/pipeline.h"

namespace greffe::commands {

// `greffe run INPUT...`: every input through the stages, OUT/<stem>/ each, OUT/deliberations.csv.
int run(const std::vector<std::filesystem::path>& inputs, const pipeline::Options& options,
        const Cancellation& cancel);

// `greffe batch DIR -o OUT`: the archive through batch::run, its progress and errors printed
// (a live line on a terminal, a line every few seconds in a log; errors only when not
// options.pipeline.progress).
int batch(const batch::Options& options, const Cancellation& cancel);

// `greffe merge SHARD_OUT... -o OUT`: batch::merge, its errors and totals printed.
int merge(const std::vector<std::filesystem::path>& shards, const std::filesystem::path& out);

// `greffe parse [FILE|-]`: the parser alone on a clean text; deliberation.json on stdout.
int parse(const std::string& path);

// `greffe clean [FILE|-] [--log FILE] [--corrector]`: cleanup alone on OCR text (pages split by form feeds).
// `corrector`: also the general corrector (cleanup::Options::corrector).
int clean(const std::string& path, const std::string& log_path, bool corrector = false);

// `greffe accuracy TRUTH TEXT`: CER and WER as JSON on stdout.
int accuracy(const std::string& truth_path, const std::string& text_path);

// The whole of a file, or of stdin for "" and "-"; nothing when it cannot be read.
std::optional<std::string> read_input(const std::string& path);

}  // namespace greffe::commands
