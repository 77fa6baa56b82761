// End to end: the greffe binary on real fixture pages with the real engine, and on bad input.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <fstream>

#include "pipeline/accuracy.h"
#include "tests/fixtures.h"
#include "tests/pdf_maker.h"

using namespace greffe;
using test::lines_of;
using test::Outcome;
using test::run_greffe;
using test::write_bytes;

TEST_CASE("greffe run OCRs a skewed, faded page into raw.txt, text.txt and report.json") {
  const auto folder = test::temporary_folder("run-page");
  const auto out = folder / "out";
  const Outcome outcome = run_greffe(
      "run -q --jobs 2 " + test::fixture("002-faded-150dpi.png").string() + " -o " + out.string(), folder);
  INFO(outcome.err);
  REQUIRE(outcome.exit_code == 0);
  CHECK(outcome.err.empty());

  const auto document = out / "002-faded-150dpi";
  const std::string raw = test::read_file(document / "raw.txt");
  const std::string text = test::read_file(document / "text.txt");
  CHECK(text.find("Grande") != std::string::npos);
  CHECK(text.find("  ") == std::string::npos);  // whitespace normalised

  // Against ground truth: the page is readable, and stays so (the ceilings per fixture are in scripts/eval).
  const auto score = accuracy::measure(text, test::read_file(test::fixture("002-faded-150dpi.clean.gt.txt")));
  INFO("CER " << score.cer());
  CHECK(score.cer() < 0.10);

  const auto report = nlohmann::json::parse(test::read_file(document / "report.json"));
  REQUIRE(report["pages"].size() == 1);
  const auto& page = report["pages"][0];
  CHECK(page["source"] == "ocr");
  CHECK(page["dpi"] == 150);
  CHECK(page["ocr_dpi"] == 300);  // resampled: see preprocess::Options::min_dpi
  CHECK(std::abs(page["skew_degrees"].get<double>() - (-3.5)) < 0.2);
  CHECK(page["orientation_degrees"] == 0);
  CHECK(page["mean_confidence"].get<double>() > 50);
  CHECK(page["ocr_model"] == "fra default");  // which model read it (--model best asks for the best one)
  for (const char* stage : {"rasterize", "preprocess", "orientation", "ocr", "cleanup"})
    CHECK(page["timings_ms"][stage].get<double>() >= 0);
  CHECK(page["timings_ms"]["ocr"].get<double>() > 0);

  // Nothing half-written left behind.
  for (const auto& entry : std::filesystem::directory_iterator(document))
    CHECK(entry.path().filename().string().find(".tmp") == std::string::npos);
  CHECK_FALSE(raw.empty());

  // The @ctes receipt printed at the foot of the page is gone from the text, kept as the legality
  // record (fixtures/README.md gives its values), and every removal is in cleanup.jsonl.
  CHECK(text.find("télétransmission") == std::string::npos);
  CHECK(raw.find("télétransmission") != std::string::npos);
  CHECK(report["legality"]["transmitted_on"] == "2019-07-02");
  CHECK(report["legality"]["received_on"] == "2019-07-02");
  const std::string changes = test::read_file(document / "cleanup.jsonl");
  CHECK(changes.find("\"rule\":\"stamp\"") != std::string::npos);
}

TEST_CASE("a page upside down and one on its side are read upright, their turn reported") {
  const auto folder = test::temporary_folder("run-turned");
  const Outcome outcome =
      run_greffe("run -q --jobs 2 " + test::fixture("orientation-180.png").string() + " " +
                     test::fixture("orientation-90.png").string() + " -o " + (folder / "out").string(),
                 folder);
  INFO(outcome.err);
  REQUIRE(outcome.exit_code == 0);
  for (const auto& [name, degrees] :
       {std::pair<std::string, int>{"orientation-180", 180}, {"orientation-90", 90}}) {
    const auto report = nlohmann::json::parse(test::read_file(folder / "out" / name / "report.json"));
    CHECK(report["pages"][0]["orientation_degrees"] == degrees);
    const auto score = accuracy::measure(test::read_file(folder / "out" / name / "text.txt"),
                                         test::read_file(test::fixture(name + ".clean.gt.txt")));
    INFO(name << " CER " << score.cer());
    CHECK(score.cer() < 0.02);
  }
}

TEST_CASE("pages of a multi-page document come out in order, separated by form feeds") {
  const auto folder = test::temporary_folder("run-pages");
  write_bytes(folder / "greffe.toml",
              "[run]\ncollectivity = \"Métropole Aix-Marseille-Provence\"\nsiret = \"20005480700017\"\n");
  const Outcome outcome =
      run_greffe("run -q --jobs 2 --config " + (folder / "greffe.toml").string() + " " +
                     test::fixture("001-g4-200dpi.tif").string() + " -o " + (folder / "out").string(),
                 folder);
  INFO(outcome.err);
  REQUIRE(outcome.exit_code == 0);
  const std::string text = test::read_file(folder / "out/001-g4-200dpi/text.txt");
  const auto report = nlohmann::json::parse(test::read_file(folder / "out/001-g4-200dpi/report.json"));
  REQUIRE(report["pages"].size() == 3);
  for (int i = 0; i < 3; ++i) CHECK(report["pages"][i]["page"] == i + 1);
  CHECK(std::count(text.begin(), text.end(), '\f') == 2);
  // Page order: the act's title comes before its signature.
  const auto title = text.find("Approbation");
  const auto signature = text.find("Certifié");
  REQUIRE(title != std::string::npos);
  REQUIRE(signature != std::string::npos);
  CHECK(title < signature);

  // The structure, from the OCR'd pages: the act's number and its @ctes receipt dates.
  const auto deliberation =
      nlohmann::json::parse(test::read_file(folder / "out/001-g4-200dpi/deliberation.json"));
  CHECK(deliberation["kind"] == "deliberation");
  CHECK(deliberation["number"] == "IVIS-009-12287/22/BM");
  CHECK(deliberation["legality"]["transmitted_on"] == "2022-05-19");
  const auto csv = lines_of(test::read_file(folder / "out/deliberations.csv"));
  REQUIRE(csv.size() == 2);
  CHECK(csv[0].rfind("COLL_NOM,COLL_SIRET,DELIB_ID,", 0) == 0);
  CHECK(csv[1].find("IVIS-009-12287/22/BM") != std::string::npos);
  CHECK(csv[1].rfind("Métropole Aix-Marseille-Provence,20005480700017,", 0) == 0);  // from --config
}

TEST_CASE("one bad input gets one error line and does not stop the others") {
  const auto folder = test::temporary_folder("run-bad");
  write_bytes(folder / "empty.pdf", "");
  write_bytes(folder / "locked.pdf", test::encrypted_pdf());
  write_bytes(folder / "letter.png", "not a picture at all");

  SECTION("empty file next to a good page: exit 2, the good page is written") {
    const Outcome outcome =
        run_greffe("run -q " + (folder / "empty.pdf").string() + " " +
                       test::fixture("orientation-180.png").string() + " -o " + (folder / "out").string(),
                   folder);
    CHECK(outcome.exit_code == 2);
    const auto errors = lines_of(outcome.err);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0] == "greffe: " + (folder / "empty.pdf").string() + ": empty file");
    CHECK(std::filesystem::exists(folder / "out/orientation-180/text.txt"));
    CHECK_FALSE(std::filesystem::exists(folder / "out/empty"));
  }
  SECTION("encrypted PDF: exit 8") {
    const Outcome outcome =
        run_greffe("run -q " + (folder / "locked.pdf").string() + " -o " + (folder / "out").string(), folder);
    CHECK(outcome.exit_code == 8);
    CHECK(lines_of(outcome.err).size() == 1);
    CHECK(outcome.err.find("encrypted") != std::string::npos);
  }
  SECTION("not an image: exit 2") {
    const Outcome outcome =
        run_greffe("run -q " + (folder / "letter.png").string() + " -o " + (folder / "out").string(), folder);
    CHECK(outcome.exit_code == 2);
    CHECK(outcome.err ==
          "greffe: " + (folder / "letter.png").string() + ": not a PDF, TIFF, PNG or JPEG file\n");
  }
  SECTION("missing file: exit 2") {
    const Outcome outcome = run_greffe(
        "run -q " + (folder / "nowhere.pdf").string() + " -o " + (folder / "out").string(), folder);
    CHECK(outcome.exit_code == 2);
    CHECK(outcome.err == "greffe: " + (folder / "nowhere.pdf").string() + ": no such file\n");
  }
}

TEST_CASE("a missing language model is exit 3 with how to install it") {
  const auto folder = test::temporary_folder("run-model");
  const Outcome outcome =
      run_greffe("run -q --tessdata " + folder.string() + " " +
                     test::fixture("orientation-180.png").string() + " -o " + (folder / "out").string(),
                 folder);
  CHECK(outcome.exit_code == 3);
  const auto errors = lines_of(outcome.err);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].find("apt-get install tesseract-ocr-fra") != std::string::npos);
}

TEST_CASE("an output folder that cannot be written is exit 5") {
  const auto folder = test::temporary_folder("run-unwritable");
  write_bytes(folder / "a-file", "x");
  const Outcome outcome = run_greffe(
      "run -q " + test::fixture("orientation-180.png").string() + " -o " + (folder / "a-file").string(),
      folder);
  CHECK(outcome.exit_code == 5);
  CHECK(lines_of(outcome.err).size() == 1);
}

TEST_CASE("greffe clean cleans existing OCR text and logs every change") {
  const auto folder = test::temporary_folder("run-clean");
  write_bytes(folder / "ocr.txt",
              "La Meétropole met en ceuvre un programme pour I'emploi.\n"
              "Signé le 18 Février 2021\n"
              "Reçu au Contrôle de légalité le 10 mars 2021\n\fIl est néces-\nsaire.\n");
  const Outcome outcome = run_greffe(
      "clean " + (folder / "ocr.txt").string() + " --log " + (folder / "changes.jsonl").string(), folder);
  INFO(outcome.err);
  REQUIRE(outcome.exit_code == 0);
  CHECK(outcome.out == "La Métropole met en œuvre un programme pour l'emploi.\n\fIl est nécessaire.\n");
  const auto changes = lines_of(test::read_file(folder / "changes.jsonl"));
  REQUIRE(changes.size() == 6);
  const auto first = nlohmann::json::parse(changes[0]);
  CHECK(first["page"] == 1);
  CHECK(first["line"] == 1);
  CHECK(first["rule"] == "accent");
  CHECK(first["before"] == "Meétropole");
  CHECK(first["after"] == "Métropole");
  CHECK(nlohmann::json::parse(changes[5])["rule"] == "dehyphenate");
}

TEST_CASE(
    "greffe run takes a UTF-8 text file: cleaned without OCR, then parsed, its stamps kept as legality") {
  const auto folder = test::temporary_folder("run-text");
  write_bytes(folder / "acte.txt",
              "Séance du 18 février 2021\n\nLa Meétropole décide.\n"
              "Signé le 18 Février 2021\n"
              "Reçu au Contrôle de légalité le 10 mars 2021\n\fDélibère\n\nArticle 1 :\n\nEst approuvée la "
              "convention.\n");
  write_bytes(folder / "latin1.txt", "S\xE9ance\n");
  const auto out = folder / "out";
  const Outcome outcome = run_greffe("run -q " + (folder / "acte.txt").string() + " " +
                                         (folder / "latin1.txt").string() + " -o " + out.string(),
                                     folder);
  INFO(outcome.err);
  CHECK(outcome.exit_code == 2);  // the Latin-1 file is refused, the UTF-8 one is read
  CHECK(outcome.err.find((folder / "latin1.txt").string() + ": not UTF-8 text") != std::string::npos);
  const std::string text = test::read_file(out / "acte" / "text.txt");
  CHECK(text.find("La Métropole décide.") != std::string::npos);
  CHECK(text.find("Signé le") == std::string::npos);
  CHECK(text.find('\f') != std::string::npos);  // two pages
  const auto deliberation = nlohmann::json::parse(test::read_file(out / "acte" / "deliberation.json"));
  CHECK(deliberation["kind"] == "deliberation");
  CHECK(deliberation["session"]["date"] == "2021-02-18");
  CHECK(deliberation["legality"]["received_on"] == "2021-03-10");
  const auto report = nlohmann::json::parse(test::read_file(out / "acte" / "report.json"));
  CHECK(report["pages"][0]["source"] == "text input");
}

TEST_CASE("the command line answers --help and --version, and refuses bad arguments") {
  const auto folder = test::temporary_folder("run-cli");
  SECTION("--help") {
    const Outcome outcome = run_greffe("--help", folder);
    CHECK(outcome.exit_code == 0);
    CHECK(outcome.out.find("run") != std::string::npos);
  }
  SECTION("run --help lists the flags") {
    const Outcome outcome = run_greffe("run --help", folder);
    CHECK(outcome.exit_code == 0);
    for (const char* flag : {"--out", "--lang", "--dpi", "--jobs"})
      CHECK(outcome.out.find(flag) != std::string::npos);
  }
  SECTION("--version names the libraries") {
    const Outcome outcome = run_greffe("--version", folder);
    CHECK(outcome.exit_code == 0);
    for (const char* library : {"greffe", "Tesseract", "leptonica", "OpenCV", "Poppler", "ICU"})
      CHECK(outcome.out.find(library) != std::string::npos);
  }
  SECTION("bad arguments are exit 1 with one line") {
    for (const char* arguments : {"", "run", "run --dpi 5 x.pdf", "frobnicate"}) {
      const Outcome outcome = run_greffe(arguments, folder);
      INFO(arguments);
      CHECK(outcome.exit_code == 1);
      CHECK(lines_of(outcome.err).size() == 1);
    }
  }
}
