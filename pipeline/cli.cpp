#include "pipeline/cli.h"

#include <tbb/version.h>
#include <unicode/uversion.h>
#include <CLI/CLI.hpp>
#include <opencv2/core/version.hpp>

#include <csignal>
#include <iostream>
#include <sstream>

#include "models/cancellation.h"
#include "ocr/engine.h"
#include "pipeline/batch/batch.h"
#include "pipeline/commands/commands.h"
#include "pipeline/pipeline.h"
#include "pipeline/search/command.h"
#include "pipeline/serve/serve.h"

#ifndef GREFFE_VERSION
#define GREFFE_VERSION "unknown"
#endif

namespace greffe {

namespace {

std::string version_text() {
  std::ostringstream text;
  text << "greffe " << GREFFE_VERSION << "\n"
       << ocr::tesseract_version() << "\n"
       << "OpenCV " << CV_VERSION << "\n"
       << rasterize::poppler_version() << "\n"
       << "ICU " << U_ICU_VERSION << "\n"
       << "oneTBB " << TBB_VERSION_STRING;
  return text.str();
}

// The run's one cancellation token: the signal handlers request it, the library honours it.
Cancellation& user_cancel() {
  static Cancellation cancel;
  return cancel;
}

void on_interrupt(int signal) {
  user_cancel().request();
  std::signal(signal, SIG_DFL);  // a second Ctrl-C stops at once
}

struct StageFlags {
  bool no_preprocess = false, no_orientation = false, no_border = false, no_deskew = false,
       no_denoise = false, no_binarize = false, no_upscale = false, keep_colour = false,
       keep_light_ink = false, no_layout = false, quiet = false;
  std::string source = "auto";
  std::string model = "default";
  std::string formats = "text,json";
  double page_timeout_seconds = 120;  // a page takes seconds; minutes mean the engine is lost in noise

  void apply(pipeline::Options& options) const {
    options.progress = !quiet;
    options.rasterize.drop_light_colour = !(no_preprocess || keep_colour);
    preprocess::Options& steps = options.preprocess;
    steps.orientation = !(no_preprocess || no_orientation);
    steps.border = !(no_preprocess || no_border);
    steps.deskew = !(no_preprocess || no_deskew);
    if (no_preprocess || no_upscale) steps.min_dpi = 0;
    steps.binarize = !(no_preprocess || no_binarize);
    steps.denoise = !(no_preprocess || no_denoise);
    steps.drop_light_ink = !(no_preprocess || keep_light_ink);
    options.layout = !(no_preprocess || no_layout);
    options.source = source == "always"  ? pipeline::TextSource::Ocr
                     : source == "never" ? pipeline::TextSource::TextLayer
                                         : pipeline::TextSource::Auto;
    options.ocr.page_timeout_ms = static_cast<int>(page_timeout_seconds * 1000);
    if (model == "best") options.ocr.best_tessdata = ocr::best_model_folder();
  }
};

// The options `run` and `batch` share: engine, rendering, limits, stage switches, SCDL.
void add_pipeline_options(CLI::App& command, pipeline::Options& options, StageFlags& flags) {
  command.add_option("--lang", options.ocr.language, "Tesseract language(s), e.g. fra or fra+eng")
      ->capture_default_str();
  command.add_option("--tessdata", options.ocr.tessdata,
                     "Folder holding <lang>.traineddata (default: Tesseract's)");
  command
      .add_option(
          "--model", flags.model,
          "default: Tesseract's installed model (Debian's fast one); best: the integerised best French "
          "model scripts/setup installs in tessdata/best (falls back to default with a warning when missing)")
      ->capture_default_str()
      ->check(CLI::IsMember({"default", "best"}));
  command
      .add_option("--dpi", options.rasterize.dpi,
                  "PDF rendering resolution; assumed for images that do not state theirs")
      ->capture_default_str()
      ->check(CLI::Range(50, 1200));
  command
      .add_option("--jobs", options.jobs, "Worker threads, one OCR engine each (default: number of cores)")
      ->check(CLI::Range(1, 256));
  command
      .add_option(
          "--ocr", flags.source,
          "auto: read a PDF page's text layer when it is real text, OCR the others; always: OCR every page; "
          "never: text layers only")
      ->capture_default_str()
      ->check(CLI::IsMember({"auto", "always", "never"}));
  command
      .add_option("--max-pixels", options.rasterize.max_pixels,
                  "Largest page accepted, in pixels (checked before decoding)")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  command
      .add_option("--page-timeout", flags.page_timeout_seconds,
                  "OCR time allowed per page, in seconds (0: no limit)")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);
  command.add_option("--max-pages", options.max_pages, "Longest document accepted, in pages (0: no limit)")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);
  command.add_flag("--no-preprocess", flags.no_preprocess, "OCR the bare raster (for comparison)");
  command.add_flag("--no-orientation", flags.no_orientation,
                   "Do not detect and correct pages turned 90/180/270 degrees");
  command.add_flag(
      "--no-layout", flags.no_layout,
      "Do not look for a stamp box or a left sidebar to read apart from the body (Tesseract's layout alone)");
  command.add_flag("--keep-colour", flags.keep_colour,
                   "Keep light coloured ink (seals, stamps, highlighter) instead of making it paper");
  command.add_flag("--keep-light-ink", flags.keep_light_ink,
                   "Keep gray ink much lighter than the print and away from it (a seal scanned in gray)");
  command.add_flag("--no-border", flags.no_border, "Do not clear dark scanner borders");
  command.add_flag("--no-upscale", flags.no_upscale, "Do not resample pages under 250 dpi to 300 dpi");
  command.add_flag("--no-deskew", flags.no_deskew, "Do not measure and correct skew");
  command.add_flag("--no-denoise", flags.no_denoise, "Do not remove specks");
  command.add_flag("--no-binarize", flags.no_binarize,
                   "Give the engine the gray image (Tesseract thresholds it)");
  command.add_option(
      "--collectivity", options.scdl.collectivity_name,
      "The collectivity's name for deliberations.csv (COLL_NOM), e.g. \"Métropole Aix-Marseille-Provence\"");
  command
      .add_option("--siret", options.scdl.collectivity_siret,
                  "Its SIRET for deliberations.csv (COLL_SIRET, 14 digits)")
      ->check(CLI::Validator(
          [](std::string& value) {
            const bool ok = value.size() == 14 && value.find_first_not_of("0123456789") == std::string::npos;
            return ok ? std::string() : "a SIRET is 14 digits";
          },
          "SIRET"));
  command
      .add_option(
          "--formats", flags.formats,
          "Files per document, comma-separated: text (raw.txt, text.txt), json (deliberation.json, "
          "cleanup.jsonl), hocr (hocr/NNNN.hocr), alto (alto/NNNN.xml, ALTO 4.4), pdf (searchable.pdf)")
      ->capture_default_str();
  command.add_flag(
      "--debug", options.debug,
      "Keep each stage's images and write the viewer OUT/<stem>/debug/index.html (open it in a browser)");
  command.add_flag("-q,--quiet", flags.quiet, "No progress lines, errors only");
}

}  // namespace

int cli_main(int argc, char** argv) {
  CLI::App app{
      "greffe: scanned French deliberations (registres des délibérations) to clean text and structure.\n"
      "Reads PDF, TIFF (multi-page, G4), PNG and JPEG; OCR with Tesseract.",
      "greffe"};
  app.set_version_flag("--version", version_text(), "Print greffe's version and its libraries'");
  app.require_subcommand(1);
  // A collectivity runs greffe on its own archive again and again: its name and SIRET can live
  // in a small file ("[run]" then collectivity = "…", siret = "…"; TOML or INI), flags
  // overriding it. Given after "run" too, as the other options are.
  app.set_config("--config", "", "File of option values, e.g. [run] collectivity and siret (TOML or INI)");
  app.fallthrough();

  pipeline::Options options;
  StageFlags flags;
  std::vector<std::string> inputs;
  std::string out = "greffe-out";

  CLI::App* run =
      app.add_subcommand("run",
                         "OCR, clean and parse documents: OUT/<stem>/{raw.txt,text.txt,cleanup.jsonl,"
                         "deliberation.json,report.json}, with --formats hocr/, alto/, searchable.pdf, "
                         "and OUT/deliberations.csv");
  run->add_option("INPUT", inputs,
                  "PDF, TIFF, PNG or JPEG files, UTF-8 text files (*.txt: cleaned and parsed, no OCR), or "
                  "folders (recursed, sorted; PDF and images only)")
      ->required();
  run->add_option("-o,--out", out, "Output folder")->capture_default_str();
  add_pipeline_options(*run, options, flags);

  batch::Options batch_options;
  std::string archive, shard;
  CLI::App* batch_command = app.add_subcommand(
      "batch",
      "A whole archive, resumable: every PDF/TIFF/PNG/JPEG under DIR, OUT/catalog.sqlite, OUT/summary.json, "
      "OUT/deliberations.csv, and OUT/<path>/ per document. Run it again to go on after a stop.");
  batch_command->add_option("DIR", archive, "The archive folder (recursed)")->required();
  batch_command->add_option("-o,--out", out, "Output folder")->required();
  batch_command->add_option(
      "--shard", shard, "K/N: take only the K-th of N slices (0-based), for N machines; see greffe merge");
  batch_command->add_flag("--retry-failed", batch_options.retry_failed,
                          "Try again the documents that failed in an earlier run");
  add_pipeline_options(*batch_command, options, flags);

  std::vector<std::string> shard_outputs;
  CLI::App* merge_command = app.add_subcommand("merge",
                                               "Join the outputs of greffe batch --shard 0/N .. N-1/N: "
                                               "OUT/catalog.sqlite, deliberations.csv, summary.json");
  merge_command->add_option("SHARD_OUT", shard_outputs, "The output folder of every shard")->required();
  merge_command->add_option("-o,--out", out, "Output folder of the merge")->required();

  search::Arguments search_arguments;
  CLI::App* search_command = search::add_command(app, search_arguments);

  serve::Options serve_options;
  std::string serve_out;
  CLI::App* serve_command = app.add_subcommand(
      "serve",
      "A read-only local web page over a greffe batch output: search, the acts, their fields, text and page "
      "images with the hits boxed");
  serve_command
      ->add_option("OUT", serve_out, "Output folder of greffe batch or greffe merge (holds catalog.sqlite)")
      ->required();
  serve_command->add_option("--port", serve_options.port, "TCP port (0: any free port, printed)")
      ->capture_default_str()
      ->check(CLI::Range(0, 65535));
  serve_command
      ->add_option(
          "--host", serve_options.host,
          "Address to listen on; the default lets only this machine in (0.0.0.0 opens it to the network)")
      ->capture_default_str();

  std::string truth_path, hypothesis_path;
  CLI::App* accuracy = app.add_subcommand(
      "accuracy", "CER and WER of a text against its ground truth, as JSON (normalisation: see README)");
  accuracy->add_option("TRUTH", truth_path, "Ground-truth text file")->required();
  accuracy->add_option("TEXT", hypothesis_path, "Text to score")->required();

  std::string clean_path, clean_log;
  CLI::App* clean_command =
      app.add_subcommand("clean", "Cleanup stage alone, on existing OCR text: prints the clean text");
  clean_command->add_option("FILE", clean_path,
                            "OCR text file (pages separated by form feeds), or - for stdin (default)");
  clean_command->add_option("--log", clean_log, "Write every change, one JSON object a line (cleanup.jsonl)");
  bool clean_corrector = false;
  clean_command->add_flag(
      "--corrector", clean_corrector,
      "Also run the general corrector (cleanup/data/ tables; experimental, off by default)");

  std::string parse_path;
  CLI::App* parse_command =
      app.add_subcommand("parse", "Structural parser alone, on clean text: prints deliberation.json");
  parse_command->add_option("FILE", parse_path, "Clean text file, or - for stdin (default)");

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "greffe: " << e.what() << " (see greffe --help)\n";
    return exit_code(ErrorKind::BadArguments);
  }

  if (*accuracy) return commands::accuracy(truth_path, hypothesis_path);
  if (*parse_command) return commands::parse(parse_path);
  if (*clean_command) return commands::clean(clean_path, clean_log, clean_corrector);

  if (*search_command)
    return search::command(search_arguments.out, search_arguments.query, search_arguments.filters,
                           search_arguments.limit, search_arguments.json);
  if (*serve_command) {
    serve_options.out = serve_out;
    return serve::command(serve_options);
  }
  if (*merge_command) {
    std::vector<std::filesystem::path> folders(shard_outputs.begin(), shard_outputs.end());
    return commands::merge(folders, out);
  }
  options.out = out;
  flags.apply(options);
  auto chosen = output::parse_formats(flags.formats);
  if (!chosen) {
    std::cerr << "greffe: " << chosen.error().message << " (see greffe run --help)\n";
    return exit_code(ErrorKind::BadArguments);
  }
  options.formats = chosen.value();

  std::signal(SIGINT, on_interrupt);
  std::signal(SIGTERM, on_interrupt);  // what schedulers (Slurm, Kubernetes) send before killing
  try {
    if (*batch_command) {
      batch_options.pipeline = options;
      batch_options.archive = archive;
      if (!shard.empty()) {
        auto parsed = batch::parse_shard(shard);
        if (!parsed) {
          std::cerr << parsed.error().to_line() << '\n';
          return exit_code(parsed.error().kind);
        }
        batch_options.shard = *parsed;
      }
      return commands::batch(batch_options, user_cancel());
    }
    std::vector<std::filesystem::path> paths(inputs.begin(), inputs.end());
    return commands::run(paths, options, user_cancel());
  } catch (const std::exception& e) {
    std::cerr << "greffe: internal error: " << e.what() << '\n';
    return exit_code(ErrorKind::Internal);
  }
}

}  // namespace greffe
