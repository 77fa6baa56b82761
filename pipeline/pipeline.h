// The pipeline: every page of every input through rasterize -> preprocess -> ocr, pages in
// parallel over `jobs` workers; each document then through cleanup and parse, in order, and
// written as soon as its last page is done.
#pragma once

#include <atomic>
#include <filesystem>
#include <functional>
#include <optional>
#include <vector>

#include "cleanup/cleanup.h"
#include "models/cancellation.h"
#include "models/document.h"
#include "ocr/engine.h"
#include "pipeline/output/formats.h"
#include "pipeline/parse/parse.h"
#include "pipeline/parse/scdl.h"
#include "pipeline/preprocess/preprocess.h"
#include "pipeline/rasterize/rasterize.h"

namespace greffe::pipeline {

// Where a page's text comes from. `Auto`: a PDF page whose text layer is real text (see
// text_layer.h) is read from it, every other page is recognised.
enum class TextSource { Auto, Ocr, TextLayer };

struct Options {
  TextSource source = TextSource::Auto;  // --ocr auto|always|never
  int max_pages = 5000;  // per document, 0: no limit; a longer document fails with LimitExceeded
  rasterize::Options rasterize;
  preprocess::Options preprocess;
  bool layout = true;  // a stamp box and a left sidebar found and recognised apart from the body (layout.h);
                       // --no-layout
  ocr::Options ocr;
  cleanup::Options cleanup;
  parse::Options parse;
  parse::ScdlOptions scdl;  // the collectivity's name and SIRET for deliberations.csv
  int jobs = 0;             // 0: one per core
  std::filesystem::path out = "greffe-out";
  output::Formats formats;  // --formats: which files each document gets
  bool progress = true;     // the commands print one line per document on stderr
  bool debug = false;       // OUT/<stem>/debug/: each stage's images and the viewer (index.html)
};

// A document once its last page has been through every stage and its files are written — or
// once it failed. `errors` holds every failure, page by page; a document with errors still has
// the outputs of its readable pages written.
struct FinishedDocument {
  const DocumentResult& document;
  std::optional<Deliberation> deliberation;  // none when the document could not be opened
  std::vector<Error> errors;
};

// What the caller does as documents move on: `opened` from the reading thread before a
// document's first page is read, `finished` in input order. Both run one at a time.
struct Hooks {
  std::function<void(const DocumentResult&)> opened;
  std::function<void(const FinishedDocument&)> finished;
};

// The stages over `documents` (input and stem set), in order, pages in parallel; each document
// written to OUT/<stem>/ as soon as it is done. Returns an error only when the run itself could
// not go on (no OCR model, no lexicon); a document's failures go to `hooks.finished`. Once
// `cancel` is requested no new page starts; the documents already finished are kept.
std::optional<Error> process(std::vector<DocumentResult>& documents, const Options& options,
                             const Hooks& hooks, const Cancellation& cancel);

// Files named on the command line, directories recursed in sorted order (PDF and images only).
std::vector<std::filesystem::path> expand_inputs(const std::vector<std::filesystem::path>& inputs);

// What a run did. Nothing is printed: the command (pipeline/commands/run.cpp) says it.
struct RunOutcome {
  std::size_t documents = 0;             // found in the inputs
  std::size_t written = 0;               // finished and written
  std::vector<Error> document_failures;  // in input order, as given to `on_document` too
  std::vector<Error> run_failures;       // the run's own files (deliberations.csv)
  bool cancelled = false;
};

// Called in input order as each document is finished (written, or failed to open), with how many
// were written so far out of how many were found.
using DocumentDone = std::function<void(const FinishedDocument&, std::size_t written, std::size_t total)>;

// Processes every input and writes OUT/<stem>/{raw.txt,text.txt,cleanup.jsonl,deliberation.json,
// report.json}, and OUT/deliberations.csv (SCDL) for the run. An error only when the run cannot
// start (OUT not writable, no input, no OCR model); a document's failures are in the outcome.
Expected<RunOutcome> run(const std::vector<std::filesystem::path>& inputs, const Options& options,
                         const Cancellation& cancel, const DocumentDone& on_document = {});

}  // namespace greffe::pipeline
