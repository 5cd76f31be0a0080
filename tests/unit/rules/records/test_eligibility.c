/* snplp_records_eligibility() and snplp_records_next_modules(): the answers and every reason on
 * the seeds' modules and professions (built-in referential) and on a hand-made referential;
 * errors; out of memory. */
#include "records_fixture.h"

#include "names.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the names of the enums ---- */

static const char *a_answer_name(int v)
{
    return snplp_eligibility_answer_name((snplp_eligibility_answer)v);
}
static const named answer_values[] = {
    {SNPLP_ELIGIBILITY_NONE, 0, "none"},
    {SNPLP_ELIGIBILITY_PRIORITY, 1, "priority"},
    {SNPLP_ELIGIBILITY_OPEN, 2, "open"},
    {SNPLP_ELIGIBILITY_NOT_YET, 3, "not-yet"},
};
static const int answer_others[] = {4, -1, 100};
static const enum_names names_answer = {a_answer_name,
                                        NULL,
                                        answer_values,
                                        COUNT_OF(answer_values),
                                        "none",
                                        answer_others,
                                        COUNT_OF(answer_others),
                                        NULL,
                                        0,
                                        0};

static const char *a_reason_name(int v)
{
    return snplp_eligibility_reason_name((snplp_eligibility_reason)v);
}
static const named reason_values[] = {
    {SNPLP_REASON_NONE, 0, "none"},
    {SNPLP_REASON_PROFESSION_TARGETED, 1, "profession-targeted"},
    {SNPLP_REASON_PROFESSION_NOT_TARGETED, 2, "profession-not-targeted"},
    {SNPLP_REASON_DIPLOMA_MET, 3, "diploma-met"},
    {SNPLP_REASON_DIPLOMA_BELOW, 4, "diploma-below"},
    {SNPLP_REASON_DIPLOMA_UNKNOWN, 5, "diploma-unknown"},
    {SNPLP_REASON_PREREQUISITE_TRAINED, 6, "prerequisite-trained"},
    {SNPLP_REASON_PREREQUISITE_MISSING, 7, "prerequisite-missing"},
    {SNPLP_REASON_ALREADY_TRAINED, 8, "already-trained"},
};
static const int reason_others[] = {9, -1, 1000};
static const enum_names names_reason = {a_reason_name,
                                        NULL,
                                        reason_values,
                                        COUNT_OF(reason_values),
                                        "none",
                                        reason_others,
                                        COUNT_OF(reason_others),
                                        NULL,
                                        0,
                                        0};
static const enum_names *const names[] = {&names_answer, &names_reason, NULL};

/* ---- the fixture ---- */

typedef struct fx {
    snplp_referential *ref;
    snplp_records *r;
} fx;

/* The built-in referential; records with the declared profession "profession-ape" and three
 * sessions: s1, the fundamentals (3 days, ending 2020-03-04), s2, the fundamentals again
 * (ending 2021-03-04), s3, the expert module (5 days, ending 2021-05-07). */
static int setup(void **state)
{
    fx *f = calloc(1, sizeof *f);
    f->ref = test_builtin();
    f->r = rec_new();
    assert_ok(snplp_records_add_profession(NULL, f->r, "profession-ape", SNPLP_CATEGORY_WORKER,
                                           "auxiliaires de puériculture"));
    rec_session(f->r, "s1", FUNDAMENTALS, date(2020, 3, 2), date(2020, 3, 4), dec(3, 0));
    rec_session(f->r, "s2", FUNDAMENTALS, date(2021, 3, 2), date(2021, 3, 4), dec(3, 0));
    rec_session(f->r, "s3", EXPERT, date(2021, 5, 3), date(2021, 5, 7), dec(5, 0));
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fx *f = *state;
    snplp__alloc_fail_after(-1);
    snplp_records_unref(f->r);
    snplp_referential_unref(f->ref);
    free(f);
    return 0;
}

typedef struct want {
    snplp_eligibility_reason kind;
    const char *item;
    const char *part;
} want;
#define R(kind, item, part)                                                                        \
    {                                                                                              \
        SNPLP_REASON_##kind, item, part                                                            \
    }

static void assert_answer(const snplp_eligibility *e, const char *worker, const char *module,
                          snplp_eligibility_answer answer, const want *w, size_t n)
{
    for (size_t i = 0; i < snplp_eligibility_reason_count(e); i++)
        print_message(
            "  %s %s: %s\n", snplp_eligibility_reason_name(snplp_eligibility_reason_at(e, i)),
            snplp_eligibility_reason_item_id(e, i), snplp_eligibility_reason_message(e, i));
    assert_string_equal(snplp_eligibility_answer_name(snplp_eligibility_answer_of(e)),
                        snplp_eligibility_answer_name(answer));
    assert_text(snplp_eligibility_worker_id(e), worker);
    assert_text(snplp_eligibility_module_id(e), module);
    assert_int_equal(snplp_eligibility_reason_count(e), n);
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(snplp_eligibility_reason_at(e, i), w[i].kind);
        assert_text(snplp_eligibility_reason_item_id(e, i), w[i].item);
        assert_has(snplp_eligibility_reason_message(e, i), w[i].part);
    }
    assert_int_equal(snplp_eligibility_reason_at(e, n), SNPLP_REASON_NONE);
    assert_null(snplp_eligibility_reason_item_id(e, n));
    assert_null(snplp_eligibility_reason_message(e, n));
}

/* Asks for worker and module at `at` and checks the answer. */
static void check(fx *f, const char *worker, const char *module, snplp_date at,
                  snplp_eligibility_answer answer, const want *w, size_t n)
{
    snplp_eligibility *e = NULL;
    assert_ok(snplp_records_eligibility(&e, f->r, f->ref, worker, module, at));
    assert_answer(e, worker, module, answer, w, n);
    snplp_eligibility_free(e);
}
#define CHECK(f, worker, module, at, answer, ...)                                                  \
    do {                                                                                           \
        static const want w_[] = {__VA_ARGS__};                                                    \
        check(f, worker, module, at, SNPLP_ELIGIBILITY_##answer, w_, COUNT_OF(w_));                \
    } while (0)

static const snplp_date june_2021 = {2021, 6, 1};

/* ---- the fundamentals: the profession and the diploma level ---- */

static void fundamentals_diploma_level(void **state)
{
    fx *f = *state;
    rec_worker(f->r, "w6", "profession-ass", date(2019, 1, 1), 6);
    rec_worker(f->r, "w7", "profession-es", date(2019, 1, 1), 7);
    rec_worker(f->r, "w5", "profession-me", date(2019, 1, 1), 5);
    rec_worker(f->r, "wu", "profession-cesf", date(2019, 1, 1), 0);
    CHECK(f, "w6", FUNDAMENTALS, june_2021, PRIORITY,
          R(PROFESSION_TARGETED, "profession-ass", "« assistants de service social »"),
          R(DIPLOMA_MET, DIPLOMA_RULE, "is 6, at least level 6"));
    CHECK(f, "w7", FUNDAMENTALS, june_2021, PRIORITY,
          R(PROFESSION_TARGETED, "profession-es", "a social worker's profession"),
          R(DIPLOMA_MET, DIPLOMA_RULE, "is 7, at least level 6"));
    CHECK(f, "w5", FUNDAMENTALS, june_2021, OPEN,
          R(PROFESSION_TARGETED, "profession-me", "seed 001"),
          R(DIPLOMA_BELOW, DIPLOMA_RULE, "is 5, below level 6"));
    CHECK(f, "wu", FUNDAMENTALS, june_2021, OPEN,
          R(PROFESSION_TARGETED, "profession-cesf", "module '" FUNDAMENTALS "'"),
          R(DIPLOMA_UNKNOWN, DIPLOMA_RULE, "is unknown"));
    /* unknown is not 0: the message says so; a success records no error */
    snplp_eligibility *e;
    snplp_error_clear();
    assert_ok(snplp_records_eligibility(&e, f->r, f->ref, "wu", FUNDAMENTALS, june_2021));
    assert_int_equal(snplp_error_last_code(), SNPLP_OK);
    assert_has(snplp_eligibility_reason_message(e, 1), "never read as 0");
    snplp_eligibility_free(e);
}

static void cadre(void **state)
{
    fx *f = *state;
    rec_worker(f->r, "c1", "profession-head-of-service", date(2019, 1, 1), 7);
    rec_worker(f->r, "c2", "profession-establishment-director", date(2019, 1, 1), 0);
    CHECK(f, "c1", FUNDAMENTALS, june_2021, PRIORITY,
          R(PROFESSION_TARGETED, "profession-head-of-service", "a cadre role"),
          R(DIPLOMA_MET, DIPLOMA_RULE, "is 7"));
    CHECK(f, "c2", FUNDAMENTALS, june_2021, OPEN,
          R(PROFESSION_TARGETED, "profession-establishment-director", "a cadre role"),
          R(DIPLOMA_UNKNOWN, DIPLOMA_RULE, "unknown"));
}

static void early_childhood_profession(void **state)
{
    fx *f = *state;
    rec_worker(f->r, "e1", "profession-ape", date(2019, 1, 1), 4);
    rec_worker(f->r, "e2", "profession-ape", date(2019, 1, 1), 6);
    CHECK(f, "e1", FUNDAMENTALS, june_2021, OPEN,
          R(PROFESSION_NOT_TARGETED, "profession-ape", "may be admitted"),
          R(DIPLOMA_BELOW, DIPLOMA_RULE, "is 4"));
    /* the level alone does not make the priority public */
    CHECK(f, "e2", FUNDAMENTALS, june_2021, OPEN,
          R(PROFESSION_NOT_TARGETED, "profession-ape", "not a profession the referential"),
          R(DIPLOMA_MET, DIPLOMA_RULE, "is 6"));
}

/* ---- the expert module: its prerequisite ---- */

static void expert_requires_fundamentals(void **state)
{
    fx *f = *state;
    rec_worker(f->r, "w1", "profession-ass", date(2019, 1, 1), 6);
    CHECK(f, "w1", EXPERT, june_2021, NOT_YET, R(PROFESSION_TARGETED, "profession-ass", ""),
          R(DIPLOMA_MET, DIPLOMA_RULE, ""),
          R(PREREQUISITE_MISSING, FUNDAMENTALS, "has not been trained by 2021-06-01"));
    /* registered, absent, cancelled: not trained */
    snplp_attendance *a = rec_att(f->r, "w1", "s1", SNPLP_ATTENDANCE_REGISTERED);
    CHECK(f, "w1", EXPERT, june_2021, NOT_YET, R(PROFESSION_TARGETED, "profession-ass", ""),
          R(DIPLOMA_MET, DIPLOMA_RULE, ""), R(PREREQUISITE_MISSING, FUNDAMENTALS, ""));
    assert_ok(snplp_attendance_set_status(a, SNPLP_ATTENDANCE_ATTENDED));
    CHECK(f, "w1", EXPERT, june_2021, PRIORITY, R(PROFESSION_TARGETED, "profession-ass", ""),
          R(DIPLOMA_MET, DIPLOMA_RULE, ""),
          R(PREREQUISITE_TRAINED, FUNDAMENTALS, "in session 's1' (ended 2020-03-04)"));
    /* by the date: the day the session ends counts, the day before does not */
    CHECK(f, "w1", EXPERT, date(2020, 3, 4), PRIORITY, R(PROFESSION_TARGETED, "profession-ass", ""),
          R(DIPLOMA_MET, DIPLOMA_RULE, ""), R(PREREQUISITE_TRAINED, FUNDAMENTALS, "'s1'"));
    CHECK(f, "w1", EXPERT, date(2020, 3, 3), NOT_YET, R(PROFESSION_TARGETED, "profession-ass", ""),
          R(DIPLOMA_MET, DIPLOMA_RULE, ""), R(PREREQUISITE_MISSING, FUNDAMENTALS, "2020-03-03"));
    /* not yet whatever the profession and level */
    rec_worker(f->r, "e1", "profession-ape", date(2019, 1, 1), 3);
    CHECK(f, "e1", EXPERT, june_2021, NOT_YET, R(PROFESSION_NOT_TARGETED, "profession-ape", ""),
          R(DIPLOMA_BELOW, DIPLOMA_RULE, ""), R(PREREQUISITE_MISSING, FUNDAMENTALS, ""));
}

static void partial_attendance(void **state)
{
    fx *f = *state;
    rec_worker(f->r, "w1", "profession-ass", date(2019, 1, 1), 6);
    snplp_attendance *a = rec_att(f->r, "w1", "s1", SNPLP_ATTENDANCE_PARTIAL);
    /* days unknown, then below the session's: not trained */
    CHECK(f, "w1", EXPERT, june_2021, NOT_YET, R(PROFESSION_TARGETED, "profession-ass", ""),
          R(DIPLOMA_MET, DIPLOMA_RULE, ""), R(PREREQUISITE_MISSING, FUNDAMENTALS, ""));
    assert_ok(snplp_attendance_set_days(a, D("2.5")));
    CHECK(f, "w1", EXPERT, june_2021, NOT_YET, R(PROFESSION_TARGETED, "profession-ass", ""),
          R(DIPLOMA_MET, DIPLOMA_RULE, ""), R(PREREQUISITE_MISSING, FUNDAMENTALS, ""));
    /* the whole session */
    assert_ok(snplp_attendance_set_days(a, D("3.0")));
    CHECK(f, "w1", EXPERT, june_2021, PRIORITY, R(PROFESSION_TARGETED, "profession-ass", ""),
          R(DIPLOMA_MET, DIPLOMA_RULE, ""), R(PREREQUISITE_TRAINED, FUNDAMENTALS, "'s1'"));
}

static void already_trained(void **state)
{
    fx *f = *state;
    rec_worker(f->r, "w1", "profession-ass", date(2019, 1, 1), 6);
    rec_att(f->r, "w1", "s1", SNPLP_ATTENDANCE_ATTENDED);
    rec_att(f->r, "w1", "s2", SNPLP_ATTENDANCE_ATTENDED);
    CHECK(f, "w1", FUNDAMENTALS, june_2021, PRIORITY, R(PROFESSION_TARGETED, "profession-ass", ""),
          R(DIPLOMA_MET, DIPLOMA_RULE, ""),
          R(ALREADY_TRAINED, "s1",
            "already trained in module '" FUNDAMENTALS
            "' in session 's1' (2020-03-02 to 2020-03-04)"),
          R(ALREADY_TRAINED, "s2", "'s2'"));
    CHECK(f, "w1", FUNDAMENTALS, date(2020, 12, 31), PRIORITY,
          R(PROFESSION_TARGETED, "profession-ass", ""), R(DIPLOMA_MET, DIPLOMA_RULE, ""),
          R(ALREADY_TRAINED, "s1", ""));
}

/* ---- a referential of one's own: module professions, no diploma rule ---- */

static void hand_made_referential(void **state)
{
    fx *f = *state;
    snplp_referential_unref(f->ref);
    f->ref = hand_ref();
    rec_worker(f->r, "a", "p-ass", date(2019, 1, 1), 0);
    rec_worker(f->r, "h", "p-head", date(2019, 1, 1), 7);
    rec_session(f->r, "b1", "m-basic", date(2020, 1, 6), date(2020, 1, 7), dec(2, 0));
    rec_att(f->r, "h", "b1", SNPLP_ATTENDANCE_ATTENDED);
    rec_att(f->r, "a", "b1", SNPLP_ATTENDANCE_ATTENDED);
    /* no diploma rule: no diploma reason, an unknown level does not matter */
    CHECK(f, "a", "m-basic", date(2019, 6, 1), PRIORITY,
          R(PROFESSION_TARGETED, "p-ass", "one the referential targets"));
    /* m-adv lists p-ass only */
    CHECK(f, "a", "m-adv", june_2021, PRIORITY,
          R(PROFESSION_TARGETED, "p-ass", "one module 'm-adv' targets"),
          R(PREREQUISITE_TRAINED, "m-basic", "'b1'"));
    CHECK(f, "h", "m-adv", june_2021, OPEN,
          R(PROFESSION_NOT_TARGETED, "p-head", "not among the 1 profession module 'm-adv'"),
          R(PREREQUISITE_TRAINED, "m-basic", "'b1'"));
    /* a diploma rule without a level is no rule to compare with; with one it is */
    snplp_diploma_rule *rule;
    assert_ok(snplp_referential_add_diploma_rule(&rule, f->ref, "dr", "niveau 6 ou plus"));
    CHECK(f, "a", "m-basic", date(2019, 6, 1), PRIORITY, R(PROFESSION_TARGETED, "p-ass", ""));
    assert_ok(snplp_diploma_rule_set_min_level(rule, 6));
    CHECK(f, "a", "m-basic", date(2019, 6, 1), OPEN, R(PROFESSION_TARGETED, "p-ass", ""),
          R(DIPLOMA_UNKNOWN, "dr", "level 6 or above"));
}

/* ---- errors ---- */

static void bad_arguments(void **state)
{
    fx *f = *state;
    rec_worker(f->r, "w1", "profession-ass", date(2019, 1, 1), 6);
    snplp_eligibility *e = NULL;
    const char *fn = "snplp_records_eligibility";
    assert_fails_in(snplp_records_eligibility(NULL, f->r, f->ref, "w1", EXPERT, june_2021),
                    SNPLP_EINVAL, fn);
    assert_fails(snplp_records_eligibility(&e, NULL, f->ref, "w1", EXPERT, june_2021),
                 SNPLP_EINVAL);
    assert_fails(snplp_records_eligibility(&e, f->r, NULL, "w1", EXPERT, june_2021), SNPLP_EINVAL);
    assert_fails(snplp_records_eligibility(&e, f->r, f->ref, NULL, EXPERT, june_2021),
                 SNPLP_EINVAL);
    assert_fails(snplp_records_eligibility(&e, f->r, f->ref, "w1", NULL, june_2021), SNPLP_EINVAL);
    assert_fails(snplp_records_eligibility(&e, f->r, f->ref, "w1", EXPERT, date(2021, 2, 29)),
                 SNPLP_EINVAL);
    assert_fails_in(snplp_records_eligibility(&e, f->r, f->ref, "w9", EXPERT, june_2021),
                    SNPLP_ENOTFOUND, "no worker 'w9'");
    assert_fails_in(snplp_records_eligibility(&e, f->r, f->ref, "w1", "module-x", june_2021),
                    SNPLP_ENOTFOUND, "no module 'module-x'");
    assert_fails_in(snplp_records_eligibility(&e, f->r, f->ref, "w1", "theme-insertion", june_2021),
                    SNPLP_ENOTFOUND, "another kind");
    /* a session's id is not a worker's */
    assert_fails(snplp_records_eligibility(&e, f->r, f->ref, "s1", EXPERT, june_2021),
                 SNPLP_ENOTFOUND);
    assert_null(e);
    /* NULL everywhere */
    snplp_eligibility_free(NULL);
    assert_int_equal(snplp_eligibility_answer_of(NULL), SNPLP_ELIGIBILITY_NONE);
    assert_null(snplp_eligibility_worker_id(NULL));
    assert_null(snplp_eligibility_module_id(NULL));
    assert_int_equal(snplp_eligibility_reason_count(NULL), 0);
    assert_int_equal(snplp_eligibility_reason_at(NULL, 0), SNPLP_REASON_NONE);
    assert_null(snplp_eligibility_reason_item_id(NULL, 0));
    assert_null(snplp_eligibility_reason_message(NULL, 0));
    snplp_eligibility_list *l = NULL;
    assert_fails_in(snplp_records_next_modules(NULL, f->r, f->ref, "w1", june_2021), SNPLP_EINVAL,
                    "snplp_records_next_modules");
    assert_fails(snplp_records_next_modules(&l, f->r, f->ref, "w9", june_2021), SNPLP_ENOTFOUND);
    assert_fails(snplp_records_next_modules(&l, f->r, f->ref, "w1", date(2021, 13, 1)),
                 SNPLP_EINVAL);
    assert_null(l);
    snplp_eligibility_list_free(NULL);
    assert_int_equal(snplp_eligibility_list_count(NULL), 0);
    assert_null(snplp_eligibility_list_at(NULL, 0));
}

/* ---- the modules to take next ---- */

/* The list for worker at `at`: its modules and answers. */
static void check_next(fx *f, const char *worker, snplp_date at, const char *const *modules,
                       const snplp_eligibility_answer *answers, size_t n)
{
    snplp_eligibility_list *l = NULL;
    assert_ok(snplp_records_next_modules(&l, f->r, f->ref, worker, at));
    assert_int_equal(snplp_eligibility_list_count(l), n);
    for (size_t i = 0; i < n; i++) {
        const snplp_eligibility *e = snplp_eligibility_list_at(l, i);
        assert_text(snplp_eligibility_module_id(e), modules[i]);
        assert_text(snplp_eligibility_worker_id(e), worker);
        assert_int_equal(snplp_eligibility_answer_of(e), answers[i]);
        assert_true(snplp_eligibility_reason_count(e) > 0);
    }
    assert_null(snplp_eligibility_list_at(l, n));
    snplp_eligibility_list_free(l);
}

static void next_modules(void **state)
{
    fx *f = *state;
    rec_worker(f->r, "w1", "profession-ass", date(2019, 1, 1), 6);
    static const char *const both[] = {FUNDAMENTALS, EXPERT};
    static const snplp_eligibility_answer a1[] = {SNPLP_ELIGIBILITY_PRIORITY,
                                                  SNPLP_ELIGIBILITY_NOT_YET};
    check_next(f, "w1", june_2021, both, a1, 2);
    rec_att(f->r, "w1", "s1", SNPLP_ATTENDANCE_ATTENDED);
    static const char *const expert[] = {EXPERT};
    static const snplp_eligibility_answer a2[] = {SNPLP_ELIGIBILITY_PRIORITY};
    check_next(f, "w1", june_2021, expert, a2, 1);
    /* before s1 ended: both again */
    check_next(f, "w1", date(2020, 3, 1), both, a1, 2);
    rec_att(f->r, "w1", "s3", SNPLP_ATTENDANCE_ATTENDED);
    check_next(f, "w1", june_2021, NULL, NULL, 0);
    /* the hand-made referential declares the expert module first: fundamentals come first */
    snplp_referential_unref(f->ref);
    f->ref = hand_ref();
    rec_worker(f->r, "a", "p-ass", date(2019, 1, 1), 0);
    static const char *const hand[] = {"m-basic", "m-adv"};
    check_next(f, "a", june_2021, hand, a1, 2);
    /* a referential without modules */
    snplp_referential_unref(f->ref);
    f->ref = test_new_referential();
    check_next(f, "a", june_2021, NULL, NULL, 0);
}

/* ---- the messages, verbatim ---- */

/* Every message of the answer for worker and module at `at`, each followed by a newline. */
static char *messages(fx *f, const char *worker, const char *module, snplp_date at)
{
    snplp_eligibility *e = NULL;
    assert_ok(snplp_records_eligibility(&e, f->r, f->ref, worker, module, at));
    size_t size = 1;
    for (size_t i = 0; i < snplp_eligibility_reason_count(e); i++)
        size += strlen(snplp_eligibility_reason_message(e, i)) + 1;
    char *text = calloc(1, size);
    assert_non_null(text);
    for (size_t i = 0; i < snplp_eligibility_reason_count(e); i++) {
        strcat(text, snplp_eligibility_reason_message(e, i));
        strcat(text, "\n");
    }
    snplp_eligibility_free(e);
    return text;
}

static void assert_messages(fx *f, const char *worker, const char *module, snplp_date at,
                            const char *expected)
{
    char *text = messages(f, worker, module, at);
    print_message("%s", text);
    assert_string_equal(text, expected);
    free(text);
}

/* Every form of sentence, word for word as the messages were written before they became lazy
 * (1.4's texts: the answers keep codes, ids, levels and dates and write the sentences on the
 * first request). */
static void messages_verbatim(void **state)
{
    fx *f = *state;
    rec_worker(f->r, "w6", "profession-ass", date(2019, 1, 1), 6);
    rec_worker(f->r, "c1", "profession-head-of-service", date(2019, 1, 1), 5);
    rec_worker(f->r, "e1", "profession-ape", date(2019, 1, 1), 0);
    rec_att(f->r, "w6", "s1", SNPLP_ATTENDANCE_ATTENDED);
    rec_att(f->r, "w6", "s2", SNPLP_ATTENDANCE_ATTENDED);
    assert_messages(f, "w6", FUNDAMENTALS, june_2021,
                    "profession 'profession-ass' (« assistants de service social », a social "
                    "worker's profession) of worker 'w6' is one the referential targets first "
                    "(seed 001, « prioritairement ciblés »); module "
                    "'module-insertion-fundamentals' names no profession of its own\n"
                    "the diploma level of worker 'w6' is 6, at least level 6 of diploma rule "
                    "'diploma-rule-priority-public'\n"
                    "worker 'w6' was already trained in module 'module-insertion-fundamentals' in "
                    "session 's1' (2020-03-02 to 2020-03-04)\n"
                    "worker 'w6' was already trained in module 'module-insertion-fundamentals' in "
                    "session 's2' (2021-03-02 to 2021-03-04)\n");
    assert_messages(
        f, "w6", EXPERT, june_2021,
        "profession 'profession-ass' (« assistants de service social », a social worker's "
        "profession) of worker 'w6' is one the referential targets first (seed 001, « "
        "prioritairement ciblés »); module 'module-insertion-expert' names no profession of its "
        "own\n"
        "the diploma level of worker 'w6' is 6, at least level 6 of diploma rule "
        "'diploma-rule-priority-public'\n"
        "worker 'w6' was trained in module 'module-insertion-fundamentals', a prerequisite of "
        "module 'module-insertion-expert', in session 's1' (ended 2020-03-04)\n");
    assert_messages(
        f, "w6", EXPERT, date(2020, 3, 3),
        "profession 'profession-ass' (« assistants de service social », a social worker's "
        "profession) of worker 'w6' is one the referential targets first (seed 001, « "
        "prioritairement ciblés »); module 'module-insertion-expert' names no profession of its "
        "own\n"
        "the diploma level of worker 'w6' is 6, at least level 6 of diploma rule "
        "'diploma-rule-priority-public'\n"
        "worker 'w6' has not been trained by 2020-03-03 in module 'module-insertion-fundamentals', "
        "a prerequisite of module 'module-insertion-expert'\n");
    assert_messages(
        f, "c1", FUNDAMENTALS, june_2021,
        "profession 'profession-head-of-service' (« chefs de services », a cadre role) of worker "
        "'c1' is one the referential targets first (seed 001, « prioritairement ciblés »); module "
        "'module-insertion-fundamentals' names no profession of its own\n"
        "the diploma level of worker 'c1' is 5, below level 6 of diploma rule "
        "'diploma-rule-priority-public'\n");
    assert_messages(
        f, "e1", EXPERT, june_2021,
        "profession 'profession-ape' of worker 'e1' is not a profession the referential targets "
        "(seed 001 names the social workers and cadre roles targeted first), and module "
        "'module-insertion-expert' names none: the worker may be admitted outside the priority "
        "public (seed 003)\n"
        "the diploma level of worker 'e1' is unknown; diploma rule 'diploma-rule-priority-public' "
        "asks for level 6 or above: record the level to know (it is never read as 0)\n"
        "worker 'e1' has not been trained by 2021-06-01 in module 'module-insertion-fundamentals', "
        "a prerequisite of module 'module-insertion-expert'\n");
    snplp_referential_unref(f->ref);
    f->ref = hand_ref();
    rec_worker(f->r, "a", "p-ass", date(2019, 1, 1), 0);
    rec_worker(f->r, "h", "p-head", date(2019, 1, 1), 7);
    rec_session(f->r, "b1", "m-basic", date(2020, 1, 6), date(2020, 1, 7), dec(2, 0));
    rec_att(f->r, "h", "b1", SNPLP_ATTENDANCE_ATTENDED);
    assert_messages(f, "a", "m-adv", june_2021,
                    "profession 'p-ass' of worker 'a' is one module 'm-adv' targets\n"
                    "worker 'a' has not been trained by 2021-06-01 in module 'm-basic', a "
                    "prerequisite of module 'm-adv'\n");
    assert_messages(
        f, "h", "m-adv", june_2021,
        "profession 'p-head' of worker 'h' is not among the 1 profession module 'm-adv' targets: "
        "the worker may be admitted outside its priority public (seed 003)\n"
        "worker 'h' was trained in module 'm-basic', a prerequisite of module 'm-adv', in session "
        "'b1' (ended 2020-01-07)\n");
    assert_messages(f, "h", "m-basic", june_2021,
                    "profession 'p-head' (« chefs de services », a cadre role) of worker 'h' is "
                    "one the referential targets first (seed 001, « prioritairement ciblés »); "
                    "module 'm-basic' names no profession of its own\n"
                    "worker 'h' was already trained in module 'm-basic' in session 'b1' "
                    "(2020-01-06 to 2020-01-07)\n");
    assert_ok(snplp_module_add_profession(snplp_referential_module_find(f->ref, "m-adv"), "p-x"));
    assert_messages(
        f, "h", "m-adv", june_2021,
        "profession 'p-head' of worker 'h' is not among the 2 professions module 'm-adv' targets: "
        "the worker may be admitted outside its priority public (seed 003)\n"
        "worker 'h' was trained in module 'm-basic', a prerequisite of module 'm-adv', in session "
        "'b1' (ended 2020-01-07)\n");
}

/* More sessions trained than the answer keeps on the stack while it is built: 40 sessions of
 * the fundamentals, 42 reasons. */
static void many_sessions(void **state)
{
    fx *f = *state;
    rec_worker(f->r, "w1", "profession-ass", date(2019, 1, 1), 6);
    char id[16];
    for (int i = 0; i < 40; i++) {
        snprintf(id, sizeof id, "m%d", i);
        rec_session(f->r, id, FUNDAMENTALS, date(2019, 1 + i / 4, 1 + i % 4),
                    date(2019, 1 + i / 4, 1 + i % 4), dec(1, 0));
        rec_att(f->r, "w1", id, SNPLP_ATTENDANCE_ATTENDED);
    }
    snplp_eligibility *e = NULL;
    assert_ok(snplp_records_eligibility(&e, f->r, f->ref, "w1", FUNDAMENTALS, june_2021));
    assert_int_equal(snplp_eligibility_reason_count(e), 42);
    for (int i = 0; i < 40; i++) {
        snprintf(id, sizeof id, "m%d", i);
        assert_int_equal(snplp_eligibility_reason_at(e, 2 + (size_t)i),
                         SNPLP_REASON_ALREADY_TRAINED);
        assert_text(snplp_eligibility_reason_item_id(e, 2 + (size_t)i), id);
        char part[48];
        snprintf(part, sizeof part, "session '%s' (2019-", id);
        assert_has(snplp_eligibility_reason_message(e, 2 + (size_t)i), part);
    }
    snplp_eligibility_free(e);
    /* the expert module: the prerequisite trained in the first of them */
    assert_ok(snplp_records_eligibility(&e, f->r, f->ref, "w1", EXPERT, june_2021));
    assert_int_equal(snplp_eligibility_reason_count(e), 3);
    assert_has(snplp_eligibility_reason_message(e, 2), "in session 'm0' (ended 2019-01-01)");
    snplp_eligibility_free(e);
}

/* The messages are written on the first request: if the memory runs out then, the message is
 * NULL with SNPLP_ENOMEM, nothing is kept, and a later request writes them. */
static void messages_out_of_memory(void **state)
{
    fx *f = *state;
    rec_worker(f->r, "w1", "profession-ass", date(2019, 1, 1), 6);
    snplp_eligibility *e = NULL;
    assert_ok(snplp_records_eligibility(&e, f->r, f->ref, "w1", EXPERT, june_2021));
    size_t before = snplp_memory_used();
    snplp__alloc_fail_after(0);
    assert_null(snplp_eligibility_reason_message(e, 0));
    snplp__alloc_fail_after(-1);
    assert_int_equal(snplp_error_last_code(), SNPLP_ENOMEM);
    assert_int_equal(snplp_memory_used(), before);
    /* the rest of the answer is unchanged */
    assert_int_equal(snplp_eligibility_reason_count(e), 3);
    assert_text(snplp_eligibility_reason_item_id(e, 2), FUNDAMENTALS);
    const char *m = snplp_eligibility_reason_message(e, 2);
    assert_has(m, "has not been trained by 2021-06-01");
    /* written once: the same string again */
    assert_ptr_equal(snplp_eligibility_reason_message(e, 2), m);
    assert_null(snplp_eligibility_reason_message(e, 3));
    snplp_eligibility_free(e);
}

/* Threads reading the messages of the same answers at once (the first request writes them):
 * all get the same strings, the same pointers. Under ThreadSanitizer (tools/check), no race. */
enum { READERS = 8 };
typedef struct reader {
    const snplp_eligibility *const *answers;
    size_t n;
    pthread_barrier_t *start;
    const char *seen[8][8]; /* [answer][reason] */
} reader;

static void *read_messages(void *p)
{
    reader *r = p;
    pthread_barrier_wait(r->start);
    for (size_t a = 0; a < r->n; a++)
        for (size_t i = 0; i < snplp_eligibility_reason_count(r->answers[a]) && i < 8; i++)
            r->seen[a][i] = snplp_eligibility_reason_message(r->answers[a], i);
    return NULL;
}

static void messages_from_threads(void **state)
{
    fx *f = *state;
    rec_worker(f->r, "w1", "profession-ass", date(2019, 1, 1), 6);
    rec_worker(f->r, "w2", "profession-ape", date(2019, 1, 1), 0);
    rec_att(f->r, "w1", "s1", SNPLP_ATTENDANCE_ATTENDED);
    for (int round = 0; round < 20; round++) {
        snplp_eligibility *e = NULL;
        snplp_eligibility_list *l = NULL;
        assert_ok(snplp_records_eligibility(&e, f->r, f->ref, "w1", FUNDAMENTALS, june_2021));
        assert_ok(snplp_records_next_modules(&l, f->r, f->ref, "w2", june_2021));
        assert_int_equal(snplp_eligibility_list_count(l), 2);
        const snplp_eligibility *answers[] = {e, snplp_eligibility_list_at(l, 0),
                                              snplp_eligibility_list_at(l, 1)};
        pthread_barrier_t start;
        assert_int_equal(pthread_barrier_init(&start, NULL, READERS), 0);
        reader readers[READERS];
        pthread_t threads[READERS];
        for (int t = 0; t < READERS; t++) {
            readers[t] = (reader){.answers = answers, .n = 3, .start = &start};
            assert_int_equal(pthread_create(&threads[t], NULL, read_messages, &readers[t]), 0);
        }
        for (int t = 0; t < READERS; t++)
            assert_int_equal(pthread_join(threads[t], NULL), 0);
        pthread_barrier_destroy(&start);
        for (size_t a = 0; a < 3; a++) {
            size_t n = snplp_eligibility_reason_count(answers[a]);
            assert_true(n > 0 && n <= 8);
            for (size_t i = 0; i < n; i++) {
                assert_non_null(readers[0].seen[a][i]);
                for (int t = 1; t < READERS; t++)
                    assert_ptr_equal(readers[t].seen[a][i], readers[0].seen[a][i]);
                assert_ptr_equal(snplp_eligibility_reason_message(answers[a], i),
                                 readers[0].seen[a][i]);
            }
        }
        assert_has(readers[3].seen[0][2], "already trained in module '" FUNDAMENTALS "'");
        assert_has(readers[5].seen[2][2], "has not been trained by 2021-06-01");
        snplp_eligibility_free(e);
        snplp_eligibility_list_free(l);
    }
}

/* ---- out of memory ---- */

typedef struct oom_ctx {
    fx *f;
    const char *worker, *module;
    size_t n; /* reasons, or modules */
} oom_ctx;

static int oom_eligibility(void *p)
{
    oom_ctx *c = p;
    snplp_eligibility *e = NULL;
    int rc = snplp_records_eligibility(&e, c->f->r, c->f->ref, c->worker, c->module, june_2021);
    if (rc) {
        assert_null(e);
        return rc;
    }
    assert_int_equal(snplp_eligibility_reason_count(e), c->n);
    snplp_eligibility_free(e);
    return 0;
}

static int oom_next(void *p)
{
    oom_ctx *c = p;
    snplp_eligibility_list *l = NULL;
    int rc = snplp_records_next_modules(&l, c->f->r, c->f->ref, c->worker, june_2021);
    if (rc) {
        assert_null(l);
        return rc;
    }
    assert_int_equal(snplp_eligibility_list_count(l), c->n);
    snplp_eligibility_list_free(l);
    return 0;
}

/* The sweeps below run with the records' index already built (a cache the records keep until
 * a record is added, so a call that builds it and then fails keeps it): warm() builds it. */
static void warm(fx *f)
{
    oom_ctx c = {f, "w1", EXPERT, 3};
    assert_ok(oom_eligibility(&c));
}

static void out_of_memory(void **state)
{
    fx *f = *state;
    rec_worker(f->r, "w1", "profession-ass", date(2019, 1, 1), 6);
    rec_att(f->r, "w1", "s1", SNPLP_ATTENDANCE_ATTENDED);
    rec_att(f->r, "w1", "s2", SNPLP_ATTENDANCE_ATTENDED);
    warm(f);
    oom_ctx c = {f, "w1", EXPERT, 3};
    /* an answer is one block (its reasons and strings), its messages another, written on
     * request (messages_out_of_memory) */
    assert_true(test_oom_sweep(oom_eligibility, NULL, &c) > 0);
    c = (oom_ctx){f, "w1", FUNDAMENTALS, 4};
    assert_true(test_oom_sweep(oom_eligibility, NULL, &c) > 0);
    c = (oom_ctx){f, "w1", NULL, 1};
    assert_true(test_oom_sweep(oom_next, NULL, &c) > 2);
    rec_worker(f->r, "w2", "profession-ape", date(2019, 1, 1), 0);
    warm(f);
    c = (oom_ctx){f, "w2", NULL, 2};
    assert_true(test_oom_sweep(oom_next, NULL, &c) > 2);
}

/* 40 sessions trained: the sessions and the reasons outgrow what an answer keeps on the stack
 * while it is built; each allocation failure gives SNPLP_ENOMEM and leaks nothing. */
static void many_sessions_out_of_memory(void **state)
{
    fx *f = *state;
    rec_worker(f->r, "w1", "profession-ass", date(2019, 1, 1), 6);
    char id[16];
    for (int i = 0; i < 40; i++) {
        snprintf(id, sizeof id, "m%d", i);
        rec_session(f->r, id, FUNDAMENTALS, date(2019, 1 + i / 4, 1 + i % 4),
                    date(2019, 1 + i / 4, 1 + i % 4), dec(1, 0));
        rec_att(f->r, "w1", id, SNPLP_ATTENDANCE_ATTENDED);
    }
    warm(f);
    oom_ctx c = {f, "w1", FUNDAMENTALS, 42};
    assert_true(test_oom_sweep(oom_eligibility, NULL, &c) > 2);
    c = (oom_ctx){f, "w1", NULL, 1};
    assert_true(test_oom_sweep(oom_next, NULL, &c) > 2);
}

/* The index of the records, built by the first question: each failure of that first call
 * returns SNPLP_ENOMEM and leaks nothing (what it built is freed with the records); a question
 * after an add sees the new record (the index is rebuilt). */
static void index_out_of_memory(void **state)
{
    fx *f = *state;
    snplp_records_unref(f->r);
    f->r = NULL;
    long n = 0;
    for (;; n++) {
        size_t before = snplp_memory_used();
        snplp_records *r = rec_new();
        rec_session(r, "s1", FUNDAMENTALS, date(2020, 3, 2), date(2020, 3, 4), dec(3, 0));
        rec_worker(r, "w1", "profession-ass", date(2019, 1, 1), 6);
        rec_att(r, "w1", "s1", SNPLP_ATTENDANCE_ATTENDED);
        snplp_eligibility *e = NULL;
        snplp__alloc_fail_after(n);
        int rc = snplp_records_eligibility(&e, r, f->ref, "w1", EXPERT, june_2021);
        snplp__alloc_fail_after(-1);
        if (rc == SNPLP_OK) {
            assert_int_equal(snplp_eligibility_answer_of(e), SNPLP_ELIGIBILITY_PRIORITY);
            snplp_eligibility_free(e);
            /* an add after the index was built: the next question sees it */
            rec_session(r, "s3", EXPERT, date(2021, 5, 3), date(2021, 5, 7), dec(5, 0));
            rec_att(r, "w1", "s3", SNPLP_ATTENDANCE_ATTENDED);
            assert_ok(snplp_records_eligibility(&e, r, f->ref, "w1", EXPERT, june_2021));
            bool trained = false;
            for (size_t i = 0; i < snplp_eligibility_reason_count(e); i++)
                trained |= snplp_eligibility_reason_at(e, i) == SNPLP_REASON_ALREADY_TRAINED;
            assert_true(trained);
            snplp_eligibility_free(e);
            snplp_records_unref(r);
            assert_int_equal(snplp_memory_used(), before);
            break;
        }
        assert_int_equal(rc, SNPLP_ENOMEM);
        assert_null(e);
        snplp_records_unref(r);
        assert_int_equal(snplp_memory_used(), before);
        assert_true(n < 10000);
    }
    assert_true(n > 3);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        NAMES_TEST(names),
        FIXTURE_TEST(fundamentals_diploma_level),
        FIXTURE_TEST(cadre),
        FIXTURE_TEST(early_childhood_profession),
        FIXTURE_TEST(expert_requires_fundamentals),
        FIXTURE_TEST(partial_attendance),
        FIXTURE_TEST(already_trained),
        FIXTURE_TEST(hand_made_referential),
        FIXTURE_TEST(bad_arguments),
        FIXTURE_TEST(index_out_of_memory),
        FIXTURE_TEST(next_modules),
        FIXTURE_TEST(out_of_memory),
        FIXTURE_TEST(messages_verbatim),
        FIXTURE_TEST(many_sessions),
        FIXTURE_TEST(many_sessions_out_of_memory),
        FIXTURE_TEST(messages_out_of_memory),
        FIXTURE_TEST(messages_from_threads),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
