// The general corrector on small made-up tables: candidates from learnt confusions, ranked by
// frequency and channel probability, a change only for an unknown word with a clear winner.
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "cleanup/cleanup.h"
#include "cleanup/corrector.h"

using namespace greffe::cleanup;

namespace {

Lexicon& french() {
  static std::unique_ptr<Lexicon> lexicon = std::move(Lexicon::load("/usr/share/hunspell/fr").value());
  return *lexicon;
}

// The engine prints "v" for "y" often, "rn" for "m" now and then, "I'" for "l'", "e" for "é",
// "c" for "e" rarely.
const char* kConfusions =
    "# truth\tengine\tcount\ttruth_total\n"
    "y\tv\t30\t100\n"
    "m\trn\t5\t200\n"
    "l'\tI'\t20\t100\n"
    "é\te\t50\t1000\n"
    "è\te\t10\t100\n"
    "e\tc\t2\t5000\n"
    "É\tE\t10\t80\n"
    ".\t\t7\t346\n"
    "r\t\t3\t400\n"
    "\ti\t3\t10000\n"
    "bad row\n";

const char* kFrequencies =
    "# word\tcount\n"
    "de\t1000\n"
    "type\t40\n"
    "moyens\t30\n"
    "l'\t500\n"
    "accès\t20\n"
    "commissaire\t10\n"
    "dynamiser\t5\n"
    "été\t50\n"
    "école\t30\n";

Corrector corrector() {
  return Corrector(ConfusionTable::parse(kConfusions), WordFrequencies::parse(kFrequencies));
}

}  // namespace

TEST_CASE("the tables are read from their formats, comments and bad rows skipped") {
  const ConfusionTable table = ConfusionTable::parse(kConfusions);
  CHECK(table.size() == 10);
  CHECK(table.longest_engine() == 2);
  REQUIRE(table.readings_of("v").size() == 1);
  CHECK(table.readings_of("v")[0].truth == "y");
  CHECK(table.readings_of("v")[0].log_probability < 0);
  CHECK(table.readings_of("x").empty());
  const WordFrequencies frequencies = WordFrequencies::parse(kFrequencies);
  CHECK(frequencies.size() == 9);
  CHECK(frequencies.has("Type"));  // looked up in lower case
  CHECK(frequencies.log_probability("de") > frequencies.log_probability("type"));
  CHECK(frequencies.log_probability("zzz") < frequencies.log_probability("dynamiser"));
  // An elided word is its article and its word.
  CHECK(frequencies.log_probability("l’accès") > frequencies.log_probability("zzz"));
  CHECK_FALSE(ConfusionTable::load("/nonexistent/confusions.tsv"));
}

TEST_CASE("the corrector repairs the confusions it learnt, one or two in a word") {
  const Corrector model = corrector();
  auto corrected = [&](const char* word) {
    auto correction = model.correct(word, french());
    return correction ? correction->word : std::string(word);
  };
  CHECK(corrected("tvpe") == "type");
  CHECK(corrected("movens") == "moyens");
  CHECK(corrected("dvnamiser") == "dynamiser");
  CHECK(corrected("I'accès") == "l'accès");
  CHECK(corrected("I'acces") == "l'accès");            // two confusions, a word of the frequency list
  CHECK(corrected("pemettre") == "permettre");         // a letter lost inside the word
  CHECK(corrected("Conunissaire") == "Conunissaire");  // "nn"/"un" for "m" is not in this table
}

TEST_CASE("the corrector leaves known words, numbers and unreachable words alone") {
  const Corrector model = corrector();
  CHECK_FALSE(model.correct("type", french()));  // French as printed
  CHECK_FALSE(model.correct("conforme", french()));
  CHECK_FALSE(model.correct("2021", french()));
  CHECK_FALSE(model.correct("xqzw", french()));
  CHECK_FALSE(model.correct("Ecole", french()));  // capitals are printed without accents
  CHECK_FALSE(model.correct("ation", french()));  // a piece of a cut word: no letter lost at its ends
  for (const Correction& candidate : model.candidates("labelisées", french()))
    CHECK(candidate.word.find('.') == std::string::npos);  // a stop inside a word makes two words
  // Every change has its score: log P(word) + log P(printed | word).
  const auto correction = model.correct("tvpe", french());
  REQUIRE(correction);
  CHECK(correction->score < 0);
  CHECK(correction->margin >= 2.0);
}

TEST_CASE("the corrector leaves a participle made of a known stem, not a misread word ending so") {
  // The engine adds an "é" now and then, and "i" often.
  const Corrector model(ConfusionTable::parse("\té\t5\t10000\n\ti\t20\t10000\n"),
                        WordFrequencies::parse("mentors\t10\nadopté\t10\n"));
  CHECK_FALSE(model.correct("mentorés", french()));  // mentor -> mentorer: French the lexicon lacks
  CHECK_FALSE(model.correct("mentorée", french()));
  const auto adopted = model.correct("adoptié", french());  // "adopti" is no word: a speck
  REQUIRE(adopted);
  CHECK(adopted->word == "adopté");
}

TEST_CASE("a long garbled word costs the corrector a bounded search") {
  // Every pair of this table's single confusions on 60 characters would be some 40,000 spellings
  // looked up; the pairs are made of the 64 likeliest only.
  const Corrector model = corrector();
  const std::string garbled(60, 'v');
  const auto found = model.candidates(garbled, french());
  CHECK(found.empty());
  CHECK(model.candidates("I'acces", french()).front().word == "l'accès");  // two confusions still
}

TEST_CASE("cleanup logs the corrector's changes with their score, and works without its tables") {
  Options without;
  without.corrector = true;
  without.confusions = "/nonexistent/confusions.tsv";
  auto plain = Cleaner::create(without);
  REQUIRE(plain);
  CleanDocument document;
  CHECK((*plain)->clean_page("Le tvpe de projet est retenu.\n", 1, document) ==
        "Le tvpe de projet est retenu.\n");
  CHECK(changes_jsonl({{1, 2, "corrector", "tvpe", "type", -7.25}}) ==
        "{\"after\":\"type\",\"before\":\"tvpe\",\"line\":2,\"page\":1,\"rule\":\"corrector\",\"score\":-7."
        "25}\n");
  CHECK(changes_jsonl({{1, 2, "accent", "Meétropole", "Métropole", std::nullopt}}).find("score") ==
        std::string::npos);
}

TEST_CASE("with its tables, cleanup runs the corrector after the hand-written repairs, on French lines") {
  const std::string folder = std::filesystem::temp_directory_path().string();
  const std::string confusions = folder + "/greffe-corrector-test-confusions.tsv";
  const std::string frequencies = folder + "/greffe-corrector-test-frequencies.tsv";
  std::ofstream(confusions) << kConfusions;
  std::ofstream(frequencies) << kFrequencies;
  Options options;
  options.corrector = true;
  options.confusions = confusions;
  options.frequencies = frequencies;
  auto cleaner = Cleaner::create(options);
  REQUIRE(cleaner);
  CleanDocument document;
  CHECK((*cleaner)->clean_page("Le tvpe de projet est retenu.\n", 1, document) ==
        "Le type de projet est retenu.\n");
  REQUIRE(document.changes.size() == 1);
  CHECK(document.changes[0].rule == "corrector");
  CHECK(document.changes[0].score);
  // A capitalised word inside a sentence is a name, left as printed; at a sentence's start it is
  // a word like any other.
  CHECK((*cleaner)->clean_page("Le projet Dvnamiser est retenu.\n", 1, document) ==
        "Le projet Dvnamiser est retenu.\n");
  CHECK((*cleaner)->clean_page("Tvpe de projet.\n", 1, document) == "Type de projet.\n");
  std::remove(confusions.c_str());
  std::remove(frequencies.c_str());
}

TEST_CASE("the corrector leaves capitals printed bare and acronyms after an elision") {
  // With the project's learnt tables: on real scans "Etat" went to "Plat", "Etaient" to "t'aient",
  // "l'EPCI" to "l'PC" and "l’Ecu" to "l’Écu"; French prints capitals without their accents.
  Options options;
  options.corrector = true;
  auto cleaner = Cleaner::create(options);
  REQUIRE(cleaner);
  CleanDocument document;
  const std::string text = "Etaient présents les membres.\n\nEtat des lieux.\n\nVu l'EPCI et l’Ecu.\n";
  CHECK((*cleaner)->clean_page(text, 1, document) == text);
}
