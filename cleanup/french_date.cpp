#include "cleanup/french_date.h"

#include <array>
#include <cctype>
#include <cstdio>
#include <regex>
#include <vector>

namespace greffe::cleanup {

namespace {

// Accented letters are spelt out: std::regex compares bytes, and icase only folds ASCII.
const std::array<const char*, 12> kMonths = {
    "janvier", "f(?:é|É|e)vrier", "mars",      "avril",   "mai",      "juin",
    "juillet", "ao(?:û|Û|u)t",    "septembre", "octobre", "novembre", "d(?:é|É|e)cembre"};

const std::regex& written_date() {
  static const std::regex pattern = [] {
    std::string months;
    for (const char* month : kMonths) months += std::string(months.empty() ? "" : "|") + "(" + month + ")";
    return std::regex("\\b([0-9]{1,2})(?:er)?\\s+(?:" + months + ")\\s+([0-9]{4})\\b", std::regex::icase);
  }();
  return pattern;
}

const std::regex& numeric_date() {
  static const std::regex pattern(
      "\\b(?:([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})|([0-9]{4})-([0-9]{2})-([0-9]{2}))\\b");
  return pattern;
}

bool is_valid(int year, int month, int day) {
  static const std::array<int, 12> days = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (year < 1800 || year > 2200 || month < 1 || month > 12 || day < 1) return false;
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  if (month == 2 && day == 29) return leap;
  return day <= days[static_cast<std::size_t>(month - 1)];
}

std::string iso(int year, int month, int day) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  return buffer;
}

// A French number written in words, "dix-neuf", "deux mille vingt-trois", "mil neuf cent
// quatre-vingt-dix", "premier": the words lower case without accents, "et" and hyphens dropped.
std::optional<int> number_in_words(const std::vector<std::string>& words) {
  static const std::array<std::pair<const char*, int>, 24> values = {
      {{"un", 1},     {"une", 1},     {"premier", 1}, {"deux", 2},      {"trois", 3},      {"quatre", 4},
       {"cinq", 5},   {"six", 6},     {"sept", 7},    {"huit", 8},      {"neuf", 9},       {"dix", 10},
       {"onze", 11},  {"douze", 12},  {"treize", 13}, {"quatorze", 14}, {"quinze", 15},    {"seize", 16},
       {"vingt", 20}, {"vingts", 20}, {"trente", 30}, {"quarante", 40}, {"cinquante", 50}, {"soixante", 60}}};
  if (words.empty()) return std::nullopt;
  int total = 0, current = 0;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string& word = words[i];
    if (word == "mille" || word == "mil") {
      total += (current == 0 ? 1 : current) * 1000;
      current = 0;
    } else if (word == "cent" || word == "cents") {
      current = (current == 0 ? 1 : current) * 100;
    } else if ((word == "vingt" || word == "vingts") && current % 100 == 4) {
      current += 80 - 4;  // quatre-vingt
    } else {
      int value = -1;
      for (const auto& [name, number] : values)
        if (word == name) value = number;
      if (value < 0) return std::nullopt;
      current += value;
    }
  }
  return total + current;
}

// Words of `text` (letters only, lower case, accents of the month names kept), with their offsets;
// hyphens, apostrophes, commas and "et" separate them.
struct TextWord {
  std::string word;
  std::size_t position;
};

std::vector<TextWord> words_of(std::string_view text) {
  std::vector<TextWord> words;
  std::size_t i = 0;
  while (i < text.size()) {
    // Letters are ASCII or two-byte UTF-8 (é, û...); "’", "–", "«", no-break spaces separate.
    auto letter_length = [&](std::size_t at) -> std::size_t {
      const unsigned char b = static_cast<unsigned char>(text[at]);
      if (std::isalpha(b)) return 1;
      if (b == 0xC3 && at + 1 < text.size()) return 2;
      return 0;
    };
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (letter_length(i)) {
      const std::size_t start = i;
      std::string word;
      while (i < text.size() && letter_length(i)) {
        if (letter_length(i) == 1) {
          word += static_cast<char>(std::tolower(static_cast<unsigned char>(text[i])));
          ++i;
        } else {
          unsigned char second = static_cast<unsigned char>(text[i + 1]);
          if (second >= 0x80 && second <= 0x9E) second = static_cast<unsigned char>(second + 0x20);  // É -> é
          word += static_cast<char>(0xC3);
          word += static_cast<char>(second);
          i += 2;
        }
      }
      words.push_back({word, start});
    } else {
      if (std::isdigit(c)) words.push_back({"#", i});  // a digit breaks a number in words
      ++i;
    }
  }
  return words;
}

int month_of(const std::string& word) {
  static const std::array<const char*, 12> months = {"janvier",   "février", "mars",     "avril",
                                                     "mai",       "juin",    "juillet",  "août",
                                                     "septembre", "octobre", "novembre", "décembre"};
  static const std::array<const char*, 12> bare = {"janvier",   "fevrier", "mars",     "avril",
                                                   "mai",       "juin",    "juillet",  "aout",
                                                   "septembre", "octobre", "novembre", "decembre"};
  for (std::size_t m = 0; m < months.size(); ++m)
    if (word == months[m] || word == bare[m]) return static_cast<int>(m) + 1;
  return 0;
}

// "le dix-neuf décembre deux mille vingt-trois", "L'an deux mille vingt-trois, le dix-neuf
// décembre": a day and a year in words around a month's name.
std::optional<FoundDate> date_in_words(std::string_view text) {
  const std::vector<TextWord> words = words_of(text);
  for (std::size_t m = 0; m < words.size(); ++m) {
    const int month = month_of(words[m].word);
    if (!month) continue;
    // The day: the longest run of number words just before the month (at most four) that reads 1-31.
    std::optional<int> day;
    std::size_t day_start = m;
    for (std::size_t take = std::min<std::size_t>(4, m); take >= 1 && !day; --take) {
      std::vector<std::string> run;
      for (std::size_t k = m - take; k < m; ++k)
        if (words[k].word != "et") run.push_back(words[k].word);
      const auto value = number_in_words(run);
      if (value && *value >= 1 && *value <= 31) day = value, day_start = m - take;
    }
    if (!day) continue;
    // The year: number words right after the month, else after "l'an" before the day.
    auto year_from = [&](std::size_t from) -> std::optional<int> {
      std::vector<std::string> run;
      std::optional<int> year;
      for (std::size_t k = from; k < words.size() && k < from + 8; ++k) {
        if (words[k].word == "et") continue;
        run.push_back(words[k].word);
        const auto value = number_in_words(run);
        if (!value) break;
        if (*value >= 1800 && *value <= 2200) year = value;
      }
      return year;
    };
    std::optional<int> year = year_from(m + 1);
    std::size_t start = words[day_start].position;
    if (!year) {
      for (std::size_t k = day_start; k-- > 0 && k + 12 > day_start;) {
        if (words[k].word == "an" && k > 0 && words[k - 1].word == "l") {
          year = year_from(k + 1);
          start = words[k - 1].position;
          break;
        }
      }
    }
    if (!year) continue;
    const std::size_t end = words[m].position + words[m].word.size();
    return FoundDate{iso(*year, month, *day), start, end - start};
  }
  return std::nullopt;
}

}  // namespace

std::optional<FoundDate> find_french_date(std::string_view text) {
  std::optional<FoundDate> earliest;
  auto consider = [&](std::size_t position, std::size_t length, int year, int month, int day) {
    if (!is_valid(year, month, day)) return;
    if (!earliest || position < earliest->position)
      earliest = FoundDate{iso(year, month, day), position, length};
  };
  using Iterator = std::regex_iterator<std::string_view::const_iterator>;
  for (Iterator it(text.begin(), text.end(), written_date()), end; it != end; ++it) {
    const auto& match = *it;
    int month = 0;
    for (std::size_t i = 0; i < kMonths.size(); ++i)
      if (match[i + 2].matched) month = static_cast<int>(i) + 1;
    consider(static_cast<std::size_t>(match.position(0)), static_cast<std::size_t>(match.length(0)),
             std::stoi(match[14].str()), month, std::stoi(match[1].str()));
    if (earliest) break;
  }
  for (Iterator it(text.begin(), text.end(), numeric_date()), end; it != end; ++it) {
    const auto& match = *it;
    if (earliest && static_cast<std::size_t>(match.position(0)) > earliest->position) break;
    if (match[1].matched)
      consider(static_cast<std::size_t>(match.position(0)), static_cast<std::size_t>(match.length(0)),
               std::stoi(match[3].str()), std::stoi(match[2].str()), std::stoi(match[1].str()));
    else
      consider(static_cast<std::size_t>(match.position(0)), static_cast<std::size_t>(match.length(0)),
               std::stoi(match[4].str()), std::stoi(match[5].str()), std::stoi(match[6].str()));
  }
  if (!earliest) {
    // Only when no date is printed in digits: a date in words is rarer, and slower to find.
    if (auto in_words = date_in_words(text);
        in_words && is_valid(std::stoi(in_words->iso.substr(0, 4)), std::stoi(in_words->iso.substr(5, 2)),
                             std::stoi(in_words->iso.substr(8, 2))))
      earliest = in_words;
  }
  return earliest;
}

}  // namespace greffe::cleanup
