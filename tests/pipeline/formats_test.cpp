// The archive formats (--formats hocr,alto,pdf): the geometry that puts words back on the page,
// then greffe on real fixture pages: ALTO valid against the ALTO 4.4 schema, hOCR's structure,
// searchable.pdf's text (the repaired words) where the words are printed, and its size.
#include <catch2/catch.hpp>

#include <leptonica/allheaders.h>
#include <nlohmann/json.hpp>
#define POINTERHOLDER_TRANSITION 4
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <opencv2/imgproc.hpp>

#include <sys/wait.h>

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <regex>

#include "models/geometry.h"
#include "pipeline/output/alto.h"
#include "pipeline/output/formats.h"
#include "pipeline/output/hocr.h"
#include "pipeline/output/searchable_pdf.h"
#include "pipeline/preprocess/preprocess.h"
#include "pipeline/rasterize/rasterize.h"
#include "tests/fixtures.h"

using namespace greffe;

namespace {

const std::filesystem::path kAltoSchema = std::filesystem::path(GREFFE_TESTS) / "pipeline/alto/alto-4-4.xsd";

// Runs a shell command; its exit status, and stdout in `output`.
int shell(const std::string& command, std::string* output = nullptr,
          const std::filesystem::path& folder = {}) {
  const auto captured =
      (folder.empty() ? std::filesystem::temp_directory_path() : folder) / "shell-output.txt";
  const int status = std::system((command + " >" + captured.string() + " 2>&1").c_str());
  if (output) *output = test::read_file(captured);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

struct WordBox {
  std::string text;
  double left = 0, top = 0, right = 0, bottom = 0;  // points, y down
  double centre_x() const { return (left + right) / 2; }
  double centre_y() const { return (top + bottom) / 2; }
};

std::string xml_unescape(std::string text) {
  const std::pair<const char*, const char*> entities[] = {{"&lt;", "<"},   {"&gt;", ">"},  {"&quot;", "\""},
                                                          {"&apos;", "'"}, {"&#39;", "'"}, {"&amp;", "&"}};
  for (const auto& [entity, character] : entities)
    for (std::size_t at; (at = text.find(entity)) != std::string::npos;)
      text.replace(at, std::strlen(entity), character);
  return text;
}

// pdftotext -bbox of one page: its words and their boxes in points.
std::vector<WordBox> pdf_words(const std::filesystem::path& pdf, int page) {
  std::string xml;
  const std::string p = std::to_string(page);
  REQUIRE(shell("pdftotext -bbox -f " + p + " -l " + p + " " + pdf.string() + " -", &xml) == 0);
  std::vector<WordBox> words;
  static const std::regex word(
      R"re(<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>)re");
  for (std::sregex_iterator it(xml.begin(), xml.end(), word), end; it != end; ++it)
    words.push_back({xml_unescape((*it)[5]), std::stod((*it)[1]), std::stod((*it)[2]), std::stod((*it)[3]),
                     std::stod((*it)[4])});
  return words;
}

// The Strings of an ALTO page, their boxes turned from pixels into points at `dpi`; words cut at
// a line end (SUBS_TYPE) are left out, since the PDF carries them with their hyphen.
std::vector<WordBox> alto_words(const std::string& alto, int dpi) {
  std::vector<WordBox> words;
  static const std::regex string(
      R"re(<String ID="[^"]*" CONTENT="([^"]*)" HPOS="(-?\d+)" VPOS="(-?\d+)" WIDTH="(\d+)" HEIGHT="(\d+)" WC="[^"]*"/>)re");
  const double k = 72.0 / dpi;
  for (std::sregex_iterator it(alto.begin(), alto.end(), string), end; it != end; ++it) {
    const double left = std::stod((*it)[2]) * k, top = std::stod((*it)[3]) * k;
    words.push_back(
        {xml_unescape((*it)[1]), left, top, left + std::stod((*it)[4]) * k, top + std::stod((*it)[5]) * k});
  }
  return words;
}

struct Placement {
  std::size_t words = 0;
  std::size_t placed = 0;  // found in the PDF with the same text, centred within 2 points
  double worst_centre = 0;
};

// Every ALTO word against the PDF's text layer.
Placement placement(const std::vector<WordBox>& alto, const std::vector<WordBox>& pdf) {
  Placement result;
  for (const WordBox& word : alto) {
    ++result.words;
    double nearest = 1e9;
    for (const WordBox& candidate : pdf)
      if (candidate.text == word.text)
        nearest = std::min(nearest, std::hypot(candidate.centre_x() - word.centre_x(),
                                               candidate.centre_y() - word.centre_y()));
    if (nearest < 2.0) {
      ++result.placed;
      result.worst_centre = std::max(result.worst_centre, nearest);
    }
  }
  return result;
}

std::size_t count(const std::string& text, const std::string& word) {
  std::size_t n = 0;
  for (std::size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + word.size())) ++n;
  return n;
}

int run_greffe(const std::string& arguments, const std::filesystem::path& folder) {
  std::string output;
  const int code = shell(std::string(GREFFE_BINARY) + " run -q --jobs 2 " + arguments, &output, folder);
  INFO(output);
  CHECK(output.empty());
  return code;
}

// A PGM (P5) as pdftoppm -gray writes it.
Raster read_pgm(const std::filesystem::path& path) {
  const std::string bytes = test::read_file(path);
  std::istringstream in(bytes);
  std::string magic;
  int width = 0, height = 0, maximum = 0;
  in >> magic >> width >> height >> maximum;
  in.get();
  Raster raster(width, height, 0);
  in.read(reinterpret_cast<char*>(raster.pixels.data()), static_cast<std::streamsize>(raster.pixels.size()));
  return raster;
}

// Mean absolute difference of two rasters of the same size, in gray levels.
double mean_difference(const Raster& a, const Raster& b) {
  double sum = 0;
  for (std::size_t i = 0; i < a.pixels.size(); ++i) sum += std::abs(a.pixels[i] - b.pixels[i]);
  return sum / static_cast<double>(a.pixels.size());
}

}  // namespace

TEST_CASE("page transforms compose and invert") {
  const PageTransform turn = PageTransform::turn_clockwise(90, 200, 100);  // 200 wide, 100 high
  const Point corner = turn.apply({0, 0});  // the top-left corner goes to the top-right
  CHECK(corner.x == Approx(100));
  CHECK(corner.y == Approx(0));
  const PageTransform chain = turn.then(PageTransform::scale(2, 2)).then(PageTransform::translate(5, -3));
  const Point there = chain.apply({37, 21});
  const Point back = chain.inverse().apply(there);
  CHECK(back.x == Approx(37));
  CHECK(back.y == Approx(21));
  const Point turned_back = PageTransform::turn_clockwise(270, 100, 200).apply(turn.apply({37, 21}));
  CHECK(turned_back.x == Approx(37));
  CHECK(turned_back.y == Approx(21));
}

TEST_CASE("the --formats list names the files to write") {
  const auto all = output::parse_formats("text,json,hocr,alto,pdf");
  REQUIRE(all);
  CHECK((all.value().hocr && all.value().alto && all.value().pdf && all.value().text && all.value().json));
  const auto some = output::parse_formats("alto");
  REQUIRE(some);
  CHECK((some.value().alto && !some.value().text && !some.value().json && !some.value().pdf));
  CHECK(!output::parse_formats("docx"));
  CHECK(output::parse_formats("text,docx").error().kind == ErrorKind::BadArguments);
  CHECK(!output::parse_formats(""));
}

TEST_CASE("a word cut at a line end is two ALTO Strings with the joined word, and the file is valid") {
  // Two lines of a page: "… néces-" / "saire …", the second a stamp's neighbour, a '&' to escape.
  output::PlacedPage page;
  page.width = 1000;
  page.height = 1400;
  page.dpi = 300;
  page.text_angle = 1.25;
  output::PlacedLine first, second, stamp;
  first.words = {{"Dupont", {100, 100, 120, 30}, {}, 91, 0, ""},
                 {"&", {230, 100, 20, 30}, {}, 80, 0, ""},
                 {"néces-", {260, 100, 110, 30}, {}, 88, 1, "nécessaire"}};
  first.box = {100, 100, 270, 30};
  second.words = {{"saire", {100, 140, 90, 30}, {}, 93, 2, "nécessaire"}};
  second.box = {100, 140, 90, 30};
  stamp.words = {{"Reçu", {600, 900, 80, 30}, {}, 95, 0, ""}};
  stamp.box = {600, 900, 80, 30};
  stamp.stamp = true;
  stamp.block = stamp.paragraph = 1;
  page.lines = {first, second, stamp};

  const auto folder = test::temporary_folder("formats-alto-unit");
  const std::string alto = output::alto_page(page, 3, "scan & co.tif");
  std::ofstream(folder / "page.xml") << alto;
  std::string output;
  CHECK(
      shell("xmllint --noout --nonet --schema " + kAltoSchema.string() + " " + (folder / "page.xml").string(),
            &output, folder) == 0);
  INFO(output);
  CHECK(
      alto.find(
          R"(CONTENT="néces" HPOS="260" VPOS="100" WIDTH="110" HEIGHT="30" WC="0.88" SUBS_TYPE="HypPart1" SUBS_CONTENT="nécessaire"/>)") !=
      std::string::npos);
  CHECK(alto.find(R"(<HYP CONTENT="-"/>)") != std::string::npos);
  CHECK(
      alto.find(
          R"(CONTENT="saire" HPOS="100" VPOS="140" WIDTH="90" HEIGHT="30" WC="0.93" SUBS_TYPE="HypPart2" SUBS_CONTENT="nécessaire"/>)") !=
      std::string::npos);
  CHECK(alto.find(R"(CONTENT="&amp;")") != std::string::npos);
  CHECK(count(alto, "TAGREFS=\"STAMP\"") == 1);
  CHECK(alto.find(R"(ROTATION="1.25")") != std::string::npos);

  const std::string hocr = output::hocr_page(page, 3, "scan & co.tif");
  std::ofstream(folder / "page.hocr") << hocr;
  CHECK(shell("xmllint --noout --nonet " + (folder / "page.hocr").string(), nullptr, folder) == 0);
  CHECK(hocr.find(R"(title="bbox 260 100 370 130; x_wconf 88">néces-</span>)") != std::string::npos);
  CHECK(hocr.find("textangle 1.25") != std::string::npos);
  CHECK(hocr.find("ppageno 2; scan_res 300 300") != std::string::npos);
  CHECK(count(hocr, "ocr_line greffe_stamp") == 1);
}

TEST_CASE("in searchable.pdf, a word cut at a line end is found whole") {
  // A 300 dpi PNG page and its OCR, made here: "Il est néces-" / "saire ici."
  const auto folder = test::temporary_folder("formats-pdf-cut");
  const auto image = folder / "page.png";
  PIX* pix = pixCreate(1000, 400, 8);
  pixSetAllArbitrary(pix, 255);
  pixSetResolution(pix, 300, 300);
  REQUIRE(pixWrite(image.string().c_str(), pix, IFF_PNG) == 0);
  pixDestroy(&pix);

  DocumentResult document;
  document.input = image.string();
  PageResult page;
  page.report.dpi = 300;
  page.source_width = 1000;
  page.source_height = 400;
  TextLine first, second;
  first.words = {{"Il", {100, 100, 40, 40}, 95, ""},
                 {"est", {160, 100, 70, 40}, 95, ""},
                 {"néces-", {250, 100, 150, 40}, 90, ""}};
  second.words = {{"saire", {100, 200, 110, 40}, 92, ""}, {"ici.", {230, 200, 70, 40}, 96, ""}};
  page.ocr.lines = {first, second};
  document.pages = {page};
  using cleanup::CleanWord;
  using cleanup::WordRole;
  const output::CleanLines words = {
      {{"Il", WordRole::Text, "", 0, ""},
       {"est", WordRole::Text, "", 0, ""},
       {"néces-", WordRole::Text, "", 1, "nécessaire"}},
      {{"saire", WordRole::Text, "", 2, "nécessaire"}, {"ici.", WordRole::Text, "", 0, ""}}};

  const auto pdf = output::searchable_pdf(document, {words});
  REQUIRE(pdf);
  std::ofstream(folder / "page.pdf", std::ios::binary) << pdf.value();
  std::string text;
  REQUIRE(shell("pdftotext " + (folder / "page.pdf").string() + " -", &text, folder) == 0);
  // As text.txt reads: the whole word where it starts, nothing left of its second part.
  std::istringstream tokens(text);
  std::string read;
  for (std::string token; tokens >> token;) read += (read.empty() ? "" : " ") + token;
  CHECK(read == "Il est nécessaire ici.");
  const auto placed = pdf_words(folder / "page.pdf", 1);
  REQUIRE(placed.size() == 4);
  CHECK(placed[2].text == "nécessaire");
  CHECK(placed[2].left == Approx(250 * 72.0 / 300).margin(0.5));  // where "néces-" is printed
}

TEST_CASE("preprocess says where a point of the page lands on the image it gives the engine") {
  // A 150 dpi page (resampled to 300), skewed by 3 degrees, with a square mark among text lines.
  cv::Mat page(1754, 1240, CV_8UC1, cv::Scalar(255));
  for (int y = 150, n = 0; y < 1600; y += 35, ++n)
    cv::putText(page, "Le Bureau de la Metropole delibere sur la subvention", {100 + (n * 17) % 60, y},
                cv::FONT_HERSHEY_SIMPLEX, 0.8, cv::Scalar(0), 2);
  cv::rectangle(page, cv::Rect(1000, 1650, 40, 40), cv::Scalar(0), cv::FILLED);
  const cv::Mat skew = cv::getRotationMatrix2D({620, 877}, 3.0, 1.0);
  cv::Mat skewed;
  cv::warpAffine(page, skewed, skew, page.size(), cv::INTER_LINEAR, cv::BORDER_CONSTANT, cv::Scalar(255));
  Raster raster(skewed.cols, skewed.rows, 150);
  std::memcpy(raster.pixels.data(), skewed.data, raster.pixels.size());
  // The mark's centre on the skewed page (pixel edges: the square spans 1000..1040).
  const double cx = 1020 - 0.5, cy = 1670 - 0.5;
  const Point mark{skew.at<double>(0, 0) * cx + skew.at<double>(0, 1) * cy + skew.at<double>(0, 2) + 0.5,
                   skew.at<double>(1, 0) * cx + skew.at<double>(1, 1) * cy + skew.at<double>(1, 2) + 0.5};

  const preprocess::Result result = preprocess::run({}, raster);
  REQUIRE(std::abs(result.skew_degrees - 3.0) < 0.2);
  REQUIRE(result.image.dpi == 300);
  const Point expected = result.to_image.apply(mark);
  // The centroid of the ink around the expected place is that place.
  double sum_x = 0, sum_y = 0, ink = 0;
  for (int y = static_cast<int>(expected.y) - 60; y < expected.y + 60; ++y)
    for (int x = static_cast<int>(expected.x) - 60; x < expected.x + 60; ++x)
      if (x >= 0 && y >= 0 && x < result.image.width && y < result.image.height &&
          result.image.pixels[static_cast<std::size_t>(y) * result.image.width + x] == 0) {
        sum_x += x + 0.5;
        sum_y += y + 0.5;
        ++ink;
      }
  REQUIRE(ink > 4000);  // the 80 x 80 square, resampled, is there
  CHECK(std::abs(sum_x / ink - expected.x) < 2.0);
  CHECK(std::abs(sum_y / ink - expected.y) < 2.0);
  // And back: the page's own corner.
  const Point corner = result.to_image.inverse().apply(result.to_image.apply({0, 0}));
  CHECK(std::abs(corner.x) < 1e-6);
}

// Page 1 of the G4 TIFF fixture, alone, through greffe once for every section below: its OCR
// reads "Metropole" once, which cleanup repairs.
struct TiffRun {
  std::filesystem::path folder, input, document;
  int exit_code = -1;
};

const TiffRun& tiff_run() {
  static const TiffRun run = [] {
    TiffRun made;
    made.folder = test::temporary_folder("formats-tiff");
    made.input = made.folder / "g4-page1.tif";
    PIX* page = pixReadTiff(test::fixture("001-g4-200dpi.tif").string().c_str(), 0);
    if (page) pixWriteTiff(made.input.string().c_str(), page, IFF_TIFF_G4, "w");
    pixDestroy(&page);
    const auto out = made.folder / "out";
    made.exit_code = run_greffe(
        made.input.string() + " -o " + out.string() + " --formats text,json,hocr,alto,pdf", made.folder);
    made.document = out / "g4-page1";
    return made;
  }();
  return run;
}

TEST_CASE("greffe run --formats writes hOCR, valid ALTO 4.4 and a searchable PDF of the repaired words") {
  const TiffRun& run = tiff_run();
  REQUIRE(run.exit_code == 0);
  const auto& folder = run.folder;
  const auto& input = run.input;
  const auto& document = run.document;
  const std::string raw = test::read_file(document / "raw.txt");
  const auto report = nlohmann::json::parse(test::read_file(document / "report.json"));
  const int dpi = report["pages"][0]["dpi"];
  REQUIRE(dpi == 200);

  SECTION("ALTO validates against the ALTO 4.4 schema, offline") {
    REQUIRE(std::filesystem::exists(document / "alto/0001.xml"));
    std::string output;
    CHECK(shell("xmllint --noout --nonet --schema " + kAltoSchema.string() + " " +
                    (document / "alto/0001.xml").string(),
                &output, folder) == 0);
    INFO(output);
    CHECK(output.find("validates") != std::string::npos);
    const std::string alto = test::read_file(document / "alto/0001.xml");
    CHECK(count(alto, "TAGREFS=\"STAMP\"") >= 3);  // the @ctes receipt, kept and tagged
    CHECK(alto.find("CONTENT=\"Metropole\"") == std::string::npos);
    CHECK(alto.find("WC=\"") != std::string::npos);
  }

  SECTION("hOCR: well-formed, a page of the scan's size, words with boxes and confidences") {
    const std::string hocr = test::read_file(document / "hocr/0001.hocr");
    CHECK(shell("xmllint --noout --nonet " + (document / "hocr/0001.hocr").string(), nullptr, folder) == 0);
    PIX* page = pixReadTiff(input.string().c_str(), 0);
    const std::string page_box =
        "bbox 0 0 " + std::to_string(pixGetWidth(page)) + " " + std::to_string(pixGetHeight(page));
    pixDestroy(&page);
    CHECK(count(hocr, "class=\"ocr_page\"") == 1);
    CHECK(hocr.find(page_box + "; ppageno 0; scan_res 200 200") != std::string::npos);
    CHECK(count(hocr, "class=\"ocr_carea\"") >= 5);
    CHECK(count(hocr, "class=\"ocr_par\"") >= 5);
    const std::size_t words = count(hocr, "class=\"ocrx_word\"");
    CHECK(words > 300);
    static const std::regex word(
        R"re(<span class="ocrx_word" id="word_1_\d+" title="bbox \d+ \d+ \d+ \d+; x_wconf \d+">)re");
    CHECK(static_cast<std::size_t>(std::distance(std::sregex_iterator(hocr.begin(), hocr.end(), word),
                                                 std::sregex_iterator())) == words);
    CHECK(count(hocr, "ocr_line greffe_stamp") >= 3);
    // The same words as ALTO.
    CHECK(words == count(test::read_file(document / "alto/0001.xml"), "<String "));
  }

  SECTION("hOCR's words off the stamp lines are text.txt's words, repairs included") {
    // No word of this page is cut at a line end (its parts would be two words here, one there).
    REQUIRE(test::read_file(document / "cleanup.jsonl").find("dehyphenate") == std::string::npos);
    const std::string hocr = test::read_file(document / "hocr/0001.hocr");
    static const std::regex line(
        R"re(<span class="ocr_line( greffe_stamp)?"[^>]*>\n((?:\s*<span class="ocrx_word"[^>]*>[^<]*</span>\n)*))re");
    static const std::regex word(R"re(class="ocrx_word"[^>]*>([^<]*)</span>)re");
    std::string words;
    for (std::sregex_iterator it(hocr.begin(), hocr.end(), line), end; it != end; ++it) {
      if ((*it)[1].matched) continue;
      const std::string spans = (*it)[2];
      for (std::sregex_iterator w(spans.begin(), spans.end(), word); w != end; ++w)
        words += (words.empty() ? "" : " ") + xml_unescape((*w)[1]);
    }
    std::istringstream text(test::read_file(document / "text.txt"));
    std::string expected;
    for (std::string token; text >> token;) expected += (expected.empty() ? "" : " ") + token;
    CHECK(words == expected);
  }

  SECTION("searchable.pdf: the repaired word is found, each word sits on its image, the size is kept") {
    const auto pdf = document / "searchable.pdf";
    std::string text;
    REQUIRE(shell("pdftotext " + pdf.string() + " -", &text, folder) == 0);
    REQUIRE(count(raw, "Metropole") >= 1);  // the damaged form the engine gave
    CHECK(count(text, "Metropole") == 0);
    CHECK(count(text, "Métropole") == count(raw, "Métropole") + count(raw, "Metropole"));

    const Placement placed =
        placement(alto_words(test::read_file(document / "alto/0001.xml"), dpi), pdf_words(pdf, 1));
    INFO(placed.placed << " of " << placed.words << " words placed; worst centre " << placed.worst_centre
                       << " pt");
    CHECK(placed.words > 300);
    CHECK(placed.placed >= placed.words * 95 / 100);

    const auto input_size = std::filesystem::file_size(input), pdf_size = std::filesystem::file_size(pdf);
    INFO("input " << input_size << " bytes, searchable.pdf " << pdf_size);
    CHECK(pdf_size <= input_size * 12 / 10);

    // The page image is the scan, upright and not inverted: rendered at its resolution, it is the TIFF.
    REQUIRE(shell("pdftoppm -r 200 -gray -singlefile " + pdf.string() + " " + (folder / "render").string(),
                  nullptr, folder) == 0);
    const Raster rendered = read_pgm(folder / "render.pgm");
    auto opened = rasterize::open(input, {});
    REQUIRE(opened);
    auto scan = opened.value()->render(0);
    REQUIRE(scan);
    REQUIRE(rendered.width == scan.value().width);
    REQUIRE(rendered.height == scan.value().height);
    // Measured: 4 gray levels (poppler's resampling); the page upside down gives 22, inverted 251.
    CHECK(mean_difference(rendered, scan.value()) < 8.0);
  }
}

TEST_CASE("searchable.pdf of a PDF keeps the page and its image as they were, and adds the words") {
  // Page 1 of the 200 dpi PDF fixture, alone (qpdf copies it without touching its image).
  const auto folder = test::temporary_folder("formats-pdf");
  const auto input = folder / "scan-page1.pdf";
  {
    QPDF source;
    source.processFile(test::fixture("004-scan-200dpi.pdf").string().c_str());
    QPDF single;
    single.emptyPDF();
    QPDFPageDocumentHelper(single).addPage(QPDFPageDocumentHelper(source).getAllPages().at(0), false);
    const std::string written = input.string();  // QPDFWriter keeps the pointer until write()
    QPDFWriter writer(single, written.c_str());
    writer.write();
  }
  const auto out = folder / "out";
  REQUIRE(run_greffe(input.string() + " -o " + out.string() + " --formats alto,pdf", folder) == 0);
  const auto pdf = out / "scan-page1/searchable.pdf";

  auto image_data = [](const std::filesystem::path& path) {
    QPDF file;
    file.processFile(path.string().c_str());
    std::vector<std::string> images;
    for (auto& [name, image] : QPDFPageDocumentHelper(file).getAllPages().at(0).getImages())
      images.push_back(image.getRawStreamData()->getSize()
                           ? std::string(reinterpret_cast<const char*>(image.getRawStreamData()->getBuffer()),
                                         image.getRawStreamData()->getSize())
                           : "");
    return images;
  };
  const auto before = image_data(input), after = image_data(pdf);
  REQUIRE(before.size() == 1);
  CHECK(after == before);  // the scan's bytes, untouched

  const auto input_size = std::filesystem::file_size(input), pdf_size = std::filesystem::file_size(pdf);
  INFO("input " << input_size << " bytes, searchable.pdf " << pdf_size);
  CHECK(pdf_size <= input_size * 12 / 10);

  // Rendered at 300 dpi (greffe's default): ALTO is in those pixels.
  const Placement placed =
      placement(alto_words(test::read_file(out / "scan-page1/alto/0001.xml"), 300), pdf_words(pdf, 1));
  INFO(placed.placed << " of " << placed.words << " words placed; worst centre " << placed.worst_centre
                     << " pt");
  CHECK(placed.words > 200);
  CHECK(placed.placed >= placed.words * 95 / 100);
}
