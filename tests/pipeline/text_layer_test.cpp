// Which PDF text layers greffe reads instead of running OCR: real text yes, an OCR layer of junk no.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "pipeline/rasterize/rasterize.h"
#include "pipeline/text_layer.h"
#include "tests/fixtures.h"
#include "tests/pdf_maker.h"

using namespace greffe;

namespace {
constexpr auto kScan = pipeline::LayerOrigin::Scan;
constexpr auto kBornDigital = pipeline::LayerOrigin::BornDigital;
}  // namespace

TEST_CASE("a text layer is read only when it is real French text", "[text_layer]") {
  auto lexicon = cleanup::Lexicon::load("/usr/share/hunspell/fr");
  REQUIRE(lexicon);

  SECTION("the acts' own texts pass") {
    const auto name = GENERATE(as<std::string>{}, "000-scan-300dpi", "001-g4-200dpi", "002-faded-150dpi",
                               "004-scan-200dpi");
    const std::string act = test::read_file(test::fixture(name + ".clean.gt.txt"));
    const auto verdict = pipeline::judge_text_layer(act, *lexicon.value(), kScan);
    CHECK(verdict.usable);
    CHECK(verdict.words > 100);
  }
  SECTION("bare Tesseract's readings of damaged scans do not") {
    // Recorded OCR: the G4 fax (broken words, speckles), the severe page, the page upside down.
    const auto name = GENERATE(as<std::string>{}, "001-g4-200dpi", "000-p1-severe-150dpi", "orientation-180");
    const std::string junk = test::read_file(test::fixture(name + ".tesseract.txt"));
    CHECK_FALSE(pipeline::judge_text_layer(junk, *lexicon.value(), kScan).usable);
  }
  SECTION("an invisible layer of symbols and fragments does not") {
    std::string junk;
    for (int i = 0; i < 40; ++i) junk += "Meétr0p ,, ceuvre I'emploi xq _ | rnatiére fagon ";
    CHECK_FALSE(pipeline::judge_text_layer(junk, *lexicon.value(), kScan).usable);
  }
  SECTION("too few words to judge: OCR") {
    CHECK_FALSE(pipeline::judge_text_layer("Le conseil délibère.", *lexicon.value(), kScan).usable);
    CHECK_FALSE(pipeline::judge_text_layer("", *lexicon.value(), kBornDigital).usable);
  }
  SECTION("a word of accented lowercase letters only is judged, not taken for capitals") {
    CHECK(pipeline::judge_text_layer("à où là ÉTÉ", *lexicon.value(), kScan).words == 3);
  }
  SECTION("names in capitals are not held against a page") {
    std::string names = test::read_file(test::fixture("002-faded-150dpi.clean.gt.txt"));
    for (int i = 0; i < 30; ++i) names += " GAGNON GIBERTI MOUKOMEL ";
    CHECK(pipeline::judge_text_layer(names, *lexicon.value(), kScan).usable);
  }
}

namespace {

// A scan with words added on top: a gray image filling a 300 x 300 pt page, dark bars for its
// lines of print, and a text layer of real French words in a box at the top right, as an
// electronic stamp is added to a scanned act. `with_scan` false: the words alone.
std::string stamped_scan_pdf(bool with_scan) {
  const char* stamp[] = {"le conseil municipal de la commune",  "pour les travaux de la route dans",
                         "le village avec une aide du service", "des eaux et de la ville en haut",
                         "une somme que le maire a voulu pour", "les gens de la commune et la ville"};
  std::string content;
  if (with_scan) content += "q 300 0 0 300 0 0 cm /Im1 Do Q\n";
  content += "BT /F1 5 Tf 6 TL 190 290 Td\n";
  for (const char* line : stamp) content += "(" + test::win_ansi(line) + ") Tj T*\n";
  content += "ET\n";
  std::string samples(100 * 100, '\xff');
  for (int y = 30; y < 95; y += 6)
    for (int row = y; row < y + 3; ++row)
      for (int x = 8; x < 92; ++x) samples[static_cast<std::size_t>(row) * 100 + x] = '\x10';
  return test::make_pdf(
      {"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
       "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 300] /Resources << /Font << /F1 5 0 R >> /XObject << "
       "/Im1 6 0 R >> >> "
       "/Contents 4 0 R >>",
       "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "endstream",
       "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
       "<< /Type /XObject /Subtype /Image /Width 100 /Height 100 /ColorSpace /DeviceGray /BitsPerComponent 8 "
       "/Length 10000 >>\nstream\n" +
           samples + "\nendstream"},
      "");
}

}  // namespace

TEST_CASE("a scan's text layer is read only where it covers the page's ink", "[text_layer]") {
  const auto folder = test::temporary_folder("text-layer-cover");
  for (bool with_scan : {true, false}) {
    const auto input = folder / (with_scan ? "stamped-scan.pdf" : "words-only.pdf");
    test::write_bytes(input, stamped_scan_pdf(with_scan));
    auto document = rasterize::open(input, {});
    REQUIRE(document);
    auto lexicon = cleanup::Lexicon::load("/usr/share/hunspell/fr");
    REQUIRE(lexicon);
    // The stamp's words alone would pass for a born-digital page...
    CHECK(pipeline::judge_text_layer((*document)->text_layer(0), *lexicon.value(), kBornDigital).usable);
    CHECK((*document)->is_scan(0) == with_scan);
    // ...but on the scan they hold a corner of the ink.
    const double cover = (*document)->text_layer_cover(0);
    INFO("cover " << cover);
    if (with_scan)
      CHECK(cover < 0.3);
    else
      CHECK(cover == 1.0);
  }
  const test::Outcome outcome =
      test::run_greffe("run -q --jobs 1 " + (folder / "stamped-scan.pdf").string() + " " +
                           (folder / "words-only.pdf").string() + " -o " + (folder / "out").string(),
                       folder);
  INFO(outcome.err);
  REQUIRE(outcome.exit_code == 0);
  const auto scan = nlohmann::json::parse(test::read_file(folder / "out" / "stamped-scan" / "report.json"));
  CHECK(scan["pages"][0]["source"] == "ocr");
  CHECK(scan["pages"][0]["warnings"][0].get<std::string>().find("covers") != std::string::npos);
  const auto words = nlohmann::json::parse(test::read_file(folder / "out" / "words-only" / "report.json"));
  CHECK(words["pages"][0]["source"] == "text layer");
}

namespace {

// A 300 x 300 pt page of typed lines (Helvetica, 5 pt) drawn over an image of `image_side` points
// at the bottom left: a small logo on a born-digital page, the whole page for a scan.
std::string typed_page_pdf(const std::vector<std::string>& lines, int image_side) {
  std::string content = "q " + std::to_string(image_side) + " 0 0 " + std::to_string(image_side) +
                        " 0 0 cm /Im1 Do Q\nBT /F1 5 Tf 6 TL 10 290 Td\n";
  for (const std::string& line : lines) content += "(" + test::win_ansi(line) + ") Tj T*\n";
  content += "ET\n";
  std::string samples(40 * 40, '\xc0');
  for (int i = 0; i < 40; ++i) samples[static_cast<std::size_t>(i) * 40 + i] = '\x10';
  return test::make_pdf(
      {"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
       "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 300] /Resources << /Font << /F1 5 0 R >> /XObject << "
       "/Im1 6 0 R >> >> /Contents 4 0 R >>",
       "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "endstream",
       "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
       "<< /Type /XObject /Subtype /Image /Width 40 /Height 40 /ColorSpace /DeviceGray /BitsPerComponent 8 "
       "/Length 1600 >>\nstream\n" +
           samples + "\nendstream"},
      "");
}

// Made-up minutes: a list of members present (surnames no dictionary holds) and a table of
// absents with their proxies, as a word processor types them.
const std::vector<std::string> kMinutes = {
    "Etaient présents :",
    "Odile Aubertot - Marcel Chalvidan - Yvette Dufrenoy - Gaël Kerbrat - Anne Lachenal -",
    "Gilles Parmentelat - Jean-Marc Vauquelin - Sandrine Zimmerlin - Loïc Quéméner -",
    "Nadège Bouvarel - Hervé Tixador - Rémi Escoffrey - Claire Gaudemard.",
    "Absents                  Ni pouvoir          Pouvoir donné à",
    "Paul Brunetaud             X",
    "Lucie Fontvieille                            Odile Aubertot",
    "Bernard Rouquayrol                           Gilles Parmentelat",
    "Secrétaire de séance : Anne Lachenal",
    "Budget 2021 : 1 234 567,00 euros"};

}  // namespace

TEST_CASE("a born-digital page's layer is its text, names and tables included", "[text_layer]") {
  auto lexicon = cleanup::Lexicon::load("/usr/share/hunspell/fr");
  REQUIRE(lexicon);
  const auto folder = test::temporary_folder("text-layer-born-digital");

  SECTION("typed minutes with a logo: read from the layer") {
    const auto input = folder / "minutes.pdf";
    test::write_bytes(input, typed_page_pdf(kMinutes, 40));
    auto document = rasterize::open(input, {});
    REQUIRE(document);
    CHECK_FALSE((*document)->is_scan(0));  // the logo covers 2% of the page
    const std::string layer = (*document)->text_layer(0);
    const auto verdict = pipeline::judge_text_layer(layer, *lexicon.value(), kBornDigital);
    INFO(layer);
    CHECK(verdict.usable);
    CHECK(verdict.names >= 20);
    // Over a scan the same words would be recognised again: its names are unknown words.
    CHECK_FALSE(pipeline::judge_text_layer(layer, *lexicon.value(), kScan).usable);

    const test::Outcome outcome =
        test::run_greffe("run -q --jobs 1 " + input.string() + " -o " + (folder / "out").string(), folder);
    INFO(outcome.err);
    REQUIRE(outcome.exit_code == 0);
    const auto report = nlohmann::json::parse(test::read_file(folder / "out" / "minutes" / "report.json"));
    CHECK(report["pages"][0]["source"] == "text layer");
    CHECK(test::read_file(folder / "out" / "minutes" / "text.txt").find("Parmentelat") != std::string::npos);
  }
  SECTION("the same names over a full-page image are a scan's layer, judged strictly") {
    const auto input = folder / "scan.pdf";
    test::write_bytes(input, typed_page_pdf(kMinutes, 300));
    auto document = rasterize::open(input, {});
    REQUIRE(document);
    CHECK((*document)->is_scan(0));
  }
  SECTION("names do not excuse broken words on a born-digital page") {
    // A broken font encoding or a pasted OCR layer: the names pass, the other words do not.
    std::string layer;
    for (std::size_t i = 1; i < 4; ++i) layer += kMinutes[i] + "\n";
    for (int i = 0; i < 4; ++i) layer += "Secrétaire de rnatiére ceuvre I'emploi fagon rOanNais sèance\n";
    const auto verdict = pipeline::judge_text_layer(layer, *lexicon.value(), kBornDigital);
    CHECK(verdict.names + verdict.words >= 20);
    CHECK(verdict.names >= 10);
    CHECK_FALSE(verdict.usable);
  }
  SECTION("names alone hide no misreading: mixed case is no name") {
    std::string layer;
    for (int i = 0; i < 10; ++i) layer += "Odile Aubertot - MarCel ChalviDan - le conseil de la commune\n";
    CHECK_FALSE(pipeline::judge_text_layer(layer, *lexicon.value(), kBornDigital).usable);
  }
}

namespace {

// A 300 x 300 pt page of Helvetica 5 pt, each line drawn at its own place: {x, y from the bottom,
// text}, several on one height for a table's row.
struct PlacedText {
  int x, y;
  std::string text;
};

std::string placed_text_pdf(const std::vector<PlacedText>& placed) {
  std::string content = "BT /F1 5 Tf\n";
  for (const PlacedText& line : placed)
    content += "1 0 0 1 " + std::to_string(line.x) + " " + std::to_string(line.y) + " Tm (" +
               test::win_ansi(line.text) + ") Tj\n";
  content += "ET\n";
  return test::make_pdf(
      {"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
       "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 300] /Resources << /Font << /F1 5 0 R >> >> "
       "/Contents 4 0 R >>",
       "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "endstream",
       "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"},
      "");
}

std::string layer_of(const std::string& pdf, const std::string& name) {
  const auto folder = test::temporary_folder("text-layer-" + name);
  const auto input = folder / (name + ".pdf");
  test::write_bytes(input, pdf);
  auto document = rasterize::open(input, {});
  REQUIRE(document);
  return (*document)->text_layer(0);
}

// The lines of a text, blank ones kept as "".
std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::string line;
  for (char c : text) {
    if (c == '\n') {
      lines.push_back(line.find_first_not_of(" \f") == std::string::npos ? "" : line);
      line.clear();
    } else {
      line += c;
    }
  }
  if (line.find_first_not_of(" \f") != std::string::npos) lines.push_back(line);
  return lines;
}

}  // namespace

TEST_CASE("a born-digital page's paragraphs are kept apart by a blank line", "[text_layer]") {
  SECTION("two paragraphs set further apart than their lines") {
    // Lines 6 to 7 pt apart, as a word processor's spacing varies; the paragraphs 9 pt apart,
    // one line and a half: poppler's layout alone writes a blank line from 10 pt on.
    const std::string layer =
        layer_of(placed_text_pdf({{10, 280, "Présents : Odile Aubertot, Marcel Chalvidan, Yvette Dufrenoy,"},
                                  {10, 274, "Gaël Kerbrat, Anne Lachenal, Gilles Parmentelat."},
                                  {10, 265, "Absents : Paul Brunetaud, pouvoir à Odile Aubertot."},
                                  {10, 259, "Secrétaire de séance : Anne Lachenal."},
                                  {10, 252, "Le conseil municipal, à l'unanimité, approuve le compte"},
                                  {10, 246, "administratif de l'exercice."}}),
                 "paragraphs");
    INFO(layer);
    const std::vector<std::string> lines = lines_of(layer);
    REQUIRE(lines.size() == 7);
    CHECK(lines[0].find("Présents") != std::string::npos);
    CHECK(lines[1].find("Gaël") != std::string::npos);
    CHECK(lines[2].empty());
    CHECK(lines[3].find("Absents") != std::string::npos);
    CHECK(lines[4].find("Secrétaire") != std::string::npos);
    CHECK(lines[6].find("administratif") != std::string::npos);
  }
  SECTION("a table's rows and one paragraph's lines: no blank line") {
    const std::string layer = layer_of(
        placed_text_pdf({{10, 280, "Le conseil municipal décide de modifier les crédits comme suit :"},
                         {10, 274, "Article"},
                         {60, 274, "Objet"},
                         {200, 274, "Montant"},
                         {10, 268, "60611"},
                         {60, 268, "Eau"},
                         {200, 268, "1 000,00"},
                         {10, 262, "6135"},
                         {60, 262, "Locations mobilières"},
                         {200, 262, "1 070,00"},
                         {10, 256, "61523"},
                         {60, 256, "Voies et réseaux"},
                         {200, 256, "3 000,00"}}),
        "table");
    INFO(layer);
    const std::vector<std::string> lines = lines_of(layer);
    CHECK(lines.size() == 5);
    for (const std::string& line : lines) CHECK_FALSE(line.empty());
  }
}
