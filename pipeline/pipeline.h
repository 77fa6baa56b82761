// The pipeline: every page of every input through rasterize -> preprocess -> ocr, pages in
// parallel over `jobs` workers; each document then through cleanup and parse, in order, and
// written as soon as its last page is done.
#pragma once

#include <atomic>
#include <filesystem>
#include <vector>

#include "cleanup/cleanup.h"
#include "ocr/engine.h"
#include "pipeline/parse/parse.h"
#include "pipeline/parse/scdl.h"
#include "pipeline/preprocess/preprocess.h"
#include "pipeline/rasterize/rasterize.h"

namespace greffe::pipeline {

struct Options {
  rasterize::Options rasterize;
  preprocess::Options preprocess;
  ocr::Options ocr;
  cleanup::Options cleanup;
  parse::Options parse;
  parse::ScdlOptions scdl;  // the collectivity's name and SIRET for deliberations.csv
  int jobs = 0;  // 0: one per core
  std::filesystem::path out = "greffe-out";
  bool progress = true;  // one line per document on stderr
  bool debug = false;    // OUT/<stem>/debug/: each stage's images and the viewer (index.html)
};

// Set from a signal handler: no new page starts, finished documents are kept.
extern std::atomic<bool> interrupted;

// Files named on the command line, directories recursed in sorted order (PDF and images only).
std::vector<std::filesystem::path> expand_inputs(const std::vector<std::filesystem::path>& inputs);

// Processes every input and writes OUT/<stem>/{raw.txt,text.txt,cleanup.jsonl,deliberation.json,
// report.json}, and OUT/deliberations.csv (SCDL) for the run.
// Errors are printed one line each on stderr; returns the exit code (design/cli.md).
int run(const std::vector<std::filesystem::path>& inputs, const Options& options);

}  // namespace greffe::pipeline
