// `greffe search`'s command line, defined once: pipeline/cli.cpp shows it in greffe's help, and
// pipeline/main.cpp runs it without loading the OCR libraries (docs/search.md, "Speed").
#pragma once

#include <string>

#include "pipeline/search/search.h"

namespace CLI {
class App;
}

namespace greffe::search {

struct Arguments {
  std::string out, query;
  Filters filters;
  int limit = 20;
  bool json = false;
};

// Adds the `search` subcommand to app, its values written into arguments.
CLI::App* add_command(CLI::App& app, Arguments& arguments);

// `greffe search ...` alone: argv as greffe received it (argv[1] is "search"); the exit code.
int cli_main(int argc, char** argv);

}  // namespace greffe::search
