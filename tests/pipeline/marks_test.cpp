// Lines that are not the act's text are dropped with their reason, the act's lines stay.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>

#include "tests/fixtures.h"
#include "tests/pdf_maker.h"

using namespace greffe;

namespace {

// Ten lines of an act in Helvetica 11 pt, then a line printed upside down and one mirrored (the
// back of the sheet showing through), as a scan of a register's page can hold.
std::string page_with_marks() {
  const char* act[] = {"Le conseil municipal, apres en avoir delibere, decide a l'unanimite :",
                       "d'approuver le projet de renovation de la salle des fetes communale,",
                       "d'autoriser le Maire a signer toute piece relative a cette affaire,",
                       "de solliciter les subventions aupres du departement et de la region.",
                       "La depense sera inscrite au budget primitif de l'exercice en cours.",
                       "Ainsi fait et delibere les jour, mois et an que dessus indiques.",
                       "Pour extrait certifie conforme au registre des deliberations.",
                       "Le Maire certifie le caractere executoire de la presente deliberation.",
                       "Elle peut faire l'objet d'un recours devant le tribunal administratif",
                       "dans un delai de deux mois a compter de sa publication et transmission."};
  std::string content = "BT /F1 11 Tf\n";
  for (int i = 0; i < 10; ++i)
    content += "1 0 0 1 60 " + std::to_string(760 - 18 * i) + " Tm (" + test::win_ansi(act[i]) + ") Tj\n";
  // The short lines that close an act, which the engine may read at low confidence and which must
  // stay: the place and date, the signatory's title, a name.
  content += "1 0 0 1 340 570 Tm (" + test::win_ansi("Le 12/03/2025,") + ") Tj\n";
  content += "1 0 0 1 340 555 Tm (" + test::win_ansi("Le Maire,") + ") Tj\n";
  content += "1 0 0 1 340 540 Tm (" + test::win_ansi("Paul DURAND") + ") Tj\n";
  // Upside down: turned 180 degrees about its own start.
  content += "-1 0 0 -1 520 520 Tm (" + test::win_ansi("Registre des deliberations de la commune") + ") Tj\n";
  // Mirrored left to right, as the back of the sheet seen through it.
  content += "-1 0 0 1 520 460 Tm (" + test::win_ansi("Seance du conseil municipal du douze mars") + ") Tj\n";
  content += "ET\n";
  return test::one_page_pdf(content);
}

}  // namespace

TEST_CASE(
    "a line upside down and a mirrored one are dropped, each with its reason, and the act's lines, "
    "its short closing lines too, stay") {
  const auto folder = test::temporary_folder("marks");
  test::write_bytes(folder / "marks.pdf", page_with_marks());
  const test::Outcome outcome = test::run_greffe(
      "run -q --jobs 1 --ocr always " + (folder / "marks.pdf").string() + " -o " + (folder / "out").string(),
      folder);
  INFO(outcome.err);
  REQUIRE(outcome.exit_code == 0);
  const auto report = nlohmann::json::parse(test::read_file(folder / "out" / "marks" / "report.json"));
  std::string warnings;
  for (const auto& warning : report["pages"][0].value("warnings", nlohmann::json::array()))
    warnings += warning.get<std::string>() + "\n";
  INFO(warnings);
  CHECK(warnings.find("upside down") != std::string::npos);
  CHECK(warnings.find("mirrored") != std::string::npos);
  const std::string text = test::read_file(folder / "out" / "marks" / "text.txt");
  INFO(text);
  for (const char* kept : {"de la salle des", "budget primitif", "tribunal administratif", "transmission",
                           "12/03/2025", "DURAND"})
    CHECK(text.find(kept) != std::string::npos);
  CHECK(warnings.find("DURAND") == std::string::npos);
  CHECK(warnings.find("12/03") ==
        std::string::npos);  // "Le Maire," is read "Le Marre," at times: kept all the same
  const auto lines = test::lines_of(text);
  // "Le Maire," on a line of its own (read "Le Marre," at times: kept all the same).
  CHECK(std::any_of(lines.begin(), lines.end(), [](const std::string& line) {
    return line.rfind("Le Ma", 0) == 0 && line.size() <= 12;
  }));
  // The two other lines lie below the act's: nothing of them follows its last words.
  REQUIRE_FALSE(lines.empty());
  CHECK(lines.back().size() >= 6);
  CHECK(lines.back().compare(lines.back().size() - 6, 6, "DURAND") == 0);
}
