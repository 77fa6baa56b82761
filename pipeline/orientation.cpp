#include "pipeline/orientation.h"

#include <cstdio>

namespace greffe::pipeline {

namespace {

std::string osd_said(const ocr::Orientation& osd) {
  char text[96];
  std::snprintf(text, sizeof text, "Tesseract's OSD read a turn of %d° at confidence %.2f", osd.degrees,
                osd.confidence);
  return text;
}

int letters(const std::string& word) {
  int count = 0;
  for (std::size_t i = 0; i < word.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(word[i]);
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c >= 0xC0)
      ++count;  // a UTF-8 lead byte: one accented letter
  }
  return count;
}

}  // namespace

TurnVerdict judge_osd_across(const ocr::Orientation& osd, float up_down, float osd_min_confidence) {
  TurnVerdict verdict;
  verdict.method = "osd";
  if (osd.degrees == 0) return verdict;
  if (osd.confidence < osd_min_confidence) {
    verdict.warning = osd_said(osd) + ", under " + std::to_string(static_cast<int>(osd_min_confidence)) +
                      ": kept as scanned";
    return verdict;
  }
  if (osd.degrees == 180) {
    if (up_down < 0) {
      verdict.degrees = 180;
      verdict.method = "osd+ascenders";
    } else {
      verdict.warning = osd_said(osd) + " but the ascenders do not lean upside down: kept as scanned";
    }
    return verdict;
  }
  verdict.warning = osd_said(osd) + " but the text lines run across the page: kept as scanned";
  return verdict;
}

TurnVerdict judge_osd_on_side(const ocr::Orientation& osd, float osd_min_confidence) {
  TurnVerdict verdict;
  verdict.method = "osd";
  if ((osd.degrees == 90 || osd.degrees == 270) && osd.confidence >= osd_min_confidence) {
    verdict.degrees = osd.degrees;
    verdict.method = "osd+lines";
    return verdict;
  }
  verdict.warning =
      "the text lines seemed to run down the page, but neither the ascenders nor OSD confirmed it (" +
      osd_said(osd) + "): kept as scanned";
  return verdict;
}

bool looks_like_figure(const OcrPage& page) {
  int words = 0;
  for (const TextLine& line : page.lines)
    for (const Word& word : line.words)
      if (word.confidence >= 60 && letters(word.text) >= 3) ++words;
  return words < 8;
}

}  // namespace greffe::pipeline
