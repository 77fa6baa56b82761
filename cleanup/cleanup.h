// cleanup: from OCR text to the act's clean text, as a sequence of small named passes over each
// page — stamp lines, noise, word repair, "a"/"à", reflow — every change logged with its rule.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "cleanup/context_model.h"
#include "cleanup/corrector.h"
#include "cleanup/lexicon.h"
#include "cleanup/word_repair.h"
#include "models/error.h"
#include "models/legality.h"
#include "models/page.h"

namespace greffe::cleanup {

struct Options {
  std::string dictionary = "/usr/share/hunspell/fr";  // hunspell-fr, without .aff/.dic
  // English words in French acts are names ("Coding School"): left alone when this knows them.
  std::string english_dictionary = "/usr/share/hunspell/en_US";
  // The general corrector's tables (corrector.h), learnt from aligned engine output and truth
  // and from French text. When either file is missing, the corrector is off and the hand-written
  // word repairs work alone. Off by default for now (docs/results-cleanup.md): it meets the worn
  // damage and cost gates and wins on the worn test half, but loses a word on the real tune half
  // and the fixtures' ceilings are not yet checked with it; `greffe clean --corrector` runs it.
  std::string confusions = GREFFE_CLEANUP_DATA "/confusions.tsv";
  std::string frequencies = GREFFE_CLEANUP_DATA "/fr-frequencies.tsv";
  bool corrector = false;
  // The context model of in-lexicon confusions (context_model.h): a/à, ou/où, la/là, des/dès,
  // les/lés decided by their neighbours. A printed word changes when another reading beats it by
  // more than `context_margin` (natural log-odds) and its neighbours favour it by more than
  // `context_evidence`, both chosen on the tuning halves
  // (docs/results-cleanup.md). The file is required: a missing model is an error naming it.
  std::string context = GREFFE_CLEANUP_DATA "/context.tsv";
  double context_margin = 5.0;
  double context_evidence = 0.0;  // and the neighbours' own log-odds (the words' priors taken out)
  bool stamps = true;
  bool noise = true;
  bool words = true;  // accent, letter and apostrophe repair, and the context rules
  bool reflow = true;
};

// One line of cleanup.jsonl.
struct Change {
  int page = 0;  // 1-based
  int line = 0;  // 1-based line of the page's OCR text
  std::string
      rule;  // "stamp", "noise", "apostrophe", "accent", "corrector", "context", "a-grave", "la", "ou",
             // "des", "oui", "article", "letter", "participle", "dash", "stops", "underscore", "dehyphenate"
  std::string before;
  std::string after;
  std::optional<double> score =
      std::nullopt;  // the corrector's log-probability of `after` ("corrector" changes), the
                     // context model's log-odds of `after` over `before` ("context")
};

struct CleanDocument {
  std::vector<std::string> pages;  // clean text per page
  std::vector<Change> changes;
  Legality legality;  // from the stamp lines
};

// What cleanup makes of one OCR word, for the formats that keep words on their boxes (hOCR,
// ALTO, the searchable PDF): see clean_words.
enum class WordRole {
  Text,     // a word of the act's text, repaired or not
  Stamp,    // on a stamp line: not in text.txt, kept in the archive formats as a stamp
  Dropped,  // noise, or a lone "." or "," now carried by the word before
};

struct CleanWord {
  std::string text;  // as text.txt has it ("Métropole" for an OCR "Meétropole"); the OCR text for a stamp
  WordRole role = WordRole::Text;
  std::string rule;  // the rule that changed it (cleanup.jsonl's), empty if none
  // A word cut at the end of its line ("néces-") and the first word of the next ("saire"),
  // which reflow joins: 1 and 2, both with the joined word ("nécessaire"). Each part keeps its
  // own text and box.
  int hyphen_part = 0;
  std::string joined;
};

// One page cleaned: its text (text.txt) and what became of each of the engine's words (hOCR,
// ALTO, the PDF layer), from the same passes.
struct CleanPage {
  std::string text;
  std::vector<std::vector<CleanWord>> words;  // words[line][word] of the OcrPage's lines
};

// Holds the lexicon, loaded once; not thread-safe (one per thread).
//
// Cleanup is one ordered list of passes over a page's words, each word knowing its line (and,
// from the engine, its box, confidence and what the OCR stage measured around it):
//   1. stamp lines (stamp_lines.h): the whole line is the legality record, not the act's text;
//   2. the engine's own words: low-confidence specks dropped (noise.h), the en dash and the stops
//      the engine measured (measured.h), underscores found in the pixels put back (ocr/underscore.h);
//   3. noise tokens (noise.h), a lone stop given back to its word;
//   4. bullets and dashes (context_rules.h), then word repair: the context model first for
//      a/à, ou/où, la/là, des/dès (context_model.h), then the context rules (context_rules.h),
//      then the lexicon's repairs (word_repair.h);
//   5. reflow into paragraphs, end-of-line hyphens joined (reflow.h).
// Text without the engine's words (`greffe clean`, a PDF's text layer) enters as words without
// boxes (words_of_text). text.txt and the word formats are rendered from the same words, so a
// pass is written once.
class Cleaner {
 public:
  static Expected<std::unique_ptr<Cleaner>> create(const Options& options);
  CleanDocument run(const std::vector<std::string>& ocr_pages);

  // One page (1-based `page`) of a document: its changes and legality go into `document`.
  // Pages are given in order. A page without the engine's lines (a text layer) is cleaned from
  // its text, as words without boxes; its `words` are then empty.
  CleanPage clean(const OcrPage& ocr, int page, CleanDocument& document);

  // The page's clean text: clean(words_of_text(text)).text.
  std::string clean_page(const std::string& text, int page, CleanDocument& document);
  // clean(ocr).text.
  std::string clean_page(const OcrPage& ocr, int page, CleanDocument& document);
  // clean(page).words, the changes left out.
  std::vector<std::vector<CleanWord>> clean_words(const OcrPage& page);

  // Text as the engine's page would give it: one line of words per non-empty line (words
  // without boxes, read with full confidence), a new paragraph after an empty line.
  static OcrPage words_of_text(const std::string& text);

  // How many following lines a context rule reads to find the end of a sentence.
  static constexpr std::size_t sentence_lines = 3;

 private:
  enum class LineFate { Text, Stamp, Empty };
  Cleaner(Options options, std::unique_ptr<Lexicon> lexicon, std::unique_ptr<Lexicon> english,
          std::unique_ptr<Corrector> corrector, std::unique_ptr<ContextModel> context);
  // The passes up to word repair on one line (`number`: its line in the page's text): `words`
  // gets what became of each of its words, `text` the line for reflow.
  LineFate clean_line(const TextLine& line, int page, int number, bool follows_hyphen,
                      const std::string& following, CleanDocument& document, std::vector<CleanWord>& words,
                      std::string& text);
  // Bullets, dashes, context rules and word repair over a line's tokens, in place; `rules` gets
  // the rule that changed each token ("" none).
  void repair_words(std::vector<std::string>& tokens, std::vector<std::string>& rules, bool follows_hyphen,
                    int page, int number, std::vector<Change>& changes, const std::string& following);
  // repair_word, remembered: the same damaged words come back line after line, and each costs a
  // search through hundreds of made-up spellings.
  std::optional<WordRepair> repaired(const std::string& word, Reach reach);
  // The corrector's answer for `word`, remembered likewise: its search is the costliest of
  // cleanup's, and a document repeats its misreadings.
  std::optional<Correction> corrected(const std::string& word);
  bool english_name(const std::string& word);
  // The context model's reading of a confusable word ("a", "où", "Là"...; `trail` the marks glued
  // after it) when it beats the printed one by more than the margin; `previous` as repaired,
  // `next` as printed, `following` the next lines. `kept`: the printed reading beats the others
  // by the margin (no other rule may change it).
  std::optional<ContextModel::Decision> by_context(const std::string& previous, const std::string& word,
                                                   const std::string& trail, const std::string& next,
                                                   const std::string& following, bool& kept);

  Options options_;
  std::unique_ptr<Lexicon> lexicon_;
  std::unique_ptr<Lexicon> english_;
  std::unique_ptr<ContextModel> context_;
  std::unique_ptr<Corrector> corrector_;  // null when its tables are missing or it is switched off
  // One map per Reach, each bounded like the lexicon's cache (Lexicon::max_cached_words):
  // emptied when full.
  std::unordered_map<std::string, std::optional<WordRepair>> repairs_[2];
  std::unordered_map<std::string, std::optional<Correction>> corrections_;  // bounded the same way
};

// cleanup.jsonl: one JSON object per change, {"page","line","rule","before","after"}.
std::string changes_jsonl(const std::vector<Change>& changes);

}  // namespace greffe::cleanup
