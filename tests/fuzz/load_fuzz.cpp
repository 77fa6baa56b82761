// libFuzzer harness: input loading (rasterize::open, then render of the first pages) on
// arbitrary bytes written to a file, as greffe reads its inputs from files.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>

#include "tests/fuzz/targets.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // One file per fuzzing process (-jobs runs several side by side), rewritten for each input.
  static const std::filesystem::path path =
      std::filesystem::temp_directory_path() / ("greffe-load-fuzz-" + std::to_string(getpid()));
  {
    std::ofstream file(path, std::ios::binary | std::ios::trunc);
    file.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  const std::string problem = greffe::fuzz::load_file(path);
  if (!problem.empty()) {
    std::fprintf(stderr, "load_fuzz: %s\n", problem.c_str());
    std::abort();
  }
  return 0;
}
