/* Tests of freezing (referential.h, convention.h, convention_list.h, 1.3): once frozen, every
 * setter family fails with SNPLP_EFROZEN and a clear message, and changes nothing; reading
 * still works, also from several threads at once.
 *
 * The referential side is table-driven over the description of every kind (support/kinds.h):
 * every adder of a child, text setter, number setter and clearer, value setter, string list
 * add and remove of every item of a "zoo" holding every kind, then the theme of a module, the
 * extensions and the foreign attributes. */
#include "kinds.h"
#include "test_util.h"

#include <stdio.h>

/* Asserts that call fails as frozen, naming what is frozen. */
#define assert_frozen(call, what)                                                                  \
    do {                                                                                           \
        snplp_error_clear();                                                                       \
        int rc_ = (call);                                                                          \
        if (rc_ != SNPLP_EFROZEN)                                                                  \
            fail_msg("%s returned %s (%s), not SNPLP_EFROZEN", #call, snplp_status_name(rc_),      \
                     snplp_error_last_message());                                                  \
        assert_int_equal(snplp_error_last_code(), SNPLP_EFROZEN);                                  \
        assert_non_null(strstr(snplp_error_last_reason(), what));                                  \
    } while (0)

static void referential_freeze_basics(void **state)
{
    (void)state;
    snplp_referential *ref;
    assert_ok(snplp_referential_new(&ref));
    assert_false(snplp_referential_is_frozen(ref));
    assert_false(snplp_referential_is_frozen(NULL));
    assert_int_equal(snplp_referential_freeze(NULL), SNPLP_EINVAL);
    assert_ok(snplp_referential_freeze(ref));
    assert_true(snplp_referential_is_frozen(ref));
    assert_ok(snplp_referential_freeze(ref)); /* again: nothing more */
    assert_true(snplp_referential_is_frozen(ref));
    assert_frozen(snplp_referential_add_theme(NULL, ref, "t1", "Theme"),
                  "the referential is frozen");
    assert_string_equal(snplp_error_last_function(), "snplp_referential_add_theme");
    assert_int_equal(snplp_referential_theme_count(ref), 0);
    assert_string_equal(snplp_status_name(SNPLP_EFROZEN), "SNPLP_EFROZEN");
    snplp_referential_unref(ref);
}

/* Every setter of every item of the zoo, after the freeze. */
static void every_referential_setter_fails(void **state)
{
    (void)state;
    zoo z = zoo_new();
    zoo_fill(&z);
    char *before = zoo_snapshot(&z, NULL);
    size_t items = snplp_referential_item_count(z.ref);
    assert_ok(snplp_referential_freeze(z.ref));
    size_t calls = 0;
    for (int kind = 0; kind < KIND_COUNT; kind++) {
        const kind_desc *k = kinds[kind];
        if (!k)
            continue;
        for (int n = 0; n < 2; n++) {
            void *it = z.items[kind][n];
            if (!it)
                continue;
            for (size_t i = 0; i < k->nlists; i++, calls++) {
                void *child = NULL;
                assert_frozen(k->lists[i].add(&child, it, "frozen-new", k->lists[i].extra, "Text"),
                              "the referential is frozen");
                assert_null(child);
            }
            for (size_t i = 0; i < k->ntexts; i++, calls++)
                assert_frozen(k->texts[i].set(it, k->texts[i].sample ? k->texts[i].sample : "New"),
                              "frozen");
            for (size_t i = 0; i < k->nnumbers; i++, calls += 2) {
                assert_frozen(k->numbers[i].set(it, k->numbers[i].good[0].given), "frozen");
                assert_frozen(k->numbers[i].clear(it), "frozen");
            }
            for (size_t i = 0; i < k->nvalues; i++, calls++)
                assert_frozen(k->values[i].set(it, k->values[i].good[k->values[i].ngood - 1]),
                              "frozen");
            for (size_t i = 0; i < k->nstrings; i++, calls++) {
                const string_list *l = &k->strings[i];
                assert_frozen(l->add(it, "frozen-new"), "frozen");
                if (l->remove && l->count(it)) {
                    assert_frozen(l->remove(it, l->at(it, 0)), "frozen");
                    calls++;
                }
            }
        }
    }
    assert_true(calls > 100);
    snplp_module *m = snplp_referential_module_at(z.ref, 0);
    assert_frozen(snplp_module_set_theme_id(m, "other-theme"), "frozen");
    const char *id = snplp_module_id(m);
    assert_frozen(snplp_referential_add_extension(z.ref, id, "<x:e xmlns:x=\"urn:x\"/>"), "frozen");
    assert_frozen(snplp_referential_set_foreign_attribute(z.ref, id, "urn:x", "x", "a", "v"),
                  "frozen");
    /* nothing changed, and reading works */
    char *after = zoo_snapshot(&z, NULL);
    assert_string_equal(before, after);
    assert_int_equal(snplp_referential_item_count(z.ref), items);
    snplp_diagnostics *d;
    assert_ok(snplp_diagnostics_new(&d));
    snplp_referential_validate(z.ref, d);
    snplp_diagnostics_free(d);
    snplp_search_results *res = NULL;
    assert_ok(snplp_referential_search(&res, z.ref, "module"));
    snplp_search_results_free(res);
    free(before);
    free(after);
    zoo_free(&z);
}

/* ---- conventions ---- */

static snplp_convention *make_convention(const char *id)
{
    snplp_convention *conv;
    snplp_action *a;
    snplp_indicator *ind;
    assert_ok(snplp_convention_new(&conv, id, SNPLP_TERRITORY_DEPARTEMENT, "75", "Paris"));
    assert_ok(snplp_convention_set_years(conv, 2019, 2021));
    assert_ok(snplp_convention_set_funding(conv, 2019, 100, 50));
    assert_ok(snplp_convention_set_report_sent(conv, 2019, (snplp_date){2020, 3, 1}));
    assert_ok(snplp_convention_set_signature_date(conv, (snplp_date){2019, 6, 1}));
    assert_ok(
        snplp_convention_add_action(&a, conv, "a1", SNPLP_ACTION_OBJECTIVE_SOCIAL_WORK, "Action"));
    assert_ok(snplp_action_set_status(a, 2019, SNPLP_ACTION_STATUS_DONE, NULL));
    assert_ok(snplp_convention_add_indicator(&ind, conv, "i1", "Indicator", SNPLP_UNIT_COUNT));
    assert_ok(snplp_indicator_set_target(ind, 2019, (snplp_decimal){10, 0}));
    assert_ok(snplp_indicator_set_actual(ind, 2019, (snplp_decimal){8, 0}));
    assert_ok(snplp_indicator_set_baseline(ind, 2018, (snplp_decimal){5, 0}));
    return conv;
}

static void every_convention_setter_fails(snplp_convention *conv, const char *what)
{
    snplp_action *a = snplp_convention_action_at(conv, 0);
    snplp_indicator *ind = snplp_convention_indicator_at(conv, 0);
    snplp_decimal one = {1, 0};
    snplp_action *na = NULL;
    snplp_indicator *ni = NULL;
    assert_frozen(snplp_convention_set_territory(conv, SNPLP_TERRITORY_DEPARTEMENT, "13", "BdR"),
                  what);
    assert_frozen(snplp_convention_set_years(conv, 2020, 2022), what);
    assert_frozen(snplp_convention_set_signature_date(conv, (snplp_date){2019, 7, 1}), what);
    assert_frozen(snplp_convention_clear_signature_date(conv), what);
    assert_frozen(snplp_convention_add_signatory(conv, "Préfet", "Name"), what);
    assert_frozen(snplp_convention_set_funding(conv, 2020, 1, 1), what);
    assert_frozen(snplp_convention_clear_funding(conv, 2019), what);
    assert_frozen(snplp_convention_set_report_sent(conv, 2020, (snplp_date){2021, 3, 1}), what);
    assert_frozen(snplp_convention_clear_report(conv, 2019), what);
    assert_frozen(snplp_convention_add_action(&na, conv, "a2", SNPLP_ACTION_OBJECTIVE_SOCIAL_WORK,
                                              "Action 2"),
                  what);
    assert_frozen(snplp_convention_add_indicator(&ni, conv, "i2", "Indicator 2", SNPLP_UNIT_COUNT),
                  what);
    assert_null(na);
    assert_null(ni);
    assert_frozen(snplp_convention_add_extension(conv, NULL, "<x:e xmlns:x=\"urn:x\"/>"), what);
    assert_frozen(snplp_convention_set_foreign_attribute(conv, "a1", "urn:x", "x", "a", "v"), what);
    assert_frozen(snplp_action_set_title(a, "New"), what);
    assert_frozen(snplp_action_set_description(a, "New"), what);
    assert_frozen(snplp_action_set_objective(a, SNPLP_ACTION_OBJECTIVE_RSA_INSERTION), what);
    assert_frozen(snplp_action_set_status(a, 2020, SNPLP_ACTION_STATUS_PLANNED, NULL), what);
    assert_frozen(snplp_action_clear_status(a, 2019), what);
    assert_frozen(snplp_indicator_set_label(ind, "New"), what);
    assert_frozen(snplp_indicator_set_unit(ind, SNPLP_UNIT_DAYS), what);
    assert_frozen(snplp_indicator_set_polarity(ind, SNPLP_POLARITY_LOWER), what);
    assert_frozen(snplp_indicator_set_aggregation(ind, SNPLP_AGGREGATION_SUM, NULL), what);
    assert_frozen(snplp_indicator_set_ratio_of(ind, "i1", "i1"), what);
    assert_frozen(snplp_indicator_set_baseline(ind, 2017, one), what);
    assert_frozen(snplp_indicator_clear_baseline(ind), what);
    assert_frozen(snplp_indicator_set_target(ind, 2020, one), what);
    assert_frozen(snplp_indicator_clear_target(ind, 2019), what);
    assert_frozen(snplp_indicator_set_actual(ind, 2020, one), what);
    assert_frozen(snplp_indicator_clear_actual(ind, 2019), what);
    assert_frozen(snplp_indicator_set_source(ind, 2019, "Source"), what);
    assert_frozen(snplp_indicator_set_comment(ind, 2019, "Comment"), what);
}

static void convention_freeze(void **state)
{
    (void)state;
    snplp_convention *conv = make_convention("conv-1");
    snplp_convention *twin = make_convention("conv-1");
    assert_false(snplp_convention_is_frozen(conv));
    assert_int_equal(snplp_convention_freeze(NULL), SNPLP_EINVAL);
    assert_false(snplp_convention_is_frozen(NULL));
    assert_ok(snplp_convention_freeze(conv));
    assert_true(snplp_convention_is_frozen(conv));
    every_convention_setter_fails(conv, "the convention 'conv-1' is frozen");
    assert_true(snplp_convention_equal(conv, twin)); /* nothing changed */
    snplp_convention_unref(twin);
    snplp_convention_unref(conv);
}

static void list_freeze(void **state)
{
    (void)state;
    snplp_convention_list *list;
    assert_ok(snplp_convention_list_new(&list));
    snplp_convention *conv = make_convention("conv-1");
    snplp_convention *other = make_convention("conv-2");
    assert_ok(snplp_convention_list_add(list, conv));
    assert_false(snplp_convention_list_is_frozen(list));
    assert_int_equal(snplp_convention_list_freeze(NULL), SNPLP_EINVAL);
    assert_ok(snplp_convention_list_freeze(list));
    assert_true(snplp_convention_list_is_frozen(list));
    assert_true(snplp_convention_is_frozen(conv)); /* its conventions with it */
    assert_false(snplp_convention_is_frozen(other));
    assert_frozen(snplp_convention_list_add(list, other), "the list of conventions is frozen");
    assert_frozen(snplp_convention_list_remove(list, "conv-1"),
                  "the list of conventions is frozen");
    assert_int_equal(snplp_convention_list_count(list), 1);
    every_convention_setter_fails(conv, "the convention 'conv-1' is frozen");
    const char csv[] = "convention;indicator;year;target;actual\nconv-1;i1;2020;;3\n";
    assert_frozen(snplp_csv_import_memory(list, NULL, csv, sizeof csv - 1, "v.csv", SNPLP_CSV_FR),
                  "frozen");
    /* reading still works */
    snplp_matrix *m = NULL;
    assert_ok(snplp_convention_matrix(&m, conv, NULL));
    snplp_matrix_free(m);
    snplp_convention_unref(other);
    snplp_convention_unref(conv);
    snplp_convention_list_free(list);
}

/* ---- several threads read one frozen referential while others try to change it ---- */

#define THREADS 4

static void *reader(void *arg)
{
    snplp_referential *ref = arg;
    for (int round = 0; round < 200; round++) {
        if (snplp_referential_theme_count(ref) != 6)
            return "theme count";
        snplp_search_results *res = NULL;
        if (snplp_referential_search(&res, ref, "insertion") != SNPLP_OK)
            return "search";
        snplp_search_results_free(res);
        if (snplp_referential_add_lever(NULL, ref, "l-new", "Lever") != SNPLP_EFROZEN ||
            snplp_theme_set_title(snplp_referential_theme_at(ref, 0), "New") != SNPLP_EFROZEN)
            return "a change did not fail";
    }
    return NULL;
}

static void threads_share_a_frozen_referential(void **state)
{
    (void)state;
    snplp_referential *ref;
    assert_ok(snplp_referential_builtin(&ref));
    char *before = NULL;
    size_t size = 0;
    assert_ok(snplp_referential_export_memory(&before, &size, ref));
    assert_ok(snplp_referential_freeze(ref));
    pthread_t t[THREADS];
    for (int i = 0; i < THREADS; i++)
        assert_int_equal(pthread_create(&t[i], NULL, reader, ref), 0);
    for (int i = 0; i < THREADS; i++) {
        void *res;
        assert_int_equal(pthread_join(t[i], &res), 0);
        if (res)
            fail_msg("thread %d: %s", i, (const char *)res);
    }
    char *after = NULL;
    size_t after_size = 0;
    assert_ok(snplp_referential_export_memory(&after, &after_size, ref));
    assert_int_equal(size, after_size);
    assert_memory_equal(before, after, size);
    snplp_free(before);
    snplp_free(after);
    snplp_referential_unref(ref);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(referential_freeze_basics),
        cmocka_unit_test(every_referential_setter_fails),
        cmocka_unit_test(convention_freeze),
        cmocka_unit_test(list_freeze),
        cmocka_unit_test(threads_share_a_frozen_referential),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
