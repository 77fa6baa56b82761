// The session block as registers print it: attendance headings and items in every order, the
// secretary, the counts, the president, the date and the signatory. Each form on a small made-up
// example, beside a counterexample that must not be read as it, and in the three layouts a text
// comes in (as printed, without blank lines, flattened to one line).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "models/deliberation.h"
#include "pipeline/parse/grammar.h"
#include "pipeline/parse/parse.h"
#include "tests/text_layouts.h"

namespace {

using greffe::Deliberation;
using greffe::test::one_line;
using greffe::test::without_blank_lines;

Deliberation parse(const std::string& text) {
  return greffe::parse::run({}, text, greffe::Legality{});
}

std::vector<std::string> layouts(const std::string& text) {
  return {text, without_blank_lines(text), one_line(text)};
}

// A commune's extract around the session block `block`.
std::string extract(const std::string& block) {
  return "COMMUNE DE SAINT-EXEMPLE\n\n"
         "Séance du 11 décembre 2023\n\n" +
         block +
         "\n\nDélibération n° 2023_037_D\n\n"
         "Objet : Demande de subvention pour l'eau potable\n\n"
         "Après en avoir délibéré, le conseil municipal, à l'unanimité,\n"
         "- APPROUVE la réalisation du projet\n\n"
         "Pour extrait certifié conforme,\nLe Maire,\nJacques BURRIEZ\n";
}

}  // namespace

TEST_CASE("attendance: the secretary named in a sentence") {
  for (const std::string& text :
       layouts(extract("Présents : M. Jacques BURRIEZ, Mme Léa BLANC, M. Paul ROUX\n\n"
                       "Monsieur Paul ROUX a été désigné secrétaire de séance."))) {
    INFO(text);
    CHECK(parse(text).session.secretary == std::optional<std::string>("Paul ROUX"));
  }
  // An initial after the civility belongs to the name; "comme" before the office.
  CHECK(parse(extract("Madame M. FAUCHON est désignée comme secrétaire de séance.")).session.secretary ==
        std::optional<std::string>("M. FAUCHON"));
  CHECK(parse(extract("Mme Léa BLANC est nommée secrétaire.")).session.secretary ==
        std::optional<std::string>("Léa BLANC"));
  // The council names the secretary: the name after the verb.
  CHECK(parse(extract("Le conseil municipal désigne Mme Léa BLANC comme secrétaire de séance."))
            .session.secretary == std::optional<std::string>("Léa BLANC"));
  // A candidacy for the office, over two paragraphs.
  CHECK(parse(extract("Monsieur le Maire propose la candidature de Catherine VINAS, en qualité de\n\n"
                      "secrétaire pour la présente séance"))
            .session.secretary == std::optional<std::string>("Catherine VINAS"));
  // Surnames only, after a rule drawn by dashes.
  CHECK(parse(extract("---------\nMonsieur DUPONT a été désigné secrétaire de séance.\n---------"))
            .session.secretary == std::optional<std::string>("DUPONT"));
}

TEST_CASE("attendance: what is not the session's secretary") {
  // Another office: the syndicate's general secretary.
  CHECK_FALSE(parse(extract("M. Paul ROUX est nommé secrétaire général du syndicat.")).session.secretary);
  // A clause, not a name, before the verb.
  CHECK_FALSE(
      parse(extract("Conformément à l'usage, la secrétaire de mairie est désignée secrétaire de séance."))
          .session.secretary);
  // No office at all.
  CHECK_FALSE(parse(extract("Monsieur Paul ROUX a donné son accord.")).session.secretary);
}

TEST_CASE("attendance: proxies printed as \"X par Y\" under a represented heading") {
  for (const std::string& text : layouts(extract("Présents : MM. PORTEBOIS, Mme MALARD et M. GAUCHY.\n"
                                                 "Absents représentés : M. LEDRAPPIER par M. PORTEBOIS ;\n"
                                                 "Mme CLEDIC par Mme MALARD."))) {
    INFO(text);
    const Deliberation d = parse(text);
    REQUIRE(d.represented.size() == 2);
    CHECK(d.represented[0].member == "LEDRAPPIER");
    CHECK(d.represented[0].proxy == "PORTEBOIS");
    CHECK(d.represented[1].member == "CLEDIC");
    CHECK(d.represented[1].proxy == "MALARD");
    CHECK(d.present.size() == 3);
  }
  // Elsewhere "par" is no proxy: an excused member informed "par courrier" is excused, alone.
  const Deliberation d = parse(extract("Absents excusés : M. Jean NOIR, Mme Eve VERT"));
  CHECK(d.represented.empty());
  CHECK(d.excused.size() == 2);
}

TEST_CASE("attendance: a sidebar of counts flattened into its labels, then its figures") {
  const std::string sidebar =
      "Nombre de conseillers\nen exercice :\n_____________\nNombre de conseillers\nen séance :\n"
      "_____________\nPouvoirs :\n_____________\n29 26 3\n\nPrésents : M. Jacques BURRIEZ, Mme Léa BLANC";
  for (const std::string& text : layouts(extract(sidebar))) {
    INFO(text);
    const Deliberation d = parse(text);
    CHECK(d.session.members_in_office == std::optional<int>(29));
    CHECK(d.session.members_present_declared == std::optional<int>(26));
  }
  // Fewer figures than labels: nothing is paired by guess.
  const Deliberation d =
      parse(extract("Nombre de conseillers en exercice : ____ Nombre de conseillers en séance : ____ 29\n\n"
                    "Présents : M. Jacques BURRIEZ"));
  CHECK_FALSE(d.session.members_present_declared);
}

TEST_CASE("attendance: the president after a \"Présidence :\" label") {
  for (const std::string& text :
       layouts(extract("Présidence : M. Hubert BRIGAND\nSecrétaire de Séance : Mme FLACELIERE Françoise\n"
                       "Présents : M. Hubert BRIGAND, Mme Françoise FLACELIERE"))) {
    INFO(text);
    const Deliberation d = parse(text);
    CHECK(d.session.president == std::optional<std::string>("Hubert BRIGAND"));
    CHECK(d.session.secretary == std::optional<std::string>("FLACELIERE Françoise"));
  }
  // The presidency of something else names no person.
  CHECK_FALSE(parse(extract("Le rapport est présenté sous la présidence de la commission des finances."))
                  .session.president);
}

namespace {

std::string signed_extract(const std::string& signature) {
  return "COMMUNE DE SAINT-EXEMPLE\n\nSéance du 11 décembre 2023\n\n"
         "Présents : M. Jacques BURRIEZ, Mme Léa BLANC\n\n"
         "Délibération n° 2023_037_D\n\nObjet : Demande de subvention pour l'eau potable\n\n"
         "Après en avoir délibéré, le conseil municipal, à l'unanimité,\n"
         "- APPROUVE la réalisation du projet\n\n" +
         signature + "\n";
}

}  // namespace

TEST_CASE("signatory: the marker's words, the office and the name in either order") {
  for (const std::string& text :
       layouts(signed_extract("Pour extrait conforme,\nLe Président,\nJean-Louis CAMUS"))) {
    INFO(text);
    const Deliberation d = parse(text);
    CHECK(d.signatory.name == std::optional<std::string>("Jean-Louis CAMUS"));
    // "conforme" belongs to the marker, not to the office.
    REQUIRE(d.signatory.office);
    CHECK(d.signatory.office->find("onforme") == std::string::npos);
  }
  // No marker, the name printed "LASTNAME Firstname" after the office.
  CHECK(parse(signed_extract("Le Maire,\nBURRIEZ Jacques")).signatory.name ==
        std::optional<std::string>("BURRIEZ Jacques"));
  // The comma after the office lost where its lines were joined.
  CHECK(parse(signed_extract("Le Maire Jacques BURRIEZ")).signatory.name ==
        std::optional<std::string>("Jacques BURRIEZ"));
}

TEST_CASE("signatory: an office in a sentence names nobody") {
  const Deliberation d = parse(signed_extract("Le Maire certifie le caractère exécutoire de cet acte."));
  CHECK_FALSE(d.signatory.name);
}

namespace {

std::string dated(const std::string& header) {
  return "COMMUNE DE SAINT-EXEMPLE\n\n" + header +
         "\n\nPrésents : M. Jacques BURRIEZ, Mme Léa BLANC\n\n"
         "Délibération n° 2023_037_D\n\nObjet : Demande de subvention pour l'eau potable\n\n"
         "Vu la délibération du 9 décembre 2022 ;\n\n"
         "Après en avoir délibéré, le conseil municipal, à l'unanimité,\n"
         "- APPROUVE la réalisation du projet\n";
}

}  // namespace

TEST_CASE("session: the date in words, in figures and mixed") {
  const std::vector<std::pair<std::string, std::string>> forms = {
      {"L'an deux mil vingt-trois, le douze décembre, le conseil municipal s'est réuni.", "2023-12-12"},
      {"L'an deux mil six et le vingt quatre mars, à vingt heures trente, le Conseil Municipal s'est réuni.",
       "2006-03-24"},
      {"L'an DEUX MILLE VINGT DEUX le 9 décembre à 18 heures, le conseil municipal s'est réuni.",
       "2022-12-09"},
      {"Séance du 9 décembre 2022", "2022-12-09"},
      {"Le conseil municipal s'est réuni le 9 décembre deux mille vingt-deux à 18 heures.", "2022-12-09"},
  };
  for (const auto& [header, iso] : forms)
    for (const std::string& text : layouts(dated(header))) {
      INFO(text);
      CHECK(parse(text).session.date == std::optional<std::string>(iso));
    }
}

TEST_CASE("session: a date in a visa is not the session's") {
  CHECK_FALSE(parse(dated("Séance ordinaire")).session.date);
}

TEST_CASE("attendance: a list printed one item a line, a column of counts flattened into it") {
  const std::string lines =
      "PRESENTS : Madame Josiane BERAUD, Messieurs Yves LELONG et Claude BUSSY.\n\n"
      "ABSENTS EXCUSES : M. J.F. BERTHET\n\nM. J.F.PINONCELY\n\nMme Aurélie STOUPY donne pouvoir à Yves "
      "LELONG\n\n"
      "Le quorum est atteint.";
  for (const std::string& text : layouts(extract(lines))) {
    INFO(text);
    const Deliberation d = parse(text);
    CHECK(d.present.size() == 3);
    CHECK(d.excused == std::vector<std::string>{"J.F. BERTHET", "J.F.PINONCELY"});
    REQUIRE(d.represented.size() == 1);
    CHECK(d.represented[0].member == "Aurélie STOUPY");
    CHECK(d.represented[0].proxy == "Yves LELONG");
  }
  const std::string column =
      "Présents : Marc Baïetto - Louise Sarté\n\nExcusés ont donné pouvoir :\n\nMarta Chron à Marc "
      "Baïetto\n\n"
      "Elus en exercice : 29\n\nNelly Maroni à Louise Sarté\n\nElus présents : 2\n\nSecrétaire de séance : "
      "Louise Sarté";
  const Deliberation d = parse(extract(column));
  REQUIRE(d.represented.size() == 2);
  CHECK(d.represented[1].member == "Nelly Maroni");
  CHECK(d.session.members_in_office == std::optional<int>(29));
  CHECK(d.session.members_present_declared == std::optional<int>(2));
  CHECK(d.session.secretary == std::optional<std::string>("Louise Sarté"));
}

TEST_CASE("attendance: a sentence after the list is not on it") {
  const Deliberation d =
      parse(extract("Absents excusés : M. Jean NOIR\n\nMonsieur Paul ROUX a été désigné secrétaire de "
                    "séance.\n\nORDRE DU JOUR"));
  CHECK(d.excused == std::vector<std::string>{"Jean NOIR"});
  CHECK(d.session.secretary == std::optional<std::string>("Paul ROUX"));
}

TEST_CASE("attendance: a count before the names, notes in brackets, lines without civility") {
  for (const std::string& text : layouts(extract("Nombre de conseillers en exercice : 35 Présents : 3 M. "
                                                 "Pascal Durand, Mme Anne Petit, M. Luc Roy"))) {
    INFO(text);
    const Deliberation d = parse(text);
    CHECK(d.session.members_present_declared == std::optional<int>(3));
    CHECK(d.present == std::vector<std::string>{"Pascal Durand", "Anne Petit", "Luc Roy"});
  }
  // A count followed by other counts is no list of names.
  const Deliberation counts = parse(extract("Présents : 21, Votants : 25"));
  CHECK(counts.present.empty());
  CHECK(counts.session.members_present_declared == std::optional<int>(21));
  CHECK(parse(extract("Présents : 11")).session.members_present_declared == std::optional<int>(11));

  const std::string column =
      "Membres présents (à l'ouverture de la séance à 20h00) Jacques BURRIEZ (Maire)\n\n"
      "François BESSET (1er adjoint)\n\n"
      "Julien BESSET (en retard arrivé à 20 h 26) Aline ACHARD (absent excusé donne pouvoir à M. BESSET "
      "François) Nicole PORTE\n\nGérard GUIRONNET\n\nORDRE DU JOUR";
  // As printed only: joined to the session line, a heading without a colon ("… 2023 Membres
  // présents (…)") is not cut from it (a known limit, docs/parse.md).
  {
    const Deliberation d = parse(extract(column));
    CHECK(d.present == std::vector<std::string>{"Jacques BURRIEZ", "François BESSET", "Julien BESSET",
                                                "Nicole PORTE", "Gérard GUIRONNET"});
    REQUIRE(d.represented.size() == 1);
    CHECK(d.represented[0].member == "Aline ACHARD");
    CHECK(d.represented[0].proxy == "BESSET François");
  }
}

TEST_CASE("attendance: separators OCR changed, and what is no separator") {
  // A full stop read for a comma after a surname, a dash glued to the next name.
  const Deliberation d = parse(extract(
      "Présents : Pierre-Jean ZANNETTACCI. Jean-Claude GAUTHIER, Alessandra STURANI -Valérie UPPHOFF"));
  CHECK(d.present == std::vector<std::string>{"Pierre-Jean ZANNETTACCI", "Jean-Claude GAUTHIER",
                                              "Alessandra STURANI", "Valérie UPPHOFF"});
  // A full stop after a lower-case word ends a sentence run on after the list, not a name.
  std::vector<std::string> unread;
  CHECK(greffe::parse::split_names("Anne MARTIN, une bonne employabilité. Aussi", unread) ==
        std::vector<std::string>{"Anne MARTIN"});
  // Initials and civilities keep their full stop; a hyphenated name its hyphen.
  const Deliberation initials =
      parse(extract("Présents : J. DUPONT, Ph. VINCENT, J.F. BERTHET, Anne-Marie ROUX"));
  CHECK(initials.present ==
        std::vector<std::string>{"J. DUPONT", "Ph. VINCENT", "J.F. BERTHET", "Anne-Marie ROUX"});
}

TEST_CASE("signatory: the office and the name as paragraphs of their own, without a marker") {
  const Deliberation d = parse(signed_extract("La séance est levée à 23H15.\n\nLe Maire,\n\nYves LELONG"));
  CHECK(d.signatory.name == std::optional<std::string>("Yves LELONG"));
  CHECK(d.signatory.office == std::optional<std::string>("Le Maire"));
  // A name closing the text that no office announces signs nothing.
  CHECK_FALSE(parse(signed_extract("La séance est levée à 23H15.\n\nYves LELONG")).signatory.name);
  // An office's capitalised words are not a name ("Le Vice-Président Délégué Culture").
  CHECK_FALSE(parse(signed_extract("Le Vice-Président Délégué Culture")).signatory.name);
}

TEST_CASE("attendance: a civility glued to the surname, an office after the name") {
  for (const std::string& text : layouts(extract("Présents : M.CHARRIER Jean-Paul Maire, M. ROBERT Henri "
                                                 "Adjoints, M.BERNARD Bruno Délégué, Mme Anne "
                                                 "MARTIN"))) {
    INFO(text);
    CHECK(parse(text).present ==
          std::vector<std::string>{"CHARRIER Jean-Paul", "ROBERT Henri", "BERNARD Bruno", "Anne MARTIN"});
  }
  // A two-word name keeps both words, even a surname that is an office's word; an office alone
  // ("Le Maire") is no member.
  std::vector<std::string> unread;
  CHECK(greffe::parse::split_names("Le Maire, Paul DELEGUE, Anne MAIRE", unread) ==
        std::vector<std::string>{"Paul DELEGUE", "Anne MAIRE"});
}

TEST_CASE("attendance: a counts column interleaved with a long opening sentence") {
  std::string sentence = "Nombre de conseillers en exercice : 39 Les membres du Conseil Municipal se sont";
  for (int k = 0; k < 12; ++k)
    sentence += " réunis à la Maison des Associations, sur la convocation qui leur a été adressée";
  sentence += " Votants : 32 par le Maire.";
  REQUIRE(sentence.size() > 600);
  const Deliberation d = parse(extract(sentence));
  CHECK(d.session.members_in_office == std::optional<int>(39));
  CHECK(d.vote.voters == std::optional<int>(32));
}

TEST_CASE("attendance: a proxy's note apart from its name, a comma before the proxy's verb") {
  for (const std::string& text : layouts(extract(
           "Absents excusés : Isabelle BECKER (ayant donné pouvoir à Fabienne MERESSE) - André FRANC - "
           "(ayant donné pouvoir à Jean-Claude GARDE) - Véronique POYET.\n"
           "Absents : Monsieur Paul DE GOUVION St CYR, donne pouvoir à Monsieur Hugues PINOT."))) {
    INFO(text);
    const Deliberation d = parse(text);
    REQUIRE(d.represented.size() == 3);
    CHECK(d.represented[1].member == "André FRANC");
    CHECK(d.represented[1].proxy == "Jean-Claude GARDE");
    CHECK(d.represented[2].member == "Paul DE GOUVION St CYR");
    CHECK(d.represented[2].proxy == "Hugues PINOT");
    CHECK(d.excused == std::vector<std::string>{"Véronique POYET"});
  }
}

TEST_CASE("session: the session's date before the convocation's in one paragraph") {
  CHECK(parse(dated("SEANCE DU CONSEIL MUNICIPAL Mercredi 22 juin 2022 Convocation du 14 Juin 2022"))
            .session.date == std::optional<std::string>("2022-06-22"));
  // The convocation's date alone is not the session's.
  CHECK_FALSE(parse(dated("Convocation du 14 juin 2022")).session.date);
}
