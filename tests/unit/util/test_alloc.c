/* Tests of alloc.h: the embedder's allocator, the counters of blocks and bytes held by
 * libsnplp, their peak, and snplp_free(). */
#include "test_allocator.h"
#include "test_util.h"

#include <pthread.h>
#include <stdio.h>

/* A referential holds memory while it lives and gives all of it back when it is freed. */
static void used_rises_while_a_referential_lives(void **state)
{
    (void)state;
    size_t base = snplp_memory_used();
    snplp_referential *ref = test_new_referential();
    size_t with_ref = snplp_memory_used();
    assert_true(with_ref > base);

    assert_ok(snplp_referential_add_theme(NULL, ref, "theme-1", "Insertion"));
    size_t with_theme = snplp_memory_used();
    assert_true(with_theme > with_ref);

    snplp_referential_unref(ref);
    assert_int_equal(snplp_memory_used(), base);
}

/* While another reference is held, dropping one reference frees nothing. */
static void used_stays_while_a_reference_is_held(void **state)
{
    (void)state;
    size_t base = snplp_memory_used();
    snplp_referential *ref = test_new_referential();
    size_t with_ref = snplp_memory_used();
    assert_ptr_equal(snplp_referential_ref(ref), ref);
    snplp_referential_unref(ref);
    assert_int_equal(snplp_memory_used(), with_ref);
    snplp_referential_unref(ref);
    assert_int_equal(snplp_memory_used(), base);
}

static void peak_is_at_least_used(void **state)
{
    (void)state;
    assert_true(snplp_memory_peak() >= snplp_memory_used());
    snplp_referential *ref = test_new_referential();
    assert_true(snplp_memory_peak() >= snplp_memory_used());
    snplp_referential_unref(ref);
    assert_true(snplp_memory_peak() >= snplp_memory_used());
}

/* The peak remembers the high-water mark of one operation until it is reset. */
static void reset_peak_measures_one_operation(void **state)
{
    (void)state;
    size_t base = snplp_memory_used();
    snplp_memory_reset_peak();
    assert_int_equal(snplp_memory_peak(), base);

    snplp_referential *ref = test_new_referential();
    assert_ok(snplp_referential_add_theme(NULL, ref, "theme-1", "Insertion"));
    size_t high = snplp_memory_used();
    assert_true(high > base);
    assert_int_equal(snplp_memory_peak(), high);

    snplp_referential_unref(ref);
    assert_int_equal(snplp_memory_used(), base);
    /* The peak of the operation is kept after the memory is given back... */
    assert_int_equal(snplp_memory_peak(), high);
    /* ...until the next reset, which sets it to the current use. */
    snplp_memory_reset_peak();
    assert_int_equal(snplp_memory_peak(), base);
}

/* A buffer handed over by the library is counted until snplp_free() gives it back. */
static void free_returns_a_handed_over_buffer(void **state)
{
    (void)state;
    size_t base = snplp_memory_used();
    char *folded = NULL;
    assert_ok(snplp_text_fold(&folded, "Cœur de l'Insertion"));
    assert_non_null(folded);
    assert_string_equal(folded, "coeurdelinsertion");
    assert_true(snplp_memory_used() > base);
    snplp_free(folded);
    assert_int_equal(snplp_memory_used(), base);
}

static void free_null_is_a_noop(void **state)
{
    (void)state;
    /* A failure recorded before is not touched by snplp_free(NULL). */
    assert_status(snplp_diagnostics_new(NULL), SNPLP_EINVAL);
    size_t used = snplp_memory_used();
    size_t peak = snplp_memory_peak();
    snplp_free(NULL);
    assert_int_equal(snplp_memory_used(), used);
    assert_int_equal(snplp_memory_peak(), peak);
    assert_int_equal(snplp_error_last_code(), SNPLP_EINVAL);
    snplp_error_clear();
}

/* Creating a referential under every possible allocation failure leaks nothing. */
static int new_referential_step(void *ctx)
{
    snplp_referential **out = ctx;
    return snplp_referential_new(out);
}

static void failed_allocations_are_not_counted(void **state)
{
    (void)state;
    size_t base = snplp_memory_used();
    snplp_referential *ref = NULL;
    int failures = test_oom_sweep(new_referential_step, NULL, &ref);
    assert_true(failures > 0);
    assert_non_null(ref);
    snplp_referential_unref(ref);
    assert_int_equal(snplp_memory_used(), base);
}

/* The counters are updated atomically: threads allocating and freeing at the same time leave
 * them exactly where they were. */
enum { THREADS = 4, ROUNDS = 50 };

static void *churn(void *arg)
{
    int *ok = arg;
    *ok = 1;
    for (int i = 0; i < ROUNDS; i++) {
        snplp_referential *ref = NULL;
        if (snplp_referential_new(&ref) != SNPLP_OK ||
            snplp_referential_add_theme(NULL, ref, "theme", "Thème") != SNPLP_OK)
            *ok = 0;
        snplp_referential_unref(ref);
    }
    return NULL;
}

static void counters_are_thread_safe(void **state)
{
    (void)state;
    size_t base = snplp_memory_used();
    run_threads_ok(THREADS, churn);
    assert_int_equal(snplp_memory_used(), base);
    assert_int_equal(snplp_memory_blocks(), 0);
    assert_true(snplp_memory_peak() >= base);
}

/* ---- the embedder's allocator (snplp_set_allocator) ---- */

/* Every allocation of libsnplp goes to the embedder's functions, with its context, and every
 * block comes back to them, including a buffer handed over to the caller. */
static void set_allocator_routes_every_block(void **state)
{
    (void)state;
    assert_int_equal(snplp_memory_blocks(), 0);
    test_allocator a = {0};
    assert_ok(test_allocator_install(&a));

    snplp_referential *ref = NULL;
    assert_ok(snplp_referential_builtin(&ref));
    assert_true(a.mallocs > 100);
    assert_int_equal(a.live, snplp_memory_blocks());
    char *xml = NULL;
    size_t size = 0;
    assert_ok(snplp_referential_export_memory(&xml, &size, ref));
    assert_true(a.reallocs > 0); /* the export's buffer grows */
    assert_int_equal(a.live, snplp_memory_blocks());
    snplp_free(xml);
    snplp_referential_unref(ref);
    assert_int_equal(a.live, 0);
    assert_int_equal(a.frees, a.mallocs);
    assert_int_equal(snplp_memory_blocks(), 0);
    assert_int_equal(snplp_memory_used(), 0);
    assert_false(a.misaligned);

    /* back to the C library's functions: the test allocator sees nothing more */
    assert_ok(snplp_set_allocator(NULL, NULL, NULL, NULL));
    size_t mallocs = a.mallocs;
    assert_ok(snplp_referential_builtin(&ref));
    snplp_referential_unref(ref);
    assert_int_equal(a.mallocs, mallocs);
    assert_int_equal(snplp_memory_blocks(), 0);
}

/* While libsnplp holds a block, the allocator cannot change: that block must go back to the
 * functions that gave it. The refusal says how many blocks are held and changes nothing. */
static void set_allocator_refused_while_memory_is_held(void **state)
{
    (void)state;
    snplp_referential *ref = NULL;
    assert_ok(snplp_referential_new(&ref));
    size_t held = snplp_memory_blocks();
    assert_true(held > 0);
    test_allocator a = {0};
    assert_fails(test_allocator_install(&a), SNPLP_EINVAL);
    char want[64];
    snprintf(want, sizeof want, "still holds %zu block", held);
    assert_non_null(strstr(snplp_error_last_message(), want));
    assert_ok(snplp_referential_add_theme(NULL, ref, "theme-1", "Insertion"));
    assert_int_equal(a.requests, 0); /* still the default allocator */
    snplp_referential_unref(ref);
    assert_int_equal(snplp_memory_blocks(), 0);
    /* a handed-over buffer counts too */
    char *folded = NULL;
    assert_ok(snplp_text_fold(&folded, "Insertion"));
    assert_int_equal(snplp_memory_blocks(), 1);
    assert_fails(test_allocator_install(&a), SNPLP_EINVAL);
    assert_non_null(strstr(snplp_error_last_message(), "still holds 1 block:"));
    snplp_free(folded);
    assert_ok(test_allocator_install(&a));
    assert_ok(snplp_set_allocator(NULL, NULL, NULL, NULL));
}

/* The three functions go together: some NULL and some not is refused. */
static void set_allocator_needs_all_three_functions(void **state)
{
    (void)state;
    test_allocator a = {0};
    assert_fails(snplp_set_allocator(test_allocator_malloc, NULL, NULL, &a), SNPLP_EINVAL);
    assert_fails(snplp_set_allocator(test_allocator_malloc, test_allocator_realloc, NULL, &a),
                 SNPLP_EINVAL);
    assert_fails(snplp_set_allocator(NULL, test_allocator_realloc, test_allocator_free, &a),
                 SNPLP_EINVAL);
    assert_non_null(strstr(snplp_error_last_message(), "three functions"));
    snplp_referential *ref = NULL;
    assert_ok(snplp_referential_new(&ref));
    snplp_referential_unref(ref);
    assert_int_equal(a.requests, 0);
}

/* An allocator that refuses a request makes the call fail with SNPLP_ENOMEM, whatever the
 * request (the first, a later one, a realloc), and every block given back. */
static void set_allocator_refusals_are_out_of_memory(void **state)
{
    (void)state;
    test_allocator a = {0};
    assert_ok(test_allocator_install(&a));
    snplp_referential *ref = NULL;
    assert_ok(snplp_referential_builtin(&ref));
    snplp_referential_unref(ref);
    size_t total = a.requests;
    assert_true(total > 100);
    size_t points[] = {1, 2, total / 2, total - 1, total};
    for (size_t i = 0; i < COUNT_OF(points); i++) {
        a = (test_allocator){.fail_at = points[i]};
        ref = NULL;
        assert_fails(snplp_referential_builtin(&ref), SNPLP_ENOMEM);
        assert_null(ref);
        assert_int_equal(a.refusals, 1);
        assert_int_equal(a.live, 0);
        assert_int_equal(snplp_memory_blocks(), 0);
        assert_int_equal(snplp_memory_used(), 0);
    }
    assert_ok(snplp_set_allocator(NULL, NULL, NULL, NULL));
}

/* An object holds blocks while it lives and gives every one back when it is freed. */
static void blocks_count_every_block(void **state)
{
    (void)state;
    size_t base = snplp_memory_blocks();
    snplp_diagnostics *diags = new_diags();
    assert_true(snplp_memory_blocks() > base);
    snplp_diagnostics_free(diags);
    assert_int_equal(snplp_memory_blocks(), base);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(used_rises_while_a_referential_lives),
        cmocka_unit_test(used_stays_while_a_reference_is_held),
        cmocka_unit_test(peak_is_at_least_used),
        cmocka_unit_test(reset_peak_measures_one_operation),
        cmocka_unit_test(free_returns_a_handed_over_buffer),
        cmocka_unit_test(free_null_is_a_noop),
        cmocka_unit_test(failed_allocations_are_not_counted),
        cmocka_unit_test(counters_are_thread_safe),
        cmocka_unit_test(set_allocator_routes_every_block),
        cmocka_unit_test(set_allocator_refused_while_memory_is_held),
        cmocka_unit_test(set_allocator_needs_all_three_functions),
        cmocka_unit_test(set_allocator_refusals_are_out_of_memory),
        cmocka_unit_test(blocks_count_every_block),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
