/* The help texts of the snplp program (help.h): the one source of `--help` and of snplp(1). */
#include "help.h"

#include <string.h>

const char cli_help_summary[] =
    "snplp - read, check and report on the documents of libsnplp (SNPLP strategy)\n";

const char cli_help_common[] =
    "Every FILE may be \"-\": standard input (read once: at most one \"-\" per command);\n"
    "-o - writes to standard output. A long option's value may follow \"=\"\n"
    "(--at=2021-06-30).\n"
    "\n"
    "Findings are printed as FILE:LINE:COL: severity: [code] message. A command that\n"
    "writes a file says what it did on standard error when standard error is a\n"
    "terminal (--quiet: never), and shows the progress of a long read there too\n"
    "(never when standard error is a file or a pipe). A usage error prints one line\n"
    "and a hint; snplp COMMAND --help prints the command's help.\n"
    "\n"
    "An output file (-o) is written atomically: a new file next to it, renamed over\n"
    "it once complete. It may not be one of the command's input files (nor a link to\n"
    "one), except where a command says it may; when it is a symbolic link, the file it\n"
    "points to is replaced and the link is kept.\n"
    "\n"
    "Exit status: 0 success; 1 a file cannot be read or has errors, or an output\n"
    "could not be written (eligibility: or the worker or module is not there); 2\n"
    "wrong usage; 3 (report, coverage, eligibility --fail-on) findings of the\n"
    "severity asked for, the output being printed.\n";

const cli_help cli_helps[] = {
    {"validate", "snplp validate [--strict] [--quiet] [--referential REF] FILE...\n",
     "Reads each FILE as a document of the snplp XML format, whatever its kind (a\n"
     "referential, a file of conventions, training records), and prints every\n"
     "finding on standard output as FILE:LINE:COL: severity: [code] message, then\n"
     "one line per file with the kind of document found (referential, conventions,\n"
     "records) and its count of errors and warnings:\n"
     "FILE: referential: 0 errors, 1 warning. Training records are also checked\n"
     "against a referential (references, dates, days, capacities: FILE: severity:\n"
     "[code] message, without a line). Exits 1 if any file has an error.\n"
     "  --strict      also validates with libxml2's XSD validator against the schema\n"
     "  --quiet       leaves out the line per file (findings only)\n"
     "  --referential REF\n"
     "                checks training records against the referential REF instead\n"
     "                of the built-in one\n"},
    {"export-builtin", "snplp export-builtin [--quiet] [-o FILE]\n",
     "Writes the built-in referential of the strategy as XML, to standard output or\n"
     "(atomically) to FILE with -o.\n"
     "  -o FILE       the output file (\"-\": standard output, the default)\n"
     "  --quiet       says nothing on standard error on success\n"},
    {"report",
     "snplp report [--at YYYY-MM-DD] [--threshold PERCENT] [--each]\n"
     "             [--fail-on error|warning] FILE...\n"
     "snplp report --csv [--dialect fr|intl] [--quiet] [-o OUT.csv] FILE...\n",
     "Reads each FILE as conventions (CALPAE) in the snplp XML format and prints,\n"
     "as aligned tables: the follow-up matrix of the convention, or the synthesis\n"
     "of all of them when there are several (indicators x years: target, actual,\n"
     "rate, status; for a synthesis, how many conventions each figure covers and\n"
     "which lack values, the first ones then \"and N more\"), the cells by status,\n"
     "then for each convention the state of its execution reports, the decision\n"
     "on its credits with every reason, and its coherence findings. A rate above\n"
     "10^6 % prints in scientific notation (2.5e+08%). A FILE that cannot be read is\n"
     "reported on standard error and the command exits 1 without a report;\n"
     "coherence findings are part of the report (exit 0, unless --fail-on).\n"
     "  --at DATE     the date of the report, YYYY-MM-DD (default: today)\n"
     "  --threshold P the rate, in percent, from which a target is partly reached\n"
     "                (above 0, at most 100, e.g. 82.5; default 80)\n"
     "  --each        with several conventions, also prints each one's own matrix\n"
     "  --fail-on S   exits 3 (after the report) when a coherence or synthesis\n"
     "                finding is an error (S = error) or an error or a warning\n"
     "                (S = warning)\n"
     "  --csv         writes the values of the conventions (targets, actuals, units,\n"
     "                sources, comments) as CSV instead of the report, to standard\n"
     "                output or (atomically) to OUT.csv with -o; the ids of the\n"
     "                conventions must differ; OUT.csv may not be one of the FILEs\n"
     "  --dialect D   with --csv: intl (comma, decimal point; the default) or fr\n"
     "                (semicolon, decimal comma, byte-order mark: what a French\n"
     "                spreadsheet expects)\n"
     "  --quiet       with -o: says nothing on standard error on success\n"},
    {"import-csv",
     "snplp import-csv [--dialect fr|intl] [--quiet] CONV.xml VALUES.csv -o OUT.xml\n",
     "Reads the conventions of CONV.xml, merges into them the values of VALUES.csv\n"
     "(in the --dialect given, intl by default; empty fields leave values as they\n"
     "are) and writes the result to OUT.xml (atomically). OUT.xml may be CONV.xml:\n"
     "the file is then updated in place; it may not be VALUES.csv. The comments\n"
     "before the root element of CONV.xml are written back; comments inside it are\n"
     "not kept. All or nothing: on any problem every finding is printed to standard\n"
     "error as FILE:LINE:COL: severity: [code] message, OUT.xml is not written and\n"
     "the command exits 1.\n"
     "  --dialect D   intl (comma, decimal point) or fr (semicolon, decimal comma)\n"
     "  --quiet       says nothing on standard error on success\n"},
    {"coverage",
     "snplp coverage [--at YYYY-MM-DD | --from YYYY-MM-DD --to YYYY-MM-DD]\n"
     "               [--by AXES] [--all] [--fail-on error|warning] [--quiet]\n"
     "               REFERENTIAL|--builtin RECORDS...\n"
     "snplp coverage --csv [--dialect fr|intl] [-o OUT.csv] [options above]\n"
     "               REFERENTIAL|--builtin RECORDS...\n",
     "Reads the training records of each RECORDS file (format 1.1) with the\n"
     "referential REFERENTIAL (a file; --builtin: the built-in one, and every\n"
     "argument is then RECORDS), checks them against it, and prints for a period how\n"
     "much of the workforce training reached: the workforce in scope (the workers in\n"
     "it on a day of the period), the distinct workers trained (attended, or partly\n"
     "for all the session's days, in a session ending in the period) and their rate,\n"
     "the training days, then a table of the same figures by AXES, then the workers\n"
     "with no training. A row with no workforce has no rate (\"-\"), never 0; days\n"
     "attended that are unknown are counted apart (\"days unknown\"), never as 0.\n"
     "Several RECORDS files are not merged (each host chooses its workers' ids):\n"
     "each gets its own coverage. The findings of the reading and of the check go to\n"
     "standard error as FILE:LINE:COL: severity: [code] message (those of the check,\n"
     "which have no line, as FILE: severity: [code] message); they do not stop the\n"
     "coverage (exit 0, unless --fail-on).\n"
     "  --at DATE     the period is the year to DATE: 1 January of its year to DATE\n"
     "                (default: today)\n"
     "  --from D1 --to D2\n"
     "                the period from D1 to D2, both days included\n"
     "  --by AXES     theme, plan, profession, territory, separated by commas, or\n"
     "                none (one row); default theme,profession. Rows hold every\n"
     "                combination: every theme of the referential and plan theme,\n"
     "                the professions and territories of the workforce in scope\n"
     "  --all         also prints the rows where no one was trained (the tables leave\n"
     "                them out and say how many; the CSV has them all)\n"
     "  --builtin     reads the records with the built-in referential\n"
     "  --fail-on S   exits 3 (after the output) when a finding of the check is an\n"
     "                error (S = error) or an error or a warning (S = warning)\n"
     "  --quiet       prints no finding of the check (they still count for\n"
     "                --fail-on); with -o, says nothing on standard error on success\n"
     "  --csv         writes the rows as CSV instead: the AXES columns, then\n"
     "                workforce, trained, rate (percent; empty when there is no\n"
     "                workforce), days, days-unknown; with several RECORDS files a\n"
     "                first column, records, names the file of each row\n"
     "  --dialect D   with --csv: intl (comma, decimal point; the default) or fr\n"
     "                (semicolon, decimal comma, byte-order mark)\n"
     "  -o OUT.csv    with --csv: the output file (\"-\": standard output, the\n"
     "                default), written atomically; not one of the inputs\n"},
    {"eligibility",
     "snplp eligibility [--at YYYY-MM-DD] [--module ID]\n"
     "                  [--fail-on error|warning] [--quiet]\n"
     "                  REFERENTIAL|--builtin RECORDS WORKER\n",
     "Reads the training records of RECORDS with the referential REFERENTIAL (a\n"
     "file; --builtin: the built-in one), checks them against it, and prints what the\n"
     "worker WORKER (an id of the records) may take next and why: the modules of the\n"
     "referential the worker was not trained in by the date, in the plan's order\n"
     "(fundamentals before expert), each with its answer and every reason (the\n"
     "profession targeted or not, the diploma level against each diploma rule, each\n"
     "prerequisite trained or missing, each session of the module already trained\n"
     "in). The answers: priority (in the module's priority public), open (may be\n"
     "admitted, outside the priority public), not-yet (a prerequisite is not\n"
     "trained). The findings of the reading and of the check go to standard error as\n"
     "for coverage. A WORKER that is not in the records, or a --module that is not in\n"
     "the referential, is said in one line and the command exits 1.\n"
     "  --at DATE     the date of the question (default: today)\n"
     "  --module ID   the answer for that module only, trained in or not\n"
     "  --builtin     reads the records with the built-in referential\n"
     "  --fail-on S   exits 3 (after the answer) when a finding of the check is an\n"
     "                error (S = error) or an error or a warning (S = warning)\n"
     "  --quiet       prints no finding of the check (they still count for\n"
     "                --fail-on)\n"},
    {"export-lheo",
     "snplp export-lheo [--all-or-nothing] [--quiet] [-o FILE]\n"
     "                  CATALOGUE|--builtin [RECORDS]\n",
     "Writes the training offers of CATALOGUE (a referential: a training body's\n"
     "modules; --builtin: the built-in referential) with the sessions of the\n"
     "training records RECORDS as an LHEO 2.3 document (namespace\n"
     "http://lheo.gouv.fr/2.3), to standard output or (atomically) to FILE with -o:\n"
     "one formation per module and training body with sessions of it, its sessions\n"
     "grouped in one action per mode. What LHEO requires and the documents lack (a\n"
     "module's offer, a training body's SIRET or address...) is never made up: the\n"
     "offer is left out and a finding names the data, as CATALOGUE: error:\n"
     "[lheo-missing-data] message; a text longer than LHEO allows is cut on a word\n"
     "boundary (warning lheo-text-cut). The findings of the reading and of the\n"
     "records' check go to standard error as for coverage. Exits 1, writing nothing,\n"
     "when no offer is complete (LHEO requires at least one formation).\n"
     "  -o FILE       the output file (\"-\": standard output, the default)\n"
     "  --all-or-nothing\n"
     "                writes nothing (exit 1) when any offer is left out\n"
     "  --builtin     takes the built-in referential as the catalogue\n"
     "  --quiet       says nothing on standard error on success\n"},
};

const size_t cli_help_count = sizeof cli_helps / sizeof cli_helps[0];

const cli_help *cli_help_find(const char *command)
{
    for (size_t i = 0; i < cli_help_count; i++)
        if (strcmp(cli_helps[i].name, command) == 0)
            return &cli_helps[i];
    return NULL;
}
