// A minutes document in the batch's catalog (pipeline/batch/catalog.h): one act row per act,
// one SCDL row per act in the merged table, and search hits and filters on the act of the page.
#include <catch2/catch.hpp>

#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>

#include "pipeline/batch/catalog.h"
#include "pipeline/search/search.h"

using namespace greffe;

namespace {

Deliberation act(const std::string& number, const std::string& title, const std::string& outcome, int page) {
  Deliberation d;
  d.kind = DeliberationKind::Deliberation;
  d.number = number;
  d.title = title;
  d.vote.outcome = outcome;
  d.page = page;
  return d;
}

Deliberation minutes() {
  Deliberation m;
  m.kind = DeliberationKind::Minutes;
  m.authority = "COMMUNE DE SAINT-ESSAI";
  m.body = "conseil municipal";
  m.session.date = "2023-03-14";
  m.acts.push_back(act("2023-01", "Vote du budget primitif", "adopted", 1));
  m.acts.back().amounts.push_back({1500, "EUR", "une dépense de 1 500 euros"});
  m.acts.push_back(act("2023-02", "Subvention à l'association des pêcheurs", "adopted", 2));
  m.acts.push_back(act("2023-03", "Cession d'un terrain communal", "rejected", 2));
  return m;
}

batch::DocumentRecord done(const std::string& path, std::vector<std::string> pages) {
  batch::DocumentRecord r;
  r.path = path;
  r.sha256 = "0";
  r.status = "done";
  r.output = path + ".out";
  r.pages = static_cast<int>(pages.size());
  r.page_texts = std::move(pages);
  return r;
}

}  // namespace

TEST_CASE("a minutes document is catalogued act by act: SCDL rows, search hits and filters per act",
          "[search][catalog]") {
  const auto dir = std::filesystem::temp_directory_path() / ("greffe-minutes-" + std::to_string(getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  {
    auto opened = batch::Catalog::open(dir / "catalog.sqlite");
    REQUIRE(opened);
    batch::Catalog& catalog = *opened.value();

    batch::DocumentRecord pv =
        done("pv.pdf", {"Le conseil adopte le budget primitif de la commune.",
                        "Une subvention aux pêcheurs. La cession du terrain est refusée."});
    batch::record_parsed(pv, minutes(), {});
    CHECK(pv.kind == "minutes");
    CHECK(pv.scdl_row.empty());  // its acts carry the rows
    REQUIRE(pv.acts.size() == 3);
    CHECK(pv.acts[0].amounts == "[1500.0]");
    CHECK(pv.acts[2].page == 2);

    Deliberation single = act("D1", "Convention de déneigement", "adopted", 1);
    single.session.date = "2022-12-01";
    batch::DocumentRecord d = done("d.pdf", {"Convention de déneigement avec le département."});
    batch::record_parsed(d, single, {});
    CHECK(d.acts.empty());

    REQUIRE_FALSE(catalog.finish(d));
    REQUIRE_FALSE(catalog.finish(pv));
    REQUIRE_FALSE(catalog.finish(pv));  // done again: its acts replaced, not doubled

    const auto rows = catalog.scdl_rows();
    REQUIRE(rows.size() == 4);
    CHECK(rows[0][2] == "D1");
    CHECK(rows[1][2] == "2023-01");
    CHECK(rows[2][2] == "2023-02");
    CHECK(rows[3][2] == "2023-03");
    CHECK(rows[3][3] == "2023-03-14");  // the session of the minutes
    CHECK(rows[3][0] == "COMMUNE DE SAINT-ESSAI");
  }

  auto index = search::Index::open(dir);
  REQUIRE(index);
  auto primitif = index.value()->find("primitif", {}, 20);
  REQUIRE(primitif);
  REQUIRE(primitif->size() == 1);
  CHECK(primitif->at(0).act == 1);
  CHECK(primitif->at(0).number == "2023-01");
  CHECK(primitif->at(0).title == "Vote du budget primitif");
  CHECK(primitif->at(0).kind == "minutes");

  auto terrain = index.value()->find("terrain", {}, 20);
  REQUIRE(terrain);
  REQUIRE(terrain->size() == 1);
  CHECK(terrain->at(0).page == 2);
  CHECK(terrain->at(0).number == "2023-03");  // the act starting last on the page

  auto convention = index.value()->find("convention", {}, 20);
  REQUIRE(convention);
  REQUIRE(convention->size() == 1);
  CHECK(convention->at(0).act == 0);
  CHECK(convention->at(0).number == "D1");

  search::Filters adopted;
  adopted.outcome = "adopted";
  search::Filters rejected;
  rejected.outcome = "rejected";
  CHECK(index.value()->find("budget", adopted, 20)->size() == 1);
  CHECK(index.value()->find("budget", rejected, 20)->empty());
  CHECK(index.value()->find("terrain", rejected, 20)->size() == 1);
  CHECK(index.value()->find("terrain", adopted, 20)->empty());

  // The list before any query (greffe serve's first page): one row per act, newest session first.
  auto listed = index.value()->acts({}, 50);
  REQUIRE(listed);
  REQUIRE(listed->size() == 4);
  CHECK(listed->at(0).path == "pv.pdf");
  CHECK(listed->at(0).act == 1);
  CHECK(listed->at(0).number == "2023-01");
  CHECK(listed->at(0).title == "Vote du budget primitif");
  CHECK(listed->at(0).date == "2023-03-14");
  CHECK(listed->at(1).act == 2);
  CHECK(listed->at(1).page == 2);
  CHECK(listed->at(2).number == "2023-03");
  CHECK(listed->at(2).outcome == "rejected");
  CHECK(listed->at(3).path == "d.pdf");
  CHECK(listed->at(3).act == 0);
  CHECK(listed->at(3).number == "D1");
  auto refused = index.value()->acts(rejected, 50);
  REQUIRE(refused);
  REQUIRE(refused->size() == 1);  // the act's vote, not the minutes'
  CHECK(refused->at(0).number == "2023-03");
  CHECK(index.value()->acts({}, 2)->size() == 2);
  std::filesystem::remove_all(dir);
}

TEST_CASE("a full-text index made before prefixes is made again, with them, when a writer opens it",
          "[search][catalog]") {
  const auto dir = std::filesystem::temp_directory_path() / ("greffe-reindex-" + std::to_string(getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const auto file = dir / "catalog.sqlite";
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(file.c_str(), &db) == SQLITE_OK);
  // The index as an older greffe made it: no prefix index.
  REQUIRE(sqlite3_exec(
              db,
              "CREATE TABLE pages (id INTEGER PRIMARY KEY, path TEXT NOT NULL, page INTEGER NOT NULL, "
              "text TEXT NOT NULL);"
              "CREATE VIRTUAL TABLE page_text USING fts5 (text, content = 'pages', content_rowid = 'id', "
              "tokenize = 'unicode61 remove_diacritics 2');"
              "INSERT INTO pages (path, page, text) VALUES ('a.pdf', 1, 'Une Subvention versée');"
              "INSERT INTO page_text (page_text) VALUES ('rebuild');",
              nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(db);
  REQUIRE(batch::Catalog::open(file));

  REQUIRE(sqlite3_open(file.c_str(), &db) == SQLITE_OK);
  auto count = [db](const std::string& sql) {
    sqlite3_stmt* query = nullptr;
    sqlite3_prepare_v2(db, sql.c_str(), -1, &query, nullptr);
    const int n = sqlite3_step(query) == SQLITE_ROW ? sqlite3_column_int(query, 0) : -1;
    sqlite3_finalize(query);
    return n;
  };
  CHECK(count("SELECT COUNT(*) FROM sqlite_master WHERE name = 'page_text' AND sql LIKE '%prefix%'") == 1);
  CHECK(count("SELECT COUNT(*) FROM page_text WHERE page_text MATCH 'subven*'") == 1);  // its pages again
  REQUIRE(sqlite3_exec(db, "INSERT INTO pages (path, page, text) VALUES ('b.pdf', 1, 'subventions')", nullptr,
                       nullptr, nullptr) == SQLITE_OK);
  CHECK(count("SELECT COUNT(*) FROM page_text WHERE page_text MATCH 'subven*'") == 2);  // the triggers again
  sqlite3_close(db);
  std::filesystem::remove_all(dir);
}
