// PDF pages through poppler-cpp, rendered in grayscale at the requested dpi; in colour when they
// carry light coloured ink, which becomes paper (colour.h).
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>
#include <poppler/cpp/poppler-version.h>

#include <cmath>
#include <cstring>

#include "pipeline/rasterize/colour.h"
#include "pipeline/rasterize/formats.h"

namespace greffe::rasterize {

namespace {

// poppler writes its diagnostics on stderr; greffe reports one line per failure itself.
void ignore_poppler_message(const std::string&, void*) {}

class PdfDocument final : public Document {
 public:
  PdfDocument(std::filesystem::path input, std::unique_ptr<poppler::document> document, Options options)
      : input_(std::move(input)), document_(std::move(document)), options_(options) {}

  int page_count() const override { return document_->pages(); }

  Expected<Raster> render(int index) override {
    const int page_number = index + 1;
    std::unique_ptr<poppler::page> page(document_->create_page(index));
    if (!page) return Error{ErrorKind::UnreadableInput, input_.string(), page_number, "cannot read page"};

    // Check the size before rendering: a page can declare a surface that no memory holds.
    const poppler::rectf box = page->page_rect(poppler::media_box);
    const bool sideways = page->orientation() == poppler::page::landscape ||
                          page->orientation() == poppler::page::seascape;
    const long long width = std::llround((sideways ? box.height() : box.width()) / 72.0 * options_.dpi);
    const long long height = std::llround((sideways ? box.width() : box.height()) / 72.0 * options_.dpi);
    if (width <= 0 || height <= 0)
      return Error{ErrorKind::UnreadableInput, input_.string(), page_number, "page has no area"};
    if (width * height > options_.max_pixels)
      return too_large(input_, page_number, width, height, options_);

    poppler::page_renderer renderer;
    renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
    renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
    if (options_.drop_light_colour && has_light_colour_at(renderer, *page, 30)) {
      // In colour, so that the light coloured ink (a seal over the signature) becomes paper.
      renderer.set_image_format(poppler::image::format_argb32);
      poppler::image image = renderer.render_page(page.get(), options_.dpi, options_.dpi);
      if (!image.is_valid())
        return Error{ErrorKind::UnreadableInput, input_.string(), page_number, "cannot render page"};
      const auto* pixels = reinterpret_cast<const std::uint8_t*>(image.const_data());
      Raster gray = luminance(pixels, image.width(), image.height(), image.bytes_per_row(), kPopplerArgb32, options_.dpi);
      drop_light_colour(gray, pixels, image.bytes_per_row(), kPopplerArgb32);
      return gray;
    }
    renderer.set_image_format(poppler::image::format_gray8);
    poppler::image image = renderer.render_page(page.get(), options_.dpi, options_.dpi);
    if (!image.is_valid())
      return Error{ErrorKind::UnreadableInput, input_.string(), page_number, "cannot render page"};
    Raster raster(image.width(), image.height(), options_.dpi);
    const char* rows = image.const_data();
    for (int y = 0; y < raster.height; ++y)
      std::memcpy(raster.pixels.data() + static_cast<std::size_t>(y) * raster.width,
                  rows + static_cast<std::size_t>(y) * image.bytes_per_row(), raster.width);
    return raster;
  }

  // The page rendered small in colour, looked at for light coloured ink (colour.h).
  static bool has_light_colour_at(poppler::page_renderer& renderer, poppler::page& page, int dpi) {
    renderer.set_image_format(poppler::image::format_argb32);
    const poppler::image small = renderer.render_page(&page, dpi, dpi);
    return small.is_valid() && has_light_colour(reinterpret_cast<const std::uint8_t*>(small.const_data()), small.width(),
                                                small.height(), small.bytes_per_row(), kPopplerArgb32);
  }

  std::string text_layer(int index) override {
    std::unique_ptr<poppler::page> page(document_->create_page(index));
    if (!page) return {};
    const poppler::byte_array utf8 = page->text(poppler::rectf(), poppler::page::physical_layout).to_utf8();
    return std::string(utf8.begin(), utf8.end());
  }

 private:
  std::filesystem::path input_;
  std::unique_ptr<poppler::document> document_;
  Options options_;
};

}  // namespace

Expected<std::unique_ptr<Document>> open_pdf(const std::filesystem::path& input, const Options& options) {
  poppler::set_debug_error_function(ignore_poppler_message, nullptr);
  std::unique_ptr<poppler::document> document(poppler::document::load_from_file(input.string()));
  if (!document)
    return Error{ErrorKind::UnreadableInput, input.string(), 0, "not a readable PDF (corrupt or truncated)"};
  if (document->is_locked())
    return Error{ErrorKind::EncryptedPdf, input.string(), 0, "encrypted PDF: it needs a password to open"};
  if (document->pages() <= 0)
    return Error{ErrorKind::UnreadableInput, input.string(), 0, "PDF has no pages"};
  return std::unique_ptr<Document>(new PdfDocument(input, std::move(document), options));
}

std::string poppler_version() { return "Poppler " + poppler::version_string(); }

}  // namespace greffe::rasterize
