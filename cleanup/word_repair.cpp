#include "cleanup/word_repair.h"

#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <iterator>
#include <set>
#include <vector>

namespace greffe::cleanup {

namespace {

using Letters = std::u32string;

Letters to_letters(const std::string& utf8) {
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(utf8);
  Letters letters;
  for (int32_t i = 0; i < text.length();) {
    const UChar32 c = text.char32At(i);
    i += U16_LENGTH(c);
    letters += static_cast<char32_t>(c);
  }
  return letters;
}

// Encoded by hand rather than through an icu::UnicodeString: this runs once per made-up
// spelling, hundreds of times per damaged word. The letters are code points read by to_letters
// or taken from the substitution table, so all are valid.
std::string to_utf8(const Letters& letters) {
  std::string utf8;
  utf8.reserve(letters.size() * 2);
  for (const char32_t c : letters) {
    if (c < 0x80) {
      utf8 += static_cast<char>(c);
    } else if (c < 0x800) {
      utf8 += static_cast<char>(0xC0 | (c >> 6));
      utf8 += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      utf8 += static_cast<char>(0xE0 | (c >> 12));
      utf8 += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      utf8 += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      utf8 += static_cast<char>(0xF0 | (c >> 18));
      utf8 += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      utf8 += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      utf8 += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return utf8;
}

// What Tesseract reads in place of a letter of French text, turned around: for each letter it
// printed, the letters that may have been on the page.
const std::vector<std::pair<char32_t, Letters>>& substitutions() {
  static const std::vector<std::pair<char32_t, Letters>> table = {
      {U'e', U"éèê"}, {U'é', U"èêeô"}, {U'è', U"éêe"}, {U'ê', U"éèe"}, {U'ë', U"eéè"}, {U'a', U"àâ"},
      {U'à', U"aâ"},  {U'â', U"aà"},   {U'ä', U"aàâ"}, {U'ö', U"oô"},  {U'ü', U"uû"},  {U'i', U"îïlu"},
      {U'î', U"iï"},  {U'ï', U"iî"},   {U'o', U"ô"},   {U'ô', U"oé"},  {U'u', U"ùû"},  {U'ù', U"uû"},
      {U'û', U"uù"},  {U'c', U"ç"},    {U'g', U"ç"},   {U'q', U"g"},   {U'(', U"û"},
  };
  return table;
}

// Every spelling one confusion away from `word` (lower case).
std::set<Letters> one_confusion_away(const Letters& word) {
  std::set<Letters> found;
  for (std::size_t i = 0; i < word.size(); ++i) {
    for (const auto& [printed, meant] : substitutions()) {
      if (word[i] != printed) continue;
      for (char32_t letter : meant) {
        // A "u" broken into an "i" ("Bireau") only in longer words: in a short one the swap lands
        // on another word by chance ("ia" is "la", not "ua").
        if (printed == U'i' && letter == U'u' && word.size() < 5) continue;
        Letters candidate = word;
        candidate[i] = letter;
        found.insert(candidate);
      }
    }
    // Two letters for one: "ce"/"oe" for "œ", "rn" for "m".
    if (i + 1 < word.size()) {
      const Letters pair = word.substr(i, 2);
      const char32_t* one = pair == U"ce" || pair == U"oe" ? U"œ" : pair == U"rn" ? U"m" : nullptr;
      if (one) found.insert(word.substr(0, i) + one + word.substr(i + 2));
    }
    // A letter read twice, bare and accented: "Meétropole", "Aiïx".
    if (i + 1 < word.size()) {
      const char32_t a = word[i], b = word[i + 1];
      const bool doubled = (a == U'e' && (b == U'é' || b == U'è' || b == U'ê')) ||
                           ((a == U'é' || a == U'è') && b == U'e') ||
                           (a == U'i' && (b == U'ï' || b == U'î')) || ((a == U'ï' || a == U'î') && b == U'i');
      if (doubled) {
        found.insert(word.substr(0, i) + word.substr(i + 1));
        found.insert(word.substr(0, i + 1) + word.substr(i + 2));
      }
    }
  }
  found.erase(word);
  return found;
}

// Two spellings of one length that differ in one letter only.
bool one_letter_apart(const Letters& a, const Letters& b) {
  if (a.size() != b.size()) return false;
  std::size_t differ = 0;
  for (std::size_t i = 0; i < a.size(); ++i) differ += a[i] != b[i];
  return differ == 1;
}

enum class Shape { Lower, Capitalised, Other };

Shape shape_of(const Letters& word) {
  bool first_upper = false, rest_upper = false, any_letter = false;
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (!u_isalpha(static_cast<UChar32>(word[i]))) continue;
    const bool upper = u_isupper(static_cast<UChar32>(word[i]));
    if (!any_letter)
      first_upper = upper;
    else if (upper)
      rest_upper = true;
    any_letter = true;
  }
  if (!any_letter || rest_upper) return Shape::Other;  // acronyms, names in capitals, "McDo"
  return first_upper ? Shape::Capitalised : Shape::Lower;
}

Letters lower(const Letters& word) {
  Letters out = word;
  for (char32_t& c : out) c = static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
  return out;
}

std::string in_shape(Letters word, Shape shape) {
  if (shape == Shape::Capitalised && !word.empty())
    word[0] = static_cast<char32_t>(u_toupper(static_cast<UChar32>(word[0])));
  return to_utf8(word);
}

bool has_digit_or_code_mark(const Letters& word) {
  for (char32_t c : word)
    if (u_isdigit(static_cast<UChar32>(c)) || c == U'_' || c == U'/' || c == U'@' || c == U'.' || c == U':')
      return true;
  return false;
}

bool is_vowel_or_h(char32_t c) {
  return Letters(U"aeiouyhéèêàâîïôûœ").find(c) != Letters::npos;
}

// "I'emploi" for "l'emploi"; "linclusion", "dun" for "l'inclusion", "d'un".
std::optional<std::string> apostrophe_repair(const Letters& word, Shape shape, Lexicon& lexicon) {
  if (word.size() > 2 && word[0] == U'I' && (word[1] == U'\'' || word[1] == U'’') &&
      u_islower(static_cast<UChar32>(word[2]))) {
    const std::string candidate = "l" + to_utf8(word.substr(1));
    if (lexicon.knows(candidate)) return candidate;
  }
  if (shape == Shape::Other) return std::nullopt;
  const Letters low = lower(word);
  for (const Letters& elided : {Letters(U"qu"), Letters(U"l"), Letters(U"d"), Letters(U"n"), Letters(U"s"),
                                Letters(U"j"), Letters(U"m"), Letters(U"t"), Letters(U"c")}) {
    if (low.size() < elided.size() + 3 || low.compare(0, elided.size(), elided) != 0) continue;
    if (!is_vowel_or_h(low[elided.size()])) continue;
    const Letters candidate = low.substr(0, elided.size()) + U"'" + low.substr(elided.size());
    const std::string spelt = in_shape(candidate, shape);
    // The word after the apostrophe must be one too: "d'un" yes, but not any split of a name.
    if (lexicon.knows(spelt) && lexicon.knows(to_utf8(low.substr(elided.size())))) return spelt;
  }
  return std::nullopt;
}

// The letter without its accent, diaeresis or cedilla ("é" -> "e"); other letters as they are.
char32_t bare_letter(char32_t c) {
  static const std::vector<std::pair<Letters, char32_t>> groups = {
      {U"éèêë", U'e'}, {U"àâä", U'a'}, {U"îï", U'i'}, {U"ôö", U'o'},
      {U"ùûü", U'u'},  {U"ç", U'c'},   {U"ÿ", U'y'}};
  for (const auto& [accented, bare] : groups)
    if (accented.find(c) != Letters::npos) return bare;
  return c;
}

// Whether `candidate` is `printed` with some of its accents taken off and nothing else changed
// ("kévin" -> "kevin"), both lower case.
bool only_accents_removed(const Letters& printed, const Letters& candidate) {
  if (printed.size() != candidate.size()) return false;
  for (std::size_t i = 0; i < printed.size(); ++i)
    if (printed[i] != candidate[i] && bare_letter(printed[i]) != candidate[i]) return false;
  return true;
}

// The only known spelling among `candidates`, if there is exactly one. A capital keeps its
// letter: French often prints capitals without accents ("Ecole"), and that is no OCR error.
//
// A name the lexicon knows only with its capital ("Kevin", "Aix") is not reached by taking an
// accent off the printed word: names are spelt as their owners spell them ("Kévin", "Héloise"),
// and the engine seldom invents an accent (cleanup/data/confusions.tsv: it printed "é" for "e" 7
// times in 15,654, "ï" for "i" once in 8,908, while it drops them 4% to 57% of the time), so
// the printed accent is the name's own.
std::optional<std::string> only_known(const std::set<Letters>& candidates, Shape shape, Lexicon& lexicon,
                                      bool& ambiguous, const Letters& printed) {
  std::optional<std::string> found;
  for (const Letters& candidate : candidates) {
    if (shape == Shape::Capitalised && candidate[0] != printed[0]) continue;
    const std::string spelt = in_shape(candidate, shape);
    if (!lexicon.knows(spelt)) continue;
    if (shape == Shape::Capitalised && only_accents_removed(printed, candidate) &&
        !lexicon.knows(to_utf8(candidate)))
      continue;
    if (found && *found != spelt) {
      ambiguous = true;
      return std::nullopt;
    }
    found = spelt;
  }
  return found;
}

std::optional<WordRepair> repair_one(const std::string& word, Lexicon& lexicon, Lexicon* english,
                                     Reach reach);

}  // namespace

bool is_repairable(const std::string& word) {
  return word.size() >= 2 && word.find_first_of("0123456789_/@:.") == std::string::npos &&
         std::any_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

std::optional<WordRepair> repair_word(const std::string& word, Lexicon& lexicon, Lexicon* english,
                                      Reach reach) {
  if (word.find('-') == std::string::npos || lexicon.knows_spelling(word))
    return repair_one(word, lexicon, english, reach);
  std::optional<WordRepair> repaired;
  std::string rebuilt;
  std::size_t start = 0;
  while (start <= word.size()) {
    const std::size_t hyphen = std::min(word.find('-', start), word.size());
    std::string part = word.substr(start, hyphen - start);
    if (auto fixed = repair_one(part, lexicon, english, reach)) {
      part = fixed->word;
      if (!repaired) repaired = WordRepair{"", fixed->rule};
    }
    rebuilt += part;
    if (hyphen < word.size()) rebuilt += '-';
    start = hyphen + 1;
  }
  if (repaired) repaired->word = rebuilt;
  return repaired;
}

namespace {

std::optional<WordRepair> repair_one(const std::string& word, Lexicon& lexicon, Lexicon* english,
                                     Reach reach) {
  // Cheap byte tests first: numbers, codes and words in capitals are never repaired, and most
  // other words cost one cache look-up.
  if (!is_repairable(word) || lexicon.knows_spelling(word)) return std::nullopt;
  const Letters letters = to_letters(word);
  if (letters.size() < 2 || has_digit_or_code_mark(letters)) return std::nullopt;

  const Shape shape = shape_of(letters);
  if (auto repaired = apostrophe_repair(letters, shape, lexicon)) return WordRepair{*repaired, "apostrophe"};
  if (shape == Shape::Other) return std::nullopt;
  // A capitalised English word is a name ("Coding School"); a lower-case one ("presents") is
  // more likely French that lost its accent. First names are names too: "Gerard" and "Francois"
  // are printed so as often as "Gérard" and "François", and no rule can tell a lost accent.
  if (shape == Shape::Capitalised && english && english->knows(word)) return std::nullopt;
  auto accepted = [](const std::string& repaired) -> std::optional<WordRepair> {
    return WordRepair{repaired, "accent"};
  };

  const Letters low = lower(letters);
  const std::set<Letters> one = one_confusion_away(low);
  bool ambiguous = false;
  if (auto repaired = only_known(one, shape, lexicon, ambiguous, low)) return accepted(*repaired);
  if (ambiguous || reach == Reach::OneConfusion || low.size() > 20) return std::nullopt;
  std::set<Letters> two;
  for (const Letters& candidate : one) {
    const std::set<Letters> further = one_confusion_away(candidate);
    two.insert(further.begin(), further.end());
  }
  two.erase(low);
  // Two confusions are two letters misread. The same letter confused twice would chain the
  // table into confusions it does not hold: "é" -> "ô" -> "o" made "prévisionnellement"
  // "provisionnellement", "i" -> "u" -> "û" an "i" read for a "û".
  for (auto it = two.begin(); it != two.end();)
    it = one_letter_apart(*it, low) ? two.erase(it) : std::next(it);
  if (auto repaired = only_known(two, shape, lexicon, ambiguous, low)) return accepted(*repaired);
  return std::nullopt;
}

}  // namespace

}  // namespace greffe::cleanup
