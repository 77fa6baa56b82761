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
std::optional<std::string> act_number(const Paragraph& p, std::string& rest, bool& alone,
                                      std::vector<std::string>& warnings) {
  alone = true;
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
  // "Délibération n° 2023-087", "Délibération n°: DEL-2023-087", "N° 2016.02.16 - Subvention …",
  // "n° 13-02-2023 - Approbation …", "n° 2014 / 183" (a sidebar's number, the rest of its line
  // being another column), "DELIBERATION N° 2023-12 : Tarifs …", "PACU/17-2023 Etude de …" (a
  // service's code, its sequence and year, then the title): the grammar of number.cpp. Unannounced,
  // an extract's number carries a code ("DEL2024-112"), since a report's line may open with figures.
  const std::string head = p.text.substr(0, 1200);
  if (auto n = read_announced_number(head)) {
    const bool coded = n->number.find_first_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") != std::string::npos;
    if (!n->announced && !(coded && !n->rest.empty())) return std::nullopt;
    // "n° 2014 / 183 Objet …" in a sidebar: after an announced number, what follows on its line
    // is a title when a separator introduces it, else another column.
    rest = n->announced && !n->separated ? "" : n->rest;
    alone = n->rest.empty();
    return n->number;
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
  // "Monsieur le Maire, Philippe DUPONT, rapporte :", "Madame X, Adjointe, expose :".
  static const std::regex speaks("^(monsieur|madame|m\\.|mme)[^.:]{0,120}[ ,](rapporte|expose)\\s*:$");
  return folded.find("rapport suivant") != std::string::npos ||
         folded.find("expose ce qui suit") != std::string::npos ||
         (folded.size() < 200 && std::regex_search(folded, speaks));
}

bool closes_report(const std::string& folded) {
  return folded.rfind("telles sont les raisons", 0) == 0 || folded.rfind("tels sont les motifs", 0) == 0;
}

std::optional<std::size_t> read_act(const Paragraphs& paragraphs, Span zone, std::vector<bool>& used,
                                    Deliberation& out) {
  std::optional<std::size_t> last;
  for (std::size_t i = zone.begin; i < zone.end && !out.number; ++i) {
    // "Délibération : 4 Abstention 7 Contre 0 Pour": a vote under the word, not a number.
    if (is_vote_statement(paragraphs[i].folded)) continue;
    std::string rest;
    bool alone = true;
    if (auto number = act_number(paragraphs[i], rest, alone, out.warnings)) {
      out.number = *number;
      used[i] = true;
      last = i;
      const std::size_t next = i + 1;
      if (!rest.empty()) {
        // "IVIS 011-9466/21/BM ■ Attribution …" on one line: a title bullet is a lone glyph.
        const std::string bullet = "\xE2\x96\xA0 ";
        if (rest.compare(0, bullet.size(), bullet) == 0) rest.erase(0, bullet.size());
        set_title(without_ocr_marker(rest), out);
      } else if (alone && next < zone.end && !used[next] && !introduces_report(paragraphs[next].folded) &&
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
  if (!out.title) {
    // A title printed on its own, centred or in a sidebar, just before the report's introduction
    // ("Report d'affectation de subventions" / "Monsieur le Maire, X, rapporte :"): a short
    // paragraph that ends no sentence and that attendance did not read.
    for (std::size_t i = zone.begin + 1; i < zone.end; ++i) {
      if (!introduces_report(paragraphs[i].folded)) continue;
      const Paragraph& before = paragraphs[i - 1];
      const char end = before.text.empty() ? '.' : before.text.back();
      if (!used[i - 1] && before.text.size() < 300 && end != '.' && end != ':' && end != ',' && end != ';' &&
          !before.bullet) {
        set_title(before.text, out);
        used[i - 1] = true;
        if (!last || *last < i - 1) last = i - 1;
      }
      break;
    }
  }
  if (!out.number)
    out.warnings.push_back("no act number (\"IVIS 011-9466/21/BM\", \"Délibération n° …\") found");
  if (!out.title) out.warnings.push_back("no title (\"■ …\", \"Objet : …\") found");
  return last;
}

}  // namespace greffe::parse
