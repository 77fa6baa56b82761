#include <catch2/catch.hpp>

#include <leptonica/allheaders.h>

#include <fstream>

#include "pipeline/rasterize/rasterize.h"
#include "tests/fixtures.h"
#include "tests/pdf_maker.h"

using namespace greffe;

namespace {

std::filesystem::path write_bytes(const std::string& name, const std::string& bytes) {
  const auto path = test::temporary_folder("rasterize") / name;
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

ErrorKind open_error(const std::filesystem::path& path) {
  auto document = rasterize::open(path, {});
  REQUIRE_FALSE(document);
  CHECK(document.error().input == path.string());
  return document.error().kind;
}

bool only_black_and_white(const Raster& raster) {
  for (std::uint8_t value : raster.pixels)
    if (value != 0 && value != 255) return false;
  return true;
}

}  // namespace

TEST_CASE("PDF pages are rendered in grayscale at the requested dpi") {
  rasterize::Options options;
  options.dpi = 150;
  auto document = rasterize::open(test::fixture("000-scan-300dpi.pdf"), options);
  REQUIRE(document);
  CHECK((*document)->page_count() == 3);
  auto page = (*document)->render(2);
  REQUIRE(page);
  CHECK(page->dpi == 150);
  CHECK(std::abs(page->width - 1240) <= 2);  // A4 at 150 dpi
  CHECK(std::abs(page->height - 1754) <= 2);
  CHECK(page->pixels.size() == static_cast<std::size_t>(page->width) * page->height);
}

TEST_CASE("images are read with the resolution they state") {
  SECTION("multi-page bilevel G4 TIFF") {
    auto document = rasterize::open(test::fixture("001-g4-200dpi.tif"), {});
    REQUIRE(document);
    CHECK((*document)->page_count() == 3);
    auto page = (*document)->render(1);
    REQUIRE(page);
    CHECK(page->dpi == 200);
    CHECK(only_black_and_white(*page));
  }
  SECTION("PNG") {
    auto document = rasterize::open(test::fixture("002-faded-150dpi.png"), {});
    REQUIRE(document);
    CHECK((*document)->page_count() == 1);
    auto page = (*document)->render(0);
    REQUIRE(page);
    CHECK(page->dpi == 150);
  }
  SECTION("JPEG") {
    auto document = rasterize::open(test::fixture("000-p1-severe-150dpi.jpg"), {});
    REQUIRE(document);
    auto page = (*document)->render(0);
    REQUIRE(page);
    CHECK(page->dpi == 150);
    CHECK(std::abs(page->width - 1240) <= 2);
  }
}

TEST_CASE("PNG and JPEG decode to the pixels Leptonica gave, with the same resolution") {
  // greffe read them with Leptonica (pixRead, then pixConvertTo8) before reading them with
  // libpng and libjpeg: the fixture pages and a seed of every colour type must not change.
  setMsgSeverity(L_SEVERITY_NONE);
  std::vector<std::string> names = {"000-p1-severe-150dpi.jpg", "002-faded-150dpi.png", "hostile-markup-300dpi.png",
                                    "orientation-180.png", "orientation-90.png", "bad/one-pixel.png"};
  for (const char* seed : {"gray.png", "colour.png", "palette.png", "bilevel.png", "gray16.png", "gray-alpha.png",
                           "gray.jpg", "colour.jpg", "cmyk.jpg", "progressive.jpg"})
    names.push_back(std::string("fuzz/load-seeds/") + seed);
  for (const std::string& name : names) {
    INFO(name);
    const auto path = test::fixture(name);
    auto document = rasterize::open(path, {});
    REQUIRE(document);
    auto page = (*document)->render(0);
    REQUIRE(page);

    PIX* original = pixRead(path.string().c_str());
    REQUIRE(original);
    PIX* gray = pixConvertTo8(original, 0);
    REQUIRE(gray);
    CHECK(page->width == pixGetWidth(gray));
    CHECK(page->height == pixGetHeight(gray));
    CHECK(page->dpi == (pixGetXRes(original) > 0 ? pixGetXRes(original) : 300));
    std::size_t different = 0;
    if (page->width == pixGetWidth(gray) && page->height == pixGetHeight(gray))
      for (int y = 0; y < page->height; ++y) {
        const l_uint32* line = pixGetData(gray) + static_cast<std::size_t>(y) * pixGetWpl(gray);
        for (int x = 0; x < page->width; ++x)
          different += page->pixels[static_cast<std::size_t>(y) * page->width + x] != GET_DATA_BYTE(line, x);
      }
    CHECK(different == 0);
    pixDestroy(&gray);
    pixDestroy(&original);
  }
}

TEST_CASE("bad inputs give an error of the right kind, never a crash") {
  SECTION("missing file") { CHECK(open_error("/nonexistent/scan.pdf") == ErrorKind::UnreadableInput); }
  SECTION("empty file") { CHECK(open_error(write_bytes("empty.pdf", "")) == ErrorKind::UnreadableInput); }
  SECTION("wrong magic") {
    CHECK(open_error(write_bytes("notes.pdf", "Séance du 18 février\n")) == ErrorKind::UnreadableInput);
  }
  SECTION("PDF with no pages") {
    CHECK(open_error(write_bytes("nopages.pdf", test::pdf_without_pages())) == ErrorKind::UnreadableInput);
  }
  SECTION("encrypted PDF") {
    CHECK(open_error(write_bytes("locked.pdf", test::encrypted_pdf())) == ErrorKind::EncryptedPdf);
  }
  SECTION("truncated PDF: unreadable at open or at its first page") {
    const std::string whole = test::read_file(test::fixture("000-scan-300dpi.pdf"));
    const auto path = write_bytes("truncated.pdf", whole.substr(0, whole.size() / 3));
    auto document = rasterize::open(path, {});
    if (document) {
      auto page = (*document)->render(0);
      bool failed = !page;
      for (int i = 1; i < (*document)->page_count() && !failed; ++i) failed = !(*document)->render(i);
      CHECK(failed);
    } else {
      CHECK(document.error().kind == ErrorKind::UnreadableInput);
    }
  }
  SECTION("truncated TIFF: the lost page fails alone") {
    const std::string whole = test::read_file(test::fixture("001-g4-200dpi.tif"));
    const auto path = write_bytes("truncated.tif", whole.substr(0, whole.size() / 2));
    auto document = rasterize::open(path, {});
    if (document) {
      bool any_failed = false;
      for (int i = 0; i < (*document)->page_count(); ++i) {
        auto page = (*document)->render(i);
        if (!page) {
          any_failed = true;
          CHECK(page.error().kind == ErrorKind::UnreadableInput);
          CHECK(page.error().page == i + 1);
        }
      }
      CHECK(((*document)->page_count() < 3 || any_failed));
    } else {
      CHECK(document.error().kind == ErrorKind::UnreadableInput);
    }
  }
  SECTION("a page over the pixel limit is refused before it is decoded") {
    rasterize::Options options;
    options.max_pixels = 1'000'000;
    for (const char* name : {"000-scan-300dpi.pdf", "001-g4-200dpi.tif", "002-faded-150dpi.png"}) {
      auto document = rasterize::open(test::fixture(name), options);
      REQUIRE(document);
      auto page = (*document)->render(0);
      REQUIRE_FALSE(page);
      CHECK(page.error().kind == ErrorKind::LimitExceeded);
      CHECK(page.error().page == 1);
    }
  }
}
