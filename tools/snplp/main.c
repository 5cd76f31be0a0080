/* snplp: the command-line program of libsnplp.
 *
 *   snplp validate [--strict] FILE...   every diagnostic as FILE:LINE:COL: severity: [code] message
 *   snplp export-builtin [-o FILE]      the built-in referential as XML (stdout by default)
 *   snplp report [--at DATE] [--threshold PERCENT] FILE...
 *                                       the matrix of a convention (or the synthesis of several),
 *                                       the state of reports and credits, coherence findings
 *   snplp report --csv [--dialect fr|intl] [-o FILE] FILE...
 *                                       the conventions' values as CSV
 *   snplp import-csv [--dialect fr|intl] CONV.xml VALUES.csv -o OUT.xml
 *                                       values merged into conventions, all or nothing
 *   snplp --help | --version
 *
 * One file per command (cmd_*.c, cmd.h), one option parser over getopt_long() (opt.c), what the
 * commands share in common.c; report_table.c prints the text report, termtext.c measures and
 * wraps text for a terminal. Only the public API of libsnplp (<snplp/...>).
 *
 * validate prints its findings on standard output (they are its output); report and import-csv
 * print the findings of the files they read on standard error, so that standard output holds
 * only the report or the CSV.
 *
 * Exit status: 0 success (validate: no error; warnings allowed; report: coherence findings are
 * part of the report), 1 a file cannot be read or has errors (report: no report then;
 * import-csv: nothing written), or an output could not be written, 2 wrong usage. */
#include <stdio.h>
#include <string.h>

#include <snplp/snplp.h>

#include "cmd.h"
#include "common.h"

static const struct command {
    const char *name;
    int (*run)(int argc, char **argv);
} commands[] = {
    {"validate", cmd_validate},
    {"export-builtin", cmd_export_builtin},
    {"report", cmd_report},
    {"import-csv", cmd_import_csv},
};

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs(cli_usage, stderr);
        return 2;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0) {
        fputs(cli_usage, stdout);
        return 0;
    }
    if (strcmp(cmd, "--version") == 0) {
        printf("snplp %s (XML namespace %s)\n", snplp_version(), SNPLP_XML_NAMESPACE);
        return 0;
    }
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strcmp(cmd, commands[i].name) == 0)
            return commands[i].run(argc - 1, argv + 1);
    return cli_usage_error(NULL, "unknown command %s", cmd);
}
