// The forms of other authorities' acts (docs/design/deliberation.md, fixtures/real/): each form
// on a small made-up example, beside a counterexample that must not be read as it.
#include <catch2/catch.hpp>

#include <algorithm>

#include "models/deliberation.h"
#include "pipeline/parse/grammar.h"
#include "pipeline/parse/parse.h"
#include "pipeline/parse/scdl.h"
#include "tests/text_layouts.h"

namespace {

using greffe::Deliberation;
using greffe::test::one_line;

Deliberation parse(const std::string& text) {
  return greffe::parse::run({}, text, greffe::Legality{});
}

const std::string commune =
    "Envoyé en préfecture le 18/12/2023\n"
    "Reçu en préfecture le 19/12/2023\n"
    "Publié le\n"
    "ID : 007-210701280-20231211-2023_037_D-DE\n\n"
    "COMMUNE DE SAINT-EXEMPLE\n\n"
    "Séance du 11 décembre 2023\n\n"
    "Présents : Mmes DESBOS Aurélie, PORTE Nicole, MM. BESSET François, BURRIEZ Jacques et Jean MARTIN.\n"
    "Absent excusé : Mme ACHARD Aline donne pouvoir à M. BESSET François\n"
    "Absents excusés : Monsieur Paul ROUX, Madame Léa BLANC\n"
    "Secrétaire de séance : M. BESSET Julien\n\n"
    "Délibération n° 2023_037_D\n\n"
    "Objet : Demande de subvention pour l'eau potable\n\n"
    "La commission des finances a voté à l'unanimité (Pour : 5 Contre : 0 Abstention : 0) en faveur du "
    "projet, "
    "estimé à 385 415 € HT.\n\n"
    "Après en avoir délibéré, le conseil municipal, Pour : 11 Contre : 1 Abstention : 2\n"
    "- APPROUVE la réalisation du projet\n"
    "- AUTORISE le Maire à signer\n\n"
    "Pour extrait certifié conforme,\nLe Maire,\nJacques BURRIEZ\n";

}  // namespace

TEST_CASE("forms: a commune's extract, as printed and flattened to one line") {
  for (const std::string& text : {commune, one_line(commune)}) {
    INFO(text.substr(0, 60));
    const Deliberation d = parse(text);
    CHECK(d.kind == greffe::DeliberationKind::Deliberation);
    CHECK(d.session.date == "2023-12-11");
    CHECK(d.present == std::vector<std::string>{"DESBOS Aurélie", "PORTE Nicole", "BESSET François",
                                                "BURRIEZ Jacques", "Jean MARTIN"});
    REQUIRE(d.represented.size() == 1);
    CHECK(d.represented[0].member == "ACHARD Aline");
    CHECK(d.represented[0].proxy == "BESSET François");
    CHECK(d.excused == std::vector<std::string>{"Paul ROUX", "Léa BLANC"});
    CHECK(d.session.secretary == "BESSET Julien");
    CHECK(d.number == "2023_037_D");
    // On one line the title runs on into the report: only its start is sure.
    CHECK(d.title->rfind("Demande de subvention pour l'eau potable", 0) == 0);
    // The commission's vote quoted in the report is not the council's.
    CHECK(d.vote.for_votes == 11);
    CHECK(d.vote.against == 1);
    CHECK(d.vote.abstention == 2);
    CHECK(d.vote.outcome == "adopted");
    CHECK(d.vote.unanimous != true);
    CHECK(d.signatory.name == "Jacques BURRIEZ");
    // S²LOW stamp: read into legality, out of every paragraph.
    CHECK(d.legality.transmitted_on == "2023-12-18");
    CHECK(d.legality.received_on == "2023-12-19");
    CHECK(d.legality.act_id == "007-210701280-20231211-2023_037_D-DE");
    // Flattened to one line the report is not found yet (a gap the docs name): the stamp must be
    // out of it wherever there is one.
    if (d.report) CHECK(d.report->find("préfecture") == std::string::npos);
  }
  const Deliberation printed = parse(commune);
  REQUIRE(printed.report);
  CHECK(printed.report->find("préfecture") == std::string::npos);
}

TEST_CASE("forms: proxies in every wording, and what is no proxy") {
  const Deliberation d = parse(
      "Séance du 6 février 2023\n\n"
      "PRÉSENTS : Monsieur Jérôme BEQ, Maire, Madame Monique BUFFAROT, Adjoints, Monsieur Jean-Luc BOCHU.\n"
      "EXCUSÉS : Monsieur Bernard TOMASZEWSKI (Pouvoir à Madame Monique BUFFAROT) Madame Caroline SENDRAL "
      "(Pouvoir à Madame Caroline FAUS)\n"
      "Absents ayant donné procuration : Bruno BOUVERY ayant donné procuration à Thierry WURTZ, "
      "Mme Youssouf donnant pouvoir à Mme Girardet\n"
      "ABSENTS : Monsieur Florent OLIVIER Monsieur Youssef LYAMMOURI\n\n"
      "DÉCIDE :\n\nArticle 1 : x\n");
  CHECK(d.present ==
        std::vector<std::string>{"Jérôme BEQ", "Monique BUFFAROT", "Jean-Luc BOCHU"});  // offices left out
  REQUIRE(d.represented.size() == 4);
  CHECK(d.represented[0].member == "Bernard TOMASZEWSKI");
  CHECK(d.represented[0].proxy == "Monique BUFFAROT");
  CHECK(d.represented[1].member == "Caroline SENDRAL");
  CHECK(d.represented[2].proxy == "Thierry WURTZ");
  CHECK(d.represented[3].member == "Youssouf");
  CHECK(d.represented[3].proxy == "Girardet");
  CHECK(d.excused.empty());  // "ABSENTS :" without excuse is no key of the contract
}

TEST_CASE("forms: counts boxes, and a count that is not a list of names") {
  const Deliberation d = parse(
      "En exercice : 19\nPrésents : 11\nVotants : 13\n\n"
      "Séance du 22 octobre 2020\n\nLe Conseil Municipal, après en avoir délibéré, à l'UNANIMITE\n\n"
      "VALIDE le choix du comité\n");
  CHECK(d.session.members_in_office == 19);
  CHECK(d.session.members_present_declared == 11);
  CHECK(d.vote.voters == 13);
  CHECK(d.present.empty());
  CHECK(d.vote.unanimous == true);
}

TEST_CASE("forms: votes in other wordings") {
  using greffe::parse::fold;
  using greffe::parse::read_vote;
  auto v =
      read_vote(fold("Après en avoir délibéré, le Conseil Municipal, à l'unanimité et deux abstentions :"));
  CHECK(v.unanimous == true);
  CHECK(v.abstention == 2);
  v = read_vote(fold("2 votes contre 1 abstention 9 votes pour"));
  CHECK(v.for_votes == 9);
  CHECK(v.against == 2);
  CHECK(v.abstention == 1);
  CHECK(v.outcome == "adopted");
  v = read_vote(fold("Adopté à la majorité : Voix contre : 0 Abstentions : 4"));
  CHECK(v.against == 0);
  CHECK(v.abstention == 4);
  v =
      read_vote(fold("Abstention(s) de : Mme Azoug, Mme Youssouf, Mme Denis, Mme Girardet Mme Girardet use "
                     "du pouvoir de Mme Youssouf"));
  CHECK(v.abstention == 4);
  v = read_vote(fold("Le Conseil Adopte."));
  CHECK(v.outcome == "adopted");
  // Counterexamples: a sum "pour" something is no count of votes; "Pour information" says nothing.
  v = read_vote(fold("une subvention de 300 euros pour la fête"));
  CHECK(!v.for_votes);
  CHECK(!v.outcome);
  CHECK(!greffe::parse::is_vote_statement(fold("Pour information, le Maire rappelle la réunion.")));
}

TEST_CASE("forms: minutes holding several acts give kind minutes, the session once and one row per act") {
  const std::string minutes =
      "Procès-verbal du Conseil municipal\n\nSéance du lundi 19 février 2024\n\n"
      "Présents : Jean DUPONT, Anne MARTIN\n\n"
      "Désignation du secrétaire de séance\n\nMonsieur Dupont est nommé secrétaire de séance à "
      "l'unanimité.\n\n"
      "1/ Délibération reversement de la taxe d'aménagement\n\nLe Maire présente le reversement de 1 200 "
      "euros.\n\n"
      "10 votes pour. 2 abstentions\n\n"
      "2/ Délibération travaux en forêt communale\n\nLe devis s'élève à 5 000 euros.\n\n"
      "8 votes pour 4 votes contre\n\n"
      "Questions diverses\n\nLa fête aura lieu le 3 mars.\n";
  for (const std::string& text : {minutes, one_line(minutes)}) {
    const Deliberation d = parse(text);
    CHECK(d.kind == greffe::DeliberationKind::Minutes);
    CHECK(d.session.date == "2024-02-19");
    REQUIRE(d.acts.size() == 2);  // the secretary's nomination and the questions are no acts
    // On one line the heading runs on into the report: only its start is sure.
    CHECK(d.acts[0].title->rfind("Délibération reversement de la taxe d'aménagement", 0) == 0);
    CHECK(d.acts[0].vote.for_votes == 10);
    CHECK(d.acts[0].vote.abstention == 2);
    CHECK(d.acts[1].vote.against == 4);
    CHECK(d.acts[1].amounts.size() == 1);  // no sum of the neighbouring act
    CHECK(!d.title);                       // the acts' keys are in acts
    const auto json = greffe::deliberation_json(d);
    CHECK(json["kind"] == "minutes");
    CHECK(json["acts"].size() == 2);
    const std::string csv =
        greffe::parse::scdl_csv(std::vector<Deliberation>{d}, greffe::parse::ScdlOptions{});
    CHECK(std::count(csv.begin(), csv.end(), '\n') == 3);  // header and one row per act
  }
}

TEST_CASE("forms: the SCDL row takes the printed authority and checks votes as Validata does") {
  Deliberation d;
  d.kind = greffe::DeliberationKind::Deliberation;
  d.authority = "Commune de Saint-Exemple";
  d.session.date = "2023-12-11";
  d.session.members_in_office = 15;
  d.vote.for_votes = 11;
  d.vote.against = 1;
  d.vote.abstention = 2;
  d.legality.received_on = "2023-12-01";  // before the session: a misread stamp
  auto row = greffe::parse::scdl_row(d, greffe::parse::ScdlOptions{});
  CHECK(row[0] == "Commune de Saint-Exemple");
  CHECK(row[10].empty());
  CHECK(row[11] == "15");
  CHECK(row[12] == "14");  // VOTE_REEL = POUR + CONTRE + ABSTENTION
  d.vote.voters = 13;      // contradicted by the counts: left out, with a warning
  row = greffe::parse::scdl_row(d, greffe::parse::ScdlOptions{});
  CHECK(row[12].empty());
  const auto warnings = greffe::parse::scdl_warnings(d, greffe::parse::ScdlOptions{});
  CHECK(std::any_of(warnings.begin(), warnings.end(),
                    [](const std::string& w) { return w.find("VOTE_REEL") != std::string::npos; }));
  CHECK(std::any_of(warnings.begin(), warnings.end(),
                    [](const std::string& w) { return w.find("PREF_DATE") != std::string::npos; }));
  greffe::parse::ScdlOptions configured;
  configured.collectivity_name = "Configured";
  CHECK(greffe::parse::scdl_row(d, configured)[0] == "Configured");
}

TEST_CASE("forms: malformed text still gives a document and warnings") {
  for (const std::string& text : {std::string("Présents : : : ,,, Absents ayant donné procuration : à à à"),
                                  std::string("Procès-verbal\n1/ \n2/ Délibération\n12 votes pour"),
                                  std::string(30000, 'A'), std::string("- APPROUVE - APPROUVE 1 APPROUVE")}) {
    const Deliberation d = parse(text);
    CHECK_NOTHROW(greffe::deliberation_json_text(d));
  }
}

TEST_CASE(
    "forms: whatever the kind, the session block is kept; an extract cut before its decision is a "
    "deliberation") {
  // A text of the session without any decision (its only item is information) is no act, but its
  // header says who sat and when.
  const std::string session =
      "COMMUNE DE SAINT-EXEMPLE\n\nSéance du 11 décembre 2023\n\n"
      "Présents : Jean DUPONT, Anne MARTIN, Paul DURAND.\n\n"
      "Secrétaire de séance : Anne MARTIN\n\n"
      "Questions diverses\n\nLe Maire informe le conseil des travaux de la salle des fêtes.\n";
  // The register's extract whose decision was not kept (a page missing): its name says what it is.
  const std::string extract =
      "COMMUNE DE SAINT-EXEMPLE\n\nEXTRAIT DU REGISTRE DES DÉLIBÉRATIONS\n\nSéance du 11 décembre 2023\n\n"
      "Présents : Jean DUPONT, Anne MARTIN, Paul DURAND.\n\n"
      "Délibération n° 2023-041 : Vente d'un terrain communal\n\n"
      "Le Maire expose que la parcelle AB 12 n'a plus d'usage public.\n";
  // Counterexample: a note that mentions an extract in a sentence is not one.
  const std::string note =
      "COMMUNE DE SAINT-EXEMPLE\n\nNote au conseil municipal\n\n"
      "Vous trouverez ci-joint un extrait du registre des délibérations de la séance du 3 mars 2023.\n\n"
      "Le Maire expose que la parcelle AB 12 n'a plus d'usage public.\n";
  for (const auto& layout : {+[](const std::string& t) { return t; },
                             +[](const std::string& t) { return greffe::test::without_blank_lines(t); },
                             +[](const std::string& t) { return one_line(t); }}) {
    const Deliberation s = parse(layout(session));
    INFO(layout(session).substr(0, 80));
    CHECK(s.kind == greffe::DeliberationKind::Other);
    CHECK(s.authority == "COMMUNE DE SAINT-EXEMPLE");
    CHECK(s.session.date == "2023-12-11");
    CHECK(s.session.secretary == "Anne MARTIN");
    CHECK(s.present == std::vector<std::string>{"Jean DUPONT", "Anne MARTIN", "Paul DURAND"});
    CHECK(!s.number);
    CHECK(!s.title);
    CHECK(s.acts.empty());
    const Deliberation e = parse(layout(extract));
    CHECK(e.kind == greffe::DeliberationKind::Deliberation);
    CHECK(e.session.date == "2023-12-11");
    CHECK(e.number == "2023-041");
    CHECK(e.title->rfind("Vente d'un terrain communal", 0) == 0);
    CHECK(e.present.size() == 3);
    const Deliberation n = parse(layout(note));
    CHECK(n.kind == greffe::DeliberationKind::Other);
    CHECK(!n.number);
    CHECK(n.present.empty());
  }
}
