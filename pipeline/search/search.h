// Full-text search over a batch's catalog (OUT/catalog.sqlite, its `page_text` FTS5 index):
// what `greffe search` prints and `greffe serve` shows. Read-only: the catalog is opened so.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "models/error.h"
#include "pipeline/search/bm25.h"

struct sqlite3;

namespace greffe::search {

// The user's query, in a small grammar of its own (docs/search.md): words (all must be on the
// page), "a phrase", a prefix* and OR between two terms. Everything else is taken as text to find,
// never as FTS5 syntax. Errors (nothing to search for, too long) are BadArguments.
Expected<std::string> fts_query(const std::string& user_query);

struct Filters {
  std::string from, to;  // session dates, ISO: YYYY, YYYY-MM or YYYY-MM-DD, bounds included
  std::string body;      // part of the body or the authority ("conseil municipal", "Lalouvesc"), any case
  std::string outcome;   // "adopted" or "rejected"
  std::string matter;    // SCDL matter code, "7" takes 7.1, 7.2 …
};

// Checks the filters' forms; BadArguments with the flag's name when one is wrong.
std::optional<Error> check(const Filters& filters);

// A part of a snippet or of a page's text, marked when it is a word the query matched.
struct Span {
  std::string text;
  bool hit = false;
};

struct Hit {
  std::string path;    // the document, relative to the archive
  std::string output;  // its folder, relative to OUT
  std::string number, date, title, body, outcome, matter, kind;
  int act = 0;   // in a minutes document, the act of the page (1-based); 0 otherwise
  int page = 0;  // 1-based
  std::vector<Span> snippet;
};

class Index {
 public:
  // OUT/catalog.sqlite opened read-only; an error names the file when it is not a catalog or
  // has no full-text index yet.
  static Expected<std::unique_ptr<Index>> open(const std::filesystem::path& out);
  ~Index();
  Index(const Index&) = delete;
  Index& operator=(const Index&) = delete;

  // Best pages first (FTS5's bm25; equal scores: the page indexed first), at most `limit`.
  Expected<std::vector<Hit>> find(const std::string& user_query, const Filters& filters, int limit);
  // The acts of the documents done that pass the filters, newest session first, at most `limit`
  // (the list shown before any query): a deliberation is one, a minutes document one per act
  // (its `act` and the `page` it starts on, 0 when not known).
  Expected<std::vector<Hit>> acts(const Filters& filters, int limit);
  // The document `path` (a catalog key) when the catalog holds it done; page is 0.
  Expected<std::optional<Hit>> document(const std::string& path);
  int page_count(const std::string& path);
  std::string meta(const std::string& key);
  // A whole page's clean text with the query's hits marked (none when query is empty).
  Expected<std::vector<Span>> page(const std::string& path, int page, const std::string& user_query);

 private:
  Index(sqlite3* db, std::filesystem::path file) : db_(db), file_(std::move(file)) {}
  Error failure(const std::string& what) const;
  sqlite3* db_;
  std::filesystem::path file_;
  bool has_acts_ = false;  // the catalog holds minutes (table acts, not empty)
  Bm25 bm25_;              // the ranking, registered on db_
};

// The marked words of spans, folded for comparison with the words on a page image.
std::vector<std::string> hit_words(const std::vector<Span>& spans);
// The tokens of a word as the index cuts and folds them: "l’Établissement," -> {"l", "etablissement"}.
std::vector<std::string> tokens(const std::string& word);
// Lower case, accents removed, as the index's tokenizer folds (ASCII and Latin-1/Latin Extended-A letters).
std::string fold(const std::string& word);

// `greffe search OUT QUERY`: prints the hits, or JSON; returns the exit code.
int command(const std::filesystem::path& out, const std::string& query, const Filters& filters, int limit,
            bool json);

}  // namespace greffe::search
