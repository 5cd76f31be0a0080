/* Tests of strpool.h: interned strings in chunks, a hash set over them, copies that are not
 * interned, and undoing what was interned or copied since a mark (memory given back exactly, under
 * every allocation failure). */
#include "test_util.h"

#include <stdio.h>
#include <string.h>

#include "util/errors.h"
#include "util/strpool.h"

static void interns_once(void **state)
{
    (void)state;
    size_t before = snplp_memory_used();
    snplp_strpool p = {0};
    assert_null(snplp__strpool_find(&p, "a", 1));
    const char *a = snplp__strpool_intern(&p, "abc", 3);
    assert_string_equal(a, "abc");
    assert_ptr_equal(snplp__strpool_intern(&p, "abcdef", 3), a); /* the first len bytes */
    assert_ptr_equal(snplp__strpool_find(&p, "abc", 3), a);
    const char *b = snplp__strpool_intern(&p, "ab", 2);
    assert_ptr_not_equal(a, b);
    assert_string_equal(b, "ab");
    assert_string_equal(snplp__strpool_intern(&p, "", 0), "");
    /* many strings: the table and the chunks grow, every pointer stays valid */
    const char *kept[500];
    char s[64];
    for (int i = 0; i < 500; i++) {
        snprintf(s, sizeof s, "string number %d", i);
        kept[i] = snplp__strpool_intern(&p, s, strlen(s));
        assert_non_null(kept[i]);
    }
    for (int i = 0; i < 500; i++) {
        snprintf(s, sizeof s, "string number %d", i);
        assert_ptr_equal(snplp__strpool_find(&p, s, strlen(s)), kept[i]);
        assert_string_equal(kept[i], s);
    }
    /* a long string gets a chunk of its own */
    char big[100000];
    memset(big, 'x', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    const char *l = snplp__strpool_intern(&p, big, strlen(big));
    assert_string_equal(l, big);
    assert_ptr_equal(snplp__strpool_intern(&p, "ab", 2), b);
    assert_true(snplp__strpool_size(&p) > sizeof big);
    assert_int_equal(snplp_memory_used() - before, snplp__strpool_size(&p));
    snplp__strpool_dispose(&p);
    assert_int_equal(snplp_memory_used(), before);
}

typedef struct sweep {
    snplp_strpool p;
    int round;
} sweep;

static int count_of(int round)
{
    return 5 + round * 12; /* the table and the chunks grow inside a mark */
}

/* The i-th string of a round: odd ones shared by every round, even ones its own. */
static int name(char *s, size_t size, int round, int i)
{
    return i % 2 ? snprintf(s, size, "shared-%d-%0*d", i, 20 + i % 90, i)
                 : snprintf(s, size, "r%d-%d-%0*d", round, i, 20 + i % 90, i);
}

/* Interns the strings of the round all or nothing. */
static int step(void *ctx)
{
    sweep *x = ctx;
    snplp_strpool_mark m;
    snplp__strpool_mark(&x->p, &m);
    char s[200];
    for (int i = 0; i < count_of(x->round); i++) {
        int len = name(s, sizeof s, x->round, i);
        if (!snplp__strpool_intern(&x->p, s, (size_t)len)) {
            snplp__strpool_undo(&x->p, &m);
            return snplp__oom();
        }
    }
    snplp__strpool_keep(&x->p, &m);
    return SNPLP_OK;
}

/* What the pool holds after a failure: every string of the rounds before, none of this one's
 * own nor of the shared ones it would have added. */
static void check(void *ctx)
{
    sweep *x = ctx;
    char s[200];
    for (int r = 0; r <= x->round; r++)
        for (int i = 0; i < count_of(r); i++) {
            int len = name(s, sizeof s, r, i);
            bool there = i % 2 ? x->round > 0 && i < count_of(x->round - 1) : r < x->round;
            const char *found = snplp__strpool_find(&x->p, s, (size_t)len);
            if (there != (found != NULL))
                print_error("round %d: '%s' %s\n", x->round, s, found ? "found" : "missing");
            assert_int_equal(there, found != NULL);
        }
}

static void undo_under_every_failure(void **state)
{
    (void)state;
    size_t before = snplp_memory_used();
    sweep x = {.round = 0};
    for (x.round = 0; x.round < 6; x.round++) {
        assert_true(test_oom_sweep(step, check, &x) >= 0);
        assert_int_equal(snplp_memory_used() - before, snplp__strpool_size(&x.p));
    }
    /* an undo with nothing interned; an undo of strings already there and a new one */
    size_t used = snplp_memory_used();
    snplp_strpool_mark m;
    snplp__strpool_mark(&x.p, &m);
    snplp__strpool_undo(&x.p, &m);
    snplp__strpool_mark(&x.p, &m);
    char s[200];
    for (int i = 0; i < count_of(5); i++) {
        int len = name(s, sizeof s, 6, i);
        assert_non_null(snplp__strpool_intern(&x.p, s, (size_t)len));
    }
    snplp__strpool_undo(&x.p, &m);
    assert_int_equal(snplp_memory_used(), used);
    x.round = 6;
    check(&x);
    snplp__strpool_dispose(&x.p);
    assert_int_equal(snplp_memory_used(), before);
}

/* From an empty pool: the undo gives back the first chunk and the first table. */
static void undo_from_empty(void **state)
{
    (void)state;
    size_t before = snplp_memory_used();
    snplp_strpool p = {0};
    snplp_strpool_mark m;
    snplp__strpool_mark(&p, &m);
    for (int i = 0; i < 100; i++) {
        char s[32];
        int len = snprintf(s, sizeof s, "s%d", i);
        assert_non_null(snplp__strpool_intern(&p, s, (size_t)len));
    }
    snplp__strpool_undo(&p, &m);
    assert_int_equal(snplp_memory_used(), before);
    assert_null(snplp__strpool_find(&p, "s1", 2));
    assert_non_null(snplp__strpool_intern(&p, "s1", 2));
    snplp__strpool_dispose(&p);
    assert_int_equal(snplp_memory_used(), before);
}

/* Copies: in the chunks, never in the table; an undo gives their bytes back and leaves an
 * interned string of the same text where it was. */
static void copies_are_not_interned(void **state)
{
    (void)state;
    size_t before = snplp_memory_used();
    snplp_strpool p = {0};
    snplp_strpool_mark m;
    snplp__strpool_mark(&p, &m); /* copies only, into a pool without a table */
    assert_non_null(snplp__strpool_copy(&p, "w-0001", 6));
    snplp__strpool_undo(&p, &m);
    assert_int_equal(snplp_memory_used(), before);
    const char *in = snplp__strpool_intern(&p, "w-0001", 6);
    const char *c1 = snplp__strpool_copy(&p, "w-0001xyz", 6);
    const char *c2 = snplp__strpool_copy(&p, "w-0001", 6);
    assert_string_equal(c1, "w-0001");
    assert_string_equal(c2, "w-0001");
    assert_true(c1 != in && c2 != in && c1 != c2);
    assert_ptr_equal(snplp__strpool_find(&p, "w-0001", 6), in);
    assert_null(snplp__strpool_find(&p, "w-0002", 6));
    assert_non_null(snplp__strpool_copy(&p, "w-0002", 6));
    assert_null(snplp__strpool_find(&p, "w-0002", 6)); /* a copy is never found */
    size_t used = snplp_memory_used();
    snplp__strpool_mark(&p, &m);
    /* copies of an interned text, a new text interned, a long copy (a chunk of its own) */
    char big[70000];
    memset(big, 'y', sizeof big);
    for (int i = 0; i < 300; i++)
        assert_non_null(snplp__strpool_copy(&p, "w-0001", 6));
    assert_non_null(snplp__strpool_intern(&p, "w-0003", 6));
    assert_non_null(snplp__strpool_copy(&p, big, sizeof big));
    snplp__strpool_undo(&p, &m);
    assert_int_equal(snplp_memory_used(), used);
    assert_ptr_equal(snplp__strpool_find(&p, "w-0001", 6), in);
    assert_null(snplp__strpool_find(&p, "w-0003", 6));
    assert_string_equal(c1, "w-0001");
    snplp__strpool_dispose(&p);
    assert_int_equal(snplp_memory_used(), before);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(interns_once),
        cmocka_unit_test(undo_under_every_failure),
        cmocka_unit_test(undo_from_empty),
        cmocka_unit_test(copies_are_not_interned),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
