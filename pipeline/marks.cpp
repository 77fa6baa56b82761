#include "pipeline/marks.h"

#include <algorithm>
#include <cstdio>
#include <sstream>

namespace greffe::pipeline {

namespace {

constexpr float kLookAgainBelow = 70;
constexpr float kReadsWell = 60;
constexpr float kBetterBy = 25;
constexpr float kNotTextBelow = 25;
constexpr std::size_t kMostLooked = 12;

float mean_confidence(const TextLine& line) {
  if (line.words.empty()) return 100;
  float sum = 0;
  for (const Word& word : line.words) sum += word.confidence;
  return sum / static_cast<float>(line.words.size());
}

std::string text_of(const TextLine& line) {
  std::string text;
  for (const Word& word : line.words) text += (text.empty() ? "" : " ") + word.text;
  return text;
}

bool has_print(const std::string& text) {
  return std::any_of(text.begin(), text.end(), [](unsigned char c) { return !std::isspace(c); });
}

std::string rounded(float value) {
  char text[16];
  std::snprintf(text, sizeof text, "%.0f", value);
  return text;
}

// The engine's text without the given lines. Its text has one line per TextLine with words, in
// order (cleanup reads it so); when the two do not match, nothing is removed.
bool remove_from_text(OcrPage& page, const std::vector<bool>& dropped) {
  std::vector<std::size_t> printed;  // indices of the TextLines that print a line
  for (std::size_t i = 0; i < page.lines.size(); ++i)
    if (has_print(text_of(page.lines[i]))) printed.push_back(i);
  std::istringstream in(page.text);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  std::size_t next = 0;
  std::vector<bool> keep(lines.size(), true);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (!has_print(lines[i])) continue;
    if (next >= printed.size()) return false;
    keep[i] = !dropped[printed[next++]];
  }
  if (next != printed.size()) return false;
  std::string text;
  for (std::size_t i = 0; i < lines.size(); ++i)
    if (keep[i]) text += lines[i] + '\n';
  page.text = std::move(text);
  return true;
}

}  // namespace

std::vector<std::string> drop_lines_not_text(ocr::Engine& engine, const Raster& image, OcrPage& page) {
  std::vector<std::size_t> doubtful;
  for (std::size_t i = 0; i < page.lines.size(); ++i)
    if (!page.lines[i].words.empty() && mean_confidence(page.lines[i]) < kLookAgainBelow)
      doubtful.push_back(i);
  std::sort(doubtful.begin(), doubtful.end(), [&](std::size_t a, std::size_t b) {
    return mean_confidence(page.lines[a]) < mean_confidence(page.lines[b]);
  });
  if (doubtful.size() > kMostLooked) doubtful.resize(kMostLooked);

  std::vector<bool> dropped(page.lines.size(), false);
  std::vector<std::string> reasons(page.lines.size());
  for (std::size_t i : doubtful) {
    const Box& box = page.lines[i].box;
    using View = ocr::Engine::LineView;
    const float as_is = engine.line_confidence(image, box, View::AsIs);
    const float turned = engine.line_confidence(image, box, View::Turned);
    const float mirrored = engine.line_confidence(image, box, View::Mirrored);
    const float on_page = mean_confidence(page.lines[i]);
    const std::string readings = "read at " + rounded(on_page) + " on the page; alone, " + rounded(as_is) +
                                 " as it is, " + rounded(turned) + " turned, " + rounded(mirrored) +
                                 " mirrored";
    if (turned >= kReadsWell && turned >= as_is + kBetterBy && turned >= mirrored) {
      reasons[i] = "upside down (" + readings + ")";
    } else if (mirrored >= kReadsWell && mirrored >= as_is + kBetterBy) {
      reasons[i] = "mirrored: show-through from the back of the sheet (" + readings + ")";
    } else if (on_page < kNotTextBelow && as_is < kNotTextBelow && turned < kNotTextBelow &&
               mirrored < kNotTextBelow) {
      reasons[i] = "not text: a seal's or a drawing's marks (" + readings + ")";
    } else {
      continue;
    }
    dropped[i] = true;
  }
  if (std::none_of(dropped.begin(), dropped.end(), [](bool d) { return d; })) return {};
  std::vector<std::string> warnings;
  if (!remove_from_text(page, dropped)) return {};
  std::vector<TextLine> kept;
  for (std::size_t i = 0; i < page.lines.size(); ++i) {
    if (dropped[i])
      warnings.push_back("line dropped, " + reasons[i] + ": \"" + text_of(page.lines[i]) + "\"");
    else
      kept.push_back(std::move(page.lines[i]));
  }
  page.lines = std::move(kept);
  return warnings;
}

}  // namespace greffe::pipeline
