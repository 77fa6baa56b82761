// The pages an FTS5 query matches, scored with FTS5's own bm25 (same formula, same numbers) but
// without its cost: FTS5's bm25() looks each matching page's length up with an SQL statement of its
// own (~1.7 µs a page, most of a frequent word's query), where this reads the lengths of the
// matching pages in one pass over the index's `_docsize` table (docs/search.md, "Speed").
#pragma once

#include <sqlite3.h>

#include <optional>
#include <string>
#include <vector>

namespace greffe::search {

struct Scored {
  long long rowid = 0;
  double score = 0;  // bm25, higher is better (FTS5's bm25() gives its negative)
};

// Before `better`: higher score, then the lower rowid (the page indexed first), so that a ranking
// is the same whatever the order candidates are met in.
inline bool better(const Scored& a, const Scored& b) {
  return a.score > b.score || (a.score == b.score && a.rowid < b.rowid);
}

class Bm25 {
 public:
  // Registers on `db` the auxiliary function the scoring runs through; nullopt on success, else
  // what SQLite said (a library without FTS5).
  std::optional<std::string> attach(sqlite3* db);
  // Every page of `table` (an FTS5 table with one column and its `_docsize`) that the FTS5
  // expression `fts` matches, scored, in rowid order. An error is SQLite's message.
  std::optional<std::string> score(const std::string& table, const std::string& fts,
                                   std::vector<Scored>& out);

  // Filled by the auxiliary function while the query runs (public for it, not for callers).
  struct Collected {
    bool started = false;
    int phrases = 0;
    sqlite3_int64 rows = 0;  // pages in the index
    double average_length = 1;
    std::vector<double> idf;
    std::vector<long long> rowids;
    std::vector<double> frequencies;  // `phrases` per matching page, as rowids
  };
  Collected collected;

 private:
  sqlite3* db_ = nullptr;
};

}  // namespace greffe::search
