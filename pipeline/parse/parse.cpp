// The parser's order of reading, which is the act's printed order: session header and attendance,
// the act (number, title), the report, the legal part (visas, considérants, articles, vote,
// signature); then the budget line and the sums, read from the parts they belong to.
#include "pipeline/parse/parse.h"

#include <algorithm>
#include <regex>

#include "pipeline/parse/grammar.h"

namespace greffe::parse {

namespace {

// A deliberation decides: it has "Délibère"/"DÉCIDE" or numbered articles. A note de synthèse,
// a report or a convention has neither.
// Minutes may print no marker at all, only each act's vote ("12 votes pour", "Vote : à
// l'unanimité"): a vote that says how it went decides too.
bool decides(const Paragraphs& paragraphs) {
  return std::any_of(paragraphs.begin(), paragraphs.end(), [](const Paragraph& p) {
    if (is_decision_marker(p.folded) || article_number(p.folded).value_or(0) == 1) return true;
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
  for (std::size_t i = 0; i < paragraphs.size() && i < 14; ++i) {
    const std::string& f = paragraphs[i].folded;
    if (f.size() > 300) continue;
    if (f.find("proces-verbal") != std::string::npos || f.find("proces verbal") != std::string::npos ||
        f.find("compte rendu") != std::string::npos || f.find("compte-rendu") != std::string::npos ||
        f.rfind("cr du conseil", 0) == 0)
      return true;
  }
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

// An act's heading inside minutes: "Délibération n° 2020-038", "2020-038 …", "20240219_1-…",
// "N° 13-02-2023 - …", "1) …", "Point 3 : …", or a short line in capitals ("TRANSFERT DE LA
// COMPETENCE PLU …"). Never a sentence (it would end with a full stop) nor a part of the act.
bool is_act_heading(const Paragraph& p) {
  const std::string& f = p.folded;
  if (f.size() < 6 || f.size() > 260) return false;
  if (is_vote_statement(f) || is_decision_marker(f) || f.rfind("vu ", 0) == 0 ||
      f.rfind("considerant", 0) == 0 || article_number(f) || is_signature_marker(f))
    return false;
  static const std::regex numbered(
      "^(deliberation\\s*(n\\s*(\xC2\xB0|o)?\\s*)?:?\\s*[0-9a-z]*[0-9]|n\\s*\xC2\xB0\\s*[0-9]|"
      "[0-9]{4}\\s*[-_/]\\s*[0-9]{1,4}\\b|[0-9]{8}[_ "
      "-]|point\\s+(n\\s*\xC2\xB0\\s*)?[0-9]+|[0-9]{1,2}\\s*[)./-]\\s*[a-z]|"
      "[ivx]{1,4}\\s*[-.)]\\s+\\S|objet\\s*:)");
  if (std::regex_search(f, numbered)) return true;
  const char last = p.text.back();
  if (last == '.' || last == ',' || last == ';') return false;
  return letters_in_capitals_percent(p.text) >= 70;
}

// Procedural items of a session are no acts: the secretary's nomination, the approval of the
// previous minutes, information and questions.
bool is_procedural(const std::string& folded) {
  static const std::regex procedural(
      "secretaire de seance|designation du secretaire|approbation du (proces|compte|pv)|approbation des "
      "(proces|comptes)|"
      "questions? diverses|informations? (diverses|du maire)|^informations?\\b|ordre du jour");
  return std::regex_search(folded, procedural);
}

// The number and title a heading prints: "Délibération n° 2020-038 : SUBVENTION …",
// "20240219_1-Consultation …", "N° 13-02-2023 - Approbation …", "1) Approbation …".
void read_act_heading(const std::string& text, Deliberation& act) {
  static const std::regex with_number(
      "^(?:D(?:\xC3\xA9|e|\xC3\x89|E)(?:lib|LIB)\\S*\\s*)?(?:[Nn]\\s*\xC2\xB0\\s*:?\\s*)?"
      "([0-9]{4}\\s*[-_/"
      "]\\s*[0-9]{1,4}(?:[-_][0-9A-Za-z]{1,4})?|[0-9]{8}_[0-9]{1,3}|[0-9]{1,2}-[0-9]{2}-[0-9]{4}|"
      "[A-Z]{2,8}[0-9]{2,4}[-_][0-9-]{2,10})\\s*[-:\xE2\x80\x93_.]*\\s*(.*)$");
  std::smatch m;
  std::string title = text;
  if (std::regex_match(text, m, with_number)) {
    act.number = m[1].str();
    title = m[2].str();
  } else {
    static const std::regex listed("^(?:[Pp]oint\\s+)?(?:[0-9]{1,2}|[IVX]{1,4})\\s*[).:/-]\\s*(.*)$");
    if (std::regex_match(text, m, listed)) title = m[1].str();
    static const std::regex object("^[Oo]bjet\\s*:\\s*(.*)$");
    if (std::regex_match(title, m, object)) title = m[1].str();
  }
  for (char& c : title)
    if (c == '_') c = ' ';  // "Consultation_relative_au_projet": OCR's underlined words
  while (!title.empty() && (title.back() == ' ' || title.back() == ':')) title.pop_back();
  if (!title.empty()) act.title = title;
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
    if (!act.number && heading.number) act.number = heading.number;
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
  for (const Paragraph& p : span) {
    if (!is_vote_statement(p.folded) && !is_decision_marker(p.folded)) continue;
    const VoteTally tally = read_vote(p.folded);
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
  act.warnings.clear();  // the minutes' own warnings say what was not found
  return act;
}

bool has_vote(const Deliberation& act) {
  return act.vote.outcome || act.vote.unanimous || act.vote.for_votes || act.vote.against ||
         act.vote.abstention;
}

// The acts of minutes: the text after the attendance cut at act headings (consecutive headings
// — a number line, then the title — open one act); a span is an act when it records a vote or a
// decision and its heading is not a procedural item.
std::vector<Deliberation> read_minutes_acts(const Paragraphs& paragraphs, std::size_t from,
                                            std::vector<std::string>& warnings) {
  std::vector<std::size_t> starts;
  std::vector<std::size_t> heading_ends;
  for (std::size_t i = from; i < paragraphs.size(); ++i) {
    if (!is_act_heading(paragraphs[i])) continue;
    if (!starts.empty() && heading_ends.back() == i) {
      heading_ends.back() = i + 1;  // a second heading line of the same act
      continue;
    }
    starts.push_back(i);
    heading_ends.push_back(i + 1);
  }
  std::vector<Deliberation> acts;
  for (std::size_t k = 0; k < starts.size(); ++k) {
    const std::size_t end = k + 1 < starts.size() ? starts[k + 1] : paragraphs.size();
    std::string heading;
    for (std::size_t i = starts[k]; i < heading_ends[k]; ++i) heading += paragraphs[i].folded + " ";
    if (is_procedural(heading)) continue;
    Deliberation act = read_minutes_act(paragraphs, starts[k], heading_ends[k], end);
    const bool decided = std::any_of(paragraphs.begin() + static_cast<std::ptrdiff_t>(heading_ends[k]),
                                     paragraphs.begin() + static_cast<std::ptrdiff_t>(end),
                                     [](const Paragraph& p) { return is_decision_marker(p.folded); });
    if (!has_vote(act) && !decided && act.articles.empty()) continue;
    if (!has_vote(act))
      warnings.push_back(describe(paragraphs[starts[k]].place) + ": act \"" +
                         act.title.value_or("").substr(0, 60) + "\": no vote found");
    acts.push_back(std::move(act));
  }
  return acts;
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

  if (!decides(paragraphs)) {
    // Not a deliberation: only what belongs to any text is given, its body and its sums.
    out.kind = DeliberationKind::Other;
    out.warnings.push_back("not a deliberation: no \"Délibère\"/\"DÉCIDE\" and no \"Article 1\"");
    if (!paragraphs.empty()) {
      out.report = join_paragraphs(paragraphs, Span{0, paragraphs.size()});
      collect_amounts(*out.report, out);
    }
    return out;
  }
  out.kind = DeliberationKind::Deliberation;

  const std::size_t legal = find_legal_part(paragraphs, 0);
  std::vector<bool> used(paragraphs.size(), false);
  const Span before_legal{0, legal};
  read_attendance(paragraphs, before_legal, used, out);
  const std::optional<std::size_t> act = read_act(paragraphs, before_legal, used, out);
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

  if (is_minutes(paragraphs)) {
    // The acts start after the header and attendance the parts above read.
    std::size_t acts_from = 0;
    for (std::size_t i = 0; i < paragraphs.size(); ++i)
      if (used[i] && i < legal) acts_from = i + 1;
    std::vector<Deliberation> acts = read_minutes_acts(paragraphs, acts_from, out.warnings);
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
