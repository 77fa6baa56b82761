// The session header: its date, the opening sentence (president, authority, members present) and
// the deciding body. Only the paragraphs before the report are read (parse.cpp), so a date in the
// report or the visas ("loi du 27 janvier 2014", "sa séance du 17 juillet 2020") is never taken
// for the session's.
#include <algorithm>
#include <cctype>
#include <regex>

#include "cleanup/french_date.h"
#include "pipeline/parse/grammar.h"

namespace greffe::parse {

namespace {

// "l'an deux mille vingt deux le 9 decembre", "deux mille vingt deux, le 9 decembre", "le 9
// decembre deux mille vingt-deux" (folded): the session's date, when the year is in words and
// the day and month are printed in figures and a name. Years 2000-2099.
std::optional<std::string> year_in_words_date(const std::string& folded) {
  static const std::string month_names =
      "(janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre)";
  // The year's words after "deux mille": at most four, each a number word (checked below).
  static const std::regex year_first(
      "(?:^|l'an |[^a-z'])deux mil(?:le)?s?((?:[ -][a-z]+){0,4}),? (?:et )?le "
      "([0-9]{1,2})(?:er)? " +
      month_names + "\\b");
  static const std::regex day_first("(?:^|[^a-z0-9])le ([0-9]{1,2})(?:er)? " + month_names +
                                    ",? (?:de l'an )?deux mil(?:le)?s?((?:[ -][a-z]+){0,4})\\b");
  std::smatch m;
  if (folded.size() > 4000) return std::nullopt;
  std::string words, day_text, month_text;
  bool year_last = false;
  if (std::regex_search(folded, m, year_first)) {
    words = m[1].str(), day_text = m[2].str(), month_text = m[3].str();
  } else if (std::regex_search(folded, m, day_first)) {
    day_text = m[1].str(), month_text = m[2].str(), words = m[3].str();
    year_last = true;
  } else {
    return std::nullopt;
  }
  static const std::vector<std::pair<std::string, int>> numbers = {
      {"un", 1},      {"une", 1},       {"deux", 2},       {"trois", 3},     {"quatre", 4}, {"cinq", 5},
      {"six", 6},     {"sept", 7},      {"huit", 8},       {"neuf", 9},      {"dix", 10},   {"onze", 11},
      {"douze", 12},  {"treize", 13},   {"quatorze", 14},  {"quinze", 15},   {"seize", 16}, {"vingt", 20},
      {"trente", 30}, {"quarante", 40}, {"cinquante", 50}, {"soixante", 60}, {"et", 0}};
  int year = 2000;
  for (char& c : words)
    if (c == '-') c = ' ';
  std::size_t start = 0;
  while (start < words.size()) {
    auto end = words.find(' ', start);
    if (end == std::string::npos) end = words.size();
    const std::string word = words.substr(start, end - start);
    start = end + 1;
    if (word.empty()) continue;
    bool known = false;
    for (const auto& [name, value] : numbers)
      if (word == name) year += value, known = true;
    // "le 9 décembre deux mille vingt-deux à 18 heures": the year ends at the first other word.
    if (!known) {
      if (!year_last) return std::nullopt;
      break;
    }
  }
  static const std::vector<std::string> months = {"janvier",   "fevrier", "mars",     "avril",
                                                  "mai",       "juin",    "juillet",  "aout",
                                                  "septembre", "octobre", "novembre", "decembre"};
  int month = 0;
  for (std::size_t k = 0; k < months.size(); ++k)
    if (months[k] == month_text) month = static_cast<int>(k) + 1;
  const int day = std::stoi(day_text);
  if (year > 2099 || day < 1 || day > 31 || month == 0) return std::nullopt;
  const auto two = [](int n) { return std::string(n < 10 ? "0" : "") + std::to_string(n); };
  return std::to_string(year) + "-" + two(month) + "-" + two(day);
}

// The session date is announced ("Séance du …", "s'est réuni le …", "réunion du …", "L'an …"); the
// convocation date of communal minutes is not it.
bool announces_session(const std::string& folded) {
  // Communal minutes open with the date in words: "L'an deux mille vingt-trois, le dix-neuf décembre".
  // Text joined to one line puts the letterhead before "L'an …": the year's words follow it.
  static const std::regex session(
      "(^|\\s)(seance|reunion)( [a-z]+)? du |reuni(e)?( [a-z]+)* le |^l'an |(^|\\s)l'an (deux|mil)\\b");
  // A minutes' heading dates the council it records: "CR du conseil municipal 24 février 2023",
  // "Compte rendu de la session du Conseil Communautaire du 20 janvier 2020", "PROCES VERBAL DU
  // CONSEIL MUNICIPAL DU 9 JUILLET 2013".
  static const std::regex council_dated(
      "(^|\\s)(session|(conseil|bureau|comite) (municipal|communautaire|syndical|departemental|regional))"
      "( [a-z]+)?( du)? (lundi |mardi |mercredi |jeudi |vendredi |samedi |dimanche )?[0-9]");
  return (std::regex_search(folded, session) || std::regex_search(folded, council_dated)) &&
         folded.find("convocation") == std::string::npos;
}

// The name printed after the presidency's words: "sous la présidence de Monsieur Denis JUVIN -
// Maire", "… de son Maire, Louis MARETTE.", "… de Madame Arlette HUAN, le Maire,", "… de Monsieur
// Pierre-Jean ZANNETTACCI (Maire)", "Président : Jean-Philippe KEROSLIAN, Maire de …", "séance
// ouverte par son président, Monsieur Leprêtre,". The name is the run of capitalised words after
// the civility; it ends at punctuation, a bracket, a dash or a lower-case word. Without a
// civility a single word is no name (it may be the office).
std::optional<std::string> presiding_member(const std::string& text) {
  static const std::regex presidency(
      "(?:[Pp]r(?:\xC3\xA9|e)sidence de |[Pp]r(?:\xC3\xA9|e)sid(?:ent(?:e)?|ence)(?: de (?:la )?s\\S+ance)? "
      "?: ?|"
      "par (?:son|sa) [Pp]r(?:\xC3\xA9|e)sident(?:e)?,? )"
      "(?:(?:son|sa) (?:[Mm]aire|[Pp]r(?:\xC3\xA9|e)sident(?:e)?) ?,? ?|"
      "(?:Monsieur|Madame) (?:le|la) (?:[Mm]aire|[Pp]r(?:\xC3\xA9|e)sident(?:e)?) ?,? ?)?"
      "((?:Monsieur|Madame|Mme|M\\.|MME|MR|Mr)\\.? )?");
  std::smatch m;
  if (!std::regex_search(text, m, presidency)) return std::nullopt;
  const bool civility = m[1].matched;
  const std::string rest = text.substr(static_cast<std::size_t>(m.position(0) + m.length(0)), 160);
  std::string name;
  int words = 0;
  std::size_t start = 0;
  while (start < rest.size() && words < 5) {
    auto end = rest.find(' ', start);
    if (end == std::string::npos) end = rest.size();
    std::string word = rest.substr(start, end - start);
    start = end + 1;
    bool closed = false;
    while (!word.empty() && std::string(",.;:").find(word.back()) != std::string::npos) {
      word.pop_back();
      closed = true;
    }
    const bool particle = word == "de" || word == "du" || word == "d'" || word == "le" || word == "la";
    const unsigned char c = word.empty() ? 0 : static_cast<unsigned char>(word[0]);
    const bool capital = (c >= 'A' && c <= 'Z') || c == 0xC3;
    if (!capital && !(particle && !closed)) break;
    if ((!looks_like_name(word) && !particle) || fold(word) == "presents" || fold(word) == "absents") break;
    name += (name.empty() ? "" : " ") + word;
    if (!particle) ++words;
    if (closed) break;
  }
  while (name.size() > 3 &&
         (name.compare(name.size() - 3, 3, " de") == 0 || name.compare(name.size() - 3, 3, " du") == 0 ||
          name.compare(name.size() - 3, 3, " le") == 0 || name.compare(name.size() - 3, 3, " la") == 0))
    name.resize(name.size() - 3);
  if (words == 0 || (words < 2 && !civility)) return std::nullopt;
  return name;
}

// "Madame Martine VASSAL, Présidente de la Métropole Aix-Marseille-Provence, a ouvert la séance …"
// "sous la présidence de Monsieur Jean DUPONT, Maire"
void read_opening(const Paragraph& p, Deliberation& out) {
  static const std::regex person(
      "(?:^|pr\xC3\xA9sidence de |presidence de )(?:Madame|Monsieur|Mme|M\\.|MME|MR)\\s+([^,]+?),\\s*"
      "(?:Pr\xC3\xA9sident|President|Maire|pr\xC3\xA9sident|maire)");
  std::smatch m;
  if (!out.session.president && std::regex_search(p.text, m, person)) out.session.president = m[1].str();
  static const std::regex authority(
      "(?:Pr\xC3\xA9sidente?|Presidente?|Maire) (?:de la |du |de l'|de l\xE2\x80\x99|de )([^,]+),");
  if (!out.authority && std::regex_search(p.text, m, authority)) out.authority = m[1].str();
  if (!out.session.president) out.session.president = presiding_member(p.text);
  static const std::regex members("presents? ([0-9]{1,6}) membres");
  if (!out.session.members_present_declared && std::regex_search(p.folded, m, members))
    out.session.members_present_declared = std::stoi(m[1].str());
}

// The authority as its letterhead or opening sentence prints it: a kind of authority ("Commune
// de", "Ville de", "Mairie de", "Communauté de communes", "Communauté d'agglomération",
// "Métropole", "Département de", "Région", "Syndicat …") and its name, the run of capitalised
// words (and particles) after it. The name ends at a lower-case word ("… de Montpellier s'est
// réuni"), a figure ("… CŒUR DE BRENNE 1 rue …"), a bracket ("Ville de LANNION (Côtes
// d'Armor)"), a dash between words, or a word of the register's own heading ("… PIERRE REGISTRE").
namespace authority {

using Words = std::vector<std::string>;

bool capitalised(const std::string& word) {
  if (word.empty()) return false;
  const unsigned char c = static_cast<unsigned char>(word[0]);
  if (c >= 'A' && c <= 'Z') return true;
  if (c == 0xC3 && word.size() > 1) return static_cast<unsigned char>(word[1]) <= 0x9E;  // À-Þ
  return c == 0xC5 && word.size() > 1 && static_cast<unsigned char>(word[1]) == 0x92;    // Œ
}

bool is_particle(const std::string& folded) {
  static const std::vector<std::string> particles = {"de", "du", "des", "sur", "sous",
                                                     "en", "et", "lez", "aux", "au"};
  for (const std::string& p : particles)
    if (folded == p) return true;
  return false;
}

// Words of the register's heading that follow the letterhead when a text runs it on.
bool is_heading_word(const std::string& folded) {
  static const std::vector<std::string> words = {
      "presents",     "presents:",     "seance",  "conseil", "extrait",     "registre",
      "deliberation", "deliberations", "proces",  "compte",  "departement", "arrondissement",
      "canton",       "republique",    "session", "objet",   "date",        "nombre",
      "reunion",      "mairie",        "commune", "ville",   "communaute"};
  for (const std::string& w : words)
    if (folded == w) return true;
  return false;
}

// Kinds of authority, folded, by the word that opens them; the words that belong to the kind
// ("Communauté de communes", "Communauté d'agglomération") are part of it, not of the name.
int kind_at(const std::vector<std::string>& folded, std::size_t i) {
  const std::string& w = folded[i];
  const auto next = [&](std::size_t k) { return i + k < folded.size() ? folded[i + k] : std::string(); };
  if (w == "commune" || w == "ville" || w == "mairie" || w == "departement") {
    const std::string n = next(1);
    if (n == "de" || n == "du" || n == "des") return 2;
    if (n.rfind("d'", 0) == 0 && n.size() > 2) return 1;  // "Commune d'Ibos": the name is in the word
    return 0;
  }
  if (w == "communaute") {
    if (next(1) == "de" && next(2) == "communes") return 3;
    if (next(1) == "d'agglomeration" || next(1) == "urbaine") return 2;
    return 0;
  }
  if (w == "metropole" || w == "region" || w == "syndicat") return 1;
  return 0;
}

// The authority starting at word `i` (a kind), or empty.
std::string read_at(const std::vector<std::string>& printed, const std::vector<std::string>& folded,
                    std::size_t i) {
  const int kind = kind_at(folded, i);
  if (kind == 0) return "";
  const std::size_t end = i + static_cast<std::size_t>(kind);
  std::size_t name_words = 0;
  std::size_t last_name = end;
  bool closed = false;
  for (std::size_t k = end; k < printed.size() && !closed; ++k) {
    std::string word = printed[k];
    std::string f = folded[k];
    const char last = word.back();
    if (last == ',' || last == '.' || last == ';' || last == ':') {
      word.pop_back();
      f.pop_back();
      closed = true;
    }
    if (word.empty() || f.find_first_of("0123456789(\xC2\xAB\"") != std::string::npos) break;
    if (word == "-" || word == "\xE2\x80\x93") break;
    if (f.size() > 2 && (f.rfind("d'", 0) == 0 || f.rfind("l'", 0) == 0)) {
      // "d'Ibos", "L'Arbresle": an elided article before a capital is part of the name.
      const std::size_t apostrophe = word.find_first_of("'\xE2");
      const std::size_t after = word[apostrophe] == '\'' ? apostrophe + 1 : apostrophe + 3;
      if (after >= word.size() || !capitalised(word.substr(after))) break;
    } else if (f == "le" || f == "la" || f == "les") {
      // "Commune de La Ferté-Macé": an article opens a name, never follows one.
      if (k > end && capitalised(word)) break;
      continue;
    } else if (is_particle(f)) {
      continue;
    } else if (!capitalised(word) || is_heading_word(f)) {
      break;
    }
    ++name_words;
    last_name = k + 1;
  }
  if (name_words == 0) return "";
  std::string out;
  for (std::size_t k = i; k < last_name; ++k) out += (out.empty() ? "" : " ") + printed[k];
  while (!out.empty() && std::string(",.;:").find(out.back()) != std::string::npos) out.pop_back();
  if (out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');  // "commune de …"
  return out;
}

// The first authority in `text` whose kind word is at one of the positions `accept` allows.
template <typename Accept>
std::string first_in(const std::string& text, Accept accept) {
  const std::vector<std::string> printed = words_of(text);
  std::vector<std::string> folded;
  for (const std::string& w : printed) folded.push_back(fold(w));
  for (std::size_t i = 0; i + 1 < printed.size(); ++i) {
    if (!accept(printed, folded, i)) continue;
    const std::string found = read_at(printed, folded, i);
    if (!found.empty()) return found;
  }
  return "";
}

}  // namespace authority

// The authority, from the most to the least sure place: a letterhead line that starts with it
// (a département only when no other authority heads the page: "DÉPARTEMENT DE … / COMMUNE DE
// …"), the opening sentence or heading "… Conseil Municipal de la Commune de X", a short heading
// naming it, then a running header or footer ("Ville de X - Conseil Municipal du …") anywhere.
std::optional<std::string> read_authority(const Paragraphs& paragraphs, Span zone) {
  using namespace authority;  // NOLINT: the helpers above
  const auto at_start = [](const Words&, const Words&, std::size_t i) { return i == 0; };
  std::string departement;
  for (std::size_t i = zone.begin; i < zone.end; ++i) {
    const std::string found = first_in(paragraphs[i].text.substr(0, 400), at_start);
    if (found.empty()) continue;
    if (fold(found).rfind("departement", 0) != 0) return found;
    if (departement.empty()) departement = found;
  }
  // "le Conseil Municipal de la Commune de X", "DU CONSEIL MUNICIPAL DE LA VILLE DE X".
  const auto after_council = [](const Words&, const Words& f, std::size_t i) {
    if (i < 3 || f[i - 1] != "la" || f[i - 2] != "de") return false;
    return f[i - 3] == "municipal" || f[i - 3] == "communautaire" || f[i - 3] == "syndical" ||
           (i >= 4 && f[i - 4] == "conseil");
  };
  for (std::size_t i = zone.begin; i < zone.end; ++i) {
    const std::string& text = paragraphs[i].text;
    if (text.size() > 3000) continue;
    const std::string found = first_in(text, after_council);
    if (!found.empty()) return found;
  }
  // The opening sentence names where the council met: "le Conseil communautaire s'est réuni salle
  // des Conseils de la Communauté de communes du Pays des Herbiers", "… réuni à la Mairie de X".
  const auto after_meeting = [](const Words& printed, const Words& f, std::size_t i) {
    return i > 0 && (f[i - 1] == "la" || f[i - 1] == "de") && capitalised(printed[i]);
  };
  for (std::size_t i = zone.begin; i < zone.end; ++i) {
    const std::string& folded = paragraphs[i].folded;
    const std::size_t met = folded.find(" reuni");
    if (met == std::string::npos || met > 3000) continue;
    // The words after "réuni", to the end of the sentence.
    const std::string& text = paragraphs[i].text;
    const std::size_t from =
        text.find(" r\xC3\xA9uni") != std::string::npos ? text.find(" r\xC3\xA9uni") : text.find(" reuni");
    if (from == std::string::npos) continue;
    const std::size_t stop = text.find(". ", from);
    const std::string sentence =
        text.substr(from, stop == std::string::npos ? 300 : std::min<std::size_t>(stop - from, 300));
    const std::string found = first_in(sentence, after_meeting);
    if (!found.empty()) return found;
  }
  if (!departement.empty()) return departement;
  // A short heading: "du CONSEIL MUNICIPAL de la COMMUNE de FLAUX".
  const auto capital_kind = [](const Words& printed, const Words& f, std::size_t i) {
    return i > 0 && (f[i - 1] == "la" || f[i - 1] == "de") && capitalised(printed[i]);
  };
  for (std::size_t i = zone.begin; i < zone.end; ++i) {
    const std::string& text = paragraphs[i].text;
    if (text.size() > 160) continue;
    const std::string found = first_in(text, capital_kind);
    if (!found.empty()) return found;
  }
  // A running header or footer, where the page's letterhead was not read.
  for (const Paragraph& p : paragraphs) {
    if (p.text.size() > 160) continue;
    const std::vector<std::string> printed = words_of(p.text);
    std::vector<std::string> folded;
    for (const std::string& w : printed) folded.push_back(fold(w));
    if (printed.size() < 2) continue;
    const std::string found = read_at(printed, folded, 0);
    if (found.empty()) continue;
    const std::size_t used = words_of(found).size();
    if (used == printed.size() || printed[used] == "-" || printed[used] == "\xE2\x80\x93") return found;
  }
  return std::nullopt;
}

}  // namespace

void read_session(const Paragraphs& paragraphs, Span zone, std::vector<bool>& used, Deliberation& out) {
  for (std::size_t i = zone.begin; i < zone.end; ++i) {
    const Paragraph& p = paragraphs[i];
    // Header sentences are short; lists of names are read by attendance. The bound keeps
    // std::regex (recursive) off long paragraphs.
    if (p.text.size() > 1500) continue;
    if (!out.session.date) {
      // "L'an DEUX MILLE VINGT DEUX le 9 décembre …": the year in words, the day in figures,
      // read before the convocation's date the same paragraph may give.
      if (auto date = year_in_words_date(p.folded)) {
        out.session.date = *date;
        used[i] = true;
      }
    }
    // A paragraph that also gives the convocation's date ("SEANCE DU … Mercredi 22 juin 2022
    // Convocation du 14 Juin 2022 …"): the session's date is the one printed before that word.
    if (!out.session.date && p.folded.find("convocation") != std::string::npos &&
        announces_session(p.folded.substr(0, p.folded.find("convocation")))) {
      const std::string head = p.text.substr(0, std::min(p.text.size(), p.text.find("onvocation")));
      if (const auto date = cleanup::find_french_date(head)) {
        out.session.date = date->iso;
        used[i] = true;
      }
    }
    if (!out.session.date && announces_session(p.folded)) {
      if (const auto date = cleanup::find_french_date(p.text)) {
        out.session.date = date->iso;
        used[i] = true;
      } else {
        out.warnings.push_back(describe(p.place) + ": session announced but its date is unreadable: \"" +
                               p.text.substr(0, 80) + "\"");
      }
    }
    // "a ouvert la séance"; OCR gives "à ouvert ta\nséance"; "Président : X, Maire".
    // "Présidence : M. X", "Président de séance : X".
    static const std::regex president_label("(^| )presid(ente?|ence)( de (la )?seance)? ?: ?[a-z]");
    if ((p.folded.find(" ouvert ") != std::string::npos && p.folded.find("seance") != std::string::npos) ||
        p.folded.find("sous la presidence de") != std::string::npos ||
        p.folded.find("par son president") != std::string::npos ||
        std::regex_search(p.folded, president_label)) {
      read_opening(p, out);
      used[i] = true;
    }
    // "Madame la Présidente a proposé au Bureau de la Métropole d'accepter …", "… soumet au
    // Bureau de la Métropole le rapport suivant"; communes: "Le Conseil municipal, régulièrement convoqué".
    static const std::regex body(
        "(?:propos\xC3\xA9|soumet) au (.+?) (?:d'accepter|d\xE2\x80\x99"
        "accepter|le rapport)");
    static const std::regex council(
        "^(?:Le |LE )(Conseil [Mm]unicipal|CONSEIL MUNICIPAL|Conseil [Cc]ommunautaire)\\b");
    std::smatch m;
    if (!out.body && (std::regex_search(p.text, m, body) || std::regex_search(p.text, m, council))) {
      out.body = m[1].str();
      if (p.folded.find("a propose au") != std::string::npos) used[i] = true;
    }
  }
  if (!out.body) {
    // "DELIBERATION du CONSEIL MUNICIPAL", "le Conseil Communautaire de la Communauté …": the
    // deciding council named anywhere in the header, in the register's usual capitals.
    static const std::regex named(
        "(^|[ ,'])(le|du|au|les membres du) (conseil|bureau) (municipal|communautaire|syndical)\\b");
    for (std::size_t i = zone.begin; i < zone.end && !out.body; ++i) {
      std::smatch m;
      const std::string& f = paragraphs[i].folded;
      if (f.size() > 1500 || !std::regex_search(f, m, named)) continue;
      std::string body = m[3].str() + " " + m[4].str();
      body[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(body[0])));
      const auto space = body.find(' ');
      body[space + 1] = static_cast<char>(std::toupper(static_cast<unsigned char>(body[space + 1])));
      out.body = body;
    }
  }
  if (!out.authority) out.authority = read_authority(paragraphs, zone);
  if (!out.session.date) out.warnings.push_back("no session date (\"Séance du …\") found before the report");
}

}  // namespace greffe::parse
