#include <catch2/catch.hpp>

#include "cleanup/fold.h"

using greffe::cleanup::fold;
using greffe::cleanup::folded_letters;

TEST_CASE("fold: keywords compare the same with or without accents and capitals") {
  CHECK(fold("Délibère") == "delibere");
  CHECK(fold("DÉLIBÈRE") == "delibere");
  CHECK(fold("Œuvre et cœur") == "oeuvre et coeur");
  CHECK(fold("L’assemblée") == "l'assemblee");
  CHECK(fold("Reçu à Noël, où") == "recu a noel, ou");
  SECTION("what is not a French letter is kept as printed") {
    CHECK(fold("n° 2023-045 : 12 500 €") == "n° 2023-045 : 12 500 €");
  }
}

TEST_CASE("folded_letters: only the letters, so that OCR's spaces and stops do not matter") {
  CHECK(folded_letters("Reçu au Contrôle de légalité le") == "recuaucontroledelegalitele");
  CHECK(folded_letters("Reçu  au contrôle\tde la légalité, le 12/03") == "recuaucontroledelalegalitele");
  CHECK(folded_letters("2023 - 045") == "");
}
