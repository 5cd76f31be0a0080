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
 * validate prints its findings on standard output (they are its output); report and import-csv
 * print the findings of the files they read on standard error, so that standard output holds
 * only the report or the CSV.
 *
 * Exit status: 0 success (validate: no error; warnings allowed; report: coherence findings are
 * part of the report), 1 a file cannot be read or has errors (report: no report then;
 * import-csv: nothing written), or an output could not be written, 2 wrong usage. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <snplp/csv.h>
#include <snplp/snplp.h>

#include "report_table.h"

static const char usage[] =
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

static void print_diagnostics_to(FILE *out, const char *file, const snplp_diagnostics *d)
{
    for (size_t i = 0; i < snplp_diagnostics_count(d); i++) {
        const snplp_diagnostic *g = snplp_diagnostics_at(d, i);
        if (snplp_diagnostic_line(g) > 0)
            fprintf(out, "%s:%zu:%zu: ", file, snplp_diagnostic_line(g),
                    snplp_diagnostic_column(g));
        else
            fprintf(out, "%s: ", file);
        fprintf(out, "%s: [%s] %s\n", snplp_severity_name(snplp_diagnostic_severity(g)),
                snplp_diag_code_name(snplp_diagnostic_code(g)), snplp_diagnostic_message(g));
    }
}

static void print_diagnostics(const char *file, const snplp_diagnostics *d)
{
    print_diagnostics_to(stdout, file, d);
}

static int validate(int argc, char **argv)
{
    bool strict = false;
    int first = 0;
    for (; first < argc && argv[first][0] == '-' && argv[first][1]; first++) {
        if (strcmp(argv[first], "--strict") == 0)
            strict = true;
        else if (strcmp(argv[first], "--") == 0) {
            first++;
            break;
        } else {
            fprintf(stderr, "snplp validate: unknown option %s\n%s", argv[first], usage);
            return 2;
        }
    }
    if (first == argc) {
        fprintf(stderr, "snplp validate: no FILE given\n%s", usage);
        return 2;
    }
    snplp_import_options *options = NULL;
    snplp_diagnostics *diags = NULL;
    if (snplp_import_options_new(&options) != SNPLP_OK ||
        snplp_import_options_set_strict(options, strict) != SNPLP_OK ||
        snplp_diagnostics_new(&diags) != SNPLP_OK) {
        fprintf(stderr, "snplp: %s\n", snplp_error_last_message());
        snplp_import_options_free(options);
        return 1;
    }
    int status = 0;
    for (int i = first; i < argc; i++) {
        snplp_referential *ref = NULL;
        snplp_diagnostics_clear(diags);
        int rc = snplp_referential_import_file(&ref, diags, argv[i], options);
        print_diagnostics(argv[i], diags);
        if (rc != SNPLP_OK) {
            status = 1;
            if (snplp_diagnostics_count_severity(diags, SNPLP_SEVERITY_ERROR) == 0)
                printf("%s: error: %s\n", argv[i], snplp_error_last_message());
        }
        snplp_referential_unref(ref);
    }
    fflush(stdout);
    snplp_diagnostics_free(diags);
    snplp_import_options_free(options);
    return status;
}

static int write_stdout(void *user, const char *buf, size_t size)
{
    (void)user;
    return fwrite(buf, 1, size, stdout) == size ? 0 : -1;
}

static int export_builtin(int argc, char **argv)
{
    const char *out = NULL;
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "-o") == 0 && i + 1 < argc && !out)
            out = argv[++i];
        else {
            fprintf(stderr, "snplp export-builtin: unexpected argument %s\n%s", argv[i], usage);
            return 2;
        }
    }
    snplp_referential *ref = NULL;
    int rc = snplp_referential_builtin(&ref);
    if (rc == SNPLP_OK)
        rc = out ? snplp_referential_export_file(ref, out)
                 : snplp_referential_export_callback(ref, write_stdout, NULL);
    if (rc == SNPLP_OK && !out && fflush(stdout) != 0)
        rc = SNPLP_EIO;
    snplp_referential_unref(ref);
    if (rc != SNPLP_OK) {
        fprintf(stderr, "snplp export-builtin: %s\n",
                rc == SNPLP_EIO && !out ? "writing to standard output failed"
                                        : snplp_error_last_message());
        return 1;
    }
    return 0;
}

/* ---- conventions: report, CSV ---- */

/* The value of option @p name at argv[*i]: "--name VALUE" or "--name=VALUE". Returns NULL if
 * argv[*i] is not that option; sets *missing if it is but has no value. */
static const char *option_value(int argc, char **argv, int *i, const char *name, bool *missing)
{
    size_t len = strlen(name);
    if (strncmp(argv[*i], name, len) != 0)
        return NULL;
    if (argv[*i][len] == '=')
        return argv[*i] + len + 1;
    if (argv[*i][len] != '\0')
        return NULL;
    if (*i + 1 >= argc) {
        *missing = true;
        return NULL;
    }
    return argv[++*i];
}

/* Conventions read from files: the lists (owned) and, in order, every convention (borrowed
 * from them) with its file. */
typedef struct loaded {
    snplp_convention_list **lists;
    size_t list_count;
    snplp_convention **conventions;
    const char **files;
    size_t count;
} loaded;

static void loaded_free(loaded *l)
{
    for (size_t i = 0; i < l->list_count; i++)
        snplp_convention_list_free(l->lists[i]);
    free(l->lists);
    free(l->conventions);
    free(l->files);
    memset(l, 0, sizeof *l);
}

/* Reads each file of conventions, printing every finding to standard error as
 * FILE:LINE:COL: severity: [code] message. Returns 0 when every file was read, 1 otherwise (the
 * findings of every file are printed, not only the first failing one's). */
static int load_conventions(loaded *l, const char *cmd, const char *const *paths, int count)
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
        print_diagnostics_to(stderr, paths[i], diags);
        if (rc != SNPLP_OK) {
            status = 1;
            if (snplp_diagnostics_count_severity(diags, SNPLP_SEVERITY_ERROR) == 0)
                fprintf(stderr, "%s: error: %s\n", paths[i], snplp_error_last_message());
            continue;
        }
        l->lists[l->list_count++] = list;
        size_t n = snplp_convention_list_count(list);
        snplp_convention **convs = realloc(l->conventions, (l->count + n) * sizeof *convs);
        const char **files = convs ? realloc(l->files, (l->count + n) * sizeof *files) : NULL;
        if (convs)
            l->conventions = convs;
        if (!files) {
            fprintf(stderr, "snplp %s: out of memory\n", cmd);
            status = 1;
            break;
        }
        l->files = files;
        for (size_t k = 0; k < n; k++) {
            l->conventions[l->count] = snplp_convention_list_at(list, k);
            l->files[l->count++] = paths[i];
        }
    }
    snplp_diagnostics_free(diags);
    if (status == 0 && l->count == 0) { /* cannot happen: a file holds at least one */
        fprintf(stderr, "snplp %s: no convention in the files given\n", cmd);
        status = 1;
    }
    if (status != 0)
        loaded_free(l);
    return status;
}

/* Reads --dialect's value; prints the usage error and returns false if it is not a dialect. */
static bool parse_dialect(snplp_csv_dialect *out, const char *cmd, const char *text)
{
    *out = text ? snplp_csv_dialect_from_name(text) : SNPLP_CSV_INTL;
    if (*out != SNPLP_CSV_NONE)
        return true;
    fprintf(stderr, "snplp %s: --dialect %s: not a dialect of CSV (fr or intl)\n%s", cmd, text,
            usage);
    return false;
}

/* Writes the values of the conventions read as CSV, to standard output or (atomically) to
 * @p out. Conventions of several files go into one list: their ids must differ. */
static int report_csv(const loaded *l, snplp_csv_dialect dialect, const char *out)
{
    snplp_convention_list *list = NULL;
    int status = 0;
    if (snplp_convention_list_new(&list) != SNPLP_OK) {
        fprintf(stderr, "snplp report: %s\n", snplp_error_last_message());
        return 1;
    }
    for (size_t i = 0; i < l->count && status == 0; i++) {
        int rc = snplp_convention_list_add(list, l->conventions[i]);
        if (rc == SNPLP_EEXISTS) {
            const char *id = snplp_convention_id(l->conventions[i]);
            size_t k = 0;
            while (strcmp(snplp_convention_id(l->conventions[k]), id) != 0)
                k++;
            fprintf(stderr,
                    "%s: error: [duplicate-convention] convention '%s' is also in %s: the rows "
                    "of a CSV file name conventions by id, so each needs its own\n",
                    l->files[i], id, l->files[k]);
            status = 1;
        } else if (rc != SNPLP_OK) {
            fprintf(stderr, "snplp report: %s\n", snplp_error_last_message());
            status = 1;
        }
    }
    if (status == 0) {
        int rc = out ? snplp_csv_export_file(list, dialect, out)
                     : snplp_csv_export_callback(list, dialect, write_stdout, NULL);
        if (rc == SNPLP_OK && !out && fflush(stdout) != 0)
            rc = SNPLP_EIO;
        if (rc != SNPLP_OK) {
            fprintf(stderr, "snplp report: %s\n",
                    rc == SNPLP_EIO && !out ? "writing to standard output failed"
                                            : snplp_error_last_message());
            status = 1;
        }
    }
    snplp_convention_list_free(list);
    return status;
}

static int report(int argc, char **argv)
{
    const char *at_text = NULL, *threshold_text = NULL, *dialect_text = NULL, *out = NULL;
    const char **files = calloc((size_t)argc + 1, sizeof *files);
    int nfiles = 0, status = 0;
    bool options_done = false, csv = false;
    if (!files) {
        fputs("snplp report: out of memory\n", stderr);
        return 1;
    }
    for (int i = 0; i < argc && status == 0; i++) {
        const char *value;
        bool missing = false;
        if (options_done || argv[i][0] != '-' || argv[i][1] == '\0')
            files[nfiles++] = argv[i];
        else if (strcmp(argv[i], "--") == 0)
            options_done = true;
        else if (strcmp(argv[i], "--csv") == 0)
            csv = true;
        else if ((value = option_value(argc, argv, &i, "--at", &missing)))
            at_text = value;
        else if ((value = option_value(argc, argv, &i, "--threshold", &missing)))
            threshold_text = value;
        else if ((value = option_value(argc, argv, &i, "--dialect", &missing)))
            dialect_text = value;
        else if ((value = option_value(argc, argv, &i, "-o", &missing)))
            out = value;
        else {
            if (missing)
                fprintf(stderr, "snplp report: option %s needs a value\n%s", argv[i], usage);
            else
                fprintf(stderr, "snplp report: unknown option %s\n%s", argv[i], usage);
            status = 2;
        }
    }
    snplp_date at;
    snplp_decimal threshold;
    snplp_csv_dialect dialect = SNPLP_CSV_INTL;
    if (status != 0) {
        /* already reported */
    } else if (nfiles == 0) {
        fprintf(stderr, "snplp report: no FILE given\n%s", usage);
        status = 2;
    } else if (!csv && (dialect_text || out)) {
        fprintf(stderr,
                "snplp report: %s goes with --csv (the text report goes to standard "
                "output)\n%s",
                dialect_text ? "--dialect" : "-o", usage);
        status = 2;
    } else if (csv && (at_text || threshold_text)) {
        fprintf(stderr,
                "snplp report: %s applies to the text report, not to --csv (the CSV "
                "file holds values, not statuses)\n%s",
                at_text ? "--at" : "--threshold", usage);
        status = 2;
    } else if (csv && !parse_dialect(&dialect, "report", dialect_text))
        status = 2;
    else if (at_text && snplp_date_parse(&at, at_text) != SNPLP_OK) {
        fprintf(stderr, "snplp report: --at %s: not a date YYYY-MM-DD: %s\n%s", at_text,
                snplp_error_last_reason(), usage);
        status = 2;
    } else if (threshold_text &&
               (snplp_decimal_parse(&threshold, threshold_text, SIZE_MAX) != SNPLP_OK ||
                snplp_matrix_check_threshold(&threshold) != SNPLP_OK)) {
        fprintf(stderr,
                "snplp report: --threshold %s: not a percentage above 0 and at most 100, "
                "written like 80 or 82.5\n%s",
                threshold_text, usage);
        status = 2;
    } else if (!csv && !at_text && snplp_date_today(&at) != SNPLP_OK) {
        fprintf(stderr, "snplp report: cannot read today's date (%s); give one with --at\n",
                snplp_error_last_message());
        status = 1;
    }
    loaded l;
    if (status == 0)
        status = load_conventions(&l, "report", files, nfiles);
    if (status == 0) {
        if (csv)
            status = report_csv(&l, dialect, out);
        else if (report_print(stdout, l.conventions, l.files, l.count, at,
                              threshold_text ? &threshold : NULL) != 0) {
            fflush(stdout);
            fprintf(stderr, "snplp report: %s\n", report_last_error());
            status = 1;
        } else if (fflush(stdout) != 0 || ferror(stdout)) {
            fputs("snplp report: writing to standard output failed\n", stderr);
            status = 1;
        }
        loaded_free(&l);
    }
    free(files);
    return status;
}

/* snplp import-csv CONV.xml VALUES.csv -o OUT.xml: all or nothing. */
static int import_csv(int argc, char **argv)
{
    const char *dialect_text = NULL, *out = NULL, *args[3];
    int nargs = 0;
    bool options_done = false;
    for (int i = 0; i < argc; i++) {
        const char *value;
        bool missing = false;
        if (options_done || argv[i][0] != '-' || argv[i][1] == '\0') {
            if (nargs == 2) {
                fprintf(stderr, "snplp import-csv: unexpected argument %s\n%s", argv[i], usage);
                return 2;
            }
            args[nargs++] = argv[i];
        } else if (strcmp(argv[i], "--") == 0)
            options_done = true;
        else if ((value = option_value(argc, argv, &i, "--dialect", &missing)))
            dialect_text = value;
        else if ((value = option_value(argc, argv, &i, "-o", &missing)))
            out = value;
        else {
            fprintf(stderr, "snplp import-csv: %s %s\n%s",
                    missing ? "option needs a value:" : "unknown option", argv[i], usage);
            return 2;
        }
    }
    snplp_csv_dialect dialect;
    if (nargs != 2) {
        fprintf(stderr, "snplp import-csv: give CONV.xml and VALUES.csv\n%s", usage);
        return 2;
    }
    if (!out) {
        fprintf(stderr,
                "snplp import-csv: no -o OUT.xml given (to update CONV.xml in place, give it "
                "as OUT.xml: it is replaced atomically)\n%s",
                usage);
        return 2;
    }
    if (!parse_dialect(&dialect, "import-csv", dialect_text))
        return 2;
    loaded l;
    if (load_conventions(&l, "import-csv", args, 1) != 0)
        return 1;
    int status = 0;
    snplp_diagnostics *diags = NULL;
    if (snplp_diagnostics_new(&diags) != SNPLP_OK) {
        fprintf(stderr, "snplp import-csv: %s\n", snplp_error_last_message());
        status = 1;
    } else {
        int rc = snplp_csv_import_file(l.lists[0], diags, args[1], dialect);
        print_diagnostics_to(stderr, args[1], diags);
        if (rc != SNPLP_OK) {
            if (snplp_diagnostics_count_severity(diags, SNPLP_SEVERITY_ERROR) == 0)
                fprintf(stderr, "%s: error: %s\n", args[1], snplp_error_last_message());
            fprintf(stderr, "snplp import-csv: nothing merged, %s not written\n", out);
            status = 1;
        } else if (snplp_conventions_export_file(l.lists[0], out) != SNPLP_OK) {
            fprintf(stderr, "snplp import-csv: %s\n", snplp_error_last_message());
            status = 1;
        }
    }
    snplp_diagnostics_free(diags);
    loaded_free(&l);
    return status;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs(usage, stderr);
        return 2;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0) {
        fputs(usage, stdout);
        return 0;
    }
    if (strcmp(cmd, "--version") == 0) {
        printf("snplp %s (XML namespace %s)\n", snplp_version(), SNPLP_XML_NAMESPACE);
        return 0;
    }
    if (strcmp(cmd, "validate") == 0)
        return validate(argc - 2, argv + 2);
    if (strcmp(cmd, "export-builtin") == 0)
        return export_builtin(argc - 2, argv + 2);
    if (strcmp(cmd, "report") == 0)
        return report(argc - 2, argv + 2);
    if (strcmp(cmd, "import-csv") == 0)
        return import_csv(argc - 2, argv + 2);
    fprintf(stderr, "snplp: unknown command %s\n%s", cmd, usage);
    return 2;
}
