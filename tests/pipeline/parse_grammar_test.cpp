// Each part of the parser's grammar on small texts: amounts, dates in their context, attendance
// (Métropole and communal forms), act number and title, legal part, vote, signature, and the
// OCR leftovers it must tolerate.
#include <catch2/catch.hpp>

#include <algorithm>

#include "pipeline/parse/grammar.h"
#include "pipeline/parse/parse.h"

namespace {

using greffe::Deliberation;
using greffe::parse::find_amounts;

Deliberation parse(const std::string& text) {
  return greffe::parse::run({}, text, greffe::Legality{});
}

std::string all_warnings(const Deliberation& d) {
  std::string text;
  for (const std::string& w : d.warnings) text += w + "\n";
  return text;
}

bool has_warning(const Deliberation& d, const std::string& part) {
  return std::any_of(d.warnings.begin(), d.warnings.end(),
                     [&](const std::string& w) { return w.find(part) != std::string::npos; });
}

// A Métropole act with every part, in the printed order; tests vary pieces of it.
std::string metropole_act(
    const std::string& title_line =
        "■ Attribution d'une subvention à l'association X - Approbation d'une convention MET 21/17660/BM",
    const std::string& hearing = "Ouï le rapport ci-dessus,", const std::string& decision = "Délibère",
    const std::string& bullet = "-") {
  return "EXTRAIT DES REGISTRES DES DELIBERATIONS DU BUREAU DE LA METROPOLE AIX-MARSEILLE-PROVENCE\n\n"
         "Séance du 18 février 2021\n\n"
         "Madame Martine VASSAL, Présidente de la Métropole Aix-Marseille-Provence, a ouvert la séance à "
         "laquelle "
         "ont été présents 3 membres.\n\n"
         "Étaient présents Mesdames et Messieurs :\n\nMartial ALVAREZ - Jean-\nPascal GOURNES - Martine "
         "VASSAL.\n\n"
         "Étaient absents et excusés Madame et Messieurs :\n\nEric LE DISSES.\n\n"
         "Madame la Présidente a proposé au Bureau de la Métropole d'accepter les conclusions exposées "
         "ci-après et de "
         "les convertir en délibération.\n\n"
         "IVIS 011-9466/21/BM\n\n" +
         title_line +
         "\n\nMadame la Présidente de la Métropole Aix-Marseille-Provence sur proposition du Commissaire "
         "Rapporteur "
         "soumet au Bureau de la Métropole le rapport suivant :\n\n"
         "La Métropole soutient l'association à hauteur de 20 000€.\n\n"
         "Le Bureau de la Métropole Aix-Marseille-Provence,\n\nVu\n\n" +
         bullet + " Le Code Général des Collectivités Territoriales ;\n" + bullet +
         " La loi n°2014-58 du 27 janvier 2014 de modernisation de l'action publique territoriale.\n\n" +
         hearing + "\n\nEntendues les conclusions du Commissaire Rapporteur,\n\nConsidérant\n\n" + bullet +
         " La volonté de la Métropole.\n\n" + decision +
         "\n\nArticle 1 :\n\nEst attribuée une subvention de 20 000 euros.\n\n"
         "Article 2 :\n\nLes crédits nécessaires sont inscrits pour l'exercice 2021 au Budget Principal - "
         "Chapitre 65 - "
         "Nature 65748 - Fonction 67.\n\n"
         "Cette proposition mise aux voix est adoptée.\n\nCertifié Conforme,\nLe Vice-Président "
         "Délégué\nCulture\n\n"
         "Daniel GAGNON\n";
}

}  // namespace

TEST_CASE("amounts: every printed form of a sum in euros") {
  SECTION("spaces, full stops, glued euro sign, long sums") {
    struct Case {
      const char* text;
      double value;
    };
    const auto c = GENERATE(Case{"une subvention totale de 90 000 euros au titre", 90000},
                            Case{"d'un montant de 50.000 euros", 50000}, Case{"à hauteur de 20 000€.", 20000},
                            Case{"global de 2 224 070 euros pour", 2224070},
                            Case{"soit 1 250,50 € de plus", 1250.5}, Case{"de 8 milliards d'euros", 8e9},
                            Case{"de 1,5 million d\xE2\x80\x99"
                                 "euros",
                                 1.5e6},
                            Case{"une aide de 3500 EUR", 3500},
                            Case{"de 90\xC2\xA0"
                                 "000\xC2\xA0"
                                 "euros",
                                 90000},
                            Case{"de 12\xE2\x80\xAF"
                                 "500 €",
                                 12500});
    INFO(c.text);
    const auto amounts = find_amounts(c.text);
    REQUIRE(amounts.size() == 1);
    CHECK(amounts[0].value == Approx(c.value));
    CHECK(amounts[0].currency == "EUR");
  }
  SECTION("a year printed before a sum is not glued to it") {
    auto a = find_amounts("au titre de l'année 2021 50 000 euros");
    REQUIRE(a.size() == 1);
    CHECK(a[0].value == 50000);
    a = find_amounts("en 2021 500 000 euros");
    REQUIRE(a.size() == 1);
    CHECK(a[0].value == 500000);
  }
  SECTION("not sums: surfaces, percentages, counts, words that start with euro") {
    CHECK(find_amounts("sur plus de 25 000 m2, soit 7,2% du budget et 4 % du total").empty());
    CHECK(find_amounts("le montant en euros sera fixé").empty());
    CHECK(find_amounts("les 12 eurodéputés et 3 européens").empty());
    CHECK(find_amounts("Sous-politique B370 euros").empty());
  }
  SECTION("the context is the clause the sum is printed in, and the order is the text's") {
    const auto a = find_amounts(
        "Pour accompagner la Plateforme, la Métropole renouvelle son soutien à hauteur de 90 000 euros, "
        "représentant "
        "4 % d'un budget prévisionnel global de 2 224 070 euros pour l'ensemble.\nIl est attribué « X » une "
        "subvention de 50.000 euros.");
    REQUIRE(a.size() == 3);
    CHECK(a[0].context == "la Métropole renouvelle son soutien à hauteur de 90 000 euros");
    CHECK(a[1].context == "représentant 4 % d'un budget prévisionnel global de 2 224 070 euros");
    CHECK(a[2].context == "une subvention de 50.000 euros");
  }
}

TEST_CASE("session: the date is the session's, in words or digits, never another date of the act") {
  SECTION("Séance du, with 1er and no accent") {
    const auto d = parse(metropole_act());
    CHECK(d.session.date == "2021-02-18");
    std::string text = metropole_act();
    text.replace(text.find("18 février 2021"), 16, "1er fevrier 2021");
    CHECK(parse(text).session.date == "2021-02-01");
  }
  SECTION("communal: the convocation date is not the session date") {
    const auto d = parse(
        "Date de la convocation : 5 décembre 2023\n\nLe Conseil municipal, régulièrement convoqué, s'est "
        "réuni le "
        "19/12/2023 sous la présidence de Monsieur Jean DUPONT, Maire.\n\nDélibération n° 2023-087\n\n"
        "Objet : Tarifs de la cantine\n\nDÉCIDE :\n\nArticle 1 : Les tarifs sont fixés.\n\nAdopté à "
        "l'unanimité.\n");
    CHECK(d.session.date == "2023-12-19");
    CHECK(d.session.president == "Jean DUPONT");
  }
  SECTION("communal: the date in words, \"L'an deux mille …, le …\"") {
    const auto d = parse(
        "L’an deux mille vingt-trois, le dix-neuf décembre, le Conseil municipal de la commune, "
        "régulièrement convoqué, s'est réuni en session ordinaire sous la présidence de Monsieur Jean "
        "DUPONT, Maire.\n\nDélibération n° 2023-087\n\nObjet : Tarifs de la cantine\n\nDÉCIDE :\n\n"
        "Article 1 : Les tarifs sont fixés.\n\nAdopté à l'unanimité.\n");
    CHECK(d.session.date == "2023-12-19");
    CHECK(d.session.president == "Jean DUPONT");
    CHECK(!has_warning(d, "session"));
  }
  SECTION("no session header: null and a warning, even with dates in the report and visas") {
    std::string text = metropole_act();
    text.erase(text.find("Séance du"), std::string("Séance du 18 février 2021\n\n").size());
    const auto d = parse(text);
    CHECK(!d.session.date);
    CHECK(has_warning(d, "no session date"));
    CHECK(d.visas.size() == 2);  // "du 27 janvier 2014" stays in its visa

    // Another session quoted in the report is not this act's.
    text.replace(text.find("La Métropole soutient"), 0,
                 "Le Conseil, lors de sa séance du 17 juillet 2020, l'a décidé. ");
    const auto quoted = parse(text);
    CHECK(!quoted.session.date);
    CHECK(has_warning(quoted, "no session date"));
  }
}

TEST_CASE("attendance: Métropole forms") {
  const auto d = parse(metropole_act());
  CHECK(d.present == std::vector<std::string>{"Martial ALVAREZ", "Jean-Pascal GOURNES", "Martine VASSAL"});
  CHECK(d.excused == std::vector<std::string>{"Eric LE DISSES"});
  CHECK(d.session.members_present_declared == 3);
  CHECK(d.authority == "Métropole Aix-Marseille-Provence");
  CHECK(d.body == "Bureau de la Métropole");

  SECTION("represented, with représenté and représentée") {
    std::string text = metropole_act();
    text.insert(text.find("Étaient absents et excusés"),
                "Étaient absents et représentés Madame et Monsieur :\n\nDaniel GAGNON représenté par Roland "
                "GIBERTI - "
                "Véronique MIQUELLY représentée par Serge\nPEROTTINO.\n\n");
    const auto r = parse(text);
    REQUIRE(r.represented.size() == 2);
    CHECK(r.represented[0].member == "Daniel GAGNON");
    CHECK(r.represented[0].proxy == "Roland GIBERTI");
    CHECK(r.represented[1].member == "Véronique MIQUELLY");
    CHECK(r.represented[1].proxy == "Serge PEROTTINO");
    CHECK(r.excused.size() == 1);
  }
  SECTION("two names whose separator OCR lost are two names; LASTNAME Firstname order is left whole") {
    std::string text = metropole_act();
    text.replace(text.find("Martial ALVAREZ - Jean-\nPascal"), 30, "Philippe GINOUX Jean-\nPascal");
    CHECK(parse(text).present ==
          std::vector<std::string>{"Philippe GINOUX", "Jean-Pascal GOURNES", "Martine VASSAL"});
    std::vector<std::string> unread;
    CHECK(greffe::parse::split_names("DUPONT Jean MARTIN Paul", unread) ==
          std::vector<std::string>{"DUPONT Jean MARTIN Paul"});
    CHECK(greffe::parse::split_names("Maryse JOISSAINS MASINI - Eric LE DISSES", unread) ==
          std::vector<std::string>{"Maryse JOISSAINS MASINI", "Eric LE DISSES"});
  }
  SECTION("a count that does not match the list is a warning") {
    std::string text = metropole_act();
    text.replace(text.find("présents 3 membres"), 18, "présents 4 membres");
    CHECK(has_warning(parse(text), "4 members declared present, 3 names listed"));
  }
}

TEST_CASE("attendance: communal forms") {
  const auto d = parse(
      "Nombre de conseillers en exercice : 27 - Présents : 21 - Votants : 25\n\n"
      "Présents : M. Jean DUPONT, Mme Anne MARTIN, Paul DURAND\n\n"
      "Absents ayant donné procuration : Pierre LEROY à Anne MARTIN, Julie PETIT à Jean DUPONT\n\n"
      "Absents excusés : Marc BLANC ; Léa ROUX\n\n"
      "Secrétaire de séance : Paul DURAND\n\n"
      "DÉCIDE :\n\nArticle 1 : Les tarifs sont fixés.\n\n"
      "Adopté à la majorité (Pour : 23 - Contre : 2 - Abstention : 0)\n");
  CHECK(d.session.members_present_declared == 21);
  CHECK(d.present ==
        std::vector<std::string>{"Jean DUPONT", "Anne MARTIN", "Paul DURAND"});  // civilities dropped
  REQUIRE(d.represented.size() == 2);
  CHECK(d.represented[0].member == "Pierre LEROY");
  CHECK(d.represented[0].proxy == "Anne MARTIN");
  CHECK(d.represented[1].member == "Julie PETIT");
  CHECK(d.represented[1].proxy == "Jean DUPONT");
  CHECK(d.excused == std::vector<std::string>{"Marc BLANC", "Léa ROUX"});

  SECTION("counts separated by commas, and unanimity stated with the decision") {
    const auto counts = parse(
        "Nombre de conseillers en exercice : 27, Présents : 21, Votants : 25\n\n"
        "Le Conseil municipal, après en avoir délibéré, à l'unanimité, DÉCIDE :\n\nArticle 1 : x\n");
    CHECK(counts.session.members_present_declared == 21);
    CHECK(counts.present.empty());
    CHECK(counts.vote.unanimous == true);
    CHECK(counts.vote.outcome == "adopted");  // unanimity in favour adopts
    CHECK(counts.session.members_in_office == 27);
    CHECK(counts.vote.voters == 25);
    CHECK(!has_warning(counts, "not read as a name"));
    CHECK(!has_warning(counts, "no vote statement"));
  }
  SECTION("an item that is not a name is left out and reported with its line") {
    const auto bad =
        parse("\n\nPrésents : Jean DUPONT, illisible 12 ##, Anne MARTIN\n\nDÉCIDE :\n\nArticle 1 : x\n");
    CHECK(bad.present == std::vector<std::string>{"Jean DUPONT", "Anne MARTIN"});
    CHECK(has_warning(bad, "page 1, line 3: attendance item not read as a name: \"illisible 12 ##\""));
  }
}

TEST_CASE("act, legal part, vote and signature: Métropole form") {
  const auto d = parse(metropole_act());
  CHECK(d.kind == greffe::DeliberationKind::Deliberation);
  CHECK(d.number == "IVIS 011-9466/21/BM");
  CHECK(d.title == "Attribution d'une subvention à l'association X - Approbation d'une convention");
  CHECK(d.internal_ref == "MET 21/17660/BM");
  CHECK(d.report == "La Métropole soutient l'association à hauteur de 20 000€.");
  CHECK(d.visas ==
        std::vector<std::string>{"Le Code Général des Collectivités Territoriales",
                                 "La loi n°2014-58 du 27 janvier 2014 de modernisation de l'action "
                                 "publique territoriale"});
  CHECK(d.considerants == std::vector<std::string>{"La volonté de la Métropole"});
  REQUIRE(d.articles.size() == 2);
  CHECK(d.articles[0].number == 1);
  CHECK(d.articles[0].text == "Est attribuée une subvention de 20 000 euros.");
  CHECK(d.vote.outcome == "adopted");
  CHECK(!d.vote.unanimous);
  CHECK(d.budget.year == "2021");
  CHECK(d.budget.chapter == "65");
  CHECK(d.budget.nature == "65748");
  CHECK(d.budget.function == "67");
  CHECK(!d.budget.sub_policy);
  CHECK(d.signatory.name == "Daniel GAGNON");
  CHECK(d.signatory.office == "Le Vice-Président Délégué Culture");
  REQUIRE(d.amounts.size() == 2);  // report, then articles
  CHECK(d.amounts[0].value == 20000);
  CHECK(d.amounts[1].context == "Est attribuée une subvention de 20 000 euros");
  CHECK(d.warnings.empty());
}

TEST_CASE("OCR leftovers are tolerated") {
  SECTION("Délibére, Oui le rapport, a title bullet read as m, list bullets read as =") {
    const auto d = parse(metropole_act("m Attribution d'une subvention MET 21/17660/BM",
                                       "Oui le rapport ci-dessus,", "Délibére", "="));
    CHECK(d.title == "Attribution d'une subvention");
    CHECK(d.visas.size() == 2);
    CHECK(d.considerants.size() == 1);
    CHECK(d.articles.size() == 2);
    CHECK(d.warnings.empty());
  }
  SECTION("the report ends before its closing formula, as it begins after its introduction") {
    std::string text = metropole_act();
    text.insert(
        text.find("Le Bureau de la Métropole Aix-Marseille-Provence,"),
        "Telles sont les raisons qui nous incitent à proposer au Bureau de la Métropole de prendre la "
        "délibération ci-après :\n\n");
    const auto d = parse(text);
    CHECK(d.report == "La Métropole soutient l'association à hauteur de 20 000€.");
    CHECK(d.warnings.empty());
  }
  SECTION("a Markdown autolink prints as its address") {
    CHECK(greffe::parse::clean_line("la Plateforme de matching : <https://hubdumentorat.fr/> pour") ==
          "la Plateforme de matching : https://hubdumentorat.fr/ pour");
    CHECK(greffe::parse::clean_line("si a < b et c > d") == "si a < b et c > d");
  }
  SECTION("a list bullet read as two symbols; a quotation mark alone is no bullet") {
    const auto d =
        parse(metropole_act("■ Attribution d'une subvention", "Ouï le rapport ci-dessus,", "Délibère", "«+"));
    CHECK(d.visas.size() == 2);
    CHECK(d.visas[0] == "Le Code Général des Collectivités Territoriales");
    CHECK(d.considerants == std::vector<std::string>{"La volonté de la Métropole"});
    const auto quoted =
        parse(metropole_act("■ Attribution d'une subvention", "Ouï le rapport ci-dessus,", "Délibère", "«"));
    CHECK(quoted.visas.empty());
  }
  SECTION("a title bullet read as # or s") {
    CHECK(parse(metropole_act("# Attribution d'une subvention")).title == "Attribution d'une subvention");
    CHECK(parse(metropole_act("s Approbation d'un avenant")).title == "Approbation d'un avenant");
    CHECK(parse(metropole_act("æ Approbation d'un avenant")).title == "Approbation d'un avenant");
    CHECK(parse(metropole_act("8 Attribution d'une subvention")).title == "Attribution d'une subvention");
    CHECK(parse(metropole_act("À la demande de l'association")).title == "À la demande de l'association");
    // A title that starts with a real one-letter word is not cut.
    CHECK(parse(metropole_act("Attribution d'une aide")).title == "Attribution d'une aide");
  }
  SECTION("Oùï and Markdown emphasis") {
    const auto d = parse(metropole_act("#### **■ Attribution d'une subvention**",
                                       "**Oùï le rapport ci-dessus,**", "**Délibère**"));
    CHECK(d.title == "Attribution d'une subvention");
    CHECK(d.articles.size() == 2);
    CHECK(d.warnings.empty());
  }
  SECTION("a stamp inside an article is skipped and the cut sentence rejoined") {
    std::string text = metropole_act();
    const std::string article = "Est attribuée une subvention de 20 000 euros.";
    text.replace(
        text.find(article), article.size(),
        "Est attribuée une subvention\n\nSigné le 18 Février 2021\n\nReçu au Contrôle de légalité le 10 "
        "mars 2021\n\nde 20 000 euros.");
    const auto d = parse(text);
    REQUIRE(d.articles.size() == 2);
    CHECK(d.articles[0].text == "Est attribuée une subvention de 20 000 euros.");
  }
  SECTION("\"Vu -\" is no visa; a visa ending \";:\" loses both (001)") {
    std::string text = metropole_act();
    text.replace(text.find("Vu\n"), 3, "Vu -\n");
    text.replace(text.find("Territoriales ;"), 15, "Territoriales ;:");
    const auto d = parse(text);
    CHECK(d.visas ==
          std::vector<std::string>{"Le Code Général des Collectivités Territoriales",
                                   "La loi n°2014-58 du 27 janvier 2014 de modernisation de l'action "
                                   "publique territoriale"});
  }
  SECTION("a signature marker with letters of Conforme misread (004 p4 under its seal)") {
    for (const char* marker : {"Certifié Confonié,", "Certifié Confomit,", "értifié Conforme,"}) {
      std::string text = metropole_act();
      text.replace(text.find("Certifié Conforme,"), 19, marker);
      const auto d = parse(text);
      INFO(marker);
      CHECK(d.signatory.name == "Daniel GAGNON");
      CHECK(d.signatory.office == "Le Vice-Président Délégué Culture");
    }
    // "Certifié exécutoire" (a communal mention about transmission) is no signature.
    std::string text = metropole_act();
    text.replace(text.find("Certifié Conforme,"), 19, "Certifié exécutoire,");
    CHECK(!parse(text).signatory.name);
  }
  SECTION("a paragraph of the legal part that is none of its parts is a warning with its page and line") {
    std::string text = metropole_act();
    text.replace(text.find("Considérant"), 11, "\f\nTexte perdu sans marque\n\nConsidérant");
    const auto d = parse(text);
    CHECK(has_warning(d, "page 2, line 2: paragraph of the legal part not read"));
  }
}

TEST_CASE("communal act: number, Objet, DÉCIDE, Article 1er, majority vote, Pour extrait certifié conforme") {
  const auto d = parse(
      "Séance du 12 décembre 2023\n\nDélibération n° 2023-087\n\nObjet : Attribution d'une subvention au "
      "club\n\n"
      "Monsieur le Maire expose que le club sollicite une aide de 1 500 euros.\n\n"
      "Vu le Code général des collectivités territoriales,\n\nConsidérant que le club anime la commune,\n\n"
      "Le Conseil municipal, après en avoir délibéré, DÉCIDE :\n\n"
      "Article 1er : Une subvention de 1 500 € est attribuée au club.\n\n"
      "Article 2 : Le Maire est chargé de l'exécution.\n\n"
      "Adopté à la majorité (Pour : 23 - Contre : 2 - Abstention : 0)\n\n"
      "Pour extrait certifié conforme,\nLe Maire,\nJean DUPONT\n");
  CHECK(d.session.date == "2023-12-12");
  CHECK(d.number == "2023-087");
  CHECK(d.title == "Attribution d'une subvention au club");
  CHECK(d.report == "Monsieur le Maire expose que le club sollicite une aide de 1 500 euros.");
  CHECK(d.visas == std::vector<std::string>{"le Code général des collectivités territoriales"});
  CHECK(d.considerants == std::vector<std::string>{"que le club anime la commune"});
  REQUIRE(d.articles.size() == 2);
  CHECK(d.articles[0].number == 1);
  CHECK(d.articles[0].text == "Une subvention de 1 500 € est attribuée au club.");
  CHECK(d.vote.outcome == "adopted");
  CHECK(d.vote.unanimous == false);
  CHECK(d.vote.for_votes == 23);
  CHECK(d.vote.against == 2);
  CHECK(d.vote.abstention == 0);
  CHECK(d.signatory.name == "Jean DUPONT");
  CHECK(d.signatory.office == "Le Maire");
  CHECK(d.amounts.size() == 2);
}

TEST_CASE("parts that a reflow put on one line") {
  SECTION("number and title") {
    std::string text = metropole_act();
    text.replace(text.find("IVIS 011-9466/21/BM\n\n"), 21, "IVIS 011-9466/21/BM ");
    const auto d = parse(text);
    CHECK(d.number == "IVIS 011-9466/21/BM");
    CHECK(d.title == "Attribution d'une subvention à l'association X - Approbation d'une convention");
    CHECK(d.internal_ref == "MET 21/17660/BM");
  }
  SECTION("office and name") {
    std::string text = metropole_act();
    text.replace(text.find("Culture\n\nDaniel"), 15, "Culture, Innovation numérique Daniel");
    const auto d = parse(text);
    CHECK(d.signatory.name == "Daniel GAGNON");
    CHECK(d.signatory.office == "Le Vice-Président Délégué Culture, Innovation numérique");
  }
  SECTION("an office over several paragraphs keeps the commas that end its lines (001 after cleanup)") {
    std::string text = metropole_act();
    text.replace(text.find("Culture\n\nDaniel"), 15,
                 "Culture,\n\nInnovation numérique,\n\nParcours usager,\n\nDaniel");
    const auto d = parse(text);
    CHECK(d.signatory.name == "Daniel GAGNON");
    CHECK(d.signatory.office.value_or("") ==
          "Le Vice-Président Délégué Culture, Innovation numérique, Parcours usager");
  }
  SECTION("an office without a name is not split") {
    std::string text = metropole_act();
    const std::string signature = "Culture\n\nDaniel GAGNON";
    text.replace(text.find(signature), signature.size(), "Culture");
    const auto d = parse(text);
    CHECK(!d.signatory.name);
    CHECK(d.signatory.office == "Le Vice-Président Délégué Culture");
    CHECK(has_warning(d, "signatory's name not read"));
  }
}

TEST_CASE("markers that a reflow joined to the line before them start their own paragraph again") {
  std::string text = metropole_act();
  auto join = [&](const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
  };
  join("Aix-Marseille-Provence,\n\nVu\n\n", "Aix-Marseille-Provence, Vu\n\n");
  join("ci-dessus,\n\nEntendues les conclusions du Commissaire Rapporteur,\n\nConsidérant",
       "ci-dessus, Entendues les conclusions du Commissaire Rapporteur, Considérant");
  join("Délibère\n\nArticle 1 :", "Délibère Article 1 :");
  join("adoptée.\n\nCertifié", "adoptée. Certifié");
  text.insert(text.find("Étaient absents et excusés"),
              "Étaient absents et représentés Madame et Monsieur : Daniel GAGNON "
              "représenté par Roland GIBERTI. ");
  const auto d = parse(text);
  CHECK(d.represented.size() == 1);
  CHECK(d.visas.size() == 2);
  CHECK(d.considerants.size() == 1);
  CHECK(d.articles.size() == 2);
  CHECK(d.vote.outcome == "adopted");
  CHECK(d.signatory.name == "Daniel GAGNON");
  INFO(all_warnings(d));
  CHECK(d.warnings.empty());

  SECTION("a list of names cut before a dash, with or without a blank line") {
    std::string names = metropole_act();
    names.replace(names.find("Jean-\nPascal GOURNES - Martine"), 30, "Jean-\nPascal GOURNES\n\n- Martine");
    CHECK(parse(names).present ==
          std::vector<std::string>{"Martial ALVAREZ", "Jean-Pascal GOURNES", "Martine VASSAL"});
  }
}

TEST_CASE("vote statements") {
  using greffe::parse::fold;
  using greffe::parse::read_vote;
  auto v = read_vote(fold("Cette proposition mise aux voix est adoptée."));
  CHECK(v.outcome == "adopted");
  CHECK(!v.unanimous);
  CHECK(!v.for_votes);
  v = read_vote(fold("Adopté à l'unanimité."));
  CHECK(v.unanimous == true);
  CHECK(!v.against);
  v = read_vote(fold("à la majorité (Pour : 23 - Contre : 2 - Abstention : 0)"));
  CHECK(v.outcome == "adopted");  // more for than against
  CHECK(v.unanimous == false);
  CHECK(v.for_votes == 23);
  CHECK(v.against == 2);
  CHECK(v.abstention == 0);
  v = read_vote(
      fold("La proposition mise aux voix est rejetée (Pour : 10 - Contre : 15 - Abstentions : 2)."));
  CHECK(v.outcome == "rejected");
  CHECK(v.abstention == 2);
}

TEST_CASE("not a deliberation: kind other, nothing invented, its session block kept") {
  const auto d = parse(
      "METROPOLE AIX-MARSEILLE-PROVENCE\n\nNOTE DE SYNTHÈSE RELATIVE AU RAPPORT\n\n"
      "Séance du 18 février 2021\n\nIl s'agit d'approuver un cadre de 10 000 euros.\n");
  CHECK(d.kind == greffe::DeliberationKind::Other);
  // What the header prints is read whatever the kind (the session the note is for).
  CHECK(d.session.date == "2021-02-18");
  CHECK(d.authority == "METROPOLE AIX-MARSEILLE-PROVENCE");
  CHECK(!d.number);
  CHECK(!d.title);
  CHECK(d.articles.empty());
  CHECK(!d.vote.outcome);
  CHECK(d.amounts.size() == 1);
  CHECK(has_warning(d, "not a deliberation"));
}

TEST_CASE("stamp lines and stray numbers are left out of every field") {
  using greffe::parse::is_stamp_line;
  CHECK(is_stamp_line("Signé le 18 Février 2021"));
  CHECK(is_stamp_line("**Reçu au Contrôle de légalité le 22 avril 2021**  "));
  CHECK(is_stamp_line("Accusé de réception en préfecture"));
  CHECK(is_stamp_line("013-211300850-20231212-DEL2023087-DE"));
  CHECK(is_stamp_line("Date de télétransmission : 19/12/2023"));
  CHECK(!is_stamp_line("Signé le contrat par les deux parties"));
  CHECK(!is_stamp_line("Le Code Général des Collectivités Territoriales ;"));

  std::string text = metropole_act();
  text.insert(text.find("\n\nMadame la Présidente de la Métropole"), "\n31543");
  const auto d = parse(text);
  CHECK(d.title == "Attribution d'une subvention à l'association X - Approbation d'une convention");
  CHECK(has_warning(d, "stray number \"31543\" left out"));
}

// parse::run catches whatever the reading throws and returns the act unread with a "parser stopped"
// warning, so "does not throw" alone could not fail: the reading itself must not stop, and a text
// that is not a readable act must say what was not found.
TEST_CASE("reads to the end, whatever the text, and says what it did not find") {
  const std::vector<std::string> texts = {"",
                                          "\f\f\n",
                                          "Délibère",
                                          "Article 99999999999999 :",
                                          "Présents : 99999999999",
                                          std::string(200000, 'a'),
                                          "Le Conseil municipal," + std::string(5000, 'x') + ","};
  for (const auto& text : texts) {
    Deliberation d;
    REQUIRE_NOTHROW(d = parse(text));
    CHECK_FALSE(has_warning(d, "parser stopped"));
    CHECK_FALSE(d.warnings.empty());
  }
}
