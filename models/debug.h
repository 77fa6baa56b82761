// The debug sink: what a stage shows of its work on one page when `--debug` asks for it. A stage
// given a null sink computes and writes nothing for it (ScanTailor's `if (m_dbg) m_dbg->add(img,
// "bw_rotated")`); pipeline/debug/ keeps the images and builds the viewer from them.
#pragma once

#include <string_view>

#include "models/raster.h"

namespace greffe {

class DebugSink {
 public:
  virtual ~DebugSink() = default;

  // The page as it is after a stage. `stage` names the file ("deskew": 0001_deskew.png), and is
  // a short lower-case word; `label` is what a person reads ("deskewed by 1.52°"). The page's
  // last image is the one the engine read: its word boxes are drawn over it.
  virtual void add_image(std::string_view stage, std::string_view label, const Raster& image) = 0;

  // A note about the page from a stage ("bilevel scan: specks removed after thresholding").
  virtual void add_text(std::string_view stage, std::string_view text) = 0;
};

}  // namespace greffe
