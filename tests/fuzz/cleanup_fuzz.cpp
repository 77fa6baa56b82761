// libFuzzer harness: cleanup (Cleaner::run) on arbitrary bytes as OCR text.
#include <cstdio>
#include <cstdlib>

#include "tests/fuzz/targets.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // The lexicons (hunspell-fr, en_US) load once: a second per load would leave no time to fuzz.
  static std::unique_ptr<greffe::cleanup::Cleaner> cleaner = [] {
    auto created = greffe::cleanup::Cleaner::create({});
    if (!created) {
      std::fprintf(stderr, "%s\n", created.error().to_line().c_str());
      std::exit(3);
    }
    return std::move(created.value());
  }();
  const std::string problem =
      greffe::fuzz::clean_bytes(*cleaner, {reinterpret_cast<const char*>(data), size});
  if (!problem.empty()) {
    std::fprintf(stderr, "cleanup_fuzz: %s\n", problem.c_str());
    std::abort();
  }
  return 0;
}
