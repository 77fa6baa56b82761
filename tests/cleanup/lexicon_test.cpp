// The lexicon's cache stays bounded however many different words a long batch brings.
#include <catch2/catch.hpp>

#include "cleanup/lexicon.h"

using greffe::cleanup::Lexicon;

TEST_CASE("the lexicon's cache of looked-up words is bounded", "[lexicon]") {
  auto lexicon = Lexicon::load("/usr/share/hunspell/fr");
  REQUIRE(lexicon);
  // Made-up words, as word repair makes variants of damaged OCR words, one and a half times
  // the bound: the cache must have been emptied on the way.
  for (std::size_t i = 0; i < Lexicon::max_cached_words * 3 / 2; ++i) {
    (*lexicon)->knows("mot" + std::to_string(i));
    REQUIRE((*lexicon)->cached_words() <= Lexicon::max_cached_words);
  }
  // Answers do not change when the cache is emptied.
  CHECK((*lexicon)->knows("délibération"));
  CHECK_FALSE((*lexicon)->knows("dé1ibération"));
}

TEST_CASE("a rectified spelling (1990) is known through its circumflex", "[lexicon]") {
  auto lexicon = Lexicon::load("/usr/share/hunspell/fr");
  REQUIRE(lexicon);
  Lexicon& french = **lexicon;
  CHECK(french.traditional_spelling("connait") == std::optional<std::string>("connaît"));
  CHECK(french.knows_spelling("boites"));
  CHECK_FALSE(french.traditional_spelling("connaît"));  // known as printed
  CHECK_FALSE(french.knows_spelling("dé1ibération"));
  // "è" before a mute syllable is rectified too; not elsewhere, nor where "é" makes no word.
  CHECK(french.traditional_spelling("règlementation") == std::optional<std::string>("réglementation"));
  CHECK(french.traditional_spelling("cèderait") == std::optional<std::string>("céderait"));
  CHECK_FALSE(french.knows_spelling("dèlibération"));  // "è" before "li": no mute syllable
  CHECK_FALSE(french.knows_spelling("fèrme"));         // "férme" is no word
  // "boites" is a form of "boiter" and, rectified, the noun "boîtes".
  CHECK(french.some_reading_has("boites", "po:nom"));
  CHECK(french.some_reading_has("boites", "po:2sg"));
}
