// Pages of every small size, down to 1 x 1 pixel (a thumbnail, a placeholder, a bad crop), go
// through preprocessing without an exception: an archive's image can be any size, and the
// steps are written for pages (a quarter-size copy of the page, a deskew search, a border scan).
#include <catch2/catch.hpp>

#include "pipeline/preprocess/preprocess.h"

using namespace greffe;

TEST_CASE("preprocessing takes pages of any small size, blank or inked, at any dpi", "[bad][preprocess]") {
  const int dpi = GENERATE(72, 150, 300);
  for (int width = 1; width <= 40; width += (width < 12 ? 1 : 7)) {
    for (int height = 1; height <= 40; height += (height < 12 ? 1 : 7)) {
      for (const bool inked : {false, true}) {
        Raster page(width, height, dpi);
        if (inked)  // a dark bar across the middle, and a dark corner as a border would be
          for (int y = 0; y < height; ++y)
            for (int x = 0; x < width; ++x)
              if (y == height / 2 || (x < 2 && y < 2))
                page.pixels[static_cast<std::size_t>(y) * width + x] = 0;
        INFO(width << " x " << height << " at " << dpi << " dpi, " << (inked ? "inked" : "blank"));
        preprocess::Result result;
        CHECK_NOTHROW(result = preprocess::run({}, page));
        CHECK(result.image.pixels.size() ==
              static_cast<std::size_t>(result.image.width) * result.image.height);
        CHECK_FALSE(result.image.empty());
      }
    }
  }
}
