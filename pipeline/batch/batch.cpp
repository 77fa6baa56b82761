#include "pipeline/batch/batch.h"

#include <chrono>
#include <ctime>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "pipeline/batch/catalog.h"
#include "pipeline/batch/writer_lock.h"
#include "pipeline/output/write.h"
#include "pipeline/parse/scdl.h"

namespace greffe::batch {

namespace {

std::string utc_now() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

std::string shard_text(const Shard& shard) {
  return std::to_string(shard.index) + "/" + std::to_string(shard.count);
}

// A document of this run: where it is, what the catalog will say of it.
struct Planned {
  ArchiveFile file;
  DocumentRecord record;
  std::chrono::steady_clock::time_point opened;
};

// What the catalog keeps of a finished document.
void fill_record(DocumentRecord& record, const pipeline::FinishedDocument& finished,
                 const parse::ScdlOptions& scdl) {
  const DocumentResult& document = finished.document;
  record.pages = document.page_count;
  record.finished_at = utc_now();
  record.status = finished.errors.empty() ? "done" : "failed";
  if (!finished.errors.empty()) {
    record.error_kind = kind_name(finished.errors.front().kind);
    record.error_message = finished.errors.front().to_line();
  }
  for (const PageResult& page : document.pages) {
    const StageTimings& t = page.report.timings;
    record.rasterize_ms += t.rasterize_ms;
    record.preprocess_ms += t.preprocess_ms + t.orientation_ms;
    record.ocr_ms += t.ocr_ms;
    record.cleanup_ms += t.cleanup_ms;
    (page.report.source == "ocr" ? record.ocr_pages : record.text_layer_pages) += 1;
  }
  record.parse_ms = document.parse_ms;
  for (const PageResult& page : document.pages) record.page_texts.push_back(page.clean_text);
  // The main fields, the SCDL row(s), a minutes' acts: catalog.cpp.
  if (finished.deliberation) record_parsed(record, *finished.deliberation, scdl);
}

std::string summary_json(const Catalog::Counts& counts, const nlohmann::ordered_json& run,
                         const std::vector<Catalog::Failure>& failures) {
  nlohmann::ordered_json summary;
  summary["documents"] = {{"total", counts.done + counts.failed + counts.running},
                          {"done", counts.done},
                          {"failed", counts.failed},
                          {"unfinished", counts.running}};
  summary["pages"] = counts.pages;
  summary["run"] = run;
  summary["failures"] = nlohmann::ordered_json::array();
  for (const auto& failure : failures)
    summary["failures"].push_back(
        {{"path", failure.path}, {"kind", failure.kind}, {"message", failure.message}});
  return summary.dump(2) + "\n";
}

// OUT/deliberations.csv and OUT/summary.json from the catalog: the whole archive's, resumed
// runs included.
std::optional<Error> write_totals(Catalog& catalog, const std::filesystem::path& out,
                                  const nlohmann::ordered_json& run) {
  if (auto error =
          output::write_file_atomically(out / "deliberations.csv", parse::scdl_csv(catalog.scdl_rows())))
    return error;
  return output::write_file_atomically(out / "summary.json",
                                       summary_json(catalog.counts(), run, catalog.failures()));
}

}  // namespace

int run(const Options& options, const Cancellation& cancel, Events& events) {
  const std::filesystem::path& out = options.pipeline.out;
  std::error_code ec;
  if (!std::filesystem::is_directory(options.archive, ec)) {
    events.error(Error{ErrorKind::BadArguments, options.archive.string(), 0, "not a folder"});
    return exit_code(ErrorKind::BadArguments);
  }
  std::filesystem::create_directories(out, ec);
  if (ec || !std::filesystem::is_directory(out)) {
    events.error(Error{ErrorKind::OutputNotWritable, out.string(), 0, "cannot create the output folder"});
    return exit_code(ErrorKind::OutputNotWritable);
  }
  // One writer at a time: a second batch on this OUT would take the first one's "running"
  // documents for a killed run's and clear their folders (docs/batch.md).
  bool busy = false;
  auto lock = WriterLock::acquire(out, "greffe batch", busy);
  if (!lock) {
    events.error(lock.error());
    return busy ? kExitOutputBusy : exit_code(lock.error().kind);
  }
  auto opened = Catalog::open(out / "catalog.sqlite");
  if (!opened) {
    events.error(opened.error());
    return exit_code(opened.error().kind);
  }
  Catalog& catalog = *opened.value();

  // One OUT holds one shard of one archive: resuming into another's would mix their catalogs.
  const std::string archive = std::filesystem::weakly_canonical(options.archive).string();
  const std::string shard = shard_text(options.shard);
  const auto known_shard = catalog.meta("shard");
  if (known_shard && *known_shard != shard) {
    events.error(
        Error{ErrorKind::BadArguments, out.string(), 0,
              "holds shard " + *known_shard + ", not " + shard + "; give each shard its own output folder"});
    return exit_code(ErrorKind::BadArguments);
  }
  for (const auto& [key, value] :
       {std::pair<std::string, std::string>{"archive", archive}, {"shard", shard}, {"complete", "no"}})
    if (auto error = catalog.set_meta(key, value)) {
      events.error(*error);
      return exit_code(error->kind);
    }
  // Documents an older greffe did are searchable too: their pages come from their text.txt.
  if (auto indexed = catalog.index_missing(out); !indexed) {
    events.error(indexed.error());
    return exit_code(indexed.error().kind);
  }

  // What this run has to do: new files, changed files, and those a killed run left unfinished.
  std::vector<Planned> planned;
  int already_done = 0, in_slice = 0;
  for (ArchiveFile& file : list_archive(options.archive, out)) {
    if (!in_shard(file.relative, options.shard)) continue;
    ++in_slice;
    DocumentRecord record;
    record.path = file.relative;
    record.size = static_cast<std::int64_t>(file.size);
    record.output = file.stem;
    auto digest = sha256_file(file.path);
    if (!digest) {  // unreadable: recorded as failed, like a corrupt file
      record.sha256 = "-";
      record.status = "failed";
      record.error_kind = kind_name(digest.error().kind);
      record.error_message = digest.error().to_line();
      record.started_at = record.finished_at = utc_now();
      if (auto error = catalog.finish(record)) events.error(*error);
      continue;
    }
    record.sha256 = digest.value();
    const auto known = catalog.find(file.relative);
    if (known && known->sha256 == record.sha256) {
      if (known->status == "done" || (known->status == "failed" && !options.retry_failed)) {
        ++already_done;
        continue;
      }
      if (known->status == "running" && known->attempts >= 2) {
        // Twice a run stopped while on it: the process may be crashing on this file. Record it
        // rather than loop on it; --retry-failed tries once more.
        record.status = "failed";
        record.error_kind = kind_name(ErrorKind::Internal);
        record.error_message = "greffe: " + file.path.string() + ": " + std::to_string(known->attempts) +
                               " runs stopped while working on this document";
        record.started_at = record.finished_at = utc_now();
        if (!options.retry_failed) {
          if (auto error = catalog.finish(record)) events.error(*error);
          ++already_done;
          continue;
        }
      }
    }
    // Whatever an unfinished attempt left is removed: the document's files are written anew.
    std::filesystem::remove_all(out / file.stem, ec);
    planned.push_back(Planned{std::move(file), std::move(record), {}});
  }

  events.planned(in_slice, already_done, static_cast<int>(planned.size()));
  // This run's figures, for summary.json.
  int done_this_run = 0, failed_this_run = 0;
  long long pages_this_run = 0;
  const auto run_started = std::chrono::steady_clock::now();

  std::vector<DocumentResult> documents;
  std::map<std::string, std::size_t> index_of;  // input path -> planned
  for (std::size_t i = 0; i < planned.size(); ++i) {
    DocumentResult document;
    document.input = planned[i].file.path.string();
    document.stem = planned[i].file.stem;
    index_of[document.input] = i;
    documents.push_back(std::move(document));
  }

  std::optional<Error> catalog_error;
  Cancellation stop(&cancel);  // the user's request, or the batch's own when the catalog fails
  pipeline::Hooks hooks;
  hooks.opened = [&](const DocumentResult& document) {
    Planned& plan = planned[index_of.at(document.input)];
    plan.opened = std::chrono::steady_clock::now();
    plan.record.started_at = utc_now();
    if (auto error = catalog.start(plan.record); error && !catalog_error) {
      catalog_error = error;
      stop.request();  // nothing more can be recorded: stop cleanly
    }
  };
  hooks.finished = [&](const pipeline::FinishedDocument& finished) {
    Planned& plan = planned[index_of.at(finished.document.input)];
    DocumentRecord& record = plan.record;
    fill_record(record, finished, options.pipeline.scdl);
    record.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - plan.opened).count();
    for (const Error& error : finished.errors) events.error(error);
    if (auto error = catalog.finish(record); error && !catalog_error) {
      catalog_error = error;
      stop.request();
    }
    ++done_this_run;
    failed_this_run += finished.errors.empty() ? 0 : 1;
    pages_this_run += finished.document.page_count;
    events.document_done(finished.document.page_count, !finished.errors.empty());
  };

  const std::string started_at = utc_now();
  if (!documents.empty()) {
    if (auto error = pipeline::process(documents, options.pipeline, hooks, stop)) {
      events.error(*error);
      return exit_code(error->kind);
    }
  }
  if (catalog_error) {
    events.error(*catalog_error);
    return exit_code(catalog_error->kind);
  }

  const Catalog::Counts counts = catalog.counts();
  const bool complete = !cancel.requested() && counts.running == 0;
  nlohmann::ordered_json run_json;
  run_json["archive"] = archive;
  run_json["shard"] = shard;
  run_json["started_at"] = started_at;
  run_json["finished_at"] = utc_now();
  run_json["complete"] = complete;
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - run_started).count();
  run_json["documents_this_run"] = done_this_run;
  run_json["failed_this_run"] = failed_this_run;
  run_json["pages_this_run"] = pages_this_run;
  run_json["seconds"] = seconds;
  run_json["pages_per_minute"] = seconds > 0 ? pages_this_run * 60.0 / seconds : 0.0;
  run_json["jobs"] = options.pipeline.jobs;
  if (auto error = catalog.set_meta("complete", complete ? "yes" : "no")) events.error(*error);
  if (done_this_run > 0)
    if (auto error = catalog.optimize_index()) events.error(*error);
  if (auto error = write_totals(catalog, out, run_json)) {
    events.error(*error);
    return exit_code(error->kind);
  }

  events.finished(counts.done, counts.failed, cancel.requested(), done_this_run);
  if (cancel.requested()) return exit_code(ErrorKind::Interrupted);
  return counts.failed > 0 ? exit_code(ErrorKind::DocumentsFailed) : 0;
}

int merge(const std::vector<std::filesystem::path>& shards, const std::filesystem::path& out,
          MergeEvents& events) {
  auto refuse = [&events](const std::string& input, const std::string& why) {
    events.error(Error{ErrorKind::BadArguments, input, 0, why});
    return exit_code(ErrorKind::BadArguments);
  };
  // Every shard complete, all of one archive, each of 0..N-1 once: a merge of less would look
  // like a whole archive and not be one.
  std::string archive;
  int count = 0;
  std::map<int, std::filesystem::path> by_index;
  for (const auto& folder : shards) {
    const auto file = folder / "catalog.sqlite";
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec))
      return refuse(folder.string(), "no catalog.sqlite: not the output of greffe batch");
    auto opened = Catalog::open(file);
    if (!opened) return refuse(folder.string(), opened.error().message);
    Catalog& catalog = *opened.value();
    auto shard = parse_shard(catalog.meta("shard").value_or(""));
    if (!shard) return refuse(folder.string(), "its catalog names no shard");
    if (catalog.meta("complete").value_or("no") != "yes") {
      const auto counts = catalog.counts();
      return refuse(folder.string(),
                    "shard " + shard_text(*shard) + " is not complete (" + std::to_string(counts.running) +
                        " document(s) unfinished, or the run was stopped); run it again first");
    }
    const std::string its_archive = catalog.meta("archive").value_or("");
    if (archive.empty()) archive = its_archive, count = shard->count;
    if (its_archive != archive || shard->count != count)
      return refuse(folder.string(), "shard " + shard_text(*shard) + " of " + its_archive +
                                         ", not of the same archive and N as " + shards.front().string());
    if (by_index.count(shard->index))
      return refuse(folder.string(), "shard " + shard_text(*shard) + " given twice (also " +
                                         by_index[shard->index].string() + ")");
    by_index[shard->index] = folder;
  }
  std::string missing;
  for (int k = 0; k < count; ++k)
    if (!by_index.count(k))
      missing += (missing.empty() ? "" : ", ") + std::to_string(k) + "/" + std::to_string(count);
  if (!missing.empty()) return refuse(out.string(), "shard(s) " + missing + " missing from the merge");

  std::error_code ec;
  std::filesystem::create_directories(out, ec);
  bool busy = false;
  auto lock = WriterLock::acquire(out, "greffe merge", busy);
  if (!lock) {
    events.error(lock.error());
    return busy ? kExitOutputBusy : exit_code(lock.error().kind);
  }
  // Built beside, then renamed: a merge stopped half-way leaves no half catalog.
  const auto building = out / "catalog.sqlite.merging";
  std::filesystem::remove(building, ec);
  {
    auto opened = Catalog::open(building);
    if (!opened) return refuse(out.string(), opened.error().message);
    Catalog& merged = *opened.value();
    for (const auto& [index, folder] : by_index) {
      const auto prefix =
          std::filesystem::relative(std::filesystem::absolute(folder), std::filesystem::absolute(out), ec);
      if (auto error = merged.import(folder / "catalog.sqlite", prefix.generic_string() + "/")) {
        events.error(*error);
        return exit_code(error->kind);
      }
    }
    for (const auto& [key, value] : {std::pair<std::string, std::string>{"archive", archive},
                                     {"shard", "0/1"},
                                     {"complete", "yes"},
                                     {"merged_shards", std::to_string(count)}})
      if (auto error = merged.set_meta(key, value)) {
        events.error(*error);
        return exit_code(error->kind);
      }
    // A shard written before the index had none to give: its documents' text files fill it.
    if (auto indexed = merged.index_missing(out); !indexed) {
      events.error(indexed.error());
      return exit_code(indexed.error().kind);
    }
    if (auto error = merged.optimize_index()) {
      events.error(*error);
      return exit_code(error->kind);
    }
    nlohmann::ordered_json run_json;
    run_json["archive"] = archive;
    run_json["merged_shards"] = count;
    run_json["finished_at"] = utc_now();
    if (auto error = write_totals(merged, out, run_json)) {
      events.error(*error);
      return exit_code(error->kind);
    }
  }
  std::filesystem::rename(building, out / "catalog.sqlite", ec);
  if (ec) {
    events.error(
        Error{ErrorKind::OutputNotWritable, out.string(), 0, "cannot write catalog.sqlite: " + ec.message()});
    return exit_code(ErrorKind::OutputNotWritable);
  }
  auto opened = Catalog::open(out / "catalog.sqlite");
  const auto counts = opened ? opened.value()->counts() : Catalog::Counts{};
  events.merged(count, counts.done, counts.failed);
  return counts.failed > 0 ? exit_code(ErrorKind::DocumentsFailed) : 0;
}

}  // namespace greffe::batch
