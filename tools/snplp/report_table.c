/* The text report of `snplp report` (report_table.h). */
#include "report_table.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "termtext.h"

static char last_error[256];
static bool each_matrix;
static int worst_finding = -1;

void report_set_each(bool each)
{
    each_matrix = each;
}

int report_worst_finding(void)
{
    return worst_finding;
}

const char *report_last_error(void)
{
    return last_error;
}

/* Records why the report failed: the library's message after a failed call (@p rc not OK), or
 * "out of memory" for a failure of the tool's own code. Returns -1. */
static int fail(int rc)
{
    snprintf(last_error, sizeof last_error, "%s",
             rc != SNPLP_OK ? snplp_error_last_reason() : "out of memory");
    return -1;
}

#define CHECK(expr)                                                                                \
    do {                                                                                           \
        if ((expr) != 0) {                                                                         \
            rc = fail(SNPLP_OK);                                                                   \
            goto done;                                                                             \
        }                                                                                          \
    } while (0)

#define CHECK_LIB(expr)                                                                            \
    do {                                                                                           \
        int lib_ = (expr);                                                                         \
        if (lib_ != SNPLP_OK) {                                                                    \
            rc = fail(lib_);                                                                       \
            goto done;                                                                             \
        }                                                                                          \
    } while (0)

/* ---- the program's words (report_table.h) ---- */

char *cli_text(const char *key, const char *variant, const snplp_message_arg *args, size_t n)
{
    char id[128];
    if (snprintf(id, sizeof id, "cli/%s/%s", key, variant) >= (int)sizeof id)
        return NULL;
    char *text = NULL;
    snplp_error_clear();
    if (snplp_message_render(snplp_language_default(), id, args, n, &text) != SNPLP_OK)
        return NULL;
    char *clean = tt_clean(text);
    snplp_free(text);
    return clean;
}

int cli_put(FILE *out, const char *key, const char *variant, const snplp_message_arg *args,
            size_t n)
{
    char *text = cli_text(key, variant, args, n);
    if (!text)
        return -1;
    fputs(text, out);
    free(text);
    return 0;
}

const char *cli_word(const char *key, const char *variant)
{
    /* the words of a run: a few dozen (statuses, units, headings), in one language */
    static struct {
        const char *key, *variant;
        char *text;
    } words[256];
    static size_t count;
    for (size_t i = 0; i < count; i++)
        if (strcmp(words[i].variant, variant) == 0 && strcmp(words[i].key, key) == 0)
            return words[i].text;
    if (count == sizeof words / sizeof words[0])
        return variant;
    char *text = cli_text(key, variant, NULL, 0);
    if (!text)
        return variant;
    words[count].key = key;
    words[count].variant = variant;
    words[count].text = text;
    return words[count++].text;
}

/* The message cli/number/VARIANT (or date/day) of one argument into buf; "?" if it cannot. */
static const char *value_text(char buf[CLI_VALUE_SIZE], const char *key, const char *variant,
                              const snplp_message_arg *arg)
{
    char *text = cli_text(key, variant, arg, 1);
    snprintf(buf, CLI_VALUE_SIZE, "%s", text ? text : "?");
    free(text);
    return buf;
}

const char *cli_integer(char buf[CLI_VALUE_SIZE], long long n)
{
    char digits[32];
    snprintf(digits, sizeof digits, "%lld", n);
    return value_text(buf, "number", "integer", &(snplp_message_arg)CLI_ARG(INTEGER, "n", digits));
}

const char *cli_year(char buf[CLI_VALUE_SIZE], int32_t year)
{
    char digits[16];
    snprintf(digits, sizeof digits, "%d", (int)year);
    return value_text(buf, "number", "year", &(snplp_message_arg)CLI_ARG(INTEGER, "year", digits));
}

const char *cli_decimal(char buf[CLI_VALUE_SIZE], snplp_decimal d)
{
    /* one message per number of digits after the point: ICU keeps them (its
     * precision-unlimited would drop trailing zeros: 60.00 would be 60) */
    char digits[SNPLP_DECIMAL_MAX_TEXT], variant[16];
    if (snplp_decimal_format(digits, sizeof digits, d) != SNPLP_OK) {
        snprintf(buf, CLI_VALUE_SIZE, "?");
        return buf;
    }
    snprintf(variant, sizeof variant, "decimal-%d", (int)d.scale);
    return value_text(buf, "number", variant, &(snplp_message_arg)CLI_ARG(DECIMAL, "v", digits));
}

const char *cli_date(char buf[CLI_VALUE_SIZE], snplp_date d)
{
    char day[SNPLP_DATE_TEXT_SIZE];
    if (snplp_date_format(day, sizeof day, d) != SNPLP_OK) {
        snprintf(buf, CLI_VALUE_SIZE, "?");
        return buf;
    }
    return value_text(buf, "date", "day", &(snplp_message_arg)CLI_ARG(DATE, "date", day));
}

/* ---- the report ---- */

/* Prints the message "cli/KEY/VARIANT" then a line break; returns 0, or -1 (recorded). */
static int say(FILE *out, const char *key, const char *variant, const snplp_message_arg *args,
               size_t n)
{
    if (cli_put(out, key, variant, args, n) != 0)
        return fail(snplp_error_last_code());
    fputc('\n', out);
    return 0;
}

/* "Convention calpae-49-2019: departement 49 Maine-et-Loire, 2019 to 2021 (FILE)" */
static int print_convention_line(FILE *out, const snplp_convention *c, const char *file)
{
    char first[16], last[16];
    snprintf(first, sizeof first, "%d", (int)snplp_convention_first_year(c));
    snprintf(last, sizeof last, "%d", (int)snplp_convention_last_year(c));
    const char *code = snplp_convention_territory_code(c),
               *name = snplp_convention_territory_name(c);
    const snplp_message_arg args[] = {
        CLI_ARG(ID, "id", snplp_convention_id(c)),
        CLI_ARG(CHOICE, "kind", snplp_territory_kind_name(snplp_convention_territory_kind(c))),
        CLI_ARG(ID, "code", code ? code : ""),
        CLI_ARG(TEXT, "name", name ? name : ""),
        CLI_ARG(CHOICE, "file_given", file ? "yes" : "no"),
        CLI_ARG(TEXT, "file", file ? file : ""),
        CLI_ARG(INTEGER, "first", first),
        CLI_ARG(INTEGER, "last", last)};
    if (snplp_convention_first_year(c))
        return say(out, "report-convention", "years", args, 8);
    return say(out, "report-convention", "no-years", args, 6);
}

static void print_diagnostic(FILE *out, const snplp_diagnostic *g, size_t indent)
{
    if ((int)snplp_diagnostic_severity(g) > worst_finding)
        worst_finding = (int)snplp_diagnostic_severity(g);
    fprintf(out, "%*s%s: [%s] ", (int)indent, "", cli_severity_word(snplp_diagnostic_severity(g)),
            snplp_diag_code_name(snplp_diagnostic_code(g)));
    tt_put(out, snplp_diagnostic_message(g));
    fputc('\n', out);
}

/* The unit of a row with a mark for its polarity; sets *marks if a mark was used. */
static const char *unit_text(char *buf, size_t size, const snplp_matrix *m, size_t row, bool *marks)
{
    snplp_polarity p = snplp_matrix_polarity(m, row);
    const char *mark = p == SNPLP_POLARITY_LOWER   ? " \xE2\x86\x93" /* ↓ */
                       : p == SNPLP_POLARITY_EXACT ? " ="
                                                   : "";
    if (*mark)
        *marks = true;
    snprintf(buf, size, "%s%s", cli_word("report-unit", snplp_unit_name(snplp_matrix_unit(m, row))),
             mark);
    return buf;
}

/* Appends @p text to the string *s (malloc, *len bytes used, *cap allocated). 0 or -1. */
static int append(char **s, size_t *len, size_t *cap, const char *text)
{
    size_t n = strlen(text);
    if (*len + n + 1 > *cap) {
        size_t grown = (*len + n + 1) * 2;
        char *p = realloc(*s, grown);
        if (!p)
            return -1;
        *s = p;
        *cap = grown;
    }
    memcpy(*s + *len, text, n + 1);
    *len += n;
    return 0;
}

/* The conventions a synthesis cell does not cover and what each lacks:
 * "calpae-44 (actual), calpae-85 (target+actual)", the first REPORT_LACKING_MAX of them then
 * "and N more". NULL if it cannot be written (out of memory...); "" if none. */
static char *lacking_text(const snplp_matrix *m, size_t row, int32_t year)
{
    static const struct {
        unsigned flag;
        const char *name;
    } flags[] = {{SNPLP_MISSING_TARGET, "target"},
                 {SNPLP_MISSING_ACTUAL, "actual"},
                 {SNPLP_MISSING_WEIGHT, "weight"}};
    size_t all = snplp_matrix_missing_count(m, row, year), len = 0, cap = 64;
    size_t n = all > REPORT_LACKING_MAX ? REPORT_LACKING_MAX : all;
    char *text = malloc(cap);
    if (!text)
        return NULL;
    text[0] = '\0';
    int rc = 0;
    for (size_t i = 0; i < n && rc == 0; i++) {
        unsigned what = 0;
        const char *id = "";
        snplp_matrix_missing(&id, &what, m, row, year, i);
        char lacks[128] = "";
        for (size_t k = 0; k < sizeof flags / sizeof flags[0]; k++)
            if (what & flags[k].flag)
                snprintf(lacks + strlen(lacks), sizeof lacks - strlen(lacks), "%s%s",
                         lacks[0] ? "+" : "", cli_word("report-lacking", flags[k].name));
        char *item = cli_text("report-lacking", "item",
                              CLI_ARGS(CLI_ARG(ID, "id", id), CLI_ARG(TEXT, "what", lacks)));
        rc = !item || (i > 0 && append(&text, &len, &cap, ", ") != 0) ||
             append(&text, &len, &cap, item) != 0;
        free(item);
    }
    if (rc == 0 && all > n) {
        char more[32];
        snprintf(more, sizeof more, "%zu", all - n);
        char *tail = cli_text("report-lacking", "more", CLI_ARGS(CLI_ARG(INTEGER, "count", more)));
        rc = !tail || append(&text, &len, &cap, tail) != 0;
        free(tail);
    }
    if (rc != 0) {
        free(text);
        return NULL;
    }
    return text;
}

/* The rate of a cell, @p rate a fraction (1.092): "109.2%", over 10^6 % compact ("1.0e+10%")
 * so that the column stays narrow. NULL if it cannot be written. */
static char *rate_text(double rate)
{
    char digits[64];
    if (fabs(rate) > 1e4) {
        snprintf(digits, sizeof digits, "%.1e", rate * 100);
        char *e = strchr(digits, 'e');
        if (!e)
            return NULL;
        *e = '\0';
        char exponent[16];
        snprintf(exponent, sizeof exponent, "%ld", strtol(e + 1, NULL, 10));
        return cli_text(
            "number", "percent-compact",
            CLI_ARGS(CLI_ARG(DECIMAL, "mantissa", digits), CLI_ARG(INTEGER, "exponent", exponent)));
    }
    snprintf(digits, sizeof digits, "%.1f", rate * 100);
    return cli_text("number", "percent-1", CLI_ARGS(CLI_ARG(DECIMAL, "rate", digits)));
}

/* Sets cell @p col of the last row of @p t to @p text (malloc, freed); 0, or -1 (recorded)
 * when @p text is NULL or the cell cannot be set. */
static int set_text(tt_table *t, size_t col, char *text)
{
    if (!text)
        return fail(snplp_error_last_code());
    int rc = tt_table_set(t, col, text);
    free(text);
    return rc == 0 ? 0 : fail(SNPLP_OK);
}

/* Checks a call that records its failure itself (say(), set_text()). */
#define CHECK_SAID(expr)                                                                           \
    do {                                                                                           \
        if ((expr) != 0) {                                                                         \
            rc = -1;                                                                               \
            goto done;                                                                             \
        }                                                                                          \
    } while (0)

enum {
    COL_INDICATOR,
    COL_UNIT,
    COL_YEAR,
    COL_TARGET,
    COL_ACTUAL,
    COL_RATE,
    COL_STATUS,
    COL_COVERED,
    COL_LACKING
};

/* The matrix as a table: for each indicator, its id and its label wrapped under it, one row per
 * year with target, actual, rate and status (and, for a synthesis, how many conventions the
 * figures cover and which lack values). */
static int print_matrix(FILE *out, const snplp_matrix *m, bool synthesis)
{
    static const char *const columns[] = {"indicator", "unit",   "year",    "target", "actual",
                                          "rate",      "status", "covered", "lacking"};
    static const bool right[] = {false, false, true, true, true, true, false, true, false};
    const char *headers[sizeof columns / sizeof columns[0]];
    for (size_t i = 0; i < sizeof columns / sizeof columns[0]; i++)
        headers[i] = cli_word("report-column", columns[i]);
    int rc = 0;
    char **label = NULL;
    size_t label_lines = 0;
    bool marks = false;
    tt_table *t = tt_table_new(synthesis ? 9 : 7, headers, right);
    if (!t)
        return fail(SNPLP_OK);
    int32_t first = snplp_matrix_first_year(m);
    size_t years = snplp_matrix_year_count(m);
    for (size_t r = 0; r < snplp_matrix_row_count(m); r++) {
        const char *id = snplp_matrix_indicator_id(m, r);
        bool id_alone = tt_width(id) > REPORT_LABEL_WIDTH;
        CHECK(tt_wrap(snplp_matrix_indicator_label(m, r), REPORT_LABEL_WIDTH - 2,
                      years > 3 ? years - (id_alone ? 0 : 1) : 3, &label, &label_lines));
        if (r > 0)
            CHECK(tt_table_add_row(t)); /* a blank line between indicators */
        if (id_alone)
            CHECK(tt_table_add_note(t, id));
        size_t next_label = 0, rows = years;
        if (label_lines + (id_alone ? 0 : 1) > rows)
            rows = label_lines + (id_alone ? 0 : 1);
        for (size_t k = 0; k < rows; k++) {
            CHECK(tt_table_add_row(t));
            if (k == 0 && !id_alone)
                CHECK(tt_table_set(t, COL_INDICATOR, id));
            else if (next_label < label_lines)
                CHECK(tt_table_setf(t, COL_INDICATOR, "  %s", label[next_label++]));
            if (k >= years)
                continue;
            char buf[CLI_VALUE_SIZE];
            int32_t y = first + (int32_t)k;
            snplp_decimal d;
            double rate;
            if (k == 0)
                CHECK(tt_table_set(t, COL_UNIT, unit_text(buf, sizeof buf, m, r, &marks)));
            CHECK(tt_table_set(t, COL_YEAR, cli_year(buf, y)));
            CHECK(tt_table_set(t, COL_TARGET,
                               snplp_matrix_target(&d, m, r, y) == SNPLP_OK ? cli_decimal(buf, d)
                                                                            : "-"));
            CHECK(tt_table_set(t, COL_ACTUAL,
                               snplp_matrix_actual(&d, m, r, y) == SNPLP_OK ? cli_decimal(buf, d)
                                                                            : "-"));
            if (snplp_matrix_rate(&rate, m, r, y) == SNPLP_OK)
                CHECK_SAID(set_text(t, COL_RATE, rate_text(rate)));
            else
                CHECK(tt_table_set(t, COL_RATE, "-"));
            CHECK(tt_table_set(
                t, COL_STATUS,
                cli_word("report-status", snplp_cell_status_name(snplp_matrix_status(m, r, y)))));
            if (synthesis) {
                size_t expected = snplp_matrix_expected(m, r, y);
                char covered[32], all[32];
                snprintf(covered, sizeof covered, "%zu", snplp_matrix_covered(m, r, y));
                snprintf(all, sizeof all, "%zu", expected);
                if (expected)
                    CHECK_SAID(set_text(t, COL_COVERED,
                                        cli_text("number", "fraction",
                                                 CLI_ARGS(CLI_ARG(INTEGER, "part", covered),
                                                          CLI_ARG(INTEGER, "whole", all)))));
                else
                    CHECK(tt_table_set(t, COL_COVERED, "-"));
                CHECK_SAID(set_text(t, COL_LACKING, lacking_text(m, r, y)));
            }
        }
        tt_free_lines(label, label_lines);
        label = NULL;
    }
    if (snplp_matrix_row_count(m) == 0)
        CHECK_SAID(say(out, "report", "no-indicator", CLI_NO_ARGS));
    else
        tt_table_print(t, out, 0);
    if (marks)
        CHECK_SAID(say(out, "report", "legend", CLI_NO_ARGS));
done:
    tt_free_lines(label, label_lines);
    tt_table_free(t);
    return rc;
}

static int print_status_counts(FILE *out, const snplp_matrix *m, bool synthesis)
{
    int rc = 0;
    size_t total = 0;
    char buf[CLI_VALUE_SIZE];
    tt_table *t = tt_table_new(2, NULL, (const bool[]){false, true});
    if (!t)
        return fail(SNPLP_OK);
    for (int s = SNPLP_CELL_REACHED; s < SNPLP_CELL_STATUS_COUNT_1_3; s++) {
        if ((s == SNPLP_CELL_NOT_AGGREGATED || s == SNPLP_CELL_NOT_COMPUTABLE) && !synthesis)
            continue;
        size_t n = snplp_matrix_status_count(m, (snplp_cell_status)s);
        total += n;
        CHECK(tt_table_add_row(t));
        CHECK(tt_table_set(
            t, 0, cli_word("report-status", snplp_cell_status_name((snplp_cell_status)s))));
        CHECK(tt_table_set(t, 1, cli_integer(buf, (long long)n)));
    }
    CHECK(tt_table_add_row(t));
    CHECK(tt_table_set(t, 0, cli_word("report", "cells")));
    CHECK(tt_table_set(t, 1, cli_integer(buf, (long long)total)));
    fputc('\n', out);
    CHECK_SAID(say(out, "report", "status-counts", CLI_NO_ARGS));
    tt_table_print(t, out, 2);
done:
    tt_table_free(t);
    return rc;
}

/* The state of each year's execution report at @p at. */
static int print_reports(FILE *out, const snplp_convention *c, snplp_date at)
{
    static const char *const columns[] = {"year", "due", "sent", "state"};
    const char *headers[4];
    for (size_t i = 0; i < 4; i++)
        headers[i] = cli_word("report-column", columns[i]);
    int rc = 0;
    char day[SNPLP_DATE_TEXT_SIZE], buf[CLI_VALUE_SIZE];
    tt_table *t = tt_table_new(4, headers, NULL);
    if (!t)
        return fail(SNPLP_OK);
    snplp_date_format(day, sizeof day, at);
    CHECK_SAID(say(out, "report", "reports", CLI_ARGS(CLI_ARG(DATE, "at", day))));
    for (int32_t y = snplp_convention_first_year(c); y <= snplp_convention_last_year(c); y++) {
        snplp_date due, sent;
        CHECK(tt_table_add_row(t));
        CHECK(tt_table_set(t, 0, cli_year(buf, y)));
        CHECK_LIB(snplp_report_due_date(&due, y));
        CHECK(tt_table_set(t, 1, cli_date(buf, due)));
        /* a report sent after the date of the question is not sent yet at that date */
        bool was_sent = snplp_convention_report_sent(&sent, c, y) == SNPLP_OK &&
                        snplp_date_compare(sent, at) <= 0;
        CHECK(tt_table_set(t, 2, was_sent ? cli_date(buf, sent) : "-"));
        snplp_report_state state = snplp_convention_report_state(c, y, at);
        if (state == SNPLP_REPORT_NONE)
            CHECK_LIB(snplp_error_last_code());
        CHECK(tt_table_set(t, 3, cli_word("report-state", snplp_report_state_name(state))));
    }
    tt_table_print(t, out, 2);
done:
    tt_table_free(t);
    return rc;
}

/* The decision on the credits of year @p y at @p at, with every reason (in the program's
 * language: the library writes them in the thread's). */
static int print_credits_of_year(FILE *out, const snplp_convention *c, int32_t y, snplp_date at)
{
    snplp_credits *credits = NULL;
    int lib = snplp_convention_credits(&credits, c, y, at);
    if (lib != SNPLP_OK)
        return fail(lib);
    char year[16];
    snprintf(year, sizeof year, "%d", (int)y);
    fputs("  ", out);
    int rc =
        say(out, "report-credits", "decision",
            CLI_ARGS(CLI_ARG(INTEGER, "year", year),
                     CLI_ARG(CHOICE, "released", snplp_credits_released(credits) ? "yes" : "no")));
    for (size_t i = 0; i < snplp_credits_reason_count(credits) && rc == 0; i++) {
        const char *message = snplp_credits_reason_message(credits, i);
        fputs("        ", out);
        rc = say(out, "report-credits", "reason",
                 CLI_ARGS(CLI_ARG(CHOICE, "blocking",
                                  snplp_credits_reason_blocking(credits, i) ? "yes" : "no"),
                          CLI_ARG(TEXT, "kind",
                                  cli_word("report-credit-reason",
                                           snplp_credit_reason_name(
                                               snplp_credits_reason_at(credits, i)))),
                          CLI_ARG(TEXT, "message", message ? message : "")));
    }
    snplp_credits_free(credits);
    return rc;
}

/* The decision on the credits of each year after the first, with every reason. */
static int print_credits(FILE *out, const snplp_convention *c, snplp_date at)
{
    char day[SNPLP_DATE_TEXT_SIZE];
    snplp_date_format(day, sizeof day, at);
    if (say(out, "report", "credits", CLI_ARGS(CLI_ARG(DATE, "at", day))) != 0)
        return -1;
    int32_t first = snplp_convention_first_year(c), last = snplp_convention_last_year(c);
    if (first == last) {
        fputs("  ", out);
        if (say(out, "report", "single-year", CLI_NO_ARGS) != 0)
            return -1;
    }
    for (int32_t y = first + 1; y <= last; y++)
        if (print_credits_of_year(out, c, y, at) != 0)
            return -1;
    return 0;
}

/* The coherence findings of snplp_convention_validate() at @p at (in the program's language:
 * the list takes the thread's). */
static int print_coherence(FILE *out, const snplp_convention *c, snplp_date at)
{
    char day[SNPLP_DATE_TEXT_SIZE], errors[32], warnings[32], notes[32];
    int rc = 0;
    snplp_diagnostics *diags = NULL;
    CHECK_LIB(snplp_diagnostics_new(&diags));
    int v = snplp_convention_validate(c, &at, diags);
    if (v != SNPLP_OK && v != SNPLP_EVALIDATION)
        CHECK_LIB(v);
    snprintf(errors, sizeof errors, "%zu",
             snplp_diagnostics_count_severity(diags, SNPLP_SEVERITY_ERROR));
    snprintf(warnings, sizeof warnings, "%zu",
             snplp_diagnostics_count_severity(diags, SNPLP_SEVERITY_WARNING));
    snprintf(notes, sizeof notes, "%zu",
             snplp_diagnostics_count_severity(diags, SNPLP_SEVERITY_INFO));
    snplp_date_format(day, sizeof day, at);
    if (snplp_diagnostics_count(diags) == 0)
        CHECK_SAID(say(out, "report", "coherence-none", CLI_ARGS(CLI_ARG(DATE, "at", day))));
    else
        CHECK_SAID(say(out, "report", "coherence",
                       CLI_ARGS(CLI_ARG(DATE, "at", day), CLI_ARG(INTEGER, "errors", errors),
                                CLI_ARG(INTEGER, "warnings", warnings),
                                CLI_ARG(INTEGER, "notes", notes))));
    for (size_t i = 0; i < snplp_diagnostics_count(diags); i++)
        print_diagnostic(out, snplp_diagnostics_at(diags, i), 2);
done:
    snplp_diagnostics_free(diags);
    return rc;
}

static int print_convention_status(FILE *out, const snplp_convention *c, snplp_date at)
{
    if (snplp_convention_first_year(c) == 0) {
        if (say(out, "report", "no-status", CLI_NO_ARGS) != 0)
            return -1;
    } else {
        if (print_reports(out, c, at) != 0)
            return -1;
        fputc('\n', out);
        if (print_credits(out, c, at) != 0)
            return -1;
    }
    fputc('\n', out);
    return print_coherence(out, c, at);
}

int report_print(FILE *out, snplp_convention *const *conventions, const char *const *files,
                 size_t count, snplp_date at, const snplp_decimal *threshold)
{
    char day[SNPLP_DATE_TEXT_SIZE], buf[CLI_VALUE_SIZE], n_text[32];
    int rc = 0;
    snplp_matrix *m = NULL;
    snplp_diagnostics *diags = NULL;
    const snplp_convention **with_years = NULL;
    bool synthesis = count > 1;
    worst_finding = -1;
    snplp_decimal th = threshold ? *threshold : (snplp_decimal){SNPLP_MATRIX_DEFAULT_THRESHOLD, 0};
    snplp_date_format(day, sizeof day, at);

    if (!synthesis)
        CHECK_SAID(print_convention_line(out, conventions[0], files ? files[0] : NULL));
    else {
        snprintf(n_text, sizeof n_text, "%zu", count);
        CHECK_SAID(say(out, "report", "synthesis", CLI_ARGS(CLI_ARG(INTEGER, "count", n_text))));
        for (size_t i = 0; i < count; i++) {
            fputs("  ", out);
            CHECK_SAID(print_convention_line(out, conventions[i], files ? files[i] : NULL));
        }
    }
    CHECK_SAID(
        say(out, "report", "at",
            CLI_ARGS(CLI_ARG(DATE, "at", day), CLI_ARG(TEXT, "threshold", cli_decimal(buf, th)))));
    fputc('\n', out);

    if (!synthesis) {
        if (snplp_convention_first_year(conventions[0]) == 0)
            CHECK_SAID(say(out, "report", "no-matrix", CLI_NO_ARGS));
        else
            CHECK_LIB(snplp_convention_matrix_at(&m, conventions[0], at, threshold));
    } else {
        size_t n = 0;
        with_years = malloc(count * sizeof *with_years);
        CHECK(with_years == NULL);
        for (size_t i = 0; i < count; i++) {
            if (snplp_convention_first_year(conventions[i]))
                with_years[n++] = conventions[i];
            else
                CHECK_SAID(say(out, "report", "left-out",
                               CLI_ARGS(CLI_ARG(ID, "id", snplp_convention_id(conventions[i])))));
        }
        CHECK_LIB(snplp_diagnostics_new(&diags));
        CHECK_LIB(snplp_synthesis_at(&m, with_years, n, at, threshold, diags));
        if (snplp_diagnostics_count(diags)) {
            CHECK_SAID(say(out, "report", "synthesis-findings", CLI_NO_ARGS));
            for (size_t i = 0; i < snplp_diagnostics_count(diags); i++)
                print_diagnostic(out, snplp_diagnostics_at(diags, i), 2);
        }
        if (n < count || snplp_diagnostics_count(diags))
            fputc('\n', out);
    }
    if (m) {
        if (synthesis) {
            snprintf(n_text, sizeof n_text, "%zu", snplp_matrix_convention_count(m));
            CHECK_SAID(say(out, "report", "synthesis-matrix",
                           CLI_ARGS(CLI_ARG(INTEGER, "count", n_text))));
        } else
            CHECK_SAID(say(out, "report", "matrix", CLI_NO_ARGS));
        CHECK_SAID(print_matrix(out, m, synthesis));
        CHECK_SAID(print_status_counts(out, m, synthesis));
        fputc('\n', out);
    }

    for (size_t i = 0; i < count; i++) {
        if (synthesis) {
            fputs("== ", out);
            CHECK_SAID(print_convention_line(out, conventions[i], files ? files[i] : NULL));
        }
        if (synthesis && each_matrix && snplp_convention_first_year(conventions[i])) {
            snplp_matrix *own = NULL;
            CHECK_LIB(snplp_convention_matrix(&own, conventions[i], threshold));
            int printed = say(out, "report", "matrix", CLI_NO_ARGS);
            if (printed == 0)
                printed = print_matrix(out, own, false);
            snplp_matrix_free(own);
            CHECK_SAID(printed);
            fputc('\n', out);
        }
        CHECK_SAID(print_convention_status(out, conventions[i], at));
        if (i + 1 < count)
            fputc('\n', out);
    }
done:
    free(with_years);
    snplp_diagnostics_free(diags);
    snplp_matrix_free(m);
    return rc;
}
