#include "pipeline/parse/scdl.h"

#include <regex>

#include "pipeline/parse/text.h"

namespace greffe::parse {

namespace {

// Keyword rules on the folded title, most specific first. A title matching rules of two different
// classes is left unclassified rather than guessed ("Attribution du marché … subvention").
struct MatterRule {
  std::regex pattern;
  MatterClass matter;
};

const std::vector<MatterRule>& matter_rules() {
  static const std::vector<MatterRule> rules = {
      {std::regex("\\bsubventions?\\b"), {"7.5", "finances locales/subventions"}},
      {std::regex("\\bfonds de concours\\b"), {"7.8", "finances locales/fonds de concours"}},
      {std::regex("\\b(garantie d'emprunt|emprunts?)\\b"), {"7.3", "finances locales/emprunts"}},
      {std::regex("\\b(budget primitif|budget supplementaire|decision modificative|compte administratif)\\b"),
       {"7.1", "finances locales/décisions budgétaires"}},
      {std::regex("\\b(marche public|marches publics|attribution (du|des) marches?|accord-cadre)\\b"),
       {"1.1", "commande publique/marchés publics"}},
  };
  return rules;
}

template <typename T>
std::string or_empty(const std::optional<T>& value) {
  if (!value) return "";
  if constexpr (std::is_same_v<T, std::string>)
    return *value;
  else
    return std::to_string(*value);
}

}  // namespace

std::optional<MatterClass> classify_matter(const Deliberation& deliberation) {
  if (!deliberation.title) return std::nullopt;
  const std::string title = fold(*deliberation.title);
  std::optional<MatterClass> found;
  for (const MatterRule& rule : matter_rules()) {
    if (!std::regex_search(title, rule.pattern)) continue;
    if (found && found->code != rule.matter.code) return std::nullopt;  // two classes: unsure
    found = rule.matter;
  }
  return found;
}

const std::vector<std::string>& scdl_columns() {
  static const std::vector<std::string> columns = {
      "COLL_NOM",          "COLL_SIRET",    "DELIB_ID",     "DELIB_DATE", "DELIB_MATIERE_CODE",
      "DELIB_MATIERE_NOM", "DELIB_OBJET",   "BUDGET_ANNEE", "BUDGET_NOM", "PREF_ID",
      "PREF_DATE",         "VOTE_EFFECTIF", "VOTE_REEL",    "VOTE_POUR",  "VOTE_CONTRE",
      "VOTE_ABSTENTION",   "DELIB_URL"};
  return columns;
}

namespace {

std::optional<int> counted_voters(const VoteTally& vote) {
  if (!vote.for_votes || !vote.against || !vote.abstention) return std::nullopt;
  return *vote.for_votes + *vote.against + *vote.abstention;
}

// VOTE_REEL as Validata checks it: POUR + CONTRE + ABSTENTION. The printed "Votants" is taken
// when no count contradicts it; a printed figure the counts contradict is left out (warned).
std::optional<int> real_voters(const VoteTally& vote) {
  const std::optional<int> counted = counted_voters(vote);
  if (vote.voters && counted && *vote.voters != *counted) return std::nullopt;
  return vote.voters ? vote.voters : counted;
}

// PREF_DATE may not precede DELIB_DATE: a receipt date before the session is a misread stamp.
std::optional<std::string> prefecture_date(const Deliberation& d) {
  if (d.legality.received_on && d.session.date && *d.legality.received_on < *d.session.date)
    return std::nullopt;
  return d.legality.received_on;
}

bool d_voters_contradicted(const VoteTally& vote) {
  return vote.voters && counted_voters(vote) && *vote.voters != *counted_voters(vote);
}

std::string or_empty_int(const std::optional<int>& value) {
  return value ? std::to_string(*value) : "";
}

}  // namespace

std::vector<Deliberation> acts_as_deliberations(const Deliberation& minutes) {
  std::vector<Deliberation> acts;
  for (const Deliberation& act : minutes.acts) {
    Deliberation d = act;  // the act's own keys, the session's from the minutes
    d.kind = DeliberationKind::Deliberation;
    d.authority = minutes.authority;
    d.body = minutes.body;
    d.session = minutes.session;
    d.legality = minutes.legality;
    if (!d.vote.voters && act.vote.unanimous.value_or(false)) d.vote.voters = minutes.vote.voters;
    acts.push_back(std::move(d));
  }
  return acts;
}

std::vector<std::string> scdl_row(const Deliberation& d, const ScdlOptions& options) {
  const auto matter = classify_matter(d);
  // Not mapped, because the act does not state them: BUDGET_NOM (no key in deliberation.json),
  // PREF_ID (the prefecture or sub-prefecture is not printed), DELIB_URL (no publication URL).
  // COLL_NOM is the configured name, else the authority the act prints.
  return {options.collectivity_name.empty() ? or_empty(d.authority) : options.collectivity_name,
          options.collectivity_siret,
          or_empty(d.number),
          or_empty(d.session.date),
          matter ? matter->code : "",
          matter ? matter->name : "",
          or_empty(d.title),
          or_empty(d.budget.year),
          "",
          "",
          or_empty(prefecture_date(d)),
          or_empty_int(d.session.members_in_office),
          or_empty_int(real_voters(d.vote)),
          or_empty(d.vote.for_votes),
          or_empty(d.vote.against),
          or_empty(d.vote.abstention),
          ""};
}

std::string csv_field(const std::string& value) {
  if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
  std::string quoted = "\"";
  for (char c : value) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

std::string scdl_csv(const std::vector<std::vector<std::string>>& rows) {
  auto line = [](const std::vector<std::string>& cells) {
    std::string text;
    for (std::size_t i = 0; i < cells.size(); ++i) text += (i ? "," : "") + csv_field(cells[i]);
    return text + "\r\n";
  };
  std::string csv = line(scdl_columns());
  for (const auto& row : rows) csv += line(row);
  return csv;
}

std::string scdl_csv(const std::vector<Deliberation>& deliberations, const ScdlOptions& options) {
  std::vector<std::vector<std::string>> rows;
  for (const Deliberation& d : deliberations) {
    if (d.kind == DeliberationKind::Deliberation) rows.push_back(scdl_row(d, options));
    if (d.kind == DeliberationKind::Minutes)
      for (const Deliberation& act : acts_as_deliberations(d)) rows.push_back(scdl_row(act, options));
  }
  return scdl_csv(rows);
}

std::vector<std::string> missing_required(const std::vector<std::string>& row) {
  static const std::vector<std::size_t> required = {0, 1, 2, 3, 4, 5, 6};
  std::vector<std::string> missing;
  for (std::size_t column : required)
    if (column >= row.size() || row[column].empty()) missing.push_back(scdl_columns()[column]);
  return missing;
}

std::optional<std::string> siren_from_act_id(const std::string& act_id) {
  static const std::regex shape("^[0-9A-Z]{3}-([0-9]{9})-[0-9]{8}-[^-]+-[A-Z]{2}$");
  std::smatch m;
  if (!std::regex_match(act_id, m, shape)) return std::nullopt;
  return m[1].str();
}

std::vector<std::string> scdl_warnings(const Deliberation& deliberation, const ScdlOptions& options) {
  const std::optional<std::string> siren =
      deliberation.legality.act_id ? siren_from_act_id(*deliberation.legality.act_id) : std::nullopt;
  std::vector<std::string> warnings;
  for (const std::string& column : missing_required(scdl_row(deliberation, options))) {
    std::string warning = "deliberations.csv: no value for " + column;
    if (column == "COLL_SIRET" && siren)
      warning += " (the @ctes act id gives the SIREN " + *siren + ", the SIRET's first nine digits)";
    warnings.push_back(warning);
  }
  if (d_voters_contradicted(deliberation.vote))
    warnings.push_back(
        "deliberations.csv: VOTE_REEL left empty: " + std::to_string(*deliberation.vote.voters) +
        " voters printed, but the counts add up to " + std::to_string(*counted_voters(deliberation.vote)));
  if (deliberation.legality.received_on && !prefecture_date(deliberation))
    warnings.push_back("deliberations.csv: PREF_DATE left empty: the receipt date " +
                       *deliberation.legality.received_on + " precedes the session's " +
                       *deliberation.session.date);
  if (siren && options.collectivity_siret.size() == 14 &&
      options.collectivity_siret.compare(0, 9, *siren) != 0)
    warnings.push_back("deliberations.csv: the SIRET " + options.collectivity_siret +
                       " is not of the SIREN the @ctes act id gives (" + *siren + ")");
  return warnings;
}

}  // namespace greffe::parse
