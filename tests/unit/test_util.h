/* Helpers shared by the cmocka tests (tests/unit/test_<module>.c, one file per module).
 *
 * The tests link libsnplp.a so that they can also reach the library's internal fault
 * injection (snplp__alloc_fail_after), which makes every out-of-memory path testable. */
#ifndef SNPLP_TEST_UTIL_H
#define SNPLP_TEST_UTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
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

/* A new empty referential (fails the test if it cannot be made). */
static inline snplp_referential *test_new_referential(void)
{
    snplp_referential *ref = NULL;
    assert_ok(snplp_referential_new(&ref));
    assert_non_null(ref);
    return ref;
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
