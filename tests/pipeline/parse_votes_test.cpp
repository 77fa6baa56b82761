// The vote in the forms real acts print it (issue 17): counts in words, labels without colons,
// a tally printed as a column, a flattened table, voters; each form beside a counterexample it
// must not fire on, and whole acts in the three layouts (tests/text_layouts.h).
#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

#include "models/deliberation.h"
#include "pipeline/parse/grammar.h"
#include "pipeline/parse/parse.h"
#include "tests/text_layouts.h"

namespace {

using greffe::Deliberation;
using greffe::parse::fold;
using greffe::parse::is_vote_statement;
using greffe::parse::read_vote;

Deliberation parse(const std::string& text) {
  return greffe::parse::run({}, text, greffe::Legality{});
}

// An extract whose vote is a column of labelled counts, and whose report quotes a commission's
// vote with the same labels: the council's vote is the column.
const std::string column_extract =
    "COMMUNE DE SAINT-EXEMPLE\n\n"
    "Séance du 12 mai 2022\n\n"
    "Délibération n° 2022-031\n\n"
    "Objet : Convention de mise à disposition du gymnase\n\n"
    "Vu l'avis de la commission des sports (Pour : 5 Contre : 1 Abstention : 0),\n\n"
    "Monsieur le Maire expose que la convention arrive à échéance pour 3 ans.\n\n"
    "Après en avoir délibéré, le conseil municipal approuve la convention.\n\n"
    "POUR 12\n\n"
    "CONTRE 2 (M. Paul ROUX, Mme Léa BLANC)\n\n"
    "ABSTENTION 1\n\n"
    "Pour extrait conforme,\nLe Maire,\nJean MARTIN\n";

}  // namespace

TEST_CASE("votes: counts in words") {
  auto v = read_vote(fold("Le conseil adopte par dix-huit voix pour et deux contre."));
  CHECK(v.for_votes == 18);
  CHECK(v.against == 2);
  CHECK(v.outcome == "adopted");
  v = read_vote(fold("Par : DEUX voix POUR - ONZE voix CONTRE et 1 ABSTENTION"));
  CHECK(v.for_votes == 2);
  CHECK(v.against == 11);
  CHECK(v.abstention == 1);
  CHECK(v.outcome == "rejected");
  CHECK(is_vote_statement(fold("Par : DEUX voix POUR - ONZE voix CONTRE et 1 ABSTENTION")));
  v = read_vote(fold("adopté à l'unanimité moins une abstention"));
  CHECK(v.unanimous == true);
  CHECK(v.abstention == 1);
  v = read_vote(fold("par vingt et une voix pour et quatre-vingt-deux contre"));
  CHECK(v.for_votes == 21);
  CHECK(v.against == 82);
  // Counterexamples: a number word before "pour" in a sentence is no count.
  v = read_vote(fold("Le conseil adopte la construction d'un local neuf pour l'école."));
  CHECK(!v.for_votes);
  CHECK(v.outcome == "adopted");
  v = read_vote(fold("adopté à l'unanimité pour une durée de trois ans"));
  CHECK(!v.for_votes);
  CHECK(!v.abstention);
}

TEST_CASE("votes: labels before their counts, with or without colon") {
  auto v = read_vote(fold("POUR 21 / CONTRE 0 / ABSTENTION 0"));
  CHECK(v.for_votes == 21);
  CHECK(v.against == 0);
  CHECK(v.abstention == 0);
  v = read_vote(fold("Votants 15 Pour 13 Contre 2"));
  CHECK(v.voters == 15);
  CHECK(v.for_votes == 13);
  CHECK(v.against == 2);
  CHECK(v.outcome == "adopted");
  // Named voters after a count: "Abstention 1 Denis MARTIN" is one abstention.
  v = read_vote(fold("Pour 8 Abstention 1 Denis MARTIN Contre 0"));
  CHECK(v.for_votes == 8);
  CHECK(v.abstention == 1);
  CHECK(v.against == 0);
  v = read_vote(fold("Pour : 12 (A, B, C) Contre : 2 (D, E)"));
  CHECK(v.for_votes == 12);
  CHECK(v.against == 2);
  // Counts before labels, printed without colons too: the first count says which way it reads.
  v = read_vote(fold("2 votes contre 1 abstention 9 votes pour"));
  CHECK(v.against == 2);
  CHECK(v.abstention == 1);
  CHECK(v.for_votes == 9);
  CHECK(is_vote_statement(fold("Pour 9")));
  CHECK(is_vote_statement(fold("POUR 21 / CONTRE 0 / ABSTENTION 0")));
  // Counterexamples: a duration or a measure after "pour" is no count; a sentence is no tally.
  CHECK(!is_vote_statement(fold("Pour 3 ans, la convention est renouvelée.")));
  v = read_vote(fold("Le conseil adopte la prime pour 4 agents et 2 contractuels."));
  CHECK(!v.for_votes);
  CHECK(!v.against);
}

TEST_CASE("votes: a flattened table, and voters") {
  auto v = read_vote(fold("VOTANTS POUR CONTRE ABSTENTION 15 12 2 1"));
  CHECK(v.voters == 15);
  CHECK(v.for_votes == 12);
  CHECK(v.against == 2);
  CHECK(v.abstention == 1);
  v = read_vote(fold("DECISION (par 34 voix POUR, 0 voix CONTRE, 0 ABSTENTION(S), sur 34 VOTANTS)"));
  CHECK(v.for_votes == 34);
  CHECK(v.against == 0);
  CHECK(v.abstention == 0);
  CHECK(v.voters == 34);
  // Counterexample: labels and figures in different numbers are no table.
  v = read_vote(fold("POUR CONTRE 12 2 1 ABSTENTION"));
  CHECK(!v.for_votes);
}

TEST_CASE("votes: a commission's vote quoted in a sentence is not the council's") {
  CHECK(
      !is_vote_statement(fold("Vu l'avis favorable de la commission des finances (pour : 21 ; contre : 0; "
                              "abstentions : 2).")));
  CHECK(
      is_vote_statement(fold("Après en avoir délibéré, le conseil municipal, Pour : 11 Contre : 1 "
                             "Abstention : 2")));
}

TEST_CASE("votes: a tally printed as a column, in the three layouts") {
  using greffe::test::one_line;
  using greffe::test::without_blank_lines;
  for (const std::string& text :
       {column_extract, without_blank_lines(column_extract), one_line(column_extract)}) {
    INFO(text.substr(0, 80));
    const Deliberation d = parse(text);
    CHECK(d.vote.for_votes == 12);
    CHECK(d.vote.against == 2);
    CHECK(d.vote.abstention == 1);
    CHECK(d.vote.outcome == "adopted");
  }
}

namespace {

std::string signed_act(const std::string& signature) {
  return "COMMUNE DE SAINT-EXEMPLE\n\nSéance du 3 mai 2022\n\nDélibération n° 2022-014\n\nObjet : Voirie\n\n"
         "Après en avoir délibéré, le conseil municipal, à l'unanimité,\n- APPROUVE le projet\n\n" +
         signature + "\n";
}

}  // namespace

TEST_CASE("signatory: an office naming its authority, or the name before the office, in the three layouts") {
  using greffe::test::one_line;
  using greffe::test::without_blank_lines;
  const std::vector<std::pair<std::string, std::string>> forms = {
      {"Le Président du Conseil départemental, Jean-Louis CAMUS", "Jean-Louis CAMUS"},
      {"La Première Adjointe au Maire, Léa BLANC", "Léa BLANC"},
      {"Le Maire de Saint-Exemple,\n\nJacques BURRIEZ", "Jacques BURRIEZ"},
      {"Jacques BURRIEZ, Maire", "Jacques BURRIEZ"},
      {"Jacques BURRIEZ\n\nMaire de Saint-Exemple", "Jacques BURRIEZ"},
  };
  for (const auto& [signature, name] : forms)
    for (const std::string& text : {signed_act(signature), without_blank_lines(signed_act(signature)),
                                    one_line(signed_act(signature))}) {
      INFO(text);
      CHECK(parse(text).signatory.name == name);
    }
  // Counterexamples: an office and a name inside a sentence, a name and office that do not close the text.
  CHECK(!parse(signed_act("Le Maire rappelle que le projet, Jean DUPONT, est prêt.")).signatory.name);
  CHECK(!parse(signed_act("Jacques BURRIEZ, Maire, présente le projet aux habitants.")).signatory.name);
}

TEST_CASE("authority: the place the opening sentence says the council met in, in the three layouts") {
  using greffe::test::one_line;
  using greffe::test::without_blank_lines;
  const std::string met =
      "Séance du 29 mars 2023\n\nL'an deux mille vingt-trois, le 29 mars, le Conseil communautaire s'est "
      "réuni "
      "salle des Conseils de la Communauté de communes du Pays des Exemples, sous la présidence de Monsieur "
      "Jean MARTIN.\n\nDélibération n° 2023-01\n\nObjet : Budget\n\nAprès en avoir délibéré, le conseil, à "
      "l'unanimité,\n- APPROUVE le budget\n";
  for (const std::string& text : {met, without_blank_lines(met), one_line(met)}) {
    INFO(text);
    CHECK(parse(text).authority == "Communauté de communes du Pays des Exemples");
  }
  // Counterexamples: a room that names no authority; a letterhead comes first.
  const std::string room =
      "Séance du 29 mars 2023\n\nLe Conseil municipal s'est réuni à la salle Georges Brassens, sous la "
      "présidence de Monsieur Jean MARTIN.\n\nDélibération n° 2023-01\n\nObjet : Budget\n\nAprès en avoir "
      "délibéré, le conseil, à l'unanimité,\n- APPROUVE le budget\n";
  CHECK(!parse(room).authority);
  CHECK(parse("COMMUNE DE SAINT-EXEMPLE\n\n" + met).authority == "COMMUNE DE SAINT-EXEMPLE");
}

TEST_CASE("votes: who does not take part in the vote is no abstainer") {
  CHECK(read_vote(fold("Abstention(s) de : Mme Azoug, Mme Denis, M. Petit ne prend pas part au vote."))
            .abstention == 2);
  CHECK(read_vote(fold("Abstention(s) de : Mme Azoug, Mme Denis (M. Petit ne participe pas au vote)."))
            .abstention == 2);
  // Counterexample: every name of the list abstains.
  CHECK(read_vote(fold("Abstention(s) de : Mme Azoug, Mme Denis, M. Petit.")).abstention == 3);
}

TEST_CASE("votes: who does not take part in the vote is no abstainer, in the three layouts") {
  using greffe::test::one_line;
  using greffe::test::without_blank_lines;
  const std::string minutes =
      "Procès-verbal du Conseil municipal\n\nSéance du 9 mars 2023\n\n"
      "Présents : Jean DUPONT, Anne MARTIN, Paul DURAND, Léa AZOUG, Marc PETIT.\n\n"
      "1) Tarifs de la cantine\n\nLe Maire propose de nouveaux tarifs.\n\n"
      "Adopté à la majorité. Abstention(s) de : Mme Azoug, M. Durand, M. Petit ne prend pas part au vote.\n\n"
      "2) Travaux de voirie\n\nLe Maire présente le devis.\n\n"
      "Adopté à la majorité. Abstention(s) de : Mme Azoug, M. Durand, M. Petit.\n";
  for (const std::string& text : {minutes, without_blank_lines(minutes), one_line(minutes)}) {
    INFO(text.substr(0, 80));
    const Deliberation d = parse(text);
    // The abstentions read, act by act (without blank lines the headings split differently).
    std::vector<int> abstentions;
    for (const Deliberation& act : d.acts)
      if (act.vote.abstention) abstentions.push_back(*act.vote.abstention);
    CHECK(abstentions == std::vector<int>{2, 3});  // the second act's list is the counterexample
  }
}
