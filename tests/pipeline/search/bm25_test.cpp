// The ranking of greffe search (pipeline/search/bm25.h): the same scores and the same order as
// FTS5's own bm25() over every matching page, on made-up pages of varied lengths and word counts
// (and copies, so that scores tie), and the best pages under filters as a full ranking gives them
// (filters checked page by page, or listed once when many pages are refused).
#include <catch2/catch.hpp>

#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <random>

#include "pipeline/batch/catalog.h"
#include "pipeline/search/bm25.h"
#include "pipeline/search/search.h"

using namespace greffe;

namespace {

const char* const kWords[] = {"conseil", "municipal",  "délibération", "subvention", "subventions",
                              "budget",  "convention", "commune",      "vote",       "article",
                              "cession", "terrain",    "école",        "voirie",     "association"};

// Pages of 3 to 400 words (a length over 127 takes two bytes in `_docsize`), the first words of the
// list far more often than the last; every fifth page a copy of an earlier one.
std::vector<std::string> made_up_pages(int count) {
  std::mt19937 random(20261203);
  std::vector<std::string> pages;
  for (int i = 0; i < count; ++i) {
    if (i % 5 == 4) {
      pages.push_back(pages[random() % pages.size()]);
      continue;
    }
    const int length = 3 + static_cast<int>(random() % 398);
    std::string text;
    for (int w = 0; w < length; ++w) {
      const double u = std::uniform_real_distribution<double>(0, 1)(random);
      text += std::string(w ? " " : "") + kWords[static_cast<int>(15 * u * u * u)];
      // Rare words too, on a few pages (so that their weight, the idf, counts), some more than once.
      if (w % 50 == 0)
        for (const auto& [word, per_mille] :
             {std::pair<const char*, int>{"cimetière", 20}, {"piscine", 60}, {"déneigement", 8}})
          if (static_cast<int>(random() % 1000) < per_mille) text += std::string(" ") + word;
    }
    pages.push_back(text);
  }
  return pages;
}

struct Db {
  sqlite3* db = nullptr;
  explicit Db(const std::string& file) { REQUIRE(sqlite3_open(file.c_str(), &db) == SQLITE_OK); }
  ~Db() { sqlite3_close(db); }
  void exec(const std::string& sql) {
    REQUIRE(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
  }
  // rowid and -bm25 of every match, FTS5's order with ties broken by rowid.
  std::vector<search::Scored> full_ranking(const std::string& sql, const std::string& fts) {
    sqlite3_stmt* query = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &query, nullptr) == SQLITE_OK);
    sqlite3_bind_text(query, 1, fts.c_str(), -1, SQLITE_TRANSIENT);
    std::vector<search::Scored> ranked;
    while (sqlite3_step(query) == SQLITE_ROW)
      ranked.push_back({sqlite3_column_int64(query, 0), -sqlite3_column_double(query, 1)});
    sqlite3_finalize(query);
    return ranked;
  }
};

}  // namespace

TEST_CASE("the ranking gives FTS5's bm25 scores and order, ties broken by rowid", "[search]") {
  Db db(":memory:");
  db.exec(
      "CREATE VIRTUAL TABLE t USING fts5(text, tokenize = 'unicode61 remove_diacritics 2', prefix = '3')");
  sqlite3_stmt* insert = nullptr;
  sqlite3_prepare_v2(db.db, "INSERT INTO t (rowid, text) VALUES (?, ?)", -1, &insert, nullptr);
  long long rowid = 0;
  for (const std::string& text : made_up_pages(600)) {
    rowid += 1 + static_cast<long long>(text.size() % 3);  // rowids with gaps, as deleted pages leave
    sqlite3_reset(insert);
    sqlite3_bind_int64(insert, 1, rowid);
    sqlite3_bind_text(insert, 2, text.c_str(), -1, SQLITE_TRANSIENT);
    REQUIRE(sqlite3_step(insert) == SQLITE_DONE);
  }
  sqlite3_finalize(insert);

  search::Bm25 bm25;
  REQUIRE_FALSE(bm25.attach(db.db));
  // Frequent and rare words (the rare ones read their lengths one by one, the frequent in one
  // pass), a phrase, a prefix, OR, several words.
  for (const std::string fts :
       {"\"deliberation\"", "\"conseil\"", "\"association\"", "\"ecole\" \"voirie\"", "\"conseil municipal\"",
        "\"sub\"*", "\"terrain\" OR \"cession\"", "\"budget\" \"vote\" \"article\"", "\"absent\"",
        "\"cimetiere\"", "\"piscine\" \"conseil\"", "\"deneigement\" OR \"cimetiere\"", "\"pisc\"*"}) {
    INFO(fts);
    std::vector<search::Scored> scored;
    REQUIRE_FALSE(bm25.score("t", fts, scored));
    std::sort(scored.begin(), scored.end(), search::better);
    const auto expected =
        db.full_ranking("SELECT rowid, bm25(t) FROM t WHERE t MATCH ?1 ORDER BY bm25(t), rowid", fts);
    REQUIRE(scored.size() == expected.size());
    for (std::size_t i = 0; i < scored.size(); ++i) {
      INFO("rank " << i);
      REQUIRE(scored[i].rowid == expected[i].rowid);
      REQUIRE(scored[i].score == expected[i].score);  // the same double, not a close one
    }
    if (fts == "\"cimetiere\"") CHECK((scored.size() > 5 && scored.size() < 100));
    if (fts == "\"conseil\"") {
      CHECK(scored.size() > 300);
      CHECK(std::adjacent_find(scored.begin(), scored.end(), [](const auto& a, const auto& b) {
              return a.score == b.score;
            }) != scored.end());  // the copies tie
    }
  }
}

TEST_CASE("the best pages under filters are a full ranking's, filtered", "[search]") {
  const auto dir = std::filesystem::temp_directory_path() / ("greffe-bm25-" + std::to_string(getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const std::vector<std::string> pages = made_up_pages(240);
  {
    auto opened = batch::Catalog::open(dir / "catalog.sqlite");
    REQUIRE(opened);
    for (int d = 0; d < 80; ++d) {  // 80 documents of 3 pages, dated 1995 to 2034
      batch::DocumentRecord r;
      r.path = "doc-" + std::to_string(d) + ".pdf";
      r.sha256 = "0";
      r.status = "done";
      r.output = r.path + ".out";
      r.pages = 3;
      r.page_texts = {pages[3 * d], pages[3 * d + 1], pages[3 * d + 2]};
      r.session_date = std::to_string(1995 + d % 40) + "-06-01";
      r.body = d % 3 ? "conseil municipal" : "bureau";
      r.vote_outcome = d % 4 ? "adopted" : "rejected";
      REQUIRE_FALSE(opened.value()->finish(r));
    }
  }
  auto index = search::Index::open(dir);
  REQUIRE(index);
  Db db((dir / "catalog.sqlite").string());
  const std::string ranked =
      "SELECT p.id, bm25(page_text), p.path, p.page FROM page_text CROSS JOIN pages p ON p.id = "
      "page_text.rowid "
      "CROSS JOIN documents d ON d.path = p.path WHERE page_text MATCH ?1";
  struct Case {
    std::string query;
    search::Filters filters;
    std::string where;
  };
  for (const Case& c : {Case{"conseil", {}, ""},
                        Case{"conseil",
                             {"2010", "2015-12-31", "", "", ""},
                             " AND d.session_date BETWEEN '2010' AND '2015-12-31'"},
                        Case{"budget vote",
                             {"", "", "bureau", "rejected", ""},
                             " AND d.body = 'bureau' AND d.vote_outcome = 'rejected'"},
                        Case{"sub*", {"", "", "BUREAU", "", ""}, " AND d.body = 'bureau'"},
                        Case{"conseil", {"", "", "nulle part", "", ""}, " AND 0"}}) {
    INFO(c.query << c.where);
    auto found = index.value()->find(c.query, c.filters, 12);
    REQUIRE(found);
    const auto fts = search::fts_query(c.query);
    const auto expected =
        db.full_ranking(ranked + c.where + " ORDER BY bm25(page_text), p.id LIMIT 12", *fts);
    REQUIRE(found->size() == expected.size());
    CHECK(found->empty() == (c.where == " AND 0"));
    sqlite3_stmt* where = nullptr;
    sqlite3_prepare_v2(db.db, "SELECT path, page FROM pages WHERE id = ?", -1, &where, nullptr);
    for (std::size_t i = 0; i < expected.size(); ++i) {
      sqlite3_reset(where);
      sqlite3_bind_int64(where, 1, expected[i].rowid);
      REQUIRE(sqlite3_step(where) == SQLITE_ROW);
      CHECK(found->at(i).path == reinterpret_cast<const char*>(sqlite3_column_text(where, 0)));
      CHECK(found->at(i).page == sqlite3_column_int(where, 1));
    }
    sqlite3_finalize(where);
  }
  std::filesystem::remove_all(dir);
}
