// Attendance: who was present, who was represented and by whom, who was excused.
// Métropole: "Étaient présents Mesdames et Messieurs : A - B - C." (names may run over the next
// paragraph), "Étaient absents et représentés …: X représenté par Y - …", "Étaient absents et excusés …".
// Communes: "Présents : …", "Absents ayant donné procuration : X à Y, …", "Absents excusés : …",
// and the counts line "en exercice : 27 - Présents : 21 - Votants : 25".
#include <algorithm>
#include <cctype>
#include <regex>

#include "pipeline/parse/grammar.h"

namespace greffe::parse {

namespace {

enum class Heading { None, Present, Represented, Excused, Secretary, Other };

// The heading part of a paragraph, folded, with OCR's underscores for spaces ("Absents_excusés_ :").
std::string heading_words(const std::string& folded) {
  std::string out;
  for (char c : folded.substr(0, 160)) {
    const char d = c == '_' ? ' ' : c;
    if (d == ' ' && (out.empty() || out.back() == ' ')) continue;
    out += d;
  }
  return out;
}

// Attendance headings of every template met: Métropole "Étaient présents Mesdames et Messieurs :",
// communes "Présents :", "Absents ayant donné procuration :", "Absent excusé ayant donné pouvoir :",
// "Absents ayant voté par procuration …:", "Absents excusés :", "EXCUSÉS :", "Absent non excusé :",
// "Pouvoirs :", "Secrétaire de séance :". What the heading says decides the list's kind.
Heading heading_of(const std::string& folded) {
  const std::string h = heading_words(folded);
  static const std::regex opens(
      "^(etaient |etait )?(membres "
      ")?(presents?|presentes?|absents?|absentes?|excuses?|excusees?|representes?|"
      "secretaire|pouvoirs?|procurations?)\\b|"
      // "A donné pouvoir :", "Avait donné pouvoirs :", "Ont donné procuration :", "Personne ayant
      // donné procuration ;": a proxies' heading worded as a sentence.
      "^(personnes? ayant|a|avait|avaient|ont) donne (pouvoirs?|procurations?)\\s*[:;]");
  if (!std::regex_search(h, opens)) return Heading::None;
  const auto colon = h.find(':');
  // The Métropole's headings end "Mesdames et Messieurs :" or "Madame et Monsieur :".
  const std::string head = colon == std::string::npos ? h : h.substr(0, colon);
  if (colon == std::string::npos && h.size() > 80) return Heading::None;
  if (head.find("secretaire") != std::string::npos) return Heading::Secretary;
  if (head.find("pouvoir") != std::string::npos || head.find("procuration") != std::string::npos ||
      head.find("represente") != std::string::npos)
    return Heading::Represented;
  if (head.rfind("presen", 0) == 0 || head.rfind("etaient presen", 0) == 0 ||
      head.rfind("membres presen", 0) == 0)
    return Heading::Present;
  if (head.find("non excuse") != std::string::npos) return Heading::Other;
  if (head.find("excuse") != std::string::npos) return Heading::Excused;
  return Heading::Other;  // absents without proxy: no key in the contract
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

bool is_civility(const std::string& word) {
  static const std::vector<std::string> civilities = {"m.",   "m",      "mm",       "mm.",       "mme",
                                                      "mme.", "mmes",   "mlle",     "mr",        "mr.",
                                                      "mrs",  "madame", "monsieur", "messieurs", "mesdames"};
  const std::string f = fold(word);
  for (const std::string& c : civilities)
    if (f == c) return true;
  return false;
}

// "M.CHARRIER Jean-Paul": a civility glued to the surname in capitals, as a typist left it.
std::string unglued(const std::string& name) {
  for (const char* glued : {"M.", "Mme.", "MM.", "Mr."}) {
    const std::size_t n = std::char_traits<char>::length(glued);
    if (name.size() > n + 1 && name.compare(0, n, glued) == 0 && name[n] >= 'A' && name[n] <= 'Z' &&
        name[n + 1] >= 'A' && name[n + 1] <= 'Z')
      return std::string(glued) + " " + name.substr(n);
  }
  return name;
}

// "Mme Anne DURAND", "MM. BESSET François", "madame Jeanne GUILLOUET": the name without them.
// After a civility, "M." is the initial of a first name ("Madame M. FAUCHON"), not a second civility.
std::string without_civility(std::string name) {
  name = unglued(name);
  bool dropped = false;
  while (true) {
    const auto space = name.find(' ');
    if (space == std::string::npos) return name;
    const std::string word = name.substr(0, space);
    if (!is_civility(word) || (dropped && word == "M.")) return name;
    name = trim(name.substr(space + 1));
    dropped = true;
  }
}

// "Monsieur Jérôme BEQ, Maire, … Adjoints, … conseillers municipaux délégués": an office
// between the names is no name.
bool is_role(const std::string& item) {
  static const std::regex role(
      "^(le |la )?(maire|adjoints?|adjointes?|conseill\\S*|president\\S*|vice-president\\S*|delegue\\S*|"
      "membres?|secretaire\\S*)\\b");
  return std::regex_search(fold(item), role);
}

// "CHARRIER Jean-Paul Maire", "ROBERT Henri Adjoints", "BERNARD Bruno Délégué": the office a
// list prints after a member's name is not part of it (the name keeps two words at least).
std::string without_trailing_role(const std::string& item) {
  const auto space = item.rfind(' ');
  if (space == std::string::npos || item.find(' ') == space) return item;
  static const std::regex role(
      "^(maire|adjointe?s?|deleguee?s?|conseill[a-z]*|president[a-z]*|vice-president[a-z]*)$");
  return std::regex_search(fold(item.substr(space + 1)), role) ? item.substr(0, space) : item;
}

// The name at the start of `text`, its trailing words that are no name left out: "BESSET
// François Des de à comeenion" (a sidebar's words run on after it) gives "BESSET François Des".
std::string leading_name(const std::string& text) {
  std::string name;
  std::size_t start = 0;
  while (start < text.size()) {
    auto end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    const std::string word = text.substr(start, end - start);
    start = end + 1;
    if (word.empty()) continue;
    if (!looks_like_name(word) && !(word == "de" || word == "du" || word == "le" || word == "la")) break;
    // After two words of a name, a capitalised word before a lower-case one opens a sentence
    // ("Yves LELONG Le quorum est atteint"), unless the next word is a particle ("… de la FONTAINE").
    const bool mixed_case =
        std::any_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    if (mixed_case && name.find(' ') != std::string::npos && start < text.size()) {
      const std::string after = text.substr(start, text.find(' ', start) - start);
      const bool particle =
          after == "de" || after == "du" || after == "le" || after == "la" || after == "des";
      const unsigned char first = after.empty() ? 0 : static_cast<unsigned char>(after[0]);
      if ((std::islower(first) || (first == 0xC3 && !is_upper_start(after))) && !particle) break;
    }
    name += (name.empty() ? "" : " ") + word;
  }
  while (true) {  // no particle at the end
    const auto space = name.rfind(' ');
    const std::string last = space == std::string::npos ? name : name.substr(space + 1);
    if (last != "de" && last != "du" && last != "le" && last != "la") break;
    name = space == std::string::npos ? "" : name.substr(0, space);
  }
  return trim(name);
}

// "Daniel GAGNON représenté par Roland GIBERTI", "Madame X donne pouvoir à Monsieur Y",
// "X ayant donné procuration à Y", "Mme X donnant pouvoir à Mme Y", "X (Pouvoir à Y)", and under
// a proxies' heading "M. Paul MARTIN à Mme Anne DURAND".
std::optional<Proxy> split_proxy(const std::string& item, bool bare_a) {
  static const std::vector<std::string> separators = {" a donné pouvoir à ",
                                                      " a donné procuration à ",
                                                      " ayant donné procuration à ",
                                                      " ayant donné pouvoir à ",
                                                      " donne pouvoir à ",
                                                      " donnant pouvoir à ",
                                                      " donne procuration à ",
                                                      " (ayant donné pouvoir à ",
                                                      " (ayant donné procuration à ",
                                                      " (donne pouvoir à ",
                                                      " (donne procuration à ",
                                                      " (procuration à ",
                                                      " (procuration donnée à ",
                                                      " (pouvoir donné à ",
                                                      " (Pouvoir donné à ",
                                                      " pouvoir donné à ",
                                                      " procuration donnée à ",
                                                      " (pouvoir à ",
                                                      " (Pouvoir à ",
                                                      " pouvoir à ",
                                                      " Pouvoir à ",
                                                      " procuration à ",
                                                      " représentée par ",
                                                      " représenté par ",
                                                      " representee par ",
                                                      " represente par ",
                                                      " à ",
                                                      " a ",
                                                      " par "};
  for (const std::string& sep : separators) {
    // Under a proxies' heading, "X à Y" and "X par Y" ("Absents représentés : M. X par M. Y") are
    // proxies; elsewhere a bare "à" or "par" is no proxy ("Mme X, arrivée à 19 h").
    if (!bare_a && (sep == " à " || sep == " a " || sep == " par ")) continue;
    const auto at = item.find(sep);
    if (at == std::string::npos) continue;
    std::string member = item.substr(0, at);
    // "Aline ACHARD (absent excusé donne pouvoir à M. X)": the member before the note's bracket.
    if (const auto bracket = member.find(" ("); bracket != std::string::npos)
      member = member.substr(0, bracket);
    Proxy proxy{without_civility(trim(member)),
                leading_name(without_civility(trim(item.substr(at + sep.size()))))};
    if (looks_like_name(proxy.member) && looks_like_name(proxy.proxy)) return proxy;
  }
  return std::nullopt;
}

// A list whose items are not separated ("Mme Youssouf donnant pouvoir à Mme Girardet Mme Dellac
// donnant …", "X (Pouvoir à Y) Z (Pouvoir à W)", "Monsieur Florent OLIVIER Monsieur Youssef …"):
// a civility opens an item unless it follows "à", "par" or "de"; a closing parenthesis ends one.
std::vector<std::string> split_at_civilities(const std::string& item) {
  std::vector<std::string> parts;
  std::string current;
  std::string previous;
  std::size_t start = 0;
  while (start < item.size()) {
    auto end = item.find(' ', start);
    if (end == std::string::npos) end = item.size();
    const std::string word = item.substr(start, end - start);
    start = end + 1;
    if (word.empty()) continue;
    const std::string p = fold(previous);
    const bool opens = is_civility(word) && !current.empty() && !is_civility(previous) && p != "a" &&
                       p != "par" && p != "de" && p != "(pouvoir" && p != "pouvoir";
    if (opens) parts.push_back(current), current.clear();
    current += (current.empty() ? "" : " ") + word;
    if (!word.empty() && word.back() == ')') parts.push_back(current), current.clear();
    previous = word;
  }
  if (!current.empty()) parts.push_back(current);
  return parts;
}

// The list after the heading's colon, or in the next paragraph when the heading ends there.
std::string list_of(const Paragraphs& paragraphs, std::size_t& i, Span zone, std::vector<bool>& used) {
  const std::string& text = paragraphs[i].text;
  auto colon = text.find(':');
  // "Personne ayant donné procuration ; Mme X à M. Y": a semicolon for the colon.
  if (colon == std::string::npos && text.find(';') < 60) colon = text.find(';');
  std::string list = colon == std::string::npos ? "" : trim(text.substr(colon + 1));
  // "Membres présents (à l'ouverture de la séance à 20h00) Jacques BURRIEZ (Maire)": no colon,
  // the heading's note in brackets, then the list.
  if (colon == std::string::npos) {
    const auto open = text.find('(');
    const auto close = text.find(')', open == std::string::npos ? 0 : open);
    if (open != std::string::npos && open < 40 && close != std::string::npos && close < 120)
      list = trim(text.substr(close + 1));
  }
  if (list.empty() && i + 1 < zone.end && heading_of(paragraphs[i + 1].folded) == Heading::None) {
    ++i;
    used[i] = true;
    list = paragraphs[i].text;
  }
  return list;
}

bool is_count_label(const std::string& folded) {
  for (const char* label :
       {"votants", "absents", "presents", "procurations", "pouvoirs", "excuses", "quorum"})
    if (folded.rfind(label, 0) == 0) return true;
  return false;
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
    if (c == 0xC3 && i + 1 < word.size() && static_cast<unsigned char>(word[i + 1]) >= 0xA0)
      return false;  // à-ÿ
    letter = letter || (c >= 'A' && c <= 'Z') || c >= 0x80;
  }
  return letter && word.size() >= 2;
}

// Two "Firstname LASTNAME" names whose separator OCR lost ("Philippe GINOUX Jean-Pascal
// GOURNES"): a capitalised first name after a name in capitals starts the next name. Only when
// the item opens with a first name: "DUPONT Jean" order is left whole.
std::vector<std::string> split_run_together(const std::string& item) {
  std::vector<std::string> words = words_of(item);
  if (words.size() < 4 || is_capitals(words[0])) return {item};
  std::vector<std::string> names;
  std::string current;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const bool starts_name =
        i > 0 && is_capitals(words[i - 1]) && !is_capitals(words[i]) && is_upper_start(words[i]);
    if (starts_name) names.push_back(current), current.clear();
    current += (current.empty() ? "" : " ") + words[i];
  }
  names.push_back(current);
  return names;
}

}  // namespace

namespace {

// "Jacques BURRIEZ (Maire)", "Julien BESSET (en retard arrivé à 20 h 26)": a note in brackets
// after a name is not part of it. A note that names a proxy ("(pouvoir à X)") is kept: it makes
// the item a proxy.
std::string without_notes(const std::string& item) {
  std::string out = item;
  for (std::size_t open; (open = out.find('(')) != std::string::npos;) {
    const std::size_t close = out.find(')', open);
    const std::string note =
        fold(out.substr(open, close == std::string::npos ? std::string::npos : close - open));
    if (note.find("pouvoir") != std::string::npos || note.find("procuration") != std::string::npos ||
        note.find("represent") != std::string::npos)
      return item;
    out = out.substr(0, open) + (close == std::string::npos ? "" : out.substr(close + 1));
  }
  return trim(out);
}

}  // namespace

std::vector<std::string> split_names(std::string_view list, std::vector<std::string>& unread) {
  std::vector<std::string> names;
  std::size_t start = 0;
  while (start <= list.size()) {
    // Items are separated by " - ", " – ", ",", ";" or " / " (a hyphen inside "Jean-Pascal" has no spaces).
    std::size_t best = std::string_view::npos, width = 0;
    for (std::string_view sep :
         {std::string_view(" - "), std::string_view(" \xE2\x80\x93 "), std::string_view(","),
          std::string_view(";"), std::string_view(" et "), std::string_view(" / ")}) {
      const auto at = list.find(sep, start);
      if (at < best) best = at, width = sep.size();
    }
    // A dash glued to the next name ("STURANI -Valérie UPPHOFF", "– Denis VALCK"), and a full
    // stop OCR read for a comma after a surname in capitals ("ZANNETTACCI. Jean-Claude
    // GAUTHIER"); not after an initial, a civility or a lower-case word ("J. DUPONT", "M. DUPONT",
    // "… employabilité. Aussi").
    for (std::size_t at = start; at + 2 < list.size() && at < best; ++at) {
      const bool dash = list[at] == ' ' && list[at + 1] == '-' && list[at + 2] != ' ';
      const bool en_dash = list[at] == ' ' && list.compare(at + 1, 3, "\xE2\x80\x93") == 0 &&
                           at + 4 < list.size() && list[at + 4] != ' ';
      bool stop = false;
      if (list[at] == '.' && list[at + 1] == ' ') {
        std::size_t word = at;
        while (word > start && list[word - 1] != ' ' && list[word - 1] != '.') --word;
        const std::string before(list.substr(word, at - word));
        stop = before.size() >= 3 && !is_civility(before + ".") && is_upper_start(list.substr(at + 2)) &&
               std::none_of(before.begin(), before.end(), [](char c) { return c >= 'a' && c <= 'z'; });
      }
      if (dash || en_dash || stop) {
        best = at, width = dash ? 2 : en_dash ? 4 : 2;
        break;
      }
    }
    const std::string whole =
        trim(list.substr(start, best == std::string_view::npos ? std::string_view::npos : best - start));
    // "André FRANC - (ayant donné pouvoir à X)": a proxy's note printed as an item of its own
    // belongs to the name before it.
    const std::string raw(
        list.substr(start, best == std::string_view::npos ? std::string_view::npos : best - start));
    const auto opening = raw.find_first_not_of(" -");
    if (opening != std::string::npos && raw[opening] == '(' && !names.empty() &&
        (fold(whole).find("pouvoir") != std::string::npos ||
         fold(whole).find("procuration") != std::string::npos)) {
      unread.push_back(names.back() + " (" + whole + ")");
      names.pop_back();
      if (best == std::string_view::npos) break;
      start = best + width;
      continue;
    }
    for (const std::string& piece : split_at_civilities(whole)) {
      const std::string item = without_trailing_role(without_civility(trim(without_notes(piece))));
      if (item.empty() || is_role(item)) continue;
      if (looks_like_name(item))
        for (std::string& name : split_run_together(item)) names.push_back(std::move(name));
      else
        unread.push_back(piece);
    }
    if (best == std::string_view::npos) break;
    start = best + width;
  }
  return names;
}

namespace {

// A count printed after its label: "En exercice : 19", "Nombre de conseillers présents : 22 ou 21".
std::optional<int> count_after(const std::string& folded, const char* label) {
  // The colon may be missing in a line of counts ("en exercice : 15- Présents 14 - Votants 14").
  const std::regex counted(std::string(label) + "[^:0-9]{0,12}\\s*:?\\s*([0-9]{1,5})\\b");
  std::smatch m;
  // Each match is short; a long paragraph (a counts column interleaved with the opening sentence) is
  // searched as well.
  if (folded.size() > 3000 || !std::regex_search(folded, m, counted)) return std::nullopt;
  return std::stoi(m[1].str());
}

// The counts box or line: "Nombre de conseillers en exercice : 27 - Présents : 21 - Votants : 25",
// a sidebar's "En exercice : 19 / Présents : 11 / Votants : 13", each count maybe on its own line.
// A counts table flattened by a text extractor: its labels, then as many figures in the same
// order ("Nombre de Conseillers en exercice Présents Procurations Votants 27 20 3 23").
// A sidebar flattened the same way keeps its labels' colons and the rules drawn for the
// figures ("Nombre de conseillers en exercice : ____ Nombre de conseillers en séance : ____
// Pouvoirs : ____ 29 26 3").
bool read_counts_table(const std::string& folded, Deliberation& out) {
  static const std::regex table(
      "((?:(?:nombre (?:de |d')(?:conseillers|membres|elus) )?"
      "(?:en exercice|presents|en seance|absents|procurations|pouvoirs|votants|representes)[ :_]*){2,6})"
      "((?:[0-9]{1,4} ){1,5}[0-9]{1,4})\\b");
  std::smatch m;
  if (folded.size() > 3000 || !std::regex_search(folded, m, table)) return false;
  std::vector<std::string> labels;
  static const std::regex label(
      "en exercice|presents|en seance|absents|procurations|pouvoirs|votants|representes");
  const std::string head = m[1].str();
  for (auto it = std::sregex_iterator(head.begin(), head.end(), label); it != std::sregex_iterator(); ++it)
    labels.push_back((*it)[0].str());
  std::vector<int> counts;
  const std::string figures = m[2].str();
  static const std::regex figure("[0-9]+");
  for (auto it = std::sregex_iterator(figures.begin(), figures.end(), figure); it != std::sregex_iterator();
       ++it)
    counts.push_back(std::stoi((*it)[0].str()));
  if (labels.size() != counts.size()) return false;
  for (std::size_t k = 0; k < labels.size(); ++k) {
    if (labels[k] == "en exercice" && !out.session.members_in_office)
      out.session.members_in_office = counts[k];
    if ((labels[k] == "presents" || labels[k] == "en seance") && !out.session.members_present_declared)
      out.session.members_present_declared = counts[k];
    if (labels[k] == "votants" && !out.vote.voters) out.vote.voters = counts[k];
  }
  return true;
}

bool read_counts(const std::string& folded, Deliberation& out) {
  // "32 présents / 1 procuration 33 votants": the figures before their words.
  static const std::regex before("^([0-9]{1,4}) presents\\b");
  std::smatch m;
  if (std::regex_search(folded, m, before)) {
    if (!out.session.members_present_declared) out.session.members_present_declared = std::stoi(m[1].str());
    static const std::regex voters("\\b([0-9]{1,4}) votants\\b");
    if (std::regex_search(folded, m, voters) && !out.vote.voters) out.vote.voters = std::stoi(m[1].str());
    return true;
  }
  static const std::regex opens(
      "^(nombre de (conseillers|membres)|en exercice|membres en exercice|votants|afferents|"
      // "Elus en exercice : 29", "Conseillers présents : 17": a sidebar's line of counts.
      "(elus|conseillers|membres) (en exercice|presents|votants) ?: ?[0-9])");
  if (!std::regex_search(folded, opens) && folded.find("en exercice") == std::string::npos) return false;
  if (auto n = count_after(folded, "exercice")) {
    if (!out.session.members_in_office) out.session.members_in_office = n;
  }
  if (auto n = count_after(folded, "presents?")) {
    if (!out.session.members_present_declared) out.session.members_present_declared = n;
  }
  if (auto n = count_after(folded, "votants")) {
    if (!out.vote.voters) out.vote.voters = n;
  }
  return true;
}

// The words at the end of `text` that make a name, its civility left out: "Conformément à
// l'article L.2121-15, Madame Anne DURAND" gives "Anne DURAND". The run stops at a lower-case word
// or a word with punctuation after it, so a clause before the name is never taken for it.
std::string trailing_name_of(const std::string& text) {
  std::vector<std::string> words = words_of(text);
  std::size_t first = words.size();
  while (first > 0) {
    const std::string& word = words[first - 1];
    const bool particle = word == "de" || word == "du" || word == "le" || word == "la";
    const char last = word.back();
    // A word ending a clause ("CGCT.", "séance,") is not the name's; initials ("J.F.", "Ph.") are.
    if (last == ',' || last == ';' || last == ':' || (last == '.' && !is_civility(word) && word.size() > 4))
      break;
    if (!particle && !is_upper_start(word)) break;
    --first;
    // A civility opens the name ("… M. Paul ROUX Monsieur Paul ROUX a été désigné"): the walk
    // stops there, keeping an initial read as a civility after another ("Madame M. FAUCHON").
    if (is_civility(word)) {
      if (first > 0 && word == "M." && is_civility(words[first - 1]) && words[first - 1].size() > 3) --first;
      break;
    }
  }
  std::string name;
  for (std::size_t k = first; k < words.size(); ++k) name += (name.empty() ? "" : " ") + words[k];
  name = without_civility(trim(name));
  while (name.rfind("de ", 0) == 0 || name.rfind("du ", 0) == 0 || name.rfind("le ", 0) == 0 ||
         name.rfind("la ", 0) == 0)
    name = name.substr(3);
  return looks_like_name(name) && !is_civility(name) && !is_role(name) ? name : "";
}

// The secretary named in a sentence rather than after a label: "Monsieur X a été désigné
// secrétaire de séance.", "Mme X est nommée secrétaire.", "X est désignée comme secrétaire de
// séance", "Le conseil désigne M. X comme secrétaire de séance". The office must be the
// session's: "est nommé secrétaire général du syndicat" is no secretary of the session.
std::optional<std::string> secretary_in_sentence(const std::string& text) {
  // Only a window before each "secrétaire" is read: the sentence is short, the paragraph may not be.
  for (std::size_t at = 0; at < text.size();) {
    static const std::regex office("[Ss][Ee][Cc][Rr](?:\xC3\xA9|\xC3\x89|[Ee])[Tt][Aa][Ii][Rr][Ee]");
    std::smatch m;
    const std::string tail = text.substr(at);
    if (!std::regex_search(tail, m, office)) return std::nullopt;
    const std::size_t found = at + static_cast<std::size_t>(m.position(0));
    const std::size_t end = found + static_cast<std::size_t>(m.length(0));
    at = end;
    std::size_t begin = found > 160 ? found - 160 : 0;
    while (begin > 0 && (static_cast<unsigned char>(text[begin]) & 0xC0) == 0x80)
      ++begin;  // a whole character
    const std::string before = text.substr(begin, found - begin);
    const std::string after = text.substr(end, 40);
    // Of the session: "secrétaire de séance", or the sentence ends after it.
    static const std::regex of_session(
        "^s? *(?:(?:de|pour) (?:la )?(?:pr\\S+sente )?s(?:\xC3\xA9|\xC3\x89|e)ance\\b|[.,;)]|$)",
        std::regex::icase);
    if (!std::regex_search(after, of_session)) continue;
    // "X a été désigné(e) [comme] secrétaire", "X est nommé(e) secrétaire", "X a été élu(e) secrétaire".
    static const std::regex named_before(
        "\\s(?:a (?:\xC3\xA9|e)t(?:\xC3\xA9|e)|est|ont (?:\xC3\xA9|e)t(?:\xC3\xA9|e)|sont) "
        "(?:d(?:\xC3\xA9|e)sign|nomm|(?:\xC3\xA9|e)lu)\\S*\\s+"
        "(?:comme |en qualit\\S+ de |pour (?:remplir |assurer )?(?:les )?(?:fonctions )?(?:de )?)?$");
    if (std::regex_search(before, m, named_before)) {
      const std::string name = trailing_name_of(before.substr(0, static_cast<std::size_t>(m.position(0))));
      if (!name.empty()) return name;
      continue;
    }
    // "Le conseil désigne / nomme M. X [comme] secrétaire".
    static const std::regex named_after(
        "(?:d(?:\xC3\xA9|e)signe|nomme|(?:\xC3\xA9|e)lit|candidature de) (.{2,70}?),? (?:comme |en "
        "qualit\\S+ de "
        "|pour (?:remplir |assurer )?(?:les )?(?:fonctions )?(?:de )?)?$");
    if (std::regex_search(before, m, named_after)) {
      const std::string name = without_civility(trim(m[1].str()));
      if (looks_like_name(name) && !is_civility(name)) return name;
    }
  }
  return std::nullopt;
}

// "Jacques BURRIEZ", "BESSET François": a name with a word in capitals and one in lower case,
// as a list prints a member; "ORDRE DU JOUR" or a sentence is not one.
bool is_person(const std::string& text) {
  if (!looks_like_name(text)) return false;
  bool capitals = false, lower = false;
  for (const std::string& word : words_of(text)) {
    bool has_lower = false, has_upper = false;
    for (char c : word)
      has_lower = has_lower || (c >= 'a' && c <= 'z'), has_upper = has_upper || (c >= 'A' && c <= 'Z');
    capitals = capitals || (has_upper && !has_lower && word.size() >= 2);
    lower = lower || has_lower;
  }
  return capitals && lower;
}

// A list printed one item a line, each line its own paragraph ("ABSENTS EXCUSES : M. A" / "M. B" /
// "Mme C donne pouvoir à D"), maybe beside a column of counts flattened into it ("Excusés ont
// donné pouvoir :" / "X à Y" / "Elus en exercice : 29" / "Z à W"): the lines after the heading's
// that go on its list, joined with commas; the counts between them are read as counts. A line
// goes on the list when it opens with a civility, or, under a proxies' heading, reads "X à Y".
// A list closed by a full stop, another heading or any other line ends there.
std::string continued_list(const Paragraphs& paragraphs, std::size_t& i, Span zone, std::vector<bool>& used,
                           Heading heading, Deliberation& out) {
  std::string more;
  const std::string& first = paragraphs[i].text;
  if (!first.empty() && first.back() == '.') return more;
  while (i + 1 < zone.end) {
    const Paragraph& next = paragraphs[i + 1];
    if (next.text.size() > 160 || heading_of(next.folded) != Heading::None) break;
    const bool table = read_counts_table(next.folded, out);
    if (read_counts(next.folded, out) || table) {
      used[++i] = true;
      continue;
    }
    const auto space = next.text.find(' ');
    const bool civility = space != std::string::npos && is_civility(next.text.substr(0, space));
    const bool proxy = heading == Heading::Represented && split_proxy(next.text, true).has_value();
    if (!civility && !proxy && !is_person(without_notes(next.text.substr(0, next.text.find(" ("))))) break;
    // Every item of the line is a name or a proxy: a sentence opening with a civility ("Monsieur
    // X a été désigné secrétaire") is not on the list.
    std::vector<std::string> unread;
    const std::vector<std::string> names = split_names(next.text, unread);
    bool items = !names.empty() || !unread.empty();
    for (const std::string& item : unread)
      items = items && split_proxy(item, heading == Heading::Represented).has_value();
    if (!items) break;
    more += ", " + next.text;
    used[++i] = true;
    if (next.text.back() == '.') break;
  }
  return more;
}

}  // namespace

void read_attendance(const Paragraphs& paragraphs, Span zone, std::vector<bool>& used, Deliberation& out) {
  for (std::size_t i = zone.begin; i < zone.end; ++i) {
    const Paragraph& p = paragraphs[i];
    // The sentence may run over two paragraphs ("… la candidature de X, en qualité de" /
    // "secrétaire pour la présente séance").
    if (!out.session.secretary)
      if (auto name = secretary_in_sentence(
              i + 1 < zone.end && p.text.size() < 400 ? p.text + " " + paragraphs[i + 1].text : p.text))
        out.session.secretary = *name;
    // A sidebar's labels cut into paragraphs before their figures ("… en séance : ____" /
    // "Pouvoirs : ____ 29 26 3"): the table is read across them.
    static const std::regex label_only("(en exercice|presents|en seance|pouvoirs|votants)[ :_]*$");
    if (p.folded.size() < 400 && std::regex_search(p.folded, label_only)) {
      std::string joined = p.folded;
      std::size_t k = i + 1;
      for (; k < zone.end && k < i + 4 && joined.size() < 800; ++k) {
        joined += " " + paragraphs[k].folded;
        if (paragraphs[k].folded.find_first_of("0123456789") != std::string::npos) break;
      }
      if (k < zone.end && read_counts_table(joined, out)) {
        for (std::size_t j = i; j <= k; ++j) used[j] = true;
        i = k;
        continue;
      }
    }
    read_counts_table(p.folded, out);
    if (read_counts(p.folded, out)) {
      used[i] = true;
      continue;
    }
    const Heading heading = heading_of(p.folded);
    if (heading == Heading::None) continue;
    used[i] = true;
    const Place place = p.place;
    std::string list = list_of(paragraphs, i, zone, used);
    if (heading != Heading::Secretary) list += continued_list(paragraphs, i, zone, used, heading, out);
    if (heading == Heading::Secretary) {
      const std::string name = leading_name(without_civility(list));
      if (!out.session.secretary && looks_like_name(name) && !name.empty()) out.session.secretary = name;
      continue;
    }
    // Absents without proxy have no key in the contract; a proxy printed among them ("Absents :
    // M. X, donne pouvoir à M. Y") is read below, their names are not.
    const bool absents = heading == Heading::Other;
    if (heading == Heading::Present || heading == Heading::Excused) {
      if (const auto count = leading_count(list)) {
        // "Présents : 21, Votants : 25": the other counts of the line.
        if (auto n = count_after(p.folded, "votants"))
          if (!out.vote.voters) out.vote.voters = n;
        if (heading == Heading::Present && !out.session.members_present_declared)
          out.session.members_present_declared = count;
        // "Présents : 26 M. Pascal DURAND, …": the count, then the names it counts.
        const auto after_count = list.find_first_not_of("0123456789");
        if (after_count == std::string::npos) continue;
        const std::string rest = trim(list.substr(after_count));
        const std::string first = rest.substr(0, rest.find(' '));
        if (!(is_civility(first) || (looks_like_name(first) && !is_count_label(fold(first))))) continue;
        list = rest;
      }
    }
    // "Monsieur X, donne pouvoir à Monsieur Y.": the comma before the proxy's verb does not
    // separate items.
    static const std::regex comma_before_verb(",\\s+((?:a |ayant )?donn\\S* (?:pouvoir|procuration))");
    if (list.size() < 5000) list = std::regex_replace(list, comma_before_verb, " $1");
    std::vector<std::string> items;
    const std::vector<std::string> names = split_names(list, items);
    std::vector<std::string> unread;
    // An item with its proxy goes to the represented, under whatever heading it is printed
    // ("Absent excusé : Mme X donne pouvoir à M. Y"); under a proxies' heading, "X à Y" is one.
    for (const std::string& item : items) {
      if (auto proxy = split_proxy(item, heading == Heading::Represented))
        out.represented.push_back(*proxy);
      else
        unread.push_back(item);
    }
    if (absents) continue;
    if (heading == Heading::Represented) {
      // "Absents ayant voté par procuration : A, B, C": the members are named, their proxies not.
      for (const std::string& name : names) out.represented.push_back(Proxy{name, ""});
    } else {
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
