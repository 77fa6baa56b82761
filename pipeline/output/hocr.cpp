#include "pipeline/output/hocr.h"

#include <cmath>
#include <sstream>

#include "ocr/engine.h"

#ifndef GREFFE_VERSION
#define GREFFE_VERSION "unknown"
#endif

namespace greffe::output {

namespace {

std::string bbox(const Box& box) {
  std::ostringstream out;
  out << "bbox " << box.left << ' ' << box.top << ' ' << box.left + box.width << ' ' << box.top + box.height;
  return out.str();
}

}  // namespace

std::string hocr_page(const PlacedPage& page, int page_number, const std::string& image) {
  std::ostringstream out;
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\"\n"
         "    \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">\n"
         "<html xmlns=\"http://www.w3.org/1999/xhtml\" xml:lang=\"fr\" lang=\"fr\">\n"
         " <head>\n"
         "  <title>"
      << xml_escape(image) << " page " << page_number
      << "</title>\n"
         "  <meta http-equiv=\"Content-Type\" content=\"text/html;charset=utf-8\"/>\n"
         "  <meta name=\"ocr-system\" content=\"greffe " GREFFE_VERSION " ("
      << xml_escape(ocr::tesseract_version())
      << ")\"/>\n"
         "  <meta name=\"ocr-capabilities\" content=\"ocr_page ocr_carea ocr_par ocr_line ocrx_word "
         "ocrp_wconf\"/>\n"
         " </head>\n"
         " <body>\n";
  out << "  <div class=\"ocr_page\" id=\"page_" << page_number << "\" title=\"image &quot;"
      << xml_escape(image) << "&quot;; " << bbox({0, 0, page.width, page.height}) << "; ppageno "
      << page_number - 1;
  if (page.dpi > 0) out << "; scan_res " << page.dpi << ' ' << page.dpi;
  out << "\">\n";

  // Blocks and paragraphs are runs of lines with the same engine index; their boxes are the
  // union of their lines', so each is written once its lines are known.
  std::ostringstream angle;
  if (std::abs(page.text_angle) >= 0.05) angle << "; textangle " << std::round(page.text_angle * 100) / 100;
  int word_id = 0, line_id = 0, par_id = 0, block_id = 0;
  for (std::size_t i = 0; i < page.lines.size();) {
    const int block = page.lines[i].block;
    std::size_t block_end = i;
    Box block_box;
    while (block_end < page.lines.size() && page.lines[block_end].block == block)
      block_box = union_of(block_box, page.lines[block_end++].box);
    // A sidebar's, a stamp box's or a letterhead cell's blocks say so in their class (pipeline/layout.h);
    // the body's are plain.
    const std::string& region = page.lines[i].region;
    const char* tag = region == "sidebar"      ? " greffe_sidebar"
                      : region == "stamp"      ? " greffe_stamp"
                      : region == "letterhead" ? " greffe_letterhead"
                                               : "";
    out << "   <div class=\"ocr_carea" << tag << "\" id=\"block_" << page_number << '_' << ++block_id
        << "\" title=\"" << bbox(block_box) << "\">\n";
    while (i < block_end) {
      const int paragraph = page.lines[i].paragraph;
      std::size_t par_end = i;
      Box par_box;
      while (par_end < block_end && page.lines[par_end].paragraph == paragraph)
        par_box = union_of(par_box, page.lines[par_end++].box);
      out << "    <p class=\"ocr_par\" id=\"par_" << page_number << '_' << ++par_id
          << "\" lang=\"fra\" title=\"" << bbox(par_box) << "\">\n";
      for (; i < par_end; ++i) {
        const PlacedLine& line = page.lines[i];
        out << "     <span class=\"ocr_line" << (line.stamp ? " greffe_stamp" : "") << "\" id=\"line_"
            << page_number << '_' << ++line_id << "\" title=\"" << bbox(line.box) << angle.str() << "\">\n";
        for (const PlacedWord& word : line.words) {
          out << "      <span class=\"ocrx_word\" id=\"word_" << page_number << '_' << ++word_id
              << "\" title=\"" << bbox(word.box) << "; x_wconf "
              << static_cast<int>(std::lround(word.confidence)) << "\">" << xml_escape(word.text)
              << "</span>\n";
        }
        out << "     </span>\n";
      }
      out << "    </p>\n";
    }
    out << "   </div>\n";
  }
  out << "  </div>\n </body>\n</html>\n";
  return out.str();
}

}  // namespace greffe::output
