// The context model of in-lexicon confusions: on a small made-up table, then, through Cleaner,
// on made-up sentences with the learnt table (cleanup/data/context.tsv): each decision, and beside
// it a sentence where the other reading is right and stays.
#include <catch2/catch.hpp>

#include "cleanup/cleanup.h"
#include "cleanup/context_model.h"

using namespace greffe::cleanup;

namespace {

// "à" is three times as frequent as "a"; "à compter" and "il y a" are seen, "la" and "là" too.
const char* kTable =
    "# made up\n"
    "S\ta\tà\n"
    "S\tla\tlà\n"
    "U\ta\t100\n"
    "U\tà\t300\n"
    "U\tla\t1000\n"
    "U\tlà\t10\n"
    "R\tà\tcompter\t40\n"
    "L\ty\ta\t30\n"
    "T\til\ta\tété\t20\n"
    "L\tpar\tlà\t5\n"
    "L\tpar\tla\t20\n"
    "R\tlà\t,\t6\n"
    "R\tla\tformation\t9\n"
    "bad row\n";

}  // namespace

TEST_CASE("the context model reads its table") {
  const ContextModel model = ContextModel::parse(kTable);
  CHECK(model.confusable("a"));
  CHECK(model.confusable("là"));
  CHECK_FALSE(model.confusable("ou"));
  CHECK(model.size() == 11);
  CHECK(ContextModel::load("/nonexistent/context.tsv").error().message.find("context model") !=
        std::string::npos);
}

TEST_CASE("the context model's keys") {
  CHECK(ContextModel::left_key("Conformément") == "conformément");
  CHECK(ContextModel::left_key("délibération,") == ",");
  CHECK(ContextModel::left_key("(voir") == "voir");
  CHECK(ContextModel::left_key("l’article") == "l'article");
  CHECK(ContextModel::left_key("2023") == "0");
  CHECK(ContextModel::left_key("") == "");
  CHECK(ContextModel::right_key("compter,") == "compter");
  CHECK(ContextModel::right_key("«") == "«");
  CHECK(ContextModel::right_key("(art.") == "(");
}

TEST_CASE("the context model decides by the neighbours' log-odds with a margin") {
  const ContextModel model = ContextModel::parse(kTable);
  auto decided = [&](const char* left, const char* word, const char* right) {
    auto decision = model.decide(word, left, right, 1.0, 0.0);
    return decision ? decision->word : std::string(word);
  };
  CHECK(decided("", "a", "compter") == "à");  // the right neighbour alone
  CHECK(decided("y", "à", "") == "a");        // the left one alone
  CHECK(decided("il", "à", "été") == "a");    // both
  CHECK(decided("il", "a", "été") == "a");    // the other reading is right: it stays
  CHECK(decided("", "à", "compter") == "à");
  CHECK(decided("de", "là", "formation") == "la");
  CHECK(decided("par", "là", ",") == "là");
  // Nothing known around the word: the prior alone would unmake the rarer reading ("là" is a
  // hundred times rarer than "la"), but no neighbour speaks for it, so it stays.
  CHECK(decided("", "là", "") == "là");
  CHECK(decided("xyz", "là", "abc") == "là");
  CHECK(decided("", "a", "") == "a");
  // The score is the log-odds of the reading over the printed word.
  auto score = model.best_other("a", "", "compter");
  REQUIRE(score);
  CHECK(score->score > 2);
  CHECK(model.best_other("ou", "", "") == std::nullopt);
}

// With the learnt table (cleanup/data/context.tsv) and cleanup's margins, on made-up sentences:
// each change, and beside it the other reading where it is right, which stays.
TEST_CASE("cleanup decides the confusable words by the learnt context model") {
  auto cleaner = Cleaner::create({});
  REQUIRE(cleaner);
  auto clean = [&](const std::string& line) {
    CleanDocument document;
    std::string text = (*cleaner)->clean_page(line + "\n", 1, document);
    while (!text.empty() && text.back() == '\n') text.pop_back();
    return text;
  };
  CHECK(clean("Les frais sont payés conformément a l'article 5.") ==
        "Les frais sont payés conformément à l'article 5.");
  CHECK(clean("La commune a été saisie.") == "La commune a été saisie.");
  CHECK(clean("La ville a la charge de la voirie.") == "La ville a la charge de la voirie.");
  CHECK(clean("Une aide à la commune et à la ville.") == "Une aide à la commune et à la ville.");
  CHECK(clean("Il reste dans là limite des crédits.") == "Il reste dans la limite des crédits.");
  CHECK(clean("Il est passé par là, dit-il.") == "Il est passé par là, dit-il.");
  CHECK(clean("Le vote oui où non du conseil.") == "Le vote oui ou non du conseil.");
  CHECK(clean("Lors dès élections municipales.") == "Lors des élections municipales.");
  CHECK(clean("Il part dès lors que la séance est levée.") == "Il part dès lors que la séance est levée.");
  // "où" after a place or a time stays: the model keeps it, and so does the grammar rule.
  CHECK(clean("Dans le cas où la subvention non versée.") == "Dans le cas où la subvention non versée.");
  // "A" is never made "À": capitals drop their accents.
  CHECK(clean("A compter du 1er janvier.") == "A compter du 1er janvier.");
  // Every change is logged with its rule and log-odds.
  CleanDocument document;
  (*cleaner)->clean_page("Lors dès élections municipales.\n", 1, document);
  REQUIRE(document.changes.size() == 1);
  CHECK(document.changes[0].rule == "context");
  CHECK(document.changes[0].before == "dès");
  REQUIRE(document.changes[0].score);
  CHECK(*document.changes[0].score > 5);
}
