#include "cleanup/context_model.h"

#include <unicode/unistr.h>

#include <cmath>
#include <sstream>

#include "cleanup/data_file.h"

namespace greffe::cleanup {

namespace {

// The marks the model counts as words of their own (scripts/learn-context's MARKS).
const std::vector<std::string>& marks() {
  static const std::vector<std::string> all = {".", ",", ";", ":", "!", "?", "(", ")", "«", "»", "\""};
  return all;
}

bool starts_with(const std::string& text, const std::string& head) {
  return text.rfind(head, 0) == 0;
}

bool ends_with(const std::string& text, const std::string& tail) {
  return text.size() >= tail.size() && text.compare(text.size() - tail.size(), tail.size(), tail) == 0;
}

// The token without its marks at either end, lower case, apostrophes plain, "0" if it has a digit.
std::string word_key(std::string token) {
  for (bool more = true; more && !token.empty();) {
    more = false;
    for (const std::string& mark : marks()) {
      if (starts_with(token, mark)) token.erase(0, mark.size()), more = true;
      if (ends_with(token, mark)) token.erase(token.size() - mark.size()), more = true;
    }
  }
  if (token.empty()) return "";
  for (char c : token)
    if (c >= '0' && c <= '9') return "0";
  std::string out;
  icu::UnicodeString::fromUTF8(token).toLower().toUTF8String(out);
  for (std::size_t at; (at = out.find("’")) != std::string::npos;) out.replace(at, 3, "'");
  return out;
}

std::string join(const std::string& a, const std::string& b) {
  return a + '\t' + b;
}

}  // namespace

ContextModel ContextModel::parse(const std::string& text) {
  ContextModel model;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> row = tab_fields(line);
    if (row[0] == "S" && row.size() >= 3) {
      for (std::size_t i = 1; i < row.size(); ++i) model.set_of_[row[i]] = model.sets_.size();
      model.sets_.emplace_back(row.begin() + 1, row.end());
      continue;
    }
    double count = 0;
    try {
      count = std::stod(row.back());
    } catch (...) {
      continue;
    }
    if (row[0] == "U" && row.size() == 3)
      model.unigram_[row[1]] = count;
    else if (row[0] == "L" && row.size() == 4)
      model.left_[join(row[1], row[2])] = count;
    else if (row[0] == "R" && row.size() == 4)
      model.right_[join(row[1], row[2])] = count;
    else if (row[0] == "T" && row.size() == 5)
      model.trigram_[join(join(row[1], row[2]), row[3])] = count;
    else
      continue;
    ++model.rows_;
  }
  return model;
}

Expected<ContextModel> ContextModel::load(const std::string& path) {
  std::optional<std::string> text = read_data_file(path);
  if (!text) return Error{ErrorKind::MissingDependency, path, 0, "cannot read the context model"};
  ContextModel model = parse(*text);
  if (model.sets_.empty())
    return Error{ErrorKind::MissingDependency, path, 0, "no confusion sets in the context model"};
  return model;
}

std::string ContextModel::left_key(const std::string& previous) {
  for (const std::string& mark : marks())
    if (ends_with(previous, mark)) return mark;
  return word_key(previous);
}

std::string ContextModel::right_key(const std::string& next) {
  for (const std::string& mark : marks())
    if (starts_with(next, mark)) return mark;
  return word_key(next);
}

double ContextModel::count(const std::unordered_map<std::string, double>& table,
                           const std::string& key) const {
  auto found = table.find(key);
  return found == table.end() ? 0 : found->second;
}

std::optional<ContextModel::Decision> ContextModel::best_other(const std::string& word,
                                                               const std::string& left,
                                                               const std::string& right) const {
  auto in_set = set_of_.find(word);
  if (in_set == set_of_.end()) return std::nullopt;
  const std::vector<std::string>& members = sets_[in_set->second];
  const std::size_t n = members.size();
  std::vector<double> prior(n), p_left(n), p_right(n), both(n);
  double total = 0;
  for (std::size_t i = 0; i < n; ++i) total += prior[i] = count(unigram_, members[i]) + 1;
  for (double& p : prior) p /= total;
  // One side's estimate: its counts pulled toward the prior; an unknown side is the prior.
  auto side = [&](const std::unordered_map<std::string, double>& table, bool is_left,
                  const std::string& other, std::vector<double>& out) {
    double seen_total = 0;
    std::vector<double> seen(n, 0);
    if (!other.empty())
      for (std::size_t i = 0; i < n; ++i)
        seen_total += seen[i] = count(table, is_left ? join(other, members[i]) : join(members[i], other));
    for (std::size_t i = 0; i < n; ++i) out[i] = (seen[i] + beta * prior[i]) / (seen_total + beta);
  };
  side(left_, true, left, p_left);
  side(right_, false, right, p_right);
  double sum = 0;
  for (std::size_t i = 0; i < n; ++i) sum += both[i] = p_left[i] * p_right[i] / prior[i];
  for (double& p : both) p /= sum;
  if (!left.empty() && !right.empty()) {
    double seen_total = 0;
    std::vector<double> seen(n, 0);
    for (std::size_t i = 0; i < n; ++i)
      seen_total += seen[i] = count(trigram_, join(join(left, members[i]), right));
    for (std::size_t i = 0; i < n; ++i) both[i] = (seen[i] + gamma * both[i]) / (seen_total + gamma);
  }
  std::size_t printed = 0;
  while (members[printed] != word) ++printed;
  std::optional<std::size_t> best;
  for (std::size_t i = 0; i < n; ++i)
    if (i != printed && (!best || both[i] > both[*best])) best = i;
  const double score = std::log(both[*best]) - std::log(both[printed]);
  return Decision{members[*best], score, score - (std::log(prior[*best]) - std::log(prior[printed]))};
}

std::optional<ContextModel::Decision> ContextModel::decide(const std::string& word, const std::string& left,
                                                           const std::string& right, double margin,
                                                           double evidence) const {
  auto decision = best_other(word, left, right);
  if (decision && decision->score > margin && decision->evidence > evidence) return decision;
  return std::nullopt;
}

}  // namespace greffe::cleanup
