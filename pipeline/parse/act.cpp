// The act: its number ("IVIS 011-9466/21/BM", "IVIS-009-12287/22/BM", communes "Délibération
// n° 2023-087"), its title (after "■", which OCR reads "m", "#", "s" or "=", or after "Objet :")
// and the internal reference that ends the title ("MET 21/17660/BM").
#include <cctype>
#include <regex>

#include "pipeline/parse/grammar.h"

namespace greffe::parse {

namespace {

// The Métropole's number, alone on its line; `rest` gets what a reflow may have put after it
// on the same line (the title).
std::optional<std::string> act_number(const Paragraph& p, std::string& rest,
                                      std::vector<std::string>& warnings) {
  static const std::regex metropole(
      "^([A-Za-z]{2,6})([ -][0-9]{3}-[0-9]{3,6}/[0-9]{2}/[A-Z]{2,3})(?: (.+))?$");
  std::smatch m;
  if (p.text.size() < 2000 && std::regex_match(p.text, m, metropole)) {
    rest = m[3].matched ? m[3].str() : "";
    std::string service = m[1].str();
    // The service code is printed in capitals; OCR turns "IVIS" into "iVIS". One or two stray
    // characters after the number ("… /22/BM k") are speckle, not a title.
    const bool damaged = rest.size() <= 2 && !rest.empty();
    for (char& c : service) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (damaged) rest.clear();
    if (damaged || service != m[1].str())
      warnings.push_back(describe(p.place) + ": act number read from damaged text \"" + p.text + "\"");
    return service + m[2].str();
  }
  // "Délibération n° 2023-087", "DELIBERATION N°2023-087", "Délibération n°: DEL-2023-087"
  static const std::regex communal("^deliberation\\s+n\\s*(\xC2\xB0|o)\\s*:?\\s*[a-z0-9][a-z0-9/_.-]*$");
  if (std::regex_match(p.folded, communal)) {
    auto at = p.text.find("\xC2\xB0");
    at = at == std::string::npos ? p.text.rfind(' ') + 1 : at + 2;
    std::string number = p.text.substr(at);
    number.erase(0, number.find_first_not_of(" :"));
    return number;
  }
  return std::nullopt;
}

// "Objet : …" of communal acts.
std::optional<std::string> object_line(const Paragraph& p) {
  static const std::regex object("^objet\\s*:\\s*");
  std::smatch m;
  if (!std::regex_search(p.folded, m, object)) return std::nullopt;
  return p.text.substr(m.length(0));  // the prefix is ASCII, so folded and printed lengths agree
}

// A title marker OCR read as some other glyph: "m Attribution …", "s Approbation …", "æ
// Approbation …", "8 Attribution …". Only a lone glyph (one code point) before a capital is taken
// for one, so a title that starts with a word, or with "À la", is left alone.
std::string without_ocr_marker(const std::string& title) {
  if (title.empty()) return title;
  const unsigned char lead = static_cast<unsigned char>(title[0]);
  const std::size_t glyph = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
  if (title.size() < glyph + 2 || title[glyph] != ' ') return title;
  const unsigned char next = static_cast<unsigned char>(title[glyph + 1]);
  const bool capital = (next >= 'A' && next <= 'Z') || (next == 0xC3 && title.size() > glyph + 2 &&
                                                        static_cast<unsigned char>(title[glyph + 2]) <= 0x9E);
  return capital ? title.substr(glyph + 1) : title;
}

void set_title(std::string title, Deliberation& out) {
  static const std::regex reference(" ([A-Z]{2,5} [0-9]{2}/[0-9]{3,6}/[A-Z]{2,3})$");
  std::smatch m;
  if (std::regex_search(title, m, reference)) {
    out.internal_ref = m[1].str();
    title = title.substr(0, m.position(0));
  }
  out.title = title;
}

}  // namespace

bool introduces_report(const std::string& folded) {
  return folded.find("rapport suivant") != std::string::npos ||
         folded.find("expose ce qui suit") != std::string::npos;
}

bool closes_report(const std::string& folded) {
  return folded.rfind("telles sont les raisons", 0) == 0 || folded.rfind("tels sont les motifs", 0) == 0;
}

std::optional<std::size_t> read_act(const Paragraphs& paragraphs, Span zone, std::vector<bool>& used,
                                    Deliberation& out) {
  std::optional<std::size_t> last;
  for (std::size_t i = zone.begin; i < zone.end && !out.number; ++i) {
    std::string rest;
    if (auto number = act_number(paragraphs[i], rest, out.warnings)) {
      out.number = *number;
      used[i] = true;
      last = i;
      const std::size_t next = i + 1;
      if (!rest.empty()) {
        // "IVIS 011-9466/21/BM ■ Attribution …" on one line: a title bullet is a lone glyph.
        const std::string bullet = "\xE2\x96\xA0 ";
        if (rest.compare(0, bullet.size(), bullet) == 0) rest.erase(0, bullet.size());
        set_title(without_ocr_marker(rest), out);
      } else if (next < zone.end && !used[next] && !introduces_report(paragraphs[next].folded) &&
                 !object_line(paragraphs[next])) {
        set_title(without_ocr_marker(paragraphs[next].text), out);
        used[next] = true;
        last = next;
      }
    }
  }
  if (!out.title) {
    for (std::size_t i = zone.begin; i < zone.end; ++i) {
      if (auto title = object_line(paragraphs[i])) {
        set_title(*title, out);
        used[i] = true;
        if (!last || *last < i) last = i;
        break;
      }
    }
  }
  if (!out.number)
    out.warnings.push_back("no act number (\"IVIS 011-9466/21/BM\", \"Délibération n° …\") found");
  if (!out.title) out.warnings.push_back("no title (\"■ …\", \"Objet : …\") found");
  return last;
}

}  // namespace greffe::parse
