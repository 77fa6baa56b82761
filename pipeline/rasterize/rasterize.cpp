#include "pipeline/rasterize/rasterize.h"

#include <array>
#include <cstring>
#include <fstream>

#include "pipeline/rasterize/formats.h"

namespace greffe::rasterize {

Error too_large(const std::filesystem::path& input, int page, long long width, long long height,
                const Options& options) {
  return Error{ErrorKind::LimitExceeded, input.string(), page,
               "page of " + std::to_string(width) + " x " + std::to_string(height) +
                   " pixels is over the limit of " + std::to_string(options.max_pixels) + " pixels"};
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
  std::array<unsigned char, 8> magic{};
  file.read(reinterpret_cast<char*>(magic.data()), magic.size());
  std::streamsize got = file.gcount();
  if (got == 0) return unreadable("empty file");

  auto starts_with = [&](const char* prefix, std::size_t n) {
    return static_cast<std::size_t>(got) >= n && std::memcmp(magic.data(), prefix, n) == 0;
  };
  if (starts_with("%PDF", 4)) return open_pdf(input, options);
  if (starts_with("II*\0", 4) || starts_with("MM\0*", 4))
    return open_image(input, ImageFormat::Tiff, options);
  if (starts_with("\x89PNG", 4)) return open_image(input, ImageFormat::Png, options);
  if (starts_with("\xFF\xD8\xFF", 3)) return open_image(input, ImageFormat::Jpeg, options);
  return unreadable("not a PDF, TIFF, PNG or JPEG file");
}

}  // namespace greffe::rasterize
