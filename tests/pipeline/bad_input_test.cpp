// The bad-input corpus (fixtures/bad/, its README gives each file's answer) through the greffe
// binary as users run it: each bad file next to a good one in the same run gets its exit code
// and one error line naming it, and the good one its outputs; a batch over the whole corpus
// records every file; text commands refuse what is not text and survive very long lines.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <chrono>
#include <map>

#include "tests/fixtures.h"

using namespace greffe;
using test::lines_of;
using test::Outcome;
using test::run_greffe;

namespace {

// What greffe answers a file of the corpus: its exit code and its error line after
// "greffe: <file>: " (empty: no error, the document is read).
struct Answer {
  const char* file;
  int exit_code;
  const char* error;
};

const char* const over_limit = "page 1: page of 100000 x 100000 pixels is over the limit of 250000000 pixels";

const Answer corpus[] = {
    {"empty.pdf", 2, "empty file"},
    {"wrong-magic.pdf", 2, "not a PDF, TIFF, PNG or JPEG file"},
    {"truncated.pdf", 2, "not a readable PDF (corrupt or truncated)"},
    {"zero-pages.pdf", 2, "PDF has no pages"},
    {"encrypted.pdf", 8, "encrypted PDF: it needs a password to open"},
    {"broken-xref.pdf", 0, ""},  // poppler rebuilds the xref: the page is read from its text layer
    {"huge-page.pdf", 6, over_limit},
    {"bomb.tif", 6, over_limit},
    {"bomb.png", 6, over_limit},
    {"corrupt-page.tif", 2, "page 2: cannot decode the image (corrupt or truncated)"},
    {"one-pixel.png", 0, ""},
    {"corrupt.png", 2,
     "page 1: cannot decode the image (corrupt or truncated): libpng: IDAT: incorrect data check"},
    {"truncated.jpg", 2,
     "page 1: cannot decode the image (corrupt or truncated): libjpeg: Premature end of JPEG file"},
};

// The good input of every run: a born-digital page, read from its text layer.
const char* const good = "fuzz/load-seeds/text.pdf";

const char* const outputs[] = {"raw.txt", "text.txt", "cleanup.jsonl", "deliberation.json", "report.json"};

}  // namespace

// No ';' in test names: catch_discover_tests splits names at it, and ctest then runs a filter
// that matches nothing, which passes.
TEST_CASE("each bad input gets its exit code and one error line, and the good input beside it is done",
          "[bad]") {
  const Answer answer = GENERATE(from_range(std::begin(corpus), std::end(corpus)));
  const auto folder = test::temporary_folder(std::string("bad-") + answer.file);
  const auto bad = test::fixture(std::string("bad/") + answer.file);
  const auto out = folder / "out";

  const auto start = std::chrono::steady_clock::now();
  const Outcome outcome = run_greffe(
      "run -q --jobs 2 " + bad.string() + " " + test::fixture(good).string() + " -o " + out.string(), folder);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  INFO(answer.file << ": " << outcome.err);
  CHECK(outcome.exit_code == answer.exit_code);
  if (*answer.error) {
    // Exactly the one line: nothing else on stderr, not even a library's own message or a blank line.
    CHECK(outcome.err == "greffe: " + bad.string() + ": " + answer.error + "\n");
  } else {
    CHECK(outcome.err.empty());
  }
  CHECK(seconds < 60);  // refused before decoding, not after minutes of it

  for (const char* file : outputs) CHECK(std::filesystem::exists(out / "text" / file));
  CHECK(test::read_file(out / "text" / "text.txt").find("convention de partenariat") != std::string::npos);
  CHECK(std::filesystem::exists(out / "deliberations.csv"));
  // A file refused as a whole leaves no folder; a file read, or with a page refused, has all its
  // outputs (the page's error is in report.json's warnings).
  const auto own = out / std::filesystem::path(answer.file).stem();
  const bool page_error = std::string(answer.error).rfind("page ", 0) == 0;
  if (answer.exit_code != 0 && !page_error) {
    CHECK_FALSE(std::filesystem::exists(own));
  } else {
    for (const char* file : outputs) CHECK(std::filesystem::exists(own / file));
  }
  if (page_error)
    CHECK(test::read_file(own / "report.json").find(std::string(answer.error).substr(0, 7)) !=
          std::string::npos);
}

TEST_CASE("the broken-xref PDF is repaired and its text read, and the lost TIFF page is reported", "[bad]") {
  const auto folder = test::temporary_folder("bad-recovered");
  const auto out = folder / "out";
  const Outcome outcome =
      run_greffe("run -q " + test::fixture("bad/broken-xref.pdf").string() + " " +
                     test::fixture("bad/corrupt-page.tif").string() + " -o " + out.string(),
                 folder);
  CHECK(outcome.exit_code == 2);
  CHECK(test::read_file(out / "broken-xref/text.txt").find("convention de partenariat") != std::string::npos);
  const auto report = nlohmann::json::parse(test::read_file(out / "corrupt-page/report.json"));
  REQUIRE(report["pages"].size() == 3);
  CHECK(report["warnings"].dump().find("page 2: cannot decode the image") != std::string::npos);
  const std::string text = test::read_file(out / "corrupt-page/text.txt");
  CHECK(std::count(text.begin(), text.end(), '\f') == 2);  // pages 1 and 3 keep their places
}

TEST_CASE("a batch over the whole corpus records every file with its error kind, and ends with exit 4",
          "[bad][batch]") {
  const auto folder = test::temporary_folder("bad-batch");
  const auto archive = folder / "archive";
  std::filesystem::copy(test::fixture("bad"), archive);
  std::filesystem::copy_file(test::fixture("orientation-180.png"), archive / "good-scan.png");
  const auto out = folder / "out";

  const Outcome outcome = run_greffe("batch -q --jobs 2 " + archive.string() + " -o " + out.string(), folder);
  INFO(outcome.err);
  CHECK(outcome.exit_code == 4);

  const auto dump = folder / "rows.json";
  REQUIRE(std::system(("sqlite3 -json " + (out / "catalog.sqlite").string() +
                       " 'SELECT path, status, error_kind, error_message FROM documents' > " + dump.string())
                          .c_str()) == 0);
  std::map<std::string, nlohmann::json> rows;
  for (const auto& row : nlohmann::json::parse(test::read_file(dump)))
    rows[row["path"].get<std::string>()] = row;

  const std::map<int, std::string> kind = {{2, "unreadable"}, {6, "limit"}, {8, "encrypted"}};
  REQUIRE(rows.size() == std::size(corpus) + 1);  // the text files are not batch inputs
  CHECK(rows.at("good-scan.png")["status"] == "done");
  int failed = 0;
  for (const Answer& answer : corpus) {
    INFO(answer.file);
    const auto& row = rows.at(answer.file);
    if (answer.exit_code == 0) {
      CHECK(row["status"] == "done");
      continue;
    }
    ++failed;
    CHECK(row["status"] == "failed");
    CHECK(row["error_kind"] == kind.at(answer.exit_code));
    CHECK(row["error_message"].get<std::string>().find(answer.error) != std::string::npos);
  }
  // One line per failed file on stderr, and nothing else.
  const auto lines = lines_of(outcome.err);
  CHECK(lines.size() == static_cast<std::size_t>(failed));
  CHECK(std::count(outcome.err.begin(), outcome.err.end(), '\n') == failed);
  for (const std::string& line : lines) CHECK(line.rfind("greffe: ", 0) == 0);
  for (const char* file : outputs) CHECK(std::filesystem::exists(out / "good-scan" / file));
}

TEST_CASE(
    "text commands refuse what is not UTF-8 text, in one line, and read very long lines in bounded time",
    "[bad][text]") {
  const auto folder = test::temporary_folder("bad-text");
  for (const char* command : {"clean", "parse"}) {
    INFO(command);
    SECTION(std::string(command) + ": Latin-1") {
      const auto file = test::fixture("bad/latin1.txt");
      const Outcome outcome = run_greffe(std::string(command) + " " + file.string(), folder);
      CHECK(outcome.exit_code == 2);
      CHECK(outcome.out.empty());
      CHECK(outcome.err == "greffe: " + file.string() +
                               ": not UTF-8 text: byte 0xE8 at offset 25 (Latin-1? convert it with: iconv -f "
                               "latin1 -t utf-8)\n");
    }
    SECTION(std::string(command) + ": NUL bytes, on stdin") {
      const auto file = test::fixture("bad/nul-bytes.txt");
      const Outcome outcome = run_greffe(std::string(command) + " - < " + file.string(), folder);
      CHECK(outcome.exit_code == 2);
      CHECK(outcome.err == "greffe: -: not a text file: NUL byte at offset 242 (binary, or UTF-16?)\n");
    }
    SECTION(std::string(command) + ": a 10 MB line without a newline") {
      // Made here, not kept in fixtures/: words of an act, repeated, with no line break.
      std::string line;
      const std::string words = "le conseil municipal décide d'approuver la convention 12 345,67 € ";
      while (line.size() < 10'000'000) line += words;
      test::write_bytes(folder / "long-line.txt", line);
      const auto start = std::chrono::steady_clock::now();
      const Outcome outcome =
          run_greffe(std::string(command) + " " + (folder / "long-line.txt").string(), folder);
      const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      INFO(outcome.err);
      CHECK(outcome.exit_code == 0);
      CHECK(lines_of(outcome.err).empty());
      CHECK(seconds < 60);
      if (std::string(command) == "parse") {
        const auto json = nlohmann::json::parse(outcome.out);
        CHECK(json["report"].get<std::string>().size() > 9'000'000);  // read, not dropped
      } else {
        CHECK(outcome.out.size() > 9'000'000);
      }
    }
  }
}
