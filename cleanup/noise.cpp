#include "cleanup/noise.h"

#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <sstream>
#include <vector>

namespace greffe::cleanup {

namespace {

// Symbols that in these registers only ever come from specks, rules and stamp borders when
// they stand alone. Dashes, colons, semicolons, %, €, parentheses, quotes and bullets are text.
bool is_noise_symbol(UChar32 c) {
  switch (c) {
    case '|':
    case '_':
    case '=':
    case '*':
    case '+':
    case '~':
    case '^':
    case '`':
    case '#':
    case '\\':
    case '<':
    case '>':
    case '{':
    case '}':
    case '[':
    case ']':
    case '@':
    case 0x00A9: /* © */
    case 0x00AE: /* ® */
    case 0x00A6: /* ¦ */
    case 0x00AC: /* ¬ */
    case 0x00B0: /* ° */
    case 0x2018: /* ‘ */
    case 0x2019: /* ’ */
    case '\'':
    case 0x00B7: /* · */ return true;
    default: return false;
  }
}

bool is_lone_stop(const std::string& token) {
  return token == "." || token == ",";
}

bool ends_in_punctuation(const std::string& token) {
  return !token.empty() && std::string(".,;:!?-–—").find(token.back()) != std::string::npos;
}

// A token is noise when every character is a noise symbol.
bool is_noise(const std::string& token) {
  if (token == "..") return true;
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(token);
  if (text.isEmpty()) return false;
  for (int32_t i = 0; i < text.length();) {
    const UChar32 c = text.char32At(i);
    i += U16_LENGTH(c);
    if (!is_noise_symbol(c)) return false;
  }
  return true;
}

// Whether a "]" follows on the line, in tokens[i] after its first character or in a later token.
bool closes_later(const std::vector<std::string>& tokens, std::size_t i) {
  if (tokens[i].find(']', 1) != std::string::npos) return true;
  for (std::size_t k = i + 1; k < tokens.size(); ++k)
    if (tokens[k].find(']') != std::string::npos) return true;
  return false;
}

}  // namespace

std::vector<NoiseVerdict> judge_noise(const std::vector<std::string>& tokens) {
  std::vector<NoiseVerdict> verdicts(tokens.size());
  std::string last_kept;  // the last kept token, with the stops glued to it
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    NoiseVerdict& verdict = verdicts[i];
    verdict.fate = NoiseFate::Dropped;
    // A lone symbol opening a line is a bullet misread ("■" as "=" or "#", "-" as "+" or "*"):
    // keep it, the line is a list item.
    const bool bullet = i == 0 && tokens.size() > 1 && tokens[i].size() == 1 &&
                        std::string("=#+*").find(tokens[i]) != std::string::npos;
    if (is_noise(tokens[i]) && !bullet) continue;
    // A lone "." or "," after a word is its punctuation set apart ("2021 , conformément");
    // anywhere else it is a speck.
    if (is_lone_stop(tokens[i])) {
      if (!last_kept.empty() && !ends_in_punctuation(last_kept)) {
        verdict = {NoiseFate::GluedBefore, tokens[i]};
        last_kept += tokens[i];
      }
      continue;
    }
    // A hyphen glued to the front of a lower-case word inside a line ("Marseille -propose") is a
    // speck: French words never start with one ("a-t-il" is one token), and a list dash opens
    // the line.
    std::string token = tokens[i];
    // A list dash with underscores glued after it ("-__ Rapprocher") is the dash and specks.
    if (i == 0 && token.size() > 1 && token[0] == '-' && token.find_first_not_of('_', 1) == std::string::npos)
      token = "-";
    if (i > 0 && token.size() > 2 && token[0] == '-' && token[1] >= 'a' && token[1] <= 'z') token.erase(0, 1);
    // A square bracket glued to the front of a word, with none closing it later on the line, is a
    // speck beside the letter ("Culture, [Innovation": a blob of 000 p3's seal on the "I"). The
    // registers' prose uses parentheses; brackets come in pairs, and on one line.
    if (token.size() > 1 && token[0] == '[' && !is_noise_symbol(static_cast<unsigned char>(token[1])) &&
        !closes_later(tokens, i))
      token.erase(0, 1);
    verdict = {NoiseFate::Kept, token};
    last_kept = token;
  }
  return verdicts;
}

std::string remove_noise(std::string_view line) {
  std::istringstream in{std::string(line)};
  std::vector<std::string> tokens;
  for (std::string token; in >> token;) tokens.push_back(token);
  std::string kept;
  for (const NoiseVerdict& verdict : judge_noise(tokens)) {
    if (verdict.fate == NoiseFate::Dropped) continue;
    if (verdict.fate == NoiseFate::Kept && !kept.empty()) kept += ' ';
    kept += verdict.text;
  }
  return kept;
}

bool is_low_confidence_speck(const Word& word, bool opens_line, Lexicon& lexicon) {
  if (opens_line || word.confidence >= kSpeckConfidence || word.text.empty()) return false;
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(word.text);
  int alnum = 0, digits = 0, lower = 0;
  for (int32_t i = 0; i < text.length();) {
    const UChar32 c = text.char32At(i);
    i += U16_LENGTH(c);
    if (u_isalnum(c)) ++alnum;
    if (u_isdigit(c)) ++digits;
    if (u_islower(c)) ++lower;
  }
  if (alnum == 0) {
    // Dashes (however many: "--", "-—" are one dash read twice), and a lone "." or ",", which the
    // text pass gives back to the word before.
    if (word.text.find_first_not_of("-\xE2\x80\x93\x94") == std::string::npos) return false;
    static const std::string meaningful[] = {".", ",", ":", ";", "(", ")",  "«",
                                             "»", "%", "€", "?", "!", "\"", "/"};
    for (const std::string& mark : meaningful)
      if (word.text == mark) return false;
    return true;
  }
  if (alnum > 2 || digits == alnum) return false;
  // The word without the punctuation around it ("de," is "de").
  int32_t start = 0, end = text.length();
  while (start < end && !u_isalnum(text.char32At(start))) start = text.moveIndex32(start, 1);
  while (end > start && !u_isalnum(text.char32At(text.moveIndex32(end, -1)))) end = text.moveIndex32(end, -1);
  std::string core;
  text.tempSubString(start, end - start).toUTF8String(core);
  const bool french_word =
      lower == alnum && (alnum == 2 ? lexicon.knows(core) : core == "a" || core == "à" || core == "y");
  return !french_word;
}

}  // namespace greffe::cleanup
