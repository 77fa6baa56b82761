// The greffe command line (docs/design/cli.md): parses the flags, calls one library function,
// prints its diagnostic, returns its exit code.
#pragma once

namespace greffe {

int cli_main(int argc, char** argv);

}  // namespace greffe
