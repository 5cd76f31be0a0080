/* Tests of indicator.h: units, polarities and aggregations by name, the defaults of a new
 * indicator, its label, unit, polarity, aggregation (with the weight of a weighted mean) and
 * quotient, its baseline, and year by year its target, actual, source and comment, kept digit
 * for digit; every refusal, pointers of another type and out of memory. */
#include "names.h"
#include "test_values.h"

#include <stdio.h>

#define LABEL "Taux de jeunes accompagn\xc3\xa9s"
#define SOURCE                                                                                     \
    "CAF, d\xc3\xa9"                                                                               \
    "cembre 2020"

/* The convention of the tests: 2019 to 2021, the action a, the indicators i-taux and i-nb. */
static snplp_convention *new_conv(void)
{
    snplp_convention *c = NULL;
    if (snplp_convention_new(&c, "calpae-49", SNPLP_TERRITORY_DEPARTEMENT, "49",
                             "Maine-et-Loire") != SNPLP_OK ||
        snplp_convention_set_years(c, 2019, 2021) != SNPLP_OK ||
        snplp_convention_add_action(NULL, c, "a", SNPLP_ACTION_OBJECTIVE_SOCIAL_WORK, "A") !=
            SNPLP_OK ||
        snplp_convention_add_indicator(NULL, c, "i-taux", LABEL, SNPLP_UNIT_PERCENT) != SNPLP_OK ||
        snplp_convention_add_indicator(NULL, c, "i-nb", "Nombre", SNPLP_UNIT_COUNT) != SNPLP_OK) {
        snplp_convention_unref(c);
        return NULL;
    }
    return c;
}

static int setup(void **state)
{
    return conv_fixture_setup(state, new_conv, "i-taux", "i-nb");
}

#define teardown conv_fixture_teardown

/* The indicator of the copy matching f->item. */
static snplp_indicator *copy_ind(const conv_fixture *f)
{
    return snplp_convention_indicator_find(f->copy, "i-taux");
}

static bool same(const conv_fixture *f)
{
    return snplp_convention_equal(f->conv, f->copy);
}

/* The years of the indicator's values. */
#define assert_years(ind, years, n)                                                                \
    assert_year_list(snplp_indicator_year_count, snplp_indicator_year_at, ind, years, n)

/* Values that are not valid decimals. */
static const snplp_decimal bad_values[] = {
    {1, 19}, {INT64_MIN, 0}, {1, -1}, {0, 19}, {INT64_MIN, 2}, {5, INT32_MAX}, {5, INT32_MIN},
};

/* Years outside SNPLP_YEAR_MIN..SNPLP_YEAR_MAX. */
static const int32_t bad_years[] = {SNPLP_YEAR_MIN - 1, SNPLP_YEAR_MAX + 1, 0, -2020,
                                    INT32_MIN,          INT32_MAX};

/* ---- names ---- */

/* The names of units and polarities (support/names.c). */
static const enum_names *const enums[] = {&names_unit, &names_polarity, NULL};

static void aggregation_names(void **state)
{
    (void)state;
    const char *const names[] = {"none", "sum", "weighted-mean"};
    for (int a = 0; a <= 2; a++) {
        assert_string_equal(snplp_aggregation_name((snplp_aggregation)a), names[a]);
        snplp_aggregation out = (snplp_aggregation)99;
        assert_true(snplp_aggregation_from_name(&out, names[a]));
        assert_int_equal(out, a);
    }
    assert_int_equal(SNPLP_AGGREGATION_NONE, 0);
    assert_int_equal(SNPLP_AGGREGATION_SUM, 1);
    assert_int_equal(SNPLP_AGGREGATION_WEIGHTED_MEAN, 2);
    /* "none" is a name: from_name says so by its result, not by the value. */
    snplp_aggregation out = SNPLP_AGGREGATION_SUM;
    assert_true(snplp_aggregation_from_name(&out, "none"));
    assert_int_equal(out, SNPLP_AGGREGATION_NONE);
    const snplp_aggregation others[] = {(snplp_aggregation)3, (snplp_aggregation)-1};
    for (size_t i = 0; i < COUNT_OF(others); i++)
        assert_string_equal(snplp_aggregation_name(others[i]), "none");
    const char *const bad[] = {"", "Sum", "mean", "weighted_mean", "weighted-mean ", "average"};
    for (size_t i = 0; i < COUNT_OF(bad); i++) {
        out = SNPLP_AGGREGATION_WEIGHTED_MEAN;
        assert_false(snplp_aggregation_from_name(&out, bad[i]));
        assert_int_equal(out, SNPLP_AGGREGATION_WEIGHTED_MEAN); /* left as it was */
    }
    out = SNPLP_AGGREGATION_SUM;
    assert_false(snplp_aggregation_from_name(&out, NULL));
    assert_int_equal(out, SNPLP_AGGREGATION_SUM);
    assert_false(snplp_aggregation_from_name(NULL, "sum")); /* nowhere to put it */
}

/* ---- fields ---- */

static void new_indicator(void **state)
{
    conv_fixture *f = *state;
    assert_string_equal(snplp_indicator_id(f->item), "i-taux");
    assert_ptr_equal(snplp_indicator_convention(f->item), f->conv);
    assert_string_equal(snplp_indicator_label(f->item), LABEL);
    assert_int_equal(snplp_indicator_unit(f->item), SNPLP_UNIT_PERCENT);
    assert_int_equal(snplp_indicator_polarity(f->item), SNPLP_POLARITY_HIGHER);
    assert_int_equal(snplp_indicator_aggregation(f->item), SNPLP_AGGREGATION_NONE);
    assert_null(snplp_indicator_weight_id(f->item));
    assert_null(snplp_indicator_numerator_id(f->item));
    assert_null(snplp_indicator_denominator_id(f->item));
    int32_t year = 7;
    snplp_decimal d = dec(7, 0);
    assert_fails(snplp_indicator_baseline(&year, &d, f->item), SNPLP_ENOTFOUND);
    assert_int_equal(year, 7);
    assert_identical(d, dec(7, 0));
    assert_fails(snplp_indicator_target(&d, f->item, 2019), SNPLP_ENOTFOUND);
    assert_fails(snplp_indicator_actual(&d, f->item, 2019), SNPLP_ENOTFOUND);
    assert_identical(d, dec(7, 0));
    assert_null(snplp_indicator_source(f->item, 2019));
    assert_null(snplp_indicator_comment(f->item, 2019));
    assert_years(f->item, NULL, 0);
}

static void label(void **state)
{
    conv_fixture *f = *state;
    char buf[64] = "Nombre de premiers accueils";
    assert_ok(snplp_indicator_set_label(f->item, buf));
    memset(buf, 'x', sizeof buf - 1);
    assert_string_equal(snplp_indicator_label(f->item), "Nombre de premiers accueils");
    assert_false(same(f));
    assert_ok(snplp_indicator_set_label(f->item, "Taux de jeunes accompagne\xcc\x81s"));
    assert_string_equal(snplp_indicator_label(f->item), LABEL);
    assert_true(same(f));
    const char *const blanks[] = {NULL, "", "   ", "\t\n", "\xe3\x80\x80"};
    for (size_t i = 0; i < COUNT_OF(blanks); i++)
        assert_fails(snplp_indicator_set_label(f->item, blanks[i]), SNPLP_EINVAL);
    for (size_t i = 0; i < COUNT_OF(test_bad_texts); i++)
        assert_fails(snplp_indicator_set_label(f->item, test_bad_texts[i]), SNPLP_EENCODING);
    assert_string_equal(snplp_indicator_label(f->item), LABEL);
    assert_true(same(f));
}

static void unit_and_polarity(void **state)
{
    conv_fixture *f = *state;
    for (int u = 1; u <= 5; u++) {
        assert_ok(snplp_indicator_set_unit(f->item, (snplp_unit)u));
        assert_int_equal(snplp_indicator_unit(f->item), u);
    }
    assert_false(same(f));
    assert_ok(snplp_indicator_set_unit(f->item, SNPLP_UNIT_PERCENT));
    const snplp_unit bad_units[] = {SNPLP_UNIT_NONE, (snplp_unit)6, (snplp_unit)-1};
    for (size_t i = 0; i < COUNT_OF(bad_units); i++) {
        assert_fails(snplp_indicator_set_unit(f->item, bad_units[i]), SNPLP_EINVAL);
        assert_int_equal(snplp_indicator_unit(f->item), SNPLP_UNIT_PERCENT);
    }
    assert_true(same(f));

    for (int p = 3; p >= 1; p--) {
        assert_ok(snplp_indicator_set_polarity(f->item, (snplp_polarity)p));
        assert_int_equal(snplp_indicator_polarity(f->item), p);
    }
    assert_ok(snplp_indicator_set_polarity(f->item, SNPLP_POLARITY_LOWER));
    assert_false(same(f));
    const snplp_polarity bad_polarities[] = {SNPLP_POLARITY_NONE, (snplp_polarity)4,
                                             (snplp_polarity)-1};
    for (size_t i = 0; i < COUNT_OF(bad_polarities); i++) {
        assert_fails(snplp_indicator_set_polarity(f->item, bad_polarities[i]), SNPLP_EINVAL);
        assert_int_equal(snplp_indicator_polarity(f->item), SNPLP_POLARITY_LOWER);
    }
    assert_ok(snplp_indicator_set_polarity(f->item, SNPLP_POLARITY_HIGHER));
    assert_true(same(f));
    assert_int_equal(snplp_indicator_polarity(f->other), SNPLP_POLARITY_HIGHER);
    assert_int_equal(snplp_indicator_unit(f->other), SNPLP_UNIT_COUNT);
}

static const char *const bad_ids[] = {"", "1x", "-x", ".x", "a b", "a/b", "caf\xc3\xa9", "a\xff"};

static void aggregation(void **state)
{
    conv_fixture *f = *state;
    assert_ok(snplp_indicator_set_aggregation(f->item, SNPLP_AGGREGATION_SUM, NULL));
    assert_int_equal(snplp_indicator_aggregation(f->item), SNPLP_AGGREGATION_SUM);
    assert_null(snplp_indicator_weight_id(f->item));
    assert_false(same(f));
    char weight[16] = "i-nb";
    assert_ok(snplp_indicator_set_aggregation(f->item, SNPLP_AGGREGATION_WEIGHTED_MEAN, weight));
    memset(weight, 'x', sizeof weight - 1);
    assert_int_equal(snplp_indicator_aggregation(f->item), SNPLP_AGGREGATION_WEIGHTED_MEAN);
    assert_string_equal(snplp_indicator_weight_id(f->item), "i-nb");
    /* The weight need not exist yet, and may even be the indicator itself (validation
     * reports both). */
    assert_ok(
        snplp_indicator_set_aggregation(f->item, SNPLP_AGGREGATION_WEIGHTED_MEAN, "i-plus-tard"));
    assert_string_equal(snplp_indicator_weight_id(f->item), "i-plus-tard");
    assert_ok(snplp_indicator_set_aggregation(f->item, SNPLP_AGGREGATION_WEIGHTED_MEAN, "i-taux"));
    assert_string_equal(snplp_indicator_weight_id(f->item), "i-taux");
    char long_id[SNPLP_ID_MAX + 2];
    test_long_id(long_id, SNPLP_ID_MAX);
    assert_ok(snplp_indicator_set_aggregation(f->item, SNPLP_AGGREGATION_WEIGHTED_MEAN, long_id));
    assert_string_equal(snplp_indicator_weight_id(f->item), long_id);
    assert_ok(snplp_indicator_set_aggregation(f->item, SNPLP_AGGREGATION_WEIGHTED_MEAN, "i-nb"));

    /* Refusals leave rule and weight as they were. */
    size_t before = snplp_memory_used();
    assert_fails(snplp_indicator_set_aggregation(f->item, SNPLP_AGGREGATION_WEIGHTED_MEAN, NULL),
                 SNPLP_EINVAL);
    for (size_t i = 0; i < COUNT_OF(bad_ids); i++)
        assert_fails(
            snplp_indicator_set_aggregation(f->item, SNPLP_AGGREGATION_WEIGHTED_MEAN, bad_ids[i]),
            SNPLP_EBADID);
    test_long_id(long_id, SNPLP_ID_MAX + 1);
    assert_fails(snplp_indicator_set_aggregation(f->item, SNPLP_AGGREGATION_WEIGHTED_MEAN, long_id),
                 SNPLP_EBADID);
    assert_fails(snplp_indicator_set_aggregation(f->item, SNPLP_AGGREGATION_SUM, "i-nb"),
                 SNPLP_EINVAL);
    assert_fails(snplp_indicator_set_aggregation(f->item, SNPLP_AGGREGATION_NONE, "i-nb"),
                 SNPLP_EINVAL);
    assert_fails(snplp_indicator_set_aggregation(f->item, SNPLP_AGGREGATION_SUM, "1bad"),
                 SNPLP_EINVAL);
    const snplp_aggregation unknown[] = {(snplp_aggregation)3, (snplp_aggregation)-1};
    for (size_t i = 0; i < COUNT_OF(unknown); i++) {
        assert_fails(snplp_indicator_set_aggregation(f->item, unknown[i], NULL), SNPLP_EINVAL);
        assert_fails(snplp_indicator_set_aggregation(f->item, unknown[i], "i-nb"), SNPLP_EINVAL);
    }
    assert_int_equal(snplp_memory_used(), before);
    assert_int_equal(snplp_indicator_aggregation(f->item), SNPLP_AGGREGATION_WEIGHTED_MEAN);
    assert_string_equal(snplp_indicator_weight_id(f->item), "i-nb");

    /* The weight differing shows in equality. */
    snplp_indicator *b = copy_ind(f);
    assert_ok(snplp_indicator_set_aggregation(b, SNPLP_AGGREGATION_WEIGHTED_MEAN, "i-autre"));
    assert_false(same(f));
    assert_ok(snplp_indicator_set_aggregation(b, SNPLP_AGGREGATION_WEIGHTED_MEAN, "i-nb"));
    assert_true(same(f));
    /* Leaving the weighted mean forgets the weight. */
    assert_ok(snplp_indicator_set_aggregation(f->item, SNPLP_AGGREGATION_SUM, NULL));
    assert_null(snplp_indicator_weight_id(f->item));
    assert_ok(snplp_indicator_set_aggregation(f->item, SNPLP_AGGREGATION_NONE, NULL));
    assert_int_equal(snplp_indicator_aggregation(f->item), SNPLP_AGGREGATION_NONE);
    assert_null(snplp_indicator_weight_id(f->item));
    assert_ok(snplp_indicator_set_aggregation(b, SNPLP_AGGREGATION_NONE, NULL));
    assert_true(same(f));
}

static void ratio_of(void **state)
{
    conv_fixture *f = *state;
    char num[16] = "i-en-emploi", den[16] = "i-suivis";
    assert_ok(snplp_indicator_set_ratio_of(f->item, num, den));
    memset(num, 'x', sizeof num - 1);
    memset(den, 'x', sizeof den - 1);
    assert_string_equal(snplp_indicator_numerator_id(f->item), "i-en-emploi");
    assert_string_equal(snplp_indicator_denominator_id(f->item), "i-suivis");
    assert_false(same(f));
    /* Replacing, with ids that exist, the same twice, or the indicator itself. */
    assert_ok(snplp_indicator_set_ratio_of(f->item, "i-nb", "i-nb"));
    assert_ok(snplp_indicator_set_ratio_of(f->item, "i-taux", "i-nb"));
    assert_string_equal(snplp_indicator_numerator_id(f->item), "i-taux");
    assert_ok(snplp_indicator_set_ratio_of(f->item, "i-en-emploi", "i-suivis"));

    size_t before = snplp_memory_used();
    assert_fails(snplp_indicator_set_ratio_of(f->item, "i-a", NULL), SNPLP_EINVAL);
    assert_fails(snplp_indicator_set_ratio_of(f->item, NULL, "i-b"), SNPLP_EINVAL);
    for (size_t i = 0; i < COUNT_OF(bad_ids); i++) {
        assert_fails(snplp_indicator_set_ratio_of(f->item, bad_ids[i], "i-b"), SNPLP_EBADID);
        assert_fails(snplp_indicator_set_ratio_of(f->item, "i-a", bad_ids[i]), SNPLP_EBADID);
        assert_fails(snplp_indicator_set_ratio_of(f->item, bad_ids[i], NULL), SNPLP_EINVAL);
    }
    assert_int_equal(snplp_memory_used(), before);
    assert_string_equal(snplp_indicator_numerator_id(f->item), "i-en-emploi");
    assert_string_equal(snplp_indicator_denominator_id(f->item), "i-suivis");

    snplp_indicator *b = copy_ind(f);
    assert_ok(snplp_indicator_set_ratio_of(b, "i-suivis", "i-en-emploi")); /* swapped */
    assert_false(same(f));
    assert_ok(snplp_indicator_set_ratio_of(b, "i-en-emploi", "i-suivis"));
    assert_true(same(f));
    /* Two NULLs: not a quotient any more (twice is fine). */
    assert_ok(snplp_indicator_set_ratio_of(f->item, NULL, NULL));
    assert_null(snplp_indicator_numerator_id(f->item));
    assert_null(snplp_indicator_denominator_id(f->item));
    assert_ok(snplp_indicator_set_ratio_of(f->item, NULL, NULL));
    assert_false(same(f));
    assert_ok(snplp_indicator_set_ratio_of(b, NULL, NULL));
    assert_true(same(f));
}

/* ---- baseline ---- */

static void baseline(void **state)
{
    conv_fixture *f = *state;
    assert_ok(snplp_indicator_set_baseline(f->item, 2018, dec(1250, 2)));
    int32_t year = 0;
    snplp_decimal d = dec(0, 0);
    assert_ok(snplp_indicator_baseline(&year, &d, f->item));
    assert_int_equal(year, 2018);
    assert_identical(d, dec(1250, 2));
    /* NULL outputs are allowed. */
    assert_ok(snplp_indicator_baseline(NULL, NULL, f->item));
    year = 0;
    assert_ok(snplp_indicator_baseline(&year, NULL, f->item));
    assert_int_equal(year, 2018);
    d = dec(0, 0);
    assert_ok(snplp_indicator_baseline(NULL, &d, f->item));
    assert_identical(d, dec(1250, 2));
    /* The baseline is not a year's value. */
    assert_years(f->item, NULL, 0);
    assert_fails(snplp_indicator_target(&d, f->item, 2018), SNPLP_ENOTFOUND);
    assert_false(same(f));
    /* "12.5" is equal to "12.50" but not identical: the convention differs. */
    snplp_indicator *b = copy_ind(f);
    assert_ok(snplp_indicator_set_baseline(b, 2018, dec(125, 1)));
    assert_false(same(f));
    assert_ok(snplp_indicator_set_baseline(b, 2017, dec(1250, 2)));
    assert_false(same(f));
    assert_ok(snplp_indicator_set_baseline(b, 2018, dec(1250, 2)));
    assert_true(same(f));

    /* Refusals leave it as it was. */
    for (size_t i = 0; i < COUNT_OF(bad_values); i++)
        assert_fails(snplp_indicator_set_baseline(f->item, 2018, bad_values[i]), SNPLP_EINVAL);
    for (size_t i = 0; i < COUNT_OF(bad_years); i++)
        assert_fails(snplp_indicator_set_baseline(f->item, bad_years[i], dec(1, 0)), SNPLP_EINVAL);
    assert_true(same(f));
    /* Extreme values and years. */
    assert_ok(snplp_indicator_set_baseline(f->item, SNPLP_YEAR_MIN, dec(INT64_MAX, 18)));
    assert_ok(snplp_indicator_baseline(&year, &d, f->item));
    assert_int_equal(year, SNPLP_YEAR_MIN);
    assert_identical(d, dec(INT64_MAX, 18));
    assert_ok(snplp_indicator_set_baseline(f->item, SNPLP_YEAR_MAX, dec(-INT64_MAX, 0)));
    assert_ok(snplp_indicator_baseline(&year, &d, f->item));
    assert_int_equal(year, SNPLP_YEAR_MAX);
    assert_identical(d, dec(-INT64_MAX, 0));

    /* Clearing (twice is fine). */
    assert_ok(snplp_indicator_clear_baseline(f->item));
    year = 3;
    d = dec(3, 0);
    assert_fails(snplp_indicator_baseline(&year, &d, f->item), SNPLP_ENOTFOUND);
    assert_int_equal(year, 3);
    assert_identical(d, dec(3, 0));
    assert_fails(snplp_indicator_baseline(NULL, NULL, f->item), SNPLP_ENOTFOUND);
    assert_ok(snplp_indicator_clear_baseline(f->item));
    assert_ok(snplp_indicator_clear_baseline(b));
    assert_true(same(f));
}

/* ---- targets and actuals ---- */

typedef struct value_api {
    int (*set)(snplp_indicator *, int32_t, snplp_decimal);
    int (*get)(snplp_decimal *, const snplp_indicator *, int32_t);
    int (*clear)(snplp_indicator *, int32_t);
} value_api;

static const value_api target_api = {snplp_indicator_set_target, snplp_indicator_target,
                                     snplp_indicator_clear_target};
static const value_api actual_api = {snplp_indicator_set_actual, snplp_indicator_actual,
                                     snplp_indicator_clear_actual};

static void assert_value(const value_api *api, const snplp_indicator *ind, int32_t year,
                         int64_t units, int32_t scale)
{
    snplp_decimal d = dec(-42, 3);
    assert_ok(api->get(&d, ind, year));
    assert_identical(d, dec(units, scale));
}

static void check_values(conv_fixture *f, const value_api *api, const value_api *other)
{
    /* Kept digit for digit. */
    const snplp_decimal values[] = {
        {1250, 2}, {125, 1},  {0, 0},          {0, 2},          {-5, 3},
        {7, 0},    {1, 18},   {INT64_MAX, 18}, {-INT64_MAX, 0}, {1000000000000000000, 18},
        {100, 0},  {1000, 1},
    };
    for (size_t i = 0; i < COUNT_OF(values); i++) {
        assert_ok(api->set(f->item, 2020, values[i]));
        assert_value(api, f->item, 2020, values[i].units, values[i].scale);
    }
    assert_ok(api->set(f->item, 2020, dec(1250, 2)));
    assert_value(api, f->item, 2020, 1250, 2);
    snplp_decimal d = dec(9, 9);
    assert_fails(other->get(&d, f->item, 2020), SNPLP_ENOTFOUND); /* only one of the two */
    assert_identical(d, dec(9, 9));
    assert_fails(api->get(&d, f->item, 2019), SNPLP_ENOTFOUND);
    assert_fails(api->get(&d, f->item, 2021), SNPLP_ENOTFOUND);
    assert_identical(d, dec(9, 9));
    const int32_t one[] = {2020};
    assert_years(f->item, one, 1);
    assert_false(same(f));
    /* Equal by value is not enough for equality. */
    snplp_indicator *b = copy_ind(f);
    assert_ok(api->set(b, 2020, dec(125, 1)));
    assert_false(same(f));
    assert_ok(api->set(b, 2020, dec(1250, 2)));
    assert_true(same(f));
    /* The other kind of value with the same number is not the same thing. */
    assert_ok(api->clear(b, 2020));
    assert_ok(other->set(b, 2020, dec(1250, 2)));
    assert_false(same(f));
    assert_ok(other->clear(b, 2020));
    assert_ok(api->set(b, 2020, dec(1250, 2)));

    /* Refusals leave the values as they were. */
    size_t before = snplp_memory_used();
    for (size_t i = 0; i < COUNT_OF(bad_values); i++) {
        assert_fails(api->set(f->item, 2020, bad_values[i]), SNPLP_EINVAL);
        assert_fails(api->set(f->item, 2021, bad_values[i]), SNPLP_EINVAL);
    }
    for (size_t i = 0; i < COUNT_OF(bad_years); i++)
        assert_fails(api->set(f->item, bad_years[i], dec(1, 0)), SNPLP_EINVAL);
    assert_fails(api->set(NULL, 2020, dec(1, 0)), SNPLP_EINVAL);
    assert_fails(api->get(NULL, f->item, 2020), SNPLP_EINVAL);
    assert_fails(api->get(&d, NULL, 2020), SNPLP_EINVAL);
    assert_fails(api->clear(NULL, 2020), SNPLP_EINVAL);
    assert_int_equal(snplp_memory_used(), before);
    assert_true(same(f));
    assert_years(f->item, one, 1);

    /* The extreme years. */
    assert_ok(api->set(f->item, SNPLP_YEAR_MAX, dec(1, 0)));
    assert_ok(api->set(f->item, SNPLP_YEAR_MIN, dec(2, 0)));
    const int32_t three[] = {SNPLP_YEAR_MIN, 2020, SNPLP_YEAR_MAX};
    assert_years(f->item, three, 3);
    assert_value(api, f->item, SNPLP_YEAR_MIN, 2, 0);
    assert_value(api, f->item, SNPLP_YEAR_MAX, 1, 0);

    /* Clearing. */
    assert_ok(api->clear(f->item, SNPLP_YEAR_MIN));
    assert_ok(api->clear(f->item, SNPLP_YEAR_MAX));
    assert_fails(api->clear(f->item, SNPLP_YEAR_MAX), SNPLP_ENOTFOUND);
    assert_fails(api->clear(f->item, 2019), SNPLP_ENOTFOUND);
    assert_fails(other->clear(f->item, 2020), SNPLP_ENOTFOUND); /* only the other is there */
    assert_years(f->item, one, 1);
    assert_true(same(f));
    assert_ok(api->clear(f->item, 2020));
    assert_fails(api->get(&d, f->item, 2020), SNPLP_ENOTFOUND);
    assert_years(f->item, NULL, 0); /* nothing left in 2020 */
    assert_fails(api->clear(f->item, 2020), SNPLP_ENOTFOUND);
    assert_ok(api->clear(b, 2020));
    assert_true(same(f));
}

static void targets(void **state)
{
    check_values(*state, &target_api, &actual_api);
}

static void actuals(void **state)
{
    check_values(*state, &actual_api, &target_api);
}

static void target_and_actual_of_a_year(void **state)
{
    conv_fixture *f = *state;
    assert_ok(snplp_indicator_set_target(f->item, 2020, dec(80, 0)));
    assert_ok(snplp_indicator_set_actual(f->item, 2020, dec(7525, 2)));
    assert_value(&target_api, f->item, 2020, 80, 0);
    assert_value(&actual_api, f->item, 2020, 7525, 2);
    const int32_t one[] = {2020};
    assert_years(f->item, one, 1);
    /* Clearing one keeps the other and the year. */
    assert_ok(snplp_indicator_clear_target(f->item, 2020));
    assert_years(f->item, one, 1);
    assert_value(&actual_api, f->item, 2020, 7525, 2);
    snplp_decimal d;
    assert_fails(snplp_indicator_target(&d, f->item, 2020), SNPLP_ENOTFOUND);
    assert_ok(snplp_indicator_set_target(f->item, 2020, dec(80, 0)));
    assert_ok(snplp_indicator_clear_actual(f->item, 2020));
    assert_years(f->item, one, 1);
    assert_value(&target_api, f->item, 2020, 80, 0);
    assert_ok(snplp_indicator_clear_target(f->item, 2020));
    assert_years(f->item, NULL, 0);
    /* The other indicator is untouched by all this. */
    assert_int_equal(snplp_indicator_year_count(f->other), 0);
    assert_true(same(f));
}

/* ---- sources and comments ---- */

typedef struct note_api {
    int (*set)(snplp_indicator *, int32_t, const char *);
    const char *(*get)(const snplp_indicator *, int32_t);
} note_api;

static const note_api source_api = {snplp_indicator_set_source, snplp_indicator_source};
static const note_api comment_api = {snplp_indicator_set_comment, snplp_indicator_comment};

static void check_notes(conv_fixture *f, const note_api *api, const note_api *other)
{
    char buf[64] = SOURCE;
    assert_ok(api->set(f->item, 2020, buf));
    memset(buf, 'x', sizeof buf - 1);
    assert_string_equal(api->get(f->item, 2020), SOURCE);
    assert_null(other->get(f->item, 2020));
    assert_null(api->get(f->item, 2019));
    assert_null(api->get(f->other, 2020));
    /* A year with only a note counts. */
    const int32_t one[] = {2020};
    assert_years(f->item, one, 1);
    snplp_decimal d;
    assert_fails(snplp_indicator_target(&d, f->item, 2020), SNPLP_ENOTFOUND);
    assert_fails(snplp_indicator_actual(&d, f->item, 2020), SNPLP_ENOTFOUND);
    assert_false(same(f));
    /* Replacing, normalizing. */
    assert_ok(api->set(f->item, 2020,
                       "Donne\xcc\x81"
                       "es provisoires"));
    assert_string_equal(api->get(f->item, 2020), "Donn\xc3\xa9"
                                                 "es provisoires");
    assert_ok(api->set(f->item, 2020, SOURCE));
    /* Refusals leave it as it was. */
    size_t before = snplp_memory_used();
    for (size_t i = 0; i < COUNT_OF(test_bad_texts); i++) {
        assert_fails(api->set(f->item, 2020, test_bad_texts[i]), SNPLP_EENCODING);
        assert_fails(api->set(f->item, 2021, test_bad_texts[i]), SNPLP_EENCODING);
    }
    for (size_t i = 0; i < COUNT_OF(bad_years); i++) {
        assert_fails(api->set(f->item, bad_years[i], "x"), SNPLP_EINVAL);
        assert_fails(api->set(f->item, bad_years[i], NULL), SNPLP_EINVAL);
        assert_null(api->get(f->item, bad_years[i]));
    }
    assert_fails(api->set(NULL, 2020, "x"), SNPLP_EINVAL);
    assert_fails(api->set(NULL, 2020, NULL), SNPLP_EINVAL);
    assert_int_equal(snplp_memory_used(), before);
    assert_string_equal(api->get(f->item, 2020), SOURCE);
    assert_years(f->item, one, 1);
    /* The copy with the same note is equal; the note as the other kind is not. */
    snplp_indicator *b = copy_ind(f);
    assert_ok(other->set(b, 2020, SOURCE));
    assert_false(same(f));
    assert_ok(other->set(b, 2020, NULL));
    assert_int_equal(snplp_indicator_year_count(b), 0);
    assert_ok(api->set(b, 2020, SOURCE));
    assert_true(same(f));
    /* NULL unsets; on a year with nothing it does nothing. */
    assert_ok(api->set(f->item, 2021, NULL));
    assert_years(f->item, one, 1);
    assert_ok(other->set(f->item, 2020, "Autre"));
    assert_ok(api->set(f->item, 2020, NULL));
    assert_null(api->get(f->item, 2020));
    assert_years(f->item, one, 1); /* the other note is left */
    assert_ok(other->set(f->item, 2020, NULL));
    assert_years(f->item, NULL, 0);
    assert_ok(api->set(f->item, 2020, NULL));
    assert_years(f->item, NULL, 0);
    assert_ok(api->set(b, 2020, NULL));
    assert_true(same(f));
    /* An empty note is a note. */
    assert_ok(api->set(f->item, 2019, ""));
    assert_string_equal(api->get(f->item, 2019), "");
    const int32_t y2019[] = {2019};
    assert_years(f->item, y2019, 1);
    assert_false(same(f));
    assert_ok(api->set(f->item, 2019, NULL));
    assert_true(same(f));
}

static void sources(void **state)
{
    check_notes(*state, &source_api, &comment_api);
}

static void comments(void **state)
{
    check_notes(*state, &comment_api, &source_api);
}

static void years_in_order(void **state)
{
    conv_fixture *f = *state;
    assert_ok(snplp_indicator_set_target(f->item, 2021, dec(3, 0)));
    assert_ok(snplp_indicator_set_source(f->item, 2019, "S"));
    assert_ok(snplp_indicator_set_actual(f->item, 2020, dec(2, 0)));
    assert_ok(snplp_indicator_set_comment(f->item, 2018, "C"));
    const int32_t four[] = {2018, 2019, 2020, 2021};
    assert_years(f->item, four, 4);
    /* Everything of one year recorded, then cleared one by one. */
    assert_ok(snplp_indicator_set_target(f->item, 2019, dec(1, 0)));
    assert_ok(snplp_indicator_set_actual(f->item, 2019, dec(1, 0)));
    assert_ok(snplp_indicator_set_comment(f->item, 2019, "C"));
    assert_years(f->item, four, 4);
    assert_ok(snplp_indicator_clear_target(f->item, 2019));
    assert_ok(snplp_indicator_clear_actual(f->item, 2019));
    assert_ok(snplp_indicator_set_source(f->item, 2019, NULL));
    assert_years(f->item, four, 4); /* the comment is left */
    assert_ok(snplp_indicator_set_comment(f->item, 2019, NULL));
    const int32_t three[] = {2018, 2020, 2021};
    assert_years(f->item, three, 3);
    assert_null(snplp_indicator_source(f->item, 2019));
    /* Many years in decreasing order. */
    for (int32_t y = 2060; y > 2021; y--)
        assert_ok(snplp_indicator_set_target(f->item, y, dec(y, 0)));
    assert_int_equal(snplp_indicator_year_count(f->item), 3 + 39);
    for (size_t i = 1; i < snplp_indicator_year_count(f->item); i++)
        assert_true(snplp_indicator_year_at(f->item, i - 1) < snplp_indicator_year_at(f->item, i));
    assert_value(&target_api, f->item, 2042, 2042, 0);
    assert_value(&target_api, f->item, 2021, 3, 0);
}

/* ---- texts forbidden by XML that are also white space ---- */

/* U+000B and U+000C are C0 controls that XML forbids (test_bad_texts) and Unicode white space. */
static void control_characters(void **state)
{
    conv_fixture *f = *state;
    const char *const texts[] = {"\x0b", "\x0c", " \x0b ", "\t\x0c\n"};
    for (size_t i = 0; i < COUNT_OF(texts); i++) {
        /* The optional source and comment refuse them as characters XML forbids. */
        assert_fails(snplp_indicator_set_source(f->item, 2020, texts[i]), SNPLP_EENCODING);
        assert_fails(snplp_indicator_set_comment(f->item, 2020, texts[i]), SNPLP_EENCODING);
        /* The required label refuses them the same way (the encoding is checked first). */
        assert_fails(snplp_indicator_set_label(f->item, texts[i]), SNPLP_EENCODING);
    }
    assert_true(same(f));
}

/* ---- an indicator's own strings given back to it ---- */

static void own_strings_as_arguments(void **state)
{
    conv_fixture *f = *state;
    assert_ok(snplp_indicator_set_label(f->item, snplp_indicator_label(f->item)));
    assert_string_equal(snplp_indicator_label(f->item), LABEL);
    assert_ok(snplp_indicator_set_aggregation(f->item, SNPLP_AGGREGATION_WEIGHTED_MEAN, "i-nb"));
    assert_ok(snplp_indicator_set_aggregation(f->item, SNPLP_AGGREGATION_WEIGHTED_MEAN,
                                              snplp_indicator_weight_id(f->item)));
    assert_string_equal(snplp_indicator_weight_id(f->item), "i-nb");
    assert_ok(snplp_indicator_set_ratio_of(f->item, "i-num", "i-den"));
    /* swapped: each is read before either is freed */
    assert_ok(snplp_indicator_set_ratio_of(f->item, snplp_indicator_denominator_id(f->item),
                                           snplp_indicator_numerator_id(f->item)));
    assert_string_equal(snplp_indicator_numerator_id(f->item), "i-den");
    assert_string_equal(snplp_indicator_denominator_id(f->item), "i-num");
    assert_ok(snplp_indicator_set_source(f->item, 2020, SOURCE));
    assert_ok(snplp_indicator_set_source(f->item, 2020, snplp_indicator_source(f->item, 2020)));
    assert_ok(snplp_indicator_set_comment(f->item, 2020, snplp_indicator_source(f->item, 2020)));
    /* into new years while the table grows */
    for (int32_t y = 2021; y < 2030; y++) {
        assert_ok(snplp_indicator_set_source(f->item, y, snplp_indicator_comment(f->item, y - 1)));
        assert_ok(snplp_indicator_set_comment(f->item, y, snplp_indicator_source(f->item, y)));
    }
    assert_int_equal(snplp_indicator_year_count(f->item), 10);
    assert_string_equal(snplp_indicator_source(f->item, 2029), SOURCE);
    assert_string_equal(snplp_indicator_comment(f->item, 2029), SOURCE);
    assert_ok(snplp_indicator_set_label(f->item, snplp_indicator_comment(f->item, 2025)));
    assert_string_equal(snplp_indicator_label(f->item), SOURCE);
}

/* ---- pointers of another type ---- */

static void wrong_objects(void **state)
{
    conv_fixture *f = *state;
    snplp_diagnostics *diags = new_diags();
    size_t before = snplp_memory_used();
    snplp_indicator *const objects[] = {
        NULL,
        (snplp_indicator *)(void *)f->conv,
        (snplp_indicator *)(void *)snplp_convention_action_find(f->conv, "a"),
        (snplp_indicator *)(void *)diags,
    };
    for (size_t i = 0; i < COUNT_OF(objects); i++) {
        snplp_indicator *x = objects[i];
        assert_null(snplp_indicator_id(x));
        assert_null(snplp_indicator_convention(x));
        assert_null(snplp_indicator_label(x));
        assert_int_equal(snplp_indicator_unit(x), SNPLP_UNIT_NONE);
        assert_int_equal(snplp_indicator_polarity(x), SNPLP_POLARITY_NONE);
        assert_int_equal(snplp_indicator_aggregation(x), SNPLP_AGGREGATION_NONE);
        assert_null(snplp_indicator_weight_id(x));
        assert_null(snplp_indicator_numerator_id(x));
        assert_null(snplp_indicator_denominator_id(x));
        assert_null(snplp_indicator_source(x, 2020));
        assert_null(snplp_indicator_comment(x, 2020));
        assert_int_equal(snplp_indicator_year_count(x), 0);
        assert_int_equal(snplp_indicator_year_at(x, 0), 0);
        int32_t year = 5;
        snplp_decimal d = dec(5, 0);
        assert_fails(snplp_indicator_baseline(&year, &d, x), SNPLP_EINVAL);
        assert_fails(snplp_indicator_target(&d, x, 2020), SNPLP_EINVAL);
        assert_fails(snplp_indicator_actual(&d, x, 2020), SNPLP_EINVAL);
        assert_int_equal(year, 5);
        assert_identical(d, dec(5, 0));
        assert_fails(snplp_indicator_set_label(x, "L"), SNPLP_EINVAL);
        assert_fails(snplp_indicator_set_unit(x, SNPLP_UNIT_DAYS), SNPLP_EINVAL);
        assert_fails(snplp_indicator_set_polarity(x, SNPLP_POLARITY_LOWER), SNPLP_EINVAL);
        assert_fails(snplp_indicator_set_aggregation(x, SNPLP_AGGREGATION_SUM, NULL), SNPLP_EINVAL);
        assert_fails(snplp_indicator_set_ratio_of(x, "n", "d"), SNPLP_EINVAL);
        assert_fails(snplp_indicator_set_ratio_of(x, NULL, NULL), SNPLP_EINVAL);
        assert_fails(snplp_indicator_set_baseline(x, 2018, dec(1, 0)), SNPLP_EINVAL);
        assert_fails(snplp_indicator_clear_baseline(x), SNPLP_EINVAL);
        assert_fails(snplp_indicator_set_target(x, 2020, dec(1, 0)), SNPLP_EINVAL);
        assert_fails(snplp_indicator_clear_target(x, 2020), SNPLP_EINVAL);
        assert_fails(snplp_indicator_set_actual(x, 2020, dec(1, 0)), SNPLP_EINVAL);
        assert_fails(snplp_indicator_clear_actual(x, 2020), SNPLP_EINVAL);
        assert_fails(snplp_indicator_set_source(x, 2020, "S"), SNPLP_EINVAL);
        assert_fails(snplp_indicator_set_source(x, 2020, NULL), SNPLP_EINVAL);
        assert_fails(snplp_indicator_set_comment(x, 2020, "C"), SNPLP_EINVAL);
        assert_fails(snplp_indicator_set_comment(x, 2020, NULL), SNPLP_EINVAL);
    }
    assert_int_equal(snplp_memory_used(), before);
    assert_true(same(f));
    assert_int_equal(snplp_diagnostics_count(diags), 0);
    assert_string_equal(snplp_action_title(snplp_convention_action_find(f->conv, "a")), "A");
    snplp_diagnostics_free(diags);
}

/* ---- out of memory ---- */

/* One change, made under an out-of-memory sweep on the indicator and plainly on the copy's. */
typedef struct oom_ctx {
    conv_fixture *f;
    int (*op)(snplp_indicator *ind, int i);
    int i;
} oom_ctx;

static int step_op(void *p)
{
    oom_ctx *x = p;
    return x->op(x->f->item, x->i);
}

static void check_unchanged(void *p)
{
    oom_ctx *x = p;
    assert_true(same(x->f));
}

/* Runs op(i) for i = 0..n-1; returns how many of them allocated. */
static int sweep(conv_fixture *f, int (*op)(snplp_indicator *ind, int i), int n)
{
    int allocating = 0;
    for (int i = 0; i < n; i++) {
        oom_ctx x = {f, op, i};
        allocating += test_oom_sweep(step_op, check_unchanged, &x) > 0;
        assert_ok(op(copy_ind(f), i));
        assert_true(same(f));
    }
    return allocating;
}

/* New years in no order (the table grows at the first five and the seventh: capacities 1, 2,
 * 3, 4, 6, 9), then years already there. */
static const int32_t oom_years[] = {2021, 2019, 2020, 2025, 2018, 2023, 2022, 2024, 2019, 2025};

static int op_target(snplp_indicator *ind, int i)
{
    return snplp_indicator_set_target(ind, oom_years[i], dec(1250 + i, 2));
}

static int op_actual(snplp_indicator *ind, int i)
{
    return snplp_indicator_set_actual(ind, oom_years[i], dec(-i, 1));
}

static int op_source(snplp_indicator *ind, int i)
{
    char text[64];
    snprintf(text, sizeof text,
             "Source n\xc2\xb0%d, donne\xcc\x81"
             "es de la CAF",
             i);
    return snplp_indicator_set_source(ind, oom_years[i], text);
}

static int op_comment(snplp_indicator *ind, int i)
{
    return snplp_indicator_set_comment(ind, oom_years[i],
                                       i % 2 ? "Estimation" : "Pre\xcc\x81vision");
}

static int op_aggregation(snplp_indicator *ind, int i)
{
    switch (i % 4) {
    case 0:
        return snplp_indicator_set_aggregation(ind, SNPLP_AGGREGATION_WEIGHTED_MEAN, "i-nb");
    case 1:
        return snplp_indicator_set_aggregation(ind, SNPLP_AGGREGATION_WEIGHTED_MEAN,
                                               "i-un-poids-plus-long");
    case 2:
        return snplp_indicator_set_aggregation(ind, SNPLP_AGGREGATION_SUM, NULL);
    default:
        return snplp_indicator_set_aggregation(ind, SNPLP_AGGREGATION_NONE, NULL);
    }
}

static int op_ratio(snplp_indicator *ind, int i)
{
    switch (i % 3) {
    case 0:
        return snplp_indicator_set_ratio_of(ind, "i-en-emploi", "i-suivis");
    case 1:
        return snplp_indicator_set_ratio_of(ind, "i-nb", "i-tous-les-jeunes-suivis");
    default:
        return snplp_indicator_set_ratio_of(ind, NULL, NULL);
    }
}

static int op_label(snplp_indicator *ind, int i)
{
    return snplp_indicator_set_label(ind, i % 2 ? "Taux de jeunes accompagne\xcc\x81s" : "Taux");
}

static void set_target_out_of_memory(void **state)
{
    conv_fixture *f = *state;
    assert_int_equal(sweep(f, op_target, 10), 6);
    assert_int_equal(snplp_indicator_year_count(f->item), 8);
    assert_value(&target_api, f->item, 2019, 1258, 2);
    assert_value(&target_api, f->item, 2025, 1259, 2);
}

static void set_actual_out_of_memory(void **state)
{
    conv_fixture *f = *state;
    assert_int_equal(sweep(f, op_actual, 10), 6);
    assert_int_equal(snplp_indicator_year_count(f->item), 8);
    assert_value(&actual_api, f->item, 2019, -8, 1);
}

static void set_source_out_of_memory(void **state)
{
    conv_fixture *f = *state;
    assert_int_equal(sweep(f, op_source, 10), 10);
    assert_int_equal(snplp_indicator_year_count(f->item), 8);
    assert_string_equal(snplp_indicator_source(f->item, 2025), "Source n\xc2\xb0"
                                                               "9, donn\xc3\xa9"
                                                               "es de la CAF");
}

static void set_comment_out_of_memory(void **state)
{
    conv_fixture *f = *state;
    assert_int_equal(sweep(f, op_comment, 10), 10);
    assert_string_equal(snplp_indicator_comment(f->item, 2018), "Pr\xc3\xa9vision");
    assert_string_equal(snplp_indicator_comment(f->item, 2023), "Estimation");
}

static void set_aggregation_out_of_memory(void **state)
{
    conv_fixture *f = *state;
    assert_int_equal(sweep(f, op_aggregation, 8), 4); /* the weighted means */
    assert_int_equal(snplp_indicator_aggregation(f->item), SNPLP_AGGREGATION_NONE);
    assert_ok(op_aggregation(f->item, 1));
    assert_string_equal(snplp_indicator_weight_id(f->item), "i-un-poids-plus-long");
}

static void set_ratio_of_out_of_memory(void **state)
{
    conv_fixture *f = *state;
    assert_int_equal(sweep(f, op_ratio, 6), 4);
    assert_null(snplp_indicator_numerator_id(f->item));
    assert_ok(op_ratio(f->item, 1));
    assert_string_equal(snplp_indicator_denominator_id(f->item), "i-tous-les-jeunes-suivis");
}

static void set_label_out_of_memory(void **state)
{
    conv_fixture *f = *state;
    assert_int_equal(sweep(f, op_label, 4), 4);
    assert_string_equal(snplp_indicator_label(f->item), LABEL);
}

/* The setters that cannot fail for want of memory (their documentation lists no
 * SNPLP_ENOMEM) and clearing allocate nothing. */
static void setters_without_enomem_do_not_allocate(void **state)
{
    conv_fixture *f = *state;
    assert_ok(snplp_indicator_set_target(f->item, 2020, dec(1, 0)));
    assert_ok(snplp_indicator_set_actual(f->item, 2020, dec(1, 0)));
    size_t before = snplp_memory_used();
    snplp__alloc_fail_after(0);
    int rc[7];
    rc[0] = snplp_indicator_set_baseline(f->item, 2018, dec(4, 0));
    rc[1] = snplp_indicator_set_unit(f->item, SNPLP_UNIT_RATIO);
    rc[2] = snplp_indicator_set_polarity(f->item, SNPLP_POLARITY_EXACT);
    rc[3] = snplp_indicator_clear_target(f->item, 2020);
    rc[4] = snplp_indicator_clear_baseline(f->item);
    rc[5] = snplp_indicator_clear_actual(f->item, 2020);
    rc[6] = snplp_indicator_set_baseline(f->item, 2017, dec(5, 1));
    snplp__alloc_fail_after(-1);
    for (size_t i = 0; i < COUNT_OF(rc); i++)
        assert_ok(rc[i]);
    assert_int_equal(snplp_memory_used(), before);
    assert_int_equal(snplp_indicator_unit(f->item), SNPLP_UNIT_RATIO);
    assert_int_equal(snplp_indicator_polarity(f->item), SNPLP_POLARITY_EXACT);
    assert_int_equal(snplp_indicator_year_count(f->item), 0);
    int32_t year = 0;
    snplp_decimal d = dec(0, 0);
    assert_ok(snplp_indicator_baseline(&year, &d, f->item));
    assert_int_equal(year, 2017);
    assert_identical(d, dec(5, 1));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        NAMES_TEST(enums),
        cmocka_unit_test(aggregation_names),
        FIXTURE_TEST(new_indicator),
        FIXTURE_TEST(label),
        FIXTURE_TEST(unit_and_polarity),
        FIXTURE_TEST(aggregation),
        FIXTURE_TEST(ratio_of),
        FIXTURE_TEST(baseline),
        FIXTURE_TEST(targets),
        FIXTURE_TEST(actuals),
        FIXTURE_TEST(target_and_actual_of_a_year),
        FIXTURE_TEST(sources),
        FIXTURE_TEST(comments),
        FIXTURE_TEST(years_in_order),
        FIXTURE_TEST(control_characters),
        FIXTURE_TEST(own_strings_as_arguments),
        FIXTURE_TEST(wrong_objects),
        FIXTURE_TEST(set_target_out_of_memory),
        FIXTURE_TEST(set_actual_out_of_memory),
        FIXTURE_TEST(set_source_out_of_memory),
        FIXTURE_TEST(set_comment_out_of_memory),
        FIXTURE_TEST(set_aggregation_out_of_memory),
        FIXTURE_TEST(set_ratio_of_out_of_memory),
        FIXTURE_TEST(set_label_out_of_memory),
        FIXTURE_TEST(setters_without_enomem_do_not_allocate),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
