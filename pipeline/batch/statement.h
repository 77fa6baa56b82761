// A prepared SQLite statement that finalizes itself: the catalog (pipeline/batch/catalog.cpp) and
// the full-text search (pipeline/search/search.cpp) both read and write the catalog through it.
#pragma once

#include <sqlite3.h>

#include <string>

namespace greffe::batch {

class Statement {
 public:
  Statement(sqlite3* db, const std::string& sql) {
    sqlite3_prepare_v2(db, sql.c_str(), -1, &statement_, nullptr);
  }
  ~Statement() { sqlite3_finalize(statement_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  explicit operator bool() const { return statement_ != nullptr; }

  Statement& text(int index, const std::string& value) {
    if (value.empty())
      sqlite3_bind_null(statement_, index);  // NULL: what SQL users test for
    else
      sqlite3_bind_text(statement_, index, value.c_str(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Statement& integer(int index, long long value) {
    sqlite3_bind_int64(statement_, index, value);
    return *this;
  }
  Statement& real(int index, double value) {
    sqlite3_bind_double(statement_, index, value);
    return *this;
  }
  int step() { return sqlite3_step(statement_); }
  // Ready to step again with new bindings (a statement prepared once, run per row).
  void reset() { sqlite3_reset(statement_); }
  std::string column_text(int index) {
    const unsigned char* value = sqlite3_column_text(statement_, index);
    return value ? reinterpret_cast<const char*>(value) : "";
  }
  long long column_integer(int index) { return sqlite3_column_int64(statement_, index); }
  sqlite3_stmt* raw() { return statement_; }

 private:
  sqlite3_stmt* statement_ = nullptr;
};

}  // namespace greffe::batch
