#include "cleanup/measured.h"

namespace greffe::cleanup {

std::optional<MeasuredReading> measured_reading(const Word& word) {
  if (word.en_dash && word.text == "-") return MeasuredReading{"–", "dash"};
  if (word.full_stops >= 2) {
    const std::size_t letters = word.text.find_last_not_of('.') + 1;  // npos + 1 == 0: all stops
    const std::size_t stops = word.text.size() - letters;
    if (stops >= 2 && stops != static_cast<std::size_t>(word.full_stops))
      return MeasuredReading{word.text.substr(0, letters) + std::string(word.full_stops, '.'), "stops"};
  }
  return std::nullopt;
}

}  // namespace greffe::cleanup
