#include "cleanup/cleanup.h"

#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <set>
#include <sstream>

#include "cleanup/context_rules.h"
#include "cleanup/measured.h"
#include "cleanup/noise.h"
#include "cleanup/reflow.h"
#include "cleanup/stamp_lines.h"
#include "cleanup/whitespace.h"
#include "cleanup/word_repair.h"

namespace greffe::cleanup {

namespace {

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::vector<std::string> split_words(const std::string& line) {
  std::vector<std::string> words;
  std::istringstream in(line);
  for (std::string word; in >> word;) words.push_back(word);
  return words;
}

// A token as printed: punctuation around a word ("(développeurs," -> "(", "développeurs", ",").
struct Token {
  std::string lead, word, trail;
};

Token split_token(const std::string& token) {
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(token);
  int32_t start = 0, end = text.length();
  while (start < end && !u_isalnum(text.char32At(start))) start = text.moveIndex32(start, 1);
  while (end > start) {
    const int32_t previous = text.moveIndex32(end, -1);
    if (u_isalnum(text.char32At(previous))) break;
    end = previous;
  }
  // Inside, anything stays: "ao(t" is a damaged "août", "l'emploi" one word.
  Token split;
  text.tempSubString(0, start).toUTF8String(split.lead);
  text.tempSubString(start, end - start).toUTF8String(split.word);
  text.tempSubString(end).toUTF8String(split.trail);
  return split;
}

// The words after words[from] up to the end of their sentence (a word ending in ".", ";", ":",
// "!" or "?"), read on into the following lines; nothing when it does not end within them.
std::optional<std::vector<std::string>> sentence_after(const std::vector<std::string>& words,
                                                       std::size_t from, const std::string& following) {
  std::vector<std::string> rest(words.begin() + static_cast<std::ptrdiff_t>(std::min(from, words.size())),
                                words.end());
  const std::vector<std::string> more = split_words(following);
  rest.insert(rest.end(), more.begin(), more.end());
  for (std::size_t i = 0; i < rest.size(); ++i)
    if (std::string(".;:!?").find(rest[i].back()) != std::string::npos) {
      rest.resize(i + 1);
      return rest;
    }
  return std::nullopt;
}

// Whether a line reads as French text: it does unless it has at least four words that word
// repair would look at and fewer than a third of them are French. A page read upside down
// ("sadroutid sa] ed s2pmSg eles suonelsosse sap uoroaos"), a table of codes or a line in another
// language does not. On the fixtures and seeds, every line of text of four such words or more
// has two in five French or more (the least, a line of names); 14 of the 17 such lines of the
// upside-down page's OCR (orientation-180.tesseract.txt) have less than a third.
bool reads_as_french(const std::vector<Token>& tokens, Lexicon& lexicon) {
  int judged = 0, french = 0;
  for (const Token& token : tokens) {
    if (!is_repairable(token.word)) continue;
    ++judged;
    if (lexicon.knows(token.word)) ++french;  // asked anyway by word repair: the answer is cached
  }
  return judged < 4 || 3 * french >= judged;
}

// The words of a line of text, whitespace normalised (NFC, any space one separator).
std::vector<std::string> words_in(const std::string& raw) {
  return split_words(normalize_whitespace(raw));
}

std::string joined(const std::vector<std::string>& tokens) {
  std::string line;
  for (const std::string& token : tokens) line += (line.empty() ? "" : " ") + token;
  return line;
}

// A row of the page as cleanup reads it: a line of the engine's (`line`, its index) or a
// paragraph break, numbered as the line of the page's text (raw.txt) it is, so that a change can
// be found there.
struct Row {
  std::optional<std::size_t> line;  // none: a paragraph break
  int number = 0;
};

// The engine's text has one line per line with words, in order, and an empty line between
// paragraphs: the rows follow it. When it does not (text made some other way), the lines are
// numbered in order, a break where the engine's paragraph or block changes.
std::vector<Row> rows_of(const OcrPage& page) {
  std::vector<std::size_t> printed;
  for (std::size_t i = 0; i < page.lines.size(); ++i)
    for (const Word& word : page.lines[i].words)
      if (!words_in(word.text).empty()) {
        printed.push_back(i);
        break;
      }
  std::vector<Row> rows;
  const std::vector<std::string> raw = split_lines(page.text);
  std::size_t with_words = 0;
  for (const std::string& line : raw) with_words += !words_in(line).empty();
  if (with_words == printed.size()) {
    std::size_t next = 0;
    int number = 0;
    for (const std::string& line : raw) {
      ++number;
      if (words_in(line).empty())
        rows.push_back({std::nullopt, number});
      else
        rows.push_back({printed[next++], number});
    }
    return rows;
  }
  int number = 0;
  for (std::size_t k = 0; k < printed.size(); ++k) {
    const TextLine& line = page.lines[printed[k]];
    if (k > 0) {
      const TextLine& before = page.lines[printed[k - 1]];
      if (line.paragraph != before.paragraph || line.block != before.block)
        rows.push_back({std::nullopt, ++number});
    }
    rows.push_back({printed[k], ++number});
  }
  return rows;
}

}  // namespace

Cleaner::Cleaner(Options options, std::unique_ptr<Lexicon> lexicon, std::unique_ptr<Lexicon> english,
                 std::unique_ptr<Corrector> corrector, std::unique_ptr<ContextModel> context)
    : options_(std::move(options)),
      lexicon_(std::move(lexicon)),
      english_(std::move(english)),
      context_(std::move(context)),
      corrector_(std::move(corrector)) {}

Expected<std::unique_ptr<Cleaner>> Cleaner::create(const Options& options) {
  auto lexicon = Lexicon::load(options.dictionary);
  if (!lexicon) return lexicon.error();
  auto english = Lexicon::load(options.english_dictionary);
  if (!english) return english.error();
  // The corrector's tables, read once per cleaner (not per page).
  std::unique_ptr<Corrector> corrector;
  if (options.corrector) {
    auto confusions = ConfusionTable::load(options.confusions);
    auto frequencies = WordFrequencies::load(options.frequencies);
    if (confusions && frequencies && confusions.value().size() > 0 && frequencies.value().size() > 0)
      corrector = std::make_unique<Corrector>(std::move(confusions.value()), std::move(frequencies.value()));
  }
  auto context = ContextModel::load(options.context);
  if (!context) return context.error();
  return std::unique_ptr<Cleaner>(new Cleaner(options, std::move(lexicon.value()), std::move(english.value()),
                                              std::move(corrector),
                                              std::make_unique<ContextModel>(std::move(context.value()))));
}

CleanDocument Cleaner::run(const std::vector<std::string>& ocr_pages) {
  CleanDocument document;
  for (std::size_t i = 0; i < ocr_pages.size(); ++i)
    document.pages.push_back(clean_page(ocr_pages[i], static_cast<int>(i) + 1, document));
  return document;
}

OcrPage Cleaner::words_of_text(const std::string& text) {
  OcrPage page;
  page.text = text;
  int paragraph = 0;
  for (const std::string& raw : split_lines(text)) {
    const std::vector<std::string> words = words_in(raw);
    if (words.empty()) {
      if (!page.lines.empty() && page.lines.back().paragraph == paragraph) ++paragraph;
      continue;
    }
    TextLine line;
    line.paragraph = paragraph;
    for (const std::string& word : words) {
      Word given;
      given.text = word;
      given.confidence = 100;  // as given: no speck to judge by its confidence
      line.words.push_back(std::move(given));
    }
    page.lines.push_back(std::move(line));
  }
  return page;
}

std::string Cleaner::clean_page(const std::string& text, int page, CleanDocument& document) {
  return clean(words_of_text(text), page, document).text;
}

std::string Cleaner::clean_page(const OcrPage& ocr, int page, CleanDocument& document) {
  return clean(ocr, page, document).text;
}

std::vector<std::vector<CleanWord>> Cleaner::clean_words(const OcrPage& page) {
  CleanDocument unused;  // the changes and legality are clean_page's
  return clean(page, 0, unused).words;
}

CleanPage Cleaner::clean(const OcrPage& given, int page, CleanDocument& document) {
  const bool from_text = given.lines.empty();
  const OcrPage converted = from_text ? words_of_text(given.text) : OcrPage{};
  const OcrPage& ocr = from_text ? converted : given;
  CleanPage result;
  result.words.resize(ocr.lines.size());
  for (std::size_t i = 0; i < ocr.lines.size(); ++i)
    for (const Word& word : ocr.lines[i].words)
      result.words[i].push_back({word.text, WordRole::Text, "", 0, ""});

  const std::vector<Row> rows = rows_of(ocr);
  std::vector<std::string> printed;  // each row's words as the engine read them, for the context rules
  for (const Row& row : rows) {
    std::string text;
    if (row.line)
      for (const Word& word : ocr.lines[*row.line].words) text += word.text + ' ';
    printed.push_back(text);
  }
  std::vector<PageLine> lines;
  std::vector<std::size_t> line_of;  // per entry of `lines`, its OCR line (for a break: none used)
  bool stamp_removed = false;
  bool follows_hyphen = false;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const Row& row = rows[r];
    if (!row.line) {
      lines.push_back({"", row.number, false});
      line_of.push_back(0);
      continue;
    }
    std::string following;  // where a sentence goes on: the next lines' words
    for (std::size_t n = r + 1; n < rows.size() && n <= r + sentence_lines; ++n)
      following += printed[n] + '\n';
    std::string text;
    switch (clean_line(ocr.lines[*row.line], page, row.number, follows_hyphen, following, document,
                       result.words[*row.line], text)) {
      case LineFate::Stamp: stamp_removed = true; continue;
      case LineFate::Empty: continue;
      case LineFate::Text: break;
    }
    follows_hyphen = text.back() == '-';
    lines.push_back({text, row.number, stamp_removed});
    line_of.push_back(*row.line);
    stamp_removed = false;
  }

  if (!options_.reflow) {
    std::string text;
    for (const PageLine& line : lines) text += line.text + '\n';
    result.text = normalize_whitespace(text);
  } else {
    std::vector<Dehyphenation> dehyphenated;
    result.text = reflow(lines, *lexicon_, dehyphenated);
    // A join is logged on the number before the second part's line: the second part is the first
    // text word of that line, the first part the last text word of the line before it.
    for (const Dehyphenation& join : dehyphenated) {
      document.changes.push_back({page, join.line, "dehyphenate", join.before, join.after});
      std::size_t second = 0;
      while (second < lines.size() && lines[second].number != join.line + 1) ++second;
      if (second == 0 || second >= lines.size() || lines[second - 1].text.empty()) continue;
      std::vector<CleanWord>& after = result.words[line_of[second]];
      std::vector<CleanWord>& before = result.words[line_of[second - 1]];
      auto first_text = std::find_if(after.begin(), after.end(),
                                     [](const CleanWord& w) { return w.role == WordRole::Text; });
      auto last_text = std::find_if(before.rbegin(), before.rend(),
                                    [](const CleanWord& w) { return w.role == WordRole::Text; });
      if (first_text == after.end() || last_text == before.rend()) continue;
      last_text->hyphen_part = 1;
      first_text->hyphen_part = 2;
      last_text->joined = first_text->joined = join.after;
    }
  }
  if (from_text) result.words.clear();
  return result;
}

Cleaner::LineFate Cleaner::clean_line(const TextLine& line, int page, int number, bool follows_hyphen,
                                      const std::string& following, CleanDocument& document,
                                      std::vector<CleanWord>& words, std::string& text) {
  std::vector<Change>& changes = document.changes;
  // The line's tokens, each with the word it comes from (a word the engine gave with a space
  // inside makes several).
  std::vector<std::string> tokens;
  std::vector<std::size_t> origin;
  std::vector<int> pieces(line.words.size(), 0);
  for (std::size_t j = 0; j < line.words.size(); ++j) {
    const std::vector<std::string> parts = words_in(line.words[j].text);
    if (parts.empty()) {  // a blank word: the engine's reading of a frame or a rule
      words[j].role = WordRole::Dropped;
      continue;
    }
    words[j].text = joined(parts);
    pieces[j] = static_cast<int>(parts.size());
    for (const std::string& part : parts) {
      tokens.push_back(part);
      origin.push_back(j);
    }
  }
  if (tokens.empty()) return LineFate::Empty;

  // 1. A stamp line is the legality record, not the act's text.
  if (options_.stamps && read_stamp_line(joined(tokens), document.legality)) {
    changes.push_back({page, number, "stamp", joined(tokens), ""});
    for (std::size_t j = 0; j < words.size(); ++j)
      if (pieces[j] > 0) words[j].role = WordRole::Stamp;
    return LineFate::Stamp;
  }

  // 2. The engine's own words: specks by their confidence, what the OCR stage measured on the
  // page, and the underscores it found between words. A word joined to the one before by its
  // underscore goes with it ("Plateforme_Marseille", on the first word's box).
  std::vector<std::string> kept;
  std::vector<std::size_t> kept_origin;
  std::string joiner;  // what goes before the next kept token
  for (std::size_t t = 0; t < tokens.size(); ++t) {
    const std::size_t j = origin[t];
    const bool whole = pieces[j] == 1;  // a word that is one token, as the engine read it
    Word word = line.words[j];
    word.text = tokens[t];
    if (whole && options_.noise && is_low_confidence_speck(word, t == 0, *lexicon_)) {
      changes.push_back({page, number, "noise", line.words[j].text, ""});
      words[j].rule = "noise";
      continue;
    }
    std::string token = tokens[t];
    if (auto measured = whole ? measured_reading(word) : std::nullopt) {
      changes.push_back({page, number, measured->rule, token, measured->text});
      token = measured->text;
      words[j].rule = measured->rule;
    }
    if (!joiner.empty() && !kept.empty()) {
      words[kept_origin.back()].rule = "underscore";
      if (joiner == "_") {
        kept.back() += joiner + token;
        words[j].rule = "underscore";
        joiner.clear();
        continue;  // this word is carried by the one before
      }
      kept.back() += joiner.substr(0, joiner.find(' '));  // "_ ": the bar, then a word space
    }
    kept.push_back(token);
    kept_origin.push_back(j);
    joiner.clear();
    // An underscore the engine read itself is not put back a second time ("Plateforme_"
    // then "Marseille" is no "Plateforme__Marseille").
    if (whole && !word.underscore_after.empty() && t + 1 < tokens.size() && token.back() != '_' &&
        tokens[t + 1].front() != '_') {
      const std::string& next = line.words[origin[t + 1]].text;
      changes.push_back({page, number, "underscore", line.words[j].text + " " + next,
                         line.words[j].text + word.underscore_after + next});
      joiner = word.underscore_after;
    }
  }

  // 3. Noise tokens; a lone stop goes back to the token before.
  if (options_.noise && !kept.empty()) {
    const std::string before = joined(kept);
    std::vector<std::string> clean;
    std::vector<std::size_t> clean_origin;
    const std::vector<NoiseVerdict> verdicts = judge_noise(kept);
    for (std::size_t t = 0; t < kept.size(); ++t) {
      switch (verdicts[t].fate) {
        case NoiseFate::Kept:
          clean.push_back(verdicts[t].text);
          clean_origin.push_back(kept_origin[t]);
          break;
        case NoiseFate::GluedBefore:
          clean.back() += verdicts[t].text;
          words[kept_origin[t]].rule = "noise";
          break;
        case NoiseFate::Dropped: words[kept_origin[t]].rule = "noise"; break;
      }
    }
    kept = std::move(clean);
    kept_origin = std::move(clean_origin);
    const std::string after = joined(kept);
    if (after != before) changes.push_back({page, number, "noise", before, after});
  }

  // 4. Bullets, dashes, the context rules and word repair.
  if (options_.words && !kept.empty()) {
    std::vector<std::string> rules;
    repair_words(kept, rules, follows_hyphen, page, number, changes, following);
    for (std::size_t t = 0; t < kept.size(); ++t)
      if (!rules[t].empty()) words[kept_origin[t]].rule = rules[t];
  }

  // What is left of each word: its tokens, or nothing (dropped).
  std::vector<std::string> left(words.size());
  std::vector<bool> has(words.size(), false);
  for (std::size_t t = 0; t < kept.size(); ++t) {
    std::string& word = left[kept_origin[t]];
    word += (has[kept_origin[t]] ? " " : "") + kept[t];
    has[kept_origin[t]] = true;
  }
  for (std::size_t j = 0; j < words.size(); ++j) {
    if (pieces[j] == 0) continue;
    if (has[j])
      words[j].text = left[j];
    else
      words[j].role = WordRole::Dropped;
  }
  if (kept.empty()) return LineFate::Empty;
  text = joined(kept);
  return LineFate::Text;
}

// A capitalised word inside a sentence (not a line's first word, not after a stop or a colon) is
// a name: the words of real scans the lexicon does not know there are mostly names ("Leroux",
// "Condamine", "Marinard", "Kévin"), which the corrector would bend to the nearest French word.
static bool inside_sentence_name(const std::string& word, std::size_t index, const std::string& previous) {
  if (word.empty() || word[0] < 'A' || word[0] > 'Z' || index == 0 || previous.empty()) return false;
  return std::string(".:;!?").find(previous.back()) == std::string::npos;
}

// Whether a word printed with a capital stands as a name where it is: inside a sentence, after a
// civility ("M. Daval", "Mme Lavis"), or before another capitalised word, as in a list of names
// ("Daval Hervé,"). There a capitalised word whose tail is French ("Daval": "d'aval") is a
// surname, not an elided pair the engine glued; at a sentence's start ("Lassemblée délibère")
// the glued pair is the likelier reading.
static bool stands_as_name(const std::string& word, std::size_t index, const std::string& previous,
                           const std::string& next) {
  if (word.empty() || word[0] < 'A' || word[0] > 'Z') return false;
  if (inside_sentence_name(word, index, previous)) return true;
  static const std::set<std::string> civilities = {
      "M.", "MM.", "Mme",      "Mmes",   "Mlle",         "Mme.",      "Mlle.",    "Me",     "Me.",
      "Dr", "Dr.", "Monsieur", "Madame", "Mademoiselle", "Messieurs", "Mesdames", "Maître", "Docteur"};
  if (index > 0 && civilities.count(previous)) return true;
  // The next word a name too: a capital and then lower case, the word itself not ending its
  // sentence or clause ("Lassemblée. Elle" is no list of names).
  const bool word_ends_clause = std::string(".:;!?").find(word.back()) != std::string::npos;
  const bool next_is_name =
      next.size() > 1 && next[0] >= 'A' && next[0] <= 'Z' &&
      std::any_of(next.begin(), next.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  return !word_ends_clause && next_is_name;
}

// The repair, unless it splits a name: "Daval" made "D'aval" where a name stands. An apostrophe
// the engine misread ("I'emploi") is repaired wherever it is: a name has none.
static std::optional<WordRepair> unless_name(std::optional<WordRepair> repair, const Token& token,
                                             std::size_t index, const std::string& previous,
                                             const std::string& next) {
  if (!repair || repair->rule != "apostrophe") return repair;
  const bool printed_apostrophe =
      token.word.find('\'') != std::string::npos || token.word.find("’") != std::string::npos;
  if (!printed_apostrophe && stands_as_name(token.word + token.trail, index, previous, next))
    return std::nullopt;
  return repair;
}

bool Cleaner::english_name(const std::string& word) {
  // A capitalised word the English lexicon knows is a name ("Coding School", "Gerard"), as word
  // repair has it.
  return !word.empty() && word[0] >= 'A' && word[0] <= 'Z' && english_ && english_->knows(word);
}

void Cleaner::repair_words(std::vector<std::string>& words, std::vector<std::string>& rules,
                           bool follows_hyphen, int page, int number, std::vector<Change>& changes,
                           const std::string& following) {
  rules.assign(words.size(), "");
  std::vector<Token> tokens;
  for (const std::string& word : words) tokens.push_back(split_token(word));
  // Two confusions away, a spelling the lexicon happens to know is chance on a line that is not
  // French, and the search costs hundreds of look-ups per word: there, one confusion only.
  const Reach reach = reads_as_french(tokens, *lexicon_) ? Reach::TwoConfusions : Reach::OneConfusion;
  const std::vector<std::string> printed = words;  // the context rules read the next word as printed
  std::string previous;                            // the previous word as repaired, for the context rules
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i == 0 && !follows_hyphen && words.size() > 1) {
      if (auto bullet = misread_bullet(words[i])) {
        changes.push_back({page, number, "bullet", words[i], *bullet});
        rules[i] = "bullet";
        words[i] = previous = *bullet;
        continue;
      }
    }
    if (auto dash = spaced_dash(words[i])) {
      changes.push_back({page, number, "dash", words[i], *dash});
      rules[i] = "dash";
      words[i] = previous = *dash;
      continue;
    }
    Token token = tokens[i];
    // The halves of a word cut at the end of a line are repaired, if at all, once reflow joins them.
    const bool cut = (i == 0 && follows_hyphen) || (i + 1 == words.size() && words[i].back() == '-');
    if (!cut) {
      const std::string next = i + 1 < printed.size() ? printed[i + 1] : "";
      // Only "où" asks for the rest of its sentence.
      const auto rest = token.word == "où" ? sentence_after(printed, i + 2, following) : std::nullopt;
      // The context model first; the grammar rules only where it does not clearly keep the word.
      bool kept = false;
      const auto decided = token.lead.empty()
                               ? by_context(previous, token.word, token.trail, next, following, kept)
                               : std::nullopt;
      const auto in_context =
          token.lead.empty() && !decided && !kept
              ? context_repair(previous, token.word, next, *lexicon_, rest ? &*rest : nullptr)
              : std::nullopt;
      if (decided) {
        changes.push_back({page, number, "context", token.word, decided->word, decided->score});
        rules[i] = "context";
        token.word = decided->word;
      } else if (in_context) {
        changes.push_back({page, number, in_context->rule, token.word, in_context->word});
        rules[i] = in_context->rule;
        token.word = in_context->word;
      } else if (auto repair = unless_name(repaired(token.word, reach), token, i, previous, next)) {
        changes.push_back({page, number, repair->rule, token.word, repair->word});
        rules[i] = repair->rule;
        token.word = repair->word;
      } else if (auto correction = corrector_ && reach == Reach::TwoConfusions && !english_name(token.word) &&
                                           !inside_sentence_name(token.word, i, previous)
                                       ? corrected(token.word)
                                       : std::nullopt) {
        // What the hand-written repairs do not know: the learnt confusions, on French lines only.
        changes.push_back({page, number, "corrector", token.word, correction->word, correction->score});
        rules[i] = "corrector";
        token.word = correction->word;
      }
    }
    words[i] = previous = token.lead + token.word + token.trail;
  }
}

std::optional<ContextModel::Decision> Cleaner::by_context(const std::string& previous,
                                                          const std::string& word, const std::string& trail,
                                                          const std::string& next,
                                                          const std::string& following, bool& kept) {
  kept = false;
  // Lower case, or a capital and lower case ("Là", "Où"): a word in capitals is a heading, and a
  // capital drops its accent ("A compter du"), so "A" is never made "À".
  if (word.empty()) return std::nullopt;
  const bool capital = word[0] >= 'A' && word[0] <= 'Z';
  std::string lower = word;
  if (capital) lower[0] = static_cast<char>(lower[0] - 'A' + 'a');
  if (!context_->confusable(lower)) return std::nullopt;
  // The right neighbour: a mark glued to the word, the next word, or at the line's end the next
  // line's first word (none after a paragraph break).
  std::string right = trail;
  if (right.empty()) right = next;
  if (right.empty() && !following.empty() && following[0] != '\n') {
    const std::vector<std::string> words = split_words(following.substr(0, following.find('\n')));
    if (!words.empty()) right = words.front();
  }
  auto decision =
      context_->best_other(lower, ContextModel::left_key(previous), ContextModel::right_key(right));
  if (!decision) return std::nullopt;
  // The printed reading wins by the margin: clearly right ("le cas où la", "il y a").
  kept = decision->score < -options_.context_margin;
  if (decision->score <= options_.context_margin || decision->evidence <= options_.context_evidence)
    return std::nullopt;
  if (capital) {
    if (static_cast<unsigned char>(decision->word[0]) >= 0x80) return std::nullopt;  // no "À"
    decision->word[0] = static_cast<char>(decision->word[0] - 'a' + 'A');
  }
  return decision;
}

std::optional<WordRepair> Cleaner::repaired(const std::string& word, Reach reach) {
  auto& repairs = repairs_[static_cast<int>(reach)];
  auto found = repairs.find(word);
  if (found != repairs.end()) return found->second;
  std::optional<WordRepair> repair = repair_word(word, *lexicon_, english_.get(), reach);
  if (repairs.size() >= Lexicon::max_cached_words) repairs.clear();
  repairs.emplace(word, repair);
  return repair;
}

std::optional<Correction> Cleaner::corrected(const std::string& word) {
  auto found = corrections_.find(word);
  if (found != corrections_.end()) return found->second;
  std::optional<Correction> correction = corrector_->correct(word, *lexicon_);
  if (corrections_.size() >= Lexicon::max_cached_words) corrections_.clear();
  corrections_.emplace(word, correction);
  return correction;
}

std::string changes_jsonl(const std::vector<Change>& changes) {
  std::string out;
  for (const Change& change : changes) {
    nlohmann::json line = {{"page", change.page},
                           {"line", change.line},
                           {"rule", change.rule},
                           {"before", change.before},
                           {"after", change.after}};
    if (change.score) line["score"] = std::round(*change.score * 100) / 100;
    out += line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  }
  return out;
}

}  // namespace greffe::cleanup
