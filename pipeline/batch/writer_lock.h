// One writer per output folder: `greffe batch` and `greffe merge` hold OUT/.greffe-writer.lock
// (an fcntl lock, which the kernel or the NFS lock manager drops when the process dies, kill -9
// included) for as long as they write OUT. A second writer is refused at once (docs/batch.md).
#pragma once

#include <filesystem>
#include <string>

#include "models/error.h"

namespace greffe::batch {

// The exit status of a writer refused because another holds the folder (docs/design/cli.md).
constexpr int kExitOutputBusy = 7;

class WriterLock {
 public:
  // Takes the lock at once or says who holds it; `command` ("greffe batch") is written into the
  // lock file for the next writer's message. `busy` is set when another process holds it.
  static Expected<WriterLock> acquire(const std::filesystem::path& out, const std::string& command,
                                      bool& busy);
  WriterLock(WriterLock&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
  WriterLock& operator=(WriterLock&&) = delete;
  WriterLock(const WriterLock&) = delete;
  ~WriterLock();

 private:
  explicit WriterLock(int fd) : fd_(fd) {}
  int fd_ = -1;
};

}  // namespace greffe::batch
