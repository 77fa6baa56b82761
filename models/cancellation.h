// A request to stop a run, made by whoever started it (the command, on Ctrl-C or SIGTERM) and
// honoured by the library: no new page starts once it is set, and what was finished is kept.
// A run that must stop on its own (the batch, when its catalog can no longer record) makes a
// child token, so that its own stop does not pass for the user's.
#pragma once

#include <atomic>

namespace greffe {

class Cancellation {
 public:
  Cancellation() = default;
  explicit Cancellation(const Cancellation* parent) : parent_(parent) {}
  Cancellation(const Cancellation&) = delete;
  Cancellation& operator=(const Cancellation&) = delete;

  // Safe from a signal handler: a lock-free atomic store.
  void request() noexcept { requested_.store(true, std::memory_order_relaxed); }
  bool requested() const noexcept {
    return requested_.load(std::memory_order_relaxed) || (parent_ && parent_->requested());
  }

 private:
  static_assert(std::atomic<bool>::is_always_lock_free, "request() is called from signal handlers");
  std::atomic<bool> requested_{false};
  const Cancellation* parent_ = nullptr;
};

}  // namespace greffe
