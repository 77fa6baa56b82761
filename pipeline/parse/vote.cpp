// The vote: "Cette proposition mise aux voix est adoptée." (outcome only; unanimity not stated),
// communes: "Adopté à l'unanimité", "à la majorité (Pour : 23 - Contre : 2 - Abstention : 0)".
#include <algorithm>
#include <cctype>
#include <regex>

#include "pipeline/parse/grammar.h"

namespace greffe::parse {

bool is_vote_statement(const std::string& folded) {
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
      "\\bpour contre abstentions? [0-9]{1,3} [0-9]{1,3} [0-9]{1,3}\\b");
  return folded.size() < 2000 && std::regex_search(folded, vote);
}

namespace {

// "deux abstentions", "3 abstentions": a count printed before its noun.
std::optional<int> count_before(const std::string& folded, const std::string& noun) {
  static const std::vector<std::string> words = {"zero", "une",  "deux", "trois", "quatre", "cinq", "six",
                                                 "sept", "huit", "neuf", "dix",   "onze",   "douze"};
  // "12 votes pour", "2 voix contre", "deux abstentions"
  const std::regex before("(?:^|[\\s(,])([0-9]{1,4}|[a-z]+) (?:votes? |voix )?" + noun + "\\b");
  for (auto it = std::sregex_iterator(folded.begin(), folded.end(), before); it != std::sregex_iterator();
       ++it) {
    const std::string count = (*it)[1].str();
    if (std::isdigit(static_cast<unsigned char>(count[0]))) return std::stoi(count);
    if (count == "un") return 1;
    for (std::size_t i = 0; i < words.size(); ++i)
      if (words[i] == count) return static_cast<int>(i);
  }
  return std::nullopt;
}

// "Abstention(s) de : Mme Azoug, Mme Youssouf, Mme Denis, Mme Girardet": the abstainers named.
std::optional<int> named_abstainers(const std::string& folded) {
  const auto at = folded.find("abstention(s) de");
  if (at == std::string::npos) return std::nullopt;
  const std::string list = folded.substr(at);
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

}  // namespace

VoteTally read_vote(const std::string& folded) {
  VoteTally tally;
  if (folded.find("rejete") != std::string::npos)
    tally.outcome = "rejected";
  else if (folded.find("adopte") != std::string::npos)
    tally.outcome = "adopted";
  if (folded.find("unanimite") != std::string::npos)
    tally.unanimous = true;
  else if (folded.find("majorite") != std::string::npos)
    tally.unanimous = false;
  static const std::regex for_votes("\\bpour\\s*:\\s*([0-9]{1,6})");
  static const std::regex against("\\bcontre\\s*:\\s*([0-9]{1,6})");
  static const std::regex abstention("\\babstentions?\\s*:\\s*([0-9]{1,6})");
  std::smatch m;
  if (std::regex_search(folded, m, for_votes)) tally.for_votes = std::stoi(m[1].str());
  if (std::regex_search(folded, m, against)) tally.against = std::stoi(m[1].str());
  if (std::regex_search(folded, m, abstention)) tally.abstention = std::stoi(m[1].str());
  // "à l'unanimité des votants (31 voix), 8 abstentions": the votes cast, all for.
  static const std::regex unanimous_count("unanimite[^()]{0,40}\\(([0-9]{1,4}) voix");
  if (!tally.for_votes && tally.unanimous.value_or(false) && std::regex_search(folded, m, unanimous_count))
    tally.for_votes = std::stoi(m[1].str());
  // "Vote : 1 contre et 10 pour", "à l'unanimité et deux abstentions"
  if (!tally.abstention) tally.abstention = count_before(folded, "abstentions?");
  if (!tally.abstention) tally.abstention = named_abstainers(folded);
  if (!tally.against) tally.against = count_before(folded, "contre");
  if (!tally.for_votes) tally.for_votes = count_before(folded, "pour");
  // "POUR CONTRE ABSTENTION 15 0 0": a vote table flattened to one line, labels then counts.
  static const std::regex table("\\bpour contre abstentions? ([0-9]{1,3}) ([0-9]{1,3}) ([0-9]{1,3})\\b");
  if (!tally.for_votes && !tally.against && std::regex_search(folded, m, table)) {
    tally.for_votes = std::stoi(m[1].str());
    tally.against = std::stoi(m[2].str());
    tally.abstention = std::stoi(m[3].str());
  }
  static const std::regex voters("\\bvotants\\s*:\\s*([0-9]{1,6})");
  if (std::regex_search(folded, m, voters)) tally.voters = std::stoi(m[1].str());
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
