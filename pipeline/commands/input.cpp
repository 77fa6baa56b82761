#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "pipeline/commands/commands.h"

namespace greffe::commands {

std::optional<std::string> read_input(const std::string& path) {
  if (path.empty() || path == "-")
    return std::string(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  std::ifstream file(path, std::ios::binary);
  if (!file) return std::nullopt;
  std::ostringstream content;
  content << file.rdbuf();
  if (file.bad()) return std::nullopt;
  return content.str();
}

}  // namespace greffe::commands
