/* snplp import-csv [--dialect fr|intl] CONV.xml VALUES.csv -o OUT.xml: the values of VALUES.csv
 * merged into the conventions of CONV.xml, written to OUT.xml (atomically; it may be CONV.xml).
 * All or nothing: on any problem every finding goes to standard error and nothing is written.
 * Options may stand anywhere. */
#include <stdbool.h>
#include <stdio.h>

#include <snplp/csv.h>
#include <snplp/snplp.h>

#include "cmd.h"
#include "common.h"
#include "opt.h"

enum { OPT_DIALECT, OPT_OUT };

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
        fprintf(stderr, "snplp import-csv: %s\n", snplp_error_last_message());
        status = 1;
    } else {
        int rc = snplp_csv_import_file(l.lists[0], diags, csv, dialect);
        cli_print_findings(stderr, csv, diags, rc);
        if (rc != SNPLP_OK) {
            fprintf(stderr, "snplp import-csv: nothing merged, %s not written\n", out);
            status = 1;
        } else if (snplp_conventions_export_file(l.lists[0], out) != SNPLP_OK) {
            fprintf(stderr, "snplp import-csv: %s\n", snplp_error_last_message());
            status = 1;
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
    return merge(args[0], args[1], dialect, out);
}
