// Attendance: who was present, who was represented and by whom, who was excused.
// Métropole: "Étaient présents Mesdames et Messieurs : A - B - C." (names may run over the next
// paragraph), "Étaient absents et représentés …: X représenté par Y - …", "Étaient absents et excusés …".
// Communes: "Présents : …", "Absents ayant donné procuration : X à Y, …", "Absents excusés : …",
// and the counts line "en exercice : 27 - Présents : 21 - Votants : 25".
#include <cctype>
#include <regex>

#include "pipeline/parse/grammar.h"

namespace greffe::parse {

namespace {

enum class Heading { None, Present, Represented, Excused, Other };

Heading heading_of(const std::string& folded) {
  static const std::regex present("^(etaient presents|etaient presentes|presents\\s*:|membres presents)");
  static const std::regex represented(
      "^(etaient absents et representes|etaient absentes et representees|absents? (et )?representes|"
      "absents? ayant donne (procuration|pouvoir)|pouvoirs?\\s*:|procurations?\\s*:)");
  static const std::regex excused(
      "^(etaient absents et excuses|etaient absentes et excusees|absents? excuses|excuses\\s*:)");
  static const std::regex other("^(secretaire de seance|absents?\\s*:|etaient absents\\s*:)");
  if (std::regex_search(folded, represented)) return Heading::Represented;
  if (std::regex_search(folded, excused)) return Heading::Excused;
  if (std::regex_search(folded, present)) return Heading::Present;
  if (std::regex_search(folded, other)) return Heading::Other;
  return Heading::None;
}

bool is_upper_start(std::string_view word) {
  if (word.empty()) return false;
  const unsigned char c = static_cast<unsigned char>(word[0]);
  if (c >= 'A' && c <= 'Z') return true;
  // Latin-1 capitals in UTF-8: "É" is C3 89.
  return c == 0xC3 && word.size() > 1 && static_cast<unsigned char>(word[1]) >= 0x80 &&
         static_cast<unsigned char>(word[1]) <= 0x9E;
}

std::string trim(std::string_view s) {
  const char* strip = " .;,:()-";  // "- Philippe ARDHUIN": a list dash OCR kept
  const auto first = s.find_first_not_of(strip);
  if (first == std::string_view::npos) return "";
  const auto last = s.find_last_not_of(strip);
  return std::string(s.substr(first, last - first + 1));
}

// "Daniel GAGNON représenté par Roland GIBERTI", "M. Paul MARTIN à Mme Anne DURAND",
// "Paul MARTIN (pouvoir à Anne DURAND)".
std::optional<Proxy> split_proxy(const std::string& item) {
  static const std::vector<std::string> separators = {" a donné pouvoir à ",
                                                      " a donné procuration à ",
                                                      " donne pouvoir à ",
                                                      " pouvoir à ",
                                                      " procuration à ",
                                                      " représentée par ",
                                                      " représenté par ",
                                                      " representee par ",
                                                      " represente par ",
                                                      " à ",
                                                      " a "};
  for (const std::string& sep : separators) {
    const auto at = item.find(sep);
    if (at == std::string::npos) continue;
    Proxy proxy{trim(item.substr(0, at)), trim(item.substr(at + sep.size()))};
    if (looks_like_name(proxy.member) && looks_like_name(proxy.proxy)) return proxy;
  }
  return std::nullopt;
}

// The list after the heading's colon, or in the next paragraph when the heading ends there.
std::string list_of(const Paragraphs& paragraphs, std::size_t& i, Span zone, std::vector<bool>& used) {
  const std::string& text = paragraphs[i].text;
  const auto colon = text.find(':');
  std::string list = colon == std::string::npos ? "" : trim(text.substr(colon + 1));
  if (list.empty() && i + 1 < zone.end && heading_of(paragraphs[i + 1].folded) == Heading::None) {
    ++i;
    used[i] = true;
    list = paragraphs[i].text;
  }
  return list;
}

// "Présents : 21" (a count, maybe followed by other counts: "21, Votants : 25"), not a list of names.
std::optional<int> leading_count(const std::string& list) {
  std::size_t digits = 0;
  while (digits < list.size() && std::isdigit(static_cast<unsigned char>(list[digits]))) ++digits;
  if (digits == 0 || digits > 4) return std::nullopt;
  if (digits < list.size() && std::string(" ,;-.").find(list[digits]) == std::string::npos)
    return std::nullopt;
  return std::stoi(list.substr(0, digits));
}

}  // namespace

bool looks_like_name(std::string_view item) {
  if (item.empty() || item.size() > 80) return false;
  if (item.find_first_of(",:;0123456789") != std::string_view::npos) return false;
  static const std::vector<std::string_view> particles = {"de",  "du",  "des", "d'", "le", "la",
                                                          "van", "von", "di",  "da", "et"};
  int words = 0;
  std::size_t start = 0;
  while (start < item.size()) {
    auto end = item.find(' ', start);
    if (end == std::string_view::npos) end = item.size();
    const std::string_view word = item.substr(start, end - start);
    start = end + 1;
    if (word.empty()) continue;
    ++words;
    bool particle = false;
    for (auto p : particles) particle = particle || word == p || (p == "d'" && word.substr(0, 2) == "d'");
    if (!particle && !is_upper_start(word)) return false;
  }
  return words >= 1 && words <= 7;
}

namespace {

bool is_capitals(std::string_view word) {
  bool letter = false;
  for (std::size_t i = 0; i < word.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(word[i]);
    if (c >= 'a' && c <= 'z') return false;
    if (c == 0xC3 && i + 1 < word.size() && static_cast<unsigned char>(word[i + 1]) >= 0xA0) return false;  // à-ÿ
    letter = letter || (c >= 'A' && c <= 'Z') || c >= 0x80;
  }
  return letter && word.size() >= 2;
}

// Two "Firstname LASTNAME" names whose separator OCR lost ("Philippe GINOUX Jean-Pascal
// GOURNES"): a capitalised first name after a name in capitals starts the next name. Only when
// the item opens with a first name: "DUPONT Jean" order is left whole.
std::vector<std::string> split_run_together(const std::string& item) {
  std::vector<std::string> words;
  for (std::size_t start = 0; start < item.size();) {
    auto end = item.find(' ', start);
    if (end == std::string::npos) end = item.size();
    if (end > start) words.push_back(item.substr(start, end - start));
    start = end + 1;
  }
  if (words.size() < 4 || is_capitals(words[0])) return {item};
  std::vector<std::string> names;
  std::string current;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const bool starts_name = i > 0 && is_capitals(words[i - 1]) && !is_capitals(words[i]) && is_upper_start(words[i]);
    if (starts_name) names.push_back(current), current.clear();
    current += (current.empty() ? "" : " ") + words[i];
  }
  names.push_back(current);
  return names;
}

}  // namespace

std::vector<std::string> split_names(std::string_view list, std::vector<std::string>& unread) {
  std::vector<std::string> names;
  std::size_t start = 0;
  while (start <= list.size()) {
    // Items are separated by " - ", " – ", "," or ";" (a hyphen inside "Jean-Pascal" has no spaces).
    std::size_t best = std::string_view::npos, width = 0;
    for (std::string_view sep : {std::string_view(" - "), std::string_view(" \xE2\x80\x93 "),
                                 std::string_view(","), std::string_view(";")}) {
      const auto at = list.find(sep, start);
      if (at < best) best = at, width = sep.size();
    }
    const std::string item =
        trim(list.substr(start, best == std::string_view::npos ? std::string_view::npos : best - start));
    if (!item.empty()) {
      if (looks_like_name(item))
        for (std::string& name : split_run_together(item)) names.push_back(std::move(name));
      else
        unread.push_back(item);
    }
    if (best == std::string_view::npos) break;
    start = best + width;
  }
  return names;
}

void read_attendance(const Paragraphs& paragraphs, Span zone, std::vector<bool>& used, Deliberation& out) {
  static const std::regex counted("presents?\\s*:\\s*([0-9]{1,6})");
  for (std::size_t i = zone.begin; i < zone.end; ++i) {
    const Paragraph& p = paragraphs[i];
    std::smatch m;
    // The counts line of communal minutes: "Nombre de conseillers en exercice : 27 - Présents : 21 - …"
    if (p.folded.find("en exercice") != std::string::npos) {
      used[i] = true;
      if (!out.session.members_present_declared && std::regex_search(p.folded, m, counted))
        out.session.members_present_declared = std::stoi(m[1].str());
      continue;
    }
    const Heading heading = heading_of(p.folded);
    if (heading == Heading::None) continue;
    used[i] = true;
    const Place place = p.place;
    const std::string list = list_of(paragraphs, i, zone, used);
    if (heading == Heading::Other) continue;  // secretary, absents without proxy: no key in the contract
    if (heading == Heading::Present) {
      if (const auto count = leading_count(list)) {
        if (!out.session.members_present_declared) out.session.members_present_declared = count;
        continue;
      }
    }
    std::vector<std::string> unread;
    if (heading == Heading::Represented) {
      std::vector<std::string> items;
      // Split on the item separators only; " - " may not separate a member from a proxy.
      for (const std::string& item : split_names(list, items))
        unread.push_back(item);  // single names: no proxy
      for (const std::string& item : items) {
        if (auto proxy = split_proxy(item))
          out.represented.push_back(*proxy);
        else
          unread.push_back(item);
      }
    } else {
      auto names = split_names(list, unread);
      auto& target = heading == Heading::Present ? out.present : out.excused;
      target.insert(target.end(), names.begin(), names.end());
    }
    for (const std::string& item : unread)
      out.warnings.push_back(describe(place) + ": attendance item not read as a name: \"" + item + "\"");
  }
}

void check_attendance_count(Deliberation& out) {
  if (out.session.members_present_declared && !out.present.empty() &&
      static_cast<std::size_t>(*out.session.members_present_declared) != out.present.size())
    out.warnings.push_back(std::to_string(*out.session.members_present_declared) +
                           " members declared present, " + std::to_string(out.present.size()) +
                           " names listed");
}

}  // namespace greffe::parse
