/* Tests of strategy.h: the strategy singleton, its optional texts, launch date, budget,
 * alternative labels and whether levers are open, with every error path and out of memory on
 * every function that allocates: the tests every kind shares (support/kind_tests.h), over the
 * strategy's description (support/kinds.c), and the launch date, a date checked on the way
 * in. */
#include "kind_tests.h"

static snplp_strategy *strategy_of(void **state)
{
    kind_fixture *f = *state;
    return f->z.items[SNPLP_KIND_STRATEGY][0];
}

static void launch_date_accepts_real_dates(void **state)
{
    snplp_strategy *s = strategy_of(state);
    static const char *const good[] = {
        "2018",       "2018-09",    "2018-09-13", "2020-02-29", "2000-02-29",
        "2016-02-29", "2019-02-28", "2018-01-31", "2018-04-30", "2018-12-31",
        "1000",       "1000-01-01", "9999",       "9999-12",    "9999-12-31",
    };
    for (size_t i = 0; i < COUNT_OF(good); i++) {
        assert_ok(snplp_strategy_set_launch_date(s, good[i]));
        assert_text(snplp_strategy_launch_date(s), good[i]);
    }
    /* Copied. */
    char buf[16] = "2018-09-13";
    assert_ok(snplp_strategy_set_launch_date(s, buf));
    buf[3] = '9';
    assert_string_equal(snplp_strategy_launch_date(s), "2018-09-13");
    /* NULL unsets. */
    assert_ok(snplp_strategy_set_launch_date(s, NULL));
    assert_null(snplp_strategy_launch_date(s));
    assert_null(snplp_strategy_title(s)); /* the other texts are untouched */
}

static void launch_date_rejects_malformed_or_impossible_dates(void **state)
{
    snplp_strategy *s = strategy_of(state);
    static const char *const bad[] = {
        "2018-02-30",
        "2018-02-29",
        "2019-02-29",
        "2100-02-29",
        "1900-02-29",
        "2018-13",
        "2018-00",
        "2018-09-00",
        "2018-09-31",
        "2018-04-31",
        "2018-06-31",
        "2018-01-32",
        "2018-12-32",
        "18-09",
        "18",
        "201",
        "20180",
        "0999",
        "0000",
        "999-01-01",
        "12345",
        "2018/09",
        "2018-9",
        "2018-9-13",
        "2018-09-1",
        "2018-09-013",
        "2018-09-13T10:00",
        "2018-0a",
        "20x8",
        "+2018",
        " 2018",
        "2018 ",
        "2018-09-13\n",
        "",
        "abcd",
        "2018-09-",
        "2018--09",
        "2018-09_13",
        "-2018",
        "\xef\xbc\x92\xef\xbc\x90\xef\xbc\x91\xef\xbc\x98",
        "\xff\xff\xff\xff",
    };
    assert_ok(snplp_strategy_set_launch_date(s, "2018-09"));
    for (size_t i = 0; i < COUNT_OF(bad); i++) {
        snplp_error_clear();
        int rc = snplp_strategy_set_launch_date(s, bad[i]);
        if (rc != SNPLP_EINVAL)
            fail_msg("'%s' gave %s instead of SNPLP_EINVAL", bad[i], snplp_status_name(rc));
        assert_int_equal(snplp_error_last_code(), SNPLP_EINVAL);
        /* The old value stays. */
        assert_string_equal(snplp_strategy_launch_date(s), "2018-09");
    }
    /* NULL (wrong objects: the "wrong objects" test). */
    assert_fails(snplp_strategy_set_launch_date(NULL, "2018"), SNPLP_EINVAL);
    assert_fails(snplp_strategy_set_launch_date(NULL, NULL), SNPLP_EINVAL);
    assert_null(snplp_strategy_launch_date(NULL));
    assert_string_equal(snplp_strategy_launch_date(s), "2018-09");
}

static void launch_date_out_of_memory(void **state)
{
    const kind_desc *k = kinds[SNPLP_KIND_STRATEGY];
    kind_sweep_set(k, "launch_date", strategy_of(state), "2018-09", "2018-09");
    kind_sweep_set(k, "launch_date", strategy_of(state), "2018-09-13", "2018-09-13");
}

int main(void)
{
    const struct CMUnitTest own[] = {
        KIND_TEST(launch_date_accepts_real_dates),
        KIND_TEST(launch_date_rejects_malformed_or_impossible_dates),
        KIND_TEST(launch_date_out_of_memory),
    };
    return kind_tests_run(kinds[SNPLP_KIND_STRATEGY], own, COUNT_OF(own));
}
