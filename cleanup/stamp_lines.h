// Stamp lines: the legality stamp ("Signé le … / Reçu au Contrôle de légalité le …") and the
// @ctes receipt ("Accusé de réception en préfecture", act id, "Date de télétransmission : …",
// "Date de réception préfecture : …") that scanners print over every page. They are not the
// act's text; their dates and act id are its legality record.
#pragma once

#include <string_view>

#include "models/legality.h"

namespace greffe::cleanup {

// Whether `line` is a stamp line, in any OCR-damaged form Tesseract gives it; if so, what it
// says is added to `legality` (a value already there is kept: the first stamp read wins).
bool read_stamp_line(std::string_view line, Legality& legality);

// `line` without the stamp phrases printed inside it (S²LOW "Envoyé en préfecture le … Reçu en
// préfecture le … Publié le ID : …-DE", "AR Prefecture … Reçu le … Publié le …", the @ctes box's
// "Envoi Préfecture : …"), as text flattened to one line holds them; what they say is added to
// `legality` (the first value read wins). Each phrase needs its date or act id to be removed.
std::string remove_inline_stamps(std::string_view line, Legality& legality);

}  // namespace greffe::cleanup
