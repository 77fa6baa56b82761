#include <catch2/catch.hpp>

#include "cleanup/whitespace.h"

using greffe::cleanup::normalize_whitespace;

TEST_CASE("whitespace normalisation keeps words and paragraphs, drops layout noise") {
  SECTION("runs of spaces and tabs become one space, ends are trimmed") {
    CHECK(normalize_whitespace("  Le  Bureau\tde la   Métropole  \n") == "Le Bureau de la Métropole\n");
  }
  SECTION("paragraph breaks survive as one empty line") {
    CHECK(normalize_whitespace("Vu\n\n\n\nLe Code\nGénéral\n") == "Vu\n\nLe Code\nGénéral\n");
  }
  SECTION("leading and trailing empty lines are dropped") {
    CHECK(normalize_whitespace("\n\n  \nDélibère\n\n\n") == "Délibère\n");
  }
  SECTION("decomposed accents are composed (NFC)") {
    CHECK(normalize_whitespace("Me\xCC\x81tropole") == "M\xC3\xA9tropole\n");  // e + U+0301 -> é
  }
  SECTION("no-break spaces count as spaces; CR LF line ends become LF") {
    CHECK(normalize_whitespace("90\xC2\xA0"
                               "000 euros\r\nArticle 1") == "90 000 euros\nArticle 1\n");
  }
  SECTION("an empty page stays empty") {
    CHECK(normalize_whitespace(" \n \n") == "");
  }
}
