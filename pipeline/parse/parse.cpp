// The parser's order of reading, which is the act's printed order: session header and attendance,
// the act (number, title), the report, the legal part (visas, considérants, articles, vote,
// signature); then the budget line and the sums, read from the parts they belong to.
#include "pipeline/parse/parse.h"

#include <algorithm>

#include "pipeline/parse/grammar.h"

namespace greffe::parse {

namespace {

// A deliberation decides: it has "Délibère"/"DÉCIDE" or numbered articles. A note de synthèse,
// a report or a convention has neither.
bool decides(const Paragraphs& paragraphs) {
  return std::any_of(paragraphs.begin(), paragraphs.end(), [](const Paragraph& p) {
    return is_decision_marker(p.folded) || article_number(p.folded).value_or(0) == 1;
  });
}

void collect_amounts(const std::string& text, Deliberation& out) {
  for (Amount& amount : find_amounts(text)) out.amounts.push_back(std::move(amount));
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

  read_legal_part(paragraphs, legal, out);
  out.budget = read_budget(out.articles);

  if (out.report) collect_amounts(*out.report, out);
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
