#include "pipeline/search/search.h"

#include <sqlite3.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <ctime>
#include <iostream>
#include <nlohmann/json.hpp>

#include "pipeline/batch/statement.h"

namespace greffe::search {

namespace {

constexpr std::size_t kMaxQueryBytes = 1000;  // a query, not a document
constexpr int kMaxTerms = 32;                 // FTS5 cost grows with them; no real query has more

// Marks around hits in snippet() and highlight(): control characters no clean text holds.
const char kOpen = '\x02', kClose = '\x03';

bool has_word_character(const std::string& text) {
  for (unsigned char c : text)
    if (c >= 0x80 || std::isalnum(c)) return true;
  return false;
}

// A string for FTS5: double quotes doubled, the whole quoted, so it is text and never syntax.
std::string fts_string(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == kOpen || c == kClose) continue;
    out += c;
    if (c == '"') out += '"';
  }
  return out + "\"";
}

std::vector<Span> spans_of(const std::string& marked) {
  std::vector<Span> spans;
  Span current;
  for (char c : marked) {
    if (c == kOpen || c == kClose) {
      if (!current.text.empty()) spans.push_back(current);
      current = Span{{}, c == kOpen};
      continue;
    }
    current.text += c;
  }
  if (!current.text.empty()) spans.push_back(current);
  return spans;
}

bool iso_prefix(const std::string& date) {
  // YYYY, YYYY-MM or YYYY-MM-DD
  if (date.size() != 4 && date.size() != 7 && date.size() != 10) return false;
  for (std::size_t i = 0; i < date.size(); ++i) {
    const bool dash = i == 4 || i == 7;
    if (dash ? date[i] != '-' : !std::isdigit(static_cast<unsigned char>(date[i]))) return false;
  }
  return true;
}

using batch::Statement;

const char* const kActColumns =
    "d.path, d.output, d.number, d.session_date, d.title, COALESCE(d.body, d.authority), d.vote_outcome, "
    "d.matter_code, "
    "d.kind";

// For a minutes document: the act a page belongs to, the last one starting on it or before
// (an act whose page is unknown counts as starting on page 1). A hit on a page where two acts
// meet goes to the later one: the index knows pages, not where an act ends on its page.
const char* const kPageAct =
    " LEFT JOIN acts a ON a.path = p.path AND a.act = (SELECT b.act FROM acts b WHERE b.path = p.path AND "
    "COALESCE(b.page, 1) <= p.page ORDER BY COALESCE(b.page, 1) DESC, b.act DESC LIMIT 1)";
// The act's columns, a's when the page is a minutes' act, else the document's (as kActColumns).
const char* const kPageActColumns =
    "d.path, d.output, COALESCE(a.number, d.number), d.session_date, COALESCE(a.title, d.title), "
    "COALESCE(d.body, d.authority), COALESCE(a.vote_outcome, d.vote_outcome), COALESCE(a.matter_code, "
    "d.matter_code), d.kind, a.act";

Hit act_of(Statement& row) {
  Hit hit;
  hit.path = row.column_text(0);
  hit.output = row.column_text(1);
  hit.number = row.column_text(2);
  hit.date = row.column_text(3);
  hit.title = row.column_text(4);
  hit.body = row.column_text(5);
  hit.outcome = row.column_text(6);
  hit.matter = row.column_text(7);
  hit.kind = row.column_text(8);
  return hit;
}

}  // namespace

Expected<std::string> fts_query(const std::string& user_query) {
  auto bad = [](const std::string& why) { return Error{ErrorKind::BadArguments, "", 0, why}; };
  if (user_query.size() > kMaxQueryBytes)
    return bad("the query is longer than " + std::to_string(kMaxQueryBytes) + " bytes");
  std::vector<std::string> terms;  // FTS5 terms, or "OR"
  std::size_t i = 0;
  const std::string& q = user_query;
  auto space = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
  };
  while (i < q.size()) {
    if (space(q[i])) {
      ++i;
      continue;
    }
    std::string token;
    bool phrase = false;
    if (q[i] == '"') {  // "a phrase": to the closing quote, or to the end when none
      phrase = true;
      const std::size_t end = q.find('"', i + 1);
      token = q.substr(i + 1, end == std::string::npos ? std::string::npos : end - i - 1);
      i = end == std::string::npos ? q.size() : end + 1;
    } else {
      const std::size_t start = i;
      while (i < q.size() && !space(q[i]) && q[i] != '"') ++i;
      token = q.substr(start, i - start);
    }
    bool prefix = false;
    while (!token.empty() && token.back() == '*') token.pop_back(), prefix = true;
    if (!phrase && !prefix && token == "OR") {
      terms.push_back("OR");
      continue;
    }
    if (!has_word_character(token)) continue;  // punctuation alone finds nothing
    terms.push_back(fts_string(token) + (prefix ? "*" : ""));
  }
  // OR only between two terms; a leading, trailing or doubled OR is dropped.
  std::vector<std::string> kept;
  for (std::size_t k = 0; k < terms.size(); ++k) {
    if (terms[k] == "OR" && (kept.empty() || kept.back() == "OR" || k + 1 == terms.size())) continue;
    kept.push_back(terms[k]);
  }
  while (!kept.empty() && kept.back() == "OR") kept.pop_back();
  int count = 0;
  std::string fts;
  for (const auto& term : kept) {
    if (term != "OR" && ++count > kMaxTerms)
      return bad("the query has more than " + std::to_string(kMaxTerms) + " terms");
    fts += (fts.empty() ? "" : " ") + term;
  }
  if (count == 0) return bad("nothing to search for: give a word, a \"phrase\" or a prefix*");
  return fts;
}

std::optional<Error> check(const Filters& filters) {
  auto bad = [](const std::string& why) { return Error{ErrorKind::BadArguments, "", 0, why}; };
  if (!filters.from.empty() && !iso_prefix(filters.from))
    return bad("--from: a date is YYYY, YYYY-MM or YYYY-MM-DD");
  if (!filters.to.empty() && !iso_prefix(filters.to))
    return bad("--to: a date is YYYY, YYYY-MM or YYYY-MM-DD");
  if (!filters.outcome.empty() && filters.outcome != "adopted" && filters.outcome != "rejected")
    return bad("--outcome: adopted or rejected");
  if (filters.matter.size() > 16 || filters.matter.find_first_not_of("0123456789.") != std::string::npos)
    return bad("--matter: an SCDL matter code, e.g. 7 or 7.1");
  if (filters.body.size() > 200) return bad("--body: at most 200 bytes");
  return std::nullopt;
}

Expected<std::unique_ptr<Index>> Index::open(const std::filesystem::path& out) {
  const auto file = out / "catalog.sqlite";
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec))
    return Error{ErrorKind::BadArguments, out.string(), 0,
                 "no catalog.sqlite: not the output of greffe batch"};
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
    const std::string why = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    return Error{ErrorKind::UnreadableInput, file.string(), 0, "cannot open the catalog: " + why};
  }
  // NOMUTEX: an Index is used by one thread (greffe serve opens one a request), and SQLite's lock
  // around every call costs a tenth of a query that reads every matching page.
  std::unique_ptr<Index> index(new Index(db, file));
  sqlite3_busy_timeout(db, 5000);  // a batch writing meanwhile
  // The index read through the page cache of the system, not copied into SQLite's own.
  sqlite3_exec(db, "PRAGMA mmap_size = 1073741824; PRAGMA cache_size = -65536", nullptr, nullptr, nullptr);
  Statement has(db, "SELECT 1 FROM sqlite_master WHERE name = 'page_text'");
  const int found = has ? has.step() : SQLITE_ERROR;
  if (found != SQLITE_ROW)
    return Error{ErrorKind::UnreadableInput, file.string(), 0,
                 found == SQLITE_DONE
                     ? "the catalog has no full-text index (written by an older greffe): run the same "
                       "greffe batch again, which indexes the documents done from their text.txt"
                     : std::string("not a catalog: ") + sqlite3_errmsg(db)};
  if (auto error = index->bm25_.attach(db))
    return Error{ErrorKind::UnreadableInput, file.string(), 0, "cannot search: " + *error};
  // Minutes: a catalog without the acts table (an older greffe) or without minutes has no act to join.
  Statement acts(db, "SELECT 1 FROM acts LIMIT 1");
  index->has_acts_ = acts && acts.step() == SQLITE_ROW;
  return index;
}

Index::~Index() {
  sqlite3_close(db_);
}

Error Index::failure(const std::string& what) const {
  return Error{ErrorKind::UnreadableInput, file_.string(), 0, what + ": " + sqlite3_errmsg(db_)};
}

Expected<std::vector<Hit>> Index::find(const std::string& user_query, const Filters& filters, int limit) {
  auto fts = fts_query(user_query);
  if (!fts) return fts.error();
  if (auto error = check(filters)) return *error;
  // Every matching page scored (bm25.h: FTS5's bm25, its cost without its per-page length lookup),
  // then the best taken one at a time until `limit` pass the filters: a filter is checked on the
  // pages that would be shown, in rank order, not joined to every matching page.
  std::vector<Scored> scored;
  if (auto error = bm25_.score("page_text", *fts, scored))
    return Error{ErrorKind::UnreadableInput, file_.string(), 0, "cannot search: " + *error};
  const bool filtered = !filters.from.empty() || !filters.to.empty() || !filters.body.empty() ||
                        !filters.outcome.empty() || !filters.matter.empty();
  // A minutes' page is filtered on the fields of its act (kPageAct), only when the catalog holds
  // minutes: the join costs a lookup a page.
  const bool by_act = has_acts_ && (!filters.outcome.empty() || !filters.matter.empty());
  const std::string outcome = by_act ? "COALESCE(a.vote_outcome, d.vote_outcome)" : "d.vote_outcome";
  const std::string matter = by_act ? "COALESCE(a.matter_code, d.matter_code)" : "d.matter_code";
  std::string conditions;
  if (!filters.from.empty()) conditions += " AND d.session_date >= ?2";
  if (!filters.to.empty()) conditions += " AND substr(d.session_date, 1, length(?3)) <= ?3";
  if (!filters.body.empty())
    conditions += " AND (d.body LIKE '%' || ?4 || '%' OR d.authority LIKE '%' || ?4 || '%')";
  if (!filters.outcome.empty()) conditions += " AND " + outcome + " = ?5";
  if (!filters.matter.empty()) conditions += " AND (" + matter + " = ?6 OR " + matter + " LIKE ?6 || '.%')";
  auto bind_filters = [&](Statement& statement) {
    statement.text(2, filters.from);
    statement.text(3, filters.to);
    statement.text(4, filters.body);
    statement.text(5, filters.outcome);
    statement.text(6, filters.matter);
  };
  // The filter's values bound once; a page is checked by binding its id alone.
  Statement passes(db_, std::string("SELECT 1 FROM pages p CROSS JOIN documents d ON d.path = p.path") +
                            (by_act ? kPageAct : "") + " WHERE p.id = ?1" + conditions);
  if (filtered && !passes) return failure("cannot search");
  bind_filters(passes);
  // After kChecksBeforeList pages refused, the filter is run once over the archive instead, for
  // the list of the pages that pass it: a filter few pages pass would else be checked on nearly
  // every page a frequent word is on (~15 µs each).
  constexpr int kChecksBeforeList = 100;
  int refused = 0;
  bool listed = false;
  std::vector<long long> passing;
  auto list_passing = [&]() -> std::optional<Error> {
    Statement all(db_, std::string("SELECT p.id FROM documents d CROSS JOIN pages p ON p.path = d.path") +
                           (by_act ? kPageAct : "") + " WHERE 1" + conditions);
    if (!all) return failure("cannot search");
    bind_filters(all);
    int status;
    while ((status = all.step()) == SQLITE_ROW) passing.push_back(all.column_integer(0));
    if (status != SQLITE_DONE) return failure("cannot search");
    std::sort(passing.begin(), passing.end());
    listed = true;
    return std::nullopt;
  };
  // A heap, best on top: making it is linear, and only the pages taken are sorted.
  auto after = [](const Scored& a, const Scored& b) { return better(b, a); };
  std::make_heap(scored.begin(), scored.end(), after);
  std::vector<long long> best;
  int status;
  for (auto end = scored.end(); end != scored.begin() && static_cast<int>(best.size()) < limit; --end) {
    std::pop_heap(scored.begin(), end, after);
    const long long id = (end - 1)->rowid;
    if (filtered && listed) {
      if (!std::binary_search(passing.begin(), passing.end(), id)) continue;
    } else if (filtered) {
      passes.reset();
      passes.integer(1, id);
      status = passes.step();
      if (status != SQLITE_ROW && status != SQLITE_DONE) return failure("cannot search");
      if (status == SQLITE_DONE) {
        if (++refused == kChecksBeforeList)
          if (auto error = list_passing()) return *error;
        continue;
      }
    }
    best.push_back(id);
  }

  // Then each page's snippet and act, one page at a time: joined to the ranked list, the second
  // MATCH scanned every match again for each page kept, where a MATCH on one rowid is a seek.
  Statement shown(db_, std::string("SELECT ") + (has_acts_ ? kPageActColumns : kActColumns) +
                           ", p.page, snippet(page_text, 0, char(2), char(3), '…', 24) "
                           "FROM page_text CROSS JOIN pages p ON p.id = page_text.rowid "
                           "CROSS JOIN documents d ON d.path = p.path" +
                           (has_acts_ ? kPageAct : "") +
                           " WHERE page_text MATCH ?1 AND page_text.rowid = ?2");
  if (!shown) return failure("cannot search");
  std::vector<Hit> hits;
  for (long long id : best) {
    shown.reset();
    shown.text(1, *fts);
    shown.integer(2, id);
    status = shown.step();
    if (status == SQLITE_DONE) continue;  // its document's row went meanwhile (a batch redoing it)
    if (status != SQLITE_ROW) return failure("cannot search");
    Hit hit = act_of(shown);
    const int more = has_acts_ ? 1 : 0;
    if (has_acts_) hit.act = static_cast<int>(shown.column_integer(9));
    hit.page = static_cast<int>(shown.column_integer(9 + more));
    hit.snippet = spans_of(shown.column_text(10 + more));
    hits.push_back(std::move(hit));
  }
  return hits;
}

Expected<std::vector<Hit>> Index::acts(const Filters& filters, int limit) {
  if (auto error = check(filters)) return *error;
  // A minutes document is one row per act (table acts), with the act's number, title, vote and
  // matter, and the page it starts on; a deliberation is its document's row.
  std::string sql =
      has_acts_ ? std::string("SELECT ") + kPageActColumns +
                      ", a.page FROM documents d LEFT JOIN acts a ON a.path = d.path WHERE d.status = 'done'"
                : std::string("SELECT ") + kActColumns + " FROM documents d WHERE d.status = 'done'";
  const std::string outcome = has_acts_ ? "COALESCE(a.vote_outcome, d.vote_outcome)" : "d.vote_outcome";
  const std::string matter = has_acts_ ? "COALESCE(a.matter_code, d.matter_code)" : "d.matter_code";
  if (!filters.from.empty()) sql += " AND d.session_date >= ?2";
  if (!filters.to.empty()) sql += " AND substr(d.session_date, 1, length(?3)) <= ?3";
  if (!filters.body.empty())
    sql += " AND (d.body LIKE '%' || ?4 || '%' OR d.authority LIKE '%' || ?4 || '%')";
  if (!filters.outcome.empty()) sql += " AND " + outcome + " = ?5";
  if (!filters.matter.empty()) sql += " AND (" + matter + " = ?6 OR " + matter + " LIKE ?6 || '.%')";
  sql += std::string(" ORDER BY d.session_date DESC, d.path") + (has_acts_ ? ", a.act" : "") + " LIMIT ?7";
  Statement query(db_, sql);
  if (!query) return failure("cannot list the acts");
  query.text(2, filters.from);
  query.text(3, filters.to);
  query.text(4, filters.body);
  query.text(5, filters.outcome);
  query.text(6, filters.matter);
  query.integer(7, limit);
  std::vector<Hit> acts;
  int status;
  while ((status = query.step()) == SQLITE_ROW) {
    acts.push_back(act_of(query));
    if (has_acts_) {
      acts.back().act = static_cast<int>(query.column_integer(9));
      acts.back().page = static_cast<int>(query.column_integer(10));
    }
  }
  if (status != SQLITE_DONE) return failure("cannot list the acts");
  return acts;
}

Expected<std::optional<Hit>> Index::document(const std::string& path) {
  Statement query(
      db_, std::string("SELECT ") + kActColumns + " FROM documents d WHERE d.path = ? AND d.status = 'done'");
  if (!query) return failure("cannot read the catalog");
  query.text(1, path);
  const int status = query.step();
  if (status == SQLITE_ROW) return std::optional<Hit>(act_of(query));
  if (status != SQLITE_DONE) return failure("cannot read the catalog");
  return std::optional<Hit>();
}

int Index::page_count(const std::string& path) {
  Statement query(db_, "SELECT COUNT(*) FROM pages WHERE path = ?");
  query.text(1, path);
  return query.step() == SQLITE_ROW ? static_cast<int>(query.column_integer(0)) : 0;
}

std::string Index::meta(const std::string& key) {
  Statement query(db_, "SELECT value FROM meta WHERE key = ?");
  query.text(1, key);
  return query.step() == SQLITE_ROW ? query.column_text(0) : "";
}

std::vector<std::string> tokens(const std::string& word) {
  std::vector<std::string> found;
  const icu::UnicodeString text = icu::UnicodeString::fromUTF8(word);
  std::string current;
  auto flush = [&] {
    if (!current.empty()) found.push_back(fold(current));
    current.clear();
  };
  for (int32_t i = 0; i < text.length();) {
    const UChar32 c = text.char32At(i);
    i += U16_LENGTH(c);
    if (u_isalnum(c) || u_charType(c) == U_NON_SPACING_MARK) {
      icu::UnicodeString one(c);
      one.toUTF8String(current);
    } else {
      flush();
    }
  }
  flush();
  return found;
}

Expected<std::vector<Span>> Index::page(const std::string& path, int page_number,
                                        const std::string& user_query) {
  std::string fts;
  if (!user_query.empty()) {
    auto translated = fts_query(user_query);
    if (!translated) return translated.error();
    fts = *translated;
  }
  // highlight() needs the MATCH; without a query the page is read as it is.
  Statement query(db_,
                  fts.empty()
                      ? "SELECT text FROM pages WHERE path = ?2 AND page = ?3"
                      : "SELECT highlight(page_text, 0, char(2), char(3)) FROM pages p CROSS JOIN page_text "
                        "ON page_text.rowid = p.id WHERE p.path = ?2 AND p.page = ?3 AND page_text MATCH ?1");
  if (!query) return failure("cannot read the page");
  if (!fts.empty()) query.text(1, fts);
  query.text(2, path);
  query.integer(3, page_number);
  const int status = query.step();
  if (status == SQLITE_ROW) return spans_of(query.column_text(0));
  if (status != SQLITE_DONE) return failure("cannot read the page");
  if (fts.empty()) return Error{ErrorKind::BadArguments, path, page_number, "no such page in the catalog"};
  return page(path, page_number, "");  // the page exists but the query is not on it
}

std::string fold(const std::string& word) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status)) return word;
  icu::UnicodeString decomposed = nfd->normalize(icu::UnicodeString::fromUTF8(word), status);
  if (U_FAILURE(status)) return word;
  icu::UnicodeString kept;
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK) continue;
    kept.append(static_cast<UChar32>(u_foldCase(c, U_FOLD_CASE_DEFAULT)));
  }
  std::string out;
  kept.toUTF8String(out);
  return out;
}

std::vector<std::string> hit_words(const std::vector<Span>& spans) {
  std::vector<std::string> words;
  for (const Span& span : spans)
    if (span.hit) {
      const std::string folded = fold(span.text);
      if (std::find(words.begin(), words.end(), folded) == words.end()) words.push_back(folded);
    }
  return words;
}

int command(const std::filesystem::path& out, const std::string& query, const Filters& filters, int limit,
            bool json) {
  if (auto error = check(filters)) {
    std::cerr << "greffe: search: " << error->message << '\n';
    return exit_code(error->kind);
  }
  auto opened = Index::open(out);
  if (!opened) {
    std::cerr << opened.error().to_line() << '\n';
    return exit_code(opened.error().kind);
  }
  auto cpu_ms = [] {
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);  // the search runs on this thread
    return now.tv_sec * 1e3 + now.tv_nsec / 1e6;
  };
  const auto started = std::chrono::steady_clock::now();
  const double cpu_started = cpu_ms();
  auto found = opened.value()->find(query, filters, limit);
  const double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  const double cpu = cpu_ms() - cpu_started;  // what the search costs, whatever else the machine runs
  if (!found) {
    const Error& error = found.error();
    std::cerr << (error.input.empty() ? "greffe: search: " + error.message : error.to_line()) << '\n';
    return exit_code(error.kind);
  }
  if (json) {
    nlohmann::ordered_json result;
    result["query"] = query;
    result["milliseconds"] = ms;
    result["cpu_milliseconds"] = cpu;
    result["hits"] = nlohmann::ordered_json::array();
    for (const Hit& hit : *found) {
      std::string snippet;
      for (const Span& span : hit.snippet) snippet += span.hit ? "**" + span.text + "**" : span.text;
      nlohmann::ordered_json row;
      row["document"] = hit.path;
      row["output"] = hit.output;
      row["number"] = hit.number.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(hit.number);
      row["date"] = hit.date.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(hit.date);
      row["title"] = hit.title.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(hit.title);
      row["body"] = hit.body.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(hit.body);
      row["outcome"] = hit.outcome.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(hit.outcome);
      row["matter"] = hit.matter.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(hit.matter);
      row["act"] = hit.act > 0 ? nlohmann::ordered_json(hit.act) : nlohmann::ordered_json();
      row["page"] = hit.page;
      row["snippet"] = snippet;
      row["hits"] = hit_words(hit.snippet);
      result["hits"].push_back(row);
    }
    std::cout << result.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    return 0;
  }
  for (const Hit& hit : *found) {
    std::cout << hit.path << "  p." << hit.page << "  n° " << (hit.number.empty() ? "-" : hit.number) << "  "
              << (hit.date.empty() ? "-" : hit.date) << "  " << (hit.title.empty() ? "(no title)" : hit.title)
              << '\n';
    std::string snippet;
    for (const Span& span : hit.snippet) snippet += span.hit ? "**" + span.text + "**" : span.text;
    for (char& c : snippet)
      if (c == '\n' || c == '\f' || c == '\r' || c == '\t') c = ' ';
    std::cout << "    " << snippet << '\n';
  }
  std::cerr << "greffe search: " << found->size() << " hit(s) in " << static_cast<int>(ms + 0.5) << " ms\n";
  return 0;
}

}  // namespace greffe::search
