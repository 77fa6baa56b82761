// The parser's order of reading, which is the act's printed order: session header and attendance,
// the act (number, title), the report, the legal part (visas, considérants, articles, vote,
// signature); then the budget line and the sums, read from the parts they belong to.
#include "pipeline/parse/parse.h"

#include <algorithm>
#include <cctype>
#include <regex>

#include "pipeline/parse/grammar.h"

namespace greffe::parse {

namespace {

bool council_decides(const std::string& folded);

// A deliberation decides: it has "Délibère"/"DÉCIDE" or numbered articles. A note de synthèse,
// a report or a convention has neither.
// Minutes may print no marker at all, only each act's vote ("12 votes pour", "Vote : à
// l'unanimité"): a vote that says how it went decides too.
bool vote_bar_at(const Paragraphs& paragraphs, std::size_t i);

bool decides(const Paragraphs& paragraphs) {
  for (std::size_t i = 0; i < paragraphs.size(); ++i)
    if (vote_bar_at(paragraphs, i)) return true;
  return std::any_of(paragraphs.begin(), paragraphs.end(), [](const Paragraph& p) {
    if (is_decision_marker(p.folded) || article_number(p.folded).value_or(0) == 1 ||
        council_decides(p.folded))
      return true;
    if (!is_vote_statement(p.folded)) return false;
    const VoteTally tally = read_vote(p.folded);
    return tally.unanimous || tally.for_votes || tally.against;
  });
}

void collect_amounts(const std::string& text, Deliberation& out) {
  for (Amount& amount : find_amounts(text)) out.amounts.push_back(std::move(amount));
}

// "Procès-verbal du Conseil municipal", "COMPTE RENDU DU CONSEIL MUNICIPAL": a record of the
// session, printed in its header, before the attendance.
bool is_minutes(const Paragraphs& paragraphs) {
  // The document's own name: at its header's start ("PROCES VERBAL DU CONSEIL …", "Ville de X —
  // Procès-verbal"), or naming the session ("Compte rendu de la session du Conseil …", "COMPTE-
  // RENDU DES VOTES") after a letterhead run on to it; not "jusqu'au compte rendu des actes
  // administratifs" inside a list of names.
  static const std::regex at_start(
      "^.{0,40}\\b(proces[- ]verbal|compte[- ]rendu|releve de(s)? decisions)\\b(?! des "
      "(actes|decisions))|^cr du conseil");
  static const std::regex naming_session(
      "\\b(proces[- ]verbal|compte[- ]rendu|releve de(s)? decisions)( "
      "(succinct|sommaire|analytique|integral))? "
      "(de la (seance|session|reunion)|du "
      "(conseil|bureau|"
      "comite)|des (votes|deliberations))");
  for (std::size_t i = 0; i < paragraphs.size() && i < 14; ++i) {
    const std::string& f = paragraphs[i].folded;
    if (f.size() <= 300 && std::regex_search(f, at_start)) return true;
    if (std::regex_search(f.substr(0, 600), naming_session)) return true;
  }
  return false;
}

// "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS", "Extrait du procès-verbal des délibérations": the
// document's own name in its header says it is a deliberation: a paragraph it opens, or a title in
// capitals run on with the letterhead; not "ci-joint un extrait du registre …" in a sentence.
bool is_register_extract(const Paragraphs& paragraphs) {
  static const std::regex opening(
      "^extraits? (du|des) (registres?|proces[- ]verbal|proces[- ]verbaux) (des|de) "
      "(deliberations|seances)\\b");
  static const std::regex title("\\bEXTRAITS? D(U|ES) (REGISTRES?|PROC)");
  for (std::size_t i = 0; i < paragraphs.size() && i < 14; ++i)
    if (std::regex_search(paragraphs[i].folded, opening) ||
        std::regex_search(paragraphs[i].text.substr(0, 1500), title))
      return true;
  return false;
}

std::size_t letters_in_capitals_percent(const std::string& text) {
  std::size_t upper = 0, letters = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 'A' && c <= 'Z')
      ++upper, ++letters;
    else if (c >= 'a' && c <= 'z')
      ++letters;
    else if (c == 0xC3 && i + 1 < text.size()) {
      const unsigned char d = static_cast<unsigned char>(text[i + 1]);
      ++letters;
      if (d < 0xA0) ++upper;
      ++i;
    }
  }
  return letters < 8 ? 0 : 100 * upper / letters;
}

// A list number opening a line, with its separator: "1/ Délibération …" -> {1, '/'}, "2) …",
// "3. …", "4 - …", "IV - …". The title after it starts with a letter.
struct ListNumber {
  int value = 0;
  char separator = 0;
};

std::optional<ListNumber> list_number(const std::string& text) {
  static const std::regex listed(
      "^(?:[Pp]oint\\s+)?([0-9]{1,2}|[IVX]{1,4})\\s*([)./-]|\xE2\x80\x93)\\s*[A-Za-z\xC3]");
  std::smatch m;
  if (!std::regex_search(text, m, listed)) return std::nullopt;
  const std::string number = m[1].str();
  ListNumber out;
  if (std::isdigit(static_cast<unsigned char>(number[0]))) {
    out.value = std::stoi(number);
  } else {
    static const std::vector<std::string> romans = {"I",  "II", "III", "IV",  "V",    "VI",  "VII", "VIII",
                                                    "IX", "X",  "XI",  "XII", "XIII", "XIV", "XV"};
    const auto at = std::find(romans.begin(), romans.end(), number);
    if (at == romans.end()) return std::nullopt;
    out.value = static_cast<int>(at - romans.begin()) + 1;
  }
  out.separator = m[2].str().size() == 1 ? m[2].str()[0] : '-';
  return out;
}

// How an act's heading is printed inside minutes. A numbered heading ("Délibération n° 2020-038",
// "2020-038 …", "20240219_1-…", "N° 13-02-2023 - …", "Point 3 : …", "Objet : …") opens an act
// wherever it stands; a list number ("1/ …", "2) …", "3. …", "IV - …") opens one when it goes on
// the list of acts (see read_minutes_acts); a short line in capitals ("TRANSFERT DE LA COMPETENCE
// PLU …") only once the act before it was voted, since tables and lists in a report print such
// lines too. Never a sentence (it would end with a full stop) nor a part of the act.
// Closed: a heading cut out of flattened text where the act before it closed (see
// split_flattened_minutes), which opens its act wherever it stands.
enum class HeadingForm { None, Numbered, Listed, Capitals, Closed };

// A heading announced as a deliberation or a point ("Délibération n° …", "N° 12 …", "Point 3 :",
// "Objet : …"), or opening with an act's number in the grammar of number.cpp.
bool starts_numbered(const Paragraph& p) {
  static const std::regex announced(
      "^(deliberation\\s*(n\\s*(\xC2\xB0|o)?\\s*)?:?\\s*[0-9a-z]*[0-9]|n\\s*\xC2\xB0\\s*[0-9]|"
      "point\\s+(n\\s*\xC2\xB0\\s*)?[0-9]+|objet\\s*:)");
  if (std::regex_search(p.folded, announced)) return true;
  // A number run on into a sentence ("Délibération N°DEL 011-02-12 en date du …", a cut made
  // at "Délibération") is a reference, not a heading: a heading's title follows a separator or
  // opens with a capital.
  const auto number = read_announced_number(p.text.substr(0, 200));
  return number && !(!number->separated && !number->rest.empty() &&
                     std::islower(static_cast<unsigned char>(number->rest[0])));
}

HeadingForm heading_form(const Paragraph& p) {
  const std::string& f = p.folded;
  if (f.size() < 6 || f.size() > 260) return HeadingForm::None;
  if (is_vote_statement(f) || is_decision_marker(f) || f.rfind("vu ", 0) == 0 ||
      f.rfind("considerant", 0) == 0 || article_number(f) || is_signature_marker(f))
    return HeadingForm::None;
  if (starts_numbered(p)) return HeadingForm::Numbered;
  if (list_number(p.text)) return HeadingForm::Listed;
  const char last = p.text.back();
  if (last == '.' || last == ',' || last == ';') return HeadingForm::None;
  return letters_in_capitals_percent(p.text) >= 70 ? HeadingForm::Capitals : HeadingForm::None;
}

// Procedural items of a session are no acts: the secretary's nomination, the approval of the
// previous minutes, information and questions. Read on the item's title: "Délibération sur les
// questions diverses" is an act about them, "Questions diverses" is not.
bool is_procedural(const std::string& title_folded) {
  static const std::regex anywhere(
      "secretaire de seance|(designation|nomination|election) du secretaire|^ordre du jour");
  static const std::regex opening(
      "^(approbation (du|des) (proces|comptes?|pv)|questions? diverses|informations?\\b|communications?\\b|"
      "compte[- ]rendu des decisions|decisions (prises )?(du|par le) (maire|president))");
  return std::regex_search(title_folded, anywhere) || std::regex_search(title_folded, opening);
}

// The number and title a heading prints: "Délibération n° 2020-038 : SUBVENTION …",
// "20240219_1-Consultation …", "N° 13-02-2023 - Approbation …", "1) Approbation …".
void read_act_heading(const std::string& text, Deliberation& act) {
  std::string title = text;
  if (auto number = read_announced_number(text)) {
    act.number = number->number;
    title = number->rest;
  } else {
    std::smatch m;
    static const std::regex listed(
        "^(?:(?:[Pp]oint|POINT)\\s+)?(?:[0-9]{1,2}|[IVX]{1,4})\\s*(?:[).:/-]|\xE2\x80\x93)\\s*(.*)$");
    if (std::regex_match(text, m, listed)) title = m[1].str();
    static const std::regex object("^[Oo]bjet\\s*:\\s*(.*)$");
    if (std::regex_match(title, m, object)) title = m[1].str();
    // "02 Requalification …", "[5 Désignation …": an item's order number without a separator, as
    // flattened summary minutes print it (a "1" OCR read as "[").
    static const std::regex ordered("^\\[?[0-9]{1,2} ((?:[A-Z]|\xC3[\x80-\x9E]).*)$");
    if (std::regex_match(title, m, ordered)) title = m[1].str();
  }
  for (char& c : title)
    if (c == '_') c = ' ';  // "Consultation_relative_au_projet": OCR's underlined words
  while (!title.empty() && (title.back() == ' ' || title.back() == ':')) title.pop_back();
  if (!title.empty()) act.title = title;
}

// The council's decision stated in a sentence, in any person and voice, as minutes record an act
// without its vote: "Le Conseil décide de conserver …", "DECISION : le Conseil Municipal accepte à
// l'unanimité …", "En l'absence du Maire, le Conseil approuve …", "Le conseil n'approuve pas …",
// "Les membres du conseil émettent un avis favorable". Not a past decision a report recalls ("le
// conseil municipal a approuvé le 12 mars …", "… doit approuver"), nor a commission's opinion.
bool council_decides(const std::string& folded) {
  static const std::regex decides(
      "(^|[,:] )(le|les membres du|l'ensemble du) (conseil|bureau|comite|assemblee)( municipal| "
      "communautaire| "
      "territorial| departemental| regional| d'administration| syndical)?\\b([^.;]{0,80}?) "
      "(n'|ne )?(decide|decident|approuve|approuvent|adopte|adoptent|accepte|acceptent|autorise|autorisent|"
      "valide|valident|emet|emettent|refuse|refusent|rejette|rejettent|prend acte|prennent acte|designe|"
      "designent|fixe|fixent|vote|votent|donne (son|un) (accord|avis))\\b");
  static const std::regex recalled(
      "(^| )(a|ont|avait|avaient|est|sera|aura|doit|devra|pourra|peut|qui|que|dont)$");
  const std::string head = folded.substr(0, 200);
  std::smatch m;
  if (!std::regex_search(head, m, decides)) return false;
  // The sentence opens the paragraph, or follows a short clause ("DECISION :", "Après en avoir
  // délibéré,", "En l'absence de Monsieur le Maire,"): not a subordinate one ("Vu que, …").
  if (m.position(0) > 90 || folded.rfind("vu ", 0) == 0 || folded.rfind("considerant", 0) == 0) return false;
  return !std::regex_search(m[5].str(), recalled);
}

// "2 abstentions", "4 votes contre": a count of an act's vote on a line of its own, as minutes
// print their tallies ("2 abstentions / 10 votes pour" over two lines).
bool is_bare_count(const std::string& folded) {
  static const std::regex count(
      "^[0-9]{1,3} (abstentions?|(votes?|voix) (pour|contre)|contre|pour)\\b.{0,40}$");
  return std::regex_search(folded, count);
}

// "Pour 9", "Abstention 1 Denis DECHOUX", "Contre 0": a line of a vote bar printed one label a
// line, each before its count, or the bar's lines run on together ("Pour 8 Abstention 1 Contre
// 0"); given to the vote's reader as "pour : 9". Empty when it is none.
std::string vote_bar_line(const std::string& folded) {
  static const std::regex line("^((pour|contre|abstentions?) ?:? ?[0-9]{1,3}\\b[ ,;/-]*){1,3}(.{0,40})$");
  if (!std::regex_match(folded, line)) return {};
  static const std::regex count("\\b(pour|contre|abstentions?) ?:? ?([0-9]{1,3})\\b");
  return std::regex_replace(folded, count, "$1 : $2");
}

// Where a vote bar run on at a paragraph's start ends ("Pour 8 Abstention 1 Contre 0 2) Plan de
// …", two labels at least), in the printed text; 0 when there is none.
std::size_t vote_bar_end(const std::string& text) {
  static const std::regex run(
      "^(?:(?:[Pp]our|POUR|[Cc]ontre|CONTRE|[Aa]bstentions?|ABSTENTIONS?) ?:? ?[0-9]{1,3}\\b[ ,;/-]*){2,3}");
  std::smatch m;
  if (!std::regex_search(text, m, run)) return 0;
  return static_cast<std::size_t>(m.length(0));
}

// A vote bar: a line of one label and another of a different label among the next two ("Pour 9"
// then "Abstention 0"); a lone "Pour 10 personnes" is none.
bool vote_bar_at(const Paragraphs& paragraphs, std::size_t i) {
  if (vote_bar_end(paragraphs[i].text) > 0) return true;  // the bar's lines run on together
  const std::string first = vote_bar_line(paragraphs[i].folded);
  if (first.empty()) return false;
  for (std::size_t k = i + 1; k < paragraphs.size() && k <= i + 2; ++k) {
    const std::string next = vote_bar_line(paragraphs[k].folded);
    if (!next.empty() && next.substr(0, 4) != first.substr(0, 4)) return true;
  }
  return false;
}

// One act of minutes, from its headings to the next act's: number and title from the headings,
// then the parts of a deliberation read in the span alone, so that no value comes from a
// neighbouring act.
Deliberation read_minutes_act(const Paragraphs& paragraphs, std::size_t begin, std::size_t headings_end,
                              std::size_t end) {
  Deliberation act;
  act.kind = DeliberationKind::Deliberation;
  act.page = paragraphs[begin].place.page;
  for (std::size_t i = begin; i < headings_end; ++i) {
    Deliberation heading;
    read_act_heading(paragraphs[i].text, heading);
    // "III. DECISIONS PRISES …" over "DL-055-07-13 - Signature du marché …": the title printed
    // with the number is the act's, a heading above it names a group of acts.
    if (!act.number && heading.number) {
      act.number = heading.number;
      if (heading.title && heading.title->size() >= 3) {
        act.title = heading.title;
        continue;
      }
    }
    if (heading.title && (!act.title || act.title->size() < 3)) act.title = heading.title;
  }
  const Paragraphs span(paragraphs.begin() + static_cast<std::ptrdiff_t>(headings_end),
                        paragraphs.begin() + static_cast<std::ptrdiff_t>(end));
  const std::size_t legal = find_legal_part(span, 0);
  const std::string report = join_paragraphs(span, Span{0, legal});
  if (!report.empty()) act.report = report;
  read_legal_part(span, legal, act);
  // The vote may stand in the report's last sentences ("Après avoir entendu …, le Conseil
  // municipal, à l'unanimité, …" before its decision): read every vote statement of the span.
  std::vector<std::string> statements;
  for (const Paragraph& p : span)
    if (const std::string bar = vote_bar_line(p.folded); !bar.empty())
      statements.push_back(bar);
    else if (is_vote_statement(p.folded) || is_decision_marker(p.folded) || is_bare_count(p.folded) ||
             council_decides(p.folded))  // "DECISION : le Conseil accepte à l'unanimité …"
      statements.push_back(p.folded);
  // "Délibération n° 2023_038_D (Voir annexe) Le conseil approuve à l'unanimité …": a heading
  // the vote was run on to.
  for (std::size_t i = begin; i < headings_end; ++i) {
    const std::string& f = paragraphs[i].folded;
    for (const char* opening : {"le conseil ", "adopte", "a l'unanimite", "vote"}) {
      const std::size_t at = f.find(opening, 1);
      if (at != std::string::npos && is_vote_statement(f.substr(at))) {
        statements.push_back(f.substr(at));
        break;
      }
    }
  }
  for (const std::string& statement : statements) {
    const VoteTally tally = read_vote(statement);
    if (!act.vote.outcome) act.vote.outcome = tally.outcome;
    if (!act.vote.unanimous) act.vote.unanimous = tally.unanimous;
    if (!act.vote.for_votes) act.vote.for_votes = tally.for_votes;
    if (!act.vote.against) act.vote.against = tally.against;
    if (!act.vote.abstention) act.vote.abstention = tally.abstention;
  }
  act.budget = read_budget(act.articles);
  // A heading's sums are the act's too ("Subvention de 300 € à …", or a report run on into it).
  for (std::size_t i = begin; i < headings_end; ++i) collect_amounts(paragraphs[i].text, act);
  if (act.report) collect_amounts(*act.report, act);
  for (const std::string& considerant : act.considerants) collect_amounts(considerant, act);
  for (const Article& article : act.articles) collect_amounts(article.text, act);
  // "Après en avoir délibéré, le conseil municipal autorise … pour la somme totale de 700 euros":
  // a decision stated in a sentence, without articles, holds the act's sums.
  if (act.articles.empty())
    for (std::size_t i = legal; i < span.size(); ++i)
      if (is_decision_marker(span[i].folded) || council_decides(span[i].folded))
        collect_amounts(span[i].text, act);
  act.warnings.clear();  // the minutes' own warnings say what was not found
  return act;
}

bool has_vote(const Deliberation& act) {
  return act.vote.outcome || act.vote.unanimous || act.vote.for_votes || act.vote.against ||
         act.vote.abstention;
}

// "Vote : à l'unanimité", "après en avoir délibéré, à l'UNANIMITE": a statement that says how
// the vote went.
bool records_vote(const Paragraph& p) {
  if (const std::string bar = vote_bar_line(p.folded); !bar.empty()) {
    const VoteTally tally = read_vote(bar);
    return tally.for_votes || tally.against || tally.abstention;
  }
  if (!is_vote_statement(p.folded) && !is_decision_marker(p.folded) && !is_bare_count(p.folded)) return false;
  const VoteTally tally = read_vote(p.folded);
  return tally.outcome || tally.unanimous || tally.for_votes || tally.against || tally.abstention;
}

// Reflow may join a heading to the line before it ("10 votes pour 9/ Changement de destination
// …" when the count ends without a full stop): once the acts are seen to be numbered "N/", the
// next number in the same form inside a paragraph starts a paragraph of its own.
//
// A numbered heading in capitals that reflow ran on into the report ("2020- 047 REDEVANCE POUR
// OCCUPATION DU DOMAINE PUBLIC PAR ORANGE A ce jour, les modalités …") ends with its last word
// in capitals.
std::size_t capitals_title_end(const std::string& text) {
  std::size_t end = 0, words = 0, at = 0;
  while (at < text.size()) {
    const std::size_t stop = std::min(text.find(' ', at), text.size());
    const std::string word = text.substr(at, stop - at);
    bool has_lower = false, has_upper = false;
    for (const char c : word) {
      has_lower |= std::islower(static_cast<unsigned char>(c)) != 0;
      has_upper |= std::isupper(static_cast<unsigned char>(c)) != 0;
    }
    if (has_lower) break;
    if (has_upper && word.size() > 1) end = stop, ++words;
    at = stop + 1;
  }
  return words >= 2 ? end : 0;
}

// Moves the text of `p` before `head_end` into a paragraph of its own at the end of `out`; `p`
// keeps its text from `rest_begin` on.
void split_off_head(Paragraph& p, std::size_t head_end, std::size_t rest_begin, Paragraphs& out) {
  Paragraph head = p;
  head.text = p.text.substr(0, head_end);
  head.folded = fold(head.text);
  out.push_back(std::move(head));
  p.text = p.text.substr(rest_begin);
  p.folded = fold(p.text);
}

Paragraphs split_joined_list_headings(const Paragraphs& paragraphs, std::size_t from) {
  Paragraphs out(paragraphs.begin(), paragraphs.begin() + static_cast<std::ptrdiff_t>(from));
  std::optional<ListNumber> last;
  for (std::size_t i = from; i < paragraphs.size(); ++i) {
    Paragraph p = paragraphs[i];
    // "Vote : 1 contre et 10 pour Contrat de maintenance …": the next item's title run on to a
    // vote that ends without a full stop.
    if (is_vote_statement(p.folded) || is_bare_count(p.folded)) {
      static const std::regex tally_then_title(
          "\\b(pour|contre|abstentions?|unanimit\xC3\xA9|UNANIMIT(E|\xC3\x89))\\s+"
          "((?:[0-9]{1,2}\\s*[-/"
          ").]\\s*)?(?!(?:M|Mme|Mmes|MM|Mr|Monsieur|Madame|et|dont|des|de|du)\\b)[A-Z]\\S*\\s+\\S+.*)$");
      std::smatch m;
      if (std::regex_search(p.text, m, tally_then_title)) {
        const std::size_t at = static_cast<std::size_t>(m.position(3));
        split_off_head(p, at - 1, at, out);
        p.bullet = false;
      }
    }
    // "Pour 8 Abstention 1 Contre 0 2) Plan de financement …": a vote bar whose lines ran on
    // together and into the next item, as text without blank lines gives it.
    if (const std::size_t bar = vote_bar_end(p.text); bar > 0 && bar < p.text.size()) {
      std::size_t end = bar;
      while (end > 0 && p.text[end - 1] == ' ') --end;
      split_off_head(p, end, bar, out);
      p.bullet = false;
    }
    if (p.folded.size() > 260 && starts_numbered(p)) {
      const std::size_t end = capitals_title_end(p.text);
      if (end > 0 && end < p.text.size()) split_off_head(p, end, end + 1, out);
    }
    while (true) {
      if (heading_form(p) == HeadingForm::Listed) {
        const std::optional<ListNumber> number = list_number(p.text);
        if (!last || (number->separator == last->separator && number->value == last->value + 1))
          last = number;
      }
      if (!last) break;
      const std::string next = std::to_string(last->value + 1) + last->separator + " ";
      const std::size_t at = p.text.find(" " + next);
      if (at == std::string::npos || at + 1 + next.size() >= p.text.size() ||
          !(std::isupper(static_cast<unsigned char>(p.text[at + 1 + next.size()])) ||
            static_cast<unsigned char>(p.text[at + 1 + next.size()]) == 0xC3))
        break;
      split_off_head(p, at, at + 1, out);
      p.bullet = false;
    }
    out.push_back(std::move(p));
  }
  return out;
}

// --- Minutes flattened to one line -------------------------------------------------------------
// Text extracted by a third party, or reflowed, runs the acts of minutes on into one paragraph:
// "… ADOPTEE A L'UNANIMITE 03 Affiliation … Rapporteur : …", "Le point est adopté à
// l'unanimité. 3 – Convention …", "Accord à l'unanimité e Exonération …" (a bullet OCR read as
// "e"), "… le Conseil accepte à l'unanimité. CONVENTION PARELEC La Société …". An act is a
// heading, a report, and a closing (the council's vote or decision); so a heading is looked for
// where an act has just closed, and its form — a list number, a bullet, an announced number, a
// line in capitals — is then the document's: the same form opens the acts whose closing is
// followed by a discussion, and the first act, which nothing closes before.

// The heading's form at `at` of a printed text, and where the heading's own marker ends.
enum class FlatForm { None, Listed, Bullet, Announced, Capitals };

bool capital_at(const std::string& text, std::size_t at) {
  if (at >= text.size()) return false;
  const unsigned char c = static_cast<unsigned char>(text[at]);
  if (c >= 'A' && c <= 'Z') return true;
  return c == 0xC3 && at + 1 < text.size() && static_cast<unsigned char>(text[at + 1]) >= 0x80 &&
         static_cast<unsigned char>(text[at + 1]) <= 0x9E;
}

// Where a run of words in capitals starting at `at` ends (two words of two letters at least;
// figures inside the run belong to it, "DM RAR 2021"); 0 when there is none. A civility ("M.",
// "MM.") or a word with a small letter ends it.
std::size_t capitals_run_end(const std::string& text, std::size_t at) {
  std::size_t end = 0, words = 0, letters = 0;
  std::size_t i = at;
  while (i < text.size() && i < at + 240) {
    const std::size_t stop = std::min(text.find(' ', i), text.size());
    const std::string word = text.substr(i, stop - i);
    bool lower = false, upper = false;
    std::size_t word_letters = 0;
    for (std::size_t k = 0; k < word.size(); ++k) {
      const unsigned char c = static_cast<unsigned char>(word[k]);
      if (c >= 'a' && c <= 'z') lower = true;
      if (c >= 'A' && c <= 'Z') upper = true, ++word_letters;
      if (c == 0xC3 && k + 1 < word.size()) {
        const unsigned char d = static_cast<unsigned char>(word[k + 1]);
        (d >= 0xA0 ? lower : upper) = true;
        ++word_letters;
        ++k;
      }
    }
    if (lower || (!word.empty() && word.back() == '.' && word_letters <= 2)) break;
    if (upper && word_letters >= 2) ++words, letters += word_letters;
    if (upper || std::isdigit(static_cast<unsigned char>(word.empty() ? ' ' : word[0])) ||
        word == "\xC2\xAB" || word == "\xC2\xBB")
      end = stop;
    i = stop + 1;
  }
  return words >= 2 && letters >= 5 ? end : 0;
}

FlatForm flat_heading_form(const std::string& text, std::size_t at, std::string* glyph) {
  const std::string window = text.substr(at, 80);
  std::smatch m;
  // Words of a vote are no heading: "ADOPTEE A LA MAJORITE", "(Pour : 3 - Contre : 1 …".
  static const std::regex vote_words(
      "^(\\[?[0-9]{1,3}\\s*\\S?\\s*)?(a |la |l')*(unanimite|majorite|pour|contre|abstentions?|voix|votes?|"
      "votants|presents?|adoptee?s?|approuvee?s?|rejetee?s?|accord|vote)\\b");
  if (std::regex_search(fold(window), vote_words)) return FlatForm::None;
  // "3 – Convention …", "02 Requalification …", "[5 Désignation …" (a "1" OCR read as "["),
  // "7) Délibération n° …". Not a year, a sum or a count ("15 voix").
  static const std::regex listed(
      "^\\[?[0-9]{1,2}\\s*(?:[).:/-]|\xE2\x80\x93|\xE2\x80\x94)?\\s+(?:[A-Z]|\xC3[\x80-\x9E])");
  if (std::regex_search(window, m, listed)) return FlatForm::Listed;
  // "e Subvention …", "• Subvention …", "> …": a lone glyph before a capital.
  static const std::regex bullet(
      "^(e|o|\xE2\x80\xA2|\xC2\xBB|\\*|\xE2\x96\xAA)\\s+(?:[A-Z]|\xC3[\x80-\x9E])[a-z\xC3]");
  if (std::regex_search(window, m, bullet)) {
    if (glyph) *glyph = m[1].str();
    return FlatForm::Bullet;
  }
  static const std::regex announced(
      "^(?:N\\s*\xC2\xB0\\s*[0-9]|D(?:\xC3\xA9|e|E|\xC3\x89)lib(?:\xC3\xA9|e)ration "
      "n|DELIB(?:E|\xC3\x89)RATION "
      "N|Affaire n|AFFAIRE N|Point n|POINT N|Point [0-9]|POINT [0-9])");
  if (std::regex_search(window, announced)) return FlatForm::Announced;
  // Not the signature's "POUR EXTRAIT CONFORME" after the last vote.
  if (capital_at(text, at) && capitals_run_end(text, at) > 0 && !is_signature_marker(fold(window)))
    return FlatForm::Capitals;
  return FlatForm::None;
}

// The last sentence before `at` closes an act: the council's vote ("ADOPTEE A L'UNANIMITE",
// "Le point est adopté à l'unanimité.", "VOTE : UNANIMITÉ", "à la majorité (…)", "12 voix
// pour") or its decision ("Le Conseil décide de conserver …").
bool closes_before(const std::string& text, std::size_t at) {
  const std::size_t from = at > 240 ? at - 240 : 0;
  std::string before = fold(std::string_view(text).substr(from, at - from));
  while (!before.empty() && before.back() == ' ') before.pop_back();
  if (before.empty()) return false;
  // A sentence ended ("… adopté à l'unanimité.", "(Pour : 3 - Contre : 1)"), or a vote ended
  // without a full stop ("ADOPTEE A L'UNANIMITE 03 …"); not "(Pour :" before its figure.
  const char last = before.back();
  if (last != '.' && last != ')' && last != ';' && last != '!') {
    static const std::regex vote_end(
        "(unanimite|majorite|adoptee?s?|approuvee?s?|rejetee?s?)( des [a-z ]{0,40})?$|\\b[0-9]{1,3} "
        "(voix|votes?) "
        "(pour|contre)$|\\b[0-9]{1,3} abstentions?$|"
        // "Pour 8 Abstention 1 Contre 0": a vote bar's lines run on together.
        "\\b(pour|contre|abstentions?) ?:? ?[0-9]{1,3}\\b[ ,;/-]*(pour|contre|abstentions?) ?:? "
        "?[0-9]{1,3}$");
    return std::regex_search(before, vote_end);
  }
  // The last sentence: from the last full stop that ends one (not the window's final one).
  std::size_t end = before.size();
  while (end > 0 && (before[end - 1] == ' ' || before[end - 1] == '.')) --end;
  const std::size_t stop = before.rfind(". ", end);
  const std::string sentence = before.substr(stop == std::string::npos ? 0 : stop + 2);
  // The vote near the sentence's end: a sentence that runs from a vote across a heading and its
  // report (no full stop between) is no closing.
  const std::string sentence_end = sentence.size() > 110 ? sentence.substr(sentence.size() - 110) : sentence;
  static const std::regex voted(
      "unanimite|a la majorite|\\b(adoptee?s?|approuvee?s?|rejetee?s?)\\b|\\b[0-9]{1,3} (voix|votes?) "
      "pour|\\bpour\\s*:\\s*[0-9]");
  static const std::regex decided(
      "^(apres en avoir delibere,? )?(le|les membres du) (conseil|bureau|comite)\\b[^.]{0,60}\\b("
      "decide|approuve|accepte|adopte|autorise|valide|refuse|rejette|emet|prend acte|donne)");
  return std::regex_search(sentence_end, voted) || std::regex_search(sentence, decided);
}

// A closing's first words, printed after a report on the same line: "ADOPTEE A L'UNANIMITE",
// "Le point est adopté …", "Accord à l'unanimité", "Le Conseil approuve à l'unanimité …".
bool opens_closing(const std::string& text, std::size_t at) {
  if (!capital_at(text, at)) return false;
  const std::string window = fold(std::string_view(text).substr(at, 120));
  static const std::regex closing(
      "^((adoptee?s?|approuvee?s?|rejetee?s?) a (l'+unanimite|la majorite)|accord a (l'+unanimite|la "
      "majorite)|"
      "(le point|la deliberation|la proposition|le projet|le rapport) (est|a ete) (adopte|approuve|rejete)|"
      "(le|les membres du) (conseil|bureau|comite)( municipal| communautaire| d'administration)?,? "
      "[^.]{0,50}(unanimite|a la majorite))");
  return std::regex_search(window, closing) || council_decides(window);
}

// Where a heading's title ends in flattened text: before the report's first words ("Rapporteur
// :", "Vu …", "Monsieur le Maire rappelle …"), at the end of its first sentence, or after a
// title in capitals. npos when none is found near.
std::size_t flat_title_end(const std::string& text, std::size_t at, FlatForm form) {
  const std::string window = text.substr(at, 320);
  std::size_t end = std::string::npos;
  static const std::regex opener(
      " (?=Rapporteur|RAPPORTEUR|Vu |VU |Consid(?:\xC3\xA9|e)rant|CONSIDERANT|Apr(?:\xC3\xA8|e)s en avoir|"
      "(?:Monsieur|Madame|M\\.|Mme) (?:(?:le|la) )?(?:[A-Z\xC3][^ ,.]*[ "
      ",]+){1,3}[^.]{0,60}?(?:expose|rappelle|"
      "indique|pr(?:\xC3\xA9|e)sente|informe|propose|rapporte|explique|soumet|pr(?:\xC3\xA9|e)cise))");
  std::smatch m;
  if (std::regex_search(window, m, opener)) end = static_cast<std::size_t>(m.position(0));
  // The first sentence's end: ". " before a capital, not after a civility or "n°".
  for (std::size_t k = 8; k + 2 < window.size() && k < end; ++k) {
    if (window[k] != '.' || window[k + 1] != ' ' || !capital_at(window, k + 2)) continue;
    const std::size_t word = window.rfind(' ', k);
    const std::size_t length = k - (word == std::string::npos ? 0 : word + 1);
    if (length <= 2) continue;  // "M.", "St."
    end = k + 1;
    break;
  }
  // "N°230214 002 - FINANCES : DEMANDE … DE LA MAIRIE Monsieur NEEL, …": a title in capitals.
  std::size_t words_start = 0;
  if (form == FlatForm::Announced || form == FlatForm::Listed) {
    // The title after the number: past the first word that holds a figure and any separator.
    const std::size_t figure = window.find_first_of("0123456789");
    const std::size_t after = figure == std::string::npos ? 0 : window.find(' ', figure);
    words_start = after == std::string::npos ? 0 : after + 1;
    while (words_start < window.size() &&
           (window[words_start] == '-' || window[words_start] == ':' || window[words_start] == ' ' ||
            window.compare(words_start, 3, "\xE2\x80\x93") == 0))
      words_start += window.compare(words_start, 3, "\xE2\x80\x93") == 0 ? 3 : 1;
  }
  if (form == FlatForm::Capitals || capital_at(window, words_start)) {
    const std::size_t caps = capitals_run_end(window, words_start);
    if (caps > 0 && caps < end && caps + 1 < window.size()) end = caps;
  }
  if (end == std::string::npos && form == FlatForm::Announced) {
    // "Délibération n° … : Antenne ROC par le SIEL CONVENTION AVEC … Page 2 Le SIEL-TE …
    // (ROC42). M. le Maire …": no report opener near; the first sentence's end further on.
    const std::size_t stop = text.find(". ", at + 8);
    if (stop != std::string::npos && stop < at + 700) end = stop + 1 - at;
  }
  return end == std::string::npos || end < 6 ? std::string::npos : at + end;
}

// A title in capitals standing as a line of its own in flattened text: after a sentence's full
// stop, three words or more, and followed by a sentence in small letters ("… Coutures ». VENTE
// D'UN TERRAIN AU « LOTISSEMENT » La parcelle …"), unlike a table's capitals after a colon.
bool title_line(const std::string& text, std::size_t at) {
  std::size_t back = at;
  while (back > 0 && text[back - 1] == ' ') --back;
  if (back == 0 || text[back - 1] != '.') return false;
  const std::size_t end = capitals_run_end(text, at);
  if (end == 0 || end + 3 >= text.size()) return false;
  std::size_t words = 1;
  for (std::size_t i = at; i < end; ++i) words += text[i] == ' ' ? 1 : 0;
  std::size_t next = end;
  while (next < text.size() && text[next] == ' ') ++next;
  return words >= 3 && capital_at(text, next) && next + 1 < text.size() &&
         std::islower(static_cast<unsigned char>(text[next + 1]));
}

struct FlatCut {
  std::size_t at = 0;
  bool opens_act = false;
};

// The cuts of one long paragraph: before each closing's first words, at each heading that
// follows a closing (or, in the document's heading form, the first act's and those after a
// discussion), and at each such heading's title end.
// `closed_before`: the paragraph before ended with a closing, so a heading may open this one.
std::vector<FlatCut> flat_cuts(const std::string& text, bool closed_before, std::vector<FlatForm>& learned,
                               std::vector<std::string>& glyphs) {
  std::vector<FlatCut> cuts;
  std::vector<std::size_t> closings, heads;
  std::vector<FlatForm> head_forms;
  std::vector<std::string> head_glyphs;
  for (std::size_t at = 0; at < text.size(); ++at) {
    if (at > 0 && (text[at - 1] != ' ' || text[at] == ' ')) continue;
    if (at == 0 && !closed_before) continue;
    if (opens_closing(text, at)) closings.push_back(at);
    std::string glyph;
    const FlatForm form = flat_heading_form(text, at, &glyph);
    if (form == FlatForm::None) continue;
    heads.push_back(at);
    head_forms.push_back(form);
    head_glyphs.push_back(glyph);
  }
  // The forms a closing is followed by are the document's act headings.
  std::vector<bool> after_closing(heads.size(), false);
  for (std::size_t h = 0; h < heads.size(); ++h) {
    after_closing[h] = heads[h] == 0 ? closed_before : closes_before(text, heads[h]);
    if (!after_closing[h]) continue;
    if (std::find(learned.begin(), learned.end(), head_forms[h]) == learned.end())
      learned.push_back(head_forms[h]);
    if (head_forms[h] == FlatForm::Bullet &&
        std::find(glyphs.begin(), glyphs.end(), head_glyphs[h]) == glyphs.end())
      glyphs.push_back(head_glyphs[h]);
  }
  for (const std::size_t c : closings) cuts.push_back(FlatCut{c, false});
  bool closed = true;  // the act before the next heading holds its closing (none before the first)
  std::size_t last_heading = 0;
  int last_listed = -1;
  for (std::size_t h = 0; h < heads.size(); ++h) {
    const std::size_t at = heads[h];
    for (const std::size_t c : closings)
      if (c > last_heading && c < at) closed = true;
    if (!closed && (at == 0 ? closed_before : closes_before(text, at))) closed = true;
    const FlatForm form = head_forms[h];
    const bool known =
        std::find(learned.begin(), learned.end(), form) != learned.end() &&
        (form != FlatForm::Bullet || std::find(glyphs.begin(), glyphs.end(), head_glyphs[h]) != glyphs.end());
    if (!known) continue;
    // After a sentence's end, or a closing; not inside a sentence.
    std::size_t back = at > 0 ? at - 1 : 0;
    while (back > 0 && text[back - 1] == ' ') --back;
    const char previous = back > 0 ? text[back - 1] : '.';
    const bool sentence_ended = previous == '.' || previous == ')' || previous == '|' || previous == ':' ||
                                previous == ';' || previous == '!' || previous == '?';
    // A bullet glyph the document's acts open with stands after a sentence or a commission's
    // opinion alike ("> Avis favorable de la commission e Tarifs …").
    if (!after_closing[h] && !sentence_ended && form != FlatForm::Bullet) continue;
    if (form == FlatForm::Listed) {
      // A list goes on upwards ("3 –" after "2 –"); a figure that goes back is a list of the report.
      int value = 0;
      std::size_t k = at + (text[at] == '[' ? 1 : 0);
      while (k < text.size() && std::isdigit(static_cast<unsigned char>(text[k])))
        value = value * 10 + (text[k++] - '0');
      if (value <= last_listed && !after_closing[h]) continue;
      if (!after_closing[h] && !closed) continue;
      last_listed = value;
    } else if (form != FlatForm::Bullet && !after_closing[h] && !closed &&
               !(form == FlatForm::Capitals && title_line(text, at))) {
      continue;
    }
    cuts.push_back(FlatCut{at, true});
    const std::size_t title_end = flat_title_end(text, at, form);
    if (title_end != std::string::npos && title_end + 1 < text.size()) {
      std::size_t rest = title_end;
      while (rest < text.size() && text[rest] == ' ') ++rest;
      cuts.push_back(FlatCut{rest, false});
    }
    closed = false;
    last_heading = at;
  }
  std::sort(cuts.begin(), cuts.end(), [](const FlatCut& a, const FlatCut& b) { return a.at < b.at; });
  std::vector<FlatCut> unique;
  for (const FlatCut& cut : cuts) {
    if (!unique.empty() && unique.back().at == cut.at) {
      unique.back().opens_act |= cut.opens_act;
      continue;
    }
    unique.push_back(cut);
  }
  return unique;
}

// Splits the long paragraphs from `from` on (short ones hold one part already: their text kept
// its line breaks), and says which paragraphs open an act.
// `first_piece[i]`: where paragraph i went in the result.
Paragraphs split_flattened_minutes(const Paragraphs& paragraphs, std::size_t from,
                                   std::vector<bool>& opens_act, std::vector<std::size_t>& first_piece) {
  Paragraphs out(paragraphs.begin(), paragraphs.begin() + static_cast<std::ptrdiff_t>(from));
  opens_act.assign(from, false);
  first_piece.clear();
  for (std::size_t i = 0; i < from; ++i) first_piece.push_back(i);
  std::vector<FlatForm> learned;
  std::vector<std::string> glyphs;
  // The forms are learned on the whole text first, so that the first act's heading is known.
  // The session's header closes as an act does: the first act's heading opens the acts' first
  // paragraph ("Présents : … . CONVENTION AVEC LE SYNDICAT Le Maire présente …").
  const auto closed_before = [&](std::size_t i) {
    return i == from || closes_before(paragraphs[i - 1].text + " ", paragraphs[i - 1].text.size() + 1);
  };
  for (std::size_t i = from; i < paragraphs.size(); ++i)
    flat_cuts(paragraphs[i].text, closed_before(i), learned, glyphs);
  for (std::size_t i = from; i < paragraphs.size(); ++i) {
    const Paragraph& p = paragraphs[i];
    first_piece.push_back(out.size());
    std::vector<FlatCut> cuts;
    if (!learned.empty()) cuts = flat_cuts(p.text, closed_before(i), learned, glyphs);
    // "Délibération n° 2023-02-10/01 : Décision modificative n°2 Vu la délibération …": an
    // announced heading run on into its report keeps its title alone, whatever the document's form.
    bool announced_head = false;
    if (p.text.size() > 60 && flat_heading_form(p.text, 0, nullptr) == FlatForm::Announced) {
      const std::size_t end = flat_title_end(p.text, 0, FlatForm::Announced);
      if (end != std::string::npos && (cuts.empty() || cuts.front().at > end)) {
        std::size_t rest = end;
        while (rest < p.text.size() && p.text[rest] == ' ') ++rest;
        if (rest < p.text.size()) cuts.insert(cuts.begin(), FlatCut{rest, false});
        announced_head = true;
      }
    }
    std::size_t start = 0;
    bool opens = announced_head;
    for (std::size_t k = 0; k <= cuts.size(); ++k) {
      const std::size_t end = k < cuts.size() ? cuts[k].at : p.text.size();
      std::string piece = p.text.substr(start, end - start);
      while (!piece.empty() && piece.back() == ' ') piece.pop_back();
      if (!piece.empty()) {
        Paragraph part = p;
        part.bullet = start == 0 && p.bullet;
        // "e Subvention foire …": the bullet OCR read as a letter is no part of the title.
        std::string glyph;
        if (opens && flat_heading_form(piece, 0, &glyph) == FlatForm::Bullet) {
          piece = piece.substr(glyph.size() + 1);
          part.bullet = true;
        }
        part.text = piece;
        part.folded = fold(piece);
        out.push_back(std::move(part));
        opens_act.push_back(opens);
      }
      if (k < cuts.size()) {
        start = cuts[k].at;
        opens = cuts[k].opens_act;
      }
    }
  }
  return out;
}

// One act's place: its heading paragraphs [begin, heading_end), then its body up to `end`.
struct ActSpan {
  std::size_t begin = 0;
  std::size_t heading_end = 0;
  std::size_t end = 0;
};

// The text after the session's header, with what the cuts below ask of each paragraph read once.
struct MinutesText {
  Paragraphs paragraphs;
  std::vector<HeadingForm> forms;  // heading_form of each paragraph (None before `from`)
  std::vector<bool> votes;         // records_vote
  std::vector<bool> closes;        // records a vote, or decides ("DECIDE", "Délibère")
};

MinutesText index_minutes(Paragraphs paragraphs, std::size_t from, const std::vector<bool>& opens_act) {
  MinutesText out;
  out.forms.assign(paragraphs.size(), HeadingForm::None);
  out.votes.assign(paragraphs.size(), false);
  out.closes.assign(paragraphs.size(), false);
  for (std::size_t i = from; i < paragraphs.size(); ++i) {
    out.forms[i] = heading_form(paragraphs[i]);
    // A heading cut out of flattened text after a closing, in a form the line grammar above does
    // not know (a heading ending with its full stop, "02 Title", a bullet): it opens its act.
    if (i < opens_act.size() && opens_act[i] && out.forms[i] == HeadingForm::None)
      out.forms[i] = HeadingForm::Closed;
    out.votes[i] = records_vote(paragraphs[i]);
    out.closes[i] =
        out.votes[i] || is_decision_marker(paragraphs[i].folded) || council_decides(paragraphs[i].folded);
  }
  out.paragraphs = std::move(paragraphs);
  return out;
}

// Minutes cut at act headings (consecutive headings — a number line, then the title — open one
// act). A list number opens an act when it follows the list ("1/", then "2/", same separator), so
// that a numbered list inside a report does not; a line in capitals only when the act before it
// holds its vote. `numbered_only` keeps the numbered and listed headings alone.
std::vector<ActSpan> cut_at_headings(const MinutesText& text, std::size_t from, bool numbered_only) {
  const Paragraphs& paragraphs = text.paragraphs;
  const std::vector<HeadingForm>& forms_of = text.forms;
  std::vector<ActSpan> spans;
  std::vector<HeadingForm> forms;  // the form of each span's first heading
  std::optional<ListNumber> list;
  // Where acts carry numbers ("2020-044 CONSEIL D'ADMINISTRATION …"), a list number or a line
  // in capitals is a list or a table of the report ("1) Il propose …"), or a group heading over
  // a numbered act ("IV. PERSONNEL" then "DL-056-07-13 - …").
  std::vector<std::size_t> closes_upto(paragraphs.size() + 1, 0);  // 1 + index of the last closing
  std::size_t numbered = 0;
  for (std::size_t i = from; i < paragraphs.size(); ++i) {
    if (forms_of[i] == HeadingForm::Numbered) ++numbered;
    closes_upto[i + 1] = text.closes[i] ? i + 1 : closes_upto[i];
  }
  for (std::size_t i = from; i < paragraphs.size(); ++i) {
    const HeadingForm form = forms_of[i];
    if (form == HeadingForm::None) continue;
    const bool follows_heading = !spans.empty() && spans.back().heading_end == i;
    if (numbered >= 2 && form != HeadingForm::Numbered && form != HeadingForm::Closed && !follows_heading &&
        !(i + 1 < paragraphs.size() && forms_of[i + 1] == HeadingForm::Numbered))
      continue;
    const bool open_closed = spans.empty() || closes_upto[i] > spans.back().heading_end;
    if (form == HeadingForm::Listed) {
      // A list going on inside the open act's report ("1. Compte tenu …", "2. La gestion …") is
      // no act: a listed heading opens one once the act before is closed, or as a title in capitals.
      const ListNumber number = *list_number(paragraphs[i].text);
      const bool goes_on = list ? number.separator == list->separator && number.value == list->value + 1
                                : number.value == 1 || open_closed;
      const bool title_like = letters_in_capitals_percent(paragraphs[i].text) >= 70;
      if (!goes_on || !(open_closed || title_like || follows_heading)) continue;
      list = number;
    } else if (form == HeadingForm::Capitals) {
      if (numbered_only || !(follows_heading || open_closed)) continue;
    }
    if (follows_heading) {
      if (forms.back() == HeadingForm::Capitals && form != HeadingForm::Capitals) {
        // "{VOIR PLAN ANNEXE 1)" closing an act, then "2. ACQUISITION …": the numbered line opens.
        spans.back().begin = i;
        if (spans.size() > 1) spans[spans.size() - 2].end = i;
        forms.back() = form;
      }
      spans.back().heading_end = i + 1;  // a second heading line of the same act
      continue;
    }
    if (!spans.empty()) spans.back().end = i;
    spans.push_back(ActSpan{i, i + 1, paragraphs.size()});
    forms.push_back(form);
  }
  return spans;
}

// Minutes whose items have no heading the grammar knows ("Convention 1er secours", a plain
// line): each act ends with its vote, and its title is the last short line before its first
// paragraph of text.
std::vector<ActSpan> cut_at_votes(const MinutesText& text, std::size_t from) {
  const Paragraphs& paragraphs = text.paragraphs;
  std::vector<ActSpan> spans;
  std::size_t start = from;
  for (std::size_t i = from; i < paragraphs.size(); ++i) {
    if (!text.votes[i]) continue;
    // A vote bar printed one label a line ("Pour 9" / "Abstention 0" / "Contre 0") is one closing.
    std::size_t last = i;
    while (last + 1 < paragraphs.size() && text.votes[last + 1] &&
           !vote_bar_line(paragraphs[last + 1].folded).empty())
      ++last;
    std::optional<std::size_t> title;
    for (std::size_t k = start; k < i; ++k) {
      const std::string& text = paragraphs[k].text;
      const char last = text.back();
      if (text.size() > 160 || last == '.' || last == ',' || last == ';') break;  // the item's text
      // Neither title nor text: a line of a table ("Résultat de fonctionnement 83 650.14 €"), a
      // label ("Date de la convocation :"), a stray fragment of a sidebar.
      std::size_t digits = 0;
      for (const char c : text) digits += std::isdigit(static_cast<unsigned char>(c)) ? 1 : 0;
      if (last == ':' || text.size() < 8 || 4 * digits >= text.size() ||
          text.find("\xE2\x82\xAC") != std::string::npos)
        continue;
      title = k;
    }
    const std::size_t begin = title ? *title : start;
    spans.push_back(ActSpan{begin, title ? *title + 1 : begin, last + 1});
    start = last + 1;
    i = last;
  }
  return spans;
}

// The acts of minutes in the given spans: a span is an act when it records a vote or a decision
// and its title is not a procedural item.
std::vector<Deliberation> read_spans(const Paragraphs& paragraphs, const std::vector<ActSpan>& spans,
                                     std::vector<std::string>* warnings) {
  std::vector<Deliberation> acts;
  for (const ActSpan& span : spans) {
    Deliberation act = read_minutes_act(paragraphs, span.begin, span.heading_end, span.end);
    if (is_procedural(act.title ? fold(*act.title) : std::string()) ||
        (span.heading_end == span.begin && is_procedural(paragraphs[span.begin].folded)))
      continue;
    // "Approbation du compte rendu du Conseil Municipal du 15 décembre 2020 Monsieur le Maire
    // demande …" under a line of a sidebar: the item's text names it.
    if (span.heading_end < span.end && is_procedural(paragraphs[span.heading_end].folded)) continue;
    const bool decided = std::any_of(
        paragraphs.begin() + static_cast<std::ptrdiff_t>(span.heading_end),
        paragraphs.begin() + static_cast<std::ptrdiff_t>(span.end),
        [](const Paragraph& p) { return is_decision_marker(p.folded) || council_decides(p.folded); });
    // "Les membres du conseil municipal prennent acte de cette décision": an act recorded without
    // a vote.
    const bool noted =
        std::any_of(paragraphs.begin() + static_cast<std::ptrdiff_t>(span.heading_end),
                    paragraphs.begin() + static_cast<std::ptrdiff_t>(span.end), [](const Paragraph& p) {
                      static const std::regex noting("\\b(prend|prennent|a pris|ont pris|donne) acte\\b");
                      return std::regex_search(p.folded, noting);
                    });
    // A numbered heading in minutes names a deliberation, even where its vote is not printed in a
    // form read ("… après avoir délibéré, accepte et propose …").
    if (!has_vote(act) && !decided && !noted && !(act.number && act.title) && act.articles.empty()) continue;
    if (!has_vote(act) && !noted && warnings)
      warnings->push_back(describe(paragraphs[span.begin].place) + ": act \"" +
                          act.title.value_or("").substr(0, 60) + "\": no vote found");
    acts.push_back(std::move(act));
  }
  return acts;
}

// The acts of minutes, from paragraph `from` (after the session's header and attendance): cut at
// their headings, or, where that gives fewer than half as many acts, each closed by its vote.
std::vector<Deliberation> read_minutes_acts(const MinutesText& text, std::size_t from,
                                            std::vector<std::string>& warnings) {
  std::vector<std::string> heading_warnings;
  std::vector<Deliberation> acts =
      read_spans(text.paragraphs, cut_at_headings(text, from, false), &heading_warnings);
  const std::vector<ActSpan> voted = cut_at_votes(text, from);
  if (voted.size() > 2 * acts.size()) {  // else the items read would not outnumber the acts
    std::vector<std::string> vote_warnings;
    std::vector<Deliberation> closed = read_spans(text.paragraphs, voted, &vote_warnings);
    // Headings that open fewer than half the voted items are not this document's form.
    if (closed.size() > 2 * acts.size()) {
      acts = std::move(closed);
      heading_warnings = std::move(vote_warnings);
    }
  }
  warnings.insert(warnings.end(), heading_warnings.begin(), heading_warnings.end());
  return acts;
}

// Minutes whose header does not say so (a logo, a first page left out): two acts or more, each
// under a numbered heading and each with its own vote. An extract has one vote.
bool holds_voted_acts(const MinutesText& text, std::size_t from) {
  std::size_t acts = 0;
  for (const ActSpan& span : cut_at_headings(text, from, true)) {
    Deliberation heading;
    read_act_heading(text.paragraphs[span.begin].text, heading);
    if (heading.title && is_procedural(fold(*heading.title))) continue;
    if (!std::any_of(text.votes.begin() + static_cast<std::ptrdiff_t>(span.begin),
                     text.votes.begin() + static_cast<std::ptrdiff_t>(span.end), [](bool v) { return v; }))
      return false;
    ++acts;
  }
  return acts >= 2;
}

}  // namespace

std::string join_paragraphs(const Paragraphs& paragraphs, Span span, const std::vector<bool>* skip) {
  std::string text;
  for (std::size_t i = span.begin; i < span.end; ++i) {
    if (skip && (*skip)[i]) continue;
    if (!text.empty()) text += '\n';
    if (paragraphs[i].bullet) text += "- ";
    text += paragraphs[i].text;
  }
  return text;
}

static Deliberation read(const Options& options, std::string_view clean_text, const Legality& legality) {
  Deliberation out;
  out.legality = legality;
  Prepared prepared = prepare(clean_text, options.skip_stamp_lines);
  const Paragraphs& paragraphs = prepared.paragraphs;
  out.warnings = std::move(prepared.warnings);
  // Stamps cleanup did not take out (inside a line, or a text given to `greffe parse`) are read here.
  const Legality& read = prepared.legality;
  if (!out.legality.signed_on) out.legality.signed_on = read.signed_on;
  if (!out.legality.received_on) out.legality.received_on = read.received_on;
  if (!out.legality.act_id) out.legality.act_id = read.act_id;
  if (!out.legality.transmitted_on) out.legality.transmitted_on = read.transmitted_on;

  // Minutes flattened to one line print their votes inside long paragraphs ("… Accord à
  // l'unanimité e Exonération …"): a record of a session that states votes decides.
  static const std::regex voted_inside("unanimite|a la majorite|\\b[0-9]{1,3} (voix|votes?) pour\\b");
  const bool minutes_voting =
      is_minutes(paragraphs) && std::any_of(paragraphs.begin(), paragraphs.end(), [](const Paragraph& p) {
        return p.folded.size() > 400 && std::regex_search(p.folded, voted_inside);
      });
  // Not a deliberation: no decision, no article, no vote. Its session block, authority and
  // signatory are read all the same, and its body and sums given; it is no act. An extract of the
  // register cut before its decision (a page missing, a text cut short) is a deliberation still.
  const bool other = !decides(paragraphs) && !minutes_voting && !is_register_extract(paragraphs);
  if (other) {
    out.kind = DeliberationKind::Other;
    out.warnings.push_back("not a deliberation: no \"Délibère\"/\"DÉCIDE\" and no \"Article 1\"");
  } else {
    out.kind = DeliberationKind::Deliberation;
  }

  const std::size_t legal = find_legal_part(paragraphs, 0);
  std::vector<bool> used(paragraphs.size(), false);
  const Span before_legal{0, legal};
  read_attendance(paragraphs, before_legal, used, out);
  std::vector<bool> read_by_act = used;
  const std::optional<std::size_t> act = read_act(paragraphs, before_legal, used, out);
  for (std::size_t i = 0; i < used.size(); ++i) read_by_act[i] = used[i] && !read_by_act[i];
  // The session header ends where the report begins (its introduction, or else the title): a
  // "séance du 17 juillet 2020" quoted in the report is another session's.
  std::size_t header_end = act ? std::min(*act + 1, legal) : legal;
  for (std::size_t i = 0; i < legal; ++i) {
    if (introduces_report(paragraphs[i].folded)) {
      header_end = std::min(i + 1, legal);  // the introduction names the body
      break;
    }
  }
  read_session(paragraphs, Span{0, header_end}, used, out);
  check_attendance_count(out);
  if (other) {
    out.number.reset();
    out.title.reset();
    out.internal_ref.reset();
    out.warnings.erase(std::remove_if(out.warnings.begin(), out.warnings.end(),
                                      [](const std::string& w) {
                                        return w.rfind("no act number", 0) == 0 ||
                                               w.rfind("no title", 0) == 0;
                                      }),
                       out.warnings.end());
    for (std::size_t i = header_end; i < paragraphs.size(); ++i)
      if (is_signature_marker(paragraphs[i].folded)) {
        read_signatory(paragraphs, i, out);
        break;
      }
    if (!paragraphs.empty()) {
      out.report = join_paragraphs(paragraphs, Span{0, paragraphs.size()});
      collect_amounts(*out.report, out);
    }
    return out;
  }

  // The report: what follows the act (or the last header paragraph read) up to the legal part,
  // without its introduction ("… soumet au Bureau de la Métropole le rapport suivant :").
  std::size_t report_begin = act ? *act + 1 : 0;
  for (std::size_t i = 0; i < legal; ++i)
    if (used[i]) report_begin = std::max(report_begin, i + 1);
  for (std::size_t i = report_begin; i < legal; ++i)
    if (introduces_report(paragraphs[i].folded) || closes_report(paragraphs[i].folded)) used[i] = true;
  const std::string report = join_paragraphs(paragraphs, Span{report_begin, legal}, &used);
  if (!report.empty())
    out.report = report;
  else
    out.warnings.push_back("no report found between the act's title and its legal part");

  // The acts start after the header and attendance the parts above read (a signature at the end
  // read as a name does not count: the first numbered heading bounds the header). The number
  // an extract's reader took is the first act's heading in minutes.
  std::size_t first_heading = legal;
  for (std::size_t i = 0; i < legal; ++i)
    // A numbered heading run on into its report in flattened text ("Délibération n° 2023-02-10/01 :
    // Décision modificative n°2 Vu la délibération …") bounds the header too.
    if ((heading_form(paragraphs[i]) == HeadingForm::Numbered ||
         (paragraphs[i].text.size() > 260 &&
          flat_heading_form(paragraphs[i].text, 0, nullptr) == FlatForm::Announced)) &&
        (!used[i] || (read_by_act[i] && read_announced_number(paragraphs[i].text.substr(0, 200))))) {
      first_heading = i;
      break;
    }
  std::size_t acts_from = 0;
  for (std::size_t i = 0; i < first_heading; ++i)
    if (used[i]) acts_from = i + 1;
  // Flattened text: the paragraph the header's readers ended in ("Secrétaire de séance : X.
  // Approbation du procès-verbal … ADOPTE A L'UNANIMITE 01 Tarifs …") may run on into the acts;
  // its first part stays the header's.
  const Paragraphs joined = split_joined_list_headings(paragraphs, acts_from);
  const std::size_t flat_from =
      acts_from > 0 && joined[acts_from - 1].text.size() > 150 ? acts_from - 1 : acts_from;
  std::vector<bool> opens_act;
  std::vector<std::size_t> first_piece;
  const Paragraphs split = split_flattened_minutes(joined, flat_from, opens_act, first_piece);
  acts_from = flat_from < acts_from
                  ? first_piece[flat_from] + 1
                  : (acts_from < first_piece.size() ? first_piece[acts_from] : split.size());
  const MinutesText minutes = index_minutes(split, acts_from, opens_act);
  if (is_minutes(paragraphs) || holds_voted_acts(minutes, acts_from)) {
    std::vector<Deliberation> acts = read_minutes_acts(minutes, acts_from, out.warnings);
    if (!acts.empty()) {
      out.kind = DeliberationKind::Minutes;
      const std::optional<int> voters = out.vote.voters;
      {
        // Act keys at the top belong to no act of several: they are read in `acts`.
        out.number.reset();
        out.title.reset();
        out.internal_ref.reset();
        out.report.reset();
        out.amounts.clear();
      }
      if (acts.size() == 1) {
        // Minutes of one act: its keys at the top as well, as an extract would give them.
        const Deliberation& act = acts.front();
        out.number = act.number;
        out.title = act.title;
        out.report = act.report;
        out.visas = act.visas;
        out.considerants = act.considerants;
        out.articles = act.articles;
        out.vote = act.vote;
        out.amounts = act.amounts;
        out.budget = act.budget;
        out.signatory = act.signatory;
      } else if (!out.signatory.name) {
        // The signature closing the minutes is read with their last act: it signs the minutes.
        out.signatory = acts.back().signatory;
      }
      out.acts = std::move(acts);
      if (!out.vote.voters) out.vote.voters = voters;
      out.warnings.erase(std::remove_if(out.warnings.begin(), out.warnings.end(),
                                        [](const std::string& w) {
                                          return w.rfind("no act number", 0) == 0 ||
                                                 w.rfind("no title", 0) == 0;
                                        }),
                         out.warnings.end());
      return out;
    }
  }
  read_legal_part(paragraphs, legal, out);
  out.budget = read_budget(out.articles);

  if (out.report) collect_amounts(*out.report, out);
  // A considérant states the act's reasons, its sums among them ("Considérant que l'étude est
  // estimée à 10 400 € TTC"); a visa cites texts, whose numbers are no sums.
  for (const std::string& considerant : out.considerants) collect_amounts(considerant, out);
  for (const Article& article : out.articles) collect_amounts(article.text, out);
  return out;
}

Deliberation run(const Options& options, std::string_view clean_text, const Legality& legality) {
  try {
    return read(options, clean_text, legality);
  } catch (const std::exception& e) {
    // A parser bug (or std::regex running out of stack on a pathological line) must not stop the
    // document's other outputs: the act is returned unread, and the warning says why.
    Deliberation out;
    out.legality = legality;
    out.warnings.push_back(std::string("parser stopped: ") + e.what());
    return out;
  }
}

}  // namespace greffe::parse
