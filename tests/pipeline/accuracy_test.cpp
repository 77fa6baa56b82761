#include <catch2/catch.hpp>

#include "pipeline/accuracy.h"

using namespace greffe;

TEST_CASE("CER and WER count edits against the truth's length") {
  SECTION("identical texts") {
    const auto score = accuracy::measure("Séance du 18 février", "Séance du 18 février");
    CHECK(score.character_errors == 0);
    CHECK(score.word_errors == 0);
  }
  SECTION("one wrong accent is one character and one word") {
    const auto score = accuracy::measure("Meétropole", "Métropole");
    CHECK(score.characters == 9);
    CHECK(score.character_errors == 1);
    CHECK(score.words == 1);
    CHECK(score.word_errors == 1);
    CHECK(score.cer() == Approx(1.0 / 9));
  }
  SECTION("layout is ignored: line breaks, form feeds and space runs") {
    const auto score = accuracy::measure("Le  Bureau\nde la\fMétropole\n", "Le Bureau de la Métropole");
    CHECK(score.character_errors == 0);
  }
  SECTION("NFC: a decomposed accent is the same letter") {
    CHECK(accuracy::measure("Me\xCC\x81tropole", "Métropole").character_errors == 0);
  }
  SECTION("typographic apostrophe equals the plain one; case still counts") {
    CHECK(accuracy::measure("l\xE2\x80\x99"
                            "emploi",
                            "l'emploi")
              .character_errors == 0);
    CHECK(accuracy::measure("I'emploi", "l'emploi").character_errors == 1);
  }
  SECTION("a missing word") {
    const auto score = accuracy::measure("Le de la", "Le Bureau de la");
    CHECK(score.words == 4);
    CHECK(score.word_errors == 1);
  }
}
