// TIFF pages (multi-page, G4 included) through Leptonica, which reads their resolution tags and
// every TIFF compression Tesseract users meet; PNG and JPEG through libpng and libjpeg
// (png_jpeg.cpp), whose messages Leptonica let them print.
#include <leptonica/allheaders.h>

#include <cstdio>
#include <vector>

#include "pipeline/rasterize/colour.h"
#include "pipeline/rasterize/formats.h"

namespace greffe::rasterize {

namespace {

struct PixDeleter {
  void operator()(PIX* pix) const { pixDestroy(&pix); }
};
using PixPtr = std::unique_ptr<PIX, PixDeleter>;

bool in_colour(PIX* pix) {
  if (pixGetDepth(pix) == 32) return true;
  l_int32 colour = 0;
  PIXCMAP* colormap = pixGetColormap(pix);
  return colormap && pixcmapHasColor(colormap, &colour) == 0 && colour;
}

// A colour page is turned gray as a PNG or JPEG one is, and loses its light coloured ink
// (colour.h): its samples are copied out as R, G, B bytes, whatever Leptonica's word order.
Raster colour_to_raster(PIX* pix, int resolution, const Options& options) {
  PixPtr rgb(pixConvertTo32(pix));
  const int width = pixGetWidth(rgb.get());
  const int height = pixGetHeight(rgb.get());
  std::vector<std::uint8_t> samples(static_cast<std::size_t>(width) * height * 3);
  const l_uint32* data = pixGetData(rgb.get());
  const int words_per_line = pixGetWpl(rgb.get());
  for (int y = 0; y < height; ++y) {
    const l_uint32* line = data + static_cast<std::size_t>(y) * words_per_line;
    std::uint8_t* out = samples.data() + static_cast<std::size_t>(y) * width * 3;
    for (int x = 0; x < width; ++x) {
      l_int32 red = 0, green = 0, blue = 0;
      extractRGBValues(line[x], &red, &green, &blue);
      out[3 * x] = static_cast<std::uint8_t>(red);
      out[3 * x + 1] = static_cast<std::uint8_t>(green);
      out[3 * x + 2] = static_cast<std::uint8_t>(blue);
    }
  }
  Raster raster = luminance(samples.data(), width, height, width * 3, kRgb, resolution);
  if (options.drop_light_colour) drop_light_colour_if_present(raster, samples.data(), width * 3, kRgb);
  return raster;
}

Raster to_raster(PIX* pix, const Options& options) {
  const int resolution = pixGetXRes(pix) > 0 ? pixGetXRes(pix) : options.dpi;
  if (in_colour(pix)) return colour_to_raster(pix, resolution, options);
  PixPtr gray(pixConvertTo8(pix, 0));  // 1 bpp: 0 -> white, 1 -> black
  const int width = pixGetWidth(gray.get());
  const int height = pixGetHeight(gray.get());
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
    if (readHeaderTiff(path.c_str(), index, &width, &height, &bps, &spp, &resolution, &colormap, &format) !=
            0 ||
        width <= 0 || height <= 0)
      return Error{ErrorKind::UnreadableInput, path, page_number, "cannot read the image header"};
    if (static_cast<long long>(width) * height > options_.max_pixels)
      return too_large(input_, page_number, width, height, options_);

    PixPtr pix(pixReadTiff(path.c_str(), index));
    if (!pix)
      return Error{ErrorKind::UnreadableInput, path, page_number,
                   "cannot decode the image (corrupt or truncated)"};
    return to_raster(pix.get(), options_);
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
  if (pages <= 0)
    return Error{ErrorKind::UnreadableInput, input.string(), 0, "not a readable TIFF (no page found)"};
  return std::unique_ptr<Document>(new ImageDocument(input, format, pages, options));
}

}  // namespace greffe::rasterize
