// The context model of in-lexicon confusions: "a"/"à", "ou"/"où", "la"/"là", "des"/"dès"/"dés",
// "les"/"lés". Both readings are French, so the lexicon cannot tell them; their neighbours can
// ("à compter", "il y a", "là où", "ou de", "dès lors"). The model holds counts of each confusable
// word with the word before it, the word after it and both, in correct French
// (cleanup/data/context.tsv, written by scripts/learn-context; provenance in cleanup/data/README.md),
// and decides a printed word by the backed-off log-odds of its readings in context:
//   P(c | left, right) = (T(left c right) + GAMMA * Q(c)) / (sum of T + GAMMA),
//   Q(c) ∝ P(c | left) P(c | right) / P(c),   P(c | left) = (L(left c) + BETA P(c)) / (sum of L + BETA)
// (likewise on the right), P(c) the unigram prior (counts plus one). An unknown side ("" : the
// line's first word, or a word after a mark it does not know) gives no evidence. The printed word
// changes only when another reading beats it by more than the margin: the engine prints the
// right one far more often than the wrong one, and the margin is that prior (chosen on the tuning
// halves, docs/results-cleanup.md).
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "models/error.h"

namespace greffe::cleanup {

class ContextModel {
 public:
  static Expected<ContextModel> load(const std::string& path);
  static ContextModel parse(const std::string& text);  // the same from the file's text

  // The context word as the model counts it, from a whitespace token as printed on the side of
  // the word decided: a mark that stands next to the word (". , ; : ! ? ( ) « » \"") is itself;
  // otherwise the token without its marks, lower case, typographic apostrophes plain, "0" for a
  // token with a digit; "" when nothing is left (unknown).
  static std::string left_key(const std::string& previous);
  static std::string right_key(const std::string& next);

  struct Decision {
    std::string word;     // the other reading, lower case
    double score = 0;     // its log-odds over the printed word in this context
    double evidence = 0;  // the same less the log-odds of the two words alone: what the neighbours say
  };
  // The best other reading of a lower-case confusable `word` between `left` and `right` (keys),
  // when it beats the printed word by more than `margin` and the neighbours themselves favour it
  // by more than `evidence` (a rare reading, "là", "dès", is not unmade for its rarity alone);
  // nothing otherwise.
  std::optional<Decision> decide(const std::string& word, const std::string& left, const std::string& right,
                                 double margin, double evidence) const;
  // The best other reading and its log-odds, whatever they are (for tests and logs).
  std::optional<Decision> best_other(const std::string& word, const std::string& left,
                                     const std::string& right) const;
  bool confusable(const std::string& word) const { return set_of_.count(word) > 0; }
  std::size_t size() const { return rows_; }

  static constexpr double beta = 2.0;   // weight of the prior in each side's estimate
  static constexpr double gamma = 2.0;  // weight of the two sides' product in the trigram's

 private:
  double count(const std::unordered_map<std::string, double>& table, const std::string& key) const;
  std::vector<std::vector<std::string>> sets_;
  std::unordered_map<std::string, std::size_t> set_of_;
  std::unordered_map<std::string, double> unigram_, left_, right_, trigram_;  // fields joined by '\t'
  std::size_t rows_ = 0;
};

}  // namespace greffe::cleanup
