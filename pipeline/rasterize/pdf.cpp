// PDF pages through poppler-cpp, rendered in grayscale at the requested dpi; in colour when they
// carry light coloured ink, which becomes paper (colour.h). qpdf reads each page's content stream
// first, to refuse images drawn at an absurd size (see ImageSizes).
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>
#include <poppler/cpp/poppler-version.h>
// qpdf 11 asks every includer to say it uses no PointerHolder.
#define POINTERHOLDER_TRANSITION 4
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <vector>

#include "pipeline/rasterize/colour.h"
#include "pipeline/rasterize/formats.h"

namespace greffe::rasterize {

namespace {

// poppler writes its diagnostics on stderr; greffe reports one line per failure itself.
void ignore_poppler_message(const std::string&, void*) {}

// The images a page's content stream draws: the sum of their sizes on the page (the area of each
// one's bounding box, in square points) and the largest. Why: poppler's Splash scales an image to
// its whole size on the device before clipping it to the page, so its time and memory grow with
// that size, not with the page's: an image of 120 x 60 samples drawn 24,000 pt wide on a Letter
// page took 8 to 14 s and 1.2 GB at 100 dpi. poppler-cpp has no abort callback, so the sizes are
// checked before rendering.
struct ImageSizes {
  double area = 0;                               // of all the images, in square points
  double largest_width = 0, largest_height = 0;  // of the largest one, in points

  // An image is the unit square through the CTM [a b c d]: its bounding box is |a| + |c| wide
  // and |b| + |d| high. A NaN or infinite size makes the area so, and the page is refused.
  void add(double a, double b, double c, double d) {
    const double width = std::abs(a) + std::abs(c), height = std::abs(b) + std::abs(d);
    area += width * height;
    if (width * height > largest_width * largest_height) largest_width = width, largest_height = height;
  }
};

// Reads a content stream for the images it draws. Follows what sets the size of an image: `q`/`Q`
// (save, restore), `cm` (concatenate a matrix), `Do` of an image XObject, inline images (`BI ...
// ID ... EI`), and `Do` of a form XObject, whose content is followed with the form's /Matrix.
// Where an image is placed does not change its size, so only the linear part of the matrices is
// kept. Not followed: images in patterns, in Type 3 glyphs and in annotations' appearance streams.
class ImageSizeReader final : public QPDFObjectHandle::ParserCallbacks {
 public:
  struct Linear {  // [a b c d] of a PDF matrix [a b c d e f]
    double a = 1, b = 0, c = 0, d = 1;
    Linear then(const Linear& ctm) const {  // this matrix, then ctm: the `cm` rule, this x ctm
      return {a * ctm.a + b * ctm.c, a * ctm.b + b * ctm.d, c * ctm.a + d * ctm.c, c * ctm.b + d * ctm.d};
    }
  };

  // Reads a page's (or a form's) content with parseContents(this) into `found`; found and
  // forms_read are shared by the page and every form it draws.
  ImageSizeReader(QPDFObjectHandle resources, const Linear& ctm, int depth, int& forms_read,
                  ImageSizes& found)
      : resources_(resources), ctm_(ctm), depth_(depth), forms_read_(forms_read), found_(found) {}

  void handleObject(QPDFObjectHandle object) override {
    if (!object.isOperator()) {
      // Operators take at most 6 operands; keep no more, whatever the stream holds.
      if (operands_.size() == 6) operands_.erase(operands_.begin());
      operands_.push_back(object);
      return;
    }
    const std::string op = object.getOperatorValue();
    if (op == "q") {
      saved_.push_back(ctm_);
    } else if (op == "Q") {
      if (!saved_.empty()) ctm_ = saved_.back(), saved_.pop_back();
    } else if (op == "cm") {
      if (operands_.size() == 6 && std::all_of(operands_.begin(), operands_.begin() + 4,
                                               [](QPDFObjectHandle& x) { return x.isNumber(); }))
        ctm_ = Linear{operands_[0].getNumericValue(), operands_[1].getNumericValue(),
                      operands_[2].getNumericValue(), operands_[3].getNumericValue()}
                   .then(ctm_);
    } else if (op == "EI") {
      found_.add(ctm_.a, ctm_.b, ctm_.c, ctm_.d);  // an inline image
    } else if (op == "Do" && operands_.size() == 1 && operands_[0].isName()) {
      draw_xobject(operands_[0].getName());
    }
    operands_.clear();
  }

  void handleEOF() override {}

 private:
  // Forms in forms: poppler gives up past some depth too. The count of forms read bounds the
  // time this check takes on a page that draws forms that draw forms: past it the rest is left
  // unchecked, as every page was before.
  static constexpr int max_depth = 8;
  static constexpr int max_forms = 200;

  void draw_xobject(const std::string& name) {
    if (!resources_.isDictionary()) return;
    QPDFObjectHandle xobjects = resources_.getKey("/XObject");
    if (!xobjects.isDictionary()) return;
    QPDFObjectHandle xobject = xobjects.getKey(name);
    if (!xobject.isStream()) return;
    QPDFObjectHandle dictionary = xobject.getDict();
    QPDFObjectHandle subtype = dictionary.getKey("/Subtype");
    if (subtype.isNameAndEquals("/Image")) return found_.add(ctm_.a, ctm_.b, ctm_.c, ctm_.d);
    if (!subtype.isNameAndEquals("/Form") || depth_ >= max_depth || forms_read_ >= max_forms) return;
    ++forms_read_;
    Linear matrix;
    if (QPDFObjectHandle m = dictionary.getKey("/Matrix"); m.isMatrix()) {
      const QPDFObjectHandle::Matrix values = m.getArrayAsMatrix();
      matrix = {values.a, values.b, values.c, values.d};
    }
    // A form without /Resources uses its page's (PDF 1.1 files do that).
    QPDFObjectHandle own = dictionary.getKey("/Resources");
    ImageSizeReader form(own.isDictionary() ? own : resources_, matrix.then(ctm_), depth_ + 1, forms_read_,
                         found_);
    try {
      QPDFPageObjectHelper(xobject).parseContents(&form);
    } catch (const std::exception&) {
      // A form qpdf cannot read: poppler judges it; what was read of it still counts.
    }
  }

  QPDFObjectHandle resources_;
  Linear ctm_;
  std::vector<Linear> saved_;
  std::vector<QPDFObjectHandle> operands_;
  int depth_;
  int& forms_read_;
  ImageSizes& found_;
};

// A row of a page's text layer, top to bottom: where its words lie vertically (points from the
// top of the page) and its leftmost word, to check it against a line of the laid-out text.
struct LayerRow {
  double top = 0, bottom = 0;
  std::string first_word;
  double first_left = 0;
};

// The page's words grouped into rows: a word joins the row its vertical middle falls in.
// Pages in columns give several rows at one height; they are merged, as poppler's physical layout
// writes them on one line.
std::vector<LayerRow> layer_rows(poppler::page& page) {
  std::vector<poppler::text_box> words = page.text_list();
  std::sort(words.begin(), words.end(), [](const poppler::text_box& a, const poppler::text_box& b) {
    return a.bbox().top() + a.bbox().bottom() < b.bbox().top() + b.bbox().bottom();
  });
  std::vector<LayerRow> rows;
  for (const poppler::text_box& word : words) {
    const poppler::rectf box = word.bbox();
    const double middle = (box.top() + box.bottom()) / 2;
    const poppler::byte_array utf8 = word.text().to_utf8();
    std::string text(utf8.begin(), utf8.end());
    if (rows.empty() || middle > rows.back().bottom) {
      rows.push_back({box.top(), box.bottom(), std::move(text), box.left()});
      continue;
    }
    LayerRow& row = rows.back();
    row.top = std::min(row.top, box.top());
    row.bottom = std::max(row.bottom, box.bottom());
    if (box.left() < row.first_left) row.first_word = std::move(text), row.first_left = box.left();
  }
  return rows;
}

// How much further apart two rows must be than the page's usual line spacing to mark a paragraph
// break. Within a paragraph the spacing of a word processor varies by a few percent (13.8 to
// 15.9 pt in a page of 11 pt type); a paragraph's space after, or an empty line typed between
// paragraphs, adds half a line or more.
constexpr double kParagraphSpacing = 1.4;

// The laid-out text with an empty line wherever its rows lie clearly further apart than the
// page's usual spacing (the median distance between the bottoms of consecutive rows): poppler's
// physical layout marks only gaps of two lines or so, and cleanup joins the lines of a paragraph,
// so that "Présents : ..." and "Absents : ..." set half a line apart became one paragraph. The
// text is returned unchanged when its lines cannot be matched one to one with the rows, each
// line beginning with its row's leftmost word.
std::string with_paragraph_breaks(const std::string& text, const std::vector<LayerRow>& rows) {
  std::vector<std::string> lines;
  for (std::size_t from = 0; from < text.size();) {
    std::size_t end = text.find('\n', from);
    if (end == std::string::npos) end = text.size();
    lines.push_back(text.substr(from, end - from));
    from = end + 1;
  }
  auto is_blank = [](const std::string& line) {
    return line.find_first_not_of(" \t\r\f") == std::string::npos;
  };
  std::vector<std::size_t> written;  // the index in `lines` of each row's line
  for (std::size_t i = 0; i < lines.size(); ++i)
    if (!is_blank(lines[i])) written.push_back(i);
  if (written.size() != rows.size() || rows.size() < 3) return text;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const std::string& line = lines[written[r]];
    if (rows[r].first_word.empty() ||
        line.compare(line.find_first_not_of(" \t\f"), rows[r].first_word.size(), rows[r].first_word) != 0)
      return text;
  }
  std::vector<double> spacings;
  for (std::size_t r = 1; r < rows.size(); ++r) spacings.push_back(rows[r].bottom - rows[r - 1].bottom);
  std::vector<double> sorted = spacings;
  std::nth_element(sorted.begin(), sorted.begin() + sorted.size() / 2, sorted.end());
  const double usual = sorted[sorted.size() / 2];
  if (usual <= 0) return text;
  std::string out;
  std::size_t next_row = 1;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (next_row < rows.size() && i == written[next_row]) {
      const bool blank_before = i > 0 && is_blank(lines[i - 1]);
      if (!blank_before && spacings[next_row - 1] > kParagraphSpacing * usual) out += '\n';
      ++next_row;
    }
    out += lines[i];
    if (i + 1 < lines.size()) out += '\n';
  }
  return out;
}

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
    const bool sideways =
        page->orientation() == poppler::page::landscape || page->orientation() == poppler::page::seascape;
    const long long width = std::llround((sideways ? box.height() : box.width()) / 72.0 * options_.dpi);
    const long long height = std::llround((sideways ? box.width() : box.height()) / 72.0 * options_.dpi);
    if (width <= 0 || height <= 0)
      return Error{ErrorKind::UnreadableInput, input_.string(), page_number, "page has no area"};
    if (width * height > options_.max_pixels) return too_large(input_, page_number, width, height, options_);

    // Images drawn far bigger than their page are refused: together, at this dpi, they cover
    // more pixels than the limit (which bounds what one page may cost) and more than 4 times the
    // page (a scan fills its page; one drawn with margins cut off, half of a two-page spread, or
    // the two or three layers of a compressed scan stay under 4 times). What poppler then spends
    // on a page's images stays within 4 pages at the limit.
    const ImageSizes images = image_sizes(index);
    const double scale = options_.dpi / 72.0;
    const double image_pixels = images.area * scale * scale;
    if (!std::isfinite(image_pixels) ||
        (image_pixels > options_.max_pixels && image_pixels > 4.0 * static_cast<double>(width * height))) {
      const auto shown = [](double pixels) {  // a size cannot be infinite in a message
        return std::to_string(std::llround(std::isfinite(pixels) ? std::min(pixels, 1e15) : 1e15));
      };
      return Error{ErrorKind::LimitExceeded, input_.string(), page_number,
                   "images drawn at " + shown(image_pixels) + " pixels (the largest " +
                       shown(images.largest_width * scale) + " x " + shown(images.largest_height * scale) +
                       ") are over the limit of " + std::to_string(options_.max_pixels) + " pixels"};
    }

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
      Raster gray = luminance(pixels, image.width(), image.height(), image.bytes_per_row(), kPopplerArgb32,
                              options_.dpi);
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
    if (!small.is_valid()) return false;
    const auto* pixels = reinterpret_cast<const std::uint8_t*>(small.const_data());
    const Raster gray =
        luminance(pixels, small.width(), small.height(), small.bytes_per_row(), kPopplerArgb32, dpi);
    return has_light_colour(gray, pixels, small.bytes_per_row(), kPopplerArgb32);
  }

  // The images page `index` draws (ImageSizeReader). Nothing found when qpdf cannot read the file
  // or the page: poppler judges what is readable, this only looks for absurd images.
  ImageSizes image_sizes(int index) {
    ImageSizes found;
    try {
      if (!qpdf_) {
        qpdf_ = std::make_unique<QPDF>();
        qpdf_->setSuppressWarnings(true);  // greffe reports one line per failure itself
        qpdf_->processFile(input_.string().c_str());
        qpdf_pages_ = QPDFPageDocumentHelper(*qpdf_).getAllPages();
      }
      // Pages are matched by index: a damaged page tree that the two libraries repair
      // differently is not checked.
      if (static_cast<int>(qpdf_pages_.size()) != document_->pages()) return found;
      QPDFPageObjectHelper& page = qpdf_pages_[index];
      int forms_read = 0;
      ImageSizeReader reader(page.getAttribute("/Resources", false), {}, 0, forms_read, found);
      page.parseContents(&reader);
    } catch (const std::exception&) {
      // What was read before qpdf stopped still counts.
    }
    return found;
  }

  bool is_scan(int index) override {
    std::unique_ptr<poppler::page> page(document_->create_page(index));
    if (!page) return true;
    const poppler::rectf box = page->page_rect(poppler::media_box);
    const double page_area = box.width() * box.height();
    return page_area > 0 && image_sizes(index).area >= 0.5 * page_area;
  }

  double text_layer_cover(int index) override {
    if (!is_scan(index)) return 1.0;
    std::unique_ptr<poppler::page> page(document_->create_page(index));
    if (!page) return 1.0;
    // 50 dpi is enough to see where the ink lies, and costs a few milliseconds.
    constexpr double kDpi = 50;
    poppler::page_renderer renderer;
    renderer.set_image_format(poppler::image::format_gray8);
    const poppler::image image = renderer.render_page(page.get(), kDpi, kDpi);
    if (!image.is_valid()) return 1.0;
    cv::Mat covered(image.height(), image.width(), CV_8UC1, cv::Scalar(0));
    const double scale = kDpi / 72.0;
    for (const poppler::text_box& word : page->text_list()) {
      const poppler::rectf area = word.bbox();
      // A pixel of margin: glyph boxes are tight, and the small rendering blurs the strokes.
      const cv::Point from(static_cast<int>(std::floor(area.left() * scale)) - 1,
                           static_cast<int>(std::floor(area.top() * scale)) - 1);
      const cv::Point to(static_cast<int>(std::ceil(area.right() * scale)) + 1,
                         static_cast<int>(std::ceil(area.bottom() * scale)) + 1);
      cv::rectangle(covered, from, to, cv::Scalar(255), cv::FILLED);
    }
    long long ink = 0, inside = 0;
    for (int y = 0; y < image.height(); ++y) {
      const auto* row = reinterpret_cast<const std::uint8_t*>(image.const_data()) +
                        static_cast<std::size_t>(y) * image.bytes_per_row();
      const std::uint8_t* in_word = covered.ptr<std::uint8_t>(y);
      for (int x = 0; x < image.width(); ++x)
        if (row[x] < 128) ++ink, inside += in_word[x] != 0;
    }
    return ink == 0 ? 1.0 : static_cast<double>(inside) / static_cast<double>(ink);
  }

  std::string text_layer(int index) override {
    std::unique_ptr<poppler::page> page(document_->create_page(index));
    if (!page) return {};
    const poppler::byte_array utf8 = page->text(poppler::rectf(), poppler::page::physical_layout).to_utf8();
    return with_paragraph_breaks(std::string(utf8.begin(), utf8.end()), layer_rows(*page));
  }

 private:
  std::filesystem::path input_;
  std::unique_ptr<poppler::document> document_;
  Options options_;
  std::unique_ptr<QPDF> qpdf_;  // opened at the first render
  std::vector<QPDFPageObjectHelper> qpdf_pages_;
};

}  // namespace

Expected<std::unique_ptr<Document>> open_pdf(const std::filesystem::path& input, const Options& options) {
  poppler::set_debug_error_function(ignore_poppler_message, nullptr);
  std::unique_ptr<poppler::document> document(poppler::document::load_from_file(input.string()));
  if (!document)
    return Error{ErrorKind::UnreadableInput, input.string(), 0, "not a readable PDF (corrupt or truncated)"};
  if (document->is_locked())
    return Error{ErrorKind::EncryptedPdf, input.string(), 0, "encrypted PDF: it needs a password to open"};
  if (document->pages() <= 0) return Error{ErrorKind::UnreadableInput, input.string(), 0, "PDF has no pages"};
  return std::unique_ptr<Document>(new PdfDocument(input, std::move(document), options));
}

std::string poppler_version() {
  return "Poppler " + poppler::version_string();
}

}  // namespace greffe::rasterize
