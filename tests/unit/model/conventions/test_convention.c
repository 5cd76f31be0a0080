/* Tests of convention.h (validation aside): creation and every refusal, reference counting, the
 * territory (all or nothing), years, signature date, signatories, funding, the actions and
 * indicators sharing one id space, deep equality field by field (decimals digit for digit),
 * pointers of another type, and out of memory on every operation that allocates. */
#include "test_util.h"
#include "test_values.h"

#include <stdio.h>

#define ID   "calpae-52"
#define NAME "Conseil d\xc3\xa9partemental de la Haute-Marne"
/* NAME with its "é" decomposed (e + U+0301 COMBINING ACUTE ACCENT) */
#define NAME_NFD "Conseil de\xcc\x81partemental de la Haute-Marne"

#define ROLE1                                                                                      \
    "Pr\xc3\xa9"                                                                                   \
    "fet de la Haute-Marne"
#define ROLE1_NFD                                                                                  \
    "Pre\xcc\x81"                                                                                  \
    "fet de la Haute-Marne"
#define ROLE2   "Pr\xc3\xa9sident du conseil d\xc3\xa9partemental"
#define PERSON1 "Jeanne Martin"
#define PERSON2 "Paul Durand"

static const char *const bad_ids[] = {"",    "1abc", "-abc",     ".abc",        "a b",
                                      "a/b", "a:b",  "\xc3\xa9", "caf\xc3\xa9", "a\xff"};

/* A new convention of the département 52 with nothing set. */
static snplp_convention *new_conv(void)
{
    snplp_convention *c = NULL;
    assert_ok(snplp_convention_new(&c, ID, SNPLP_TERRITORY_DEPARTEMENT, "52", NAME));
    assert_non_null(c);
    return c;
}

/* ---- creation ---- */

static void new_convention_is_empty(void **state)
{
    (void)state;
    char id[16] = ID;
    char name[64] = NAME;
    snplp_convention *c = NULL;
    assert_ok(snplp_convention_new(&c, id, SNPLP_TERRITORY_DEPARTEMENT, "52", name));
    memset(id, 'x', sizeof id - 1); /* copies are kept */
    memset(name, 'x', sizeof name - 1);
    assert_string_equal(snplp_convention_id(c), ID);
    assert_int_equal(snplp_convention_territory_kind(c), SNPLP_TERRITORY_DEPARTEMENT);
    assert_string_equal(snplp_convention_territory_code(c), "52");
    assert_string_equal(snplp_convention_territory_name(c), NAME);
    assert_int_equal(snplp_convention_first_year(c), 0);
    assert_int_equal(snplp_convention_last_year(c), 0);
    snplp_date d = date(1, 2, 3);
    assert_fails(snplp_convention_signature_date(&d, c), SNPLP_ENOTFOUND);
    assert_int_equal(d.year, 1);
    assert_int_equal(d.month, 2);
    assert_int_equal(d.day, 3);
    assert_int_equal(snplp_convention_signatory_count(c), 0);
    assert_null(snplp_convention_signatory_role(c, 0));
    assert_null(snplp_convention_signatory_name(c, 0));
    assert_int_equal(snplp_convention_funding_year_count(c), 0);
    assert_int_equal(snplp_convention_funding_year_at(c, 0), 0);
    assert_int_equal(snplp_convention_action_count(c), 0);
    assert_null(snplp_convention_action_at(c, 0));
    assert_null(snplp_convention_action_find(c, "a"));
    assert_int_equal(snplp_convention_indicator_count(c), 0);
    assert_null(snplp_convention_indicator_at(c, 0));
    assert_null(snplp_convention_indicator_find(c, "i"));
    snplp_convention_unref(c);

    /* Every kind, and the longest id. */
    char long_id[SNPLP_ID_MAX + 1];
    test_long_id(long_id, SNPLP_ID_MAX);
    assert_ok(snplp_convention_new(&c, long_id, SNPLP_TERRITORY_METROPOLE, "200093201",
                                   "M\xc3\xa9tropole Europ\xc3\xa9"
                                   "enne de Lille"));
    assert_string_equal(snplp_convention_id(c), long_id);
    assert_int_equal(snplp_convention_territory_kind(c), SNPLP_TERRITORY_METROPOLE);
    assert_string_equal(snplp_convention_territory_code(c), "200093201");
    snplp_convention_unref(c);
    assert_ok(snplp_convention_new(&c, "_r.52-b", SNPLP_TERRITORY_REGION, "52",
                                   "R\xc3\xa9gion Pays de la Loire"));
    assert_int_equal(snplp_convention_territory_kind(c), SNPLP_TERRITORY_REGION);
    snplp_convention_unref(c);
}

/* Asserts that snplp_convention_new fails with code, leaving out and the memory as they were. */
static void assert_new_fails(const char *id, snplp_territory_kind kind, const char *code,
                             const char *name, int want)
{
    snplp_convention *sentinel = (snplp_convention *)(void *)&sentinel;
    snplp_convention *out = sentinel;
    size_t before = snplp_memory_used();
    assert_fails(snplp_convention_new(&out, id, kind, code, name), want);
    assert_ptr_equal(out, sentinel);
    assert_int_equal(snplp_memory_used(), before);
}

static void new_refusals(void **state)
{
    (void)state;
    size_t before = snplp_memory_used();
    assert_fails(snplp_convention_new(NULL, ID, SNPLP_TERRITORY_DEPARTEMENT, "52", NAME),
                 SNPLP_EINVAL);
    assert_int_equal(snplp_memory_used(), before);
    /* ids */
    assert_new_fails(NULL, SNPLP_TERRITORY_DEPARTEMENT, "52", NAME, SNPLP_EINVAL);
    for (size_t i = 0; i < COUNT_OF(bad_ids); i++)
        assert_new_fails(bad_ids[i], SNPLP_TERRITORY_DEPARTEMENT, "52", NAME, SNPLP_EBADID);
    char long_id[SNPLP_ID_MAX + 2];
    test_long_id(long_id, SNPLP_ID_MAX + 1);
    assert_new_fails(long_id, SNPLP_TERRITORY_DEPARTEMENT, "52", NAME, SNPLP_EBADID);
    /* kinds */
    const snplp_territory_kind kinds[] = {SNPLP_TERRITORY_NONE, (snplp_territory_kind)4,
                                          (snplp_territory_kind)-1, (snplp_territory_kind)255};
    for (size_t i = 0; i < COUNT_OF(kinds); i++)
        assert_new_fails(ID, kinds[i], "52", NAME, SNPLP_EINVAL);
    /* codes not official for the kind */
    assert_new_fails(ID, SNPLP_TERRITORY_DEPARTEMENT, NULL, NAME, SNPLP_EINVAL);
    const struct {
        snplp_territory_kind kind;
        const char *code;
    } codes[] = {
        {SNPLP_TERRITORY_DEPARTEMENT, "20"},
        {SNPLP_TERRITORY_DEPARTEMENT, "975"},
        {SNPLP_TERRITORY_DEPARTEMENT, "2a"},
        {SNPLP_TERRITORY_DEPARTEMENT, " 49"},
        {SNPLP_TERRITORY_DEPARTEMENT, ""},
        {SNPLP_TERRITORY_DEPARTEMENT, "200093201"},
        {SNPLP_TERRITORY_REGION, "49"},
        {SNPLP_TERRITORY_REGION, "05"},
        {SNPLP_TERRITORY_REGION, "52 "},
        {SNPLP_TERRITORY_METROPOLE, "52"},
        {SNPLP_TERRITORY_METROPOLE, "200093202"},
        {SNPLP_TERRITORY_METROPOLE, "20009320"},
        {SNPLP_TERRITORY_METROPOLE, "2000932010"},
        {SNPLP_TERRITORY_DEPARTEMENT, "\xff"},
    };
    for (size_t i = 0; i < COUNT_OF(codes); i++)
        assert_new_fails(ID, codes[i].kind, codes[i].code, NAME, SNPLP_EINVAL);
    /* blank names (white space includes U+00A0 and U+3000) */
    const char *const blanks[] = {NULL, "", " ", "\t\n\r ", "\xc2\xa0", "\xe3\x80\x80"};
    for (size_t i = 0; i < COUNT_OF(blanks); i++)
        assert_new_fails(ID, SNPLP_TERRITORY_DEPARTEMENT, "52", blanks[i], SNPLP_EINVAL);
    for (size_t i = 0; i < COUNT_OF(test_bad_texts); i++)
        assert_new_fails(ID, SNPLP_TERRITORY_DEPARTEMENT, "52", test_bad_texts[i], SNPLP_EENCODING);
    assert_int_equal(snplp_memory_used(), before);
}

static void names_are_nfc(void **state)
{
    (void)state;
    snplp_convention *c = NULL;
    assert_ok(
        snplp_convention_new(&c, "c974", SNPLP_TERRITORY_DEPARTEMENT, "974", "La Re\xcc\x81union"));
    assert_string_equal(snplp_convention_territory_name(c), "La R\xc3\xa9union");
    assert_ok(snplp_convention_set_territory(c, SNPLP_TERRITORY_DEPARTEMENT, "52", NAME_NFD));
    assert_string_equal(snplp_convention_territory_name(c), NAME);
    assert_ok(snplp_convention_add_signatory(c, ROLE1_NFD, "Ame\xcc\x81lie"));
    assert_string_equal(snplp_convention_signatory_role(c, 0), ROLE1);
    assert_string_equal(snplp_convention_signatory_name(c, 0), "Am\xc3\xa9lie");
    snplp_action *a = NULL;
    assert_ok(
        snplp_convention_add_action(&a, c, "a", SNPLP_ACTION_OBJECTIVE_SOCIAL_WORK,
                                    "Premier accueil social inconditionnel de proximite\xcc\x81"));
    assert_string_equal(snplp_action_title(a),
                        "Premier accueil social inconditionnel de proximit\xc3\xa9");
    snplp_indicator *ind = NULL;
    assert_ok(snplp_convention_add_indicator(&ind, c, "i", "Jeunes accompagne\xcc\x81s",
                                             SNPLP_UNIT_COUNT));
    assert_string_equal(snplp_indicator_label(ind), "Jeunes accompagn\xc3\xa9s");
    /* Already composed texts and other scripts are kept as they are. */
    assert_ok(snplp_convention_set_territory(c, SNPLP_TERRITORY_DEPARTEMENT, "52",
                                             "\xef\xac\x81n \xe2\x80\x99 \xf0\x9f\x98\x80"));
    assert_string_equal(snplp_convention_territory_name(c),
                        "\xef\xac\x81n \xe2\x80\x99 \xf0\x9f\x98\x80");
    snplp_convention_unref(c);
}

/* ---- reference counting ---- */

static void ref_and_unref(void **state)
{
    (void)state;
    size_t before = snplp_memory_used();
    snplp_convention *c = new_conv();
    assert_ok(snplp_convention_add_signatory(c, ROLE1, PERSON1));
    assert_ok(snplp_convention_set_funding(c, 2019, 1, 2));
    assert_ok(snplp_convention_add_action(NULL, c, "a", SNPLP_ACTION_OBJECTIVE_SOCIAL_WORK, "A"));
    snplp_action *a = snplp_convention_action_find(c, "a");
    assert_ok(snplp_action_set_status(a, 2019, SNPLP_ACTION_STATUS_DROPPED, "Raison"));
    snplp_indicator *ind = NULL;
    assert_ok(snplp_convention_add_indicator(&ind, c, "i", "I", SNPLP_UNIT_PERCENT));
    assert_ok(snplp_indicator_set_source(ind, 2019, "Source"));
    assert_ok(snplp_indicator_set_aggregation(ind, SNPLP_AGGREGATION_WEIGHTED_MEAN, "w"));
    assert_ok(snplp_indicator_set_ratio_of(ind, "n", "d"));
    size_t full = snplp_memory_used();
    assert_true(full > before);

    assert_ptr_equal(snplp_convention_ref(c), c);
    assert_ptr_equal(snplp_convention_ref(c), c);
    snplp_convention_unref(c);
    snplp_convention_unref(c);
    /* One reference left: everything is still there. */
    assert_int_equal(snplp_memory_used(), full);
    assert_string_equal(snplp_convention_id(c), ID);
    assert_ptr_equal(snplp_action_convention(a), c);
    assert_string_equal(snplp_indicator_source(ind, 2019), "Source");
    snplp_convention_unref(c); /* the last one frees everything */
    assert_int_equal(snplp_memory_used(), before);

    assert_null(snplp_convention_ref(NULL));
    snplp_convention_unref(NULL);
    assert_int_equal(snplp_memory_used(), before);
}

/* ---- territory ---- */

static void set_territory(void **state)
{
    (void)state;
    snplp_convention *c = new_conv();
    assert_ok(snplp_convention_set_territory(c, SNPLP_TERRITORY_REGION, "52",
                                             "R\xc3\xa9gion Pays de la Loire"));
    assert_int_equal(snplp_convention_territory_kind(c), SNPLP_TERRITORY_REGION);
    assert_string_equal(snplp_convention_territory_code(c), "52");
    assert_string_equal(snplp_convention_territory_name(c), "R\xc3\xa9gion Pays de la Loire");
    assert_ok(snplp_convention_set_territory(c, SNPLP_TERRITORY_METROPOLE, "200046977",
                                             "M\xc3\xa9tropole de Lyon"));
    assert_int_equal(snplp_convention_territory_kind(c), SNPLP_TERRITORY_METROPOLE);
    assert_string_equal(snplp_convention_territory_code(c), "200046977");
    assert_string_equal(snplp_convention_territory_name(c), "M\xc3\xa9tropole de Lyon");
    char code[8] = "2A", name[32] = "Corse-du-Sud";
    assert_ok(snplp_convention_set_territory(c, SNPLP_TERRITORY_DEPARTEMENT, code, name));
    memset(code, 'x', sizeof code - 1);
    memset(name, 'x', sizeof name - 1);
    assert_int_equal(snplp_convention_territory_kind(c), SNPLP_TERRITORY_DEPARTEMENT);
    assert_string_equal(snplp_convention_territory_code(c), "2A");
    assert_string_equal(snplp_convention_territory_name(c), "Corse-du-Sud");
    assert_string_equal(snplp_convention_id(c), ID); /* the id never changes */
    snplp_convention_unref(c);
}

static void assert_territory(const snplp_convention *c, snplp_territory_kind kind, const char *code,
                             const char *name)
{
    assert_int_equal(snplp_convention_territory_kind(c), kind);
    assert_string_equal(snplp_convention_territory_code(c), code);
    assert_string_equal(snplp_convention_territory_name(c), name);
}

static void set_territory_is_all_or_nothing(void **state)
{
    (void)state;
    snplp_convention *c = new_conv();
    snplp_convention *copy = new_conv();
    size_t before = snplp_memory_used();
    /* A valid part never goes in alone. */
    assert_fails(snplp_convention_set_territory(c, SNPLP_TERRITORY_REGION, "49", "Autre"),
                 SNPLP_EINVAL);
    assert_fails(snplp_convention_set_territory(c, SNPLP_TERRITORY_NONE, "49", "Autre"),
                 SNPLP_EINVAL);
    assert_fails(snplp_convention_set_territory(c, (snplp_territory_kind)4, "49", "Autre"),
                 SNPLP_EINVAL);
    assert_fails(snplp_convention_set_territory(c, SNPLP_TERRITORY_DEPARTEMENT, NULL, "Autre"),
                 SNPLP_EINVAL);
    assert_fails(snplp_convention_set_territory(c, SNPLP_TERRITORY_DEPARTEMENT, "20", "Autre"),
                 SNPLP_EINVAL);
    assert_fails(snplp_convention_set_territory(c, SNPLP_TERRITORY_DEPARTEMENT, "49", NULL),
                 SNPLP_EINVAL);
    assert_fails(snplp_convention_set_territory(c, SNPLP_TERRITORY_DEPARTEMENT, "49", " \t"),
                 SNPLP_EINVAL);
    assert_fails(snplp_convention_set_territory(c, SNPLP_TERRITORY_METROPOLE, "200093202",
                                                "M\xc3\xa9tropole"),
                 SNPLP_EINVAL);
    for (size_t i = 0; i < COUNT_OF(test_bad_texts); i++)
        assert_fails(
            snplp_convention_set_territory(c, SNPLP_TERRITORY_REGION, "52", test_bad_texts[i]),
            SNPLP_EENCODING);
    assert_fails(snplp_convention_set_territory(NULL, SNPLP_TERRITORY_REGION, "52", "R"),
                 SNPLP_EINVAL);
    assert_territory(c, SNPLP_TERRITORY_DEPARTEMENT, "52", NAME);
    assert_true(snplp_convention_equal(c, copy));
    assert_int_equal(snplp_memory_used(), before);
    snplp_convention_unref(c);
    snplp_convention_unref(copy);
}

/* ---- years ---- */

static void years(void **state)
{
    (void)state;
    snplp_convention *c = new_conv();
    assert_ok(snplp_convention_set_years(c, 2019, 2021));
    assert_int_equal(snplp_convention_first_year(c), 2019);
    assert_int_equal(snplp_convention_last_year(c), 2021);
    assert_ok(snplp_convention_set_years(c, 2020, 2020)); /* one year */
    assert_int_equal(snplp_convention_first_year(c), 2020);
    assert_int_equal(snplp_convention_last_year(c), 2020);
    assert_ok(snplp_convention_set_years(c, SNPLP_YEAR_MIN, SNPLP_YEAR_MAX));
    assert_int_equal(snplp_convention_first_year(c), SNPLP_YEAR_MIN);
    assert_int_equal(snplp_convention_last_year(c), SNPLP_YEAR_MAX);
    assert_int_equal(SNPLP_YEAR_MIN, 1000);
    assert_int_equal(SNPLP_YEAR_MAX, 9998);
    assert_ok(snplp_convention_set_years(c, 2019, 2021));

    const int32_t bad[][2] = {
        {SNPLP_YEAR_MIN - 1, 2021},
        {2019, SNPLP_YEAR_MAX + 1},
        {2021, 2019},
        {2020, 2019},
        {0, 0},
        {-2019, 2021},
        {INT32_MIN, INT32_MAX},
        {2019, INT32_MAX},
        {SNPLP_YEAR_MAX + 1, SNPLP_YEAR_MAX + 1},
        {SNPLP_YEAR_MAX, SNPLP_YEAR_MIN},
    };
    for (size_t i = 0; i < COUNT_OF(bad); i++) {
        assert_fails(snplp_convention_set_years(c, bad[i][0], bad[i][1]), SNPLP_EINVAL);
        assert_int_equal(snplp_convention_first_year(c), 2019);
        assert_int_equal(snplp_convention_last_year(c), 2021);
    }
    /* Refused while unset too: they stay unset. */
    snplp_convention *d = new_conv();
    assert_fails(snplp_convention_set_years(d, 2021, 2019), SNPLP_EINVAL);
    assert_int_equal(snplp_convention_first_year(d), 0);
    assert_int_equal(snplp_convention_last_year(d), 0);
    assert_fails(snplp_convention_set_years(NULL, 2019, 2021), SNPLP_EINVAL);
    assert_int_equal(snplp_convention_first_year(NULL), 0);
    assert_int_equal(snplp_convention_last_year(NULL), 0);
    snplp_convention_unref(d);
    snplp_convention_unref(c);
}

static void years_keep_values_outside(void **state)
{
    (void)state;
    snplp_convention *c = new_conv();
    snplp_action *a = NULL;
    assert_ok(snplp_convention_add_action(&a, c, "a", SNPLP_ACTION_OBJECTIVE_RSA_INSERTION, "A"));
    snplp_indicator *ind = NULL;
    assert_ok(snplp_convention_add_indicator(&ind, c, "i", "I", SNPLP_UNIT_COUNT));
    assert_ok(snplp_convention_set_funding(c, 2018, 1, 1));
    assert_ok(snplp_action_set_status(a, 2023, SNPLP_ACTION_STATUS_DONE, NULL));
    assert_ok(snplp_indicator_set_target(ind, 2030, dec(5, 0)));
    assert_ok(snplp_convention_set_years(c, 2019, 2021));
    assert_ok(snplp_convention_set_years(c, 2020, 2022));
    int64_t state_cents = 0;
    assert_ok(snplp_convention_funding(c, 2018, &state_cents, NULL));
    assert_int_equal(state_cents, 1);
    assert_int_equal(snplp_action_status_in(a, 2023), SNPLP_ACTION_STATUS_DONE);
    snplp_decimal t = dec(0, 0);
    assert_ok(snplp_indicator_target(&t, ind, 2030));
    assert_true(snplp_decimal_identical(t, dec(5, 0)));
    snplp_convention_unref(c);
}

/* ---- signature date ---- */

static void assert_signature(const snplp_convention *c, int32_t y, int32_t m, int32_t d)
{
    snplp_date got = date(0, 0, 0);
    assert_ok(snplp_convention_signature_date(&got, c));
    assert_int_equal(got.year, y);
    assert_int_equal(got.month, m);
    assert_int_equal(got.day, d);
}

static void signature_date(void **state)
{
    (void)state;
    snplp_convention *c = new_conv();
    snplp_date got = date(7, 7, 7);
    assert_fails(snplp_convention_signature_date(&got, c), SNPLP_ENOTFOUND);
    assert_int_equal(got.year, 7);
    assert_ok(snplp_convention_set_signature_date(c, date(2019, 6, 28)));
    assert_signature(c, 2019, 6, 28);
    assert_ok(snplp_convention_set_signature_date(c, date(2024, 2, 29))); /* leap year */
    assert_signature(c, 2024, 2, 29);
    assert_ok(snplp_convention_set_signature_date(c, date(2000, 2, 29))); /* leap century */
    assert_signature(c, 2000, 2, 29);
    assert_ok(snplp_convention_set_signature_date(c, date(1000, 1, 1)));
    assert_signature(c, 1000, 1, 1);
    assert_ok(snplp_convention_set_signature_date(c, date(9999, 12, 31)));
    assert_signature(c, 9999, 12, 31);
    assert_ok(snplp_convention_set_signature_date(c, date(2019, 6, 28)));

    const snplp_date bad[] = {date(2023, 2, 29),     date(1900, 2, 29),        date(2021, 4, 31),
                              date(2021, 13, 1),     date(2021, 0, 10),        date(2021, 1, 0),
                              date(2021, 1, 32),     date(999, 12, 31),        date(10000, 1, 1),
                              date(0, 0, 0),         date(-2021, 1, 1),        date(2021, -1, 1),
                              date(INT32_MAX, 1, 1), date(2021, 12, INT32_MIN)};
    for (size_t i = 0; i < COUNT_OF(bad); i++) {
        assert_fails(snplp_convention_set_signature_date(c, bad[i]), SNPLP_EINVAL);
        assert_signature(c, 2019, 6, 28);
    }
    assert_ok(snplp_convention_clear_signature_date(c));
    got = date(7, 7, 7);
    assert_fails(snplp_convention_signature_date(&got, c), SNPLP_ENOTFOUND);
    assert_int_equal(got.year, 7);
    assert_ok(snplp_convention_clear_signature_date(c)); /* twice is fine */
    assert_fails(snplp_convention_set_signature_date(c, date(2023, 2, 29)), SNPLP_EINVAL);
    assert_fails(snplp_convention_signature_date(&got, c), SNPLP_ENOTFOUND);

    assert_ok(snplp_convention_set_signature_date(c, date(2019, 6, 28)));
    assert_fails(snplp_convention_signature_date(NULL, c), SNPLP_EINVAL);
    assert_fails(snplp_convention_signature_date(&got, NULL), SNPLP_EINVAL);
    assert_fails(snplp_convention_set_signature_date(NULL, date(2019, 6, 28)), SNPLP_EINVAL);
    assert_fails(snplp_convention_clear_signature_date(NULL), SNPLP_EINVAL);
    assert_signature(c, 2019, 6, 28);
    snplp_convention_unref(c);
}

/* ---- signatories ---- */

static void signatories(void **state)
{
    (void)state;
    snplp_convention *c = new_conv();
    char role[64] = ROLE1, name[32] = PERSON1;
    assert_ok(snplp_convention_add_signatory(c, role, name));
    memset(role, 'x', sizeof role - 1);
    memset(name, 'x', sizeof name - 1);
    assert_ok(snplp_convention_add_signatory(c, ROLE2, PERSON2));
    assert_ok(snplp_convention_add_signatory(c, ROLE2, PERSON2)); /* duplicates are allowed */
    assert_int_equal(snplp_convention_signatory_count(c), 3);
    assert_string_equal(snplp_convention_signatory_role(c, 0), ROLE1);
    assert_string_equal(snplp_convention_signatory_name(c, 0), PERSON1);
    assert_string_equal(snplp_convention_signatory_role(c, 1), ROLE2);
    assert_string_equal(snplp_convention_signatory_name(c, 1), PERSON2);
    assert_string_equal(snplp_convention_signatory_role(c, 2), ROLE2);
    assert_null(snplp_convention_signatory_role(c, 3));
    assert_null(snplp_convention_signatory_name(c, 3));
    assert_null(snplp_convention_signatory_role(c, SIZE_MAX));
    assert_null(snplp_convention_signatory_name(c, SIZE_MAX));
    assert_null(snplp_convention_signatory_role(c, (size_t)1 << 32));
    assert_null(snplp_convention_signatory_name(c, ((size_t)1 << 32) + 1));
    snplp_convention_unref(c);
}

static void signatory_refusals(void **state)
{
    (void)state;
    snplp_convention *c = new_conv();
    assert_ok(snplp_convention_add_signatory(c, ROLE1, PERSON1));
    snplp_convention *copy = new_conv();
    assert_ok(snplp_convention_add_signatory(copy, ROLE1, PERSON1));
    size_t before = snplp_memory_used();
    const char *const blanks[] = {NULL, "", "  ", "\n", "\xc2\xa0"};
    for (size_t i = 0; i < COUNT_OF(blanks); i++) {
        assert_fails(snplp_convention_add_signatory(c, blanks[i], PERSON2), SNPLP_EINVAL);
        assert_fails(snplp_convention_add_signatory(c, ROLE2, blanks[i]), SNPLP_EINVAL);
    }
    for (size_t i = 0; i < COUNT_OF(test_bad_texts); i++) {
        assert_fails(snplp_convention_add_signatory(c, test_bad_texts[i], PERSON2),
                     SNPLP_EENCODING);
        assert_fails(snplp_convention_add_signatory(c, ROLE2, test_bad_texts[i]), SNPLP_EENCODING);
    }
    assert_fails(snplp_convention_add_signatory(NULL, ROLE2, PERSON2), SNPLP_EINVAL);
    assert_int_equal(snplp_memory_used(), before);
    assert_int_equal(snplp_convention_signatory_count(c), 1);
    assert_true(snplp_convention_equal(c, copy));
    assert_int_equal(snplp_convention_signatory_count(NULL), 0);
    assert_null(snplp_convention_signatory_role(NULL, 0));
    assert_null(snplp_convention_signatory_name(NULL, 0));
    snplp_convention_unref(c);
    snplp_convention_unref(copy);
}

/* ---- funding ---- */

static void assert_funding(const snplp_convention *c, int32_t year, int64_t state, int64_t own)
{
    int64_t s = -1, o = -1;
    assert_ok(snplp_convention_funding(c, year, &s, &o));
    assert_true(s == state);
    assert_true(o == own);
}

/* The years of the convention's funding. */
#define assert_funding_years(c, years, n)                                                          \
    assert_year_list(snplp_convention_funding_year_count, snplp_convention_funding_year_at, c,     \
                     years, n)

static void funding(void **state)
{
    (void)state;
    snplp_convention *c = new_conv();
    assert_ok(snplp_convention_set_funding(c, 2020, INT64_C(100000000), INT64_C(50000000)));
    assert_funding(c, 2020, INT64_C(100000000), INT64_C(50000000));
    /* NULL outputs are allowed. */
    assert_ok(snplp_convention_funding(c, 2020, NULL, NULL));
    int64_t s = -1, o = -1;
    assert_ok(snplp_convention_funding(c, 2020, &s, NULL));
    assert_true(s == INT64_C(100000000));
    assert_ok(snplp_convention_funding(c, 2020, NULL, &o));
    assert_true(o == INT64_C(50000000));
    /* Replacing. */
    assert_ok(snplp_convention_set_funding(c, 2020, 0, INT64_MAX));
    assert_funding(c, 2020, 0, INT64_MAX);
    /* Years in increasing order whatever the order they were set in. */
    assert_ok(snplp_convention_set_funding(c, 2021, 3, 4));
    assert_ok(snplp_convention_set_funding(c, 2019, 1, 2));
    const int32_t three[] = {2019, 2020, 2021};
    assert_funding_years(c, three, 3);
    assert_funding(c, 2019, 1, 2);
    assert_funding(c, 2021, 3, 4);
    /* The extreme years. */
    assert_ok(snplp_convention_set_funding(c, SNPLP_YEAR_MAX, 5, 5));
    assert_ok(snplp_convention_set_funding(c, SNPLP_YEAR_MIN, 6, 6));
    const int32_t five[] = {SNPLP_YEAR_MIN, 2019, 2020, 2021, SNPLP_YEAR_MAX};
    assert_funding_years(c, five, 5);
    /* Clearing. */
    assert_ok(snplp_convention_clear_funding(c, 2020));
    s = o = 7;
    assert_fails(snplp_convention_funding(c, 2020, &s, &o), SNPLP_ENOTFOUND);
    assert_true(s == 7 && o == 7);
    assert_fails(snplp_convention_clear_funding(c, 2020), SNPLP_ENOTFOUND);
    assert_fails(snplp_convention_clear_funding(c, 2022), SNPLP_ENOTFOUND);
    assert_ok(snplp_convention_clear_funding(c, SNPLP_YEAR_MIN));
    assert_ok(snplp_convention_clear_funding(c, SNPLP_YEAR_MAX));
    const int32_t two[] = {2019, 2021};
    assert_funding_years(c, two, 2);
    assert_funding(c, 2019, 1, 2);
    assert_funding(c, 2021, 3, 4);
    assert_fails(snplp_convention_funding(c, 2018, NULL, NULL), SNPLP_ENOTFOUND);
    assert_ok(snplp_convention_set_funding(c, 2020, 9, 9)); /* back again */
    assert_funding_years(c, three, 3);
    assert_ok(snplp_convention_clear_funding(c, 2019));
    assert_ok(snplp_convention_clear_funding(c, 2020));
    assert_ok(snplp_convention_clear_funding(c, 2021));
    assert_funding_years(c, NULL, 0);
    snplp_convention_unref(c);
}

static void funding_refusals(void **state)
{
    (void)state;
    snplp_convention *c = new_conv();
    assert_ok(snplp_convention_set_funding(c, 2020, 10, 20));
    const struct {
        int32_t year;
        int64_t state, own;
    } bad[] = {
        {2020, -1, 0},
        {2020, 0, -1},
        {2020, INT64_MIN, 5},
        {2020, 5, INT64_MIN},
        {2021, -100, -100},
        {SNPLP_YEAR_MIN - 1, 1, 1},
        {SNPLP_YEAR_MAX + 1, 1, 1},
        {0, 1, 1},
        {INT32_MIN, 1, 1},
        {INT32_MAX, 1, 1},
    };
    size_t before = snplp_memory_used();
    for (size_t i = 0; i < COUNT_OF(bad); i++) {
        assert_fails(snplp_convention_set_funding(c, bad[i].year, bad[i].state, bad[i].own),
                     SNPLP_EINVAL);
        assert_funding(c, 2020, 10, 20);
        assert_int_equal(snplp_convention_funding_year_count(c), 1);
    }
    assert_int_equal(snplp_memory_used(), before);
    assert_fails(snplp_convention_set_funding(NULL, 2020, 1, 1), SNPLP_EINVAL);
    assert_fails(snplp_convention_funding(NULL, 2020, NULL, NULL), SNPLP_EINVAL);
    assert_fails(snplp_convention_clear_funding(NULL, 2020), SNPLP_EINVAL);
    assert_int_equal(snplp_convention_funding_year_count(NULL), 0);
    assert_int_equal(snplp_convention_funding_year_at(NULL, 0), 0);
    /* Nothing can be recorded outside the years, so nothing is found there. */
    int64_t s = 3;
    int rc = snplp_convention_funding(c, SNPLP_YEAR_MAX + 1, &s, NULL);
    assert_true(rc == SNPLP_ENOTFOUND || rc == SNPLP_EINVAL);
    assert_true(s == 3);
    snplp_convention_unref(c);
}

/* ---- actions and indicators ---- */

static void actions(void **state)
{
    (void)state;
    snplp_convention *c = new_conv();
    snplp_action *a1 = NULL, *a2 = NULL;
    assert_ok(snplp_convention_add_action(&a1, c, "a-ase",
                                          SNPLP_ACTION_OBJECTIVE_CHILD_WELFARE_EXITS,
                                          "Pr\xc3\xa9venir les sorties s\xc3\xa8"
                                          "ches"));
    assert_non_null(a1);
    assert_ok(snplp_convention_add_action(NULL, c, "a-rsa", SNPLP_ACTION_OBJECTIVE_RSA_INSERTION,
                                          "Orienter en un mois"));
    a2 = snplp_convention_action_find(c, "a-rsa");
    assert_non_null(a2);
    assert_ok(snplp_convention_add_action(NULL, c, "A-ASE", SNPLP_ACTION_OBJECTIVE_FREE_INITIATIVE,
                                          "Ids are case-sensitive"));
    assert_int_equal(snplp_convention_action_count(c), 3);
    assert_ptr_equal(snplp_convention_action_at(c, 0), a1);
    assert_ptr_equal(snplp_convention_action_at(c, 1), a2);
    assert_string_equal(snplp_action_id(snplp_convention_action_at(c, 2)), "A-ASE");
    assert_null(snplp_convention_action_at(c, 3));
    assert_null(snplp_convention_action_at(c, SIZE_MAX));
    assert_ptr_equal(snplp_convention_action_find(c, "a-ase"), a1);
    assert_null(snplp_convention_action_find(c, "a-as"));
    assert_null(snplp_convention_action_find(c, "zz"));
    assert_null(snplp_convention_action_find(c, ""));
    assert_null(snplp_convention_action_find(c, NULL));
    assert_ptr_equal(snplp_action_convention(a1), c);
    assert_string_equal(snplp_action_id(a1), "a-ase");
    assert_int_equal(snplp_action_objective_of(a2), SNPLP_ACTION_OBJECTIVE_RSA_INSERTION);
    assert_string_equal(snplp_action_title(a2), "Orienter en un mois");
    assert_int_equal(snplp_convention_indicator_count(c), 0);
    assert_null(snplp_convention_indicator_find(c, "a-ase")); /* not an indicator */
    /* Adding more keeps the pointers given out valid. */
    char id[16];
    for (int i = 0; i < 40; i++) {
        snprintf(id, sizeof id, "x%d", i);
        assert_ok(snplp_convention_add_action(NULL, c, id, SNPLP_ACTION_OBJECTIVE_SOCIAL_WORK, id));
    }
    assert_int_equal(snplp_convention_action_count(c), 43);
    assert_ptr_equal(snplp_convention_action_at(c, 0), a1);
    assert_ptr_equal(snplp_convention_action_find(c, "a-rsa"), a2);
    assert_string_equal(snplp_action_title(snplp_convention_action_at(c, 42)), "x39");
    assert_string_equal(snplp_action_title(a1), "Pr\xc3\xa9venir les sorties s\xc3\xa8"
                                                "ches");
    snplp_convention_unref(c);
}

static void indicators(void **state)
{
    (void)state;
    snplp_convention *c = new_conv();
    snplp_indicator *i1 = NULL;
    assert_ok(snplp_convention_add_indicator(&i1, c, "i-taux", "Taux", SNPLP_UNIT_PERCENT));
    assert_non_null(i1);
    assert_ok(snplp_convention_add_indicator(NULL, c, "i-nb", "Nombre", SNPLP_UNIT_COUNT));
    snplp_indicator *i2 = snplp_convention_indicator_find(c, "i-nb");
    assert_non_null(i2);
    const snplp_unit units[] = {SNPLP_UNIT_DAYS, SNPLP_UNIT_EUROS, SNPLP_UNIT_RATIO};
    for (size_t u = 0; u < COUNT_OF(units); u++) {
        char id[8];
        snprintf(id, sizeof id, "u%d", (int)u);
        snplp_indicator *x = NULL;
        assert_ok(snplp_convention_add_indicator(&x, c, id, "U", units[u]));
        assert_int_equal(snplp_indicator_unit(x), units[u]);
    }
    assert_int_equal(snplp_convention_indicator_count(c), 5);
    assert_ptr_equal(snplp_convention_indicator_at(c, 0), i1);
    assert_ptr_equal(snplp_convention_indicator_at(c, 1), i2);
    assert_null(snplp_convention_indicator_at(c, 5));
    assert_null(snplp_convention_indicator_at(c, SIZE_MAX));
    assert_ptr_equal(snplp_convention_indicator_find(c, "i-taux"), i1);
    assert_null(snplp_convention_indicator_find(c, "I-TAUX"));
    assert_null(snplp_convention_indicator_find(c, NULL));
    assert_ptr_equal(snplp_indicator_convention(i1), c);
    assert_string_equal(snplp_indicator_id(i2), "i-nb");
    assert_string_equal(snplp_indicator_label(i2), "Nombre");
    assert_int_equal(snplp_indicator_unit(i1), SNPLP_UNIT_PERCENT);
    /* Higher is better and not aggregated until set otherwise. */
    assert_int_equal(snplp_indicator_polarity(i1), SNPLP_POLARITY_HIGHER);
    assert_int_equal(snplp_indicator_aggregation(i1), SNPLP_AGGREGATION_NONE);
    assert_null(snplp_indicator_weight_id(i1));
    assert_null(snplp_indicator_numerator_id(i1));
    assert_null(snplp_indicator_denominator_id(i1));
    assert_int_equal(snplp_indicator_year_count(i1), 0);
    assert_int_equal(snplp_convention_action_count(c), 0);
    assert_null(snplp_convention_action_find(c, "i-taux")); /* not an action */
    snplp_convention_unref(c);
}

static void actions_and_indicators_share_ids(void **state)
{
    (void)state;
    snplp_convention *c = new_conv();
    snplp_action *a = NULL;
    snplp_indicator *ind = NULL;
    assert_ok(snplp_convention_add_action(&a, c, "x1", SNPLP_ACTION_OBJECTIVE_SOCIAL_WORK, "A"));
    assert_ok(snplp_convention_add_indicator(&ind, c, "x2", "I", SNPLP_UNIT_COUNT));
    snplp_convention *copy = new_conv();
    assert_ok(
        snplp_convention_add_action(NULL, copy, "x1", SNPLP_ACTION_OBJECTIVE_SOCIAL_WORK, "A"));
    assert_ok(snplp_convention_add_indicator(NULL, copy, "x2", "I", SNPLP_UNIT_COUNT));

    snplp_action *aout = a;
    snplp_indicator *iout = ind;
    assert_fails(
        snplp_convention_add_action(&aout, c, "x1", SNPLP_ACTION_OBJECTIVE_SOCIAL_WORK, "B"),
        SNPLP_EEXISTS);
    assert_fails(
        snplp_convention_add_action(&aout, c, "x2", SNPLP_ACTION_OBJECTIVE_SOCIAL_WORK, "B"),
        SNPLP_EEXISTS);
    assert_fails(snplp_convention_add_indicator(&iout, c, "x1", "J", SNPLP_UNIT_COUNT),
                 SNPLP_EEXISTS);
    assert_fails(snplp_convention_add_indicator(&iout, c, "x2", "J", SNPLP_UNIT_COUNT),
                 SNPLP_EEXISTS);
    assert_fails(snplp_convention_add_indicator(NULL, c, "x1", "J", SNPLP_UNIT_COUNT),
                 SNPLP_EEXISTS);
    assert_fails(
        snplp_convention_add_action(NULL, c, "x2", SNPLP_ACTION_OBJECTIVE_SOCIAL_WORK, "B"),
        SNPLP_EEXISTS);
    assert_ptr_equal(aout, a);
    assert_ptr_equal(iout, ind);
    assert_true(snplp_convention_equal(c, copy));
    /* The convention's own id is not in that space. */
    assert_ok(snplp_convention_add_action(NULL, c, ID, SNPLP_ACTION_OBJECTIVE_SOCIAL_WORK, "C"));
    /* Ids are per convention: another convention may use them. */
    assert_ok(snplp_convention_add_indicator(NULL, copy, "x3", "I", SNPLP_UNIT_COUNT));
    snplp_convention *other = new_conv();
    assert_ok(snplp_convention_add_indicator(NULL, other, "x1", "I", SNPLP_UNIT_COUNT));
    assert_ok(
        snplp_convention_add_action(NULL, other, "x2", SNPLP_ACTION_OBJECTIVE_SOCIAL_WORK, "A"));
    snplp_convention_unref(other);
    snplp_convention_unref(copy);
    snplp_convention_unref(c);
}

/* Many actions and indicators interleaved (the id map grows several times): each is found
 * under its id and kind only, the lists keep their order, and every id is refused again. */
static void many_actions_and_indicators(void **state)
{
    (void)state;
    snplp_convention *c = new_conv();
    char id[16];
    enum { N = 500 };
    for (int i = 0; i < N; i++) {
        snprintf(id, sizeof id, "m%d", i);
        if (i % 3 == 0)
            assert_ok(
                snplp_convention_add_action(NULL, c, id, SNPLP_ACTION_OBJECTIVE_SOCIAL_WORK, id));
        else
            assert_ok(snplp_convention_add_indicator(NULL, c, id, id, SNPLP_UNIT_COUNT));
    }
    assert_int_equal(snplp_convention_action_count(c), (N + 2) / 3);
    assert_int_equal(snplp_convention_indicator_count(c), N - (N + 2) / 3);
    size_t na = 0, ni = 0;
    for (int i = 0; i < N; i++) {
        snprintf(id, sizeof id, "m%d", i);
        if (i % 3 == 0) {
            snplp_action *a = snplp_convention_action_find(c, id);
            assert_ptr_equal(a, snplp_convention_action_at(c, na++));
            assert_string_equal(snplp_action_id(a), id);
            assert_null(snplp_convention_indicator_find(c, id));
        } else {
            snplp_indicator *ind = snplp_convention_indicator_find(c, id);
            assert_ptr_equal(ind, snplp_convention_indicator_at(c, ni++));
            assert_string_equal(snplp_indicator_id(ind), id);
            assert_null(snplp_convention_action_find(c, id));
        }
        assert_fails(snplp_convention_add_indicator(NULL, c, id, "X", SNPLP_UNIT_COUNT),
                     SNPLP_EEXISTS);
        assert_fails(
            snplp_convention_add_action(NULL, c, id, SNPLP_ACTION_OBJECTIVE_SOCIAL_WORK, "X"),
            SNPLP_EEXISTS);
    }
    /* near misses: prefixes, extensions, another case */
    assert_null(snplp_convention_indicator_find(c, "m"));
    assert_null(snplp_convention_indicator_find(c, "m10 "));
    assert_null(snplp_convention_indicator_find(c, "m5000"));
    assert_null(snplp_convention_indicator_find(c, "M1"));
    assert_null(snplp_convention_action_find(c, "M0"));
    assert_int_equal(snplp_convention_action_count(c) + snplp_convention_indicator_count(c), N);
    snplp_convention_unref(c);
}

static void add_refusals(void **state)
{
    (void)state;
    snplp_convention *c = new_conv();
    assert_ok(snplp_convention_add_action(NULL, c, "a", SNPLP_ACTION_OBJECTIVE_SOCIAL_WORK, "A"));
    assert_ok(snplp_convention_add_indicator(NULL, c, "i", "I", SNPLP_UNIT_COUNT));
    snplp_convention *copy = new_conv();
    assert_ok(
        snplp_convention_add_action(NULL, copy, "a", SNPLP_ACTION_OBJECTIVE_SOCIAL_WORK, "A"));
    assert_ok(snplp_convention_add_indicator(NULL, copy, "i", "I", SNPLP_UNIT_COUNT));
    size_t before = snplp_memory_used();
    snplp_action *aout = NULL;
    snplp_indicator *iout = NULL;
    char long_id[SNPLP_ID_MAX + 2];
    test_long_id(long_id, SNPLP_ID_MAX + 1);

    /* actions */
    const snplp_action_objective objectives[] = {
        SNPLP_ACTION_OBJECTIVE_NONE, (snplp_action_objective)5, (snplp_action_objective)-1};
    assert_fails(
        snplp_convention_add_action(&aout, NULL, "x", SNPLP_ACTION_OBJECTIVE_SOCIAL_WORK, "X"),
        SNPLP_EINVAL);
    assert_fails(
        snplp_convention_add_action(&aout, c, NULL, SNPLP_ACTION_OBJECTIVE_SOCIAL_WORK, "X"),
        SNPLP_EINVAL);
    for (size_t i = 0; i < COUNT_OF(bad_ids); i++)
        assert_fails(snplp_convention_add_action(&aout, c, bad_ids[i],
                                                 SNPLP_ACTION_OBJECTIVE_SOCIAL_WORK, "X"),
                     SNPLP_EBADID);
    assert_fails(
        snplp_convention_add_action(&aout, c, long_id, SNPLP_ACTION_OBJECTIVE_SOCIAL_WORK, "X"),
        SNPLP_EBADID);
    for (size_t i = 0; i < COUNT_OF(objectives); i++)
        assert_fails(snplp_convention_add_action(&aout, c, "x", objectives[i], "X"), SNPLP_EINVAL);
    const char *const blanks[] = {NULL, "", " \t", "\xe3\x80\x80"};
    for (size_t i = 0; i < COUNT_OF(blanks); i++)
        assert_fails(snplp_convention_add_action(&aout, c, "x", SNPLP_ACTION_OBJECTIVE_SOCIAL_WORK,
                                                 blanks[i]),
                     SNPLP_EINVAL);
    for (size_t i = 0; i < COUNT_OF(test_bad_texts); i++)
        assert_fails(snplp_convention_add_action(&aout, c, "x", SNPLP_ACTION_OBJECTIVE_SOCIAL_WORK,
                                                 test_bad_texts[i]),
                     SNPLP_EENCODING);
    assert_null(aout);

    /* indicators */
    const snplp_unit units[] = {SNPLP_UNIT_NONE, (snplp_unit)6, (snplp_unit)-1};
    assert_fails(snplp_convention_add_indicator(&iout, NULL, "x", "X", SNPLP_UNIT_COUNT),
                 SNPLP_EINVAL);
    assert_fails(snplp_convention_add_indicator(&iout, c, NULL, "X", SNPLP_UNIT_COUNT),
                 SNPLP_EINVAL);
    for (size_t i = 0; i < COUNT_OF(bad_ids); i++)
        assert_fails(snplp_convention_add_indicator(&iout, c, bad_ids[i], "X", SNPLP_UNIT_COUNT),
                     SNPLP_EBADID);
    assert_fails(snplp_convention_add_indicator(&iout, c, long_id, "X", SNPLP_UNIT_COUNT),
                 SNPLP_EBADID);
    for (size_t i = 0; i < COUNT_OF(units); i++)
        assert_fails(snplp_convention_add_indicator(&iout, c, "x", "X", units[i]), SNPLP_EINVAL);
    for (size_t i = 0; i < COUNT_OF(blanks); i++)
        assert_fails(snplp_convention_add_indicator(&iout, c, "x", blanks[i], SNPLP_UNIT_COUNT),
                     SNPLP_EINVAL);
    for (size_t i = 0; i < COUNT_OF(test_bad_texts); i++)
        assert_fails(
            snplp_convention_add_indicator(&iout, c, "x", test_bad_texts[i], SNPLP_UNIT_COUNT),
            SNPLP_EENCODING);
    assert_null(iout);

    assert_int_equal(snplp_memory_used(), before);
    assert_true(snplp_convention_equal(c, copy));
    assert_null(snplp_convention_action_find(c, "x"));
    assert_null(snplp_convention_indicator_find(c, "x"));
    /* The longest id is accepted. */
    test_long_id(long_id, SNPLP_ID_MAX);
    assert_ok(
        snplp_convention_add_action(&aout, c, long_id, SNPLP_ACTION_OBJECTIVE_SOCIAL_WORK, "X"));
    assert_ptr_equal(snplp_convention_action_find(c, long_id), aout);
    long_id[0] = 'b';
    assert_ok(snplp_convention_add_indicator(&iout, c, long_id, "X", SNPLP_UNIT_COUNT));
    assert_ptr_equal(snplp_convention_indicator_find(c, long_id), iout);
    assert_int_equal(snplp_convention_action_count(NULL), 0);
    assert_null(snplp_convention_action_at(NULL, 0));
    assert_null(snplp_convention_action_find(NULL, "a"));
    assert_int_equal(snplp_convention_indicator_count(NULL), 0);
    assert_null(snplp_convention_indicator_at(NULL, 0));
    assert_null(snplp_convention_indicator_find(NULL, "i"));
    snplp_convention_unref(copy);
    snplp_convention_unref(c);
}

/* ---- deep equality ---- */

/* The ways build() can differ from the base convention (variant 0, SAME). Every variant below
 * VARIANT_COUNT changes exactly one thing; the variants from EQUAL_FIRST build a convention equal
 * to the base by other means. */
enum variant {
    SAME,
    OTHER_ID,
    OTHER_KIND,
    OTHER_CODE,
    OTHER_NAME,
    NO_YEARS,
    OTHER_FIRST_YEAR,
    OTHER_LAST_YEAR,
    NO_SIGNATURE,
    OTHER_SIGNATURE,
    SIGNATORIES_SWAPPED,
    OTHER_ROLE,
    OTHER_PERSON,
    ONE_SIGNATORY,
    OTHER_STATE_CENTS,
    OTHER_OWN_CENTS,
    OTHER_FUNDING_YEAR,
    NO_FUNDING_2020,
    OTHER_ACTION_ID,
    OTHER_TITLE,
    NO_DESCRIPTION,
    OTHER_DESCRIPTION,
    OTHER_OBJECTIVE,
    OTHER_STATUS,
    OTHER_DROP_REASON,
    OTHER_STATUS_YEAR,
    NO_STATUS_2021,
    ACTIONS_SWAPPED,
    EXTRA_ACTION,
    NO_ACTIONS,
    OTHER_INDICATOR_ID,
    OTHER_LABEL,
    OTHER_UNIT,
    OTHER_POLARITY,
    OTHER_AGGREGATION,
    OTHER_WEIGHT,
    OTHER_NUMERATOR,
    OTHER_DENOMINATOR,
    RATIO_SWAPPED,
    NO_RATIO,
    OTHER_BASELINE_YEAR,
    BASELINE_12_5, /* "12.5" for "12.50": equal by value, not identical */
    OTHER_BASELINE,
    NO_BASELINE,
    TARGET_12_5,
    OTHER_TARGET,
    NO_TARGET_2020,
    OTHER_TARGET_YEAR,
    ACTUAL_100, /* "100" for "100.0" */
    NO_ACTUAL,
    ACTUAL_AS_TARGET, /* the 2019 actual recorded as the 2021 target instead */
    OTHER_SOURCE,
    NO_SOURCE,
    OTHER_COMMENT,
    NO_COMMENT,
    COMMENT_AS_SOURCE,
    INDICATORS_SWAPPED,
    EXTRA_INDICATOR,
    VARIANT_COUNT,
    EQUAL_FIRST = 100,
    EQUAL_NFD = EQUAL_FIRST,
    EQUAL_OTHER_ORDER,
    EQUAL_AFTER_UNDO,
    EQUAL_END
};

static void add_signatories(snplp_convention *c, int v)
{
    const char *role1 = v == OTHER_ROLE  ? "Pr\xc3\xa9"
                                           "fet"
                        : v == EQUAL_NFD ? ROLE1_NFD
                                         : ROLE1;
    const char *person1 = v == OTHER_PERSON ? "Jeanne Martin-Durand" : PERSON1;
    if (v == SIGNATORIES_SWAPPED)
        assert_ok(snplp_convention_add_signatory(c, ROLE2, PERSON2));
    assert_ok(snplp_convention_add_signatory(c, role1, person1));
    if (v != SIGNATORIES_SWAPPED && v != ONE_SIGNATORY)
        assert_ok(snplp_convention_add_signatory(c, ROLE2, PERSON2));
}

static void add_funding(snplp_convention *c, int v)
{
    if (v == EQUAL_AFTER_UNDO) {
        assert_ok(snplp_convention_set_funding(c, 2020, 1, 1));
        assert_ok(snplp_convention_set_funding(c, 2022, 1, 1));
        assert_ok(snplp_convention_clear_funding(c, 2022));
    }
    if (v != EQUAL_OTHER_ORDER)
        assert_ok(snplp_convention_set_funding(c, 2019, INT64_C(100000000), INT64_C(50000000)));
    if (v != NO_FUNDING_2020)
        assert_ok(snplp_convention_set_funding(
            c, v == OTHER_FUNDING_YEAR ? 2021 : 2020,
            v == OTHER_STATE_CENTS ? INT64_C(120000001) : INT64_C(120000000),
            v == OTHER_OWN_CENTS ? INT64_C(60000001) : INT64_C(60000000)));
    if (v == EQUAL_OTHER_ORDER)
        assert_ok(snplp_convention_set_funding(c, 2019, INT64_C(100000000), INT64_C(50000000)));
}

static void add_action_ase(snplp_convention *c, int v)
{
    snplp_action *a = NULL;
    assert_ok(snplp_convention_add_action(
        &a, c, v == OTHER_ACTION_ID ? "a-ase2" : "a-ase",
        v == OTHER_OBJECTIVE ? SNPLP_ACTION_OBJECTIVE_RSA_INSERTION
                             : SNPLP_ACTION_OBJECTIVE_CHILD_WELFARE_EXITS,
        v == OTHER_TITLE        ? "Pr\xc3\xa9venir les sorties"
        : v == EQUAL_AFTER_UNDO ? "Provisoire"
        : v == EQUAL_NFD        ? "Pre\xcc\x81venir les sorties se\xcc\x80"
                                  "ches"
                                : "Pr\xc3\xa9venir les sorties s\xc3\xa8"
                                  "ches"));
    if (v == EQUAL_AFTER_UNDO) {
        assert_ok(snplp_action_set_title(a, "Pr\xc3\xa9venir les sorties s\xc3\xa8"
                                            "ches"));
        assert_ok(snplp_action_set_objective(a, SNPLP_ACTION_OBJECTIVE_SOCIAL_WORK));
        assert_ok(snplp_action_set_objective(a, SNPLP_ACTION_OBJECTIVE_CHILD_WELFARE_EXITS));
        assert_ok(snplp_action_set_description(a, "Autre"));
        assert_ok(snplp_action_set_description(a, NULL));
    }
    if (v != NO_DESCRIPTION)
        assert_ok(snplp_action_set_description(a, v == OTHER_DESCRIPTION
                                                      ? "Un r\xc3\xa9"
                                                        "f\xc3\xa9rent"
                                                      : "Un r\xc3\xa9"
                                                        "f\xc3\xa9rent par jeune"));
    if (v == EQUAL_OTHER_ORDER) {
        assert_ok(
            snplp_action_set_status(a, 2021, SNPLP_ACTION_STATUS_DROPPED, "Faute de candidats"));
        assert_ok(snplp_action_set_status(a, 2019, SNPLP_ACTION_STATUS_IN_PROGRESS, NULL));
        assert_ok(snplp_action_set_status(a, 2020, SNPLP_ACTION_STATUS_DONE, NULL));
        return;
    }
    if (v == EQUAL_AFTER_UNDO) {
        assert_ok(snplp_action_set_status(a, 2020, SNPLP_ACTION_STATUS_DROPPED, "Abandon"));
        assert_ok(snplp_action_set_status(a, 2018, SNPLP_ACTION_STATUS_PLANNED, NULL));
        assert_ok(snplp_action_clear_status(a, 2018));
        assert_ok(snplp_action_set_status(a, 2021, SNPLP_ACTION_STATUS_DONE, NULL));
    }
    assert_ok(snplp_action_set_status(a, v == OTHER_STATUS_YEAR ? 2018 : 2019,
                                      SNPLP_ACTION_STATUS_IN_PROGRESS, NULL));
    assert_ok(snplp_action_set_status(
        a, 2020, v == OTHER_STATUS ? SNPLP_ACTION_STATUS_PLANNED : SNPLP_ACTION_STATUS_DONE, NULL));
    if (v != NO_STATUS_2021)
        assert_ok(snplp_action_set_status(a, 2021, SNPLP_ACTION_STATUS_DROPPED,
                                          v == OTHER_DROP_REASON ? "Faute de candidat"
                                                                 : "Faute de candidats"));
}

static void add_action_free(snplp_convention *c)
{
    snplp_action *a = NULL;
    assert_ok(snplp_convention_add_action(&a, c, "a-libre", SNPLP_ACTION_OBJECTIVE_FREE_INITIATIVE,
                                          "Initiative libre"));
    assert_ok(snplp_action_set_status(a, 2019, SNPLP_ACTION_STATUS_PLANNED, NULL));
}

static void add_indicator_rate(snplp_convention *c, int v)
{
    snplp_indicator *ind = NULL;
    assert_ok(snplp_convention_add_indicator(&ind, c,
                                             v == OTHER_INDICATOR_ID ? "i-taux2" : "i-taux",
                                             v == OTHER_LABEL ? "Taux de jeunes"
                                             : v == EQUAL_NFD ? "Taux de jeunes accompagne\xcc\x81s"
                                                              : "Taux de jeunes accompagn\xc3\xa9s",
                                             v == OTHER_UNIT         ? SNPLP_UNIT_RATIO
                                             : v == EQUAL_AFTER_UNDO ? SNPLP_UNIT_COUNT
                                                                     : SNPLP_UNIT_PERCENT));
    if (v == EQUAL_AFTER_UNDO) {
        assert_ok(snplp_indicator_set_unit(ind, SNPLP_UNIT_PERCENT));
        assert_ok(snplp_indicator_set_polarity(ind, SNPLP_POLARITY_EXACT));
        assert_ok(snplp_indicator_set_polarity(ind, SNPLP_POLARITY_HIGHER));
        assert_ok(snplp_indicator_set_aggregation(ind, SNPLP_AGGREGATION_WEIGHTED_MEAN, "zz"));
        assert_ok(snplp_indicator_set_label(ind, "Provisoire"));
        assert_ok(snplp_indicator_set_label(ind, "Taux de jeunes accompagn\xc3\xa9s"));
        assert_ok(snplp_indicator_set_ratio_of(ind, "n", "d"));
        assert_ok(snplp_indicator_set_ratio_of(ind, NULL, NULL));
        assert_ok(snplp_indicator_set_baseline(ind, 2000, dec(1, 0)));
        assert_ok(snplp_indicator_clear_baseline(ind));
        assert_ok(snplp_indicator_set_target(ind, 2021, dec(1, 0)));
        assert_ok(snplp_indicator_set_source(ind, 2021, "Provisoire"));
        assert_ok(snplp_indicator_set_actual(ind, 2019, dec(5, 0)));
        assert_ok(snplp_indicator_clear_target(ind, 2021));
        assert_ok(snplp_indicator_set_source(ind, 2021, NULL));
        assert_ok(snplp_indicator_set_comment(ind, 2020, "Provisoire"));
    }
    if (v == OTHER_POLARITY)
        assert_ok(snplp_indicator_set_polarity(ind, SNPLP_POLARITY_LOWER));
    if (v == OTHER_AGGREGATION)
        assert_ok(snplp_indicator_set_aggregation(ind, SNPLP_AGGREGATION_SUM, NULL));
    else
        assert_ok(snplp_indicator_set_aggregation(ind, SNPLP_AGGREGATION_WEIGHTED_MEAN,
                                                  v == OTHER_WEIGHT ? "i-suivis" : "i-nb"));
    if (v == RATIO_SWAPPED)
        assert_ok(snplp_indicator_set_ratio_of(ind, "i-nb", "i-suivis"));
    else if (v != NO_RATIO)
        assert_ok(snplp_indicator_set_ratio_of(ind, v == OTHER_NUMERATOR ? "i-sortis" : "i-suivis",
                                               v == OTHER_DENOMINATOR ? "i-tous" : "i-nb"));
    if (v != NO_BASELINE)
        assert_ok(snplp_indicator_set_baseline(ind, v == OTHER_BASELINE_YEAR ? 2017 : 2018,
                                               v == BASELINE_12_5    ? dec(125, 1)
                                               : v == OTHER_BASELINE ? dec(1251, 2)
                                                                     : dec(1250, 2)));
    if (v == EQUAL_OTHER_ORDER) {
        assert_ok(snplp_indicator_set_comment(ind, 2020, "Estimation"));
        assert_ok(snplp_indicator_set_actual(ind, 2019, dec(1000, 1)));
        assert_ok(snplp_indicator_set_source(ind, 2019,
                                             "CAF, d\xc3\xa9"
                                             "cembre 2019"));
        assert_ok(snplp_indicator_set_target(ind, 2020, dec(1500, 2)));
        assert_ok(snplp_indicator_set_target(ind, 2019, dec(1250, 2)));
        return;
    }
    assert_ok(snplp_indicator_set_target(ind, 2019,
                                         v == TARGET_12_5    ? dec(125, 1)
                                         : v == OTHER_TARGET ? dec(1249, 2)
                                                             : dec(1250, 2)));
    if (v != NO_TARGET_2020)
        assert_ok(
            snplp_indicator_set_target(ind, v == OTHER_TARGET_YEAR ? 2021 : 2020, dec(1500, 2)));
    if (v == ACTUAL_AS_TARGET)
        assert_ok(snplp_indicator_set_target(ind, 2021, dec(1000, 1)));
    else if (v != NO_ACTUAL)
        assert_ok(
            snplp_indicator_set_actual(ind, 2019, v == ACTUAL_100 ? dec(100, 0) : dec(1000, 1)));
    if (v == COMMENT_AS_SOURCE)
        assert_ok(snplp_indicator_set_comment(ind, 2019,
                                              "CAF, d\xc3\xa9"
                                              "cembre 2019"));
    else if (v != NO_SOURCE)
        assert_ok(snplp_indicator_set_source(ind, 2019,
                                             v == OTHER_SOURCE ? "CAF"
                                                               : "CAF, d\xc3\xa9"
                                                                 "cembre 2019"));
    if (v != NO_COMMENT)
        assert_ok(snplp_indicator_set_comment(
            ind, 2020, v == OTHER_COMMENT ? "Estimation CAF" : "Estimation"));
}

static void add_indicator_count(snplp_convention *c)
{
    snplp_indicator *ind = NULL;
    assert_ok(
        snplp_convention_add_indicator(&ind, c, "i-nb", "Nombre de jeunes", SNPLP_UNIT_COUNT));
    assert_ok(snplp_indicator_set_aggregation(ind, SNPLP_AGGREGATION_SUM, NULL));
    assert_ok(snplp_indicator_set_target(ind, 2019, dec(40, 0)));
}

/* A full convention: variant 0 is the base, the others differ as enum variant says. */
static snplp_convention *build(int v)
{
    snplp_convention *c = NULL;
    assert_ok(
        snplp_convention_new(&c, v == OTHER_ID ? "calpae-52b" : ID,
                             v == OTHER_KIND ? SNPLP_TERRITORY_REGION : SNPLP_TERRITORY_DEPARTEMENT,
                             v == OTHER_CODE ? "49" : "52",
                             v == OTHER_NAME  ? "Conseil d\xc3\xa9partemental"
                             : v == EQUAL_NFD ? NAME_NFD
                                              : NAME));
    if (v == EQUAL_AFTER_UNDO) {
        assert_ok(snplp_convention_set_years(c, 2018, 2022));
        assert_ok(snplp_convention_set_signature_date(c, date(2020, 1, 1)));
        assert_ok(snplp_convention_clear_signature_date(c));
    }
    if (v != NO_YEARS)
        assert_ok(snplp_convention_set_years(c, v == OTHER_FIRST_YEAR ? 2018 : 2019,
                                             v == OTHER_LAST_YEAR ? 2022 : 2021));
    if (v != NO_SIGNATURE)
        assert_ok(
            snplp_convention_set_signature_date(c, date(2019, 6, v == OTHER_SIGNATURE ? 29 : 28)));
    add_signatories(c, v);
    add_funding(c, v);
    if (v == ACTIONS_SWAPPED)
        add_action_free(c);
    if (v != NO_ACTIONS)
        add_action_ase(c, v);
    if (v != ACTIONS_SWAPPED && v != NO_ACTIONS)
        add_action_free(c);
    if (v == EXTRA_ACTION)
        assert_ok(snplp_convention_add_action(NULL, c, "a-rsa",
                                              SNPLP_ACTION_OBJECTIVE_RSA_INSERTION, "Orienter"));
    if (v == INDICATORS_SWAPPED)
        add_indicator_count(c);
    add_indicator_rate(c, v);
    if (v != INDICATORS_SWAPPED)
        add_indicator_count(c);
    if (v == EXTRA_INDICATOR)
        assert_ok(snplp_convention_add_indicator(NULL, c, "i-autre", "Autre", SNPLP_UNIT_DAYS));
    return c;
}

static void equality_sees_each_field(void **state)
{
    (void)state;
    snplp_convention *a = build(SAME);
    snplp_convention *a2 = build(SAME);
    assert_true(snplp_convention_equal(a, a2));
    assert_true(snplp_convention_equal(a2, a));
    assert_true(snplp_convention_equal(a, a));
    for (int v = 1; v < VARIANT_COUNT; v++) {
        snplp_convention *b = build(v);
        if (snplp_convention_equal(a, b) || snplp_convention_equal(b, a))
            print_error("variant %d is equal to the base convention\n", v);
        assert_false(snplp_convention_equal(a, b));
        assert_false(snplp_convention_equal(b, a));
        snplp_convention *b2 = build(v);
        assert_true(snplp_convention_equal(b, b2));
        snplp_convention_unref(b2);
        snplp_convention_unref(b);
    }
    for (int v = EQUAL_FIRST; v < EQUAL_END; v++) {
        snplp_convention *b = build(v);
        if (!snplp_convention_equal(a, b))
            print_error("variant %d is not equal to the base convention\n", v);
        assert_true(snplp_convention_equal(a, b));
        assert_true(snplp_convention_equal(b, a));
        snplp_convention_unref(b);
    }
    snplp_convention_unref(a2);
    snplp_convention_unref(a);
}

static void equality_of_decimals_is_digit_for_digit(void **state)
{
    (void)state;
    snplp_convention *a = new_conv(), *b = new_conv();
    snplp_indicator *x = NULL, *y = NULL;
    assert_ok(snplp_convention_add_indicator(&x, a, "i", "I", SNPLP_UNIT_EUROS));
    assert_ok(snplp_convention_add_indicator(&y, b, "i", "I", SNPLP_UNIT_EUROS));
    assert_ok(snplp_indicator_set_actual(x, 2020, dec(1250, 2))); /* "12.50" */
    assert_ok(snplp_indicator_set_actual(y, 2020, dec(125, 1)));  /* "12.5" */
    assert_int_equal(snplp_decimal_compare(dec(1250, 2), dec(125, 1)), 0);
    assert_false(snplp_convention_equal(a, b));
    assert_ok(snplp_indicator_set_actual(y, 2020, dec(1250, 2)));
    assert_true(snplp_convention_equal(a, b));
    /* A zero is not an absent value. */
    assert_ok(snplp_indicator_set_target(x, 2020, dec(0, 0)));
    assert_false(snplp_convention_equal(a, b));
    assert_ok(snplp_indicator_set_target(y, 2020, dec(0, 2))); /* "0.00" */
    assert_false(snplp_convention_equal(a, b));
    assert_ok(snplp_indicator_set_target(y, 2020, dec(0, 0)));
    assert_true(snplp_convention_equal(a, b));
    /* Nor is a funding of 0. */
    assert_ok(snplp_convention_set_funding(a, 2020, 0, 0));
    assert_false(snplp_convention_equal(a, b));
    assert_ok(snplp_convention_set_funding(b, 2020, 0, 0));
    assert_true(snplp_convention_equal(a, b));
    snplp_convention_unref(a);
    snplp_convention_unref(b);
}

static void equality_null(void **state)
{
    (void)state;
    snplp_convention *a = build(SAME);
    assert_true(snplp_convention_equal(NULL, NULL));
    assert_false(snplp_convention_equal(a, NULL));
    assert_false(snplp_convention_equal(NULL, a));
    snplp_convention_unref(a);
}

/* ---- texts forbidden by XML that are also white space ---- */

/* U+000B and U+000C are C0 controls that XML forbids (test_bad_texts: every text setter refuses
 * them with SNPLP_EENCODING, as the optional texts do), but they are also Unicode white space. */
static const char *const control_blanks[] = {"\x0b", "\x0c", " \x0b ", "\t\x0c\n"};

/* A convention for one test, freed by the teardown even when the test fails. */
static int setup_conv(void **state)
{
    snplp_convention *c = NULL;
    if (snplp_convention_new(&c, ID, SNPLP_TERRITORY_DEPARTEMENT, "52", NAME) != SNPLP_OK)
        return -1;
    *state = c;
    return 0;
}

static int teardown_conv(void **state)
{
    snplp_convention_unref(*state);
    return 0;
}

static void control_characters_in_new(void **state)
{
    (void)state;
    for (size_t i = 0; i < COUNT_OF(control_blanks); i++) {
        snplp_convention *out = NULL;
        /* The encoding is checked before blankness: U+000B and U+000C are refused as
         * characters XML forbids, as by the optional setters, not as blank text. */
        assert_fails(
            snplp_convention_new(&out, ID, SNPLP_TERRITORY_DEPARTEMENT, "52", control_blanks[i]),
            SNPLP_EENCODING);
        assert_null(out);
    }
}

static void control_characters_in_required_texts(void **state)
{
    snplp_convention *c = *state;
    for (size_t i = 0; i < COUNT_OF(control_blanks); i++) {
        /* As in control_characters_in_new: the encoding first. */
        assert_fails(
            snplp_convention_set_territory(c, SNPLP_TERRITORY_DEPARTEMENT, "52", control_blanks[i]),
            SNPLP_EENCODING);
        assert_fails(snplp_convention_add_signatory(c, control_blanks[i], PERSON1),
                     SNPLP_EENCODING);
        assert_fails(snplp_convention_add_signatory(c, ROLE1, control_blanks[i]), SNPLP_EENCODING);
        assert_fails(snplp_convention_add_action(NULL, c, "a", SNPLP_ACTION_OBJECTIVE_SOCIAL_WORK,
                                                 control_blanks[i]),
                     SNPLP_EENCODING);
        assert_fails(
            snplp_convention_add_indicator(NULL, c, "i", control_blanks[i], SNPLP_UNIT_COUNT),
            SNPLP_EENCODING);
    }
    assert_string_equal(snplp_convention_territory_name(c), NAME);
    assert_int_equal(snplp_convention_signatory_count(c), 0);
    assert_int_equal(snplp_convention_action_count(c), 0);
    assert_int_equal(snplp_convention_indicator_count(c), 0);
}

/* ---- a convention's own strings given back to it ---- */

static void own_strings_as_arguments(void **state)
{
    (void)state;
    snplp_convention *c = build(SAME);
    /* Every setter copies its argument before it frees what it replaces. */
    assert_ok(snplp_convention_set_territory(c, snplp_convention_territory_kind(c),
                                             snplp_convention_territory_code(c),
                                             snplp_convention_territory_name(c)));
    assert_ok(snplp_convention_add_signatory(c, snplp_convention_signatory_role(c, 0),
                                             snplp_convention_signatory_name(c, 1)));
    snplp_convention *other = NULL;
    assert_ok(snplp_convention_new(
        &other, snplp_convention_id(c), snplp_convention_territory_kind(c),
        snplp_convention_territory_code(c), snplp_convention_territory_name(c)));
    snplp_convention_unref(c); /* the copies outlive the original */
    assert_string_equal(snplp_convention_id(other), ID);
    assert_string_equal(snplp_convention_territory_code(other), "52");
    assert_string_equal(snplp_convention_territory_name(other), NAME);
    c = build(SAME);
    assert_ok(snplp_convention_add_signatory(c, ROLE1, PERSON2));
    assert_string_equal(snplp_convention_signatory_role(c, 2), ROLE1);
    assert_string_equal(snplp_convention_signatory_name(c, 2), PERSON2);
    snplp_convention_unref(c);
    snplp_convention_unref(other);
}

/* ---- pointers of another type ---- */

static void wrong_objects(void **state)
{
    (void)state;
    snplp_convention *c = build(SAME);
    snplp_convention *copy = build(SAME);
    snplp_diagnostics *diags = new_diags();
    snplp_referential *ref = test_new_referential();
    snplp_action *a = snplp_convention_action_at(c, 0);
    snplp_indicator *ind = snplp_convention_indicator_at(c, 0);
    size_t items = snplp_referential_item_count(ref);
    size_t before = snplp_memory_used();

    snplp_convention *const objects[] = {
        NULL,
        (snplp_convention *)(void *)diags,
        (snplp_convention *)(void *)a,
        (snplp_convention *)(void *)ind,
        (snplp_convention *)(void *)ref,
        (snplp_convention *)(void *)snplp_referential_strategy(ref),
    };
    for (size_t i = 0; i < COUNT_OF(objects); i++) {
        snplp_convention *x = objects[i];
        assert_null(snplp_convention_ref(x));
        snplp_convention_unref(x);
        if (x) {
            assert_false(snplp_convention_equal(x, c));
            assert_false(snplp_convention_equal(c, x));
        }
        assert_null(snplp_convention_id(x));
        assert_int_equal(snplp_convention_territory_kind(x), SNPLP_TERRITORY_NONE);
        assert_null(snplp_convention_territory_code(x));
        assert_null(snplp_convention_territory_name(x));
        assert_fails(snplp_convention_set_territory(x, SNPLP_TERRITORY_REGION, "52", "R"),
                     SNPLP_EINVAL);
        assert_fails(snplp_convention_set_years(x, 2019, 2021), SNPLP_EINVAL);
        assert_int_equal(snplp_convention_first_year(x), 0);
        assert_int_equal(snplp_convention_last_year(x), 0);
        assert_fails(snplp_convention_set_signature_date(x, date(2019, 1, 1)), SNPLP_EINVAL);
        snplp_date d = date(1, 1, 1);
        assert_fails(snplp_convention_signature_date(&d, x), SNPLP_EINVAL);
        assert_int_equal(d.year, 1);
        assert_fails(snplp_convention_clear_signature_date(x), SNPLP_EINVAL);
        assert_fails(snplp_convention_add_signatory(x, "R", "N"), SNPLP_EINVAL);
        assert_int_equal(snplp_convention_signatory_count(x), 0);
        assert_null(snplp_convention_signatory_role(x, 0));
        assert_null(snplp_convention_signatory_name(x, 0));
        assert_fails(snplp_convention_set_funding(x, 2019, 1, 1), SNPLP_EINVAL);
        int64_t s = 5;
        assert_fails(snplp_convention_funding(x, 2019, &s, &s), SNPLP_EINVAL);
        assert_true(s == 5);
        assert_fails(snplp_convention_clear_funding(x, 2019), SNPLP_EINVAL);
        assert_int_equal(snplp_convention_funding_year_count(x), 0);
        assert_int_equal(snplp_convention_funding_year_at(x, 0), 0);
        snplp_action *aout = NULL;
        assert_fails(
            snplp_convention_add_action(&aout, x, "z", SNPLP_ACTION_OBJECTIVE_SOCIAL_WORK, "Z"),
            SNPLP_EINVAL);
        assert_null(aout);
        assert_int_equal(snplp_convention_action_count(x), 0);
        assert_null(snplp_convention_action_at(x, 0));
        assert_null(snplp_convention_action_find(x, "a-ase"));
        snplp_indicator *iout = NULL;
        assert_fails(snplp_convention_add_indicator(&iout, x, "z", "Z", SNPLP_UNIT_COUNT),
                     SNPLP_EINVAL);
        assert_null(iout);
        assert_int_equal(snplp_convention_indicator_count(x), 0);
        assert_null(snplp_convention_indicator_at(x, 0));
        assert_null(snplp_convention_indicator_find(x, "i-taux"));
    }
    /* The objects are untouched. */
    assert_int_equal(snplp_memory_used(), before);
    assert_true(snplp_convention_equal(c, copy));
    assert_int_equal(snplp_diagnostics_count(diags), 0);
    assert_ptr_equal(snplp_convention_action_at(c, 0), a);
    assert_string_equal(snplp_action_id(a), "a-ase");
    assert_string_equal(snplp_indicator_id(ind), "i-taux");
    assert_int_equal(snplp_referential_item_count(ref), items);
    snplp_referential_unref(ref);
    snplp_diagnostics_free(diags);
    snplp_convention_unref(copy);
    snplp_convention_unref(c);
}

/* ---- out of memory ---- */

typedef struct new_ctx {
    snplp_convention *out;
} new_ctx;

static int step_new(void *p)
{
    new_ctx *x = p;
    return snplp_convention_new(&x->out, "c974", SNPLP_TERRITORY_DEPARTEMENT, "974",
                                "D\xc3\xa9partement de La Re\xcc\x81union");
}

static void check_new(void *p)
{
    new_ctx *x = p;
    assert_null(x->out);
}

static void new_out_of_memory(void **state)
{
    (void)state;
    new_ctx x = {NULL};
    size_t before = snplp_memory_used();
    assert_true(test_oom_sweep(step_new, check_new, &x) > 0);
    assert_non_null(x.out);
    assert_string_equal(snplp_convention_territory_name(x.out),
                        "D\xc3\xa9partement de La R\xc3\xa9union");
    assert_string_equal(snplp_convention_id(x.out), "c974");
    snplp_convention_unref(x.out);
    assert_int_equal(snplp_memory_used(), before);
}

/* A convention changed by an operation, and a copy built the same way that the operation has
 * not reached yet: every failing run must leave the two equal. */
typedef struct oom_ctx {
    snplp_convention *conv, *copy;
    int (*op)(snplp_convention *c, int i);
    int i;
} oom_ctx;

static int step_op(void *p)
{
    oom_ctx *x = p;
    return x->op(x->conv, x->i);
}

static void check_unchanged(void *p)
{
    oom_ctx *x = p;
    assert_true(snplp_convention_equal(x->conv, x->copy));
}

/* Runs op(i) for i = 0..n-1 under an out-of-memory sweep on one convention, and plainly on its
 * copy after each success; returns the number of steps that allocated. */
static int sweep(snplp_convention *conv, snplp_convention *copy,
                 int (*op)(snplp_convention *c, int i), int n)
{
    int allocating = 0;
    for (int i = 0; i < n; i++) {
        assert_true(snplp_convention_equal(conv, copy));
        oom_ctx x = {conv, copy, op, i};
        allocating += test_oom_sweep(step_op, check_unchanged, &x) > 0;
        assert_ok(op(copy, i));
        assert_true(snplp_convention_equal(conv, copy));
    }
    return allocating;
}

static int op_signatory(snplp_convention *c, int i)
{
    char name[32];
    snprintf(name, sizeof name, "Signataire n\xc2\xb0%d", i);
    return snplp_convention_add_signatory(c, i % 2 ? ROLE1_NFD : ROLE2, name);
}

static int op_funding(snplp_convention *c, int i)
{
    /* new years in no order, then years already there (replaced) */
    static const int32_t years[] = {2021, 2019, 2020, 2025, 2018, 2023, 2022, 2024, 2019, 2025};
    return snplp_convention_set_funding(c, years[i], 1000 * i, 10 * i);
}

static int op_action(snplp_convention *c, int i)
{
    char id[16];
    snprintf(id, sizeof id, "a%d", i);
    return snplp_convention_add_action(NULL, c, id, SNPLP_ACTION_OBJECTIVE_FREE_INITIATIVE,
                                       "Action e\xcc\x81tendue");
}

static int op_indicator(snplp_convention *c, int i)
{
    char id[16];
    snprintf(id, sizeof id, "i%d", i);
    return snplp_convention_add_indicator(NULL, c, id, "Indicateur e\xcc\x81tendu",
                                          SNPLP_UNIT_DAYS);
}

static int op_territory(snplp_convention *c, int i)
{
    switch (i) {
    case 0:
        return snplp_convention_set_territory(c, SNPLP_TERRITORY_REGION, "52",
                                              "R\xc3\xa9gion Pays de la Loire");
    case 1:
        return snplp_convention_set_territory(c, SNPLP_TERRITORY_METROPOLE, "200093201",
                                              "Me\xcc\x81tropole Europe\xcc\x81"
                                              "enne de Lille");
    default:
        return snplp_convention_set_territory(c, SNPLP_TERRITORY_DEPARTEMENT, "52", NAME_NFD);
    }
}

static void add_signatory_out_of_memory(void **state)
{
    (void)state;
    snplp_convention *c = build(SAME), *copy = build(SAME);
    assert_int_equal(sweep(c, copy, op_signatory, 7), 7);
    assert_int_equal(snplp_convention_signatory_count(c), 9);
    assert_string_equal(snplp_convention_signatory_role(c, 3), ROLE1);
    snplp_convention_unref(c);
    snplp_convention_unref(copy);
}

static void set_funding_out_of_memory(void **state)
{
    (void)state;
    snplp_convention *c = new_conv(), *copy = new_conv();
    assert_true(sweep(c, copy, op_funding, 10) >= 2); /* at least the first year and a growth */
    assert_int_equal(snplp_convention_funding_year_count(c), 8);
    assert_funding(c, 2019, 8000, 80);
    assert_funding(c, 2025, 9000, 90);
    snplp_convention_unref(c);
    snplp_convention_unref(copy);
}

static void add_action_out_of_memory(void **state)
{
    (void)state;
    snplp_convention *c = new_conv(), *copy = new_conv();
    assert_int_equal(sweep(c, copy, op_action, 9), 9);
    assert_int_equal(snplp_convention_action_count(c), 9);
    snplp_convention_unref(c);
    snplp_convention_unref(copy);
    c = build(SAME);
    copy = build(SAME);
    assert_int_equal(sweep(c, copy, op_action, 3), 3);
    snplp_convention_unref(c);
    snplp_convention_unref(copy);
}

static void add_indicator_out_of_memory(void **state)
{
    (void)state;
    snplp_convention *c = new_conv(), *copy = new_conv();
    assert_int_equal(sweep(c, copy, op_indicator, 9), 9);
    assert_int_equal(snplp_convention_indicator_count(c), 9);
    assert_string_equal(snplp_indicator_label(snplp_convention_indicator_at(c, 8)),
                        "Indicateur \xc3\xa9tendu");
    snplp_convention_unref(c);
    snplp_convention_unref(copy);
    c = build(SAME);
    copy = build(SAME);
    assert_int_equal(sweep(c, copy, op_indicator, 3), 3);
    snplp_convention_unref(c);
    snplp_convention_unref(copy);
}

static int op_mixed(snplp_convention *c, int i)
{
    return i % 2 ? op_indicator(c, i) : op_action(c, i);
}

/* Out of memory across the growths of the id map (at 48 and 96 ids): every failed add leaves
 * the id free, and every id added is found. */
static void add_mixed_out_of_memory(void **state)
{
    (void)state;
    snplp_convention *c = new_conv(), *copy = new_conv();
    enum { N = 110 };
    assert_int_equal(sweep(c, copy, op_mixed, N), N);
    char id[16];
    for (int i = 0; i < N; i++) {
        snprintf(id, sizeof id, i % 2 ? "i%d" : "a%d", i);
        if (i % 2)
            assert_ptr_equal(snplp_convention_indicator_find(c, id),
                             snplp_convention_indicator_at(c, (size_t)i / 2));
        else
            assert_ptr_equal(snplp_convention_action_find(c, id),
                             snplp_convention_action_at(c, (size_t)i / 2));
    }
    snplp_convention_unref(c);
    snplp_convention_unref(copy);
}

static void set_territory_out_of_memory(void **state)
{
    (void)state;
    snplp_convention *c = build(SAME), *copy = build(SAME);
    assert_int_equal(sweep(c, copy, op_territory, 3), 3);
    assert_territory(c, SNPLP_TERRITORY_DEPARTEMENT, "52", NAME);
    snplp_convention *base = build(SAME);
    assert_true(snplp_convention_equal(c, base));
    snplp_convention_unref(base);
    snplp_convention_unref(c);
    snplp_convention_unref(copy);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(new_convention_is_empty),
        cmocka_unit_test(new_refusals),
        cmocka_unit_test(names_are_nfc),
        cmocka_unit_test(ref_and_unref),
        cmocka_unit_test(set_territory),
        cmocka_unit_test(set_territory_is_all_or_nothing),
        cmocka_unit_test(years),
        cmocka_unit_test(years_keep_values_outside),
        cmocka_unit_test(signature_date),
        cmocka_unit_test(signatories),
        cmocka_unit_test(signatory_refusals),
        cmocka_unit_test(funding),
        cmocka_unit_test(funding_refusals),
        cmocka_unit_test(actions),
        cmocka_unit_test(indicators),
        cmocka_unit_test(actions_and_indicators_share_ids),
        cmocka_unit_test(many_actions_and_indicators),
        cmocka_unit_test(add_refusals),
        cmocka_unit_test(equality_sees_each_field),
        cmocka_unit_test(equality_of_decimals_is_digit_for_digit),
        cmocka_unit_test(equality_null),
        cmocka_unit_test(control_characters_in_new),
        cmocka_unit_test_setup_teardown(control_characters_in_required_texts, setup_conv,
                                        teardown_conv),
        cmocka_unit_test(own_strings_as_arguments),
        cmocka_unit_test(wrong_objects),
        cmocka_unit_test(new_out_of_memory),
        cmocka_unit_test(add_signatory_out_of_memory),
        cmocka_unit_test(set_funding_out_of_memory),
        cmocka_unit_test(add_action_out_of_memory),
        cmocka_unit_test(add_indicator_out_of_memory),
        cmocka_unit_test(add_mixed_out_of_memory),
        cmocka_unit_test(set_territory_out_of_memory),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
