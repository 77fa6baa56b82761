#include "pipeline/preprocess/upside_down.h"

#include <leptonica/allheaders.h>

namespace greffe::preprocess {

float up_down_confidence(const cv::Mat& binary) {
  PIX* pix = pixCreate(binary.cols, binary.rows, 1);
  if (!pix) return 0;
  l_uint32* data = pixGetData(pix);
  const int words_per_line = pixGetWpl(pix);
  for (int y = 0; y < binary.rows; ++y) {
    l_uint32* line = data + static_cast<std::size_t>(y) * words_per_line;
    const std::uint8_t* row = binary.ptr<std::uint8_t>(y);
    for (int x = 0; x < binary.cols; ++x)
      if (row[x] == 0) SET_DATA_BIT(line, x);
  }
  l_float32 confidence = 0;
  if (pixUpDownDetect(pix, &confidence, 0, 0, 0) != 0) confidence = 0;
  pixDestroy(&pix);
  return confidence;
}

}  // namespace greffe::preprocess
