// One Tesseract engine: initialised once per worker thread, reused page after page.
// Results are copied into models/ types before the engine is cleared for the next page.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "models/error.h"
#include "models/page.h"
#include "models/raster.h"

namespace tesseract {
class TessBaseAPI;
}

namespace greffe::ocr {

struct Options {
  std::string language = "fra";
  std::string tessdata;  // folder holding <language>.traineddata; empty: Tesseract's default
  // Recognition time allowed per page (Tesseract's own deadline); 0: none. A page past it fails
  // with LimitExceeded instead of holding a worker for ever.
  int page_timeout_ms = 0;
};

struct Orientation {
  int degrees = 0;  // clockwise turn the page has (0, 90, 180, 270)
  float confidence = 0;  // Tesseract's OSD confidence; 0 when it could not tell
};

class Engine {
 public:
  // Loads the language and osd. Fails with MissingDependency if a model is absent.
  static Expected<std::unique_ptr<Engine>> create(const Options& options);
  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  // Tesseract's orientation detection (OSD) on a clean, binarized page. It looks at half the
  // resolution: the verdict is the same and the layout pass four times cheaper.
  Orientation detect_orientation(const Raster& page);

  // How the engine reads one line of `page` (its box, a little margin added) as it is, turned
  // 180° or mirrored left to right: its mean confidence, 0..100. A line of upside-down print or of
  // show-through from the back of the sheet reads far better turned or mirrored than as it is.
  enum class LineView { AsIs, Turned, Mirrored };
  float line_confidence(const Raster& page, const Box& line, LineView view);

  // Recognises an upright page, or only `area` of it (word boxes stay in the page's pixels). The
  // raster is read in place, not copied.
  Expected<OcrPage> recognize(const Raster& page, const Box* area = nullptr);

 private:
  Engine();
  std::unique_ptr<tesseract::TessBaseAPI> text_;
  std::unique_ptr<tesseract::TessBaseAPI> osd_;
  int page_timeout_ms_ = 0;
};

// The first engine, made before any worker starts: Tesseract's own multi-line complaints about a
// missing model are kept off stderr (process-wide, hence only then), and the error says how to
// install the model. Later engines use Engine::create.
Expected<std::unique_ptr<Engine>> create_first_engine(const Options& options);

std::string tesseract_version();

}  // namespace greffe::ocr
