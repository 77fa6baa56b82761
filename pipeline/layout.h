// Layout before reading: the regions of a page that are read apart from its body. Registers of
// small communes print a left sidebar beside the body: the member counts, the convocation and
// display dates, the act's number and title. Tesseract's own layout analysis (PSM_AUTO) runs
// the sidebar's lines into the body's when the gap between them is narrow ("NOMBRES DE MEMBRES
// Maire.", "Detc d'affichage" inside the report's sentences), so the sidebar is found first and
// each region recognised on its own.
#pragma once

#include "models/page.h"
#include "models/raster.h"

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

}  // namespace greffe::pipeline
