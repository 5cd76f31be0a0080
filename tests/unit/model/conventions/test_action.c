/* Tests of action.h: objectives and statuses by name, the title, description and objective of
 * an action, its status year by year (a dropped action with its reason, replacing and clearing
 * a status, years in order), every refusal, pointers of another type and out of memory. */
#include "names.h"
#include "test_values.h"

#include <stdio.h>

#define TITLE                                                                                      \
    "Pr\xc3\xa9venir les sorties s\xc3\xa8"                                                        \
    "ches de l'ASE"
#define REASON "Faute de candidats"

/* The convention of the tests: 2019 to 2021, the action a-ase and the indicator i. */
static snplp_convention *new_conv(void)
{
    snplp_convention *c = NULL;
    if (snplp_convention_new(&c, "calpae-49", SNPLP_TERRITORY_DEPARTEMENT, "49",
                             "Maine-et-Loire") != SNPLP_OK ||
        snplp_convention_set_years(c, 2019, 2021) != SNPLP_OK ||
        snplp_convention_add_action(NULL, c, "a-ase", SNPLP_ACTION_OBJECTIVE_CHILD_WELFARE_EXITS,
                                    TITLE) != SNPLP_OK ||
        snplp_convention_add_indicator(NULL, c, "i", "I", SNPLP_UNIT_COUNT) != SNPLP_OK) {
        snplp_convention_unref(c);
        return NULL;
    }
    return c;
}

static int setup(void **state)
{
    return conv_fixture_setup(state, new_conv, "a-ase", NULL);
}

#define teardown conv_fixture_teardown

/* The action of the copy (the same as f->item so far as the test changed both alike). */
static snplp_action *copy_action(const conv_fixture *f)
{
    return snplp_convention_action_find(f->copy, "a-ase");
}

/* The years of the action's statuses. */
#define assert_years(a, years, n)                                                                  \
    assert_year_list(snplp_action_status_year_count, snplp_action_status_year_at, a, years, n)

/* ---- objectives and statuses by name ---- */

/* The names of objectives and statuses (support/names.c). */
static const enum_names *const names[] = {&names_action_objective, &names_action_status, NULL};

/* The core objectives. */
static void core_objectives(void **state)
{
    (void)state;
    static const bool core[] = {false, true, true, true, false}; /* NONE, then 1 to 4 */
    for (int o = 0; o < (int)COUNT_OF(core); o++)
        assert_int_equal(snplp_action_objective_is_core((snplp_action_objective)o), core[o]);
    for (size_t i = 0; i < names_action_objective.nothers; i++)
        assert_false(snplp_action_objective_is_core(
            (snplp_action_objective)names_action_objective.others[i]));
}

/* ---- fields ---- */

static void new_action(void **state)
{
    conv_fixture *f = *state;
    assert_string_equal(snplp_action_id(f->item), "a-ase");
    assert_ptr_equal(snplp_action_convention(f->item), f->conv);
    assert_string_equal(snplp_action_title(f->item), TITLE);
    assert_null(snplp_action_description(f->item));
    assert_int_equal(snplp_action_objective_of(f->item),
                     SNPLP_ACTION_OBJECTIVE_CHILD_WELFARE_EXITS);
    assert_years(f->item, NULL, 0);
    assert_int_equal(snplp_action_status_in(f->item, 2019), SNPLP_ACTION_STATUS_NONE);
    assert_null(snplp_action_drop_reason(f->item, 2019));
    assert_true(snplp_convention_equal(f->conv, f->copy));
}

static void title(void **state)
{
    conv_fixture *f = *state;
    char buf[64] = "Orienter en un mois les allocataires du RSA";
    assert_ok(snplp_action_set_title(f->item, buf));
    memset(buf, 'x', sizeof buf - 1);
    assert_string_equal(snplp_action_title(f->item), "Orienter en un mois les allocataires du RSA");
    assert_ok(snplp_action_set_title(f->item, "Re\xcc\x81"
                                              "fe\xcc\x81rent de parcours"));
    assert_string_equal(snplp_action_title(f->item), "R\xc3\xa9"
                                                     "f\xc3\xa9rent de parcours");

    const char *const blanks[] = {NULL, "", " ", "\t\r\n", "\xc2\xa0\xe3\x80\x80"};
    for (size_t i = 0; i < COUNT_OF(blanks); i++)
        assert_fails(snplp_action_set_title(f->item, blanks[i]), SNPLP_EINVAL);
    for (size_t i = 0; i < COUNT_OF(test_bad_texts); i++)
        assert_fails(snplp_action_set_title(f->item, test_bad_texts[i]), SNPLP_EENCODING);
    assert_string_equal(snplp_action_title(f->item), "R\xc3\xa9"
                                                     "f\xc3\xa9rent de parcours");
    /* Changing the title shows in equality. */
    assert_false(snplp_convention_equal(f->conv, f->copy));
    assert_ok(snplp_action_set_title(f->item, TITLE));
    assert_true(snplp_convention_equal(f->conv, f->copy));
}

static void description(void **state)
{
    conv_fixture *f = *state;
    char buf[64] = "Un r\xc3\xa9"
                   "f\xc3\xa9rent par jeune";
    assert_ok(snplp_action_set_description(f->item, buf));
    memset(buf, 'x', sizeof buf - 1);
    assert_string_equal(snplp_action_description(f->item), "Un r\xc3\xa9"
                                                           "f\xc3\xa9rent par jeune");
    assert_false(snplp_convention_equal(f->conv, f->copy));
    assert_ok(snplp_action_set_description(f->item, "Accueil a\xcc\x80 moins de 15 minutes"));
    assert_string_equal(snplp_action_description(f->item), "Accueil \xc3\xa0 moins de 15 minutes");
    for (size_t i = 0; i < COUNT_OF(test_bad_texts); i++) {
        assert_fails(snplp_action_set_description(f->item, test_bad_texts[i]), SNPLP_EENCODING);
        assert_string_equal(snplp_action_description(f->item),
                            "Accueil \xc3\xa0 moins de 15 minutes");
    }
    /* NULL unsets; unsetting twice is fine. */
    assert_ok(snplp_action_set_description(f->item, NULL));
    assert_null(snplp_action_description(f->item));
    assert_ok(snplp_action_set_description(f->item, NULL));
    assert_null(snplp_action_description(f->item));
    assert_string_equal(snplp_action_title(f->item), TITLE);
    assert_true(snplp_convention_equal(f->conv, f->copy));
}

static void objective(void **state)
{
    conv_fixture *f = *state;
    for (int o = 1; o <= 4; o++) {
        assert_ok(snplp_action_set_objective(f->item, (snplp_action_objective)o));
        assert_int_equal(snplp_action_objective_of(f->item), o);
    }
    assert_false(snplp_convention_equal(f->conv, f->copy));
    assert_ok(snplp_action_set_objective(f->item, SNPLP_ACTION_OBJECTIVE_RSA_INSERTION));
    const snplp_action_objective bad[] = {SNPLP_ACTION_OBJECTIVE_NONE, (snplp_action_objective)5,
                                          (snplp_action_objective)-1,
                                          (snplp_action_objective)INT32_MAX};
    for (size_t i = 0; i < COUNT_OF(bad); i++) {
        assert_fails(snplp_action_set_objective(f->item, bad[i]), SNPLP_EINVAL);
        assert_int_equal(snplp_action_objective_of(f->item), SNPLP_ACTION_OBJECTIVE_RSA_INSERTION);
    }
    assert_ok(snplp_action_set_objective(f->item, SNPLP_ACTION_OBJECTIVE_CHILD_WELFARE_EXITS));
    assert_true(snplp_convention_equal(f->conv, f->copy));
}

/* ---- statuses ---- */

static void statuses(void **state)
{
    conv_fixture *f = *state;
    assert_ok(snplp_action_set_status(f->item, 2019, SNPLP_ACTION_STATUS_PLANNED, NULL));
    assert_ok(snplp_action_set_status(f->item, 2020, SNPLP_ACTION_STATUS_IN_PROGRESS, NULL));
    assert_ok(snplp_action_set_status(f->item, 2021, SNPLP_ACTION_STATUS_DONE, NULL));
    char reason[32] = REASON;
    assert_ok(snplp_action_set_status(f->item, 2022, SNPLP_ACTION_STATUS_DROPPED, reason));
    memset(reason, 'x', sizeof reason - 1);
    assert_int_equal(snplp_action_status_in(f->item, 2019), SNPLP_ACTION_STATUS_PLANNED);
    assert_int_equal(snplp_action_status_in(f->item, 2020), SNPLP_ACTION_STATUS_IN_PROGRESS);
    assert_int_equal(snplp_action_status_in(f->item, 2021), SNPLP_ACTION_STATUS_DONE);
    assert_int_equal(snplp_action_status_in(f->item, 2022), SNPLP_ACTION_STATUS_DROPPED);
    assert_string_equal(snplp_action_drop_reason(f->item, 2022), REASON);
    for (int32_t y = 2019; y <= 2021; y++)
        assert_null(snplp_action_drop_reason(f->item, y));
    /* Years with nothing recorded. */
    const int32_t none[] = {2018,           2023,           0,         -1,
                            SNPLP_YEAR_MIN, SNPLP_YEAR_MAX, INT32_MAX, INT32_MIN};
    for (size_t i = 0; i < COUNT_OF(none); i++) {
        assert_int_equal(snplp_action_status_in(f->item, none[i]), SNPLP_ACTION_STATUS_NONE);
        assert_null(snplp_action_drop_reason(f->item, none[i]));
    }
    const int32_t years[] = {2019, 2020, 2021, 2022};
    assert_years(f->item, years, 4);
    /* The extreme years (outside the convention: validation reports them). */
    assert_ok(snplp_action_set_status(f->item, SNPLP_YEAR_MIN, SNPLP_ACTION_STATUS_DONE, NULL));
    assert_ok(snplp_action_set_status(f->item, SNPLP_YEAR_MAX, SNPLP_ACTION_STATUS_DROPPED, "Fin"));
    const int32_t six[] = {SNPLP_YEAR_MIN, 2019, 2020, 2021, 2022, SNPLP_YEAR_MAX};
    assert_years(f->item, six, 6);
    assert_string_equal(snplp_action_drop_reason(f->item, SNPLP_YEAR_MAX), "Fin");
    /* The reason is normalized. */
    assert_ok(snplp_action_set_status(f->item, 2023, SNPLP_ACTION_STATUS_DROPPED,
                                      "Pas de re\xcc\x81"
                                      "fe\xcc\x81rent"));
    assert_string_equal(snplp_action_drop_reason(f->item, 2023), "Pas de r\xc3\xa9"
                                                                 "f\xc3\xa9rent");
    assert_false(snplp_convention_equal(f->conv, f->copy));
}

static void years_in_order(void **state)
{
    conv_fixture *f = *state;
    assert_ok(snplp_action_set_status(f->item, 2021, SNPLP_ACTION_STATUS_DONE, NULL));
    assert_ok(snplp_action_set_status(f->item, 2019, SNPLP_ACTION_STATUS_PLANNED, NULL));
    assert_ok(snplp_action_set_status(f->item, 2020, SNPLP_ACTION_STATUS_IN_PROGRESS, NULL));
    const int32_t years[] = {2019, 2020, 2021};
    assert_years(f->item, years, 3);
    assert_int_equal(snplp_action_status_in(f->item, 2019), SNPLP_ACTION_STATUS_PLANNED);
    assert_int_equal(snplp_action_status_in(f->item, 2020), SNPLP_ACTION_STATUS_IN_PROGRESS);
    assert_int_equal(snplp_action_status_in(f->item, 2021), SNPLP_ACTION_STATUS_DONE);
    /* The copy, set in increasing order, is equal. */
    snplp_action *b = copy_action(f);
    assert_ok(snplp_action_set_status(b, 2019, SNPLP_ACTION_STATUS_PLANNED, NULL));
    assert_ok(snplp_action_set_status(b, 2020, SNPLP_ACTION_STATUS_IN_PROGRESS, NULL));
    assert_false(snplp_convention_equal(f->conv, f->copy));
    assert_ok(snplp_action_set_status(b, 2021, SNPLP_ACTION_STATUS_DONE, NULL));
    assert_true(snplp_convention_equal(f->conv, f->copy));
    /* Many years, in decreasing then mixed order. */
    for (int32_t y = 2040; y > 2021; y--)
        assert_ok(snplp_action_set_status(f->item, y, SNPLP_ACTION_STATUS_PLANNED, NULL));
    for (int32_t y = 2000; y < 2019; y += 2)
        assert_ok(snplp_action_set_status(f->item, y, SNPLP_ACTION_STATUS_PLANNED, NULL));
    assert_int_equal(snplp_action_status_year_count(f->item), 3 + 19 + 10);
    for (size_t i = 1; i < snplp_action_status_year_count(f->item); i++)
        assert_true(snplp_action_status_year_at(f->item, i - 1) <
                    snplp_action_status_year_at(f->item, i));
    assert_int_equal(snplp_action_status_year_at(f->item, 0), 2000);
    assert_int_equal(snplp_action_status_year_at(f->item, 31), 2040);
}

static void set_status_refusals(void **state)
{
    conv_fixture *f = *state;
    assert_ok(snplp_action_set_status(f->item, 2019, SNPLP_ACTION_STATUS_IN_PROGRESS, NULL));
    assert_ok(snplp_action_set_status(f->item, 2020, SNPLP_ACTION_STATUS_DROPPED, REASON));
    snplp_action *b = copy_action(f);
    assert_ok(snplp_action_set_status(b, 2019, SNPLP_ACTION_STATUS_IN_PROGRESS, NULL));
    assert_ok(snplp_action_set_status(b, 2020, SNPLP_ACTION_STATUS_DROPPED, REASON));
    size_t before = snplp_memory_used();
    const int32_t years[] = {2019, 2020, 2021};
    for (size_t y = 0; y < COUNT_OF(years); y++) {
        int32_t year = years[y];
        /* dropped needs a reason, not blank */
        const char *const blanks[] = {NULL, "", " ", "\n\t", "\xc2\xa0"};
        for (size_t i = 0; i < COUNT_OF(blanks); i++)
            assert_fails(
                snplp_action_set_status(f->item, year, SNPLP_ACTION_STATUS_DROPPED, blanks[i]),
                SNPLP_EINVAL);
        for (size_t i = 0; i < COUNT_OF(test_bad_texts); i++)
            assert_fails(snplp_action_set_status(f->item, year, SNPLP_ACTION_STATUS_DROPPED,
                                                 test_bad_texts[i]),
                         SNPLP_EENCODING);
        /* the other statuses take no reason, not even an empty one */
        for (int s = SNPLP_ACTION_STATUS_PLANNED; s <= SNPLP_ACTION_STATUS_DONE; s++) {
            assert_fails(snplp_action_set_status(f->item, year, (snplp_action_status)s, REASON),
                         SNPLP_EINVAL);
            assert_fails(snplp_action_set_status(f->item, year, (snplp_action_status)s, ""),
                         SNPLP_EINVAL);
        }
        /* unknown statuses */
        const snplp_action_status bad[] = {SNPLP_ACTION_STATUS_NONE, (snplp_action_status)5,
                                           (snplp_action_status)-1};
        for (size_t i = 0; i < COUNT_OF(bad); i++) {
            assert_fails(snplp_action_set_status(f->item, year, bad[i], NULL), SNPLP_EINVAL);
            assert_fails(snplp_action_set_status(f->item, year, bad[i], REASON), SNPLP_EINVAL);
        }
    }
    /* years out of range */
    const int32_t out[] = {SNPLP_YEAR_MIN - 1, SNPLP_YEAR_MAX + 1, 0, -2020, INT32_MIN, INT32_MAX};
    for (size_t i = 0; i < COUNT_OF(out); i++) {
        assert_fails(snplp_action_set_status(f->item, out[i], SNPLP_ACTION_STATUS_DONE, NULL),
                     SNPLP_EINVAL);
        assert_fails(snplp_action_set_status(f->item, out[i], SNPLP_ACTION_STATUS_DROPPED, REASON),
                     SNPLP_EINVAL);
    }
    assert_fails(snplp_action_set_status(NULL, 2019, SNPLP_ACTION_STATUS_DONE, NULL), SNPLP_EINVAL);
    /* Nothing changed. */
    assert_int_equal(snplp_memory_used(), before);
    assert_true(snplp_convention_equal(f->conv, f->copy));
    const int32_t two[] = {2019, 2020};
    assert_years(f->item, two, 2);
    assert_int_equal(snplp_action_status_in(f->item, 2019), SNPLP_ACTION_STATUS_IN_PROGRESS);
    assert_string_equal(snplp_action_drop_reason(f->item, 2020), REASON);
}

static void replacing_a_status(void **state)
{
    conv_fixture *f = *state;
    assert_ok(snplp_action_set_status(f->item, 2020, SNPLP_ACTION_STATUS_DONE, NULL));
    size_t done = snplp_memory_used();
    assert_ok(snplp_action_set_status(f->item, 2020, SNPLP_ACTION_STATUS_DROPPED, REASON));
    assert_true(snplp_memory_used() > done);
    assert_string_equal(snplp_action_drop_reason(f->item, 2020), REASON);
    /* dropped -> dropped: the reason is replaced */
    assert_ok(snplp_action_set_status(f->item, 2020, SNPLP_ACTION_STATUS_DROPPED, "Autre raison"));
    assert_string_equal(snplp_action_drop_reason(f->item, 2020), "Autre raison");
    /* dropped -> done: the reason is freed */
    assert_ok(snplp_action_set_status(f->item, 2020, SNPLP_ACTION_STATUS_DONE, NULL));
    assert_int_equal(snplp_action_status_in(f->item, 2020), SNPLP_ACTION_STATUS_DONE);
    assert_null(snplp_action_drop_reason(f->item, 2020));
    assert_int_equal(snplp_memory_used(), done);
    assert_int_equal(snplp_action_status_year_count(f->item), 1);
    /* the same status again */
    assert_ok(snplp_action_set_status(f->item, 2020, SNPLP_ACTION_STATUS_DONE, NULL));
    assert_int_equal(snplp_memory_used(), done);
    snplp_action *b = copy_action(f);
    assert_ok(snplp_action_set_status(b, 2020, SNPLP_ACTION_STATUS_DONE, NULL));
    assert_true(snplp_convention_equal(f->conv, f->copy));
    /* A reason differing shows in equality. */
    assert_ok(snplp_action_set_status(f->item, 2021, SNPLP_ACTION_STATUS_DROPPED, REASON));
    assert_ok(snplp_action_set_status(b, 2021, SNPLP_ACTION_STATUS_DROPPED, "Faute de candidat"));
    assert_false(snplp_convention_equal(f->conv, f->copy));
    assert_ok(snplp_action_set_status(b, 2021, SNPLP_ACTION_STATUS_DROPPED, REASON));
    assert_true(snplp_convention_equal(f->conv, f->copy));
}

static void clear_status(void **state)
{
    conv_fixture *f = *state;
    size_t before = snplp_memory_used();
    assert_fails(snplp_action_clear_status(f->item, 2020), SNPLP_ENOTFOUND);
    assert_ok(snplp_action_set_status(f->item, 2019, SNPLP_ACTION_STATUS_DONE, NULL));
    assert_ok(snplp_action_set_status(f->item, 2020, SNPLP_ACTION_STATUS_DROPPED, REASON));
    assert_ok(snplp_action_set_status(f->item, 2021, SNPLP_ACTION_STATUS_PLANNED, NULL));
    assert_ok(snplp_action_clear_status(f->item, 2020)); /* frees the reason */
    assert_int_equal(snplp_action_status_in(f->item, 2020), SNPLP_ACTION_STATUS_NONE);
    assert_null(snplp_action_drop_reason(f->item, 2020));
    const int32_t two[] = {2019, 2021};
    assert_years(f->item, two, 2);
    assert_fails(snplp_action_clear_status(f->item, 2020), SNPLP_ENOTFOUND);
    assert_fails(snplp_action_clear_status(f->item, 2018), SNPLP_ENOTFOUND);
    assert_ok(snplp_action_clear_status(f->item, 2021));
    assert_ok(snplp_action_clear_status(f->item, 2019));
    assert_years(f->item, NULL, 0);
    assert_fails(snplp_action_clear_status(f->item, 2019), SNPLP_ENOTFOUND);
    assert_true(snplp_convention_equal(f->conv, f->copy));
    /* The table keeps its room; clearing gave back the reason at least. */
    assert_true(snplp_memory_used() >= before);
    assert_ok(snplp_action_set_status(f->item, 2020, SNPLP_ACTION_STATUS_DROPPED, REASON));
    assert_string_equal(snplp_action_drop_reason(f->item, 2020), REASON);
    assert_fails(snplp_action_clear_status(NULL, 2020), SNPLP_EINVAL);
    /* A year out of range has no status. */
    int rc = snplp_action_clear_status(f->item, SNPLP_YEAR_MAX + 1);
    assert_true(rc == SNPLP_ENOTFOUND || rc == SNPLP_EINVAL);
    assert_int_equal(snplp_action_status_in(f->item, 2020), SNPLP_ACTION_STATUS_DROPPED);
}

/* ---- texts forbidden by XML that are also white space ---- */

/* U+000B and U+000C are C0 controls that XML forbids (test_bad_texts) and Unicode white space. */
static const char *const control_blanks[] = {"\x0b", "\x0c", " \x0b ", "\t\x0c\n"};

static void control_characters_in_title(void **state)
{
    conv_fixture *f = *state;
    for (size_t i = 0; i < COUNT_OF(control_blanks); i++) {
        /* The optional description refuses them as characters XML forbids. */
        assert_fails(snplp_action_set_description(f->item, control_blanks[i]), SNPLP_EENCODING);
        /* The required title refuses them the same way (the encoding is checked first). */
        assert_fails(snplp_action_set_title(f->item, control_blanks[i]), SNPLP_EENCODING);
    }
    assert_true(snplp_convention_equal(f->conv, f->copy));
}

static void control_characters_in_drop_reason(void **state)
{
    conv_fixture *f = *state;
    for (size_t i = 0; i < COUNT_OF(control_blanks); i++) {
        /* The drop reason is checked for its encoding before blankness. */
        assert_fails(
            snplp_action_set_status(f->item, 2020, SNPLP_ACTION_STATUS_DROPPED, control_blanks[i]),
            SNPLP_EENCODING);
    }
    assert_true(snplp_convention_equal(f->conv, f->copy));
}

/* ---- an action's own strings given back to it ---- */

static void own_strings_as_arguments(void **state)
{
    conv_fixture *f = *state;
    assert_ok(snplp_action_set_description(f->item, "Description"));
    assert_ok(snplp_action_set_title(f->item, snplp_action_title(f->item)));
    assert_ok(snplp_action_set_description(f->item, snplp_action_description(f->item)));
    assert_ok(snplp_action_set_status(f->item, 2020, SNPLP_ACTION_STATUS_DROPPED, REASON));
    assert_ok(snplp_action_set_status(f->item, 2020, SNPLP_ACTION_STATUS_DROPPED,
                                      snplp_action_drop_reason(f->item, 2020)));
    /* into a new year while the table grows (the reason of 2020 is read meanwhile) */
    for (int32_t y = 2021; y < 2030; y++)
        assert_ok(snplp_action_set_status(f->item, y, SNPLP_ACTION_STATUS_DROPPED,
                                          snplp_action_drop_reason(f->item, y - 1)));
    assert_string_equal(snplp_action_title(f->item), TITLE);
    assert_string_equal(snplp_action_description(f->item), "Description");
    assert_string_equal(snplp_action_drop_reason(f->item, 2029), REASON);
    assert_ok(snplp_action_set_title(f->item, snplp_action_description(f->item)));
    assert_string_equal(snplp_action_title(f->item), "Description");
}

/* ---- pointers of another type ---- */

static void wrong_objects(void **state)
{
    conv_fixture *f = *state;
    assert_ok(snplp_action_set_description(f->item, "D"));
    assert_ok(snplp_action_set_status(f->item, 2020, SNPLP_ACTION_STATUS_DROPPED, REASON));
    snplp_action *b = copy_action(f);
    assert_ok(snplp_action_set_description(b, "D"));
    assert_ok(snplp_action_set_status(b, 2020, SNPLP_ACTION_STATUS_DROPPED, REASON));
    snplp_diagnostics *diags = new_diags();
    size_t before = snplp_memory_used();

    snplp_action *const objects[] = {
        NULL,
        (snplp_action *)(void *)f->conv,
        (snplp_action *)(void *)snplp_convention_indicator_find(f->conv, "i"),
        (snplp_action *)(void *)diags,
    };
    for (size_t i = 0; i < COUNT_OF(objects); i++) {
        snplp_action *x = objects[i];
        assert_null(snplp_action_id(x));
        assert_null(snplp_action_convention(x));
        assert_null(snplp_action_title(x));
        assert_null(snplp_action_description(x));
        assert_int_equal(snplp_action_objective_of(x), SNPLP_ACTION_OBJECTIVE_NONE);
        assert_int_equal(snplp_action_status_in(x, 2020), SNPLP_ACTION_STATUS_NONE);
        assert_null(snplp_action_drop_reason(x, 2020));
        assert_int_equal(snplp_action_status_year_count(x), 0);
        assert_int_equal(snplp_action_status_year_at(x, 0), 0);
        assert_fails(snplp_action_set_title(x, "T"), SNPLP_EINVAL);
        assert_fails(snplp_action_set_description(x, "D"), SNPLP_EINVAL);
        assert_fails(snplp_action_set_description(x, NULL), SNPLP_EINVAL);
        assert_fails(snplp_action_set_objective(x, SNPLP_ACTION_OBJECTIVE_SOCIAL_WORK),
                     SNPLP_EINVAL);
        assert_fails(snplp_action_set_status(x, 2020, SNPLP_ACTION_STATUS_DONE, NULL),
                     SNPLP_EINVAL);
        assert_fails(snplp_action_set_status(x, 2020, SNPLP_ACTION_STATUS_DROPPED, REASON),
                     SNPLP_EINVAL);
        assert_fails(snplp_action_clear_status(x, 2020), SNPLP_EINVAL);
    }
    assert_int_equal(snplp_memory_used(), before);
    assert_true(snplp_convention_equal(f->conv, f->copy));
    assert_int_equal(snplp_diagnostics_count(diags), 0);
    assert_string_equal(snplp_indicator_label(snplp_convention_indicator_find(f->conv, "i")), "I");
    snplp_diagnostics_free(diags);
}

/* ---- out of memory ---- */

typedef struct status_ctx {
    conv_fixture *f;
    int32_t year;
    snplp_action_status status;
    const char *reason;
} status_ctx;

static int step_status(void *p)
{
    status_ctx *x = p;
    return snplp_action_set_status(x->f->item, x->year, x->status, x->reason);
}

static void check_unchanged(void *p)
{
    status_ctx *x = p;
    assert_true(snplp_convention_equal(x->f->conv, x->f->copy));
}

static void set_status_out_of_memory(void **state)
{
    conv_fixture *f = *state;
    snplp_action *b = copy_action(f);
    /* New years (the table grows at the first and the fifth), reasons, replacements. */
    static const struct {
        int32_t year;
        snplp_action_status status;
        const char *reason;
    } steps[] = {
        {2020, SNPLP_ACTION_STATUS_DROPPED,
         "Pas de re\xcc\x81"
         "fe\xcc\x81rent"},
        {2019, SNPLP_ACTION_STATUS_PLANNED, NULL},
        {2022, SNPLP_ACTION_STATUS_DONE, NULL},
        {2021, SNPLP_ACTION_STATUS_DROPPED, REASON},
        {2018, SNPLP_ACTION_STATUS_IN_PROGRESS, NULL},
        {2020, SNPLP_ACTION_STATUS_DONE, NULL},
        {2019, SNPLP_ACTION_STATUS_DROPPED, "Autre"},
        {2021, SNPLP_ACTION_STATUS_DROPPED, "Encore une autre raison"},
        {2023, SNPLP_ACTION_STATUS_DROPPED, REASON},
    };
    int allocating = 0;
    for (size_t i = 0; i < COUNT_OF(steps); i++) {
        status_ctx x = {f, steps[i].year, steps[i].status, steps[i].reason};
        allocating += test_oom_sweep(step_status, check_unchanged, &x) > 0;
        assert_ok(snplp_action_set_status(b, steps[i].year, steps[i].status, steps[i].reason));
        assert_true(snplp_convention_equal(f->conv, f->copy));
    }
    assert_true(allocating >= 6); /* every reason and both growths */
    const int32_t years[] = {2018, 2019, 2020, 2021, 2022, 2023};
    assert_years(f->item, years, 6);
    assert_string_equal(snplp_action_drop_reason(f->item, 2019), "Autre");
    assert_null(snplp_action_drop_reason(f->item, 2020));
    assert_string_equal(snplp_action_drop_reason(f->item, 2021), "Encore une autre raison");
}

typedef struct text_ctx {
    conv_fixture *f;
    int (*set)(snplp_action *, const char *);
    const char *text;
} text_ctx;

static int step_text(void *p)
{
    text_ctx *x = p;
    return x->set(x->f->item, x->text);
}

static void check_text_unchanged(void *p)
{
    text_ctx *x = p;
    assert_true(snplp_convention_equal(x->f->conv, x->f->copy));
}

static void texts_out_of_memory(void **state)
{
    conv_fixture *f = *state;
    snplp_action *b = copy_action(f);
    char *nfd = test_long_text("e\xcc\x81", 200), *nfc = test_long_text("\xc3\xa9", 200);
    int (*const setters[])(snplp_action *, const char *) = {snplp_action_set_title,
                                                            snplp_action_set_description};
    const char *(*const getters[])(const snplp_action *) = {snplp_action_title,
                                                            snplp_action_description};
    for (size_t s = 0; s < COUNT_OF(setters); s++) {
        const char *texts[] = {"Accueil a\xcc\x80 moins de 15 minutes", nfd, "Court"};
        for (size_t i = 0; i < COUNT_OF(texts); i++) {
            text_ctx x = {f, setters[s], texts[i]};
            assert_true(test_oom_sweep(step_text, check_text_unchanged, &x) > 0);
            assert_ok(setters[s](b, texts[i]));
            assert_true(snplp_convention_equal(f->conv, f->copy));
        }
        assert_string_equal(getters[s](f->item), "Court");
        assert_ok(setters[s](f->item, nfd));
        assert_string_equal(getters[s](f->item), nfc);
        assert_ok(setters[s](b, nfd));
    }
    free(nfd);
    free(nfc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        NAMES_TEST(names),
        cmocka_unit_test(core_objectives),
        FIXTURE_TEST(new_action),
        FIXTURE_TEST(title),
        FIXTURE_TEST(description),
        FIXTURE_TEST(objective),
        FIXTURE_TEST(statuses),
        FIXTURE_TEST(years_in_order),
        FIXTURE_TEST(set_status_refusals),
        FIXTURE_TEST(replacing_a_status),
        FIXTURE_TEST(clear_status),
        FIXTURE_TEST(control_characters_in_title),
        FIXTURE_TEST(control_characters_in_drop_reason),
        FIXTURE_TEST(own_strings_as_arguments),
        FIXTURE_TEST(wrong_objects),
        FIXTURE_TEST(set_status_out_of_memory),
        FIXTURE_TEST(texts_out_of_memory),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
