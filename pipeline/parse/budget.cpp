// The budget line, in the article that imputes the expense: "Les crédits nécessaires sont inscrits
// pour l'exercice 2021 au Budget Principal de la Métropole – Sous-politique B370 - Chapitre 65 -
// Article 65748 – Fonction 67." Only that article is read, so a year elsewhere is not taken.
#include <algorithm>
#include <cctype>
#include <regex>

#include "pipeline/parse/grammar.h"

namespace greffe::parse {

namespace {

std::optional<std::string> first_group(const std::string& text, const std::regex& pattern) {
  std::smatch m;
  if (!std::regex_search(text, m, pattern)) return std::nullopt;
  for (std::size_t g = 1; g < m.size(); ++g)
    if (m[g].matched) return m[g].str();
  return std::nullopt;
}

}  // namespace

BudgetLine read_budget(const std::vector<Article>& articles) {
  BudgetLine line;
  for (const Article& article : articles) {
    const std::string f = fold(article.text);
    if (f.find("chapitre") == std::string::npos) continue;
    static const std::regex chapter("\\bchapitre\\s*:?\\s*([0-9]{2,4})\\b");
    // "nature 65748", "compte 6574"; the Métropole also writes "Article 65748" for the nature.
    static const std::regex nature(
        "\\b(?:nature|compte)\\s*:?\\s*([0-9]{3,6})\\b|\\barticle\\s+([0-9]{4,6})\\b");
    static const std::regex function("\\bfonction\\s*:?\\s*([0-9]{1,4})\\b");
    static const std::regex sub_policy("\\bsous[- ]?politique\\s*:?\\s*([a-z] ?[0-9]{2,4})\\b");
    static const std::regex year("\\bexercice\\s+([0-9]{4})\\b|\\bbudget (?:primitif )?([0-9]{4})\\b");
    line.chapter = first_group(f, chapter);
    line.nature = first_group(f, nature);
    line.function = first_group(f, function);
    line.sub_policy = first_group(f, sub_policy);
    if (line.sub_policy)  // codes are printed in capitals; folding lowered them
      std::transform(line.sub_policy->begin(), line.sub_policy->end(), line.sub_policy->begin(),
                     [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    line.year = first_group(f, year);
    break;
  }
  return line;
}

}  // namespace greffe::parse
