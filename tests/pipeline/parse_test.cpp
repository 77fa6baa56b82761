// The parser on the seed texts against approved golden files (tests/pipeline/golden, reviewed
// field by field; scripts/approve regenerates them), and `greffe parse` on the command line.
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>

#include "models/deliberation.h"
#include "pipeline/parse/parse.h"
#include "tests/fixtures.h"

namespace {

using greffe::test::read_file;

std::filesystem::path seed_text(const std::string& seed) {
  for (const auto& entry : std::filesystem::directory_iterator(GREFFE_SEEDS))
    if (entry.path().filename().string().rfind(seed + "_", 0) == 0 && entry.path().extension() == ".txt")
      return entry.path();
  return {};
}

std::filesystem::path approved(const std::string& seed) {
  return std::filesystem::path(GREFFE_GOLDEN) / (seed + ".approved.json");
}

std::string run_command(const std::string& command) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return out;
  char buffer[4096];
  std::size_t n = 0;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
  pclose(pipe);
  return out;
}

}  // namespace

TEST_CASE("parse: seeds match their approved golden files, field by field") {
  const std::string seed = GENERATE(as<std::string>{}, "000", "001", "002", "004");
  INFO("seed " << seed << " (scripts/approve regenerates, git diff shows the change)");
  const auto text_path = seed_text(seed);
  REQUIRE(!text_path.empty());
  REQUIRE(std::filesystem::exists(approved(seed)));

  const greffe::Deliberation parsed = greffe::parse::run({}, read_file(text_path), greffe::Legality{});
  const auto actual = greffe::deliberation_json(parsed);
  const auto expected = nlohmann::ordered_json::parse(read_file(approved(seed)));

  // One check per key, so a failure names the field that changed.
  REQUIRE(expected.size() == actual.size());
  for (const auto& [key, value] : expected.items()) {
    INFO("field " << key);
    REQUIRE(actual.contains(key));
    CHECK(actual[key].dump(1) == value.dump(1));
  }
  // And byte for byte, as `greffe parse` prints it.
  CHECK(greffe::deliberation_json_text(parsed) == read_file(approved(seed)));
}

TEST_CASE("parse: greffe parse prints the deliberation JSON of a file or of stdin") {
  const auto text_path = seed_text("004");
  const std::string expected = read_file(approved("004"));
  SECTION("file") {
    CHECK(run_command(std::string(GREFFE_BINARY) + " parse '" + text_path.string() + "'") == expected);
  }
  SECTION("stdin with -") {
    CHECK(run_command(std::string(GREFFE_BINARY) + " parse - < '" + text_path.string() + "'") == expected);
  }
  SECTION("stdin without a file") {
    CHECK(run_command(std::string(GREFFE_BINARY) + " parse < '" + text_path.string() + "'") == expected);
  }
  SECTION("an unreadable file is exit code 2 with one line on stderr") {
    const std::string out =
        run_command(std::string(GREFFE_BINARY) + " parse /nonexistent/x.txt 2>&1; echo \"rc=$?\"");
    CHECK(out == "greffe: /nonexistent/x.txt: cannot read\nrc=2\n");
  }
}

TEST_CASE("parse: the legality record is carried as given, completed from the stamps left in the text") {
  const std::string text = read_file(seed_text("000"));
  SECTION("stamps in the text fill what the record lacks (a text given to greffe parse)") {
    const auto d = greffe::parse::run({}, text, greffe::Legality{});
    CHECK(d.legality.signed_on == "2021-02-18");
    CHECK(d.legality.received_on == "2021-03-10");
    CHECK(!d.legality.act_id);
  }
  SECTION("cleanup's record goes through unchanged") {
    greffe::Legality legality;
    legality.signed_on = "2021-02-18";
    legality.received_on = "2021-03-10";
    legality.act_id = "013-200054781-20210218-IVIS011-DE";
    const auto d = greffe::parse::run({}, text, legality);
    const auto json = greffe::deliberation_json(d);
    CHECK(json["legality"]["signed_on"] == "2021-02-18");
    CHECK(json["legality"]["received_on"] == "2021-03-10");
    CHECK(json["legality"]["act_id"] == "013-200054781-20210218-IVIS011-DE");
    CHECK(json["legality"]["transmitted_on"].is_null());
  }
}

TEST_CASE("parse: deliberation.json keys, order and null rules") {
  const auto json = greffe::deliberation_json(greffe::Deliberation{});
  std::vector<std::string> keys;
  for (const auto& [key, value] : json.items()) keys.push_back(key);
  CHECK(keys == std::vector<std::string>{"kind",         "authority",    "body",     "session",
                                         "present",      "represented",  "excused",  "number",
                                         "title",        "internal_ref", "report",   "visas",
                                         "considerants", "articles",     "vote",     "amounts",
                                         "budget",       "signatory",    "legality", "warnings"});
  CHECK(json["kind"] == "other");
  CHECK(json["authority"].is_null());
  CHECK(json["session"]["date"].is_null());
  CHECK(json["present"] == nlohmann::ordered_json::array());
  CHECK(json["vote"]["for"].is_null());
  CHECK(json["budget"]["sub_policy"].is_null());

  greffe::Deliberation d;
  d.amounts.push_back({90000, "EUR", "x"});
  d.amounts.push_back({1250.5, "EUR", "y"});
  const auto with_amounts = greffe::deliberation_json(d);
  CHECK(with_amounts["amounts"][0]["value"].dump() == "90000");  // whole sums are integers
  CHECK(with_amounts["amounts"][1]["value"].dump() == "1250.5");

  // OCR may leave bytes that are not UTF-8: printed as U+FFFD, not an exception.
  greffe::Deliberation broken;
  broken.title = std::string("Attribution d'une subvention \xC3 \xA9");
  std::string text;
  REQUIRE_NOTHROW(text = greffe::deliberation_json_text(broken));
  CHECK(text.find("subvention \xEF\xBF\xBD \xEF\xBF\xBD") != std::string::npos);
}
