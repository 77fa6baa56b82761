// TIFF pages (multi-page, G4 included) through Leptonica, which reads their resolution tags and
// every TIFF compression Tesseract users meet; PNG and JPEG through libpng and libjpeg
// (png_jpeg.cpp), whose messages Leptonica let them print.
#include <leptonica/allheaders.h>

#include <cstdio>

#include "pipeline/rasterize/formats.h"

namespace greffe::rasterize {

namespace {

struct PixDeleter {
  void operator()(PIX* pix) const { pixDestroy(&pix); }
};
using PixPtr = std::unique_ptr<PIX, PixDeleter>;

Raster to_raster(PIX* pix, int fallback_dpi) {
  PixPtr gray(pixConvertTo8(pix, 0));  // 1 bpp: 0 -> white, 1 -> black; colour: luminance
  const int width = pixGetWidth(gray.get());
  const int height = pixGetHeight(gray.get());
  const int resolution = pixGetXRes(pix) > 0 ? pixGetXRes(pix) : fallback_dpi;
  Raster raster(width, height, resolution);
  const l_uint32* data = pixGetData(gray.get());
  const int words_per_line = pixGetWpl(gray.get());
  for (int y = 0; y < height; ++y) {
    const l_uint32* line = data + static_cast<std::size_t>(y) * words_per_line;
    std::uint8_t* out = raster.pixels.data() + static_cast<std::size_t>(y) * width;
    for (int x = 0; x < width; ++x) out[x] = GET_DATA_BYTE(line, x);
  }
  return raster;
}

class ImageDocument final : public Document {
 public:
  ImageDocument(std::filesystem::path input, ImageFormat format, int pages, Options options)
      : input_(std::move(input)), format_(format), pages_(pages), options_(options) {}

  int page_count() const override { return pages_; }

  Expected<Raster> render(int index) override {
    if (format_ == ImageFormat::Png) return read_png(input_, options_);
    if (format_ == ImageFormat::Jpeg) return read_jpeg(input_, options_);
    const int page_number = index + 1;
    const std::string path = input_.string();
    l_int32 width = 0, height = 0, bps = 0, spp = 0, resolution = 0, colormap = 0, format = 0;
    if (readHeaderTiff(path.c_str(), index, &width, &height, &bps, &spp, &resolution, &colormap, &format) != 0 ||
        width <= 0 || height <= 0)
      return Error{ErrorKind::UnreadableInput, path, page_number, "cannot read the image header"};
    if (static_cast<long long>(width) * height > options_.max_pixels)
      return too_large(input_, page_number, width, height, options_);

    PixPtr pix(pixReadTiff(path.c_str(), index));
    if (!pix) return Error{ErrorKind::UnreadableInput, path, page_number, "cannot decode the image (corrupt or truncated)"};
    return to_raster(pix.get(), options_.dpi);
  }

 private:
  std::filesystem::path input_;
  ImageFormat format_;
  int pages_;
  Options options_;
};

int tiff_page_count(const std::filesystem::path& input) {
  FILE* file = std::fopen(input.string().c_str(), "rb");
  if (!file) return 0;
  l_int32 pages = 0;
  if (tiffGetCount(file, &pages) != 0) pages = 0;
  std::fclose(file);
  return pages;
}

}  // namespace

Expected<std::unique_ptr<Document>> open_image(const std::filesystem::path& input, ImageFormat format,
                                               const Options& options) {
  setMsgSeverity(L_SEVERITY_NONE);  // Leptonica's own messages would break the one-line errors
  const int pages = format == ImageFormat::Tiff ? tiff_page_count(input) : 1;
  if (pages <= 0) return Error{ErrorKind::UnreadableInput, input.string(), 0, "not a readable TIFF (no page found)"};
  return std::unique_ptr<Document>(new ImageDocument(input, format, pages, options));
}

}  // namespace greffe::rasterize
