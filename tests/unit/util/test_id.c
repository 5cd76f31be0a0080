/* Tests of id.h: the NCName-shaped ASCII ids, at most SNPLP_ID_MAX bytes. */
#include "test_util.h"

static void well_formed_ids_are_valid(void **state)
{
    (void)state;
    static const char *const valid[] = {
        "a",
        "Z",
        "_",
        "__",
        "_1",
        "theme-1",
        "module.2.3",
        "a_b-c.d",
        "CamelCase",
        "x0123456789",
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.",
        "a-",
        "a.",
        "a--b..c__",
    };
    for (size_t i = 0; i < sizeof valid / sizeof valid[0]; i++) {
        if (!snplp_id_is_valid(valid[i]))
            print_error("refused: '%s'\n", valid[i]);
        assert_true(snplp_id_is_valid(valid[i]));
    }
}

static void malformed_ids_are_invalid(void **state)
{
    (void)state;
    static const char *const invalid[] = {
        "",                  /* empty */
        "1abc",              /* starts with a digit */
        "9",                 /* only a digit */
        "-abc",              /* starts with '-' */
        ".abc",              /* starts with '.' */
        "a b",               /* space inside */
        " a",                /* leading space */
        "a ",                /* trailing space */
        "a\tb",              /* tab */
        "a\nb",              /* line feed */
        "\xc3\xa9t\xc3\xa9", /* "été": non-ASCII first */
        "caf\xc3\xa9",       /* "café": non-ASCII later */
        "a\xc3",             /* truncated UTF-8 */
        "a\xff",             /* a byte that is never UTF-8 */
        "a:b",               /* ':' is not in an NCName */
        "a/b",               /* '/' */
        "a#b",               /* '#' */
        "a+b",               /* '+' */
        "a'b",               /* quote */
        "a\x7f",             /* DEL */
    };
    for (size_t i = 0; i < sizeof invalid / sizeof invalid[0]; i++) {
        if (snplp_id_is_valid(invalid[i]))
            print_error("accepted: '%s'\n", invalid[i]);
        assert_false(snplp_id_is_valid(invalid[i]));
    }
}

static void null_is_invalid(void **state)
{
    (void)state;
    assert_false(snplp_id_is_valid(NULL));
}

/* SNPLP_ID_MAX bytes are accepted, one more is refused (whatever the last character). */
static void length_limit_is_id_max(void **state)
{
    (void)state;
    assert_int_equal(SNPLP_ID_MAX, 256);
    char id[SNPLP_ID_MAX + 3];

    memset(id, 'a', SNPLP_ID_MAX);
    id[SNPLP_ID_MAX] = '\0';
    assert_true(snplp_id_is_valid(id));
    id[SNPLP_ID_MAX - 1] = '9';
    assert_true(snplp_id_is_valid(id));

    memset(id, 'a', SNPLP_ID_MAX + 1);
    id[SNPLP_ID_MAX + 1] = '\0';
    assert_false(snplp_id_is_valid(id));
    id[SNPLP_ID_MAX] = '-';
    assert_false(snplp_id_is_valid(id));

    memset(id, '_', SNPLP_ID_MAX + 2);
    id[SNPLP_ID_MAX + 2] = '\0';
    assert_false(snplp_id_is_valid(id));

    /* One below the limit. */
    memset(id, 'b', SNPLP_ID_MAX - 1);
    id[SNPLP_ID_MAX - 1] = '\0';
    assert_true(snplp_id_is_valid(id));
}

/* Ids are case-sensitive: "Theme" and "theme" are two ids of one referential. */
static void ids_are_case_sensitive(void **state)
{
    (void)state;
    snplp_referential *ref = test_new_referential();
    assert_ok(snplp_referential_add_theme(NULL, ref, "theme", "Un"));
    assert_ok(snplp_referential_add_theme(NULL, ref, "Theme", "Deux"));
    assert_int_equal(snplp_referential_theme_count(ref), 2);
    assert_string_equal(snplp_theme_title(snplp_referential_theme_find(ref, "theme")), "Un");
    assert_string_equal(snplp_theme_title(snplp_referential_theme_find(ref, "Theme")), "Deux");
    snplp_referential_unref(ref);
}

/* The functions that take an id apply the same rule: a malformed id is SNPLP_EBADID, NULL is
 * SNPLP_EINVAL, and nothing is added. */
static void adding_applies_the_same_rule(void **state)
{
    (void)state;
    snplp_referential *ref = test_new_referential();
    char id[SNPLP_ID_MAX + 2];
    memset(id, 'a', SNPLP_ID_MAX);
    id[SNPLP_ID_MAX] = '\0';
    assert_ok(snplp_referential_add_theme(NULL, ref, id, "Longest id"));
    assert_non_null(snplp_referential_theme_find(ref, id));

    memset(id, 'b', SNPLP_ID_MAX + 1);
    id[SNPLP_ID_MAX + 1] = '\0';
    snplp_theme *theme = NULL;
    assert_status(snplp_referential_add_theme(&theme, ref, id, "Too long"), SNPLP_EBADID);
    assert_int_equal(snplp_error_last_code(), SNPLP_EBADID);
    assert_non_null(strstr(snplp_error_last_message(), "malformed"));
    assert_null(theme);

    static const char *const bad[] = {"", "1a", "-a", "a b", "caf\xc3\xa9"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        assert_status(snplp_referential_add_theme(NULL, ref, bad[i], "Titre"), SNPLP_EBADID);
        assert_int_equal(snplp_error_last_code(), SNPLP_EBADID);
    }
    assert_status(snplp_referential_add_theme(NULL, ref, NULL, "Titre"), SNPLP_EINVAL);
    assert_int_equal(snplp_error_last_code(), SNPLP_EINVAL);
    assert_int_equal(snplp_referential_theme_count(ref), 1);
    snplp_referential_unref(ref);
    snplp_error_clear();
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(well_formed_ids_are_valid), cmocka_unit_test(malformed_ids_are_invalid),
        cmocka_unit_test(null_is_invalid),           cmocka_unit_test(length_limit_is_id_max),
        cmocka_unit_test(ids_are_case_sensitive),    cmocka_unit_test(adding_applies_the_same_rule),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
