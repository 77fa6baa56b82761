// Whether to turn a page, on evidence that agrees. Three readings of a page's orientation are at
// hand: the line profile (preprocess: do the text lines run across or down?), the ascenders
// against the descenders (Leptonica, up or down, sure from 8), and Tesseract's OSD with its
// confidence. One reading alone turned upright pages: a two-page act's second page, a signature
// under a seal, was turned a quarter on the line profile, OSD answering at confidence 0; a cadastral
// map was turned at 0.86. So a page is turned only when two readings agree, and is otherwise kept
// as scanned with a warning saying what was seen.
#pragma once

#include <string>

#include "models/page.h"
#include "ocr/engine.h"

namespace greffe::pipeline {

struct TurnVerdict {
  int degrees = 0;      // clockwise turn the page has, to be undone; 0: kept as it is
  std::string method;   // the readings that agreed ("osd+ascenders", "osd+lines"), or "osd" when kept
  std::string warning;  // a reading asked for a turn that was not made, and why
};

// OSD's answer on a page whose lines run across (the line profile) and whose ascenders were not
// sure: `up_down` is their leaning (> 0 upright, < 0 upside down, 0 not measured). Upside down
// only when OSD is confident and the ascenders lean the same way; on its side never, since the
// lines run across.
TurnVerdict judge_osd_across(const ocr::Orientation& osd, float up_down, float osd_min_confidence);

// OSD's answer on a page the line profile found on its side, read as scanned, the ascenders not
// sure either way: turned only when OSD is confident that the page is on its side too.
TurnVerdict judge_osd_on_side(const ocr::Orientation& osd, float osd_min_confidence);

// A page without text: a map, a plan, a photograph. Its recognised words are few and poor: under
// 8 words of three letters or more read at confidence 60 or over (a signature page holds
// "Le Maire", a date and the certification, well over that).
bool looks_like_figure(const OcrPage& page);

}  // namespace greffe::pipeline
