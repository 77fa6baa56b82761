#include "pipeline/search/bm25.h"

#include <cmath>

#include "pipeline/batch/statement.h"

namespace greffe::search {

namespace {

using batch::Statement;

// FTS5's bm25 constants (fts5_aux.c), so that the scores are its scores.
const double k1 = 1.2;
const double b = 0.75;

int count_row(const Fts5ExtensionApi*, Fts5Context*, void* count) {
  ++*static_cast<sqlite3_int64*>(count);
  return SQLITE_OK;
}

// Called by SQLite for each matching page: what bm25() computes before it needs the page's length —
// the collection's figures once (as fts5Bm25GetData), then the page's hits per phrase.
void collect(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* result, int, sqlite3_value**) {
  auto& c = *static_cast<Bm25::Collected*>(api->xUserData(fts));
  int rc = SQLITE_OK;
  if (!c.started) {
    c.started = true;
    c.phrases = api->xPhraseCount(fts);
    sqlite3_int64 rows = 0, tokens = 0;
    rc = api->xRowCount(fts, &rows);
    if (rc == SQLITE_OK) rc = api->xColumnTotalSize(fts, -1, &tokens);
    if (rc == SQLITE_OK) c.average_length = (double)tokens / (double)rows;
    c.rows = rows;
    c.idf.assign(c.phrases, 0.0);
    // One phrase: the pages it is on are the pages matched, counted as they come (Bm25::score),
    // not in a pass of their own.
    for (int i = 0; rc == SQLITE_OK && c.phrases > 1 && i < c.phrases; ++i) {
      sqlite3_int64 hits = 0;
      rc = api->xQueryPhrase(fts, i, &hits, count_row);
      double idf = log((rows - hits + 0.5) / (hits + 0.5));
      if (idf <= 0.0) idf = 1e-6;
      c.idf[i] = idf;
    }
  }
  const std::size_t first = c.frequencies.size();
  c.frequencies.resize(first + c.phrases, 0.0);
  int instances = 0;
  if (rc == SQLITE_OK) rc = api->xInstCount(fts, &instances);
  for (int i = 0; rc == SQLITE_OK && i < instances; ++i) {
    int phrase = 0, column = 0, offset = 0;
    rc = api->xInst(fts, i, &phrase, &column, &offset);
    if (rc == SQLITE_OK) c.frequencies[first + phrase] += 1.0;
  }
  c.rowids.push_back(api->xRowid(fts));
  if (rc != SQLITE_OK) sqlite3_result_error_code(result, rc);
}

// A `_docsize` row: one varint (SQLite's encoding) per column, the column's length in tokens.
long long page_length(const unsigned char* blob, int size) {
  long long total = 0;
  int at = 0;
  while (at < size) {
    unsigned long long value = 0;
    int i = 0;
    for (; i < 8 && at + i < size; ++i) {
      value = (value << 7) | (blob[at + i] & 0x7f);
      if (!(blob[at + i] & 0x80)) break;
    }
    if (i == 8 && at + 8 < size) value = (value << 8) | blob[at + 8];
    at += i + 1;
    total += static_cast<long long>(value);
  }
  return total;
}

}  // namespace

std::optional<std::string> Bm25::attach(sqlite3* db) {
  db_ = db;
  fts5_api* api = nullptr;
  Statement get(db, "SELECT fts5(?1)");
  if (!get) return std::string(sqlite3_errmsg(db));
  sqlite3_bind_pointer(get.raw(), 1, &api, "fts5_api_ptr", nullptr);
  get.step();
  if (!api || api->iVersion < 2) return std::string("this SQLite has no FTS5");
  if (api->xCreateFunction(api, "greffe_bm25_hits", &collected, collect, nullptr) != SQLITE_OK)
    return std::string(sqlite3_errmsg(db));
  return std::nullopt;
}

std::optional<std::string> Bm25::score(const std::string& table, const std::string& fts,
                                       std::vector<Scored>& out) {
  out.clear();
  collected = Collected{};
  {
    Statement hits(db_,
                   "SELECT greffe_bm25_hits(" + table + ") FROM " + table + " WHERE " + table + " MATCH ?1");
    if (!hits) return std::string(sqlite3_errmsg(db_));
    hits.text(1, fts);
    int status;
    while ((status = hits.step()) == SQLITE_ROW) {
    }
    if (status != SQLITE_DONE) return std::string(sqlite3_errmsg(db_));
  }
  const auto& rowids = collected.rowids;
  if (rowids.empty()) return std::nullopt;

  // The pages' lengths: many matches read the run of `_docsize` between the first and the last
  // (a sequential read, ~10 times cheaper a row than a seek); a few are sought one by one.
  std::vector<long long> lengths(rowids.size(), -1);
  const long long low = rowids.front(), high = rowids.back();
  const bool scan = static_cast<double>(high - low + 1) < 10.0 * static_cast<double>(rowids.size());
  Statement sizes(db_, scan
                           ? "SELECT id, sz FROM " + table + "_docsize WHERE id BETWEEN ?1 AND ?2 ORDER BY id"
                           : "SELECT id, sz FROM " + table + "_docsize WHERE id = ?1");
  if (!sizes) return std::string(sqlite3_errmsg(db_));
  auto read = [&](std::size_t& next) {
    const long long id = sizes.column_integer(0);
    while (next < rowids.size() && rowids[next] < id) ++next;
    if (next < rowids.size() && rowids[next] == id)
      lengths[next] = page_length(static_cast<const unsigned char*>(sqlite3_column_blob(sizes.raw(), 1)),
                                  sqlite3_column_bytes(sizes.raw(), 1));
  };
  std::size_t next = 0;
  if (scan) {
    sizes.integer(1, low).integer(2, high);
    int status;
    while ((status = sizes.step()) == SQLITE_ROW) read(next);
    if (status != SQLITE_DONE) return std::string(sqlite3_errmsg(db_));
  } else {
    for (std::size_t i = 0; i < rowids.size(); ++i) {
      sizes.reset();
      sizes.integer(1, rowids[i]);
      const int status = sizes.step();
      if (status == SQLITE_ROW) {
        next = i;
        read(next);
      } else if (status != SQLITE_DONE) {
        return std::string(sqlite3_errmsg(db_));
      }
    }
  }

  if (collected.phrases == 1) {
    const double hits = static_cast<double>(rowids.size());
    double idf = log((collected.rows - hits + 0.5) / (hits + 0.5));
    if (idf <= 0.0) idf = 1e-6;
    collected.idf[0] = idf;
  }
  // bm25 as fts5_aux.c writes it, term for term, so that the doubles are the same.
  const int phrases = collected.phrases;
  out.reserve(rowids.size());
  for (std::size_t i = 0; i < rowids.size(); ++i) {
    if (lengths[i] < 0)
      return table + ": the full-text index has no length for page " + std::to_string(rowids[i]);
    const double D = (double)lengths[i];
    double score = 0.0;
    for (int p = 0; p < phrases; ++p) {
      const double frequency = collected.frequencies[i * phrases + p];
      score += collected.idf[p] *
               ((frequency * (k1 + 1.0)) / (frequency + k1 * (1 - b + b * D / collected.average_length)));
    }
    out.push_back({rowids[i], score});
  }
  return std::nullopt;
}

}  // namespace greffe::search
