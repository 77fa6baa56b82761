#include "pipeline/serve/serve.h"

#include <httplib.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <regex>
#include <sstream>

#include "models/error.h"
#include "pipeline/rasterize/rasterize.h"
#include "pipeline/search/search.h"

namespace greffe::serve {

namespace {

constexpr std::size_t kMaxParameterBytes = 1000;  // a query or a path, never more
constexpr int kMaxHits = 50;

// No script at all: the pages are plain HTML and CSS, so hostile text shown as text stays text,
// and nothing is fetched from elsewhere.
const char* const kSecurityPolicy =
    "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; "
    "frame-ancestors 'none'";

const char* const kStyle = R"css(
body { font-family: sans-serif; margin: 1.5em; color: #222; max-width: 70em; }
form.search { display: flex; flex-wrap: wrap; gap: .5em; align-items: end; margin-bottom: 1em; }
form.search label { display: flex; flex-direction: column; font-size: .85em; }
form.search input[name=q] { width: 24em; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid #ccc; padding: .3em .5em; text-align: left; vertical-align: top; }
mark { background: #ffe066; }
.snippet { color: #444; font-size: .9em; }
.page { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 1em; margin: 1em 0; }
.image { position: relative; border: 1px solid #aaa; align-self: start; }
.image img { display: block; width: 100%; }
.box { position: absolute; border: 2px solid #d00; background: rgba(255, 220, 0, .25); }
pre.text { white-space: pre-wrap; font-size: .9em; margin: 0; }
.error { color: #a00; }
)css";

std::string page_html(const std::string& title, const std::string& body) {
  return "<!DOCTYPE html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\"><title>" + html_escape(title) +
         "</title><style>" + kStyle + "</style></head><body>\n" + body + "</body></html>\n";
}

void reply(httplib::Response& response, int status, const std::string& html) {
  response.status = status;
  response.set_header("Content-Security-Policy", kSecurityPolicy);
  response.set_header("X-Content-Type-Options", "nosniff");
  response.set_header("Referrer-Policy", "no-referrer");
  response.set_content(html, "text/html; charset=utf-8");
}

void refuse(httplib::Response& response, int status, const std::string& why) {
  reply(response, status,
        page_html("greffe: " + why,
                  "<p class=\"error\">" + html_escape(why) + "</p><p><a href=\"/\">Recherche</a></p>\n"));
}

std::string url_encode(const std::string& text) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~')
      out += static_cast<char>(c);
    else
      out += '%', out += hex[c >> 4], out += hex[c & 15];
  }
  return out;
}

// A parameter of the request, refused (nullopt) when over kMaxParameterBytes.
std::optional<std::string> parameter(const httplib::Request& request, const char* name) {
  const std::string value = request.has_param(name) ? request.get_param_value(name) : "";
  if (value.size() > kMaxParameterBytes) return std::nullopt;
  return value;
}

// `folder / relative` when it stays inside `folder` (a catalog could name "../x"), else empty.
std::filesystem::path inside(const std::filesystem::path& folder, const std::string& relative) {
  std::error_code ec;
  const auto base = std::filesystem::weakly_canonical(folder, ec);
  if (ec) return {};
  const auto joined = std::filesystem::weakly_canonical(base / relative, ec);
  if (ec) return {};
  const auto rest = joined.lexically_relative(base);
  if (rest.empty() || *rest.begin() == "..") return {};
  return joined;
}

std::optional<std::string> read_file(const std::filesystem::path& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return std::nullopt;
  std::ostringstream content;
  content << file.rdbuf();
  return content.str();
}

std::string page_file(int page, const char* extension) {
  std::string number = std::to_string(page);
  return std::string(number.size() < 4 ? 4 - number.size() : 0, '0') + number + extension;
}

std::string spans_html(const std::vector<search::Span>& spans) {
  std::string html;
  for (const auto& span : spans)
    html += span.hit ? "<mark>" + html_escape(span.text) + "</mark>" : html_escape(span.text);
  return html;
}

std::string outcome_text(const std::string& outcome) {
  if (outcome == "adopted") return "adoptée";
  if (outcome == "rejected") return "rejetée";
  return outcome;
}

// "12 500,00 EUR; 3 000,00 EUR" from deliberation.json's amounts.
std::string amounts_text(const nlohmann::json& deliberation) {
  std::string text;
  const auto amounts = deliberation.find("amounts");
  if (amounts == deliberation.end() || !amounts->is_array()) return text;
  for (const auto& amount : *amounts) {
    if (!amount.is_object() || !amount.contains("value") || !amount["value"].is_number()) continue;
    char value[64];
    std::snprintf(value, sizeof value, "%.2f", amount["value"].get<double>());
    std::string number = value;
    std::replace(number.begin(), number.end(), '.', ',');
    for (int at = static_cast<int>(number.find(',')) - 3; at > (number[0] == '-' ? 1 : 0); at -= 3)
      number.insert(at, " ");
    const std::string currency = amount.contains("currency") && amount["currency"].is_string()
                                     ? amount["currency"].get<std::string>()
                                     : "";
    text += (text.empty() ? "" : "; ") + number + (currency.empty() ? "" : " " + currency);
  }
  return text;
}

nlohmann::json deliberation_of(const std::filesystem::path& out, const search::Hit& act) {
  const auto folder = inside(out, act.output);
  if (folder.empty()) return nlohmann::json::object();
  const auto text = read_file(folder / "deliberation.json");
  if (!text) return nlohmann::json::object();
  auto parsed = nlohmann::json::parse(*text, nullptr, false);
  return parsed.is_object() ? parsed : nlohmann::json::object();
}

// The part of deliberation.json for act `act` of a minutes document (its "acts"), else the whole.
const nlohmann::json& act_json(const nlohmann::json& deliberation, int act) {
  static const nlohmann::json none = nlohmann::json::object();
  if (act <= 0) return deliberation;
  const auto acts = deliberation.find("acts");
  if (acts == deliberation.end() || !acts->is_array() || act > static_cast<int>(acts->size())) return none;
  const nlohmann::json& one = (*acts)[act - 1];
  return one.is_object() ? one : none;
}

struct Query {
  std::string q;
  search::Filters filters;
};

std::optional<Query> query_of(const httplib::Request& request) {
  Query query;
  for (auto [name, field] : {std::pair<const char*, std::string*>{"q", &query.q},
                             {"from", &query.filters.from},
                             {"to", &query.filters.to},
                             {"body", &query.filters.body},
                             {"outcome", &query.filters.outcome},
                             {"matter", &query.filters.matter}}) {
    auto value = parameter(request, name);
    if (!value) return std::nullopt;
    *field = *value;
  }
  return query;
}

std::string search_form(const Query& query) {
  auto input = [](const char* name, const char* label, const std::string& value, const char* placeholder) {
    return std::string("<label>") + label + " <input name=\"" + name + "\" value=\"" + html_escape(value) +
           "\" placeholder=\"" + placeholder + "\"></label>";
  };
  std::string outcome = "<label>Vote <select name=\"outcome\"><option value=\"\">tous</option>";
  for (const char* value : {"adopted", "rejected"})
    outcome += std::string("<option value=\"") + value + "\"" +
               (query.filters.outcome == value ? " selected" : "") + ">" + outcome_text(value) + "</option>";
  outcome += "</select></label>";
  return "<form class=\"search\" method=\"get\" action=\"/\">" +
         input("q", "Recherche", query.q, "délibération, \"phrase\", préfixe*") +
         input("from", "Du", query.filters.from, "AAAA-MM-JJ") +
         input("to", "Au", query.filters.to, "AAAA-MM-JJ") +
         input("body", "Assemblée", query.filters.body, "conseil municipal") + outcome +
         input("matter", "Matière", query.filters.matter, "7.1") +
         "<button type=\"submit\">Chercher</button></form>\n";
}

std::string act_link(const search::Hit& act, const std::string& q) {
  return "/act?doc=" + url_encode(act.path) + (q.empty() ? "" : "&q=" + url_encode(q)) +
         (act.page > 0 ? "#page-" + std::to_string(act.page) : "");
}

class Server {
 public:
  explicit Server(std::filesystem::path out) : out_(std::move(out)) {}

  void home(const httplib::Request& request, httplib::Response& response) {
    const auto query = query_of(request);
    if (!query) return refuse(response, 414, "paramètre trop long");
    auto index = search::Index::open(out_);
    if (!index) return refuse(response, 500, index.error().message);
    const bool searching = !query->q.empty();
    auto found = searching ? index.value()->find(query->q, query->filters, kMaxHits)
                           : index.value()->acts(query->filters, kMaxHits);
    std::string body = "<h1>Registre des délibérations</h1>\n" + search_form(*query);
    if (!found) {
      reply(response, 400,
            page_html("greffe", body + "<p class=\"error\" id=\"error\">" +
                                    html_escape(found.error().message) + "</p>\n"));
      return;
    }
    body += "<p id=\"count\">" + std::to_string(found->size()) +
            (searching ? " résultat(s)" : " acte(s), les plus récents d'abord") +
            "</p>\n<table "
            "id=\"acts\"><thead><tr><th>Date</th><th>N°</th><th>Titre</th><th>Vote</th><th>Montants</th>" +
            (searching ? "<th>Page</th>" : "") + "</tr></thead><tbody>\n";
    // A minutes document gives a row per act: its deliberation.json read once, each row's amounts
    // from its act.
    std::map<std::string, nlohmann::json> read;
    for (const auto& act : *found) {
      auto known = read.find(act.output);
      if (known == read.end()) known = read.emplace(act.output, deliberation_of(out_, act)).first;
      const nlohmann::json& deliberation = act_json(known->second, act.act);
      body += "<tr class=\"act\"><td>" + html_escape(act.date) + "</td><td>" + html_escape(act.number) +
              "</td><td><a href=\"" + html_escape(act_link(act, query->q)) + "\">" +
              html_escape(act.title.empty() ? act.path : act.title) + "</a>";
      if (searching) body += "<div class=\"snippet\">" + spans_html(act.snippet) + "</div>";
      body += "</td><td>" + html_escape(outcome_text(act.outcome)) + "</td><td>" +
              html_escape(amounts_text(deliberation)) + "</td>";
      if (searching) body += "<td>" + std::to_string(act.page) + "</td>";
      body += "</tr>\n";
    }
    body += "</tbody></table>\n";
    reply(response, 200, page_html(searching ? query->q + " — greffe" : "greffe", body));
  }

  void act(const httplib::Request& request, httplib::Response& response) {
    const auto path = parameter(request, "doc");
    const auto q = parameter(request, "q");
    if (!path || !q) return refuse(response, 414, "paramètre trop long");
    auto index = search::Index::open(out_);
    if (!index) return refuse(response, 500, index.error().message);
    auto found = index.value()->document(*path);
    if (!found) return refuse(response, 500, found.error().message);
    if (!found.value()) return refuse(response, 404, "aucun acte de ce nom dans le catalogue");
    const search::Hit& act = *found.value();
    if (!q->empty()) {
      auto checked = search::fts_query(*q);
      if (!checked) return refuse(response, 400, checked.error().message);
    }
    const auto deliberation = deliberation_of(out_, act);
    std::string body =
        "<p><a href=\"/?q=" + html_escape(url_encode(*q)) + "\">← Recherche</a></p>\n<h1 id=\"title\">" +
        html_escape(act.title.empty() ? act.path : act.title) + "</h1>\n<table id=\"fields\">\n";
    auto row = [&](const std::string& name, const std::string& value) {
      body += "<tr><th>" + html_escape(name) + "</th><td>" + html_escape(value) + "</td></tr>\n";
    };
    row("document", act.path);
    row("montants", amounts_text(deliberation));
    for (const auto& [key, value] : deliberation.items()) {
      if (value.is_null() || (value.is_array() && value.empty())) continue;
      row(key, value.is_string() ? value.get<std::string>()
                                 : value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    }
    body += "</table>\n";
    const int pages = index.value()->page_count(act.path);
    const auto folder = inside(out_, act.output);
    for (int page = 1; page <= pages; ++page) {
      auto spans = index.value()->page(act.path, page, *q);
      if (!spans) return refuse(response, 500, spans.error().message);
      body += "<h2 id=\"page-" + std::to_string(page) + "\">Page " + std::to_string(page) +
              "</h2>\n<div class=\"page\"><div class=\"image\">";
      body += "<img alt=\"page " + std::to_string(page) +
              "\" src=\"/page.png?doc=" + html_escape(url_encode(act.path)) +
              "&amp;page=" + std::to_string(page) + "\">";
      const auto hocr = folder.empty() ? std::nullopt : read_file(folder / "hocr" / page_file(page, ".hocr"));
      const auto hits = search::hit_words(*spans);
      if (hocr && !hits.empty()) {
        const PageWords words = parse_hocr(*hocr);
        for (const auto& word : words.words) {
          bool hit = false;
          for (const auto& token : search::tokens(word.text))
            hit = hit || std::find(hits.begin(), hits.end(), token) != hits.end();
          if (!hit || words.width <= 0 || words.height <= 0) continue;
          char style[160];
          std::snprintf(style, sizeof style, "left:%.3f%%;top:%.3f%%;width:%.3f%%;height:%.3f%%",
                        100.0 * word.left / words.width, 100.0 * word.top / words.height,
                        100.0 * (word.right - word.left) / words.width,
                        100.0 * (word.bottom - word.top) / words.height);
          body +=
              "<div class=\"box\" title=\"" + html_escape(word.text) + "\" style=\"" + style + "\"></div>";
        }
      }
      body += "</div><pre class=\"text\">" + spans_html(*spans) + "</pre></div>\n";
      if (!hocr)
        body += "<p class=\"note\">Pas de boîtes de mots : le lot a été traité sans --formats …,hocr.</p>\n";
    }
    reply(response, 200, page_html(act.title.empty() ? act.path : act.title, body));
  }

  void page_image(const httplib::Request& request, httplib::Response& response) {
    const auto path = parameter(request, "doc");
    const auto page_text = parameter(request, "page");
    if (!path || !page_text) return refuse(response, 414, "paramètre trop long");
    int page = 0;
    if (page_text->empty() || page_text->size() > 5 ||
        page_text->find_first_not_of("0123456789") != std::string::npos || (page = std::stoi(*page_text)) < 1)
      return refuse(response, 400, "page: un numéro à partir de 1");
    auto index = search::Index::open(out_);
    if (!index) return refuse(response, 500, index.error().message);
    auto found = index.value()->document(*path);
    if (!found) return refuse(response, 500, found.error().message);
    if (!found.value() || page > index.value()->page_count(*path))
      return refuse(response, 404, "aucune page de ce nom");
    // The page as read, at the resolution its hOCR says, so that the word boxes fall on it.
    const auto folder = inside(out_, found.value()->output);
    int dpi = 300;
    if (const auto hocr =
            folder.empty() ? std::nullopt : read_file(folder / "hocr" / page_file(page, ".hocr"))) {
      const PageWords words = parse_hocr(*hocr);
      if (words.dpi >= 50 && words.dpi <= 600) dpi = words.dpi;
    }
    const auto source = inside(index.value()->meta("archive"), *path);
    std::error_code ec;
    if (source.empty() || !std::filesystem::is_regular_file(source, ec))
      return refuse(response, 404, "le fichier de cet acte n'est plus dans l'archive");
    std::vector<unsigned char> png;
    {
      std::lock_guard<std::mutex> one_at_a_time(render_mutex_);  // pages are large: one in memory at a time
      rasterize::Options options;
      options.dpi = dpi;
      options.drop_light_colour = false;
      auto document = rasterize::open(source, options);
      if (!document) return refuse(response, 500, document.error().message);
      if (page > document.value()->page_count()) return refuse(response, 404, "aucune page de ce nom");
      auto raster = document.value()->render(page - 1);
      if (!raster) return refuse(response, 500, raster.error().message);
      const cv::Mat pixels(raster->height, raster->width, CV_8UC1, raster->pixels.data());
      if (!cv::imencode(".png", pixels, png, {cv::IMWRITE_PNG_COMPRESSION, 3}))
        return refuse(response, 500, "image");
    }
    response.set_header("Cache-Control", "max-age=3600");
    response.set_header("X-Content-Type-Options", "nosniff");
    response.set_content(std::string(png.begin(), png.end()), "image/png");
  }

 private:
  std::filesystem::path out_;
  std::mutex render_mutex_;
};

std::string xml_unescape(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '&') {
      out += text[i];
      continue;
    }
    const std::size_t end = text.find(';', i);
    const std::string entity = end == std::string::npos ? "" : text.substr(i + 1, end - i - 1);
    const char* plain = entity == "amp"    ? "&"
                        : entity == "lt"   ? "<"
                        : entity == "gt"   ? ">"
                        : entity == "quot" ? "\""
                        : entity == "apos" ? "'"
                                           : nullptr;
    if (!plain) {
      out += text[i];
      continue;
    }
    out += plain;
    i = end;
  }
  return out;
}

}  // namespace

std::string html_escape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t' && c != '\f') break;
        out += c;
    }
  }
  return out;
}

PageWords parse_hocr(const std::string& hocr) {
  PageWords page;
  static const std::regex page_box(
      R"(class="ocr_page"[^>]*bbox 0 0 (\d+) (\d+)(?:; ppageno \d+)?(?:; scan_res (\d+))?)");
  static const std::regex word(
      R"(<span class="ocrx_word"[^>]*title="bbox (\d+) (\d+) (\d+) (\d+)[^"]*">([^<]*)</span>)");
  std::smatch found;
  if (std::regex_search(hocr, found, page_box)) {
    page.width = std::stoi(found[1]);
    page.height = std::stoi(found[2]);
    if (found[3].matched) page.dpi = std::stoi(found[3]);
  }
  for (auto it = std::sregex_iterator(hocr.begin(), hocr.end(), word); it != std::sregex_iterator(); ++it) {
    const auto& m = *it;
    if (m[1].length() > 7 || m[2].length() > 7 || m[3].length() > 7 || m[4].length() > 7) continue;
    page.words.push_back(
        {xml_unescape(m[5]), std::stoi(m[1]), std::stoi(m[2]), std::stoi(m[3]), std::stoi(m[4])});
  }
  return page;
}

int command(const Options& options) {
  {
    auto index = search::Index::open(options.out);  // a wrong OUT is said at once, not at the first request
    if (!index) {
      std::cerr << index.error().to_line() << '\n';
      return exit_code(index.error().kind);
    }
  }
  httplib::Server server;
  Server pages(options.out);
  server.set_payload_max_length(64 * 1024);  // read-only: no request needs a body
  server.set_read_timeout(10, 0);
  server.set_keep_alive_max_count(20);
  server.Get("/", [&](const httplib::Request& request, httplib::Response& response) {
    pages.home(request, response);
  });
  server.Get("/act", [&](const httplib::Request& request, httplib::Response& response) {
    pages.act(request, response);
  });
  server.Get("/page.png", [&](const httplib::Request& request, httplib::Response& response) {
    pages.page_image(request, response);
  });
  server.set_error_handler([](const httplib::Request&, httplib::Response& response) {
    if (response.body.empty())
      refuse(response, response.status, response.status == 404 ? "page introuvable" : "requête refusée");
  });
  server.set_exception_handler([](const httplib::Request&, httplib::Response& response, std::exception_ptr) {
    refuse(response, 500, "erreur interne");
  });
  int port = options.port;
  if (port == 0)
    port = server.bind_to_any_port(options.host);
  else if (!server.bind_to_port(options.host, port))
    port = -1;
  if (port <= 0) {
    std::cerr << "greffe: serve: cannot listen on " << options.host << ":" << options.port
              << " (in use, or not an address of this machine)\n";
    return exit_code(ErrorKind::BadArguments);
  }
  std::cerr << "greffe serve: http://"
            << (options.host.find(':') != std::string::npos ? "[" + options.host + "]" : options.host) << ":"
            << port << "/ (read-only, Ctrl-C to stop)" << std::endl;
  server.listen_after_bind();
  return 0;
}

}  // namespace greffe::serve
