/* snplp import-csv [--dialect fr|intl] [--quiet] CONV.xml VALUES.csv -o OUT.xml: the values of
 * VALUES.csv merged into the conventions of CONV.xml, written to OUT.xml (atomically; it may be
 * CONV.xml, the in-place update, not VALUES.csv; "-": standard input or output). All or
 * nothing: on any problem every finding goes to standard error and nothing is written.
 * Options may stand anywhere. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include <snplp/csv.h>
#include <snplp/snplp.h>

#include "cmd.h"
#include "common.h"
#include "opt.h"

enum { OPT_DIALECT, OPT_OUT, OPT_QUIET, OPT_HELP };

/* Merges the values of @p csv into the conventions read from @p conv and writes them to
 * @p out. Returns the exit status. */
static int merge(const char *conv, const char *csv, snplp_csv_dialect dialect, const char *out)
{
    cli_conventions l;
    if (cli_conventions_load(&l, "import-csv", &conv, 1) != 0)
        return 1;
    int status = 0;
    snplp_diagnostics *diags = NULL;
    if (snplp_diagnostics_new(&diags) != SNPLP_OK) {
        fprintf(stderr, "snplp import-csv: %s\n", snplp_error_last_reason());
        status = 1;
    } else {
        cli_input in;
        int rc = SNPLP_EIO;
        if (cli_input_open(&in, csv, stderr) == 0) {
            rc = snplp_csv_import_callback(l.lists[0], diags, cli_input_read, &in, csv, dialect);
            cli_input_close(&in);
            cli_print_findings(stderr, csv, diags, rc);
        }
        const char *path = cli_output_path(out);
        if (rc != SNPLP_OK) {
            fprintf(stderr, "snplp import-csv: nothing merged, %s not written\n",
                    path ? path : "standard output");
            status = 1;
        } else {
            rc = path ? snplp_conventions_export_file(l.lists[0], path)
                      : snplp_conventions_export_callback(l.lists[0], cli_write_stdout, NULL);
            status = cli_output_done("import-csv", rc, path);
            if (status == 0 && path) {
                size_t n = snplp_convention_list_count(l.lists[0]);
                cli_say("merged the values of %s into %zu convention%s, written to %s", csv, n,
                        n == 1 ? "" : "s", path);
            }
        }
    }
    snplp_diagnostics_free(diags);
    cli_conventions_free(&l);
    return status;
}

int cmd_import_csv(int argc, char **argv)
{
    static const opt_spec specs[] = {
        {OPT_DIALECT, "--dialect", OPT_VALUE},
        {OPT_OUT, "-o", OPT_VALUE | OPT_EQUALS},
        {OPT_QUIET, "--quiet", 0},
        {OPT_HELP, "--help", 0},
    };
    const char *dialect_text = NULL, *out = NULL, *args[2];
    int nargs = 0;
    opt_parser p;
    opt_result r;
    opt_init(&p, specs, sizeof specs / sizeof specs[0], OPT_ANY_ORDER, argc, argv);
    while ((r = opt_next(&p)) != OPT_END) {
        if (r == OPT_ARG && nargs == 2)
            return cli_usage_error("import-csv", "unexpected argument %s", p.value);
        if (r == OPT_ARG)
            args[nargs++] = p.value;
        else if (r != OPT_OPTION)
            return cli_usage_error("import-csv", "%s %s",
                                   r == OPT_MISSING ? "option needs a value:" : "unknown option",
                                   p.text);
        else if (p.id == OPT_HELP)
            return cli_print_command_help("import-csv");
        else if (p.id == OPT_QUIET)
            cli_quiet = true;
        else if (p.id == OPT_DIALECT)
            dialect_text = p.value;
        else
            out = p.value;
    }
    snplp_csv_dialect dialect;
    if (nargs != 2)
        return cli_usage_error("import-csv", "give CONV.xml and VALUES.csv");
    if (!out)
        return cli_usage_error("import-csv",
                               "no -o OUT.xml given (to update CONV.xml in place, give it as "
                               "OUT.xml: it is replaced atomically)");
    if (!cli_parse_dialect(&dialect, "import-csv", dialect_text))
        return 2;
    /* OUT.xml may be CONV.xml (the update in place), never VALUES.csv */
    if (cli_check_output("import-csv", out, args, 2, 0) != 0)
        return 2;
    if (strcmp(args[0], "-") == 0 && strcmp(args[1], "-") == 0)
        return cli_usage_error("import-csv",
                               "CONV.xml and VALUES.csv cannot both be standard input");
    return merge(args[0], args[1], dialect, out);
}
