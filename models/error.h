// The one error type of greffe: what went wrong, with which input and page, and the exit
// code it maps to (docs/design/cli.md). Stages return Expected<T> instead of throwing.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace greffe {

enum class ErrorKind {
  BadArguments,       // exit 1
  UnreadableInput,    // exit 2: corrupt, empty, truncated, not a PDF or image
  MissingDependency,  // exit 3: e.g. no fra.traineddata
  DocumentsFailed,    // exit 4: a batch finished, but some of its documents failed (each recorded)
  OutputNotWritable,  // exit 5
  LimitExceeded,      // exit 6: page too large, OCR timeout
  EncryptedPdf,       // exit 8
  Internal,           // exit 15
  Interrupted,        // exit 130
};

struct Error {
  ErrorKind kind = ErrorKind::Internal;
  std::string input;  // file the error is about, empty when none
  int page = 0;       // 1-based page, 0 when the error is about the whole input
  std::string message;

  // "greffe: <input>: page N: <message>", one line.
  std::string to_line() const;
};

int exit_code(ErrorKind kind);

// A short stable name for catalogs and reports: "unreadable", "encrypted", "limit", ...
const char* kind_name(ErrorKind kind);

// A value or the Error that prevented it (in the spirit of LLVM's Expected<T>).
template <typename T>
class [[nodiscard]] Expected {
 public:
  Expected(T value) : state_(std::move(value)) {}
  Expected(Error error) : state_(std::move(error)) {}

  explicit operator bool() const { return std::holds_alternative<T>(state_); }
  T& value() { return std::get<T>(state_); }
  const T& value() const { return std::get<T>(state_); }
  T& operator*() { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  const T& operator*() const { return value(); }
  const Error& error() const { return std::get<Error>(state_); }

 private:
  std::variant<T, Error> state_;
};

}  // namespace greffe
