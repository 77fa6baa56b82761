// The legal part, as printed after the report: the body's opener ("Le Bureau de la Métropole …,"),
// "Vu" and its visas, "Ouï le rapport ci-dessus," (OCR: "Oui", "Oùï"), "Entendues les conclusions …",
// "Considérant" and its list, "Délibère" (OCR "Délibére"; communes "DÉCIDE :"), "Article N :" and
// their text, the vote, then the signature. Communal visas and considérants are one paragraph each
// ("Vu le Code …", "Considérant que …").
#include <regex>

#include "pipeline/parse/grammar.h"

namespace greffe::parse {

namespace {

bool is_opener(const std::string& folded) {
  static const std::regex opener("^(le|la|l') ?(bureau|conseil|commission|assemblee|comite)[^.]*,$");
  // Openers are one short line; the bound keeps std::regex (recursive) off long paragraphs.
  return folded.size() < 300 && std::regex_search(folded, opener);
}

bool is_hearing(const std::string& folded) {
  static const std::regex hearing(
      "^(oui|ou|oi|oul) le \\S{0,2}apport|^entendue?s? (les conclusions|le rapport|l'expose)");
  return std::regex_search(folded, hearing);
}

bool starts_with_word(const std::string& folded, const char* word) {
  const std::string w(word);
  return folded.compare(0, w.size(), w) == 0 &&
         (folded.size() == w.size() || !std::isalpha(static_cast<unsigned char>(folded[w.size()])));
}

// "Considérant:" and "Considérant :" both leave nothing, and so does 001's "Vu -" (a speck or a
// colon read as a dash), which is no visa.
std::string after_keyword(const std::string& text) {
  const auto space = text.find_first_of(" :");
  if (space == std::string::npos) return "";
  std::string rest = text.substr(space);
  const auto first = rest.find_first_not_of(" :,-");
  return first == std::string::npos ? "" : rest.substr(first);
}

// A list item without the punctuation that ends it: " ;", ".", and OCR's ";:" (001).
std::string without_list_end(std::string item) {
  while (!item.empty() && std::string("; .,:").find(item.back()) != std::string::npos) item.pop_back();
  return item;
}

// Fills what `tally` says and `vote` does not have yet; true when the tally said anything.
bool merge_vote(const VoteTally& tally, VoteTally& vote) {
  if (!vote.outcome) vote.outcome = tally.outcome;
  if (!vote.unanimous) vote.unanimous = tally.unanimous;
  if (!vote.for_votes) vote.for_votes = tally.for_votes;
  if (!vote.against) vote.against = tally.against;
  if (!vote.abstention) vote.abstention = tally.abstention;
  if (!vote.voters) vote.voters = tally.voters;
  return tally.outcome || tally.unanimous || tally.for_votes || tally.against || tally.abstention;
}

enum class Part { Opening, Visas, Considerants, Decision, Articles, Vote };

// A dispositive without articles states each decision with its verb in capitals ("APPROUVE le
// plan …", "AUTORISE le Maire à …", "FIXE les tarifs …"): the third person of the verbs a council
// decides with, printed in capitals, then the decision in lower case.
bool opens_with_decision_verb(const Paragraph& p) {
  static const std::regex verb(
      "^(approuve|autorise|fixe|dit|decide|accepte|attribue|charge|confirme|designe|donne|emet|"
      "mandate|precise|prend acte|rappelle|sollicite|valide|accorde|arrete|retient|opte|"
      "s'engage|abroge|annule|modifie|cree|supprime|octroie|renouvelle|delegue)(nt)?\\b");
  const std::size_t space = p.text.find(' ');
  if (space == std::string::npos || space < 2) return false;
  for (std::size_t i = 0; i < space; ++i) {
    const unsigned char c = static_cast<unsigned char>(p.text[i]);
    if (c >= 'a' && c <= 'z') return false;  // "Approuve" opens a sentence, not a decision
  }
  return std::regex_search(p.folded, verb);
}

// "1°) …", "2°/ …", "3° - …": a decision numbered without the word "Article".
std::optional<int> decision_number(const std::string& folded, std::size_t* prefix_length) {
  static const std::regex numbered("^([0-9]{1,2})\\s*\xC2\xB0\\s*[)/.:-]?\\s*");
  std::smatch m;
  if (!std::regex_search(folded, m, numbered)) return std::nullopt;
  *prefix_length = static_cast<std::size_t>(m.length(0));
  return std::stoi(m[1].str());
}

// "DÉCIDE : - d'approuver le plan ; - d'autoriser le Maire …" run on one line: the items after
// the marker, cut at each "; -" or at a dash before the next infinitive.
std::vector<std::string> decisions_after_marker(const std::string& text) {
  std::vector<std::string> items;
  static const std::regex item_break(
      ";?\\s+-\\s+(?=(d'|d\xE2\x80\x99|de |du |des |la |le |l'|l\xE2\x80\x99))|;\\s*-\\s+");
  std::string rest = text;
  rest.erase(0, rest.find_first_not_of(" -"));
  std::smatch m;
  while (std::regex_search(rest, m, item_break)) {
    items.push_back(rest.substr(0, static_cast<std::size_t>(m.position(0))));
    rest = m.suffix().str();
  }
  items.push_back(rest);
  return items;
}

}  // namespace

bool is_decision_marker(const std::string& folded) {
  static const std::regex alone(
      "^(delibere|decide|deliberent|apres en avoir delibere|apres deliberation|le conseil adopte)\\b");
  // "Le Conseil municipal, après en avoir délibéré, DÉCIDE : …", "… à l'unanimité décident :",
  // "Le Conseil Municipal après en avoir délibéré A l'unanimité"
  static const std::regex after_clause("[, ]\\s*(decide|delibere|decident)\\s*(:|$)");
  static const std::regex council(
      "^(le|la) (conseil|bureau|commission|assemblee)[^.]{0,60} apres en avoir delibere");
  if (folded.size() > 2000) return false;
  return std::regex_search(folded, alone) || std::regex_search(folded, after_clause) ||
         std::regex_search(folded, council);
}

std::optional<int> article_number(const std::string& folded, std::size_t* prefix_length) {
  static const std::regex article("^article\\s+([0-9]{1,3})(er)?\\s*(:|-|\\.|\xE2\x80\x93)?\\s*");
  std::smatch m;
  if (!std::regex_search(folded, m, article)) return std::nullopt;
  if (prefix_length) *prefix_length = static_cast<std::size_t>(m.length(0));
  return std::stoi(m[1].str());
}

std::size_t find_legal_part(const Paragraphs& paragraphs, std::size_t from) {
  for (std::size_t i = from; i < paragraphs.size(); ++i) {
    const std::string& f = paragraphs[i].folded;
    if (is_opener(f) || starts_with_word(f, "vu") || starts_with_word(f, "considerant") || is_hearing(f) ||
        is_decision_marker(f) || article_number(f))
      return i;
  }
  return paragraphs.size();
}

void read_legal_part(const Paragraphs& paragraphs, std::size_t from, Deliberation& out) {
  Part part = Part::Opening;
  bool decided = false, voted = false, signed_off = false;
  bool numbered_articles = false;  // "Article 1 :" read: the dispositive is in articles
  bool listed_items = false;       // the last decision was a dash item ("- d'approuver …")
  std::vector<std::string> unread;
  for (std::size_t i = from; i < paragraphs.size(); ++i) {
    const Paragraph& p = paragraphs[i];
    const std::string& f = p.folded;
    std::size_t prefix = 0;
    if (is_signature_marker(f)) {
      read_signatory(paragraphs, i, out);
      signed_off = true;
      // A vote box printed below the signature ("Adopté à l'unanimité : □ Adopté à la majorité :
      // Voix contre : 0 Abstentions : 4") offers both unanimity and majority: its counts are read,
      // and its outcome only when every option it prints says it ("Adopté … Adopté …").
      for (std::size_t k = i + 1; k < paragraphs.size(); ++k) {
        if (!is_vote_statement(paragraphs[k].folded) &&
            paragraphs[k].folded.find("abstention") == std::string::npos)
          continue;
        VoteTally counts = read_vote(paragraphs[k].folded);
        counts.unanimous.reset();
        if (counts.for_votes || counts.against || counts.abstention)
          voted = merge_vote(counts, out.vote) || voted;
      }
      break;
    }
    // Decisions without the word "Article": "1°) …", a list of dashes after "DÉCIDE :", or verbs in
    // capitals; each is kept as an article, numbered in order.
    if (!numbered_articles) {
      std::size_t item_prefix = 0;
      const std::optional<int> numbered = decided ? decision_number(f, &item_prefix) : std::nullopt;
      const bool listed =
          decided && p.bullet && (part == Part::Decision || (part == Part::Articles && listed_items));
      // "DÉCIDE :" alone is the marker, read below; "DÉCIDE que ce tarif …" is a decision too, and
      // "APPROUVE, à l'unanimité, le plan" is also the vote.
      static const std::regex marker_alone("^(decide|delibere|decident)\\s*(:|$)");
      const bool verb = opens_with_decision_verb(p) && !std::regex_search(f, marker_alone);
      if (numbered || listed || verb) {
        if (is_decision_marker(f)) decided = true;
        if (is_decision_marker(f) || is_vote_statement(f))
          voted = merge_vote(read_vote(f), out.vote) || voted;
        const int next = static_cast<int>(out.articles.size()) + 1;
        out.articles.push_back(
            Article{numbered ? *numbered : next, without_list_end(p.text.substr(item_prefix))});
        listed_items = listed;
        part = Part::Articles;
        continue;
      }
    }
    if (auto number = article_number(f, &prefix)) {
      if (!numbered_articles) out.articles.clear();  // the articles are the act's decisions
      numbered_articles = true;
      if (!decided) out.warnings.push_back(describe(p.place) + ": article before \"Délibère\"/\"DÉCIDE\"");
      const int expected = out.articles.empty() ? 1 : out.articles.back().number + 1;
      if (*number != expected)
        out.warnings.push_back(describe(p.place) + ": article " + std::to_string(*number) + " where " +
                               std::to_string(expected) + " was expected");
      out.articles.push_back(Article{*number, p.text.substr(prefix)});  // the prefix is ASCII
      part = Part::Articles;
      continue;
    }
    // The vote may also be printed between the visas and the dispositive ("LE CONSEIL MUNICIPAL,
    // APRÈS EN AVOIR DÉLIBÉRÉ, / VU … / À L'UNANIMITÉ des votants (31 voix), 8 abstentions /
    // APPROUVE …"): a paragraph that opens with the vote's words, once the council deliberates.
    // A commission's vote quoted inside a visa ("Vu l'avis … pour : 21") opens with "Vu".
    static const std::regex opens_with_vote("^(a l'unanimite|a la majorite|adopte|rejete)\\b");
    if (is_vote_statement(f) && (part == Part::Articles || part == Part::Decision || part == Part::Vote ||
                                 (decided && std::regex_search(f, opens_with_vote)))) {
      voted = merge_vote(read_vote(f), out.vote) || voted;
      part = Part::Vote;
      continue;
    }
    if (is_decision_marker(f)) {
      decided = true;
      part = Part::Decision;
      // "Le Conseil municipal, après en avoir délibéré, à l'unanimité, DÉCIDE :"
      voted = merge_vote(read_vote(f), out.vote) || voted;
      // "DÉCIDE : d'approuver …" — a decision without numbered articles is not split into any.
      static const std::regex marker_only("(delibere|decide|deliberent)\\s*:?\\s*$");
      // "DÉCIDE : - d'approuver …; - d'autoriser …": the decisions printed on the marker's line.
      static const std::regex marker_colon("\\b(decide|delibere|decident)\\s*:\\s*");
      std::smatch m;
      if (!numbered_articles && std::regex_search(f, m, marker_colon) && m.suffix().length() > 0 &&
          !std::regex_search(f, marker_only)) {
        // The same decisions in the printed text: after the colon whose folded rest is the tail.
        const std::string tail = m.suffix().str();
        std::string printed;
        for (std::size_t colon = p.text.find(':'); colon != std::string::npos && printed.empty();
             colon = p.text.find(':', colon + 1)) {
          const std::size_t start = p.text.find_first_not_of(' ', colon + 1);
          if (start != std::string::npos && fold(p.text.substr(start)) == tail)
            printed = p.text.substr(start);
        }
        if (!printed.empty()) {
          for (const std::string& item : decisions_after_marker(printed))
            if (!without_list_end(item).empty())
              out.articles.push_back(
                  Article{static_cast<int>(out.articles.size()) + 1, without_list_end(item)});
          listed_items = true;
          part = Part::Articles;
          continue;
        }
      }
      if (!std::regex_search(f, marker_only)) unread.push_back(describe(p.place));
      continue;
    }
    if (starts_with_word(f, "vu")) {
      part = Part::Visas;
      const std::string rest = after_keyword(p.text);
      if (!rest.empty()) out.visas.push_back(without_list_end(rest));
      continue;
    }
    if (starts_with_word(f, "considerant")) {
      part = Part::Considerants;
      const std::string rest = after_keyword(p.text);
      if (!rest.empty()) out.considerants.push_back(without_list_end(rest));
      continue;
    }
    if (is_opener(f)) {
      // "Le Conseil municipal, après en avoir délibéré, à l'unanimité," (then "DÉCIDE :").
      voted = merge_vote(read_vote(f), out.vote) || voted;
      continue;
    }
    if (is_hearing(f)) continue;
    if (part == Part::Visas && p.bullet) {
      out.visas.push_back(without_list_end(p.text));
    } else if (part == Part::Considerants && p.bullet) {
      out.considerants.push_back(without_list_end(p.text));
    } else if (part == Part::Articles) {
      out.articles.back().text +=
          std::string(out.articles.back().text.empty() ? "" : "\n") + (p.bullet ? "- " : "") + p.text;
    } else {
      unread.push_back(describe(p.place));
    }
  }
  for (const std::string& place : unread)
    out.warnings.push_back(place +
                           ": paragraph of the legal part not read (not a visa, considérant or article)");
  if (!decided) out.warnings.push_back("no decision marker (\"Délibère\", \"DÉCIDE\") found");
  if (out.articles.empty()) out.warnings.push_back("no article (\"Article 1 :\") found");
  if (!voted) out.warnings.push_back("no vote statement (\"… mise aux voix est adoptée\") found");
  if (!signed_off) {
    // No "Pour extrait certifié conforme": an office and its name closing the text sign it
    // ("St Michel en Brenne, le 28 janvier 2020 Le Président, Jean-Louis CAMUS").
    // The office and the name may be paragraphs of their own ("Le Maire," / "Yves LELONG"): each
    // of the last paragraphs is read joined to the ones after it.
    for (std::size_t i = paragraphs.size(); i > from && i + 3 > paragraphs.size() && !signed_off; --i) {
      std::string text = paragraphs[i - 1].text;
      for (std::size_t k = i; k < paragraphs.size(); ++k) text += " " + paragraphs[k].text;
      if (auto found = office_then_name(text.size() > 300 ? text.substr(text.size() - 300) : text)) {
        out.signatory = *found;
        signed_off = true;
      }
    }
  }
  if (!signed_off)
    out.warnings.push_back("no signature (\"Certifié Conforme\", \"Pour extrait certifié conforme\") found");
}

}  // namespace greffe::parse
