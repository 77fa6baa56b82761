// The general corrector: a noisy-channel model of the engine's misreadings. For a word the
// lexicon does not know, candidates are the spellings a few learnt confusions away (the engine
// printed "v" where the page had "y", "rn" for "m", "I'" for "l'", "e" for "é"...), each scored by
//   log P(candidate) + sum of log P(engine printed s | page had t) over its confusions,
// P(candidate) from word frequencies, P(s | t) from a confusion table learnt from aligned engine
// output and truth (cleanup/data/confusions.tsv, cleanup/data/fr-frequencies.tsv). The best
// candidate wins when the lexicon knows it and it beats the runner-up clearly; the score is logged.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "cleanup/lexicon.h"
#include "models/error.h"

namespace greffe::cleanup {

// What the engine prints for what the page had: `truth<TAB>engine<TAB>count<TAB>truth_total`
// rows, strings of 0-3 characters ("" on one side: a character added or lost).
class ConfusionTable {
 public:
  static Expected<ConfusionTable> load(const std::string& path);
  static ConfusionTable parse(const std::string& text);  // the same from the file's text

  struct Reading {
    std::string truth;
    double log_probability = 0;  // log P(engine printed this | page had truth)
  };
  // What a printed string (1-3 characters, or "" for a character the engine lost) may stand for.
  const std::vector<Reading>& readings_of(const std::string& engine) const;
  std::size_t size() const { return rows_; }
  std::size_t longest_engine() const { return longest_; }

 private:
  std::unordered_map<std::string, std::vector<Reading>> by_engine_;
  std::size_t rows_ = 0, longest_ = 0;
};

// How often French uses each word: `word<TAB>count`, lower case.
class WordFrequencies {
 public:
  static Expected<WordFrequencies> load(const std::string& path);
  static WordFrequencies parse(const std::string& text);
  // log P(word), the word lower-cased; a word the list lacks gets the probability of a word seen
  // half a time.
  double log_probability(const std::string& word) const;
  bool has(const std::string& word) const;
  std::size_t size() const { return counts_.size(); }

 private:
  std::unordered_map<std::string, double> counts_;
  double total_ = 0;
};

struct Correction {
  std::string word;
  double score = 0;   // log P(word) + log P(printed | word)
  double margin = 0;  // over the runner-up (or over nothing: infinity)
};

class Corrector {
 public:
  Corrector(ConfusionTable confusions, WordFrequencies frequencies)
      : confusions_(std::move(confusions)), frequencies_(std::move(frequencies)) {}

  // The candidates for `word` as printed (one token without surrounding punctuation), best first:
  // spellings at most `max_confusions` confusions away that `lexicon` knows. Two confusions reach
  // only words of the frequency list (the search would cost thousands of lexicon look-ups), and
  // are pairs of the word's most probable single confusions only, so a word's cost is bounded.
  std::vector<Correction> candidates(const std::string& word, Lexicon& lexicon, int max_confusions = 2) const;

  // The correction of a word the lexicon does not know: the best candidate when it beats the
  // runner-up by `min_margin` (natural log). Nothing for a known word: in-lexicon confusions
  // need context.
  std::optional<Correction> correct(const std::string& word, Lexicon& lexicon, double min_margin = 2.0) const;

 private:
  ConfusionTable confusions_;
  WordFrequencies frequencies_;
};

}  // namespace greffe::cleanup
