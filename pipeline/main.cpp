// greffe, the user's command. `greffe search` runs here, in a process that loads SQLite and ICU
// only; every other command is greffe-pipeline's (pipeline/pipeline_main.cpp, installed beside
// this one), started in this process's place. Loading and relocating Tesseract, OpenCV, poppler
// and their ~150 libraries costs about 0.25 s of CPU at each start: a search answers in a few
// milliseconds and should not pay for it (docs/search.md, "Speed").
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>

#include "models/error.h"
#include "pipeline/search/command.h"

int main(int argc, char** argv) {
  if (argc >= 2 && std::strcmp(argv[1], "search") == 0) return greffe::search::cli_main(argc, argv);

  std::error_code ec;
  const auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
  const auto pipeline = (ec ? std::filesystem::path(argv[0]) : self).parent_path() / "greffe-pipeline";
  // Tesseract parallelises inside a page with OpenMP; greffe runs one engine per core instead,
  // and the two would fight. OpenMP reads OMP_THREAD_LIMIT when the library loads, before main:
  // set here, before greffe-pipeline starts.
  setenv("OMP_THREAD_LIMIT", "1", 1);
  execv(pipeline.c_str(), argv);  // argv[0] kept: messages and help still say greffe
  std::cerr << "greffe: " << pipeline.string() << ": cannot start: " << std::strerror(errno)
            << " (greffe-pipeline is installed beside greffe)\n";
  return greffe::exit_code(greffe::ErrorKind::MissingDependency);
}
