#include "pipeline/pipeline.h"

#include <tbb/enumerable_thread_specific.h>
#include <tbb/global_control.h>
#include <tbb/parallel_pipeline.h>

#include <algorithm>
#include <chrono>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <thread>

#include "cleanup/cleanup.h"
#include "pipeline/output/write.h"

namespace greffe::pipeline {

std::atomic<bool> interrupted{false};

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
};

// The stages of one page after rasterize, in order: preprocess, orientation, ocr. Cleanup
// follows per document, in order, when its last page is done (see run()): the stamps' legality
// record is the document's, and one lexicon serves. Runs on any worker, with that worker's engine.
void process_page(const Options& options, ocr::Engine& engine, PageJob& job) {
  PageReport& report = job.result.report;
  const Raster& raster = *job.raster;
  Stopwatch watch;

  preprocess::Result prepared = preprocess::run(options.preprocess, raster);
  report.timings.preprocess_ms = watch.lap();
  report.skew_degrees = prepared.skew_degrees;
  report.dpi = raster.dpi;
  job.raster.reset();  // the raw page is no longer needed: keep pages in flight small
  report.ocr_dpi = prepared.image.dpi;

  // Orientation: preprocess turns pages on their side and, when ascenders make it sure, upside
  // down ones; otherwise Tesseract's OSD looks at the clean page.
  report.orientation_degrees = prepared.orientation_degrees;
  report.orientation_confidence = std::abs(prepared.up_down_confidence);
  report.orientation_method = prepared.orientation_known ? "ascenders" : "none";
  if (options.preprocess.orientation && !prepared.orientation_known) {
    const ocr::Orientation found = engine.detect_orientation(prepared.image);
    report.orientation_method = "osd";
    report.orientation_confidence = found.confidence;
    if (found.degrees != 0 && found.confidence >= options.preprocess.osd_min_confidence) {
      preprocess::turn_upright(prepared.image, found.degrees);
      report.orientation_degrees = (report.orientation_degrees + found.degrees) % 360;
    }
  }
  report.width = prepared.image.width;
  report.height = prepared.image.height;
  report.timings.orientation_ms = watch.lap();

  auto recognized = engine.recognize(prepared.image);
  report.timings.ocr_ms = watch.lap();
  if (!recognized) {
    job.error = recognized.error();
    return;
  }
  job.result.ocr = std::move(recognized.value());
  report.mean_confidence = job.result.ocr.mean_confidence;
}

// Cleanup of a whole document, page by page; returns cleanup.jsonl.
std::string clean_document(cleanup::Cleaner& cleaner, DocumentResult& document) {
  cleanup::CleanDocument clean;
  for (std::size_t i = 0; i < document.pages.size(); ++i) {
    PageResult& page = document.pages[i];
    Stopwatch watch;
    page.clean_text = cleaner.clean_page(page.ocr, static_cast<int>(i) + 1, clean);  // confidences too
    page.report.timings.cleanup_ms = watch.lap();
  }
  document.legality = clean.legality;
  return cleanup::changes_jsonl(clean.changes);
}

// The structural parser over the document's clean text, pages joined by form feeds.
Deliberation parse_document(const parse::Options& options, DocumentResult& document) {
  Stopwatch watch;
  std::string text;
  for (std::size_t i = 0; i < document.pages.size(); ++i) text += (i > 0 ? "\f" : "") + document.pages[i].clean_text;
  Deliberation deliberation = parse::run(options, text, document.legality);
  document.parse_ms = watch.lap();
  return deliberation;
}

// Opens the inputs one after the other and rasterizes their pages in order (serial: poppler
// is not thread-safe within a document).
class PageSource {
 public:
  PageSource(const std::vector<DocumentResult>& documents, const rasterize::Options& options)
      : documents_(documents), options_(options) {}

  // The next page, or nullptr when every input is done.
  PageJob* next() {
    while (current_ < documents_.size()) {
      if (!document_) {
        auto opened = rasterize::open(documents_[current_].input, options_);
        if (!opened) {
          auto* failed = new PageJob{current_, -1, std::nullopt, opened.error(), {}};
          ++current_;
          return failed;
        }
        document_ = std::move(opened.value());
        page_ = 0;
      }
      if (page_ < document_->page_count()) {
        auto* job = new PageJob{current_, page_, std::nullopt, std::nullopt, {}};
        Stopwatch watch;
        auto raster = document_->render(page_);
        job->result.report.timings.rasterize_ms = watch.lap();
        if (raster) job->raster = std::move(raster.value());
        else job->error = raster.error();
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
  const std::vector<DocumentResult>& documents_;
  rasterize::Options options_;
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

int run(const std::vector<std::filesystem::path>& inputs, const Options& options) {
  auto first_engine = ocr::create_first_engine(options.ocr);
  if (!first_engine) {
    std::cerr << first_engine.error().to_line() << '\n';
    return exit_code(first_engine.error().kind);
  }
  // Fail before any OCR work when the results could not be kept.
  std::error_code ec;
  std::filesystem::create_directories(options.out, ec);
  if (ec || !std::filesystem::is_directory(options.out)) {
    std::cerr << Error{ErrorKind::OutputNotWritable, options.out.string(), 0, "cannot create the output folder"}.to_line() << '\n';
    return exit_code(ErrorKind::OutputNotWritable);
  }
  std::vector<DocumentResult> documents = plan_documents(expand_inputs(inputs));
  if (documents.empty()) {
    std::cerr << "greffe: no PDF or image found in the given inputs\n";
    return exit_code(ErrorKind::BadArguments);
  }

  const int jobs = options.jobs > 0 ? options.jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  tbb::global_control workers(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(jobs));
  tbb::enumerable_thread_specific<std::unique_ptr<ocr::Engine>> engines;
  engines.local() = std::move(first_engine.value());  // this thread works in the pipeline too
  auto cleaner = cleanup::Cleaner::create(options.cleanup);
  if (!cleaner) {
    std::cerr << cleaner.error().to_line() << '\n';
    return exit_code(cleaner.error().kind);
  }

  std::optional<ErrorKind> first_failure;
  std::vector<Deliberation> deliberations;
  std::vector<bool> failed(documents.size(), false);
  std::size_t written = 0;
  auto report_error = [&](const Error& error, std::size_t document) {
    std::cerr << error.to_line() << '\n';
    if (!first_failure) first_failure = error.kind;
    failed[document] = true;
  };

  PageSource source(documents, options.rasterize);
  std::vector<int> page_counts(documents.size(), 0);
  const auto started = std::chrono::steady_clock::now();

  // Pages in flight are capped: memory stays flat however long the documents are.
  const std::size_t pages_in_flight = static_cast<std::size_t>(2 * jobs);
  tbb::parallel_pipeline(
      pages_in_flight,
      tbb::make_filter<void, PageJob*>(
          tbb::filter_mode::serial_in_order,
          [&](tbb::flow_control& control) -> PageJob* {
            PageJob* job = interrupted ? nullptr : source.next();
            if (!job) {
              control.stop();
              return nullptr;
            }
            if (job->index >= 0) page_counts[job->document] = source.page_count();
            return job;
          }) &
          tbb::make_filter<PageJob*, PageJob*>(
              tbb::filter_mode::parallel,
              [&](PageJob* job) -> PageJob* {
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
              }) &
          tbb::make_filter<PageJob*, void>(
              tbb::filter_mode::serial_in_order, [&](PageJob* raw_job) {
                std::unique_ptr<PageJob> job(raw_job);
                DocumentResult& document = documents[job->document];
                if (job->index < 0) {  // the document could not be opened
                  report_error(*job->error, job->document);
                  return;
                }
                document.page_count = page_counts[job->document];
                job->result.report.number = job->index + 1;
                if (job->error) {
                  Error error = *job->error;
                  if (error.input.empty()) error.input = document.input;
                  if (error.page == 0) error.page = job->index + 1;
                  job->result.report.error = error.message;
                  document.warnings.push_back("page " + std::to_string(error.page) + ": " + error.message);
                  report_error(error, job->document);
                }
                document.pages.push_back(std::move(job->result));
                if (static_cast<int>(document.pages.size()) < document.page_count) return;

                output::DocumentTexts texts;
                texts.changes = clean_document(**cleaner, document);
                const Deliberation deliberation = parse_document(options.parse, document);
                texts.deliberation = deliberation_json_text(deliberation);
                if (deliberation.kind == DeliberationKind::Deliberation) {
                  for (std::string& warning : parse::scdl_warnings(deliberation, options.scdl))
                    document.warnings.push_back(std::move(warning));
                  deliberations.push_back(deliberation);
                }
                if (auto error = output::write_document(options.out, document, texts)) {
                  report_error(*error, job->document);
                } else {
                  ++written;
                  if (options.progress) {
                    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
                    std::cerr << "greffe: [" << written << "/" << documents.size() << "] " << document.input << ": "
                              << document.page_count << " page(s) -> " << (options.out / document.stem).string()
                              << " (" << static_cast<int>(seconds) << " s elapsed)\n";
                  }
                }
                document.pages.clear();  // written: free the page texts
                document.pages.shrink_to_fit();
              }));

  // The run's open-data table: one row per deliberation of the documents written.
  if (auto error = output::write_file_atomically(options.out / "deliberations.csv",
                                                 parse::scdl_csv(deliberations, options.scdl))) {
    std::cerr << error->to_line() << '\n';
    if (!first_failure) first_failure = error->kind;
  }

  if (interrupted) {
    std::cerr << "greffe: interrupted; " << written << " document(s) complete in " << options.out.string() << '\n';
    return exit_code(ErrorKind::Interrupted);
  }
  return first_failure ? exit_code(*first_failure) : 0;
}

}  // namespace greffe::pipeline
