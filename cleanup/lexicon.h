// The French lexicon cleanup checks words against: Debian's hunspell-fr through libhunspell,
// with a cache, since the same words come back page after page. Not thread-safe: one per thread.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "models/error.h"

class Hunspell;

namespace greffe::cleanup {

class Lexicon {
 public:
  // `dictionary` is the path without extension: "/usr/share/hunspell/fr" reads fr.aff and fr.dic.
  static Expected<std::unique_ptr<Lexicon>> load(const std::string& dictionary);
  ~Lexicon();
  Lexicon(const Lexicon&) = delete;
  Lexicon& operator=(const Lexicon&) = delete;

  // Whether the word (UTF-8, as printed: case and elision included) is French.
  bool knows(const std::string& word);

  // The spelling with a circumflex on one "i" or "u" that the lexicon knows, for a word it does
  // not know: the 1990 spelling rectifications drop those circumflexes ("connait", "boite",
  // "paraitre", "maitre"), acts print them so, and hunspell-fr's classical dictionary lacks them;
  // likewise their "è" before a mute syllable ("règlementation": "réglementation").
  // Nothing for a known word or when no such spelling is known.
  std::optional<std::string> traditional_spelling(const std::string& word);
  // knows(word), or the word is the rectified spelling of a word it knows.
  bool knows_spelling(const std::string& word) {
    return knows(word) || traditional_spelling(word).has_value();
  }
  // hunspell-fr's morphological readings of a known word ("po:v1… po:ipre po:3sg", "po:nom
  // is:fem"): one string per reading, empty for an unknown word; a rectified spelling has the
  // readings of its traditional one ("boites": those of "boîtes"). Cached, like knows().
  const std::vector<std::string>& readings(const std::string& word);
  // Every reading carries `tag` (e.g. "po:v" for a verb form, "po:1sg"); false for an unknown word.
  bool every_reading_has(const std::string& word, const std::string& tag);
  bool some_reading_has(const std::string& word, const std::string& tag);
  // The cache is emptied when it reaches this many words, so that a batch over a whole archive
  // runs in bounded memory: word repair asks about made-up variants of every damaged word, and
  // garbled OCR text grows the cache by ~1.7 kB per kB of new text. 200,000 words is ~20 MB.
  static constexpr std::size_t max_cached_words = 200'000;
  std::size_t cached_words() const { return known_.size(); }

 private:
  explicit Lexicon(std::unique_ptr<Hunspell> hunspell);
  // The word with a circumflex on one of its "i" or "u", or with "é" for an "è" before a mute
  // syllable, that the lexicon knows, if any.
  std::optional<std::string> circumflexed(const std::string& word);
  std::unique_ptr<Hunspell> hunspell_;
  std::unordered_map<std::string, bool> known_;
  std::unordered_map<std::string, std::vector<std::string>> readings_;
};

}  // namespace greffe::cleanup
