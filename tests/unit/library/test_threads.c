/* Threads (issue 8, docs/architecture.md "Process-wide state and thread safety"): 8 threads
 * start at once (a barrier) and, for several rounds, each
 *   - imports its own documents (a referential, a file of conventions and training records,
 *     from a file and from memory, by default and strictly), validates them, exports them to memory
 * and to its own files, exports and imports CSV, computes matrices and a synthesis;
 *   - reads one referential shared by all (the built-in one): getters over every theme and
 *     module, lookups, searches (the first builds the referential's search index, under its
 *     mutex), validation, export, a reference taken and dropped;
 *   - reads one list of conventions shared by all: matrices, synthesis, export;
 *   - reads one set of frozen training records shared by all: every worker, session and
 *     attendance, lookups by id, kinds of ids, equality, a reference taken and dropped;
 *   - fails a call on purpose and reads its own last error, which no other thread changes.
 * Every result must equal the one the main thread computed alone beforehand. The test is part
 * of the cmocka suite (so it also runs under valgrind and ASan) and is the one the
 * ThreadSanitizer build of tools/check runs with the thread-related tests. */
#include "test_files.h"

#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

enum { THREADS = 8, ROUNDS = 10 };

#define CONVENTIONS_FILE SNPLP_EXAMPLES_DATA_DIR "/conventions-52.xml"
#define COMPLETE_FILE    SNPLP_EXAMPLES_DATA_DIR "/complete.xml"
#define RECORDS_FILE     SNPLP_EXAMPLES_DATA_DIR "/records.xml"

/* What each thread must find: computed once by the main thread. */
typedef struct expected {
    char *shared_ref_xml; /* export of the shared referential */
    size_t shared_ref_size;
    char *complete_xml; /* export of complete.xml */
    size_t complete_size;
    char *conv_xml; /* export of conventions-52.xml */
    size_t conv_size;
    char *csv; /* CSV (fr) of conventions-52.xml */
    size_t csv_size;
    char *records_xml; /* export of records.xml */
    size_t records_size;
    char *conventions; /* conventions-52.xml itself, imported from memory */
    size_t conventions_size;
    size_t findings;        /* findings of validating conventions-52 at the date below */
    size_t search_hits;     /* hits of the query below in the shared referential */
    unsigned long titles;   /* a hash of every theme's and module's id and title */
    size_t reached;         /* reached cells of the shared list's matrices and synthesis */
    size_t shared_findings; /* findings of validating the shared referential */
    unsigned long records;  /* a hash of the shared records (records_hash()) */
} expected;

static const snplp_date AT = {2022, 6, 30};
static const char *const QUERY = "insertion professionnelle";

typedef struct worker {
    int index;
    const expected *want;
    snplp_referential *shared_ref;
    const snplp_convention_list *shared_list;
    snplp_records *shared_records; /* frozen */
    pthread_barrier_t *start;
    const char *dir;
    char failure[512]; /* the first check that failed, empty if none */
} worker;

/* Records the first failed check of a thread (cmocka's asserts are for the main thread). */
#define CHECK(w, cond)                                                                             \
    do {                                                                                           \
        if (!(cond) && !(w)->failure[0])                                                           \
            snprintf((w)->failure, sizeof(w)->failure, "thread %d, line %d: %s (last error: %s)",  \
                     (w)->index, __LINE__, #cond, snplp_error_last_message());                     \
    } while (0)

static unsigned long hash_text(unsigned long h, const char *s)
{
    for (; s && *s; s++)
        h = h * 31 + (unsigned char)*s;
    return h * 31;
}

static unsigned long titles_hash(const snplp_referential *ref)
{
    unsigned long h = 7;
    for (size_t i = 0; i < snplp_referential_theme_count(ref); i++) {
        const snplp_theme *t = snplp_referential_theme_at(ref, i);
        h = hash_text(hash_text(h, snplp_theme_id(t)), snplp_theme_title(t));
    }
    for (size_t i = 0; i < snplp_referential_module_count(ref); i++) {
        const snplp_module *m = snplp_referential_module_at(ref, i);
        h = hash_text(hash_text(h, snplp_module_id(m)), snplp_module_title(m));
        h = hash_text(h, snplp_module_theme_id(m));
    }
    return h;
}

/* Frozen training records: 40 workers, 4 sessions and the attendance of each worker at one. */
static snplp_records *shared_records_new(void)
{
    snplp_records *r = NULL;
    assert_ok(snplp_records_new(&r));
    assert_ok(snplp_records_add_employer(NULL, r, "e-52", SNPLP_EMPLOYER_DEPARTEMENT,
                                         "Conseil d\xc3\xa9partemental", "52"));
    assert_ok(snplp_records_add_training_body(NULL, r, "tb", "Institut"));
    for (int i = 0; i < 4; i++) {
        char id[16];
        snprintf(id, sizeof id, "s%d", i);
        snplp_decimal days = {10 + i * 5, 1};
        assert_ok(
            snplp_records_add_session(NULL, r, id, "m-fund", "tb", (snplp_date){2022, 3, 1 + i},
                                      (snplp_date){2022, 3, 1 + i}, days, SNPLP_MODE_ON_SITE));
    }
    for (int i = 0; i < 40; i++) {
        char id[16], session[16];
        snprintf(id, sizeof id, "w%02d", i);
        snprintf(session, sizeof session, "s%d", i % 4);
        snplp_worker *w = NULL;
        assert_ok(snplp_records_add_worker(&w, r, id, "prof-as", "e-52", "52",
                                           (snplp_date){2015 + i % 8, 1, 1}));
        assert_ok(snplp_worker_set_diploma_level(w, 5 + i % 3));
        assert_ok(snplp_records_add_attendance(NULL, r, id, session,
                                               (snplp_attendance_status)(1 + i % 5)));
    }
    assert_ok(snplp_records_freeze(r));
    return r;
}

/* A hash of what the records hold, read through the API. */
static unsigned long records_hash(const snplp_records *r)
{
    unsigned long h = 11;
    for (size_t i = 0; i < snplp_records_worker_count(r); i++) {
        const snplp_worker *w = snplp_records_worker_at(r, i);
        int level = 0;
        h = hash_text(hash_text(h, snplp_worker_id(w)), snplp_worker_territory_code(w));
        h = h * 31 + (unsigned long)snplp_worker_from(w).year;
        h = h * 31 +
            (snplp_worker_diploma_level(&level, w) == SNPLP_OK ? (unsigned long)level : 99);
    }
    for (size_t i = 0; i < snplp_records_session_count(r); i++) {
        const snplp_session *s = snplp_records_session_at(r, i);
        h = hash_text(h, snplp_session_id(s)) * 31 + (unsigned long)snplp_session_days(s).units;
    }
    for (size_t i = 0; i < snplp_records_attendance_count(r); i++) {
        const snplp_attendance *a = snplp_records_attendance_at(r, i);
        h = hash_text(hash_text(h, snplp_attendance_worker_id(a)), snplp_attendance_session_id(a));
        h = h * 31 + (unsigned long)snplp_attendance_status_of(a);
    }
    return h;
}

static size_t reached_cells(const snplp_convention_list *list, int *rc)
{
    size_t reached = 0;
    *rc = SNPLP_OK;
    for (size_t i = 0; i < snplp_convention_list_count(list); i++) {
        snplp_matrix *m = NULL;
        int r = snplp_convention_matrix(&m, snplp_convention_list_at(list, i), NULL);
        if (r != SNPLP_OK)
            *rc = r;
        reached += snplp_matrix_status_count(m, SNPLP_CELL_REACHED);
        snplp_matrix_free(m);
    }
    snplp_matrix *m = NULL;
    int r = snplp_convention_list_synthesis(&m, list, NULL, NULL);
    if (r != SNPLP_OK)
        *rc = r;
    reached += snplp_matrix_status_count(m, SNPLP_CELL_REACHED);
    snplp_matrix_free(m);
    return reached;
}

static size_t validate_at(const snplp_convention_list *list, snplp_diagnostics *diags)
{
    for (size_t i = 0; i < snplp_convention_list_count(list); i++)
        snplp_convention_validate(snplp_convention_list_at(list, i), &AT, diags);
    return snplp_diagnostics_count(diags);
}

static size_t search_hits(const snplp_referential *ref, int *rc)
{
    snplp_search_results *res = NULL;
    *rc = snplp_referential_search(&res, ref, QUERY);
    size_t n = snplp_search_results_count(res);
    snplp_search_results_free(res);
    return n;
}

static bool same_bytes(const char *a, size_t a_size, const char *b, size_t b_size)
{
    return a && b && a_size == b_size && memcmp(a, b, a_size) == 0;
}

static bool file_is(const char *path, const char *want, size_t want_size)
{
    size_t len = 0;
    char *got = slurp(path, &len);
    bool same = same_bytes(got, len, want, want_size);
    free(got);
    return same;
}

/* One round of a thread's own documents. */
static void own_documents(worker *w, int round)
{
    const expected *want = w->want;
    char path[256];
    snplp_diagnostics *diags = NULL;
    CHECK(w, snplp_diagnostics_new(&diags) == SNPLP_OK);
    snplp_import_options *strict = NULL;
    CHECK(w, snplp_import_options_new(&strict) == SNPLP_OK);
    CHECK(w, snplp_import_options_set_strict(strict, (w->index + round) % 2 == 1) == SNPLP_OK);

    /* a referential: import from the file, validate, export to memory and to a file */
    snplp_referential *ref = NULL;
    CHECK(w, snplp_referential_import_file(&ref, diags, COMPLETE_FILE, strict) == SNPLP_OK);
    CHECK(w, snplp_referential_validate(ref, diags) == SNPLP_OK);
    CHECK(w, snplp_diagnostics_count(diags) == 0);
    char *xml = NULL;
    size_t size = 0;
    CHECK(w, snplp_referential_export_memory(&xml, &size, ref) == SNPLP_OK);
    CHECK(w, same_bytes(xml, size, want->complete_xml, want->complete_size));
    snplp_free(xml);
    snprintf(path, sizeof path, "%s/referential-%d.xml", w->dir, w->index);
    CHECK(w, snplp_referential_export_file(ref, path) == SNPLP_OK);
    CHECK(w, file_is(path, want->complete_xml, want->complete_size));
    snplp_referential_unref(ref);

    /* conventions: import from memory, validate, export, CSV out and back in */
    snplp_convention_list *list = NULL;
    CHECK(w,
          snplp_conventions_import_memory(&list, diags, want->conventions, want->conventions_size,
                                          "conventions-52.xml", strict) == SNPLP_OK);
    CHECK(w, validate_at(list, diags) == want->findings);
    CHECK(w, snplp_conventions_export_memory(&xml, &size, list) == SNPLP_OK);
    CHECK(w, same_bytes(xml, size, want->conv_xml, want->conv_size));
    snplp_free(xml);
    snprintf(path, sizeof path, "%s/conventions-%d.xml", w->dir, w->index);
    CHECK(w, snplp_conventions_export_file(list, path) == SNPLP_OK);
    CHECK(w, file_is(path, want->conv_xml, want->conv_size));
    char *csv = NULL;
    CHECK(w, snplp_csv_export_memory(&csv, &size, list, SNPLP_CSV_FR) == SNPLP_OK);
    CHECK(w, same_bytes(csv, size, want->csv, want->csv_size));
    snplp_diagnostics_clear(diags);
    CHECK(w,
          snplp_csv_import_memory(list, diags, csv, size, "values.csv", SNPLP_CSV_FR) == SNPLP_OK);
    snplp_free(csv);
    int rc = SNPLP_OK;
    CHECK(w, reached_cells(list, &rc) == want->reached);
    CHECK(w, rc == SNPLP_OK);
    snplp_convention_list_free(list);

    /* training records: import from the file, export to memory */
    snplp_records *records = NULL;
    CHECK(w, snplp_records_import_file(&records, diags, RECORDS_FILE, strict) == SNPLP_OK);
    CHECK(w, snplp_records_export_memory(&xml, &size, records) == SNPLP_OK);
    CHECK(w, same_bytes(xml, size, want->records_xml, want->records_size));
    snplp_free(xml);
    snplp_records_unref(records);
    snplp_import_options_free(strict);
    snplp_diagnostics_free(diags);
}

/* One round of reading what all threads share. */
static void shared_objects(worker *w)
{
    const expected *want = w->want;
    /* a reference of its own, dropped at the end (atomic counts) */
    snplp_referential *ref = snplp_referential_ref(w->shared_ref);
    CHECK(w, ref == w->shared_ref);
    int rc = SNPLP_OK;
    CHECK(w, search_hits(ref, &rc) == want->search_hits);
    CHECK(w, rc == SNPLP_OK);
    CHECK(w, titles_hash(ref) == want->titles);
    for (size_t i = 0; i < snplp_referential_module_count(ref); i++) {
        const char *id = snplp_module_id(snplp_referential_module_at(ref, i));
        CHECK(w, snplp_referential_module_find(ref, id) == snplp_referential_module_at(ref, i));
        CHECK(w, snplp_referential_kind_of(ref, id) == SNPLP_KIND_MODULE);
    }
    snplp_diagnostics *diags = NULL;
    CHECK(w, snplp_diagnostics_new(&diags) == SNPLP_OK);
    snplp_referential_validate(ref, diags);
    CHECK(w, snplp_diagnostics_count(diags) == want->shared_findings);
    snplp_diagnostics_free(diags);
    char *xml = NULL;
    size_t size = 0;
    CHECK(w, snplp_referential_export_memory(&xml, &size, ref) == SNPLP_OK);
    CHECK(w, same_bytes(xml, size, want->shared_ref_xml, want->shared_ref_size));
    snplp_free(xml);
    snplp_referential_unref(ref);

    CHECK(w, reached_cells(w->shared_list, &rc) == want->reached);
    CHECK(w, rc == SNPLP_OK);
    CHECK(w, snplp_conventions_export_memory(&xml, &size, w->shared_list) == SNPLP_OK);
    CHECK(w, same_bytes(xml, size, want->conv_xml, want->conv_size));
    snplp_free(xml);

    snplp_records *records = snplp_records_ref(w->shared_records);
    CHECK(w, records == w->shared_records && snplp_records_is_frozen(records));
    CHECK(w, records_hash(records) == want->records);
    CHECK(w, snplp_records_equal(records, w->shared_records));
    for (size_t i = 0; i < snplp_records_worker_count(records); i++) {
        snplp_worker *x = snplp_records_worker_at(records, i);
        CHECK(w, snplp_records_worker_find(records, snplp_worker_id(x)) == x);
        CHECK(w, snplp_records_kind_of(records, snplp_worker_id(x)) == SNPLP_RECORD_WORKER);
        CHECK(w, snplp_worker_records(x) == records);
    }
    CHECK(w, snplp_records_add_training_body(NULL, records, "tb2", "X") == SNPLP_EFROZEN);
    snplp_records_unref(records);
}

/* The thread's last error is its own: a failure here, then checks after other threads ran. */
static void own_error(worker *w)
{
    char bad[32], want[48];
    snprintf(bad, sizeof bad, "%d-bad-id", w->index);
    snprintf(want, sizeof want, "'%s'", bad);
    snplp_referential *ref = NULL;
    CHECK(w, snplp_referential_new(&ref) == SNPLP_OK);
    CHECK(w, snplp_referential_add_theme(NULL, ref, bad, "Thème") == SNPLP_EBADID);
    snplp_referential_unref(ref);
    sched_yield();
    CHECK(w, snplp_error_last_code() == SNPLP_EBADID);
    CHECK(w, strstr(snplp_error_last_message(), want) != NULL);
}

static void *work(void *arg)
{
    worker *w = arg;
    pthread_barrier_wait(w->start);
    for (int round = 0; round < ROUNDS; round++) {
        /* threads start with different parts, so that different work overlaps */
        switch ((w->index + round) % 3) {
        case 0:
            own_documents(w, round);
            shared_objects(w);
            own_error(w);
            break;
        case 1:
            shared_objects(w);
            own_error(w);
            own_documents(w, round);
            break;
        default:
            own_error(w);
            own_documents(w, round);
            shared_objects(w);
            break;
        }
    }
    return NULL;
}

static void compute_expected(expected *want, const snplp_referential *shared,
                             const snplp_convention_list *shared_list,
                             const snplp_records *shared_records)
{
    want->conventions = must_slurp(CONVENTIONS_FILE, &want->conventions_size);
    assert_ok(
        snplp_referential_export_memory(&want->shared_ref_xml, &want->shared_ref_size, shared));
    snplp_referential *complete = NULL;
    assert_ok(snplp_referential_import_file(&complete, NULL, COMPLETE_FILE, NULL));
    assert_ok(snplp_referential_export_memory(&want->complete_xml, &want->complete_size, complete));
    snplp_referential_unref(complete);
    snplp_records *records = NULL;
    assert_ok(snplp_records_import_file(&records, NULL, RECORDS_FILE, NULL));
    assert_ok(snplp_records_export_memory(&want->records_xml, &want->records_size, records));
    snplp_records_unref(records);
    assert_ok(snplp_conventions_export_memory(&want->conv_xml, &want->conv_size, shared_list));
    assert_ok(snplp_csv_export_memory(&want->csv, &want->csv_size, shared_list, SNPLP_CSV_FR));
    snplp_diagnostics *diags = new_diags();
    want->findings = validate_at(shared_list, diags);
    assert_true(want->findings > 0); /* validation records findings in every thread */
    snplp_diagnostics_clear(diags);
    snplp_referential_validate(shared, diags);
    want->shared_findings = snplp_diagnostics_count(diags);
    snplp_diagnostics_free(diags);
    want->titles = titles_hash(shared);
    want->records = records_hash(shared_records);
    int rc = SNPLP_OK;
    want->reached = reached_cells(shared_list, &rc);
    assert_ok(rc);
    assert_true(want->reached > 0);
    /* the search index is not built yet: the threads' first searches race to build it; the
     * expected count comes from a copy of the referential */
    snplp_referential *copy = NULL;
    assert_ok(snplp_referential_builtin(&copy));
    want->search_hits = search_hits(copy, &rc);
    assert_ok(rc);
    assert_true(want->search_hits > 0);
    snplp_referential_unref(copy);
}

static void expected_free(expected *want)
{
    snplp_free(want->shared_ref_xml);
    snplp_free(want->complete_xml);
    snplp_free(want->conv_xml);
    snplp_free(want->csv);
    snplp_free(want->records_xml);
    free(want->conventions);
}

static void eight_threads_import_validate_export_and_share(void **state)
{
    (void)state;
    char dir[] = "/tmp/snplp-threads-XXXXXX";
    assert_non_null(mkdtemp(dir));
    snplp_referential *shared = NULL;
    assert_ok(snplp_referential_builtin(&shared));
    snplp_convention_list *shared_list = NULL;
    assert_ok(snplp_conventions_import_file(&shared_list, NULL, CONVENTIONS_FILE, NULL));
    snplp_records *shared_records = shared_records_new();
    expected want = {0};
    compute_expected(&want, shared, shared_list, shared_records);

    pthread_barrier_t start;
    assert_int_equal(pthread_barrier_init(&start, NULL, THREADS), 0);
    worker workers[THREADS];
    for (int i = 0; i < THREADS; i++)
        workers[i] = (worker){.index = i,
                              .want = &want,
                              .shared_ref = shared,
                              .shared_list = shared_list,
                              .shared_records = shared_records,
                              .start = &start,
                              .dir = dir};
    run_threads(THREADS, work, workers, sizeof workers[0], NULL);
    pthread_barrier_destroy(&start);
    for (int i = 0; i < THREADS; i++) {
        if (workers[i].failure[0])
            print_error("%s\n", workers[i].failure);
        assert_string_equal(workers[i].failure, "");
    }

    /* the shared objects are unchanged, and only the threads' own files were written */
    char *xml = NULL;
    size_t size = 0;
    assert_ok(snplp_referential_export_memory(&xml, &size, shared));
    assert_true(same_bytes(xml, size, want.shared_ref_xml, want.shared_ref_size));
    snplp_free(xml);
    char *listing = dir_listing(dir);
    text_buf names = {0};
    for (int i = 0; i < THREADS; i++) {
        char name[64];
        snprintf(name, sizeof name, "%sconventions-%d.xml", i ? "/" : "", i);
        puts_(&names, name);
    }
    for (int i = 0; i < THREADS; i++) {
        char name[64];
        snprintf(name, sizeof name, "/referential-%d.xml", i);
        puts_(&names, name);
    }
    assert_string_equal(listing, names.s);
    free(listing);
    free(names.s);
    for (int i = 0; i < THREADS; i++) {
        char path[256];
        snprintf(path, sizeof path, "%s/conventions-%d.xml", dir, i);
        assert_int_equal(unlink(path), 0);
        snprintf(path, sizeof path, "%s/referential-%d.xml", dir, i);
        assert_int_equal(unlink(path), 0);
    }
    assert_int_equal(rmdir(dir), 0);

    assert_int_equal(records_hash(shared_records), want.records);
    expected_free(&want);
    snplp_records_unref(shared_records);
    snplp_convention_list_free(shared_list);
    snplp_referential_unref(shared);
    assert_int_equal(snplp_memory_blocks(), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(eight_threads_import_validate_export_and_share),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
