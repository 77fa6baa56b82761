#include "pipeline/cli.h"

#include <CLI/CLI.hpp>
#include <opencv2/core/version.hpp>
#include <tbb/version.h>
#include <unicode/uversion.h>

#include <csignal>
#include <fstream>
#include <iostream>
#include <sstream>

#include "ocr/engine.h"
#include "pipeline/accuracy.h"
#include "pipeline/parse/parse.h"
#include "pipeline/pipeline.h"

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

void on_interrupt(int) {
  pipeline::interrupted = true;
  std::signal(SIGINT, SIG_DFL);  // a second Ctrl-C stops at once
}

std::optional<std::string> read_text_file(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return std::nullopt;
  std::ostringstream content;
  content << file.rdbuf();
  return content.str();
}

int run_accuracy(const std::string& truth_path, const std::string& hypothesis_path) {
  const auto truth = read_text_file(truth_path);
  if (!truth) {
    std::cerr << "greffe: " << truth_path << ": cannot read\n";
    return exit_code(ErrorKind::UnreadableInput);
  }
  const auto hypothesis = read_text_file(hypothesis_path);
  if (!hypothesis) {
    std::cerr << "greffe: " << hypothesis_path << ": cannot read\n";
    return exit_code(ErrorKind::UnreadableInput);
  }
  const accuracy::Score score = accuracy::measure(*hypothesis, *truth);
  std::cout << "{\"cer\": " << score.cer() << ", \"wer\": " << score.wer()
            << ", \"character_errors\": " << score.character_errors << ", \"characters\": " << score.characters
            << ", \"word_errors\": " << score.word_errors << ", \"words\": " << score.words << "}\n";
  return 0;
}

// `greffe clean`: the cleanup stage alone on existing OCR text (pages separated by form feeds).
int run_clean(const std::string& path, const std::string& log_path) {
  std::optional<std::string> text;
  if (path.empty() || path == "-") {
    std::ostringstream in;
    in << std::cin.rdbuf();
    text = in.str();
  } else {
    text = read_text_file(path);
  }
  if (!text) {
    std::cerr << "greffe: " << path << ": cannot read\n";
    return exit_code(ErrorKind::UnreadableInput);
  }
  auto cleaner = cleanup::Cleaner::create({});
  if (!cleaner) {
    std::cerr << cleaner.error().to_line() << '\n';
    return exit_code(cleaner.error().kind);
  }
  std::vector<std::string> pages;
  std::istringstream split(*text);
  for (std::string page; std::getline(split, page, '\f');) pages.push_back(page);
  const cleanup::CleanDocument clean = (*cleaner)->run(pages);
  for (std::size_t i = 0; i < clean.pages.size(); ++i) std::cout << (i > 0 ? "\f" : "") << clean.pages[i];
  if (!log_path.empty()) {
    std::ofstream log(log_path, std::ios::binary);
    log << cleanup::changes_jsonl(clean.changes);
    if (!log) {
      std::cerr << "greffe: " << log_path << ": cannot write the change log\n";
      return exit_code(ErrorKind::OutputNotWritable);
    }
  }
  return 0;
}

}  // namespace

int cli_main(int argc, char** argv) {
  CLI::App app{"greffe: scanned French deliberations (registres des délibérations) to clean text and structure.\n"
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
  std::vector<std::string> inputs;
  std::string out = "greffe-out";
  bool no_preprocess = false, no_orientation = false, no_border = false, no_deskew = false,
       no_denoise = false, no_binarize = false, no_upscale = false, quiet = false;

  CLI::App* run = app.add_subcommand("run", "OCR, clean and parse documents: OUT/<stem>/{raw.txt,text.txt,cleanup.jsonl,"
                                             "deliberation.json,report.json} and OUT/deliberations.csv");
  run->add_option("INPUT", inputs, "PDF, TIFF, PNG or JPEG files, or folders (recursed, sorted)")->required();
  run->add_option("-o,--out", out, "Output folder")->capture_default_str();
  run->add_option("--lang", options.ocr.language, "Tesseract language(s), e.g. fra or fra+eng")->capture_default_str();
  run->add_option("--tessdata", options.ocr.tessdata, "Folder holding <lang>.traineddata (default: Tesseract's)");
  run->add_option("--dpi", options.rasterize.dpi,
                  "PDF rendering resolution; assumed for images that do not state theirs")
      ->capture_default_str()
      ->check(CLI::Range(50, 1200));
  run->add_option("--jobs", options.jobs, "Worker threads, one OCR engine each (default: number of cores)")
      ->check(CLI::Range(1, 256));
  run->add_option("--max-pixels", options.rasterize.max_pixels, "Largest page accepted, in pixels")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  run->add_flag("--no-preprocess", no_preprocess, "OCR the bare raster (for comparison)");
  run->add_flag("--no-orientation", no_orientation, "Do not detect and correct pages turned 90/180/270 degrees");
  run->add_flag("--no-border", no_border, "Do not clear dark scanner borders");
  run->add_flag("--no-upscale", no_upscale, "Do not resample pages under 250 dpi to 300 dpi");
  run->add_flag("--no-deskew", no_deskew, "Do not measure and correct skew");
  run->add_flag("--no-denoise", no_denoise, "Do not remove specks");
  run->add_flag("--no-binarize", no_binarize, "Give the engine the gray image (Tesseract thresholds it)");
  run->add_option("--collectivity", options.scdl.collectivity_name,
                  "The collectivity's name for deliberations.csv (COLL_NOM), e.g. \"Métropole Aix-Marseille-Provence\"");
  run->add_option("--siret", options.scdl.collectivity_siret, "Its SIRET for deliberations.csv (COLL_SIRET, 14 digits)")
      ->check(CLI::Validator(
          [](std::string& value) {
            const bool ok = value.size() == 14 && value.find_first_not_of("0123456789") == std::string::npos;
            return ok ? std::string() : "a SIRET is 14 digits";
          },
          "SIRET"));
  run->add_flag("-q,--quiet", quiet, "No progress lines, errors only");
  run->add_flag("--debug", options.debug,
                "Keep each stage's images and write the viewer OUT/<stem>/debug/index.html (open it in a browser)");

  std::string truth_path, hypothesis_path;
  CLI::App* accuracy = app.add_subcommand(
      "accuracy", "CER and WER of a text against its ground truth, as JSON (normalisation: see README)");
  accuracy->add_option("TRUTH", truth_path, "Ground-truth text file")->required();
  accuracy->add_option("TEXT", hypothesis_path, "Text to score")->required();

  std::string clean_path, clean_log;
  CLI::App* clean_command = app.add_subcommand("clean", "Cleanup stage alone, on existing OCR text: prints the clean text");
  clean_command->add_option("FILE", clean_path, "OCR text file (pages separated by form feeds), or - for stdin (default)");
  clean_command->add_option("--log", clean_log, "Write every change, one JSON object a line (cleanup.jsonl)");

  std::string parse_path;
  CLI::App* parse_command = app.add_subcommand("parse", "Structural parser alone, on clean text: prints deliberation.json");
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

  if (*accuracy) return run_accuracy(truth_path, hypothesis_path);
  if (*parse_command) return parse::command(parse_path);
  if (*clean_command) return run_clean(clean_path, clean_log);

  options.out = out;
  options.progress = !quiet;
  preprocess::Options& steps = options.preprocess;
  steps.orientation = !(no_preprocess || no_orientation);
  steps.border = !(no_preprocess || no_border);
  steps.deskew = !(no_preprocess || no_deskew);
  if (no_preprocess || no_upscale) steps.min_dpi = 0;
  steps.binarize = !(no_preprocess || no_binarize);
  steps.denoise = !(no_preprocess || no_denoise);

  std::vector<std::filesystem::path> paths(inputs.begin(), inputs.end());
  std::signal(SIGINT, on_interrupt);
  try {
    return pipeline::run(paths, options);
  } catch (const std::exception& e) {
    std::cerr << "greffe: internal error: " << e.what() << '\n';
    return exit_code(ErrorKind::Internal);
  }
}

}  // namespace greffe
