#include "cleanup/corrector.h"

#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <sstream>

#include "cleanup/data_file.h"
#include "cleanup/word_repair.h"

namespace greffe::cleanup {

namespace {

// The characters of a UTF-8 word, each as its own UTF-8 string.
std::vector<std::string> characters(const std::string& word) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < word.size();) {
    const unsigned char c = static_cast<unsigned char>(word[i]);
    const std::size_t length = c < 0x80           ? 1
                               : (c >> 5) == 0x6  ? 2
                               : (c >> 4) == 0xE  ? 3
                               : (c >> 3) == 0x1E ? 4
                                                  : 1;
    out.push_back(word.substr(i, length));
    i += length;
  }
  return out;
}

std::string lower(const std::string& word) {
  std::string out;
  icu::UnicodeString::fromUTF8(word).toLower().toUTF8String(out);
  return out;
}

// Typographic and plain apostrophes are one letter to the frequency list.
std::string plain_apostrophes(std::string word) {
  for (std::size_t at; (at = word.find("’")) != std::string::npos;) word.replace(at, 3, "'");
  return word;
}

// The bare letter of an accented capital ("É" -> 'E'), 0 for any other character.
char accented_capital_of(const std::string& character) {
  static const std::pair<const char*, char> capitals[] = {{"É", 'E'}, {"È", 'E'}, {"Ê", 'E'}, {"Ë", 'E'},
                                                          {"À", 'A'}, {"Â", 'A'}, {"Î", 'I'}, {"Ï", 'I'},
                                                          {"Ô", 'O'}, {"Û", 'U'}, {"Ù", 'U'}, {"Ç", 'C'}};
  for (const auto& [accented, bare] : capitals)
    if (character == accented) return bare;
  return 0;
}

// The corrector's budget per word: pairs of confusions are made of its most probable single
// confusions only (at most pair_edits² / 2 spellings two confusions away).
constexpr std::size_t pair_edits = 64;

}  // namespace

ConfusionTable ConfusionTable::parse(const std::string& text) {
  ConfusionTable table;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    const std::vector<std::string> row = tab_fields(line);
    if (row.size() < 4 || row[0] == row[1]) continue;
    double count = 0, total = 0;
    try {
      count = std::stod(row[2]);
      total = std::stod(row[3]);
    } catch (...) {
      continue;
    }
    if (count <= 0 || total < count) continue;
    // Add-half smoothing: a confusion seen once in thousands is rare, not impossible twice.
    table.by_engine_[row[1]].push_back({row[0], std::log((count + 0.5) / (total + 1.0))});
    table.longest_ = std::max(table.longest_, characters(row[1]).size());
    ++table.rows_;
  }
  return table;
}

Expected<ConfusionTable> ConfusionTable::load(const std::string& path) {
  auto text = read_data_file(path);
  if (!text) return Error{ErrorKind::MissingDependency, path, 0, "cannot read the confusion table"};
  return parse(*text);
}

const std::vector<ConfusionTable::Reading>& ConfusionTable::readings_of(const std::string& engine) const {
  static const std::vector<Reading> none;
  auto found = by_engine_.find(engine);
  return found == by_engine_.end() ? none : found->second;
}

WordFrequencies WordFrequencies::parse(const std::string& text) {
  WordFrequencies frequencies;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    const std::vector<std::string> row = tab_fields(line);
    if (row.size() < 2) continue;
    double count = 0;
    try {
      count = std::stod(row[1]);
    } catch (...) {
      continue;
    }
    if (count <= 0) continue;
    frequencies.counts_[plain_apostrophes(lower(row[0]))] += count;
    frequencies.total_ += count;
  }
  return frequencies;
}

Expected<WordFrequencies> WordFrequencies::load(const std::string& path) {
  auto text = read_data_file(path);
  if (!text) return Error{ErrorKind::MissingDependency, path, 0, "cannot read the word frequencies"};
  return parse(*text);
}

bool WordFrequencies::has(const std::string& word) const {
  const std::string key = plain_apostrophes(lower(word));
  if (counts_.count(key)) return true;
  const std::size_t apostrophe = key.find('\'');  // "l'accès": "l'" and "accès"
  return apostrophe != std::string::npos && apostrophe > 0 && apostrophe + 1 < key.size() &&
         counts_.count(key.substr(0, apostrophe + 1)) && counts_.count(key.substr(apostrophe + 1));
}

double WordFrequencies::log_probability(const std::string& word) const {
  const double total = std::max(total_, 1.0);
  const std::string key = plain_apostrophes(lower(word));
  auto found = counts_.find(key);
  if (found != counts_.end()) return std::log(found->second / total);
  // The list counts an elision as its own token ("l'", "accès"): an elided word is both.
  const std::size_t apostrophe = key.find('\'');
  if (apostrophe != std::string::npos && apostrophe > 0 && apostrophe + 1 < key.size()) {
    auto article = counts_.find(key.substr(0, apostrophe + 1));
    auto rest = counts_.find(key.substr(apostrophe + 1));
    if (article != counts_.end() && rest != counts_.end())
      return std::log(article->second / total) + std::log(rest->second / total);
  }
  return std::log(0.5 / total);
}

std::vector<Correction> Corrector::candidates(const std::string& word, Lexicon& lexicon,
                                              int max_confusions) const {
  const std::vector<std::string> printed = characters(word);
  // One confusion: `length` printed characters from `at` (none: a character the engine lost
  // there) stand for `truth`.
  struct Edit {
    std::size_t at, length;
    std::string truth;
    double log_probability;
  };
  std::vector<Edit> edits;
  for (std::size_t at = 0; at < printed.size(); ++at) {
    // A character the engine lost, inside the word: lost at either end, the word is more likely
    // a piece of a word cut by the layout ("ation", "recherc") than a misreading.
    if (at > 0)
      for (const auto& reading : confusions_.readings_of(""))
        if (!reading.truth.empty()) edits.push_back({at, 0, reading.truth, reading.log_probability});
    // One to three printed characters for what the page had (possibly nothing).
    std::string engine;
    for (std::size_t k = 1; k <= confusions_.longest_engine() && at + k <= printed.size(); ++k) {
      engine += printed[at + k - 1];
      for (const auto& reading : confusions_.readings_of(engine))
        edits.push_back({at, k, reading.truth, reading.log_probability});
    }
  }
  // The word with edits applied (in order, not overlapping).
  const auto spelt_with = [&](const Edit* first, const Edit* second) {
    std::string spelt;
    std::size_t at = 0;
    for (const Edit* edit : {first, second}) {
      if (!edit) continue;
      for (; at < edit->at; ++at) spelt += printed[at];
      spelt += edit->truth;
      at += edit->length;
    }
    for (; at < printed.size(); ++at) spelt += printed[at];
    return spelt;
  };
  // Every spelling reached, with its channel log-probability (the best of the ways to reach it)
  // and its confusions. Unchanged characters cost nothing: P(c | c) is near 1.
  std::map<std::string, std::pair<double, int>> reached;
  const auto reach = [&](const std::string& spelt, double log_probability, int confusions) {
    auto [found, added] = reached.emplace(spelt, std::make_pair(log_probability, confusions));
    if (!added && log_probability > found->second.first) found->second = {log_probability, confusions};
  };
  for (const Edit& edit : edits) reach(spelt_with(&edit, nullptr), edit.log_probability, 1);
  // Two confusions: pairs of the `pair_edits` most probable ones only, so that a word's cost is
  // bounded whatever its length or garbling (all pairs of a garbled word of 15 letters make
  // hundreds of thousands of spellings); what is left out are the least probable spellings.
  if (max_confusions >= 2) {
    std::vector<const Edit*> likely;
    for (const Edit& edit : edits) likely.push_back(&edit);
    std::stable_sort(likely.begin(), likely.end(),
                     [](const Edit* a, const Edit* b) { return a->log_probability > b->log_probability; });
    if (likely.size() > pair_edits) likely.resize(pair_edits);
    for (const Edit* a : likely)
      for (const Edit* b : likely) {
        // `a` before `b`, not overlapping; a lost character may come before a misread one at the
        // same place, but not two lost characters at one place (as the search had it).
        const bool before =
            a->length > 0 ? a->at + a->length <= b->at : a->at < b->at || (a->at == b->at && b->length > 0);
        if (before) reach(spelt_with(a, b), a->log_probability + b->log_probability, 2);
      }
  }
  // A capital printed without its accent is how French prints capitals ("Ecole", "Etaient"):
  // no misreading.
  const std::string first = printed.empty() ? "" : printed[0];
  const bool bare_capital = first.size() == 1 && first[0] >= 'A' && first[0] <= 'Z';
  std::vector<Correction> found;
  for (const auto& [spelt, channel] : reached) {
    if (spelt == word || spelt.empty()) continue;
    // A word's letters, apostrophes and hyphens: a stop or a comma inside it ("c.o-financé") is
    // two words, not one word misread.
    if (spelt.find_first_of(".,;:!?()/\"«»0123456789 ") != std::string::npos) continue;
    if (bare_capital && accented_capital_of(characters(spelt)[0]) == first[0]) continue;
    // A capital stays a capital ("Etaient" is no "étaient"): the case of a word's first letter is
    // the sentence's, not a misreading.
    const icu::UnicodeString head = icu::UnicodeString::fromUTF8(first);
    const icu::UnicodeString spelt_head = icu::UnicodeString::fromUTF8(characters(spelt)[0]);
    if (!head.isEmpty() && !spelt_head.isEmpty() && u_isupper(head.char32At(0)) &&
        u_islower(spelt_head.char32At(0)) && spelt.find_first_of("'’") == std::string::npos)
      continue;
    // Two confusions make hundreds of spellings: only the frequency list's words are looked up.
    if (channel.second > 1 && !frequencies_.has(spelt)) continue;
    if (!lexicon.knows(spelt)) continue;
    found.push_back({spelt, frequencies_.log_probability(spelt) + channel.first, 0});
  }
  std::sort(found.begin(), found.end(),
            [](const Correction& a, const Correction& b) { return a.score > b.score; });
  return found;
}

std::optional<Correction> Corrector::correct(const std::string& word, Lexicon& lexicon,
                                             double min_margin) const {
  if (!is_repairable(word) || lexicon.knows_spelling(word)) return std::nullopt;
  // The word after an elision ("l'", "d’"), if any.
  const std::size_t apostrophe = word.find('\'');
  const std::size_t curly = word.find("’");
  const std::size_t cut = apostrophe != std::string::npos ? apostrophe + 1
                          : curly != std::string::npos    ? curly + std::string("’").size()
                                                          : 0;
  const std::string head = word.substr(0, cut), rest = word.substr(cut);
  // French prints capitals bare: "Etat", "Etaient", "l'Ecu" are "État", "Étaient", "l'Écu" as
  // printed, not misreadings ("Etat" went to "Plat", "Etaient" to "t'aient" on real scans). Word
  // repair leaves them too.
  if (rest.size() > 1 && (rest[0] == 'E' || rest[0] == 'A'))
    for (const char* accented : {"É", "È", "Ê", "À"})
      if (lexicon.knows(head + accented + rest.substr(1))) return std::nullopt;
  // After an elision, a word in capitals is an acronym ("l'EPCI"), as word repair has it.
  if (cut > 0 && rest.size() > 1 &&
      std::all_of(rest.begin(), rest.end(), [](char c) { return (c >= 'A' && c <= 'Z') || c == '-'; }))
    return std::nullopt;
  // French makes verbs of nouns freely ("mentor", "mentorer"): a participle whose stem the
  // lexicon knows ("mentorés") is a word it lacks, not a misreading ("mentors").
  for (const std::string ending : {"ées", "és", "ée", "é"})
    if (rest.size() > ending.size() + 3 &&
        rest.compare(rest.size() - ending.size(), ending.size(), ending) == 0 &&
        lexicon.knows(rest.substr(0, rest.size() - ending.size())))
      return std::nullopt;
  std::vector<Correction> found = candidates(word, lexicon);
  if (found.empty()) return std::nullopt;
  Correction best = found[0];
  best.margin = found.size() > 1 ? best.score - found[1].score : std::numeric_limits<double>::infinity();
  if (best.margin < min_margin) return std::nullopt;
  return best;
}

}  // namespace greffe::cleanup
