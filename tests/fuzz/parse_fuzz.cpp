// libFuzzer harness: the structural parser (parse::run) on arbitrary bytes as clean text.
#include <cstdio>
#include <cstdlib>

#include "tests/fuzz/targets.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string problem = greffe::fuzz::parse_bytes({reinterpret_cast<const char*>(data), size});
  if (!problem.empty()) {
    std::fprintf(stderr, "parse_fuzz: %s\n", problem.c_str());
    std::abort();
  }
  return 0;
}
