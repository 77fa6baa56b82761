// The vote: "Cette proposition mise aux voix est adoptée." (outcome only; unanimity not stated),
// communes: "Adopté à l'unanimité", "à la majorité (Pour : 23 - Contre : 2 - Abstention : 0)".
#include <algorithm>
#include <cctype>
#include <regex>

#include "pipeline/parse/grammar.h"

namespace greffe::parse {

namespace {

// A count printed in words ("dix-huit", "vingt et un", "quatre-vingt-deux", "DEUX voix POUR") as
// figures, so that one reader takes counts in both forms. Only whole runs of number words are
// rewritten; the text is folded (lower case, no accents).
std::string counts_in_figures(const std::string& folded) {
  static const std::vector<std::pair<std::string, int>> values = {
      {"zero", 0},      {"un", 1},        {"une", 1},        {"deux", 2},      {"trois", 3},
      {"quatre", 4},    {"cinq", 5},      {"six", 6},        {"sept", 7},      {"huit", 8},
      {"neuf", 9},      {"dix", 10},      {"onze", 11},      {"douze", 12},    {"treize", 13},
      {"quatorze", 14}, {"quinze", 15},   {"seize", 16},     {"vingt", 20},    {"vingts", 20},
      {"trente", 30},   {"quarante", 40}, {"cinquante", 50}, {"soixante", 60}, {"cent", 100}};
  static const std::regex run(
      "\\b(zero|une?|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|"
      "vingts?|trente|quarante|cinquante|soixante|cent)((?:(?:-| et "
      "|-et-)(?:une?|deux|trois|quatre|cinq|six|sept|"
      "huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingts?|trente|quarante|cinquante|soixante|cent)"
      ")*)"
      "\\b(?!-)");
  std::string out;
  auto from = folded.cbegin();
  for (auto it = std::sregex_iterator(folded.begin(), folded.end(), run); it != std::sregex_iterator();
       ++it) {
    const std::smatch& m = *it;
    static const std::regex word("[a-z]+");
    const std::string whole = m[0].str();
    int current = 0;
    for (auto w = std::sregex_iterator(whole.begin(), whole.end(), word); w != std::sregex_iterator(); ++w) {
      const std::string name = (*w)[0].str();
      if (name == "et") continue;
      if ((name == "vingt" || name == "vingts") && current % 100 == 4) {
        current += 80 - 4;  // quatre-vingt
        continue;
      }
      if (name == "cent") {
        current = (current == 0 ? 1 : current) * 100;
        continue;
      }
      for (const auto& [text, value] : values)
        if (text == name) current += value;
    }
    out.append(from, m[0].first);
    out += std::to_string(current);
    from = m[0].second;
  }
  out.append(from, folded.cend());
  return out;
}

}  // namespace

bool is_vote_statement(const std::string& text) {
  if (text.size() >= 2000) return false;
  const std::string folded = counts_in_figures(text);
  static const std::regex vote(
      "mise aux voix|^(cette proposition|adopte|rejete|a l'unanimite|a la majorite|vote|resultat du vote|"
      "unanimite|pour\\s*:\\s*[0-9]|voix (pour|contre)|abstention|le conseil adopte|le conseil rejette)|"
      "\\b[0-9]{1,3} (votes?|voix) (pour|contre)\\b|^vote\\s*_?\\s*:|"
      "^(le|les membres du) (conseil|bureau|comite)[^.]{0,40} "
      "(approuve|adopte|accepte|valide|autorise|refuse|rejette|decide)"
      "[^.]{0,30}(unanimite|majorite)|"
      // Minutes' closings: "Le point est adopté à l'unanimité.", "Accord à l'unanimité",
      // "ADOPTEE A L'UNANIMITE", "Approuvé à la majorité".
      "^(le point|la deliberation|la proposition|le projet|le rapport) (est|a ete) (adopte|approuve|rejete)|"
      "^(accord|approuvee?s?) a (l'+unanimite|la majorite)|"
      // A tally of counts before their labels, or a table flattened by extraction: "4 Abstention 7
      // Contre 0 Pour", "POUR CONTRE ABSTENTION 15 0 0".
      "\\b[0-9]{1,3} (pour|contre|abstentions?)\\b[^.]{0,12}\\b[0-9]{1,3} (pour|contre|abstentions?)\\b|"
      "\\bpour contre abstentions? [0-9]{1,3} [0-9]{1,3} [0-9]{1,3}\\b|"
      // Counts after their labels without colon, each on its own line ("Pour 9 / Abstention 0 /
      // Contre 0") or two in a row ("POUR 21 / CONTRE 0", "Votants 15 Pour 13 Contre 2").
      // (With colons, only at the paragraph's start, as above: "(pour : 21 ; contre : 0)" inside a
      // sentence is a commission's vote quoted.)
      "^(pour|contre|abstentions?)\\s*:?\\s*[0-9]{1,3}\\b(?!\\s*(ans?|mois|jours?|heures?|%|euros?|€))"
      ".{0,40}$|"
      "\\b(pour|contre|abstentions?|votants) [0-9]{1,3}\\b[^.:]{0,40}\\b(pour|contre|abstentions?) "
      "[0-9]{1,3}\\b");
  if (std::regex_search(folded, vote)) return true;
  // "… le Conseil, Pour : 11 Contre : 1 Abstention : 2": labelled counts inside a sentence are the
  // vote, unless the sentence quotes an opinion ("Vu l'avis de la commission (pour : 21 ; contre :
  // 0)"), which is a commission's vote, not the council's.
  static const std::regex labelled(
      "\\b(pour|contre|abstentions?|votants)\\s*:\\s*[0-9]{1,3}\\b[^.]{0,40}\\b(pour|contre|abstentions?)\\s*"
      ":\\s*"
      "[0-9]{1,3}\\b");
  static const std::regex quoted("\\b(vu|avis|commissions?|bureau municipal|comite)\\b");
  for (auto it = std::sregex_iterator(folded.begin(), folded.end(), labelled); it != std::sregex_iterator();
       ++it) {
    const std::size_t at = static_cast<std::size_t>(it->position(0));
    const std::size_t sentence = folded.rfind(". ", at);
    const std::string before = folded.substr(sentence == std::string::npos ? 0 : sentence,
                                             at - (sentence == std::string::npos ? 0 : sentence));
    if (!std::regex_search(before, quoted)) return true;
  }
  return false;
}

namespace {

// "3 abstentions", "deux abstentions" (the words already in figures): a count printed before its noun.
std::optional<int> count_before(const std::string& folded, const std::string& noun) {
  // "12 votes pour", "2 voix contre", "10 pour et 2 contre", "4 Abstention 7 Contre 0 Pour"; a bare
  // "pour" or "contre" ends the clause or goes on a tally ("un local neuf pour l'école" is no count).
  const std::regex before("(?:^|[\\s(,])([0-9]{1,4}) (votes? |voix )?" + noun + "\\b");
  static const std::regex clause_ends(
      "^(\\s*$|\\s*[,;./)(:-]|\\s+(et|[0-9]|pour|contre|abstentions?|voix|votes?)\\b)");
  static const std::regex tally_before(
      "[0-9]{1,3} (votes? |voix )?(pour|contre|abstentions?)\\s*[,;/-]?\\s*(et\\s+)?$");
  const bool abstention = noun.rfind("abstention", 0) == 0;
  for (auto it = std::sregex_iterator(folded.begin(), folded.end(), before); it != std::sregex_iterator();
       ++it) {
    const std::smatch& m = *it;
    if (abstention || m[2].matched || std::regex_search(m.suffix().str(), clause_ends) ||
        std::regex_search(std::string(folded.cbegin(), m[1].first), tally_before))
      return std::stoi(m[1].str());
  }
  return std::nullopt;
}

// "Abstention(s) de : Mme Azoug, Mme Youssouf, Mme Denis, Mme Girardet": the abstainers named.
std::optional<int> named_abstainers(const std::string& folded) {
  const auto at = folded.find("abstention(s) de");
  if (at == std::string::npos) return std::nullopt;
  std::string list = folded.substr(at);
  // "…, M. Petit ne prend pas part au vote": who does not take part in the vote is no voter and no
  // abstainer; the list ends before that clause.
  static const std::regex not_voting(
      "\\b(ne|n')\\s*(prend|prennent|participe|participent|a pas pris|ont pas pris|a pas participe|ont pas "
      "participe)( pas)?( part)? au vote");
  std::smatch out;
  if (std::regex_search(list, out, not_voting)) {
    const std::size_t clause = static_cast<std::size_t>(out.position(0));
    std::size_t cut = 0;
    for (const char* separator : {", ", "; ", " - ", "(", " et "}) {
      const std::size_t s = list.rfind(separator, clause);
      if (s != std::string::npos && s > 16 && s > cut) cut = s;
    }
    list = list.substr(0, cut > 0 ? cut : clause);
  }
  int names = 0;
  static const std::regex civility("(?:^|[\\s,])(mme|m\\.|mlle|monsieur|madame|mr)\\s");
  for (auto it = std::sregex_iterator(list.begin(), list.end(), civility); it != std::sregex_iterator(); ++it)
    ++names;
  // "Mme Girardet use du pouvoir de Mme Youssouf": a proxy's mention is no further abstainer.
  const auto proxy = list.find("pouvoir de");
  if (proxy != std::string::npos) {
    const std::string before_proxy = list.substr(0, proxy);
    names = 0;
    std::vector<std::string> seen;
    static const std::regex named("(?:mme|m\\.|mlle|monsieur|madame|mr)\\s+([a-z'-]+)");
    for (auto it = std::sregex_iterator(before_proxy.begin(), before_proxy.end(), named);
         it != std::sregex_iterator(); ++it)
      if (std::find(seen.begin(), seen.end(), (*it)[1].str()) == seen.end()) seen.push_back((*it)[1].str());
    names = static_cast<int>(seen.size());
  }
  if (names == 0) return std::nullopt;
  return names;
}

// "Le conseil n'approuve pas …", "le Conseil municipal rejette …", "refuse …", "émet un avis
// défavorable": the council's refusal stated in a sentence, which rejects even though the sentence
// names the verb of adoption ("n'adopte pas"). The negation must fall on the council's verb itself:
// "le Conseil, qui n'a pas d'objection, approuve" adopts; nor is a refusal recalled ("le conseil
// avait refusé en 2019", "… qui refuse") the council's vote. The counts are already in figures
// ("un avis" reads "1 avis").
bool states_refusal(const std::string& folded) {
  static const std::regex refusal(
      "\\b(le|les membres du|l'ensemble du) (conseil|bureau|comite|assemblee)\\b([^.;]{0,80}?) "
      "(n'(approuve|adopte|accepte|autorise|valide)(nt)? pas|ne (l'|les? )?(approuve|adopte|accepte|autorise|"
      "valide)(nt)? pas|refuse(nt)?|rejette(nt)?|emet(tent)? (un|1) avis defavorable)\\b");
  static const std::regex recalled("(^| )(a|ont|avait|avaient|aura|doit|devra|pourra|peut|qui|que|dont)$");
  for (auto it = std::sregex_iterator(folded.begin(), folded.end(), refusal); it != std::sregex_iterator();
       ++it)
    if (!std::regex_search((*it)[3].str(), recalled)) return true;
  return false;
}

}  // namespace

VoteTally read_vote(const std::string& text) {
  const std::string folded = counts_in_figures(text);
  VoteTally tally;
  if (states_refusal(folded))
    tally.outcome = "rejected";
  else if (folded.find("rejete") != std::string::npos)
    tally.outcome = "rejected";
  else if (folded.find("adopte") != std::string::npos)
    tally.outcome = "adopted";
  if (folded.find("unanimite") != std::string::npos)
    tally.unanimous = true;
  else if (folded.find("majorite") != std::string::npos)
    tally.unanimous = false;
  std::smatch m;
  // "POUR CONTRE ABSTENTION 15 0 0", "Votants Pour Contre 15 13 2": a vote table flattened to one
  // line, its labels then as many counts in the same order.
  static const std::regex table(
      "\\b((?:(?:pour|contre|abstentions?|votants)\\s+){2,4})([0-9]{1,3}(?:\\s+[0-9]{1,3}){1,3})\\b");
  if (std::regex_search(folded, m, table)) {
    const std::vector<std::string> labels = words_of(m[1].str());
    const std::vector<std::string> counts = words_of(m[2].str());
    if (labels.size() == counts.size())
      for (std::size_t k = 0; k < labels.size(); ++k) {
        const int n = std::stoi(counts[k]);
        if (labels[k] == "pour") tally.for_votes = n;
        if (labels[k] == "contre") tally.against = n;
        if (labels[k].rfind("abstention", 0) == 0) tally.abstention = n;
        if (labels[k] == "votants") tally.voters = n;
      }
  }
  // "Pour : 23", "POUR 21 / CONTRE 0", "Contre : 2 (M. X, Mme Y)": a count after its label. Without
  // the colon, only in a run of labelled counts or a line of its own ("Pour 9"), the count one to
  // three figures and no measure ("pour 3 ans", "pour 4 agents" in a sentence are no counts).
  static const std::regex labelled_run(
      "^(pour|contre|abstentions?)\\s*:?\\s*[0-9]{1,3}\\b.{0,40}$|"
      "\\b(pour|contre|abstentions?|votants)\\s*:?\\s*[0-9]{1,3}\\b[^.]{0,40}\\b(pour|contre|abstentions?)"
      "\\s*:?\\s*"
      "[0-9]{1,3}\\b");
  // A tally without colons reads both ways ("Pour 9 Abstention 0 Contre 0", "2 votes contre 1
  // abstention 9 votes pour"): its first count says which, label first or count first.
  static const std::regex label_first("\\b(pour|contre|abstentions?|votants)\\s*:?\\s*[0-9]{1,3}\\b");
  static const std::regex count_first("\\b[0-9]{1,3} (votes? |voix )?(pour|contre|abstentions?)\\b");
  std::smatch first_label, first_count;
  const bool labels_first = std::regex_search(folded, first_label, label_first) &&
                            (!std::regex_search(folded, first_count, count_first) ||
                             first_label.position(0) < first_count.position(0));
  const bool bare_counts = labels_first && std::regex_search(folded, labelled_run);
  const auto after_label = [&](const std::string& label) -> std::optional<int> {
    const std::regex counted(
        "\\b" + label +
        "\\s*(?::\\s*([0-9]{1,6})|([0-9]{1,3})\\b(?!\\s*(?:ans?|mois|jours?|heures?|h\\b|%|"
        "euros?|€|m2|km|ha\\b|[0-9])))");
    for (auto it = std::sregex_iterator(folded.begin(), folded.end(), counted); it != std::sregex_iterator();
         ++it) {
      if ((*it)[1].matched) return std::stoi((*it)[1].str());
      if (bare_counts) return std::stoi((*it)[2].str());
    }
    return std::nullopt;
  };
  if (!tally.for_votes) tally.for_votes = after_label("pour");
  if (!tally.against) tally.against = after_label("contre");
  if (!tally.abstention) tally.abstention = after_label("abstentions?");
  // "à l'unanimité des votants (31 voix), 8 abstentions": the votes cast, all for.
  static const std::regex unanimous_count("unanimite[^()]{0,40}\\(([0-9]{1,4}) voix");
  if (!tally.for_votes && tally.unanimous.value_or(false) && std::regex_search(folded, m, unanimous_count))
    tally.for_votes = std::stoi(m[1].str());
  // "Vote : 1 contre et 10 pour", "à l'unanimité et deux abstentions", "par 34 voix POUR"
  if (!bare_counts) {
    if (!tally.abstention) tally.abstention = count_before(folded, "abstentions?");
    if (!tally.against) tally.against = count_before(folded, "contre");
    if (!tally.for_votes) tally.for_votes = count_before(folded, "pour");
  }
  if (!tally.abstention) tally.abstention = named_abstainers(folded);
  // "Votants : 15", "sur 34 VOTANTS", "Votants 15 Pour 13" (in a tally read label first)
  static const std::regex voters("\\bvotants\\s*:\\s*([0-9]{1,6})|\\b([0-9]{1,4}) votants\\b");
  static const std::regex bare_voters("\\bvotants ([0-9]{1,4})\\b");
  if (!tally.voters && std::regex_search(folded, m, voters))
    tally.voters = std::stoi(m[1].matched ? m[1].str() : m[2].str());
  if (!tally.voters && bare_counts && std::regex_search(folded, m, bare_voters))
    tally.voters = std::stoi(m[1].str());
  // A tally without its word: unanimity adopts; more for than against adopts.
  if (!tally.outcome && (tally.unanimous.value_or(false) ||
                         (tally.for_votes && tally.against && *tally.for_votes > *tally.against)))
    tally.outcome = "adopted";
  if (!tally.outcome && folded.find("le conseil rejette") != std::string::npos) tally.outcome = "rejected";
  // "4 Abstention 7 Contre 0 Pour": more against than for rejects.
  if (!tally.outcome && tally.for_votes && tally.against && *tally.against > *tally.for_votes)
    tally.outcome = "rejected";
  return tally;
}

}  // namespace greffe::parse
