// Sums in euros as printed: "90 000 euros", "50.000 euros", "20 000€", "2 224 070 euros",
// "1 250,50 €", "8 milliards d'euros". Found by their currency word and read backwards, so a
// year printed before a sum ("en 2021 50 000 euros") is not glued to it: thousands groups are
// exactly three digits.
#include <cctype>

#include "pipeline/parse/grammar.h"

namespace greffe::parse {

namespace {

bool is_digit(std::string_view t, std::size_t i) {
  return i < t.size() && std::isdigit(static_cast<unsigned char>(t[i]));
}
bool is_letter_byte(std::string_view t, std::size_t i) {
  const unsigned char c = static_cast<unsigned char>(t[i]);
  return std::isalpha(c) || c >= 0x80;
}

// Start of the run of digits that ends at `end` (exclusive).
std::size_t digits_before(std::string_view t, std::size_t end) {
  std::size_t start = end;
  while (start > 0 && is_digit(t, start - 1)) --start;
  return start;
}

std::size_t space_before(std::string_view t, std::size_t end);

struct Currency {
  std::size_t start, end;
};

// "euros", "euro", "€", "EUR" — as whole words.
std::vector<Currency> currencies(std::string_view t) {
  std::vector<Currency> found;
  for (std::size_t i = 0; i < t.size(); ++i) {
    // "montant de 75 028,99 HT", "12 500 TTC": a sum whose currency the clause leaves implied,
    // taxes said; only right after a figure, so "… 2023 HT" in a title needs its space and digit.
    for (std::string_view tax : {std::string_view("HT"), std::string_view("TTC"), std::string_view("H.T."),
                                 std::string_view("T.T.C.")}) {
      if (t.compare(i, tax.size(), tax) != 0) continue;
      const std::size_t end = i + tax.size();
      if (end < t.size() && is_letter_byte(t, end)) continue;
      if (i >= 2 && t[i - 1] == ' ' && is_digit(t, i - 2)) found.push_back({i, end});
      break;
    }
    if (t.compare(i, 3, "\xE2\x82\xAC") == 0) {
      found.push_back({i, i + 3});
      i += 2;
      continue;
    }
    for (std::string_view word :
         {std::string_view("euros"), std::string_view("euro"), std::string_view("EUR")}) {
      if (t.compare(i, word.size(), word) != 0) continue;
      const std::size_t end = i + word.size();
      const bool word_start = i == 0 || !is_letter_byte(t, i - 1) || t[i - 1] == '\'' ||
                              space_before(t, i) > 0 || (i >= 3 && t.compare(i - 3, 3, "\xE2\x80\x99") == 0);
      if (word_start && (end == t.size() || !is_letter_byte(t, end))) {
        found.push_back({i, end});
        i = end - 1;
        break;
      }
    }
  }
  return found;
}

// Width of the space ending at `end` (exclusive): a space, a no-break space (C2 A0) or a narrow
// no-break space (E2 80 AF), as French typography puts between thousands; 0 when none.
std::size_t space_before(std::string_view t, std::size_t end) {
  if (end >= 1 && t[end - 1] == ' ') return 1;
  if (end >= 2 && t.compare(end - 2, 2, "\xC2\xA0") == 0) return 2;
  if (end >= 3 && t.compare(end - 3, 3, "\xE2\x80\xAF") == 0) return 3;
  return 0;
}

std::size_t skip_spaces_back(std::string_view t, std::size_t at) {
  while (std::size_t width = space_before(t, at)) at -= width;
  return at;
}

bool ends_with_at(std::string_view t, std::size_t end, std::string_view word) {
  return end >= word.size() && t.compare(end - word.size(), word.size(), word) == 0;
}

// A clause ends at , ; : ( ) « » " and at a full stop followed by a space. "50.000" and "7,2" are
// one number, not two clauses.
bool ends_clause(std::string_view t, std::size_t i) {
  const char c = t[i];
  if (c == '\n') return true;  // paragraphs are joined by newlines
  const bool followed_by_space = i + 1 >= t.size() || t[i + 1] == ' ' || t[i + 1] == '\n';
  if (c == '.' || c == ',') return followed_by_space;
  if (c == ';' || c == ':' || c == '(' || c == ')' || c == '"' || c == '!' || c == '?') return true;
  // « and » are C2 AB and C2 BB in UTF-8.
  return i > 0 && static_cast<unsigned char>(t[i - 1]) == 0xC2 &&
         (static_cast<unsigned char>(c) == 0xAB || static_cast<unsigned char>(c) == 0xBB);
}

// At most `max_clause` bytes before the sum, cut after a space (never inside a word or a UTF-8
// character): a text without punctuation would otherwise give every sum all the text before it,
// quadratic in time and memory (a 10 MB line of sums took 23 GB before this bound).
constexpr std::size_t max_clause = 300;

std::string clause_before(std::string_view t, std::size_t start, std::size_t end) {
  const std::size_t limit = start > max_clause ? start - max_clause : 0;
  std::size_t from = start;
  while (from > limit && !ends_clause(t, from - 1)) --from;
  if (from == limit && limit > 0 && !ends_clause(t, from - 1)) {
    const std::size_t space = t.find(' ', from);
    from = space < start ? space + 1 : start;
  }
  std::string_view clause = t.substr(from, end - from);
  while (!clause.empty() && clause.front() == ' ') clause.remove_prefix(1);
  return std::string(clause);
}

}  // namespace

std::vector<Amount> find_amounts(std::string_view t) {
  std::vector<Amount> amounts;
  for (const Currency& currency : currencies(t)) {
    std::size_t end = skip_spaces_back(t, currency.start);
    double multiplier = 1;
    // "8 milliards d'euros", "1,5 million d’euros"
    for (std::string_view elision : {std::string_view("d'"), std::string_view("d\xE2\x80\x99")}) {
      if (!ends_with_at(t, end, elision)) continue;
      const std::size_t word_end = skip_spaces_back(t, end - elision.size());
      for (auto [word, factor] : {std::pair<std::string_view, double>{"milliards", 1e9},
                                  {"milliard", 1e9},
                                  {"millions", 1e6},
                                  {"million", 1e6}}) {
        if (ends_with_at(t, word_end, word)) {
          multiplier = factor;
          end = skip_spaces_back(t, word_end - word.size());
          break;
        }
      }
      if (multiplier == 1) end = 0;  // "d'euros" after something that is not a count: no sum here
      break;
    }
    if (end == 0 || !is_digit(t, end - 1)) continue;

    std::size_t start = digits_before(t, end);
    std::string digits(t.substr(start, end - start));
    std::string decimals;
    // "75 028,99 €", and "163 000.00 €": two figures after a full stop are cents too ("50.000"
    // has three, a thousands group).
    if (start >= 2 && (t[start - 1] == ',' || (t[start - 1] == '.' && digits.size() == 2)) &&
        is_digit(t, start - 2) && digits.size() <= 2) {
      decimals = digits;
      end = start - 1;
      start = digits_before(t, end);
      digits = std::string(t.substr(start, end - start));
    }
    // Thousands groups: "2 224 070", "50.000"; the group before must be 1 to 3 digits.
    std::size_t group = end - start;
    for (;;) {
      if (group != 3) break;
      const std::size_t separator = start >= 1 && t[start - 1] == '.' ? 1 : space_before(t, start);
      if (separator == 0 || start < separator + 1 || !is_digit(t, start - separator - 1)) break;
      const std::size_t before = digits_before(t, start - separator);
      const std::size_t length = start - separator - before;
      if (length < 1 || length > 3) break;
      digits = std::string(t.substr(before, length)) + digits;
      group = length;
      start = before;
    }
    if (start > 0 && is_letter_byte(t, start - 1)) continue;  // "B370 €": a code, not a sum
    if (digits.size() > 15) continue;
    double value = std::stod(digits);
    if (!decimals.empty()) value += std::stod(decimals) / (decimals.size() == 1 ? 10 : 100);
    amounts.push_back(Amount{value * multiplier, "EUR", clause_before(t, start, currency.end)});
  }
  return amounts;
}

}  // namespace greffe::parse
