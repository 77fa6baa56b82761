// A deliberation as the parser recovers it, and its deliberation.json (docs/design/deliberation.md).
// Every value the text does not give stays empty (std::nullopt, or an empty list): never guessed.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "models/legality.h"

namespace greffe {

// A minutes document (procès-verbal, compte rendu) holds the session once and its acts in `acts`.
enum class DeliberationKind { Deliberation, Minutes, Other };

struct SessionHeader {
  std::optional<std::string> date;  // ISO
  std::optional<std::string> president;
  std::optional<int> members_present_declared;
  std::optional<int> members_in_office;  // "en exercice": SCDL VOTE_EFFECTIF
  std::optional<std::string> secretary;  // "Secrétaire de séance : …"
};

// "Daniel GAGNON représenté par Roland GIBERTI", "X à Y" in communes; `proxy` is empty (null in
// the JSON) when the act names the member only ("Absents ayant voté par procuration : X").
struct Proxy {
  std::string member;
  std::string proxy;
};

struct Article {
  int number = 0;
  std::string text;
};

struct VoteTally {
  std::optional<std::string> outcome;  // "adopted" or "rejected"
  std::optional<bool> unanimous;       // null when the text does not say
  std::optional<int> for_votes;
  std::optional<int> against;
  std::optional<int> abstention;
  std::optional<int> voters;  // "Votants": SCDL VOTE_REEL
};

struct Amount {
  double value = 0;
  std::string currency;  // ISO 4217, "EUR"
  std::string context;   // the clause the sum is printed in
};

// "chapitre 65 - nature 65748 - fonction 67 - Sous-politique B370", for the exercice `year`.
struct BudgetLine {
  std::optional<std::string> year;
  std::optional<std::string> chapter;
  std::optional<std::string> nature;
  std::optional<std::string> function;
  std::optional<std::string> sub_policy;
};

struct Signatory {
  std::optional<std::string> name;
  std::optional<std::string> office;
};

struct Deliberation {
  DeliberationKind kind = DeliberationKind::Other;
  std::optional<std::string> authority;
  std::optional<std::string> body;
  SessionHeader session;
  std::vector<std::string> present;
  std::vector<Proxy> represented;
  std::vector<std::string> excused;
  std::optional<std::string> number;
  std::optional<std::string> title;
  std::optional<std::string> internal_ref;
  std::optional<std::string> report;
  std::vector<std::string> visas;
  std::vector<std::string> considerants;
  std::vector<Article> articles;
  VoteTally vote;
  std::vector<Amount> amounts;
  BudgetLine budget;
  Signatory signatory;
  Legality legality;
  std::vector<std::string> warnings;
  // Minutes only: each act with its own keys (number, title, report, visas, considerants,
  // articles, vote, amounts, budget) and the page where it starts.
  std::vector<Deliberation> acts;
  std::optional<int> page;
};

// Keys in the order of deliberation.md; nested objects are always present, their unknown values null.
nlohmann::ordered_json deliberation_json(const Deliberation& deliberation);

// deliberation_json, indented by 2, with a final newline: what `greffe parse` prints and the
// approved golden files hold. Bytes that are not UTF-8 are written as U+FFFD; never throws.
std::string deliberation_json_text(const Deliberation& deliberation);

}  // namespace greffe
