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
    "could not be written; 2 wrong usage; 3 (report --fail-on) coherence findings of\n"
    "the severity asked for, the report being printed.\n";

const cli_help cli_helps[] = {
    {"validate", "snplp validate [--strict] [--quiet] FILE...\n",
     "Reads each FILE as a document of the snplp XML format, whatever its kind (a\n"
     "referential, a file of conventions, training records), and prints every\n"
     "finding on standard output as FILE:LINE:COL: severity: [code] message, then\n"
     "one line per file with the kind of document found (referential, conventions,\n"
     "records) and its count of errors and warnings:\n"
     "FILE: referential: 0 errors, 1 warning. Exits 1 if any file has an error.\n"
     "  --strict      also validates with libxml2's XSD validator against the schema\n"
     "  --quiet       leaves out the line per file (findings only)\n"},
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
};

const size_t cli_help_count = sizeof cli_helps / sizeof cli_helps[0];

const cli_help *cli_help_find(const char *command)
{
    for (size_t i = 0; i < cli_help_count; i++)
        if (strcmp(cli_helps[i].name, command) == 0)
            return &cli_helps[i];
    return NULL;
}
