// Dates as French registers print them — "18 février 2021", "1er mars 2021", "18 Fevrier 2021",
// "19/12/2023", "2021-02-18" — found in text and given as ISO 8601 (YYYY-MM-DD).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace greffe::cleanup {

struct FoundDate {
  std::string iso;           // "2021-02-18"
  std::size_t position = 0;  // byte offset of the date in the text
  std::size_t length = 0;    // its length in bytes
};

// The first valid date in `text`, or nothing. Month names match with or without accents and in
// any case ("février", "Fevrier", "FÉVRIER"); the day may be "1er". Impossible dates (31/02) are skipped.
std::optional<FoundDate> find_french_date(std::string_view text);

}  // namespace greffe::cleanup
