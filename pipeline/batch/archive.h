// The archive a batch works through: its files in a stable order, each with the output folder
// it keeps from run to run, the slice of it one machine takes, and the content hash that tells
// a document already done from a new or changed one.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "models/error.h"

namespace greffe::batch {

struct ArchiveFile {
  std::filesystem::path path;  // as found under the archive folder
  std::string relative;        // path from the archive folder, '/'-separated: the catalog's key
  std::string stem;            // output folder under OUT: `relative` without extension
  std::uintmax_t size = 0;
};

// Every PDF, TIFF, PNG and JPEG under `root` (outside `out`), sorted by relative path (byte
// order). Two files differing only by extension ("a.pdf", "a.tif") get stems "a_pdf" and "a_tif";
// so does a file whose stem is also a folder of the archive ("2021.pdf" beside "2021/").
std::vector<ArchiveFile> list_archive(const std::filesystem::path& root, const std::filesystem::path& out);

// "--shard K/N": machine K of N (0-based) takes the files whose relative path hashes to K.
// By path, not by position, so that a file added to the archive moves no other file.
struct Shard {
  int index = 0;
  int count = 1;
};
Expected<Shard> parse_shard(const std::string& text);
bool in_shard(const std::string& relative, const Shard& shard);

// SHA-256 of the file's bytes as 64 hex digits: the fixity digest archives record (BagIt).
Expected<std::string> sha256_file(const std::filesystem::path& file);

}  // namespace greffe::batch
