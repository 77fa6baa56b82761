#include "cleanup/preposition.h"

#include <set>

namespace greffe::cleanup {

namespace {

std::string without_edge_punctuation(std::string word) {
  while (!word.empty() && std::string(",.;:!?()«»\"").find(word.back()) != std::string::npos) word.pop_back();
  while (!word.empty() && std::string("(«\"").find(word.front()) != std::string::npos) word.erase(0, 1);
  return word;
}

}  // namespace

bool is_preposition_a(const std::string& previous_word, const std::string& next_word) {
  // Words that follow "à" and never the verb "a" in these acts.
  static const std::set<std::string> after = {
      "compter", "hauteur", "titre", "savoir", "partir", "travers", "destination", "condition",
      "proximité", "laquelle", "lequel", "lesquels", "lesquelles", "l'unanimité", "l’unanimité",
      "l'égard", "l’égard", "l'exception", "l’exception", "l'issue", "l’issue", "l'occasion",
      "l’occasion", "l'initiative", "l’initiative"};
  // Words that govern "à" and never come before the verb.
  static const std::set<std::string> before = {
      "conformément", "grâce", "relatif", "relative", "relatifs", "relatives", "quant", "face",
      "jusqu'", "jusqu’", "afférent", "afférente", "afférents", "afférentes", "destinée", "destiné",
      "destinés", "destinées", "attribuée", "attribué", "attribués", "attribuées", "accordée", "accordé",
      "versée", "versé", "consacrée", "consacré", "dédiée", "dédié", "inférieur", "supérieur", "égal",
      "égale", "correspondant", "correspondante", "participer", "autorisé", "autorisée", "autorisés",
      "habilité", "habilitée", "renvoie", "procéder"};
  return after.count(without_edge_punctuation(next_word)) > 0 ||
         before.count(without_edge_punctuation(previous_word)) > 0;
}

}  // namespace greffe::cleanup
