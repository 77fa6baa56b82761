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

}  // namespace greffe::cleanup
