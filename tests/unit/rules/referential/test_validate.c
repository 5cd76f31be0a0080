/* Tests of validate.h: snplp_referential_validate() checks every rule of the model and appends
 * every finding to the caller's list in one pass, in document order (referential.h), with the
 * prerequisite cycles last. */
#include "test_util.h"

#include <pthread.h>
#include <stdio.h>

//* What a finding must be: every finding of validation is an error at line 0, column 0. */
typedef struct expected {
    const char *id;       /* the item concerned */
    snplp_diag_code code; /* its code */
    const char *needle;   /* a text the message must hold besides the id (may be NULL) */
} expected;

static void assert_finding(const snplp_diagnostic *d, const expected *want)
{
    assert_non_null(d);
    if (snplp_diagnostic_code(d) != want->code ||
        strcmp(snplp_diagnostic_item_id(d) ? snplp_diagnostic_item_id(d) : "(null)", want->id))
        print_error("want %s on '%s', got %s on '%s': %s\n", snplp_diag_code_name(want->code),
                    want->id, snplp_diag_code_name(snplp_diagnostic_code(d)),
                    snplp_diagnostic_item_id(d) ? snplp_diagnostic_item_id(d) : "(null)",
                    snplp_diagnostic_message(d) ? snplp_diagnostic_message(d) : "(null)");
    assert_int_equal(snplp_diagnostic_code(d), want->code);
    assert_int_equal(snplp_diagnostic_severity(d), SNPLP_SEVERITY_ERROR);
    assert_non_null(snplp_diagnostic_item_id(d));
    assert_string_equal(snplp_diagnostic_item_id(d), want->id);
    assert_int_equal(snplp_diagnostic_line(d), 0);
    assert_int_equal(snplp_diagnostic_column(d), 0);
    const char *msg = snplp_diagnostic_message(d);
    assert_non_null(msg);
    /* The message names the item (quoted, or as the start of a cycle's path) and, when
     * asked, what is wrong with it. */
    char quoted[SNPLP_ID_MAX + 8];
    snprintf(quoted, sizeof quoted,
             want->code == SNPLP_DIAG_PREREQUISITE_CYCLE ? ": %s -> " : "'%s'", want->id);
    if (!strstr(msg, quoted) || (want->needle && !strstr(msg, want->needle)))
        print_error("message of %s on '%s' lacks '%s' or '%s': %s\n",
                    snplp_diag_code_name(want->code), want->id, want->id,
                    want->needle ? want->needle : "", msg);
    assert_non_null(strstr(msg, quoted));
    if (want->needle)
        assert_non_null(strstr(msg, want->needle));
}

/*
 * Asserts that diags[from...] holds exactly the n findings of want. Document order is an
 * order of items: the findings must come item by item in the order of want; the findings
 * about one item (a module may have several) may come in any order among themselves.
 */
static void assert_findings_from(const snplp_diagnostics *diags, size_t from, const expected *want,
                                 size_t n)
{
    if (snplp_diagnostics_count(diags) != from + n) {
        for (size_t i = from; i < snplp_diagnostics_count(diags); i++) {
            const snplp_diagnostic *d = snplp_diagnostics_at(diags, i);
            print_error("  finding %zu: %s on '%s': %s\n", i,
                        snplp_diag_code_name(snplp_diagnostic_code(d)),
                        snplp_diagnostic_item_id(d) ? snplp_diagnostic_item_id(d) : "(null)",
                        snplp_diagnostic_message(d));
        }
    }
    assert_int_equal(snplp_diagnostics_count(diags), from + n);
    bool used[64] = {false};
    assert_true(n <= sizeof used / sizeof used[0]);
    for (size_t i = 0; i < n;) {
        /* the group of expected findings about the item want[i].id */
        size_t end = i;
        while (end < n && strcmp(want[end].id, want[i].id) == 0)
            end++;
        for (size_t k = i; k < end; k++) {
            const snplp_diagnostic *d = snplp_diagnostics_at(diags, from + k);
            size_t match = end;
            for (size_t j = i; j < end && match == end; j++)
                if (!used[j] && snplp_diagnostic_code(d) == want[j].code &&
                    snplp_diagnostic_item_id(d) &&
                    strcmp(snplp_diagnostic_item_id(d), want[j].id) == 0 &&
                    (!want[j].needle || strstr(snplp_diagnostic_message(d), want[j].needle)))
                    match = j;
            /* no match: show what was expected at this place */
            assert_finding(d, &want[match == end ? k : match]);
            used[match] = true;
        }
        i = end;
    }
}

static void assert_findings(const snplp_diagnostics *diags, const expected *want, size_t n)
{
    assert_findings_from(diags, 0, want, n);
}

/* Validates ref into a new list and asserts that it finds exactly want (n of them). */
static void assert_validation(const snplp_referential *ref, const expected *want, size_t n)
{
    snplp_diagnostics *diags = new_diags();
    int rc = snplp_referential_validate(ref, diags);
    assert_findings(diags, want, n);
    if (n) {
        assert_status(rc, SNPLP_EVALIDATION);
        assert_int_equal(snplp_error_last_code(), SNPLP_EVALIDATION);
    } else {
        assert_ok(rc);
    }
    snplp_diagnostics_free(diags);
}

/* A referential without any problem, like examples/c/sample_referential.c. */
static snplp_referential *valid_referential(void)
{
    snplp_referential *ref = test_new_referential();
    snplp_strategy *s = snplp_referential_strategy(ref);
    assert_ok(snplp_strategy_set_title(s, "Stratégie nationale de prévention et de lutte contre "
                                          "la pauvreté"));
    assert_ok(snplp_strategy_set_launch_date(s, "2018-09"));
    assert_ok(snplp_strategy_set_budget_cents(s, INT64_C(850000000000)));
    assert_ok(snplp_strategy_add_label(s, "stratégie pauvreté"));
    assert_ok(snplp_referential_add_commitment(NULL, ref, "commitment-1",
                                               "l'égalité des chances dès les premiers pas"));
    assert_ok(snplp_referential_add_commitment(
        NULL, ref, "commitment-5", "investir pour l'accompagnement de tous vers l'emploi"));
    assert_ok(
        snplp_referential_add_lever(NULL, ref, "lever-participation", "un choc de participation"));
    assert_ok(snplp_referential_add_lever(NULL, ref, "lever-social-work",
                                          "la rénovation du travail social"));

    snplp_training_plan *plan = snplp_referential_training_plan(ref);
    assert_ok(snplp_training_plan_set_title(plan, "Plan de formation des travailleurs sociaux"));
    assert_ok(snplp_training_plan_set_max_module_days(plan, 5));
    assert_ok(snplp_training_plan_add_objective(NULL, plan, "plan-objective-1",
                                                "Renforcer la formation des travailleurs sociaux"));
    assert_ok(snplp_training_plan_add_outcome(NULL, plan, "plan-outcome-1",
                                              "Connaître les dispositifs de la stratégie"));

    snplp_theme *insertion, *aller_vers;
    assert_ok(snplp_referential_add_theme(&insertion, ref, "theme-insertion",
                                          "L'insertion socio-professionnelle"));
    assert_ok(snplp_theme_add_label(insertion, "insertion socioprofessionnelle"));
    assert_ok(snplp_theme_add_objective(NULL, insertion, "theme-insertion-objective-1",
                                        "Favoriser l'insertion des personnes accompagnées"));
    assert_ok(snplp_theme_add_outcome(NULL, insertion, "theme-insertion-outcome-1",
                                      "Connaître les acteurs de l'insertion"));
    assert_ok(snplp_theme_add_recommendation(NULL, insertion, "theme-insertion-rec-1",
                                             "Des interventions de praticiens"));
    assert_ok(snplp_referential_add_theme(&aller_vers, ref, "theme-aller-vers", "Aller vers"));

    snplp_module *fundamentals, *expert;
    assert_ok(snplp_theme_add_module(&fundamentals, insertion, "module-insertion-fundamentals",
                                     SNPLP_LEVEL_FUNDAMENTALS,
                                     "Les fondamentaux de l'insertion socio-professionnelle"));
    assert_ok(snplp_module_set_duration_days(fundamentals, 3));
    assert_ok(snplp_theme_add_module(&expert, insertion, "module-insertion-expert",
                                     SNPLP_LEVEL_EXPERT, "Module « expert »"));
    assert_ok(snplp_module_set_duration_days(expert, 5)); /* the maximum is allowed */
    assert_ok(snplp_module_add_prerequisite(expert, "module-insertion-fundamentals"));
    assert_ok(
        snplp_module_add_recommendation(NULL, expert, "expert-rec-1", "Des séances fractionnées"));

    snplp_competence *c;
    snplp_content *focus, *group;
    assert_ok(snplp_module_add_competence(&c, fundamentals, "fundamentals-c1",
                                          "Savoir identifier les acteurs"));
    assert_ok(snplp_competence_add_content(NULL, c, "fundamentals-c1-i1", SNPLP_STYLE_BULLET,
                                           "Cartographie des outils numériques mobilisables"));
    assert_ok(snplp_competence_add_content(&focus, c, "fundamentals-c1-i2", SNPLP_STYLE_HEADING,
                                           "Focus sur les dispositifs centraux"));
    assert_ok(snplp_content_add_child(&group, focus, "fundamentals-c1-i2-1", SNPLP_STYLE_NUMBERED,
                                      "Les dispositifs d'accompagnement"));
    assert_ok(snplp_content_add_child(NULL, group, "fundamentals-c1-i2-1-1", SNPLP_STYLE_BULLET,
                                      "La Garantie jeunes, le PACEA"));

    snplp_profession *p;
    assert_ok(snplp_referential_add_profession(&p, ref, "profession-ass", SNPLP_CATEGORY_WORKER,
                                               "assistants de service social"));
    assert_ok(snplp_profession_set_abbreviation(p, "ASS"));
    assert_ok(snplp_referential_add_profession(NULL, ref, "profession-chef", SNPLP_CATEGORY_CADRE,
                                               "chefs de services"));
    assert_ok(snplp_module_add_profession(fundamentals, "profession-ass"));
    assert_ok(snplp_module_add_profession(expert, "profession-chef"));

    assert_ok(snplp_referential_add_diploma_rule(NULL, ref, "diploma-level-6",
                                                 "titulaires d'un diplôme d'État de niveau II"));
    snplp_funding *f;
    assert_ok(snplp_referential_add_funding(&f, ref, "funding-training",
                                            "Un financement dédié aux formations"));
    assert_ok(snplp_funding_set_amount_cents(f, INT64_C(100000000)));
    snplp_plan *early;
    assert_ok(snplp_referential_add_plan(&early, ref, "plan-early-childhood",
                                         "plan « Ambition Enfance Égalité »"));
    assert_ok(snplp_plan_add_figure(NULL, early, "figure-early-childhood", 600000,
                                    "les 600 000 professionnels de la petite enfance"));
    assert_ok(snplp_plan_add_plan_theme(NULL, early, "early-days-language", "langage"));
    return ref;
}

/* ---- a valid referential ---- */

static void valid_referential_has_no_finding(void **state)
{
    (void)state;
    snplp_referential *ref = valid_referential();
    snplp_diagnostics *diags = new_diags();
    assert_ok(snplp_referential_validate(ref, diags));
    assert_int_equal(snplp_diagnostics_count(diags), 0);
    /* validation does not change the referential */
    assert_ok(snplp_referential_validate(ref, diags));
    assert_int_equal(snplp_diagnostics_count(diags), 0);
    snplp_diagnostics_free(diags);
    snplp_referential_unref(ref);
}

static void empty_referential_is_valid(void **state)
{
    (void)state;
    /* the strategy and the training plan have no title: it is optional for them */
    snplp_referential *ref = test_new_referential();
    assert_null(snplp_strategy_title(snplp_referential_strategy(ref)));
    assert_null(snplp_training_plan_title(snplp_referential_training_plan(ref)));
    assert_validation(ref, NULL, 0);
    /* even blank ones */
    assert_ok(snplp_strategy_set_title(snplp_referential_strategy(ref), ""));
    assert_ok(snplp_training_plan_set_title(snplp_referential_training_plan(ref), " \t"));
    assert_validation(ref, NULL, 0);
    snplp_referential_unref(ref);
}

/* ---- required titles and texts ---- */

/* The blank texts a required title or text must not have. */
static const char *const blanks[] = {
    "",
    " ",
    " \t\r\n ",
    "\xc2\xa0",                 /* U+00A0 no-break space */
    "\xe2\x80\x83\xe3\x80\x80", /* U+2003 em space, U+3000 ideographic space */
};
#define BLANK_COUNT (sizeof blanks / sizeof blanks[0])

/* Adds to ref an item whose required title or text is text (and whatever valid parents it
 * needs); returns the id of the item. */
typedef const char *(*add_item_fn)(snplp_referential *ref, const char *text);

static snplp_theme *a_theme(snplp_referential *ref)
{
    snplp_theme *theme;
    assert_ok(snplp_referential_add_theme(&theme, ref, "theme-1", "Un thème"));
    return theme;
}

static snplp_module *a_module(snplp_referential *ref)
{
    snplp_module *m;
    assert_ok(
        snplp_theme_add_module(&m, a_theme(ref), "module-1", SNPLP_LEVEL_FUNDAMENTALS, "Module"));
    return m;
}

static snplp_competence *a_competence(snplp_referential *ref)
{
    snplp_competence *c;
    assert_ok(snplp_module_add_competence(&c, a_module(ref), "competence-1", "Compétence"));
    return c;
}

static snplp_plan *a_plan(snplp_referential *ref)
{
    snplp_plan *p;
    assert_ok(snplp_referential_add_plan(&p, ref, "plan-1", "Un plan"));
    return p;
}

static const char *add_commitment(snplp_referential *ref, const char *text)
{
    assert_ok(snplp_referential_add_commitment(NULL, ref, "blank-commitment", text));
    return "blank-commitment";
}

static const char *add_lever(snplp_referential *ref, const char *text)
{
    assert_ok(snplp_referential_add_lever(NULL, ref, "blank-lever", text));
    return "blank-lever";
}

static const char *add_theme(snplp_referential *ref, const char *text)
{
    assert_ok(snplp_referential_add_theme(NULL, ref, "blank-theme", text));
    return "blank-theme";
}

static const char *add_module(snplp_referential *ref, const char *text)
{
    snplp_module *m;
    assert_ok(snplp_theme_add_module(&m, a_theme(ref), "blank-module", SNPLP_LEVEL_EXPERT, text));
    return "blank-module";
}

static const char *add_competence(snplp_referential *ref, const char *text)
{
    assert_ok(snplp_module_add_competence(NULL, a_module(ref), "blank-competence", text));
    return "blank-competence";
}

static const char *add_profession(snplp_referential *ref, const char *text)
{
    assert_ok(snplp_referential_add_profession(NULL, ref, "blank-profession", SNPLP_CATEGORY_WORKER,
                                               text));
    return "blank-profession";
}

static const char *add_funding(snplp_referential *ref, const char *text)
{
    assert_ok(snplp_referential_add_funding(NULL, ref, "blank-funding", text));
    return "blank-funding";
}

static const char *add_plan(snplp_referential *ref, const char *text)
{
    assert_ok(snplp_referential_add_plan(NULL, ref, "blank-plan", text));
    return "blank-plan";
}

static const char *add_plan_theme(snplp_referential *ref, const char *text)
{
    assert_ok(snplp_plan_add_plan_theme(NULL, a_plan(ref), "blank-plan-theme", text));
    return "blank-plan-theme";
}

static const char *add_content(snplp_referential *ref, const char *text)
{
    assert_ok(snplp_competence_add_content(NULL, a_competence(ref), "blank-content",
                                           SNPLP_STYLE_BULLET, text));
    return "blank-content";
}

static const char *add_nested_content(snplp_referential *ref, const char *text)
{
    snplp_content *parent;
    assert_ok(snplp_competence_add_content(&parent, a_competence(ref), "content-1",
                                           SNPLP_STYLE_HEADING, "Titre"));
    assert_ok(snplp_content_add_child(NULL, parent, "blank-content", SNPLP_STYLE_NUMBERED, text));
    return "blank-content";
}

static const char *add_plan_objective(snplp_referential *ref, const char *text)
{
    assert_ok(snplp_training_plan_add_objective(NULL, snplp_referential_training_plan(ref),
                                                "blank-objective", text));
    return "blank-objective";
}

static const char *add_theme_objective(snplp_referential *ref, const char *text)
{
    assert_ok(snplp_theme_add_objective(NULL, a_theme(ref), "blank-objective", text));
    return "blank-objective";
}

static const char *add_plan_outcome(snplp_referential *ref, const char *text)
{
    assert_ok(snplp_training_plan_add_outcome(NULL, snplp_referential_training_plan(ref),
                                              "blank-outcome", text));
    return "blank-outcome";
}

static const char *add_theme_outcome(snplp_referential *ref, const char *text)
{
    assert_ok(snplp_theme_add_outcome(NULL, a_theme(ref), "blank-outcome", text));
    return "blank-outcome";
}

static const char *add_theme_recommendation(snplp_referential *ref, const char *text)
{
    assert_ok(snplp_theme_add_recommendation(NULL, a_theme(ref), "blank-recommendation", text));
    return "blank-recommendation";
}

static const char *add_module_recommendation(snplp_referential *ref, const char *text)
{
    assert_ok(snplp_module_add_recommendation(NULL, a_module(ref), "blank-recommendation", text));
    return "blank-recommendation";
}

static const char *add_diploma_rule(snplp_referential *ref, const char *text)
{
    assert_ok(snplp_referential_add_diploma_rule(NULL, ref, "blank-diploma-rule", text));
    return "blank-diploma-rule";
}

static const char *add_figure(snplp_referential *ref, const char *text)
{
    assert_ok(snplp_plan_add_figure(NULL, a_plan(ref), "blank-figure", 42, text));
    return "blank-figure";
}

typedef struct blank_case {
    const char *kind; /* as the message names it */
    add_item_fn add;
} blank_case;

/* Each blank text alone, on each kind, gives exactly one finding of code. */
static void check_blank_cases(const blank_case *cases, size_t n, snplp_diag_code code)
{
    for (size_t i = 0; i < n; i++) {
        for (size_t b = 0; b < BLANK_COUNT; b++) {
            snplp_referential *ref = test_new_referential();
            const char *id = cases[i].add(ref, blanks[b]);
            const expected want = {id, code, cases[i].kind};
            assert_validation(ref, &want, 1);
            snplp_referential_unref(ref);
        }
        /* and the same item with a real text gives nothing */
        snplp_referential *ref = test_new_referential();
        cases[i].add(ref, " x ");
        assert_validation(ref, NULL, 0);
        snplp_referential_unref(ref);
    }
}

static void blank_title_of_each_kind(void **state)
{
    (void)state;
    static const blank_case cases[] = {
        {"commitment", add_commitment}, {"lever", add_lever},
        {"theme", add_theme},           {"module", add_module},
        {"competence", add_competence}, {"profession", add_profession},
        {"funding", add_funding},       {"plan", add_plan},
        {"plan-theme", add_plan_theme},
    };
    check_blank_cases(cases, sizeof cases / sizeof cases[0], SNPLP_DIAG_EMPTY_TITLE);
}

static void blank_text_of_each_kind(void **state)
{
    (void)state;
    static const blank_case cases[] = {
        {"content", add_content},
        {"content", add_nested_content},
        {"objective", add_plan_objective},
        {"objective", add_theme_objective},
        {"outcome", add_plan_outcome},
        {"outcome", add_theme_outcome},
        {"recommendation", add_theme_recommendation},
        {"recommendation", add_module_recommendation},
        {"diploma-rule", add_diploma_rule},
        {"figure", add_figure},
    };
    check_blank_cases(cases, sizeof cases / sizeof cases[0], SNPLP_DIAG_EMPTY_TEXT);
}

static void title_set_blank_later_is_found(void **state)
{
    (void)state;
    /* a title blanked by a setter after creation is found too */
    snplp_referential *ref = test_new_referential();
    snplp_commitment *c;
    assert_ok(snplp_referential_add_commitment(&c, ref, "commitment-1", "Un engagement"));
    assert_validation(ref, NULL, 0);
    assert_ok(snplp_commitment_set_title(c, "  "));
    const expected want = {"commitment-1", SNPLP_DIAG_EMPTY_TITLE, "commitment"};
    assert_validation(ref, &want, 1);
    assert_ok(snplp_commitment_set_title(c, "Un engagement"));
    assert_validation(ref, NULL, 0);
    snplp_referential_unref(ref);
}

/* ---- references of modules ---- */

static void module_without_its_theme(void **state)
{
    (void)state;
    snplp_referential *ref = test_new_referential();
    assert_ok(snplp_referential_add_module(NULL, ref, "theme-missing", "module-1",
                                           SNPLP_LEVEL_FUNDAMENTALS, "Module"));
    const expected want = {"module-1", SNPLP_DIAG_MISSING_PARENT, "'theme-missing'"};
    assert_validation(ref, &want, 1);
    /* adding the theme later fixes it */
    assert_ok(snplp_referential_add_theme(NULL, ref, "theme-missing", "Thème"));
    assert_validation(ref, NULL, 0);
    snplp_referential_unref(ref);
}

static void module_whose_theme_is_a_lever(void **state)
{
    (void)state;
    snplp_referential *ref = test_new_referential();
    assert_ok(snplp_referential_add_lever(NULL, ref, "lever-1", "Un levier"));
    snplp_module *m;
    /* an add refuses a theme id naming a lever (swapped ids, 1.3): the setter makes it */
    assert_ok(
        snplp_referential_add_module(&m, ref, "theme-1", "module-1", SNPLP_LEVEL_EXPERT, "Module"));
    assert_ok(snplp_module_set_theme_id(m, "lever-1"));
    const expected want = {"module-1", SNPLP_DIAG_REFERENCE_KIND, "'lever-1'"};
    assert_validation(ref, &want, 1);
    assert_ok(snplp_referential_add_theme(NULL, ref, "theme-1", "Thème"));
    assert_ok(snplp_module_set_theme_id(m, "theme-1"));
    assert_validation(ref, NULL, 0);
    snplp_referential_unref(ref);
}

static void dangling_prerequisite_and_profession(void **state)
{
    (void)state;
    snplp_referential *ref = test_new_referential();
    snplp_module *m;
    assert_ok(snplp_theme_add_module(&m, a_theme(ref), "module-1", SNPLP_LEVEL_EXPERT, "Module"));
    assert_ok(snplp_module_add_prerequisite(m, "module-nowhere"));
    {
        const expected want = {"module-1", SNPLP_DIAG_DANGLING_REFERENCE, "'module-nowhere'"};
        assert_validation(ref, &want, 1);
    }
    assert_ok(snplp_module_remove_prerequisite(m, "module-nowhere"));
    assert_ok(snplp_module_add_profession(m, "profession-nowhere"));
    {
        const expected want = {"module-1", SNPLP_DIAG_DANGLING_REFERENCE, "'profession-nowhere'"};
        assert_validation(ref, &want, 1);
    }
    /* the profession added later fixes it */
    assert_ok(snplp_referential_add_profession(NULL, ref, "profession-nowhere",
                                               SNPLP_CATEGORY_CADRE, "chefs de service"));
    assert_validation(ref, NULL, 0);
    snplp_referential_unref(ref);
}

static void references_to_the_wrong_kind(void **state)
{
    (void)state;
    snplp_referential *ref = test_new_referential();
    snplp_module *m;
    assert_ok(snplp_theme_add_module(&m, a_theme(ref), "module-1", SNPLP_LEVEL_EXPERT, "Module"));
    /* a prerequisite naming a theme */
    assert_ok(snplp_module_add_prerequisite(m, "theme-1"));
    {
        const expected want = {"module-1", SNPLP_DIAG_REFERENCE_KIND, "'theme-1'"};
        assert_validation(ref, &want, 1);
    }
    assert_ok(snplp_module_remove_prerequisite(m, "theme-1"));
    /* a profession link naming a module */
    assert_ok(snplp_referential_add_module(NULL, ref, "theme-1", "module-2",
                                           SNPLP_LEVEL_FUNDAMENTALS, "Autre module"));
    assert_ok(snplp_module_add_profession(m, "module-2"));
    {
        const expected want = {"module-1", SNPLP_DIAG_REFERENCE_KIND, "'module-2'"};
        assert_validation(ref, &want, 1);
    }
    assert_ok(snplp_module_remove_profession(m, "module-2"));
    assert_validation(ref, NULL, 0);
    snplp_referential_unref(ref);
}

/* ---- prerequisite cycles ---- */

/* A referential with a theme and the modules named in ids (NULL-terminated). */
static snplp_referential *modules_referential(const char *const *ids)
{
    snplp_referential *ref = test_new_referential();
    snplp_theme *theme = a_theme(ref);
    for (size_t i = 0; ids[i]; i++)
        assert_ok(snplp_theme_add_module(NULL, theme, ids[i], SNPLP_LEVEL_EXPERT, ids[i]));
    return ref;
}

static void require(snplp_referential *ref, const char *module, const char *prerequisite)
{
    assert_ok(
        snplp_module_add_prerequisite(snplp_referential_module_find(ref, module), prerequisite));
}

static void self_prerequisite(void **state)
{
    (void)state;
    static const char *const ids[] = {"a", NULL};
    snplp_referential *ref = modules_referential(ids);
    require(ref, "a", "a");
    const expected want = {"a", SNPLP_DIAG_PREREQUISITE_CYCLE, ": a -> a"};
    assert_validation(ref, &want, 1);
    snplp_referential_unref(ref);
}

static void cycle_of_two(void **state)
{
    (void)state;
    static const char *const ids[] = {"a", "b", NULL};
    snplp_referential *ref = modules_referential(ids);
    require(ref, "a", "b");
    assert_validation(ref, NULL, 0);
    require(ref, "b", "a");
    const expected want = {"a", SNPLP_DIAG_PREREQUISITE_CYCLE, "a -> b -> a"};
    assert_validation(ref, &want, 1);
    snplp_referential_unref(ref);
}

static void cycle_of_three(void **state)
{
    (void)state;
    static const char *const ids[] = {"a", "b", "c", NULL};
    snplp_referential *ref = modules_referential(ids);
    require(ref, "a", "b");
    require(ref, "b", "c");
    require(ref, "c", "a");
    const expected want = {"a", SNPLP_DIAG_PREREQUISITE_CYCLE, "a -> b -> c -> a"};
    assert_validation(ref, &want, 1);
    /* removing one link breaks it */
    assert_ok(snplp_module_remove_prerequisite(snplp_referential_module_find(ref, "b"), "c"));
    assert_validation(ref, NULL, 0);
    snplp_referential_unref(ref);
}

static void two_independent_cycles(void **state)
{
    (void)state;
    static const char *const ids[] = {"a", "b", "c", "d", "e", NULL};
    snplp_referential *ref = modules_referential(ids);
    require(ref, "a", "b");
    require(ref, "b", "a");
    require(ref, "c", "d");
    require(ref, "d", "e");
    require(ref, "e", "c");
    const expected want[] = {
        {"a", SNPLP_DIAG_PREREQUISITE_CYCLE, "a -> b -> a"},
        {"c", SNPLP_DIAG_PREREQUISITE_CYCLE, "c -> d -> e -> c"},
    };
    assert_validation(ref, want, 2);
    snplp_referential_unref(ref);
}

static void diamond_is_no_cycle(void **state)
{
    (void)state;
    /* a requires b and c, both require d, which requires e: d is reached twice */
    static const char *const ids[] = {"a", "b", "c", "d", "e", NULL};
    snplp_referential *ref = modules_referential(ids);
    require(ref, "a", "b");
    require(ref, "a", "c");
    require(ref, "b", "d");
    require(ref, "c", "d");
    require(ref, "d", "e");
    assert_validation(ref, NULL, 0);
    /* the walk may start anywhere: the same diamond seen from the bottom */
    static const char *const ids2[] = {"e", "d", "c", "b", "a", NULL};
    snplp_referential *ref2 = modules_referential(ids2);
    require(ref2, "a", "b");
    require(ref2, "a", "c");
    require(ref2, "b", "d");
    require(ref2, "c", "d");
    require(ref2, "d", "e");
    assert_validation(ref2, NULL, 0);
    snplp_referential_unref(ref2);
    snplp_referential_unref(ref);
}

static void cycle_through_a_dangling_reference_is_no_cycle(void **state)
{
    (void)state;
    static const char *const ids[] = {"a", "b", NULL};
    snplp_referential *ref = modules_referential(ids);
    require(ref, "a", "b");
    require(ref, "b", "missing");
    require(ref, "b", "theme-1");
    const expected want[] = {
        {"b", SNPLP_DIAG_DANGLING_REFERENCE, "'missing'"},
        {"b", SNPLP_DIAG_REFERENCE_KIND, "'theme-1'"},
    };
    assert_validation(ref, want, 2);
    snplp_referential_unref(ref);
}

static void cycle_entered_from_outside(void **state)
{
    (void)state;
    /* x and y lead into the cycle a -> b -> c -> a without being part of it */
    static const char *const ids[] = {"x", "a", "y", "b", "c", NULL};
    snplp_referential *ref = modules_referential(ids);
    require(ref, "x", "y");
    require(ref, "y", "b");
    require(ref, "b", "c");
    require(ref, "c", "a");
    require(ref, "a", "b");
    const expected want = {"b", SNPLP_DIAG_PREREQUISITE_CYCLE, ": b -> c -> a -> b;"};
    assert_validation(ref, &want, 1);
    snplp_referential_unref(ref);
}

static void cycles_sharing_a_module(void **state)
{
    (void)state;
    /* a figure eight: a <-> b and b <-> c, two cycles the walk closes */
    static const char *const ids[] = {"a", "b", "c", NULL};
    snplp_referential *ref = modules_referential(ids);
    require(ref, "a", "b");
    require(ref, "b", "a");
    require(ref, "b", "c");
    require(ref, "c", "b");
    const expected want[] = {
        {"a", SNPLP_DIAG_PREREQUISITE_CYCLE, ": a -> b -> a;"},
        {"b", SNPLP_DIAG_PREREQUISITE_CYCLE, ": b -> c -> b;"},
    };
    assert_validation(ref, want, 2);
    snplp_referential_unref(ref);
}

/* ---- messages longer than any fixed buffer ---- */

static void long_id(char *buf, char first)
{
    memset(buf, first, SNPLP_ID_MAX);
    buf[SNPLP_ID_MAX] = '\0';
}

typedef struct long_ctx {
    snplp_referential *ref;
    expected want[3];
} long_ctx;

static int long_validate(void *p)
{
    long_ctx *ctx = p;
    snplp_diagnostics *diags = NULL;
    int rc = snplp_diagnostics_new(&diags);
    if (rc)
        return rc;
    rc = snplp_referential_validate(ctx->ref, diags);
    if (rc == SNPLP_EVALIDATION) {
        assert_findings(diags, ctx->want, 3);
        rc = SNPLP_OK;
    }
    snplp_diagnostics_free(diags);
    return rc;
}

static void long_ids_in_messages(void **state)
{
    (void)state;
    /* ids of the greatest length: the messages are longer than 512 bytes and whole */
    static char module[SNPLP_ID_MAX + 1], theme[SNPLP_ID_MAX + 1], missing[SNPLP_ID_MAX + 1],
        quoted_theme[SNPLP_ID_MAX + 3], quoted_missing[SNPLP_ID_MAX + 3];
    long_id(module, 'm');
    long_id(theme, 't');
    long_id(missing, 'p');
    snprintf(quoted_theme, sizeof quoted_theme, "'%s'", theme);
    snprintf(quoted_missing, sizeof quoted_missing, "'%s'", missing);
    long_ctx ctx = {test_new_referential(),
                    {{module, SNPLP_DIAG_MISSING_PARENT, quoted_theme},
                     {module, SNPLP_DIAG_DANGLING_REFERENCE, quoted_missing},
                     {module, SNPLP_DIAG_PREREQUISITE_CYCLE, NULL}}};
    snplp_module *m;
    assert_ok(snplp_referential_add_module(&m, ctx.ref, theme, module, SNPLP_LEVEL_EXPERT, "M"));
    assert_ok(snplp_module_add_prerequisite(m, missing));
    assert_ok(snplp_module_add_prerequisite(m, module));
    assert_int_equal(long_validate(&ctx), SNPLP_OK);
    /* the path of the cycle is the module twice */
    snplp_diagnostics *diags = new_diags();
    assert_status(snplp_referential_validate(ctx.ref, diags), SNPLP_EVALIDATION);
    const char *msg = snplp_diagnostic_message(snplp_diagnostics_at(diags, 2));
    char path[2 * SNPLP_ID_MAX + 8];
    snprintf(path, sizeof path, "%s -> %s", module, module);
    assert_non_null(strstr(msg, path));
    assert_true(strlen(snplp_diagnostic_message(snplp_diagnostics_at(diags, 0))) > 512);
    snplp_diagnostics_free(diags);
    /* and out of memory on the way to them */
    assert_true(test_oom_sweep(long_validate, NULL, &ctx) > 3);
    snplp_referential_unref(ctx.ref);
}

/* ---- duration ---- */

static void duration_over_the_maximum(void **state)
{
    (void)state;
    snplp_referential *ref = test_new_referential();
    snplp_training_plan *plan = snplp_referential_training_plan(ref);
    snplp_module *m;
    assert_ok(snplp_theme_add_module(&m, a_theme(ref), "module-1", SNPLP_LEVEL_EXPERT, "Module"));
    assert_ok(snplp_module_set_duration_days(m, 12));
    /* no maximum: any duration */
    assert_validation(ref, NULL, 0);
    assert_ok(snplp_training_plan_set_max_module_days(plan, 5));
    {
        const expected want = {"module-1", SNPLP_DIAG_DURATION_OVER_MAX, NULL};
        assert_validation(ref, &want, 1);
    }
    assert_ok(snplp_module_set_duration_days(m, 5.5));
    {
        const expected want = {"module-1", SNPLP_DIAG_DURATION_OVER_MAX, NULL};
        assert_validation(ref, &want, 1);
    }
    /* equal to the maximum is fine, and so is below */
    assert_ok(snplp_module_set_duration_days(m, 5));
    assert_validation(ref, NULL, 0);
    assert_ok(snplp_module_set_duration_days(m, 0.5));
    assert_validation(ref, NULL, 0);
    /* a module without duration is fine */
    assert_ok(snplp_module_set_duration_days(m, 6));
    assert_ok(snplp_module_clear_duration(m));
    assert_validation(ref, NULL, 0);
    /* removing the rule */
    assert_ok(snplp_module_set_duration_days(m, 6));
    assert_ok(snplp_training_plan_clear_max_module_days(plan));
    assert_validation(ref, NULL, 0);
    snplp_referential_unref(ref);
}

/* ---- every problem in one pass ---- */

/*
 * One problem of each kind, added in an order far from document order (plans first, the
 * training plan's objective last...), so the findings must be sorted by the walk, not by
 * insertion.
 */
static snplp_referential *broken_referential(void)
{
    snplp_referential *ref = test_new_referential();
    snplp_training_plan *tp = snplp_referential_training_plan(ref);
    assert_ok(snplp_training_plan_set_max_module_days(tp, 5));

    snplp_plan *plan;
    assert_ok(snplp_referential_add_plan(&plan, ref, "plan-blank", ""));
    assert_ok(snplp_plan_add_figure(NULL, plan, "figure-blank", 1, " "));
    assert_ok(snplp_plan_add_plan_theme(NULL, plan, "plan-theme-blank", "\t"));
    assert_ok(snplp_referential_add_funding(NULL, ref, "funding-blank", ""));
    assert_ok(snplp_referential_add_diploma_rule(NULL, ref, "diploma-blank", ""));
    assert_ok(snplp_referential_add_profession(NULL, ref, "profession-blank", SNPLP_CATEGORY_WORKER,
                                               " "));

    /* modules before their themes exist */
    snplp_module *refs, *orphan, *lever_child, *cyc_a, *cyc_b;
    assert_ok(snplp_referential_add_module(&refs, ref, "theme-ok", "module-refs",
                                           SNPLP_LEVEL_EXPERT, ""));
    assert_ok(snplp_module_add_prerequisite(refs, "module-nowhere"));
    assert_ok(snplp_module_add_prerequisite(refs, "theme-ok"));
    assert_ok(snplp_module_add_profession(refs, "profession-nowhere"));
    assert_ok(snplp_module_add_profession(refs, "module-orphan"));
    assert_ok(snplp_module_set_duration_days(refs, 6));
    assert_ok(snplp_referential_add_module(&orphan, ref, "theme-missing", "module-orphan",
                                           SNPLP_LEVEL_FUNDAMENTALS, "Orphelin"));
    assert_ok(snplp_referential_add_module(&lever_child, ref, "lever-blank", "module-lever",
                                           SNPLP_LEVEL_FUNDAMENTALS, "Sous un levier"));
    assert_ok(snplp_referential_add_module(&cyc_a, ref, "theme-ok", "module-cycle-a",
                                           SNPLP_LEVEL_EXPERT, "A"));
    assert_ok(snplp_referential_add_module(&cyc_b, ref, "theme-ok", "module-cycle-b",
                                           SNPLP_LEVEL_EXPERT, "B"));
    assert_ok(snplp_module_add_prerequisite(cyc_a, "module-cycle-b"));
    assert_ok(snplp_module_add_prerequisite(cyc_b, "module-cycle-a"));
    /* the module's recommendation before its competence: competences come first in the walk */
    assert_ok(snplp_module_add_recommendation(NULL, refs, "module-recommendation-blank", ""));
    snplp_competence *comp;
    snplp_content *content;
    assert_ok(snplp_module_add_competence(&comp, refs, "competence-blank", ""));
    assert_ok(
        snplp_competence_add_content(&content, comp, "content-blank", SNPLP_STYLE_HEADING, ""));
    assert_ok(
        snplp_content_add_child(NULL, content, "content-child-blank", SNPLP_STYLE_BULLET, "\n"));

    snplp_theme *blank, *ok;
    assert_ok(snplp_referential_add_theme(&blank, ref, "theme-blank", ""));
    assert_ok(snplp_referential_add_theme(&ok, ref, "theme-ok", "Thème"));
    assert_ok(snplp_theme_add_recommendation(NULL, blank, "theme-recommendation-blank", ""));
    assert_ok(snplp_theme_add_outcome(NULL, blank, "theme-outcome-blank", ""));
    assert_ok(snplp_theme_add_objective(NULL, blank, "theme-objective-blank", ""));

    assert_ok(snplp_referential_add_lever(NULL, ref, "lever-blank", " "));
    assert_ok(snplp_referential_add_commitment(NULL, ref, "commitment-blank", ""));
    assert_ok(snplp_training_plan_add_outcome(NULL, tp, "plan-outcome-blank", ""));
    assert_ok(snplp_training_plan_add_objective(NULL, tp, "plan-objective-blank", ""));
    return ref;
}

/* The findings on broken_referential(), in document order, cycles last. */
static const expected broken_findings[] = {
    {"commitment-blank", SNPLP_DIAG_EMPTY_TITLE, "commitment"},
    {"lever-blank", SNPLP_DIAG_EMPTY_TITLE, "lever"},
    {"plan-objective-blank", SNPLP_DIAG_EMPTY_TEXT, "objective"},
    {"plan-outcome-blank", SNPLP_DIAG_EMPTY_TEXT, "outcome"},
    {"theme-blank", SNPLP_DIAG_EMPTY_TITLE, "theme"},
    {"theme-objective-blank", SNPLP_DIAG_EMPTY_TEXT, "objective"},
    {"theme-outcome-blank", SNPLP_DIAG_EMPTY_TEXT, "outcome"},
    {"theme-recommendation-blank", SNPLP_DIAG_EMPTY_TEXT, "recommendation"},
    {"module-refs", SNPLP_DIAG_EMPTY_TITLE, "module"},
    {"module-refs", SNPLP_DIAG_DANGLING_REFERENCE, "'module-nowhere'"},
    {"module-refs", SNPLP_DIAG_REFERENCE_KIND, "'theme-ok'"},
    {"module-refs", SNPLP_DIAG_DANGLING_REFERENCE, "'profession-nowhere'"},
    {"module-refs", SNPLP_DIAG_REFERENCE_KIND, "'module-orphan'"},
    {"module-refs", SNPLP_DIAG_DURATION_OVER_MAX, NULL},
    {"competence-blank", SNPLP_DIAG_EMPTY_TITLE, "competence"},
    {"content-blank", SNPLP_DIAG_EMPTY_TEXT, "content"},
    {"content-child-blank", SNPLP_DIAG_EMPTY_TEXT, "content"},
    {"module-recommendation-blank", SNPLP_DIAG_EMPTY_TEXT, "recommendation"},
    {"module-orphan", SNPLP_DIAG_MISSING_PARENT, "'theme-missing'"},
    {"module-lever", SNPLP_DIAG_REFERENCE_KIND, "'lever-blank'"},
    {"profession-blank", SNPLP_DIAG_EMPTY_TITLE, "profession"},
    {"diploma-blank", SNPLP_DIAG_EMPTY_TEXT, "diploma-rule"},
    {"funding-blank", SNPLP_DIAG_EMPTY_TITLE, "funding"},
    {"plan-blank", SNPLP_DIAG_EMPTY_TITLE, "plan"},
    {"plan-theme-blank", SNPLP_DIAG_EMPTY_TITLE, "plan-theme"},
    {"figure-blank", SNPLP_DIAG_EMPTY_TEXT, "figure"},
    {"module-cycle-a", SNPLP_DIAG_PREREQUISITE_CYCLE,
     "module-cycle-a -> module-cycle-b -> "
     "module-cycle-a"},
};
#define BROKEN_COUNT (sizeof broken_findings / sizeof broken_findings[0])

/* Fixes every problem of broken_referential(). */
static void fix_broken(snplp_referential *ref)
{
    assert_ok(snplp_plan_set_title(snplp_referential_plan_find(ref, "plan-blank"), "Plan"));
    assert_ok(snplp_figure_set_text(snplp_referential_figure_find(ref, "figure-blank"), "Un"));
    assert_ok(snplp_plan_theme_set_title(snplp_referential_plan_theme_find(ref, "plan-theme-blank"),
                                         "langage"));
    assert_ok(snplp_funding_set_title(snplp_referential_funding_find(ref, "funding-blank"), "F"));
    assert_ok(snplp_diploma_rule_set_text(snplp_referential_diploma_rule_find(ref, "diploma-blank"),
                                          "niveau 6"));
    assert_ok(snplp_profession_set_title(snplp_referential_profession_find(ref, "profession-blank"),
                                         "éducateurs"));
    snplp_module *refs = snplp_referential_module_find(ref, "module-refs");
    assert_ok(snplp_module_set_title(refs, "Références"));
    assert_ok(snplp_module_remove_prerequisite(refs, "module-nowhere"));
    assert_ok(snplp_module_remove_prerequisite(refs, "theme-ok"));
    assert_ok(snplp_module_remove_profession(refs, "profession-nowhere"));
    assert_ok(snplp_module_remove_profession(refs, "module-orphan"));
    assert_ok(snplp_module_set_duration_days(refs, 5));
    assert_ok(
        snplp_module_set_theme_id(snplp_referential_module_find(ref, "module-orphan"), "theme-ok"));
    assert_ok(snplp_module_set_theme_id(snplp_referential_module_find(ref, "module-lever"),
                                        "theme-blank"));
    assert_ok(snplp_module_remove_prerequisite(snplp_referential_module_find(ref, "module-cycle-b"),
                                               "module-cycle-a"));
    assert_ok(snplp_recommendation_set_text(
        snplp_referential_recommendation_find(ref, "module-recommendation-blank"), "R"));
    assert_ok(snplp_competence_set_title(snplp_referential_competence_find(ref, "competence-blank"),
                                         "C"));
    assert_ok(snplp_content_set_text(snplp_referential_content_find(ref, "content-blank"), "T"));
    assert_ok(
        snplp_content_set_text(snplp_referential_content_find(ref, "content-child-blank"), "T"));
    assert_ok(snplp_theme_set_title(snplp_referential_theme_find(ref, "theme-blank"), "Thème"));
    assert_ok(snplp_recommendation_set_text(
        snplp_referential_recommendation_find(ref, "theme-recommendation-blank"), "R"));
    assert_ok(
        snplp_outcome_set_text(snplp_referential_outcome_find(ref, "theme-outcome-blank"), "O"));
    assert_ok(snplp_objective_set_text(
        snplp_referential_objective_find(ref, "theme-objective-blank"), "O"));
    assert_ok(snplp_lever_set_title(snplp_referential_lever_find(ref, "lever-blank"), "Levier"));
    assert_ok(snplp_commitment_set_title(snplp_referential_commitment_find(ref, "commitment-blank"),
                                         "Engagement"));
    assert_ok(
        snplp_outcome_set_text(snplp_referential_outcome_find(ref, "plan-outcome-blank"), "O"));
    assert_ok(snplp_objective_set_text(
        snplp_referential_objective_find(ref, "plan-objective-blank"), "O"));
}

static void all_problems_in_one_pass(void **state)
{
    (void)state;
    snplp_referential *ref = broken_referential();
    snplp_diagnostics *diags = new_diags();
    /* a finding already in the list stays: the list is appended to */
    assert_ok(snplp_diagnostics_add(diags, SNPLP_SEVERITY_WARNING, SNPLP_DIAG_NONE, 3, 4, NULL,
                                    "an earlier finding"));
    assert_status(snplp_referential_validate(ref, diags), SNPLP_EVALIDATION);
    assert_int_equal(snplp_error_last_code(), SNPLP_EVALIDATION);
    const snplp_diagnostic *first = snplp_diagnostics_at(diags, 0);
    assert_string_equal(snplp_diagnostic_message(first), "an earlier finding");
    assert_int_equal(snplp_diagnostic_severity(first), SNPLP_SEVERITY_WARNING);
    assert_int_equal(snplp_diagnostic_line(first), 3);
    assert_findings_from(diags, 1, broken_findings, BROKEN_COUNT);
    assert_int_equal(snplp_diagnostics_count_severity(diags, SNPLP_SEVERITY_ERROR), BROKEN_COUNT);

    /* a second pass into the same list appends the same findings again */
    assert_status(snplp_referential_validate(ref, diags), SNPLP_EVALIDATION);
    assert_findings_from(diags, 1 + BROKEN_COUNT, broken_findings, BROKEN_COUNT);
    for (size_t i = 0; i < BROKEN_COUNT; i++)
        assert_string_equal(
            snplp_diagnostic_message(snplp_diagnostics_at(diags, 1 + i)),
            snplp_diagnostic_message(snplp_diagnostics_at(diags, 1 + BROKEN_COUNT + i)));

    /* fixed, it validates */
    fix_broken(ref);
    snplp_diagnostics_clear(diags);
    assert_ok(snplp_referential_validate(ref, diags));
    assert_int_equal(snplp_diagnostics_count(diags), 0);
    snplp_diagnostics_free(diags);
    snplp_referential_unref(ref);
}

static void code_names(void **state)
{
    (void)state;
    /* the stable names the findings are documented under (docs/diagnostics.md) */
    assert_string_equal(snplp_diag_code_name(SNPLP_DIAG_EMPTY_TITLE), "empty-title");
    assert_string_equal(snplp_diag_code_name(SNPLP_DIAG_EMPTY_TEXT), "empty-text");
    assert_string_equal(snplp_diag_code_name(SNPLP_DIAG_MISSING_PARENT), "missing-parent");
    assert_string_equal(snplp_diag_code_name(SNPLP_DIAG_DANGLING_REFERENCE), "dangling-reference");
    assert_string_equal(snplp_diag_code_name(SNPLP_DIAG_REFERENCE_KIND), "reference-kind");
    assert_string_equal(snplp_diag_code_name(SNPLP_DIAG_PREREQUISITE_CYCLE), "prerequisite-cycle");
    assert_string_equal(snplp_diag_code_name(SNPLP_DIAG_DURATION_OVER_MAX), "duration-over-max");
    assert_int_equal(SNPLP_DIAG_EMPTY_TITLE, 101);
    assert_int_equal(SNPLP_DIAG_DURATION_OVER_MAX, 107);
}

/* ---- errors ---- */

static void null_arguments(void **state)
{
    (void)state;
    snplp_referential *ref = broken_referential();
    snplp_diagnostics *diags = new_diags();
    assert_status(snplp_referential_validate(NULL, diags), SNPLP_EINVAL);
    assert_int_equal(snplp_error_last_code(), SNPLP_EINVAL);
    assert_true(strlen(snplp_error_last_message()) > 0);
    assert_int_equal(snplp_diagnostics_count(diags), 0);
    assert_status(snplp_referential_validate(ref, NULL), SNPLP_EINVAL);
    assert_status(snplp_referential_validate(NULL, NULL), SNPLP_EINVAL);
    snplp_diagnostics_free(diags);
    snplp_referential_unref(ref);
}

typedef struct oom_ctx {
    snplp_referential *ref;
    size_t items;
    int passes;
} oom_ctx;

/* One validation into a list of its own; EVALIDATION (the complete findings) counts as the
 * success of the sweep. On ENOMEM the findings added so far are a prefix of the complete
 * ones. */
static int oom_validate(void *p)
{
    oom_ctx *ctx = p;
    ctx->passes++;
    snplp_diagnostics *diags = NULL;
    int rc = snplp_diagnostics_new(&diags);
    if (rc)
        return rc;
    rc = snplp_referential_validate(ctx->ref, diags);
    size_t n = snplp_diagnostics_count(diags);
    if (rc == SNPLP_EVALIDATION) {
        assert_int_equal(n, BROKEN_COUNT);
        rc = SNPLP_OK;
    } else {
        assert_int_equal(rc, SNPLP_ENOMEM);
        assert_true(n < BROKEN_COUNT);
    }
    assert_findings(diags, broken_findings, n);
    snplp_diagnostics_free(diags);
    return rc;
}

static void oom_check(void *p)
{
    oom_ctx *ctx = p;
    assert_int_equal(snplp_referential_item_count(ctx->ref), ctx->items);
}

static void out_of_memory(void **state)
{
    (void)state;
    oom_ctx ctx = {broken_referential(), 0, 0};
    ctx.items = snplp_referential_item_count(ctx.ref);
    int failures = test_oom_sweep(oom_validate, oom_check, &ctx);
    /* a list, its findings and the walk's arrays: many allocations */
    assert_true(failures > (int)BROKEN_COUNT);
    assert_int_equal(ctx.passes, failures + 1);
    /* afterwards validation works as before */
    snplp_diagnostics *diags = new_diags();
    assert_status(snplp_referential_validate(ctx.ref, diags), SNPLP_EVALIDATION);
    assert_findings(diags, broken_findings, BROKEN_COUNT);
    snplp_diagnostics_free(diags);
    snplp_referential_unref(ctx.ref);
}

/* ---- scale ---- */

#define CHAIN 200000

static void long_prerequisite_chain(void **state)
{
    (void)state;
    snplp_referential *ref = test_new_referential();
    snplp_theme *theme = a_theme(ref);
    char id[32], prev[32];
    snplp_module *first = NULL;
    for (int i = 0; i < CHAIN; i++) {
        snplp_module *m;
        snprintf(id, sizeof id, "m%06d", i);
        assert_ok(snplp_theme_add_module(&m, theme, id, SNPLP_LEVEL_EXPERT, "Module"));
        if (i == 0)
            first = m;
        else
            assert_ok(snplp_module_add_prerequisite(m, prev));
        memcpy(prev, id, sizeof id);
    }
    /* the first requires the last: m000000 -> m199999 -> ... -> m000001, a chain that the
     * walk follows to its end from the first module; no finding, however deep the walk */
    assert_ok(snplp_module_add_prerequisite(first, prev));
    snplp_module *second = snplp_referential_module_find(ref, "m000001");
    assert_ok(snplp_module_remove_prerequisite(second, "m000000"));
    assert_validation(ref, NULL, 0);

    /* closed into one cycle of every module */
    assert_ok(snplp_module_add_prerequisite(second, "m000000"));
    snplp_diagnostics *diags = new_diags();
    assert_status(snplp_referential_validate(ref, diags), SNPLP_EVALIDATION);
    assert_int_equal(snplp_diagnostics_count(diags), 1);
    const snplp_diagnostic *d = snplp_diagnostics_at(diags, 0);
    assert_int_equal(snplp_diagnostic_code(d), SNPLP_DIAG_PREREQUISITE_CYCLE);
    assert_string_equal(snplp_diagnostic_item_id(d), "m000000");
    const char *msg = snplp_diagnostic_message(d);
    /* m0 requires the last one, which requires the one before... back to m1, which requires
     * m0: every module once, and m0 again at the end */
    assert_non_null(strstr(msg, ": m000000 -> m199999 -> m199998 -> "));
    assert_non_null(strstr(msg, " -> m100000 -> m099999 -> "));
    assert_non_null(strstr(msg, " -> m000002 -> m000001 -> m000000"));
    assert_true(strlen(msg) > (size_t)CHAIN * 11);
    snplp_diagnostics_free(diags);
    snplp_referential_unref(ref);
}

/* ---- threads ---- */

#define THREADS 8

typedef struct thread_job {
    const snplp_referential *ref;
    snplp_diagnostics *diags;
    int rc;
} thread_job;

static void *validate_in_thread(void *p)
{
    thread_job *job = p;
    for (int round = 0; round < 20; round++) {
        snplp_diagnostics_clear(job->diags);
        job->rc = snplp_referential_validate(job->ref, job->diags);
    }
    return NULL;
}

static void validation_from_threads(void **state)
{
    (void)state;
    snplp_referential *ref = broken_referential();
    thread_job jobs[THREADS];
    for (int i = 0; i < THREADS; i++)
        jobs[i] = (thread_job){ref, new_diags(), 1};
    run_threads(THREADS, validate_in_thread, jobs, sizeof jobs[0], NULL);

    snplp_diagnostics *alone = new_diags();
    assert_status(snplp_referential_validate(ref, alone), SNPLP_EVALIDATION);
    assert_findings(alone, broken_findings, BROKEN_COUNT);
    for (int i = 0; i < THREADS; i++) {
        assert_status(jobs[i].rc, SNPLP_EVALIDATION);
        assert_int_equal(snplp_diagnostics_count(jobs[i].diags), BROKEN_COUNT);
        for (size_t k = 0; k < BROKEN_COUNT; k++) {
            const snplp_diagnostic *a = snplp_diagnostics_at(alone, k);
            const snplp_diagnostic *b = snplp_diagnostics_at(jobs[i].diags, k);
            assert_int_equal(snplp_diagnostic_code(b), snplp_diagnostic_code(a));
            assert_int_equal(snplp_diagnostic_severity(b), snplp_diagnostic_severity(a));
            assert_string_equal(snplp_diagnostic_item_id(b), snplp_diagnostic_item_id(a));
            assert_string_equal(snplp_diagnostic_message(b), snplp_diagnostic_message(a));
        }
        snplp_diagnostics_free(jobs[i].diags);
    }
    snplp_diagnostics_free(alone);
    snplp_referential_unref(ref);
}

/* ---- the findings in French ---- */

#define NBSP  "\xc2\xa0"     /* U+00A0 */
#define NNBSP "\xe2\x80\xaf" /* U+202F */

/* The first finding of code in diags. */
static const snplp_diagnostic *finding_of(const snplp_diagnostics *diags, snplp_diag_code code)
{
    for (size_t i = 0; i < snplp_diagnostics_count(diags); i++)
        if (snplp_diagnostic_code(snplp_diagnostics_at(diags, i)) == code)
            return snplp_diagnostics_at(diags, i);
    print_error("no finding %s\n", snplp_diag_code_name(code));
    fail();
    return NULL;
}

static void assert_has_text(const char *s, const char *part)
{
    if (!strstr(s, part))
        print_error("\"%s\" lacks \"%s\"\n", s, part);
    assert_non_null(strstr(s, part));
}

/* In a list set to French, the findings read as French (« » and no-break spaces, a decimal
 * comma, the kind in words), with their message ids and typed parameters; English on demand. */
static void findings_in_french(void **state)
{
    (void)state;
    snplp_referential *ref = test_new_referential();
    assert_ok(snplp_training_plan_set_max_module_days(snplp_referential_training_plan(ref), 5));
    assert_ok(snplp_referential_add_lever(NULL, ref, "lever-1", " "));
    snplp_module *m;
    assert_ok(snplp_theme_add_module(&m, a_theme(ref), "module-1", SNPLP_LEVEL_EXPERT, "Module"));
    assert_ok(snplp_module_set_duration_days(m, 6.5));
    assert_ok(snplp_module_add_prerequisite(m, "theme-1"));
    assert_ok(snplp_module_add_prerequisite(m, "module-1"));
    snplp_diagnostics *diags = new_diags();
    assert_ok(snplp_diagnostics_set_language(diags, SNPLP_LANGUAGE_FR));
    assert_status(snplp_referential_validate(ref, diags), SNPLP_EVALIDATION);
    assert_int_equal(snplp_diagnostics_count(diags), 4);

    const snplp_diagnostic *g = finding_of(diags, SNPLP_DIAG_EMPTY_TITLE);
    assert_string_equal(snplp_diagnostic_message_id(g), "empty-title/title");
    assert_string_equal(snplp_diagnostic_param(g, "kind"), "lever");
    assert_string_equal(snplp_diagnostic_param(g, "item"), "lever-1");
    assert_string_equal(snplp_diagnostic_message(g),
                        "le titre du levier \xc2\xab" NBSP "lever-1" NBSP "\xc2\xbb est vide" NBSP
                        ": donnez-lui un titre");

    g = finding_of(diags, SNPLP_DIAG_REFERENCE_KIND);
    assert_string_equal(snplp_diagnostic_message_id(g), "reference-kind/prerequisite");
    assert_string_equal(snplp_diagnostic_param(g, "module"), "module-1");
    assert_string_equal(snplp_diagnostic_param(g, "prerequisite"), "theme-1");
    assert_string_equal(snplp_diagnostic_param(g, "kind"), "theme");
    assert_has_text(snplp_diagnostic_message(g),
                    "qui est une th\xc3\xa9matique, pas un module" NBSP ": corrigez");

    g = finding_of(diags, SNPLP_DIAG_DURATION_OVER_MAX);
    assert_string_equal(snplp_diagnostic_message_id(g), "duration-over-max/module");
    assert_int_equal(snplp_diagnostic_param_count(g), 3);
    assert_string_equal(snplp_diagnostic_param_name(g, 1), "days");
    assert_int_equal(snplp_diagnostic_param_type(g, 1), SNPLP_PARAM_DECIMAL);
    assert_string_equal(snplp_diagnostic_param(g, "days"), "6.5");
    assert_string_equal(snplp_diagnostic_param(g, "max"), "5");
    assert_has_text(snplp_diagnostic_message(g),
                    "le module \xc2\xab" NBSP "module-1" NBSP "\xc2\xbb dure 6,5 jours, au-del"
                    "\xc3\xa0 du maximum de 5 jours que permet le plan de formation");
    char *en = NULL;
    assert_ok(snplp_diagnostic_render(g, SNPLP_LANGUAGE_EN, &en));
    assert_string_equal(en, "module 'module-1' lasts 6.5 days, more than the 5 days the training "
                            "plan allows");
    snplp_free(en);

    g = finding_of(diags, SNPLP_DIAG_PREREQUISITE_CYCLE);
    assert_string_equal(snplp_diagnostic_message_id(g), "prerequisite-cycle/cycle");
    assert_string_equal(snplp_diagnostic_param(g, "path"), "module-1 -> module-1");
    assert_has_text(snplp_diagnostic_message(g),
                    "en cycle" NBSP ": module-1 -> module-1" NNBSP "; supprimez");
    snplp_diagnostics_free(diags);
    snplp_referential_unref(ref);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(valid_referential_has_no_finding),
        cmocka_unit_test(empty_referential_is_valid),
        cmocka_unit_test(blank_title_of_each_kind),
        cmocka_unit_test(blank_text_of_each_kind),
        cmocka_unit_test(title_set_blank_later_is_found),
        cmocka_unit_test(module_without_its_theme),
        cmocka_unit_test(module_whose_theme_is_a_lever),
        cmocka_unit_test(dangling_prerequisite_and_profession),
        cmocka_unit_test(references_to_the_wrong_kind),
        cmocka_unit_test(self_prerequisite),
        cmocka_unit_test(cycle_of_two),
        cmocka_unit_test(cycle_of_three),
        cmocka_unit_test(two_independent_cycles),
        cmocka_unit_test(diamond_is_no_cycle),
        cmocka_unit_test(cycle_through_a_dangling_reference_is_no_cycle),
        cmocka_unit_test(cycle_entered_from_outside),
        cmocka_unit_test(cycles_sharing_a_module),
        cmocka_unit_test_teardown(long_ids_in_messages, test_allow_allocations),
        cmocka_unit_test(duration_over_the_maximum),
        cmocka_unit_test(all_problems_in_one_pass),
        cmocka_unit_test(code_names),
        cmocka_unit_test(null_arguments),
        cmocka_unit_test_teardown(out_of_memory, test_allow_allocations),
        cmocka_unit_test(long_prerequisite_chain),
        cmocka_unit_test(validation_from_threads),
        cmocka_unit_test(findings_in_french),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
