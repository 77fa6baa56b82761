#include "cleanup/french_date.h"

#include <array>
#include <cstdio>
#include <regex>

namespace greffe::cleanup {

namespace {

// Accented letters are spelt out: std::regex compares bytes, and icase only folds ASCII.
const std::array<const char*, 12> kMonths = {
    "janvier",    "f(?:é|É|e)vrier", "mars",    "avril",
    "mai",        "juin",            "juillet", "ao(?:û|Û|u)t",
    "septembre",  "octobre",         "novembre", "d(?:é|É|e)cembre"};

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

}  // namespace

std::optional<FoundDate> find_french_date(std::string_view text) {
  std::optional<FoundDate> earliest;
  auto consider = [&](std::size_t position, std::size_t length, int year, int month, int day) {
    if (!is_valid(year, month, day)) return;
    if (!earliest || position < earliest->position) earliest = FoundDate{iso(year, month, day), position, length};
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
  return earliest;
}

}  // namespace greffe::cleanup
