// What recognition and the later stages know of one page: its words with boxes and
// confidences, grouped in lines, and the page's report (dpi, skew, orientation, timings).
#pragma once

#include <string>
#include <vector>

#include "models/geometry.h"

namespace greffe {

struct Box {
  int left = 0;
  int top = 0;
  int width = 0;
  int height = 0;
};

struct Word {
  std::string text;      // UTF-8
  Box box;               // in the pixels of the image given to the engine
  float confidence = 0;  // 0..100, as Tesseract reports it
  // An underscore the engine dropped between this word and the next, found in the pixels
  // (ocr/underscore.h): "" none, "_" joined ("Plateforme_Marseille"), "_ " then a space.
  std::string underscore_after;
  // A lone "-" whose ink is as long as an en dash's (ocr/dash.h): the printed "–".
  bool en_dash = false;
  // The full stops ending the word, counted on the page when the engine read two or more there
  // (ocr/full_stops.h): "formés...." read "formés...". 0: not counted.
  int full_stops = 0;
};

struct TextLine {
  std::vector<Word> words;
  Box box;
  int block = 0;      // Tesseract block index on the page, for reflow
  int paragraph = 0;  // paragraph index on the page
  // The part of the page's layout the line was read in (pipeline/layout.h): "body", "sidebar" (a
  // left column of member counts, dates, the act's number and title, read before the body), "stamp"
  // (a legality stamp's box) or "letterhead" (a cell of a letterhead printed side by side).
  std::string region = "body";
};

struct OcrPage {
  std::string text;  // the engine's own text output, exactly as given
  std::vector<TextLine> lines;
  float mean_confidence = 0;  // Tesseract's mean text confidence, 0..100
};

// Milliseconds each stage spent on a page.
struct StageTimings {
  double rasterize_ms = 0;
  double preprocess_ms = 0;
  double orientation_ms = 0;
  double layout_ms = 0;  // finding the page's regions (pipeline/layout.h)
  double ocr_ms = 0;
  double cleanup_ms = 0;
};

struct PageReport {
  int number = 0;              // 1-based
  std::string source = "ocr";  // "ocr" or "text layer"
  int dpi = 0;                 // of the page as scanned or rendered
  int ocr_dpi = 0;             // of the image given to the engine, after resampling
  int width = 0;
  int height = 0;
  double skew_degrees = 0;      // positive: text lines rose to the right (content turned counter-clockwise)
  int orientation_degrees = 0;  // clockwise quarter-turn the page had, 0/90/180/270
  // The readings that decided: "ascenders" (Leptonica), "lines+ascenders" (a quarter turn the
  // ascenders confirmed), "osd+ascenders", "osd+lines" (Tesseract's OSD and one other reading),
  // "osd" (OSD asked, the page kept as it was) or "none" (not asked).
  std::string orientation_method = "none";
  float orientation_confidence = 0;  // of the method that decided
  float mean_confidence = 0;
  std::string
      ocr_model;  // which model read the page ("fra best_int", "fra default"...); empty for a text layer
  // "text", or "figure": a page without text (map, plan, photograph), kept as it is, never
  // turned on a guess (pipeline/orientation.h).
  std::string kind = "text";
  Box sidebar;  // a left sidebar read as its own region, in the engine's pixels; width 0: none
  std::vector<std::string> warnings;  // what was seen and not acted on (an orientation no reading confirmed)
  // A seal made paper before the engine read the page: light coloured ink (rasterize), light
  // gray ink away from the print (preprocess).
  bool light_colour_dropped = false;
  bool light_ink_dropped = false;
  StageTimings timings;
  std::string error;  // a page that could not be read says why here
};

struct PageResult {
  PageReport report;
  OcrPage ocr;
  std::string clean_text;
  // The page as read (rendered or decoded), and how its pixels map onto those the word boxes are
  // in: the archive formats put the words back on the page.
  int source_width = 0;
  int source_height = 0;
  PageTransform to_ocr;
};

}  // namespace greffe
