// `greffe batch`: a whole archive, resumable. Every document of the archive (or of its shard)
// goes through the pipeline once; OUT/catalog.sqlite records each, OUT/summary.json and
// OUT/deliberations.csv sum up the run. `greffe merge` joins the outputs of shards.
#pragma once

#include <filesystem>
#include <vector>

#include "pipeline/batch/archive.h"
#include "pipeline/pipeline.h"

namespace greffe::batch {

struct Options {
  pipeline::Options pipeline;  // stages, jobs, limits; pipeline.out is OUT
  std::filesystem::path archive;
  Shard shard;
  bool retry_failed = false;  // do again the documents that failed in an earlier run
};

// What a batch tells as it goes, for its command to print (pipeline/commands/batch.cpp): the
// library itself prints nothing. Called on the batch's thread, one at a time.
class Events {
 public:
  virtual ~Events() = default;
  // The plan: documents in the archive (or its shard), already done before, to do now.
  virtual void planned(int documents, int already_done, int to_do) = 0;
  // A document recorded, done or failed (its errors come first through error()).
  virtual void document_done(int pages, bool failed) = 0;
  // A one-line error: a document's, or one that stops the batch (then run returns its code).
  virtual void error(const Error& error) = 0;
  // The end of a run that went to its end (not on an error): the catalog's totals, `stopped`
  // when cancelled (`recorded` documents this run).
  virtual void finished(int done, int failed, bool stopped, int recorded) = 0;
};

// Returns the exit code (docs/design/cli.md): 0, or that of ErrorKind::DocumentsFailed when
// documents failed (each recorded). Once `cancel` is requested no new page starts; what finished
// is recorded and a rerun goes on from there.
int run(const Options& options, const Cancellation& cancel, Events& events);

// What a merge tells, for `greffe merge` to print.
class MergeEvents {
 public:
  virtual ~MergeEvents() = default;
  virtual void error(const Error& error) = 0;                 // one line; merge then returns its code
  virtual void merged(int shards, int done, int failed) = 0;  // the merged catalog's totals
};

// Checks that `shards` are the complete outputs of shards 0..N-1 of one archive, then writes
// OUT/catalog.sqlite (outputs left where they are, referenced), deliberations.csv, summary.json.
int merge(const std::vector<std::filesystem::path>& shards, const std::filesystem::path& out,
          MergeEvents& events);

}  // namespace greffe::batch
