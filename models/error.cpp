#include "models/error.h"

namespace greffe {

std::string Error::to_line() const {
  std::string line = "greffe: ";
  if (!input.empty()) line += input + ": ";
  if (page > 0) line += "page " + std::to_string(page) + ": ";
  line += message;
  // One line, whatever the message carries (library messages sometimes end in newlines).
  for (char& c : line)
    if (c == '\n' || c == '\r') c = ' ';
  while (!line.empty() && line.back() == ' ') line.pop_back();
  return line;
}

int exit_code(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::BadArguments: return 1;
    case ErrorKind::UnreadableInput: return 2;
    case ErrorKind::MissingDependency: return 3;
    case ErrorKind::DocumentsFailed: return 4;
    case ErrorKind::OutputNotWritable: return 5;
    case ErrorKind::LimitExceeded: return 6;
    case ErrorKind::EncryptedPdf: return 8;
    case ErrorKind::Internal: return 15;
    case ErrorKind::Interrupted: return 130;
  }
  return 15;
}

const char* kind_name(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::BadArguments: return "bad-arguments";
    case ErrorKind::UnreadableInput: return "unreadable";
    case ErrorKind::MissingDependency: return "missing-dependency";
    case ErrorKind::DocumentsFailed: return "documents-failed";
    case ErrorKind::OutputNotWritable: return "output-not-writable";
    case ErrorKind::LimitExceeded: return "limit";
    case ErrorKind::EncryptedPdf: return "encrypted";
    case ErrorKind::Internal: return "internal";
    case ErrorKind::Interrupted: return "interrupted";
  }
  return "internal";
}

}  // namespace greffe
