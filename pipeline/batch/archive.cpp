#include "pipeline/batch/archive.h"

#include <openssl/evp.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <memory>
#include <set>

#include "pipeline/pipeline.h"

namespace greffe::batch {

std::vector<ArchiveFile> list_archive(const std::filesystem::path& root, const std::filesystem::path& out) {
  // An output folder inside the archive holds PNGs and PDFs of greffe's own: not documents.
  std::error_code ec;
  const auto out_folder = std::filesystem::weakly_canonical(out, ec).generic_string() + "/";
  std::vector<ArchiveFile> files;
  for (const auto& path : pipeline::expand_inputs({root})) {
    if (std::filesystem::weakly_canonical(path, ec).generic_string().rfind(out_folder, 0) == 0) continue;
    ArchiveFile file;
    file.path = path;
    file.relative = path.lexically_relative(root).generic_string();
    file.size = std::filesystem::file_size(path, ec);
    files.push_back(std::move(file));
  }
  std::sort(files.begin(), files.end(),
            [](const ArchiveFile& a, const ArchiveFile& b) { return a.relative < b.relative; });

  // A document's folder must hold its files only: a stem shared by two files ("a.pdf", "a.tif"),
  // or one that is also a folder of the archive ("2021.pdf" beside "2021/"), keeps its extension.
  std::map<std::string, int> stems;
  std::set<std::string> folders;
  auto without_extension = [](const std::string& relative) {
    const std::filesystem::path path(relative);
    return (path.parent_path() / path.stem()).generic_string();
  };
  for (const auto& file : files) {
    ++stems[without_extension(file.relative)];
    for (auto folder = std::filesystem::path(file.relative).parent_path(); !folder.empty();
         folder = folder.parent_path())
      folders.insert(folder.generic_string());
  }
  for (auto& file : files) {
    file.stem = without_extension(file.relative);
    if (stems[file.stem] > 1 || folders.count(file.stem))
      file.stem += "_" + std::filesystem::path(file.relative).extension().string().substr(1);
  }
  return files;
}

Expected<Shard> parse_shard(const std::string& text) {
  int index = -1, count = 0;
  char slash = 0, extra = 0;
  if (std::sscanf(text.c_str(), "%d %c %d %c", &index, &slash, &count, &extra) != 3 || slash != '/' ||
      count < 1 || index < 0 || index >= count)
    return Error{ErrorKind::BadArguments, "", 0,
                 "--shard " + text + ": expected K/N with 0 <= K < N, e.g. 0/4"};
  return Shard{index, count};
}

bool in_shard(const std::string& relative, const Shard& shard) {
  std::uint64_t hash = 14695981039346656037ull;  // FNV-1a, 64 bits: stable across machines and builds
  for (unsigned char c : relative) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  return static_cast<int>(hash % static_cast<std::uint64_t>(shard.count)) == shard.index;
}

Expected<std::string> sha256_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return Error{ErrorKind::UnreadableInput, file.string(), 0, "cannot open"};
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  if (!context || EVP_DigestInit_ex(context.get(), EVP_sha256(), nullptr) != 1)
    return Error{ErrorKind::Internal, file.string(), 0, "cannot start SHA-256"};
  std::vector<char> buffer(1 << 20);
  while (in) {
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    if (in.gcount() > 0)
      EVP_DigestUpdate(context.get(), buffer.data(), static_cast<std::size_t>(in.gcount()));
  }
  if (in.bad()) return Error{ErrorKind::UnreadableInput, file.string(), 0, "read error"};
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_DigestFinal_ex(context.get(), digest, &length);
  static const char hex[] = "0123456789abcdef";
  std::string text;
  for (unsigned int i = 0; i < length; ++i) {
    text += hex[digest[i] >> 4];
    text += hex[digest[i] & 15];
  }
  return text;
}

}  // namespace greffe::batch
