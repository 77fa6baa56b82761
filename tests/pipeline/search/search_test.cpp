// The query language of greffe search turned into FTS5 (pipeline/search/search.h), and the
// folding that matches a page's words to the index's tokens. End to end: tests/pipeline/archive/.
#include <catch2/catch.hpp>

#include <sqlite3.h>

#include "pipeline/search/search.h"

using namespace greffe;

namespace {

// Runs an FTS5 query on a one-row index of `text`: true when it matches, throws on an FTS5 error.
bool matches(const std::string& fts, const std::string& text) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(":memory:", &db) == SQLITE_OK);
  char* message = nullptr;
  const std::string create =
      "CREATE VIRTUAL TABLE t USING fts5(text, tokenize = 'unicode61 remove_diacritics 2')";
  REQUIRE(sqlite3_exec(db, create.c_str(), nullptr, nullptr, &message) == SQLITE_OK);
  sqlite3_stmt* insert = nullptr;
  sqlite3_prepare_v2(db, "INSERT INTO t VALUES (?)", -1, &insert, nullptr);
  sqlite3_bind_text(insert, 1, text.c_str(), -1, SQLITE_TRANSIENT);
  REQUIRE(sqlite3_step(insert) == SQLITE_DONE);
  sqlite3_finalize(insert);
  sqlite3_stmt* query = nullptr;
  sqlite3_prepare_v2(db, "SELECT COUNT(*) FROM t WHERE t MATCH ?", -1, &query, nullptr);
  sqlite3_bind_text(query, 1, fts.c_str(), -1, SQLITE_TRANSIENT);
  const int status = sqlite3_step(query);
  const bool found = status == SQLITE_ROW && sqlite3_column_int(query, 0) > 0;
  const std::string error = status == SQLITE_ROW ? "" : sqlite3_errmsg(db);
  sqlite3_finalize(query);
  sqlite3_close(db);
  if (!error.empty()) throw std::runtime_error(error);
  return found;
}

std::string fts(const std::string& query) {
  auto translated = search::fts_query(query);
  REQUIRE(translated);
  return *translated;
}

}  // namespace

TEST_CASE("words, phrases, prefixes and OR become FTS5 terms, accents and case folded by the index",
          "[search]") {
  const std::string page =
      "Le conseil municipal approuve la Délibération relative aux subventions de l'État.";
  CHECK(matches(fts("deliberation"), page));
  CHECK(matches(fts("DELIBÉRATION conseil"), page));
  CHECK_FALSE(matches(fts("deliberation absent"), page));  // every word must be there
  CHECK(matches(fts("\"conseil municipal approuve\""), page));
  CHECK_FALSE(matches(fts("\"approuve municipal\""), page));
  CHECK(matches(fts("subven*"), page));
  CHECK_FALSE(matches(fts("subven"), page));
  CHECK(matches(fts("absent OR etat"), page));
  CHECK(matches(fts("l'état"), page));  // "l" and "etat", as the index cut them
}

TEST_CASE("FTS5 syntax in a query is text or punctuation, never syntax", "[search]") {
  const std::string page = "NEAR text bureau AND OR NOT col";
  for (const std::string query :
       {"\"", "\"unclosed", "NEAR(a b)", "text:bureau", "a AND OR NOT", "^bureau", "-bureau", "(((bureau",
        "{text}: bureau", "bureau + *", "OR bureau OR", "bureau\"*\":^", "'; DROP TABLE t; --"}) {
    auto translated = search::fts_query(query);
    if (!translated) {
      CHECK(translated.error().kind == ErrorKind::BadArguments);
      continue;
    }
    INFO(query << " -> " << *translated);
    CHECK_NOTHROW(matches(*translated, page));
  }
  CHECK(matches(fts("text:bureau"), page));  // the words 'text bureau', not the column 'text'
  CHECK_FALSE(matches(fts("NEAR(bureau absent)"), page));
}

TEST_CASE("a query with nothing to find, too long or of too many terms is refused", "[search]") {
  CHECK_FALSE(search::fts_query(""));
  CHECK_FALSE(search::fts_query("*** \" ( ) :"));
  CHECK_FALSE(search::fts_query("OR"));
  CHECK_FALSE(search::fts_query(std::string(1001, 'a')));
  std::string many;
  for (int i = 0; i < 33; ++i) many += "mot ";
  CHECK_FALSE(search::fts_query(many));
}

TEST_CASE("filters are checked before any search", "[search]") {
  CHECK_FALSE(search::check({"2021", "2021-12-31", "conseil", "adopted", "7.1"}));
  CHECK(search::check({"18/02/2021", "", "", "", ""}));
  CHECK(search::check({"", "2021-1", "", "", ""}));
  CHECK(search::check({"", "", "", "adoptée", ""}));
  CHECK(search::check({"", "", "", "", "7.1' OR 1"}));
}

TEST_CASE("tokens cut and fold a page's word as the index does", "[search]") {
  CHECK(search::tokens("l’Établissement,") == std::vector<std::string>{"l", "etablissement"});
  CHECK(search::tokens("DÉLIBÉRATION") == std::vector<std::string>{"deliberation"});
  CHECK(search::tokens("«") == std::vector<std::string>{});
  CHECK(search::fold("Œuvre Ça") == "œuvre ca");
}
