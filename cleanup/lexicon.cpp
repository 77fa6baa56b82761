#include "cleanup/lexicon.h"

#include <hunspell/hunspell.hxx>

#include <filesystem>

namespace greffe::cleanup {

Lexicon::Lexicon(std::unique_ptr<Hunspell> hunspell) : hunspell_(std::move(hunspell)) {}
Lexicon::~Lexicon() = default;

Expected<std::unique_ptr<Lexicon>> Lexicon::load(const std::string& dictionary) {
  const std::string aff = dictionary + ".aff", dic = dictionary + ".dic";
  if (!std::filesystem::exists(aff) || !std::filesystem::exists(dic))
    return Error{ErrorKind::MissingDependency, "", 0,
                 "lexicon not found (" + dic + "); install it with: apt-get install hunspell-fr"};
  return std::unique_ptr<Lexicon>(new Lexicon(std::make_unique<Hunspell>(aff.c_str(), dic.c_str())));
}

bool Lexicon::knows(const std::string& word) {
  auto found = known_.find(word);
  if (found != known_.end()) return found->second;
  const bool known = hunspell_->spell(word);
  if (known_.size() >= max_cached_words) known_.clear();
  known_.emplace(word, known);
  return known;
}

std::optional<std::string> Lexicon::traditional_spelling(const std::string& word) {
  return knows(word) ? std::nullopt : circumflexed(word);
}

std::optional<std::string> Lexicon::circumflexed(const std::string& word) {
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (word[i] != 'i' && word[i] != 'u') continue;
    const std::string candidate = word.substr(0, i) + (word[i] == 'i' ? "î" : "û") + word.substr(i + 1);
    if (knows(candidate)) return candidate;
  }
  // The rectifications also write "è" where the classical spelling has "é" before a syllable
  // with a mute "e": "règlementation", "évènement", "siègeront", "cèderait" (règlement, siège,
  // cède). The rule's shape: "è", one or two consonants, then a bare "e".
  static const std::string grave = "è", acute = "é", consonants = "bcdfghjklmnpqrstvwxz";
  for (std::size_t i = word.find(grave); i != std::string::npos; i = word.find(grave, i + 1)) {
    std::size_t after = i + grave.size(), letters = 0;
    while (after < word.size() && letters < 2 && consonants.find(word[after]) != std::string::npos) {
      ++after;
      ++letters;
    }
    if (letters == 0 || after >= word.size() || word[after] != 'e') continue;
    const std::string candidate = word.substr(0, i) + acute + word.substr(i + grave.size());
    if (knows(candidate)) return candidate;
  }
  return std::nullopt;
}

const std::vector<std::string>& Lexicon::readings(const std::string& word) {
  auto found = readings_.find(word);
  if (found != readings_.end()) return found->second;
  std::vector<std::string> all;
  if (knows(word)) all = hunspell_->analyze(word);
  // "boites" is also "boîtes" (a noun), not only a form of "boiter".
  if (const auto traditional = circumflexed(word)) {
    const std::vector<std::string> more = hunspell_->analyze(*traditional);
    all.insert(all.end(), more.begin(), more.end());
  }
  if (readings_.size() >= max_cached_words) readings_.clear();  // bounded, as known_ (lexicon.h)
  return readings_.emplace(word, std::move(all)).first->second;
}

bool Lexicon::every_reading_has(const std::string& word, const std::string& tag) {
  const std::vector<std::string>& all = readings(word);
  if (all.empty()) return false;
  for (const std::string& reading : all)
    if (reading.find(tag) == std::string::npos) return false;
  return true;
}

bool Lexicon::some_reading_has(const std::string& word, const std::string& tag) {
  for (const std::string& reading : readings(word))
    if (reading.find(tag) != std::string::npos) return true;
  return false;
}

}  // namespace greffe::cleanup
