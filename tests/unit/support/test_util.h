/* Helpers shared by the cmocka tests (tests/unit/test_<module>.c, one file per module).
 *
 * The tests link libsnplp.a so that they can also reach the library's internal fault
 * injection (snplp__alloc_fail_after), which makes every out-of-memory path testable. */
#ifndef SNPLP_TEST_UTIL_H
#define SNPLP_TEST_UTIL_H

#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <snplp/snplp.h>

/* Internal to the library (alloc.h): after count allocations, every allocation fails. */
void snplp__alloc_fail_after(long count);

/* Asserts that call returns the status want. */
#define assert_status(call, want) assert_int_equal((call), (want))
/* Asserts that call succeeds, showing the library's message if it does not. */
#define assert_ok(call)                                                                            \
    do {                                                                                           \
        int rc_ = (call);                                                                          \
        if (rc_ != SNPLP_OK)                                                                       \
            print_error("%s -> %s: %s\n", #call, snplp_status_name(rc_),                           \
                        snplp_error_last_message());                                               \
        assert_int_equal(rc_, SNPLP_OK);                                                           \
    } while (0)

/* Asserts that the list of years read through count(x) and at(x, i) is years[0..n), with 0
 * past its end. */
#define assert_year_list(count, at, x, years, n)                                                   \
    do {                                                                                           \
        size_t n_ = (n);                                                                           \
        const int32_t *years_ = (years);                                                           \
        assert_int_equal(count(x), n_);                                                            \
        for (size_t i_ = 0; i_ < n_; i_++)                                                         \
            assert_int_equal(at(x, i_), years_[i_]);                                               \
        assert_int_equal(at(x, n_), 0);                                                            \
        assert_int_equal(at(x, SIZE_MAX), 0);                                                      \
    } while (0)

/* A test of a program that defines setup() and teardown(): with its fixture as state. */
#define FIXTURE_TEST(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

/* The number of elements of an array. */
#define COUNT_OF(a) (sizeof(a) / sizeof((a)[0]))

/* Asserts that call fails with code and records it as the thread's last error. */
#define assert_fails(call, code)                                                                   \
    do {                                                                                           \
        snplp_error_clear();                                                                       \
        assert_int_equal((call), (code));                                                          \
        assert_int_equal(snplp_error_last_code(), (code));                                         \
        assert_true(snplp_error_last_message()[0] != '\0');                                        \
    } while (0)

/* As assert_fails(), and the message names the function fn that failed. */
#define assert_fails_in(call, code, fn)                                                            \
    do {                                                                                           \
        assert_fails(call, code);                                                                  \
        assert_non_null(strstr(snplp_error_last_message(), fn));                                   \
    } while (0)

/* Asserts that s is the string want, NULL included. */
static inline void assert_text(const char *s, const char *want)
{
    if (!want) {
        assert_null(s);
    } else {
        assert_non_null(s);
        assert_string_equal(s, want);
    }
}

/* Texts every setter must refuse with SNPLP_EENCODING: bad bytes, truncated, overlong and
 * surrogate sequences, code points above U+10FFFF, C0 controls, U+FFFE and U+FFFF. */
static const char *const test_bad_texts[] = {
    "\xff",   "abc\xc3", "\xc3\x28",     "\xc0\xaf",     "\xed\xa0\x80", "\xf4\x90\x80\x80",
    "a\x01z", "a\x1bz",  "\xef\xbf\xbe", "\xef\xbf\xbf",
};

/* unit repeated n times, in a buffer the caller frees with free(). */
static inline char *test_long_text(const char *unit, size_t n)
{
    size_t len = strlen(unit);
    char *s = malloc(len * n + 1);
    assert_non_null(s);
    for (size_t i = 0; i < n; i++)
        memcpy(s + len * i, unit, len);
    s[len * n] = '\0';
    return s;
}

/* Writes an id of len letters 'a' into buf (len + 1 bytes). */
static inline void test_long_id(char *buf, size_t len)
{
    memset(buf, 'a', len);
    buf[len] = '\0';
}

/* Runs fn in n threads at once (64 at most), the i-th given args + i * arg_size (the same
 * args to all when arg_size is 0), and waits for them all; with results, what the i-th returned
 * goes to results[i]. */
static inline void run_threads(int n, void *(*fn)(void *), void *args, size_t arg_size,
                               void **results)
{
    pthread_t threads[64];
    assert_true(n > 0 && n <= 64);
    for (int i = 0; i < n; i++)
        assert_int_equal(pthread_create(&threads[i], NULL, fn, (char *)args + (size_t)i * arg_size),
                         0);
    for (int i = 0; i < n; i++)
        assert_int_equal(pthread_join(threads[i], results ? &results[i] : NULL), 0);
}

/* Runs fn in n threads at once (64 at most), each given an int of its own that fn sets to 1 when
 * all went well; fails the test unless every thread says so. */
static inline void run_threads_ok(int n, void *(*fn)(void *))
{
    int ok[64] = {0};
    run_threads(n, fn, ok, sizeof ok[0], NULL);
    for (int i = 0; i < n; i++)
        assert_int_equal(ok[i], 1);
}

/* The built-in referential (fails the test if it cannot be made). */
static inline snplp_referential *test_builtin(void)
{
    snplp_referential *ref = NULL;
    assert_ok(snplp_referential_builtin(&ref));
    assert_non_null(ref);
    return ref;
}

/* A new empty list of findings (fails the test if it cannot be made). */
static inline snplp_diagnostics *new_diags(void)
{
    snplp_diagnostics *d = NULL;
    assert_ok(snplp_diagnostics_new(&d));
    assert_non_null(d);
    return d;
}

/* A new empty referential (fails the test if it cannot be made). */
static inline snplp_referential *test_new_referential(void)
{
    snplp_referential *ref = NULL;
    assert_ok(snplp_referential_new(&ref));
    assert_non_null(ref);
    return ref;
}

/* A value read through the getter get(&value, obj): the read succeeds and gives want (printed
 * if not). */
#define ASSERT_READ(type, get, obj, want)                                                          \
    do {                                                                                           \
        type got_ = 0;                                                                             \
        assert_ok(get(&got_, obj));                                                                \
        if (!(got_ == (want)))                                                                     \
            print_error("%s: got %.17g, want %.17g\n", #get, (double)got_, (double)(want));        \
        assert_true(got_ == (want));                                                               \
    } while (0)

/* The strategy's budget, the funding's amount (cents), the rule's minimum level, the module's
 * duration and the plan's longest module (days). */
static inline void assert_budget_cents(const snplp_strategy *s, int64_t want)
{
    ASSERT_READ(int64_t, snplp_strategy_budget_cents, s, want);
}
static inline void assert_amount_cents(const snplp_funding *f, int64_t want)
{
    ASSERT_READ(int64_t, snplp_funding_amount_cents, f, want);
}
static inline void assert_min_level(const snplp_diploma_rule *r, int want)
{
    ASSERT_READ(int, snplp_diploma_rule_min_level, r, want);
}
static inline void assert_duration_days(const snplp_module *m, double want)
{
    ASSERT_READ(double, snplp_module_duration_days, m, want);
}
static inline void assert_max_module_days(const snplp_training_plan *tp, double want)
{
    ASSERT_READ(double, snplp_training_plan_max_module_days, tp, want);
}

/* A cmocka teardown: leaves allocation as normal whatever a failing out-of-memory test left. */
static inline int test_allow_allocations(void **state)
{
    (void)state;
    snplp__alloc_fail_after(-1);
    return 0;
}

/*
 * Out-of-memory sweep: runs step(ctx) with the N-th allocation failing, for N = 0, 1, 2...
 * until step succeeds. Every failing run must return SNPLP_ENOMEM and leave the library's
 * memory exactly as before (nothing leaked, nothing half-added: check() is called after each
 * failing run to assert that the data is unchanged, and may be NULL). Returns the number of
 * failing runs (the allocations the step needs), so a test can assert it is above 0.
 */
typedef int (*test_step)(void *ctx);
typedef void (*test_check)(void *ctx);

static inline int test_oom_sweep(test_step step, test_check check, void *ctx)
{
    for (long n = 0;; n++) {
        size_t before = snplp_memory_used();
        snplp__alloc_fail_after(n);
        int rc = step(ctx);
        snplp__alloc_fail_after(-1);
        if (rc == SNPLP_OK)
            return (int)n;
        assert_int_equal(rc, SNPLP_ENOMEM);
        assert_int_equal(snplp_error_last_code(), SNPLP_ENOMEM);
        assert_int_equal(snplp_memory_used(), before);
        if (check)
            check(ctx);
        assert_true(n < 100000);
    }
}

#endif
