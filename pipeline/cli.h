// The greffe command line (docs/design/cli.md): parses the flags and calls one command
// (pipeline/commands/), which calls the library, prints, and returns the exit code.
#pragma once

namespace greffe {

int cli_main(int argc, char** argv);

}  // namespace greffe
