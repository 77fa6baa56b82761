// cleanup: from OCR text to the act's clean text, as a sequence of small named passes over each
// page — stamp lines, noise, word repair, "a"/"à", reflow — every change logged with its rule.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

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
  bool stamps = true;
  bool noise = true;
  bool words = true;   // accent, letter and apostrophe repair, and the context rules
  bool reflow = true;
};

// One line of cleanup.jsonl.
struct Change {
  int page = 0;  // 1-based
  int line = 0;  // 1-based line of the page's OCR text
  std::string rule;  // "stamp", "noise", "apostrophe", "accent", "a-grave", "la", "ou", "des", "oui", "article", "letter", "participle", "dash", "stops", "underscore", "dehyphenate"
  std::string before;
  std::string after;
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

// Holds the lexicon, loaded once; not thread-safe (one per thread).
class Cleaner {
 public:
  static Expected<std::unique_ptr<Cleaner>> create(const Options& options);
  CleanDocument run(const std::vector<std::string>& ocr_pages);

  // One page (1-based `page`) of a document: its changes and legality go into `document`;
  // returns the page's clean text. Pages are given in order.
  std::string clean_page(const std::string& text, int page, CleanDocument& document);
  // The same from the engine's page (`ocr.text` with its words): word confidences let the noise
  // pass drop specks the text alone cannot tell from words ("noise"), and underscores the engine
  // dropped, found in the pixels, are put back ("underscore"). A line whose words do not match
  // its text is cleaned from its text alone.
  std::string clean_page(const OcrPage& ocr, int page, CleanDocument& document);

  // The same passes as clean_page, in the same order, over a page's OCR words line by line:
  // for every word of `page.lines`, what cleanup made of it (result[line][word]). A pass added
  // to clean_page goes here too: tests check that both give the same words (clean_words_test,
  // and formats_test on a real page).
  std::vector<std::vector<CleanWord>> clean_words(const OcrPage& page);

  // How many following lines a context rule reads to find the end of a sentence.
  static constexpr std::size_t sentence_lines = 3;

 private:
  Cleaner(Options options, std::unique_ptr<Lexicon> lexicon, std::unique_ptr<Lexicon> english);
  std::string clean_lines(const std::string& text, const std::vector<const TextLine*>& engine_lines, int page,
                          CleanDocument& document);
  std::string apply_engine_words(const std::string& line, const TextLine& engine_line, int page, int number,
                                 std::vector<Change>& changes);
  // `following`: the text of the next lines, where the sentence a context rule looks at goes on.
  std::string repair_words(const std::string& line, bool follows_hyphen, int page, int number,
                           std::vector<Change>& changes, const std::string& following);
  // repair_word, remembered: the same damaged words come back line after line (and a page's
  // words again in clean_words), and each costs a search through hundreds of made-up spellings.
  std::optional<WordRepair> repaired(const std::string& word, Reach reach);

  Options options_;
  std::unique_ptr<Lexicon> lexicon_;
  std::unique_ptr<Lexicon> english_;
  // One map per Reach, each bounded like the lexicon's cache (Lexicon::max_cached_words):
  // emptied when full.
  std::unordered_map<std::string, std::optional<WordRepair>> repairs_[2];
};

// cleanup.jsonl: one JSON object per change, {"page","line","rule","before","after"}.
std::string changes_jsonl(const std::vector<Change>& changes);

}  // namespace greffe::cleanup
