// greffe-pipeline: every command but search, a thin main over the libraries (pipeline/cli.cpp).
// Started by greffe (pipeline/main.cpp) with OMP_THREAD_LIMIT set; started directly, it sets it.
#include <unistd.h>

#include <cstdlib>
#include <cstring>

#include "pipeline/cli.h"

int main(int argc, char** argv) {
  // Tesseract parallelises inside a page with OpenMP; greffe runs one engine per core instead,
  // and the two would fight. OpenMP reads OMP_THREAD_LIMIT when the library loads, before main,
  // so the limit is set and the program started again, once.
  const char* limit = std::getenv("OMP_THREAD_LIMIT");
  if (limit == nullptr || std::strcmp(limit, "1") != 0) {
    setenv("OMP_THREAD_LIMIT", "1", 1);
    execv("/proc/self/exe", argv);  // on failure, carry on: slower, not wrong
  }
  return greffe::cli_main(argc, argv);
}
