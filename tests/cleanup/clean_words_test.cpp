// Cleanup word by word (Cleaner::clean_words): each OCR word gets its clean form, from the same
// passes as the page's clean text; stamp words are marked, noise dropped, cut words paired.
#include <catch2/catch.hpp>

#include <sstream>

#include "cleanup/cleanup.h"

using namespace greffe;
using namespace greffe::cleanup;

namespace {

TextLine line_of(const std::string& text, int block, int paragraph) {
  TextLine line;
  line.block = block;
  line.paragraph = paragraph;
  std::istringstream words(text);
  for (std::string word; words >> word;) line.words.push_back({word, {}, 90, ""});
  return line;
}

// The engine's text for these lines: words joined by spaces, an empty line between paragraphs.
std::string engine_text(const OcrPage& page) {
  std::string text;
  for (std::size_t i = 0; i < page.lines.size(); ++i) {
    if (i > 0 && page.lines[i].paragraph != page.lines[i - 1].paragraph) text += '\n';
    for (std::size_t j = 0; j < page.lines[i].words.size(); ++j)
      text += (j ? " " : "") + page.lines[i].words[j].text;
    text += '\n';
  }
  return text;
}

std::string collapse(const std::string& text) {
  std::istringstream words(text);
  std::string out;
  for (std::string word; words >> word;) out += (out.empty() ? "" : " ") + word;
  return out;
}

}  // namespace

TEST_CASE("clean_words gives every OCR word its clean form, as the page's clean text has it") {
  auto cleaner = Cleaner::create({});
  REQUIRE(cleaner);
  OcrPage page;
  page.lines = {line_of("La Meétropole a retenu | les mesures néces-", 0, 0),
                line_of("saire pour I'emploi .", 0, 0),
                line_of("Reçu au Contrôle de légalité le 10 mars 2021", 1, 1),
                line_of("Article 1 : la subvention est approuvée.", 2, 2)};
  const auto words = (*cleaner)->clean_words(page);
  REQUIRE(words.size() == page.lines.size());
  for (std::size_t i = 0; i < words.size(); ++i) REQUIRE(words[i].size() == page.lines[i].words.size());

  CHECK(words[0][1].text == "Métropole");
  CHECK(words[0][1].rule == "accent");
  CHECK(words[0][1].role == WordRole::Text);
  CHECK(words[0][4].role == WordRole::Dropped);  // "|"
  CHECK(words[0][7].hyphen_part == 1);
  CHECK(words[0][7].text == "néces-");
  CHECK(words[0][7].joined == "nécessaire");
  CHECK(words[1][0].hyphen_part == 2);
  CHECK(words[1][0].joined == "nécessaire");
  CHECK(words[1][2].text == "l'emploi.");  // the apostrophe repaired, the lone stop carried
  CHECK(words[1][2].rule == "apostrophe");
  CHECK(words[1][3].role == WordRole::Dropped);
  for (const CleanWord& word : words[2]) CHECK(word.role == WordRole::Stamp);
  CHECK(words[2][0].text == "Reçu");
  CHECK(words[3][0].text == "Article");

  // Same passes: the text words, cut words joined, are the page's clean text.
  std::string from_words;
  for (const auto& line : words)
    for (const CleanWord& word : line) {
      if (word.role != WordRole::Text || word.hyphen_part == 2) continue;
      from_words += (from_words.empty() ? "" : " ") + (word.hyphen_part == 1 ? word.joined : word.text);
    }
  CleanDocument document;
  CHECK(from_words == collapse((*cleaner)->clean_page(engine_text(page), 1, document)));
}

TEST_CASE("clean_words prints the en dash the engine measured, as the page's clean text does") {
  auto cleaner = Cleaner::create({});
  REQUIRE(cleaner);
  OcrPage page;
  page.lines = {line_of("la Métropole - chapitre 65 - Nature", 0, 0)};
  page.lines[0].words[2].en_dash = true;
  page.text = engine_text(page);
  const auto words = (*cleaner)->clean_words(page);
  REQUIRE(words.size() == 1);
  REQUIRE(words[0].size() == 7);
  CHECK(words[0][2].text == "–");
  CHECK(words[0][2].rule == "dash");
  CHECK(words[0][5].text == "-");
  CleanDocument document;
  CHECK(collapse((*cleaner)->clean_page(page, 1, document)) == "la Métropole – chapitre 65 - Nature");
}

TEST_CASE("plain text enters cleanup as words without boxes, a paragraph after an empty line") {
  const OcrPage page = Cleaner::words_of_text("La  Meétropole\u00a0a retenu\n\n\nArticle 1 :\n");
  REQUIRE(page.lines.size() == 2);
  REQUIRE(page.lines[0].words.size() == 4);
  CHECK(page.lines[0].words[1].text == "Meétropole");
  CHECK(page.lines[0].words[2].text == "a");  // the no-break space separates words too
  CHECK(page.lines[0].paragraph == 0);
  CHECK(page.lines[1].paragraph == 1);
  CHECK(page.lines[1].words[0].confidence == 100);  // given text has no specks to judge by confidence

  auto cleaner = Cleaner::create({});
  REQUIRE(cleaner);
  CleanDocument from_text, from_words;
  const std::string text = "La Meétropole a retenu | les mesures néces-\nsaire pour I'emploi .\n";
  const CleanPage cleaned = (*cleaner)->clean(Cleaner::words_of_text(text), 1, from_words);
  CHECK((*cleaner)->clean_page(text, 1, from_text) == cleaned.text);
  CHECK(cleaned.text == "La Métropole a retenu les mesures nécessaire pour l'emploi.\n");
  REQUIRE(from_text.changes.size() == from_words.changes.size());
  REQUIRE(cleaned.words.size() == 2);
  CHECK(cleaned.words[1][2].text == "l'emploi.");
}
