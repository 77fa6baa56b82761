// Minimal hand-written PDFs for error cases no fixture file should carry: a document with no
// pages, and one encrypted with a password nobody knows. Offsets in the xref are computed.
#pragma once

#include <cstdio>
#include <sstream>
#include <string>
#include <vector>

namespace greffe::test {

inline std::string make_pdf(const std::vector<std::string>& objects, const std::string& trailer_extra) {
  std::string pdf = "%PDF-1.4\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const std::size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (std::size_t offset : offsets) {
    char entry[32];
    std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", offset);
    pdf += entry;
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R " + trailer_extra +
         " >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

inline std::string pdf_without_pages() {
  return make_pdf({"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] /Count 0 >>"}, "");
}

inline std::string encrypted_pdf() {
  const std::string hash32(64, 'A');  // 32 bytes of 0xAA: matches no password, the empty one included
  return make_pdf(
      {"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
       "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
       "<< /Filter /Standard /V 1 /R 2 /O <" + hash32 + "> /U <" + hash32 + "> /P -4 >>"},
      "/Encrypt 4 0 R /ID [<0123456789ABCDEF0123456789ABCDEF><0123456789ABCDEF0123456789ABCDEF>]");
}

// UTF-8 text in PDFDocEncoding's sibling WinAnsiEncoding (Latin-1 plus œ, ’, €, …), escaped
// for a PDF string; characters it lacks become '?'.
inline std::string win_ansi(const std::string& utf8) {
  std::string out;
  for (std::size_t i = 0; i < utf8.size();) {
    const unsigned char c = static_cast<unsigned char>(utf8[i]);
    unsigned code = c;
    int length = 1;
    if (c >= 0xF0)
      code = '?', length = 4;
    else if (c >= 0xE0 && i + 2 < utf8.size())
      code = ((c & 0x0F) << 12) | ((utf8[i + 1] & 0x3F) << 6) | (utf8[i + 2] & 0x3F), length = 3;
    else if (c >= 0xC0 && i + 1 < utf8.size())
      code = ((c & 0x1F) << 6) | (utf8[i + 1] & 0x3F), length = 2;
    i += length;
    if (code == 0x153)
      code = 0x9C;  // œ
    else if (code == 0x152)
      code = 0x8C;  // Œ
    else if (code == 0x2019)
      code = 0x92;  // ’
    else if (code == 0x20AC)
      code = 0x80;  // €
    else if (code == 0x2013 || code == 0x2014)
      code = 0x96;  // –
    else if (code == 0x2026)
      code = 0x85;  // …
    else if (code > 0xFF)
      code = '?';
    if (code == '(' || code == ')' || code == '\\') out += '\\';
    out += static_cast<char>(code);
  }
  return out;
}

// One A4 page drawn by `content` (a content stream; font /F1 is Helvetica in WinAnsiEncoding).
inline std::string one_page_pdf(const std::string& content) {
  return make_pdf(
      {"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
       "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> "
       "/Contents 4 0 R >>",
       "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "endstream",
       "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"},
      "");
}

// A born-digital PDF: each page's text in Helvetica 9 pt, one line per line of the text, long
// lines wrapped at 100 characters (A4, at most 80 lines a page).
inline std::string text_pdf(const std::vector<std::string>& pages) {
  std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>", "",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"};
  std::string kids;
  for (const std::string& text : pages) {
    std::string content = "BT /F1 9 Tf 11 TL 40 800 Td\n";
    int lines = 0;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line) && lines < 70;) {
      do {
        std::size_t cut = line.size();
        if (cut > 100) {
          cut = line.rfind(' ', 100);
          if (cut == std::string::npos || cut == 0) cut = 100;
        }
        content += "(" + win_ansi(line.substr(0, cut)) + ") Tj T*\n";
        line = cut < line.size() ? line.substr(cut + 1) : "";
        ++lines;
      } while (!line.empty());
    }
    content += "ET\n";
    const std::size_t page_object = objects.size() + 1;
    objects.push_back(
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
        "/Contents " +
        std::to_string(page_object + 1) + " 0 R >>");
    objects.push_back("<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content +
                      "endstream");
    kids += std::to_string(page_object) + " 0 R ";
  }
  objects[1] = "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages.size()) + " >>";
  return make_pdf(objects, "");
}

}  // namespace greffe::test
