// PNG and JPEG through libpng and libjpeg directly, not through Leptonica: Leptonica calls them
// with their default handlers, which print their own line on stderr ("libpng error: IDAT:
// incorrect data check", "Premature end of JPEG file") before greffe's one line. Here their
// messages end the error greffe reports instead. The pixels are those Leptonica gave (its
// luminance weights, its resolution rounding), so that OCR reads the same page; rasterize_test
// compares the two on the fixtures.
//
// Both libraries report a fatal error by longjmp from their error handler: the functions that
// call setjmp (png_decode, jpeg_decode) hold no object with a destructor, and write what they
// read through a pointer, as longjmp requires.
// <cstdio> first, in a block of its own: jpeglib.h uses FILE and size_t without including them.
#include <cstdio>

#include <jpeglib.h>
#include <png.h>

#include <algorithm>
#include <csetjmp>
#include <memory>
#include <string>
#include <vector>

#include "pipeline/rasterize/colour.h"
#include "pipeline/rasterize/formats.h"

namespace greffe::rasterize {

namespace {

// Leptonica's gray from colour (pixConvertRGBToLuminance: weights 0.3, 0.5, 0.2 in float,
// rounded), so that a colour scan gives the pixels it gave before.
std::uint8_t luminance(int red, int green, int blue) {
  return static_cast<std::uint8_t>(0.3f * red + 0.5f * green + 0.2f * blue + 0.5);
}

// What a decoder read: the size, then 8-bit samples, gray or RGB, row after row.
struct Decoded {
  long long width = 0, height = 0;
  bool over_limit = false;  // the header's size is over the limit: nothing decoded
  int channels = 0;
  std::vector<std::uint8_t> samples;
  std::vector<std::uint8_t*> rows;     // libpng's row pointers into samples
  std::vector<std::uint8_t> cmyk_row;  // one row as libjpeg gives CMYK
  int resolution = 0;                  // dpi the file states, 0 when none
  std::string problem;                 // the library's message
};

struct FileCloser {
  void operator()(std::FILE* file) const { std::fclose(file); }
};

Raster to_raster(const Decoded& image, const Options& options) {
  Raster raster(static_cast<int>(image.width), static_cast<int>(image.height),
                image.resolution > 0 ? image.resolution : options.dpi);
  const std::size_t pixels = raster.pixels.size();
  if (image.channels == 1) {
    std::copy(image.samples.begin(), image.samples.begin() + pixels, raster.pixels.begin());
  } else {
    for (std::size_t i = 0; i < pixels; ++i)
      raster.pixels[i] = luminance(image.samples[3 * i], image.samples[3 * i + 1], image.samples[3 * i + 2]);
    // A seal or a stamp in light colour becomes paper, as on a PDF page (colour.h).
    const int row_bytes = 3 * raster.width;
    if (options.drop_light_colour)
      drop_light_colour_if_present(raster, image.samples.data(), row_bytes, kRgb);
  }
  return raster;
}

Error cannot_decode(const std::filesystem::path& input, const std::string& problem) {
  return Error{ErrorKind::UnreadableInput, input.string(), 1,
               "cannot decode the image (corrupt or truncated)" + (problem.empty() ? "" : ": " + problem)};
}

// --- PNG --------------------------------------------------------------------------------------

void png_failed(png_structp png, png_const_charp message) {
  static_cast<Decoded*>(png_get_error_ptr(png))->problem = std::string("libpng: ") + message;
  png_longjmp(png, 1);
}

// Leptonica read on after libpng's warnings (an ancillary chunk with a bad CRC, say), so does
// greffe, silently.
void png_warned(png_structp, png_const_charp) {}

bool png_decode(png_structp png, png_infop info, std::FILE* file, const Options& options, Decoded* out) {
  if (setjmp(png_jmpbuf(png))) return false;
  png_init_io(png, file);
  png_read_info(png, info);
  out->width = png_get_image_width(png, info);
  out->height = png_get_image_height(png, info);
  if (out->width * out->height > options.max_pixels) {
    out->over_limit = true;
    return true;
  }
  png_uint_32 x_per_metre = 0, y_per_metre = 0;
  int unit = 0;
  if (png_get_pHYs(png, info, &x_per_metre, &y_per_metre, &unit) && unit == PNG_RESOLUTION_METER)
    out->resolution =
        static_cast<int>(static_cast<float>(x_per_metre) / 39.37 + 0.5);  // as Leptonica rounds it
  // To 8-bit gray or RGB, as Leptonica's page became before its conversion to gray: 16-bit
  // samples keep their high byte, palettes and 1, 2 or 4-bit gray are expanded, alpha is dropped.
  png_set_strip_16(png);
  png_set_strip_alpha(png);
  png_set_palette_to_rgb(png);
  png_set_expand_gray_1_2_4_to_8(png);
  png_set_interlace_handling(png);
  png_read_update_info(png, info);
  out->channels = png_get_channels(png, info);
  if (out->channels != 1 && out->channels != 3) {
    out->problem = "libpng: unexpected " + std::to_string(out->channels) + " channels";
    return false;
  }
  const std::size_t row_bytes = static_cast<std::size_t>(out->width) * out->channels;
  out->samples.resize(row_bytes * out->height);
  out->rows.resize(out->height);
  for (std::size_t y = 0; y < out->rows.size(); ++y) out->rows[y] = out->samples.data() + y * row_bytes;
  png_read_image(png, out->rows.data());
  png_read_end(png, nullptr);  // the data checks at the end of the image data, as Leptonica read them
  return true;
}

// --- JPEG -------------------------------------------------------------------------------------

struct JpegErrors {
  jpeg_error_mgr manager;  // first: libjpeg hands back a pointer to it
  std::jmp_buf jump;
  Decoded* out;
};

void jpeg_message(j_common_ptr jpeg) {
  auto* errors = reinterpret_cast<JpegErrors*>(jpeg->err);
  if (!errors->out->problem.empty()) return;  // the first message says most
  char text[JMSG_LENGTH_MAX];
  jpeg->err->format_message(jpeg, text);
  errors->out->problem = std::string("libjpeg: ") + text;
}

void jpeg_failed(j_common_ptr jpeg) {
  jpeg_message(jpeg);
  std::longjmp(reinterpret_cast<JpegErrors*>(jpeg->err)->jump, 1);
}

bool jpeg_decode(jpeg_decompress_struct* jpeg, JpegErrors* errors, std::FILE* file, const Options& options,
                 Decoded* out) {
  if (setjmp(errors->jump)) return false;
  jpeg_create_decompress(jpeg);
  jpeg_stdio_src(jpeg, file);
  jpeg_read_header(jpeg, TRUE);
  out->width = jpeg->image_width;
  out->height = jpeg->image_height;
  if (out->width * out->height > options.max_pixels) {
    out->over_limit = true;
    return true;
  }
  if (jpeg->density_unit == 1) out->resolution = jpeg->X_density;  // dots per inch
  if (jpeg->density_unit == 2)                                     // per cm, as Leptonica rounds it
    out->resolution = static_cast<int>(static_cast<float>(jpeg->X_density) * 2.54 + 0.5);
  // Gray stays gray; colour is read as RGB and made gray with Leptonica's weights. CMYK (Adobe's
  // JPEGs) is made RGB as Leptonica did.
  const bool cmyk = jpeg->jpeg_color_space == JCS_CMYK || jpeg->jpeg_color_space == JCS_YCCK;
  jpeg->out_color_space = jpeg->num_components == 1 ? JCS_GRAYSCALE : cmyk ? JCS_CMYK : JCS_RGB;
  jpeg_start_decompress(jpeg);
  out->channels = jpeg->out_color_space == JCS_GRAYSCALE ? 1 : 3;
  const std::size_t row_bytes = static_cast<std::size_t>(out->width) * out->channels;
  out->samples.resize(row_bytes * out->height);
  if (cmyk) out->cmyk_row.resize(static_cast<std::size_t>(out->width) * 4);
  while (jpeg->output_scanline < jpeg->output_height) {
    JSAMPLE* row = out->samples.data() + jpeg->output_scanline * row_bytes;
    if (!cmyk) {
      if (jpeg_read_scanlines(jpeg, &row, 1) != 1) return false;
      continue;
    }
    JSAMPLE* four = out->cmyk_row.data();
    if (jpeg_read_scanlines(jpeg, &four, 1) != 1) return false;
    for (long long x = 0; x < out->width; ++x) {
      const int cyan = four[4 * x], magenta = four[4 * x + 1], yellow = four[4 * x + 2],
                black = four[4 * x + 3];
      // Adobe writes C, M and Y inverted (libjpeg's manual, "Special color spaces").
      const auto rgb = [&](int ink) {
        return std::clamp(jpeg->saw_Adobe_marker ? black * ink / 255 : black * (255 - ink) / 255, 0, 255);
      };
      row[3 * x] = rgb(cyan), row[3 * x + 1] = rgb(magenta), row[3 * x + 2] = rgb(yellow);
    }
  }
  jpeg_finish_decompress(jpeg);
  return true;
}

}  // namespace

Expected<Raster> read_png(const std::filesystem::path& input, const Options& options) {
  std::unique_ptr<std::FILE, FileCloser> file(std::fopen(input.string().c_str(), "rb"));
  if (!file) return Error{ErrorKind::UnreadableInput, input.string(), 1, "cannot open for reading"};
  Decoded image;
  png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &image, png_failed, png_warned);
  png_infop info = png ? png_create_info_struct(png) : nullptr;
  if (!info) {
    png_destroy_read_struct(&png, nullptr, nullptr);
    return cannot_decode(input, "libpng: out of memory");
  }
  const bool decoded = png_decode(png, info, file.get(), options, &image);
  png_destroy_read_struct(&png, &info, nullptr);
  if (image.over_limit) return too_large(input, 1, image.width, image.height, options);
  if (!decoded || image.width <= 0 || image.height <= 0) return cannot_decode(input, image.problem);
  return to_raster(image, options);
}

Expected<Raster> read_jpeg(const std::filesystem::path& input, const Options& options) {
  std::unique_ptr<std::FILE, FileCloser> file(std::fopen(input.string().c_str(), "rb"));
  if (!file) return Error{ErrorKind::UnreadableInput, input.string(), 1, "cannot open for reading"};
  Decoded image;
  jpeg_decompress_struct jpeg{};
  JpegErrors errors{};
  jpeg.err = jpeg_std_error(&errors.manager);
  errors.manager.error_exit = jpeg_failed;
  errors.manager.output_message = jpeg_message;  // warnings too: libjpeg's own would print them
  errors.out = &image;
  const bool decoded = jpeg_decode(&jpeg, &errors, file.get(), options, &image);
  const long warnings = errors.manager.num_warnings;
  jpeg_destroy_decompress(&jpeg);
  if (image.over_limit) return too_large(input, 1, image.width, image.height, options);
  // A warning is corrupt data ("Premature end of JPEG file": the rest of the page made up gray):
  // Leptonica refused such a page, and so does greffe.
  if (!decoded || warnings > 0 || image.width <= 0 || image.height <= 0)
    return cannot_decode(input, image.problem);
  return to_raster(image, options);
}

}  // namespace greffe::rasterize
