#include "ocr/engine.h"
#include "ocr/dash.h"
#include "ocr/full_stops.h"
#include "ocr/underscore.h"

#include <fcntl.h>
#include <unistd.h>

#include <leptonica/allheaders.h>
#include <tesseract/baseapi.h>
#include <tesseract/ocrclass.h>
#include <tesseract/resultiterator.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <sstream>
#include <vector>

namespace greffe::ocr {

namespace {

// Tesseract reports its own failures on stderr in several lines; while a model is probed we
// keep stderr for greffe's one-line message. Only called before worker threads start.
class SilencedStderr {
 public:
  SilencedStderr() : saved_(dup(STDERR_FILENO)) {
    int null_fd = open("/dev/null", O_WRONLY);
    if (null_fd >= 0) {
      dup2(null_fd, STDERR_FILENO);
      close(null_fd);
    }
  }
  ~SilencedStderr() {
    if (saved_ >= 0) {
      dup2(saved_, STDERR_FILENO);
      close(saved_);
    }
  }

 private:
  int saved_;
};

const char* datapath(const std::string& folder) {
  return folder.empty() ? nullptr : folder.c_str();
}

// Warnings such as "Detected 12 diacritics" go to Tesseract's debug file, not to the user.
bool init(tesseract::TessBaseAPI& api, const std::string& folder, const std::string& language,
          tesseract::OcrEngineMode mode) {
  std::vector<std::string> names = {"debug_file"};
  std::vector<std::string> values = {"/dev/null"};
  return api.Init(datapath(folder), language.c_str(), mode, nullptr, 0, &names, &values, false) == 0;
}

std::vector<std::string> languages_of(const std::string& language) {
  std::vector<std::string> languages;
  std::stringstream all(language);
  std::string one;
  while (std::getline(all, one, '+'))
    if (!one.empty()) languages.push_back(one);
  return languages;
}

std::string install_hint(const std::string& language) {
  std::string packages;
  std::stringstream languages(language);
  std::string one;
  while (std::getline(languages, one, '+')) packages += " tesseract-ocr-" + one;
  return "install it with: apt-get install" + packages;
}

Box box_of(const tesseract::ResultIterator& it, tesseract::PageIteratorLevel level) {
  int left = 0, top = 0, right = 0, bottom = 0;
  it.BoundingBox(level, &left, &top, &right, &bottom);
  return Box{left, top, right - left, bottom - top};
}

std::string take_text(char* text) {
  std::string copy = text ? text : "";
  delete[] text;
  return copy;
}

bool ends_in_ellipsis(const std::string& text) {
  return text.size() >= 2 && text.compare(text.size() - 2, 2, "..") == 0;
}

}  // namespace

std::string best_model_folder() {
  return GREFFE_BEST_TESSDATA;
}

ModelChoice choose_model(const Options& options) {
  if (!options.tessdata.empty())
    return {options.tessdata, options.language + " from " + options.tessdata, ""};
  if (options.best_tessdata.empty()) return {"", options.language + " default", ""};
  const auto languages = languages_of(options.language);
  bool all_best = !languages.empty();
  bool french_missing = false;
  for (const std::string& language : languages) {
    std::error_code ignored;
    if (!std::filesystem::is_regular_file(
            std::filesystem::path(options.best_tessdata) / (language + ".traineddata"), ignored)) {
      all_best = false;
      french_missing = french_missing || language == "fra";
    }
  }
  if (all_best) return {options.best_tessdata, options.language + " best_int", ""};
  std::string warning;
  if (french_missing)
    warning = "the best French model is missing from " + options.best_tessdata +
              " (scripts/setup installs it); reading with Tesseract's default model, which makes more errors";
  return {"", options.language + " default", warning};
}

Engine::Engine()
    : text_(std::make_unique<tesseract::TessBaseAPI>()), osd_(std::make_unique<tesseract::TessBaseAPI>()) {}

Engine::~Engine() {
  text_->End();
  osd_->End();
}

Expected<std::unique_ptr<Engine>> Engine::create(const Options& options) {
  std::unique_ptr<Engine> engine(new Engine());
  const ModelChoice model = choose_model(options);
  engine->model_ = model.label;
  if (!init(*engine->text_, model.folder, options.language, tesseract::OEM_LSTM_ONLY))
    return Error{
        ErrorKind::MissingDependency, "", 0,
        "cannot load Tesseract language '" + options.language + "'; " + install_hint(options.language)};
  // OSD runs on the legacy engine: osd.traineddata has no LSTM model.
  // osd comes from --tessdata when given, else from Tesseract's default folder (never the best
  // model's folder, which holds only the languages).
  if (!init(*engine->osd_, options.tessdata, "osd", tesseract::OEM_TESSERACT_ONLY))
    return Error{ErrorKind::MissingDependency, "", 0,
                 "cannot load Tesseract's orientation model 'osd'; " + install_hint("osd")};
  engine->text_->SetPageSegMode(tesseract::PSM_AUTO);
  engine->osd_->SetPageSegMode(tesseract::PSM_OSD_ONLY);
  engine->page_timeout_ms_ = options.page_timeout_ms;
  return engine;
}

Expected<std::unique_ptr<Engine>> create_first_engine(const Options& options) {
  const std::string warning = choose_model(options).warning;
  if (!warning.empty()) std::cerr << "greffe: warning: " << warning << '\n';
  SilencedStderr quiet;
  return Engine::create(options);
}

Orientation Engine::detect_orientation(const Raster& page) {
  // Half size by 2x2 averaging: a binarized page stays legible, and OSD's own layout pass,
  // which costs as much as a fifth of recognition at full size, shrinks fourfold.
  const int width = page.width / 2, height = page.height / 2;
  if (width < 16 || height < 16) return {};
  std::vector<std::uint8_t> half(static_cast<std::size_t>(width) * height);
  for (int y = 0; y < height; ++y) {
    const std::uint8_t* top = page.pixels.data() + static_cast<std::size_t>(2 * y) * page.width;
    const std::uint8_t* bottom = top + page.width;
    for (int x = 0; x < width; ++x)
      half[static_cast<std::size_t>(y) * width + x] = static_cast<std::uint8_t>(
          (top[2 * x] + top[2 * x + 1] + bottom[2 * x] + bottom[2 * x + 1] + 2) / 4);
  }
  osd_->SetImage(half.data(), width, height, 1, width);
  osd_->SetSourceResolution(std::max(1, page.dpi / 2));
  Orientation found;
  int degrees = 0;
  float orientation_confidence = 0, script_confidence = 0;
  const char* script = nullptr;
  if (osd_->DetectOrientationScript(&degrees, &orientation_confidence, &script, &script_confidence)) {
    found.degrees = degrees;
    found.confidence = orientation_confidence;
  }
  osd_->Clear();
  return found;
}

float Engine::line_confidence(const Raster& page, const Box& line, LineView view) {
  const int margin = std::max(2, line.height / 4);
  const int left = std::max(0, line.left - margin), top = std::max(0, line.top - margin);
  const int right = std::min(page.width, line.left + line.width + margin);
  const int bottom = std::min(page.height, line.top + line.height + margin);
  if (right - left < 4 || bottom - top < 4) return 0;
  const int width = right - left, height = bottom - top;
  std::vector<std::uint8_t> pixels(static_cast<std::size_t>(width) * height);
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x) {
      const int from_x = view == LineView::AsIs ? x : width - 1 - x;  // turned and mirrored both flip across
      const int from_y = view == LineView::Turned ? height - 1 - y : y;
      pixels[static_cast<std::size_t>(y) * width + x] =
          page.pixels[static_cast<std::size_t>(top + from_y) * page.width + left + from_x];
    }
  text_->SetPageSegMode(tesseract::PSM_SINGLE_LINE);
  text_->SetImage(pixels.data(), width, height, 1, width);
  text_->SetSourceResolution(page.dpi);
  float confidence = 0;
  if (text_->Recognize(nullptr) == 0) confidence = static_cast<float>(text_->MeanTextConf());
  text_->Clear();
  text_->SetPageSegMode(tesseract::PSM_AUTO);
  return confidence;
}

Expected<OcrPage> Engine::recognize(const Raster& page, const Box* area) {
  OcrPage result;
  text_->SetImage(page.pixels.data(), page.width, page.height, 1, page.width);
  text_->SetSourceResolution(page.dpi);
  if (area) text_->SetRectangle(area->left, area->top, area->width, area->height);
  tesseract::ETEXT_DESC monitor;
  monitor.set_deadline_msecs(page_timeout_ms_);
  const int status = text_->Recognize(&monitor);
  if (monitor.deadline_exceeded()) {
    text_->Clear();
    return Error{ErrorKind::LimitExceeded, "", 0,
                 "OCR took longer than " + std::to_string(page_timeout_ms_ / 1000.0).substr(0, 5) +
                     " s (--page-timeout)"};
  }
  if (status != 0) {
    text_->Clear();
    return Error{ErrorKind::Internal, "", 0, "Tesseract could not recognise the page"};
  }
  result.text = take_text(text_->GetUTF8Text());
  result.mean_confidence = static_cast<float>(text_->MeanTextConf());

  std::unique_ptr<tesseract::ResultIterator> it(text_->GetIterator());
  if (it && !it->Empty(tesseract::RIL_WORD)) {
    int block = -1, paragraph = -1;
    float row_height = 0;  // the line's x-height plus ascenders, as the engine measured them
    do {
      if (it->IsAtBeginningOf(tesseract::RIL_BLOCK)) ++block;
      if (it->IsAtBeginningOf(tesseract::RIL_PARA)) ++paragraph;
      if (it->IsAtBeginningOf(tesseract::RIL_TEXTLINE) || result.lines.empty()) {
        TextLine line;
        line.box = box_of(*it, tesseract::RIL_TEXTLINE);
        line.block = block;
        line.paragraph = paragraph;
        result.lines.push_back(std::move(line));
        float descenders = 0, ascenders = 0;
        it->RowAttributes(&row_height, &descenders, &ascenders);
      }
      Word word;
      word.text = take_text(it->GetUTF8Text(tesseract::RIL_WORD));
      word.box = box_of(*it, tesseract::RIL_WORD);
      word.confidence = it->Confidence(tesseract::RIL_WORD);
      word.en_dash = word.text == "-" && long_as_en_dash(page, word.box, row_height);
      int x1 = 0, y1 = 0, x2 = 0, y2 = 0;
      const int baseline = it->Baseline(tesseract::RIL_WORD, &x1, &y1, &x2, &y2) ? (y1 + y2) / 2 : -1;
      if (baseline >= 0 && ends_in_ellipsis(word.text))
        word.full_stops = full_stops_at_end(page, word.box, baseline, row_height);
      std::vector<Word>& words = result.lines.back().words;
      if (!words.empty() && baseline >= 0 && !word.text.empty())
        words.back().underscore_after = underscore_between(page, words.back().box, word.box, baseline);
      if (!word.text.empty()) words.push_back(std::move(word));
    } while (it->Next(tesseract::RIL_WORD));
  }
  text_->Clear();
  return result;
}

std::string tesseract_version() {
  char* leptonica = getLeptonicaVersion();
  std::string versions = std::string("Tesseract ") + tesseract::TessBaseAPI::Version() + ", " + leptonica;
  lept_free(leptonica);
  return versions;
}

}  // namespace greffe::ocr
