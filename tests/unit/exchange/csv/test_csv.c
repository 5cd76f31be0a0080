/* Tests of csv.h: indicator values exported and imported as CSV in both dialects.
 *
 * Export is checked byte for byte (byte-order mark, CRLF, quoting, decimal comma, empty fields
 * for missing values); import is checked for RFC 4180 quoting, byte-order marks and line ends,
 * one input per kind of finding with its line, column, convention, indicator and year, several
 * findings at once, and, whenever it fails, that no convention changed (compared with an
 * untouched twin built the same way). Round trips, the fixtures (tests/fixtures/csv), files and
 * read callbacks, the limits, out-of-memory sweeps and an atomic file export complete it. */
#include "names.h"
#include "test_values.h"
#include "test_files.h"

#include <dirent.h>
#include <signal.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef SNPLP_FIXTURES_DIR
#define SNPLP_FIXTURES_DIR "tests/fixtures/xml"
#endif
/* The CSV fixtures sit next to the XML ones. */
#define CSV_FIXTURES SNPLP_FIXTURES_DIR "/../csv"

#define INTL SNPLP_CSV_INTL
#define FR   SNPLP_CSV_FR

#define H_INTL "convention,indicator,year,target,actual,unit,source,comment\r\n"
#define H_FR   "convention;indicator;year;target;actual;unit;source;comment\r\n"
#define BOM    "\xEF\xBB\xBF"

/* ---- the sample conventions ---- */

enum { VALUES = 1, OUTSIDE = 2 };

/* c49 (Maine-et-Loire, 2019-2021): i1 count, i2 percent, i3 euros. With VALUES, values in
 * its years; with OUTSIDE, also a comment in 2018, before the convention. */
static snplp_convention *conv49(int what)
{
    snplp_convention *c = NULL;
    snplp_indicator *i1, *i2, *i3;
    assert_ok(snplp_convention_new(&c, "c49", SNPLP_TERRITORY_DEPARTEMENT, "49", "Maine-et-Loire"));
    assert_ok(snplp_convention_set_years(c, 2019, 2021));
    assert_ok(snplp_convention_add_indicator(&i1, c, "i1", "Jeunes accompagnés", SNPLP_UNIT_COUNT));
    assert_ok(snplp_convention_add_indicator(&i2, c, "i2", "Taux de sortie", SNPLP_UNIT_PERCENT));
    assert_ok(snplp_convention_add_indicator(&i3, c, "i3", "Coût", SNPLP_UNIT_EUROS));
    if (what & VALUES) {
        assert_ok(snplp_indicator_set_target(i1, 2019, dec(100, 0)));
        assert_ok(snplp_indicator_set_actual(i1, 2019, dec(90, 0)));
        assert_ok(snplp_indicator_set_source(i1, 2019, "CAF, décembre 2019"));
        assert_ok(snplp_indicator_set_comment(i1, 2019, "Premier \"bilan\"\nsur deux lignes"));
        assert_ok(snplp_indicator_set_target(i1, 2020, dec(120, 0)));
        assert_ok(snplp_indicator_set_target(i2, 2019, dec(755, 1)));
        assert_ok(snplp_indicator_set_actual(i2, 2019, dec(7000, 2)));
        assert_ok(snplp_indicator_set_source(i2, 2020, "Pôle emploi; DARES"));
        assert_ok(snplp_indicator_set_actual(i2, 2021, dec(0, 2)));
        assert_ok(snplp_indicator_set_target(i3, 2020, dec(125000050, 2)));
        assert_ok(snplp_indicator_set_actual(i3, 2020, dec(-1250, 2)));
        assert_ok(snplp_indicator_set_comment(i3, 2021, "ligne 1\r\nligne 2"));
    }
    if (what & OUTSIDE)
        assert_ok(snplp_indicator_set_comment(i2, 2018, "avant la convention"));
    return c;
}

/* c44 (Loire-Atlantique, 2020-2022): r1 count. */
static snplp_convention *conv44(int what)
{
    snplp_convention *c = NULL;
    snplp_indicator *r1;
    assert_ok(
        snplp_convention_new(&c, "c44", SNPLP_TERRITORY_DEPARTEMENT, "44", "Loire-Atlantique"));
    assert_ok(snplp_convention_set_years(c, 2020, 2022));
    assert_ok(snplp_convention_add_indicator(&r1, c, "r1", "Places", SNPLP_UNIT_COUNT));
    if (what & VALUES)
        assert_ok(snplp_indicator_set_target(r1, 2022, dec(5, 0)));
    return c;
}

/* A list of c49 then c44 (the list holds the only references). */
static snplp_convention_list *sample(int what)
{
    snplp_convention_list *l = NULL;
    assert_ok(snplp_convention_list_new(&l));
    snplp_convention *a = conv49(what), *b = conv44(what);
    assert_ok(snplp_convention_list_add(l, a));
    assert_ok(snplp_convention_list_add(l, b));
    snplp_convention_unref(a);
    snplp_convention_unref(b);
    return l;
}

static const char sample_intl[] =
    H_INTL "c49,i1,2019,100,90,count,\"CAF, décembre 2019\",\"Premier \"\"bilan\"\"\nsur deux "
           "lignes\"\r\n"
           "c49,i1,2020,120,,count,,\r\n"
           "c49,i1,2021,,,count,,\r\n"
           "c49,i2,2018,,,percent,,avant la convention\r\n"
           "c49,i2,2019,75.5,70.00,percent,,\r\n"
           "c49,i2,2020,,,percent,Pôle emploi; DARES,\r\n"
           "c49,i2,2021,,0.00,percent,,\r\n"
           "c49,i3,2019,,,euros,,\r\n"
           "c49,i3,2020,1250000.50,-12.50,euros,,\r\n"
           "c49,i3,2021,,,euros,,\"ligne 1\r\nligne 2\"\r\n"
           "c44,r1,2020,,,count,,\r\n"
           "c44,r1,2021,,,count,,\r\n"
           "c44,r1,2022,5,,count,,\r\n";

static const char sample_fr[] =
    BOM H_FR "c49;i1;2019;100;90;count;CAF, décembre 2019;\"Premier \"\"bilan\"\"\nsur deux "
             "lignes\"\r\n"
             "c49;i1;2020;120;;count;;\r\n"
             "c49;i1;2021;;;count;;\r\n"
             "c49;i2;2018;;;percent;;avant la convention\r\n"
             "c49;i2;2019;75,5;70,00;percent;;\r\n"
             "c49;i2;2020;;;percent;\"Pôle emploi; DARES\";\r\n"
             "c49;i2;2021;;0,00;percent;;\r\n"
             "c49;i3;2019;;;euros;;\r\n"
             "c49;i3;2020;1250000,50;-12,50;euros;;\r\n"
             "c49;i3;2021;;;euros;;\"ligne 1\r\nligne 2\"\r\n"
             "c44;r1;2020;;;count;;\r\n"
             "c44;r1;2021;;;count;;\r\n"
             "c44;r1;2022;5;;count;;\r\n";

/* ---- helpers ---- */

static char *export_text(const snplp_convention_list *l, snplp_csv_dialect d, size_t *len)
{
    char *out = NULL;
    size_t n = 0;
    assert_ok(snplp_csv_export_memory(&out, &n, l, d));
    assert_non_null(out);
    assert_int_equal(strlen(out), n);
    if (len)
        *len = n;
    return out;
}

static void assert_bytes(const char *got, size_t got_len, const char *want)
{
    if (got_len != strlen(want) || memcmp(got, want, got_len) != 0)
        print_error("--- got ---\n%.*s\n--- want ---\n%s\n", (int)got_len, got, want);
    assert_int_equal(got_len, strlen(want));
    assert_memory_equal(got, want, got_len);
}

static const char *fixture(char *buf, size_t size, const char *name)
{
    snprintf(buf, size, "%s/%s", CSV_FIXTURES, name);
    return buf;
}

static void dump(const snplp_diagnostics *d)
{
    for (size_t i = 0; i < snplp_diagnostics_count(d); i++) {
        const snplp_diagnostic *g = snplp_diagnostics_at(d, i);
        print_error("  %zu:%zu [%s] conv=%s item=%s year=%d %s\n", snplp_diagnostic_line(g),
                    snplp_diagnostic_column(g), snplp_diag_code_name(snplp_diagnostic_code(g)),
                    snplp_diagnostic_convention_id(g) ? snplp_diagnostic_convention_id(g) : "-",
                    snplp_diagnostic_item_id(g) ? snplp_diagnostic_item_id(g) : "-",
                    (int)snplp_diagnostic_year(g), snplp_diagnostic_message(g));
    }
}

/* Imports text into l; returns the status, the findings in *diags (a new list). */
static int import_text(snplp_convention_list *l, const char *text, size_t len, snplp_csv_dialect d,
                       snplp_diagnostics **diags)
{
    assert_ok(snplp_diagnostics_new(diags));
    return snplp_csv_import_memory(l, *diags, text, len, "test.csv", d);
}

/* Imports text, which must succeed without findings. */
static void import_ok(snplp_convention_list *l, const char *text, snplp_csv_dialect d)
{
    snplp_diagnostics *diags = NULL;
    int rc = import_text(l, text, strlen(text), d, &diags);
    if (rc != SNPLP_OK || snplp_diagnostics_count(diags)) {
        print_error("import: %s: %s\n", snplp_status_name(rc), snplp_error_last_message());
        dump(diags);
    }
    assert_int_equal(rc, SNPLP_OK);
    assert_int_equal(snplp_diagnostics_count(diags), 0);
    snplp_diagnostics_free(diags);
}

typedef struct finding {
    snplp_diag_code code;
    size_t line, col;
    const char *conv, *item; /* NULL: none */
    int32_t year;
    const char *part; /* of the message, or NULL */
} finding;

static bool same_text(const char *a, const char *b)
{
    return a && b ? !strcmp(a, b) : a == b;
}

/* A finding of the catalogue (util/messages/diag/csv.*.txt) renders from its parameters in
 * English (its message, the list being in English) and in French. The open failure of a file
 * (io/source.c) is not in the catalogue yet. */
static void assert_renders(const char *name, const snplp_diagnostic *g)
{
    if (!snplp_diagnostic_message_id(g)) {
        if (snplp_diagnostic_code(g) != SNPLP_DIAG_CSV_IO)
            print_error("%s: no message id: %s\n", name, snplp_diagnostic_message(g));
        assert_int_equal(snplp_diagnostic_code(g), SNPLP_DIAG_CSV_IO);
        return;
    }
    char *en = NULL, *fr = NULL;
    int rc = snplp_diagnostic_render(g, SNPLP_LANGUAGE_FR, &fr);
    if (rc != SNPLP_OK)
        print_error("%s: %s does not render in French: %s\n", name, snplp_diagnostic_message_id(g),
                    snplp_error_last_message());
    assert_ok(rc);
    assert_ok(snplp_diagnostic_render(g, SNPLP_LANGUAGE_EN, &en));
    assert_string_equal(en, snplp_diagnostic_message(g));
    assert_string_not_equal(fr, en);
    snplp_free(en);
    snplp_free(fr);
}

/* Asserts that g is the error w (case names the input in the message of a failure). */
static void assert_finding_in(const char *name, const snplp_diagnostic *g, const finding *w)
{
    assert_non_null(g);
    const char *msg = snplp_diagnostic_message(g);
    if (snplp_diagnostic_severity(g) != SNPLP_SEVERITY_ERROR ||
        snplp_diagnostic_code(g) != w->code || snplp_diagnostic_line(g) != w->line ||
        snplp_diagnostic_column(g) != w->col ||
        !same_text(snplp_diagnostic_convention_id(g), w->conv) ||
        !same_text(snplp_diagnostic_item_id(g), w->item) || snplp_diagnostic_year(g) != w->year ||
        (w->part && !strstr(msg, w->part))) {
        print_error("%s: got %zu:%zu [%s] conv=%s item=%s year=%d \"%s\"\n"
                    "%*s want %zu:%zu [%s] conv=%s item=%s year=%d \"...%s...\"\n",
                    name, snplp_diagnostic_line(g), snplp_diagnostic_column(g),
                    snplp_diag_code_name(snplp_diagnostic_code(g)),
                    snplp_diagnostic_convention_id(g) ? snplp_diagnostic_convention_id(g) : "-",
                    snplp_diagnostic_item_id(g) ? snplp_diagnostic_item_id(g) : "-",
                    (int)snplp_diagnostic_year(g), msg, (int)strlen(name), "", w->line, w->col,
                    snplp_diag_code_name(w->code), w->conv ? w->conv : "-", w->item ? w->item : "-",
                    (int)w->year, w->part ? w->part : "");
        fail();
    }
    assert_renders(name, g);
}

static void assert_finding(const snplp_diagnostic *g, const finding *w)
{
    assert_finding_in("finding", g, w);
}

/* Imports text into a fresh sample (with values and outside value), which must fail with
 * exactly the findings want (n of them) and leave every convention unchanged. */
static void expect_findings(const char *name, const char *text, size_t len, snplp_csv_dialect d,
                            const finding *want, size_t n)
{
    snplp_convention_list *l = sample(VALUES | OUTSIDE), *twin = sample(VALUES | OUTSIDE);
    snplp_diagnostics *diags = NULL;
    snplp_error_clear();
    int rc = import_text(l, text, len, d, &diags);
    if (rc != SNPLP_EPARSE || snplp_diagnostics_count(diags) != n) {
        print_error("case %s: %s, %zu finding(s), want %zu:\n", name, snplp_status_name(rc),
                    snplp_diagnostics_count(diags), n);
        dump(diags);
    }
    assert_int_equal(rc, SNPLP_EPARSE);
    assert_int_equal(snplp_error_last_code(), SNPLP_EPARSE);
    assert_int_equal(snplp_diagnostics_count(diags), n);
    for (size_t i = 0; i < n; i++)
        assert_finding_in(name, snplp_diagnostics_at(diags, i), &want[i]);
    /* the thread's message repeats the first finding with its place */
    char where[64];
    snprintf(where, sizeof where, "test.csv:%zu:%zu: ", want[0].line, want[0].col);
    assert_non_null(strstr(snplp_error_last_message(), where));
    assert_true(snplp_convention_list_equal(l, twin));
    snplp_diagnostics_free(diags);
    snplp_convention_list_free(l);
    snplp_convention_list_free(twin);
}

#define EXPECT1(name, text, d, ...)                                                                \
    do {                                                                                           \
        const finding want_[] = {__VA_ARGS__};                                                     \
        expect_findings(name, text, sizeof(text) - 1, d, want_, COUNT_OF(want_));                  \
    } while (0)

/* ---- dialects ---- */

/* The dialects' names, and those of the codes of CSV findings (support/names.c). */
static const enum_names *const names[] = {&names_csv_dialect, &names_diag_code, NULL};

/* ---- export ---- */

static void export_intl_exact(void **state)
{
    (void)state;
    snplp_convention_list *l = sample(VALUES | OUTSIDE);
    size_t n = 0;
    char *out = export_text(l, INTL, &n);
    assert_bytes(out, n, sample_intl);
    snplp_free(out);
    snplp_convention_list_free(l);
}

static void export_fr_exact(void **state)
{
    (void)state;
    snplp_convention_list *l = sample(VALUES | OUTSIDE);
    size_t n = 0;
    char *out = export_text(l, FR, &n);
    assert_bytes(out, n, sample_fr);
    /* size may be NULL */
    char *again = NULL;
    assert_ok(snplp_csv_export_memory(&again, NULL, l, FR));
    assert_string_equal(again, out);
    snplp_free(again);
    snplp_free(out);
    snplp_convention_list_free(l);
}

/* An empty list gives the header; a convention without years or indicators gives no row; a
 * value recorded in a convention without years still gives its rows; a missing value is never
 * written 0. */
static void export_edges(void **state)
{
    (void)state;
    snplp_convention_list *l = NULL;
    assert_ok(snplp_convention_list_new(&l));
    size_t n = 0;
    char *out = export_text(l, INTL, &n);
    assert_bytes(out, n, H_INTL);
    snplp_free(out);
    out = export_text(l, FR, &n);
    assert_bytes(out, n, BOM H_FR);
    snplp_free(out);

    snplp_convention *c = NULL, *d = NULL;
    snplp_indicator *i = NULL, *j = NULL;
    assert_ok(snplp_convention_new(&c, "bare", SNPLP_TERRITORY_DEPARTEMENT, "01", "Ain"));
    assert_ok(snplp_convention_list_add(l, c));
    assert_ok(
        snplp_convention_new(&d, "noyears", SNPLP_TERRITORY_REGION, "52", "Pays de la Loire"));
    assert_ok(snplp_convention_add_indicator(&i, d, "x", "X", SNPLP_UNIT_RATIO));
    assert_ok(snplp_convention_add_indicator(&j, d, "y", "Y", SNPLP_UNIT_DAYS));
    assert_ok(snplp_indicator_set_actual(i, 9998, dec(75, 2)));
    assert_ok(snplp_indicator_set_target(i, 1000, dec(0, 0)));
    assert_ok(snplp_convention_list_add(l, d));
    out = export_text(l, INTL, &n);
    assert_bytes(out, n,
                 H_INTL "noyears,x,1000,0,,ratio,,\r\n"
                        "noyears,x,9998,,0.75,ratio,,\r\n");
    snplp_free(out);
    /* a source of blanks is written as it is; an empty one as an empty field */
    assert_ok(snplp_convention_set_years(d, 2020, 2020));
    assert_ok(snplp_indicator_set_source(j, 2020, "  "));
    assert_ok(snplp_indicator_set_comment(j, 2021, ""));
    out = export_text(l, FR, &n);
    assert_bytes(out, n,
                 BOM H_FR "noyears;x;1000;0;;ratio;;\r\n"
                          "noyears;x;2020;;;ratio;;\r\n"
                          "noyears;x;9998;;0,75;ratio;;\r\n"
                          "noyears;y;2020;;;days;  ;\r\n"
                          "noyears;y;2021;;;days;;\r\n");
    snplp_free(out);
    snplp_convention_unref(c);
    snplp_convention_unref(d);
    snplp_convention_list_free(l);
}

/* Numbers are written with exactly their scale, without grouping, and read back identical. */
static void export_numbers(void **state)
{
    (void)state;
    static const struct {
        int64_t units;
        int32_t scale;
        const char *intl, *fr;
    } cases[] = {
        {0, 0, "0", "0"},
        {0, 2, "0.00", "0,00"},
        {1250, 2, "12.50", "12,50"},
        {-5, 3, "-0.005", "-0,005"},
        {1, 18, "0.000000000000000001", "0,000000000000000001"},
        {-1, 18, "-0.000000000000000001", "-0,000000000000000001"},
        {1000000, 0, "1000000", "1000000"},
        {123456789, 1, "12345678.9", "12345678,9"},
        {INT64_MAX, 0, "9223372036854775807", "9223372036854775807"},
        {-INT64_MAX, 0, "-9223372036854775807", "-9223372036854775807"},
        {INT64_MAX, 18, "9.223372036854775807", "9,223372036854775807"},
        {-INT64_MAX, 1, "-922337203685477580.7", "-922337203685477580,7"},
        {1000000000000000000, 18, "1.000000000000000000", "1,000000000000000000"},
    };
    for (size_t k = 0; k < COUNT_OF(cases); k++) {
        snplp_convention_list *l = sample(0), *back = sample(0);
        snplp_indicator *i =
            snplp_convention_indicator_find(snplp_convention_list_find(l, "c44"), "r1");
        assert_ok(snplp_indicator_set_actual(i, 2021, dec(cases[k].units, cases[k].scale)));
        for (int d = INTL; d <= FR; d++) {
            size_t n = 0;
            char *out = export_text(l, (snplp_csv_dialect)d, &n);
            char row[200];
            snprintf(row, sizeof row, "%cc44%cr1%c2021%c%c%s%ccount%c%c\r\n", '\n',
                     d == INTL ? ',' : ';', d == INTL ? ',' : ';', d == INTL ? ',' : ';',
                     d == INTL ? ',' : ';', d == INTL ? cases[k].intl : cases[k].fr,
                     d == INTL ? ',' : ';', d == INTL ? ',' : ';', d == INTL ? ',' : ';');
            if (!strstr(out, row))
                print_error("case %zu: no \"%s\" in\n%s\n", k, row + 1, out);
            assert_non_null(strstr(out, row));
            /* and back: identical digit for digit */
            import_ok(back, out, (snplp_csv_dialect)d);
            assert_true(snplp_convention_list_equal(l, back));
            snplp_free(out);
        }
        snplp_convention_list_free(l);
        snplp_convention_list_free(back);
    }
}

typedef struct collector {
    char *text;
    size_t n;
    int calls, fail_at; /* fail_at: the call that fails (1-based), 0 never */
} collector;

static int collect(void *user, const char *buf, size_t size)
{
    collector *c = user;
    if (++c->calls == c->fail_at)
        return -1;
    char *p = realloc(c->text, c->n + size + 1);
    assert_non_null(p);
    memcpy(p + c->n, buf, size);
    c->text = p;
    c->n += size;
    c->text[c->n] = '\0';
    return 0;
}

static void export_callback(void **state)
{
    (void)state;
    snplp_convention_list *l = sample(VALUES | OUTSIDE);
    for (int d = INTL; d <= FR; d++) {
        collector c = {0};
        assert_ok(snplp_csv_export_callback(l, (snplp_csv_dialect)d, collect, &c));
        assert_bytes(c.text, c.n, d == INTL ? sample_intl : sample_fr);
        free(c.text);
        collector failing = {.fail_at = 1};
        assert_fails(snplp_csv_export_callback(l, (snplp_csv_dialect)d, collect, &failing),
                     SNPLP_EIO);
        assert_int_equal(failing.calls, 1);
        free(failing.text);
    }
    /* a big export is written in several pieces; a failure midway stops it */
    snplp_convention_list *big = NULL;
    assert_ok(snplp_convention_list_new(&big));
    snplp_convention *c = NULL;
    assert_ok(snplp_convention_new(&c, "big", SNPLP_TERRITORY_DEPARTEMENT, "49", "Maine-et-Loire"));
    assert_ok(snplp_convention_set_years(c, 1000, 1999));
    for (int k = 0; k < 20; k++) {
        char id[16];
        snprintf(id, sizeof id, "ind%d", k);
        assert_ok(snplp_convention_add_indicator(NULL, c, id, "Indicateur", SNPLP_UNIT_COUNT));
    }
    assert_ok(snplp_convention_list_add(big, c));
    collector all = {0};
    assert_ok(snplp_csv_export_callback(big, INTL, collect, &all));
    assert_true(all.calls > 1);
    assert_int_equal(all.n, strlen(H_INTL) + 20 * 1000 * strlen("big,ind0,1000,,,count,,\r\n") +
                                10 * 1000);
    collector midway = {.fail_at = 2};
    assert_fails(snplp_csv_export_callback(big, INTL, collect, &midway), SNPLP_EIO);
    assert_int_equal(midway.calls, 2);
    assert_true(midway.n < all.n);
    free(all.text);
    free(midway.text);
    snplp_convention_unref(c);
    snplp_convention_list_free(big);
    snplp_convention_list_free(l);
}

static void export_bad_arguments(void **state)
{
    (void)state;
    snplp_convention_list *l = sample(VALUES);
    char *out = (char *)(uintptr_t)1;
    size_t n = 77;
    assert_fails(snplp_csv_export_memory(NULL, &n, l, INTL), SNPLP_EINVAL);
    assert_fails(snplp_csv_export_memory(&out, &n, NULL, INTL), SNPLP_EINVAL);
    assert_fails(snplp_csv_export_memory(&out, &n, l, SNPLP_CSV_NONE), SNPLP_EINVAL);
    assert_fails(snplp_csv_export_memory(&out, &n, l, (snplp_csv_dialect)3), SNPLP_EINVAL);
    assert_true(out == (char *)(uintptr_t)1);
    assert_int_equal(n, 77);
    collector c = {0};
    assert_fails(snplp_csv_export_callback(NULL, INTL, collect, &c), SNPLP_EINVAL);
    assert_fails(snplp_csv_export_callback(l, INTL, NULL, &c), SNPLP_EINVAL);
    assert_fails(snplp_csv_export_callback(l, (snplp_csv_dialect)0, collect, &c), SNPLP_EINVAL);
    assert_int_equal(c.calls, 0);
    assert_fails(snplp_csv_export_file(NULL, INTL, "/tmp/x.csv"), SNPLP_EINVAL);
    assert_fails(snplp_csv_export_file(l, INTL, NULL), SNPLP_EINVAL);
    assert_fails(snplp_csv_export_file(l, INTL, ""), SNPLP_EINVAL);
    assert_fails(snplp_csv_export_file(l, (snplp_csv_dialect)7, "/tmp/x.csv"), SNPLP_EINVAL);
    snplp_convention_list_free(l);
}

/* ---- files ---- */

/* Export to a file then import the file: both dialects, over an existing file. */
static void export_and_import_file(void **state)
{
    (void)state;
    char dir[] = "/tmp/snplp-csv-file-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[4096];
    snprintf(path, sizeof path, "%s/values.csv", dir);
    snplp_convention_list *l = sample(VALUES);
    for (int d = INTL; d <= FR; d++) {
        assert_ok(snplp_csv_export_file(l, (snplp_csv_dialect)d, path));
        size_t n = 0;
        char *text = slurp(path, &n);
        size_t m = 0;
        char *mem = export_text(l, (snplp_csv_dialect)d, &m);
        assert_bytes(text, n, mem);
        snplp_free(mem);
        free(text);
        snplp_convention_list *back = sample(0);
        snplp_diagnostics *diags = new_diags();
        assert_ok(snplp_csv_import_file(back, diags, path, (snplp_csv_dialect)d));
        assert_int_equal(snplp_diagnostics_count(diags), 0);
        assert_true(snplp_convention_list_equal(l, back));
        snplp_diagnostics_free(diags);
        snplp_convention_list_free(back);
    }
    char *listing = dir_listing(dir);
    assert_string_equal(listing, "values.csv");
    free(listing);
    unlink(path);
    rmdir(dir);
    snplp_convention_list_free(l);
}

/* Exports list (a snplp_convention_list) to path in the French dialect. */
static int export_fr_file(const void *list, const char *path)
{
    return snplp_csv_export_file(list, SNPLP_CSV_FR, path);
}

/* Writing to a path is atomic: with the file size limited below the new text's size, the
 * export fails, the old file is whole and no temporary file is left. */
static void export_file_is_atomic(void **state)
{
    (void)state;
    char dir[] = "/tmp/snplp-csv-atomic-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[4096];
    snprintf(path, sizeof path, "%s/values.csv", dir);
    snplp_convention_list *small = sample(VALUES);
    assert_ok(snplp_csv_export_file(small, FR, path));
    size_t old_len = 0;
    char *old = slurp(path, &old_len);

    snplp_convention_list *big = NULL;
    assert_ok(snplp_convention_list_new(&big));
    snplp_convention *c = NULL;
    assert_ok(snplp_convention_new(&c, "big", SNPLP_TERRITORY_DEPARTEMENT, "49", "Maine-et-Loire"));
    assert_ok(snplp_convention_set_years(c, 1000, 1999));
    for (int k = 0; k < 10; k++) {
        char id[16];
        snprintf(id, sizeof id, "ind%d", k);
        assert_ok(snplp_convention_add_indicator(NULL, c, id, "Indicateur", SNPLP_UNIT_COUNT));
    }
    assert_ok(snplp_convention_list_add(big, c));
    size_t big_len = 0;
    char *big_text = export_text(big, FR, &big_len);
    assert_true(big_len > 4 * old_len);
    snplp_free(big_text);

    assert_int_equal(write_with_size_limit(export_fr_file, big, path, big_len / 2), SNPLP_EIO);
    size_t now_len = 0;
    char *now = slurp(path, &now_len);
    assert_non_null(now);
    assert_int_equal(now_len, old_len);
    assert_memory_equal(now, old, old_len);
    free(now);
    char *listing = dir_listing(dir);
    assert_string_equal(listing, "values.csv");
    free(listing);

    /* into a directory that does not exist, and over a directory */
    char missing[4096];
    snprintf(missing, sizeof missing, "%s/no-such-dir/values.csv", dir);
    assert_fails(snplp_csv_export_file(small, INTL, missing), SNPLP_EIO);
    char sub[4096];
    snprintf(sub, sizeof sub, "%s/sub", dir);
    assert_int_equal(mkdir(sub, 0700), 0);
    assert_fails(snplp_csv_export_file(small, INTL, sub), SNPLP_EIO);
    listing = dir_listing(dir);
    assert_string_equal(listing, "sub/values.csv");
    free(listing);
    now = slurp(path, &now_len);
    assert_int_equal(now_len, old_len);
    assert_memory_equal(now, old, old_len);
    free(now);
    free(old);
    rmdir(sub);
    unlink(path);
    rmdir(dir);
    snplp_convention_unref(c);
    snplp_convention_list_free(big);
    snplp_convention_list_free(small);
}

/* ---- round trips ---- */

/* Export then import into the same conventions with their values cleared gives equal
 * conventions; importing an export into the conventions it came from changes nothing (values
 * outside the years included). */
static void round_trips(void **state)
{
    (void)state;
    for (int d = INTL; d <= FR; d++) {
        snplp_convention_list *l = sample(VALUES), *cleared = sample(0);
        size_t n = 0;
        char *out = export_text(l, (snplp_csv_dialect)d, &n);
        assert_false(snplp_convention_list_equal(l, cleared));
        import_ok(cleared, out, (snplp_csv_dialect)d);
        assert_true(snplp_convention_list_equal(l, cleared));
        /* the same bytes again */
        size_t n2 = 0;
        char *out2 = export_text(cleared, (snplp_csv_dialect)d, &n2);
        assert_bytes(out2, n2, out);
        snplp_free(out2);
        snplp_free(out);
        snplp_convention_list_free(l);
        snplp_convention_list_free(cleared);

        snplp_convention_list *full = sample(VALUES | OUTSIDE), *twin = sample(VALUES | OUTSIDE);
        import_ok(full, d == INTL ? sample_intl : sample_fr, (snplp_csv_dialect)d);
        assert_true(snplp_convention_list_equal(full, twin));
        snplp_convention_list_free(full);
        snplp_convention_list_free(twin);

        /* the value outside the years cannot be imported into the cleared conventions */
        snplp_convention_list *bare = sample(0), *bare_twin = sample(0);
        snplp_diagnostics *diags = NULL;
        const char *text = d == INTL ? sample_intl : sample_fr;
        assert_int_equal(import_text(bare, text, strlen(text), (snplp_csv_dialect)d, &diags),
                         SNPLP_EPARSE);
        assert_int_equal(snplp_diagnostics_count(diags), 1);
        finding w = {SNPLP_DIAG_CSV_YEAR_OUTSIDE, 6, 8, "c49", "i2", 2018, "2019 to 2021"};
        assert_finding(snplp_diagnostics_at(diags, 0), &w);
        assert_true(snplp_convention_list_equal(bare, bare_twin));
        snplp_diagnostics_free(diags);
        snplp_convention_list_free(bare);
        snplp_convention_list_free(bare_twin);
    }
}

/* ---- import: reading ---- */

static const char *comment_of(snplp_convention_list *l, const char *conv, const char *ind,
                              int32_t year)
{
    return snplp_indicator_comment(
        snplp_convention_indicator_find(snplp_convention_list_find(l, conv), ind), year);
}

static const char *source_of(snplp_convention_list *l, const char *conv, const char *ind,
                             int32_t year)
{
    return snplp_indicator_source(
        snplp_convention_indicator_find(snplp_convention_list_find(l, conv), ind), year);
}

/* Quoted separators, doubled quotes, CRLF, LF and CR inside quoted fields, quoted empty fields
 * and quoted numbers and ids. */
static void import_quoting(void **state)
{
    (void)state;
    snplp_convention_list *l = sample(0);
    import_ok(l,
              H_INTL "c49,i1,2019,,,count,\"a,b\",\"dit \"\"oui\"\", puis \"\"non\"\"\"\r\n"
                     "c49,i1,2020,,,count,\"\"\"\",\"l1\r\nl2\nl3\rl4\"\r\n"
                     "\"c49\",\"i1\",\"2021\",\"7\",\"\",\"count\",\"\",\"\"\r\n"
                     "c49,i2,2019,\"\",\"12.5\",,,\"\"\"quoted\"\" at start\"\r\n"
                     "c49,i2,2020,,,,\"ends with a separator,\",\"\r\n\"\r\n",
              INTL);
    assert_text(source_of(l, "c49", "i1", 2019), "a,b");
    assert_text(comment_of(l, "c49", "i1", 2019), "dit \"oui\", puis \"non\"");
    assert_text(source_of(l, "c49", "i1", 2020), "\"");
    assert_text(comment_of(l, "c49", "i1", 2020), "l1\r\nl2\nl3\rl4");
    snplp_indicator *i1 =
        snplp_convention_indicator_find(snplp_convention_list_find(l, "c49"), "i1");
    snplp_decimal v;
    assert_ok(snplp_indicator_target(&v, i1, 2021));
    assert_true(snplp_decimal_identical(v, dec(7, 0)));
    assert_status(snplp_indicator_actual(&v, i1, 2021), SNPLP_ENOTFOUND);
    assert_null(source_of(l, "c49", "i1", 2021));
    snplp_indicator *i2 =
        snplp_convention_indicator_find(snplp_convention_list_find(l, "c49"), "i2");
    assert_status(snplp_indicator_target(&v, i2, 2019), SNPLP_ENOTFOUND);
    assert_ok(snplp_indicator_actual(&v, i2, 2019));
    assert_true(snplp_decimal_identical(v, dec(125, 1)));
    assert_text(comment_of(l, "c49", "i2", 2019), "\"quoted\" at start");
    assert_text(source_of(l, "c49", "i2", 2020), "ends with a separator,");
    assert_text(comment_of(l, "c49", "i2", 2020), "\r\n");

    /* the French dialect: ';' separates, ',' is text */
    import_ok(l,
              H_FR "c49;i3;2019;1,5;\"-2,25\";euros;\"x;y\";a, b\r\n"
                   "c49;i3;2020;;;euros;\"\";\"\"\"\"\r\n",
              FR);
    snplp_indicator *i3 =
        snplp_convention_indicator_find(snplp_convention_list_find(l, "c49"), "i3");
    assert_ok(snplp_indicator_target(&v, i3, 2019));
    assert_true(snplp_decimal_identical(v, dec(15, 1)));
    assert_ok(snplp_indicator_actual(&v, i3, 2019));
    assert_true(snplp_decimal_identical(v, dec(-225, 2)));
    assert_text(source_of(l, "c49", "i3", 2019), "x;y");
    assert_text(comment_of(l, "c49", "i3", 2019), "a, b");
    assert_text(comment_of(l, "c49", "i3", 2020), "\"");
    snplp_convention_list_free(l);
}

/* A byte-order mark is accepted in both dialects; CRLF, LF and CR line ends, no line end at
 * the end, blank lines and rows of empty fields anywhere. */
static void import_bom_and_line_ends(void **state)
{
    (void)state;
    static const struct {
        snplp_csv_dialect d;
        const char *text;
    } cases[] = {
        {INTL, H_INTL "c49,i1,2019,5,6,count,,\r\n"},
        {INTL, BOM H_INTL "c49,i1,2019,5,6,count,,\r\n"},
        {FR, H_FR "c49;i1;2019;5;6;count;;\r\n"},
        {FR, BOM H_FR "c49;i1;2019;5;6;count;;\r\n"},
        {INTL, "convention,indicator,year,target,actual,unit,source,comment\n"
               "c49,i1,2019,5,6,count,,\n"},
        {INTL, "convention,indicator,year,target,actual,unit,source,comment\r"
               "c49,i1,2019,5,6,count,,\r"},
        {INTL, H_INTL "c49,i1,2019,5,6,count,,"},
        {FR, BOM "convention;indicator;year;target;actual;unit;source;comment\n"
                 "c49;i1;2019;5;6;;;"},
        {INTL, "\r\n\n" H_INTL "\r\n,,,,,,,\r\nc49,i1,2019,5,6,count,,\r\n\r\n,,,\n\"\",\"\"\r\n"},
        {FR, BOM "\n" H_FR ";;;;;;;\r\nc49;i1;2019;5;6;count;;\r\n;;;;;;;\r\n;;;;;;;\r\n"},
    };
    for (size_t k = 0; k < COUNT_OF(cases); k++) {
        snplp_convention_list *l = sample(0);
        import_ok(l, cases[k].text, cases[k].d);
        snplp_indicator *i1 =
            snplp_convention_indicator_find(snplp_convention_list_find(l, "c49"), "i1");
        snplp_decimal v;
        assert_ok(snplp_indicator_target(&v, i1, 2019));
        assert_true(snplp_decimal_identical(v, dec(5, 0)));
        assert_ok(snplp_indicator_actual(&v, i1, 2019));
        assert_true(snplp_decimal_identical(v, dec(6, 0)));
        assert_int_equal(snplp_indicator_year_count(i1), 1);
        snplp_convention_list_free(l);
    }
    /* a header alone changes nothing */
    snplp_convention_list *l = sample(VALUES), *twin = sample(VALUES);
    import_ok(l, H_INTL, INTL);
    import_ok(l, BOM H_FR "\r\n", FR);
    assert_true(snplp_convention_list_equal(l, twin));
    snplp_convention_list_free(l);
    snplp_convention_list_free(twin);
}

/* Empty fields leave values as they are; given ones replace them; texts are stored in NFC. */
static void import_updates(void **state)
{
    (void)state;
    snplp_convention_list *l = sample(VALUES | OUTSIDE);
    import_ok(l,
              H_FR "c49;i1;2019;;95;;;\r\n"
                   "c49;i1;2021;130;;count;Cafe\xcc\x81;\r\n"
                   "c49;i2;2018;;;;;avant la convention\r\n",
              FR);
    snplp_indicator *i1 =
        snplp_convention_indicator_find(snplp_convention_list_find(l, "c49"), "i1");
    snplp_decimal v;
    assert_ok(snplp_indicator_target(&v, i1, 2019));
    assert_true(snplp_decimal_identical(v, dec(100, 0)));
    assert_ok(snplp_indicator_actual(&v, i1, 2019));
    assert_true(snplp_decimal_identical(v, dec(95, 0)));
    assert_text(source_of(l, "c49", "i1", 2019), "CAF, décembre 2019");
    assert_text(comment_of(l, "c49", "i1", 2019), "Premier \"bilan\"\nsur deux lignes");
    assert_ok(snplp_indicator_target(&v, i1, 2021));
    assert_true(snplp_decimal_identical(v, dec(130, 0)));
    assert_text(source_of(l, "c49", "i1", 2021), "Caf\xc3\xa9");
    assert_int_equal(snplp_indicator_year_count(i1), 3);
    assert_text(comment_of(l, "c49", "i2", 2018), "avant la convention");
    /* "12.50" and "12.5" are different values digit for digit */
    import_ok(l, H_INTL "c49,i1,2019,100.0,,,,\r\n", INTL);
    assert_ok(snplp_indicator_target(&v, i1, 2019));
    assert_true(snplp_decimal_identical(v, dec(1000, 1)));
    snplp_convention_list_free(l);
}

/* A row for a year outside the convention is accepted only when it changes nothing. */
static void import_outside_years(void **state)
{
    (void)state;
    snplp_convention_list *l = sample(VALUES | OUTSIDE), *twin = sample(VALUES | OUTSIDE);
    import_ok(l, H_INTL "c49,i2,2018,,,,,avant la convention\r\nc49,i1,2030,,,count,,\r\n", INTL);
    assert_true(snplp_convention_list_equal(l, twin));
    EXPECT1("outside-changed", H_INTL "c49,i2,2018,,,,,autre chose\r\n", INTL,
            {SNPLP_DIAG_CSV_YEAR_OUTSIDE, 2, 8, "c49", "i2", 2018, "2019 to 2021"});
    EXPECT1("outside-new", H_INTL "c49,i1,2022,1,,count,,\r\n", INTL,
            {SNPLP_DIAG_CSV_YEAR_OUTSIDE, 2, 8, "c49", "i1", 2022, "outside"});
    /* an unreadable value in a year outside: both findings */
    EXPECT1("outside-bad-number", H_INTL "c49,i1,2022,1x,,count,,\r\n", INTL,
            {SNPLP_DIAG_BAD_NUMBER, 2, 13, "c49", "i1", 2022, NULL},
            {SNPLP_DIAG_CSV_YEAR_OUTSIDE, 2, 8, "c49", "i1", 2022, NULL});
    /* a convention whose years are unset takes no value */
    snplp_convention *c = NULL;
    assert_ok(snplp_convention_new(&c, "c01", SNPLP_TERRITORY_DEPARTEMENT, "01", "Ain"));
    assert_ok(snplp_convention_add_indicator(NULL, c, "k", "K", SNPLP_UNIT_COUNT));
    snplp_convention_list *one = NULL;
    assert_ok(snplp_convention_list_new(&one));
    assert_ok(snplp_convention_list_add(one, c));
    snplp_diagnostics *diags = NULL;
    const char text[] = H_INTL "c01,k,2020,,,count,,\r\nc01,k,2020,1,,count,,\r\n";
    assert_int_equal(import_text(one, text, strlen(text), INTL, &diags), SNPLP_EPARSE);
    assert_int_equal(snplp_diagnostics_count(diags), 2);
    finding dup = {SNPLP_DIAG_DUPLICATE_ROW, 3, 1, "c01", "k", 2020, "line 2"};
    finding out = {SNPLP_DIAG_CSV_YEAR_OUTSIDE, 3, 7, "c01", "k", 2020, "no years"};
    assert_finding(snplp_diagnostics_at(diags, 0), &dup);
    assert_finding(snplp_diagnostics_at(diags, 1), &out);
    assert_int_equal(snplp_indicator_year_count(snplp_convention_indicator_find(c, "k")), 0);
    snplp_diagnostics_free(diags);
    snplp_convention_unref(c);
    snplp_convention_list_free(one);
    snplp_convention_list_free(l);
    snplp_convention_list_free(twin);
}

/* ---- import: one finding per kind, with its place ---- */

static void import_malformed(void **state)
{
    (void)state;
    EXPECT1("unterminated-quote", H_INTL "c49,i1,2019,,,count,,\"never closed\r\nc49\r\n", INTL,
            {SNPLP_DIAG_CSV_SYNTAX, 2, 22, NULL, NULL, 0, "no closing quote"});
    EXPECT1("text-after-quote", H_INTL "c49,i1,2019,,,count,\"CAF\"x,\r\n", INTL,
            {SNPLP_DIAG_CSV_SYNTAX, 2, 21, NULL, NULL, 0, "at column 26"});
    EXPECT1("quote-in-unquoted", H_INTL "c49,i1,2019,,,count,CAF \"x\",\r\n", INTL,
            {SNPLP_DIAG_CSV_SYNTAX, 2, 21, NULL, NULL, 0, "at column 25"});
    EXPECT1("too-few-fields", H_INTL "c49,i1,2019\r\n", INTL,
            {SNPLP_DIAG_CSV_FIELD_COUNT, 2, 12, NULL, NULL, 0, "3 fields, expected 8"});
    EXPECT1("one-field", H_FR "c49\r\n", FR,
            {SNPLP_DIAG_CSV_FIELD_COUNT, 2, 4, NULL, NULL, 0, "1 field, expected 8"});
    EXPECT1("too-many-fields", H_INTL "c49,i1,2019,,,count,,,extra\r\n", INTL,
            {SNPLP_DIAG_CSV_FIELD_COUNT, 2, 23, NULL, NULL, 0, "9 fields"});
    EXPECT1("semicolons-in-intl", H_INTL "c49;i1;2019;;;count;;\r\n", INTL,
            {SNPLP_DIAG_CSV_FIELD_COUNT, 2, 22, NULL, NULL, 0, NULL});
    EXPECT1("invalid-utf8", H_INTL "c49,i1,2019,,,count,\xff,\r\n", INTL,
            {SNPLP_DIAG_CSV_ENCODING, 2, 21, NULL, NULL, 0, "invalid UTF-8"});
    EXPECT1("truncated-utf8", H_FR "c49;i1;2019;;;count;;caf\xc3\r\n", FR,
            {SNPLP_DIAG_CSV_ENCODING, 2, 22, NULL, NULL, 0, "byte 4"});
    EXPECT1("control-character", H_INTL "c49,i1,2019,,,count,,a\x01z\r\n", INTL,
            {SNPLP_DIAG_CSV_ENCODING, 2, 22, NULL, NULL, 0, "U+0001"});
    EXPECT1("nul", H_INTL "c49,i1,2019,,,count,,a\0z\r\n", INTL,
            {SNPLP_DIAG_CSV_ENCODING, 2, 22, NULL, NULL, 0, "U+0000"});
    EXPECT1("noncharacter", H_INTL "c49,i1,2019,,,count,\xef\xbf\xbe,\r\n", INTL,
            {SNPLP_DIAG_CSV_ENCODING, 2, 21, NULL, NULL, 0, "U+FFFE"});
    EXPECT1("bad-utf8-in-id", H_INTL "c4\xff,i1,2019,,,count,,\r\n", INTL,
            {SNPLP_DIAG_CSV_ENCODING, 2, 1, NULL, NULL, 0, NULL});
    EXPECT1("not-a-bom",
            "\xef\xbb"
            "convention,indicator,year,target,actual,unit,source,comment\r\n",
            INTL, {SNPLP_DIAG_CSV_ENCODING, 1, 1, NULL, NULL, 0, "invalid UTF-8"});
    EXPECT1("not-a-bom-2",
            "\xef"
            "convention,indicator,year,target,actual,unit,source,comment\r\n",
            INTL, {SNPLP_DIAG_CSV_ENCODING, 1, 1, NULL, NULL, 0, "byte 1"});
    EXPECT1("not-utf16",
            "\xff"
            "convention,indicator,year,target,actual,unit,source,comment\r\n",
            INTL, {SNPLP_DIAG_CSV_ENCODING, 1, 1, NULL, NULL, 0, "byte 1"});
    EXPECT1("header-encoding", "convention,indicator,year,target,actual,unit,source,comm\xe9nt\r\n",
            INTL, {SNPLP_DIAG_CSV_ENCODING, 1, 53, NULL, NULL, 0, "comment field"});
    EXPECT1("utf16le",
            "\xff\xfe"
            "c\0o\0n\0",
            INTL, {SNPLP_DIAG_CSV_ENCODING, 1, 1, NULL, NULL, 0, "UTF-16"});
    EXPECT1("utf16be", "\xfe\xff\0c\0o", FR,
            {SNPLP_DIAG_CSV_ENCODING, 1, 1, NULL, NULL, 0, "UTF-16"});
}

static void import_bad_header(void **state)
{
    (void)state;
    EXPECT1("header-name", "convention,indicator,annee,target,actual,unit,source,comment\r\n", INTL,
            {SNPLP_DIAG_CSV_HEADER, 1, 22, NULL, NULL, 0, "field 3 is 'annee'"});
    EXPECT1("header-bom-column",
            BOM "convention;indicateur;year;target;actual;unit;source;comment\r\n", FR,
            {SNPLP_DIAG_CSV_HEADER, 1, 12, NULL, NULL, 0, "expected 'indicator'"});
    EXPECT1("header-short", "convention,indicator,year\r\n", INTL,
            {SNPLP_DIAG_CSV_HEADER, 1, 26, NULL, NULL, 0, "3 fields, expected 8"});
    EXPECT1("header-long", "convention,indicator,year,target,actual,unit,source,comment,x\r\n",
            INTL, {SNPLP_DIAG_CSV_HEADER, 1, 61, NULL, NULL, 0, "9 fields"});
    EXPECT1("header-case", "Convention,indicator,year,target,actual,unit,source,comment\r\n", INTL,
            {SNPLP_DIAG_CSV_HEADER, 1, 1, NULL, NULL, 0, NULL});
    EXPECT1("empty", "", INTL, {SNPLP_DIAG_CSV_HEADER, 1, 1, NULL, NULL, 0, "empty"});
    EXPECT1("bom-only", BOM, FR, {SNPLP_DIAG_CSV_HEADER, 1, 1, NULL, NULL, 0, "empty"});
    EXPECT1("blank-lines-only", "\r\n\r\n;;;\r\n", FR,
            {SNPLP_DIAG_CSV_HEADER, 4, 1, NULL, NULL, 0, "empty"});
    /* no header: the first row is taken for it, and the others are still checked */
    EXPECT1("no-header", "c49,i1,2019,1,,count,,\r\nc49,i9,2019,,,,,\r\n", INTL,
            {SNPLP_DIAG_CSV_HEADER, 1, 1, NULL, NULL, 0, "must be the header"},
            {SNPLP_DIAG_UNKNOWN_INDICATOR, 2, 5, "c49", NULL, 2019, NULL});
    /* the other dialect: one finding, nothing more checked */
    EXPECT1("intl-read-as-fr", H_INTL "c49,i9,2019,,,,,\r\nbad\r\n", FR,
            {SNPLP_DIAG_CSV_HEADER, 1, 1, NULL, NULL, 0, "in the intl dialect"});
    EXPECT1("fr-read-as-intl", BOM H_FR "c49;i9;2019;;;;;\r\n", INTL,
            {SNPLP_DIAG_CSV_HEADER, 1, 1, NULL, NULL, 0, "in the fr dialect"});
}

static void import_bad_rows(void **state)
{
    (void)state;
    EXPECT1("unknown-convention", H_INTL "c50,i1,2019,1,,count,,\r\n", INTL,
            {SNPLP_DIAG_UNKNOWN_CONVENTION, 2, 1, NULL, NULL, 2019, "no convention 'c50'"});
    EXPECT1("empty-convention", H_INTL ",i1,2019,1,,count,,\r\n", INTL,
            {SNPLP_DIAG_UNKNOWN_CONVENTION, 2, 1, NULL, NULL, 2019, "empty"});
    EXPECT1("unknown-indicator", H_INTL "c49,i9,2019,1,,count,,\r\n", INTL,
            {SNPLP_DIAG_UNKNOWN_INDICATOR, 2, 5, "c49", NULL, 2019, "no indicator 'i9'"});
    EXPECT1("line-break-in-id", H_INTL "c49,\"i\n\t9\",2019,,,,,\r\nc49,i8,2019,,,,,\r\n", INTL,
            {SNPLP_DIAG_UNKNOWN_INDICATOR, 2, 5, "c49", NULL, 2019, "no indicator 'i  9'"},
            {SNPLP_DIAG_UNKNOWN_INDICATOR, 4, 5, "c49", NULL, 2019, "'i8'"});
    EXPECT1("indicator-of-another", H_FR "c49;r1;2020;1;;count;;\r\n", FR,
            {SNPLP_DIAG_UNKNOWN_INDICATOR, 2, 5, "c49", NULL, 2020, NULL});
    EXPECT1("empty-indicator", H_FR "c49;;2020;1;;count;;\r\n", FR,
            {SNPLP_DIAG_UNKNOWN_INDICATOR, 2, 5, "c49", NULL, 2020, "empty"});
    EXPECT1("year-letters", H_INTL "c49,i1,20x9,1,,count,,\r\n", INTL,
            {SNPLP_DIAG_BAD_YEAR, 2, 8, "c49", "i1", 0, "'20x9' is not a year"});
    EXPECT1("year-999", H_INTL "c49,i1,0999,1,,count,,\r\n", INTL,
            {SNPLP_DIAG_BAD_YEAR, 2, 8, "c49", "i1", 0, NULL});
    EXPECT1("year-9999", H_INTL "c49,i1,9999,1,,count,,\r\n", INTL,
            {SNPLP_DIAG_BAD_YEAR, 2, 8, "c49", "i1", 0, NULL});
    EXPECT1("year-five-digits", H_INTL "c49,i1,02019,1,,count,,\r\n", INTL,
            {SNPLP_DIAG_BAD_YEAR, 2, 8, "c49", "i1", 0, NULL});
    EXPECT1("year-space", H_INTL "c49,i1, 2019,1,,count,,\r\n", INTL,
            {SNPLP_DIAG_BAD_YEAR, 2, 8, "c49", "i1", 0, NULL});
    EXPECT1("year-empty", H_INTL "c49,i1,,1,,count,,\r\n", INTL,
            {SNPLP_DIAG_BAD_YEAR, 2, 8, "c49", "i1", 0, NULL});
    EXPECT1("year-outside", H_INTL "c49,i1,2023,,5,count,,\r\n", INTL,
            {SNPLP_DIAG_CSV_YEAR_OUTSIDE, 2, 8, "c49", "i1", 2023, "2023 is outside"});
    EXPECT1("fr-decimal-point", H_FR "c49;i1;2019;12.5;;count;;\r\n", FR,
            {SNPLP_DIAG_BAD_NUMBER, 2, 13, "c49", "i1", 2019, "decimal comma (12,5)"});
    EXPECT1("intl-decimal-comma", H_INTL "c49,i1,2019,,\"12,5\",count,,\r\n", INTL,
            {SNPLP_DIAG_BAD_NUMBER, 2, 14, "c49", "i1", 2019, "decimal point (12.5)"});
    EXPECT1("unit-differs", H_INTL "c49,i1,2019,1,,percent,,\r\n", INTL,
            {SNPLP_DIAG_UNIT_DIFFERS, 2, 16, "c49", "i1", 2019, "'count'"});
    EXPECT1("unit-unknown", H_FR "c49;i2;2019;1;;pourcent;;\r\n", FR,
            {SNPLP_DIAG_UNIT_DIFFERS, 2, 16, "c49", "i2", 2019, "'percent'"});
    EXPECT1("duplicate",
            H_INTL "c49,i1,2019,1,,count,,\r\nc49,i2,2019,,,,,\r\nc49,i1,2019,,,,,x\r\n", INTL,
            {SNPLP_DIAG_DUPLICATE_ROW, 4, 1, "c49", "i1", 2019, "first is on line 2"});
    /* columns count characters, not bytes, and lines count the breaks inside quoted fields */
    EXPECT1("column-in-characters", H_INTL "c49,i1,2019,,,count,Départ éé,\"a\"b\r\n", INTL,
            {SNPLP_DIAG_CSV_SYNTAX, 2, 31, NULL, NULL, 0, NULL});
    EXPECT1("line-after-multiline",
            H_INTL "c49,i1,2019,,,count,,\"a\nb\r\nc\rd\"\r\nc49,i9,2019,,,,,\r\n", INTL,
            {SNPLP_DIAG_UNKNOWN_INDICATOR, 6, 5, "c49", NULL, 2019, NULL});
    EXPECT1("cr-line-ends",
            "convention,indicator,year,target,actual,unit,source,comment\r"
            "c49,i1,2019,,,,,\rc49,i9,2019,,,,,\r",
            INTL, {SNPLP_DIAG_UNKNOWN_INDICATOR, 3, 5, "c49", NULL, 2019, NULL});
    EXPECT1("bom-does-not-count", BOM H_FR "c50;i1;2019;;;;;\r\n", FR,
            {SNPLP_DIAG_UNKNOWN_CONVENTION, 2, 1, NULL, NULL, 2019, NULL});
}

/* Numbers each dialect refuses, in the target column. */
static void import_bad_numbers(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "+5",
        "1e3",
        "1E3",
        "1 000",
        "1\xc2\xa0"
        "000",
        "1\xe2\x80\xaf"
        "000",
        "12.",
        ".5",
        "-",
        "--5",
        "1.2.3",
        " 5",
        "5 ",
        "0x10",
        "\xd9\xa1\xd9\xa2",
        "\xe2\x88\x92"
        "5",
        "NaN",
        "Infinity",
        "\xe2\x88\x9e",
        "12345678901234567890",
        "9223372036854775808",
        "-9223372036854775808",
        "0.0000000000000000001",
        "922337203685477580.8",
        "00000000000000000000000000000000000000000000000000000000000000001",
        "5%",
        "5€",
        "1,000.5",
    };
    for (size_t k = 0; k < COUNT_OF(bad); k++) {
        for (int d = INTL; d <= FR; d++) {
            char number[100];
            snprintf(number, sizeof number, "%s", bad[k]);
            if (d == FR)
                for (char *p = number; *p; p++)
                    *p = *p == '.' ? ',' : *p == ',' ? '.' : *p;
            char text[300];
            snprintf(text, sizeof text, "%sc49%ci1%c2019%c\"%s\"%c%ccount%c%c\r\n",
                     d == INTL ? H_INTL : H_FR, d == INTL ? ',' : ';', d == INTL ? ',' : ';',
                     d == INTL ? ',' : ';', number, d == INTL ? ',' : ';', d == INTL ? ',' : ';',
                     d == INTL ? ',' : ';', d == INTL ? ',' : ';');
            finding w = {SNPLP_DIAG_BAD_NUMBER, 2, 13, "c49", "i1", 2019, "not a number"};
            expect_findings(number, text, strlen(text), (snplp_csv_dialect)d, &w, 1);
        }
    }
    /* the message says why */
    EXPECT1("range", H_INTL "c49,i1,2019,99999999999999999999,,,,\r\n", INTL,
            {SNPLP_DIAG_BAD_NUMBER, 2, 13, "c49", "i1", 2019, "beyond the range"});
    EXPECT1("scale", H_FR "c49;i1;2019;0,1234567890123456789;;;;\r\n", FR,
            {SNPLP_DIAG_BAD_NUMBER, 2, 13, "c49", "i1", 2019, "19 digits after the decimal comma"});
    EXPECT1("long",
            H_INTL "c49,i1,2019,"
                   "0000000000000000000000000000000000000000000000000000000000000000001"
                   ",,,,\r\n",
            INTL, {SNPLP_DIAG_BAD_NUMBER, 2, 13, "c49", "i1", 2019, "longer than 64"});
    EXPECT1("form", H_FR "c49;i1;2019;;1e3;;;\r\n", FR,
            {SNPLP_DIAG_BAD_NUMBER, 2, 14, "c49", "i1", 2019, "decimal comma followed by digits"});
    /* and the limits themselves are read */
    snplp_convention_list *l = sample(0);
    import_ok(l,
              H_FR
              "c49;i1;2019;-9223372036854775807;0,000000000000000001;;;\r\n"
              "c49;i1;2020;-0,00;-0;;;\r\n"
              "c49;i1;2021;"
              "0000000000000000000000000000000000000000000000000000000000000007;922337203685477"
              "580,7;;;\r\n",
              FR);
    snplp_indicator *i1 =
        snplp_convention_indicator_find(snplp_convention_list_find(l, "c49"), "i1");
    snplp_decimal v;
    assert_ok(snplp_indicator_target(&v, i1, 2019));
    assert_true(snplp_decimal_identical(v, dec(-INT64_MAX, 0)));
    assert_ok(snplp_indicator_actual(&v, i1, 2019));
    assert_true(snplp_decimal_identical(v, dec(1, 18)));
    assert_ok(snplp_indicator_target(&v, i1, 2020));
    assert_true(snplp_decimal_identical(v, dec(0, 2)));
    assert_ok(snplp_indicator_actual(&v, i1, 2020));
    assert_true(snplp_decimal_identical(v, dec(0, 0)));
    assert_ok(snplp_indicator_target(&v, i1, 2021));
    assert_true(snplp_decimal_identical(v, dec(7, 0)));
    assert_ok(snplp_indicator_actual(&v, i1, 2021));
    assert_true(snplp_decimal_identical(v, dec(INT64_MAX, 1)));
    snplp_convention_list_free(l);
}

/* Every problem of a file in one pass, in order; nothing applied, not even the good rows. */
static void import_several_errors(void **state)
{
    (void)state;
    EXPECT1("several",
            H_FR "c49;i1;2019;120;;count;;ok\r\n"   /* 2: good */
                 "c49;i1;2020;12.5;1,5;count;;\r\n" /* 3: bad number */
                 "c50;i1;2019;;;;;\r\n"             /* 4: unknown convention */
                 "c49;i1;2019;;;;;\r\n"             /* 5: duplicate of 2 */
                 "c49;i2;2020;1;2\r\n"              /* 6: field count */
                 "c49;i4;2020;;;;;\r\n"             /* 7: unknown indicator */
                 "c49;i3;2019;x;y;count;;\r\n"      /* 8: 2 numbers, unit */
                 "c49;i3;2020;;;;;\"a\"\"b\"c\r\n"  /* 9: syntax */
                 "c44;r1;2019;1;;;;\r\n",           /* 10: outside */
            FR, {SNPLP_DIAG_BAD_NUMBER, 3, 13, "c49", "i1", 2020, "decimal comma"},
            {SNPLP_DIAG_UNKNOWN_CONVENTION, 4, 1, NULL, NULL, 2019, NULL},
            {SNPLP_DIAG_DUPLICATE_ROW, 5, 1, "c49", "i1", 2019, "line 2"},
            {SNPLP_DIAG_CSV_FIELD_COUNT, 6, 16, NULL, NULL, 0, "5 fields"},
            {SNPLP_DIAG_UNKNOWN_INDICATOR, 7, 5, "c49", NULL, 2020, NULL},
            {SNPLP_DIAG_BAD_NUMBER, 8, 13, "c49", "i3", 2019, "'x'"},
            {SNPLP_DIAG_BAD_NUMBER, 8, 15, "c49", "i3", 2019, "'y'"},
            {SNPLP_DIAG_UNIT_DIFFERS, 8, 17, "c49", "i3", 2019, "'euros'"},
            {SNPLP_DIAG_CSV_SYNTAX, 9, 17, NULL, NULL, 0, "column 23"},
            {SNPLP_DIAG_CSV_YEAR_OUTSIDE, 10, 8, "c44", "r1", 2019, "2020 to 2022"});

    /* findings may be discarded: the status stays */
    snplp_convention_list *l = sample(VALUES), *twin = sample(VALUES);
    const char text[] = H_INTL "c49,i1,2019,5,,count,,\r\nc49,i1,2021,x,,,,\r\n";
    snplp_error_clear();
    assert_int_equal(snplp_csv_import_memory(l, NULL, text, strlen(text), NULL, INTL),
                     SNPLP_EPARSE);
    assert_non_null(strstr(snplp_error_last_message(), "input:3:13: "));
    assert_true(snplp_convention_list_equal(l, twin));
    /* and the good rows alone are applied */
    assert_ok(snplp_csv_import_memory(l, NULL, text, strlen(text) - strlen("c49,i1,2021,x,,,,\r\n"),
                                      NULL, INTL));
    assert_false(snplp_convention_list_equal(l, twin));
    snplp_convention_list_free(l);
    snplp_convention_list_free(twin);
}

/* French typography in the expected messages: quotes with no-break spaces inside, a no-break
 * space before ':', a narrow one before ';'. */
#define NBSP  "\xc2\xa0"
#define NNBSP "\xe2\x80\xaf"
#define LQ    "\xc2\xab" NBSP
#define RQ    NBSP "\xc2\xbb"

/* Asserts that parameter name of g has that type and value. */
static void assert_param(const snplp_diagnostic *g, const char *name, snplp_param_type type,
                         const char *value)
{
    for (size_t i = 0; i < snplp_diagnostic_param_count(g); i++)
        if (!strcmp(snplp_diagnostic_param_name(g, i), name)) {
            assert_int_equal(snplp_diagnostic_param_type(g, i), type);
            assert_string_equal(snplp_diagnostic_param_value(g, i), value);
            return;
        }
    print_error("%s: no parameter %s\n", snplp_diagnostic_message_id(g), name);
    fail();
}

/* A list of findings set to French gets the findings of an import in French, each with its
 * message id and typed parameters; the thread's error stays in English; the list turned to
 * English renders them again in English. */
static void import_findings_in_french(void **state)
{
    (void)state;
    snplp_convention_list *l = sample(VALUES | OUTSIDE), *twin = sample(VALUES | OUTSIDE);
    snplp_diagnostics *diags = new_diags();
    assert_ok(snplp_diagnostics_set_language(diags, SNPLP_LANGUAGE_FR));
    const char text[] = H_FR "c49;i1;2020;12.5;;count;;\r\n" /* 2: decimal point */
                             "c50;i1;2019;;;;;\r\n"          /* 3: unknown convention */
                             "c49;i1;2019;;;percent;;\r\n"   /* 4: unit */
                             "c49;i1;2019;;;;;\r\n"          /* 5: duplicate of 4 */
                             "c44;r1;2019;1;;;;\r\n"         /* 6: outside the years */
                             "c49;i2;2020;1;2\r\n"           /* 7: field count */
                             "c49;i3;2019;;1e3;;;\r\n";      /* 8: not a number */
    snplp_error_clear();
    assert_int_equal(snplp_csv_import_memory(l, diags, text, strlen(text), "test.csv", FR),
                     SNPLP_EPARSE);
    static const struct {
        const char *id, *message;
    } want[] = {
        {"bad-number/separator", "le champ target " LQ "12.5" RQ " n’est pas un nombre du dialecte "
                                 "fr" NBSP ": le dialecte fr écrit les nombres avec une virgule "
                                 "décimale (12,5)"},
        {"unknown-convention/unknown", "aucune convention " LQ "c50" RQ " dans la liste"},
        {"unit-differs/unit", "l’unité " LQ "percent" RQ " n’est pas celle de l’indicateur " LQ
                              "i1" RQ ", " LQ "count" RQ},
        {"duplicate-row/indicator",
         "une deuxième ligne pour la convention " LQ "c49" RQ ", l’indicateur " LQ "i1" RQ
         ", l’année 2019 (la première est à la ligne 4)"},
        {"csv-year-outside/outside", "l’année 2019 est hors de la convention " LQ "c44" RQ
                                     " (2020 à 2022)" NBSP ": ses valeurs ne sont pas importées"},
        {"csv-field-count/fewer",
         "la ligne a 5 champs, 8 attendus "
         "(convention;indicator;year;target;actual;unit;source;comment)" NNBSP
         "; un champ qui contient un saut de ligne doit être entre guillemets"},
        {"bad-number/form",
         "le champ actual " LQ "1e3" RQ " n’est pas un nombre du dialecte fr" NBSP
         ": attendu un " LQ "-" RQ " facultatif, des chiffres, puis "
         "éventuellement une virgule décimale suivie de chiffres, par exemple "
         "-1250,50 (sans séparateur de milliers, sans " LQ "+" RQ ", sans exposant, sans espace)"},
    };
    if (snplp_diagnostics_count(diags) != COUNT_OF(want))
        dump(diags);
    assert_int_equal(snplp_diagnostics_count(diags), COUNT_OF(want));
    for (size_t i = 0; i < COUNT_OF(want); i++) {
        const snplp_diagnostic *g = snplp_diagnostics_at(diags, i);
        assert_string_equal(snplp_diagnostic_message_id(g), want[i].id);
        assert_string_equal(snplp_diagnostic_message(g), want[i].message);
    }
    /* the parameters, typed, in the C locale */
    const snplp_diagnostic *g = snplp_diagnostics_at(diags, 0);
    assert_int_equal(snplp_diagnostic_param_count(g), 5);
    assert_param(g, "column", SNPLP_PARAM_ID, "target");
    assert_param(g, "value", SNPLP_PARAM_TEXT, "12.5");
    assert_param(g, "dialect", SNPLP_PARAM_ID, "fr");
    assert_param(g, "decimal", SNPLP_PARAM_CHOICE, "comma");
    assert_param(g, "corrected", SNPLP_PARAM_TEXT, "12,5");
    g = snplp_diagnostics_at(diags, 3);
    assert_param(g, "convention", SNPLP_PARAM_ID, "c49");
    assert_param(g, "indicator", SNPLP_PARAM_ID, "i1");
    assert_param(g, "year", SNPLP_PARAM_INTEGER, "2019");
    assert_param(g, "first_line", SNPLP_PARAM_INTEGER, "4");
    assert_int_equal(snplp_diagnostic_year(g), 2019);
    assert_int_equal(snplp_diagnostic_line(g), 5);
    g = snplp_diagnostics_at(diags, 4);
    assert_param(g, "first_year", SNPLP_PARAM_INTEGER, "2020");
    assert_param(g, "last_year", SNPLP_PARAM_INTEGER, "2022");
    g = snplp_diagnostics_at(diags, 5);
    assert_param(g, "fields", SNPLP_PARAM_INTEGER, "5");
    assert_param(g, "expected", SNPLP_PARAM_INTEGER, "8");
    /* the thread's error is the first finding in English */
    assert_non_null(strstr(snplp_error_last_message(),
                           "test.csv:2:13: the target '12.5' is not a number of the fr dialect: "
                           "the fr dialect writes numbers with a decimal comma (12,5)"));
    /* the list in English */
    assert_ok(snplp_diagnostics_set_language(diags, SNPLP_LANGUAGE_EN));
    assert_string_equal(snplp_diagnostic_message(snplp_diagnostics_at(diags, 1)),
                        "no convention 'c50' in the list");
    assert_true(snplp_convention_list_equal(l, twin));

    /* the other dialect, and a field too long (a limit, grouped as French groups digits) */
    snplp_diagnostics_clear(diags);
    assert_ok(snplp_diagnostics_set_language(diags, SNPLP_LANGUAGE_FR));
    const char intl[] = H_INTL "c49,i1,2019,,,,,\r\n";
    assert_int_equal(snplp_csv_import_memory(l, diags, intl, strlen(intl), NULL, FR), SNPLP_EPARSE);
    assert_int_equal(snplp_diagnostics_count(diags), 1);
    g = snplp_diagnostics_at(diags, 0);
    assert_string_equal(snplp_diagnostic_message_id(g), "csv-header/other-dialect");
    assert_string_equal(snplp_diagnostic_message(g),
                        "l’en-tête est séparé par " LQ "," RQ NBSP ": le fichier est dans le "
                        "dialecte intl, pas dans le dialecte fr (rien d’autre n’est vérifié)");
    assert_param(g, "separator", SNPLP_PARAM_TEXT, ",");
    assert_param(g, "expected", SNPLP_PARAM_ID, "fr");
    snplp_diagnostics_clear(diags);
    size_t len = strlen(H_FR) + strlen("c49;i1;2019;;;;;") + SNPLP_CSV_MAX_FIELD + 1;
    char *big = malloc(len + 1);
    assert_non_null(big);
    int o = snprintf(big, len + 1, "%sc49;i1;2019;;;;;", H_FR);
    memset(big + o, 'x', len - (size_t)o);
    big[len] = '\0';
    assert_int_equal(snplp_csv_import_memory(l, diags, big, len, NULL, FR), SNPLP_EPARSE);
    free(big);
    assert_int_equal(snplp_diagnostics_count(diags), 1);
    g = snplp_diagnostics_at(diags, 0);
    assert_string_equal(snplp_diagnostic_message_id(g), "csv-field-too-long/field");
    assert_string_equal(snplp_diagnostic_message(g),
                        "le champ comment dépasse 1" NNBSP "000" NNBSP "000 octets" NBSP
                        ": la suite de l’entrée n’est pas lue");
    assert_param(g, "max", SNPLP_PARAM_INTEGER, "1000000");
    assert_true(snplp_convention_list_equal(l, twin));
    snplp_diagnostics_free(diags);
    snplp_convention_list_free(l);
    snplp_convention_list_free(twin);
}

/* Findings stop at SNPLP_CSV_MAX_ERRORS errors, with one more saying so. */
static void import_too_many_errors(void **state)
{
    (void)state;
    size_t rows = SNPLP_CSV_MAX_ERRORS + 500;
    size_t cap = strlen(H_INTL) + rows * 32 + 1;
    char *text = malloc(cap);
    assert_non_null(text);
    size_t o = (size_t)snprintf(text, cap, "%s", H_INTL);
    for (size_t i = 0; i < rows; i++)
        o += (size_t)snprintf(text + o, cap - o, "c49,i9,2019,,,,,\r\n");
    snplp_convention_list *l = sample(0);
    snplp_diagnostics *diags = NULL;
    assert_int_equal(import_text(l, text, o, INTL, &diags), SNPLP_EPARSE);
    assert_int_equal(snplp_diagnostics_count(diags), SNPLP_CSV_MAX_ERRORS + 1);
    finding last = {SNPLP_DIAG_CSV_TOO_MANY_ERRORS,
                    SNPLP_CSV_MAX_ERRORS + 1,
                    5,
                    NULL,
                    NULL,
                    0,
                    "too many errors"};
    assert_finding(snplp_diagnostics_at(diags, SNPLP_CSV_MAX_ERRORS), &last);
    snplp_diagnostics_free(diags);
    snplp_convention_list_free(l);
    free(text);
}

/* A field of SNPLP_CSV_MAX_FIELD bytes is read; one more byte is refused, quoted or not, and
 * ends the pass at once (the rest of the input is not read). */
static void import_field_limit(void **state)
{
    (void)state;
    size_t cap = SNPLP_CSV_MAX_FIELD + 200;
    char *text = malloc(cap);
    assert_non_null(text);
    for (int quoted = 0; quoted < 2; quoted++) {
        for (size_t extra = 0; extra < 2; extra++) {
            size_t o = (size_t)snprintf(text, cap, "%sc49,i1,2019,,,count,,%s", H_INTL,
                                        quoted ? "\"" : "");
            memset(text + o, 'a', SNPLP_CSV_MAX_FIELD + extra);
            o += SNPLP_CSV_MAX_FIELD + extra;
            o += (size_t)snprintf(text + o, cap - o, "%s\r\nc49,i9,2019,,,,,\r\n",
                                  quoted ? "\"" : "");
            snplp_convention_list *l = sample(0);
            snplp_diagnostics *diags = NULL;
            assert_int_equal(import_text(l, text, o, INTL, &diags), SNPLP_EPARSE);
            if (extra) {
                finding w = {SNPLP_DIAG_CSV_FIELD_TOO_LONG,
                             2,
                             22,
                             NULL,
                             NULL,
                             0,
                             "1000000 bytes: the rest of the input is not read"};
                assert_finding(snplp_diagnostics_at(diags, 0), &w);
            } else {
                finding w = {SNPLP_DIAG_UNKNOWN_INDICATOR, 3, 5, "c49", NULL, 2019, NULL};
                assert_finding(snplp_diagnostics_at(diags, 0), &w);
            }
            assert_int_equal(snplp_diagnostics_count(diags), 1);
            snplp_diagnostics_free(diags);
            snplp_convention_list_free(l);
        }
    }
    /* without the bad row, the longest comment is imported */
    size_t o = (size_t)snprintf(text, cap, "%sc49,i1,2019,,,count,,", H_INTL);
    memset(text + o, 'b', SNPLP_CSV_MAX_FIELD);
    o += SNPLP_CSV_MAX_FIELD;
    snplp_convention_list *l = sample(0);
    assert_ok(snplp_csv_import_memory(l, NULL, text, o, "long", INTL));
    assert_int_equal(strlen(comment_of(l, "c49", "i1", 2019)), SNPLP_CSV_MAX_FIELD);
    snplp_convention_list_free(l);
    free(text);
}

/* An input that never ends: what endless() gives, pattern after prefix, forever (counted). */
typedef struct endless_src {
    const char *prefix, *pattern;
    size_t given;
} endless_src;

static long endless(void *user, char *buf, size_t size)
{
    endless_src *e = user;
    size_t np = strlen(e->prefix), nq = e->pattern[0] ? strlen(e->pattern) : 1; /* "": NUL */
    for (size_t i = 0; i < size; i++, e->given++)
        buf[i] = e->given < np ? e->prefix[e->given] : e->pattern[(e->given - np) % nq];
    return (long)size;
}

/* The limits act while reading: an input that never ends (a device or a pipe that never
 * stops) with a field, or fields past the eighth, over SNPLP_CSV_MAX_FIELD ends the import
 * at once with csv-field-too-long, having read little more than the limit. */
static void import_endless_input_stops_at_a_limit(void **state)
{
    (void)state;
    static const struct {
        const char *prefix, *pattern;
        size_t line, col;
    } cases[] = {
        {"", "a", 1, 1},                                  /* the first field, unquoted */
        {"", "", 1, 1},                                   /* a stream of NUL bytes (/dev/zero) */
        {H_INTL "c49,i1,2019,,,count,,\"", "x\n", 2, 22}, /* a quoted comment, over lines */
        {H_INTL "c49,i1,2019,,,count,,c,", "a,", 2, 24},  /* fields past the eighth */
        {H_INTL "c49,i1,2019,,,count,,c,", ",", 2, 24},   /* empty ones */
    };
    for (size_t k = 0; k < COUNT_OF(cases); k++) {
        endless_src e = {cases[k].prefix, cases[k].pattern, 0};
        snplp_convention_list *l = sample(0);
        snplp_diagnostics *diags = new_diags();
        assert_int_equal(snplp_csv_import_callback(l, diags, endless, &e, "endless", INTL),
                         SNPLP_EPARSE);
        assert_int_equal(snplp_diagnostics_count(diags), 1);
        const snplp_diagnostic *g = snplp_diagnostics_at(diags, 0);
        assert_int_equal(snplp_diagnostic_code(g), SNPLP_DIAG_CSV_FIELD_TOO_LONG);
        assert_int_equal(snplp_diagnostic_line(g), cases[k].line);
        assert_int_equal(snplp_diagnostic_column(g), cases[k].col);
        assert_true(e.given < 3 * (size_t)SNPLP_CSV_MAX_FIELD);
        snplp_diagnostics_free(diags);
        snplp_convention_list_free(l);
    }
}

/* Many rows: the duplicate check grows its table, the yearly records grow their arrays (with
 * values already there), and a late duplicate is still found. */
static snplp_convention_list *many(bool values)
{
    snplp_convention_list *l = NULL;
    assert_ok(snplp_convention_list_new(&l));
    snplp_convention *c = NULL;
    assert_ok(snplp_convention_new(&c, "big", SNPLP_TERRITORY_DEPARTEMENT, "49", "Maine-et-Loire"));
    assert_ok(snplp_convention_set_years(c, 1000, 1099));
    for (int k = 0; k < 5; k++) {
        char id[16];
        snprintf(id, sizeof id, "ind%d", k);
        snplp_indicator *ind = NULL;
        assert_ok(snplp_convention_add_indicator(&ind, c, id, "Indicateur", SNPLP_UNIT_EUROS));
        assert_ok(snplp_indicator_set_target(ind, 1000, dec(k, 1)));
        for (int32_t y = 1001; values && y < 1100; y++) {
            assert_ok(snplp_indicator_set_target(ind, y, dec(y * 100 + k, 2)));
            if (y % 3 == 0)
                assert_ok(snplp_indicator_set_comment(ind, y, "tous les trois ans"));
        }
    }
    assert_ok(snplp_convention_list_add(l, c));
    snplp_convention_unref(c);
    return l;
}

static void import_many_rows(void **state)
{
    (void)state;
    for (int d = INTL; d <= FR; d++) {
        snplp_convention_list *full = many(true), *l = many(false), *twin = many(false);
        size_t n = 0;
        char *out = export_text(full, (snplp_csv_dialect)d, &n);
        /* a late duplicate: nothing applied */
        size_t cap = n + 100;
        char *dup = malloc(cap);
        assert_non_null(dup);
        snprintf(dup, cap, "%s%s", out,
                 d == INTL ? "big,ind0,1001,,,,,\r\n" : "big;ind0;1001;;;;;\r\n");
        snplp_diagnostics *diags = NULL;
        assert_int_equal(import_text(l, dup, strlen(dup), (snplp_csv_dialect)d, &diags),
                         SNPLP_EPARSE);
        assert_int_equal(snplp_diagnostics_count(diags), 1);
        finding w = {SNPLP_DIAG_DUPLICATE_ROW, 502, 1, "big", "ind0", 1001, "line 3"};
        assert_finding(snplp_diagnostics_at(diags, 0), &w);
        assert_true(snplp_convention_list_equal(l, twin));
        snplp_diagnostics_free(diags);
        /* without it, everything */
        import_ok(l, out, (snplp_csv_dialect)d);
        assert_true(snplp_convention_list_equal(l, full));
        free(dup);
        snplp_free(out);
        snplp_convention_list_free(full);
        snplp_convention_list_free(l);
        snplp_convention_list_free(twin);
    }
}

/* ---- import: sources ---- */

typedef struct piece_reader {
    const char *data;
    size_t size, pos;
    size_t piece;  /* bytes per call */
    long fail_at;  /* the call that fails (1-based), 0 never */
    long too_much; /* the call that returns more than asked, 0 never */
    long calls;
} piece_reader;

static long read_pieces(void *user, char *buf, size_t size)
{
    piece_reader *r = user;
    r->calls++;
    if (r->calls == r->fail_at)
        return -1;
    if (r->calls == r->too_much)
        return (long)size + 1;
    size_t n = r->piece < size ? r->piece : size;
    if (n > r->size - r->pos)
        n = r->size - r->pos;
    memcpy(buf, r->data + r->pos, n);
    r->pos += n;
    return (long)n;
}

/* Findings as text, to compare two imports. */
static char *findings_text(const snplp_diagnostics *d)
{
    size_t cap = 1 << 16, o = 0;
    char *s = calloc(1, cap);
    assert_non_null(s);
    for (size_t i = 0; i < snplp_diagnostics_count(d) && o < cap; i++) {
        const snplp_diagnostic *g = snplp_diagnostics_at(d, i);
        o += (size_t)snprintf(
            s + o, cap - o, "%zu:%zu %s %s %s %d %s\n", snplp_diagnostic_line(g),
            snplp_diagnostic_column(g), snplp_diag_code_name(snplp_diagnostic_code(g)),
            snplp_diagnostic_convention_id(g) ? snplp_diagnostic_convention_id(g) : "-",
            snplp_diagnostic_item_id(g) ? snplp_diagnostic_item_id(g) : "-",
            (int)snplp_diagnostic_year(g), snplp_diagnostic_message(g));
    }
    return s;
}

/* Each fixture read three ways (memory, file, a callback giving 1 to 3 bytes at a time) gives
 * the same status, findings and conventions. */
static const struct {
    const char *name;
    snplp_csv_dialect d;
    int status;
    size_t findings;
} fixtures[] = {
    {"sample-intl.csv", INTL, SNPLP_OK, 0},     {"sample-fr.csv", FR, SNPLP_OK, 0},
    {"spreadsheet-fr.csv", FR, SNPLP_OK, 0},    {"errors-fr.csv", FR, SNPLP_EPARSE, 8},
    {"errors-intl.csv", INTL, SNPLP_EPARSE, 5},
};

static void import_fixtures(void **state)
{
    (void)state;
    for (size_t k = 0; k < COUNT_OF(fixtures); k++) {
        char path[4096];
        fixture(path, sizeof path, fixtures[k].name);
        size_t len = 0;
        char *data = slurp(path, &len);
        assert_non_null(data);
        snplp_convention_list *lists[3], *twin = sample(VALUES | OUTSIDE);
        char *texts[3];
        for (int way = 0; way < 3; way++) {
            lists[way] = sample(VALUES | OUTSIDE);
            snplp_diagnostics *diags = new_diags();
            int rc;
            if (way == 0) {
                rc = snplp_csv_import_memory(lists[way], diags, data, len, path, fixtures[k].d);
            } else if (way == 1) {
                rc = snplp_csv_import_file(lists[way], diags, path, fixtures[k].d);
            } else {
                for (size_t piece = 1; piece <= 3; piece++) {
                    piece_reader r = {data, len, 0, piece, 0, 0, 0};
                    snplp_convention_list *l = sample(VALUES | OUTSIDE);
                    snplp_diagnostics *dd = new_diags();
                    int rc2 =
                        snplp_csv_import_callback(l, dd, read_pieces, &r, path, fixtures[k].d);
                    assert_int_equal(rc2, fixtures[k].status);
                    char *t = findings_text(dd);
                    assert_string_equal(t, texts[0]);
                    free(t);
                    assert_true(snplp_convention_list_equal(l, lists[0]));
                    snplp_diagnostics_free(dd);
                    snplp_convention_list_free(l);
                }
                rc = snplp_csv_import_callback(lists[way], diags, read_pieces,
                                               &(piece_reader){data, len, 0, 65536, 0, 0, 0}, path,
                                               fixtures[k].d);
            }
            if (rc != fixtures[k].status || snplp_diagnostics_count(diags) != fixtures[k].findings)
                dump(diags);
            assert_int_equal(rc, fixtures[k].status);
            assert_int_equal(snplp_diagnostics_count(diags), fixtures[k].findings);
            texts[way] = findings_text(diags);
            snplp_diagnostics_free(diags);
        }
        assert_string_equal(texts[0], texts[1]);
        assert_string_equal(texts[0], texts[2]);
        assert_true(snplp_convention_list_equal(lists[0], lists[1]));
        assert_true(snplp_convention_list_equal(lists[0], lists[2]));
        if (fixtures[k].status != SNPLP_OK)
            assert_true(snplp_convention_list_equal(lists[0], twin));
        for (int way = 0; way < 3; way++) {
            free(texts[way]);
            snplp_convention_list_free(lists[way]);
        }
        snplp_convention_list_free(twin);
        free(data);
    }
}

/* The sample fixtures are the sample's exports; the spreadsheet's gives known values. */
static void fixtures_content(void **state)
{
    (void)state;
    char path[4096];
    for (int d = INTL; d <= FR; d++) {
        size_t len = 0;
        char *data = slurp(
            fixture(path, sizeof path, d == INTL ? "sample-intl.csv" : "sample-fr.csv"), &len);
        assert_non_null(data);
        assert_bytes(data, len, d == INTL ? sample_intl : sample_fr);
        free(data);
    }
    snplp_convention_list *l = sample(0);
    assert_ok(snplp_csv_import_file(l, NULL, fixture(path, sizeof path, "spreadsheet-fr.csv"), FR));
    snplp_indicator *i2 =
        snplp_convention_indicator_find(snplp_convention_list_find(l, "c49"), "i2");
    snplp_decimal v;
    assert_ok(snplp_indicator_target(&v, i2, 2020));
    assert_true(snplp_decimal_identical(v, dec(800, 1)));
    assert_ok(snplp_indicator_actual(&v, i2, 2020));
    assert_true(snplp_decimal_identical(v, dec(7825, 2)));
    assert_text(comment_of(l, "c49", "i2", 2020), "Objectif revu à la hausse ;\nvoir l'avenant");
    snplp_convention_list_free(l);
}

/* The errors fixtures' findings, in order. */
static void fixtures_errors(void **state)
{
    (void)state;
    static const finding fr[] = {
        {SNPLP_DIAG_BAD_NUMBER, 3, 13, "c49", "i1", 2020, "decimal comma (12,5)"},
        {SNPLP_DIAG_UNKNOWN_CONVENTION, 4, 1, NULL, NULL, 2019, "'c50'"},
        {SNPLP_DIAG_UNKNOWN_INDICATOR, 5, 5, "c49", NULL, 2019, "'i7'"},
        {SNPLP_DIAG_BAD_YEAR, 6, 8, "c49", "i2", 0, "'2O20'"},
        {SNPLP_DIAG_CSV_YEAR_OUTSIDE, 7, 8, "c49", "i2", 2024, NULL},
        {SNPLP_DIAG_UNIT_DIFFERS, 8, 15, "c49", "i3", 2020, "'euros'"},
        {SNPLP_DIAG_DUPLICATE_ROW, 9, 1, "c49", "i1", 2019, "line 2"},
        {SNPLP_DIAG_CSV_SYNTAX, 10, 17, NULL, NULL, 0, "no closing quote"},
    };
    static const finding intl[] = {
        {SNPLP_DIAG_CSV_FIELD_COUNT, 2, 21, NULL, NULL, 0, "7 fields"},
        {SNPLP_DIAG_CSV_ENCODING, 3, 21, NULL, NULL, 0, "invalid UTF-8"},
        {SNPLP_DIAG_CSV_SYNTAX, 4, 21, NULL, NULL, 0, "quote inside an unquoted"},
        {SNPLP_DIAG_BAD_NUMBER, 7, 14, "c44", "r1", 2021, "decimal point (3.5)"},
        {SNPLP_DIAG_CSV_YEAR_OUTSIDE, 8, 8, "c44", "r1", 2019, "2020 to 2022"},
    };
    for (int d = INTL; d <= FR; d++) {
        char path[4096];
        snplp_convention_list *l = sample(VALUES | OUTSIDE);
        snplp_diagnostics *diags = new_diags();
        assert_int_equal(
            snplp_csv_import_file(
                l, diags, fixture(path, sizeof path, d == FR ? "errors-fr.csv" : "errors-intl.csv"),
                (snplp_csv_dialect)d),
            SNPLP_EPARSE);
        const finding *want = d == FR ? fr : intl;
        size_t n = d == FR ? COUNT_OF(fr) : COUNT_OF(intl);
        if (snplp_diagnostics_count(diags) != n)
            dump(diags);
        assert_int_equal(snplp_diagnostics_count(diags), n);
        for (size_t i = 0; i < n; i++)
            assert_finding(snplp_diagnostics_at(diags, i), &want[i]);
        snplp_diagnostics_free(diags);
        snplp_convention_list_free(l);
    }
}

/* A read that fails, a read that returns more than asked, a file that cannot be opened: EIO,
 * a csv-io finding, nothing changed. */
static void import_io_errors(void **state)
{
    (void)state;
    snplp_convention_list *l = sample(VALUES), *twin = sample(VALUES);
    const char *text = sample_intl;
    for (int mode = 0; mode < 3; mode++) {
        piece_reader r = {text, strlen(text), 0, 16, 0, 0, 0};
        if (mode == 0)
            r.fail_at = 1;
        else if (mode == 1)
            r.fail_at = 20;
        else
            r.too_much = 3;
        snplp_diagnostics *diags = new_diags();
        snplp_error_clear();
        assert_int_equal(snplp_csv_import_callback(l, diags, read_pieces, &r, "cb", INTL),
                         SNPLP_EIO);
        assert_int_equal(snplp_error_last_code(), SNPLP_EIO);
        assert_non_null(strstr(snplp_error_last_message(), "cb:"));
        size_t n = snplp_diagnostics_count(diags);
        assert_true(n >= 1);
        const snplp_diagnostic *g = snplp_diagnostics_at(diags, n - 1);
        assert_int_equal(snplp_diagnostic_code(g), SNPLP_DIAG_CSV_IO);
        assert_true(snplp_diagnostic_line(g) >= 1);
        assert_string_equal(snplp_diagnostic_message_id(g), "csv-io/read");
        assert_renders("io", g);
        assert_true(snplp_convention_list_equal(l, twin));
        snplp_diagnostics_free(diags);
    }
    /* files */
    snplp_diagnostics *diags = new_diags();
    assert_fails(snplp_csv_import_file(l, diags, "/nonexistent/values.csv", FR), SNPLP_EIO);
    assert_fails(snplp_csv_import_file(l, diags, "/tmp", FR), SNPLP_EIO);
    assert_fails(snplp_csv_import_file(l, NULL, "/nonexistent/values.csv", FR), SNPLP_EIO);
    assert_int_equal(snplp_diagnostics_count(diags), 2);
    finding w = {SNPLP_DIAG_CSV_IO, 0, 0, NULL, NULL, 0, "cannot open"};
    assert_finding(snplp_diagnostics_at(diags, 0), &w);
    assert_finding(snplp_diagnostics_at(diags, 1), &w);
    assert_true(snplp_convention_list_equal(l, twin));
    snplp_diagnostics_free(diags);
    snplp_convention_list_free(l);
    snplp_convention_list_free(twin);
}

static void import_bad_arguments(void **state)
{
    (void)state;
    snplp_convention_list *l = sample(VALUES), *twin = sample(VALUES);
    piece_reader r = {sample_intl, strlen(sample_intl), 0, 10, 0, 0, 0};
    assert_fails(snplp_csv_import_memory(NULL, NULL, sample_intl, 10, NULL, INTL), SNPLP_EINVAL);
    assert_fails(snplp_csv_import_memory(l, NULL, NULL, 10, NULL, INTL), SNPLP_EINVAL);
    assert_fails(snplp_csv_import_memory(l, NULL, sample_intl, 10, NULL, SNPLP_CSV_NONE),
                 SNPLP_EINVAL);
    assert_fails(snplp_csv_import_memory(l, NULL, sample_intl, 10, NULL, (snplp_csv_dialect)3),
                 SNPLP_EINVAL);
    assert_fails(snplp_csv_import_callback(NULL, NULL, read_pieces, &r, NULL, INTL), SNPLP_EINVAL);
    assert_fails(snplp_csv_import_callback(l, NULL, NULL, &r, NULL, INTL), SNPLP_EINVAL);
    assert_fails(snplp_csv_import_callback(l, NULL, read_pieces, &r, NULL, (snplp_csv_dialect)9),
                 SNPLP_EINVAL);
    assert_int_equal(r.calls, 0);
    assert_fails(snplp_csv_import_file(NULL, NULL, "/tmp/x.csv", INTL), SNPLP_EINVAL);
    assert_fails(snplp_csv_import_file(l, NULL, NULL, INTL), SNPLP_EINVAL);
    assert_fails(snplp_csv_import_file(l, NULL, "/tmp/x.csv", SNPLP_CSV_NONE), SNPLP_EINVAL);
    /* NULL data with size 0 is an empty input */
    snplp_diagnostics *diags = new_diags();
    assert_int_equal(snplp_csv_import_memory(l, diags, NULL, 0, NULL, INTL), SNPLP_EPARSE);
    assert_int_equal(snplp_diagnostic_code(snplp_diagnostics_at(diags, 0)), SNPLP_DIAG_CSV_HEADER);
    snplp_diagnostics_free(diags);
    assert_true(snplp_convention_list_equal(l, twin));
    snplp_convention_list_free(l);
    snplp_convention_list_free(twin);
}

/* ---- out of memory ---- */

typedef struct oom_ctx {
    snplp_convention_list *l, *twin;
    const char *text;
    size_t len;
    snplp_csv_dialect d;
    bool with_diags, callback;
    const char *path; /* import this file instead */
} oom_ctx;

static int oom_import(void *p)
{
    oom_ctx *c = p;
    snplp_diagnostics *diags = NULL;
    if (c->with_diags) {
        int rc = snplp_diagnostics_new(&diags);
        if (rc)
            return rc;
    }
    int rc;
    if (c->path) {
        rc = snplp_csv_import_file(c->l, diags, c->path, c->d);
        if (rc == SNPLP_EIO)
            rc = SNPLP_OK;
    } else if (c->callback) {
        piece_reader r = {c->text, c->len, 0, 7, 0, 0, 0};
        rc = snplp_csv_import_callback(c->l, diags, read_pieces, &r, "oom", c->d);
    } else {
        rc = snplp_csv_import_memory(c->l, diags, c->text, c->len, "oom", c->d);
    }
    snplp_diagnostics_free(diags);
    return rc == SNPLP_EPARSE ? SNPLP_OK : rc;
}

static void oom_unchanged(void *p)
{
    oom_ctx *c = p;
    assert_true(snplp_convention_list_equal(c->l, c->twin));
}

/* Out of memory anywhere in an import leaves every convention as it was, and leaks nothing. */
static void import_out_of_memory(void **state)
{
    (void)state;
    for (int d = INTL; d <= FR; d++) {
        for (int callback = 0; callback < 2; callback++) {
            /* a good import into cleared conventions: every change is new */
            oom_ctx c = {.l = sample(0),
                         .twin = sample(0),
                         .text = d == INTL ? sample_intl : sample_fr,
                         .d = (snplp_csv_dialect)d,
                         .with_diags = true,
                         .callback = callback};
            /* without the row outside the years */
            static char text[sizeof sample_intl + 16];
            const char *cut = strstr(c.text, "c49");
            cut = strstr(cut, d == INTL ? "c49,i2,2018" : "c49;i2;2018");
            const char *next = strstr(cut, "\r\n") + 2;
            size_t a = (size_t)(cut - c.text);
            memcpy(text, c.text, a);
            strcpy(text + a, next);
            c.text = text;
            c.len = strlen(text);
            assert_true(test_oom_sweep(oom_import, oom_unchanged, &c) > 3);
            assert_false(snplp_convention_list_equal(c.l, c.twin));
            snplp_convention_list *want = sample(VALUES);
            assert_true(snplp_convention_list_equal(c.l, want));
            snplp_convention_list_free(want);
            snplp_convention_list_free(c.l);
            snplp_convention_list_free(c.twin);
        }
    }
    /* from a file, and from a file that cannot be opened */
    char path[4096];
    oom_ctx f = {sample(VALUES | OUTSIDE),
                 sample(VALUES | OUTSIDE),
                 NULL,
                 0,
                 FR,
                 true,
                 false,
                 fixture(path, sizeof path, "spreadsheet-fr.csv")};
    assert_true(test_oom_sweep(oom_import, oom_unchanged, &f) > 3);
    assert_false(snplp_convention_list_equal(f.l, f.twin));
    snplp_convention_list_free(f.l);
    snplp_convention_list_free(f.twin);
    oom_ctx nofile = {sample(0), sample(0), NULL, 0, INTL, true, false, "/nonexistent/x.csv"};
    assert_true(test_oom_sweep(oom_import, oom_unchanged, &nofile) > 0);
    snplp_convention_list_free(nofile.l);
    snplp_convention_list_free(nofile.twin);
    /* an import with findings, kept or not */
    const char bad[] = H_INTL "c49,i1,2019,1,,count,,x\r\nc50,i1,2019,,,,,\r\nc49,i1,2019,,,,,\r\n";
    for (int with = 0; with < 2; with++) {
        oom_ctx c = {sample(VALUES), sample(VALUES), bad, strlen(bad), INTL, with, false, NULL};
        assert_true(test_oom_sweep(oom_import, oom_unchanged, &c) > 0);
        snplp_convention_list_free(c.l);
        snplp_convention_list_free(c.twin);
    }
}

typedef struct export_ctx {
    snplp_convention_list *l;
    snplp_csv_dialect d;
    bool callback;
} export_ctx;

static int oom_export(void *p)
{
    export_ctx *c = p;
    if (c->callback) {
        collector col = {0};
        int rc = snplp_csv_export_callback(c->l, c->d, collect, &col);
        free(col.text);
        return rc;
    }
    char *out = NULL;
    int rc = snplp_csv_export_memory(&out, NULL, c->l, c->d);
    snplp_free(out);
    return rc;
}

static void export_out_of_memory(void **state)
{
    (void)state;
    for (int d = INTL; d <= FR; d++)
        for (int callback = 0; callback < 2; callback++) {
            export_ctx c = {sample(VALUES | OUTSIDE), (snplp_csv_dialect)d, callback};
            assert_true(test_oom_sweep(oom_export, NULL, &c) > 0);
            snplp_convention_list_free(c.l);
        }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        NAMES_TEST(names),
        cmocka_unit_test(export_intl_exact),
        cmocka_unit_test(export_fr_exact),
        cmocka_unit_test(export_edges),
        cmocka_unit_test(export_numbers),
        cmocka_unit_test(export_callback),
        cmocka_unit_test(export_bad_arguments),
        cmocka_unit_test(export_and_import_file),
        cmocka_unit_test(export_file_is_atomic),
        cmocka_unit_test(round_trips),
        cmocka_unit_test(import_quoting),
        cmocka_unit_test(import_bom_and_line_ends),
        cmocka_unit_test(import_updates),
        cmocka_unit_test(import_outside_years),
        cmocka_unit_test(import_malformed),
        cmocka_unit_test(import_bad_header),
        cmocka_unit_test(import_bad_rows),
        cmocka_unit_test(import_bad_numbers),
        cmocka_unit_test(import_several_errors),
        cmocka_unit_test(import_findings_in_french),
        cmocka_unit_test(import_too_many_errors),
        cmocka_unit_test(import_field_limit),
        cmocka_unit_test(import_endless_input_stops_at_a_limit),
        cmocka_unit_test(import_many_rows),
        cmocka_unit_test(import_fixtures),
        cmocka_unit_test(fixtures_content),
        cmocka_unit_test(fixtures_errors),
        cmocka_unit_test(import_io_errors),
        cmocka_unit_test(import_bad_arguments),
        cmocka_unit_test(import_out_of_memory),
        cmocka_unit_test(export_out_of_memory),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
