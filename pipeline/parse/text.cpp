#include "pipeline/parse/text.h"

#include "cleanup/stamp_lines.h"

#include <cctype>
#include <regex>

namespace greffe::parse {

namespace {

bool is_space_byte(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\v';
}

// List bullets as printed or as OCR and PDF text layers give them. A title marker "■" counts too.
const std::vector<std::string>& bullets() {
  static const std::vector<std::string> list = {"-",
                                                "\xE2\x80\x93",
                                                "\xE2\x80\x94",
                                                "\xE2\x80\xA2",
                                                "\xEF\x82\xB7" /* U+F0B7, Symbol-font bullet */,
                                                "\xE2\x96\xAA",
                                                "\xE2\x96\xA0",
                                                "\xE2\x97\x8F",
                                                "o",
                                                "*",
                                                "=",
                                                "+"};
  return list;
}

// A bullet read as two symbols ("«+", "°-", "+*"): a first token of two code points, none a
// letter or digit, one a bullet ("o" aside). A lone "«" opens a quotation and is no bullet.
bool is_doubled_bullet(const std::string& token) {
  std::vector<std::string> symbols;
  for (std::size_t i = 0; i < token.size();) {
    const unsigned char c = static_cast<unsigned char>(token[i]);
    const std::size_t length = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (c < 0x80 && std::isalnum(c)) return false;
    symbols.push_back(token.substr(i, length));
    i += length;
  }
  if (symbols.size() != 2) return false;
  for (const std::string& symbol : symbols)
    for (const std::string& b : bullets())
      if (b != "o" && symbol == b) return true;
  return false;
}

// Removes a leading bullet followed by a space; true when there was one.
bool strip_bullet(std::string& line) {
  const std::size_t space = line.find(' ');
  if (space != std::string::npos && is_doubled_bullet(line.substr(0, space))) {
    line.erase(0, line.find_first_not_of(' ', space));
    return true;
  }
  for (const std::string& b : bullets()) {
    if (line.compare(0, b.size(), b) != 0) continue;
    std::size_t after = b.size();
    // U+F0B7 is glued to its text in PDF text layers; the others need a space after them.
    const bool glued = b == "\xEF\x82\xB7";
    if (!glued && (after >= line.size() || line[after] != ' ')) continue;
    while (after < line.size() && line[after] == ' ') ++after;
    line.erase(0, after);
    return true;
  }
  return false;
}

bool is_stray_number(const std::string& line) {
  if (line.empty() || line.size() > 6) return false;
  for (char c : line)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

// A line that opens a new block even without a blank line before it.
// Raw OCR and text layers often have no blank line before these: "Le Bureau …,\nVu",
// "… adoptée.\nCertifié Conforme,", "… VENTRON.\nÉtaient absents et excusés …".
bool opens_block(const std::string& printed, const std::string& folded) {
  static const std::regex block(std::string("^(article\\s+[0-9]+|") + kCertifiedConforme +
                                "|pour extrait|pour copie conforme|delibere|decide|"
                                "(oui|ou|oi|oul) le \\S{0,2}apport|entendue?s? |etaient "
                                "(presents|presentes|absents|absentes)\\b|presents\\s*:|"
                                "absents?\\b|excuses\\s*:|secretaire de seance)");
  if (std::regex_search(folded, block)) return true;
  // "Vu", "Considérant" alone, or a communal "Vu le …" / "Considérant que …": capitalised, as printed.
  static const std::regex keyword("^(vu|considerant)(\\s*:?$|\\s)");
  return !printed.empty() && std::isupper(static_cast<unsigned char>(printed[0])) &&
         std::regex_search(folded, keyword);
}

bool is_capital_at(const std::string& text, std::size_t at);

// "1) Convention …", "2020-039 Subvention …", "3/ Tarifs …": a line opening with an order number or
// an act number, then a capitalised title, is a heading. Not a date or a sum at a line's start
// ("12 décembre 2023 à 18 h", "2020 000 € …"): the number must be closed by a mark or joined to its
// year, and the word after it capitalised.
bool opens_numbered_heading(const std::string& printed) {
  static const std::regex number(
      "^(?:[0-9]{1,3}\\s?[)/°]|[0-9]{1,3}\\.|[0-9]{4}\\s?[-_/]\\s?[0-9]{1,4})\\s*(?:[-:]\\s*)?");
  std::smatch m;
  if (!std::regex_search(printed, m, number)) return false;
  const std::size_t at = static_cast<std::size_t>(m.length(0));
  return at < printed.size() && is_capital_at(printed, at);
}

// "4) ONF : convention tripartite, ...": an item cut short by an ellipsis, as an agenda prints
// it, does not end a sentence before the next numbered item.
bool ends_with_ellipsis(const std::string& text) {
  if (text.size() < 3) return false;
  const std::string last = text.substr(text.size() - 3);
  return last == "..." || last == "\xE2\x80\xA6";  // three full stops, or U+2026
}

// "--------------------", "______": a line drawn across the page between two parts.
bool is_rule(const std::string& line) {
  return line.size() >= 3 && line.find_first_not_of("-_=*") == std::string::npos;
}

bool ends_sentence(const std::string& text) {
  if (text.empty()) return true;
  const char last = text.back();
  return last == '.' || last == ':' || last == ';' || last == '!' || last == '?' || last == ',';
}

// A line does not end on an article or a preposition: "portant nouvelle organisation
// territoriale de la" + "République ;" is one sentence cut by a page or a stamp.
bool ends_mid_phrase(const std::string& text) {
  const auto space = text.rfind(' ');
  const std::string last = fold(space == std::string::npos ? text : text.substr(space + 1));
  static const std::vector<std::string> words = {"de",   "du",  "des",  "la",   "le", "les", "l'",
                                                 "d'",   "a",   "au",   "aux",  "et", "en",  "par",
                                                 "pour", "sur", "avec", "dans", "un", "une"};
  for (const std::string& w : words)
    if (last == w) return true;
  return false;
}

// "m Attribution …": a title bullet OCR read as a lone lower-case letter, not a continuation.
bool starts_with_ocr_marker(const std::string& text) {
  return text.size() >= 3 && text[1] == ' ' && std::string("mse").find(text[0]) != std::string::npos &&
         (std::isupper(static_cast<unsigned char>(text[2])) || static_cast<unsigned char>(text[2]) == 0xC3);
}

bool starts_lowercase(const std::string& text) {
  return !text.empty() && std::islower(static_cast<unsigned char>(text[0])) && !starts_with_ocr_marker(text);
}

void append_line(std::string& paragraph, const std::string& line) {
  if (paragraph.empty()) {
    paragraph = line;
    return;
  }
  // "Jean-" + "Pascal": a word cut after its own hyphen; the hyphen stays, the space does not.
  const std::size_t n = paragraph.size();
  if (n >= 2 && paragraph[n - 1] == '-' && paragraph[n - 2] != ' ')
    paragraph += line;
  else
    paragraph += " " + line;
}

// Where a reflow joined the legal part's markers to the line before them: "Le Bureau de la
// Métropole …, Vu", "Ouï le rapport ci-dessus, Entendues les conclusions …, Considérant",
// "… est adoptée. Certifié Conforme, …", "Délibère Article 1 :", "… VENTRON. Étaient absents et
// excusés …". Each marker starts a paragraph of its own again.
std::vector<Paragraph> split_run_on(const Paragraph& paragraph) {
  static const std::regex marker(
      "(, |\\. |; |^(?:D(?:\xC3\xA9|e)lib(?:\xC3\xA8|\xC3\xA9|e)re|D(?:\xC3\x89|E)CIDE) ?:? )"
      "(?:(Vu|Consid(?:\xC3\xA9|e)rant|Entendue?s? les conclusions|Ou(?:\xC3\xAF|i|\xC3\xB9\xC3\xAF) le "
      "\\S{0,2}apport|"
      "D(?:\xC3\xA9|e)lib(?:\xC3\xA8|\xC3\xA9|e)re|D(?:\xC3\x89|E)CIDE|Article [0-9]{1,3}(?:er)? ?:|"
      "\\S{0,3}rtifi(?:\xC3\xA9|e) [Cc]onforme)(?=[ ,:]|$)|"
      "((?:\xC3\x89|E)taient (?:pr|absent)|Absents? (?:excus|ayant)|Pr(?:\xC3\xA9|e)sents :))");
  std::vector<Paragraph> parts;
  if (paragraph.text.size() > 4000)
    return {paragraph};  // std::regex recurses; long paragraphs are report text
  Paragraph rest = paragraph;
  std::smatch m;
  while (std::regex_search(rest.text, m, marker)) {
    // Group 2: a marker word; group 3: the start of an attendance heading.
    const std::size_t cut = static_cast<std::size_t>(m[2].matched ? m.position(2) : m.position(3));
    Paragraph left = rest;
    left.text = rest.text.substr(0, cut - 1);  // keeps the comma or full stop, drops the space
    parts.push_back(left);
    rest.text = rest.text.substr(cut);
    rest.bullet = false;
  }
  parts.push_back(rest);
  return parts;
}

std::size_t code_point_length(unsigned char lead) {
  return lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
}

bool is_capital_at(const std::string& text, std::size_t at) {
  const unsigned char c = static_cast<unsigned char>(text[at]);
  if (c >= 'A' && c <= 'Z') return true;
  return c == 0xC3 && at + 1 < text.size() && static_cast<unsigned char>(text[at + 1]) >= 0x80 &&
         static_cast<unsigned char>(text[at + 1]) <= 0x9E;
}

// The printed word at `at` is in capitals (two letters at least): "APPROUVE", "PREND".
bool capital_word_at(const std::string& text, std::size_t at) {
  std::size_t letters = 0;
  for (std::size_t i = at; i < text.size() && text[i] != ' ';) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 'a' && c <= 'z') return false;
    if (c == 0xC3 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0xA0) return false;
    if (std::isalpha(c) || c >= 0x80) ++letters;
    i += code_point_length(c);
  }
  return letters >= 2;
}

enum class Cut { Anywhere, AfterClause, Capitalised, Dispositive, Listed, Count };

struct Marker {
  const char* folded;
  Cut cut;
};

// Folded prefixes of the parts' markers. Anywhere: a heading that starts a part wherever it
// stands. AfterClause and Capitalised: printed with a capital after the end of a clause (". ",
// ", ", "; ", ": "), as "Vu le Code …" is, and not "au vu de". Dispositive: a verb in capitals
// after "- ", "1 " or "2. ". Count: followed by a colon and a figure ("Pour : 11").
const std::vector<Marker>& markers() {
  static const std::vector<Marker> list = {
      {"etaient presents", Cut::Anywhere},
      {"etaient presentes", Cut::Anywhere},
      {"etaient excuses", Cut::Anywhere},
      {"etaient absents", Cut::Anywhere},
      {"etaient absentes", Cut::Anywhere},
      {"etaient representes", Cut::Anywhere},
      {"presents :", Cut::Capitalised},
      {"presents:", Cut::Capitalised},
      {"presents_ :", Cut::Capitalised},
      {"absents excuses", Cut::Capitalised},
      {"absent excuse", Cut::Capitalised},
      {"absents ayant", Cut::Capitalised},
      {"absent ayant", Cut::Capitalised},
      {"absents :", Cut::Capitalised},
      {"absent :", Cut::Capitalised},
      {"absents non", Cut::Capitalised},
      {"absent non", Cut::Capitalised},
      {"excuses :", Cut::Capitalised},
      {"excuse :", Cut::Capitalised},
      // "Absents représentés :", "Excusés ayant donné pouvoir :", "Excusés ont donné pouvoir :".
      {"absents representes", Cut::Capitalised},
      {"absent represente", Cut::Capitalised},
      {"absentes representees", Cut::Capitalised},
      {"absente representee", Cut::Capitalised},
      {"excuses ayant", Cut::Capitalised},
      {"excuse ayant", Cut::Capitalised},
      {"excuses ont", Cut::Capitalised},
      {"secretaire de seance", Cut::Capitalised},
      {"secretaire :", Cut::Capitalised},
      {"presidence :", Cut::Capitalised},
      {"pouvoirs :", Cut::Capitalised},
      {"a donne pouvoir", Cut::Capitalised},
      {"avait donne pouvoir", Cut::Capitalised},
      {"avaient donne pouvoir", Cut::Capitalised},
      {"ont donne pouvoir", Cut::Capitalised},
      {"ont donne procuration", Cut::Capitalised},
      {"personne ayant donne", Cut::Capitalised},
      {"personnes ayant donne", Cut::Capitalised},
      {"procurations :", Cut::Capitalised},
      {"deliberation n\xC2\xB0", Cut::Capitalised},
      {"objet :", Cut::Capitalised},
      {"seance du", Cut::Capitalised},
      {"l'an deux mil", Cut::Capitalised},
      {"vu ", Cut::AfterClause},
      {"considerant", Cut::AfterClause},
      {"sur le rapport", Cut::AfterClause},
      {"entendu le rapport", Cut::AfterClause},
      {"apres en avoir delibere", Cut::Anywhere},
      {"apres deliberation", Cut::Anywhere},
      {"le conseil municipal apres en avoir", Cut::Capitalised},
      {"le conseil municipal, apres en avoir", Cut::Capitalised},
      {"decide", Cut::Dispositive},
      {"delibere", Cut::AfterClause},
      {"approuve", Cut::Dispositive},
      {"autorise", Cut::Dispositive},
      {"prend acte", Cut::Dispositive},
      {"dit ", Cut::Dispositive},
      {"charge", Cut::Dispositive},
      {"valide", Cut::Dispositive},
      {"donne ", Cut::Dispositive},
      {"accepte", Cut::Dispositive},
      {"sollicite", Cut::Dispositive},
      {"fixe", Cut::Dispositive},
      {"attribue", Cut::Dispositive},
      {"adopte", Cut::Dispositive},
      {"article ", Cut::AfterClause},
      {"pour :", Cut::Count},
      {"pour:", Cut::Count},
      {"voix pour", Cut::Anywhere},
      {"voix contre", Cut::Anywhere},
      {"abstention(s) de", Cut::Anywhere},
      {"vote :", Cut::Capitalised},
      {"pour extrait", Cut::Capitalised},
      {"pour copie", Cut::Capitalised},
      {"fait et delibere", Cut::Capitalised},
      {"ainsi fait et delibere", Cut::Capitalised},
      {"signe electroniquement", Cut::Capitalised},
      {"pour le president", Cut::Capitalised},
      {"le conseil adopte", Cut::Capitalised},
      // Minutes: "1/ Délibération …", "2) Délibération …", "Questions diverses".
      {"deliberation", Cut::Listed},
      {"questions diverses", Cut::Capitalised},
  };
  return list;
}

bool ends_clause_before(const std::string& text, std::size_t at) {
  if (at < 2) return at == 0;
  const char c = text[at - 2];
  return text[at - 1] == ' ' && (c == '.' || c == ',' || c == ';' || c == ':');
}

// The dispositive item's start before the verb: "- " or "1 " / "2. " / "1) "; npos when none.
std::size_t dispositive_start(const std::string& text, std::size_t at) {
  if (at >= 2 && text.compare(at - 2, 2, "- ") == 0) return at - 2;
  std::size_t i = at;
  if (i >= 1 && text[i - 1] == ' ') --i;
  if (i >= 1 && (text[i - 1] == '.' || text[i - 1] == ')' || text[i - 1] == '/')) --i;
  std::size_t digits = 0;
  while (i >= 1 && std::isdigit(static_cast<unsigned char>(text[i - 1])) && digits < 2) --i, ++digits;
  if (digits == 0 || (i > 0 && text[i - 1] != ' ')) return std::string::npos;
  return i;
}

// An act's number printed inline at `at`: "n° 13-02-2023 - Approbation", "N° 2016.02.16 -
// Subvention", or a service's code with its sequence and year, "PACU/17-2023 Etude".
bool starts_act_number(const std::string& text, std::size_t at) {
  const char c = text[at];
  if (c != 'n' && c != 'N' && !(c >= 'A' && c <= 'Z')) return false;
  static const std::regex numbered(
      "^[Nn] ?\xC2\xB0 ?:? ?[0-9][0-9A-Za-z_./-]*[0-9A-Za-z] (?:-|\xE2\x80\x93) (?:[A-Z]|\xC3)");
  static const std::regex coded("^[A-Z]{2,8}[/_][0-9]{1,4}-[0-9]{4} (?:[A-Z]|\xC3)");
  const std::string window = text.substr(at, 64);
  if (!std::regex_search(window, numbered) && !std::regex_search(window, coded)) return false;
  // "la loi n° 2015-991 - Titre", "l'article n° 3 - …": a reference, not a heading.
  const std::size_t word_end = at >= 1 ? at - 1 : 0;
  const std::size_t word_start = text.rfind(' ', word_end > 0 ? word_end - 1 : 0);
  const std::string previous =
      fold(text.substr(word_start == std::string::npos ? 0 : word_start + 1,
                       word_end - (word_start == std::string::npos ? 0 : word_start + 1)));
  for (const char* word : {"loi", "decret", "arrete", "article", "ordonnance", "deliberation", "decision",
                           "circulaire", "reglement", "directive", "avenant", "lot", "marche"})
    if (previous == word) return false;
  return true;
}

// The report's first words run on after a title, as text without line breaks gives them:
// "… Saint-Pierre Monsieur le Maire rappelle au conseil …", "… de Mazères Monsieur Gilles CAPY,
// rapporteur, rappelle …". Never after a conjunction or a preposition, so that "… que Monsieur
// le Maire propose" inside a sentence stays whole.
bool starts_report(const std::string& text, std::size_t at) {
  if (text[at] != 'M' || at < 2) return false;
  static const std::regex speaker(
      "^(?:Monsieur|Madame) (?:le|la) (?:Maire|Pr(?:\xC3\xA9|e)sidente?)[ ,]{1,2}(?:[^.:]{0,40} )?"
      "(?:expose|rappelle|indique|pr(?:\xC3\xA9|e)sente|informe|propose|rapporte|explique|soumet)\\b|"
      "^(?:Monsieur|Madame) [A-Z\xC3][^ ,]* [A-Z\xC3][^ ,a-z]+, rapporteur");
  if (!std::regex_search(text.substr(at, 90), speaker)) return false;
  std::size_t start = text.rfind(' ', at - 2);
  start = start == std::string::npos ? 0 : start + 1;
  const std::string previous = fold(text.substr(start, at - 1 - start));
  for (const char* word :
       {"que", "qu'", "et",   "ou", "de",    "du",   "des",  "a",     "par", "pour", "lorsque",
        "si",  "car", "dont", "ou", "comme", "mais", "puis", "ainsi", "le",  "la",   "les"})
    if (previous == word) return false;
  return true;
}

}  // namespace

std::vector<Paragraph> split_at_markers(const Paragraph& paragraph) {
  const std::string& text = paragraph.text;
  std::vector<std::size_t> cuts;  // printed offsets where a part starts
  std::vector<bool> bullets;
  for (std::size_t at = 1; at < text.size(); ++at) {
    if (text[at - 1] != ' ' || text[at] == ' ') continue;
    // Fold a short window only: markers are under 40 bytes.
    const std::string window = fold(std::string_view(text).substr(at, 48));
    // "… 2 abstentions 10 votes pour": a count of votes opens the vote's part.
    std::size_t digits = 0;
    while (digits < window.size() && digits < 4 && std::isdigit(static_cast<unsigned char>(window[digits])))
      ++digits;
    if (digits > 0 && (window.compare(digits, 5, " vote") == 0 || window.compare(digits, 6, " voix ") == 0) &&
        (cuts.empty() || at > cuts.back())) {
      cuts.push_back(at);
      bullets.push_back(false);
      continue;
    }
    // "… BOULARD n° 13-02-2023 - Approbation …", "… BEC PACU/17-2023 Etude …": an act's number
    // and title run on after the attendance. Not a law's or an earlier act's number ("la loi
    // n° 2014-58 du …"): the number is followed by a dash and a capital, or is a service's code.
    if ((starts_act_number(text, at) || starts_report(text, at)) && (cuts.empty() || at > cuts.back())) {
      cuts.push_back(at);
      bullets.push_back(false);
      continue;
    }
    for (const Marker& marker : markers()) {
      const std::string m = marker.folded;
      if (window.compare(0, m.size(), m) != 0) continue;
      std::size_t cut = at;
      bool bullet = false;
      switch (marker.cut) {
        case Cut::Anywhere: break;
        case Cut::Capitalised:
          if (!is_capital_at(text, at)) cut = std::string::npos;
          break;
        case Cut::AfterClause:
          if (!is_capital_at(text, at) || !ends_clause_before(text, at)) cut = std::string::npos;
          if (m == "article " &&
              (window.size() <= m.size() || !std::isdigit(static_cast<unsigned char>(window[m.size()]))))
            cut = std::string::npos;
          break;
        case Cut::Dispositive:
          cut = capital_word_at(text, at) ? dispositive_start(text, at) : std::string::npos;
          bullet = cut != std::string::npos && text.compare(cut, 2, "- ") == 0;
          break;
        case Cut::Listed:
          cut = is_capital_at(text, at) ? dispositive_start(text, at) : std::string::npos;
          if (cut != std::string::npos && text.compare(cut, 2, "- ") == 0) cut = std::string::npos;
          break;
        case Cut::Count: {
          std::size_t k = m.size();
          while (k < window.size() && window[k] == ' ') ++k;
          if (k >= window.size() || !std::isdigit(static_cast<unsigned char>(window[k])) ||
              !is_capital_at(text, at))
            cut = std::string::npos;
          break;
        }
      }
      if (cut != std::string::npos && cut > 0 && (cuts.empty() || cut > cuts.back())) {
        cuts.push_back(cut);
        bullets.push_back(bullet);
      }
      break;
    }
  }
  if (cuts.empty()) return {paragraph};
  std::vector<Paragraph> parts;
  std::size_t start = 0;
  bool bullet = paragraph.bullet;
  for (std::size_t k = 0; k <= cuts.size(); ++k) {
    const std::size_t end = k < cuts.size() ? cuts[k] : text.size();
    Paragraph part = paragraph;
    std::size_t from = start;
    if (bullet && k > 0) from += 2;  // the "- " the cut kept
    std::string piece = text.substr(from, end - from);
    while (!piece.empty() && piece.back() == ' ') piece.pop_back();
    part.text = piece;
    part.bullet = bullet;
    if (!part.text.empty()) parts.push_back(std::move(part));
    if (k < cuts.size()) {
      start = cuts[k];
      bullet = bullets[k];
    }
  }
  return parts;
}

std::vector<std::string> words_of(const std::string& text) {
  std::vector<std::string> words;
  for (std::size_t start = 0; start < text.size();) {
    auto end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) words.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

std::string describe(const Place& place) {
  return "page " + std::to_string(place.page) + ", line " + std::to_string(place.line);
}

std::string clean_line(std::string_view line) {
  std::string text;
  text.reserve(line.size());
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line.compare(i, 2, "**") == 0) {
      ++i;
      continue;
    }
    // A Markdown autolink, "<https://hubdumentorat.fr/>", prints as its address.
    if (line[i] == '<' &&
        (line.compare(i + 1, 8, "https://") == 0 || line.compare(i + 1, 7, "http://") == 0)) {
      const std::size_t close = line.find('>', i);
      if (close != std::string_view::npos && line.substr(i, close - i).find(' ') == std::string_view::npos) {
        text.append(line.substr(i + 1, close - i - 1));
        i = close;
        continue;
      }
    }
    // No-break and narrow no-break spaces are spaces here.
    if (line.compare(i, 2, "\xC2\xA0") == 0) {
      text += ' ';
      ++i;
      continue;
    }
    if (line.compare(i, 3, "\xE2\x80\xAF") == 0) {
      text += ' ';
      i += 2;
      continue;
    }
    text += is_space_byte(line[i]) ? ' ' : line[i];
  }
  std::string out;
  for (char c : text) {
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out += c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  // Markdown headings left by an earlier conversion ("### CHL 012-…"); an OCR "#" bullet too.
  std::size_t hashes = 0;
  while (hashes < out.size() && out[hashes] == '#') ++hashes;
  if (hashes > 0 && hashes < out.size() && out[hashes] == ' ') out.erase(0, hashes + 1);
  return out;
}

bool is_stamp_line(std::string_view line) {
  // One recogniser for the whole project: cleanup's, which also reads the legality record.
  Legality ignored;
  return cleanup::read_stamp_line(line, ignored);
}

namespace {

// "Pour 9", "CONTRE : 0", "Abstention 1 (M. X)", "2 abstentions", "10 votes pour": one count of a
// vote's tally on a line of its own.
bool is_tally_line(const std::string& folded) {
  static const std::regex line(
      "^((pour|contre|abstentions?|votants)\\s*:?\\s*[0-9]{1,3}|[0-9]{1,3} (votes? |voix "
      ")?(pour|contre|abstentions?))"
      "\\b.{0,40}$");
  return std::regex_search(folded, line);
}

// "… à signer cette convention ; Pour 8": a paragraph whose last words open a tally.
bool ends_with_tally(const std::string& folded) {
  static const std::regex count("\\b(pour|contre|abstentions?)\\s*:?\\s*[0-9]{1,3}$");
  return std::regex_search(folded, count);
}

// A vote's tally printed as a column, one count a line ("Pour 9 / Abstention 0 / Contre 0"), is
// one statement, read once: its lines are joined, to the paragraph whose end opened it too.
std::vector<Paragraph> tallies_joined(std::vector<Paragraph> paragraphs) {
  std::vector<Paragraph> out;
  bool open_tally = false;
  for (Paragraph& p : paragraphs) {
    const bool tally = !p.bullet && is_tally_line(p.folded);
    if (tally && open_tally && !out.empty()) {
      out.back().text += " " + p.text;
      out.back().folded = fold(out.back().text);
      continue;
    }
    open_tally = tally || ends_with_tally(p.folded);
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace

Prepared prepare(std::string_view text, bool skip_stamp_lines) {
  Prepared out;
  Paragraph current;
  bool pending_join = false;
  bool previous_ended_sentence = false;

  auto flush = [&] {
    if (current.text.empty()) return;
    for (const Paragraph& piece : split_at_markers(current)) {
      for (Paragraph& part : split_run_on(piece)) {
        part.folded = fold(part.text);
        out.paragraphs.push_back(std::move(part));
      }
    }
    current = Paragraph{};
  };

  Place place;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = start;
    while (end < text.size() && text[end] != '\n' && text[end] != '\f') ++end;
    const std::string_view raw = text.substr(start, end - start);
    std::string line = clean_line(raw);
    if (skip_stamp_lines) line = cleanup::remove_inline_stamps(line, out.legality);

    if (skip_stamp_lines && cleanup::read_stamp_line(line, out.legality)) {
      // Left out; a sentence it cut is rejoined below, as after a blank line.
    } else if (line.empty()) {
      // A blank line ends the paragraph, unless the sentence obviously goes on (a page or stamp
      // broke it: "s'ouvrir" … "les portes"); that is decided when the next line is seen.
      if (!current.text.empty()) pending_join = !ends_sentence(current.text);
      if (!pending_join) flush();
    } else if (is_stray_number(line)) {
      out.warnings.push_back(describe(place) + ": stray number \"" + line + "\" left out");
    } else {
      std::string body = line;
      const bool bullet = strip_bullet(body);
      const std::string folded = fold(body);
      const bool block = opens_block(body, folded);
      const bool continues =
          pending_join && !bullet && !block && (starts_lowercase(body) || ends_mid_phrase(current.text));
      // "Serge PEROTTINO\n- Catherine PILA" (with or without a blank line between): a
      // dash-separated list of names cut before a separator is one paragraph, not a new list item.
      const bool list_goes_on = bullet && line.rfind("- ", 0) == 0 && !current.bullet &&
                                current.text.find(" - ") != std::string::npos && !ends_sentence(current.text);
      if (list_goes_on) body = line;
      // Text without blank lines (pdftotext, a flattened page): a line that ends a sentence with
      // "." or ":" and a next one that opens with a capital start a new paragraph.
      // So does a numbered heading after a full stop ("… à l'USYP." then "2020-039 Subvention …").
      const bool sentence_break =
          !pending_join && previous_ended_sentence &&
          (is_capital_at(body, 0) || (opens_numbered_heading(body) && !ends_with_ellipsis(current.text)));
      if (!continues && !list_goes_on && (pending_join || bullet || block || sentence_break)) flush();
      if (current.text.empty()) {
        current.place = place;
        current.bullet = bullet;
      }
      append_line(current.text, body);
      pending_join = false;
      // A rule ("-----------", "______") separates what is above it from what follows, as a full stop.
      previous_ended_sentence = !body.empty() && (body.back() == '.' || body.back() == ':' || is_rule(body));
    }

    if (end >= text.size()) break;
    if (text[end] == '\f') {
      ++place.page;
      place.line = 1;
    } else {
      ++place.line;
    }
    start = end + 1;
  }
  flush();
  out.paragraphs = tallies_joined(std::move(out.paragraphs));
  return out;
}

}  // namespace greffe::parse
