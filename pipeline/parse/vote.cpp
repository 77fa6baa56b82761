// The vote: "Cette proposition mise aux voix est adoptée." (outcome only; unanimity not stated),
// communes: "Adopté à l'unanimité", "à la majorité (Pour : 23 - Contre : 2 - Abstention : 0)".
#include <regex>

#include "pipeline/parse/grammar.h"

namespace greffe::parse {

bool is_vote_statement(const std::string& folded) {
  static const std::regex vote(
      "mise aux voix|^(cette proposition|adopte|rejete|a l'unanimite|a la majorite|vote|resultat du vote|"
      "unanimite|pour\\s*:\\s*[0-9])");
  return std::regex_search(folded, vote);
}

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
  return tally;
}

}  // namespace greffe::parse
