#include "pipeline/pipeline.h"

#include <tbb/enumerable_thread_specific.h>
#include <tbb/global_control.h>
#include <tbb/parallel_pipeline.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <thread>

#include "cleanup/cleanup.h"
#include "pipeline/debug/viewer.h"
#include "pipeline/layout.h"
#include "pipeline/marks.h"
#include "pipeline/orientation.h"
#include "pipeline/output/write.h"
#include "pipeline/text_layer.h"

namespace greffe::pipeline {

namespace {

class Stopwatch {
 public:
  // Milliseconds since the last lap.
  double lap() {
    const auto now = std::chrono::steady_clock::now();
    const double ms = std::chrono::duration<double, std::milli>(now - last_).count();
    last_ = now;
    return ms;
  }

 private:
  std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
};

// One page on its way through the stages, or the news that a document could not be opened.
struct PageJob {
  std::size_t document = 0;
  int index = 0;  // 0-based page
  std::optional<Raster> raster;
  std::optional<Error> error;  // set: this page (or, with no raster and index -1, the document) failed
  PageResult result;
  std::unique_ptr<debug::PageImages> debug;  // with --debug: the page's images, as the stages add them
};

// A region of the page read apart from its body (layout.h): a letterhead cell, a stamp box at its
// head, a left sidebar. `region` names it in the lines ("letterhead", "stamp", "sidebar"); width 0: none.
struct Region {
  Box box;
  std::string name;
};

// A page with regions apart from its body: each region recognised alone, in the order given,
// then the body with the regions made paper, so that no line of one runs into a line of another.
// The regions come first, their lines their own blocks and paragraphs: the letterhead's cells one
// after the other, the stamp before the heading it was printed over, the sidebar where the parser
// finds the act's number and title before the body. Each region is read with the regions before
// it made paper: where two overlap, nothing is read twice.
Expected<OcrPage> recognize_in_regions(ocr::Engine& engine, const Raster& page,
                                       const std::vector<Region>& regions) {
  OcrPage page_read;
  Raster body = page;
  int blocks = 0, paragraphs = 0, words = 0;
  double confidence_sum = 0;
  auto append = [&](OcrPage&& part, const std::string& name) {
    int part_blocks = 0, part_paragraphs = 0, part_words = 0;
    for (TextLine& line : part.lines) {
      if (!name.empty()) line.region = name;
      part_blocks = std::max(part_blocks, line.block + 1);
      part_paragraphs = std::max(part_paragraphs, line.paragraph + 1);
      line.block += blocks;
      line.paragraph += paragraphs;
      part_words += static_cast<int>(line.words.size());
      page_read.lines.push_back(std::move(line));
    }
    blocks += part_blocks;
    paragraphs += part_paragraphs;
    words += part_words;
    confidence_sum += static_cast<double>(part.mean_confidence) * part_words;
    // The engine's own text, region after region, a blank line between: paragraphs apart.
    if (!page_read.text.empty() && page_read.text.back() != '\n') page_read.text += '\n';
    if (!part.text.empty()) page_read.text += (page_read.text.empty() ? "" : "\n") + part.text;
  };
  for (const Region& region : regions) {
    auto part = engine.recognize(body, &region.box);
    if (!part) return part.error();
    append(std::move(part.value()), region.name);
    for (int y = region.box.top; y < region.box.top + region.box.height; ++y)
      std::fill_n(body.pixels.begin() + static_cast<std::ptrdiff_t>(y) * body.width + region.box.left,
                  region.box.width, 255);
  }
  auto main = engine.recognize(body);
  if (!main) return main.error();
  if (regions.empty()) return main;
  append(std::move(main.value()), "");
  page_read.mean_confidence = words > 0 ? static_cast<float>(confidence_sum / words) : 0;
  return page_read;
}

// A round seal found by its colour, where it lies on the page (in inches from the top left, at
// the scan's resolution) and whether it lies over print: the lines under it were read with its
// ink made paper, and its letters, when the engine reads them, are not the act's.
// Over print when 0.5% of its disc is dark neutral ink: one line of text across a 1.5 in seal is
// about 2%, scanner specks a few hundredths of a percent.
constexpr double kSealOverPrint = 0.005;

std::string seal_warning(const SealMark& seal, int dpi) {
  const double per_inch = dpi > 0 ? dpi : 300;
  char text[200];
  std::snprintf(text, sizeof text,
                "round seal in colour at %.1f-%.1f in from the left, %.1f-%.1f in from the top",
                seal.left / per_inch, (seal.left + seal.width) / per_inch, seal.top / per_inch,
                (seal.top + seal.height) / per_inch);
  return std::string(text) + (seal.print_under >= kSealOverPrint
                                  ? ", over print (a signatory's line or a signature): its ink made paper, "
                                    "the lines under it read without it"
                                  : ": its ink made paper");
}

// The stages of one page after rasterize, in order: preprocess, orientation, ocr. Cleanup
// follows per document, in order, when its last page is done (see run()): the stamps' legality
// record is the document's, and one lexicon serves. Runs on any worker, with that worker's engine.
void process_page(const Options& options, ocr::Engine& engine, PageJob& job) {
  PageReport& report = job.result.report;
  const Raster& raster = *job.raster;
  Stopwatch watch;

  preprocess::Result prepared = preprocess::run(options.preprocess, raster, job.debug.get());
  // The line profile alone turned the page a quarter, the ascenders not sure of the result: read
  // the page again as scanned, and turn it only if the ascenders or OSD agree (orientation.h).
  const bool side_unconfirmed = prepared.lines_vertical && !prepared.orientation_known;
  if (side_unconfirmed) {
    preprocess::Options as_scanned = options.preprocess;
    as_scanned.quarter_turn = false;
    prepared = preprocess::run(as_scanned, raster, nullptr);
    if (job.debug)
      job.debug->add_text(
          "orientation",
          "the line profile's quarter turn was not confirmed by the ascenders: page read again as scanned");
  }
  // With --debug, the time spent writing images is not the stages' own.
  auto debug_ms = [&job] { return job.debug ? job.debug->spent_ms() : 0.0; };
  report.timings.preprocess_ms = watch.lap() - debug_ms();
  const double written_before_orientation = debug_ms();
  report.skew_degrees = prepared.skew_degrees;
  report.light_colour_dropped = raster.light_colour_dropped;
  for (const SealMark& seal : raster.seals) report.warnings.push_back(seal_warning(seal, raster.dpi));
  report.light_ink_dropped = prepared.light_ink_dropped;
  report.dpi = raster.dpi;
  job.result.source_width = raster.width;
  job.result.source_height = raster.height;
  job.result.to_ocr = prepared.to_image;
  job.raster.reset();  // the raw page is no longer needed: keep pages in flight small
  report.ocr_dpi = prepared.image.dpi;

  // Orientation, turned only where two readings agree: the line profile and the ascenders
  // (preprocess), else Tesseract's OSD with one of them (orientation.h).
  report.orientation_degrees = prepared.orientation_degrees;
  report.orientation_confidence = std::abs(prepared.up_down_confidence);
  report.orientation_method = !prepared.orientation_known ? "none"
                              : prepared.lines_vertical   ? "lines+ascenders"
                                                          : "ascenders";
  if (side_unconfirmed && prepared.orientation_known)
    report.warnings.push_back(
        "the text lines seemed to run down the page, but the ascenders read it across: not turned a quarter");
  if (options.preprocess.orientation && !prepared.orientation_known) {
    const ocr::Orientation found = engine.detect_orientation(prepared.image);
    report.orientation_confidence = found.confidence;
    const TurnVerdict verdict =
        side_unconfirmed
            ? judge_osd_on_side(found, options.preprocess.osd_min_confidence)
            : judge_osd_across(found, prepared.up_down_confidence, options.preprocess.osd_min_confidence);
    report.orientation_method = verdict.method;
    if (!verdict.warning.empty()) report.warnings.push_back(verdict.warning);
    if (verdict.degrees != 0) {
      job.result.to_ocr = job.result.to_ocr.then(
          preprocess::upright_transform(prepared.image.width, prepared.image.height, verdict.degrees));
      preprocess::turn_upright(prepared.image, verdict.degrees);
      report.orientation_degrees = (report.orientation_degrees + verdict.degrees) % 360;
      if (job.debug)
        job.debug->add_image(
            "osd",
            "Tesseract's OSD (" + verdict.method + "): turned back " + std::to_string(verdict.degrees) + "°",
            prepared.image);
    }
  }
  report.width = prepared.image.width;
  report.height = prepared.image.height;
  report.timings.orientation_ms = watch.lap() - (debug_ms() - written_before_orientation);

  // Layout: the cells of a letterhead, a stamp box at the page's head and a left sidebar are
  // recognised on their own, then the body without them (layout.h).
  std::vector<Region> regions;
  Box stamp = options.layout ? find_head_stamp(prepared.image) : Box{};
  if (stamp.width > 0) {
    // A body line printed under the box (the heading, often) is the body's: the stamp is the box
    // down to above it, and the frame's rules left across that line are taken off its letters.
    const Box interior = stamp_interior(prepared.image, stamp);
    if (interior.height < stamp.height) {
      const int cut = interior.top + interior.height;
      erase_frame_rules(prepared.image, Box{stamp.left, cut, stamp.width, stamp.top + stamp.height - cut});
      stamp = interior;
    }
  }
  const Box sidebar = options.layout ? find_sidebar(prepared.image) : Box{};
  if (options.layout)
    for (const Box& cell : find_letterhead(prepared.image, {stamp, sidebar}))
      regions.push_back({cell, "letterhead"});
  if (stamp.width > 0) regions.push_back({stamp, "stamp"});
  if (sidebar.width > 0) regions.push_back({sidebar, "sidebar"});
  report.timings.layout_ms = watch.lap();
  Expected<OcrPage> recognized = recognize_in_regions(engine, prepared.image, regions);
  report.timings.ocr_ms = watch.lap();
  report.ocr_model = engine.model();
  if (!recognized) {
    job.error = recognized.error();
    return;
  }
  job.result.ocr = std::move(recognized.value());
  // Lines that are not the act's text (upside down, show-through, a seal's marks) go, logged.
  for (std::string& dropped : drop_lines_not_text(engine, prepared.image, job.result.ocr))
    report.warnings.push_back(std::move(dropped));
  report.timings.ocr_ms += watch.lap();
  report.sidebar = sidebar;
  report.mean_confidence = job.result.ocr.mean_confidence;
  if (looks_like_figure(job.result.ocr)) report.kind = "figure";
}

// Cleanup of a whole document, page by page; returns the changes (cleanup.jsonl). `words` gets
// each page's words as cleanup made them (the archive formats'), from the same passes as its text.
std::vector<cleanup::Change> clean_document(cleanup::Cleaner& cleaner, DocumentResult& document,
                                            std::vector<output::CleanLines>& words) {
  cleanup::CleanDocument clean;
  for (std::size_t i = 0; i < document.pages.size(); ++i) {
    PageResult& page = document.pages[i];
    Stopwatch watch;
    cleanup::CleanPage cleaned = cleaner.clean(page.ocr, static_cast<int>(i) + 1, clean);  // confidences too
    page.clean_text = std::move(cleaned.text);
    words.push_back(std::move(cleaned.words));
    page.report.timings.cleanup_ms = watch.lap();
  }
  document.legality = clean.legality;
  return std::move(clean.changes);
}

// The structural parser over the document's clean text, pages joined by form feeds.
Deliberation parse_document(const parse::Options& options, DocumentResult& document) {
  Stopwatch watch;
  std::string text;
  for (std::size_t i = 0; i < document.pages.size(); ++i)
    text += (i > 0 ? "\f" : "") + document.pages[i].clean_text;
  Deliberation deliberation = parse::run(options, text, document.legality);
  document.parse_ms = watch.lap();
  return deliberation;
}

// A scan's text layer is read instead of the page when its words hold this much of the page's ink
// (rasterize.h: text_layer_cover); less, and the page is recognised.
constexpr double kMinTextLayerCover = 0.8;

// Opens the inputs one after the other and reads their pages in order (serial: poppler is not
// thread-safe within a document): a PDF page's text layer when it is to be used, else its raster.
class PageSource {
 public:
  PageSource(const std::vector<DocumentResult>& documents, const Options& options, cleanup::Lexicon* judge,
             std::function<void(const DocumentResult&)> opened)
      : documents_(documents), options_(options), judge_(judge), opened_(std::move(opened)) {}

  // The next page, or nullptr when every input is done.
  PageJob* next() {
    while (current_ < documents_.size()) {
      if (!document_) {
        if (opened_) opened_(documents_[current_]);
        auto opened = open_document(documents_[current_].input);
        if (!opened) {
          auto* failed = new PageJob{current_, -1, std::nullopt, opened.error(), {}, nullptr};
          ++current_;
          return failed;
        }
        document_ = std::move(opened.value());
        page_ = 0;
      }
      if (page_ < document_->page_count()) {
        auto* job = new PageJob{current_, page_, std::nullopt, std::nullopt, {}, nullptr};
        read_page(*job);
        ++page_;
        return job;
      }
      document_.reset();
      ++current_;
    }
    return nullptr;
  }

  int page_count() const { return document_ ? document_->page_count() : 0; }

 private:
  Expected<std::unique_ptr<rasterize::Document>> open_document(const std::string& input) {
    auto opened = rasterize::open(input, options_.rasterize);
    if (opened && options_.max_pages > 0 && opened.value()->page_count() > options_.max_pages)
      return Error{ErrorKind::LimitExceeded, input, 0,
                   std::to_string(opened.value()->page_count()) + " pages, more than the limit of " +
                       std::to_string(options_.max_pages) + " (--max-pages)"};
    return opened;
  }

  void read_page(PageJob& job) {
    Stopwatch watch;
    PageReport& report = job.result.report;
    if (document_->is_text()) {  // a text input: its text is the page's, whatever --ocr says
      report.source = "text input";
      job.result.ocr.text = document_->text_layer(page_);
      report.timings.rasterize_ms = watch.lap();
      return;
    }
    if (options_.source != TextSource::Ocr) {
      std::string layer = document_->text_layer(page_);
      bool use = options_.source == TextSource::TextLayer ||
                 judge_text_layer(layer, *judge_,
                                  document_->is_scan(page_) ? LayerOrigin::Scan : LayerOrigin::BornDigital)
                     .usable;
      if (use && options_.source == TextSource::Auto) {
        // A layer of real words may still hold only part of the page: an electronic stamp's on a scan.
        const double cover = document_->text_layer_cover(page_);
        if (cover < kMinTextLayerCover) {
          use = false;
          report.warnings.push_back(
              "its text layer covers " + std::to_string(static_cast<int>(cover * 100)) +
              "% of the page's ink (words added to a scan, such as a stamp): the page is recognised");
        }
      }
      if (use) {
        report.source = "text layer";
        job.result.ocr.text = std::move(layer);
        report.timings.rasterize_ms = watch.lap();
        return;
      }
    }
    auto raster = document_->render(page_);
    report.timings.rasterize_ms = watch.lap();
    if (raster)
      job.raster = std::move(raster.value());
    else
      job.error = raster.error();
  }

  const std::vector<DocumentResult>& documents_;
  const Options& options_;
  cleanup::Lexicon* judge_;
  std::function<void(const DocumentResult&)> opened_;
  std::size_t current_ = 0;
  std::unique_ptr<rasterize::Document> document_;
  int page_ = 0;
};

// Unique output folder names: the file name without extension, "-2", "-3"... on clashes.
std::vector<DocumentResult> plan_documents(const std::vector<std::filesystem::path>& files) {
  std::vector<DocumentResult> documents;
  std::set<std::string> used;
  for (const auto& file : files) {
    DocumentResult document;
    document.input = file.string();
    std::string stem = file.stem().string();
    if (stem.empty()) stem = "document";
    std::string unique = stem;
    for (int n = 2; used.count(unique); ++n) unique = stem + "-" + std::to_string(n);
    used.insert(unique);
    document.stem = unique;
    documents.push_back(std::move(document));
  }
  return documents;
}

bool is_supported_extension(const std::filesystem::path& path) {
  std::string extension = path.extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  static const std::set<std::string> known = {".pdf", ".tif", ".tiff", ".png", ".jpg", ".jpeg"};
  return known.count(extension) > 0;
}

}  // namespace

std::vector<std::filesystem::path> expand_inputs(const std::vector<std::filesystem::path>& inputs) {
  std::vector<std::filesystem::path> files;
  for (const auto& input : inputs) {
    std::error_code ec;
    if (!std::filesystem::is_directory(input, ec)) {
      files.push_back(input);
      continue;
    }
    std::vector<std::filesystem::path> found;
    for (auto it = std::filesystem::recursive_directory_iterator(
             input, std::filesystem::directory_options::skip_permission_denied, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
      if (it->is_regular_file(ec) && is_supported_extension(it->path())) found.push_back(it->path());
    }
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

// A document whose pages are all read: cleanup and parse over its pages in order, then its files
// (and, with --debug, its viewer) written. Failures to write are added to `failures`.
static Deliberation finish_document(const Options& options, cleanup::Cleaner& cleaner,
                                    DocumentResult& document,
                                    const std::vector<std::unique_ptr<debug::PageImages>>& debug_pages,
                                    std::vector<Error>& failures) {
  output::DocumentTexts texts;
  std::vector<output::CleanLines> words;
  const std::vector<cleanup::Change> changes = clean_document(cleaner, document, words);
  texts.changes = cleanup::changes_jsonl(changes);
  Deliberation deliberation = parse_document(options.parse, document);
  texts.deliberation = deliberation_json_text(deliberation);
  if (options.formats.words()) texts.words = std::move(words);
  if (deliberation.kind == DeliberationKind::Deliberation) {
    for (std::string& warning : parse::scdl_warnings(deliberation, options.scdl))
      document.warnings.push_back(std::move(warning));
  }
  if (deliberation.kind == DeliberationKind::Minutes)
    for (const Deliberation& act : parse::acts_as_deliberations(deliberation))
      for (std::string& warning : parse::scdl_warnings(act, options.scdl))
        document.warnings.push_back("act " + act.number.value_or(act.title.value_or("?")).substr(0, 60) +
                                    ": " + warning);
  if (options.debug) {
    debug::DocumentDebug shown{&document, &changes, &deliberation, {}};
    for (const auto& page : debug_pages) shown.pages.push_back(page.get());
    if (auto error = debug::write_viewer(options.out / document.stem / "debug", shown))
      failures.push_back(*error);
  }
  if (auto error = output::write_document(options.out, document, texts, options.formats))
    failures.push_back(*error);
  return deliberation;
}

std::optional<Error> process(std::vector<DocumentResult>& documents, const Options& options,
                             const Hooks& hooks, const Cancellation& cancel) {
  auto first_engine = ocr::create_first_engine(options.ocr);
  if (!first_engine) return first_engine.error();
  auto cleaner = cleanup::Cleaner::create(options.cleanup);
  if (!cleaner) return cleaner.error();
  std::unique_ptr<cleanup::Lexicon> judge;  // of text layers, on the reading thread
  if (options.source == TextSource::Auto) {
    auto loaded = cleanup::Lexicon::load(options.cleanup.dictionary);
    if (!loaded) return loaded.error();
    judge = std::move(loaded.value());
  }

  const int jobs =
      options.jobs > 0 ? options.jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  tbb::global_control workers(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(jobs));
  tbb::enumerable_thread_specific<std::unique_ptr<ocr::Engine>> engines;
  engines.local() = std::move(first_engine.value());  // this thread works in the pipeline too

  std::vector<std::vector<Error>> errors(documents.size());
  PageSource source(documents, options, judge.get(), hooks.opened);
  std::vector<int> page_counts(documents.size(), 0);
  std::map<std::size_t, std::vector<std::unique_ptr<debug::PageImages>>>
      debug_pages;  // by document, with --debug

  // Pages in flight are capped: memory stays flat however long the documents are.
  const std::size_t pages_in_flight = static_cast<std::size_t>(2 * jobs);
  tbb::parallel_pipeline(
      pages_in_flight,
      tbb::make_filter<
          void, PageJob*>(tbb::filter_mode::serial_in_order, [&](tbb::flow_control& control) -> PageJob* {
        PageJob* job = cancel.requested() ? nullptr : source.next();
        if (!job) {
          control.stop();
          return nullptr;
        }
        if (job->index >= 0) page_counts[job->document] = source.page_count();
        if (options.debug && job->index >= 0) {
          const auto folder = options.out / documents[job->document].stem / "debug";
          std::error_code ignored;  // a stage's image from an earlier run must not pass for this one's
          if (job->index == 0) std::filesystem::remove_all(folder, ignored);
          if (job->raster) job->debug = std::make_unique<debug::PageImages>(folder, job->index + 1);
        }
        return job;
      }) & tbb::make_filter<PageJob*, PageJob*>(tbb::filter_mode::parallel, [&](PageJob* job) -> PageJob* {
        if (!job->raster) return job;
        try {
          auto& engine = engines.local();
          if (!engine) {
            auto created = ocr::Engine::create(options.ocr);
            if (!created) {
              job->error = created.error();
              return job;
            }
            engine = std::move(created.value());
          }
          process_page(options, *engine, *job);
        } catch (const std::exception& e) {
          job->error = Error{ErrorKind::Internal, "", job->index + 1, e.what()};
        }
        return job;
      }) & tbb::make_filter<PageJob*, void>(tbb::filter_mode::serial_in_order, [&](PageJob* raw_job) {
        std::unique_ptr<PageJob> job(raw_job);
        DocumentResult& document = documents[job->document];
        std::vector<Error>& failures = errors[job->document];
        if (job->index < 0) {  // the document could not be opened
          failures.push_back(*job->error);
          if (hooks.finished) hooks.finished(FinishedDocument{document, std::nullopt, failures});
          return;
        }
        document.page_count = page_counts[job->document];
        job->result.report.number = job->index + 1;
        for (const std::string& warning : job->result.report.warnings)
          document.warnings.push_back("page " + std::to_string(job->index + 1) + ": " + warning);
        if (job->error) {
          Error error = *job->error;
          if (error.input.empty()) error.input = document.input;
          if (error.page == 0) error.page = job->index + 1;
          job->result.report.error = error.message;
          document.warnings.push_back("page " + std::to_string(error.page) + ": " + error.message);
          failures.push_back(error);
        }
        document.pages.push_back(std::move(job->result));
        if (options.debug) {
          if (job->debug)
            for (const std::string& failure : job->debug->errors())
              failures.push_back(Error{ErrorKind::OutputNotWritable, document.input, job->index + 1,
                                       "debug image: " + failure});
          debug_pages[job->document].push_back(std::move(job->debug));
        }
        if (static_cast<int>(document.pages.size()) < document.page_count) return;

        // Cleanup, parse and writing run here, one document at a time: an exception in them
        // fails this document, as one in a page's stages fails that page, and the run goes on.
        std::optional<Deliberation> written;
        try {
          written = finish_document(options, **cleaner, document, debug_pages[job->document], failures);
        } catch (const std::exception& e) {
          failures.push_back(Error{ErrorKind::Internal, document.input, 0, e.what()});
        }
        debug_pages.erase(job->document);
        if (hooks.finished) hooks.finished(FinishedDocument{document, std::move(written), failures});
        document.pages.clear();  // written: free the page texts
        document.pages.shrink_to_fit();
        failures.clear();
      }));
  return std::nullopt;
}
Expected<RunOutcome> run(const std::vector<std::filesystem::path>& inputs, const Options& options,
                         const Cancellation& cancel, const DocumentDone& on_document) {
  // Fail before any OCR work when the results could not be kept.
  std::error_code ec;
  std::filesystem::create_directories(options.out, ec);
  if (ec || !std::filesystem::is_directory(options.out))
    return Error{ErrorKind::OutputNotWritable, options.out.string(), 0, "cannot create the output folder"};
  std::vector<DocumentResult> documents = plan_documents(expand_inputs(inputs));
  if (documents.empty())
    return Error{ErrorKind::BadArguments, "", 0, "no PDF or image found in the given inputs"};

  RunOutcome outcome;
  outcome.documents = documents.size();
  std::vector<Deliberation> deliberations;
  Hooks hooks;
  hooks.finished = [&](const FinishedDocument& finished) {
    for (const Error& error : finished.errors) outcome.document_failures.push_back(error);
    if (finished.deliberation) {
      if (finished.deliberation->kind != DeliberationKind::Other)
        deliberations.push_back(*finished.deliberation);
      ++outcome.written;
    }
    if (on_document) on_document(finished, outcome.written, outcome.documents);
  };
  if (auto error = process(documents, options, hooks, cancel)) return *error;

  // The run's open-data table: one row per deliberation of the documents written.
  if (auto error = output::write_file_atomically(options.out / "deliberations.csv",
                                                 parse::scdl_csv(deliberations, options.scdl)))
    outcome.run_failures.push_back(*error);
  outcome.cancelled = cancel.requested();
  return outcome;
}

}  // namespace greffe::pipeline
