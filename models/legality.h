// The act's legal transmission record, read from the stamps printed over its pages (cleanup
// fills it; the parser only carries it into the deliberation). Dates are ISO 8601 (YYYY-MM-DD).
#pragma once

#include <optional>
#include <string>

namespace greffe {

struct Legality {
  std::optional<std::string> signed_on;  // "Signé le 18 Février 2021"
  std::optional<std::string>
      received_on;  // "Reçu au Contrôle de légalité le …" / "Date de réception préfecture"
  std::optional<std::string> act_id;          // @ctes: "013-211300850-20231212-DEL2023087-DE"
  std::optional<std::string> transmitted_on;  // @ctes: "Date de télétransmission"
};

}  // namespace greffe
