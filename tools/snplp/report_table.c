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

/* "2021-06-30" (the date is valid: the caller checked it). */
static const char *date_text(char buf[SNPLP_DATE_TEXT_SIZE], snplp_date d)
{
    if (snplp_date_format(buf, SNPLP_DATE_TEXT_SIZE, d) != SNPLP_OK)
        strcpy(buf, "?");
    return buf;
}

static const char *decimal_text(char buf[SNPLP_DECIMAL_MAX_TEXT], snplp_decimal d)
{
    if (snplp_decimal_format(buf, SNPLP_DECIMAL_MAX_TEXT, d) != SNPLP_OK)
        strcpy(buf, "?");
    return buf;
}

/* "département 49 Maine-et-Loire, 2019 to 2021" */
static void print_convention_line(FILE *out, const snplp_convention *c, const char *file)
{
    fprintf(out, "Convention %s: %s %s ", snplp_convention_id(c),
            snplp_territory_kind_name(snplp_convention_territory_kind(c)),
            snplp_convention_territory_code(c));
    tt_put(out, snplp_convention_territory_name(c));
    if (snplp_convention_first_year(c))
        fprintf(out, ", %d to %d", (int)snplp_convention_first_year(c),
                (int)snplp_convention_last_year(c));
    else
        fputs(", years not set", out);
    if (file) {
        fputs(" (", out);
        tt_put(out, file);
        fputs(")", out);
    }
    fputc('\n', out);
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
    snprintf(buf, size, "%s%s", snplp_unit_name(snplp_matrix_unit(m, row)), mark);
    return buf;
}

/* The conventions a synthesis cell does not cover and what each lacks:
 * "calpae-44 (actual), calpae-85 (target+actual)", the first REPORT_LACKING_MAX of them then
 * "and N more". NULL if out of memory; "" if none. */
static char *lacking_text(const snplp_matrix *m, size_t row, int32_t year)
{
    size_t all = snplp_matrix_missing_count(m, row, year), len = 48;
    size_t n = all > REPORT_LACKING_MAX ? REPORT_LACKING_MAX : all;
    for (size_t i = 0; i < n; i++) {
        const char *id = "";
        snplp_matrix_missing(&id, NULL, m, row, year, i);
        len += strlen(id) + 32;
    }
    char *text = malloc(len);
    if (!text)
        return NULL;
    text[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        unsigned what = 0;
        const char *id = "";
        snplp_matrix_missing(&id, &what, m, row, year, i);
        char *end = text + strlen(text);
        end += sprintf(end, "%s%s (", i ? ", " : "", id);
        const char *sep = "";
        static const struct {
            unsigned flag;
            const char *name;
        } flags[] = {{SNPLP_MISSING_TARGET, "target"},
                     {SNPLP_MISSING_ACTUAL, "actual"},
                     {SNPLP_MISSING_WEIGHT, "weight"}};
        for (size_t k = 0; k < sizeof flags / sizeof flags[0]; k++)
            if (what & flags[k].flag) {
                end += sprintf(end, "%s%s", sep, flags[k].name);
                sep = "+";
            }
        strcpy(end, ")");
    }
    if (all > n)
        sprintf(text + strlen(text), " and %zu more", all - n);
    return text;
}

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
    static const char *const headers[] = {"indicator", "unit",   "year",    "target", "actual",
                                          "rate",      "status", "covered", "lacking"};
    static const bool right[] = {false, false, true, true, true, true, false, true, false};
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
            char buf[SNPLP_DECIMAL_MAX_TEXT + 8];
            int32_t y = first + (int32_t)k;
            snplp_decimal d;
            double rate;
            if (k == 0)
                CHECK(tt_table_set(t, COL_UNIT, unit_text(buf, sizeof buf, m, r, &marks)));
            CHECK(tt_table_setf(t, COL_YEAR, "%d", (int)y));
            CHECK(tt_table_set(t, COL_TARGET,
                               snplp_matrix_target(&d, m, r, y) == SNPLP_OK ? decimal_text(buf, d)
                                                                            : "-"));
            CHECK(tt_table_set(t, COL_ACTUAL,
                               snplp_matrix_actual(&d, m, r, y) == SNPLP_OK ? decimal_text(buf, d)
                                                                            : "-"));
            if (snplp_matrix_rate(&rate, m, r, y) == SNPLP_OK && fabs(rate) > 1e4)
                /* over 10^6 %: compact, the column stays narrow */
                CHECK(tt_table_setf(t, COL_RATE, "%.1e%%", rate * 100));
            else if (snplp_matrix_rate(&rate, m, r, y) == SNPLP_OK)
                CHECK(tt_table_setf(t, COL_RATE, "%.1f%%", rate * 100));
            else
                CHECK(tt_table_set(t, COL_RATE, "-"));
            CHECK(
                tt_table_set(t, COL_STATUS, snplp_cell_status_name(snplp_matrix_status(m, r, y))));
            if (synthesis) {
                size_t expected = snplp_matrix_expected(m, r, y);
                if (expected)
                    CHECK(tt_table_setf(t, COL_COVERED, "%zu/%zu", snplp_matrix_covered(m, r, y),
                                        expected));
                else
                    CHECK(tt_table_set(t, COL_COVERED, "-"));
                char *lacking = lacking_text(m, r, y);
                CHECK(lacking == NULL);
                int set = tt_table_set(t, COL_LACKING, lacking);
                free(lacking);
                CHECK(set);
            }
        }
        tt_free_lines(label, label_lines);
        label = NULL;
    }
    if (snplp_matrix_row_count(m) == 0)
        fputs("(no indicator)\n", out);
    else
        tt_table_print(t, out, 0);
    if (marks)
        fputs("unit \xE2\x86\x93: lower is better; unit =: the target itself is sought\n", out);
done:
    tt_free_lines(label, label_lines);
    tt_table_free(t);
    return rc;
}

static int print_status_counts(FILE *out, const snplp_matrix *m, bool synthesis)
{
    int rc = 0;
    size_t total = 0;
    tt_table *t = tt_table_new(2, NULL, (const bool[]){false, true});
    if (!t)
        return fail(SNPLP_OK);
    for (int s = SNPLP_CELL_REACHED; s < SNPLP_CELL_STATUS_COUNT_1_3; s++) {
        if ((s == SNPLP_CELL_NOT_AGGREGATED || s == SNPLP_CELL_NOT_COMPUTABLE) && !synthesis)
            continue;
        size_t n = snplp_matrix_status_count(m, (snplp_cell_status)s);
        total += n;
        CHECK(tt_table_add_row(t));
        CHECK(tt_table_set(t, 0, snplp_cell_status_name((snplp_cell_status)s)));
        CHECK(tt_table_setf(t, 1, "%zu", n));
    }
    CHECK(tt_table_add_row(t));
    CHECK(tt_table_set(t, 0, "cells"));
    CHECK(tt_table_setf(t, 1, "%zu", total));
    fputs("\nCells by status\n", out);
    tt_table_print(t, out, 2);
done:
    tt_table_free(t);
    return rc;
}

/* The state of each year's execution report at @p at. */
static int print_reports(FILE *out, const snplp_convention *c, snplp_date at)
{
    static const char *const headers[] = {"year", "due", "sent", "state"};
    int rc = 0;
    char day[SNPLP_DATE_TEXT_SIZE];
    tt_table *t = tt_table_new(4, headers, NULL);
    if (!t)
        return fail(SNPLP_OK);
    fprintf(out, "Execution reports at %s (each due on 31 March of the next year)\n",
            date_text(day, at));
    for (int32_t y = snplp_convention_first_year(c); y <= snplp_convention_last_year(c); y++) {
        snplp_date due, sent;
        CHECK(tt_table_add_row(t));
        CHECK(tt_table_setf(t, 0, "%d", (int)y));
        CHECK_LIB(snplp_report_due_date(&due, y));
        CHECK(tt_table_set(t, 1, date_text(day, due)));
        /* a report sent after the date of the question is not sent yet at that date */
        bool was_sent = snplp_convention_report_sent(&sent, c, y) == SNPLP_OK &&
                        snplp_date_compare(sent, at) <= 0;
        CHECK(tt_table_set(t, 2, was_sent ? date_text(day, sent) : "-"));
        snplp_report_state state = snplp_convention_report_state(c, y, at);
        if (state == SNPLP_REPORT_NONE)
            CHECK_LIB(snplp_error_last_code());
        CHECK(tt_table_set(t, 3, snplp_report_state_name(state)));
    }
    tt_table_print(t, out, 2);
done:
    tt_table_free(t);
    return rc;
}

/* The decision on the credits of year @p y at @p at, with every reason. */
static int print_credits_of_year(FILE *out, const snplp_convention *c, int32_t y, snplp_date at)
{
    snplp_credits *credits = NULL;
    int lib = snplp_convention_credits(&credits, c, y, at);
    if (lib != SNPLP_OK)
        return fail(lib);
    int rc = 0;
    fprintf(out, "  %d  %s\n", (int)y, snplp_credits_released(credits) ? "released" : "withheld");
    for (size_t i = 0; i < snplp_credits_reason_count(credits) && rc == 0; i++) {
        fprintf(out, "        %s %s: ",
                snplp_credits_reason_blocking(credits, i) ? "[blocking]" : "[note]",
                snplp_credit_reason_name(snplp_credits_reason_at(credits, i)));
        if (tt_put(out, snplp_credits_reason_message(credits, i)) != 0)
            rc = fail(SNPLP_OK);
        else
            fputc('\n', out);
    }
    snplp_credits_free(credits);
    return rc;
}

/* The decision on the credits of each year after the first, with every reason. */
static int print_credits(FILE *out, const snplp_convention *c, snplp_date at)
{
    char day[SNPLP_DATE_TEXT_SIZE];
    fprintf(out,
            "Credits at %s (those of a year follow the report and actions of the year "
            "before)\n",
            date_text(day, at));
    int32_t first = snplp_convention_first_year(c), last = snplp_convention_last_year(c);
    if (first == last)
        fputs("  (a single year: its credits follow no report)\n", out);
    for (int32_t y = first + 1; y <= last; y++)
        if (print_credits_of_year(out, c, y, at) != 0)
            return -1;
    return 0;
}

/* The coherence findings of snplp_convention_validate() at @p at. */
static int print_coherence(FILE *out, const snplp_convention *c, snplp_date at)
{
    char day[SNPLP_DATE_TEXT_SIZE];
    int rc = 0;
    snplp_diagnostics *diags = NULL;
    CHECK_LIB(snplp_diagnostics_new(&diags));
    int v = snplp_convention_validate(c, &at, diags);
    if (v != SNPLP_OK && v != SNPLP_EVALIDATION)
        CHECK_LIB(v);
    size_t errors = snplp_diagnostics_count_severity(diags, SNPLP_SEVERITY_ERROR);
    size_t warnings = snplp_diagnostics_count_severity(diags, SNPLP_SEVERITY_WARNING);
    size_t notes = snplp_diagnostics_count_severity(diags, SNPLP_SEVERITY_INFO);
    fprintf(out, "Coherence at %s: ", date_text(day, at));
    if (snplp_diagnostics_count(diags) == 0)
        fputs("no finding\n", out);
    else {
        fprintf(out, "%zu error%s, %zu warning%s", errors, errors == 1 ? "" : "s", warnings,
                warnings == 1 ? "" : "s");
        if (notes)
            fprintf(out, ", %zu note%s", notes, notes == 1 ? "" : "s");
        fputc('\n', out);
    }
    for (size_t i = 0; i < snplp_diagnostics_count(diags); i++)
        print_diagnostic(out, snplp_diagnostics_at(diags, i), 2);
done:
    snplp_diagnostics_free(diags);
    return rc;
}

static int print_convention_status(FILE *out, const snplp_convention *c, snplp_date at)
{
    if (snplp_convention_first_year(c) == 0)
        fputs("No execution report nor credit to assess: the years are not set.\n", out);
    else {
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
    char day[SNPLP_DATE_TEXT_SIZE], buf[SNPLP_DECIMAL_MAX_TEXT];
    int rc = 0;
    snplp_matrix *m = NULL;
    snplp_diagnostics *diags = NULL;
    const snplp_convention **with_years = NULL;
    bool synthesis = count > 1;
    worst_finding = -1;
    snplp_decimal th = threshold ? *threshold : (snplp_decimal){SNPLP_MATRIX_DEFAULT_THRESHOLD, 0};

    if (!synthesis)
        print_convention_line(out, conventions[0], files ? files[0] : NULL);
    else {
        fprintf(out, "Synthesis of %zu conventions\n", count);
        for (size_t i = 0; i < count; i++) {
            fputs("  ", out);
            print_convention_line(out, conventions[i], files ? files[i] : NULL);
        }
    }
    fprintf(out, "At %s; a target is partly reached from %s%% of it\n\n", date_text(day, at),
            decimal_text(buf, th));

    if (!synthesis) {
        if (snplp_convention_first_year(conventions[0]) == 0)
            fputs("No follow-up matrix: the years of the convention are not set.\n", out);
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
                fprintf(out, "Convention %s is left out of the synthesis: its years are not set.\n",
                        snplp_convention_id(conventions[i]));
        }
        CHECK_LIB(snplp_diagnostics_new(&diags));
        CHECK_LIB(snplp_synthesis_at(&m, with_years, n, at, threshold, diags));
        if (snplp_diagnostics_count(diags)) {
            fputs("Findings of the synthesis:\n", out);
            for (size_t i = 0; i < snplp_diagnostics_count(diags); i++)
                print_diagnostic(out, snplp_diagnostics_at(diags, i), 2);
        }
        if (n < count || snplp_diagnostics_count(diags))
            fputc('\n', out);
    }
    if (m) {
        if (synthesis)
            fprintf(out, "Synthesis matrix of %zu convention%s\n", snplp_matrix_convention_count(m),
                    snplp_matrix_convention_count(m) == 1 ? "" : "s");
        else
            fputs("Follow-up matrix\n", out);
        if (print_matrix(out, m, synthesis) != 0 || print_status_counts(out, m, synthesis) != 0) {
            rc = -1;
            goto done;
        }
        fputc('\n', out);
    }

    for (size_t i = 0; i < count; i++) {
        if (synthesis) {
            fputs("== ", out);
            print_convention_line(out, conventions[i], files ? files[i] : NULL);
        }
        if (synthesis && each_matrix && snplp_convention_first_year(conventions[i])) {
            snplp_matrix *own = NULL;
            CHECK_LIB(snplp_convention_matrix(&own, conventions[i], threshold));
            fputs("Follow-up matrix\n", out);
            int printed = print_matrix(out, own, false);
            snplp_matrix_free(own);
            if (printed != 0) {
                rc = -1;
                goto done;
            }
            fputc('\n', out);
        }
        if (print_convention_status(out, conventions[i], at) != 0) {
            rc = -1;
            goto done;
        }
        if (i + 1 < count)
            fputc('\n', out);
    }
done:
    free(with_years);
    snplp_diagnostics_free(diags);
    snplp_matrix_free(m);
    return rc;
}
