// The debug sink and the viewer's data: what preprocess shows of each step, the image files,
// and the escaping that keeps a document's text from becoming markup. The viewer in a real
// browser is tests/pipeline/viewer_browser_test.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "pipeline/debug/page_images.h"
#include "pipeline/debug/viewer.h"
#include "pipeline/preprocess/preprocess.h"
#include "pipeline/rasterize/rasterize.h"
#include "tests/fixtures.h"

using namespace greffe;

namespace {

// Keeps what a stage shows, in memory.
struct RecordingSink : DebugSink {
  std::vector<std::string> stages;
  std::vector<std::string> labels;
  std::vector<Raster> images;
  std::vector<std::string> notes;
  void add_image(std::string_view stage, std::string_view label, const Raster& image) override {
    stages.emplace_back(stage);
    labels.emplace_back(label);
    images.push_back(image);
  }
  void add_text(std::string_view stage, std::string_view text) override {
    notes.push_back(std::string(stage) + ": " + std::string(text));
  }
};

std::filesystem::path temporary_folder(const std::string& name) {
  const auto folder = std::filesystem::temp_directory_path() / ("greffe-debug-test-" + name);
  std::filesystem::remove_all(folder);
  return folder;
}

Raster first_page(const std::string& fixture) {
  auto document = rasterize::open(test::fixture(fixture), {});
  REQUIRE(document);
  auto page = document.value()->render(0);
  REQUIRE(page);
  return std::move(page.value());
}

}  // namespace

TEST_CASE("preprocess shows each step it ran to the debug sink, and the sink changes nothing") {
  const Raster page = first_page("002-faded-150dpi.png");  // 150 dpi, skewed -3.5°: every step runs
  const preprocess::Options options;
  const preprocess::Result plain = preprocess::run(options, page);
  RecordingSink sink;
  const preprocess::Result shown = preprocess::run(options, page, &sink);

  CHECK(shown.image.pixels == plain.image.pixels);
  CHECK(shown.skew_degrees == plain.skew_degrees);
  CHECK(sink.stages == std::vector<std::string>{"rasterize", "lighting", "deskew", "denoise", "binarize"});
  REQUIRE(sink.images.size() == 5);
  CHECK(sink.images.front().pixels == page.pixels);
  CHECK(sink.images.front().dpi == 150);
  // The last image shown is the one the engine reads: the word boxes are drawn over it.
  CHECK(sink.images.back().pixels == shown.image.pixels);
  CHECK(sink.images[2].dpi == 300);  // resampled before deskew
  CHECK(sink.labels[2].find("resampled from 150 dpi") != std::string::npos);
  CHECK(sink.labels[2].find("skew -3.") != std::string::npos);
  CHECK(sink.notes.size() == 1);  // the up/down verdict

  SECTION("a step that is off shows nothing") {
    preprocess::Options some = options;
    some.deskew = false;
    some.denoise = false;
    some.min_dpi = 0;
    RecordingSink fewer;
    preprocess::run(some, page, &fewer);
    CHECK(fewer.stages == std::vector<std::string>{"rasterize", "lighting", "binarize"});
  }
}

TEST_CASE("page images are written as <page:04>_<stage>.png, readable at their size") {
  const auto folder = temporary_folder("images");
  debug::PageImages images(folder, 7);
  Raster gray(40, 30, 300);
  gray.pixels[5] = 0;
  images.add_image("deskew", "deskewed", gray);
  images.add_image("deskew", "again", gray);
  images.add_text("orientation", "sure");
  REQUIRE(images.errors().empty());
  REQUIRE(images.images().size() == 2);
  CHECK(images.images()[0].file == "0007_deskew.png");
  CHECK(images.images()[1].file == "0007_deskew_2.png");
  const cv::Mat read = cv::imread((folder / "0007_deskew.png").string(), cv::IMREAD_UNCHANGED);
  REQUIRE(!read.empty());
  CHECK(read.cols == 40);
  CHECK(read.rows == 30);
  CHECK(read.at<std::uint8_t>(0, 5) == 0);
  CHECK(images.notes().size() == 1);
  std::filesystem::remove_all(folder);

  SECTION("a folder that cannot be written is an error, not a crash") {
    debug::PageImages nowhere("/proc/greffe-cannot-write-here", 1);
    nowhere.add_image("rasterize", "raw", gray);
    CHECK(nowhere.images().empty());
    CHECK(nowhere.errors().size() == 1);
  }
}

TEST_CASE("the viewer's data cannot close its <script> element, and says what cleanup did") {
  DocumentResult document;
  document.input = "scan.pdf";
  document.stem = "scan";
  document.page_count = 1;
  PageResult page;
  page.report.number = 1;
  page.ocr.text =
      "</script><script>alert(1)</script>\n\"><img src=x onerror=alert(1)>\n<!-- x\nSigné le 18 Février "
      "2021\n";
  page.ocr.lines.push_back({{{"</script>", {1, 2, 3, 4}, 91.5f, ""}}, {}, 0, 0});
  page.clean_text = "</script><script>alert(1)</script>\n";
  document.pages.push_back(page);
  std::vector<cleanup::Change> changes = {{1, 4, "stamp", "Signé le 18 Février 2021", ""},
                                          {1, 1, "accent", "<b>", "<i>"}};
  Deliberation deliberation;
  deliberation.title = "<script>alert(2)</script>";
  debug::DocumentDebug shown{&document, &changes, &deliberation, {}};

  const std::string json = debug::viewer_data_json(shown);
  CHECK(json.find('<') == std::string::npos);
  const auto data = nlohmann::json::parse(json);
  CHECK(data["pages"][0]["raw"] == page.ocr.text);  // the same text once parsed
  CHECK(data["pages"][0]["lines"][0][0][0] == "</script>");
  CHECK(data["pages"][0]["lines"][0][0][5] == 91.5);
  CHECK(data["deliberation"]["title"] == "<script>alert(2)</script>");
  CHECK(data["changes"][0]["stamp"]["signed_on"] == "2021-02-18");  // what the stamp line said
  CHECK(data["changes"][1]["before"] == "<b>");

  const std::string html = debug::viewer_html(shown);
  CHECK(html.find("GREFFE_DATA") == std::string::npos);
  CHECK(html.find(json) != std::string::npos);
  // The viewer's own markup and two scripts, nothing from the document.
  CHECK(html.find("<script>alert") == std::string::npos);
  CHECK(html.find("<img src=x") == std::string::npos);

  SECTION("bytes that are not UTF-8 become U+FFFD") {
    document.pages[0].ocr.text = "caf\xE9 \xFF";
    const auto parsed = nlohmann::json::parse(debug::viewer_data_json(shown));
    CHECK(parsed["pages"][0]["raw"] == "caf\xEF\xBF\xBD \xEF\xBF\xBD");
  }
}
