// Which PDF text layers greffe reads instead of running OCR: real text yes, an OCR layer of junk no.
#include <catch2/catch.hpp>

#include "pipeline/text_layer.h"
#include "tests/fixtures.h"

using namespace greffe;

TEST_CASE("a text layer is read only when it is real French text", "[text_layer]") {
  auto lexicon = cleanup::Lexicon::load("/usr/share/hunspell/fr");
  REQUIRE(lexicon);

  SECTION("the acts' own texts pass") {
    const auto name = GENERATE(as<std::string>{}, "000-scan-300dpi", "001-g4-200dpi", "002-faded-150dpi", "004-scan-200dpi");
    const std::string act = test::read_file(test::fixture(name + ".clean.gt.txt"));
    const auto verdict = pipeline::judge_text_layer(act, *lexicon.value());
    CHECK(verdict.usable);
    CHECK(verdict.words > 100);
  }
  SECTION("bare Tesseract's readings of damaged scans do not") {
    // Recorded OCR: the G4 fax (broken words, speckles), the severe page, the page upside down.
    const auto name = GENERATE(as<std::string>{}, "001-g4-200dpi", "000-p1-severe-150dpi", "orientation-180");
    const std::string junk = test::read_file(test::fixture(name + ".tesseract.txt"));
    CHECK_FALSE(pipeline::judge_text_layer(junk, *lexicon.value()).usable);
  }
  SECTION("an invisible layer of symbols and fragments does not") {
    std::string junk;
    for (int i = 0; i < 40; ++i) junk += "Meétr0p ,, ceuvre I'emploi xq _ | rnatiére fagon ";
    CHECK_FALSE(pipeline::judge_text_layer(junk, *lexicon.value()).usable);
  }
  SECTION("too few words to judge: OCR") {
    CHECK_FALSE(pipeline::judge_text_layer("Le conseil délibère.", *lexicon.value()).usable);
    CHECK_FALSE(pipeline::judge_text_layer("", *lexicon.value()).usable);
  }
  SECTION("names in capitals are not held against a page") {
    std::string names = test::read_file(test::fixture("002-faded-150dpi.clean.gt.txt"));
    for (int i = 0; i < 30; ++i) names += " GAGNON GIBERTI MOUKOMEL ";
    CHECK(pipeline::judge_text_layer(names, *lexicon.value()).usable);
  }
}
