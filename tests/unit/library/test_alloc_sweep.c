/* The allocation-failure sweep (issue 8), in the style of SQLite's: one run of the library's
 * whole pipeline on small representative files (the built-in referential's source
 * libsnplp/data/referential.xml, the example referential examples/data/complete.xml, which
 * holds every kind of item, and the example conventions examples/data/conventions-52.xml):
 *
 *   import both referentials, validate them, export the first over an existing file; import
 *   the conventions (strict: with the XSD), validate each on 2022-06-30 (findings: actual
 *   values missing from reports due), export them over an existing file;
 *   the matrix of each convention, the synthesis of all; export the values as CSV (fr) and
 *   import that CSV back into the conventions;
 *   import training records (tests/fixtures/cli/records-small.xml), validate them against the
 *   built-in referential, their coverage by every axis, the modules each worker may take next,
 *   merge an attendance CSV into them, export them over an existing file.
 *
 * A first run through an embedder's allocator (snplp_set_allocator(), test_allocator.h) counts
 * the requests the pipeline makes (malloc and realloc: about 1 100). Then, for every N from
 * 1 to that total (every one, not a sample), the pipeline runs again with an allocator that
 * refuses the N-th request only, and the test requires:
 *   - the step that made the N-th request returns SNPLP_ENOMEM (and the thread's last error
 *     is SNPLP_ENOMEM); every step before it returns what it returned in the counting run;
 *   - once every object is freed, the allocator has got every block back and the library's
 *     counters (blocks, bytes) are at zero: nothing leaks;
 *   - each exported file is either the untouched old file (the export failed or did not run)
 *     or the complete new export, and no temporary file is left next to it.
 * libxml2's and ICU's own allocations are not governed by snplp_set_allocator() and do not
 * fail here. */
#include "test_allocator.h"
#include "test_files.h"

#include <unistd.h>

/* training records read with the built-in referential without any finding */
#define RECORDS_SMALL SNPLP_EXAMPLES_DATA_DIR "/../../tests/fixtures/cli/records-small.xml"

enum step {
    REF_IMPORT,
    REF_VALIDATE,
    REF_EXPORT,
    CONV_IMPORT,
    CONV_VALIDATE,
    CONV_EXPORT,
    MATRIX,
    SYNTHESIS,
    CSV_EXPORT,
    CSV_IMPORT,
    RECORDS_IMPORT,
    RECORDS_VALIDATE,
    COVERAGE,
    ELIGIBILITY,
    RECORDS_CSV,
    RECORDS_EXPORT,
    STEPS
};

static const char *const step_names[STEPS] = {
    "referential import",
    "referential validation",
    "referential export",
    "conventions import",
    "conventions validation",
    "conventions export",
    "matrices",
    "synthesis",
    "CSV export",
    "CSV import",
    "records import",
    "records validation",
    "coverage",
    "eligibility",
    "attendance CSV import",
    "records export",
};

#define OLD_CONTENT "an older file, that a failed export must leave as it is\n"

typedef struct run {
    char dir[64];
    char ref_out[96];
    char conv_out[96];
    char rec_out[96];
    int rc[STEPS];       /* what each step returned (0 for the steps not run) */
    size_t matrix_cells; /* statuses counted over all matrices and the synthesis */
    size_t records_rows; /* coverage rows and modules proposed */
    const test_allocator *alloc;
    size_t last_request[STEPS]; /* the allocator's request count at the end of each step */
} run;

/* Runs the pipeline until a step fails; returns that step, or STEPS if none failed. Frees
 * everything it made. */
static enum step pipeline(run *r)
{
    memset(r->rc, 0, sizeof r->rc);
    memset(r->last_request, 0, sizeof r->last_request);
    r->matrix_cells = 0;
    r->records_rows = 0;
    enum step failed = STEPS;
    snplp_referential *ref = NULL;
    snplp_referential *complete = NULL;
    snplp_convention_list *list = NULL;
    snplp_records *records = NULL;
    snplp_diagnostics *diags = NULL;
    snplp_import_options *strict = NULL;
    char *csv = NULL;
    size_t csv_size = 0;
    /* the reports on 2021 are due and some actual values are missing: findings to record */
    const snplp_date at = {2022, 6, 30};

/* runs call for the step s unless a step failed; a validation's SNPLP_EVALIDATION (errors
 * found, as at this date) is its normal result, not a failure */
#define STEP(s, call)                                                                              \
    do {                                                                                           \
        if (failed != STEPS)                                                                       \
            break;                                                                                 \
        r->rc[s] = (call);                                                                         \
        r->last_request[s] = r->alloc->requests;                                                   \
        if (r->rc[s] != SNPLP_OK && !(r->rc[s] == SNPLP_EVALIDATION && s == CONV_VALIDATE))        \
            failed = s;                                                                            \
    } while (0)

    /* the lists of findings and the options are the library's too: their failures count */
    STEP(REF_IMPORT, snplp_diagnostics_new(&diags));
    STEP(REF_IMPORT, snplp_referential_import_file(&ref, diags, SNPLP_REFERENTIAL_DATA, NULL));
    STEP(REF_IMPORT, snplp_referential_import_file(&complete, diags,
                                                   SNPLP_EXAMPLES_DATA_DIR "/complete.xml", NULL));
    STEP(REF_VALIDATE, snplp_referential_validate(ref, diags));
    STEP(REF_VALIDATE, snplp_referential_validate(complete, diags));
    STEP(REF_EXPORT, snplp_referential_export_file(ref, r->ref_out));
    STEP(CONV_IMPORT, snplp_import_options_new(&strict));
    STEP(CONV_IMPORT, snplp_import_options_set_strict(strict, true));
    STEP(CONV_IMPORT, snplp_conventions_import_file(
                          &list, diags, SNPLP_EXAMPLES_DATA_DIR "/conventions-52.xml", strict));
    for (size_t i = 0; failed == STEPS && i < snplp_convention_list_count(list); i++)
        STEP(CONV_VALIDATE,
             snplp_convention_validate(snplp_convention_list_at(list, i), &at, diags));
    STEP(CONV_EXPORT, snplp_conventions_export_file(list, r->conv_out));
    for (size_t i = 0; failed == STEPS && i < snplp_convention_list_count(list); i++) {
        snplp_matrix *m = NULL;
        STEP(MATRIX, snplp_convention_matrix(&m, snplp_convention_list_at(list, i), NULL));
        r->matrix_cells += snplp_matrix_status_count(m, SNPLP_CELL_REACHED);
        snplp_matrix_free(m);
    }
    if (failed == STEPS) {
        snplp_matrix *m = NULL;
        STEP(SYNTHESIS, snplp_convention_list_synthesis(&m, list, NULL, diags));
        r->matrix_cells += snplp_matrix_status_count(m, SNPLP_CELL_REACHED);
        snplp_matrix_free(m);
    }
    STEP(CSV_EXPORT, snplp_csv_export_memory(&csv, &csv_size, list, SNPLP_CSV_FR));
    STEP(CSV_IMPORT,
         snplp_csv_import_memory(list, diags, csv, csv_size, "values.csv", SNPLP_CSV_FR));
    STEP(RECORDS_IMPORT, snplp_records_import_file(&records, diags, RECORDS_SMALL, NULL));
    STEP(RECORDS_VALIDATE, snplp_records_validate(records, ref, diags));
    if (failed == STEPS) {
        snplp_coverage *c = NULL;
        STEP(COVERAGE, snplp_records_coverage(
                           &c, records, ref, (snplp_date){2021, 1, 1}, (snplp_date){2021, 12, 31},
                           SNPLP_COVERAGE_BY_THEME | SNPLP_COVERAGE_BY_PLAN |
                               SNPLP_COVERAGE_BY_PROFESSION | SNPLP_COVERAGE_BY_TERRITORY));
        r->records_rows = snplp_coverage_row_count(c);
        snplp_coverage_free(c);
    }
    for (size_t i = 0; failed == STEPS && i < snplp_records_worker_count(records); i++) {
        snplp_eligibility_list *l = NULL;
        STEP(ELIGIBILITY,
             snplp_records_next_modules(&l, records, ref,
                                        snplp_worker_id(snplp_records_worker_at(records, i)), at));
        r->records_rows += snplp_eligibility_list_count(l);
        snplp_eligibility_list_free(l);
    }
    static const char attendance_csv[] = "worker,session,status,days\n"
                                         "w2,s-f1,attended,3\n"
                                         "w6,s-f1,cancelled,\n";
    STEP(RECORDS_CSV, snplp_csv_import_attendance_memory(records, diags, attendance_csv,
                                                         sizeof attendance_csv - 1,
                                                         "attendance.csv", SNPLP_CSV_INTL));
    STEP(RECORDS_EXPORT, snplp_records_export_file(records, r->rec_out));
#undef STEP

    snplp_free(csv);
    snplp_records_unref(records);
    snplp_import_options_free(strict);
    snplp_convention_list_free(list);
    snplp_referential_unref(complete);
    snplp_referential_unref(ref);
    snplp_diagnostics_free(diags);
    return failed;
}

static void write_old(const char *path)
{
    FILE *fp = fopen(path, "wb");
    assert_non_null(fp);
    assert_true(fputs(OLD_CONTENT, fp) >= 0);
    assert_int_equal(fclose(fp), 0);
}

static void sweep_every_allocation_of_the_pipeline(void **state)
{
    (void)state;
    assert_int_equal(snplp_memory_blocks(), 0);
    run r = {0};
    strcpy(r.dir, "/tmp/snplp-sweep-XXXXXX");
    assert_non_null(mkdtemp(r.dir));
    snprintf(r.ref_out, sizeof r.ref_out, "%s/referential.xml", r.dir);
    snprintf(r.conv_out, sizeof r.conv_out, "%s/conventions.xml", r.dir);
    snprintf(r.rec_out, sizeof r.rec_out, "%s/records.xml", r.dir);

    /* the counting run: every step succeeds; its exports are the "new" files */
    write_old(r.ref_out);
    write_old(r.conv_out);
    write_old(r.rec_out);
    test_allocator a = {0};
    r.alloc = &a;
    assert_ok(test_allocator_install(&a));
    enum step failed = pipeline(&r);
    if (failed != STEPS)
        print_error("counting run: %s -> %s: %s\n", step_names[failed],
                    snplp_status_name(r.rc[failed]), snplp_error_last_message());
    assert_int_equal(failed, STEPS);
    const size_t total = a.requests;
    const size_t cells = r.matrix_cells;
    const size_t records_rows = r.records_rows;
    assert_int_equal(a.live, 0);
    size_t counted[STEPS];
    memcpy(counted, r.last_request, sizeof counted);
    int counted_rc[STEPS];
    memcpy(counted_rc, r.rc, sizeof counted_rc);
    assert_int_equal(counted_rc[CONV_VALIDATE], SNPLP_EVALIDATION); /* findings recorded */
    print_message("the pipeline makes %zu requests; the last one of each step:", total);
    for (int s = 0; s < STEPS; s++)
        print_message(" %s %zu%s", step_names[s], counted[s], s + 1 < STEPS ? "," : "\n");
    assert_true(total > 1000); /* a representative run */
    assert_true(cells > 0);
    assert_true(records_rows > 0);
    char *new_ref = must_slurp(r.ref_out, NULL);
    char *new_conv = must_slurp(r.conv_out, NULL);
    char *new_rec = must_slurp(r.rec_out, NULL);
    assert_string_not_equal(new_rec, OLD_CONTENT);
    assert_string_not_equal(new_ref, OLD_CONTENT);
    assert_string_not_equal(new_conv, OLD_CONTENT);

    size_t failures_per_step[STEPS] = {0};
    for (size_t n = 1; n <= total; n++) {
        write_old(r.ref_out);
        write_old(r.conv_out);
        write_old(r.rec_out);
        a = (test_allocator){.fail_at = n};
        snplp_error_clear();
        failed = pipeline(&r);
        if (failed == STEPS || r.rc[failed] != SNPLP_ENOMEM || a.refusals != 1 || a.live != 0 ||
            snplp_memory_blocks() != 0 || snplp_memory_used() != 0 ||
            snplp_error_last_code() != SNPLP_ENOMEM)
            print_error("request %zu of %zu refused: failed step %s (%s), refusals %zu, blocks "
                        "left %zu (library %zu, %zu bytes), last error %s: %s\n",
                        n, total, failed == STEPS ? "none" : step_names[failed],
                        failed == STEPS ? "-" : snplp_status_name(r.rc[failed]), a.refusals, a.live,
                        snplp_memory_blocks(), snplp_memory_used(),
                        snplp_status_name(snplp_error_last_code()), snplp_error_last_message());
        if (failed == STEPS)
            for (int s = 0; s < STEPS; s++)
                if (n <= counted[s]) {
                    print_error("the refused request %zu was made by the step %s, which "
                                "succeeded\n",
                                n, step_names[s]);
                    break;
                }
        assert_int_not_equal(failed, STEPS);
        assert_int_equal(r.rc[failed], SNPLP_ENOMEM);
        assert_int_equal(snplp_error_last_code(), SNPLP_ENOMEM);
        assert_int_equal(a.refusals, 1);
        assert_int_equal(a.live, 0);
        assert_int_equal(snplp_memory_blocks(), 0);
        assert_int_equal(snplp_memory_used(), 0);
        for (int s = 0; s < (int)failed; s++)
            assert_int_equal(r.rc[s], counted_rc[s]);
        failures_per_step[failed]++;

        /* each file is the old one or the complete new export; nothing else is left */
        char *ref_file = must_slurp(r.ref_out, NULL);
        char *conv_file = must_slurp(r.conv_out, NULL);
        assert_string_equal(ref_file, failed <= REF_EXPORT ? OLD_CONTENT : new_ref);
        assert_string_equal(conv_file, failed <= CONV_EXPORT ? OLD_CONTENT : new_conv);
        char *rec_file = must_slurp(r.rec_out, NULL);
        assert_string_equal(rec_file, failed <= RECORDS_EXPORT ? OLD_CONTENT : new_rec);
        free(ref_file);
        free(conv_file);
        free(rec_file);
        char *listing = dir_listing(r.dir);
        assert_string_equal(listing, "conventions.xml/records.xml/referential.xml");
        free(listing);
    }
    assert_ok(snplp_set_allocator(NULL, NULL, NULL, NULL));

    /* every step was reached by some refusal */
    for (int s = 0; s < STEPS; s++) {
        if (failures_per_step[s] == 0)
            print_error("no refused request fell in the step %s\n", step_names[s]);
        assert_true(failures_per_step[s] > 0);
    }
    print_message("%zu requests, each refused in turn:", total);
    for (int s = 0; s < STEPS; s++)
        print_message(" %s %zu%s", step_names[s], failures_per_step[s], s + 1 < STEPS ? "," : "\n");

    free(new_ref);
    free(new_conv);
    free(new_rec);
    assert_int_equal(unlink(r.ref_out), 0);
    assert_int_equal(unlink(r.conv_out), 0);
    assert_int_equal(unlink(r.rec_out), 0);
    assert_int_equal(rmdir(r.dir), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(sweep_every_allocation_of_the_pipeline),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
