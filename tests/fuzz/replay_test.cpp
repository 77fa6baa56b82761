// Replays, in the normal suite, every input a fuzzer ever broke greffe with (fixtures/fuzz/
// <target>/, kept when the bug was fixed) and the bad-input corpus, through the fuzzers' own
// checks (targets.h). Under scripts/test --sanitize they also run under ASan and UBSan.
#include <catch2/catch.hpp>

#include <filesystem>

#include "tests/fixtures.h"
#include "tests/fuzz/targets.h"

using namespace greffe;

namespace {

// The files of a fixture folder, sorted, READMEs left out.
std::vector<std::filesystem::path> files_in(const std::string& folder) {
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(test::fixture(folder), ec))
    if (entry.is_regular_file() && entry.path().filename() != "README.md") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

std::vector<std::filesystem::path> text_inputs() {
  std::vector<std::filesystem::path> files = files_in("fuzz/cleanup");
  for (const auto& file : files_in("fuzz/parse")) files.push_back(file);
  for (const auto& file : files_in("bad"))
    if (file.extension() == ".txt") files.push_back(file);
  return files;
}

}  // namespace

TEST_CASE("inputs that broke cleanup or the parser, and bad text, are read without fault", "[fuzz]") {
  auto cleaner = cleanup::Cleaner::create({});
  REQUIRE(cleaner);
  const auto files = text_inputs();
  REQUIRE_FALSE(files.empty());
  for (const auto& file : files) {
    INFO(file.string());
    const std::string bytes = test::read_file(file);
    CHECK(fuzz::clean_bytes(**cleaner, bytes) == "");
    CHECK(fuzz::parse_bytes(bytes) == "");
  }
}

TEST_CASE("inputs that broke input loading, and the bad-input corpus, get a page or an error", "[fuzz]") {
  std::vector<std::filesystem::path> files = files_in("fuzz/load");
  for (const auto& file : files_in("bad"))
    if (file.extension() != ".txt") files.push_back(file);
  for (const auto& file : files_in("fuzz/load-seeds")) files.push_back(file);
  REQUIRE(files.size() >= 16);
  for (const auto& file : files) {
    INFO(file.string());
    CHECK(fuzz::load_file(file) == "");
  }
}
