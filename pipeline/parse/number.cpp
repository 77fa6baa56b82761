// The grammar of act numbers, one for extracts (act.cpp) and for the headings of minutes
// (parse.cpp): "2020-038", "2023_033_D", "2023_034 _D", "20240219_1", "20231218 1",
// "DL-055-07-13", "2025-12-09-DCM-02", "D2018-67", "DEL2025-59", "BC_2023_008", "DCM 23.1.49",
// "2016.02.16", "13-02-2023", "n° 2014 / 183". A number is a run of segments (letters and figures)
// joined by "-", "_", "/" or "."; a separator spaced on both sides (" - ", " : ") ends it, as it
// introduces the title.
#include <algorithm>
#include <cctype>

#include "pipeline/parse/grammar.h"

namespace greffe::parse {

namespace {

bool is_ascii_alnum(unsigned char c) {
  return std::isalnum(c) != 0 && c < 0x80;
}

bool is_join(char c) {
  return c == '-' || c == '_' || c == '/' || c == '.';
}

// A segment: ASCII letters and figures up to a word boundary. A word with accents
// ("Délibération") is no segment: its first byte outside ASCII ends nothing, so it fails whole.
struct Segment {
  std::size_t end = 0;
  bool figures = false;
  bool letters = false;
  bool capitals = true;  // every letter a capital
  bool measure = false;  // figures then letters ("1427H", "27H44", "3km"): a quantity, not a code
};

std::optional<Segment> segment_at(const std::string& text, std::size_t at) {
  Segment s;
  std::size_t i = at;
  while (i < text.size() && is_ascii_alnum(static_cast<unsigned char>(text[i]))) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (std::isdigit(c)) s.figures = true;
    if (std::isalpha(c)) {
      if (s.figures) s.measure = true;
      s.letters = true;
      if (!std::isupper(c)) s.capitals = false;
    }
    ++i;
  }
  if (i == at || s.measure) return std::nullopt;
  if (i < text.size() && static_cast<unsigned char>(text[i]) >= 0x80) return std::nullopt;  // "Délib…"
  s.end = i;
  return s;
}

// A segment after the first one: figures, or a short code in capitals ("_D", "-DCM-"); a word
// ("-Consultation", "- TARIFS") is the title's.
bool continues_number(const Segment& s, std::size_t length) {
  return s.figures || (s.capitals && length <= 4);
}

}  // namespace

std::optional<ActNumber> read_act_number(const std::string& text, bool marked) {
  ActNumber out;
  std::size_t at = 0;
  auto first = segment_at(text, at);
  if (!first) return std::nullopt;
  // The first segment is figures, figures with a code ("D06", "DEL2025"), or a code in capitals
  // ("DL", "BC", "DCM") that a separator or a space joins to figures.
  if (!first->figures && !(first->capitals && first->end - at <= 8)) return std::nullopt;
  std::size_t end = first->end;
  int segments = 1;
  bool figures = first->figures;
  bool spaced_code = false;
  int figure_segments = first->figures ? 1 : 0;
  std::size_t longest_figures = first->figures ? first->end - at : 0;
  for (;;) {
    std::size_t i = end;
    // OCR puts a space beside a separator ("2023_034 _D", "2020- 047", "2014 / 183").
    const bool space_before = i < text.size() && text[i] == ' ';
    if (space_before) ++i;
    if (i < text.size() && is_join(text[i])) {
      const char join = text[i++];
      const bool space_after = i < text.size() && text[i] == ' ';
      if (space_after) ++i;
      // " - " and " : " introduce the title; " / " joins figures only ("n° 2014 / 183").
      if (space_before && space_after && join != '/') break;
      auto next = segment_at(text, i);
      if (!next || !continues_number(*next, next->end - i)) break;
      if ((space_after || space_before) && !next->figures && join != '_') break;
      end = next->end;
      figures = figures || next->figures;
      if (next->figures) {
        ++figure_segments;
        longest_figures = std::max(longest_figures, next->end - i);
      }
      ++segments;
      continue;
    }
    // A code and its figures ("DCM 23.1.49", "CP 2022-131"), a date and its sequence
    // ("20231218 1 Admissions …"): a space joins them.
    if (space_before && segments == 1) {
      auto next = segment_at(text, i);
      const std::size_t length = next ? next->end - i : 0;
      const bool code_then_figures = !first->figures && next && next->figures && !next->letters;
      const bool date_then_sequence = first->figures && !first->letters && first->end - at == 8 && next &&
                                      next->figures && !next->letters && length <= 3;
      if (code_then_figures || date_then_sequence) {
        end = next->end;
        figures = true;
        ++segments;
        spaced_code = code_then_figures;
        if (date_then_sequence) break;
        continue;
      }
    }
    break;
  }
  if (!figures) return std::nullopt;
  // A lone figure is a list's number ("1) …", "3. …"), and "2023" a year; a lone segment is an
  // act's number when it mixes a code and figures ("D06") or when "n°" announces it.
  if (segments == 1 && !marked) return std::nullopt;
  // "Le 12 …" or a word: a segment of letters alone must be followed by figures (checked above).
  if (segments == 1 && !first->figures) return std::nullopt;
  // Unannounced, a number has two groups of figures or a year's ("2020-038", "D2018-67"), so
  // that "COVID-19 : …" opens no act.
  if (!marked && figure_segments < 2 && longest_figures < 4) return std::nullopt;
  // A code before figures is a number's when the figures are one too ("DCM 23.1.49", "CP
  // 2022-131"), not a word and a count ("POINT 3", "ARTICLE 2").
  if (spaced_code && segments < 3) return std::nullopt;
  // A sum is no number: "1.500,00 €", "2.000 euros".
  {
    std::size_t after = end;
    if (after < text.size() && text[after] == ',' && after + 1 < text.size() &&
        std::isdigit(static_cast<unsigned char>(text[after + 1])))
      return std::nullopt;
    while (after < text.size() && text[after] == ' ') ++after;
    if (text.compare(after, 3, "\xE2\x82\xAC") == 0 || text.compare(after, 4, "euro") == 0 ||
        text.compare(after, 4, "EURO") == 0)
      return std::nullopt;
  }
  std::string number;
  for (std::size_t i = 0; i < end; ++i) {
    const char c = text[i];
    // The space OCR put on one side of a separator ("2023_034 _D") is no part of the number; a
    // separator spaced on both sides is printed so ("2014 / 183"), and the space joining a code
    // or a date to its figures is the number's.
    const bool after_join = i > 0 && is_join(text[i - 1]) && !(i >= 2 && text[i - 2] == ' ');
    const bool before_join = i + 1 < end && is_join(text[i + 1]) && !(i + 2 < end && text[i + 2] == ' ');
    if (c == ' ' && (after_join || before_join)) continue;
    number += c;
  }
  out.number = number;
  out.end = end;
  std::size_t rest = end;
  for (;; ++rest) {
    if (rest < text.size() && (text[rest] == '-' || text[rest] == ':')) {
      out.separated = true;
    } else if (text.compare(rest, 3, "\xE2\x80\x93") == 0) {  // "–"
      out.separated = true;
      rest += 2;
    } else if (!(rest < text.size() && (text[rest] == ' ' || text[rest] == '_' || text[rest] == '.'))) {
      break;
    }
  }
  out.rest = text.substr(rest);
  return out;
}

std::optional<ActNumber> read_announced_number(const std::string& text) {
  // "Délibération n° 2023-087", "DELIBERATION N°2023-087 :", "N° 13-02-2023 - …", "No. 12",
  // "Délibération D2018-67": the words that announce a number, skipped.
  std::size_t at = 0;
  bool marked = false;
  for (const char* word :
       {"D\xC3\xA9lib\xC3\xA9ration", "D\xC3\x89LIB\xC3\x89RATION", "Deliberation", "DELIBERATION"}) {
    const std::string w(word);
    if (text.compare(0, w.size(), w) == 0 && (text.size() == w.size() || text[w.size()] == ' ')) {
      at = w.size();
      marked = true;
      break;
    }
  }
  while (at < text.size() && text[at] == ' ') ++at;
  for (const char* sign : {"n\xC2\xB0", "N\xC2\xB0", "n \xC2\xB0", "N \xC2\xB0", "No. ", "No "}) {
    const std::string s(sign);
    if (text.compare(at, s.size(), s) == 0) {
      at += s.size();
      marked = true;
      break;
    }
  }
  while (at < text.size() && (text[at] == ' ' || text[at] == ':')) ++at;
  auto number = read_act_number(text.substr(at), marked);
  if (number) {
    number->end += at;
    number->announced = marked;
  }
  return number;
}

}  // namespace greffe::parse
