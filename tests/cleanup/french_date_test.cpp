#include <catch2/catch.hpp>

#include "cleanup/french_date.h"

using greffe::cleanup::find_french_date;

namespace {
std::string iso_of(const char* text) {
  auto found = find_french_date(text);
  return found ? found->iso : "none";
}
}  // namespace

TEST_CASE("French dates in words and digits become ISO dates") {
  CHECK(iso_of("Séance du 18 février 2021") == "2021-02-18");
  CHECK(iso_of("Signé le 18 Février 2021") == "2021-02-18");
  CHECK(iso_of("Reçu au Contrôle de légalité le 10 mars 2021") == "2021-03-10");
  CHECK(iso_of("le 1er août 2022") == "2022-08-01");
  CHECK(iso_of("le 1er aout 2022") == "2022-08-01");
  CHECK(iso_of("SÉANCE DU 15 AVRIL 2021") == "2021-04-15");
  CHECK(iso_of("du 9 DÉCEMBRE 2020") == "2020-12-09");
  CHECK(iso_of("du 18 fevrier 2021") == "2021-02-18");
  CHECK(iso_of("Date de télétransmission : 19/12/2023") == "2023-12-19");
  CHECK(iso_of("le 2021-02-18") == "2021-02-18");
  CHECK(iso_of("le 3/4/2021") == "2021-04-03");
}

TEST_CASE("the first date wins, with its place in the text") {
  const std::string text = "reçu le 10 mars 2021, signé le 18/02/2021";
  auto found = find_french_date(text);
  REQUIRE(found);
  CHECK(found->iso == "2021-03-10");
  CHECK(text.substr(found->position, found->length) == "10 mars 2021");
}

TEST_CASE("no date is invented") {
  CHECK(iso_of("90 000 euros") == "none");
  CHECK(iso_of("le 31 février 2021") == "none");
  CHECK(iso_of("le 29/02/2021") == "none");
  CHECK(iso_of("le 29/02/2024") == "2024-02-29");
  CHECK(iso_of("IVIS 011-9466/21/BM") == "none");
  CHECK(iso_of("chapitre 65 - nature 65748") == "none");
}

TEST_CASE("dates in words, as communal minutes write them") {
  auto iso = iso_of;
  CHECK(iso("L'an deux mille vingt-trois, le dix-neuf décembre, le Conseil municipal s'est réuni") ==
        "2023-12-19");
  CHECK(iso("L’an deux mil vingt et un, le premier mars à 18 heures") == "2021-03-01");
  CHECK(iso("le vingt et un FÉVRIER deux mille vingt-deux") == "2022-02-21");
  CHECK(iso("séance du trente et un janvier mil neuf cent quatre-vingt-dix-neuf") == "1999-01-31");
  CHECK(iso("le trente février deux mille vingt") == "none");  // no such day
  CHECK(iso("les trois orientations de mars") == "none");      // no year
  // A date in digits is preferred: it is the one printed.
  CHECK(iso("L'an deux mille vingt-trois, le 19 décembre 2023") == "2023-12-19");
}
