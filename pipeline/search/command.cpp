#include "pipeline/search/command.h"

#include <CLI/CLI.hpp>
#include <iostream>

namespace greffe::search {

CLI::App* add_command(CLI::App& app, Arguments& arguments) {
  CLI::App* search = app.add_subcommand(
      "search",
      "Full-text search of a greffe batch output: each hit's document, act number, date, title, page and a "
      "snippet with the hit **marked**. Accents and case do not matter (deliberation finds Délibération)");
  search
      ->add_option("OUT", arguments.out,
                   "Output folder of greffe batch or greffe merge (holds catalog.sqlite)")
      ->required();
  search
      ->add_option(
          "QUERY", arguments.query,
          "Words (all on the page), \"a phrase\", a prefix* and OR between two terms; anything else is "
          "searched as text")
      ->required();
  search->add_flag("--json", arguments.json, "Print the hits as JSON");
  search->add_option("--limit", arguments.limit, "Most hits printed, best first")
      ->capture_default_str()
      ->check(CLI::Range(1, 10000));
  search->add_option("--from", arguments.filters.from,
                     "Sessions on or after this date: YYYY, YYYY-MM or YYYY-MM-DD");
  search->add_option("--to", arguments.filters.to,
                     "Sessions on or before this date: YYYY, YYYY-MM or YYYY-MM-DD");
  search->add_option("--body", arguments.filters.body,
                     "Part of the body or authority's name, e.g. \"conseil municipal\"");
  search->add_option("--outcome", arguments.filters.outcome, "Vote outcome")
      ->check(CLI::IsMember({"adopted", "rejected"}));
  search->add_option("--matter", arguments.filters.matter, "SCDL matter code: 7 takes 7.1, 7.2 …");
  return search;
}

int cli_main(int argc, char** argv) {
  CLI::App app{
      "greffe: scanned French deliberations to clean text and structure (greffe --help: every command)",
      "greffe"};
  app.require_subcommand(1);
  Arguments arguments;
  add_command(app, arguments);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "greffe: " << e.what() << " (see greffe search --help)\n";
    return exit_code(ErrorKind::BadArguments);
  }
  return command(arguments.out, arguments.query, arguments.filters, arguments.limit, arguments.json);
}

}  // namespace greffe::search
