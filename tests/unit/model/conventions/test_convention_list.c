/* Tests of convention_list.h: adding (order kept, references taken, duplicate ids refused),
 * finding by id among many conventions (the list's id map growing several times), and out of
 * memory on every add, across the growths of the list and of its map. */
#include "test_util.h"

#include <stdio.h>

static snplp_convention *conv_n(int n)
{
    char id[32];
    snprintf(id, sizeof id, "calpae-%d", n);
    snplp_convention *c = NULL;
    assert_ok(snplp_convention_new(&c, id, SNPLP_TERRITORY_DEPARTEMENT, "49", "Maine-et-Loire"));
    return c;
}

static snplp_convention_list *new_list(void)
{
    snplp_convention_list *l = NULL;
    assert_ok(snplp_convention_list_new(&l));
    assert_non_null(l);
    return l;
}

static void many_conventions(void **state)
{
    (void)state;
    enum { N = 1000 };
    snplp_convention_list *l = new_list();
    snplp_convention *c[N];
    for (int i = 0; i < N; i++) {
        c[i] = conv_n(i);
        assert_ok(snplp_convention_list_add(l, c[i]));
    }
    assert_int_equal(snplp_convention_list_count(l), N);
    char id[32];
    for (int i = 0; i < N; i++) {
        assert_ptr_equal(snplp_convention_list_at(l, (size_t)i), c[i]);
        snprintf(id, sizeof id, "calpae-%d", i);
        assert_ptr_equal(snplp_convention_list_find(l, id), c[i]);
        /* the same convention, or another with its id: refused, nothing changed */
        assert_fails(snplp_convention_list_add(l, c[i]), SNPLP_EEXISTS);
        snplp_convention *twin = conv_n(i);
        assert_fails(snplp_convention_list_add(l, twin), SNPLP_EEXISTS);
        snplp_convention_unref(twin);
    }
    assert_int_equal(snplp_convention_list_count(l), N);
    assert_null(snplp_convention_list_find(l, "calpae-"));
    assert_null(snplp_convention_list_find(l, "calpae-1000"));
    assert_null(snplp_convention_list_find(l, "CALPAE-1"));
    assert_null(snplp_convention_list_find(l, ""));
    assert_null(snplp_convention_list_find(l, NULL));
    assert_null(snplp_convention_list_find(NULL, "calpae-1"));
    /* the list holds its own references */
    for (int i = 0; i < N; i++)
        snplp_convention_unref(c[i]);
    assert_string_equal(snplp_convention_id(snplp_convention_list_find(l, "calpae-999")),
                        "calpae-999");
    snplp_convention_list_free(l);
}

static void empty_list(void **state)
{
    (void)state;
    snplp_convention_list *l = new_list();
    assert_int_equal(snplp_convention_list_count(l), 0);
    assert_null(snplp_convention_list_find(l, "calpae-1"));
    assert_null(snplp_convention_list_at(l, 0));
    snplp_convention_list_free(l);
    snplp_convention_list_free(NULL);
}

typedef struct oom_ctx {
    snplp_convention_list *list;
    snplp_convention *conv;
    size_t count;
} oom_ctx;

static int step_add(void *p)
{
    oom_ctx *x = p;
    return snplp_convention_list_add(x->list, x->conv);
}

static void check_unchanged(void *p)
{
    oom_ctx *x = p;
    assert_int_equal(snplp_convention_list_count(x->list), x->count);
    assert_null(snplp_convention_list_find(x->list, snplp_convention_id(x->conv)));
}

static void add_out_of_memory(void **state)
{
    (void)state;
    enum { N = 140 }; /* the map grows at 48 and 96, the list several times */
    snplp_convention_list *l = new_list();
    int allocating = 0;
    for (int i = 0; i < N; i++) {
        oom_ctx x = {l, conv_n(i), (size_t)i};
        allocating += test_oom_sweep(step_add, check_unchanged, &x) > 0;
        snplp_convention_unref(x.conv);
        assert_int_equal(snplp_convention_list_count(l), (size_t)i + 1);
    }
    assert_true(allocating >= 3);
    char id[32];
    for (int i = 0; i < N; i++) {
        snprintf(id, sizeof id, "calpae-%d", i);
        assert_ptr_equal(snplp_convention_list_find(l, id), snplp_convention_list_at(l, (size_t)i));
    }
    snplp_convention_list_free(l);
}

/* Removing (1.3): order kept, lookups by id still right, the list's reference released (the
 * caller's stays valid), a missing id or NULL refused with nothing changed. */
static void remove_conventions(void **state)
{
    (void)state;
    enum { N = 60 }; /* past the map's first growth */
    snplp_convention_list *l = new_list();
    snplp_convention *c[N];
    for (int i = 0; i < N; i++) {
        c[i] = conv_n(i);
        assert_ok(snplp_convention_list_add(l, c[i]));
    }
    snplp_convention *kept = snplp_convention_ref(c[0]);
    for (int i = 0; i < N; i++)
        snplp_convention_unref(c[i]); /* the list holds them now */
    char id[32];
    for (int i = 0; i < N; i += 2) {
        snprintf(id, sizeof id, "calpae-%d", i);
        assert_ok(snplp_convention_list_remove(l, id));
        assert_status(snplp_convention_list_remove(l, id), SNPLP_ENOTFOUND);
    }
    assert_int_equal(snplp_convention_list_count(l), N / 2);
    for (int i = 0; i < N; i++) {
        snprintf(id, sizeof id, "calpae-%d", i);
        snplp_convention *found = snplp_convention_list_find(l, id);
        if (i % 2) {
            assert_non_null(found);
            assert_ptr_equal(snplp_convention_list_at(l, (size_t)i / 2), found);
        } else {
            assert_null(found);
        }
    }
    assert_string_equal(snplp_convention_id(kept), "calpae-0"); /* the caller's reference */
    assert_ok(snplp_convention_list_add(l, kept));              /* it may come back, last */
    assert_ptr_equal(snplp_convention_list_at(l, N / 2), kept);
    snplp_convention_unref(kept);
    assert_status(snplp_convention_list_remove(NULL, "calpae-1"), SNPLP_EINVAL);
    assert_status(snplp_convention_list_remove(l, NULL), SNPLP_EINVAL);
    assert_int_equal(snplp_convention_list_count(l), N / 2 + 1);
    snplp_convention_list_free(l);
}

static int step_remove(void *p)
{
    oom_ctx *x = p;
    return snplp_convention_list_remove(x->list, snplp_convention_id(x->conv));
}

static void check_still_there(void *p)
{
    oom_ctx *x = p;
    assert_int_equal(snplp_convention_list_count(x->list), x->count);
    assert_ptr_equal(snplp_convention_list_find(x->list, snplp_convention_id(x->conv)), x->conv);
}

static void remove_out_of_memory(void **state)
{
    (void)state;
    enum { N = 50 };
    snplp_convention_list *l = new_list();
    snplp_convention *c[N];
    for (int i = 0; i < N; i++) {
        c[i] = conv_n(i);
        assert_ok(snplp_convention_list_add(l, c[i]));
    }
    for (int i = N - 1; i >= 0; i--) {
        oom_ctx x = {l, c[i], (size_t)i + 1};
        test_oom_sweep(step_remove, check_still_there, &x);
        assert_int_equal(snplp_convention_list_count(l), (size_t)i);
        assert_null(snplp_convention_list_find(l, snplp_convention_id(c[i])));
        snplp_convention_unref(c[i]);
    }
    snplp_convention_list_free(l);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(many_conventions),     cmocka_unit_test(empty_list),
        cmocka_unit_test(add_out_of_memory),    cmocka_unit_test(remove_conventions),
        cmocka_unit_test(remove_out_of_memory),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
