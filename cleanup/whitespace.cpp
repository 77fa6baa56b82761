#include "cleanup/whitespace.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <vector>

namespace greffe::cleanup {

namespace {

// Tesseract emits decomposed accents now and then ("e" + U+0301); NFC makes "é" one code point,
// so that search and comparison see one word.
icu::UnicodeString nfc(std::string_view text) {
  icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), text.size()));
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* normalizer = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return unicode;
  icu::UnicodeString normalized = normalizer->normalize(unicode, status);
  return U_SUCCESS(status) ? normalized : unicode;
}

bool is_line_break(UChar32 c) {
  return c == '\n' || c == 0x2028 || c == 0x2029 || c == 0x0B;
}

}  // namespace

std::string normalize_whitespace(std::string_view text) {
  icu::UnicodeString unicode = nfc(text);

  // Split into lines, collapsing horizontal whitespace (tabs, no-break spaces, ...) to one space.
  std::vector<icu::UnicodeString> lines(1);
  bool pending_space = false;
  for (int32_t i = 0; i < unicode.length();) {
    UChar32 c = unicode.char32At(i);
    i += U16_LENGTH(c);
    if (c == '\r') continue;
    if (is_line_break(c)) {
      lines.emplace_back();
      pending_space = false;
    } else if (u_isUWhiteSpace(c) || c == 0x00A0 || c == '\f') {
      pending_space = !lines.back().isEmpty();
    } else {
      if (pending_space) lines.back().append(UChar32(' '));
      lines.back().append(c);
      pending_space = false;
    }
  }

  // Keep paragraph breaks (one empty line), drop leading and trailing empty lines.
  std::string out;
  bool blank_pending = false;
  for (const icu::UnicodeString& line : lines) {
    if (line.isEmpty()) {
      blank_pending = !out.empty();
      continue;
    }
    if (!out.empty()) out += blank_pending ? "\n\n" : "\n";
    line.toUTF8String(out);
    blank_pending = false;
  }
  if (!out.empty()) out += '\n';
  return out;
}

}  // namespace greffe::cleanup
