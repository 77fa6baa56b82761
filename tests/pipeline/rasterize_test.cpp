#include <catch2/catch.hpp>

#include <leptonica/allheaders.h>

#include <chrono>
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
  std::vector<std::string> names = {"000-p1-severe-150dpi.jpg",  "002-faded-150dpi.png",
                                    "hostile-markup-300dpi.png", "orientation-180.png",
                                    "orientation-90.png",        "bad/one-pixel.png"};
  for (const char* seed : {"gray.png", "colour.png", "palette.png", "bilevel.png", "gray16.png",
                           "gray-alpha.png", "gray.jpg", "colour.jpg", "cmyk.jpg", "progressive.jpg"})
    names.push_back(std::string("fuzz/load-seeds/") + seed);
  for (const std::string& name : names) {
    INFO(name);
    const auto path = test::fixture(name);
    rasterize::Options decoding_only;
    decoding_only.drop_light_colour = false;  // the colour step is colour_test's; here, the decoders
    auto document = rasterize::open(path, decoding_only);
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

TEST_CASE("a PDF page that draws an image far bigger than itself is refused before rendering") {
  // A Letter page (poppler's default: its MediaBox is lost) drawing a 120 x 60 image 24,000 pt
  // wide: poppler took 13.7 s and 1.2 GB on it at 100 dpi.
  const auto path = test::fixture("fuzz/load/timeout-image-drawn-24000pt-pdf");
  for (int dpi : {100, 300}) {
    rasterize::Options options;
    options.dpi = dpi;
    auto document = rasterize::open(path, options);
    REQUIRE(document);
    const auto start = std::chrono::steady_clock::now();
    auto page = (*document)->render(0);
    CHECK(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() < 5);  // not 13.7 s
    REQUIRE_FALSE(page);
    CHECK(page.error().kind == ErrorKind::LimitExceeded);
    CHECK(page.error().page == 1);
    const std::string size = dpi == 100 ? "1111111111 pixels (the largest 33333 x 33333)"
                                        : "10000000000 pixels (the largest 100000 x 100000)";
    CHECK(page.error().message == "images drawn at " + size + " are over the limit of 250000000 pixels");
  }
}

TEST_CASE("the image check follows forms, inline images and q/Q") {
  // A Letter page whose content is `content`, with an 8 x 8 gray image /Im and a form /Fm that
  // draws it scaled by `form_matrix` (its /Matrix).
  const auto page_with = [](const std::string& content, const std::string& form_matrix) {
    const std::string image =
        "<< /Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray "
        "/BitsPerComponent 8 /Length 64 >>\nstream\n" +
        std::string(64, '\x80') + "\nendstream";
    const std::string form_content = "/Im Do";
    const std::string form = "<< /Type /XObject /Subtype /Form /BBox [0 0 1 1] /Matrix " + form_matrix +
                             " /Resources << /XObject << /Im 4 0 R >> >> /Length " +
                             std::to_string(form_content.size()) + " >>\nstream\n" + form_content +
                             "\nendstream";
    return test::make_pdf(
        {"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
         "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 6 0 R "
         "/Resources << /XObject << /Im 4 0 R /Fm 5 0 R >> >> >>",
         image, form,
         "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "\nendstream"},
        "");
  };
  const auto render = [](const std::string& pdf, const std::string& name) {
    auto document = rasterize::open(write_bytes(name, pdf), {});
    REQUIRE(document);
    return (*document)->render(0);
  };
  // 24,000 pt at 300 dpi: 100,000 pixels wide; a whole Letter page is 2550 x 3300.
  const std::string huge = "[24000 0 0 24000 0 0]";
  SECTION("an image scaled by a form's matrix") {
    auto page = render(page_with("q 1 0 0 1 0 0 cm /Fm Do Q", huge), "form.pdf");
    REQUIRE_FALSE(page);
    CHECK(page.error().kind == ErrorKind::LimitExceeded);
  }
  SECTION("a form drawn huge by the page's cm") {
    auto page = render(page_with("q 24000 0 0 24000 0 0 cm /Fm Do Q", "[1 0 0 1 0 0]"), "form-cm.pdf");
    REQUIRE_FALSE(page);
    CHECK(page.error().kind == ErrorKind::LimitExceeded);
  }
  SECTION("an inline image, rotated") {
    auto page =
        render(page_with("q 0 24000 -24000 0 0 0 cm BI /W 2 /H 2 /CS /G /BPC 8 ID \x10\x20\x30\x40 EI Q",
                         "[1 0 0 1 0 0]"),
               "inline.pdf");
    REQUIRE_FALSE(page);
    CHECK(page.error().kind == ErrorKind::LimitExceeded);
  }
  SECTION("images that together cover far more than the page") {
    // Each 2000 pt square: 8333 x 8333 pixels at 300 dpi, 69 megapixels, under the limit alone.
    std::string content;
    for (int i = 0; i < 4; ++i) content += "q 2000 0 0 2000 0 0 cm /Im Do Q ";
    auto page = render(page_with(content, "[1 0 0 1 0 0]"), "many.pdf");
    REQUIRE_FALSE(page);
    CHECK(
        page.error().message ==
        "images drawn at 277777778 pixels (the largest 8333 x 8333) are over the limit of 250000000 pixels");
  }
  SECTION("Q restores the matrix: the image is drawn at page size") {
    auto page = render(page_with("q 24000 0 0 24000 0 0 cm Q q 612 0 0 792 0 0 cm /Im Do Q", "[1 0 0 1 0 0]"),
                       "restored.pdf");
    CHECK(page);
  }
  SECTION("an image with a bleed, cut to its page by a clip, is drawn") {
    auto page = render(
        page_with("q 0 0 612 792 re W n 1 0 0 1 -100 -100 cm 812 0 0 992 0 0 cm /Im Do Q", "[1 0 0 1 0 0]"),
        "bleed.pdf");
    CHECK(page);
  }
}

TEST_CASE("every page of the PDF fixtures and seeds renders: the image check refuses none") {
  // The same check under the fuzzer's limit too (1 megapixel at 100 dpi), where a scan drawn
  // over its whole page is near the limit.
  for (const auto& [dpi, max_pixels] : {std::pair<int, long long>{300, 250'000'000}, {100, 1'000'000}}) {
    rasterize::Options options;
    options.dpi = dpi;
    options.max_pixels = max_pixels;
    for (const char* name : {"000-scan-300dpi.pdf", "004-scan-200dpi.pdf", "fuzz/load-seeds/image.pdf",
                             "fuzz/load-seeds/text.pdf", "bad/broken-xref.pdf"}) {
      INFO(name << " at " << dpi << " dpi");
      auto document = rasterize::open(test::fixture(name), options);
      REQUIRE(document);
      for (int index = 0; index < (*document)->page_count(); ++index) {
        auto page = (*document)->render(index);
        INFO("page " << index + 1 << ": " << (page ? "" : page.error().to_line()));
        CHECK(page);
      }
    }
  }
}

TEST_CASE("bad inputs give an error of the right kind, never a crash") {
  SECTION("missing file") {
    CHECK(open_error("/nonexistent/scan.pdf") == ErrorKind::UnreadableInput);
  }
  SECTION("empty file") {
    CHECK(open_error(write_bytes("empty.pdf", "")) == ErrorKind::UnreadableInput);
  }
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
