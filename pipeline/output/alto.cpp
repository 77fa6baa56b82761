#include "pipeline/output/alto.h"

#include <cmath>
#include <sstream>

#ifndef GREFFE_VERSION
#define GREFFE_VERSION "unknown"
#endif

namespace greffe::output {

namespace {

std::string position(const Box& box) {
  std::ostringstream out;
  out << "HPOS=\"" << box.left << "\" VPOS=\"" << box.top << "\" WIDTH=\"" << box.width << "\" HEIGHT=\""
      << box.height << '"';
  return out.str();
}

bool ends_with_hyphen(const std::string& text) {
  return text.size() > 1 && text.back() == '-';
}

}  // namespace

std::string alto_page(const PlacedPage& page, int page_number, const std::string& image) {
  std::ostringstream out;
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<alto xmlns=\"http://www.loc.gov/standards/alto/ns-v4#\" "
         "xmlns:xlink=\"http://www.w3.org/1999/xlink\"\n"
         "      xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
         "      xsi:schemaLocation=\"http://www.loc.gov/standards/alto/ns-v4# "
         "http://www.loc.gov/standards/alto/v4/alto-4-4.xsd\"\n"
         "      SCHEMAVERSION=\"4.4\">\n"
         "  <Description>\n"
         "    <MeasurementUnit>pixel</MeasurementUnit>\n"
         "    <sourceImageInformation>\n"
         "      <fileName>"
      << xml_escape(image)
      << "</fileName>\n"
         "    </sourceImageInformation>\n"
         "    <OCRProcessing ID=\"OCR_0\">\n"
         "      <ocrProcessingStep>\n"
         "        <processingStepDescription>Tesseract (fra) on the preprocessed page; words repaired by "
         "greffe's "
         "cleanup; positions on the page as read</processingStepDescription>\n"
         "        <processingSoftware>\n"
         "          <softwareName>greffe</softwareName>\n"
         "          <softwareVersion>" GREFFE_VERSION
         "</softwareVersion>\n"
         "        </processingSoftware>\n"
         "      </ocrProcessingStep>\n"
         "    </OCRProcessing>\n"
         "  </Description>\n"
         "  <Tags>\n"
         "    <OtherTag ID=\"STAMP\" LABEL=\"stamp\" DESCRIPTION=\"legality stamp or @ctes receipt printed "
         "over the "
         "page: not the act's text\"/>\n"
         "    <OtherTag ID=\"SIDEBAR\" LABEL=\"sidebar\" DESCRIPTION=\"left column beside the body (member "
         "counts, "
         "dates, the act's number and title), read as its own region before the body\"/>\n"
         "    <OtherTag ID=\"LETTERHEAD\" LABEL=\"letterhead\" DESCRIPTION=\"a cell of the letterhead "
         "printed "
         "side by side at the page's head (department, district, commune), read as its own region before the "
         "body\"/>\n"
         "  </Tags>\n"
         "  <Layout>\n";
  out << "    <Page ID=\"page_" << page_number << "\" PHYSICAL_IMG_NR=\"" << page_number << "\" WIDTH=\""
      << page.width << "\" HEIGHT=\"" << page.height << "\">\n";
  out << "      <PrintSpace HPOS=\"0\" VPOS=\"0\" WIDTH=\"" << page.width << "\" HEIGHT=\"" << page.height
      << "\">\n";

  std::ostringstream rotation;
  if (std::abs(page.text_angle) >= 0.05)
    rotation << " ROTATION=\"" << std::round(page.text_angle * 100) / 100 << '"';
  int block_id = 0, line_id = 0, word_id = 0;
  for (std::size_t i = 0; i < page.lines.size();) {
    // A TextBlock per paragraph of the engine: ALTO has no paragraph level.
    const int block = page.lines[i].block, paragraph = page.lines[i].paragraph;
    std::size_t end = i;
    Box box;
    while (end < page.lines.size() && page.lines[end].block == block &&
           page.lines[end].paragraph == paragraph)
      box = union_of(box, page.lines[end++].box);
    out << "        <TextBlock ID=\"block_" << page_number << '_' << ++block_id << "\" " << position(box)
        << rotation.str()
        << (page.lines[i].region == "sidebar"      ? " TAGREFS=\"SIDEBAR\""
            : page.lines[i].region == "stamp"      ? " TAGREFS=\"STAMP\""
            : page.lines[i].region == "letterhead" ? " TAGREFS=\"LETTERHEAD\""
                                                   : "")
        << ">\n";
    for (; i < end; ++i) {
      const PlacedLine& line = page.lines[i];
      out << "          <TextLine ID=\"line_" << page_number << '_' << ++line_id << "\" "
          << position(line.box) << (line.stamp ? " TAGREFS=\"STAMP\"" : "") << ">\n";
      bool hyphen = false;
      for (std::size_t j = 0; j < line.words.size(); ++j) {
        const PlacedWord& word = line.words[j];
        std::string content = word.text;
        // The line's last word, cut: its hyphen is the line's HYP.
        hyphen = word.hyphen_part == 1 && j + 1 == line.words.size() && ends_with_hyphen(content);
        if (hyphen) content.pop_back();
        if (j > 0) out << "            <SP/>\n";
        out << "            <String ID=\"string_" << page_number << '_' << ++word_id << "\" CONTENT=\""
            << xml_escape(content) << "\" " << position(word.box) << " WC=\""
            << std::round(std::max(0.0f, std::min(100.0f, word.confidence))) / 100 << '"';
        if (word.hyphen_part == 1 || word.hyphen_part == 2)
          out << " SUBS_TYPE=\"HypPart" << word.hyphen_part << "\" SUBS_CONTENT=\"" << xml_escape(word.joined)
              << '"';
        out << "/>\n";
      }
      if (hyphen) out << "            <HYP CONTENT=\"-\"/>\n";
      out << "          </TextLine>\n";
    }
    out << "        </TextBlock>\n";
  }
  out << "      </PrintSpace>\n    </Page>\n  </Layout>\n</alto>\n";
  return out.str();
}

}  // namespace greffe::output
