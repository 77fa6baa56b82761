#include "pipeline/debug/viewer.h"

#include <nlohmann/json.hpp>

#include <cmath>

#include "cleanup/stamp_lines.h"
#include "models/report_json.h"
#include "pipeline/output/write.h"

namespace greffe::debug {

// pipeline/debug/viewer.html, embedded by CMake (viewer_template.cpp.in).
extern const char kViewerTemplate[];

namespace {

using Json = nlohmann::ordered_json;

// What one stamp line says, read again on its own: "Signé le 18 Février 2021" gives signed_on.
Json stamp_metadata(const std::string& line) {
  Legality said;
  cleanup::read_stamp_line(line, said);
  Json json = Json::object();
  if (said.signed_on) json["signed_on"] = *said.signed_on;
  if (said.received_on) json["received_on"] = *said.received_on;
  if (said.act_id) json["act_id"] = *said.act_id;
  if (said.transmitted_on) json["transmitted_on"] = *said.transmitted_on;
  return json;
}

// Words as [text, left, top, width, height, confidence], line by line, in the engine image's pixels.
Json ocr_lines_json(const OcrPage& ocr) {
  Json lines = Json::array();
  for (const TextLine& line : ocr.lines) {
    Json words = Json::array();
    for (const Word& word : line.words)
      words.push_back(Json::array({word.text, word.box.left, word.box.top, word.box.width, word.box.height,
                                   std::round(static_cast<double>(word.confidence) * 10) / 10}));
    lines.push_back(std::move(words));
  }
  return lines;
}

Json page_json(const PageResult& page, const PageImages* images) {
  Json json;
  json["number"] = page.report.number;
  Json list = Json::array();
  Json notes = Json::array();
  if (images) {
    for (const PageImage& image : images->images())
      list.push_back({{"stage", image.stage},
                      {"label", image.label},
                      {"file", image.file},
                      {"width", image.width},
                      {"height", image.height},
                      {"dpi", image.dpi}});
    for (const PageNote& note : images->notes())
      notes.push_back({{"stage", note.stage}, {"text", note.text}});
  }
  json["images"] = std::move(list);
  json["notes"] = std::move(notes);
  json["raw"] = page.ocr.text;
  json["clean"] = page.clean_text;
  json["lines"] = ocr_lines_json(page.ocr);
  return json;
}

}  // namespace

std::string viewer_data_json(const DocumentDebug& debug) {
  const DocumentResult& document = *debug.document;
  Json data;
  data["input"] = document.input;
  data["stem"] = document.stem;
  data["report"] = report_json(document);  // per page: dpi, skew, orientation, timings; warnings
  Json pages = Json::array();
  for (std::size_t i = 0; i < document.pages.size(); ++i)
    pages.push_back(page_json(document.pages[i], i < debug.pages.size() ? debug.pages[i] : nullptr));
  data["pages"] = std::move(pages);
  Json changes = Json::array();
  if (debug.changes) {
    for (const cleanup::Change& change : *debug.changes) {
      Json json = {{"page", change.page},
                   {"line", change.line},
                   {"rule", change.rule},
                   {"before", change.before},
                   {"after", change.after}};
      if (change.rule == "stamp") json["stamp"] = stamp_metadata(change.before);
      changes.push_back(std::move(json));
    }
  }
  data["changes"] = std::move(changes);
  data["deliberation"] = debug.deliberation ? deliberation_json(*debug.deliberation) : Json(nullptr);

  // Bytes that are not UTF-8 (an engine can give them) become U+FFFD rather than an exception.
  std::string text = data.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  // "<" appears only inside JSON strings, where \u003c means the same: "</script>" and "<!--"
  // in a document's text can no longer end the <script> element the data sits in.
  std::string safe;
  safe.reserve(text.size() + 64);
  for (char c : text) {
    if (c == '<')
      safe += "\\u003c";
    else
      safe += c;
  }
  return safe;
}

std::string viewer_html(const DocumentDebug& debug) {
  std::string html = kViewerTemplate;
  const std::string placeholder = "GREFFE_DATA";
  const std::size_t at = html.find(placeholder);
  if (at != std::string::npos) html.replace(at, placeholder.size(), viewer_data_json(debug));
  return html;
}

std::optional<Error> write_viewer(const std::filesystem::path& folder, const DocumentDebug& debug) {
  std::error_code ec;
  std::filesystem::create_directories(folder, ec);
  if (ec) return Error{ErrorKind::OutputNotWritable, folder.string(), 0, "cannot write: " + ec.message()};
  return output::write_file_atomically(folder / "index.html", viewer_html(debug));
}

}  // namespace greffe::debug
