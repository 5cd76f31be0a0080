/* Tests of the CSV export of a coverage table (csv_records.h): the bytes in both dialects for a
 * table grouped by theme, profession and territory and for one without axes (rates with two
 * decimals, an empty rate without workforce, known days with their scale, unknown days
 * counted), the same bytes through a callback and to a file (written atomically), bad
 * arguments, a failing callback and out-of-memory sweeps. */
#include "test_files.h"
#include "test_values.h"

#include <snplp/csv_records.h>

#define INTL SNPLP_CSV_INTL
#define FR   SNPLP_CSV_FR

static snplp_date day(int32_t y, int32_t m, int32_t d)
{
    return (snplp_date){y, m, d};
}

/* Theme t-a with module m-basic; professions p-ass (worker) and p-head (cadre); plan plan-x
 * with plan theme pt-1. */
static snplp_referential *ref_new(void)
{
    snplp_referential *ref = test_new_referential();
    snplp_module *m;
    assert_ok(snplp_referential_add_theme(NULL, ref, "t-a", "Thème A"));
    assert_ok(snplp_referential_add_module_to_theme(&m, ref, "m-basic", "t-a",
                                                    SNPLP_LEVEL_FUNDAMENTALS, "Module de base"));
    assert_ok(snplp_module_set_duration_days(m, 2));
    assert_ok(snplp_referential_add_profession(NULL, ref, "p-ass", SNPLP_CATEGORY_WORKER,
                                               "assistants de service social"));
    assert_ok(snplp_referential_add_profession(NULL, ref, "p-head", SNPLP_CATEGORY_CADRE,
                                               "chefs de services"));
    snplp_plan *p;
    assert_ok(snplp_referential_add_plan(&p, ref, "plan-x", "Plan X"));
    assert_ok(snplp_plan_add_plan_theme(NULL, p, "pt-1", "Thème du plan X"));
    return ref;
}

/* w1, w2 (p-ass, territory 80) and w3 (p-head, 80021); s1 teaches m-basic (2 days), s2 pt-1 (1
 * day). w1 attended s1 (the session's days), w2 partly (1.5 days: not trained) and partly s2
 * (days unknown); w3 attended s2 (1 day). */
static snplp_records *records_new(void)
{
    snplp_records *r = NULL;
    assert_ok(snplp_records_new(&r));
    assert_ok(snplp_records_add_employer(NULL, r, "emp-80", SNPLP_EMPLOYER_DEPARTEMENT,
                                         "Conseil départemental de la Somme", "80"));
    assert_ok(snplp_records_add_training_body(NULL, r, "of-1", "Organisme de formation"));
    assert_ok(snplp_records_add_worker(NULL, r, "w1", "p-ass", "emp-80", "80", day(2020, 1, 1)));
    assert_ok(snplp_records_add_worker(NULL, r, "w2", "p-ass", "emp-80", "80", day(2020, 1, 1)));
    assert_ok(
        snplp_records_add_worker(NULL, r, "w3", "p-head", "emp-80", "80021", day(2020, 1, 1)));
    assert_ok(snplp_records_add_session(NULL, r, "s1", "m-basic", "of-1", day(2024, 3, 4),
                                        day(2024, 3, 5), dec(2, 0), SNPLP_MODE_ON_SITE));
    assert_ok(snplp_records_add_session(NULL, r, "s2", "pt-1", "of-1", day(2024, 5, 10),
                                        day(2024, 5, 10), dec(1, 0), SNPLP_MODE_ON_SITE));
    snplp_attendance *a;
    assert_ok(snplp_records_add_attendance(NULL, r, "w1", "s1", SNPLP_ATTENDANCE_ATTENDED));
    assert_ok(snplp_records_add_attendance(&a, r, "w2", "s1", SNPLP_ATTENDANCE_PARTIAL));
    assert_ok(snplp_attendance_set_days(a, dec(15, 1)));
    assert_ok(snplp_records_add_attendance(NULL, r, "w2", "s2", SNPLP_ATTENDANCE_PARTIAL));
    assert_ok(snplp_records_add_attendance(&a, r, "w3", "s2", SNPLP_ATTENDANCE_ATTENDED));
    assert_ok(snplp_attendance_set_days(a, dec(1, 0)));
    return r;
}

static snplp_coverage *coverage_in(unsigned axes, int32_t year)
{
    snplp_referential *ref = ref_new();
    snplp_records *r = records_new();
    snplp_coverage *c = NULL;
    assert_ok(snplp_records_coverage(&c, r, ref, day(year, 1, 1), day(year, 12, 31), axes));
    snplp_records_unref(r);
    snplp_referential_unref(ref);
    return c;
}

/* The coverage of 2024. */
static snplp_coverage *coverage_of(unsigned axes)
{
    return coverage_in(axes, 2024);
}

static void assert_bytes(const char *got, size_t got_len, const char *want)
{
    if (got_len != strlen(want) || memcmp(got, want, got_len) != 0)
        print_error("--- got ---\n%.*s\n--- want ---\n%s\n", (int)got_len, got, want);
    assert_int_equal(got_len, strlen(want));
    assert_memory_equal(got, want, got_len);
}

#define BY_TPT                                                                                     \
    (SNPLP_COVERAGE_BY_THEME | SNPLP_COVERAGE_BY_PROFESSION | SNPLP_COVERAGE_BY_TERRITORY)

static const char by_tpt_intl[] =
    "theme,profession,territory,workforce,trained,rate,days,days-unknown\r\n"
    "pt-1,p-ass,80,2,0,0.00,0,1\r\n"
    "pt-1,p-head,80021,1,1,100.00,1,0\r\n"
    "t-a,p-ass,80,2,1,50.00,3.5,0\r\n"
    "t-a,p-head,80021,1,0,0.00,0,0\r\n";

static const char by_tpt_fr[] =
    "\xEF\xBB\xBF"
    "theme;profession;territory;workforce;trained;rate;days;days-unknown\r\n"
    "pt-1;p-ass;80;2;0;0,00;0;1\r\n"
    "pt-1;p-head;80021;1;1;100,00;1;0\r\n"
    "t-a;p-ass;80;2;1;50,00;3,5;0\r\n"
    "t-a;p-head;80021;1;0;0,00;0;0\r\n";

static const char no_axes_intl[] = "workforce,trained,rate,days,days-unknown\r\n"
                                   "3,2,66.67,4.5,1\r\n";

static void export_bytes(void **state)
{
    (void)state;
    static const struct {
        unsigned axes;
        int32_t year;
        snplp_csv_dialect d;
        const char *want;
    } cases[] = {
        {BY_TPT, 2024, INTL, by_tpt_intl},
        {BY_TPT, 2024, FR, by_tpt_fr},
        {0, 2024, INTL, no_axes_intl},
        {0, 2024, FR,
         "\xEF\xBB\xBFworkforce;trained;rate;days;days-unknown\r\n3;2;66,67;4,5;1\r\n"},
        {SNPLP_COVERAGE_BY_PLAN, 2024, INTL,
         "plan,workforce,trained,rate,days,days-unknown\r\n"
         "plan-x,3,1,33.33,1,1\r\n"
         "training-plan,3,1,33.33,3.5,0\r\n"},
        /* before the workforce: no workforce, so no rate (never 0) */
        {0, 2010, INTL, "workforce,trained,rate,days,days-unknown\r\n0,0,,0,0\r\n"},
        {SNPLP_COVERAGE_BY_PROFESSION, 2010, FR,
         "\xEF\xBB\xBFprofession;workforce;trained;rate;days;days-unknown\r\n"},
    };
    for (size_t k = 0; k < COUNT_OF(cases); k++) {
        snplp_coverage *c = coverage_in(cases[k].axes, cases[k].year);
        char *out = NULL;
        size_t n = 0;
        assert_ok(snplp_csv_export_coverage_memory(&out, &n, c, cases[k].d));
        assert_int_equal(strlen(out), n);
        assert_bytes(out, n, cases[k].want);
        snplp_free(out);
        /* without the size; and deterministic */
        assert_ok(snplp_csv_export_coverage_memory(&out, NULL, c, cases[k].d));
        assert_string_equal(out, cases[k].want);
        snplp_free(out);
        snplp_coverage_free(c);
    }
}

typedef struct collector {
    char *text;
    size_t n;
    int calls, fail_at; /* the call that fails (1-based), 0 never */
} collector;

static int collect(void *user, const char *data, size_t size)
{
    collector *c = user;
    if (++c->calls == c->fail_at)
        return -1;
    char *t = realloc(c->text, c->n + size + 1);
    assert_non_null(t);
    memcpy(t + c->n, data, size);
    c->n += size;
    t[c->n] = '\0';
    c->text = t;
    return 0;
}

static void export_callback_and_file(void **state)
{
    (void)state;
    snplp_coverage *c = coverage_of(BY_TPT);
    for (int d = INTL; d <= FR; d++) {
        collector col = {0};
        assert_ok(snplp_csv_export_coverage_callback(c, (snplp_csv_dialect)d, collect, &col));
        assert_bytes(col.text, col.n, d == INTL ? by_tpt_intl : by_tpt_fr);
        free(col.text);
        /* a failing callback: SNPLP_EIO */
        collector failing = {.fail_at = 1};
        assert_fails(snplp_csv_export_coverage_callback(c, (snplp_csv_dialect)d, collect, &failing),
                     SNPLP_EIO);
        free(failing.text);
    }
    char dir[] = "/tmp/snplp-csv-coverage-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[256];
    snprintf(path, sizeof path, "%s/coverage.csv", dir);
    assert_ok(snplp_csv_export_coverage_file(c, FR, path));
    size_t n = 0;
    char *text = must_slurp(path, &n);
    assert_bytes(text, n, by_tpt_fr);
    free(text);
    /* replaced whole */
    assert_ok(snplp_csv_export_coverage_file(c, INTL, path));
    text = must_slurp(path, &n);
    assert_bytes(text, n, by_tpt_intl);
    free(text);
    /* a directory that does not exist: SNPLP_EIO, nothing written */
    char bad[300];
    snprintf(bad, sizeof bad, "%s/no/coverage.csv", dir);
    assert_fails(snplp_csv_export_coverage_file(c, INTL, bad), SNPLP_EIO);
    assert_int_equal(unlink(path), 0);
    assert_int_equal(rmdir(dir), 0);
    snplp_coverage_free(c);
}

static void export_bad_arguments(void **state)
{
    (void)state;
    snplp_coverage *c = coverage_of(0);
    char *out = (char *)"unchanged";
    collector col = {0};
    const snplp_csv_dialect none = SNPLP_CSV_NONE;
    assert_fails(snplp_csv_export_coverage_memory(NULL, NULL, c, INTL), SNPLP_EINVAL);
    assert_fails(snplp_csv_export_coverage_memory(&out, NULL, NULL, INTL), SNPLP_EINVAL);
    assert_fails(snplp_csv_export_coverage_memory(&out, NULL, c, none), SNPLP_EINVAL);
    assert_string_equal(out, "unchanged");
    assert_fails(snplp_csv_export_coverage_callback(NULL, INTL, collect, &col), SNPLP_EINVAL);
    assert_fails(snplp_csv_export_coverage_callback(c, INTL, NULL, &col), SNPLP_EINVAL);
    assert_fails(snplp_csv_export_coverage_callback(c, (snplp_csv_dialect)7, collect, &col),
                 SNPLP_EINVAL);
    assert_int_equal(col.calls, 0);
    assert_fails(snplp_csv_export_coverage_file(NULL, INTL, "/tmp/x.csv"), SNPLP_EINVAL);
    assert_fails(snplp_csv_export_coverage_file(c, INTL, NULL), SNPLP_EINVAL);
    assert_fails(snplp_csv_export_coverage_file(c, INTL, ""), SNPLP_EINVAL);
    assert_fails(snplp_csv_export_coverage_file(c, none, "/tmp/x.csv"), SNPLP_EINVAL);
    snplp_coverage_free(c);
}

typedef struct oom_ctx {
    const snplp_coverage *c;
    snplp_csv_dialect d;
    int way;
} oom_ctx;

static int oom_export(void *p)
{
    oom_ctx *x = p;
    if (x->way == 1) {
        collector col = {0};
        int rc = snplp_csv_export_coverage_callback(x->c, x->d, collect, &col);
        free(col.text);
        return rc;
    }
    char *out = NULL;
    int rc = snplp_csv_export_coverage_memory(&out, NULL, x->c, x->d);
    if (rc == SNPLP_OK)
        assert_string_equal(out, x->d == INTL ? by_tpt_intl : by_tpt_fr);
    snplp_free(out);
    return rc;
}

static void export_out_of_memory(void **state)
{
    (void)state;
    snplp_coverage *c = coverage_of(BY_TPT);
    for (int d = INTL; d <= FR; d++)
        for (int way = 0; way < 2; way++) {
            oom_ctx x = {c, (snplp_csv_dialect)d, way};
            assert_true(test_oom_sweep(oom_export, NULL, &x) > 0);
        }
    snplp_coverage_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(export_bytes),
        cmocka_unit_test(export_callback_and_file),
        cmocka_unit_test(export_bad_arguments),
        cmocka_unit_test(export_out_of_memory),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
