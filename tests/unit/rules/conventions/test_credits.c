/* Tests of credits.h: the credits of year N+1 are released when the report on N was sent and
 * N's actions were carried out; every reason is listed (report missing or late, action not
 * done or dropped), blocking ones first, each group in action order with the report's reason
 * first, with the action's id and a message giving the dates, the French title and the reason
 * for dropping, in the thread's language (English by default) and rendered in English or
 * French on request. The first year is released with no reason; every refusal; no leak when
 * memory runs out. */
#include "names.h"
#include "test_values.h"

/* Asserts that s holds part. */
static void assert_has(const char *s, const char *part)
{
    assert_non_null(s);
    if (!strstr(s, part))
        print_error("\"%s\" lacks \"%s\"\n", s, part);
    assert_non_null(strstr(s, part));
}

#define TITLE_1 "Accompagner les jeunes sortant de l’ASE"
#define TITLE_2 "Garantir l’accompagnement des bénéficiaires du RSA"
#define TITLE_3 "Premier accueil social inconditionnel"
#define TITLE_4 "Référent de parcours"

/* The convention of Maine-et-Loire, 2019 to 2021, with four actions and nothing recorded. */
static int setup(void **state)
{
    snplp_convention *c = NULL;
    assert_ok(
        snplp_convention_new(&c, "calpae-49", SNPLP_TERRITORY_DEPARTEMENT, "49", "Maine-et-Loire"));
    assert_ok(snplp_convention_set_years(c, 2019, 2021));
    assert_ok(snplp_convention_add_action(NULL, c, "a1", SNPLP_ACTION_OBJECTIVE_CHILD_WELFARE_EXITS,
                                          TITLE_1));
    assert_ok(
        snplp_convention_add_action(NULL, c, "a2", SNPLP_ACTION_OBJECTIVE_RSA_INSERTION, TITLE_2));
    assert_ok(
        snplp_convention_add_action(NULL, c, "a3", SNPLP_ACTION_OBJECTIVE_SOCIAL_WORK, TITLE_3));
    assert_ok(
        snplp_convention_add_action(NULL, c, "a4", SNPLP_ACTION_OBJECTIVE_SOCIAL_WORK, TITLE_4));
    *state = c;
    return 0;
}

static int teardown(void **state)
{
    snplp_convention_unref(*state);
    return 0;
}

static snplp_action *action(const snplp_convention *c, const char *id)
{
    snplp_action *a = snplp_convention_action_find(c, id);
    assert_non_null(a);
    return a;
}

/* Sets the status of action id in year (a reason for dropped). */
static void set_status(snplp_convention *c, const char *id, int32_t year, snplp_action_status s)
{
    assert_ok(snplp_action_set_status(action(c, id), year, s,
                                      s == SNPLP_ACTION_STATUS_DROPPED ? "raison" : NULL));
}

/* The decision on the credits of year at the date at (fails the test if refused). */
static snplp_credits *decide(const snplp_convention *c, int32_t year, snplp_date at)
{
    snplp_credits *r = NULL;
    assert_ok(snplp_convention_credits(&r, c, year, at));
    assert_non_null(r);
    assert_int_equal(snplp_credits_year(r), year);
    return r;
}

/* An expected reason: its kind and the action it is about (NULL for the report). */
typedef struct want {
    snplp_credit_reason kind;
    const char *action_id;
} want;

#define MISSING(id)                                                                                \
    {                                                                                              \
        SNPLP_CREDIT_REPORT_MISSING, id                                                            \
    }
#define LATE(id)                                                                                   \
    {                                                                                              \
        SNPLP_CREDIT_REPORT_LATE, id                                                               \
    }
#define NOT_DONE(id)                                                                               \
    {                                                                                              \
        SNPLP_CREDIT_ACTION_NOT_DONE, id                                                           \
    }
#define DROPPED(id)                                                                                \
    {                                                                                              \
        SNPLP_CREDIT_ACTION_DROPPED, id                                                            \
    }

static bool blocking_kind(snplp_credit_reason kind)
{
    return kind == SNPLP_CREDIT_REPORT_MISSING || kind == SNPLP_CREDIT_ACTION_NOT_DONE;
}

/* Asserts the reasons of r, in order, and the decision that follows from them. */
static void assert_reasons(const snplp_credits *r, const want *w, size_t n)
{
    size_t got = snplp_credits_reason_count(r);
    bool same = got == n;
    for (size_t i = 0; same && i < n; i++) {
        const char *id = snplp_credits_reason_action_id(r, i);
        same = snplp_credits_reason_at(r, i) == w[i].kind &&
               (w[i].action_id ? id && strcmp(id, w[i].action_id) == 0 : !id);
    }
    if (!same) {
        print_error("want %zu reason(s):\n", n);
        for (size_t i = 0; i < n; i++)
            print_error("  %s %s\n", snplp_credit_reason_name(w[i].kind),
                        w[i].action_id ? w[i].action_id : "-");
        print_error("got %zu:\n", got);
        for (size_t i = 0; i < got; i++)
            print_error("  %s %s: %s\n", snplp_credit_reason_name(snplp_credits_reason_at(r, i)),
                        snplp_credits_reason_action_id(r, i) ? snplp_credits_reason_action_id(r, i)
                                                             : "-",
                        snplp_credits_reason_message(r, i));
        fail();
    }
    bool released = true;
    for (size_t i = 0; i < n; i++) {
        bool blocking = blocking_kind(w[i].kind);
        assert_int_equal(snplp_credits_reason_blocking(r, i), blocking);
        assert_non_null(snplp_credits_reason_message(r, i));
        if (blocking)
            released = false;
        /* blocking reasons come first */
        if (i > 0 && blocking)
            assert_true(snplp_credits_reason_blocking(r, i - 1));
    }
    assert_int_equal(snplp_credits_released(r), released);
    assert_int_equal(snplp_credits_reason_at(r, n), SNPLP_CREDIT_NONE);
    assert_null(snplp_credits_reason_action_id(r, n));
    assert_null(snplp_credits_reason_message(r, n));
    assert_false(snplp_credits_reason_blocking(r, n));
}

/* Decides on the credits of year at the date at and asserts the reasons. */
static void assert_decision(const snplp_convention *c, int32_t year, snplp_date at, const want *w,
                            size_t n)
{
    snplp_credits *r = decide(c, year, at);
    assert_reasons(r, w, n);
    snplp_credits_free(r);
}

/* The message of the only reason of the credits of year at the date at. */
static void assert_only_message(const snplp_convention *c, int32_t year, snplp_date at,
                                const char *message)
{
    snplp_credits *r = decide(c, year, at);
    assert_int_equal(snplp_credits_reason_count(r), 1);
    assert_string_equal(snplp_credits_reason_message(r, 0), message);
    snplp_credits_free(r);
}

//* The names of the reasons (support/names.c). */
static const enum_names *const names[] = {&names_credit_reason, NULL};

/* ---- the first year, and the simplest decisions ---- */

static void first_year_is_released(void **state)
{
    snplp_convention *c = *state;
    /* whatever was recorded, the first year follows no report */
    set_status(c, "a1", 2018, SNPLP_ACTION_STATUS_PLANNED);
    set_status(c, "a2", 2019, SNPLP_ACTION_STATUS_PLANNED);
    assert_decision(c, 2019, date(2019, 1, 1), NULL, 0);
    assert_decision(c, 2019, date(2030, 1, 1), NULL, 0);
    snplp_credits *r = decide(c, 2019, date(2019, 6, 1));
    assert_true(snplp_credits_released(r));
    assert_int_equal(snplp_credits_reason_count(r), 0);
    assert_int_equal(snplp_credits_reason_at(r, 0), SNPLP_CREDIT_NONE);
    snplp_credits_free(r);
    /* a one-year convention */
    assert_ok(snplp_convention_set_years(c, 2020, 2020));
    assert_decision(c, 2020, date(2021, 6, 1), NULL, 0);
}

static void released_when_all_is_done(void **state)
{
    snplp_convention *c = *state;
    assert_ok(snplp_convention_set_report_sent(c, 2019, date(2020, 3, 31)));
    set_status(c, "a1", 2019, SNPLP_ACTION_STATUS_DONE);
    set_status(c, "a2", 2019, SNPLP_ACTION_STATUS_DONE);
    /* a3 and a4 have no status for 2019: nothing to say about them */
    set_status(c, "a3", 2020, SNPLP_ACTION_STATUS_PLANNED);
    set_status(c, "a4", 2018, SNPLP_ACTION_STATUS_IN_PROGRESS);
    assert_decision(c, 2020, date(2020, 4, 1), NULL, 0);
    snplp_credits *r = decide(c, 2020, date(2020, 3, 31));
    assert_true(snplp_credits_released(r));
    snplp_credits_free(r);
}

/* ---- the report ---- */

static void report_not_yet_due(void **state)
{
    snplp_convention *c = *state;
    static const want w[] = {MISSING(NULL)};
    assert_decision(c, 2020, date(2020, 3, 15), w, 1);
    assert_only_message(c, 2020, date(2020, 3, 15),
                        "the report on 2019 has not been sent as of 2020-03-15; it is not "
                        "overdue yet: it is due on 2020-03-31, in 16 days");
    assert_only_message(c, 2020, date(2020, 3, 30),
                        "the report on 2019 has not been sent as of 2020-03-30; it is not "
                        "overdue yet: it is due on 2020-03-31, in 1 day");
    assert_only_message(c, 2020, date(2020, 3, 31),
                        "the report on 2019 has not been sent as of 2020-03-31; it is not "
                        "overdue yet: it is due that day, 2020-03-31");
    /* before the end of the year itself: 29 February 2020 counts */
    assert_only_message(c, 2020, date(2019, 12, 31),
                        "the report on 2019 has not been sent as of 2019-12-31; it is not "
                        "overdue yet: it is due on 2020-03-31, in 91 days");
}

static void report_overdue(void **state)
{
    snplp_convention *c = *state;
    static const want w[] = {MISSING(NULL)};
    assert_decision(c, 2020, date(2020, 4, 1), w, 1);
    assert_only_message(c, 2020, date(2020, 4, 1),
                        "the report on 2019 has not been sent as of 2020-04-01; it is overdue: "
                        "it was due on 2020-03-31, 1 day before");
    assert_only_message(c, 2021, date(2021, 6, 30),
                        "the report on 2020 has not been sent as of 2021-06-30; it is overdue: "
                        "it was due on 2021-03-31, 91 days before");
    /* sent after the date of the decision: not sent yet then */
    assert_ok(snplp_convention_set_report_sent(c, 2020, date(2021, 7, 1)));
    assert_decision(c, 2021, date(2021, 6, 30), w, 1);
    assert_ok(snplp_convention_set_report_sent(c, 2020, date(2021, 3, 31)));
    assert_decision(c, 2021, date(2021, 3, 30), w, 1);
    assert_decision(c, 2021, date(2021, 3, 31), NULL, 0);
}

static void report_late(void **state)
{
    snplp_convention *c = *state;
    static const want w[] = {LATE(NULL)};
    assert_ok(snplp_convention_set_report_sent(c, 2020, date(2021, 4, 2)));
    assert_decision(c, 2021, date(2021, 4, 2), w, 1);
    assert_decision(c, 2021, date(2030, 1, 1), w, 1);
    /* the example of credits.h */
    assert_only_message(c, 2021, date(2021, 5, 1),
                        "the report on 2020 was sent on 2021-04-02, 2 days after it was due on "
                        "2021-03-31");
    assert_ok(snplp_convention_set_report_sent(c, 2020, date(2021, 4, 1)));
    assert_only_message(c, 2021, date(2021, 5, 1),
                        "the report on 2020 was sent on 2021-04-01, 1 day after it was due on "
                        "2021-03-31");
    assert_ok(snplp_convention_set_report_sent(c, 2019, date(2021, 3, 1)));
    assert_only_message(c, 2020, date(2021, 5, 1),
                        "the report on 2019 was sent on 2021-03-01, 335 days after it was due on "
                        "2020-03-31");
    /* forgotten: missing again */
    assert_ok(snplp_convention_clear_report(c, 2020));
    static const want missing[] = {MISSING(NULL)};
    assert_decision(c, 2021, date(2021, 5, 1), missing, 1);
}

/* ---- actions ---- */

static void actions_not_done(void **state)
{
    snplp_convention *c = *state;
    assert_ok(snplp_convention_set_report_sent(c, 2019, date(2020, 2, 29)));
    set_status(c, "a1", 2019, SNPLP_ACTION_STATUS_PLANNED);
    set_status(c, "a2", 2019, SNPLP_ACTION_STATUS_DONE);
    set_status(c, "a3", 2019, SNPLP_ACTION_STATUS_IN_PROGRESS);
    static const want w[] = {NOT_DONE("a1"), NOT_DONE("a3")};
    snplp_credits *r = decide(c, 2020, date(2020, 6, 1));
    assert_reasons(r, w, 2);
    assert_false(snplp_credits_released(r));
    assert_string_equal(snplp_credits_reason_message(r, 0),
                        "action a1 « " TITLE_1 " » was not done in 2019: its status is planned");
    assert_string_equal(snplp_credits_reason_message(r, 1),
                        "action a3 « " TITLE_3 " » was not done in 2019: its status "
                        "is in-progress");
    snplp_credits_free(r);
    /* done later: released */
    set_status(c, "a1", 2019, SNPLP_ACTION_STATUS_DONE);
    set_status(c, "a3", 2019, SNPLP_ACTION_STATUS_DONE);
    assert_decision(c, 2020, date(2020, 6, 1), NULL, 0);
}

static void actions_dropped(void **state)
{
    snplp_convention *c = *state;
    assert_ok(snplp_convention_set_report_sent(c, 2020, date(2021, 3, 1)));
    assert_ok(snplp_action_set_status(action(c, "a2"), 2020, SNPLP_ACTION_STATUS_DROPPED,
                                      "Dispositif repris par la Région"));
    set_status(c, "a4", 2020, SNPLP_ACTION_STATUS_DROPPED);
    set_status(c, "a1", 2020, SNPLP_ACTION_STATUS_DONE);
    static const want w[] = {DROPPED("a2"), DROPPED("a4")};
    snplp_credits *r = decide(c, 2021, date(2021, 6, 1));
    assert_reasons(r, w, 2);
    assert_true(snplp_credits_released(r)); /* dropping with a reason withholds nothing */
    assert_string_equal(snplp_credits_reason_message(r, 0),
                        "action a2 « " TITLE_2
                        " » was dropped in 2020, for this reason: « Dispositif repris par la "
                        "Région »");
    assert_has(snplp_credits_reason_message(r, 1), "« " TITLE_4 " »");
    assert_has(snplp_credits_reason_message(r, 1), "« raison »");
    snplp_credits_free(r);
}

/* ---- every combination, in order ---- */

static void blocking_first_in_action_order(void **state)
{
    snplp_convention *c = *state;
    /* 2020, not sent, overdue at the date: the report's reason leads the blocking ones */
    set_status(c, "a1", 2020, SNPLP_ACTION_STATUS_DROPPED);
    set_status(c, "a2", 2020, SNPLP_ACTION_STATUS_PLANNED);
    set_status(c, "a3", 2020, SNPLP_ACTION_STATUS_DROPPED);
    set_status(c, "a4", 2020, SNPLP_ACTION_STATUS_IN_PROGRESS);
    static const want missing[] = {MISSING(NULL), NOT_DONE("a2"), NOT_DONE("a4"), DROPPED("a1"),
                                   DROPPED("a3")};
    assert_decision(c, 2021, date(2021, 4, 1), missing, COUNT_OF(missing));
    /* sent late: the report's reason leads the non-blocking ones */
    assert_ok(snplp_convention_set_report_sent(c, 2020, date(2021, 4, 1)));
    static const want late[] = {NOT_DONE("a2"), NOT_DONE("a4"), LATE(NULL), DROPPED("a1"),
                                DROPPED("a3")};
    assert_decision(c, 2021, date(2021, 4, 1), late, COUNT_OF(late));
    snplp_credits *r = decide(c, 2021, date(2021, 4, 1));
    assert_false(snplp_credits_released(r));
    assert_has(snplp_credits_reason_message(r, 0), "action a2");
    assert_has(snplp_credits_reason_message(r, 1), "action a4");
    assert_has(snplp_credits_reason_message(r, 2), "the report on 2020 was sent on 2021-04-01");
    assert_has(snplp_credits_reason_message(r, 3), "action a1");
    assert_has(snplp_credits_reason_message(r, 4), "action a3");
    snplp_credits_free(r);
    /* sent on time: the actions alone */
    assert_ok(snplp_convention_set_report_sent(c, 2020, date(2021, 3, 31)));
    static const want on_time[] = {NOT_DONE("a2"), NOT_DONE("a4"), DROPPED("a1"), DROPPED("a3")};
    assert_decision(c, 2021, date(2021, 4, 1), on_time, COUNT_OF(on_time));
    /* the actions carried out: released with the drops and the late report */
    set_status(c, "a2", 2020, SNPLP_ACTION_STATUS_DONE);
    set_status(c, "a4", 2020, SNPLP_ACTION_STATUS_DONE);
    assert_ok(snplp_convention_set_report_sent(c, 2020, date(2021, 5, 1)));
    static const want released[] = {LATE(NULL), DROPPED("a1"), DROPPED("a3")};
    assert_decision(c, 2021, date(2021, 6, 1), released, COUNT_OF(released));
    /* late report and nothing else */
    set_status(c, "a1", 2020, SNPLP_ACTION_STATUS_DONE);
    set_status(c, "a3", 2020, SNPLP_ACTION_STATUS_DONE);
    static const want late_only[] = {LATE(NULL)};
    assert_decision(c, 2021, date(2021, 6, 1), late_only, 1);
    /* the report missing and an action dropped: blocked by the report alone */
    assert_ok(snplp_convention_clear_report(c, 2020));
    set_status(c, "a3", 2020, SNPLP_ACTION_STATUS_DROPPED);
    static const want missing_dropped[] = {MISSING(NULL), DROPPED("a3")};
    assert_decision(c, 2021, date(2021, 6, 1), missing_dropped, 2);
    /* the year before is not the year of the credits: 2021's statuses do not count for 2021 */
    set_status(c, "a1", 2021, SNPLP_ACTION_STATUS_PLANNED);
    assert_decision(c, 2021, date(2021, 6, 1), missing_dropped, 2);
}

/* Every status of every action, with every state of the report: the reasons follow the rules. */
static void every_combination(void **state)
{
    snplp_convention *c = *state;
    static const snplp_action_status statuses[] = {
        SNPLP_ACTION_STATUS_NONE, SNPLP_ACTION_STATUS_PLANNED, SNPLP_ACTION_STATUS_IN_PROGRESS,
        SNPLP_ACTION_STATUS_DONE, SNPLP_ACTION_STATUS_DROPPED};
    static const char *const ids[] = {"a1", "a2", "a3", "a4"};
    /* the report: not sent, on time, late; the decision on 2021-06-01 or 2021-03-15 */
    static const snplp_date sent[] = {{0, 0, 0}, {2021, 3, 31}, {2021, 4, 1}};
    static const snplp_date at[] = {{2021, 6, 1}, {2021, 3, 15}};
    for (size_t combo = 0; combo < 5 * 5 * 5 * 5; combo++) {
        size_t k = combo;
        snplp_action_status st[4];
        for (size_t i = 0; i < 4; i++, k /= 5) {
            st[i] = statuses[k % 5];
            if (st[i] == SNPLP_ACTION_STATUS_NONE) {
                int rc = snplp_action_clear_status(action(c, ids[i]), 2020);
                assert_true(rc == SNPLP_OK || rc == SNPLP_ENOTFOUND);
            } else {
                set_status(c, ids[i], 2020, st[i]);
            }
        }
        for (size_t s = 0; s < COUNT_OF(sent); s++) {
            if (s == 0) {
                int rc = snplp_convention_clear_report(c, 2020);
                assert_true(rc == SNPLP_OK || rc == SNPLP_ENOTFOUND);
            } else {
                assert_ok(snplp_convention_set_report_sent(c, 2020, sent[s]));
            }
            for (size_t d = 0; d < COUNT_OF(at); d++) {
                want w[5];
                size_t n = 0;
                bool sent_then = s > 0 && snplp_date_compare(sent[s], at[d]) <= 0;
                if (!sent_then)
                    w[n++] = (want)MISSING(NULL);
                for (size_t i = 0; i < 4; i++)
                    if (st[i] == SNPLP_ACTION_STATUS_PLANNED ||
                        st[i] == SNPLP_ACTION_STATUS_IN_PROGRESS)
                        w[n++] = (want)NOT_DONE(ids[i]);
                if (sent_then && s == 2)
                    w[n++] = (want)LATE(NULL);
                for (size_t i = 0; i < 4; i++)
                    if (st[i] == SNPLP_ACTION_STATUS_DROPPED)
                        w[n++] = (want)DROPPED(ids[i]);
                assert_decision(c, 2021, at[d], w, n);
            }
        }
    }
}

/* ---- refusals and accessors ---- */

static void refusals(void **state)
{
    snplp_convention *c = *state;
    static int dummy;
    snplp_credits *const untouched = (snplp_credits *)&dummy; /* compared, never read */
    snplp_credits *r = untouched;
    assert_fails(snplp_convention_credits(NULL, c, 2020, date(2020, 6, 1)), SNPLP_EINVAL);
    assert_message_has("out is NULL");
    assert_fails(snplp_convention_credits(&r, NULL, 2020, date(2020, 6, 1)), SNPLP_EINVAL);
    assert_message_has("conv is NULL");
    static const int32_t outside[] = {2018, 2022, 999, 9999, 0, INT32_MIN, INT32_MAX};
    for (size_t i = 0; i < COUNT_OF(outside); i++) {
        assert_fails(snplp_convention_credits(&r, c, outside[i], date(2020, 6, 1)), SNPLP_EINVAL);
        assert_message_has("is not a year of convention calpae-49 (2019 to 2021)");
    }
    assert_fails(snplp_convention_credits(&r, c, 2020, date(2021, 2, 29)), SNPLP_EINVAL);
    assert_message_has("{2021, 2, 29}");
    assert_fails(snplp_convention_credits(&r, c, 2020, date(0, 0, 0)), SNPLP_EINVAL);
    assert_true(r == untouched);

    /* a convention whose years are not set */
    snplp_convention *bare = NULL;
    assert_ok(snplp_convention_new(&bare, "calpae-93", SNPLP_TERRITORY_DEPARTEMENT, "93",
                                   "Seine-Saint-Denis"));
    assert_fails(snplp_convention_credits(&r, bare, 2020, date(2020, 6, 1)), SNPLP_EINVAL);
    assert_message_has("the years of convention calpae-93 are not set");
    assert_true(r == untouched);
    snplp_convention_unref(bare);
}

static void null_and_out_of_range(void **state)
{
    snplp_convention *c = *state;
    assert_false(snplp_credits_released(NULL));
    assert_int_equal(snplp_credits_year(NULL), 0);
    assert_int_equal(snplp_credits_reason_count(NULL), 0);
    assert_int_equal(snplp_credits_reason_at(NULL, 0), SNPLP_CREDIT_NONE);
    assert_false(snplp_credits_reason_blocking(NULL, 0));
    assert_null(snplp_credits_reason_action_id(NULL, 0));
    assert_null(snplp_credits_reason_message(NULL, 0));
    snplp_credits_free(NULL);

    set_status(c, "a1", 2019, SNPLP_ACTION_STATUS_PLANNED);
    snplp_credits *r = decide(c, 2020, date(2020, 6, 1));
    assert_int_equal(snplp_credits_reason_count(r), 2);
    /* the report's reason has no action */
    assert_int_equal(snplp_credits_reason_at(r, 0), SNPLP_CREDIT_REPORT_MISSING);
    assert_null(snplp_credits_reason_action_id(r, 0));
    assert_string_equal(snplp_credits_reason_action_id(r, 1), "a1");
    static const size_t beyond[] = {2, 3, SIZE_MAX};
    for (size_t i = 0; i < COUNT_OF(beyond); i++) {
        assert_int_equal(snplp_credits_reason_at(r, beyond[i]), SNPLP_CREDIT_NONE);
        assert_false(snplp_credits_reason_blocking(r, beyond[i]));
        assert_null(snplp_credits_reason_action_id(r, beyond[i]));
        assert_null(snplp_credits_reason_message(r, beyond[i]));
    }
    snplp_credits_free(r);
}

/* The decision is a copy: it outlives changes to the convention and the convention itself. */
static void decision_is_a_copy(void **state)
{
    snplp_convention *c = *state;
    assert_ok(snplp_action_set_status(action(c, "a3"), 2019, SNPLP_ACTION_STATUS_DROPPED,
                                      "Fusion avec l’action a4"));
    snplp_credits *r = decide(c, 2020, date(2020, 6, 1));
    assert_ok(snplp_action_set_status(action(c, "a3"), 2019, SNPLP_ACTION_STATUS_DONE, NULL));
    assert_ok(snplp_action_set_title(action(c, "a3"), "Autre titre"));
    assert_ok(snplp_convention_set_report_sent(c, 2019, date(2020, 1, 2)));
    snplp_convention *other = NULL;
    assert_ok(snplp_convention_new(&other, "calpae-44", SNPLP_TERRITORY_DEPARTEMENT, "44",
                                   "Loire-Atlantique"));
    assert_ok(snplp_convention_set_years(other, 2019, 2021));
    assert_ok(snplp_convention_add_action(NULL, other, "b1", SNPLP_ACTION_OBJECTIVE_FREE_INITIATIVE,
                                          "Initiative"));
    assert_ok(
        snplp_action_set_status(action(other, "b1"), 2019, SNPLP_ACTION_STATUS_PLANNED, NULL));
    snplp_credits *r2 = decide(other, 2020, date(2020, 6, 1));
    snplp_convention_unref(other);
    static const want w[] = {MISSING(NULL), DROPPED("a3")};
    assert_reasons(r, w, 2);
    assert_has(snplp_credits_reason_message(r, 1), "« " TITLE_3 " »");
    assert_has(snplp_credits_reason_message(r, 1), "« Fusion avec l’action a4 »");
    static const want w2[] = {MISSING(NULL), NOT_DONE("b1")};
    assert_reasons(r2, w2, 2);
    assert_has(snplp_credits_reason_message(r2, 1), "action b1 « Initiative »");
    snplp_credits_free(r2);
    snplp_credits_free(r);
    assert_decision(c, 2020, date(2020, 6, 1), NULL, 0);
}

/* ---- the sentences in English and French (1.6) ---- */

#define NBSP  "\xC2\xA0"     /* no-break space, before ":" and inside « » */
#define NNBSP "\xE2\x80\xAF" /* narrow no-break space, before ";" */

/* Reason index of r rendered in lang. */
static void assert_rendered(const snplp_credits *r, size_t index, snplp_language lang,
                            const char *want_text)
{
    char *s = NULL;
    assert_ok(snplp_credits_reason_render(r, index, lang, &s));
    assert_string_equal(s, want_text);
    snplp_free(s);
}

/* The only reason of the credits of year at the date at, in French. */
static void assert_only_french(const snplp_convention *c, int32_t year, snplp_date at,
                               const char *want_text)
{
    snplp_credits *r = decide(c, year, at);
    assert_int_equal(snplp_credits_reason_count(r), 1);
    assert_rendered(r, 0, SNPLP_LANGUAGE_FR, want_text);
    snplp_credits_free(r);
}

static void reasons_in_french(void **state)
{
    snplp_convention *c = *state;
    /* the report: not yet due (in days, or that day), then overdue */
    assert_only_french(c, 2020, date(2020, 3, 15),
                       "le rapport d’exécution de 2019 n’a pas été transmis au 15 mars 2020" NNBSP
                       "; il n’est pas encore en retard" NBSP ": il est dû le 31 mars 2020, dans "
                       "16 jours");
    assert_only_french(c, 2020, date(2020, 3, 30),
                       "le rapport d’exécution de 2019 n’a pas été transmis au 30 mars 2020" NNBSP
                       "; il n’est pas encore en retard" NBSP ": il est dû le 31 mars 2020, dans "
                       "1 jour");
    assert_only_french(c, 2020, date(2020, 3, 31),
                       "le rapport d’exécution de 2019 n’a pas été transmis au 31 mars 2020" NNBSP
                       "; il n’est pas encore en retard" NBSP ": il est dû ce jour même, le 31 "
                       "mars 2020");
    assert_only_french(c, 2021, date(2023, 6, 30),
                       "le rapport d’exécution de 2020 n’a pas été transmis au 30 juin 2023" NNBSP
                       "; il est en retard" NBSP ": il était dû le 31 mars 2021, 821 jours plus "
                       "tôt");
    /* sent late; actions not done and dropped: the French title and reason quoted */
    assert_ok(snplp_convention_set_report_sent(c, 2019, date(2021, 3, 1)));
    set_status(c, "a1", 2019, SNPLP_ACTION_STATUS_PLANNED);
    set_status(c, "a2", 2019, SNPLP_ACTION_STATUS_IN_PROGRESS);
    assert_ok(snplp_action_set_status(action(c, "a3"), 2019, SNPLP_ACTION_STATUS_DROPPED,
                                      "Dispositif repris par la Région"));
    static const want w[] = {NOT_DONE("a1"), NOT_DONE("a2"), LATE(NULL), DROPPED("a3")};
    snplp_credits *r = decide(c, 2020, date(2021, 5, 1));
    assert_reasons(r, w, 4);
    assert_rendered(r, 0, SNPLP_LANGUAGE_FR,
                    "l’action a1 «" NBSP TITLE_1 NBSP "» n’a pas été réalisée en 2019" NBSP
                    ": son statut est «" NBSP "prévue" NBSP "»");
    assert_rendered(r, 1, SNPLP_LANGUAGE_FR,
                    "l’action a2 «" NBSP TITLE_2 NBSP "» n’a pas été réalisée en 2019" NBSP
                    ": son statut est «" NBSP "en cours" NBSP "»");
    assert_rendered(r, 2, SNPLP_LANGUAGE_FR,
                    "le rapport d’exécution de 2019 a été transmis le 1 mars 2021, 335 jours "
                    "après la date limite du 31 mars 2020");
    assert_rendered(r, 3, SNPLP_LANGUAGE_FR,
                    "l’action a3 «" NBSP TITLE_3 NBSP "» a été abandonnée en 2019, pour ce "
                    "motif" NBSP ": «" NBSP "Dispositif repris par la Région" NBSP "»");
    /* English: the message of the decision, made in English */
    for (size_t i = 0; i < 4; i++)
        assert_rendered(r, i, SNPLP_LANGUAGE_EN, snplp_credits_reason_message(r, i));
    assert_rendered(r, 2, SNPLP_LANGUAGE_EN,
                    "the report on 2019 was sent on 2021-03-01, 335 days after it was due on "
                    "2020-03-31");
    /* refusals: nothing rendered */
    char *s = (char *)"untouched";
    assert_fails(snplp_credits_reason_render(r, 4, SNPLP_LANGUAGE_FR, &s), SNPLP_EINVAL);
    assert_message_has("no reason 4: the decision has 4");
    assert_null(s);
    assert_fails(snplp_credits_reason_render(r, 0, (snplp_language)7, &s), SNPLP_EINVAL);
    assert_message_has("unknown language 7");
    assert_fails(snplp_credits_reason_render(NULL, 0, SNPLP_LANGUAGE_FR, &s), SNPLP_EINVAL);
    assert_fails(snplp_credits_reason_render(r, 0, SNPLP_LANGUAGE_FR, NULL), SNPLP_EINVAL);
    snplp_credits_free(r);

    /* a decision made on a thread whose default is French: its messages are French, the
     * English ones on request */
    assert_ok(snplp_language_set_default(SNPLP_LANGUAGE_FR));
    r = decide(c, 2020, date(2021, 5, 1));
    snplp_language_set_default(SNPLP_LANGUAGE_EN);
    assert_reasons(r, w, 4);
    assert_string_equal(snplp_credits_reason_message(r, 2),
                        "le rapport d’exécution de 2019 a été transmis le 1 mars 2021, 335 jours "
                        "après la date limite du 31 mars 2020");
    assert_rendered(r, 2, SNPLP_LANGUAGE_EN,
                    "the report on 2019 was sent on 2021-03-01, 335 days after it was due on "
                    "2020-03-31");
    assert_has(snplp_credits_reason_message(r, 3), "abandonnée en 2019");
    snplp_credits_free(r);
}

/* ---- out of memory ---- */

typedef struct oom_ctx {
    const snplp_convention *c;
    int32_t year;
    snplp_date at;
    size_t reasons;
} oom_ctx;

static int oom_decide(void *p)
{
    const oom_ctx *ctx = p;
    snplp_credits *r = NULL;
    int rc = snplp_convention_credits(&r, ctx->c, ctx->year, ctx->at);
    if (rc) {
        assert_null(r);
        return rc;
    }
    assert_int_equal(snplp_credits_reason_count(r), ctx->reasons);
    snplp_credits_free(r);
    return SNPLP_OK;
}

static void out_of_memory(void **state)
{
    snplp_convention *c = *state;
    /* the first year: the decision alone */
    oom_ctx first = {c, 2019, date(2019, 6, 1), 0};
    assert_int_equal(test_oom_sweep(oom_decide, NULL, &first), 1);
    /* a missing report: the decision, its array and the message */
    oom_ctx report = {c, 2020, date(2020, 6, 1), 1};
    assert_int_equal(test_oom_sweep(oom_decide, NULL, &report), 3);
    /* every kind of reason: the message and the id of each action's reason */
    set_status(c, "a1", 2019, SNPLP_ACTION_STATUS_DROPPED);
    set_status(c, "a2", 2019, SNPLP_ACTION_STATUS_PLANNED);
    set_status(c, "a3", 2019, SNPLP_ACTION_STATUS_IN_PROGRESS);
    set_status(c, "a4", 2019, SNPLP_ACTION_STATUS_DONE);
    oom_ctx all = {c, 2020, date(2020, 6, 1), 4};
    assert_int_equal(test_oom_sweep(oom_decide, NULL, &all), 3 + 3 * 2);
    assert_ok(snplp_convention_set_report_sent(c, 2019, date(2020, 4, 2)));
    assert_int_equal(test_oom_sweep(oom_decide, NULL, &all), 3 + 3 * 2);
    /* nothing to say: the decision alone */
    assert_ok(snplp_convention_set_report_sent(c, 2019, date(2020, 3, 2)));
    set_status(c, "a1", 2019, SNPLP_ACTION_STATUS_DONE);
    set_status(c, "a2", 2019, SNPLP_ACTION_STATUS_DONE);
    set_status(c, "a3", 2019, SNPLP_ACTION_STATUS_DONE);
    oom_ctx none = {c, 2020, date(2020, 6, 1), 0};
    assert_int_equal(test_oom_sweep(oom_decide, NULL, &none), 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        NAMES_TEST(names),
        FIXTURE_TEST(first_year_is_released),
        FIXTURE_TEST(released_when_all_is_done),
        FIXTURE_TEST(report_not_yet_due),
        FIXTURE_TEST(report_overdue),
        FIXTURE_TEST(report_late),
        FIXTURE_TEST(actions_not_done),
        FIXTURE_TEST(actions_dropped),
        FIXTURE_TEST(blocking_first_in_action_order),
        FIXTURE_TEST(every_combination),
        FIXTURE_TEST(refusals),
        FIXTURE_TEST(null_and_out_of_range),
        FIXTURE_TEST(decision_is_a_copy),
        FIXTURE_TEST(reasons_in_french),
        FIXTURE_TEST(out_of_memory),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
