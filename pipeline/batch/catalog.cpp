#include "pipeline/batch/catalog.h"

#include "pipeline/batch/statement.h"

#include <sqlite3.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace greffe::batch {

namespace {

// The default rollback journal, not WAL: shards of a cluster run write their catalogs on shared
// file systems (NFS, Lustre), where WAL's shared memory does not work.
const char* const kSchema = R"sql(
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS documents (
  path TEXT PRIMARY KEY,          -- relative to the archive folder
  sha256 TEXT NOT NULL,           -- of the file's bytes: a changed file is done again
  size INTEGER,                   -- bytes
  pages INTEGER,
  status TEXT NOT NULL CHECK (status IN ('running', 'done', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  error_kind TEXT,                -- unreadable, encrypted, limit, output-not-writable, internal
  error_message TEXT,
  output TEXT,                    -- folder of its files, relative to this catalog's folder
  started_at TEXT,                -- UTC, ISO 8601
  finished_at TEXT,
  seconds REAL,
  rasterize_ms REAL, preprocess_ms REAL, ocr_ms REAL, cleanup_ms REAL, parse_ms REAL,
  ocr_pages INTEGER,
  text_layer_pages INTEGER,
  kind TEXT,                      -- deliberation or other
  number TEXT,
  title TEXT,
  session_date TEXT,              -- ISO dates
  signed_on TEXT,
  received_on TEXT,               -- received at the prefecture (contrôle de légalité)
  transmitted_on TEXT,
  act_id TEXT,                    -- @ctes
  matter_code TEXT,
  vote_outcome TEXT,
  scdl_row TEXT                   -- its row of deliberations.csv, as a JSON array
);
CREATE INDEX IF NOT EXISTS documents_status ON documents (status);
-- The acts of a minutes document (kind 'minutes'), one row each; a deliberation has none.
CREATE TABLE IF NOT EXISTS acts (
  path TEXT NOT NULL,             -- the minutes', as in documents
  act INTEGER NOT NULL,           -- 1-based, in the order of the minutes
  page INTEGER,                   -- where it starts (1-based), NULL when not known
  number TEXT,
  title TEXT,
  vote_outcome TEXT,
  matter_code TEXT,
  amounts TEXT,                   -- JSON array of the sums it states (EUR)
  scdl_row TEXT,                  -- its row of deliberations.csv, as a JSON array
  PRIMARY KEY (path, act)
);
-- The clean text of each page of the documents done, and its full-text index (greffe search):
-- accents and case folded ("deliberation" finds "Délibération"), kept in step by the triggers.
CREATE TABLE IF NOT EXISTS pages (
  id INTEGER PRIMARY KEY,
  path TEXT NOT NULL,             -- the document's, as in documents
  page INTEGER NOT NULL,          -- 1-based
  text TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS pages_path ON pages (path);
-- prefix: the terms' first 3 to 8 letters indexed too, so that a prefix query (subven*) reads
-- one list instead of merging every word it expands to (docs/search.md, "Speed").
CREATE VIRTUAL TABLE IF NOT EXISTS page_text USING fts5 (
  text, content = 'pages', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2',
  prefix = '3 4 5 6 7 8'
);
CREATE TRIGGER IF NOT EXISTS pages_indexed AFTER INSERT ON pages BEGIN
  INSERT INTO page_text (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER IF NOT EXISTS pages_unindexed AFTER DELETE ON pages BEGIN
  INSERT INTO page_text (page_text, rowid, text) VALUES ('delete', old.id, old.text);
END;
)sql";

// Columns added after the first catalogs were written: added to an older catalog when opened.
const char* const kLaterColumns[][2] = {{"authority", "TEXT"}, {"body", "TEXT"}};

const char* const kColumns =
    "path, sha256, size, pages, status, attempts, error_kind, error_message, output, started_at, "
    "finished_at, "
    "seconds, rasterize_ms, preprocess_ms, ocr_ms, cleanup_ms, parse_ms, ocr_pages, text_layer_pages, kind, "
    "number, "
    "title, session_date, signed_on, received_on, transmitted_on, act_id, matter_code, vote_outcome, "
    "scdl_row, authority, body";

}  // namespace

void record_parsed(DocumentRecord& record, const Deliberation& d, const parse::ScdlOptions& scdl) {
  auto value = [](const std::optional<std::string>& v) { return v.value_or(""); };
  record.kind = d.kind == DeliberationKind::Deliberation ? "deliberation"
                : d.kind == DeliberationKind::Minutes    ? "minutes"
                                                         : "other";
  record.number = value(d.number);
  record.title = value(d.title);
  record.session_date = value(d.session.date);
  record.signed_on = value(d.legality.signed_on);
  record.received_on = value(d.legality.received_on);
  record.transmitted_on = value(d.legality.transmitted_on);
  record.act_id = value(d.legality.act_id);
  record.vote_outcome = value(d.vote.outcome);
  record.authority = value(d.authority);
  record.body = value(d.body);
  if (const auto matter = parse::classify_matter(d)) record.matter_code = matter->code;
  if (d.kind == DeliberationKind::Deliberation)
    record.scdl_row = nlohmann::json(parse::scdl_row(d, scdl)).dump();
  if (d.kind != DeliberationKind::Minutes) return;
  const std::vector<Deliberation> acts = parse::acts_as_deliberations(d);
  for (std::size_t i = 0; i < acts.size(); ++i) {
    const Deliberation& act = acts[i];
    ActRecord a;
    a.act = static_cast<int>(i) + 1;
    a.page = d.acts[i].page.value_or(0);
    a.number = value(act.number);
    a.title = value(act.title);
    a.vote_outcome = value(act.vote.outcome);
    if (const auto matter = parse::classify_matter(act)) a.matter_code = matter->code;
    nlohmann::json amounts = nlohmann::json::array();
    for (const Amount& amount : act.amounts) amounts.push_back(amount.value);
    a.amounts = amounts.dump();
    a.scdl_row = nlohmann::json(parse::scdl_row(act, scdl)).dump();
    record.acts.push_back(std::move(a));
  }
}

Expected<std::unique_ptr<Catalog>> Catalog::open(const std::filesystem::path& file) {
  sqlite3* db = nullptr;
  if (sqlite3_open(file.c_str(), &db) != SQLITE_OK) {
    const std::string why = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    return Error{ErrorKind::OutputNotWritable, file.string(), 0, "cannot open the catalog: " + why};
  }
  std::unique_ptr<Catalog> catalog(new Catalog(db, file));
  sqlite3_busy_timeout(db, 10000);  // a user's sqlite3 reading it meanwhile
  // A full-text index made before it had prefixes is made again, from the pages it indexes.
  const bool reindex = [db] {
    Statement old_index(db,
                        "SELECT 1 FROM sqlite_master WHERE name = 'page_text' AND sql NOT LIKE '%prefix%'");
    return old_index.step() == SQLITE_ROW;
  }();
  if (reindex)
    if (auto error = catalog->exec("BEGIN; DROP TRIGGER IF EXISTS pages_indexed; DROP TRIGGER IF EXISTS "
                                   "pages_unindexed; DROP TABLE page_text;"))
      return *error;
  if (auto error = catalog->exec(kSchema)) return *error;
  if (reindex)
    if (auto error = catalog->exec("INSERT INTO page_text (page_text) VALUES ('rebuild'); COMMIT;"))
      return *error;
  for (const auto& [name, type] : kLaterColumns) {
    Statement has(db, "SELECT 1 FROM pragma_table_info('documents') WHERE name = ?");
    has.text(1, name);
    if (has.step() == SQLITE_ROW) continue;
    if (auto error = catalog->exec(std::string("ALTER TABLE documents ADD COLUMN ") + name + " " + type))
      return *error;
  }
  return catalog;
}

Catalog::~Catalog() {
  sqlite3_close(db_);
}

Error Catalog::failure(const std::string& what) const {
  return Error{ErrorKind::OutputNotWritable, file_.string(), 0, what + ": " + sqlite3_errmsg(db_)};
}

std::optional<Error> Catalog::exec(const std::string& sql) {
  char* message = nullptr;
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message) == SQLITE_OK) return std::nullopt;
  Error error{ErrorKind::OutputNotWritable, file_.string(), 0,
              std::string("catalog: ") + (message ? message : "error")};
  sqlite3_free(message);
  return error;
}

std::optional<Catalog::Known> Catalog::find(const std::string& path) {
  Statement query(db_, "SELECT sha256, status, attempts FROM documents WHERE path = ?");
  query.text(1, path);
  if (query.step() != SQLITE_ROW) return std::nullopt;
  return Known{query.column_text(0), query.column_text(1), static_cast<int>(query.column_integer(2))};
}

std::optional<Error> Catalog::start(const DocumentRecord& record) {
  Statement upsert(db_,
                   "INSERT INTO documents (path, sha256, size, status, attempts, output, started_at) "
                   "VALUES (?1, ?2, ?3, 'running', 1, ?4, ?5) "
                   "ON CONFLICT (path) DO UPDATE SET sha256 = ?2, size = ?3, status = 'running', "
                   "attempts = CASE WHEN documents.sha256 = ?2 THEN documents.attempts + 1 ELSE 1 END, "
                   "output = ?4, started_at = ?5, finished_at = NULL");
  upsert.text(1, record.path)
      .text(2, record.sha256)
      .integer(3, record.size)
      .text(4, record.output)
      .text(5, record.started_at);
  if (upsert.step() != SQLITE_DONE) return failure("cannot record the start of " + record.path);
  return std::nullopt;
}

std::optional<Error> Catalog::finish(const DocumentRecord& r) {
  if (auto error = exec("BEGIN IMMEDIATE")) return error;
  const auto known = find(r.path);
  const int attempts = known ? known->attempts : 1;
  Statement insert(
      db_, std::string("INSERT OR REPLACE INTO documents (") + kColumns +
               ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, "
               "?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32)");
  insert.text(1, r.path).text(2, r.sha256).integer(3, r.size).integer(4, r.pages).text(5, r.status);
  insert.integer(6, attempts).text(7, r.error_kind).text(8, r.error_message).text(9, r.output);
  insert.text(10, r.started_at).text(11, r.finished_at).real(12, r.seconds);
  insert.real(13, r.rasterize_ms)
      .real(14, r.preprocess_ms)
      .real(15, r.ocr_ms)
      .real(16, r.cleanup_ms)
      .real(17, r.parse_ms);
  insert.integer(18, r.ocr_pages).integer(19, r.text_layer_pages);
  insert.text(20, r.kind).text(21, r.number).text(22, r.title).text(23, r.session_date).text(24, r.signed_on);
  insert.text(25, r.received_on).text(26, r.transmitted_on).text(27, r.act_id).text(28, r.matter_code);
  insert.text(29, r.vote_outcome).text(30, r.scdl_row).text(31, r.authority).text(32, r.body);
  bool recorded = insert.step() == SQLITE_DONE;
  // Its pages replace those of an earlier attempt or version, in the same transaction.
  Statement forget(db_, "DELETE FROM pages WHERE path = ?");
  forget.text(1, r.path);
  recorded = recorded && forget.step() == SQLITE_DONE;
  Statement forget_acts(db_, "DELETE FROM acts WHERE path = ?");
  forget_acts.text(1, r.path);
  recorded = recorded && forget_acts.step() == SQLITE_DONE;
  for (std::size_t i = 0; recorded && r.status == "done" && i < r.acts.size(); ++i) {
    const ActRecord& a = r.acts[i];
    Statement act(
        db_,
        "INSERT INTO acts (path, act, page, number, title, vote_outcome, matter_code, amounts, scdl_row) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    act.text(1, r.path).integer(2, a.act);
    if (a.page > 0) act.integer(3, a.page);
    act.text(4, a.number).text(5, a.title).text(6, a.vote_outcome).text(7, a.matter_code);
    act.text(8, a.amounts).text(9, a.scdl_row);
    recorded = act.step() == SQLITE_DONE;
  }
  for (std::size_t i = 0; recorded && r.status == "done" && i < r.page_texts.size(); ++i) {
    Statement page(db_, "INSERT INTO pages (path, page, text) VALUES (?, ?, ?)");
    page.text(1, r.path).integer(2, static_cast<long long>(i) + 1);
    sqlite3_bind_text(page.raw(), 3, r.page_texts[i].c_str(), static_cast<int>(r.page_texts[i].size()),
                      SQLITE_TRANSIENT);
    recorded = page.step() == SQLITE_DONE;
  }
  if (!recorded) {
    Error error = failure("cannot record " + r.path);
    exec("ROLLBACK");
    return error;
  }
  return exec("COMMIT");
}

Expected<int> Catalog::index_missing(const std::filesystem::path& root) {
  std::vector<std::pair<std::string, std::string>> missing;  // path, output
  {
    Statement query(db_,
                    "SELECT path, output FROM documents WHERE status = 'done' AND output IS NOT NULL "
                    "AND NOT EXISTS (SELECT 1 FROM pages WHERE pages.path = documents.path) ORDER BY path");
    while (query.step() == SQLITE_ROW) missing.emplace_back(query.column_text(0), query.column_text(1));
  }
  int added = 0;
  for (const auto& [path, output] : missing) {
    std::ifstream file(root / output / "text.txt", std::ios::binary);
    if (!file) continue;
    std::ostringstream content;
    content << file.rdbuf();
    if (auto error = exec("BEGIN IMMEDIATE")) return *error;
    std::istringstream pages(content.str());
    int number = 0;
    bool written = true;
    for (std::string text; written && std::getline(pages, text, '\f');) {
      Statement page(db_, "INSERT INTO pages (path, page, text) VALUES (?, ?, ?)");
      page.text(1, path).integer(2, ++number);
      sqlite3_bind_text(page.raw(), 3, text.c_str(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
      written = page.step() == SQLITE_DONE;
    }
    if (!written) {
      Error error = failure("cannot index " + path);
      exec("ROLLBACK");
      return error;
    }
    if (auto error = exec("COMMIT")) return *error;
    ++added;
  }
  return added;
}

std::optional<Error> Catalog::optimize_index() {
  return exec("INSERT INTO page_text (page_text) VALUES ('optimize')");
}

std::optional<Error> Catalog::set_meta(const std::string& key, const std::string& value) {
  Statement upsert(db_, "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)");
  upsert.text(1, key).text(2, value);
  if (upsert.step() != SQLITE_DONE) return failure("cannot record " + key);
  return std::nullopt;
}

std::optional<std::string> Catalog::meta(const std::string& key) {
  Statement query(db_, "SELECT value FROM meta WHERE key = ?");
  query.text(1, key);
  if (query.step() != SQLITE_ROW) return std::nullopt;
  return query.column_text(0);
}

Catalog::Counts Catalog::counts() {
  Counts counts;
  Statement query(db_, "SELECT status, COUNT(*), COALESCE(SUM(pages), 0) FROM documents GROUP BY status");
  while (query.step() == SQLITE_ROW) {
    const std::string status = query.column_text(0);
    const int n = static_cast<int>(query.column_integer(1));
    if (status == "done") counts.done = n;
    if (status == "failed") counts.failed = n;
    if (status == "running") counts.running = n;
    counts.pages += query.column_integer(2);
  }
  return counts;
}

std::vector<Catalog::Failure> Catalog::failures() {
  std::vector<Failure> failures;
  Statement query(
      db_, "SELECT path, error_kind, error_message FROM documents WHERE status = 'failed' ORDER BY path");
  while (query.step() == SQLITE_ROW)
    failures.push_back({query.column_text(0), query.column_text(1), query.column_text(2)});
  return failures;
}

std::vector<std::vector<std::string>> Catalog::scdl_rows() {
  std::vector<std::vector<std::string>> rows;
  Statement query(
      db_,
      "SELECT scdl_row FROM (SELECT path, 0 AS act, scdl_row FROM documents WHERE status = 'done' "
      "UNION ALL SELECT a.path, a.act, a.scdl_row FROM acts a JOIN documents d ON d.path = a.path "
      "WHERE d.status = 'done') WHERE scdl_row IS NOT NULL ORDER BY path, act");
  while (query.step() == SQLITE_ROW) {
    const auto cells = nlohmann::json::parse(query.column_text(0), nullptr, false);
    if (!cells.is_array()) continue;
    std::vector<std::string> row;
    for (const auto& cell : cells) row.push_back(cell.is_string() ? cell.get<std::string>() : "");
    rows.push_back(std::move(row));
  }
  return rows;
}

std::optional<Error> Catalog::import(const std::filesystem::path& other, const std::string& output_prefix) {
  Statement attach(db_, "ATTACH DATABASE ? AS shard");
  attach.text(1, other.string());
  if (attach.step() != SQLITE_DONE) return failure("cannot read " + other.string());
  // The same columns, the output folder made relative to this catalog's folder.
  std::string selected = kColumns;
  selected.replace(selected.find(", output,") + 2, 6, "COALESCE(?1, '') || output");
  Statement copy(db_, std::string("INSERT INTO documents (") + kColumns + ") SELECT " + selected +
                          " FROM shard.documents");
  copy.text(1, output_prefix);
  bool copied = copy.step() == SQLITE_DONE;
  std::optional<Error> error;
  if (!copied) error = failure("cannot merge " + other.string() + " (a document in two shards?)");
  // Their pages: the insert trigger indexes them here, so the merge's full-text index is built
  // anew over all shards. A shard written before the index existed has none to give.
  bool has_pages = false;
  {
    Statement query(db_, "SELECT 1 FROM shard.sqlite_master WHERE type = 'table' AND name = 'pages'");
    has_pages = query.step() == SQLITE_ROW;
  }  // finalized: DETACH fails while a statement on the shard is pending
  if (!error && has_pages) {
    Statement pages(
        db_, "INSERT INTO pages (path, page, text) SELECT path, page, text FROM shard.pages ORDER BY id");
    if (pages.step() != SQLITE_DONE) error = failure("cannot merge the pages of " + other.string());
  }
  bool has_acts = false;
  {
    Statement query(db_, "SELECT 1 FROM shard.sqlite_master WHERE type = 'table' AND name = 'acts'");
    has_acts = query.step() == SQLITE_ROW;
  }
  if (!error && has_acts) {
    Statement acts(db_, "INSERT INTO acts SELECT * FROM shard.acts");
    if (acts.step() != SQLITE_DONE) error = failure("cannot merge the acts of " + other.string());
  }
  exec("DETACH DATABASE shard");
  return error;
}

}  // namespace greffe::batch
