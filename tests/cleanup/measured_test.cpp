// What the OCR stage measured on the page, applied to the engine's word (cleanup/measured.h).
#include <catch2/catch.hpp>

#include "cleanup/measured.h"

using namespace greffe;
using namespace greffe::cleanup;

namespace {

Word read_as(const char* text) {
  Word word;
  word.text = text;
  return word;
}

}  // namespace

TEST_CASE("an engine word is printed as the page measured it") {
  SECTION("a '-' measured as long as an en dash is '–'") {
    Word dash = read_as("-");
    dash.en_dash = true;
    const auto measured = measured_reading(dash);
    REQUIRE(measured);
    CHECK(measured->text == "–");
    CHECK(measured->rule == "dash");
    CHECK_FALSE(measured_reading(read_as("-")));
  }
  SECTION("an ellipsis read short gets the stops counted on the page") {
    Word word = read_as("formés...");
    word.full_stops = 4;
    const auto measured = measured_reading(word);
    REQUIRE(measured);
    CHECK(measured->text == "formés....");
    CHECK(measured->rule == "stops");
    Word alone = read_as("...");
    alone.full_stops = 4;
    REQUIRE(measured_reading(alone));
    CHECK(measured_reading(alone)->text == "....");
  }
  SECTION("a count that agrees, or no count, changes nothing") {
    Word word = read_as("formés...");
    word.full_stops = 3;
    CHECK_FALSE(measured_reading(word));
    word.full_stops = 0;
    CHECK_FALSE(measured_reading(word));
  }
  SECTION("a word ending in one stop is no ellipsis, whatever the count") {
    Word word = read_as("E 120.");
    word.full_stops = 2;
    CHECK_FALSE(measured_reading(word));
  }
}
