#include "cleanup/stamp_lines.h"

#include <algorithm>
#include <regex>
#include <string>
#include <vector>

#include "cleanup/fold.h"
#include "cleanup/french_date.h"

namespace greffe::cleanup {

namespace {

// Smallest edit distance between `pattern` and any part of `text` (Sellers' algorithm).
std::size_t distance_within(const std::string& pattern, const std::string& text) {
  std::vector<std::size_t> column(pattern.size() + 1);
  for (std::size_t i = 0; i <= pattern.size(); ++i) column[i] = i;
  std::size_t best = column.back();
  for (char c : text) {
    std::size_t diagonal = column[0];
    column[0] = 0;  // a match may start anywhere in the text
    for (std::size_t i = 1; i <= pattern.size(); ++i) {
      const std::size_t above = column[i];
      column[i] = std::min({column[i] + 1, column[i - 1] + 1, diagonal + (pattern[i - 1] == c ? 0 : 1)});
      diagonal = above;
    }
    best = std::min(best, column.back());
  }
  return best;
}

enum class Field { None, SignedOn, ReceivedOn, TransmittedOn };

struct StampPhrase {
  const char* letters;
  Field field;
};

const StampPhrase kPhrases[] = {
    {"signele", Field::SignedOn},
    {"recuaucontroledelegalite", Field::ReceivedOn},
    {"accusedereceptionenprefecture", Field::None},
    {"datedeteletransmission", Field::TransmittedOn},
    {"datedereceptionprefecture", Field::ReceivedOn},
    // What survives of "Reçu au Contrôle de légalité le" when the stamp is badly printed.
    {"delegalitele", Field::ReceivedOn},
    // S²LOW: "Envoyé en préfecture le 18/12/2023 / Reçu en préfecture le 18/12/2023 / Publié le /
    // ID : 007-…-DE"; the @ctes box of born-digital acts, "Accusé de réception – Ministère de
    // l'intérieur" (its "Envoi Préfecture : …" share a line with the act's text: remove_inline_stamps).
    {"envoyeenprefecturele", Field::TransmittedOn},
    {"recuenprefecturele", Field::ReceivedOn},
    {"accusedereceptionministeredelinterieur", Field::None},
    {"actecertifieexecutoire", Field::None},
    {"publiele", Field::None},
};

// OCR reads the slashes of "19/05/2022" as ' ; : and the like.
std::string with_repaired_date_separators(std::string_view line) {
  static const std::regex damaged("(\\d{1,2})\\s*[^\\w\\s]{1,2}\\s*(\\d{1,2})\\s*[^\\w\\s]{1,2}\\s*(\\d{4})");
  return std::regex_replace(std::string(line), damaged, "$1/$2/$3");
}

void keep_first(std::optional<std::string>& slot, std::string_view line) {
  if (slot) return;
  if (auto date = find_french_date(with_repaired_date_separators(line))) slot = date->iso;
}

}  // namespace

bool read_stamp_line(std::string_view line, Legality& legality) {
  // The @ctes act id: department, SIREN, date, the authority's own number, nature ("DE": délibération).
  // OCR may put a speck before it and read a digit more or less.
  static const std::regex act_id_line(
      "^\\W*(?:\\S{1,2}\\s*:?\\s+)?(\\d{3}-\\d{6,10}-\\d{8}-\\S+-[A-Z]{1,3})\\W*$");
  static const std::regex act_id_exact("\\d{3}-\\d{9}-\\d{8}-[A-Za-z0-9_]+-(DE|AI|AR|CC|AU|BF)");
  std::cmatch match;
  const std::string text(line);
  const bool has_digit = text.find_first_of("0123456789") != std::string::npos;
  if (has_digit && std::regex_match(text.c_str(), match, act_id_line)) {
    if (!legality.act_id && std::regex_match(match[1].str(), act_id_exact)) legality.act_id = match[1].str();
    return true;
  }
  // What is left of a badly read act id: a SIREN and a date, on a short line
  // ("ol :-200054807-20220519-12287 DE").
  static const std::regex siren_and_date("[0-9]{9}-[0-9]{8}-");
  if (has_digit && text.size() < 80 && std::regex_search(text, siren_and_date)) return true;

  const std::string letters = folded_letters(line);
  // "Signé le 15 Avril 2021" read "Signé ie …": the word and a date make the stamp.
  if (letters.rfind("signe", 0) == 0 && letters.size() <= 24 &&
      find_french_date(with_repaired_date_separators(line))) {
    keep_first(legality.signed_on, line);
    return true;
  }
  for (const StampPhrase& phrase : kPhrases) {
    const std::string pattern = phrase.letters;
    // A stamp line says little besides its phrase (and a month name): a body sentence that
    // happens to contain "signé le" is much longer.
    if (letters.size() > 2 * pattern.size() + 12) continue;
    // Long phrases are matched loosely (OCR damages a letter in five at worst); a short one
    // like "signé le" must be exact and open the line, or "signalé le" would pass.
    if (pattern.size() >= 12) {
      if (distance_within(pattern, letters) > pattern.size() / 5) continue;
    } else if (letters.find(pattern) > 2) {
      continue;
    }
    switch (phrase.field) {
      case Field::SignedOn: keep_first(legality.signed_on, line); break;
      case Field::ReceivedOn: keep_first(legality.received_on, line); break;
      case Field::TransmittedOn: keep_first(legality.transmitted_on, line); break;
      case Field::None: break;
    }
    return true;
  }
  return false;
}

namespace {

struct InlineStamp {
  std::regex pattern;
  Field field;
};

// Stamp phrases as they sit inside a line when the text was flattened (one line per page or per
// document) or when a stamp box shares a line with the act's text. Each must hold a date or an
// act id, so that a sentence of the act is never taken for one.
const std::vector<InlineStamp>& inline_stamps() {
  static const std::string date = "([0-9]{1,2}/[0-9]{1,2}/[0-9]{4})";
  static const std::string act_id = "([0-9]{3}-[0-9A-Z]{9}-[0-9]{8}-[A-Za-z0-9_ ]{1,40}?-[A-Z]{2})";
  static const std::vector<InlineStamp> list = {
      {std::regex("Envoy(?:\xC3\xA9|e) en pr(?:\xC3\xA9|e)fecture le " + date + " ?"), Field::TransmittedOn},
      {std::regex("Re(?:\xC3\xA7|c)u en pr(?:\xC3\xA9|e)fecture le " + date + " ?"), Field::ReceivedOn},
      {std::regex("Publi(?:\xC3\xA9|e) le(?: " + date + ")? ID ?: ?" + act_id + " ?"), Field::None},
      {std::regex("AR Pr(?:\xC3\xA9|e)fecture " + act_id + " Re(?:\xC3\xA7|c)u le " + date +
                  "(?: Publi(?:\xC3\xA9|e) le " + date + ")? ?"),
       Field::ReceivedOn},
      {std::regex("Envoi Pr(?:\xC3\xA9|e)fecture ?: ?" + date + " ?"), Field::TransmittedOn},
      {std::regex("R(?:\xC3\xA9|e)ception en Pr(?:\xC3\xA9|e)fecture ?: ?" + date + " ?"), Field::ReceivedOn},
      {std::regex("ID ?: ?" + act_id + " ?"), Field::None},
  };
  return list;
}

void keep_date(std::optional<std::string>& slot, const std::string& text) {
  if (!slot)
    if (auto date = find_french_date(text)) slot = date->iso;
}

}  // namespace

std::string remove_inline_stamps(std::string_view line, Legality& legality) {
  std::string text(line);
  // Cheap guard: every inline stamp holds "fecture" or "ID".
  if (text.find("fecture") == std::string::npos && text.find("ID") == std::string::npos) return text;
  static const std::regex act_id_exact("\\d{3}-\\d{9}-\\d{8}-[A-Za-z0-9_]+-(DE|AI|AR|CC|AU|BF)");
  for (const InlineStamp& stamp : inline_stamps()) {
    std::string out;
    std::smatch m;
    std::string rest = text;
    bool found = false;
    while (std::regex_search(rest, m, stamp.pattern)) {
      found = true;
      const std::string whole = m[0].str();
      for (std::size_t g = 1; g < m.size(); ++g) {
        if (!m[g].matched) continue;
        const std::string value = m[g].str();
        if (value.find('/') != std::string::npos) {
          if (stamp.field == Field::ReceivedOn && g == m.size() - 1 && m.size() > 3) continue;  // "Publié le"
          if (stamp.field == Field::ReceivedOn) keep_date(legality.received_on, value);
          if (stamp.field == Field::TransmittedOn) keep_date(legality.transmitted_on, value);
        } else if (!legality.act_id && std::regex_match(value, act_id_exact)) {
          legality.act_id = value;
        }
      }
      out += m.prefix().str();
      if (!out.empty() && out.back() != ' ') out += ' ';
      rest = m.suffix().str();
      (void)whole;
    }
    if (found) text = out + rest;
  }
  while (!text.empty() && text.back() == ' ') text.pop_back();
  return text;
}

}  // namespace greffe::cleanup
