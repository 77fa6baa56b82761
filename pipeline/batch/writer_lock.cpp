#include "pipeline/batch/writer_lock.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>

namespace greffe::batch {

namespace {

std::string holder_text(int fd) {
  char text[256] = {};
  const ssize_t n = pread(fd, text, sizeof text - 1, 0);
  std::string holder(text, n > 0 ? static_cast<std::size_t>(n) : 0);
  while (!holder.empty() && (holder.back() == '\n' || holder.back() == '\0')) holder.pop_back();
  return holder.find('\n') == std::string::npos ? holder : std::string();
}

}  // namespace

Expected<WriterLock> WriterLock::acquire(const std::filesystem::path& out, const std::string& command,
                                         bool& busy) {
  busy = false;
  const auto file = out / ".greffe-writer.lock";
  const int fd = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0)
    return Error{ErrorKind::OutputNotWritable, out.string(), 0,
                 std::string("cannot open its writer lock: ") + std::strerror(errno)};
  // Open file description locks: held by this open file, not by the process, so that no other
  // descriptor of the same file closed elsewhere in the process drops them; released by the kernel
  // when the process ends however it ends.
  struct flock lock {};
  lock.l_type = F_WRLCK;
  lock.l_whence = SEEK_SET;
  if (fcntl(fd, F_OFD_SETLK, &lock) != 0) {
    const int why = errno;
    std::string holder = why == EAGAIN || why == EACCES ? holder_text(fd) : "";
    ::close(fd);
    if (why == EAGAIN || why == EACCES) {
      busy = true;
      return Error{ErrorKind::BadArguments, out.string(), 0,
                   "another writer holds this output folder (" +
                       (holder.empty() ? std::string("unknown") : holder) +
                       "); wait for it to end, or give another -o"};
    }
    return Error{ErrorKind::OutputNotWritable, out.string(), 0,
                 std::string("cannot lock it: ") + std::strerror(why)};
  }
  char host[128] = {};
  gethostname(host, sizeof host - 1);
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char since[32];
  std::strftime(since, sizeof since, "%Y-%m-%dT%H:%M:%SZ", &utc);
  const std::string holder =
      command + ", pid " + std::to_string(getpid()) + " on " + host + " since " + since + "\n";
  if (ftruncate(fd, 0) == 0 && pwrite(fd, holder.data(), holder.size(), 0) < 0) {
    // The holder's name is for messages only: the lock itself is taken.
  }
  return WriterLock(fd);
}

WriterLock::~WriterLock() {
  if (fd_ >= 0) ::close(fd_);  // closing the last descriptor releases the lock
}

}  // namespace greffe::batch
