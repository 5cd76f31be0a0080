/* What the tests of records.h share (tests/unit/model/records/test_*.c): a fixture of records
 * holding one record of every kind and a copy built the same way, so that a test can assert
 * that a failing call changed nothing (snplp_records_equal() with the copy) and that all memory
 * comes back; the objects of every other type, for the tests of wrong objects; and the
 * out-of-memory sweep of an operation. Every function is static inline. */
#ifndef SNPLP_TEST_RECORDS_TEST_H
#define SNPLP_TEST_RECORDS_TEST_H

#include "test_values.h"

#include <stdio.h>

/* "auxiliaires de puériculture", decomposed (NFD) and composed (NFC). */
#define AP_NFD "auxiliaires de pue\xcc\x81riculture"
#define AP_NFC "auxiliaires de pu\xc3\xa9riculture"

/* Records with, in order: the declared profession p-ap, the employer e-80, the worker w1, the
 * training body tb1, the session s1 (m-fund by tb1, 1 to 5 March 2021, 5 days, on site) and
 * the attendance of w1 at s1 (attended). */
static inline snplp_records *rec_build(void)
{
    snplp_records *r = NULL;
    assert_ok(snplp_records_new(&r));
    assert_ok(snplp_records_add_profession(NULL, r, "p-ap", SNPLP_CATEGORY_WORKER, AP_NFC));
    assert_ok(snplp_records_add_employer(NULL, r, "e-80", SNPLP_EMPLOYER_DEPARTEMENT,
                                         "Conseil d\xc3\xa9partemental de la Somme", "80"));
    assert_ok(snplp_records_add_worker(NULL, r, "w1", "p-ap", "e-80", "80", date(2020, 1, 6)));
    assert_ok(snplp_records_add_training_body(NULL, r, "tb1", "Institut r\xc3\xa9gional"));
    assert_ok(snplp_records_add_session(NULL, r, "s1", "m-fund", "tb1", date(2021, 3, 1),
                                        date(2021, 3, 5), dec(5, 0), SNPLP_MODE_ON_SITE));
    assert_ok(snplp_records_add_attendance(NULL, r, "w1", "s1", SNPLP_ATTENDANCE_ATTENDED));
    return r;
}

/* The objects of the fixture, by type. */
enum {
    REC_ROOT,
    REC_PROFESSION,
    REC_EMPLOYER,
    REC_WORKER,
    REC_BODY,
    REC_SESSION,
    REC_ATTENDANCE,
    REC_TYPES
};

typedef struct rec_fixture {
    snplp_records *r, *copy; /* copy: built the same way, changed only by the test */
    snplp_record_profession *p;
    snplp_employer *e;
    snplp_worker *w;
    snplp_training_body *b;
    snplp_session *s;
    snplp_attendance *a;
    void *objects[REC_TYPES]; /* r, p, e, w, b, s, a */
    snplp_convention *conv;   /* an object of another model */
    size_t memory;            /* the memory used before the fixture */
} rec_fixture;

static inline int rec_setup(void **state)
{
    rec_fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    f->memory = snplp_memory_used();
    f->r = rec_build();
    f->copy = rec_build();
    f->p = snplp_records_profession_at(f->r, 0);
    f->e = snplp_records_employer_at(f->r, 0);
    f->w = snplp_records_worker_at(f->r, 0);
    f->b = snplp_records_training_body_at(f->r, 0);
    f->s = snplp_records_session_at(f->r, 0);
    f->a = snplp_records_attendance_at(f->r, 0);
    void *objects[REC_TYPES] = {f->r, f->p, f->e, f->w, f->b, f->s, f->a};
    memcpy(f->objects, objects, sizeof objects);
    assert_ok(snplp_convention_new(&f->conv, "c80", SNPLP_TERRITORY_DEPARTEMENT, "80", "Somme"));
    *state = f;
    return 0;
}

static inline int rec_teardown(void **state)
{
    rec_fixture *f = *state;
    snplp__alloc_fail_after(-1);
    snplp_records_unref(f->r);
    snplp_records_unref(f->copy);
    snplp_convention_unref(f->conv);
    assert_int_equal(snplp_memory_used(), f->memory);
    free(f);
    return 0;
}

#define REC_TEST(fn) cmocka_unit_test_setup_teardown(fn, rec_setup, rec_teardown)

/* Asserts that the records are still equal to their copy. */
#define assert_unchanged(f) assert_true(snplp_records_equal((f)->r, (f)->copy))

/* call fails with code, recorded as the thread's last error by the public function fn, and
 * the records are unchanged. */
#define assert_refused(f, call, code, fn)                                                          \
    do {                                                                                           \
        assert_fails_in(call, code, fn);                                                           \
        assert_string_equal(snplp_error_last_function(), fn);                                      \
        assert_unchanged(f);                                                                       \
    } while (0)

/* call (a lookup) gives NULL and records code for the public function fn, its message naming
 * what (NULL: nothing to name). */
#define assert_miss(call, code, fn, what)                                                          \
    do {                                                                                           \
        snplp_error_clear();                                                                       \
        assert_null(call);                                                                         \
        assert_int_equal(snplp_error_last_code(), (code));                                         \
        assert_string_equal(snplp_error_last_function(), (fn));                                    \
        if (what)                                                                                  \
            assert_message_has(what);                                                              \
    } while (0)

/* The wrong objects for a function of the type own (REC_...): NULL, a convention, and every
 * object of the fixture of another type; rec_wrong_at(f, own, i) is the i-th of the
 * REC_WRONG_COUNT of them. */
#define REC_WRONG_COUNT (REC_TYPES + 1)
static inline void *rec_wrong_at(const rec_fixture *f, int own, size_t i)
{
    if (i == 0)
        return NULL;
    if (i == 1)
        return f->conv;
    size_t k = i - 2;
    return f->objects[(int)k < own ? k : k + 1];
}

/* Runs the statement that follows once for each wrong object x (a T *) of the type own. */
#define FOR_WRONG(f, own, T, x)                                                                    \
    for (size_t i_ = 0; i_ < REC_WRONG_COUNT; i_++)                                                \
        for (T *x = rec_wrong_at((f), (own), i_); x != (T *)(void *)&i_; x = (T *)(void *)&i_)

/* ---- out of memory ---- */

/* An operation on records: its i-th step. */
typedef int (*rec_op)(snplp_records *r, int i);

typedef struct rec_oom_ctx {
    snplp_records *r, *copy;
    rec_op op;
    int i;
} rec_oom_ctx;

static inline int rec_oom_step(void *p)
{
    rec_oom_ctx *x = p;
    return x->op(x->r, x->i);
}

static inline void rec_oom_check(void *p)
{
    rec_oom_ctx *x = p;
    assert_true(snplp_records_equal(x->r, x->copy));
}

/* Runs op(i) for i = 0..n-1 under an out-of-memory sweep on r, and plainly on copy after each
 * success, every failing run leaving r equal to copy; returns the number of steps that
 * allocated. */
static inline int rec_sweep(snplp_records *r, snplp_records *copy, rec_op op, int n)
{
    int allocating = 0;
    for (int i = 0; i < n; i++) {
        assert_true(snplp_records_equal(r, copy));
        rec_oom_ctx x = {r, copy, op, i};
        allocating += test_oom_sweep(rec_oom_step, rec_oom_check, &x) > 0;
        assert_ok(op(copy, i));
        assert_true(snplp_records_equal(r, copy));
    }
    return allocating;
}

#endif
