// Minutes holding several acts (docs/design/deliberation.md): how the acts are cut, each heading
// form on a small made-up example beside a counterexample that must not be read as it.
#include <catch2/catch.hpp>

#include "models/deliberation.h"
#include "pipeline/parse/grammar.h"
#include "pipeline/parse/parse.h"
#include "tests/text_layouts.h"

namespace {

using greffe::Deliberation;
using greffe::DeliberationKind;
using greffe::test::one_line;
using greffe::test::without_blank_lines;

Deliberation parse(const std::string& text) {
  return greffe::parse::run({}, text, greffe::Legality{});
}

const std::string header =
    "Procès-verbal du Conseil municipal\n\nSéance du lundi 19 février 2024\n\n"
    "Présents : Jean DUPONT, Anne MARTIN, Paul DURAND\n\n";

bool title_starts(const Deliberation& act, const std::string& start) {
  return act.title && act.title->rfind(start, 0) == 0;
}

}  // namespace

TEST_CASE("minutes: a numbered list inside an act's report opens no act") {
  const Deliberation d = parse(header +
                               "1/ Délibération bail rural\n\n"
                               "Le Maire rappelle les conditions du bail :\n\n"
                               "1. Compte tenu du caractère précaire de la location, aucun loyer n'est dû\n\n"
                               "2. La gestion du fonds agricole en bon père de famille\n\n"
                               "3. Les clôtures séparatives avec les parcelles voisines\n\n"
                               "12 votes pour\n\n"
                               "2/ Délibération tarifs de la salle des fêtes\n\n"
                               "Le tarif passe à 100 euros.\n\n"
                               "10 votes pour 2 votes contre\n");
  REQUIRE(d.kind == DeliberationKind::Minutes);
  REQUIRE(d.acts.size() == 2);
  CHECK(title_starts(d.acts[0], "Délibération bail rural"));
  CHECK(d.acts[0].vote.for_votes == 12);
  CHECK(title_starts(d.acts[1], "Délibération tarifs de la salle des fêtes"));
  CHECK(d.acts[1].vote.against == 2);
}

TEST_CASE("minutes: a heading a reflow joined to the vote before it opens its act") {
  // "12 votes pour" ends without a full stop, so the next line was joined to it.
  const Deliberation d = parse(header +
                               "1/ Délibération reversement de la taxe d'aménagement\n\n"
                               "12 votes pour\n"
                               "2/ Changement de destination de deux parcelles de bois\n\n"
                               "1 abstention 11 votes pour\n");
  REQUIRE(d.acts.size() == 2);
  CHECK(title_starts(d.acts[1], "Changement de destination"));
  CHECK(d.acts[0].vote.for_votes == 12);
  CHECK(d.acts[1].vote.abstention == 1);
  // Counterexample: a number inside a sentence that is not the next of the list stays text.
  const Deliberation e = parse(header +
                               "1/ Délibération travaux de voirie\n\n"
                               "Le devis porte sur 5/ Tranches de travaux prévues.\n\n"
                               "12 votes pour\n");
  REQUIRE(e.acts.size() == 1);
  CHECK(e.acts[0].report->find("5/ Tranches") != std::string::npos);
}

TEST_CASE("minutes: titles in capitals open an act once the one before is voted") {
  const Deliberation d =
      parse(header +
            "TABLEAU DES EFFECTIFS\n\n"
            "Le Maire propose le tableau des emplois suivants :\n\n"
            "FILIERE ADMINISTRATIVE\n\n"
            "Adjoint administratif 1 TC\n\n"
            "FILIERE TECHNIQUE\n\n"
            "Adjoint technique 2 TC\n\n"
            "Le Conseil Municipal, après en avoir délibéré, à l'unanimité, adopte le tableau.\n\n"
            "FONDS DE CONCOURS POUR LA COMMUNE VOISINE\n\n"
            "Le montant de l'aide sera de 7 500 €.\n\n"
            "Vote : à l'unanimité\n");
  REQUIRE(d.acts.size() == 2);  // the table's lines in capitals belong to the first act
  CHECK(title_starts(d.acts[0], "TABLEAU DES EFFECTIFS"));
  CHECK(d.acts[0].vote.unanimous == true);
  CHECK(title_starts(d.acts[1], "FONDS DE CONCOURS"));
  REQUIRE(d.acts[1].amounts.size() == 1);
  CHECK(d.acts[1].amounts[0].value == 7500);
}

TEST_CASE("minutes: items without a heading form are cut at their votes") {
  const Deliberation d =
      parse(header +
            "Nomination du secrétaire\n\n"
            "Monsieur le Maire propose la candidature de Anne MARTIN comme secrétaire de séance.\n\n"
            "Vote : à l'unanimité\n\n"
            "Date de la convocation :\n\n"  // a sidebar's label between two items
            "Convention premiers secours\n\n"
            "Monsieur le Maire expose qu'il serait nécessaire de former les employés.\n\n"
            "Vote : à l'unanimité\n\n"
            "Emprunt à court terme\n\n"
            "Un prêt de 35 000 € est proposé sur deux ans.\n\n"
            "Vote : 1 contre et 10 pour\n\n"
            "Contrat de maintenance du défibrillateur\n\n"
            "Le contrat est renouvelé pour trois ans.\n\n"
            "Vote : à l'unanimité\n");
  REQUIRE(d.acts.size() == 3);  // the secretary's nomination is no act
  CHECK(title_starts(d.acts[0], "Convention premiers secours"));
  CHECK(title_starts(d.acts[1], "Emprunt à court terme"));
  CHECK(d.acts[1].vote.against == 1);
  REQUIRE(d.acts[1].amounts.size() == 1);
  CHECK(d.acts[1].amounts[0].value == 35000);
  CHECK(title_starts(d.acts[2], "Contrat de maintenance"));
}

TEST_CASE("minutes: recognised by their voted numbered acts where the header does not say so") {
  const std::string body =
      "Ville d'Exemple\n\nSéance du 8 juin 2020\n\n"
      "Étaient présents : Paul DURAND - Anne MARTIN\n\n"
      "1 - Création des commissions municipales\n\n"
      "Le Maire expose la composition des commissions.\n\n"
      "ADOPTE A L'UNANIMITE\n\n"
      "2 - Délégations du conseil municipal au maire\n\n"
      "Le Maire expose les délégations.\n\n"
      "ADOPTE A L'UNANIMITE\n";
  const Deliberation d = parse(body);
  CHECK(d.kind == DeliberationKind::Minutes);
  CHECK(d.acts.size() == 2);
  // Without a blank line the next heading runs on to the vote: "ADOPTE A L'UNANIMITE 2 - …".
  std::string joined = body;
  joined.replace(joined.find("UNANIMITE\n\n2 -"), 14, "UNANIMITE\n2 -");
  const Deliberation j = parse(joined);
  REQUIRE(j.acts.size() == 2);
  CHECK(j.acts[1].title->rfind("Délégations du conseil municipal", 0) == 0);
  // Counterexample: an extract whose report holds a numbered list, voted once, is one act.
  const Deliberation e = parse(
      "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS\n\nSéance du 8 juin 2020\n\n"
      "Délibération n° 2020-045 : Tarifs de la cantine\n\n"
      "Le Maire propose :\n\n1 - Tarif enfants à 3,40 euros\n\n2 - Tarif adultes à 5,80 euros\n\n"
      "Le Conseil municipal, après en avoir délibéré, DÉCIDE à l'unanimité d'adopter ces tarifs.\n");
  CHECK(e.kind == DeliberationKind::Deliberation);
  CHECK(e.acts.empty());
  CHECK(e.vote.unanimous == true);
}

TEST_CASE(
    "minutes: procedural items are no acts, an act about them is one; an act noted without a vote is kept") {
  const Deliberation d = parse(header +
                               "1/ Approbation du procès-verbal de la séance précédente\n\n"
                               "12 votes pour\n\n"
                               "2/ Délibération sur les questions diverses\n\n"
                               "Les questions seront transmises 36 heures avant le conseil.\n\n"
                               "4 votes contre 8 votes pour\n\n"
                               "3/ Questions diverses\n\n"
                               "La fête aura lieu le 3 mars.\n");
  REQUIRE(d.acts.size() == 1);
  CHECK(title_starts(d.acts[0], "Délibération sur les questions diverses"));
  CHECK(d.acts[0].vote.against == 4);

  const Deliberation e =
      parse(header +
            "III. DECISIONS PRISES EN VERTU DES POUVOIRS DELEGUES\n\n"
            "DL-055-07-13 - Signature du marché d'étude de ruissellement\n\n"
            "Montant de 13 460,00 € HT.\n\n"
            "Les membres du conseil municipal prennent acte de cette décision.\n\n"
            "IV. PERSONNEL\n\n"
            "DL-056-07-13 - Création de cinq postes d'adjoints techniques\n\n"
            "Après délibération, les membres du conseil municipal adoptent, à l'unanimité, la "
            "présente délibération.\n");
  REQUIRE(e.acts.size() == 2);
  CHECK(e.acts[0].number == "DL-055-07-13");
  CHECK(title_starts(e.acts[0], "Signature du marché"));  // the number line's title, not the group's
  CHECK(e.acts[1].number == "DL-056-07-13");
  CHECK(e.acts[1].vote.unanimous == true);
}

TEST_CASE("minutes: a numbered heading in capitals run on into its report keeps its title alone") {
  const Deliberation d = parse(
      header +
      "2020-046 CANTINE TARIFS POUR LA RENTREE SCOLAIRE Monsieur le Maire rappelle les tarifs de la cantine "
      "appliqués depuis la rentrée précédente, qu'il convient de revoir pour tenir compte de la hausse des "
      "prix des denrées et de la coordination avec la commune voisine dans le cadre du regroupement "
      "pédagogique intercommunal.\n\n"
      "Le Conseil Municipal, après en avoir délibéré, à l'unanimité, accepte les tarifs proposés.\n\n"
      "2020- 047 REDEVANCE POUR OCCUPATION DU DOMAINE PUBLIC\n\n"
      "Le Conseil Municipal, après en avoir délibéré, à l'unanimité, accepte ces modalités de calcul.\n");
  REQUIRE(d.acts.size() == 2);
  CHECK(d.acts[0].number == "2020-046");
  CHECK(d.acts[0].title == "CANTINE TARIFS POUR LA RENTREE SCOLAIRE");
  CHECK(d.acts[1].number == "2020-047");  // the space OCR left beside the dash is no part of it
}

TEST_CASE("minutes: act numbers in every printed shape are read by the extract's grammar") {
  const Deliberation d = parse(header +
                               "20240219 1-Consultation relative au projet de parc\n\n"
                               "Le conseil approuve à l'unanimité.\n\n"
                               "DL-055-07-13 - Signature du marché d'étude\n\n"
                               "Le conseil approuve à l'unanimité.\n\n"
                               "Décision modificative n° 3 - Délibération n° 2023_034 _D (Voir annexe)\n\n"
                               "Le conseil approuve à l'unanimité.\n\n"
                               "2025-12-09-DCM-02 Préservation de la ressource en eau\n\n"
                               "Le conseil approuve à l'unanimité.\n\n"
                               "20231218 5 Décision modificative n° 6/2023 relative au budget général\n\n"
                               "Le conseil approuve à l'unanimité.\n");
  REQUIRE(d.kind == DeliberationKind::Minutes);
  REQUIRE(d.acts.size() == 5);
  CHECK(d.acts[0].number == "20240219 1");
  CHECK(title_starts(d.acts[0], "Consultation relative"));
  CHECK(d.acts[1].number == "DL-055-07-13");
  CHECK(title_starts(d.acts[1], "Signature du marché"));
  CHECK(d.acts[3].number == "2025-12-09-DCM-02");
  CHECK(title_starts(d.acts[3], "Préservation de la ressource"));
  CHECK(d.acts[4].number == "20231218 5");
  CHECK(title_starts(d.acts[4], "Décision modificative n° 6/2023"));
}

TEST_CASE("minutes: a list's figure, a year, a sum or a code word is no act number") {
  const Deliberation d = parse(header +
                               "1) Tarifs de la cantine\n\n"
                               "COVID-19 : mesures d'accueil des enfants\n\n"
                               "1.500,00 € seront inscrits au budget.\n\n"
                               "Le conseil approuve à l'unanimité.\n\n"
                               "2) POINT 3 DU RÈGLEMENT INTÉRIEUR\n\n"
                               "2024 sera l'année des travaux.\n\n"
                               "Le conseil approuve à l'unanimité.\n");
  REQUIRE(d.acts.size() == 2);
  CHECK_FALSE(d.acts[0].number);
  CHECK(title_starts(d.acts[0], "Tarifs de la cantine"));
  CHECK_FALSE(d.acts[1].number);
  CHECK(title_starts(d.acts[1], "POINT 3"));
}

// Minutes flattened to one line (a third party's extraction, or a reflow): the acts run on in one
// paragraph, each closed by the council's vote or decision.
namespace {

const std::string flat_header =
    "COMPTE RENDU SOMMAIRE DU CONSEIL MUNICIPAL DU 3 MARS 2025 L'an deux mille vingt-cinq, le trois mars, "
    "le Conseil Municipal s'est réuni sous la présidence de Madame Claire VIGNAL, Maire. Présents : Claire "
    "VIGNAL, Hugo PERRIN, Léa FABRE, Marc OLLIER. Secrétaire de séance : Léa FABRE. ";

}  // namespace

TEST_CASE("minutes flattened: numbered items closed by their vote are acts, a list inside a report is not") {
  const Deliberation d = parse(
      flat_header +
      "Approbation du procès-verbal de la séance du 2 février 2025 ADOPTE A L'UNANIMITE "
      "01 Tarifs de la cantine scolaire pour l'année 2025 Rapporteur : Monsieur Hugo PERRIN, Adjoint au "
      "Maire "
      "Le prix du repas tient compte des conditions suivantes. 1. Le coût des denrées achetées localement "
      "2. La part du personnel de service 3. Le transport des repas vers les deux écoles du bourg ADOPTEE A "
      "L'UNANIMITE 02 Subvention exceptionnelle au club de football Rapporteur : Madame Léa FABRE, Adjointe "
      "au "
      "Maire Le club a présenté un budget équilibré pour son tournoi de printemps, ouvert aux écoles "
      "voisines. "
      "ADOPTEE A L'UNANIMITE 03 Convention avec le syndicat d'énergie pour l'éclairage du stade municipal "
      "Rapporteur : Monsieur Hugo PERRIN, Adjoint au Maire ADOPTEE A LA MAJORITE (Pour : 3 - Contre : 1 - "
      "Abstention : 0) La séance est levée à 20 heures.\n");
  REQUIRE(d.kind == DeliberationKind::Minutes);
  REQUIRE(d.acts.size() == 3);  // the minutes' approval is no act; "1. … 2. … 3." is the report's list
  CHECK(title_starts(d.acts[0], "Tarifs de la cantine scolaire"));
  CHECK(d.acts[0].vote.unanimous == true);
  CHECK(title_starts(d.acts[1], "Subvention exceptionnelle au club"));
  CHECK(d.acts[1].vote.unanimous == true);
  CHECK(title_starts(d.acts[2], "Convention avec le syndicat"));
  CHECK(d.acts[2].vote.for_votes == 3);
  CHECK(d.acts[2].vote.against == 1);
}

TEST_CASE("minutes flattened: 'Le point est adopté' closes an act and the next item opens one") {
  const Deliberation d = parse(
      "Compte rendu du Conseil d'Administration du 5 mai 2025 ETAIENT PRESENTS : Mme Ines ROCHE, M. Paul "
      "GIRAUD, Mme Julie BRUN. 1 – Approbation du compte rendu de la séance du 3 mars 2025 Le point est "
      "adopté "
      "à l'unanimité. 2 – Tarifs du portage de repas à domicile. Madame la Vice-Présidente expose le rapport "
      "de "
      "présentation. Mme Julie BRUN demande si les tarifs suivent l'inflation de l'année passée. Le point "
      "est "
      "adopté à l'unanimité. 3 – Admission en non-valeur de créances anciennes du service d'aide. Madame la "
      "Vice-Présidente expose le rapport de présentation. Le point est adopté à l'unanimité. 4 – Décision "
      "modificative n°1 du budget annexe. Madame la Vice-Présidente expose le rapport de présentation et "
      "répond aux questions des administrateurs présents ce jour. Le point est adopté à l'unanimité.\n");
  REQUIRE(d.kind == DeliberationKind::Minutes);
  REQUIRE(d.acts.size() == 3);
  CHECK(title_starts(d.acts[0], "Tarifs du portage de repas"));
  CHECK(title_starts(d.acts[1], "Admission en non-valeur"));
  CHECK(title_starts(d.acts[2], "Décision modificative n°1"));
  for (const Deliberation& act : d.acts) CHECK(act.vote.unanimous == true);
}

TEST_CASE("minutes flattened: bulleted items, the commission's opinion is not the council's vote") {
  // "•" read by OCR as "e"; the bullet is the document's heading form once a closing precedes it.
  const Deliberation d = parse(
      "PV-COMPTE-RENDU SUCCINCT DU CONSEIL MUNICIPAL SEANCE DU 12 MAI 2025 sous la présidence de Monsieur "
      "Louis CARON, Maire. COMMISSION DES FINANCES La rapporteure présente les points examinés en "
      "commission. "
      "e Subvention au comité des fêtes. Il est proposé d'accorder une subvention de 300 € au comité pour la "
      "fête du village. > Avis favorable de la commission Accord à l'unanimité M Durand demande si le comité "
      "a "
      "remis ses comptes. M le Maire lui répond que oui. e Achat d'un broyeur de végétaux. Le devis retenu "
      "s'élève à 4 200 € pour un appareil tracté par le tracteur communal. > Avis favorable de la commission "
      "Accord à l'unanimité e Fleurissement du cimetière. La commission propose de planter des vivaces le "
      "long "
      "de l'allée centrale avant l'été. > Avis favorable de la commission e Tarifs de la salle polyvalente. "
      "Les "
      "tarifs sont maintenus pour les habitants et les associations de la commune. > Avis favorable de la "
      "commission Accord à l'unanimité pour le maintien des tarifs.\n");
  REQUIRE(d.kind == DeliberationKind::Minutes);
  // The commission's opinion alone ("Fleurissement du cimetière") records no decision of the council.
  REQUIRE(d.acts.size() == 3);
  CHECK(title_starts(d.acts[0], "Subvention au comité des fêtes"));
  CHECK(d.acts[0].vote.unanimous == true);
  CHECK(title_starts(d.acts[1], "Achat d'un broyeur"));
  CHECK(title_starts(d.acts[2], "Tarifs de la salle polyvalente"));
  CHECK(d.acts[2].vote.unanimous == true);
}

TEST_CASE("minutes flattened: titles in capitals after a decision, not a table's capitals after a colon") {
  const Deliberation d = parse(
      "PROCES-VERBAL DU CONSEIL MUNICIPAL Séance du 9 juin 2025 sous la présidence de Monsieur Jean MARTY, "
      "Maire. Etaient présents : MM Jean MARTY, Luc BERT, Anne ROUX. Le procès-verbal de la séance "
      "précédente "
      "est approuvé. VENTE D'UNE PARCELLE COMMUNALE M. le Maire présente l'offre reçue pour la parcelle B 12 "
      "au prix de 12 000 €. Après en avoir délibéré, le Conseil accepte à l'unanimité. VIREMENT DE CREDITS "
      "Le "
      "comptable demande d'ajuster deux chapitres du budget comme suit : DEPENSES DE FONCTIONNEMENT CHAPITRE "
      "011 Charges générales - 500 € CHAPITRE 65 Subventions + 500 € Le Conseil approuve à l'unanimité ce "
      "virement. ADHESION AU SERVICE DE PAIE La commune peut confier la paie des agents au centre de gestion "
      "pour un coût annuel modeste. Le Conseil décide d'adhérer au service à compter du 1er juillet.\n");
  REQUIRE(d.kind == DeliberationKind::Minutes);
  REQUIRE(d.acts.size() == 3);  // "DEPENSES DE FONCTIONNEMENT CHAPITRE …" is the table of the second act
  CHECK(title_starts(d.acts[0], "VENTE D'UNE PARCELLE COMMUNALE"));
  CHECK(d.acts[0].vote.unanimous == true);
  CHECK(title_starts(d.acts[1], "VIREMENT DE CREDITS"));
  CHECK(d.acts[1].vote.unanimous == true);
  CHECK(title_starts(d.acts[2], "ADHESION AU SERVICE DE PAIE"));
}

TEST_CASE("minutes flattened: an extract of one act with its vote is not minutes") {
  const Deliberation d = parse(
      "EXTRAIT DU REGISTRE DES DELIBERATIONS DU CONSEIL MUNICIPAL Séance du 9 juin 2025 Présents : Jean "
      "MARTY, Luc BERT, Anne ROUX. Délibération n° 2025-014 : Tarifs de la cantine Monsieur le Maire "
      "rappelle "
      "que les tarifs n'ont pas changé depuis trois ans et propose de les relever de deux pour cent. Après "
      "en "
      "avoir délibéré, le Conseil Municipal, à l'unanimité, DECIDE : - de fixer le prix du repas à 3,20 €. "
      "ADOPTE A L'UNANIMITE POUR EXTRAIT CONFORME Le Maire, Jean MARTY\n");
  CHECK(d.kind == DeliberationKind::Deliberation);
  CHECK(d.acts.empty());
  CHECK(d.number == "2025-014");
  CHECK(d.vote.unanimous == true);
}

TEST_CASE(
    "minutes flattened: a numbered heading run on into its visas keeps its title, a cited one opens "
    "nothing") {
  const Deliberation d = parse(
      "PROCES VERBAL DU CONSEIL MUNICIPAL SÉANCE DU 4 AVRIL 2025 sous la présidence de Monsieur Paul ROCHE, "
      "Maire. Etaient présents : Paul ROCHE - Nina BLANC - Yves COSTE Secrétaire de séance : Nina BLANC "
      "1) Le procès-verbal de la séance précédente est approuvé à l'unanimité 2) Délibération n° "
      "2025-04-04/01 "
      ": Tarifs du cimetière Vu le code général des collectivités territoriales, Vu la délibération n° "
      "2019-11 "
      "du 3 mai 2019 fixant les tarifs des concessions, Monsieur le Maire propose de relever les tarifs des "
      "concessions trentenaires pour couvrir l'entretien des allées et du columbarium de la commune. Après "
      "en "
      "avoir délibéré, le conseil municipal, à l'unanimité, fixe le prix de la concession à 300 euros. 3) "
      "Délibération n° 2025-04-04/02 : Travaux de voirie Monsieur COSTE Yves explique au conseil municipal "
      "que la "
      "chaussée de la rue des écoles doit être reprise avant l'hiver et que deux devis ont été demandés aux "
      "entreprises du canton pour comparer les prix proposés. Après en avoir délibéré, le conseil municipal "
      "retient le devis de 12 000 euros.\n");
  REQUIRE(d.kind == DeliberationKind::Minutes);
  REQUIRE(d.acts.size() == 2);  // "la délibération n° 2019-11 du 3 mai 2019" is a visa, not an act
  CHECK(d.acts[0].number == "2025-04-04/01");
  CHECK(d.acts[0].title == "Tarifs du cimetière");
  CHECK(d.acts[0].vote.unanimous == true);
  CHECK(d.acts[0].amounts.size() == 1);  // the sum the council decided, stated without articles
  CHECK(d.acts[1].number == "2025-04-04/02");
  CHECK(d.acts[1].title == "Travaux de voirie");
}

TEST_CASE("minutes: a vote table flattened to one line, counts before their labels, a rejection") {
  const Deliberation d = parse(header +
                               "1/ Délibération achat d'un véhicule électrique\n\n"
                               "Le devis retenu s'élève à 18 000 euros.\n\n"
                               "POUR CONTRE ABSTENTION 12 2 1\n\n"
                               "2/ Délibération création d'un poste d'agent technique\n\n"
                               "Le conseil examine la demande du service.\n\n"
                               "Délibération : 4 Abstention 7 Contre 0 Pour\n\n"
                               "Le conseil n'approuve pas la création du poste.\n");
  REQUIRE(d.acts.size() == 2);
  CHECK(d.acts[0].vote.for_votes == 12);
  CHECK(d.acts[0].vote.against == 2);
  CHECK(d.acts[0].vote.abstention == 1);
  CHECK(d.acts[0].vote.outcome == "adopted");
  CHECK(d.acts[1].vote.for_votes == 0);
  CHECK(d.acts[1].vote.against == 7);
  CHECK(d.acts[1].vote.abstention == 4);
  CHECK(d.acts[1].vote.outcome == "rejected");
  // Counterexample: figures and labels of a budget line are no vote.
  const Deliberation e = parse(header +
                               "1/ Délibération décision modificative\n\n"
                               "Le chapitre 21 pour 1 200 euros est abondé.\n\n"
                               "12 votes pour\n");
  REQUIRE(e.acts.size() == 1);
  CHECK(e.acts[0].vote.for_votes == 12);
  CHECK(!e.acts[0].vote.against);
}

TEST_CASE(
    "minutes: a decision stated in a sentence, in any person, closes an act; one a report recalls does not") {
  // Acts headed by titles in capitals, closed by the council's decision without a vote form:
  // "Le Conseil décide …", "Les membres du conseil émettent …", "…, le Conseil approuve …".
  const std::string minutes =
      "Procès-verbal du Conseil municipal\n\nSéance du 9 mars 2023\n\n"
      "Présents : Jean DUPONT, Anne MARTIN, Paul DURAND.\n\n"
      "CONVENTION AVEC LE SYNDICAT D'ÉLECTRICITÉ\n\n"
      "Le Maire présente la convention de maîtrise d'ouvrage.\n\n"
      "Le Conseil décide de signer la convention.\n\n"
      "TAXE D'AMÉNAGEMENT\n\n"
      "Le Maire rappelle que le conseil municipal a fixé le taux à 3 % en 2015.\n\n"
      "Les membres du conseil émettent un avis favorable au maintien du taux.\n\n"
      "TARIFS DE LA SALLE DES FÊTES\n\n"
      "Le Maire propose de nouveaux tarifs.\n\n"
      "En l'absence du Maire, le Conseil approuve à l'unanimité les tarifs.\n";
  for (const std::string& text : {minutes, without_blank_lines(minutes), one_line(minutes)}) {
    INFO(text.substr(0, 80));
    const Deliberation d = parse(text);
    CHECK(d.kind == DeliberationKind::Minutes);
    CHECK(d.session.date == "2023-03-09");
    REQUIRE(d.acts.size() == 3);
    CHECK(title_starts(d.acts[0], "CONVENTION AVEC LE SYNDICAT"));
    CHECK(title_starts(d.acts[1], "TAXE D'AMÉNAGEMENT"));
    CHECK(title_starts(d.acts[2], "TARIFS"));
    CHECK(d.acts[2].vote.unanimous == true);
  }
  // "DECISION : le Conseil Municipal accepte à l'unanimité": a label before the decision.
  const Deliberation labelled =
      parse(header +
            "1 – N° 2018-024 - Compte de gestion\n\nLe Maire présente le compte de gestion.\n\n"
            "DECISION : le Conseil Municipal accepte à l'unanimité, les propositions ci-dessus.\n\n"
            "2 – N° 2018-025 - Compte administratif\n\nLe Maire présente le compte administratif.\n\n"
            "DECISION : le Conseil Municipal accepte à l'unanimité, les propositions ci-dessus.\n");
  CHECK(labelled.kind == DeliberationKind::Minutes);
  REQUIRE(labelled.acts.size() == 2);
  CHECK(labelled.acts[0].vote.unanimous == true);
  // Counterexample: a note recalls a past decision and proposes a future one; it decides nothing.
  const std::string note =
      "Note de synthèse\n\nVente d'un terrain communal\n\n"
      "Le Maire rappelle que le conseil municipal a approuvé le 12 mars 2017 la division du terrain.\n\n"
      "Il est proposé que le conseil municipal approuve la vente lors de sa prochaine séance.\n\n"
      "Le conseil municipal devra approuver la vente.\n";
  for (const std::string& text : {note, without_blank_lines(note), one_line(note)}) {
    INFO(text.substr(0, 80));
    const Deliberation d = parse(text);
    CHECK(d.kind == DeliberationKind::Other);
    CHECK(d.acts.empty());
  }
}

TEST_CASE("minutes: a vote bar printed one label a line closes its act once; a lone count is no vote") {
  // "Pour 9" / "Abstention 0" / "Contre 0": each label before its count, each on a line of its own;
  // without line breaks the bar's lines run on together ("Pour 8 Abstention 1 Contre 0 2) Plan …").
  const std::string minutes =
      "Compte rendu du Conseil municipal\n\nSéance du 22 mai 2015\n\n"
      "Présents : Jean DUPONT, Anne MARTIN et Paul DURAND.\n\n"
      "1) Convention d'électrification\n\n"
      "Le Maire expose la convention avec le syndicat.\n\n"
      "Pour 8\n\nAbstention 1\n\nContre 0\n\n"
      "2) Plan de financement du réservoir\n\n"
      "Le Maire rappelle le coût du réservoir.\n\n"
      "Pour 9\n\nAbstention 0\n\nContre 0\n";
  for (const std::string& text : {minutes, without_blank_lines(minutes), one_line(minutes)}) {
    INFO(text.substr(0, 80));
    const Deliberation d = parse(text);
    CHECK(d.kind == DeliberationKind::Minutes);
    REQUIRE(!d.acts.empty());
    CHECK(title_starts(d.acts.back(), "Plan de financement"));
    CHECK(d.acts.back().vote.for_votes == 9);
    CHECK(d.acts.back().vote.abstention == 0);
    CHECK(d.acts.back().vote.against == 0);
    // Without blank lines the first heading runs on to the attendance line before it
    // ("… et Paul DURAND. 1) Convention …"), which is still unread.
    if (text == without_blank_lines(minutes)) continue;
    REQUIRE(d.acts.size() == 2);
    CHECK(title_starts(d.acts[0], "Convention d'électrification"));
    CHECK(d.acts[0].vote.for_votes == 8);
    CHECK(d.acts[0].vote.abstention == 1);
    CHECK(d.acts[0].vote.against == 0);
  }
  // Counterexample: a count of people in a report ("Pour 10 personnes") is no vote bar, in any layout.
  const std::string note =
      "Note de synthèse\n\nRepas des aînés\n\nLe Maire présente l'organisation du repas.\n\n"
      "Pour 10 personnes\n\nLe traiteur livre le samedi.\n";
  for (const std::string& text : {note, without_blank_lines(note), one_line(note)}) {
    INFO(text.substr(0, 80));
    const Deliberation n = parse(text);
    CHECK(n.kind == DeliberationKind::Other);
    CHECK(!n.vote.for_votes);
  }
}

TEST_CASE("minutes: a refusal stated in a sentence rejects; a negation on another verb does not") {
  // "n'approuve pas", "rejette", "refuse", "émet un avis défavorable": the council's refusal, without
  // a tally, is a rejection; "le Conseil, qui n'a pas d'objection, approuve" adopts.
  const std::string minutes =
      "Procès-verbal du Conseil municipal\n\nSéance du 9 mars 2023\n\n"
      "Présents : Jean DUPONT, Anne MARTIN, Paul DURAND.\n\n"
      "CRÉATION D'UN POSTE D'AGENT TECHNIQUE\n\n"
      "Le Maire présente la demande du service.\n\n"
      "Le conseil municipal n'approuve pas la création du poste.\n\n"
      "VENTE DU TERRAIN COMMUNAL\n\n"
      "Le Maire présente l'offre reçue.\n\n"
      "Le Conseil, à la majorité, refuse l'offre d'achat.\n\n"
      "PROJET ÉOLIEN DU PLATEAU\n\n"
      "Le Maire présente le projet.\n\n"
      "Les membres du conseil émettent un avis défavorable au projet.\n\n"
      "TARIFS DE LA SALLE DES FÊTES\n\n"
      "Le Maire propose de nouveaux tarifs.\n\n"
      "Le Conseil, qui n'a pas d'objection, approuve les tarifs.\n";
  for (const std::string& text : {minutes, without_blank_lines(minutes), one_line(minutes)}) {
    INFO(text.substr(0, 80));
    const Deliberation d = parse(text);
    REQUIRE(d.acts.size() == 4);
    CHECK(d.acts[0].vote.outcome == "rejected");
    CHECK(d.acts[1].vote.outcome == "rejected");
    CHECK(d.acts[2].vote.outcome == "rejected");
    CHECK(d.acts[3].vote.outcome != "rejected");
  }
  CHECK(greffe::parse::read_vote(greffe::parse::fold("Le Conseil municipal rejette la motion.")).outcome ==
        "rejected");
  CHECK(!greffe::parse::read_vote(
             greffe::parse::fold("Le conseil municipal avait refusé cette demande en 2019."))
             .outcome);
}

TEST_CASE("minutes: a numbered heading after a full stop opens a paragraph; a date or a sum does not") {
  // Without blank lines, "… Paul DURAND." then "1) Convention …": the heading is the act's, not
  // the end of the attendance. A line opening with a date or a sum goes on with its paragraph.
  const std::string minutes =
      "Procès-verbal du Conseil municipal\n\nSéance du 9 mars 2023\n\n"
      "Présents : Jean DUPONT, Anne MARTIN, Paul DURAND.\n\n"
      "1) Convention avec le syndicat d'électricité\n\n"
      "Le Maire présente la convention du comité syndical.\n"
      "12 décembre 2022 à 18 h : le comité l'a votée.\n\n"
      "Adopté à l'unanimité.\n\n"
      "2) Subvention à l'USYP\n\n"
      "Le Maire propose une subvention à l'USYP.\n\n"
      "Adopté à l'unanimité.\n\n"
      "--------------------\n\n"  // a rule ends what is above it, as a full stop
      "2023-039 Travaux de voirie\n\n"
      "Le Maire présente le devis retenu.\n"
      "2020 000 € sont inscrits au budget.\n\n"
      "Adopté à l'unanimité.\n";
  for (const std::string& text : {minutes, without_blank_lines(minutes)}) {
    INFO(text.substr(0, 80));
    const Deliberation d = parse(text);
    REQUIRE(d.acts.size() == 3);
    CHECK(title_starts(d.acts[0], "Convention avec le syndicat"));
    CHECK(title_starts(d.acts[1], "Subvention à l'USYP"));
    CHECK(title_starts(d.acts[2], "Travaux de voirie"));
    CHECK(d.present.size() == 3);
    // The date and the sum go on with the sentence before them (in the title or the report, as
    // the heading without its full stop runs on into the report without blank lines).
    const auto act_text = [](const Deliberation& act) {
      return act.title.value_or("") + " " + act.report.value_or("");
    };
    CHECK(act_text(d.acts[0]).find("syndical. 12 décembre 2022 à 18 h") != std::string::npos);
    CHECK(act_text(d.acts[2]).find("retenu. 2020 000 €") != std::string::npos);
  }
}
