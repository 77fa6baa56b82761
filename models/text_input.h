// Whether bytes given as text (to `greffe clean`, `greffe parse`) are text the stages can read:
// well-formed UTF-8 without NUL bytes. OCR output and PDF text layers are UTF-8 by construction;
// a file from an archive may be Latin-1, UTF-16 or binary, and gets a clear refusal instead of
// garbled output.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace greffe {

// Offset of the first byte that is not part of well-formed UTF-8 (RFC 3629: no overlong forms,
// no surrogates, nothing above U+10FFFF, no sequence cut short), or nullopt when all of it is.
std::optional<std::size_t> invalid_utf8_offset(std::string_view text);

// Why `text` is not readable text, in words for a one-line error ("not UTF-8 text: byte 0xE9 at
// offset 12 (Latin-1? convert it with iconv -f latin1 -t utf-8)"), or nullopt when it is.
std::optional<std::string> not_text_reason(std::string_view text);

}  // namespace greffe
