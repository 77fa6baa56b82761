// The catalog of a batch: OUT/catalog.sqlite, one row per document of the archive (path, content
// hash, status, error, timings, main parsed fields), so that a run can be resumed and queried
// with any SQLite tool. Rows change in transactions, after the document's files are in place.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "models/deliberation.h"
#include "models/error.h"
#include "pipeline/parse/scdl.h"

struct sqlite3;

namespace greffe::batch {

// One act of a minutes document, a row of the `acts` table: searchable and exported on its own.
struct ActRecord {
  int act = 0;   // 1-based, in the order of the minutes
  int page = 0;  // where it starts, 0 when the parser does not say
  std::string number, title, vote_outcome, matter_code;
  std::string amounts;   // JSON array of the sums it states, in euros
  std::string scdl_row;  // its row of deliberations.csv, as a JSON array
};

// One row of the `documents` table (see catalog.cpp for the schema and its comments).
struct DocumentRecord {
  std::string path;  // relative to the archive folder: the key
  std::string sha256;
  std::int64_t size = 0;
  int pages = 0;
  std::string status;         // "running", "done" or "failed"
  std::string error_kind;     // kind_name(), empty when done
  std::string error_message;  // the one-line error
  std::string output;         // folder of its files, relative to the catalog's folder
  std::string started_at;     // UTC, ISO 8601
  std::string finished_at;
  double seconds = 0;  // from opening to written
  double rasterize_ms = 0, preprocess_ms = 0, ocr_ms = 0, cleanup_ms = 0, parse_ms = 0;  // summed over pages
  int ocr_pages = 0;
  int text_layer_pages = 0;
  // The main fields of deliberation.json; empty when the document does not give them.
  std::string kind, number, title, session_date, signed_on, received_on, transmitted_on, act_id, matter_code,
      vote_outcome;
  std::string scdl_row;         // its row of deliberations.csv as a JSON array; empty when not a deliberation
  std::string authority, body;  // "COMMUNE DE …", "conseil municipal"
  std::vector<std::string> page_texts;  // clean text of each page, for the full-text index (done only)
  std::vector<ActRecord> acts;          // minutes only: each act (done only)
};

// What the catalog keeps of a parsed document: the main fields, its SCDL row when it is a
// deliberation, and when it is minutes ("kind" minutes) one ActRecord per act, each with its own
// SCDL row (the minutes' session, authority and legality: parse::acts_as_deliberations).
void record_parsed(DocumentRecord& record, const Deliberation& deliberation, const parse::ScdlOptions& scdl);

class Catalog {
 public:
  static Expected<std::unique_ptr<Catalog>> open(const std::filesystem::path& file);
  ~Catalog();
  Catalog(const Catalog&) = delete;
  Catalog& operator=(const Catalog&) = delete;

  struct Known {
    std::string sha256;
    std::string status;
    int attempts = 0;  // times a run started it
  };
  std::optional<Known> find(const std::string& path);

  // Before the document's first page: status "running", attempts + 1.
  [[nodiscard]] std::optional<Error> start(const DocumentRecord& record);
  // After its files are written (or it failed): the whole row, in one transaction.
  [[nodiscard]] std::optional<Error> finish(const DocumentRecord& record);

  // Puts into the full-text index the documents done whose pages it lacks (done by a greffe
  // before the index, or merged from such a shard), from their text.txt under `root` (the folder
  // their `output` is relative to). Returns how many were added; one without text.txt is skipped.
  Expected<int> index_missing(const std::filesystem::path& root);

  // Merges the full-text index's segments into one (a document's pages each made one): for the
  // end of a run or a merge, so that searches read one segment per term.
  [[nodiscard]] std::optional<Error> optimize_index();

  [[nodiscard]] std::optional<Error> set_meta(const std::string& key, const std::string& value);
  std::optional<std::string> meta(const std::string& key);

  struct Counts {
    int done = 0, failed = 0, running = 0;
    long long pages = 0;
  };
  Counts counts();
  struct Failure {
    std::string path, kind, message;
  };
  std::vector<Failure> failures();
  // Rows of deliberations.csv of the documents done, in path order, a minutes' acts in theirs.
  std::vector<std::vector<std::string>> scdl_rows();

  // Copies every document row of another catalog into this one, with `output_prefix` put
  // before its output folders (for `greffe merge`). Fails on a path already present.
  [[nodiscard]] std::optional<Error> import(const std::filesystem::path& other,
                                            const std::string& output_prefix);

 private:
  Catalog(sqlite3* db, std::filesystem::path file) : db_(db), file_(std::move(file)) {}
  std::optional<Error> exec(const std::string& sql);
  Error failure(const std::string& what) const;
  sqlite3* db_;
  std::filesystem::path file_;
};

}  // namespace greffe::batch
