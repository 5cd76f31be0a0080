/* Tests of csv_records.h: workers and attendance imported from CSV into training records, in
 * both dialects.
 *
 * Good files (tests/fixtures/csv/workers-*.csv, attendance-*.csv) in both dialects give the same
 * records; the header may name the columns in any order and leave optional ones out; a row for a
 * worker or an attendance that exists updates it (empty optional fields leave values as they
 * are). Every kind of bad row gives its finding with line, column and worker id, and whenever an
 * import fails the records are compared with an untouched twin (snplp_records_equal): nothing
 * changed. Byte-order marks, line ends, quoting, files and read callbacks in small pieces, the
 * limits (an input that never ends stops), bad arguments and out-of-memory sweeps complete it. */
#include "test_files.h"
#include "test_values.h"

#include <snplp/csv_records.h>

#ifndef SNPLP_FIXTURES_DIR
#define SNPLP_FIXTURES_DIR "tests/fixtures/xml"
#endif
/* The CSV fixtures sit next to the XML ones. */
#define CSV_FIXTURES SNPLP_FIXTURES_DIR "/../csv"

#define INTL SNPLP_CSV_INTL
#define FR   SNPLP_CSV_FR
#define BOM  "\xEF\xBB\xBF"

#define WH_INTL "id,profession,employer,territory,from,until,diploma-level,unit\r\n"
#define WH_FR   "id;profession;employer;territory;from;until;diploma-level;unit\r\n"
#define AH_INTL "worker,session,status,days\r\n"
#define AH_FR   "worker;session;status;days\r\n"

/* ---- the sample records ---- */

static snplp_date day(int32_t y, int32_t m, int32_t d)
{
    return (snplp_date){y, m, d};
}

/* Employers e80 (the Somme's council) and e-ccas (Amiens' CCAS), a declared profession p-aux,
 * a training body of1, sessions s1, s2, s3; workers w0 (level 6, unit "Service insertion") and
 * w9; w0 registered at s1. */
static snplp_records *sample(void)
{
    snplp_records *r = NULL;
    assert_ok(snplp_records_new(&r));
    assert_ok(snplp_records_add_employer(NULL, r, "e80", SNPLP_EMPLOYER_DEPARTEMENT,
                                         "Conseil départemental de la Somme", "80"));
    assert_ok(snplp_records_add_employer(NULL, r, "e-ccas", SNPLP_EMPLOYER_COMMUNE, "CCAS d'Amiens",
                                         "80021"));
    assert_ok(snplp_records_add_profession(NULL, r, "p-aux", SNPLP_CATEGORY_WORKER,
                                           "auxiliaires de puériculture"));
    assert_ok(snplp_records_add_training_body(NULL, r, "of1", "Institut régional"));
    assert_ok(snplp_records_add_session(NULL, r, "s1", "m-fondamentaux", "of1", day(2024, 3, 4),
                                        day(2024, 3, 8), dec(5, 0), SNPLP_MODE_ON_SITE));
    assert_ok(snplp_records_add_session(NULL, r, "s2", "m-expert", "of1", day(2024, 6, 10),
                                        day(2024, 6, 14), dec(45, 1), SNPLP_MODE_MIXED));
    assert_ok(snplp_records_add_session(NULL, r, "s3", "m-expert", "of1", day(2025, 1, 13),
                                        day(2025, 1, 17), dec(5, 0), SNPLP_MODE_DISTANCE));
    snplp_worker *w = NULL;
    assert_ok(snplp_records_add_worker(&w, r, "w0", "assistants-service-social", "e80", "80",
                                       day(2019, 9, 1)));
    assert_ok(snplp_worker_set_diploma_level(w, 6));
    assert_ok(snplp_worker_set_unit(w, "Service insertion"));
    assert_ok(snplp_records_add_worker(NULL, r, "w9", "p-aux", "e-ccas", "80021", day(2023, 1, 2)));
    assert_ok(snplp_records_add_attendance(NULL, r, "w0", "s1", SNPLP_ATTENDANCE_REGISTERED));
    return r;
}

/* What the good workers files give: w1 and w2 added, w0's profession changed. */
static snplp_records *sample_with_workers(void)
{
    snplp_records *r = sample();
    snplp_worker *w = NULL;
    assert_ok(snplp_records_add_worker(&w, r, "w1", "assistants-service-social", "e80", "80",
                                       day(2021, 1, 4)));
    assert_ok(snplp_worker_set_diploma_level(w, 6));
    assert_ok(snplp_worker_set_unit(w, "Insertion, Amiens"));
    assert_ok(snplp_records_add_worker(&w, r, "w2", "p-aux", "e-ccas", "80021", day(2022, 9, 1)));
    assert_ok(snplp_worker_set_until(w, day(2024, 12, 31)));
    assert_ok(snplp_worker_set_diploma_level(w, 4));
    assert_ok(snplp_worker_set_unit(w, "Crèche \"Les Lutins\"\r\n2e étage"));
    assert_ok(snplp_worker_set_profession_id(snplp_records_worker_find(r, "w0"),
                                             "educateurs-specialises"));
    return r;
}

/* What the good attendance files give: w0 attended s1 (5 days) and partly s2 (2.5 days); w9
 * absent from s1 and registered at s2. */
static snplp_records *sample_with_attendance(void)
{
    snplp_records *r = sample();
    snplp_attendance *a = snplp_records_attendance_at(r, 0);
    assert_ok(snplp_attendance_set_status(a, SNPLP_ATTENDANCE_ATTENDED));
    assert_ok(snplp_attendance_set_days(a, dec(5, 0)));
    assert_ok(snplp_records_add_attendance(&a, r, "w0", "s2", SNPLP_ATTENDANCE_PARTIAL));
    assert_ok(snplp_attendance_set_days(a, dec(25, 1)));
    assert_ok(snplp_records_add_attendance(NULL, r, "w9", "s1", SNPLP_ATTENDANCE_ABSENT));
    assert_ok(snplp_records_add_attendance(NULL, r, "w9", "s2", SNPLP_ATTENDANCE_REGISTERED));
    return r;
}

/* ---- helpers ---- */

typedef enum kind { WORKERS, ATTENDANCE } kind;

static const char *fixture(char *buf, size_t size, const char *name)
{
    snprintf(buf, size, "%s/%s", CSV_FIXTURES, name);
    return buf;
}

static void dump(const snplp_diagnostics *d)
{
    for (size_t i = 0; i < snplp_diagnostics_count(d); i++) {
        const snplp_diagnostic *g = snplp_diagnostics_at(d, i);
        print_error("  %zu:%zu [%s] item=%s %s\n", snplp_diagnostic_line(g),
                    snplp_diagnostic_column(g), snplp_diag_code_name(snplp_diagnostic_code(g)),
                    snplp_diagnostic_item_id(g) ? snplp_diagnostic_item_id(g) : "-",
                    snplp_diagnostic_message(g));
    }
}

static int import_mem(kind k, snplp_records *r, snplp_diagnostics *diags, const char *text,
                      size_t len, snplp_csv_dialect d)
{
    return k == WORKERS ? snplp_csv_import_workers_memory(r, diags, text, len, "test.csv", d)
                        : snplp_csv_import_attendance_memory(r, diags, text, len, "test.csv", d);
}

/* Imports text, which must succeed without findings. */
static void import_ok(kind k, snplp_records *r, const char *text, snplp_csv_dialect d)
{
    snplp_diagnostics *diags = new_diags();
    int rc = import_mem(k, r, diags, text, strlen(text), d);
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
    const char *item; /* NULL: none */
    const char *part; /* of the message, or NULL */
} finding;

static bool same_text(const char *a, const char *b)
{
    return a && b ? !strcmp(a, b) : a == b;
}

/* A finding of the catalogue (util/messages/diag/csv.*.txt) renders from its parameters in
 * English (its message, the list being in English) and in French. */
static void assert_renders(const char *name, const snplp_diagnostic *g)
{
    char *en = NULL, *fr = NULL;
    if (!snplp_diagnostic_message_id(g))
        print_error("%s: no message id: %s\n", name, snplp_diagnostic_message(g));
    assert_non_null(snplp_diagnostic_message_id(g));
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

/* Asserts that the findings are exactly want[0..n), all errors. */
static void assert_findings(const char *name, const snplp_diagnostics *d, const finding *want,
                            size_t n)
{
    bool ok = snplp_diagnostics_count(d) == n;
    for (size_t i = 0; ok && i < n; i++) {
        const snplp_diagnostic *g = snplp_diagnostics_at(d, i);
        const finding *w = &want[i];
        ok = snplp_diagnostic_severity(g) == SNPLP_SEVERITY_ERROR &&
             snplp_diagnostic_code(g) == w->code && snplp_diagnostic_line(g) == w->line &&
             snplp_diagnostic_column(g) == w->col &&
             same_text(snplp_diagnostic_item_id(g), w->item) &&
             snplp_diagnostic_convention_id(g) == NULL && snplp_diagnostic_year(g) == 0 &&
             (!w->part || strstr(snplp_diagnostic_message(g), w->part));
    }
    if (!ok) {
        print_error("%s: got\n", name);
        dump(d);
        print_error("want\n");
        for (size_t i = 0; i < n; i++)
            print_error("  %zu:%zu [%s] item=%s ...%s...\n", want[i].line, want[i].col,
                        snplp_diag_code_name(want[i].code), want[i].item ? want[i].item : "-",
                        want[i].part ? want[i].part : "");
        fail();
    }
    for (size_t i = 0; i < n; i++)
        assert_renders(name, snplp_diagnostics_at(d, i));
}

/* Imports text into the sample: it must fail with exactly the findings want, and change
 * nothing. */
static void import_bad(kind k, const char *name, const char *text, size_t len, snplp_csv_dialect d,
                       int status, const finding *want, size_t n)
{
    snplp_records *r = sample(), *twin = sample();
    snplp_diagnostics *diags = new_diags();
    snplp_error_clear();
    int rc = import_mem(k, r, diags, text, len, d);
    if (rc != status)
        print_error("%s: %s (%s)\n", name, snplp_status_name(rc), snplp_error_last_message());
    assert_int_equal(rc, status);
    assert_int_equal(snplp_error_last_code(), status);
    assert_findings(name, diags, want, n);
    if (n && status == SNPLP_EPARSE) {
        /* the thread's message repeats the first finding, located */
        char where[64];
        snprintf(where, sizeof where, "test.csv:%zu:%zu: ", want[0].line, want[0].col);
        assert_non_null(strstr(snplp_error_last_message(), where));
    }
    assert_true(snplp_records_equal(r, twin));
    /* and without a list of findings */
    assert_int_equal(import_mem(k, r, NULL, text, len, d), status);
    assert_true(snplp_records_equal(r, twin));
    snplp_diagnostics_free(diags);
    snplp_records_unref(r);
    snplp_records_unref(twin);
}

#define BAD(k, name, text, d, ...)                                                                 \
    do {                                                                                           \
        const finding want_[] = {__VA_ARGS__};                                                     \
        import_bad(k, name, text, sizeof(text) - 1, d, SNPLP_EPARSE, want_, COUNT_OF(want_));      \
    } while (0)

/* ---- good imports ---- */

static const char workers_intl[] =
    WH_INTL "w1,assistants-service-social,e80,80,2021-01-04,,6,\"Insertion, Amiens\"\r\n"
            "\r\n"
            "w2,p-aux,e-ccas,80021,2022-09-01,2024-12-31,4,\"Crèche \"\"Les Lutins\"\"\r\n2e "
            "étage\"\r\n"
            "w0,educateurs-specialises,e80,80,2019-09-01,,,\r\n"
            ",,,,,,,\r\n";

static const char workers_fr[] =
    BOM WH_FR "w1;assistants-service-social;e80;80;2021-01-04;;6;Insertion, Amiens\r\n"
              "w2;p-aux;e-ccas;80021;2022-09-01;2024-12-31;4;\"Crèche \"\"Les Lutins\"\"\r\n2e "
              "étage\"\r\n"
              "\r\n"
              "w0;educateurs-specialises;e80;80;2019-09-01;;;\r\n"
              ";;;;;;;\r\n";

static void workers_in_both_dialects(void **state)
{
    (void)state;
    snplp_records *want = sample_with_workers();
    for (int d = INTL; d <= FR; d++) {
        snplp_records *r = sample();
        import_ok(WORKERS, r, d == INTL ? workers_intl : workers_fr, (snplp_csv_dialect)d);
        assert_true(snplp_records_equal(r, want));
        /* in the order of the file, after the workers there were */
        assert_int_equal(snplp_records_worker_count(r), 4);
        assert_string_equal(snplp_worker_id(snplp_records_worker_at(r, 2)), "w1");
        assert_string_equal(snplp_worker_id(snplp_records_worker_at(r, 3)), "w2");
        snplp_worker *w2 = snplp_records_worker_find(r, "w2");
        assert_ptr_equal(snplp_worker_records(w2), r);
        assert_string_equal(snplp_worker_unit(w2), "Crèche \"Les Lutins\"\r\n2e étage");
        snplp_date until;
        assert_ok(snplp_worker_until(&until, w2));
        assert_int_equal(snplp_date_compare(until, day(2024, 12, 31)), 0);
        /* w0 kept its level and unit (empty fields) and got its new profession */
        snplp_worker *w0 = snplp_records_worker_find(r, "w0");
        assert_string_equal(snplp_worker_profession_id(w0), "educateurs-specialises");
        assert_string_equal(snplp_worker_unit(w0), "Service insertion");
        int level = 0;
        assert_ok(snplp_worker_diploma_level(&level, w0));
        assert_int_equal(level, 6);
        assert_int_equal(snplp_records_kind_of(r, "w1"), SNPLP_RECORD_WORKER);
        /* importing it again changes nothing */
        import_ok(WORKERS, r, d == INTL ? workers_intl : workers_fr, (snplp_csv_dialect)d);
        assert_true(snplp_records_equal(r, want));
        snplp_records_unref(r);
    }
    snplp_records_unref(want);
}

/* The header names the columns in any order; optional ones may be left out; an update replaces
 * what a non-empty field gives. */
static void workers_columns_and_updates(void **state)
{
    (void)state;
    snplp_records *r = sample();
    import_ok(WORKERS, r,
              "territory,from,employer,id,profession\n"
              "80021,2020-02-03,e-ccas,w5,p-aux\n",
              INTL);
    snplp_worker *w5 = snplp_records_worker_find(r, "w5");
    assert_non_null(w5);
    assert_string_equal(snplp_worker_employer_id(w5), "e-ccas");
    assert_string_equal(snplp_worker_territory_code(w5), "80021");
    assert_null(snplp_worker_unit(w5));
    int level = 0;
    assert_int_equal(snplp_worker_diploma_level(&level, w5), SNPLP_ENOTFOUND);
    snplp_date until;
    assert_int_equal(snplp_worker_until(&until, w5), SNPLP_ENOTFOUND);
    /* an update of w0: level, unit and last day replaced; the object stays the same */
    snplp_worker *w0 = snplp_records_worker_find(r, "w0");
    import_ok(WORKERS, r,
              "unit;diploma-level;until;id;profession;employer;territory;from\r"
              "Pôle enfance;7;2025-06-30;w0;p-aux;e-ccas;80021;2019-09-01\r",
              FR);
    assert_ptr_equal(snplp_records_worker_find(r, "w0"), w0);
    assert_int_equal(snplp_records_worker_count(r), 3);
    assert_string_equal(snplp_worker_unit(w0), "Pôle enfance");
    assert_ok(snplp_worker_diploma_level(&level, w0));
    assert_int_equal(level, 7);
    assert_ok(snplp_worker_until(&until, w0));
    assert_int_equal(snplp_date_compare(until, day(2025, 6, 30)), 0);
    assert_string_equal(snplp_worker_profession_id(w0), "p-aux");
    assert_string_equal(snplp_worker_employer_id(w0), "e-ccas");
    assert_string_equal(snplp_worker_territory_code(w0), "80021");
    /* a unit in another normalization form is stored in NFC */
    import_ok(WORKERS, r,
              WH_INTL "w0,p-aux,e-ccas,80021,2019-09-01,,,Pe\xCC\x81rinatalite\xCC\x81\r\n", INTL);
    assert_string_equal(snplp_worker_unit(w0), "P\xC3\xA9rinatalit\xC3\xA9");
    /* an empty file with its header changes nothing */
    snplp_records *twin = sample();
    import_ok(WORKERS, twin,
              "territory,from,employer,id,profession\n80021,2020-02-03,e-ccas,w5,p-aux\n", INTL);
    import_ok(WORKERS, r, "id,profession,employer,territory,from", INTL);
    import_ok(WORKERS, twin, "id,profession,employer,territory,from", INTL);
    snplp_records_unref(twin);
    snplp_records_unref(r);
}

static const char attendance_intl[] = AH_INTL "w0,s1,attended,5\r\n"
                                              "w0,s2,partial,2.5\r\n"
                                              "w9,s1,absent,\r\n"
                                              "w9,s2,registered,\r\n";

static const char attendance_fr[] = BOM "session;worker;days;status\r\n"
                                        "s1;w0;5;attended\r\n"
                                        "s2;w0;2,5;partial\r\n"
                                        ";;;\r\n"
                                        "s1;w9;;absent\r\n"
                                        "s2;w9;;registered\r\n";

static void attendance_in_both_dialects(void **state)
{
    (void)state;
    snplp_records *want = sample_with_attendance();
    for (int d = INTL; d <= FR; d++) {
        snplp_records *r = sample();
        snplp_attendance *first = snplp_records_attendance_at(r, 0);
        import_ok(ATTENDANCE, r, d == INTL ? attendance_intl : attendance_fr, (snplp_csv_dialect)d);
        assert_true(snplp_records_equal(r, want));
        assert_int_equal(snplp_records_attendance_count(r), 4);
        /* the attendance that was there is updated in place */
        assert_ptr_equal(snplp_records_attendance_at(r, 0), first);
        assert_int_equal(snplp_attendance_status_of(first), SNPLP_ATTENDANCE_ATTENDED);
        snplp_decimal days;
        assert_ok(snplp_attendance_days(&days, snplp_records_attendance_at(r, 1)));
        assert_true(snplp_decimal_identical(days, dec(25, 1)));
        assert_string_equal(snplp_attendance_worker_id(snplp_records_attendance_at(r, 2)), "w9");
        assert_int_equal(snplp_attendance_days(&days, snplp_records_attendance_at(r, 2)),
                         SNPLP_ENOTFOUND);
        /* again: nothing changes (updates with the same values) */
        import_ok(ATTENDANCE, r, d == INTL ? attendance_intl : attendance_fr, (snplp_csv_dialect)d);
        assert_true(snplp_records_equal(r, want));
        /* an empty days field leaves the days as they are */
        import_ok(ATTENDANCE, r, "worker,session,status\nw0,s2,attended\n", INTL);
        assert_ok(snplp_attendance_days(&days, snplp_records_attendance_at(r, 1)));
        assert_true(snplp_decimal_identical(days, dec(25, 1)));
        assert_int_equal(snplp_attendance_status_of(snplp_records_attendance_at(r, 1)),
                         SNPLP_ATTENDANCE_ATTENDED);
        snplp_records_unref(r);
    }
    snplp_records_unref(want);
}

/* Workers imported then their attendance, the way an HR export is loaded. */
static void workers_then_attendance(void **state)
{
    (void)state;
    snplp_records *r = sample();
    import_ok(WORKERS, r, workers_intl, INTL);
    import_ok(ATTENDANCE, r, AH_INTL "w1,s3,attended,5.0\r\nw2,s3,cancelled,0\r\n", INTL);
    assert_int_equal(snplp_records_attendance_count(r), 3);
    snplp_decimal days;
    assert_ok(snplp_attendance_days(&days, snplp_records_attendance_at(r, 1)));
    assert_true(snplp_decimal_identical(days, dec(50, 1)));
    snplp_records_unref(r);
}

/* ---- reading ---- */

static void byte_order_marks_line_ends_quotes(void **state)
{
    (void)state;
    static const char *const texts[] = {
        /* LF, no mark, no final line end */
        "id,profession,employer,territory,from,unit\nw3,p-aux,e80,80,2020-01-01,a",
        /* CR */
        "id,profession,employer,territory,from,unit\rw3,p-aux,e80,80,2020-01-01,a\r",
        /* a mark in intl, CRLF */
        BOM "id,profession,employer,territory,from,unit\r\nw3,p-aux,e80,80,2020-01-01,a\r\n",
        /* every field quoted, blank lines before and after */
        "\r\n\"id\",\"profession\",\"employer\",\"territory\",\"from\",\"unit\"\r\n\r\n"
        "\"w3\",\"p-aux\",\"e80\",\"80\",\"2020-01-01\",\"a\"\r\n\r\n",
    };
    snplp_records *want = sample();
    snplp_worker *w = NULL;
    assert_ok(snplp_records_add_worker(&w, want, "w3", "p-aux", "e80", "80", day(2020, 1, 1)));
    assert_ok(snplp_worker_set_unit(w, "a"));
    for (size_t k = 0; k < COUNT_OF(texts); k++) {
        snplp_records *r = sample();
        import_ok(WORKERS, r, texts[k], INTL);
        assert_true(snplp_records_equal(r, want));
        snplp_records_unref(r);
    }
    /* the fr dialect without its mark; a unit holding ';', '"' and line breaks */
    snplp_records *r = sample();
    import_ok(WORKERS, r,
              "id;profession;employer;territory;from;unit\n"
              "w3;p-aux;e80;80;2020-01-01;\"a;\"\"b\"\"\nc\rd\"\n",
              FR);
    assert_string_equal(snplp_worker_unit(snplp_records_worker_find(r, "w3")), "a;\"b\"\nc\rd");
    snplp_records_unref(r);
    snplp_records_unref(want);
}

/* ---- bad rows ---- */

static void workers_bad_rows(void **state)
{
    (void)state;
    BAD(WORKERS, "empty id", WH_INTL ",p-aux,e80,80,2021-01-04,,,\r\n", INTL,
        {SNPLP_DIAG_MISSING_VALUE, 2, 1, NULL, "the id field is empty"});
    BAD(WORKERS, "bad id", WH_INTL "1w,p-aux,e80,80,2021-01-04,,,\r\n", INTL,
        {SNPLP_DIAG_BAD_ID, 2, 1, NULL, "the id '1w' is not a well-formed id"});
    BAD(WORKERS, "bad refs", WH_INTL "w3,p-aux,e99,80,2021-01-04,,,\r\n", INTL,
        {SNPLP_DIAG_UNKNOWN_RECORD, 2, 10, "w3", "the employer 'e99' is not an employer"});
    BAD(WORKERS, "wrong kinds", WH_INTL "w3,s1,of1,80,2021-01-04,,,\r\n", INTL,
        {SNPLP_DIAG_UNKNOWN_RECORD, 2, 4, "w3", "the profession 's1' is a session"},
        {SNPLP_DIAG_UNKNOWN_RECORD, 2, 7, "w3", "is a training-body of the records, not an"});
    BAD(WORKERS, "bad values", WH_INTL "w4,p-aux,e80,8O,2021-13-01,2021-02-29,9,\r\n", INTL,
        {SNPLP_DIAG_BAD_TERRITORY, 2, 14, "w4", "'8O' is not a territory code"},
        {SNPLP_DIAG_BAD_DATE, 2, 17, "w4", "the from date '2021-13-01' is not one"},
        {SNPLP_DIAG_BAD_DATE, 2, 28, "w4", "the until date '2021-02-29'"},
        {SNPLP_DIAG_BAD_DIPLOMA_LEVEL, 2, 39, "w4", "one digit, 1 to 8"});
    BAD(WORKERS, "levels",
        WH_INTL "w4,p-aux,e80,80,2021-01-04,,0,\r\nw5,p-aux,e80,80,2021-01-04,,06,\r\n", INTL,
        {SNPLP_DIAG_BAD_DIPLOMA_LEVEL, 2, 29, "w4", "'0'"},
        {SNPLP_DIAG_BAD_DIPLOMA_LEVEL, 3, 29, "w5", "'06'"});
    BAD(WORKERS, "dates",
        WH_INTL "w4,p-aux,e80,80,2021-1-4,,,\r\nw5,p-aux,e80,80, 2021-01-04,,,\r\n", INTL,
        {SNPLP_DIAG_BAD_DATE, 2, 17, "w4", NULL}, {SNPLP_DIAG_BAD_DATE, 3, 17, "w5", NULL});
    BAD(WORKERS, "until before from", WH_INTL "w5,p-aux,e80,80,2021-01-04,2020-12-31,,\r\n", INTL,
        {SNPLP_DIAG_UNTIL_BEFORE_FROM, 2, 28, "w5", "2020-12-31, is before the first, 2021-01-04"});
    {
        /* an update: the row gives a first day after the worker's last day */
        snplp_records *r = sample(), *twin = sample();
        assert_ok(snplp_worker_set_until(snplp_records_worker_find(r, "w0"), day(2022, 1, 1)));
        assert_ok(snplp_worker_set_until(snplp_records_worker_find(twin, "w0"), day(2022, 1, 1)));
        snplp_diagnostics *diags = new_diags();
        const char text[] = WH_INTL "w0,p-aux,e80,80,2023-01-01,,,\r\n";
        assert_int_equal(import_mem(WORKERS, r, diags, text, strlen(text), INTL), SNPLP_EPARSE);
        const finding want[] = {{SNPLP_DIAG_UNTIL_BEFORE_FROM, 2, 17, "w0", "the row gives none"}};
        assert_findings("update until", diags, want, 1);
        assert_true(snplp_records_equal(r, twin));
        /* with a last day in the row, it is fine */
        import_ok(WORKERS, r, WH_INTL "w0,p-aux,e80,80,2023-01-01,2024-01-01,,\r\n", INTL);
        snplp_diagnostics_free(diags);
        snplp_records_unref(r);
        snplp_records_unref(twin);
    }
    BAD(WORKERS, "id taken",
        WH_INTL "e80,p-aux,e80,80,2021-01-04,,,\r\ns1,p-aux,e80,80,2021-01-04,,,\r\n", INTL,
        {SNPLP_DIAG_ID_TAKEN, 2, 1, "e80", "already the id of an employer"},
        {SNPLP_DIAG_ID_TAKEN, 3, 1, "s1", "a session"});
    BAD(WORKERS, "duplicate",
        WH_INTL "w3,p-aux,e80,80,2021-01-04,,,\r\nw4,p-aux,e80,80,2021-01-04,,,\r\n"
                "w3,p-aux,e80,80,2021-01-05,,,\r\n",
        INTL, {SNPLP_DIAG_DUPLICATE_ROW, 4, 1, "w3", "the first is on line 2"});
    BAD(WORKERS, "blank unit", WH_INTL "w6,p-aux,e80,80,2021-01-04,,, \t\r\n", INTL,
        {SNPLP_DIAG_MISSING_VALUE, 2, 30, "w6", "only white space"});
    BAD(WORKERS, "required", WH_FR "w6;;;;;;;\r\n", FR,
        {SNPLP_DIAG_MISSING_VALUE, 2, 4, "w6", "profession"},
        {SNPLP_DIAG_MISSING_VALUE, 2, 5, "w6", "employer"},
        {SNPLP_DIAG_MISSING_VALUE, 2, 6, "w6", "territory"},
        {SNPLP_DIAG_MISSING_VALUE, 2, 7, "w6", "from"});
    BAD(WORKERS, "field count", WH_INTL "w7,p-aux,e80\r\nw8,p-aux,e80,80,2021-01-04,,,,x\r\n", INTL,
        {SNPLP_DIAG_CSV_FIELD_COUNT, 2, 13, NULL, "the row has 3 fields, the header 8"},
        {SNPLP_DIAG_CSV_FIELD_COUNT, 3, 31, NULL, "the row has 9 fields"});
    BAD(WORKERS, "syntax", WH_INTL "w8,p-aux,e80,80,2021-01-04,,,Service \"x\"\r\n", INTL,
        {SNPLP_DIAG_CSV_SYNTAX, 2, 30, NULL, "a double quote inside an unquoted field"});
    BAD(WORKERS, "encoding",
        WH_INTL "w8,p-aux,e80,80,2021-01-04,,,Cr\xE8"
                "che\r\nw9,p-aux,e80,80,2021-01-04,,,a\x01\r\n",
        INTL, {SNPLP_DIAG_CSV_ENCODING, 2, 30, NULL, "invalid UTF-8 in the unit field"},
        {SNPLP_DIAG_CSV_ENCODING, 3, 30, NULL, "U+0001"});
    BAD(WORKERS, "unclosed quote", WH_INTL "w8,p-aux,e80,80,2021-01-04,,,\"Service\r\n", INTL,
        {SNPLP_DIAG_CSV_SYNTAX, 2, 30, NULL, "no closing quote"});
    BAD(WORKERS, "fr with a point date", WH_FR "w8;p-aux;e80;80;04/01/2021;;;\r\n", FR,
        {SNPLP_DIAG_BAD_DATE, 2, 17, "w8", "expected YYYY-MM-DD"});
    /* good rows and bad ones: nothing is imported */
    BAD(WORKERS, "mixed",
        WH_INTL "w3,p-aux,e80,80,2021-01-04,,,\r\nw4,p-aux,e80,80,2021-01-04,,x,\r\n", INTL,
        {SNPLP_DIAG_BAD_DIPLOMA_LEVEL, 3, 29, "w4", NULL});
}

static void attendance_bad_rows(void **state)
{
    (void)state;
    BAD(ATTENDANCE, "unknown",
        AH_INTL "w0,s9,attended,\r\nw1,s1,attended,\r\ne80,s1,attended,\r\n"
                "w0,w9,attended,\r\n",
        INTL, {SNPLP_DIAG_UNKNOWN_RECORD, 2, 4, "w0", "the session 's9' is not a session"},
        {SNPLP_DIAG_UNKNOWN_RECORD, 3, 1, "w1", "import the workers first"},
        {SNPLP_DIAG_UNKNOWN_RECORD, 4, 1, "e80", "is an employer of the records, not a worker"},
        {SNPLP_DIAG_UNKNOWN_RECORD, 5, 4, "w0", "is a worker of the records, not a session"});
    BAD(ATTENDANCE, "status", AH_INTL "w9,s1,present,\r\nw9,s2,Attended,\r\nw9,s3,,\r\n", INTL,
        {SNPLP_DIAG_BAD_STATUS, 2, 7, "w9", "'present' is not an attendance status"},
        {SNPLP_DIAG_BAD_STATUS, 3, 7, "w9", NULL},
        {SNPLP_DIAG_MISSING_VALUE, 4, 7, "w9", "the status field is empty"});
    BAD(ATTENDANCE, "days fr",
        AH_FR "w9;s1;partial;2.5\r\nw9;s2;partial;-1\r\nw9;s3;partial;1 5\r\n", FR,
        {SNPLP_DIAG_BAD_NUMBER, 2, 15, "w9", "decimal comma (2,5)"},
        {SNPLP_DIAG_BAD_DAYS, 3, 15, "w9", "below 0"}, {SNPLP_DIAG_BAD_NUMBER, 4, 15, "w9", NULL});
    BAD(ATTENDANCE, "days intl", AH_INTL "w9,s1,partial,\"2,5\"\r\n", INTL,
        {SNPLP_DIAG_BAD_NUMBER, 2, 15, "w9", "decimal point (2.5)"});
    BAD(ATTENDANCE, "ids", AH_INTL ",s1,attended,\r\nw9,9s,attended,\r\n", INTL,
        {SNPLP_DIAG_MISSING_VALUE, 2, 1, NULL, "the worker field is empty"},
        {SNPLP_DIAG_BAD_ID, 3, 4, "w9", "the session '9s'"});
    BAD(ATTENDANCE, "duplicate", AH_INTL "w9,s1,attended,\r\nw0,s2,attended,\r\nw9,s1,absent,\r\n",
        INTL, {SNPLP_DIAG_DUPLICATE_ROW, 4, 1, "w9", "the first is on line 2"});
    {
        /* two attendance records of w0 at s1: which to update? */
        snplp_records *r = sample(), *twin = sample();
        assert_ok(snplp_records_add_attendance(NULL, r, "w0", "s1", SNPLP_ATTENDANCE_ABSENT));
        assert_ok(snplp_records_add_attendance(NULL, twin, "w0", "s1", SNPLP_ATTENDANCE_ABSENT));
        snplp_diagnostics *diags = new_diags();
        const char text[] = AH_INTL "w0,s2,attended,\r\nw0,s1,attended,\r\n";
        assert_int_equal(import_mem(ATTENDANCE, r, diags, text, strlen(text), INTL), SNPLP_EPARSE);
        const finding want[] = {
            {SNPLP_DIAG_AMBIGUOUS_UPDATE, 3, 1, "w0", "several attendance records"}};
        assert_findings("ambiguous", diags, want, 1);
        assert_true(snplp_records_equal(r, twin));
        snplp_diagnostics_free(diags);
        snplp_records_unref(r);
        snplp_records_unref(twin);
    }
}

/* French typography in the expected messages: quotes with no-break spaces inside, a no-break
 * space before ':'. */
#define NBSP "\xc2\xa0"
#define LQ   "\xc2\xab" NBSP
#define RQ   NBSP "\xc2\xbb"

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

typedef struct french {
    const char *id;      /* the message id */
    const char *message; /* the whole French message, or NULL */
} french;

/* Imports text with a list of findings in French: it must fail with exactly the messages want
 * (n of them), change nothing, and leave the thread's error in English. Returns the list. */
static snplp_diagnostics *import_french(kind k, const char *text, const french *want, size_t n)
{
    snplp_records *r = sample(), *twin = sample();
    snplp_diagnostics *diags = new_diags();
    assert_ok(snplp_diagnostics_set_language(diags, SNPLP_LANGUAGE_FR));
    snplp_error_clear();
    assert_int_equal(import_mem(k, r, diags, text, strlen(text), FR), SNPLP_EPARSE);
    if (snplp_diagnostics_count(diags) != n)
        dump(diags);
    assert_int_equal(snplp_diagnostics_count(diags), n);
    for (size_t i = 0; i < n; i++) {
        const snplp_diagnostic *g = snplp_diagnostics_at(diags, i);
        assert_string_equal(snplp_diagnostic_message_id(g), want[i].id);
        if (want[i].message)
            assert_string_equal(snplp_diagnostic_message(g), want[i].message);
    }
    assert_null(strstr(snplp_error_last_message(), "\xc2\xab"));
    assert_true(snplp_records_equal(r, twin));
    snplp_records_unref(r);
    snplp_records_unref(twin);
    return diags;
}

/* A list of findings set to French gets the findings of a workers or attendance import in
 * French, each with its message id and typed parameters (ids, kinds of records, dates); the
 * column names and statuses stay the format's identifiers. */
static void findings_in_french(void **state)
{
    (void)state;
    const french workers[] = {
        {"unknown-record/not-profession",
         "la profession " LQ "s1" RQ " est une session des données de formation, pas une "
         "profession"},
        {"unknown-record/not-employer", "l’employeur " LQ "of1" RQ " est un organisme de formation "
                                        "des données de formation, pas un employeur"},
        {"bad-territory/code", NULL},
        {"bad-date/date", "la date from " LQ "2021-13-01" RQ " n’en est pas une" NBSP
                          ": attendu AAAA-MM-JJ désignant un jour qui existe, par exemple "
                          "2024-09-01"},
        {"bad-diploma-level/level", NULL},
        {"until-before-from/row", "le dernier jour dans les effectifs, le 31 décembre 2020, "
                                  "précède le premier, le 4 janvier 2021"},
        {"id-taken/other-kind",
         "l’identifiant " LQ "e80" RQ " est déjà celui d’un employeur des données de formation" NBSP
         ": les identifiants sont uniques, quel que soit le type"},
    };
    snplp_diagnostics *d = import_french(WORKERS,
                                         WH_FR "w3;s1;of1;8O;2021-13-01;;9;\r\n"
                                               "w5;p-aux;e80;80;2021-01-04;2020-12-31;;\r\n"
                                               "e80;p-aux;e80;80;2021-01-04;;;\r\n",
                                         workers, COUNT_OF(workers));
    const snplp_diagnostic *g = snplp_diagnostics_at(d, 1);
    assert_param(g, "employer", SNPLP_PARAM_ID, "of1");
    assert_param(g, "kind", SNPLP_PARAM_CHOICE, "training_body");
    g = snplp_diagnostics_at(d, 4);
    assert_param(g, "value", SNPLP_PARAM_TEXT, "9");
    assert_param(g, "min", SNPLP_PARAM_INTEGER, "1");
    assert_param(g, "max", SNPLP_PARAM_INTEGER, "8");
    g = snplp_diagnostics_at(d, 5);
    assert_int_equal(snplp_diagnostic_param_count(g), 2);
    assert_param(g, "until", SNPLP_PARAM_DATE, "2020-12-31");
    assert_param(g, "from", SNPLP_PARAM_DATE, "2021-01-04");
    assert_string_equal(snplp_diagnostic_item_id(g), "w5");
    char *en = NULL;
    assert_ok(snplp_diagnostic_render(g, SNPLP_LANGUAGE_EN, &en));
    assert_string_equal(en, "the last day in the workforce, 2020-12-31, is before the first, "
                            "2021-01-04");
    snplp_free(en);
    g = snplp_diagnostics_at(d, 6);
    assert_param(g, "id", SNPLP_PARAM_ID, "e80");
    assert_param(g, "kind", SNPLP_PARAM_CHOICE, "employer");
    snplp_diagnostics_free(d);

    const french attendance[] = {
        {"bad-status/status",
         "le statut " LQ "present" RQ " n’est pas un statut de participation" NBSP
         ": registered, attended, partial, absent ou cancelled"},
        {"bad-days/negative", "les jours suivis, -1, sont inférieurs à 0"},
        {"bad-number/separator",
         "le champ days " LQ "2.5" RQ " n’est pas un nombre du dialecte fr" NBSP
         ": le dialecte fr écrit les nombres avec une virgule décimale "
         "(2,5)"},
        {"unknown-record/no-worker",
         "le professionnel " LQ "w1" RQ " n’est pas un professionnel des données de formation" NBSP
         ": importer d’abord les professionnels"},
    };
    d = import_french(ATTENDANCE,
                      AH_FR "w9;s1;present;\r\nw9;s2;attended;-1\r\nw9;s3;attended;2.5\r\n"
                            "w1;s1;attended;\r\n",
                      attendance, COUNT_OF(attendance));
    g = snplp_diagnostics_at(d, 2);
    assert_param(g, "column", SNPLP_PARAM_ID, "days");
    assert_param(g, "value", SNPLP_PARAM_TEXT, "2.5");
    assert_param(g, "decimal", SNPLP_PARAM_CHOICE, "comma");
    assert_param(g, "corrected", SNPLP_PARAM_TEXT, "2,5");
    assert_ok(snplp_diagnostic_render(g, SNPLP_LANGUAGE_EN, &en));
    assert_string_equal(en, "the days '2.5' are not a number of the fr dialect: the fr dialect "
                            "writes numbers with a decimal comma (2,5)");
    snplp_free(en);
    snplp_diagnostics_free(d);

    /* the header: the columns of the file named as the format names them */
    const french header[] = {
        {"csv-header/missing-column",
         "l’en-tête n’a pas de colonne " LQ "profession" RQ ", qu’exige un fichier de "
         "professionnels (id, profession, employer, territory, from (obligatoires), until, "
         "diploma-level, unit)"},
        {"csv-header/missing-column", NULL},
    };
    d = import_french(WORKERS, "id;employer;from\r\n", header, COUNT_OF(header));
    g = snplp_diagnostics_at(d, 1);
    assert_param(g, "column", SNPLP_PARAM_ID, "territory");
    assert_param(g, "file", SNPLP_PARAM_CHOICE, "workers");
    snplp_diagnostics_free(d);
}

static void bad_headers(void **state)
{
    (void)state;
    BAD(WORKERS, "unknown column", "id,profession,employer,territory,from,Unit,name\r\n", INTL,
        {SNPLP_DIAG_CSV_HEADER, 1, 39, NULL, "'Unit' is not a column of a workers file"},
        {SNPLP_DIAG_CSV_HEADER, 1, 44, NULL, "'name' is not a column"});
    BAD(WORKERS, "trailing", "id;profession;employer;territory;from;\r\n", FR,
        {SNPLP_DIAG_CSV_HEADER, 1, 39, NULL, "field 6 of the header is empty"});
    BAD(WORKERS, "twice", "id,profession,employer,territory,from,id\r\n", INTL,
        {SNPLP_DIAG_CSV_HEADER, 1, 39, NULL, "the column 'id' is named twice"});
    BAD(WORKERS, "missing",
        "id,employer,from,unit\r\nw3,e80,2020-01-01,x\r\nw4,e80,2020-13-01,\r\n", INTL,
        {SNPLP_DIAG_CSV_HEADER, 1, 22, NULL, "no column 'profession'"},
        {SNPLP_DIAG_CSV_HEADER, 1, 22, NULL, "no column 'territory'"},
        {SNPLP_DIAG_BAD_DATE, 3, 8, "w4", NULL});
    BAD(ATTENDANCE, "missing", "worker,status\r\n", INTL,
        {SNPLP_DIAG_CSV_HEADER, 1, 14, NULL,
         "no column 'session', which an attendance file requires"});
    BAD(WORKERS, "other dialect", BOM WH_FR "w3;p-aux;e80;80;2020-01-01;;;\r\n", INTL,
        {SNPLP_DIAG_CSV_HEADER, 1, 1, NULL, "the file is in the fr dialect, not in the intl"});
    BAD(ATTENDANCE, "other dialect", AH_INTL "w0,s1,attended,\r\n", FR,
        {SNPLP_DIAG_CSV_HEADER, 1, 1, NULL, "separated by ','"});
    BAD(WORKERS, "no header", "w3,p-aux,e80,80,2020-01-01\r\n", INTL,
        {SNPLP_DIAG_CSV_HEADER, 1, 1, NULL, "no field of this row names one"});
    BAD(WORKERS, "empty", "", INTL, {SNPLP_DIAG_CSV_HEADER, 1, 1, NULL, "the input is empty"});
    BAD(ATTENDANCE, "blank", "\r\n,,,\r\n", INTL,
        {SNPLP_DIAG_CSV_HEADER, 3, 1, NULL, "the input is empty"});
    BAD(WORKERS, "utf-16", "\xFF\xFEi\0d\0", INTL, {SNPLP_DIAG_CSV_ENCODING, 1, 1, NULL, "UTF-16"});
    /* too many header fields */
    char text[400] = "worker,session,status";
    for (int i = 0; i < 17; i++)
        strcat(text, ",x");
    strcat(text, "\r\n");
    snplp_records *r = sample(), *twin = sample();
    snplp_diagnostics *diags = new_diags();
    assert_int_equal(import_mem(ATTENDANCE, r, diags, text, strlen(text), INTL), SNPLP_EPARSE);
    assert_int_equal(count_code(diags, SNPLP_DIAG_CSV_HEADER), 14);
    const snplp_diagnostic *last = snplp_diagnostics_at(diags, 13);
    assert_int_equal(snplp_diagnostic_column(last), 22 + 2 * 13 + 1);
    assert_non_null(strstr(snplp_diagnostic_message(last), "at most 4 columns"));
    assert_true(snplp_records_equal(r, twin));
    snplp_diagnostics_free(diags);
    snplp_records_unref(r);
    snplp_records_unref(twin);
}

/* ---- fixtures, files, callbacks ---- */

typedef struct piece_reader {
    const char *data;
    size_t size, pos;
    size_t piece; /* bytes per call */
    long fail_at; /* the call that fails (1-based), 0 never */
    long calls;
} piece_reader;

static long read_pieces(void *user, char *buf, size_t size)
{
    piece_reader *r = user;
    r->calls++;
    if (r->calls == r->fail_at)
        return -1;
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
        o += (size_t)snprintf(s + o, cap - o, "%zu:%zu %s %s %s\n", snplp_diagnostic_line(g),
                              snplp_diagnostic_column(g),
                              snplp_diag_code_name(snplp_diagnostic_code(g)),
                              snplp_diagnostic_item_id(g) ? snplp_diagnostic_item_id(g) : "-",
                              snplp_diagnostic_message(g));
    }
    return s;
}

static int import_way(kind k, int way, snplp_records *r, snplp_diagnostics *diags, const char *path,
                      const char *data, size_t len, size_t piece, snplp_csv_dialect d)
{
    piece_reader pr = {data, len, 0, piece, 0, 0};
    switch (way) {
    case 0:
        return k == WORKERS ? snplp_csv_import_workers_memory(r, diags, data, len, path, d)
                            : snplp_csv_import_attendance_memory(r, diags, data, len, path, d);
    case 1:
        return k == WORKERS ? snplp_csv_import_workers_file(r, diags, path, d)
                            : snplp_csv_import_attendance_file(r, diags, path, d);
    default:
        return k == WORKERS
                   ? snplp_csv_import_workers_callback(r, diags, read_pieces, &pr, path, d)
                   : snplp_csv_import_attendance_callback(r, diags, read_pieces, &pr, path, d);
    }
}

/* Each fixture read from memory, from its file and through a callback giving 1 to 3 bytes (and
 * 64 KiB) at a time gives the same status, findings and records. */
static const struct {
    const char *name;
    kind k;
    snplp_csv_dialect d;
    int status;
    size_t findings;
} fixtures[] = {
    {"workers-intl.csv", WORKERS, INTL, SNPLP_OK, 0},
    {"workers-fr.csv", WORKERS, FR, SNPLP_OK, 0},
    {"workers-errors-intl.csv", WORKERS, INTL, SNPLP_EPARSE, 15},
    {"attendance-intl.csv", ATTENDANCE, INTL, SNPLP_OK, 0},
    {"attendance-fr.csv", ATTENDANCE, FR, SNPLP_OK, 0},
    {"attendance-errors-fr.csv", ATTENDANCE, FR, SNPLP_EPARSE, 9},
};

static void import_fixtures(void **state)
{
    (void)state;
    for (size_t f = 0; f < COUNT_OF(fixtures); f++) {
        char path[4096];
        fixture(path, sizeof path, fixtures[f].name);
        size_t len = 0;
        char *data = must_slurp(path, &len);
        snplp_records *first = NULL, *twin = sample();
        char *first_text = NULL;
        for (int way = 0; way < 3; way++) {
            static const size_t pieces[] = {1, 2, 3, 65536};
            for (size_t p = 0; p < (way == 2 ? COUNT_OF(pieces) : 1); p++) {
                snplp_records *r = sample();
                snplp_diagnostics *diags = new_diags();
                int rc = import_way(fixtures[f].k, way, r, diags, path, data, len, pieces[p],
                                    fixtures[f].d);
                if (rc != fixtures[f].status ||
                    snplp_diagnostics_count(diags) != fixtures[f].findings) {
                    print_error("%s (way %d): %s\n", fixtures[f].name, way, snplp_status_name(rc));
                    dump(diags);
                }
                assert_int_equal(rc, fixtures[f].status);
                assert_int_equal(snplp_diagnostics_count(diags), fixtures[f].findings);
                char *t = findings_text(diags);
                if (!first) {
                    first = r;
                    first_text = t;
                } else {
                    assert_string_equal(t, first_text);
                    assert_true(snplp_records_equal(r, first));
                    free(t);
                    snplp_records_unref(r);
                }
                snplp_diagnostics_free(diags);
            }
        }
        if (fixtures[f].status != SNPLP_OK)
            assert_true(snplp_records_equal(first, twin));
        else
            assert_false(snplp_records_equal(first, twin));
        free(first_text);
        free(data);
        snplp_records_unref(first);
        snplp_records_unref(twin);
    }
}

/* The good fixtures give what the sample says; the bad ones their findings, located. */
static void fixtures_content(void **state)
{
    (void)state;
    char path[4096];
    snplp_records *want = sample_with_workers();
    for (int d = INTL; d <= FR; d++) {
        snplp_records *r = sample();
        assert_ok(snplp_csv_import_workers_file(
            r, NULL, fixture(path, sizeof path, d == INTL ? "workers-intl.csv" : "workers-fr.csv"),
            (snplp_csv_dialect)d));
        assert_true(snplp_records_equal(r, want));
        snplp_records_unref(r);
    }
    snplp_records_unref(want);
    want = sample_with_attendance();
    for (int d = INTL; d <= FR; d++) {
        snplp_records *r = sample();
        assert_ok(snplp_csv_import_attendance_file(
            r, NULL,
            fixture(path, sizeof path, d == INTL ? "attendance-intl.csv" : "attendance-fr.csv"),
            (snplp_csv_dialect)d));
        assert_true(snplp_records_equal(r, want));
        snplp_records_unref(r);
    }
    snplp_records_unref(want);

    const finding workers[] = {
        {SNPLP_DIAG_MISSING_VALUE, 3, 1, NULL, "the id field is empty"},
        {SNPLP_DIAG_BAD_ID, 4, 1, NULL, "'1w'"},
        {SNPLP_DIAG_UNKNOWN_RECORD, 5, 10, "w3", "'e99'"},
        {SNPLP_DIAG_UNKNOWN_RECORD, 6, 10, "w4", "the employer 's1' is a session"},
        {SNPLP_DIAG_BAD_TERRITORY, 6, 13, "w4", "'8O'"},
        {SNPLP_DIAG_BAD_DATE, 6, 16, "w4", "'2021-13-01'"},
        {SNPLP_DIAG_BAD_DIPLOMA_LEVEL, 6, 28, "w4", "'9'"},
        {SNPLP_DIAG_UNKNOWN_RECORD, 7, 4, "w5", "the profession 'e80' is an employer"},
        {SNPLP_DIAG_UNTIL_BEFORE_FROM, 7, 26, "w5", NULL},
        {SNPLP_DIAG_ID_TAKEN, 8, 1, "e80", NULL},
        {SNPLP_DIAG_DUPLICATE_ROW, 9, 1, "w1", "line 2"},
        {SNPLP_DIAG_MISSING_VALUE, 10, 30, "w6", "only white space"},
        {SNPLP_DIAG_CSV_FIELD_COUNT, 11, 13, NULL, NULL},
        {SNPLP_DIAG_CSV_SYNTAX, 12, 30, NULL, NULL},
        {SNPLP_DIAG_MISSING_VALUE, 13, 17, "w9", "the from field is empty"},
    };
    const finding attendance[] = {
        {SNPLP_DIAG_UNKNOWN_RECORD, 3, 4, "w0", "'s9'"},
        {SNPLP_DIAG_UNKNOWN_RECORD, 4, 1, "w1", "'w1'"},
        {SNPLP_DIAG_UNKNOWN_RECORD, 5, 1, "e80", NULL},
        {SNPLP_DIAG_BAD_STATUS, 6, 7, "w9", "'present'"},
        {SNPLP_DIAG_BAD_NUMBER, 7, 15, "w9", "(2,5)"},
        {SNPLP_DIAG_BAD_DAYS, 8, 15, "w9", NULL},
        {SNPLP_DIAG_MISSING_VALUE, 9, 1, NULL, "the worker field is empty"},
        {SNPLP_DIAG_DUPLICATE_ROW, 10, 1, "w0", "line 2"},
        {SNPLP_DIAG_MISSING_VALUE, 11, 7, "w0", "the status field is empty"},
    };
    snplp_diagnostics *diags = new_diags();
    snplp_records *r = sample();
    assert_int_equal(snplp_csv_import_workers_file(
                         r, diags, fixture(path, sizeof path, "workers-errors-intl.csv"), INTL),
                     SNPLP_EPARSE);
    assert_findings("workers-errors-intl.csv", diags, workers, COUNT_OF(workers));
    snplp_diagnostics_clear(diags);
    assert_int_equal(snplp_csv_import_attendance_file(
                         r, diags, fixture(path, sizeof path, "attendance-errors-fr.csv"), FR),
                     SNPLP_EPARSE);
    assert_findings("attendance-errors-fr.csv", diags, attendance, COUNT_OF(attendance));
    snplp_diagnostics_free(diags);
    snplp_records_unref(r);
}

static void io_errors(void **state)
{
    (void)state;
    snplp_records *r = sample(), *twin = sample();
    snplp_diagnostics *diags = new_diags();
    assert_fails(snplp_csv_import_workers_file(r, diags, "/nonexistent/workers.csv", INTL),
                 SNPLP_EIO);
    assert_fails(snplp_csv_import_attendance_file(r, diags, "/nonexistent/a.csv", FR), SNPLP_EIO);
    assert_int_equal(count_code(diags, SNPLP_DIAG_CSV_IO), 2);
    /* a callback that fails after good rows: nothing is imported */
    snplp_diagnostics_clear(diags);
    piece_reader pr = {workers_intl, strlen(workers_intl), 0, 40, 4, 0};
    assert_fails(snplp_csv_import_workers_callback(r, diags, read_pieces, &pr, "cb", INTL),
                 SNPLP_EIO);
    assert_int_equal(snplp_diagnostics_count(diags), 1);
    assert_int_equal(snplp_diagnostic_code(snplp_diagnostics_at(diags, 0)), SNPLP_DIAG_CSV_IO);
    assert_non_null(strstr(snplp_error_last_message(), "cb:"));
    pr = (piece_reader){attendance_intl, strlen(attendance_intl), 0, 10, 3, 0};
    assert_fails(snplp_csv_import_attendance_callback(r, NULL, read_pieces, &pr, NULL, INTL),
                 SNPLP_EIO);
    assert_true(snplp_records_equal(r, twin));
    snplp_diagnostics_free(diags);
    snplp_records_unref(r);
    snplp_records_unref(twin);
}

static void bad_arguments(void **state)
{
    (void)state;
    snplp_records *r = sample();
    piece_reader pr = {"", 0, 0, 1, 0, 0};
    const snplp_csv_dialect none = SNPLP_CSV_NONE, nine = (snplp_csv_dialect)9;
    assert_fails(snplp_csv_import_workers_memory(NULL, NULL, "", 0, NULL, INTL), SNPLP_EINVAL);
    assert_fails(snplp_csv_import_workers_memory(r, NULL, NULL, 3, NULL, INTL), SNPLP_EINVAL);
    assert_fails(snplp_csv_import_workers_memory(r, NULL, "", 0, NULL, none), SNPLP_EINVAL);
    assert_fails(snplp_csv_import_workers_file(NULL, NULL, "x.csv", INTL), SNPLP_EINVAL);
    assert_fails(snplp_csv_import_workers_file(r, NULL, NULL, INTL), SNPLP_EINVAL);
    assert_fails(snplp_csv_import_workers_file(r, NULL, "x.csv", nine), SNPLP_EINVAL);
    assert_fails(snplp_csv_import_workers_callback(NULL, NULL, read_pieces, &pr, NULL, INTL),
                 SNPLP_EINVAL);
    assert_fails(snplp_csv_import_workers_callback(r, NULL, NULL, &pr, NULL, INTL), SNPLP_EINVAL);
    assert_fails(snplp_csv_import_workers_callback(r, NULL, read_pieces, &pr, NULL, nine),
                 SNPLP_EINVAL);
    assert_fails(snplp_csv_import_attendance_memory(NULL, NULL, "", 0, NULL, FR), SNPLP_EINVAL);
    assert_fails(snplp_csv_import_attendance_memory(r, NULL, "", 0, NULL, nine), SNPLP_EINVAL);
    assert_fails(snplp_csv_import_attendance_file(NULL, NULL, "x.csv", FR), SNPLP_EINVAL);
    assert_fails(snplp_csv_import_attendance_file(r, NULL, NULL, FR), SNPLP_EINVAL);
    assert_fails(snplp_csv_import_attendance_callback(NULL, NULL, read_pieces, &pr, NULL, FR),
                 SNPLP_EINVAL);
    assert_fails(snplp_csv_import_attendance_callback(r, NULL, NULL, &pr, NULL, FR), SNPLP_EINVAL);
    /* another object */
    snplp_diagnostics *diags = new_diags();
    assert_fails(snplp_csv_import_workers_memory((snplp_records *)diags, NULL, "", 0, NULL, INTL),
                 SNPLP_EINVAL);
    assert_int_equal(snplp_diagnostics_count(diags), 0);
    /* frozen records are refused before anything is read */
    snplp_records *twin = sample();
    assert_ok(snplp_records_freeze(r));
    assert_fails(
        snplp_csv_import_workers_memory(r, diags, workers_intl, strlen(workers_intl), NULL, INTL),
        SNPLP_EFROZEN);
    assert_fails(snplp_csv_import_attendance_memory(r, diags, "x", 1, NULL, INTL), SNPLP_EFROZEN);
    assert_fails(snplp_csv_import_attendance_file(r, diags, "/nonexistent/a.csv", INTL),
                 SNPLP_EFROZEN);
    assert_fails(snplp_csv_import_attendance_callback(r, diags, read_pieces, &pr, NULL, INTL),
                 SNPLP_EFROZEN);
    assert_fails(snplp_csv_import_workers_callback(r, diags, read_pieces, &pr, NULL, INTL),
                 SNPLP_EFROZEN);
    assert_fails(snplp_csv_import_workers_file(r, diags, "/nonexistent/a.csv", INTL),
                 SNPLP_EFROZEN);
    assert_int_equal(snplp_diagnostics_count(diags), 0);
    assert_true(snplp_records_equal(r, twin));
    snplp_diagnostics_free(diags);
    snplp_records_unref(r);
    snplp_records_unref(twin);
}

/* ---- limits ---- */

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

/* The limits act while reading: an input that never ends stops, with one finding, having read
 * little more than the limit. */
static void endless_inputs_stop(void **state)
{
    (void)state;
    static const struct {
        kind k;
        const char *prefix, *pattern;
        snplp_diag_code code;
        size_t findings, line, col; /* of the last finding */
        size_t most;                /* bytes read at most */
    } cases[] = {
        /* one field that never ends, unquoted; NUL bytes (/dev/zero) */
        {WORKERS, "", "a", SNPLP_DIAG_CSV_FIELD_TOO_LONG, 1, 1, 1, 3 * SNPLP_CSV_MAX_FIELD},
        {ATTENDANCE, "", "", SNPLP_DIAG_CSV_FIELD_TOO_LONG, 1, 1, 1, 3 * SNPLP_CSV_MAX_FIELD},
        /* a quoted unit over lines */
        {WORKERS, WH_INTL "w3,p-aux,e80,80,2020-01-01,,,\"", "x\n", SNPLP_DIAG_CSV_FIELD_TOO_LONG,
         1, 2, 30, 3 * SNPLP_CSV_MAX_FIELD},
        /* fields past the kept ones, empty or not */
        {ATTENDANCE, AH_INTL "w0,s1,attended,5,", ",", SNPLP_DIAG_CSV_FIELD_TOO_LONG, 1, 2, 30,
         3 * SNPLP_CSV_MAX_FIELD},
        {ATTENDANCE, AH_INTL "w0,s1,attended,5,", "a,", SNPLP_DIAG_CSV_FIELD_TOO_LONG, 1, 2, 42,
         3 * SNPLP_CSV_MAX_FIELD},
        /* blank lines, forever: the row limit */
        {ATTENDANCE, AH_INTL, "\n", SNPLP_DIAG_CSV_TOO_MANY_ROWS, 1, SNPLP_CSV_MAX_ROWS + 1, 1,
         SNPLP_CSV_MAX_ROWS + 100},
        /* the same row, forever: too many errors */
        {ATTENDANCE, AH_INTL, "w0,s1,attended,\n", SNPLP_DIAG_CSV_TOO_MANY_ERRORS,
         SNPLP_CSV_MAX_ERRORS + 1, SNPLP_CSV_MAX_ERRORS + 2, 1, 100000},
    };
    for (size_t k = 0; k < COUNT_OF(cases); k++) {
        endless_src e = {cases[k].prefix, cases[k].pattern, 0};
        snplp_records *r = sample(), *twin = sample();
        snplp_diagnostics *diags = new_diags();
        int rc = cases[k].k == WORKERS
                     ? snplp_csv_import_workers_callback(r, diags, endless, &e, "endless", INTL)
                     : snplp_csv_import_attendance_callback(r, diags, endless, &e, "endless", INTL);
        assert_int_equal(rc, SNPLP_EPARSE);
        if (snplp_diagnostics_count(diags) != cases[k].findings)
            dump(diags);
        assert_int_equal(snplp_diagnostics_count(diags), cases[k].findings);
        const snplp_diagnostic *g = snplp_diagnostics_at(diags, cases[k].findings - 1);
        assert_int_equal(snplp_diagnostic_code(g), cases[k].code);
        assert_int_equal(snplp_diagnostic_line(g), cases[k].line);
        assert_int_equal(snplp_diagnostic_column(g), cases[k].col);
        assert_true(e.given < cases[k].most + 2 * 65536);
        assert_true(snplp_records_equal(r, twin));
        snplp_diagnostics_free(diags);
        snplp_records_unref(r);
        snplp_records_unref(twin);
    }
}

/* Many rows: the tables of rows seen grow, the records' arrays and id map grow at once, and a
 * late duplicate is still found. */
static void many_rows(void **state)
{
    (void)state;
    const int n = 3000;
    size_t cap = (size_t)n * 64 + 200, o = 0;
    char *text = malloc(cap);
    assert_non_null(text);
    o += (size_t)snprintf(text + o, cap - o, WH_INTL);
    for (int i = 0; i < n; i++)
        o += (size_t)snprintf(text + o, cap - o, "m%d,p-aux,e80,80,2020-01-01,,%d,\r\n", i,
                              1 + i % 8);
    snplp_records *r = sample();
    import_ok(WORKERS, r, text, INTL);
    assert_int_equal(snplp_records_worker_count(r), 2 + (size_t)n);
    for (int i = 0; i < n; i += 97) {
        char id[16];
        snprintf(id, sizeof id, "m%d", i);
        snplp_worker *w = snplp_records_worker_find(r, id);
        assert_ptr_equal(snplp_records_worker_at(r, 2 + (size_t)i), w);
        int level = 0;
        assert_ok(snplp_worker_diploma_level(&level, w));
        assert_int_equal(level, 1 + i % 8);
    }
    assert_int_equal(snplp_records_kind_of(r, "e80"), SNPLP_RECORD_EMPLOYER);
    assert_int_equal(snplp_records_kind_of(r, "s3"), SNPLP_RECORD_SESSION);
    /* their attendance at s1 and s2 */
    size_t acap = (size_t)n * 2 * 32 + 100;
    char *att = malloc(acap);
    assert_non_null(att);
    o = (size_t)snprintf(att, acap, AH_INTL);
    for (int i = 0; i < n; i++)
        for (int s = 1; s <= 2; s++)
            o += (size_t)snprintf(att + o, acap - o, "m%d,s%d,attended,\r\n", i, s);
    import_ok(ATTENDANCE, r, att, INTL);
    assert_int_equal(snplp_records_attendance_count(r), 1 + 2 * (size_t)n);
    /* again with a late duplicate: nothing changes */
    snplp_records *twin = sample();
    import_ok(WORKERS, twin, text, INTL);
    import_ok(ATTENDANCE, twin, att, INTL);
    o += (size_t)snprintf(att + o, acap - o, "m5,s2,absent,\r\n");
    snplp_diagnostics *diags = new_diags();
    assert_int_equal(import_mem(ATTENDANCE, r, diags, att, o, INTL), SNPLP_EPARSE);
    assert_int_equal(snplp_diagnostics_count(diags), 1);
    assert_int_equal(snplp_diagnostic_line(snplp_diagnostics_at(diags, 0)), 2 + 2 * (size_t)n);
    assert_true(snplp_records_equal(r, twin));
    snplp_diagnostics_free(diags);
    free(text);
    free(att);
    snplp_records_unref(r);
    snplp_records_unref(twin);
}

/* ---- out of memory ---- */

typedef struct oom_ctx {
    kind k;
    snplp_records *r, *twin;
    const char *text;
    size_t len;
    snplp_csv_dialect d;
    bool with_diags;
    int way; /* 0 memory, 1 file (text is the path), 2 callback */
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
    int rc = import_way(c->k, c->way, c->r, diags, c->way == 1 ? c->text : "oom", c->text, c->len,
                        7, c->d);
    snplp_diagnostics_free(diags);
    return rc == SNPLP_EPARSE || rc == SNPLP_EIO ? SNPLP_OK : rc;
}

static void oom_unchanged(void *p)
{
    oom_ctx *c = p;
    assert_true(snplp_records_equal(c->r, c->twin));
}

/* Out of memory anywhere in an import leaves the records as they were and leaks nothing. */
static void out_of_memory(void **state)
{
    (void)state;
    char wpath[4096], apath[4096];
    fixture(wpath, sizeof wpath, "workers-fr.csv");
    fixture(apath, sizeof apath, "attendance-errors-fr.csv");
    const struct {
        kind k;
        const char *text;
        snplp_csv_dialect d;
        int way;
        bool changes;
    } cases[] = {
        {WORKERS, workers_intl, INTL, 0, true},
        {WORKERS, workers_fr, FR, 2, true},
        {WORKERS, wpath, FR, 1, true},
        {ATTENDANCE, attendance_intl, INTL, 2, true},
        {ATTENDANCE, attendance_fr, FR, 0, true},
        {ATTENDANCE, apath, FR, 1, false},
        {WORKERS, WH_INTL "w1,p-aux,e80,80,2021-01-04,,6,\r\n1w,,,,,,,\r\nw1,p-aux,e80,8,,,,\r\n",
         INTL, 0, false},
        {WORKERS, "/nonexistent/x.csv", INTL, 1, false},
    };
    for (size_t k = 0; k < COUNT_OF(cases); k++)
        for (int with = 0; with < 2; with++) {
            oom_ctx c = {cases[k].k, sample(), sample(),    cases[k].text, strlen(cases[k].text),
                         cases[k].d, with,     cases[k].way};
            int needed = test_oom_sweep(oom_import, oom_unchanged, &c);
            /* only a file that cannot be opened, without findings, needs no allocation */
            assert_true(needed > 0 || (!with && cases[k].way == 1 && !cases[k].changes));
            assert_true(snplp_records_equal(c.r, c.twin) == !cases[k].changes);
            snplp_records_unref(c.r);
            snplp_records_unref(c.twin);
        }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(workers_in_both_dialects),
        cmocka_unit_test(workers_columns_and_updates),
        cmocka_unit_test(attendance_in_both_dialects),
        cmocka_unit_test(workers_then_attendance),
        cmocka_unit_test(byte_order_marks_line_ends_quotes),
        cmocka_unit_test(workers_bad_rows),
        cmocka_unit_test(attendance_bad_rows),
        cmocka_unit_test(findings_in_french),
        cmocka_unit_test(bad_headers),
        cmocka_unit_test(import_fixtures),
        cmocka_unit_test(fixtures_content),
        cmocka_unit_test(io_errors),
        cmocka_unit_test(bad_arguments),
        cmocka_unit_test(endless_inputs_stop),
        cmocka_unit_test(many_rows),
        cmocka_unit_test(out_of_memory),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
