// The SCDL export (deliberations.csv) checked against the constraints of the national schema
// "scdl/deliberations" as docs/design/deliberation.md lists them, on the parsed seeds.
#include <catch2/catch.hpp>

#include <filesystem>
#include <regex>

#include "pipeline/parse/parse.h"
#include "pipeline/parse/scdl.h"
#include "tests/fixtures.h"

namespace {

using greffe::parse::ScdlOptions;
using Row = std::vector<std::string>;

// A strict RFC 4180 reader: CRLF records, quoted fields with doubled quotes. Fails the test on
// anything else (a bare quote, a lone LF outside quotes, an unterminated quote).
std::vector<Row> read_csv(const std::string& csv) {
  std::vector<Row> rows;
  Row row;
  std::string field;
  bool quoted = false, was_quoted = false;
  for (std::size_t i = 0; i < csv.size(); ++i) {
    const char c = csv[i];
    if (quoted) {
      if (c == '"' && i + 1 < csv.size() && csv[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
        REQUIRE((i + 1 == csv.size() || csv[i + 1] == ',' || csv[i + 1] == '\r'));
      } else {
        field += c;
      }
    } else if (c == '"') {
      REQUIRE(field.empty());
      REQUIRE(!was_quoted);
      quoted = was_quoted = true;
    } else if (c == ',') {
      row.push_back(field);
      field.clear();
      was_quoted = false;
    } else if (c == '\r') {
      REQUIRE(i + 1 < csv.size());
      REQUIRE(csv[i + 1] == '\n');
      ++i;
      row.push_back(field);
      rows.push_back(row);
      row.clear();
      field.clear();
      was_quoted = false;
    } else {
      REQUIRE(c != '\n');
      field += c;
    }
  }
  REQUIRE(!quoted);
  REQUIRE(row.empty());
  REQUIRE(field.empty());
  return rows;
}

std::string seed_text(const std::string& seed) {
  for (const auto& entry : std::filesystem::directory_iterator(GREFFE_SEEDS))
    if (entry.path().filename().string().rfind(seed + "_", 0) == 0)
      return greffe::test::read_file(entry.path());
  return "";
}

bool matches(const std::string& value, const char* pattern) {
  return std::regex_match(value, std::regex(pattern));
}

// @ctes classes: 1.1–1.7, 2.1–2.3, 3.1–3.6, 4.1–4.5, 5.1–5.8, 6.1–6.5, 7.1–7.10, 8.1–8.9, 9.1–9.4.
bool is_actes_class(const std::string& code) {
  if (!matches(code, "^\\d\\.\\d{1,2}$")) return false;
  const int level1 = code[0] - '0', level2 = std::stoi(code.substr(2));
  const int last[] = {0, 7, 3, 6, 5, 8, 5, 10, 9, 4};
  return level1 >= 1 && level1 <= 9 && level2 >= 1 && level2 <= last[level1];
}

}  // namespace

TEST_CASE("scdl: deliberations.csv of the seeds meets the schema's constraints") {
  ScdlOptions options;
  options.collectivity_name = "Métropole d'Aix-Marseille-Provence";
  options.collectivity_siret = "20005478100022";  // test configuration value
  std::vector<greffe::Deliberation> parsed;
  for (const char* seed : {"000", "001", "002", "004"}) {
    greffe::Legality legality;
    if (std::string(seed) == "000") legality.received_on = "2021-03-10";
    parsed.push_back(greffe::parse::run({}, seed_text(seed), legality));
  }
  const std::string csv = greffe::parse::scdl_csv(parsed, options);
  const auto rows = read_csv(csv);
  REQUIRE(rows.size() == 4);  // header + 000, 001, 004; the note de synthèse (002) is no deliberation
  CHECK(rows[0] == greffe::parse::scdl_columns());
  CHECK(csv.rfind("COLL_NOM,COLL_SIRET,DELIB_ID,DELIB_DATE,DELIB_MATIERE_CODE,DELIB_MATIERE_NOM,DELIB_OBJET,"
                  "BUDGET_ANNEE,BUDGET_NOM,PREF_ID,PREF_DATE,VOTE_EFFECTIF,VOTE_REEL,VOTE_POUR,VOTE_CONTRE,"
                  "VOTE_ABSTENTION,DELIB_URL\r\n",
                  0) == 0);

  for (std::size_t r = 1; r < rows.size(); ++r) {
    const Row& row = rows[r];
    INFO("row " << r << ": " << row[2]);
    REQUIRE(row.size() == 17);
    CHECK(matches(row[1], "^\\d{14}$"));
    for (std::size_t c : {3u, 10u})
      if (!row[c].empty()) CHECK(matches(row[c], "^\\d{4}-\\d{2}-\\d{2}$"));
    if (!row[4].empty()) {
      CHECK(is_actes_class(row[4]));
      CHECK(matches(row[5], "^[^,()A-Z]+/[^,()A-Z]+$"));  // lower case, no comma or parenthesis
    }
    if (!row[7].empty()) CHECK(matches(row[7], "^[0-9]{4}(/[0-9]{4})?$"));
    if (!row[9].empty()) CHECK(matches(row[9], "^(PREF\\d{3}|SPREF\\d{3}\\d|SGAR\\d{3})$"));
    for (std::size_t c : {11u, 12u, 13u, 14u, 15u})
      if (!row[c].empty()) CHECK(matches(row[c], "^\\d+$"));
    if (!row[16].empty()) CHECK(matches(row[16], "^[a-z][a-z0-9+.-]*:\\S+$"));
  }
  // Required cells: every one filled, except where the act does not give it, which is reported.
  CHECK(greffe::parse::missing_required(rows[1]).empty());
  CHECK(greffe::parse::missing_required(rows[3]).empty());
  CHECK(greffe::parse::missing_required(rows[2]) ==
        std::vector<std::string>{"DELIB_DATE"});  // 001: no header

  CHECK(rows[1][2] == "IVIS 011-9466/21/BM");
  CHECK(rows[1][3] == "2021-02-18");
  CHECK(rows[1][4] == "7.5");
  CHECK(rows[1][5] == "finances locales/subventions");
  CHECK(rows[1][6].find("\"La Plateforme_Marseille\"") != std::string::npos);  // quotes survive quoting
  CHECK(rows[1][7] == "2021");
  CHECK(rows[1][10] == "2021-03-10");
  CHECK(rows[3][2] == "CHL 012-9751/21/BM");
}

TEST_CASE("scdl: RFC 4180 fields") {
  using greffe::parse::csv_field;
  CHECK(csv_field("plain text") == "plain text");
  CHECK(csv_field("a, b") == "\"a, b\"");
  CHECK(csv_field("dit \"X\"") == "\"dit \"\"X\"\"\"");
  CHECK(csv_field("two\nlines") == "\"two\nlines\"");
  CHECK(csv_field("") == "");
}

TEST_CASE("scdl: matter code from stated keyword rules, empty when unsure") {
  greffe::Deliberation d;
  CHECK(!greffe::parse::classify_matter(d));  // no title
  d.title = "Attribution d'une subvention à l'association X";
  REQUIRE(greffe::parse::classify_matter(d));
  CHECK(greffe::parse::classify_matter(d)->code == "7.5");
  d.title = "Garantie d'emprunt accordée à l'office HLM";
  CHECK(greffe::parse::classify_matter(d)->code == "7.3");
  d.title = "Attribution du marché de nettoyage et subvention au prestataire";  // two classes
  CHECK(!greffe::parse::classify_matter(d));
  d.title = "Dénomination d'une rue";  // no rule
  CHECK(!greffe::parse::classify_matter(d));
  const auto row = greffe::parse::scdl_row(d, {"Commune de X", "21130055300016"});
  CHECK(row[4].empty());
  CHECK(row[5].empty());
  CHECK(greffe::parse::missing_required(row) ==
        std::vector<std::string>{"DELIB_ID", "DELIB_DATE", "DELIB_MATIERE_CODE", "DELIB_MATIERE_NOM"});
}

TEST_CASE("scdl: the SIREN of the @ctes act id, for a missing or a mismatched SIRET") {
  using greffe::parse::siren_from_act_id;
  CHECK(siren_from_act_id("013-211300850-20231212-DEL2023087-DE") == std::optional<std::string>("211300850"));
  CHECK(siren_from_act_id("013-200054807-20210218-1_2019_042-DE") == std::optional<std::string>("200054807"));
  CHECK_FALSE(siren_from_act_id("013-21130085-20231212-DEL2023087-DE"));  // eight digits: damaged
  CHECK_FALSE(siren_from_act_id("IVIS 011-9466/21/BM"));

  greffe::Deliberation d;
  d.kind = greffe::DeliberationKind::Deliberation;
  d.number = "2023-087";
  d.legality.act_id = "013-211300850-20231212-DEL2023087-DE";
  auto mentions = [](const std::vector<std::string>& warnings, const std::string& part) {
    for (const std::string& w : warnings)
      if (w.find(part) != std::string::npos) return true;
    return false;
  };
  const auto unset = greffe::parse::scdl_warnings(d, ScdlOptions{});
  CHECK(mentions(unset, "no value for COLL_SIRET (the @ctes act id gives the SIREN 211300850"));
  CHECK(mentions(unset, "no value for DELIB_DATE"));
  CHECK(mentions(greffe::parse::scdl_warnings(d, ScdlOptions{"Ville", "20005480700017"}),
                 "the SIRET 20005480700017 is not of the SIREN the @ctes act id gives (211300850)"));
  CHECK_FALSE(mentions(greffe::parse::scdl_warnings(d, ScdlOptions{"Ville", "21130085000011"}), "SIREN"));
}
