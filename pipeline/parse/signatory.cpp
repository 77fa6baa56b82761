// The signature: "Certifié Conforme," (communes: "Pour extrait certifié conforme"), then the
// signatory's office over one or more lines, then the name on the last line.
#include <cctype>
#include <regex>

#include "pipeline/parse/grammar.h"

namespace greffe::parse {

namespace {

std::string trim_punctuation(std::string s) {
  const char* strip = " ,;:";
  const auto first = s.find_first_not_of(strip);
  if (first == std::string::npos) return "";
  return s.substr(first, s.find_last_not_of(strip) - first + 1);
}

// The printed text without its first `words` words (the marker) and the punctuation after them;
// the punctuation that ends it stays, as on the office's other lines.
std::string drop_words(const std::string& text, int words) {
  std::size_t at = 0;
  for (int i = 0; i < words; ++i) {
    at = text.find(' ', at);
    if (at == std::string::npos) return "";
    ++at;
  }
  at = text.find_first_not_of(" ,;:", at);
  if (at == std::string::npos) return "";
  return text.substr(at, text.find_last_not_of(' ') + 1 - at);
}

int marker_words(const std::string& folded) {
  // "Pour extrait certifié conforme", "Pour copie certifiée conforme", "Pour extrait certifié exact".
  static const std::regex four("^pour (extrait|copie) certifiee? (conforme|exact)\\b");
  // "Pour extrait conforme", "Pour copie conforme": the word "conforme" is the marker's, not the office's.
  static const std::regex three("^pour (extrait|copie) (conforme|exact)\\b");
  if (std::regex_search(folded, four)) return 4;
  if (std::regex_search(folded, three)) return 3;
  return 2;  // "certifie conforme", "pour extrait"
}

bool all_capitals(const std::string& word) {
  bool letter = false;
  for (unsigned char c : word) {
    if (std::islower(c)) return false;
    letter = letter || std::isupper(c);
  }
  return letter && word.size() >= 2;
}

// When reflow put office and name on one line ("… Culture, Innovation numérique Daniel GAGNON"):
// the name is printed "Firstname LASTNAME", so it is the trailing run of words in capitals and the
// one capitalised word before them. Returns the position where the name starts, or npos.
std::size_t trailing_name(const std::string& text) {
  std::vector<std::size_t> starts;
  for (std::size_t i = 0; i < text.size(); ++i)
    if (text[i] != ' ' && (i == 0 || text[i - 1] == ' ')) starts.push_back(i);
  std::size_t k = starts.size();
  auto word = [&](std::size_t n) {
    const std::size_t end = n + 1 < starts.size() ? starts[n + 1] - 1 : text.size();
    return text.substr(starts[n], end - starts[n]);
  };
  while (k > 0 && all_capitals(word(k - 1))) --k;
  if (k == starts.size() || k == 0 || k == 1)
    return std::string::npos;  // no capitals, or nothing before them
  const std::string first = word(k - 1);
  if (!std::isupper(static_cast<unsigned char>(first[0])) || all_capitals(first)) return std::string::npos;
  return starts[k - 1];
}

// Offices are capitalised too ("Le Vice-Président Délégué Culture"): a signatory's name is
// taken only when printed "Firstname LASTNAME", with a word in capitals.
bool is_printed_name(const std::string& text) {
  if (!looks_like_name(text) || text.rfind("Le ", 0) == 0 || text.rfind("La ", 0) == 0) return false;
  if (text.find(' ') == std::string::npos) return false;  // "LLGAGNON": a damaged name is not read as one
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    if (all_capitals(text.substr(start, end - start))) return true;
    start = end + 1;
  }
  return false;
}

}  // namespace

std::optional<Signatory> office_then_name(const std::string& text) {
  // "Le Maire, Jérôme BEQ Le Maire certifie …", "Le Président, Jean-Louis CAMUS": the office,
  // a comma, the name printed "Firstname LASTNAME" or "LASTNAME Firstname" (the text after it, a
  // legal notice, is not the signature's).
  // The office may name its authority or council ("Le Maire de Lalouvesc", "Le Président du
  // Conseil départemental", "La Première Adjointe au Maire"): particles, capitalised words and the
  // words of a council's name, up to the comma.
  static const std::regex signed_by(
      "(?:^|[ ,.])((?:Le|La) (?:Maire|Pr\xC3\xA9sidente?|President|Vice-Pr\xC3\xA9sidente?|"
      "Premi(?:er|\xC3\xA8re) [Aa]djointe?|Adjointe? au [Mm]aire)"
      "(?: (?:de|du|des|de la|d'|de "
      "l'|l'|au|aux|conseil|d\xC3\xA9partementale?|r\xC3\xA9gionale?|municipale?|"
      "communautaire|d\xC3\xA9l\xC3\xA9gu\xC3\xA9"
      "e?|[A-Z\xC3][^ ,]*)){0,5}), "
      "((?:[A-Z\xC3][^ ,.]*[a-z\xC3\xA9\xA8\xAF][^ ,.]* ){1,3}(?:[A-Z\xC3][A-Z\xC3\x80-\x9F'-]+)(?: "
      "[A-Z\xC3][A-Z\xC3\x80-\x9F'-]+)*|"
      "(?:[A-Z\xC3][A-Z\xC3\x80-\x9F'-]+ ){1,2}[A-Z\xC3][^ ,.]*[a-z\xC3\xA9\xA8\xAF][^ ,.]*)(?=$|[ ,.])");
  // The comma after a bare office lost where its lines were joined ("Le Maire Yves LELONG"): then
  // the name is one first name and a surname in capitals, so that an office's own capitalised
  // words ("Le Vice-Président Délégué Culture") are never read as a name.
  static const std::regex signed_without_comma(
      "(?:^|[ ,.])((?:Le|La) (?:Maire|Pr\xC3\xA9sidente?|President)) "
      "([A-Z\xC3][^ ,.]*[a-z\xC3\xA9\xA8\xAF][^ ,.]* [A-Z\xC3][A-Z\xC3\x80-\x9F'-]+(?: "
      "[A-Z\xC3][A-Z\xC3\x80-\x9F'-]+)?)(?=$|[ ,.])");
  // The name first, the office after it, closing the text: "Jacques BURRIEZ, Maire", "Jacques
  // BURRIEZ Maire de Lalouvesc".
  static const std::regex name_then_office(
      "(?:^|[ ,.])([A-Z\xC3][^ ,.]*[a-z\xC3\xA9\xA8\xAF][^ ,.]* [A-Z\xC3][A-Z\xC3\x80-\x9F'-]+(?: "
      "[A-Z\xC3][A-Z\xC3\x80-\x9F'-]+)?),? ((?:le |la )?(?:[Mm]aire|[Pp]r\xC3\xA9sidente?)(?: "
      "(?:de|du|des|d'|de la|de l')"
      " ?[A-Z\xC3][^,.]{0,60})?)[ ,.]*$");
  std::smatch m;
  if (text.size() > 4000) return std::nullopt;
  if (std::regex_search(text, m, signed_by) || std::regex_search(text, m, signed_without_comma)) {
    if (!is_printed_name(m[2].str())) return std::nullopt;
    return Signatory{m[2].str(), m[1].str()};
  }
  if (std::regex_search(text, m, name_then_office) && is_printed_name(m[1].str()))
    return Signatory{m[1].str(), m[2].str()};
  return std::nullopt;
}

bool is_signature_marker(const std::string& folded) {
  static const std::regex certified(std::string("^") + kCertifiedConforme);
  static const std::regex copy("^pour copie (certifiee? )?conforme\\b");
  return std::regex_search(folded, certified) || folded.rfind("pour extrait", 0) == 0 ||
         std::regex_search(folded, copy);
}

void read_signatory(const Paragraphs& paragraphs, std::size_t marker, Deliberation& out) {
  std::vector<std::string> parts;
  const std::string rest = drop_words(paragraphs[marker].text, marker_words(paragraphs[marker].folded));
  if (!rest.empty()) parts.push_back(rest);
  // The office's lines keep the commas that end them ("Métropole numérique,\nPolitique publique
  // de la donnée,"): only the office's last line and the name lose their punctuation.
  for (std::size_t i = marker + 1; i < paragraphs.size(); ++i) parts.push_back(paragraphs[i].text);
  if (parts.empty()) {
    out.warnings.push_back(describe(paragraphs[marker].place) + ": signature without office or name");
    return;
  }
  // The name is the first line after the office that is printed "Firstname LASTNAME" (usually
  // the last); what follows it is not the signature. "Le Maire, Jean DUPONT" on one line is split
  // at its last comma, "… numérique Daniel GAGNON" before the name's capitals.
  std::string last;
  std::size_t name_part = parts.size();
  for (std::size_t k = 0; k < parts.size() && name_part == parts.size(); ++k) {
    const std::string part = trim_punctuation(parts[k]);
    const auto comma = part.rfind(", ");
    const std::size_t trailing = trailing_name(part);
    if (is_printed_name(part)) {
      last = part;
      parts[k].clear();
    } else if (comma != std::string::npos && is_printed_name(part.substr(comma + 2))) {
      last = part.substr(comma + 2);
      parts[k] = part.substr(0, comma);
    } else if (trailing != std::string::npos && is_printed_name(part.substr(trailing))) {
      last = part.substr(trailing);
      parts[k] = part.substr(0, trailing);
    } else {
      continue;
    }
    name_part = k;
  }
  if (name_part == parts.size()) {
    if (auto found = office_then_name(paragraphs[marker].text)) {
      // Text without line breaks: "Pour extrait certifié conforme, Le Maire, X Y Le Maire certifie …".
      out.signatory = *found;
      return;
    }
    // The name's place is the last line: left out of the office, reported, not read.
    out.warnings.push_back(describe(paragraphs[marker].place) + ": signatory's name not read in \"" +
                           parts.back() + "\"");
    if (parts.size() > 1) parts.pop_back();
  } else {
    if (name_part + 1 < parts.size())
      out.warnings.push_back(describe(paragraphs[marker].place) + ": " +
                             std::to_string(parts.size() - name_part - 1) +
                             " paragraph(s) after the signatory's name left out");
    parts.resize(name_part + 1);
  }
  if (!last.empty()) out.signatory.name = last;
  std::string office;
  for (const std::string& part : parts) office += (office.empty() ? "" : " ") + part;
  office = trim_punctuation(office);
  if (!office.empty()) out.signatory.office = office;
}

}  // namespace greffe::parse
