/* Tests of idmap.h: the id map of the models (lookups, growth undone under allocation
 * failure) and of its hash (util/hash.h), over ids of every length
 * around its 8-byte words. */
#include "test_util.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "util/hash.h"
#include "util/idmap.h"

typedef struct obj {
    int tag;
    char *id;
} obj;

#define KEY offsetof(obj, id)
enum { N = 3000 };

static obj objs[N];
static char ids[N][48];

/* Ids of 1 to 40 bytes, many sharing long prefixes and differing in their last byte only. */
static void make_ids(void)
{
    for (int i = 0; i < N; i++) {
        switch (i % 4) {
        case 0:
            snprintf(ids[i], sizeof ids[i], "w%d", i);
            break;
        case 1:
            snprintf(ids[i], sizeof ids[i], "worker-of-the-departement-%06d", i);
            break;
        case 2: /* exactly 8 or 16 bytes, or one more or less */
            snprintf(ids[i], sizeof ids[i], "%0*d", 7 + (i / 4) % 3 + 8 * ((i / 12) % 2), i);
            break;
        default:
            snprintf(ids[i], sizeof ids[i], "s-%d-%.*s", i, (i / 4) % 30,
                     "abcdefghijklmnopqrstuvwxyz0123");
            break;
        }
        objs[i].tag = i;
        objs[i].id = ids[i];
    }
}

static void fill(snplp_idmap *m, int n)
{
    for (int i = 0; i < n; i++) {
        snplp_idmap_growth g;
        assert_int_equal(snplp__idmap_reserve_undoable(m, &g), 0);
        snplp__idmap_growth_commit(&g);
        assert_null(snplp__idmap_get_keyed(m, ids[i], KEY));
        snplp__idmap_put_keyed(m, &objs[i], KEY);
    }
}

static void hash_of_equal_bytes_is_equal(void **state)
{
    (void)state;
    char a[40], b[40];
    for (size_t n = 0; n < 33; n++) {
        memset(a, 'x', sizeof a);
        memset(b, 'y', sizeof b);
        memcpy(b, a, n);
        /* only the n bytes count, whatever follows them */
        assert_true(snplp__hash(a, n) == snplp__hash(b, n));
        if (n > 0) {
            b[n - 1] = 'z'; /* the last byte of a word or of the tail changes the hash */
            assert_true(snplp__hash(a, n) != snplp__hash(b, n));
        }
    }
    assert_true(snplp__hash("", 0) != snplp__hash("\0", 1)); /* the length counts */
}

static void finds_every_id_and_no_other(void **state)
{
    (void)state;
    make_ids();
    size_t before = snplp_memory_used();
    snplp_idmap m = {0};
    assert_null(snplp__idmap_get_keyed(&m, "w1", KEY)); /* empty: no table yet */
    fill(&m, N / 2);
    for (int i = 0; i < N; i++) {
        obj *o = snplp__idmap_get_keyed(&m, ids[i], KEY);
        if (i < N / 2)
            assert_ptr_equal(o, &objs[i]);
        else
            assert_null(o);
    }
    assert_true(m.n == N / 2 && m.n * 4 <= m.cap * 3);
    snplp__idmap_dispose(&m);
    assert_int_equal(snplp_memory_used(), before);
}

/* A growth that fails leaves the map as it was; one undone gives its table back. */
static void growth_is_undone(void **state)
{
    (void)state;
    make_ids();
    snplp_idmap m = {0};
    fill(&m, 48); /* 48 entries: the 64-slot table is full (3/4) */
    size_t cap = m.cap, before = snplp_memory_used();
    snplp_idmap_growth g;
    snplp__alloc_fail_after(0);
    int rc = snplp__idmap_reserve_undoable(&m, &g);
    snplp__alloc_fail_after(-1);
    assert_int_equal(rc, SNPLP_ENOMEM);
    assert_int_equal(m.cap, cap);
    assert_int_equal(snplp_memory_used(), before);
    assert_int_equal(snplp__idmap_reserve_undoable(&m, &g), 0);
    assert_true(m.cap == 2 * cap);
    for (int i = 0; i < 48; i++)
        assert_ptr_equal(snplp__idmap_get_keyed(&m, ids[i], KEY), &objs[i]);
    snplp__idmap_growth_rollback(&g);
    assert_int_equal(m.cap, cap);
    assert_int_equal(snplp_memory_used(), before);
    for (int i = 0; i < 48; i++)
        assert_ptr_equal(snplp__idmap_get_keyed(&m, ids[i], KEY), &objs[i]);
    snplp__idmap_dispose(&m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(hash_of_equal_bytes_is_equal),
        cmocka_unit_test(finds_every_id_and_no_other),
        cmocka_unit_test(growth_is_undone),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
