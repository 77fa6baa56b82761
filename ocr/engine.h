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

// The project-local folder where scripts/setup installs the integerised "best" French model.
std::string best_model_folder();

struct Options {
  std::string language = "fra";
  std::string tessdata;  // folder holding <language>.traineddata; empty: best_tessdata if asked for, else
                         // Tesseract's default
  // Where the best model is looked for; empty: not asked for (greffe --model best sets it).
  // Not the default yet: it reads the worn test pages with 22% fewer word errors, but the
  // fixtures' ceilings and golden fields were set on the fast model's output and three of their
  // checks get worse (docs/results-cleanup.md); the switch waits for cleanup's rework (issue 18).
  std::string best_tessdata;
  // Recognition time allowed per page (Tesseract's own deadline); 0: none. A page past it fails
  // with LimitExceeded instead of holding a worker for ever.
  int page_timeout_ms = 0;
};

// Which traineddata folder reads the text. With no --tessdata and a best_tessdata asked for, the
// integerised "best" model (tessdata_best, as npm's @tesseract.js-data/fra ships it) is used when
// every language of the run has a model there; otherwise Tesseract's default folder (Debian's
// "fast" models), with a warning when French is the language that lacks its best model.
struct ModelChoice {
  std::string folder;   // empty: Tesseract's default folder
  std::string label;    // for report.json: "fra best_int", "fra default", "fra from DIR"
  std::string warning;  // one line for the user, or empty
};
ModelChoice choose_model(const Options& options);

struct Orientation {
  int degrees = 0;       // clockwise turn the page has (0, 90, 180, 270)
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

  // Which model reads the text (ModelChoice::label).
  const std::string& model() const { return model_; }

 private:
  Engine();
  std::unique_ptr<tesseract::TessBaseAPI> text_;
  std::unique_ptr<tesseract::TessBaseAPI> osd_;
  int page_timeout_ms_ = 0;
  std::string model_;
};

// The first engine, made before any worker starts: Tesseract's own multi-line complaints about a
// missing model are kept off stderr (process-wide, hence only then), and the error says how to
// install the model; a missing best model is said in one warning line. Later engines use
// Engine::create.
Expected<std::unique_ptr<Engine>> create_first_engine(const Options& options);

std::string tesseract_version();

}  // namespace greffe::ocr
