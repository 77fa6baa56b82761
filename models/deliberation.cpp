#include "models/deliberation.h"

#include <cmath>
#include <cstdint>

namespace greffe {

namespace {

using Json = nlohmann::ordered_json;

template <typename T>
Json nullable(const std::optional<T>& value) {
  return value ? Json(*value) : Json(nullptr);
}

// 90000, not 90000.0: sums are printed as integers when they are whole.
Json number(double value) {
  double whole = 0;
  if (std::modf(value, &whole) == 0.0 && std::fabs(whole) < 9e15)
    return Json(static_cast<std::int64_t>(whole));
  return Json(value);
}

}  // namespace

Json deliberation_json(const Deliberation& d) {
  Json out;
  out["kind"] = d.kind == DeliberationKind::Deliberation ? "deliberation"
                : d.kind == DeliberationKind::Minutes    ? "minutes"
                                                         : "other";
  out["authority"] = nullable(d.authority);
  out["body"] = nullable(d.body);
  out["session"] = Json{{"date", nullable(d.session.date)},
                        {"president", nullable(d.session.president)},
                        {"members_present_declared", nullable(d.session.members_present_declared)},
                        {"members_in_office", nullable(d.session.members_in_office)},
                        {"secretary", nullable(d.session.secretary)}};
  out["present"] = d.present;
  out["represented"] = Json::array();
  for (const Proxy& p : d.represented)
    out["represented"].push_back(
        Json{{"member", p.member}, {"proxy", p.proxy.empty() ? Json(nullptr) : Json(p.proxy)}});
  out["excused"] = d.excused;
  out["number"] = nullable(d.number);
  out["title"] = nullable(d.title);
  out["internal_ref"] = nullable(d.internal_ref);
  out["report"] = nullable(d.report);
  out["visas"] = d.visas;
  out["considerants"] = d.considerants;
  out["articles"] = Json::array();
  for (const Article& a : d.articles) out["articles"].push_back(Json{{"number", a.number}, {"text", a.text}});
  out["vote"] = Json{{"outcome", nullable(d.vote.outcome)},       {"unanimous", nullable(d.vote.unanimous)},
                     {"for", nullable(d.vote.for_votes)},         {"against", nullable(d.vote.against)},
                     {"abstention", nullable(d.vote.abstention)}, {"voters", nullable(d.vote.voters)}};
  out["amounts"] = Json::array();
  for (const Amount& a : d.amounts)
    out["amounts"].push_back(
        Json{{"value", number(a.value)}, {"currency", a.currency}, {"context", a.context}});
  out["budget"] = Json{{"year", nullable(d.budget.year)},
                       {"chapter", nullable(d.budget.chapter)},
                       {"nature", nullable(d.budget.nature)},
                       {"function", nullable(d.budget.function)},
                       {"sub_policy", nullable(d.budget.sub_policy)}};
  out["signatory"] = Json{{"name", nullable(d.signatory.name)}, {"office", nullable(d.signatory.office)}};
  out["legality"] = Json{{"signed_on", nullable(d.legality.signed_on)},
                         {"received_on", nullable(d.legality.received_on)},
                         {"act_id", nullable(d.legality.act_id)},
                         {"transmitted_on", nullable(d.legality.transmitted_on)}};
  out["warnings"] = d.warnings;
  if (d.kind == DeliberationKind::Minutes) {
    out["acts"] = Json::array();
    for (const Deliberation& act : d.acts) {
      const Json whole = deliberation_json(act);
      Json item;
      for (const char* key :
           {"number", "title", "report", "visas", "considerants", "articles", "vote", "amounts", "budget"})
        item[key] = whole[key];
      item["page"] = nullable(act.page);
      out["acts"].push_back(item);
    }
  }
  return out;
}

std::string deliberation_json_text(const Deliberation& deliberation) {
  // OCR text may carry bytes that are not UTF-8; they are printed as U+FFFD rather than failing.
  return deliberation_json(deliberation)
             .dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) +
         "\n";
}

}  // namespace greffe
