// The session header: its date, the opening sentence (president, authority, members present) and
// the deciding body. Only the paragraphs before the report are read (parse.cpp), so a date in the
// report or the visas ("loi du 27 janvier 2014", "sa séance du 17 juillet 2020") is never taken
// for the session's.
#include <regex>

#include "cleanup/french_date.h"
#include "pipeline/parse/grammar.h"

namespace greffe::parse {

namespace {

// The session date is announced ("Séance du …", "s'est réuni le …", "réunion du …", "L'an …"); the
// convocation date of communal minutes is not it.
bool announces_session(const std::string& folded) {
  // Communal minutes open with the date in words: "L'an deux mille vingt-trois, le dix-neuf décembre".
  static const std::regex session("(^|\\s)(seance|reunion)( [a-z]+)? du |reuni(e)?( [a-z]+)* le |^l'an ");
  return std::regex_search(folded, session) && folded.find("convocation") == std::string::npos;
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
  static const std::regex members("presents? ([0-9]{1,6}) membres");
  if (!out.session.members_present_declared && std::regex_search(p.folded, m, members))
    out.session.members_present_declared = std::stoi(m[1].str());
}

}  // namespace

void read_session(const Paragraphs& paragraphs, Span zone, std::vector<bool>& used, Deliberation& out) {
  for (std::size_t i = zone.begin; i < zone.end; ++i) {
    const Paragraph& p = paragraphs[i];
    // Header sentences are short; lists of names are read by attendance. The bound keeps
    // std::regex (recursive) off long paragraphs.
    if (p.text.size() > 1500) continue;
    if (!out.session.date && announces_session(p.folded)) {
      if (const auto date = cleanup::find_french_date(p.text)) {
        out.session.date = date->iso;
        used[i] = true;
      } else {
        out.warnings.push_back(describe(p.place) + ": session announced but its date is unreadable: \"" +
                               p.text.substr(0, 80) + "\"");
      }
    }
    // "a ouvert la séance"; OCR gives "à ouvert ta\nséance".
    if ((p.folded.find(" ouvert ") != std::string::npos && p.folded.find("seance") != std::string::npos) ||
        p.folded.find("sous la presidence de") != std::string::npos) {
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
  if (!out.session.date) out.warnings.push_back("no session date (\"Séance du …\") found before the report");
}

}  // namespace greffe::parse
