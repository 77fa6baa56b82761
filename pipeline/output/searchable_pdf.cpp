#include "pipeline/output/searchable_pdf.h"

#include <leptonica/allheaders.h>
// qpdf 11 asks every includer to say it uses no PointerHolder.
#define POINTERHOLDER_TRANSITION 4
#include <qpdf/Pl_Flate.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <cctype>
#include <fstream>
#include <memory>

#include "pipeline/output/invisible_text.h"
#include "pipeline/rasterize/rasterize.h"

namespace greffe::output {

namespace {

const std::string kFont = "/GreffeOCR";

QPDFObjectHandle helvetica() {
  return QPDFObjectHandle::parse(
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
}

PlacedPage placed(const DocumentResult& document, const std::vector<CleanLines>& pages, std::size_t index) {
  static const CleanLines none;
  return place_words(document.pages[index], index < pages.size() ? pages[index] : none);
}

// From the pixels of the page as poppler rendered it (its crop box, turned by /Rotate) to the
// page's default user space.
PageTransform rendered_to_user_space(QPDFPageObjectHelper& page, int raster_width, int raster_height) {
  const QPDFObjectHandle::Rectangle crop = page.getCropBox().getArrayAsRectangle();
  QPDFObjectHandle rotate_value = page.getAttribute("/Rotate", false);
  const int rotate = rotate_value.isInteger() ? ((rotate_value.getIntValueAsInt() % 360) + 360) % 360 : 0;
  const double width = crop.urx - crop.llx, height = crop.ury - crop.lly;
  const bool sideways = rotate == 90 || rotate == 270;
  const double sx = (sideways ? height : width) / raster_width,
               sy = (sideways ? width : height) / raster_height;
  switch (rotate) {
    case 90: return {0, sy, crop.llx, sx, 0, crop.lly};
    case 180: return {-sx, 0, crop.urx, 0, sy, crop.lly};
    case 270: return {0, -sy, crop.urx, -sx, 0, crop.ury};
    default: return {sx, 0, crop.llx, 0, -sy, crop.ury};
  }
}

// Wraps the page's own content in q/Q, so that nothing it leaves in the graphics state moves the
// layer, and appends the layer with its font.
void add_invisible_text(QPDF& pdf, QPDFPageObjectHelper& page, const PlacedPage& words,
                        const PageTransform& to_user_space) {
  QPDFObjectHandle resources = page.getAttribute("/Resources", true);
  if (!resources.isDictionary()) {
    resources = QPDFObjectHandle::newDictionary();
    page.getObjectHandle().replaceKey("/Resources", resources);
  }
  QPDFObjectHandle fonts = resources.getKey("/Font");
  if (!fonts.isDictionary()) {
    fonts = QPDFObjectHandle::newDictionary();
    resources.replaceKey("/Font", fonts);
  }
  fonts.replaceKey(kFont, pdf.makeIndirectObject(helvetica()));
  page.addPageContents(QPDFObjectHandle::newStream(&pdf, "q\n"), true);
  page.addPageContents(QPDFObjectHandle::newStream(&pdf, "Q\n" + invisible_text(words, to_user_space, kFont)),
                       false);
}

std::string write(QPDF& pdf) {
  Pl_Flate::setCompressionLevel(9);  // the text layers: smallest, at no cost worth measuring
  QPDFWriter writer(pdf);
  writer.setOutputMemory();
  writer.setDeterministicID(true);
  writer.write();
  const std::shared_ptr<Buffer> buffer = writer.getBufferSharedPointer();
  return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
}

std::string pdf_from_pdf(const DocumentResult& document, const std::vector<CleanLines>& pages) {
  QPDF pdf;
  pdf.setSuppressWarnings(true);
  pdf.processFile(document.input.c_str());
  std::vector<QPDFPageObjectHelper> pdf_pages = QPDFPageDocumentHelper(pdf).getAllPages();
  for (std::size_t i = 0; i < pdf_pages.size() && i < document.pages.size(); ++i) {
    const PageResult& page = document.pages[i];
    if (page.source_width <= 0 || page.source_height <= 0 || page.ocr.lines.empty()) continue;
    const PageTransform to_user = rendered_to_user_space(pdf_pages[i], page.source_width, page.source_height);
    add_invisible_text(pdf, pdf_pages[i], placed(document, pages, i), page.to_ocr.inverse().then(to_user));
  }
  return write(pdf);
}

struct PixDeleter {
  void operator()(PIX* pix) const { pixDestroy(&pix); }
};
struct CidDeleter {
  void operator()(L_COMP_DATA* cid) const { l_CIDataDestroy(&cid); }
};
using PixPtr = std::unique_ptr<PIX, PixDeleter>;
using CidPtr = std::unique_ptr<L_COMP_DATA, CidDeleter>;

bool is_tiff(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  char magic[4] = {};
  file.read(magic, 4);
  return (magic[0] == 'I' && magic[1] == 'I') || (magic[0] == 'M' && magic[1] == 'M');
}

// Page `index` of an image file as PDF can carry it. Leptonica hands over a JPEG's and a PNG's
// own compressed data when PDF can hold them as they are (l_generateCIDataForPdf); a TIFF page is
// decoded, and re-encoded losslessly: CCITT G4 when bilevel, Flate otherwise.
CidPtr image_data(const std::string& path, int index) {
  L_COMP_DATA* cid = nullptr;
  if (!is_tiff(path)) {
    if (l_generateCIDataForPdf(path.c_str(), nullptr, 0, &cid) != 0) return nullptr;
    return CidPtr(cid);
  }
  PixPtr pix(pixReadTiff(path.c_str(), index));
  if (!pix) return nullptr;
  if (pixGetDepth(pix.get()) == 1) {
    if (pixGenerateCIData(pix.get(), L_G4_ENCODE, 0, 0, &cid) != 0) return nullptr;
    return CidPtr(cid);
  }
  PixPtr flat(pixGetColormap(pix.get()) || pixGetDepth(pix.get()) > 8 ? pixConvertTo32(pix.get())
                                                                      : pixConvertTo8(pix.get(), 0));
  if (!flat || pixGenerateCIData(flat.get(), L_FLATE_ENCODE, 0, 0, &cid) != 0) return nullptr;
  return CidPtr(cid);
}

// Leptonica gives a palette as PDF hex text; only its digits are kept.
std::string hex_digits(const std::string& text) {
  std::string digits;
  for (const char c : text)
    if (std::isxdigit(static_cast<unsigned char>(c))) digits += c;
  return digits;
}

QPDFObjectHandle image_xobject(QPDF& pdf, const L_COMP_DATA& cid) {
  QPDFObjectHandle dict = QPDFObjectHandle::newDictionary();
  dict.replaceKey("/Type", QPDFObjectHandle::newName("/XObject"));
  dict.replaceKey("/Subtype", QPDFObjectHandle::newName("/Image"));
  dict.replaceKey("/Width", QPDFObjectHandle::newInteger(cid.w));
  dict.replaceKey("/Height", QPDFObjectHandle::newInteger(cid.h));
  dict.replaceKey("/BitsPerComponent", QPDFObjectHandle::newInteger(cid.bps));
  if (cid.ncolors > 0 && cid.cmapdatahex && hex_digits(cid.cmapdatahex).size() == 6u * cid.ncolors) {
    dict.replaceKey("/ColorSpace",
                    QPDFObjectHandle::parse("[/Indexed /DeviceRGB " + std::to_string(cid.ncolors - 1) + " <" +
                                            hex_digits(cid.cmapdatahex) + ">]"));
  } else {
    dict.replaceKey("/ColorSpace", QPDFObjectHandle::newName(cid.spp == 4   ? "/DeviceCMYK"
                                                             : cid.spp == 3 ? "/DeviceRGB"
                                                                            : "/DeviceGray"));
  }
  QPDFObjectHandle filter, parameters = QPDFObjectHandle::newNull();
  if (cid.type == L_JPEG_ENCODE) {
    filter = QPDFObjectHandle::newName("/DCTDecode");
  } else if (cid.type == L_G4_ENCODE) {
    filter = QPDFObjectHandle::newName("/CCITTFaxDecode");
    parameters =
        QPDFObjectHandle::parse("<< /K -1 /Columns " + std::to_string(cid.w) + " /Rows " +
                                std::to_string(cid.h) + (cid.minisblack ? " /BlackIs1 true" : "") + " >>");
  } else {
    filter = QPDFObjectHandle::newName("/FlateDecode");
    if (cid.predictor)
      parameters = QPDFObjectHandle::parse("<< /Predictor 14 /Columns " + std::to_string(cid.w) +
                                           " /Colors " + std::to_string(cid.spp) + " /BitsPerComponent " +
                                           std::to_string(cid.bps) + " >>");
  }
  QPDFObjectHandle image = pdf.newStream();
  image.replaceDict(dict);
  image.replaceStreamData(std::string(reinterpret_cast<const char*>(cid.datacomp), cid.nbytescomp), filter,
                          parameters);
  return image;
}

Expected<std::string> pdf_from_images(const DocumentResult& document, const std::vector<CleanLines>& pages) {
  QPDF pdf;
  pdf.emptyPDF();
  QPDFPageDocumentHelper pdf_pages(pdf);
  for (std::size_t i = 0; i < document.pages.size(); ++i) {
    const PageResult& page = document.pages[i];
    const CidPtr cid = image_data(document.input, static_cast<int>(i));
    if (!cid)
      return Error{ErrorKind::UnreadableInput, document.input, static_cast<int>(i) + 1,
                   "cannot embed the page image in searchable.pdf"};
    // The page's size in points from the resolution the words were placed with.
    const double dpi = page.report.dpi > 0 ? page.report.dpi : 300;
    const double width = cid->w * 72.0 / dpi, height = cid->h * 72.0 / dpi;
    QPDFObjectHandle resources = QPDFObjectHandle::newDictionary();
    QPDFObjectHandle xobjects = QPDFObjectHandle::newDictionary();
    xobjects.replaceKey("/Scan", image_xobject(pdf, *cid));
    resources.replaceKey("/XObject", xobjects);
    QPDFObjectHandle dict = QPDFObjectHandle::newDictionary();
    dict.replaceKey("/Type", QPDFObjectHandle::newName("/Page"));
    dict.replaceKey("/MediaBox",
                    QPDFObjectHandle::newArray(QPDFObjectHandle::Rectangle(0, 0, width, height)));
    dict.replaceKey("/Resources", resources);
    dict.replaceKey("/Contents", pdf.newStream("q " + std::to_string(width) + " 0 0 " +
                                               std::to_string(height) + " 0 0 cm /Scan Do Q\n"));
    QPDFPageObjectHelper new_page(pdf.makeIndirectObject(dict));
    pdf_pages.addPage(new_page, false);
    QPDFPageObjectHelper added = pdf_pages.getAllPages().back();
    if (page.source_width > 0 && !page.ocr.lines.empty()) {
      // Pixels of the page as read -> points, y up.
      const PageTransform to_user{width / page.source_width, 0, 0, 0, -height / page.source_height, height};
      add_invisible_text(pdf, added, placed(document, pages, i), page.to_ocr.inverse().then(to_user));
    }
  }
  return write(pdf);
}

}  // namespace

Expected<std::string> searchable_pdf(const DocumentResult& document, const std::vector<CleanLines>& pages) {
  try {
    if (rasterize::sniff_format(document.input) == rasterize::InputFormat::Pdf)
      return pdf_from_pdf(document, pages);
    return pdf_from_images(document, pages);
  } catch (const std::exception& e) {
    return Error{ErrorKind::Internal, document.input, 0,
                 std::string("cannot write searchable.pdf: ") + e.what()};
  }
}

}  // namespace greffe::output
