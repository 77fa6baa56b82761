// The parts of the parser, one per part of the act, each reading the paragraphs it is given.
// Internal to pipeline/parse; parse.cpp calls them in the order the act is printed.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "models/deliberation.h"
#include "pipeline/parse/text.h"

namespace greffe::parse {

using Paragraphs = std::vector<Paragraph>;

// Paragraphs [begin, end) of the document.
struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;
};

// session.cpp — "Séance du …", the opening sentence (president, authority, members present), the body.
// Marks the paragraphs it read in `used`.
void read_session(const Paragraphs& paragraphs, Span zone, std::vector<bool>& used, Deliberation& out);

// attendance.cpp — present, represented (with their proxies), excused; Métropole and communal forms.
void read_attendance(const Paragraphs& paragraphs, Span zone, std::vector<bool>& used, Deliberation& out);
// Splits a printed list of names ("A - B - C.", "A, B, C") into names; items that do not look
// like a name are left out and reported in `unread`.
// A warning when the declared count ("ont été présents 31 membres") differs from the names listed.
void check_attendance_count(Deliberation& out);
std::vector<std::string> split_names(std::string_view list, std::vector<std::string>& unread);
bool looks_like_name(std::string_view item);

// act.cpp — the act's number, its title and internal reference. Returns the index of the title
// paragraph (or of the number when there is no title), or nothing.
std::optional<std::size_t> read_act(const Paragraphs& paragraphs, Span zone, std::vector<bool>& used,
                                    Deliberation& out);
// "… soumet au Bureau de la Métropole le rapport suivant :", "Monsieur le Maire expose ce qui suit".
bool introduces_report(const std::string& folded);
// "Telles sont les raisons qui nous incitent à proposer … la délibération ci-après :": the
// rapporteur's closing formula, which hands over to the legal part, as the introduction opened.
bool closes_report(const std::string& folded);

// number.cpp — an act's number opening `text` ("2020-038 - Titre", "DL-055-07-13 - Titre",
// "20231218 1 Titre", "2023_034 _D"): the number, where it ends and the title after its separator.
// `marked`: "n°" announced it, so a lone segment of figures is a number too.
struct ActNumber {
  std::string number;
  std::size_t end = 0;
  std::string rest;
  bool announced = false;  // after "Délibération" or "n°"
  bool separated = false;  // "-", ":" or "–" between the number and `rest`
};
std::optional<ActNumber> read_act_number(const std::string& text, bool marked);
// The same after the words that announce it ("Délibération n° …", "N° …"), skipped.
std::optional<ActNumber> read_announced_number(const std::string& text);

// legal.cpp — from the legal opener to the end: visas, considérants, articles, vote, signatory.
// Returns the index of the first paragraph of the legal part (the end of the report).
std::size_t find_legal_part(const Paragraphs& paragraphs, std::size_t from);
void read_legal_part(const Paragraphs& paragraphs, std::size_t from, Deliberation& out);
bool is_decision_marker(const std::string& folded);  // "Délibère", "DÉCIDE :", "…, décide :"
std::optional<int> article_number(const std::string& folded, std::size_t* prefix_length = nullptr);

// vote.cpp — "Cette proposition mise aux voix est adoptée.", "à la majorité (Pour : 23 - Contre : 2 - …)".
bool is_vote_statement(const std::string& folded);
VoteTally read_vote(const std::string& folded);

// signatory.cpp — "Certifié Conforme," / "Pour extrait certifié conforme", the office, the name.
bool is_signature_marker(const std::string& folded);
void read_signatory(const Paragraphs& paragraphs, std::size_t marker, Deliberation& out);
// "Le Maire, Jérôme BEQ", "Le Président, Jean-Louis CAMUS" inside `text`: the office and the name.
std::optional<Signatory> office_then_name(const std::string& text);

// amounts.cpp — every sum in euros in `text`, in order.
std::vector<Amount> find_amounts(std::string_view text);

// budget.cpp — the budget line of the articles ("chapitre 65 - nature 65748 - fonction 67").
BudgetLine read_budget(const std::vector<Article>& articles);

// Paragraphs joined one per line, a bullet paragraph printed as "- …".
std::string join_paragraphs(const Paragraphs& paragraphs, Span span, const std::vector<bool>* skip = nullptr);

}  // namespace greffe::parse
