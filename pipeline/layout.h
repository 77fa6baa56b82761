// Layout before reading: the regions of a page that are read apart from its body. Registers of
// small communes print a left sidebar beside the body: the member counts, the convocation and
// display dates, the act's number and title. Tesseract's own layout analysis (PSM_AUTO) runs
// the sidebar's lines into the body's when the gap between them is narrow ("NOMBRES DE MEMBRES
// Maire.", "Detc d'affichage" inside the report's sentences), so the sidebar is found first and
// each region recognised on its own.
#pragma once

#include "models/page.h"
#include "models/raster.h"

#include <vector>

namespace greffe::pipeline {

// A left sidebar: a white gutter at least 0.08 in wide (twice a word space), between 8% and 45% of the page's
// width from its left edge, running down at least 30% of its height, with ink on its left in at least a sixth
// of those rows that hold ink, spread over a tenth of the page's width at least (a column of list numbers or
// bullets is narrower), and on its right in at least half of them (the body). The page is looked at in cells
// of 1/75 in. Returns the sidebar: the page left of the gutter's middle over the rows the gutter runs; width
// 0 when there is none. `page`: binarized, 0 ink, 255 paper.
Box find_sidebar(const Raster& page);

// A framed box in the page's head: the legality stamp that S²LOW and @ctes print over the top of
// the page ("Envoyé en préfecture le … / Reçu en préfecture le … / ID : …"), often over the
// heading. Read with the page, its lines run into the heading's ("DE LA COMMUNE 10 : 007-…") or
// share its paragraph; read alone, it is a block of its own. Found by its frame's bottom-left
// corner, what scans keep of it: a rule 1.5 in long at least and at most 60% of the page's width,
// starting in the page's right half and within its top fifth (traced a row up or down where it
// tilts: a stamp laid on straight over a skewed scan tilts once the page is deskewed), with a
// vertical rule rising 0.3 to 2 in from its left end and stopping there, and no rule across or
// down inside (a table's). The top of the vertical rule is the box's. Returns the box with its
// frame; width 0 when there is none. `page`: binarized, 0 ink, 255 paper.
Box find_head_stamp(const Raster& page);

// The part of a stamp box (find_head_stamp's) that holds the stamp's own lines. A line of the
// body struck through by the box's bottom rule (the heading, often: "EXTRAIT DU REGISTRE DES
// DÉLIBÉRATIO|NS DE LA COMMUNE DE") is not the stamp's: its print reaches the rule from inside, no
// more than 0.3 in of it above the rule, goes on left of the box (within 1/8 in) and right under
// it (within 1/50 in, in 5% of the box's columns). The box is cut above that line, so that only
// the stamp's lines are read as the stamp and made paper in the body. (A body line level with the
// stamp's lines and clear of the rule is not told apart this way: it stays the stamp's where it
// runs into the box.) Returns `stamp` itself when no line is cut by the rule, or when the box's
// first line is (then nothing is the stamp's alone). `page`: binarized.
Box stamp_interior(const Raster& page, const Box& stamp);

// Makes paper of the long rules of a frame within `area` (a stamp box's rest below its interior):
// a row inked across 60% of the area's width and a column within 1/20 in of its left or right edge
// inked down 80% of its height, each pixel
// only where the print does not go on across the rule (paper beyond it on both sides), so that the
// letters the rule strikes through are kept.
void erase_frame_rules(Raster& page, const Box& area);

// The cells of a letterhead printed side by side at the page's head ("DÉPARTEMENT DE … |
// ARRONDISSEMENT … | COMMUNE DE …", a crest or a "Département / Arrondissement" cell beside the
// title). Tesseract reads such a head line by line across the cells ("DÉPARTEMENT ARRONDISSEMENT
// COMMUNE"), so each cell is found first and read as a block of its own. The page is looked at in
// cells of 1/75 in, its words run together (gaps under 0.25 in across, 0.12 in down: a word space,
// a line's leading) into blocks. The head is what lies above the first block as wide as 55% of the
// page (the body's first paragraph) and within the page's top 30%; it is cut into strips at white
// rows, and a strip is a letterhead when its blocks stand in two columns or more with white gaps of
// 0.4 in at least between them, at least one column holding two lines or more, the strip no taller
// than 1.5 in. A single line with a wide gap ("Pour : 11   Contre : 0") is not one, nor is
// anything below the body's start. `apart`: the regions read apart already (the stamp box, the
// sidebar), taken as paper: a cell at the top of a sidebar's column ("RÉPUBLIQUE FRANÇAISE /
// DÉPARTEMENT") is the sidebar's, read in its order, and the title beside it is then no cell.
// Returns the cells, left to right and strip after strip, each with a margin
// of white; empty when there is none. `page`: binarized, 0 ink, 255 paper.
std::vector<Box> find_letterhead(const Raster& page, const std::vector<Box>& apart = {});

}  // namespace greffe::pipeline
