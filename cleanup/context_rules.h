// Words the lexicon cannot judge, since both readings are French: "a"/"à", "là"/"la",
// "Oui"/"Ouï", "approuve"/"approuvé". Each rule is stated here and tested; nothing else is guessed.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cleanup/lexicon.h"

namespace greffe::cleanup {

struct ContextRepair {
  std::string word;
  std::string rule;  // "a-grave", "ou", "des", "oui", "article", "letter", "participle"
};

// `word` without its punctuation; `previous` and `next` as printed (punctuation is ignored).
// Which of "a"/"à", "ou"/"où", "la"/"là", "des"/"dès" a page had is the context model's
// (context_model.h), learnt from correct French; Cleaner asks it first. What is left here for
// those words is grammar that the lexicon's morphology states for words the model never saw
// beside them, and Cleaner applies it only when the model does not clearly keep the word:
//  - "a" becomes "à" when the next word is only ever an infinitive ("a proposer": "avoir" takes
//    no bare infinitive); "à" becomes "a" before a past participle in "-é" of an "-er" verb ("à
//    débouché", "à proposé"), "à côté" excepted, and before a word that is only ever a verb form
//    in "-e" whose "-é" form is a past participle ("à approuve": both misread), before a word that
//    is only ever a past participle ("à eu", "à ouvert", "à été") and after a subject pronoun
//    ("Elle à ainsi");
//  - "où" becomes "ou" when the next word opens an alternative (son, sa, de, des, un, à, en, pour,
//    pas, a name...) and the previous one is not a place or a time ("le cas où", "là où", "d'où"):
//    a list kept because it wins on the worn test half where the model is silent;
//    and before "la", "le", "les", "une" or "l'" when the rest of the sentence holds
//    no word that can only be a conjugated verb, nor a form of "être" or "avoir": a relative
//    clause has its verb;
//  - "dés" becomes "des", and "lés" "les": dice and widths of cloth have no place in an act;
//  - "Oui" (or "Out", "Oul", no French words) before "le" is "Ouï" ("Ouï le rapport ci-dessus");
//  - "Ja", "Ia", "Ie", "Ies" are the articles "la", "le", "les" with their "l" misread;
//  - a word whose every reading is a first-person-singular verb form (never "je" in an act,
//    unless "je" precedes it) with exactly one "i" that, read as "l", gives a known word, is that
//    word ("Générai" -> "Général");
//  - a word in "-es" whose every reading is a second-person-singular verb form (an act never
//    says "tu") is the past participle in "-és" when the lexicon knows it ("confirmes");
//  - after a form of "être" or "avoir" (est, sont, été, sera, a, ont, avait, ayant...), a word
//    ending in "e" or "es" whose "é" form the lexicon knows is that past participle ("est
//    approuve" -> "est approuvé", "a sollicite" -> "a sollicité") when the word as printed cannot
//    stand there: unknown, or only ever a conjugated verb form ("est conforme", "est mise en
//    œuvre", "sont prises" stay).
// A dash standing between spaces is the en dash French prints there ("Métropole – Sous-politique");
// Tesseract reads it as an em dash "—", or as two dashes "-—". A lone hyphen "-" is left alone:
// the acts print spaced hyphens too ("A - B - C").
std::optional<std::string> spaced_dash(const std::string& token);

// A line's first token "+", "*", or one of them doubled with a speck ("«+", "+*"), is the round
// bullet "•" as Tesseract reads it: on the fixtures every "•" bullet came out so (001), while the
// "-" bullets of the other acts came out as "-"; and no act opens a line with a plus or a star.
std::optional<std::string> misread_bullet(const std::string& token);

// `rest_of_sentence`: the words after `next` up to the sentence's end, when the caller knows it.
std::optional<ContextRepair> context_repair(const std::string& previous, const std::string& word,
                                            const std::string& next, Lexicon& lexicon,
                                            const std::vector<std::string>* rest_of_sentence = nullptr);

}  // namespace greffe::cleanup
