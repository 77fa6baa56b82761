#include "pipeline/rasterize/rasterize.h"

#include <array>
#include <cctype>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "models/text_input.h"
#include "pipeline/rasterize/formats.h"

namespace greffe::rasterize {

Error too_large(const std::filesystem::path& input, int page, long long width, long long height,
                const Options& options) {
  return Error{ErrorKind::LimitExceeded, input.string(), page,
               "page of " + std::to_string(width) + " x " + std::to_string(height) +
                   " pixels is over the limit of " + std::to_string(options.max_pixels) + " pixels"};
}

namespace {

// Text extracted by another tool (pdftotext, an OCR of others): one page per form feed.
class TextDocument : public Document {
 public:
  explicit TextDocument(std::vector<std::string> pages) : pages_(std::move(pages)) {}
  int page_count() const override { return static_cast<int>(pages_.size()); }
  Expected<Raster> render(int index) override {
    return Error{ErrorKind::Internal, "", index + 1, "a text input has no image to render"};
  }
  std::string text_layer(int index) override { return pages_.at(static_cast<std::size_t>(index)); }
  bool is_text() const override { return true; }

 private:
  std::vector<std::string> pages_;
};

bool named_as_text(const std::filesystem::path& input) {
  std::string extension = input.extension().string();
  for (char& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return extension == ".txt";
}

Expected<std::unique_ptr<Document>> open_text(const std::filesystem::path& input, std::ifstream& file) {
  std::ostringstream content;
  content << file.rdbuf();
  const std::string text = content.str();
  if (auto reason = not_text_reason(text))
    return Error{ErrorKind::UnreadableInput, input.string(), 0, *reason};
  std::vector<std::string> pages;
  std::size_t start = 0;
  while (true) {
    const std::size_t feed = text.find('\f', start);
    pages.push_back(text.substr(start, feed == std::string::npos ? std::string::npos : feed - start));
    if (feed == std::string::npos) break;
    start = feed + 1;
  }
  return std::unique_ptr<Document>(new TextDocument(std::move(pages)));
}

}  // namespace

InputFormat sniff_format(const std::filesystem::path& input) {
  std::ifstream file(input, std::ios::binary);
  std::string head(1024, '\0');
  file.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(file.gcount()));
  auto starts_with = [&](std::string_view prefix) { return head.compare(0, prefix.size(), prefix) == 0; };
  if (starts_with(std::string_view("II*\0", 4)) || starts_with(std::string_view("MM\0*", 4)))
    return InputFormat::Tiff;
  if (starts_with("\x89PNG")) return InputFormat::Png;
  if (starts_with("\xFF\xD8\xFF")) return InputFormat::Jpeg;
  if (head.find("%PDF-") != std::string::npos) return InputFormat::Pdf;
  return InputFormat::Unknown;
}

Expected<std::unique_ptr<Document>> open(const std::filesystem::path& input, const Options& options) {
  auto unreadable = [&](const std::string& why) {
    return Error{ErrorKind::UnreadableInput, input.string(), 0, why};
  };
  std::error_code ec;
  if (!std::filesystem::exists(input, ec)) return unreadable("no such file");
  if (std::filesystem::is_directory(input, ec)) return unreadable("is a directory");
  std::ifstream file(input, std::ios::binary);
  if (!file) return unreadable("cannot open for reading");
  if (file.peek() == std::ifstream::traits_type::eof()) return unreadable("empty file");
  switch (sniff_format(input)) {
    case InputFormat::Pdf: return open_pdf(input, options);
    case InputFormat::Tiff: return open_image(input, ImageFormat::Tiff, options);
    case InputFormat::Png: return open_image(input, ImageFormat::Png, options);
    case InputFormat::Jpeg: return open_image(input, ImageFormat::Jpeg, options);
    case InputFormat::Unknown: break;
  }
  if (named_as_text(input)) return open_text(input, file);
  return unreadable("not a PDF, TIFF, PNG or JPEG file");
}

}  // namespace greffe::rasterize
