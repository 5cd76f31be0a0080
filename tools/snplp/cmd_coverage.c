/* snplp coverage [--at DATE | --from DATE --to DATE] [--by AXES] [--fail-on error|warning]
 *                [--quiet] (REFERENTIAL | --builtin) RECORDS...
 * snplp coverage --csv [--dialect fr|intl] [-o FILE] ... (REFERENTIAL | --builtin) RECORDS...
 *
 * How much of the workforce training reached over a period (snplp_records_coverage()): for
 * each RECORDS file, read and validated against the referential, a heading with the figures of
 * the whole workforce in scope, then a table of the distinct workers trained by the axes asked
 * for (theme, plan, profession, territory) against the workforce, with rates and training
 * days, then the workers with no training by the end of the period. Several RECORDS files are
 * not merged: each gets its own coverage (the ids of workers are chosen by each host, so the
 * same id in two files may be two people). With --csv, the rows as CSV (the library's export,
 * snplp_csv_export_coverage_memory()), one file for all RECORDS (a first column "records"
 * naming the file when there are several). Options may stand anywhere. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <snplp/csv.h>
#include <snplp/snplp.h>

#include "cmd.h"
#include "common.h"
#include "opt.h"
#include "outfile.h"
#include "records_input.h"
#include "report_table.h"
#include "termtext.h"

enum {
    OPT_AT,
    OPT_FROM,
    OPT_TO,
    OPT_BY,
    OPT_CSV,
    OPT_DIALECT,
    OPT_OUT,
    OPT_BUILTIN,
    OPT_FAIL_ON,
    OPT_QUIET,
    OPT_ALL,
    OPT_HELP
};

#define CMD "coverage"
/* The untrained workers listed after a table, at most; then "and N more". */
#define UNTRAINED_SHOWN 10

/* What the command line asks for. */
typedef struct request {
    const char *at_text, *from_text, *to_text, *by_text, *dialect_text, *out, *fail_on_text;
    bool csv, builtin, all, help;
    const char **args;
    int nargs;
} request;

static int parse_arguments(request *q, int argc, char **argv)
{
    static const opt_spec specs[] = {
        {OPT_AT, "--at", OPT_VALUE},
        {OPT_FROM, "--from", OPT_VALUE},
        {OPT_TO, "--to", OPT_VALUE},
        {OPT_BY, "--by", OPT_VALUE},
        {OPT_CSV, "--csv", 0},
        {OPT_DIALECT, "--dialect", OPT_VALUE},
        {OPT_OUT, "-o", OPT_VALUE | OPT_EQUALS},
        {OPT_BUILTIN, "--builtin", 0},
        {OPT_FAIL_ON, "--fail-on", OPT_VALUE},
        {OPT_QUIET, "--quiet", 0},
        {OPT_ALL, "--all", 0},
        {OPT_HELP, "--help", 0},
    };
    opt_parser p;
    opt_result r;
    opt_init(&p, specs, sizeof specs / sizeof specs[0], OPT_ANY_ORDER, argc, argv);
    while ((r = opt_next(&p)) != OPT_END) {
        if (r == OPT_ARG)
            q->args[q->nargs++] = p.value;
        else if (r == OPT_MISSING)
            return cli_usage_error(CMD, "option %s needs a value", p.text);
        else if (r != OPT_OPTION)
            return cli_usage_error(CMD, "unknown option %s", p.text);
        else if (p.id == OPT_AT)
            q->at_text = p.value;
        else if (p.id == OPT_FROM)
            q->from_text = p.value;
        else if (p.id == OPT_TO)
            q->to_text = p.value;
        else if (p.id == OPT_BY)
            q->by_text = p.value;
        else if (p.id == OPT_CSV)
            q->csv = true;
        else if (p.id == OPT_DIALECT)
            q->dialect_text = p.value;
        else if (p.id == OPT_BUILTIN)
            q->builtin = true;
        else if (p.id == OPT_FAIL_ON)
            q->fail_on_text = p.value;
        else if (p.id == OPT_QUIET)
            cli_quiet = true;
        else if (p.id == OPT_ALL)
            q->all = true;
        else if (p.id == OPT_HELP)
            q->help = true;
        else
            q->out = p.value;
    }
    return 0;
}

/* The axes, in the order of the columns and of the library's sort. */
static const struct axis {
    const char *name;
    unsigned flag;
} axes_known[] = {
    {"theme", SNPLP_COVERAGE_BY_THEME},
    {"plan", SNPLP_COVERAGE_BY_PLAN},
    {"profession", SNPLP_COVERAGE_BY_PROFESSION},
    {"territory", SNPLP_COVERAGE_BY_TERRITORY},
};
#define AXIS_COUNT (sizeof axes_known / sizeof axes_known[0])

/* Reads --by's value: names of axes separated by commas, or "none". */
static bool parse_axes(unsigned *out, const char *text)
{
    *out = 0;
    if (strcmp(text, "none") == 0)
        return true;
    for (const char *p = text;;) {
        size_t len = strcspn(p, ",");
        size_t k = 0;
        while (k < AXIS_COUNT &&
               !(strlen(axes_known[k].name) == len && strncmp(axes_known[k].name, p, len) == 0))
            k++;
        if (k == AXIS_COUNT) {
            cli_usage_error(CMD,
                            "--by %s: '%.*s' is not an axis: give theme, plan, profession or "
                            "territory, separated by commas, or none",
                            text, (int)len, p);
            return false;
        }
        *out |= axes_known[k].flag;
        if (p[len] == '\0')
            return true;
        p += len + 1;
    }
}

static const char *date_text(char buf[SNPLP_DATE_TEXT_SIZE], snplp_date d)
{
    if (snplp_date_format(buf, SNPLP_DATE_TEXT_SIZE, d) != SNPLP_OK)
        strcpy(buf, "?");
    return buf;
}

/* The row's key on axis @p flag (NULL when not grouped by it). */
static const char *row_key(const snplp_coverage *c, size_t row, unsigned flag)
{
    switch (flag) {
    case SNPLP_COVERAGE_BY_THEME:
        return snplp_coverage_theme_id(c, row);
    case SNPLP_COVERAGE_BY_PLAN:
        return snplp_coverage_plan_id(c, row);
    case SNPLP_COVERAGE_BY_PROFESSION:
        return snplp_coverage_profession_id(c, row);
    default:
        return snplp_coverage_territory_code(c, row);
    }
}

/* ---- text (in the program's language: report_table.h) ---- */

/* "by theme and profession", "as a whole": a text to free, NULL if it cannot be written. */
static char *axes_text(unsigned axes)
{
    static const char *const by[] = {"by-1", "by-2", "by-3", "by-4"};
    static const char *const names[] = {"a", "b", "c", "d"};
    snplp_message_arg args[AXIS_COUNT];
    size_t n = 0;
    for (size_t k = 0; k < AXIS_COUNT; k++)
        if (axes & axes_known[k].flag) {
            args[n] = (snplp_message_arg)CLI_ARG(TEXT, names[n],
                                                 cli_word("coverage-column", axes_known[k].name));
            n++;
        }
    return n == 0 ? cli_text("coverage", "whole", CLI_NO_ARGS)
                  : cli_text("coverage", by[n - 1], args, n);
}

/* The figures of the whole workforce in scope (@p all: a coverage grouped by nothing). Returns
 * 0, or -1 if it cannot be written. */
static int print_totals(FILE *out, const snplp_coverage *all)
{
    char workforce[32], trained[32], unknown[32], rate[SNPLP_DECIMAL_MAX_TEXT] = "0",
                                                  days[CLI_VALUE_SIZE] = "";
    snplp_decimal d;
    snprintf(workforce, sizeof workforce, "%zu", snplp_coverage_workforce(all, 0));
    snprintf(trained, sizeof trained, "%zu", snplp_coverage_trained(all, 0));
    snprintf(unknown, sizeof unknown, "%zu", snplp_coverage_days_unknown(all, 0));
    bool rate_known = snplp_coverage_rate(&d, all, 0) == SNPLP_OK &&
                      snplp_decimal_format(rate, sizeof rate, d) == SNPLP_OK;
    bool days_known = snplp_coverage_days(&d, all, 0) == SNPLP_OK;
    if (days_known)
        cli_decimal(days, d);
    if (cli_put(out, "coverage", "totals",
                CLI_ARGS(CLI_ARG(INTEGER, "workforce", workforce),
                         CLI_ARG(INTEGER, "trained", trained),
                         CLI_ARG(CHOICE, "rate_known", rate_known ? "yes" : "no"),
                         CLI_ARG(DECIMAL, "rate", rate_known ? rate : "0"),
                         CLI_ARG(CHOICE, "days_known", days_known ? "yes" : "no"),
                         CLI_ARG(TEXT, "days", days), CLI_ARG(INTEGER, "unknown", unknown))) != 0)
        return -1;
    fputc('\n', out);
    return 0;
}

/* Whether row @p r of @p c has nothing to show: no one trained, no day. */
static bool row_empty(const snplp_coverage *c, size_t r)
{
    snplp_decimal d;
    return snplp_coverage_trained(c, r) == 0 && snplp_coverage_days_unknown(c, r) == 0 &&
           (snplp_coverage_days(&d, c, r) != SNPLP_OK || d.units == 0);
}

/* The rate of a row ("66.67%", "66,67 %"): a text to free, NULL if it cannot be written. */
static char *rate_text(snplp_decimal d)
{
    char digits[SNPLP_DECIMAL_MAX_TEXT];
    if (snplp_decimal_format(digits, sizeof digits, d) != SNPLP_OK)
        return NULL;
    return cli_text("number", "percent-2", CLI_ARGS(CLI_ARG(DECIMAL, "rate", digits)));
}

/* The table of the rows of @p c (@p all: also those where no one was trained, else they are
 * counted in a line under the table). Returns 0, or -1 if it cannot be written. */
static int print_rows(FILE *out, const snplp_coverage *c, bool all)
{
    const char *headers[TT_TABLE_MAX_COLUMNS];
    bool right[TT_TABLE_MAX_COLUMNS];
    unsigned axes = snplp_coverage_axes(c);
    size_t ncols = 0, rows = snplp_coverage_row_count(c);
    bool unknown = false;
    for (size_t r = 0; r < rows; r++)
        unknown = unknown || snplp_coverage_days_unknown(c, r) > 0;
    for (size_t k = 0; k < AXIS_COUNT; k++)
        if (axes & axes_known[k].flag) {
            right[ncols] = false;
            headers[ncols++] = cli_word("coverage-column", axes_known[k].name);
        }
    static const char *const figures[] = {"workforce", "trained", "rate", "days", "days-unknown"};
    for (size_t k = 0; k < (unknown ? 5u : 4u); k++) {
        right[ncols] = true;
        headers[ncols++] = cli_word("coverage-column", figures[k]);
    }
    tt_table *t = tt_table_new(ncols, headers, right);
    if (!t)
        return -1;
    int rc = 0;
    size_t shown = 0;
    for (size_t r = 0; r < rows && rc == 0; r++) {
        char buf[CLI_VALUE_SIZE];
        snplp_decimal d;
        size_t col = 0;
        if (!all && row_empty(c, r))
            continue;
        shown++;
        rc = tt_table_add_row(t);
        for (size_t k = 0; k < AXIS_COUNT && rc == 0; k++)
            if (axes & axes_known[k].flag)
                rc = tt_table_set(t, col++, row_key(c, r, axes_known[k].flag));
        if (rc == 0)
            rc =
                tt_table_set(t, col++, cli_integer(buf, (long long)snplp_coverage_workforce(c, r)));
        if (rc == 0)
            rc = tt_table_set(t, col++, cli_integer(buf, (long long)snplp_coverage_trained(c, r)));
        if (rc == 0 && snplp_coverage_rate(&d, c, r) == SNPLP_OK) {
            char *rate = rate_text(d);
            rc = rate ? tt_table_set(t, col++, rate) : -1;
            free(rate);
        } else if (rc == 0)
            rc = tt_table_set(t, col++, "-"); /* no workforce: no rate, never 0 */
        if (rc == 0)
            rc = tt_table_set(
                t, col++, snplp_coverage_days(&d, c, r) == SNPLP_OK ? cli_decimal(buf, d) : "-");
        if (rc == 0 && unknown)
            rc = tt_table_set(t, col++,
                              cli_integer(buf, (long long)snplp_coverage_days_unknown(c, r)));
    }
    if (rc == 0) {
        if (rows == 0)
            rc = cli_put(out, "coverage", "no-row", CLI_NO_ARGS);
        else if (shown == 0)
            rc = cli_put(out, "coverage", "no-one", CLI_NO_ARGS);
        else
            tt_table_print(t, out, 0);
        if (rc == 0 && (rows == 0 || shown == 0))
            fputc('\n', out);
        if (rc == 0 && shown < rows && shown > 0) {
            char left[32];
            snprintf(left, sizeof left, "%zu", rows - shown);
            rc = cli_put(out, "coverage", "left-out", CLI_ARGS(CLI_ARG(INTEGER, "rows", left)));
            if (rc == 0)
                fputc('\n', out);
        }
    }
    tt_table_free(t);
    return rc;
}

/* The workers with no training by @p to. Returns 0, or -1 if it cannot be written. */
static int print_untrained(FILE *out, const snplp_coverage *c, snplp_date to)
{
    char day[SNPLP_DATE_TEXT_SIZE], count[32], more[32];
    size_t n = snplp_coverage_untrained_count(c);
    snplp_date_format(day, sizeof day, to);
    if (n == 0) {
        if (cli_put(out, "coverage", "untrained-none", CLI_ARGS(CLI_ARG(DATE, "to", day))) != 0)
            return -1;
        fputc('\n', out);
        return 0;
    }
    size_t len = 1;
    for (size_t i = 0; i < n && i < UNTRAINED_SHOWN; i++)
        len += strlen(snplp_coverage_untrained_at(c, i)) + 2;
    char *workers = malloc(len);
    if (!workers)
        return -1;
    workers[0] = '\0';
    for (size_t i = 0; i < n && i < UNTRAINED_SHOWN; i++) {
        if (i)
            strcat(workers, ", ");
        strcat(workers, snplp_coverage_untrained_at(c, i));
    }
    snprintf(count, sizeof count, "%zu", n);
    snprintf(more, sizeof more, "%zu", n > UNTRAINED_SHOWN ? n - UNTRAINED_SHOWN : 0);
    int rc = cli_put(out, "coverage", "untrained",
                     CLI_ARGS(CLI_ARG(DATE, "to", day), CLI_ARG(INTEGER, "count", count),
                              CLI_ARG(TEXT, "workers", workers), CLI_ARG(INTEGER, "more", more)));
    free(workers);
    if (rc == 0)
        fputc('\n', out);
    return rc;
}

/* The heading of the coverage of @p file. Returns 0, or -1 if it cannot be written. */
static int print_heading(FILE *out, const cli_records_input *in, const char *file, snplp_date from,
                         snplp_date to, unsigned axes)
{
    const char *stdin_name = cli_word("input", "stdin");
    char day1[SNPLP_DATE_TEXT_SIZE], day2[SNPLP_DATE_TEXT_SIZE];
    snplp_date_format(day1, sizeof day1, from);
    snplp_date_format(day2, sizeof day2, to);
    const char *ref = !in->ref_path                    ? ""
                      : strcmp(in->ref_path, "-") == 0 ? stdin_name
                                                       : in->ref_path;
    if (cli_put(out, "coverage", "heading",
                CLI_ARGS(CLI_ARG(TEXT, "file", strcmp(file, "-") == 0 ? stdin_name : file),
                         CLI_ARG(CHOICE, "ref", in->ref_path ? "file" : "builtin"),
                         CLI_ARG(TEXT, "ref_file", ref))) != 0)
        return -1;
    fputc('\n', out);
    char *by = axes_text(axes);
    int rc = by ? cli_put(out, "coverage", "period",
                          CLI_ARGS(CLI_ARG(DATE, "from", day1), CLI_ARG(DATE, "to", day2),
                                   CLI_ARG(TEXT, "axes", by)))
                : -1;
    free(by);
    if (rc == 0)
        fputc('\n', out);
    return rc;
}

/* The text coverage of every records file. */
static int coverage_text(FILE *out, const cli_records_input *in, snplp_date from, snplp_date to,
                         unsigned axes, bool all_rows)
{
    for (size_t i = 0; i < in->count; i++) {
        snplp_coverage *c = NULL, *total = NULL;
        int rc = snplp_records_coverage(&c, in->records[i], in->ref, from, to, axes);
        if (rc == SNPLP_OK)
            rc = snplp_records_coverage(&total, in->records[i], in->ref, from, to, 0);
        if (rc != SNPLP_OK) {
            fflush(out);
            fprintf(stderr, "snplp " CMD ": %s\n", snplp_error_last_reason());
            snplp_coverage_free(c);
            return 1;
        }
        if (i > 0)
            fputc('\n', out);
        int printed = print_heading(out, in, in->files[i], from, to, axes);
        if (printed == 0)
            printed = print_totals(out, total);
        if (printed == 0) {
            fputc('\n', out);
            printed = print_rows(out, c, all_rows);
        }
        if (printed == 0) {
            fputc('\n', out);
            printed = print_untrained(out, c, to);
        }
        snplp_coverage_free(c);
        snplp_coverage_free(total);
        if (printed != 0) {
            fflush(out);
            fprintf(stderr, "snplp " CMD ": %s\n",
                    snplp_error_last_code() != SNPLP_OK ? snplp_error_last_reason()
                                                        : "out of memory");
            return 1;
        }
    }
    return 0;
}

/* ---- CSV ---- */

/* Writes @p text as one CSV field: between double quotes (doubled inside) when it holds the
 * separator, a double quote or a line break (RFC 4180, as the library quotes). */
static void csv_field(FILE *out, const char *text, char sep)
{
    if (!strchr(text, sep) && !strpbrk(text, "\"\r\n")) {
        fputs(text, out);
        return;
    }
    fputc('"', out);
    for (const char *p = text; *p; p++) {
        if (*p == '"')
            fputc('"', out);
        fputc(*p, out);
    }
    fputc('"', out);
}

/* The coverage of every records file as one CSV text, written by the library's export
 * (snplp_csv_export_coverage_memory()). With several files, each line gets a first field
 * naming its file ("records" in the header), the header and the byte-order mark once. */
static int coverage_csv(FILE *out, const cli_records_input *in, snplp_date from, snplp_date to,
                        unsigned axes, snplp_csv_dialect dialect)
{
    static const char bom[] = "\xEF\xBB\xBF";
    char sep = dialect == SNPLP_CSV_FR ? ';' : ',';
    for (size_t i = 0; i < in->count; i++) {
        snplp_coverage *c = NULL;
        char *text = NULL;
        size_t size = 0;
        int rc = snplp_records_coverage(&c, in->records[i], in->ref, from, to, axes);
        if (rc == SNPLP_OK)
            rc = snplp_csv_export_coverage_memory(&text, &size, c, dialect);
        snplp_coverage_free(c);
        if (rc != SNPLP_OK) {
            fprintf(stderr, "snplp " CMD ": %s\n", snplp_error_last_reason());
            return 1;
        }
        if (in->count == 1) {
            fwrite(text, 1, size, out);
            snplp_free(text);
            continue;
        }
        const char *p = text, *end = text + size;
        if (size >= 3 && memcmp(p, bom, 3) == 0) {
            if (i == 0)
                fputs(bom, out);
            p += 3;
        }
        /* lines end with CRLF; no field of a coverage holds a line break (ids, codes,
         * numbers) */
        for (bool header = true; p < end; header = false) {
            const char *eol = strstr(p, "\r\n");
            const char *next = eol ? eol + 2 : end;
            if (!header || i == 0) {
                if (header)
                    fputs("records", out);
                else
                    csv_field(out, in->files[i], sep);
                fputc(sep, out);
                fwrite(p, 1, (size_t)(next - p), out);
            }
            p = next;
        }
        snplp_free(text);
    }
    return 0;
}

/* Checks the options that go together; reads the period into @p from and @p to. */
static int read_period(const request *q, snplp_date *from, snplp_date *to)
{
    char day1[SNPLP_DATE_TEXT_SIZE], day2[SNPLP_DATE_TEXT_SIZE];
    if (q->at_text && (q->from_text || q->to_text))
        return cli_usage_error(CMD, "give --at, or --from and --to, not both");
    if (!q->from_text != !q->to_text)
        return cli_usage_error(CMD, "%s goes with %s: give both ends of the period",
                               q->from_text ? "--from" : "--to", q->from_text ? "--to" : "--from");
    if (q->from_text) {
        if (!cli_parse_date(from, CMD, "--from", q->from_text) ||
            !cli_parse_date(to, CMD, "--to", q->to_text))
            return 2;
        if (snplp_date_compare(*from, *to) > 0)
            return cli_usage_error(CMD, "--from %s is after --to %s", date_text(day1, *from),
                                   date_text(day2, *to));
        return 0;
    }
    if (q->at_text && !cli_parse_date(to, CMD, "--at", q->at_text))
        return 2;
    if (!q->at_text && snplp_date_today(to) != SNPLP_OK) {
        fprintf(stderr, "snplp " CMD ": cannot read today's date (%s); give one with --at\n",
                snplp_error_last_reason());
        return 1;
    }
    /* --at DATE: the year to date */
    *from = (snplp_date){to->year, 1, 1};
    return 0;
}

int cmd_coverage(int argc, char **argv)
{
    request q = {0};
    int status = 0;
    if (!(q.args = calloc((size_t)argc + 1, sizeof *q.args))) {
        fputs("snplp " CMD ": out of memory\n", stderr);
        return 1;
    }
    snplp_date from, to;
    unsigned axes = SNPLP_COVERAGE_BY_THEME | SNPLP_COVERAGE_BY_PROFESSION;
    snplp_csv_dialect dialect = SNPLP_CSV_INTL;
    snplp_severity fail_on = SNPLP_SEVERITY_ERROR;
    int first_records = 0;
    if ((status = parse_arguments(&q, argc, argv)) != 0) {
        /* already reported */
    } else if (q.help) {
        free(q.args);
        return cli_print_command_help(CMD);
    } else if (q.nargs == 0 || (!q.builtin && q.nargs == 1)) {
        status = cli_usage_error(CMD, q.builtin || q.nargs == 1
                                          ? "no RECORDS given"
                                          : "give the REFERENTIAL (or --builtin) and RECORDS");
    } else if (q.csv && q.all) {
        status = cli_usage_error(CMD, "--all goes with the tables: the CSV file has every row");
    } else if (!q.csv && (q.dialect_text || q.out)) {
        status = cli_usage_error(CMD, "%s goes with --csv (the tables go to standard output)",
                                 q.dialect_text ? "--dialect" : "-o");
    } else if (q.fail_on_text && !cli_parse_fail_on(&fail_on, CMD, q.fail_on_text)) {
        status = 2;
    } else if (q.by_text && !parse_axes(&axes, q.by_text)) {
        status = 2;
    } else if (q.csv && !cli_parse_dialect(&dialect, CMD, q.dialect_text)) {
        status = 2;
    } else if (q.csv && cli_check_output(CMD, q.out, q.args, q.nargs, -1) != 0) {
        status = 2;
    } else {
        status = read_period(&q, &from, &to);
    }
    cli_records_input in;
    if (status == 0) {
        first_records = q.builtin ? 0 : 1;
        status = cli_records_load(&in, CMD, q.builtin ? NULL : q.args[0], q.args + first_records,
                                  q.nargs - first_records, !cli_quiet);
    }
    if (status == 0) {
        cli_outfile o;
        status = cli_outfile_open(&o, CMD, q.csv ? q.out : NULL);
        if (status == 0) {
            status = q.csv ? coverage_csv(o.file, &in, from, to, axes, dialect)
                           : coverage_text(o.file, &in, from, to, axes, q.all);
            status = cli_outfile_close(&o, CMD, status == 0);
            if (status == 0 && q.csv && cli_output_path(q.out)) {
                char count[32];
                snprintf(count, sizeof count, "%zu", in.count);
                char *said = cli_text(
                    "coverage", "wrote",
                    CLI_ARGS(CLI_ARG(INTEGER, "count", count), CLI_ARG(TEXT, "file", q.out)));
                cli_say("%s", said ? said : q.out);
                free(said);
            }
        }
        if (status == 0 && q.fail_on_text && in.worst_finding >= (int)fail_on)
            status = 3;
        cli_records_free(&in);
    }
    free(q.args);
    return status;
}
