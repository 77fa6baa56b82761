#include <catch2/catch.hpp>

#include "models/error.h"

using namespace greffe;

TEST_CASE("errors map to the exit codes of docs/design/cli.md") {
  CHECK(exit_code(ErrorKind::BadArguments) == 1);
  CHECK(exit_code(ErrorKind::UnreadableInput) == 2);
  CHECK(exit_code(ErrorKind::MissingDependency) == 3);
  CHECK(exit_code(ErrorKind::DocumentsFailed) == 4);
  CHECK(exit_code(ErrorKind::OutputNotWritable) == 5);
  CHECK(exit_code(ErrorKind::LimitExceeded) == 6);
  CHECK(exit_code(ErrorKind::EncryptedPdf) == 8);
  CHECK(exit_code(ErrorKind::Internal) == 15);
  CHECK(exit_code(ErrorKind::Interrupted) == 130);
}

TEST_CASE("an error prints as one line naming the input and page") {
  SECTION("with input and page") {
    Error error{ErrorKind::UnreadableInput, "scan.tif", 3, "cannot decode the image\n"};
    CHECK(error.to_line() == "greffe: scan.tif: page 3: cannot decode the image");
  }
  SECTION("a multi-line library message becomes one line") {
    Error error{ErrorKind::Internal, "", 0, "first\nsecond"};
    CHECK(error.to_line() == "greffe: first second");
  }
}

TEST_CASE("Expected holds a value or an error") {
  Expected<int> good = 4;
  REQUIRE(good);
  CHECK(*good == 4);
  Expected<int> bad = Error{ErrorKind::EncryptedPdf, "a.pdf", 0, "locked"};
  REQUIRE_FALSE(bad);
  CHECK(bad.error().kind == ErrorKind::EncryptedPdf);
}
