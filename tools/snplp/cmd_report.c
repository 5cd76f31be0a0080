/* snplp report [--at DATE] [--threshold PERCENT] [--each] [--fail-on error|warning] FILE...:
 * the matrix of a convention (or the synthesis of several, with --each each one's matrix too),
 * the state of its reports and credits, its coherence findings, as aligned tables
 * (report_table.c); exit 3 after the report with --fail-on when findings reach that severity.
 * snplp report --csv [--dialect fr|intl] [--quiet] [-o FILE] FILE...: the conventions' values
 * as CSV (-o may not be one of the FILEs). Options may stand anywhere, before or after the
 * files; a FILE "-" is standard input, -o - standard output. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <snplp/csv.h>
#include <snplp/snplp.h>

#include "cmd.h"
#include "common.h"
#include "opt.h"
#include "report_table.h"

enum {
    OPT_CSV,
    OPT_AT,
    OPT_THRESHOLD,
    OPT_DIALECT,
    OPT_OUT,
    OPT_EACH,
    OPT_FAIL_ON,
    OPT_QUIET,
    OPT_HELP
};

/* What the command line asks for. */
typedef struct request {
    const char *at_text, *threshold_text, *dialect_text, *out, *fail_on_text;
    bool csv, each, help;
    const char **files;
    int nfiles;
} request;

/* Reads the options and files into @p q (q->files holds room for @p argc). Returns 0, or 2
 * after printing the usage error. */
static int parse_arguments(request *q, int argc, char **argv)
{
    static const opt_spec specs[] = {
        {OPT_CSV, "--csv", 0},
        {OPT_AT, "--at", OPT_VALUE},
        {OPT_THRESHOLD, "--threshold", OPT_VALUE},
        {OPT_DIALECT, "--dialect", OPT_VALUE},
        {OPT_OUT, "-o", OPT_VALUE | OPT_EQUALS},
        {OPT_EACH, "--each", 0},
        {OPT_FAIL_ON, "--fail-on", OPT_VALUE},
        {OPT_QUIET, "--quiet", 0},
        {OPT_HELP, "--help", 0},
    };
    opt_parser p;
    opt_result r;
    opt_init(&p, specs, sizeof specs / sizeof specs[0], OPT_ANY_ORDER, argc, argv);
    while ((r = opt_next(&p)) != OPT_END) {
        if (r == OPT_ARG)
            q->files[q->nfiles++] = p.value;
        else if (r == OPT_MISSING)
            return cli_usage_error("report", "option %s needs a value", p.text);
        else if (r != OPT_OPTION)
            return cli_usage_error("report", "unknown option %s", p.text);
        else if (p.id == OPT_CSV)
            q->csv = true;
        else if (p.id == OPT_AT)
            q->at_text = p.value;
        else if (p.id == OPT_THRESHOLD)
            q->threshold_text = p.value;
        else if (p.id == OPT_DIALECT)
            q->dialect_text = p.value;
        else if (p.id == OPT_EACH)
            q->each = true;
        else if (p.id == OPT_FAIL_ON)
            q->fail_on_text = p.value;
        else if (p.id == OPT_QUIET)
            cli_quiet = true;
        else if (p.id == OPT_HELP)
            q->help = true;
        else
            q->out = p.value;
    }
    return 0;
}

/* Writes the values of the conventions read as CSV, to standard output or (atomically) to
 * @p out. Conventions of several files go into one list: their ids must differ. */
static int report_csv(const cli_conventions *l, snplp_csv_dialect dialect, const char *out)
{
    snplp_convention_list *list = NULL;
    int status = 0;
    if (snplp_convention_list_new(&list) != SNPLP_OK) {
        fprintf(stderr, "snplp report: %s\n", snplp_error_last_reason());
        return 1;
    }
    for (size_t i = 0; i < l->count && status == 0; i++) {
        int rc = snplp_convention_list_add(list, l->conventions[i]);
        if (rc == SNPLP_EEXISTS) {
            const char *id = snplp_convention_id(l->conventions[i]);
            size_t k = 0;
            while (strcmp(snplp_convention_id(l->conventions[k]), id) != 0)
                k++;
            char *why =
                cli_text("report", "duplicate-in-csv",
                         CLI_ARGS(CLI_ARG(ID, "id", id), CLI_ARG(TEXT, "other", l->files[k])));
            fprintf(stderr, "%s: %s: [duplicate-convention] %s\n", l->files[i],
                    cli_severity_word(SNPLP_SEVERITY_ERROR), why ? why : id);
            free(why);
            status = 1;
        } else if (rc != SNPLP_OK) {
            fprintf(stderr, "snplp report: %s\n", snplp_error_last_reason());
            status = 1;
        }
    }
    out = cli_output_path(out);
    if (status == 0)
        status =
            cli_output_done("report",
                            out ? snplp_csv_export_file(list, dialect, out)
                                : snplp_csv_export_callback(list, dialect, cli_write_stdout, NULL),
                            out);
    if (status == 0 && out) {
        char count[32];
        snprintf(count, sizeof count, "%zu", l->count);
        char *said =
            cli_text("report", "wrote",
                     CLI_ARGS(CLI_ARG(INTEGER, "count", count), CLI_ARG(TEXT, "file", out)));
        cli_say("%s", said ? said : out);
        free(said);
    }
    snplp_convention_list_free(list);
    return status;
}

/* The text report on the conventions read, at @p at, to standard output. */
static int report_text(const cli_conventions *l, snplp_date at, const snplp_decimal *threshold)
{
    if (report_print(stdout, l->conventions, l->files, l->count, at, threshold) != 0) {
        fflush(stdout);
        fprintf(stderr, "snplp report: %s\n", report_last_error());
        return 1;
    }
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fputs("snplp report: writing to standard output failed\n", stderr);
        return 1;
    }
    return 0;
}

int cmd_report(int argc, char **argv)
{
    request q = {0};
    int status = 0;
    if (!(q.files = calloc((size_t)argc + 1, sizeof *q.files))) {
        fputs("snplp report: out of memory\n", stderr);
        return 1;
    }
    snplp_date at;
    snplp_decimal threshold;
    snplp_csv_dialect dialect = SNPLP_CSV_INTL;
    snplp_severity fail_on = SNPLP_SEVERITY_ERROR;
    if ((status = parse_arguments(&q, argc, argv)) != 0) {
        /* already reported */
    } else if (q.help) {
        free(q.files);
        return cli_print_command_help("report");
    } else if (q.nfiles == 0) {
        status = cli_usage_error("report", "no FILE given");
    } else if (!q.csv && (q.dialect_text || q.out)) {
        status = cli_usage_error("report",
                                 "%s goes with --csv (the text report goes to standard output)",
                                 q.dialect_text ? "--dialect" : "-o");
    } else if (q.csv && (q.at_text || q.threshold_text || q.each || q.fail_on_text)) {
        status = cli_usage_error("report",
                                 "%s applies to the text report, not to --csv (the CSV file "
                                 "holds values, not statuses)",
                                 q.at_text          ? "--at"
                                 : q.threshold_text ? "--threshold"
                                 : q.each           ? "--each"
                                                    : "--fail-on");
    } else if (q.fail_on_text && !cli_parse_fail_on(&fail_on, "report", q.fail_on_text)) {
        status = 2;
    } else if (q.csv && cli_check_output("report", q.out, q.files, q.nfiles, -1) != 0) {
        status = 2;
    } else if (q.csv && !cli_parse_dialect(&dialect, "report", q.dialect_text)) {
        status = 2;
    } else if (q.at_text && snplp_date_parse(&at, q.at_text) != SNPLP_OK) {
        status = cli_usage_error("report", "--at %s: not a date YYYY-MM-DD: %s", q.at_text,
                                 snplp_error_last_reason());
    } else if (q.threshold_text &&
               snplp_decimal_parse(&threshold, q.threshold_text, SIZE_MAX) != SNPLP_OK) {
        /* the reason says what is wrong: too many digits, a character that is not one... */
        status = cli_usage_error("report",
                                 "--threshold %s: %s; give a percentage above 0 and at most 100, "
                                 "written like 80 or 82.5",
                                 q.threshold_text, snplp_error_last_reason());
    } else if (q.threshold_text && snplp_matrix_check_threshold(&threshold) != SNPLP_OK) {
        status = cli_usage_error("report",
                                 "--threshold %s: out of range: give a percentage above 0 and at "
                                 "most 100, written like 80 or 82.5",
                                 q.threshold_text);
    } else if (!q.csv && !q.at_text && snplp_date_today(&at) != SNPLP_OK) {
        fprintf(stderr, "snplp report: cannot read today's date (%s); give one with --at\n",
                snplp_error_last_reason());
        status = 1;
    }
    cli_conventions l;
    if (status == 0)
        status = cli_conventions_load(&l, "report", q.files, q.nfiles);
    if (status == 0) {
        report_set_each(q.each);
        status = q.csv ? report_csv(&l, dialect, q.out)
                       : report_text(&l, at, q.threshold_text ? &threshold : NULL);
        if (status == 0 && q.fail_on_text && report_worst_finding() >= (int)fail_on)
            status = 3;
        cli_conventions_free(&l);
    }
    free(q.files);
    return status;
}
