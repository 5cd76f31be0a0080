/* Tests of territory.h: the kinds of territories and their names, and the official codes of
 * départements (INSEE, Corse and overseas included), régions (since 2016) and métropoles (SIREN
 * numbers with a valid Luhn checksum), compared exactly as written. */
#include "names.h"

#include <stdio.h>

static const char *const regions[] = {"01", "02", "03", "04", "06", "11", "24", "27", "28",
                                      "32", "44", "52", "53", "75", "76", "84", "93", "94"};

static const char *const overseas_departements[] = {"971", "972", "973", "974", "976"};

/* A valid SIREN changed in one digit, or cut or lengthened. */
static const char *const lille = "200093201"; /* Métropole Européenne de Lille */
static const char *const lyon = "200046977";  /* Métropole de Lyon */

static bool in_list(const char *code, const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(code, list[i]))
            return true;
    return false;
}

/* Asserts that code_is_valid gives want and records no error. */
static void assert_code(snplp_territory_kind kind, const char *code, bool want)
{
    snplp_error_clear();
    bool got = snplp_territory_code_is_valid(kind, code);
    if (got != want)
        print_error("%s '%s': got %s, want %s\n", snplp_territory_kind_name(kind),
                    code ? code : "(NULL)", got ? "valid" : "invalid", want ? "valid" : "invalid");
    assert_int_equal(got, want);
    assert_int_equal(snplp_error_last_code(), SNPLP_OK);
}

/* ---- kinds ---- */

/* The names of the kinds of territories, and back (support/names.c). */
static const enum_names *const names[] = {&names_territory_kind, NULL};

/* ---- départements ---- */

static void every_departement(void **state)
{
    (void)state;
    char code[8];
    size_t valid = 0;
    for (int v = 1; v <= 95; v++) {
        if (v == 20)
            continue;
        snprintf(code, sizeof code, "%02d", v);
        assert_code(SNPLP_TERRITORY_DEPARTEMENT, code, true);
        valid++;
    }
    assert_code(SNPLP_TERRITORY_DEPARTEMENT, "2A", true);
    assert_code(SNPLP_TERRITORY_DEPARTEMENT, "2B", true);
    for (size_t i = 0; i < COUNT_OF(overseas_departements); i++)
        assert_code(SNPLP_TERRITORY_DEPARTEMENT, overseas_departements[i], true);
    valid += 2 + COUNT_OF(overseas_departements);
    assert_int_equal(valid, 101); /* the 101 départements */
}

static void departement_refusals(void **state)
{
    (void)state;
    const char *const bad[] = {
        "20",   "00",  "96",       "99",  "975",  "970",
        "977",  "2a",  "2b",       "2C",  "2",    "1",
        "9",    "049", "01 ",      " 49", "49 ",  "+49",
        "-1",   "4 9", "",         "0",   "971 ", "0971",
        "9710", "1A",  "2AB",      "A2",  "2A ",  "\xef\xbc\x94\xef\xbc\x99" /* full-width 49 */,
        "49\n", "100", "200093201"};
    for (size_t i = 0; i < COUNT_OF(bad); i++)
        assert_code(SNPLP_TERRITORY_DEPARTEMENT, bad[i], false);
    assert_code(SNPLP_TERRITORY_DEPARTEMENT, NULL, false);
    /* Every two- and three-digit text other than the official ones. */
    char code[8];
    for (int v = 0; v <= 99; v++) {
        snprintf(code, sizeof code, "%02d", v);
        assert_code(SNPLP_TERRITORY_DEPARTEMENT, code, v >= 1 && v <= 95 && v != 20);
    }
    for (int v = 0; v <= 999; v++) {
        snprintf(code, sizeof code, "%03d", v);
        assert_code(SNPLP_TERRITORY_DEPARTEMENT, code,
                    in_list(code, overseas_departements, COUNT_OF(overseas_departements)));
    }
    for (char c = 'A'; c <= 'Z'; c++) {
        snprintf(code, sizeof code, "2%c", c);
        assert_code(SNPLP_TERRITORY_DEPARTEMENT, code, c == 'A' || c == 'B');
        snprintf(code, sizeof code, "2%c", c + ('a' - 'A'));
        assert_code(SNPLP_TERRITORY_DEPARTEMENT, code, false);
    }
}

/* ---- régions ---- */

static void every_region(void **state)
{
    (void)state;
    assert_int_equal(COUNT_OF(regions), 18);
    for (size_t i = 0; i < COUNT_OF(regions); i++)
        assert_code(SNPLP_TERRITORY_REGION, regions[i], true);
    char code[8];
    size_t valid = 0;
    for (int v = 0; v <= 99; v++) {
        snprintf(code, sizeof code, "%02d", v);
        bool official = in_list(code, regions, COUNT_OF(regions));
        assert_code(SNPLP_TERRITORY_REGION, code, official);
        valid += official;
    }
    assert_int_equal(valid, 18);
}

static void region_refusals(void **state)
{
    (void)state;
    const char *const bad[] = {"05",  "21",   "52 ", " 52", "1",   "6",
                               "011", "052",  "00",  "",    "2A",  "2B",
                               "971", "94\n", "5",   "520", "93.", "9\xef\xbc\x93"};
    for (size_t i = 0; i < COUNT_OF(bad); i++)
        assert_code(SNPLP_TERRITORY_REGION, bad[i], false);
    assert_code(SNPLP_TERRITORY_REGION, NULL, false);
    assert_code(SNPLP_TERRITORY_REGION, lille, false);
}

/* ---- métropoles ---- */

static void metropole_siren(void **state)
{
    (void)state;
    assert_code(SNPLP_TERRITORY_METROPOLE, lille, true);
    assert_code(SNPLP_TERRITORY_METROPOLE, lyon, true);
    /* Changing any one digit breaks the Luhn checksum. */
    const char *const valid[] = {lille, lyon};
    char code[16];
    for (size_t v = 0; v < COUNT_OF(valid); v++) {
        for (size_t pos = 0; pos < 9; pos++) {
            for (char d = '0'; d <= '9'; d++) {
                strcpy(code, valid[v]);
                if (code[pos] == d)
                    continue;
                code[pos] = d;
                assert_code(SNPLP_TERRITORY_METROPOLE, code, false);
            }
        }
        /* 8 or 10 digits. */
        strcpy(code, valid[v]);
        code[8] = '\0';
        assert_code(SNPLP_TERRITORY_METROPOLE, code, false);
        snprintf(code, sizeof code, "%s0", valid[v]);
        assert_code(SNPLP_TERRITORY_METROPOLE, code, false);
        snprintf(code, sizeof code, "0%s", valid[v]);
        assert_code(SNPLP_TERRITORY_METROPOLE, code, false);
        snprintf(code, sizeof code, "%s ", valid[v]);
        assert_code(SNPLP_TERRITORY_METROPOLE, code, false);
        snprintf(code, sizeof code, " %s", valid[v]);
        assert_code(SNPLP_TERRITORY_METROPOLE, code, false);
    }
    /* Two neighbouring digits swapped (mostly caught by Luhn): "200093210" is not valid. */
    assert_code(SNPLP_TERRITORY_METROPOLE, "200093210", false);
    const char *const bad[] = {"",           "49",        "20009320",  "2000932010", "200 093 201",
                               "200093-201", "20009320A", "A00093201", "2000932O1",  "-20009320"};
    for (size_t i = 0; i < COUNT_OF(bad); i++)
        assert_code(SNPLP_TERRITORY_METROPOLE, bad[i], false);
    assert_code(SNPLP_TERRITORY_METROPOLE, NULL, false);
    /* Other SIREN numbers of métropoles with a valid checksum. */
    assert_code(SNPLP_TERRITORY_METROPOLE, "200054807", true); /* Métropole d'Aix-Marseille */
    assert_code(SNPLP_TERRITORY_METROPOLE, "243100518", true); /* Toulouse Métropole */
}

/* ---- kinds are not interchangeable ---- */

static void codes_belong_to_their_kind(void **state)
{
    (void)state;
    /* Codes of one kind are not codes of the others (except the shared numbers). */
    assert_code(SNPLP_TERRITORY_DEPARTEMENT, lille, false);
    assert_code(SNPLP_TERRITORY_REGION, lille, false);
    assert_code(SNPLP_TERRITORY_METROPOLE, "49", false);
    assert_code(SNPLP_TERRITORY_METROPOLE, "2A", false);
    assert_code(SNPLP_TERRITORY_REGION, "49", false);
    assert_code(SNPLP_TERRITORY_REGION, "2A", false);
    assert_code(SNPLP_TERRITORY_REGION, "974", false);
    /* "52" is both the région Pays de la Loire and the département Haute-Marne. */
    assert_code(SNPLP_TERRITORY_REGION, "52", true);
    assert_code(SNPLP_TERRITORY_DEPARTEMENT, "52", true);
    /* Région "05" does not exist though département "05" (Hautes-Alpes) does. */
    assert_code(SNPLP_TERRITORY_DEPARTEMENT, "05", true);
    assert_code(SNPLP_TERRITORY_REGION, "05", false);
    /* No code is valid for no kind or a value outside the enum. */
    const snplp_territory_kind none[] = {SNPLP_TERRITORY_NONE, (snplp_territory_kind)4,
                                         (snplp_territory_kind)-1, (snplp_territory_kind)99};
    const char *const codes[] = {"49", "52", "2A", "971", lille, "01", ""};
    for (size_t k = 0; k < COUNT_OF(none); k++) {
        for (size_t i = 0; i < COUNT_OF(codes); i++)
            assert_code(none[k], codes[i], false);
        assert_code(none[k], NULL, false);
    }
}

static void same_code_other_kind_is_another_territory(void **state)
{
    (void)state;
    snplp_convention *dep = NULL, *reg = NULL, *dep2 = NULL;
    assert_ok(snplp_convention_new(&dep, "c52", SNPLP_TERRITORY_DEPARTEMENT, "52", "Territoire"));
    assert_ok(snplp_convention_new(&reg, "c52", SNPLP_TERRITORY_REGION, "52", "Territoire"));
    assert_ok(snplp_convention_new(&dep2, "c52", SNPLP_TERRITORY_DEPARTEMENT, "52", "Territoire"));
    assert_int_equal(snplp_convention_territory_kind(dep), SNPLP_TERRITORY_DEPARTEMENT);
    assert_int_equal(snplp_convention_territory_kind(reg), SNPLP_TERRITORY_REGION);
    assert_string_equal(snplp_convention_territory_code(dep), "52");
    assert_string_equal(snplp_convention_territory_code(reg), "52");
    assert_false(snplp_convention_equal(dep, reg));
    assert_false(snplp_convention_equal(reg, dep));
    assert_true(snplp_convention_equal(dep, dep2));
    /* Moving the région to the département kind makes them the same territory. */
    assert_ok(snplp_convention_set_territory(reg, SNPLP_TERRITORY_DEPARTEMENT, "52", "Territoire"));
    assert_true(snplp_convention_equal(dep, reg));
    /* A code valid for one kind only is refused for the other, and nothing changes. */
    assert_fails(snplp_convention_set_territory(reg, SNPLP_TERRITORY_REGION, "49", "Territoire"),
                 SNPLP_EINVAL);
    assert_fails(snplp_convention_set_territory(reg, SNPLP_TERRITORY_METROPOLE, "52", "Territoire"),
                 SNPLP_EINVAL);
    assert_true(snplp_convention_equal(dep, reg));
    snplp_convention_unref(dep);
    snplp_convention_unref(reg);
    snplp_convention_unref(dep2);
}

static void every_code_makes_a_convention(void **state)
{
    (void)state;
    size_t before = snplp_memory_used();
    char code[8];
    for (int v = 1; v <= 95; v++) {
        if (v == 20)
            continue;
        snprintf(code, sizeof code, "%02d", v);
        snplp_convention *c = NULL;
        assert_ok(snplp_convention_new(&c, "c", SNPLP_TERRITORY_DEPARTEMENT, code, "D"));
        assert_string_equal(snplp_convention_territory_code(c), code);
        snplp_convention_unref(c);
    }
    const char *const others[] = {"2A", "2B", "971", "972", "973", "974", "976"};
    for (size_t i = 0; i < COUNT_OF(others); i++) {
        snplp_convention *c = NULL;
        assert_ok(snplp_convention_new(&c, "c", SNPLP_TERRITORY_DEPARTEMENT, others[i], "D"));
        assert_string_equal(snplp_convention_territory_code(c), others[i]);
        snplp_convention_unref(c);
    }
    for (size_t i = 0; i < COUNT_OF(regions); i++) {
        snplp_convention *c = NULL;
        assert_ok(snplp_convention_new(&c, "c", SNPLP_TERRITORY_REGION, regions[i], "R"));
        assert_int_equal(snplp_convention_territory_kind(c), SNPLP_TERRITORY_REGION);
        snplp_convention_unref(c);
    }
    snplp_convention *c = NULL;
    assert_ok(snplp_convention_new(&c, "c", SNPLP_TERRITORY_METROPOLE, lyon, "M\xc3\xa9tropole"));
    assert_string_equal(snplp_convention_territory_code(c), lyon);
    snplp_convention_unref(c);
    assert_int_equal(snplp_memory_used(), before);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        NAMES_TEST(names),
        cmocka_unit_test(every_departement),
        cmocka_unit_test(departement_refusals),
        cmocka_unit_test(every_region),
        cmocka_unit_test(region_refusals),
        cmocka_unit_test(metropole_siren),
        cmocka_unit_test(codes_belong_to_their_kind),
        cmocka_unit_test(same_code_other_kind_is_another_territory),
        cmocka_unit_test(every_code_makes_a_convention),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
