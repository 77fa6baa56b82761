// The parser's view of the text: numbered lines gathered into paragraphs, markup and stamps
// left out, and accent-folded copies for matching keywords that OCR prints with or without accents.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "cleanup/fold.h"
#include "models/legality.h"

namespace greffe::parse {

// Where a paragraph starts, for warnings: 1-based page (form feeds) and line within the page.
struct Place {
  int page = 1;
  int line = 1;
};
std::string describe(const Place& place);  // "page 1, line 22"

struct Paragraph {
  std::string text;    // lines joined by one space (a name cut after a hyphen is rejoined)
  std::string folded;  // fold(text)
  Place place;
  bool bullet = false;  // started with a list bullet, removed from `text`
};

struct Prepared {
  std::vector<Paragraph> paragraphs;
  std::vector<std::string> warnings;  // lines dropped on the way (stray numbers)
  Legality legality;                  // what the stamps left out of the paragraphs said
};

// Where a paragraph holds several parts run together (text without blank lines, or flattened to
// one line), it is cut before each part's marker: attendance headings ("ÉTAIENT PRÉSENTS :",
// "Absents excusés :"), "Délibération n°", "Objet :", "Vu" and "Considérant" after a clause,
// "Après en avoir délibéré", a dispositive's verb in capitals after a dash or a number
// ("- APPROUVE", "2. AUTORISE"), the vote's counts, the signature's "Pour extrait …".
std::vector<Paragraph> split_at_markers(const Paragraph& paragraph);

// Keywords are matched on cleanup::fold's copy (lower case, accents and ligatures folded).
using cleanup::fold;

// The words of a text split at spaces, empty ones skipped.
std::vector<std::string> words_of(const std::string& text);

// One line as printed, without Markdown emphasis left by conversions ("## ", "**"), with runs of
// spaces (and no-break spaces) collapsed and the ends trimmed.
std::string clean_line(std::string_view line);

// "Signé le 18 Février 2021", "Reçu au Contrôle de légalité le …", "Accusé de réception en
// préfecture", "Date de télétransmission : …", "Date de réception préfecture : …", an @ctes act id.
bool is_stamp_line(std::string_view line);

// "Certifié Conforme," as OCR leaves it, folded: the first letters of a faded "Certifié" lost
// ("értifié Conforme,"), letters of "Conforme" misread ("Certifié Confonié," on 004 p4, where a
// seal crossed it). A word after "Certifié" that starts "co" is still the signature's marker.
inline constexpr const char* kCertifiedConforme = "\\S{0,3}rtifie\\S{0,2} co\\S{4,8}";

Prepared prepare(std::string_view text, bool skip_stamp_lines);

}  // namespace greffe::parse
