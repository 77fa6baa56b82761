// The act's fields as other templates print them (issue 17): the authority from a letterhead or
// the opening sentence, the presiding member, numbers and titles, sums, votes. Each form on a
// small made-up example, beside a counterexample that must not be read as it.
#include <catch2/catch.hpp>

#include <string>

#include "models/deliberation.h"
#include "pipeline/parse/grammar.h"
#include "pipeline/parse/parse.h"
#include "tests/text_layouts.h"

namespace {

using greffe::Deliberation;
using greffe::test::one_line;

Deliberation parse(const std::string& text) {
  return greffe::parse::run({}, text, greffe::Legality{});
}

// A deliberation's body after the given header: report, decision, one article.
std::string act_after(const std::string& header) {
  return header +
         "\n\nObjet : Travaux de voirie\n\n"
         "Monsieur le Maire expose que la voirie communale doit être refaite.\n\n"
         "Le Conseil Municipal, après en avoir délibéré, à l'unanimité,\n\nDÉCIDE :\n\n"
         "Article 1 : Les travaux sont approuvés.\n";
}

}  // namespace

TEST_CASE("acts: the authority from a letterhead, an opening sentence or a running header") {
  CHECK(parse(act_after("DÉPARTEMENT DE L'EXEMPLE\n\nCOMMUNE DE SAINT-EXEMPLE SUR MER\n\n"
                        "Séance du 11 décembre 2023"))
            .authority == "COMMUNE DE SAINT-EXEMPLE SUR MER");
  CHECK(parse(act_after("Ville de VILLEBOIS (Loir-et-Cher)\n\nSéance du 11 décembre 2023")).authority ==
        "Ville de VILLEBOIS");
  CHECK(parse(act_after("COMMUNAUTE DE COMMUNES CŒUR DU VAL 1 rue de la Gare 99000 VILLEBOIS\n\n"
                        "Séance du 11 décembre 2023"))
            .authority == "COMMUNAUTE DE COMMUNES CŒUR DU VAL");
  CHECK(parse(act_after("L'an deux mille vingt-trois, le onze décembre, le Conseil Municipal de la commune "
                        "de Villebois-le-Haut, dûment convoqué, s'est réuni."))
            .authority == "Commune de Villebois-le-Haut");
  CHECK(parse(act_after("EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL DE LA VILLE DE "
                        "VILLEBOIS (LOIR) Séance du 11 décembre 2023"))
            .authority == "VILLE DE VILLEBOIS");
  CHECK(parse(act_after("Le Conseil Municipal de la Commune de L’Exemple, dûment convoqué, s'est réuni le 11 "
                        "décembre 2023."))
            .authority == "Commune de L’Exemple");
  // A running header on a later page, when the letterhead is an image.
  CHECK(parse(act_after("Séance du 11 décembre 2023") + "\nVille de VILLEBOIS - Conseil Municipal du 11 "
                                                        "décembre 2023\n")
            .authority == "Ville de VILLEBOIS");
  // A département alone heads the page: it is the authority.
  CHECK(parse(act_after("Département de la Loire\n\nSéance du 11 décembre 2023")).authority ==
        "Département de la Loire");

  // Counterexamples: an authority named in the report, a town hall as the meeting place, a
  // commune without its name.
  const Deliberation in_report = parse(act_after("Séance du 11 décembre 2023") +
                                       "\nLa Communauté de communes du Val participe aux travaux.\n");
  CHECK(!in_report.authority);
  CHECK(
      !parse(act_after("Les membres se sont réunis en Mairie de Villebois le 11 décembre 2023.")).authority);
  CHECK(
      !parse(act_after("le Conseil Municipal de la commune de notre canton s'est réuni le 11 décembre 2023."))
           .authority);
}

TEST_CASE("acts: the presiding member in each wording, and what is not one") {
  const auto president = [](const std::string& opening) {
    return parse(act_after("Séance du 11 décembre 2023\n\n" + opening)).session.president;
  };
  CHECK(president("Le Conseil s'est réuni sous la présidence de Monsieur Denis JUVIN - Maire") ==
        "Denis JUVIN");
  CHECK(president("… sous la présidence de son Maire, Louis MARETTE.") == "Louis MARETTE");
  CHECK(president("… sous la présidence de Madame Arlette HUAN, le Maire,") == "Arlette HUAN");
  CHECK(president("… sous la Présidence de Monsieur Pierre-Jean ZANNETTACCI (Maire).") ==
        "Pierre-Jean ZANNETTACCI");
  CHECK(president("… sous la Présidence de Monsieur Paul LE BIHAN.") == "Paul LE BIHAN");
  CHECK(president("Président : Jean-Philippe KEROSLIAN, Maire d'Onet") == "Jean-Philippe KEROSLIAN");
  CHECK(president("La séance est ouverte par son président, Monsieur Leprêtre, à 19 h.") == "Leprêtre");
  // No name after the presidency's words: nothing is taken, neither the office nor a word.
  CHECK(!president("… sous la présidence de son Maire."));
  CHECK(!president("… sous la présidence du Maire, conformément à la loi."));
  CHECK(!president("Président de séance : le doyen d'âge"));
}

namespace {

// A deliberation whose number and title are printed as `heading` says, after a session line.
std::string numbered_act(const std::string& heading, const std::string& report = "Le projet est exposé.") {
  return "Séance du 6 février 2023\n\n" + heading + "\n\n" + report +
         "\n\nLe Conseil Municipal, après en avoir délibéré, à l'unanimité,\n\nDÉCIDE :\n\n"
         "Article 1 : Le plan est approuvé.\n";
}

}  // namespace

TEST_CASE("acts: numbers and titles printed inline, in a sidebar, or before the report's introduction") {
  for (const auto& text : {numbered_act("N° 2016.02.16 - Subvention à l'association Eau Vive"),
                           one_line(numbered_act("N° 2016.02.16 - Subvention à l'association Eau Vive"))}) {
    const Deliberation d = parse(text);
    CHECK(d.number == "2016.02.16");
    REQUIRE(d.title);
    CHECK(d.title->rfind("Subvention à l'association Eau Vive", 0) == 0);
  }
  // Run on after the attendance, as text without line breaks gives it.
  const Deliberation run_on =
      parse(numbered_act("ABSENTS : Monsieur Jack BOULARD, Madame Léa BLANC n° 13-02-2023 - Approbation du "
                         "plan de financement"));
  CHECK(run_on.number == "13-02-2023");
  REQUIRE(run_on.title);
  CHECK(run_on.title->rfind("Approbation du plan de financement", 0) == 0);
  const Deliberation coded = parse(
      numbered_act("Secrétaire de séance : Dominique BEC PACU/17-2023 Etude de faisabilité en géothermie"));
  CHECK(coded.number == "PACU/17-2023");
  CHECK(coded.session.secretary == "Dominique BEC");
  REQUIRE(coded.title);
  CHECK(coded.title->rfind("Etude de faisabilité en géothermie", 0) == 0);
  // A sidebar's number whose line goes on with the next column: the number, not a title.
  const Deliberation sidebar = parse(numbered_act(
      "Présents :\n\nn° 2014 / 183 Fabien ABERT, Luc ALBERNHE\n\nReport d'affectation de subventions\n\n"
      "Monsieur le Maire, Jean DUPONT, rapporte :"));
  CHECK(sidebar.number == "2014 / 183");
  CHECK(sidebar.title == "Report d'affectation de subventions");
  REQUIRE(sidebar.report);
  CHECK(sidebar.report->find("rapporte") == std::string::npos);

  // Counterexamples: a law's number in a visa and an earlier act's number in the report are no
  // act number; a sentence before the introduction is no title.
  const Deliberation references = parse(
      "Séance du 6 février 2023\n\nMadame la Maire rappelle que la délibération n° 2022-15 - Tarifs a été "
      "votée.\n\nVu la loi n° 2015-991 - Portant nouvelle organisation territoriale,\n\n"
      "Le Conseil Municipal, après en avoir délibéré, DÉCIDE :\n\nArticle 1 : Le plan est approuvé.\n");
  CHECK(!references.number);
  REQUIRE(references.visas.size() == 1);
  CHECK(references.visas[0].rfind("la loi n° 2015-991 - Portant", 0) == 0);
  const Deliberation sentence =
      parse(numbered_act("Le projet a été présenté en commission.\n\n"
                         "Monsieur le Maire, Jean DUPONT, rapporte :"));
  CHECK(!sentence.title);
  CHECK(!parse(numbered_act("N° SIRET - Non communiqué")).number);
}

TEST_CASE("acts: a vote printed between the visas and the dispositive, and a commission's in a visa") {
  const std::string text =
      "DELIBERATION du CONSEIL MUNICIPAL\n\nSéance du lundi 1 février 2016\n\nObjet : Subvention\n\n"
      "Le coût du projet est de 57 411 €.\n\nLE CONSEIL MUNICIPAL, APRÈS EN AVOIR DÉLIBÉRÉ,\n\n"
      "VU la loi N° 2005-95 du 9 février 2005,\n\n"
      "VU l'avis de la commission Travaux, adopté à l'unanimité (pour : 5),\n\n"
      "À L'UNANIMITE des votants (31 voix), 8 abstentions\n\nAPPROUVE l'affectation d'une subvention.\n";
  const Deliberation d = parse(text);
  CHECK(d.body == "Conseil Municipal");
  CHECK(d.vote.outcome == "adopted");
  CHECK(d.vote.unanimous == true);
  CHECK(d.vote.for_votes == 31);
  CHECK(d.vote.abstention == 8);
  CHECK(d.visas.size() == 2);
  // Without the council's vote, the commission's stays in its visa.
  std::string commission_only = text;
  commission_only.erase(commission_only.find("À L'UNANIMITE"),
                        std::string("À L'UNANIMITE des votants (31 voix), 8 abstentions\n\n").size());
  const Deliberation c = parse(commission_only);
  CHECK(!c.vote.for_votes);
  CHECK(!c.vote.unanimous);
}

TEST_CASE("acts: sums with cents after a full stop, with taxes but no currency, in a considérant") {
  const auto values = [](const std::string& text) {
    std::vector<double> out;
    for (const auto& amount : greffe::parse::find_amounts(text)) out.push_back(amount.value);
    return out;
  };
  CHECK(values("La géothermie s'élève à 163 000.00 € HT.") == std::vector<double>{163000});
  CHECK(values("pour un total de 75 028,99 HT, soit 90 034,78€ TTC") ==
        std::vector<double>{75028.99, 90034.78});
  CHECK(values("un montant de 12 500 TTC") == std::vector<double>{12500});
  CHECK(values("soit 50.000 euros") == std::vector<double>{50000});
  // Counterexamples: a year before "HT", a figure glued to a word, taxes after a percentage.
  CHECK(values("le programme 2023 HTA est lancé").empty());
  CHECK(values("la part HT de 20 % HT").empty());
  const Deliberation d = parse(
      "Séance du 6 février 2023\n\nObjet : Étude\n\nLe projet est exposé.\n\n"
      "Vu la loi n° 2015-991 du 7 août 2015,\n\n"
      "Considérant que l'étude est estimée à 10 400 € TTC,\n\n"
      "Le Conseil Municipal, après en avoir délibéré, DÉCIDE :\n\nArticle 1 : L'étude est approuvée.\n");
  REQUIRE(d.amounts.size() == 1);
  CHECK(d.amounts[0].value == 10400);
}

TEST_CASE("acts: the report's first words run on after the title, in text without line breaks") {
  const Deliberation d = parse(one_line(
      numbered_act("Objet : Travaux de géothermie du groupe scolaire",
                   "Monsieur le Maire rappelle au conseil que les travaux sont estimés à 163 000 € HT.\n\n"
                   "Considérant que Monsieur le Maire propose de les financer,")));
  CHECK(d.title == "Travaux de géothermie du groupe scolaire");
  REQUIRE(d.report);
  CHECK(d.report->rfind("Monsieur le Maire rappelle", 0) == 0);
  REQUIRE(d.amounts.size() == 1);
  CHECK(d.amounts[0].value == 163000);
  // Inside a sentence the speaker opens nothing: the considérant stays whole.
  REQUIRE(d.considerants.size() == 1);
  CHECK(d.considerants[0] == "que Monsieur le Maire propose de les financer");
  const Deliberation rapporteur = parse(one_line(numbered_act(
      "Objet : Économies d'énergie de la ville de Villebois",
      "Monsieur Gilles CAPY, rapporteur, rappelle que les dépenses représentent 250 000 euros.")));
  CHECK(rapporteur.title == "Économies d'énergie de la ville de Villebois");
}

TEST_CASE("acts: proxies' headings worded as sentences, proxies in brackets") {
  const auto represented = [](const std::string& attendance) {
    return parse(numbered_act(attendance + "\n\nObjet : Voirie")).represented;
  };
  for (const std::string& text :
       {std::string(
            "Etaient présents : Mrs BOUSQUET, CAPY et ZAMBONI. A donné pouvoir: M. GOURMAND à M. CAPY "
            "Mme GUILLEMAT à M. LABEUR Absents excusés: Mmes DARBAS et PITORRE"),
        std::string("Etaient présents : Arlette HUAN, Luc VERDURE Avait donné pouvoirs : Jacques MARY ayant "
                    "donné procuration à Luc VERDURE, Jean LOPEZ ayant donné procuration à Arlette HUAN,")}) {
    const auto r = represented(text);
    REQUIRE(r.size() == 2);
    CHECK((r[0].member == "GOURMAND" || r[0].member == "Jacques MARY"));
    CHECK((r[1].proxy == "LABEUR" || r[1].proxy == "Arlette HUAN"));
  }
  const auto semicolon =
      represented("Personne ayant donné procuration ; Mme Liliane LEHUGEUR à Mr Serge DRUGEON");
  REQUIRE(semicolon.size() == 1);
  CHECK(semicolon[0].member == "Liliane LEHUGEUR");
  CHECK(semicolon[0].proxy == "Serge DRUGEON");
  const auto bracket = represented("Procurations :\n\nPatrice KERVAON (procuration à Paul LE BIHAN)");
  REQUIRE(bracket.size() == 1);
  CHECK(bracket[0].proxy == "Paul LE BIHAN");
  const auto given = represented("Excusés : Maryline LECESTRE (pouvoir donné à M. JEANROY)");
  REQUIRE(given.size() == 1);
  CHECK(given[0].member == "Maryline LECESTRE");
  CHECK(given[0].proxy == "JEANROY");
  // Counterexamples: a power given in the report, and a sentence that is no heading.
  CHECK(represented("Présents : Jean DUPONT\n\nLe conseil a donné pouvoir au Maire de signer.").empty());
  CHECK(
      represented("Présents : Jean DUPONT\n\nA donné pouvoir au Maire la commission des finances.").empty());
}

TEST_CASE("acts: the session dated by a minutes' heading; slash-separated proxies") {
  const auto date = [](const std::string& header, const std::string& report = "Le projet est exposé.") {
    return parse(header + "\n\nObjet : Voirie\n\n" + report +
                 "\n\nLe Conseil Municipal, après en avoir délibéré, DÉCIDE :\n\nArticle 1 : Approuvé.\n")
        .session.date;
  };
  CHECK(date("CR du conseil municipal 24 février 2023") == "2023-02-24");
  CHECK(date("Compte rendu de la session du Conseil Communautaire du 20 janvier 2020") == "2020-01-20");
  CHECK(date("PROCES VERBAL DU CONSEIL MUNICIPAL DU 9 JUILLET 2013") == "2013-07-09");
  CHECK(date("Conseil municipal du lundi 1 février 2016") == "2016-02-01");
  // Counterexamples: the convocation's date, an earlier council's date quoted in the report.
  CHECK(!date("Convocation du conseil municipal du 29 mai 2020"));
  CHECK(!date("Objet : Tarifs",
              "Vu la délibération du conseil municipal du 12 mars 2019, les tarifs changent."));

  const Deliberation d = parse(numbered_act(
      "Excusés : Maryline LECESTRE (pouvoir donné à M. JEANROY) / Mario VOLANTI (pouvoir donné à Mme "
      "TEXEIRA)\n\nObjet : Voirie"));
  REQUIRE(d.represented.size() == 2);
  CHECK(d.represented[1].member == "Mario VOLANTI");
  CHECK(d.represented[1].proxy == "TEXEIRA");
  // A slash inside a name or a date is no separator.
  const Deliberation names =
      parse(numbered_act("Présents : Jean DUPONT-DURAND, Anne MARTIN\n\nObjet : Voirie"));
  CHECK(names.present == std::vector<std::string>{"Jean DUPONT-DURAND", "Anne MARTIN"});
}

TEST_CASE("acts: counts without colons, in a flattened table, or before their words") {
  const auto session = [](const std::string& counts) {
    return parse(numbered_act("Présents : Jean DUPONT, Anne MARTIN\n\n" + counts + "\n\nObjet : Voirie"));
  };
  const Deliberation line =
      session("Nombre de Conseillers en exercice : 15- Présents 14 - Votants 14-Le quorum");
  CHECK(line.session.members_in_office == 15);
  CHECK(line.session.members_present_declared == 14);
  CHECK(line.vote.voters == 14);
  const Deliberation table =
      session("Nombre de Conseillers en exercice Présents Procurations Votants 27 20 3 23");
  CHECK(table.session.members_in_office == 27);
  CHECK(table.session.members_present_declared == 20);
  CHECK(table.vote.voters == 23);
  const Deliberation before = session("32 présents\n\n1 procuration 33 votants");
  CHECK(before.session.members_present_declared == 32);
  // Counterexamples: a table whose figures do not match its labels, a count in the report.
  const Deliberation uneven = session("Nombre de Conseillers en exercice Présents Votants 27 20");
  CHECK(!uneven.session.members_in_office);
  const Deliberation report = parse(numbered_act(
      "Objet : Voirie", "Les 32 présents à la réunion publique ont donné leur avis sur 12 rues."));
  CHECK(!report.session.members_present_declared);
}

TEST_CASE("acts: the signatory run on with the legal notice, or closing a text without a marker") {
  const Deliberation flat_signed =
      parse(one_line(numbered_act("Objet : Voirie")) +
            " Pour extrait certifié conforme, Le Maire, Jérôme BEQ Le Maire certifie "
            "sous sa responsabilité le caractère exécutoire de cet acte.");
  CHECK(flat_signed.signatory.name == "Jérôme BEQ");
  CHECK(flat_signed.signatory.office == "Le Maire");
  const Deliberation closing = parse(numbered_act("Objet : Voirie") +
                                     "\nSt Michel, le 28 janvier 2020 Le Président, Jean-Louis CAMUS\n");
  CHECK(closing.signatory.name == "Jean-Louis CAMUS");
  // Counterexamples: the office named in the report with no name after it, a name in lower case.
  const Deliberation report = parse(numbered_act("Objet : Voirie") + "\nLe Maire, en sa qualité, signera.\n");
  CHECK(!report.signatory.name);
  CHECK(!parse(numbered_act("Objet : Voirie") + "\nLe Maire, Jean Dupont\n").signatory.name);
}

TEST_CASE("acts: a session year printed in words with its day in figures") {
  const auto date = [](const std::string& opening) {
    std::string text = numbered_act(opening + "\n\nObjet : Voirie");
    text.erase(0, text.find("\n\n") + 2);  // without the "Séance du" line
    return parse(text).session.date;
  };
  CHECK(date("L'an DEUX MILLE VINGT DEUX le 9 décembre à 18 H 00, le Conseil municipal s'est réuni. Date "
             "convocation du Conseil Municipal : 2 décembre 2022") == "2022-12-09");
  CHECK(date("L’an deux mil vingt, le 20 janvier à 17 heures 30, le Conseil s'est réuni") == "2020-01-20");
  // Counterexamples: words that are no year; the convocation's date alone is not the session's.
  CHECK(date("L'an deux mille quelque chose le 9 décembre, le Conseil s'est réuni") != "2000-12-09");
  CHECK(!date("Date convocation du Conseil Municipal : 2 décembre 2022"));
}

TEST_CASE("acts: a dispositive without articles is kept as the act's decisions") {
  const std::string head =
      "Séance du 4 mars 2024\n\nObjet : Tarifs de la cantine\n\n"
      "Monsieur le Maire expose que les tarifs doivent être revus.\n\n";
  // Dashes under "DÉCIDE :", on their own lines.
  const Deliberation dashes =
      parse(head +
            "Le Conseil Municipal, après en avoir délibéré, à l'unanimité,\n\nDÉCIDE :\n\n"
            "- d'approuver les tarifs ;\n\n- d'autoriser le Maire à signer la convention.\n");
  REQUIRE(dashes.articles.size() == 2);
  CHECK(dashes.articles[0].number == 1);
  CHECK(dashes.articles[0].text == "d'approuver les tarifs");
  CHECK(dashes.articles[1].text == "d'autoriser le Maire à signer la convention");
  // The same run on the marker's line.
  const Deliberation run_on =
      parse(head +
            "Le Conseil Municipal, après en avoir délibéré, à l'unanimité, DÉCIDE : - "
            "d'approuver les tarifs ; - d'autoriser le Maire à signer la convention.\n");
  REQUIRE(run_on.articles.size() == 2);
  CHECK(run_on.articles[1].text == "d'autoriser le Maire à signer la convention");
  CHECK(run_on.vote.unanimous == true);
  // Verbs in capitals, one decision each; a sentence that opens with the same verb is none.
  const Deliberation verbs = parse(head +
                                   "LE CONSEIL MUNICIPAL, APRÈS EN AVOIR DÉLIBÉRÉ,\n\nÀ L'UNANIMITE,\n\n"
                                   "APPROUVE les tarifs.\n\nAUTORISE le Maire à signer la convention.\n\n"
                                   "FIXE le prix du repas à 3,40 €.\n");
  REQUIRE(verbs.articles.size() == 3);
  CHECK(verbs.articles[2].text == "FIXE le prix du repas à 3,40 €");
  const Deliberation sentence = parse(head +
                                      "Le Conseil Municipal, après en avoir délibéré,\n\nDÉCIDE :\n\n"
                                      "Approuve ainsi la proposition du Maire.\n");
  CHECK(sentence.articles.empty());
  // Numbered decisions "1°) …".
  const Deliberation numbered = parse(head +
                                      "Le Conseil Municipal, après en avoir délibéré, DÉCIDE :\n\n"
                                      "1°) d'approuver les tarifs ;\n\n2°) d'autoriser le Maire à signer.\n");
  REQUIRE(numbered.articles.size() == 2);
  CHECK(numbered.articles[1].number == 2);
  CHECK(numbered.articles[1].text == "d'autoriser le Maire à signer");
  // Counterexample: a list of dashes in the report, before any decision, is no decision.
  const Deliberation report = parse(head +
                                    "Il propose :\n\n- un tarif enfant ;\n\n- un tarif adulte.\n\n"
                                    "Le Conseil Municipal, après en avoir délibéré, DÉCIDE :\n\n"
                                    "Article 1 : Les tarifs sont fixés.\n");
  REQUIRE(report.articles.size() == 1);
  CHECK(report.articles[0].text == "Les tarifs sont fixés.");
}
