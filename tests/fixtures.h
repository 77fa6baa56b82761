// Where the tests find the fixtures and the greffe binary, and the fixture manifest
// (fixtures/manifest.tsv: one row per page with the skew and rotation that were applied).
#pragma once

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace greffe::test {

inline std::filesystem::path fixture(const std::string& name) {
  return std::filesystem::path(GREFFE_FIXTURES) / name;
}

struct ManifestPage {
  std::string file;
  int page = 0;  // 1-based
  int dpi = 0;
  double skew_degrees = 0;
  int rotation_degrees = 0;
};

inline std::vector<ManifestPage> manifest() {
  std::ifstream in(fixture("manifest.tsv"));
  std::vector<ManifestPage> pages;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::istringstream row(line);
    ManifestPage page;
    std::string seed;
    std::getline(row, page.file, '\t');
    row >> page.page >> seed >> page.dpi >> page.skew_degrees >> page.rotation_degrees;
    if (!page.file.empty()) pages.push_back(page);
  }
  return pages;
}

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

inline void write_bytes(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

// The non-empty lines of a text (stderr, say).
inline std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) lines.push_back(line);
  return lines;
}

// The greffe binary run with `arguments` (a shell command line), its stdout and stderr kept in
// `folder`.
struct Outcome {
  int exit_code = -1;
  std::string out;
  std::string err;
};

inline Outcome run_greffe(const std::string& arguments, const std::filesystem::path& folder) {
  const auto out = folder / "stdout.txt";
  const auto err = folder / "stderr.txt";
  const std::string command =
      std::string(GREFFE_BINARY) + " " + arguments + " >" + out.string() + " 2>" + err.string();
  const int status = std::system(command.c_str());
  Outcome outcome;
  outcome.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  outcome.out = read_file(out);
  outcome.err = read_file(err);
  return outcome;
}

// A fresh empty folder under the system temporary folder.
inline std::filesystem::path temporary_folder(const std::string& name) {
  auto folder = std::filesystem::temp_directory_path() / ("greffe-test-" + name);
  std::filesystem::remove_all(folder);
  std::filesystem::create_directories(folder);
  return folder;
}

}  // namespace greffe::test
