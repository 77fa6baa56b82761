// `greffe batch` and `greffe merge` end to end: failure isolation, kill -9 and resume, shards and
// their merge, born-digital pages read from their text layer. The binary runs as users run it.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fcntl.h>
#include <chrono>
#include <set>
#include <thread>

#include "pipeline/accuracy.h"
#include "pipeline/batch/catalog.h"
#include "tests/fixtures.h"
#include "tests/pdf_maker.h"

using namespace greffe;
using test::run_greffe;
using test::write_bytes;

namespace {

// Pages of a fixture's act text, for born-digital PDFs.
std::vector<std::string> act_pages(const std::string& fixture) {
  std::vector<std::string> pages;
  std::istringstream in(test::read_file(test::fixture(fixture + ".clean.gt.txt")));
  for (std::string page; std::getline(in, page, '\f');) pages.push_back(page);
  return pages;
}

struct Row {
  std::string status, error_kind, number, title, received_on, scdl_row, output;
  int attempts = 0, ocr_pages = 0, text_layer_pages = 0;
  std::string finished_at;
};

// The catalog's rows by path, read with SQLite through the shell tool users have.
std::map<std::string, Row> catalog_rows(const std::filesystem::path& out) {
  const auto dump = out / "rows.json";
  const std::string command = "sqlite3 -json " + (out / "catalog.sqlite").string() +
                              " 'SELECT * FROM documents ORDER BY path' > " + dump.string();
  REQUIRE(std::system(command.c_str()) == 0);
  std::map<std::string, Row> rows;
  const std::string text = test::read_file(dump);
  std::filesystem::remove(dump);
  if (text.find('[') == std::string::npos) return rows;
  for (const auto& r : nlohmann::json::parse(text)) {
    auto get = [&](const char* key) {
      return r[key].is_string() ? r[key].get<std::string>() : std::string();
    };
    Row row;
    row.status = get("status");
    row.error_kind = get("error_kind");
    row.number = get("number");
    row.title = get("title");
    row.received_on = get("received_on");
    row.scdl_row = get("scdl_row");
    row.output = get("output");
    row.attempts = r["attempts"].get<int>();
    row.ocr_pages = r["ocr_pages"].is_number() ? r["ocr_pages"].get<int>() : 0;
    row.text_layer_pages = r["text_layer_pages"].is_number() ? r["text_layer_pages"].get<int>() : 0;
    row.finished_at = get("finished_at");
    rows[r["path"].get<std::string>()] = row;
  }
  return rows;
}

// Every file under `folder` that a killed writer could have left half-written.
std::vector<std::string> temporary_files(const std::filesystem::path& folder) {
  std::vector<std::string> found;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(folder))
    if (entry.path().filename().string().find(".tmp-") != std::string::npos)
      found.push_back(entry.path().string());
  return found;
}

// A born-digital archive: six act PDFs in nested folders and one file that is not a PDF.
void make_text_archive(const std::filesystem::path& archive) {
  std::filesystem::create_directories(archive / "2021" / "fevrier");
  std::filesystem::create_directories(archive / "2023");
  const auto a000 = act_pages("000-scan-300dpi");
  const auto a004 = act_pages("004-scan-200dpi");
  write_bytes(archive / "2021" / "fevrier" / "del-000.pdf", test::text_pdf(a000));
  write_bytes(archive / "2021" / "fevrier" / "del-000-p1.pdf", test::text_pdf({a000[0]}));
  write_bytes(archive / "2021" / "note-002.pdf", test::text_pdf(act_pages("002-faded-150dpi")));
  write_bytes(archive / "2023" / "del-004.pdf", test::text_pdf(a004));
  write_bytes(archive / "2023" / "del-004-p12.pdf", test::text_pdf({a004[0], a004[1]}));
  write_bytes(archive / "2023" / "del-001.pdf", test::text_pdf(act_pages("001-g4-200dpi")));
  write_bytes(archive / "2023" / "readme.pdf", "this is not a PDF\n");
}

}  // namespace

TEST_CASE("a born-digital page is read from its text layer, not recognised", "[batch][text_layer]") {
  const auto folder = test::temporary_folder("text-layer");
  write_bytes(folder / "act.pdf", test::text_pdf(act_pages("002-faded-150dpi")));

  SECTION("--ocr auto (the default) reads the layer") {
    const auto outcome =
        run_greffe("run -q " + (folder / "act.pdf").string() + " -o " + (folder / "out").string(), folder);
    REQUIRE(outcome.exit_code == 0);
    const auto report = nlohmann::json::parse(test::read_file(folder / "out" / "act" / "report.json"));
    CHECK(report["pages"][0]["source"] == "text layer");
    const auto score = accuracy::measure(test::read_file(folder / "out" / "act" / "text.txt"),
                                         test::read_file(test::fixture("002-faded-150dpi.clean.gt.txt")));
    CHECK(score.cer() < 0.01);
  }
  SECTION("--ocr always recognises it") {
    const auto outcome = run_greffe(
        "run -q --ocr always " + (folder / "act.pdf").string() + " -o " + (folder / "out2").string(), folder);
    REQUIRE(outcome.exit_code == 0);
    const auto report = nlohmann::json::parse(test::read_file(folder / "out2" / "act" / "report.json"));
    CHECK(report["pages"][0]["source"] == "ocr");
  }
}

TEST_CASE("a batch records bad files and goes on", "[batch]") {
  const auto folder = test::temporary_folder("batch-failures");
  const auto archive = folder / "archive";
  std::filesystem::create_directories(archive / "scans");
  std::filesystem::copy_file(test::fixture("orientation-180.png"), archive / "scans" / "page.png");
  write_bytes(archive / "born-digital.pdf", test::text_pdf(act_pages("002-faded-150dpi")));
  write_bytes(archive / "empty.pdf", "");
  write_bytes(archive / "truncated.pdf",
              test::read_file(test::fixture("000-scan-300dpi.pdf")).substr(0, 4000));
  write_bytes(archive / "locked.pdf", test::encrypted_pdf());
  write_bytes(archive / "notes.tif", "minutes of the meeting, typed\n");
  const auto out = folder / "out";

  const auto outcome = run_greffe("batch --jobs 2 " + archive.string() + " -o " + out.string(), folder);
  INFO(outcome.err);
  CHECK(outcome.exit_code == 4);
  const auto rows = catalog_rows(out);
  REQUIRE(rows.size() == 6);
  CHECK(rows.at("scans/page.png").status == "done");
  CHECK(rows.at("scans/page.png").ocr_pages == 1);
  CHECK(rows.at("born-digital.pdf").status == "done");
  CHECK(rows.at("born-digital.pdf").text_layer_pages == 1);
  CHECK(rows.at("empty.pdf").error_kind == "unreadable");
  CHECK(rows.at("truncated.pdf").error_kind == "unreadable");
  CHECK(rows.at("locked.pdf").error_kind == "encrypted");
  CHECK(rows.at("notes.tif").error_kind == "unreadable");
  // The good documents' files are all there; one error line per bad file.
  for (const auto* stem : {"scans/page", "born-digital"})
    for (const auto* file : {"raw.txt", "text.txt", "cleanup.jsonl", "deliberation.json", "report.json"})
      CHECK(std::filesystem::exists(out / stem / file));
  int error_lines = 0;
  std::istringstream err(outcome.err);
  for (std::string line; std::getline(err, line);)
    if (line.rfind("greffe: " + archive.string(), 0) == 0) ++error_lines;
  CHECK(error_lines == 4);
  const auto summary = nlohmann::json::parse(test::read_file(out / "summary.json"));
  CHECK(summary["documents"]["failed"] == 4);
  CHECK(summary["documents"]["done"] == 2);
  CHECK(summary["failures"].size() == 4);

  SECTION("run again: nothing is redone, the answer is the same") {
    const auto again = run_greffe("batch " + archive.string() + " -o " + out.string(), folder);
    CHECK(again.exit_code == 4);
    const auto rows_again = catalog_rows(out);
    for (const auto& [path, row] : rows_again) {
      CHECK(row.attempts == 1);
      CHECK(row.finished_at == rows.at(path).finished_at);
    }
  }
  SECTION("a file that changed is done again") {
    write_bytes(archive / "empty.pdf", test::text_pdf(act_pages("002-faded-150dpi")));
    const auto again = run_greffe("batch -q " + archive.string() + " -o " + out.string(), folder);
    CHECK(again.exit_code == 4);
    CHECK(catalog_rows(out).at("empty.pdf").status == "done");
  }
}

TEST_CASE("every document of a batch has an output folder of its own", "[batch]") {
  const auto folder = test::temporary_folder("batch-stems");
  const auto archive = folder / "archive";
  std::filesystem::create_directories(archive / "2021");
  const std::string act = test::text_pdf(act_pages("002-faded-150dpi"));
  for (const auto* name : {"2021.pdf", "2021/a.pdf", "2021/a.tif", "2021/b.pdf"})
    write_bytes(archive / name, act);
  // The output inside the archive: its files are not taken for documents on the next run.
  const auto out = archive / "greffe-out";
  REQUIRE(run_greffe("batch -q " + archive.string() + " -o " + out.string(), folder).exit_code ==
          0);  // formats by content: a.tif is a PDF
  const auto rows = catalog_rows(out);
  REQUIRE(rows.size() == 4);
  CHECK(rows.at("2021.pdf").output == "2021_pdf");
  CHECK(rows.at("2021/a.pdf").output == "2021/a_pdf");
  CHECK(rows.at("2021/a.tif").output == "2021/a_tif");
  CHECK(rows.at("2021/b.pdf").output == "2021/b");
  write_bytes(archive / "2021.pdf", test::text_pdf(act_pages("000-scan-300dpi")));  // changed: done again
  REQUIRE(run_greffe("batch -q " + archive.string() + " -o " + out.string(), folder).exit_code == 0);
  CHECK(catalog_rows(out).size() == 4);
  CHECK(std::filesystem::exists(out / "2021" / "b" / "text.txt"));  // not removed with 2021.pdf's folder
}

TEST_CASE("a batch killed with SIGKILL and run again does every document once", "[batch]") {
  const auto folder = test::temporary_folder("batch-kill");
  const auto archive = folder / "archive";
  std::filesystem::create_directories(archive);
  // Five real scans, one page each: the engine works on every one of them.
  int n = 0;
  for (const auto* name : {"orientation-180.png", "002-faded-150dpi.png", "orientation-90.png",
                           "000-p1-severe-150dpi.jpg", "orientation-180.png"})
    std::filesystem::copy_file(
        test::fixture(name),
        archive / ("scan-" + std::to_string(++n) + std::filesystem::path(name).extension().string()));
  const auto out = folder / "out";

  const pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    const int null = open("/dev/null", O_WRONLY);
    dup2(null, STDERR_FILENO);
    execl(GREFFE_BINARY, GREFFE_BINARY, "batch", "--jobs", "1", archive.c_str(), "-o", out.c_str(), nullptr);
    _exit(127);
  }
  // Kill it once a first document is recorded and before the last.
  int done_at_kill = 0;
  for (int wait = 0; wait < 1200 && done_at_kill == 0; ++wait) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    if (!std::filesystem::exists(out / "catalog.sqlite")) continue;
    auto catalog = batch::Catalog::open(out / "catalog.sqlite");
    if (catalog) done_at_kill = catalog.value()->counts().done;
  }
  kill(child, SIGKILL);
  int status = 0;
  waitpid(child, &status, 0);
  REQUIRE(WIFSIGNALED(status));
  REQUIRE(done_at_kill >= 1);
  const auto before = catalog_rows(out);
  int unfinished = 0;
  for (const auto& [path, row] : before) unfinished += row.status != "done";
  REQUIRE((before.size() < 5 || unfinished > 0));  // the kill really cut the run

  const auto resumed = run_greffe("batch -q --jobs 2 " + archive.string() + " -o " + out.string(), folder);
  INFO(resumed.err);
  CHECK(resumed.exit_code == 0);
  const auto after = catalog_rows(out);
  REQUIRE(after.size() == 5);
  for (const auto& [path, row] : after) {
    CHECK(row.status == "done");
    // Finished before the kill: kept, not done a second time.
    if (before.count(path) && before.at(path).status == "done") {
      CHECK(row.attempts == 1);
      CHECK(row.finished_at == before.at(path).finished_at);
    }
    for (const auto* file : {"deliberation.json", "report.json"})
      CHECK_FALSE(
          nlohmann::json::parse(test::read_file(out / row.output / file), nullptr, false).is_discarded());
  }
  CHECK(temporary_files(out).empty());
  const auto summary = nlohmann::json::parse(test::read_file(out / "summary.json"));
  CHECK(summary["documents"]["done"] == 5);
  CHECK(summary["run"]["complete"] == true);
}

TEST_CASE("shards run as separate processes cover the archive once, and their merge equals one run",
          "[batch][shard]") {
  const auto folder = test::temporary_folder("batch-shards");
  const auto archive = folder / "archive";
  make_text_archive(archive);
  const std::string common = " --collectivity \"Métropole Aix-Marseille-Provence\" --siret 20005479700016 ";

  const auto whole =
      run_greffe("batch -q" + common + archive.string() + " -o " + (folder / "whole").string(), folder);
  REQUIRE(whole.exit_code == 4);  // readme.pdf is not a PDF

  std::multiset<std::string> seen;
  std::string shard_folders;
  for (int k = 0; k < 3; ++k) {
    const auto out = folder / ("shard-" + std::to_string(k));
    const auto outcome = run_greffe(
        "batch -q --shard " + std::to_string(k) + "/3" + common + archive.string() + " -o " + out.string(),
        folder);
    INFO(outcome.err);
    CHECK((outcome.exit_code == 0 || outcome.exit_code == 4));
    for (const auto& [path, row] : catalog_rows(out)) seen.insert(path);
    shard_folders += " " + out.string();
  }
  const auto single = catalog_rows(folder / "whole");
  REQUIRE(single.size() == 7);
  CHECK(seen.size() == single.size());  // every document in one shard, none twice
  for (const auto& [path, row] : single) CHECK(seen.count(path) == 1);

  SECTION("the merge equals the single-machine run") {
    const auto merged_out = folder / "merged";
    const auto merged = run_greffe("merge" + shard_folders + " -o " + merged_out.string(), folder);
    INFO(merged.err);
    CHECK(merged.exit_code == 4);
    const auto rows = catalog_rows(merged_out);
    REQUIRE(rows.size() == single.size());
    for (const auto& [path, row] : single) {
      const Row& m = rows.at(path);
      CHECK(m.status == row.status);
      CHECK(m.number == row.number);
      CHECK(m.title == row.title);
      CHECK(m.received_on == row.received_on);
      CHECK(m.scdl_row == row.scdl_row);
      if (row.status == "done") CHECK(std::filesystem::exists(merged_out / m.output / "deliberation.json"));
    }
    CHECK(test::read_file(merged_out / "deliberations.csv") ==
          test::read_file(folder / "whole" / "deliberations.csv"));
  }
  SECTION("a merge refuses a missing or an unfinished shard, and says which") {
    const auto missing =
        run_greffe("merge " + (folder / "shard-0").string() + " " + (folder / "shard-2").string() + " -o " +
                       (folder / "merged-missing").string(),
                   folder);
    CHECK(missing.exit_code == 1);
    CHECK(missing.err.find("1/3 missing") != std::string::npos);
    {
      auto catalog = batch::Catalog::open(folder / "shard-1" / "catalog.sqlite");
      REQUIRE(catalog);
      REQUIRE_FALSE(catalog.value()->set_meta("complete", "no"));
    }
    const auto unfinished =
        run_greffe("merge" + shard_folders + " -o " + (folder / "merged-unfinished").string(), folder);
    CHECK(unfinished.exit_code == 1);
    CHECK(unfinished.err.find("shard 1/3 is not complete") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(folder / "merged-unfinished" / "catalog.sqlite"));
  }
}
