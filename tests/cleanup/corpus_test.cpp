// Cleanup on the error corpus: the recorded bare-Tesseract output of every fixture
// (fixtures/<name>.tesseract.txt) against its ground truth, without running the engine.
#include <catch2/catch.hpp>

#include <set>
#include <sstream>

#include "cleanup/cleanup.h"
#include "pipeline/accuracy.h"
#include "tests/fixtures.h"

using namespace greffe;

namespace {

const char* kFixtures[] = {"000-p1-severe-150dpi", "000-scan-300dpi", "001-g4-200dpi", "002-faded-150dpi",
                           "004-scan-200dpi",      "orientation-180", "orientation-90"};

std::vector<std::string> pages_of(const std::string& text) {
  std::vector<std::string> pages;
  std::istringstream in(text);
  for (std::string page; std::getline(in, page, '\f');) pages.push_back(page);
  return pages;
}

std::string bare_word(std::string word) {
  const std::string edge = ".,;:!?()[]{}«»\"“”'’‘…";
  while (!word.empty() && edge.find(word.back()) != std::string::npos) word.pop_back();
  while (!word.empty() && edge.find(word.front()) != std::string::npos) word.erase(0, 1);
  return word;
}

std::set<std::string> vocabulary(const std::string& text) {
  std::set<std::string> words;
  std::istringstream in(text);
  for (std::string word; in >> word;) words.insert(bare_word(word));
  return words;
}

std::size_t word_count(const std::string& text) {
  std::istringstream in(text);
  std::size_t count = 0;
  for (std::string word; in >> word;) ++count;
  return count;
}

}  // namespace

TEST_CASE("on the recorded OCR of every fixture, cleanup removes the stamps and lowers the CER") {
  auto cleaner = cleanup::Cleaner::create({});
  REQUIRE(cleaner);
  for (const char* name : kFixtures) {
    const std::string ocr = test::read_file(test::fixture(std::string(name) + ".tesseract.txt"));
    const std::string clean_truth = test::read_file(test::fixture(std::string(name) + ".clean.gt.txt"));
    REQUIRE_FALSE(ocr.empty());
    const cleanup::CleanDocument clean = (*cleaner)->run(pages_of(ocr));
    std::string text;
    for (const std::string& page : clean.pages) text += page + '\f';
    INFO(name);
    for (const char* stamp : {"Signé le", "Contrôle de légalité", "télétransmission", "Accusé de réception"})
      CHECK(text.find(stamp) == std::string::npos);
    // Both against the act's text: what a reader of text.txt wants, stamps excluded.
    const double before = accuracy::measure(ocr, clean_truth).cer();
    const double after = accuracy::measure(text, clean_truth).cer();
    INFO("CER raw " << before << ", clean " << after);
    CHECK(after < before);
  }
}

TEST_CASE("cleanup damages at most 1 correct word in 1,000 of the error corpus") {
  // A word change damages when the word before is in the truth and the word after is not
  // (scripts/cleanup-report shows the same count per rule).
  auto cleaner = cleanup::Cleaner::create({});
  REQUIRE(cleaner);
  std::size_t words = 0, damaged = 0, fixed = 0;
  for (const char* name : kFixtures) {
    const std::string ocr = test::read_file(test::fixture(std::string(name) + ".tesseract.txt"));
    const std::set<std::string> truth =
        vocabulary(test::read_file(test::fixture(std::string(name) + ".clean.gt.txt")));
    words += word_count(ocr);
    for (const cleanup::Change& change : (*cleaner)->run(pages_of(ocr)).changes) {
      if (change.rule == "stamp" || change.rule == "noise") continue;
      const bool before_true = truth.count(bare_word(change.before)) > 0;
      const bool after_true = truth.count(bare_word(change.after)) > 0;
      if (before_true && !after_true) {
        ++damaged;
        UNSCOPED_INFO(name << ": " << change.before << " -> " << change.after);
      }
      if (after_true && !before_true) ++fixed;
    }
  }
  INFO(words << " words, " << fixed << " fixed, " << damaged << " damaged");
  CHECK(words > 4000);
  CHECK(fixed > 20);
  CHECK(damaged * 1000 <= words);
}
