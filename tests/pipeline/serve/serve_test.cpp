// The pieces of greffe serve that read greffe's files and write HTML (pipeline/serve/serve.h).
// The server itself, in a browser and under hostile requests: tests/pipeline/archive/serve_test.
#include <catch2/catch.hpp>

#include "pipeline/serve/serve.h"

using namespace greffe;

TEST_CASE("the word boxes of a page are read from the hOCR greffe writes", "[serve]") {
  const std::string hocr =
      "<div class=\"ocr_page\" id=\"page_1\" title=\"image &quot;a.png&quot;; bbox 0 0 1240 1754; ppageno 0; "
      "scan_res 150 150\">\n"
      "<span class=\"ocrx_word\" id=\"word_1_1\" title=\"bbox 406 111 568 139; x_wconf "
      "93\">METROPOLE</span>\n"
      "<span class=\"ocrx_word\" id=\"word_1_2\" title=\"bbox 10 20 30 40; x_wconf 50\">l&apos;&lt;État&gt; "
      "&amp;</span>\n"
      "<span class=\"ocrx_word\" id=\"word_1_3\" title=\"x_wconf 50\">nobox</span>\n";
  const serve::PageWords page = serve::parse_hocr(hocr);
  CHECK(page.width == 1240);
  CHECK(page.height == 1754);
  CHECK(page.dpi == 150);
  REQUIRE(page.words.size() == 2);
  CHECK(page.words[0].text == "METROPOLE");
  CHECK(page.words[0].left == 406);
  CHECK(page.words[0].bottom == 139);
  CHECK(page.words[1].text == "l'<État> &");
}

TEST_CASE("a page without words, or not hOCR at all, gives no boxes", "[serve]") {
  CHECK(serve::parse_hocr("").words.empty());
  CHECK(serve::parse_hocr("<div class=\"ocr_page\" title=\"bbox 0 0 0 0; ppageno 0\"></div>").width == 0);
  CHECK(serve::parse_hocr(std::string(100000, '<')).words.empty());
}

TEST_CASE("text shown in a page is escaped, never markup", "[serve]") {
  CHECK(serve::html_escape("<img src=x onerror=\"a()\">&'") ==
        "&lt;img src=x onerror=&quot;a()&quot;&gt;&amp;&#39;");
  CHECK(serve::html_escape(std::string("a\x01"
                                       "b\x1b",
                                       4)) == "ab");
  CHECK(serve::html_escape("Délibération\n") == "Délibération\n");
}
