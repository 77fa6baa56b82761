// Cleanup word by word, for the archive formats: the passes of clean_page replayed on the OCR
// lines (the engine's text is those lines' words joined by spaces), with each token of a pass's
// output traced back to the OCR words it came from.
#include <sstream>

#include "cleanup/cleanup.h"
#include "cleanup/measured.h"
#include "cleanup/noise.h"
#include "cleanup/reflow.h"
#include "cleanup/stamp_lines.h"
#include "cleanup/whitespace.h"

namespace greffe::cleanup {

namespace {

std::vector<std::string> tokens_of(const std::string& line) {
  std::vector<std::string> tokens;
  std::istringstream in(line);
  for (std::string token; in >> token;) tokens.push_back(token);
  return tokens;
}

// The noise pass only drops tokens and glues a lone "." or "," to the token before: each kept
// token is one original token, or one followed by its stop. Returns, per kept token, its
// first original token; false when the kept line is not of that shape (then nothing is traced).
bool trace_noise(const std::vector<std::string>& original, const std::vector<std::string>& kept,
                 std::vector<std::size_t>& origin, std::vector<bool>& glued_stop) {
  std::size_t j = 0;
  for (const std::string& token : kept) {
    bool found = false;
    for (; j < original.size() && !found; ++j) {
      if (original[j] == token) {
        origin.push_back(j);
        glued_stop.push_back(false);
        found = true;
      } else if (j + 1 < original.size() && original[j] + original[j + 1] == token &&
                 (original[j + 1] == "." || original[j + 1] == ",")) {
        origin.push_back(j);
        glued_stop.push_back(true);
        ++j;
        found = true;
      }
    }
    if (!found) return false;
  }
  return true;
}

}  // namespace

std::vector<std::vector<CleanWord>> Cleaner::clean_words(const OcrPage& page) {
  std::vector<std::vector<CleanWord>> result(page.lines.size());
  std::vector<PageLine> lines;  // for reflow, numbered by OCR line index + 1
  Legality unused;              // clean_page keeps the document's legality
  std::vector<Change> changes;
  bool stamp_removed = false;
  bool follows_hyphen = false;
  for (std::size_t i = 0; i < page.lines.size(); ++i) {
    const TextLine& ocr_line = page.lines[i];
    std::vector<CleanWord>& words = result[i];
    // The engine's text puts an empty line between paragraphs: reflow ends a paragraph there.
    if (i > 0 && (ocr_line.paragraph != page.lines[i - 1].paragraph || ocr_line.block != page.lines[i - 1].block))
      lines.push_back({"", static_cast<int>(i), false});
    // The engine gives a blank word for a frame or a rule it took for a line: no text, dropped.
    std::vector<std::size_t> printed;  // the words with text, in order
    std::string joined;
    for (std::size_t j = 0; j < ocr_line.words.size(); ++j) {
      const std::string& text = ocr_line.words[j].text;
      words.push_back({text, WordRole::Text, "", 0, ""});
      if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
        words.back().role = WordRole::Dropped;
        continue;
      }
      printed.push_back(j);
      joined += (joined.empty() ? "" : " ") + text;
    }
    std::string line = normalize_whitespace(joined);
    if (!line.empty()) line.pop_back();
    const std::vector<std::string> original = tokens_of(line);
    if (original.size() != printed.size()) continue;  // a word with a space inside: left as read
    for (std::size_t k = 0; k < printed.size(); ++k) words[printed[k]].text = original[k];
    if (line.empty()) {  // as clean_page reads an empty line of the engine's text: a paragraph break
      lines.push_back({"", static_cast<int>(i) + 1, false});
      continue;
    }
    const int number = static_cast<int>(i) + 1;
    if (options_.stamps && read_stamp_line(line, unused)) {
      for (const std::size_t j : printed) words[j].role = WordRole::Stamp;
      stamp_removed = true;
      continue;
    }
    // The engine's own words first, as clean_page's apply_engine_words: low-confidence specks
    // dropped, dropped underscores put back. A word joined to the one before by its underscore
    // carries the whole ("Plateforme_Marseille") on the first word's box; the second is dropped.
    std::vector<std::string> engine_tokens;
    std::vector<std::size_t> engine_printed;
    std::string joiner;
    for (std::size_t k = 0; k < printed.size(); ++k) {
      const Word& ocr_word = ocr_line.words[printed[k]];
      CleanWord& word = words[printed[k]];
      if (options_.noise && is_low_confidence_speck(ocr_word, k == 0, *lexicon_)) {
        word.role = WordRole::Dropped;
        word.rule = "noise";
        continue;
      }
      if (!joiner.empty() && !engine_tokens.empty()) {
        engine_tokens.back() += joiner + original[k];
        words[engine_printed.back()].text = engine_tokens.back();
        words[engine_printed.back()].rule = "underscore";
        word.role = WordRole::Dropped;
        word.rule = "underscore";
      } else if (auto measured = measured_reading(ocr_word)) {
        engine_tokens.push_back(measured->text);
        engine_printed.push_back(printed[k]);
        word.text = measured->text;
        word.rule = measured->rule;
      } else {
        engine_tokens.push_back(original[k]);
        engine_printed.push_back(printed[k]);
      }
      joiner = k + 1 < printed.size() ? ocr_word.underscore_after : "";
    }
    if (engine_tokens.empty()) continue;
    printed = engine_printed;
    std::vector<std::string> original_kept = engine_tokens;
    line.clear();
    for (const std::string& token : engine_tokens) line += (line.empty() ? "" : " ") + token;

    std::vector<std::size_t> origin;
    std::vector<bool> glued_stop;
    std::vector<std::string> kept = original_kept;
    if (options_.noise) {
      line = remove_noise(line);
      kept = tokens_of(line);
      if (!trace_noise(original_kept, kept, origin, glued_stop)) continue;  // left as the OCR read it
      std::vector<bool> used(original_kept.size(), false);
      for (std::size_t k = 0; k < kept.size(); ++k) {
        used[origin[k]] = true;
        if (glued_stop[k]) words[printed[origin[k]]].text = kept[k];  // the stop is dropped: this word carries it
      }
      for (std::size_t t = 0; t < original_kept.size(); ++t)
        if (!used[t]) {
          words[printed[t]].role = WordRole::Dropped;
          words[printed[t]].rule = "noise";
        }
      if (line.empty()) continue;
    } else {
      for (std::size_t k = 0; k < kept.size(); ++k) {
        origin.push_back(k);
        glued_stop.push_back(false);
      }
    }
    if (options_.words) {
      const std::size_t before = changes.size();
      std::string following;  // as clean_page reads on: the next lines' words
      for (std::size_t n = i + 1; n < page.lines.size() && n <= i + sentence_lines; ++n) {
        for (const Word& next_word : page.lines[n].words) following += next_word.text + ' ';
        following += '\n';
      }
      line = repair_words(line, follows_hyphen, 0, number, changes, following);
      const std::vector<std::string> repaired = tokens_of(line);
      if (repaired.size() == kept.size()) {
        for (std::size_t k = 0; k < kept.size(); ++k) {
          CleanWord& word = words[printed[origin[k]]];
          if (repaired[k] == word.text) continue;
          word.text = repaired[k];
          // Changes are logged in token order; the one whose "before" is in this token is its rule.
          for (std::size_t c = before; c < changes.size(); ++c)
            if (kept[k].find(changes[c].before) != std::string::npos) {
              word.rule = changes[c].rule;
              break;
            }
        }
      }
    }
    follows_hyphen = line.back() == '-';
    lines.push_back({line, number, stamp_removed});
    stamp_removed = false;
  }

  if (!options_.reflow) return result;
  std::vector<Dehyphenation> dehyphenated;
  reflow(lines, *lexicon_, dehyphenated);
  // A join is logged on the line before the second part's (its number - 1): the second part
  // is the first kept word of OCR line `join.line`, the first part the last kept word of the
  // kept line before it.
  for (const Dehyphenation& join : dehyphenated) {
    const std::size_t second_line = static_cast<std::size_t>(join.line);
    CleanWord* second = nullptr;
    CleanWord* first = nullptr;
    for (std::size_t i = second_line; i < result.size() && !second; ++i)
      for (CleanWord& word : result[i])
        if (word.role == WordRole::Text) {
          second = &word;
          break;
        }
    for (std::size_t i = second_line; i-- > 0 && !first;)
      for (auto word = result[i].rbegin(); word != result[i].rend(); ++word)
        if (word->role == WordRole::Text) {
          first = &*word;
          break;
        }
    if (!first || !second) continue;
    first->hyphen_part = 1;
    second->hyphen_part = 2;
    first->joined = second->joined = join.after;
  }
  return result;
}

}  // namespace greffe::cleanup
