#include "pipeline/output/write.h"

#include <unistd.h>

#include <cstring>
#include <fstream>
#include <string>

#include "models/report_json.h"
#include "pipeline/output/alto.h"
#include "pipeline/output/hocr.h"
#include "pipeline/output/searchable_pdf.h"

namespace greffe::output {

namespace {

Error not_writable(const std::filesystem::path& path, const std::string& why) {
  return Error{ErrorKind::OutputNotWritable, path.string(), 0, "cannot write: " + why};
}

// Pages joined by a form feed, as pdftotext and Tesseract do.
template <typename PageText>
std::string join_pages(const DocumentResult& document, PageText text_of) {
  std::string joined;
  for (std::size_t i = 0; i < document.pages.size(); ++i) {
    if (i > 0) joined += '\f';
    joined += text_of(document.pages[i]);
  }
  return joined;
}

// "0001": pages of a document sort in order by name.
std::string page_name(std::size_t index) {
  std::string number = std::to_string(index + 1);
  return std::string(number.size() < 4 ? 4 - number.size() : 0, '0') + number;
}

// hocr/NNNN.hocr or alto/NNNN.xml for every page, from one of the page writers.
template <typename PageWriter>
std::optional<Error> write_pages(const std::filesystem::path& folder, const std::string& extension,
                                 const DocumentResult& document, const DocumentTexts& texts,
                                 PageWriter write_page) {
  std::error_code ec;
  std::filesystem::create_directories(folder, ec);
  if (ec) return not_writable(folder, ec.message());
  static const CleanLines none;
  for (std::size_t i = 0; i < document.pages.size(); ++i) {
    const PlacedPage page = place_words(document.pages[i], i < texts.words.size() ? texts.words[i] : none);
    const std::string image = std::filesystem::path(document.input).filename().string();
    if (auto error = write_file_atomically(folder / (page_name(i) + extension),
                                           write_page(page, static_cast<int>(i) + 1, image)))
      return error;
  }
  return std::nullopt;
}

}  // namespace

std::optional<Error> write_file_atomically(const std::filesystem::path& path, std::string_view content) {
  std::filesystem::path temporary = path;
  temporary += ".tmp-" + std::to_string(::getpid());
  {
    std::ofstream file(temporary, std::ios::binary | std::ios::trunc);
    if (!file) return not_writable(path, std::strerror(errno));
    file.write(content.data(), static_cast<std::streamsize>(content.size()));
    file.flush();
    if (!file) {
      std::filesystem::remove(temporary);
      return not_writable(path, "write failed (disk full?)");
    }
  }
  std::error_code ec;
  std::filesystem::rename(temporary, path, ec);
  if (ec) {
    std::filesystem::remove(temporary, ec);
    return not_writable(path, ec.message());
  }
  return std::nullopt;
}

std::optional<Error> write_document(const std::filesystem::path& out, const DocumentResult& document,
                                    const DocumentTexts& texts, const Formats& formats) {
  const std::filesystem::path folder = out / document.stem;
  std::error_code ec;
  std::filesystem::create_directories(folder, ec);
  if (ec) return not_writable(folder, ec.message());

  if (formats.text) {
    const std::string raw = join_pages(document, [](const PageResult& page) { return page.ocr.text; });
    const std::string clean = join_pages(document, [](const PageResult& page) { return page.clean_text; });
    if (auto error = write_file_atomically(folder / "raw.txt", raw)) return error;
    if (auto error = write_file_atomically(folder / "text.txt", clean)) return error;
  }
  if (formats.json) {
    if (auto error = write_file_atomically(folder / "cleanup.jsonl", texts.changes)) return error;
    if (auto error = write_file_atomically(folder / "deliberation.json", texts.deliberation)) return error;
  }
  if (formats.hocr)
    if (auto error = write_pages(folder / "hocr", ".hocr", document, texts, hocr_page)) return error;
  if (formats.alto)
    if (auto error = write_pages(folder / "alto", ".xml", document, texts, alto_page)) return error;
  if (formats.pdf) {
    auto pdf = searchable_pdf(document, texts.words);
    if (!pdf) return pdf.error();
    if (auto error = write_file_atomically(folder / "searchable.pdf", pdf.value())) return error;
  }
  return write_file_atomically(
      folder / "report.json",
      report_json(document).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
}

}  // namespace greffe::output
