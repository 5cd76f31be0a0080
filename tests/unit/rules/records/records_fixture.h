/* What the tests of the rules of training records share: records built through the public
 * API, against the built-in referential or a small hand-made one. */
#ifndef SNPLP_TEST_RECORDS_FIXTURE_H
#define SNPLP_TEST_RECORDS_FIXTURE_H

#include "test_util.h"
#include "test_values.h"

#include <snplp/coverage.h>
#include <snplp/eligibility.h>
#include <snplp/records.h>
#include <snplp/records_validate.h>

#define FUNDAMENTALS "module-insertion-fundamentals"
#define EXPERT       "module-insertion-expert"
#define DIPLOMA_RULE "diploma-rule-priority-public"
#define EC_DAY_1     "plan-theme-early-childhood-days-1"

/* New records with an employer "emp-80" (the Somme) and a training body "of-1". */
static inline snplp_records *rec_new(void)
{
    snplp_records *r = NULL;
    assert_ok(snplp_records_new(&r));
    assert_ok(snplp_records_add_employer(NULL, r, "emp-80", SNPLP_EMPLOYER_DEPARTEMENT,
                                         "Conseil départemental de la Somme", "80"));
    assert_ok(snplp_records_add_training_body(NULL, r, "of-1", "Organisme de formation"));
    return r;
}

/* A worker of employer emp-80 in territory 80 from `from`; level 0 leaves it unknown. */
static inline snplp_worker *rec_worker(snplp_records *r, const char *id, const char *profession,
                                       snplp_date from, int level)
{
    snplp_worker *w = NULL;
    assert_ok(snplp_records_add_worker(&w, r, id, profession, "emp-80", "80", from));
    if (level)
        assert_ok(snplp_worker_set_diploma_level(w, level));
    return w;
}

/* A session given by of-1, on site. */
static inline snplp_session *rec_session(snplp_records *r, const char *id, const char *subject,
                                         snplp_date start, snplp_date end, snplp_decimal days)
{
    snplp_session *s = NULL;
    assert_ok(snplp_records_add_session(&s, r, id, subject, "of-1", start, end, days,
                                        SNPLP_MODE_ON_SITE));
    return s;
}

static inline snplp_attendance *rec_att(snplp_records *r, const char *worker, const char *session,
                                        snplp_attendance_status status)
{
    snplp_attendance *a = NULL;
    assert_ok(snplp_records_add_attendance(&a, r, worker, session, status));
    return a;
}

/* A small referential: theme t-a with modules m-adv (expert, 3 days, requires m-basic, for
 * profession p-ass only; declared first) and m-basic (fundamentals, 2 days); professions p-ass
 * (worker) and p-head (cadre); no diploma rule; the training plan's maximum 4 days; a plan
 * plan-x with a plan theme pt-1. */
static inline snplp_referential *hand_ref(void)
{
    snplp_referential *ref = test_new_referential();
    snplp_module *m;
    assert_ok(snplp_referential_add_theme(NULL, ref, "t-a", "Thème A"));
    assert_ok(snplp_referential_add_module_to_theme(&m, ref, "m-adv", "t-a", SNPLP_LEVEL_EXPERT,
                                                    "Module avancé"));
    assert_ok(snplp_module_set_duration_days(m, 3));
    assert_ok(snplp_module_add_prerequisite(m, "m-basic"));
    assert_ok(snplp_module_add_profession(m, "p-ass"));
    assert_ok(snplp_referential_add_module_to_theme(&m, ref, "m-basic", "t-a",
                                                    SNPLP_LEVEL_FUNDAMENTALS, "Module de base"));
    assert_ok(snplp_module_set_duration_days(m, 2));
    assert_ok(snplp_referential_add_profession(NULL, ref, "p-ass", SNPLP_CATEGORY_WORKER,
                                               "assistants de service social"));
    assert_ok(snplp_referential_add_profession(NULL, ref, "p-head", SNPLP_CATEGORY_CADRE,
                                               "chefs de services"));
    assert_ok(snplp_training_plan_set_max_module_days(snplp_referential_training_plan(ref), 4));
    snplp_plan *p;
    assert_ok(snplp_referential_add_plan(&p, ref, "plan-x", "Plan X"));
    assert_ok(snplp_plan_add_plan_theme(NULL, p, "pt-1", "Thème du plan X"));
    return ref;
}

/* Asserts that s contains part (printed if not). */
static inline void assert_has(const char *s, const char *part)
{
    if (!s || !strstr(s, part))
        fail_msg("'%s' does not contain '%s'", s ? s : "(null)", part);
}

#endif
