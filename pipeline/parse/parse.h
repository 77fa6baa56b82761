// parse: clean text of one document (pages separated by form feeds) in, the deliberation out
// (docs/design/deliberation.md). Reads the Métropole Aix-Marseille-Provence forms and common communal
// ones; what it cannot read goes to `warnings` with its page and line, never into a field.
#pragma once

#include <string>
#include <string_view>

#include "models/deliberation.h"
#include "models/legality.h"

namespace greffe::parse {

struct Options {
  // Lines that are legality stamps ("Signé le …", "Reçu au Contrôle de légalité le …", the @ctes
  // receipt) are skipped. Cleanup removes them in production; the seed texts still carry them.
  bool skip_stamp_lines = true;
};

// Never throws on any input text; the legality record is copied as it is (it comes from cleanup).
Deliberation run(const Options& options, std::string_view clean_text, const Legality& legality);

}  // namespace greffe::parse
