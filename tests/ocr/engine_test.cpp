// The real engine on real fixture pages: words with boxes and confidences, and OSD.
#include <catch2/catch.hpp>

#include <opencv2/imgcodecs.hpp>

#include <cstring>
#include <fstream>

#include "ocr/engine.h"
#include "tests/fixtures.h"

using namespace greffe;

namespace {

Raster load_gray(const std::string& name, int dpi) {
  cv::Mat image = cv::imread(test::fixture(name).string(), cv::IMREAD_GRAYSCALE);
  REQUIRE_FALSE(image.empty());
  Raster raster(image.cols, image.rows, dpi);
  for (int y = 0; y < image.rows; ++y)
    std::memcpy(raster.pixels.data() + static_cast<std::size_t>(y) * image.cols, image.ptr(y), image.cols);
  return raster;
}

}  // namespace

TEST_CASE("a missing language model is a MissingDependency error saying what to install") {
  ocr::Options options;
  options.language = "xyz";
  auto engine = ocr::create_first_engine(options);
  REQUIRE_FALSE(engine);
  CHECK(engine.error().kind == ErrorKind::MissingDependency);
  CHECK(engine.error().message.find("apt-get install tesseract-ocr-xyz") != std::string::npos);
}

TEST_CASE("the best model is chosen when asked for and installed, else Tesseract's default with a warning") {
  const auto folder = test::temporary_folder("best-model");
  ocr::Options options;
  SECTION("not asked for: the default model, no warning") {
    const ocr::ModelChoice choice = ocr::choose_model(options);
    CHECK(choice.folder.empty());
    CHECK(choice.label == "fra default");
    CHECK(choice.warning.empty());
  }
  options.best_tessdata = folder.string();

  SECTION("missing: the default model, and a warning naming where it was looked for") {
    const ocr::ModelChoice choice = ocr::choose_model(options);
    CHECK(choice.folder.empty());
    CHECK(choice.label == "fra default");
    CHECK(choice.warning.find(folder.string()) != std::string::npos);
    CHECK(choice.warning.find("scripts/setup") != std::string::npos);
  }
  SECTION("present: read with it, no warning") {
    std::ofstream(folder / "fra.traineddata") << "model";
    const ocr::ModelChoice choice = ocr::choose_model(options);
    CHECK(choice.folder == folder.string());
    CHECK(choice.label == "fra best_int");
    CHECK(choice.warning.empty());
  }
  SECTION("a language without a best model: the default, and no warning about French") {
    std::ofstream(folder / "fra.traineddata") << "model";
    options.language = "fra+eng";
    const ocr::ModelChoice choice = ocr::choose_model(options);
    CHECK(choice.folder.empty());
    CHECK(choice.label == "fra+eng default");
    CHECK(choice.warning.empty());
  }
  SECTION("--tessdata wins, whatever is installed") {
    std::ofstream(folder / "fra.traineddata") << "model";
    options.tessdata = "/usr/share/tesseract-ocr/5/tessdata";
    const ocr::ModelChoice choice = ocr::choose_model(options);
    CHECK(choice.folder == options.tessdata);
    CHECK(choice.label == "fra from /usr/share/tesseract-ocr/5/tessdata");
    CHECK(choice.warning.empty());
  }
}

TEST_CASE("the engine recognises a page into words with boxes and confidences") {
  auto engine = ocr::Engine::create({});
  REQUIRE(engine);
  const Raster page = load_gray("orientation-180.png", 200);

  SECTION("OSD finds the page upside down") {
    const ocr::Orientation orientation = (*engine)->detect_orientation(page);
    CHECK(orientation.degrees == 180);
    CHECK(orientation.confidence > 5);
  }

  SECTION("an engine is reused page after page with the same result") {
    // Turned upright by hand so that this test does not depend on preprocess.
    Raster upright = page;
    std::reverse(upright.pixels.begin(), upright.pixels.end());
    const OcrPage first = *(*engine)->recognize(upright);
    const OcrPage second = *(*engine)->recognize(upright);
    CHECK(first.text == second.text);
    CHECK((*engine)->detect_orientation(upright).degrees == 0);

    CHECK(first.text.find("Territoire") != std::string::npos);
    CHECK(first.mean_confidence > 70);
    REQUIRE(first.lines.size() > 10);
    std::size_t words = 0;
    for (const TextLine& line : first.lines) {
      for (const Word& word : line.words) {
        ++words;
        CHECK(word.confidence >= 0);
        CHECK(word.confidence <= 100);
        CHECK(word.box.left >= 0);
        CHECK(word.box.top >= 0);
        CHECK(word.box.left + word.box.width <= upright.width);
        CHECK(word.box.top + word.box.height <= upright.height);
        // A word belongs to its line: its middle lies within the line's box.
        const int middle = word.box.top + word.box.height / 2;
        CHECK(middle >= line.box.top);
        CHECK(middle <= line.box.top + line.box.height);
      }
    }
    CHECK(words > 100);

    // The en dash of "NUMÉRIQUE – LABEL GEN" is read "-"; its length on the page tells it apart
    // from a hyphen (ocr/dash.h). (The list's hyphens are not read as lone "-" on this bare page;
    // scripts/eval --check holds the name lists' hyphens of 000 and 004.)
    int en_dashes = 0;
    for (const TextLine& line : first.lines)
      for (std::size_t i = 0; i < line.words.size(); ++i) {
        if (line.words[i].text != "-") continue;
        const bool after_numerique = i > 0 && line.words[i - 1].text == "NUMÉRIQUE";
        CHECK(line.words[i].en_dash == after_numerique);
        en_dashes += line.words[i].en_dash;
      }
    CHECK(en_dashes == 1);

    // "formés...." is read with three stops; the page has four (ocr/full_stops.h).
    int ellipses = 0;
    for (const TextLine& line : first.lines)
      for (const Word& word : line.words)
        if (word.text.rfind("formés..", 0) == 0) {
          ++ellipses;
          CHECK(word.full_stops == 4);
        }
    CHECK(ellipses == 1);
  }
}
