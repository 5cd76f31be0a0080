/*
 * libFuzzer target for the CSV import (csv.h).
 *
 * For each input, in each dialect (intl, fr), into a list holding one small convention (c49,
 * 2019-2021, indicators i1 count, i2 percent, i3 euros, with values, one of them in 2018, before
 * the convention; the ids of tests/fixtures/csv):
 *  1. import it from memory: the status is SNPLP_OK or SNPLP_EPARSE (never SNPLP_ENOMEM for
 *     inputs this small, nor SNPLP_EINTERNAL, SNPLP_EIO or SNPLP_EINVAL), with an error finding
 *     exactly when it fails; every finding is an error with a CSV code (320-333), a line and a
 *     column of at least 1, and a message;
 *  2. when it fails: the convention is equal to an untouched twin (nothing changed);
 *  3. import it again through a read callback that hands the bytes over in pieces of 1 to 7
 *     bytes: the same status, the same findings and the same convention (chunk boundaries must
 *     not matter);
 *  4. when it succeeds: export the list in the dialect; importing that export into the imported
 *     list succeeds and changes nothing; importing it into a fresh copy of the original gives
 *     the imported list (the export carries every value); exporting that gives the same bytes.
 * Then the same bytes are imported, in each dialect, as workers and as attendance into small
 * training records (csv_records.h; the ids of tests/fixtures/csv: employers e80 and e-ccas,
 * profession p-aux, sessions s1 to s3, workers w0 and w9): the status is SNPLP_OK or SNPLP_EPARSE
 * with an error finding exactly when it fails, every finding a CSV or records code with a place;
 * a failed import changed nothing; a callback in pieces gives the same status, findings and
 * records; and a successful import, imported again, succeeds and changes nothing.
 * Any disagreement calls abort(), which libFuzzer reports as a crash. Everything is freed, so
 * LeakSanitizer catches leaks on every path.
 *
 * The same file is built without libFuzzer (replay.c provides main()) to run the committed
 * corpus (tests/fuzz/corpus-csv) and the fixtures (tests/fixtures/csv) in the regular suite.
 */
#include "fuzz.h"

#include <snplp/csv_records.h>
#include <snplp/snplp.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void fail(const char *what, snplp_csv_dialect dialect, int a, int b)
{
    fprintf(stderr, "fuzz_csv_import: %s (dialect %s: %s, %s)\n", what,
            snplp_csv_dialect_name(dialect), snplp_status_name(a), snplp_status_name(b));
    abort();
}

static void must(int rc)
{
    if (rc != SNPLP_OK) {
        fprintf(stderr, "fuzz_csv_import: setup failed: %s: %s\n", snplp_status_name(rc),
                snplp_error_last_message());
        abort();
    }
}

/* The list of one convention the inputs are read into. */
static snplp_convention_list *make_list(void)
{
    snplp_convention *c = NULL;
    snplp_indicator *i1 = NULL, *i2 = NULL, *i3 = NULL;
    snplp_convention_list *l = NULL;
    must(snplp_convention_new(&c, "c49", SNPLP_TERRITORY_DEPARTEMENT, "49", "Maine-et-Loire"));
    must(snplp_convention_set_years(c, 2019, 2021));
    must(snplp_convention_add_indicator(&i1, c, "i1", "Jeunes accompagnés", SNPLP_UNIT_COUNT));
    must(snplp_convention_add_indicator(&i2, c, "i2", "Taux de sortie", SNPLP_UNIT_PERCENT));
    must(snplp_convention_add_indicator(&i3, c, "i3", "Coût", SNPLP_UNIT_EUROS));
    must(snplp_indicator_set_target(i1, 2019, (snplp_decimal){100, 0}));
    must(snplp_indicator_set_actual(i1, 2019, (snplp_decimal){90, 0}));
    must(snplp_indicator_set_source(i1, 2019, "CAF, décembre 2019"));
    must(snplp_indicator_set_comment(i1, 2019, "Premier \"bilan\"\nsur deux lignes"));
    must(snplp_indicator_set_target(i2, 2019, (snplp_decimal){755, 1}));
    must(snplp_indicator_set_source(i2, 2020, "Pôle emploi; DARES"));
    must(snplp_indicator_set_comment(i2, 2018, "avant la convention"));
    must(snplp_indicator_set_actual(i3, 2020, (snplp_decimal){-1250, 2}));
    must(snplp_convention_list_new(&l));
    must(snplp_convention_list_add(l, c));
    snplp_convention_unref(c);
    return l;
}

/* Whether code is one an import of records may give: reading (320-326), bad-id, bad-number,
 * duplicate-row, and 280-290. */
static bool records_code(int code)
{
    return (code >= 320 && code <= 326) || code == 217 || code == 331 || code == 333 ||
           (code >= 280 && code <= 290);
}

/* The findings as text (to compare two imports), checked one by one: of the indicator values'
 * import (320-333), or of the records' when records is set. */
static char *findings_of(const snplp_diagnostics *d, snplp_csv_dialect dialect, bool records)
{
    size_t cap = 256, n = 0;
    char *s = malloc(cap);
    if (!s)
        abort();
    s[0] = '\0';
    for (size_t i = 0; i < snplp_diagnostics_count(d); i++) {
        const snplp_diagnostic *g = snplp_diagnostics_at(d, i);
        int code = (int)snplp_diagnostic_code(g);
        const char *msg = snplp_diagnostic_message(g);
        bool known = records ? records_code(code) : code >= 320 && code <= 333;
        if (snplp_diagnostic_severity(g) != SNPLP_SEVERITY_ERROR || !known ||
            snplp_diagnostic_line(g) < 1 || snplp_diagnostic_column(g) < 1 || !msg || !*msg) {
            fprintf(stderr, "fuzz_csv_import: finding %zu: %s %d %zu:%zu %s\n", i,
                    snplp_severity_name(snplp_diagnostic_severity(g)), code,
                    snplp_diagnostic_line(g), snplp_diagnostic_column(g), msg ? msg : "(null)");
            fail("a finding is not a CSV error with a place", dialect, 0, 0);
        }
        const char *conv = snplp_diagnostic_convention_id(g);
        const char *item = snplp_diagnostic_item_id(g);
        size_t need = strlen(msg) + (conv ? strlen(conv) : 1) + (item ? strlen(item) : 1) + 80;
        if (n + need >= cap) {
            while (n + need >= cap)
                cap *= 2;
            char *bigger = realloc(s, cap);
            if (!bigger)
                abort();
            s = bigger;
        }
        n += (size_t)snprintf(s + n, cap - n, "%zu:%zu %d %s %s %d %s\n", snplp_diagnostic_line(g),
                              snplp_diagnostic_column(g), code, conv ? conv : "-",
                              item ? item : "-", (int)snplp_diagnostic_year(g), msg);
    }
    return s;
}

static char *findings(const snplp_diagnostics *d, snplp_csv_dialect dialect)
{
    return findings_of(d, dialect, false);
}

/* A reader that returns 1, 2, ... 7 bytes at a time, so every chunk boundary is met. */
struct reader {
    const uint8_t *data;
    size_t size, pos, step;
};

static long read_pieces(void *user, char *buf, size_t size)
{
    struct reader *r = user;
    size_t n = r->step % 7 + 1;
    r->step++;
    if (n > size)
        n = size;
    if (n > r->size - r->pos)
        n = r->size - r->pos;
    if (n > 0) {
        memcpy(buf, r->data + r->pos, n);
        r->pos += n;
    }
    return (long)n;
}

static void check_status(int rc, const snplp_diagnostics *diags, snplp_csv_dialect dialect)
{
    if (rc != SNPLP_OK && rc != SNPLP_EPARSE)
        fail("import returned an unexpected status", dialect, rc, rc);
    size_t errors = snplp_diagnostics_count_severity(diags, SNPLP_SEVERITY_ERROR);
    if ((rc == SNPLP_OK) != (errors == 0))
        fail("the status and the findings disagree", dialect, rc, rc);
}

static void one_dialect(const uint8_t *data, size_t size, snplp_csv_dialect dialect)
{
    snplp_convention_list *list = make_list(), *twin = make_list();
    snplp_diagnostics *diags = NULL;
    must(snplp_diagnostics_new(&diags));
    int rc = snplp_csv_import_memory(list, diags, data, size, "fuzz", dialect);
    check_status(rc, diags, dialect);
    char *text = findings(diags, dialect);
    if (rc != SNPLP_OK && !snplp_convention_list_equal(list, twin))
        fail("a failed import changed the convention", dialect, rc, rc);

    /* in pieces: the same status, findings and convention */
    snplp_convention_list *pieces = make_list();
    snplp_diagnostics *pdiags = NULL;
    must(snplp_diagnostics_new(&pdiags));
    struct reader reader = {data, size, 0, 0};
    int prc = snplp_csv_import_callback(pieces, pdiags, read_pieces, &reader, "fuzz", dialect);
    check_status(prc, pdiags, dialect);
    char *ptext = findings(pdiags, dialect);
    if (prc != rc || strcmp(text, ptext) != 0) {
        fprintf(stderr, "--- from memory ---\n%s--- in pieces ---\n%s", text, ptext);
        fail("import from memory and from a read callback disagree", dialect, rc, prc);
    }
    if (!snplp_convention_list_equal(list, pieces))
        fail("import from a read callback read different values", dialect, rc, prc);
    free(ptext);
    snplp_diagnostics_free(pdiags);
    snplp_convention_list_free(pieces);

    if (rc == SNPLP_OK) {
        /* round trip */
        char *csv = NULL;
        size_t csv_size = 0;
        int erc = snplp_csv_export_memory(&csv, &csv_size, list, dialect);
        if (erc != SNPLP_OK)
            fail("export of an imported list failed", dialect, rc, erc);
        snplp_diagnostics *ediags = NULL;
        must(snplp_diagnostics_new(&ediags));
        snplp_convention_list *again = make_list();
        int arc = snplp_csv_import_memory(again, ediags, csv, csv_size, "export", dialect);
        if (arc != SNPLP_OK) {
            char *etext = findings(ediags, dialect);
            fprintf(stderr, "%s--- export ---\n%s\n", etext, csv);
            free(etext);
            fail("the export of an imported list does not import into the original", dialect, rc,
                 arc);
        }
        if (!snplp_convention_list_equal(list, again)) {
            fprintf(stderr, "--- export ---\n%s\n", csv);
            fail("export then import into the original gave other values", dialect, rc, arc);
        }
        int irc = snplp_csv_import_memory(list, NULL, csv, csv_size, "export", dialect);
        if (irc != SNPLP_OK)
            fail("the export does not import into the list it came from", dialect, rc, irc);
        if (!snplp_convention_list_equal(list, again))
            fail("importing an export into its list changed it", dialect, rc, irc);
        char *csv2 = NULL;
        size_t csv2_size = 0;
        if (snplp_csv_export_memory(&csv2, &csv2_size, again, dialect) != SNPLP_OK)
            fail("export of the re-imported list failed", dialect, rc, arc);
        if (csv2_size != csv_size || memcmp(csv, csv2, csv_size) != 0)
            fail("exporting equal lists gave different bytes", dialect, rc, arc);
        snplp_free(csv2);
        snplp_free(csv);
        snplp_diagnostics_free(ediags);
        snplp_convention_list_free(again);
    }
    free(text);
    snplp_diagnostics_free(diags);
    snplp_convention_list_free(list);
    snplp_convention_list_free(twin);
}

/* The training records the inputs are read into as workers or attendance. */
static snplp_records *make_records(void)
{
    snplp_records *r = NULL;
    snplp_worker *w = NULL;
    must(snplp_records_new(&r));
    must(snplp_records_add_employer(NULL, r, "e80", SNPLP_EMPLOYER_DEPARTEMENT,
                                    "Conseil départemental de la Somme", "80"));
    must(snplp_records_add_employer(NULL, r, "e-ccas", SNPLP_EMPLOYER_COMMUNE, "CCAS d'Amiens",
                                    "80021"));
    must(snplp_records_add_profession(NULL, r, "p-aux", SNPLP_CATEGORY_WORKER,
                                      "auxiliaires de puériculture"));
    must(snplp_records_add_training_body(NULL, r, "of1", "Institut régional"));
    for (int k = 1; k <= 3; k++) {
        char id[4] = {'s', (char)('0' + k), 0, 0};
        must(snplp_records_add_session(NULL, r, id, "m-fondamentaux", "of1",
                                       (snplp_date){2024, k, 4}, (snplp_date){2024, k, 8},
                                       (snplp_decimal){5, 0}, SNPLP_MODE_ON_SITE));
    }
    must(snplp_records_add_worker(&w, r, "w0", "assistants-service-social", "e80", "80",
                                  (snplp_date){2019, 9, 1}));
    must(snplp_worker_set_diploma_level(w, 6));
    must(snplp_worker_set_until(w, (snplp_date){2030, 1, 1}));
    must(snplp_records_add_worker(NULL, r, "w9", "p-aux", "e-ccas", "80021",
                                  (snplp_date){2023, 1, 2}));
    must(snplp_records_add_attendance(NULL, r, "w0", "s1", SNPLP_ATTENDANCE_REGISTERED));
    return r;
}

static int import_records(bool workers, snplp_records *r, snplp_diagnostics *diags,
                          const uint8_t *data, size_t size, snplp_csv_dialect dialect)
{
    return workers ? snplp_csv_import_workers_memory(r, diags, data, size, "fuzz", dialect)
                   : snplp_csv_import_attendance_memory(r, diags, data, size, "fuzz", dialect);
}

static void records_dialect(const uint8_t *data, size_t size, snplp_csv_dialect dialect,
                            bool workers)
{
    snplp_records *r = make_records(), *twin = make_records(), *pieces = make_records();
    snplp_diagnostics *diags = NULL, *pdiags = NULL;
    must(snplp_diagnostics_new(&diags));
    must(snplp_diagnostics_new(&pdiags));
    int rc = import_records(workers, r, diags, data, size, dialect);
    check_status(rc, diags, dialect);
    char *text = findings_of(diags, dialect, true);
    if (rc != SNPLP_OK && !snplp_records_equal(r, twin))
        fail("a failed import of records changed them", dialect, rc, rc);
    struct reader reader = {data, size, 0, 0};
    int prc = workers ? snplp_csv_import_workers_callback(pieces, pdiags, read_pieces, &reader,
                                                          "fuzz", dialect)
                      : snplp_csv_import_attendance_callback(pieces, pdiags, read_pieces, &reader,
                                                             "fuzz", dialect);
    check_status(prc, pdiags, dialect);
    char *ptext = findings_of(pdiags, dialect, true);
    if (prc != rc || strcmp(text, ptext) != 0) {
        fprintf(stderr, "--- from memory ---\n%s--- in pieces ---\n%s", text, ptext);
        fail("records from memory and from a read callback disagree", dialect, rc, prc);
    }
    if (!snplp_records_equal(r, pieces))
        fail("records from a read callback differ", dialect, rc, prc);
    if (rc == SNPLP_OK) {
        /* again: the rows now update what they added, with the same values */
        int arc = import_records(workers, r, NULL, data, size, dialect);
        if (arc != SNPLP_OK)
            fail("a successful import of records fails the second time", dialect, rc, arc);
        if (!snplp_records_equal(r, pieces))
            fail("importing records twice changed them", dialect, rc, arc);
    }
    free(text);
    free(ptext);
    snplp_diagnostics_free(diags);
    snplp_diagnostics_free(pdiags);
    snplp_records_unref(r);
    snplp_records_unref(twin);
    snplp_records_unref(pieces);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    one_dialect(data, size, SNPLP_CSV_INTL);
    one_dialect(data, size, SNPLP_CSV_FR);
    for (int workers = 0; workers < 2; workers++) {
        records_dialect(data, size, SNPLP_CSV_INTL, workers);
        records_dialect(data, size, SNPLP_CSV_FR, workers);
    }
    return 0;
}
