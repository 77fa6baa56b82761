#include "cleanup/cleanup.h"

#include <nlohmann/json.hpp>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <sstream>

#include "cleanup/noise.h"
#include "cleanup/context_rules.h"
#include "cleanup/measured.h"
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
std::optional<std::vector<std::string>> sentence_after(const std::vector<std::string>& words, std::size_t from,
                                                       const std::string& following) {
  std::vector<std::string> rest(words.begin() + static_cast<std::ptrdiff_t>(std::min(from, words.size())), words.end());
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

// The text of the lines after line number `after` (1-based), where its sentence may go on.
std::string following_lines(const std::vector<std::string>& lines, std::size_t after) {
  std::string text;
  for (std::size_t i = after; i < lines.size() && i < after + Cleaner::sentence_lines; ++i) text += lines[i] + '\n';
  return text;
}

}  // namespace

Cleaner::Cleaner(Options options, std::unique_ptr<Lexicon> lexicon, std::unique_ptr<Lexicon> english)
    : options_(std::move(options)), lexicon_(std::move(lexicon)), english_(std::move(english)) {}

Expected<std::unique_ptr<Cleaner>> Cleaner::create(const Options& options) {
  auto lexicon = Lexicon::load(options.dictionary);
  if (!lexicon) return lexicon.error();
  auto english = Lexicon::load(options.english_dictionary);
  if (!english) return english.error();
  return std::unique_ptr<Cleaner>(new Cleaner(options, std::move(lexicon.value()), std::move(english.value())));
}

CleanDocument Cleaner::run(const std::vector<std::string>& ocr_pages) {
  CleanDocument document;
  for (std::size_t i = 0; i < ocr_pages.size(); ++i)
    document.pages.push_back(clean_page(ocr_pages[i], static_cast<int>(i) + 1, document));
  return document;
}

std::string Cleaner::clean_page(const std::string& text, int page, CleanDocument& document) {
  return clean_lines(text, {}, page, document);
}

std::string Cleaner::clean_page(const OcrPage& ocr, int page, CleanDocument& document) {
  // The engine's text has one line per TextLine, in order, and empty lines between paragraphs.
  // (A TextLine without words prints nothing.)
  std::vector<const TextLine*> with_words;
  for (const TextLine& line : ocr.lines) {
    std::string printed;
    for (const Word& word : line.words) printed += word.text;
    if (!split_words(printed).empty()) with_words.push_back(&line);
  }
  std::vector<const TextLine*> engine_lines;
  std::size_t next = 0;
  for (const std::string& line : split_lines(ocr.text)) {
    if (split_words(line).empty()) {
      engine_lines.push_back(nullptr);
      continue;
    }
    engine_lines.push_back(next < with_words.size() ? with_words[next] : nullptr);
    ++next;
  }
  if (next != with_words.size()) engine_lines.clear();  // not the engine's layout: text alone
  return clean_lines(ocr.text, engine_lines, page, document);
}

std::string Cleaner::apply_engine_words(const std::string& line, const TextLine& engine_line, int page, int number,
                                        std::vector<Change>& changes) {
  const std::vector<std::string> tokens = split_words(line);
  const std::vector<Word>& words = engine_line.words;
  if (tokens.size() != words.size()) return line;
  for (std::size_t i = 0; i < tokens.size(); ++i)
    if (tokens[i] != words[i].text) return line;
  std::string out;
  std::string joiner;  // what goes before the next kept word
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (options_.noise && is_low_confidence_speck(words[i], i == 0, *lexicon_)) {
      changes.push_back({page, number, "noise", words[i].text, ""});
      continue;
    }
    if (!out.empty()) out += joiner.empty() ? " " : joiner;
    if (auto measured = measured_reading(words[i])) {
      changes.push_back({page, number, measured->rule, words[i].text, measured->text});
      out += measured->text;
    } else {
      out += words[i].text;
    }
    joiner.clear();
    if (!words[i].underscore_after.empty() && i + 1 < words.size()) {
      changes.push_back({page, number, "underscore", words[i].text + " " + words[i + 1].text,
                         words[i].text + words[i].underscore_after + words[i + 1].text});
      joiner = words[i].underscore_after;
    }
  }
  return out;
}

std::string Cleaner::clean_lines(const std::string& text, const std::vector<const TextLine*>& engine_lines, int page,
                                 CleanDocument& document) {
  std::vector<Change>& changes = document.changes;
  std::vector<PageLine> lines;
  bool stamp_removed = false;
  bool follows_hyphen = false;
  int number = 0;
  // Line numbers are those of the OCR text (raw.txt), so a change can be found there.
  const std::vector<std::string> raw_lines = split_lines(text);
  for (const std::string& raw : raw_lines) {
    ++number;
    std::string line = normalize_whitespace(raw);
    if (!line.empty()) line.pop_back();  // normalize_whitespace ends a non-empty text with '\n'
    if (line.empty()) {
      lines.push_back({"", number, false});
      continue;
    }
    if (options_.stamps && read_stamp_line(line, document.legality)) {
      changes.push_back({page, number, "stamp", line, ""});
      stamp_removed = true;
      continue;
    }
    const std::size_t index = static_cast<std::size_t>(number - 1);
    if (index < engine_lines.size() && engine_lines[index])
      line = apply_engine_words(line, *engine_lines[index], page, number, changes);
    if (line.empty()) continue;
    if (options_.noise) {
      const std::string kept = remove_noise(line);
      if (kept != line) changes.push_back({page, number, "noise", line, kept});
      line = kept;
      if (line.empty()) continue;
    }
    if (options_.words) line = repair_words(line, follows_hyphen, page, number, changes, following_lines(raw_lines, static_cast<std::size_t>(number)));
    follows_hyphen = line.back() == '-';
    lines.push_back({line, number, stamp_removed});
    stamp_removed = false;
  }

  if (!options_.reflow) {
    std::string joined;
    for (const PageLine& line : lines) joined += line.text + '\n';
    return normalize_whitespace(joined);
  }
  std::vector<Dehyphenation> dehyphenated;
  std::string clean = reflow(lines, *lexicon_, dehyphenated);
  for (const Dehyphenation& join : dehyphenated)
    changes.push_back({page, join.line, "dehyphenate", join.before, join.after});
  return clean;
}

std::string Cleaner::repair_words(const std::string& line, bool follows_hyphen, int page, int number,
                                  std::vector<Change>& changes, const std::string& following) {
  const std::vector<std::string> words = split_words(line);
  std::vector<Token> tokens;
  for (const std::string& word : words) tokens.push_back(split_token(word));
  // Two confusions away, a spelling the lexicon happens to know is chance on a line that is not
  // French, and the search costs hundreds of look-ups per word: there, one confusion only.
  const Reach reach = reads_as_french(tokens, *lexicon_) ? Reach::TwoConfusions : Reach::OneConfusion;
  std::string out, previous;  // the previous word as repaired, for the context rules
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i == 0 && !follows_hyphen && words.size() > 1) {
      if (auto bullet = misread_bullet(words[i])) {
        changes.push_back({page, number, "bullet", words[i], *bullet});
        out = previous = *bullet;
        continue;
      }
    }
    if (auto dash = spaced_dash(words[i])) {
      changes.push_back({page, number, "dash", words[i], *dash});
      if (!out.empty()) out += ' ';
      out += *dash;
      previous = *dash;
      continue;
    }
    Token token = tokens[i];
    // The halves of a word cut at the end of a line are repaired, if at all, once reflow joins them.
    const bool cut = (i == 0 && follows_hyphen) || (i + 1 == words.size() && words[i].back() == '-');
    if (!cut) {
      const std::string next = i + 1 < words.size() ? words[i + 1] : "";
      // Only "où" asks for the rest of its sentence.
      const auto rest = token.word == "où" ? sentence_after(words, i + 2, following) : std::nullopt;
      const auto in_context =
          token.lead.empty() ? context_repair(previous, token.word, next, *lexicon_, rest ? &*rest : nullptr) : std::nullopt;
      if (in_context) {
        changes.push_back({page, number, in_context->rule, token.word, in_context->word});
        token.word = in_context->word;
      } else if (auto repair = repaired(token.word, reach)) {
        changes.push_back({page, number, repair->rule, token.word, repair->word});
        token.word = repair->word;
      }
    }
    if (!out.empty()) out += ' ';
    out += token.lead + token.word + token.trail;
    previous = token.lead + token.word + token.trail;
  }
  return out;
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

std::string changes_jsonl(const std::vector<Change>& changes) {
  std::string out;
  for (const Change& change : changes) {
    const nlohmann::json line = {{"page", change.page},
                                 {"line", change.line},
                                 {"rule", change.rule},
                                 {"before", change.before},
                                 {"after", change.after}};
    out += line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  }
  return out;
}

}  // namespace greffe::cleanup
