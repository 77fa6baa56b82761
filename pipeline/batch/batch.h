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

// Returns the exit code (docs/design/cli.md): 0, or that of ErrorKind::DocumentsFailed when
// documents failed (each recorded). Once `cancel` is requested no new page starts; what finished
// is recorded and a rerun goes on from there.
int run(const Options& options, const Cancellation& cancel);

// Checks that `shards` are the complete outputs of shards 0..N-1 of one archive, then writes
// OUT/catalog.sqlite (outputs left where they are, referenced), deliberations.csv, summary.json.
int merge(const std::vector<std::filesystem::path>& shards, const std::filesystem::path& out);

}  // namespace greffe::batch
