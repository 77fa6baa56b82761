// SCDL export: rows of deliberations.csv in the national open-data schema "scdl/deliberations"
// (docs/design/deliberation.md: header, mapping, constraints), RFC 4180 quoting, CRLF line ends.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "models/deliberation.h"

namespace greffe::parse {

// What the act does not print and configuration gives. (Flags and config file: not wired yet.)
struct ScdlOptions {
  std::string collectivity_name;   // COLL_NOM
  std::string collectivity_siret;  // COLL_SIRET, 14 digits
};

// An @ctes matter class: "7.5", "finances locales/subventions".
struct MatterClass {
  std::string code;
  std::string name;
};

// From stated keyword rules on the title (see scdl.cpp); nothing when no rule or two
// different rules match.
std::optional<MatterClass> classify_matter(const Deliberation& deliberation);

const std::vector<std::string>& scdl_columns();
std::vector<std::string> scdl_row(const Deliberation& deliberation, const ScdlOptions& options);

// The acts of a minutes document as deliberations of their own, with the minutes' session,
// authority and legality: one row of deliberations.csv each.
std::vector<Deliberation> acts_as_deliberations(const Deliberation& minutes);

// One RFC 4180 field: quoted when it holds a comma, a quote, CR or LF; quotes doubled.
std::string csv_field(const std::string& value);

// The header and one row per deliberation (kind "other" documents are not deliberations and are
// left out); each line ends with CRLF.
std::string scdl_csv(const std::vector<Deliberation>& deliberations, const ScdlOptions& options);
// The header and the given rows (a batch keeps its rows in its catalog).
std::string scdl_csv(const std::vector<std::vector<std::string>>& rows);

// The required cells of a row that are empty (column names), for the run's report.
std::vector<std::string> missing_required(const std::vector<std::string>& row);

// The SIREN of an @ctes act id, its second field: "013-211300850-20231212-DEL2023087-DE" ->
// "211300850"; nothing when the id does not have that shape.
std::optional<std::string> siren_from_act_id(const std::string& act_id);

// What the run's report says about a deliberation's row: each required cell left empty
// ("deliberations.csv: no value for COLL_SIRET", with the SIREN the act id gives, which is the
// SIRET's first nine digits), and a configured SIRET whose SIREN is not the act id's.
std::vector<std::string> scdl_warnings(const Deliberation& deliberation, const ScdlOptions& options);

}  // namespace greffe::parse
