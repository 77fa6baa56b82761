#pragma once
// Reading the tab-separated tables of cleanup/data (confusions, frequencies, the context model).

#include <optional>
#include <string>
#include <vector>

namespace greffe::cleanup {

// The whole file, or nothing when it cannot be read.
std::optional<std::string> read_data_file(const std::string& path);

// A line's tab-separated fields (a carriage return dropped); one empty field for an empty line.
std::vector<std::string> tab_fields(const std::string& line);

}  // namespace greffe::cleanup
