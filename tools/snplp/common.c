/* What the commands of the snplp program share (common.h). */
#include "common.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

const char cli_usage[] =
    "usage: snplp validate [--strict] FILE...\n"
    "       snplp export-builtin [-o FILE]\n"
    "       snplp report [--at YYYY-MM-DD] [--threshold PERCENT] FILE...\n"
    "       snplp report --csv [--dialect fr|intl] [-o OUT.csv] FILE...\n"
    "       snplp import-csv [--dialect fr|intl] CONV.xml VALUES.csv -o OUT.xml\n"
    "       snplp --help | --version\n"
    "\n"
    "validate        reads each FILE as a referential in the snplp XML format and prints\n"
    "                every finding as FILE:LINE:COL: severity: [code] message; exits 1 if\n"
    "                any file has an error\n"
    "  --strict      also validates with libxml2's XSD validator against the schema\n"
    "export-builtin  writes the built-in referential of the strategy as XML, to standard\n"
    "                output or (atomically) to FILE with -o\n"
    "report          reads each FILE as conventions (CALPAE) in the snplp XML format and\n"
    "                prints, as aligned tables: the follow-up matrix of the convention, or\n"
    "                the synthesis of all of them when there are several (indicators x\n"
    "                years: target, actual, rate, status; for a synthesis, how many\n"
    "                conventions each figure covers and which lack values), the cells by\n"
    "                status, then for each convention the state of its execution reports,\n"
    "                the decision on its credits with every reason, and its coherence\n"
    "                findings. A FILE that cannot be read is reported on standard error as\n"
    "                FILE:LINE:COL: severity: [code] message and the command exits 1\n"
    "                without a report; coherence findings are part of the report (exit 0)\n"
    "  --at DATE     the date of the report, YYYY-MM-DD (default: today)\n"
    "  --threshold P the rate, in percent, from which a target is partly reached\n"
    "                (above 0, at most 100, e.g. 82.5; default 80)\n"
    "  --csv         writes the values of the conventions (targets, actuals, units, sources,\n"
    "                comments) as CSV instead of the report, to standard output or\n"
    "                (atomically) to OUT.csv with -o; the ids of the conventions must differ\n"
    "  --dialect D   with --csv: intl (comma, decimal point; the default) or fr (semicolon,\n"
    "                decimal comma, byte-order mark: what a French spreadsheet expects)\n"
    "import-csv      reads the conventions of CONV.xml, merges into them the values of\n"
    "                VALUES.csv (in the --dialect given, intl by default; empty fields\n"
    "                leave values as they are) and writes the result to OUT.xml\n"
    "                (atomically; OUT.xml may be CONV.xml). All or nothing: on any problem\n"
    "                every finding is printed to standard error as FILE:LINE:COL: severity:\n"
    "                [code] message, OUT.xml is not written and the command exits 1\n";

int cli_usage_error(const char *cmd, const char *format, ...)
{
    va_list ap;
    fprintf(stderr, "snplp%s%s: ", cmd ? " " : "", cmd ? cmd : "");
    va_start(ap, format);
    vfprintf(stderr, format, ap);
    va_end(ap);
    fprintf(stderr, "\n%s", cli_usage);
    return 2;
}

void cli_print_findings(FILE *out, const char *file, const snplp_diagnostics *diags, int rc)
{
    for (size_t i = 0; i < snplp_diagnostics_count(diags); i++) {
        const snplp_diagnostic *g = snplp_diagnostics_at(diags, i);
        if (snplp_diagnostic_line(g) > 0)
            fprintf(out, "%s:%zu:%zu: ", file, snplp_diagnostic_line(g),
                    snplp_diagnostic_column(g));
        else
            fprintf(out, "%s: ", file);
        fprintf(out, "%s: [%s] %s\n", snplp_severity_name(snplp_diagnostic_severity(g)),
                snplp_diag_code_name(snplp_diagnostic_code(g)), snplp_diagnostic_message(g));
    }
    if (rc != SNPLP_OK && snplp_diagnostics_count_severity(diags, SNPLP_SEVERITY_ERROR) == 0)
        fprintf(out, "%s: error: %s\n", file, snplp_error_last_message());
}

int cli_write_stdout(void *user, const char *buf, size_t size)
{
    (void)user;
    return fwrite(buf, 1, size, stdout) == size ? 0 : -1;
}

int cli_output_done(const char *cmd, int rc, const char *out)
{
    if (rc == SNPLP_OK && !out && fflush(stdout) != 0)
        rc = SNPLP_EIO;
    if (rc == SNPLP_OK)
        return 0;
    fprintf(stderr, "snplp %s: %s\n", cmd,
            rc == SNPLP_EIO && !out ? "writing to standard output failed"
                                    : snplp_error_last_message());
    return 1;
}

void cli_conventions_free(cli_conventions *l)
{
    for (size_t i = 0; i < l->list_count; i++)
        snplp_convention_list_free(l->lists[i]);
    free(l->lists);
    free(l->conventions);
    free(l->files);
    memset(l, 0, sizeof *l);
}

/* Appends the conventions of @p list, read from @p path, to those of @p l. Returns 0 or -1
 * (out of memory). */
static int add_conventions(cli_conventions *l, snplp_convention_list *list, const char *path)
{
    size_t n = snplp_convention_list_count(list);
    snplp_convention **convs = realloc(l->conventions, (l->count + n) * sizeof *convs);
    if (!convs)
        return -1;
    l->conventions = convs;
    const char **files = realloc(l->files, (l->count + n) * sizeof *files);
    if (!files)
        return -1;
    l->files = files;
    for (size_t k = 0; k < n; k++) {
        l->conventions[l->count] = snplp_convention_list_at(list, k);
        l->files[l->count++] = path;
    }
    return 0;
}

int cli_conventions_load(cli_conventions *l, const char *cmd, const char *const *paths, int count)
{
    snplp_diagnostics *diags = NULL;
    int status = 0;
    memset(l, 0, sizeof *l);
    if (snplp_diagnostics_new(&diags) != SNPLP_OK ||
        !(l->lists = calloc((size_t)count, sizeof *l->lists))) {
        fprintf(stderr, "snplp %s: out of memory\n", cmd);
        snplp_diagnostics_free(diags);
        return 1;
    }
    for (int i = 0; i < count; i++) {
        snplp_convention_list *list = NULL;
        snplp_diagnostics_clear(diags);
        int rc = snplp_conventions_import_file(&list, diags, paths[i], NULL);
        cli_print_findings(stderr, paths[i], diags, rc);
        if (rc != SNPLP_OK) {
            status = 1;
            continue;
        }
        l->lists[l->list_count++] = list;
        if (add_conventions(l, list, paths[i]) != 0) {
            fprintf(stderr, "snplp %s: out of memory\n", cmd);
            status = 1;
            break;
        }
    }
    snplp_diagnostics_free(diags);
    if (status == 0 && l->count == 0) { /* cannot happen: a file holds at least one */
        fprintf(stderr, "snplp %s: no convention in the files given\n", cmd);
        status = 1;
    }
    if (status != 0)
        cli_conventions_free(l);
    return status;
}

bool cli_parse_dialect(snplp_csv_dialect *out, const char *cmd, const char *text)
{
    *out = text ? snplp_csv_dialect_from_name(text) : SNPLP_CSV_INTL;
    if (*out != SNPLP_CSV_NONE)
        return true;
    cli_usage_error(cmd, "--dialect %s: not a dialect of CSV (fr or intl)", text);
    return false;
}
