/* Tests of xml.h: importing and exporting a referential as XML.
 *
 * The fixtures (tests/fixtures/xml, listed in its README.md) are small documents, one per case;
 * the table below gives each one's expected status and findings. Inputs too big to commit (deep
 * nesting, huge texts and attributes) are generated here. Every import is checked against the
 * contract of xml.h (check_contract): the status matches the findings, *out is untouched on
 * error, every finding from the document has a line and a column. The verdict test runs the
 * default and the strict import over every document we have and requires them to agree. */
#include "xml_docs.h"

#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unistd.h>

#define DOC (&xml_referential)

//* ---- the fixtures, each with its expected status and findings ---- */

#define OK_(f)                                                                                     \
    {                                                                                              \
        f, SNPLP_OK,                                                                               \
        {                                                                                          \
            {                                                                                      \
                0, 0, NULL                                                                         \
            }                                                                                      \
        }                                                                                          \
    }
#define PARSE1(f, c, l)                                                                            \
    {                                                                                              \
        f, SNPLP_EPARSE,                                                                           \
        {                                                                                          \
            {                                                                                      \
                c, l, NULL                                                                         \
            }                                                                                      \
        }                                                                                          \
    }
#define MODEL1(f, c, l, i)                                                                         \
    {                                                                                              \
        f, SNPLP_EVALIDATION,                                                                      \
        {                                                                                          \
            {                                                                                      \
                c, l, i                                                                            \
            }                                                                                      \
        }                                                                                          \
    }

static const fixture_case fixtures[] = {
    /* good documents */
    OK_("valid-minimal.xml"),
    OK_("valid-empty-referential.xml"),
    OK_("valid-complete.xml"),
    OK_("valid-whitespace.xml"),
    OK_("valid-limits.xml"),
    OK_("valid-date-year.xml"),
    OK_("valid-date-year-max.xml"),
    OK_("valid-id-256.xml"),
    OK_("valid-utf8-bom.xml"),
    OK_("valid-prefixed.xml"),
    OK_("valid-markup.xml"),
    OK_("valid-extensions.xml"),
    OK_("valid-xsi-hints.xml"),
    OK_("valid-xsi-other-attribute.xml"),
    OK_("valid-offer.xml"),
    {"not-nfc.xml", SNPLP_OK, {{SNPLP_DIAG_TEXT_NORMALIZED, 4, NULL}}},
    /* regressions found by fuzzing (tests/fuzz) */
    OK_("fuzz-crash-1.xml"),
    PARSE1("fuzz-crash-2.xml", 200, 0),
    PARSE1("fuzz-crash-3.xml", 200, 0),
    PARSE1("fuzz-crash-4.xml", 200, 0),
    PARSE1("fuzz-crash-5.xml", 200, 0),
    PARSE1("fuzz-crash-6.xml", 200, 0),
    PARSE1("fuzz-crash-7.xml", 200, 0),
    /* 200 not-well-formed (fatal) */
    PARSE1("empty.xml", 200, 0),
    PARSE1("truncated.xml", 200, 0),
    PARSE1("invalid-utf8.xml", 200, 4),
    PARSE1("invalid-utf8-overlong.xml", 200, 4),
    PARSE1("mismatched-tags.xml", 200, 4),
    PARSE1("undefined-entity.xml", 200, 4),
    PARSE1("invalid-character-reference.xml", 200, 4),
    PARSE1("two-roots.xml", 200, 0),
    PARSE1("duplicate-attribute.xml", 200, 4),
    PARSE1("undeclared-prefix.xml", 200, 4),
    {"problems-then-fatal.xml", SNPLP_EPARSE, {{213, 4, NULL}, {200, 5, NULL}}},
    /* 202 doctype (fatal) */
    PARSE1("hostile-external-entity-file.xml", 202, 0),
    PARSE1("hostile-external-entity-url.xml", 202, 0),
    PARSE1("hostile-external-dtd.xml", 202, 3),
    PARSE1("hostile-parameter-entity.xml", 202, 0),
    PARSE1("hostile-billion-laughs.xml", 202, 0),
    PARSE1("hostile-internal-entity.xml", 202, 3),
    PARSE1("hostile-entity-in-attribute.xml", 202, 0),
    PARSE1("doctype-plain.xml", 202, 3),
    /* 210 wrong-root */
    PARSE1("wrong-root.xml", 210, 3),
    PARSE1("wrong-namespace.xml", 210, 3),
    PARSE1("no-namespace.xml", 210, 3),
    PARSE1("wrong-root-child.xml", 210, 3),
    /* 211 unknown-element */
    PARSE1("unknown-element-order.xml", 211, 4),
    PARSE1("unknown-element-second-title.xml", 211, 4),
    PARSE1("unknown-element-no-namespace.xml", 211, 5),
    PARSE1("unknown-element-snplp.xml", 211, 4),
    PARSE1("unknown-element-top-level-order.xml", 211, 5),
    PARSE1("unknown-element-in-text.xml", 211, 4),
    PARSE1("unknown-element-foreign-in-text.xml", 211, 4),
    PARSE1("unknown-element-foreign-not-last.xml", 211, 4),
    PARSE1("unknown-element-foreign-in-reference.xml", 211, 6),
    PARSE1("unknown-element-foreign-in-referential.xml", 211, 5),
    PARSE1("unknown-element-offer-order.xml", 211, 8),
    PARSE1("unknown-element-offer-before-extension.xml", 211, 7),
    PARSE1("unknown-element-offer-in-theme.xml", 211, 4),
    /* 212 missing-element */
    PARSE1("missing-element-title.xml", 212, 4),
    PARSE1("missing-element-text.xml", 212, 7),
    PARSE1("missing-element-figure-text.xml", 212, 5),
    /* 213 unknown-attribute */
    PARSE1("unknown-attribute.xml", 213, 4),
    PARSE1("unknown-attribute-on-referential.xml", 213, 3),
    PARSE1("unknown-attribute-foreign-on-text.xml", 213, 4),
    PARSE1("unknown-attribute-snplp-qualified.xml", 213, 4),
    PARSE1("unknown-attribute-foreign-on-referential.xml", 213, 3),
    PARSE1("unknown-attribute-foreign-on-reference.xml", 213, 6),
    PARSE1("unknown-attribute-xsi-type.xml", 213, 4),
    PARSE1("unknown-attribute-xsi-nil.xml", 213, 4),
    PARSE1("unknown-attribute-xsi-on-referential.xml", 213, 3),
    PARSE1("unknown-attribute-foreign-on-offer.xml", 213, 6),
    /* 214 missing-attribute */
    PARSE1("missing-attribute-id.xml", 214, 4),
    PARSE1("missing-attribute-theme.xml", 214, 5),
    PARSE1("missing-attribute-level.xml", 214, 5),
    PARSE1("missing-attribute-ref.xml", 214, 6),
    PARSE1("missing-attribute-style.xml", 214, 7),
    PARSE1("missing-attribute-category.xml", 214, 4),
    PARSE1("missing-attribute-value.xml", 214, 5),
    /* 215 bad-value */
    PARSE1("bad-value-level.xml", 215, 5),
    PARSE1("bad-value-level-case.xml", 215, 5),
    PARSE1("bad-value-duration-zero.xml", 215, 5),
    PARSE1("bad-value-duration-seven-decimals.xml", 215, 5),
    PARSE1("bad-value-duration-five-digits.xml", 215, 5),
    PARSE1("bad-value-duration-negative.xml", 215, 5),
    PARSE1("bad-value-duration-exponent.xml", 215, 5),
    PARSE1("bad-value-budget-negative.xml", 215, 4),
    PARSE1("bad-value-budget-letters.xml", 215, 4),
    PARSE1("bad-value-budget-19-digits.xml", 215, 4),
    PARSE1("bad-value-budget-overflow.xml", 215, 4),
    PARSE1("bad-value-budget-empty.xml", 215, 4),
    PARSE1("bad-value-date-february-30.xml", 215, 4),
    PARSE1("bad-value-date-february-29.xml", 215, 4),
    PARSE1("bad-value-date-month-13.xml", 215, 4),
    PARSE1("bad-value-date-text.xml", 215, 4),
    PARSE1("bad-value-date-year-0999.xml", 215, 4),
    PARSE1("bad-value-date-time-zone.xml", 215, 4),
    PARSE1("bad-value-levers-open.xml", 215, 4),
    PARSE1("bad-value-min-level.xml", 215, 4),
    PARSE1("bad-value-min-level-zero.xml", 215, 4),
    PARSE1("bad-value-for-involved.xml", 215, 5),
    PARSE1("bad-value-style.xml", 215, 7),
    PARSE1("bad-value-category.xml", 215, 4),
    PARSE1("bad-value-funding-cents.xml", 215, 4),
    PARSE1("bad-value-figure-value.xml", 215, 5),
    PARSE1("bad-value-max-module-days.xml", 215, 4),
    PARSE1("bad-value-offer-code.xml", 215, 6),
    PARSE1("bad-value-offer-audience-code.xml", 215, 7),
    PARSE1("bad-value-offer-audience-codes-11.xml", 215, 17),
    PARSE1("bad-value-offer-formacode-version.xml", 215, 6),
    PARSE1("bad-value-offer-boolean.xml", 215, 6),
    /* 216 unexpected-text */
    PARSE1("unexpected-text-commitment.xml", 216, 4),
    PARSE1("unexpected-text-referential.xml", 216, 0),
    PARSE1("unexpected-text-reference.xml", 216, 5),
    /* 217 bad-id */
    PARSE1("bad-id-digit.xml", 217, 4),
    PARSE1("bad-id-space.xml", 217, 4),
    PARSE1("bad-id-surrounding-space.xml", 217, 4),
    PARSE1("bad-id-empty.xml", 217, 4),
    PARSE1("bad-id-non-ascii.xml", 217, 4),
    PARSE1("bad-id-too-long.xml", 217, 4),
    PARSE1("bad-id-ref.xml", 217, 5),
    PARSE1("bad-id-profession-ref.xml", 217, 5),
    PARSE1("bad-id-theme-attribute.xml", 217, 4),
    /* several non-fatal problems in one pass */
    {"several-problems.xml",
     SNPLP_EPARSE,
     {{213, 4, NULL}, {215, 6, NULL}, {217, 7, NULL}, {212, 8, NULL}}},
    {"several-problems-one-element.xml", SNPLP_EPARSE, {{213, 5, NULL}, {215, 5, NULL}}},
    {"duplicate-id-and-schema-error.xml", SNPLP_EPARSE, {{213, 4, NULL}, {230, 5, NULL}}},
    /* 230 duplicate-id */
    MODEL1("duplicate-id.xml", 230, 5, NULL),
    MODEL1("duplicate-id-across-kinds.xml", 230, 5, NULL),
    MODEL1("duplicate-id-nested.xml", 230, 7, NULL),
    MODEL1("duplicate-id-reserved.xml", 230, 4, NULL),
    /* 231 model-value: an offer's value the schema allows and the model refuses */
    MODEL1("model-value-offer-blank-text.xml", 231, 7, "module-a"),
    MODEL1("model-value-offer-audience-code-twice.xml", 231, 8, "module-a"),
    /* 101-107: rules of the model, on what was read */
    MODEL1("empty-title.xml", 101, 4, "commitment-a"),
    MODEL1("empty-title-empty-element.xml", 101, 4, "theme-a"),
    MODEL1("empty-text.xml", 102, 5, "objective-a"),
    MODEL1("missing-parent.xml", 103, 4, "module-a"),
    MODEL1("dangling-reference.xml", 104, 5, "module-a"),
    MODEL1("dangling-reference-profession.xml", 104, 5, "module-a"),
    MODEL1("reference-kind.xml", 105, 5, "module-a"),
    MODEL1("reference-kind-theme.xml", 105, 5, "module-a"),
    MODEL1("prerequisite-cycle.xml", 106, 5, "module-a"),
    MODEL1("duration-over-max.xml", 107, 6, "module-a"),
    {"model-problems-together.xml",
     SNPLP_EVALIDATION,
     {{101, 4, "commitment-a"}, {103, 6, "module-a"}, {104, 7, "module-b"}}},
};

/* ---- the values read ---- */

static void complete_document_is_read_whole(void **state)
{
    (void)state;
    snplp_referential *ref = xml_import_fixture_ok(DOC, "valid-complete.xml");
    const snplp_strategy *s = snplp_referential_strategy(ref);
    assert_text(snplp_strategy_title(s),
                "Stratégie nationale de prévention et de lutte contre la pauvreté");
    assert_text(snplp_strategy_launch_date(s), "2018-09");
    assert_budget_cents(s, 850000000000LL);
    assert_true(snplp_strategy_levers_open(s));
    assert_int_equal(snplp_strategy_label_count(s), 2);
    assert_text(snplp_strategy_label_at(s, 1), "stratégie pauvreté");
    assert_text(snplp_strategy_description(s),
                "En 2018, le Président de la République lançait la stratégie.\n"
                "Son ambition : lutter contre les inégalités de destin.");
    assert_text(snplp_strategy_budget_text(s), "8,5 milliards d’euros");

    assert_int_equal(snplp_referential_commitment_count(ref), 2);
    const snplp_commitment *c = snplp_referential_commitment_at(ref, 0);
    assert_text(snplp_commitment_id(c), "commitment-equal-start");
    assert_text(snplp_commitment_description(c), "Un engagement « phare » & décisif <2018>");
    assert_null(snplp_commitment_description(snplp_referential_commitment_at(ref, 1)));
    assert_int_equal(snplp_referential_lever_count(ref), 2);

    const snplp_training_plan *tp = snplp_referential_training_plan(ref);
    assert_max_module_days(tp, 5.0);
    assert_text(snplp_training_plan_audience(tp),
                "Les travailleurs sociaux titulaires d'un diplôme d'Etat.");
    assert_text(snplp_training_plan_rule(tp), "Tous les modules débutent par les grands axes :\n"
                                              "les engagements"); /* since 1.3 */
    assert_int_equal(snplp_training_plan_objective_count(tp), 1);
    assert_int_equal(snplp_training_plan_outcome_count(tp), 2);
    assert_true(snplp_outcome_for_involved(snplp_training_plan_outcome_at(tp, 0)));
    assert_false(snplp_outcome_for_involved(snplp_training_plan_outcome_at(tp, 1)));

    assert_int_equal(snplp_referential_theme_count(ref), 2);
    const snplp_theme *th = snplp_referential_theme_find(ref, "theme-insertion");
    assert_int_equal(snplp_theme_label_count(th), 2);
    assert_int_equal(snplp_theme_objective_count(th), 1);
    assert_int_equal(snplp_theme_outcome_count(th), 1);
    assert_false(snplp_outcome_for_involved(snplp_theme_outcome_at(th, 0)));
    assert_int_equal(snplp_theme_recommendation_count(th), 1);
    assert_int_equal(snplp_theme_module_count(th), 2);

    assert_int_equal(snplp_referential_module_count(ref), 3);
    const snplp_module *m = snplp_referential_module_find(ref, "module-insertion-fundamentals");
    assert_int_equal(snplp_module_level(m), SNPLP_LEVEL_FUNDAMENTALS);
    assert_duration_days(m, 2.5);
    assert_text(snplp_module_subtitle(m), "module socle");
    assert_text(snplp_module_role(m), "orienter et coordonner");
    assert_int_equal(snplp_module_profession_count(m), 1);
    assert_int_equal(snplp_module_competence_count(m), 2);
    assert_int_equal(snplp_module_recommendation_count(m), 1);
    const snplp_competence *comp = snplp_module_competence_at(m, 0);
    assert_int_equal(snplp_competence_content_count(comp), 2);
    const snplp_content *head = snplp_competence_content_at(comp, 0);
    assert_int_equal(snplp_content_style(head), SNPLP_STYLE_HEADING);
    assert_int_equal(snplp_content_child_count(head), 2);
    const snplp_content *num = snplp_content_child_at(head, 0);
    assert_int_equal(snplp_content_style(num), SNPLP_STYLE_NUMBERED);
    assert_text(snplp_content_text(snplp_content_child_at(num, 0)), "la création d'entreprise");
    assert_int_equal(snplp_content_style(snplp_content_child_at(num, 0)), SNPLP_STYLE_BULLET);
    const snplp_module *ex = snplp_referential_module_find(ref, "module-insertion-expert");
    assert_int_equal(snplp_module_level(ex), SNPLP_LEVEL_EXPERT);
    assert_int_equal(snplp_module_prerequisite_count(ex), 1);
    assert_text(snplp_module_prerequisite_at(ex, 0), "module-insertion-fundamentals");
    assert_int_equal(snplp_module_profession_count(ex), 2);
    assert_text(snplp_module_profession_at(ex, 1), "profession-director");
    double days = 0;
    assert_status(
        snplp_module_duration_days(&days, snplp_referential_module_find(ref, "module-outreach")),
        SNPLP_ENOTFOUND);

    const snplp_profession *p = snplp_referential_profession_find(ref, "profession-ass");
    assert_int_equal(snplp_profession_category(p), SNPLP_CATEGORY_WORKER);
    assert_text(snplp_profession_abbreviation(p), "ASS");
    assert_int_equal(
        snplp_profession_category(snplp_referential_profession_find(ref, "profession-director")),
        SNPLP_CATEGORY_CADRE);
    int level = 0;
    assert_min_level(snplp_referential_diploma_rule_find(ref, "diploma-rule-priority"), 6);
    assert_status(snplp_diploma_rule_min_level(
                      &level, snplp_referential_diploma_rule_find(ref, "diploma-rule-open")),
                  SNPLP_ENOTFOUND);
    const snplp_funding *f = snplp_referential_funding_find(ref, "funding-state");
    assert_amount_cents(f, 12345);
    assert_text(snplp_funding_period(f), "2019-2022");
    assert_text(snplp_funding_source_text(f), "123,45 euros");
    const snplp_plan *plan = snplp_referential_plan_find(ref, "plan-early-childhood");
    assert_int_equal(snplp_plan_plan_theme_count(plan), 2);
    assert_int_equal(snplp_plan_figure_count(plan), 2);
    assert_true(snplp_figure_value(snplp_plan_figure_at(plan, 0)) == 600000);
    assert_true(snplp_figure_value(snplp_plan_figure_at(plan, 1)) == -12);
    assert_int_equal(snplp_referential_item_count(ref), 36);
    snplp_referential_unref(ref);
}

/* Typed attribute values may have white space around them; texts are kept verbatim. */
static void whitespace_around_values_and_verbatim_texts(void **state)
{
    (void)state;
    snplp_referential *ref = xml_import_fixture_ok(DOC, "valid-whitespace.xml");
    const snplp_strategy *s = snplp_referential_strategy(ref);
    assert_text(snplp_strategy_launch_date(s), "2018-09-13");
    assert_budget_cents(s, 850000000000LL);
    assert_false(snplp_strategy_levers_open(s));
    assert_text(snplp_strategy_title(s), "  Titre avec espaces  ");
    assert_text(snplp_strategy_description(s), "\n  première ligne\n  deuxième ligne\n");
    assert_max_module_days(snplp_referential_training_plan(ref), 5.0);
    const snplp_outcome *o = snplp_referential_outcome_find(ref, "outcome-a");
    assert_true(snplp_outcome_for_involved(o));
    assert_text(snplp_outcome_text(o), "\ttabulation");
    const snplp_module *m = snplp_referential_module_find(ref, "module-a");
    assert_int_equal(snplp_module_level(m), SNPLP_LEVEL_EXPERT);
    assert_duration_days(m, 2.5);
    const snplp_content *c = snplp_referential_content_find(ref, "content-a");
    assert_int_equal(snplp_content_style(c), SNPLP_STYLE_NUMBERED);
    assert_text(snplp_content_text(c), " X ");
    assert_int_equal(
        snplp_profession_category(snplp_referential_profession_find(ref, "profession-a")),
        SNPLP_CATEGORY_CADRE);
    assert_min_level(snplp_referential_diploma_rule_find(ref, "diploma-rule-a"), 6);
    assert_amount_cents(snplp_referential_funding_find(ref, "funding-a"), 42);
    assert_true(snplp_figure_value(snplp_referential_figure_find(ref, "figure-a")) == -3);
    snplp_referential_unref(ref);
}

static void limits_markup_and_prefixes(void **state)
{
    (void)state;
    snplp_referential *ref = xml_import_fixture_ok(DOC, "valid-limits.xml");
    const snplp_strategy *s = snplp_referential_strategy(ref);
    assert_text(snplp_strategy_launch_date(s), "2020-02-29");
    assert_budget_cents(s, INT64_MAX);
    assert_duration_days(snplp_referential_module_find(ref, "module-long"), 9999.999999);
    assert_duration_days(snplp_referential_module_find(ref, "module-short"), 0.000001);
    assert_duration_days(snplp_referential_module_find(ref, "module-whole"), 10.0);
    assert_true(snplp_figure_value(snplp_referential_figure_find(ref, "figure-min")) == INT64_MIN);
    assert_true(snplp_figure_value(snplp_referential_figure_find(ref, "figure-max")) == INT64_MAX);
    assert_amount_cents(snplp_referential_funding_find(ref, "funding-max"), INT64_MAX);
    assert_amount_cents(snplp_referential_funding_find(ref, "funding-zero"), 0);
    snplp_referential_unref(ref);

    ref = xml_import_fixture_ok(DOC, "valid-markup.xml");
    assert_text(snplp_commitment_title(snplp_referential_commitment_find(ref, "commitment-a")),
                "avantaprès");
    assert_text(snplp_commitment_title(snplp_referential_commitment_find(ref, "commitment-b")),
                "a < b & c > d");
    assert_text(snplp_commitment_title(snplp_referential_commitment_find(ref, "commitment-c")),
                "<>&'\" éé \U0001F600");
    assert_text(snplp_commitment_title(snplp_referential_commitment_find(ref, "commitment-d")),
                "un mélange de & parties");
    snplp_referential_unref(ref);

    ref = xml_import_fixture_ok(DOC, "valid-prefixed.xml");
    assert_int_equal(snplp_referential_item_count(ref), 5);
    assert_text(snplp_module_title(snplp_referential_module_find(ref, "module-a")), "M");
    snplp_referential_unref(ref);

    char id[SNPLP_ID_MAX + 1];
    test_long_id(id, SNPLP_ID_MAX);
    ref = xml_import_fixture_ok(DOC, "valid-id-256.xml");
    assert_non_null(snplp_referential_commitment_find(ref, id));
    snplp_referential_unref(ref);

    ref = xml_import_fixture_ok(DOC, "valid-date-year.xml");
    assert_text(snplp_strategy_launch_date(snplp_referential_strategy(ref)), "1000");
    snplp_referential_unref(ref);
}

/* A text not in NFC is stored in NFC, with a warning: the import succeeds. */
static void text_not_in_nfc_is_normalized_with_a_warning(void **state)
{
    (void)state;
    xml_result r = xml_import_one_warning(DOC, "not-nfc.xml", SNPLP_DIAG_TEXT_NORMALIZED, 4);
    assert_text(snplp_commitment_title(snplp_referential_commitment_find(r.doc, "commitment-a")),
                "l'\u00e9galit\u00e9 des chances");
    xml_result_free(DOC, &r);

    /* in memory too, and with NULL diagnostics */
    static const char doc[] = "<referential xmlns=\"urn:snplp:1.0\"><commitment id=\"c\"><title>"
                              "caf\x65\xcc\x81</title></commitment></referential>";
    snplp_referential *ref = xml_import_quietly(DOC, doc);
    assert_text(snplp_commitment_title(snplp_referential_commitment_find(ref, "c")), "caf\u00e9");
    snplp_referential_unref(ref);
}

/* ---- hostile documents (xml_hostile_documents_are_refused_unexpanded) ---- */

static const char *const hostile[] = {
    "hostile-external-entity-file.xml", "hostile-external-entity-url.xml",
    "hostile-external-dtd.xml",         "hostile-parameter-entity.xml",
    "hostile-billion-laughs.xml",       "hostile-internal-entity.xml",
    "hostile-entity-in-attribute.xml",  "doctype-plain.xml",
};

/* ---- generated inputs: nesting, text and attribute sizes ---- */

#define DOC_START "<referential xmlns=\"urn:snplp:1.0\">"
#define DOC_END   "</referential>"

/* A module whose one competence holds contents nested `contents` deep, each with its <text>
 * first: the deepest element is at depth 4 + contents (referential 1, module 2, competence 3,
 * the first content 4, its text 5). */
static text_buf nested_contents(size_t contents)
{
    text_buf t = {0};
    puts_(&t,
          DOC_START "<theme id=\"theme-t\"><title>T</title></theme>"
                    "<module id=\"module-m\" theme=\"theme-t\" level=\"expert\"><title>M</title>"
                    "<competence id=\"competence-c\"><title>C</title>");
    for (size_t i = 0; i < contents; i++) {
        char open[96];
        snprintf(open, sizeof open, "<content id=\"content-%zu\" style=\"bullet\"><text>x</text>",
                 i);
        puts_(&t, open);
    }
    put_repeat(&t, "</content>", contents);
    puts_(&t, "</competence></module>" DOC_END);
    return t;
}

/* A commitment ending with a foreign element nested `foreign` deep: the deepest element is at
 * depth 2 + foreign. */
static text_buf nested_foreign(size_t foreign)
{
    text_buf t = {0};
    puts_(&t, DOC_START "<commitment id=\"commitment-a\"><title>T</title>");
    put_repeat(&t, "<x:a xmlns:x=\"urn:example:x\">", foreign);
    put_repeat(&t, "</x:a>", foreign);
    puts_(&t, "</commitment>" DOC_END);
    return t;
}

/* Nesting up to SNPLP_XML_MAX_DEPTH is read; one element deeper is refused (203, fatal). */
static void nesting_deeper_than_the_limit_is_refused(void **state)
{
    (void)state;
    assert_int_equal(SNPLP_XML_MAX_DEPTH, 100);
    for (int strict = 0; strict < 2; strict++) {
        text_buf t = nested_contents(96); /* depth 100 */
        xml_expect_status(DOC, t.s, t.n, strict, SNPLP_OK, 0);
        free(t.s);
        t = nested_contents(97); /* depth 101 */
        xml_expect_status(DOC, t.s, t.n, strict, SNPLP_EPARSE, SNPLP_DIAG_TOO_DEEP);
        free(t.s);
        t = nested_foreign(98); /* depth 100: kept as an extension */
        xml_expect_status(DOC, t.s, t.n, strict, SNPLP_OK, 0);
        free(t.s);
        t = nested_foreign(99); /* depth 101 */
        xml_expect_status(DOC, t.s, t.n, strict, SNPLP_EPARSE, SNPLP_DIAG_TOO_DEEP);
        free(t.s);
    }
    /* 101 nested contents; and very deep nesting: one fatal finding, quickly, no overflow */
    static const size_t deep[] = {101, 100000};
    for (size_t i = 0; i < COUNT_OF(deep); i++) {
        text_buf t = i == 0 ? nested_contents(deep[i]) : nested_foreign(deep[i]);
        xml_expect_status(DOC, t.s, t.n, false, SNPLP_EPARSE, SNPLP_DIAG_TOO_DEEP);
        free(t.s);
    }

    /* the deepest document allowed goes round: export, import, equal */
    text_buf t = nested_foreign(98);
    xml_text_goes_round(DOC, t.s, t.n);
    free(t.s);
}

/* A commitment whose title is `count` times unit (with `tail` after), then a second commitment
 * with an unknown attribute (a later, non-fatal problem) if `later`. */
static text_buf long_title(const char *unit, size_t count, const char *tail, bool later)
{
    text_buf t = {0};
    puts_(&t, DOC_START "<commitment id=\"commitment-a\"><title>");
    put_repeat(&t, unit, count);
    puts_(&t, tail);
    puts_(&t, "</title></commitment>");
    if (later)
        puts_(&t, "<commitment id=\"commitment-b\" color=\"red\"><title>B</title></commitment>");
    puts_(&t, DOC_END);
    return t;
}

/* Texts of up to SNPLP_XML_MAX_TEXT characters (not bytes) are read; longer ones are refused
 * (204, not fatal: the later problems are reported too). */
static void text_longer_than_the_limit_is_refused(void **state)
{
    (void)state;
    const size_t max = SNPLP_XML_MAX_TEXT;
    assert_int_equal(max, 1000000);

    /* 1 000 000 'é' (2 000 000 bytes) is fine, strict or not */
    text_buf t = long_title("é", max, "", false);
    for (int strict = 0; strict < 2; strict++) {
        xml_result r = xml_import_text(DOC, t.s, t.n, strict);
        if (r.rc != SNPLP_OK)
            print_diags("1000000 é", r.d);
        assert_int_equal(r.breaches, 0);
        assert_int_equal(r.rc, SNPLP_OK);
        const char *title =
            snplp_commitment_title(snplp_referential_commitment_find(r.doc, "commitment-a"));
        assert_int_equal(strlen(title), 2 * max);
        assert_true(memcmp(title, "éé", 4) == 0);
        xml_result_free(DOC, &r);
    }
    free(t.s);

    static const struct {
        const char *unit;
        size_t count;
        const char *tail;
        bool ok;
    } cases[] = {
        {"é", 1000001, "", false},
        {"a", 1000000, "", true},
        {"a", 1000001, "", false},
        {"a", 999999, "&amp;", true}, /* a reference is one character */
        {"a", 1000000, "&lt;", false},
        {"a", 999999, "<![CDATA[b]]>", true},
        {"a", 999999, "<![CDATA[bc]]>", false},
    };
    for (size_t i = 0; i < COUNT_OF(cases); i++) {
        t = long_title(cases[i].unit, cases[i].count, cases[i].tail, !cases[i].ok);
        xml_result r = xml_import_text(DOC, t.s, t.n, false);
        if ((r.rc == SNPLP_OK) != cases[i].ok)
            print_error("case %zu: %zu x '%s' + '%s': %s\n", i, cases[i].count, cases[i].unit,
                        cases[i].tail, snplp_status_name(r.rc));
        assert_int_equal(r.breaches, 0);
        if (cases[i].ok) {
            assert_int_equal(r.rc, SNPLP_OK);
        } else {
            if (count_code(r.d, SNPLP_DIAG_TEXT_TOO_LONG) != 1 ||
                !has_code(r.d, SNPLP_DIAG_UNKNOWN_ATTRIBUTE))
                print_diags("long text", r.d);
            assert_int_equal(r.rc, SNPLP_EPARSE);
            assert_int_equal(count_code(r.d, SNPLP_DIAG_TEXT_TOO_LONG), 1);
            /* not fatal: the unknown attribute after it is reported too */
            assert_true(has_code(r.d, SNPLP_DIAG_UNKNOWN_ATTRIBUTE));
        }
        xml_result_free(DOC, &r);
        free(t.s);
    }

    /* the limit holds for the text of an extension element too */
    t = (text_buf){0};
    puts_(&t, DOC_START "<commitment id=\"commitment-a\"><title>T</title><x:n xmlns:x=\"urn:x\">");
    put_repeat(&t, "a", max + 1);
    puts_(&t, "</x:n></commitment>" DOC_END);
    xml_expect_status(DOC, t.s, t.n, false, SNPLP_EPARSE, SNPLP_DIAG_TEXT_TOO_LONG);
    free(t.s);
}

/* An attribute value of SNPLP_XML_MAX_ATTRIBUTE bytes is read; longer ones are refused (205,
 * not fatal). */
static void attribute_longer_than_the_limit_is_refused(void **state)
{
    (void)state;
    assert_int_equal(SNPLP_XML_MAX_ATTRIBUTE, 65536);
    static const struct {
        const char *unit;
        size_t count;
        const char *tail;
        bool ok;
    } cases[] = {
        {"a", 65536, "", true},   {"é", 32768, "", true},      {"a", 65537, "", false},
        {"é", 32768, "a", false}, {"a", 65535, "&amp;", true}, {"a", 65536, "&amp;", false},
    };
    for (size_t i = 0; i < COUNT_OF(cases); i++) {
        text_buf t = {0};
        puts_(&t, DOC_START "<commitment id=\"commitment-a\" xmlns:x=\"urn:example:x\" x:big=\"");
        put_repeat(&t, cases[i].unit, cases[i].count);
        puts_(&t, cases[i].tail);
        puts_(&t, "\"><title>T</title></commitment>");
        if (!cases[i].ok)
            puts_(&t,
                  "<commitment id=\"commitment-b\" color=\"red\"><title>B</title></commitment>");
        puts_(&t, DOC_END);
        xml_result r = xml_import_text(DOC, t.s, t.n, false);
        if ((r.rc == SNPLP_OK) != cases[i].ok) {
            print_error("case %zu: %s\n", i, snplp_status_name(r.rc));
            print_diags("long attribute", r.d);
        }
        assert_int_equal(r.breaches, 0);
        if (cases[i].ok) {
            assert_int_equal(r.rc, SNPLP_OK);
            assert_int_equal(snplp_referential_foreign_attribute_count(r.doc, "commitment-a"), 1);
            const char *value = NULL;
            assert_ok(snplp_referential_foreign_attribute_at(r.doc, "commitment-a", 0, NULL, NULL,
                                                             NULL, &value));
            assert_int_equal(strlen(value), SNPLP_XML_MAX_ATTRIBUTE);
        } else {
            assert_int_equal(r.rc, SNPLP_EPARSE);
            assert_int_equal(count_code(r.d, SNPLP_DIAG_ATTRIBUTE_TOO_LONG), 1);
            assert_true(has_code(r.d, SNPLP_DIAG_UNKNOWN_ATTRIBUTE));
        }
        xml_result_free(DOC, &r);
        free(t.s);
    }
}

/* ---- the contract of an import ---- */

/* The options of an import (their use: the shared tests, xml_docs.h). */
static void import_options(void **state)
{
    (void)state;
    assert_fails(snplp_import_options_new(NULL), SNPLP_EINVAL);
    assert_fails(snplp_import_options_set_strict(NULL, true), SNPLP_EINVAL);
    assert_fails(snplp_import_options_set_progress(NULL, NULL, NULL), SNPLP_EINVAL);
    assert_false(snplp_import_options_strict(NULL));
    snplp_import_options_free(NULL);
    snplp_import_options *o = NULL;
    assert_ok(snplp_import_options_new(&o));
    assert_false(snplp_import_options_strict(o));
    assert_ok(snplp_import_options_set_strict(o, true));
    assert_true(snplp_import_options_strict(o));
    assert_ok(snplp_import_options_set_strict(o, false));
    assert_false(snplp_import_options_strict(o));
    assert_ok(snplp_import_options_set_progress(o, NULL, NULL));
    snplp_import_options_free(o);
}

/* The name given to an import appears in what it reports. */
static void the_name_of_the_input_is_in_the_messages(void **state)
{
    (void)state;
    size_t len = 0;
    char *data = xml_fixture(DOC, "unknown-attribute.xml", &len);
    snplp_diagnostics *d = new_diags();
    snplp_referential *out = XML_SENTINEL;
    assert_fails(snplp_referential_import_memory(&out, d, data, len, "input-name-42.xml", NULL),
                 SNPLP_EPARSE);
    bool named = strstr(snplp_error_last_message(), "input-name-42.xml") != NULL;
    for (size_t i = 0; i < snplp_diagnostics_count(d); i++)
        named |= strstr(snplp_diagnostic_message(snplp_diagnostics_at(d, i)),
                        "input-name-42.xml") != NULL;
    if (!named)
        print_error("the name is in no message: %s\n", snplp_error_last_message());
    assert_true(named);
    snplp_diagnostics_free(d);
    free(data);
}

/* An element of 200 000 attributes (a 2 MB document) is refused at its '<' before libxml2
 * parses the tag (whose duplicate check is quadratic): one finding, not one per attribute,
 * read from memory, a file and one byte at a time. SNPLP_XML_MAX_ATTRIBUTES attributes pass the
 * bound (each is then a finding of its own); a tag longer than SNPLP_XML_MAX_START_TAG bytes
 * is refused too; comments, CDATA sections, processing instructions and quoted values are not
 * tags. (tests/bench/bench_attributes.c times it.) */
static void elements_with_too_many_attributes_are_refused_at_once(void **state)
{
    (void)state;
    assert_int_equal(SNPLP_XML_MAX_ATTRIBUTES, 256);
    assert_int_equal(SNPLP_XML_MAX_START_TAG, 1048576);
    text_buf t = {0};
    puts_(&t, DOC_START "\n  <commitment id=\"commitment-a\"><title>A</title></commitment>\n"
                        "  <!-- <b a=1 b=2> --><?pi <c d='1'>?>\n  <commitment id=\"c-b\"");
    for (size_t i = 0; i < 200000; i++) {
        char a[32];
        snprintf(a, sizeof a, " a%zu=\"\"", i);
        puts_(&t, a);
    }
    puts_(&t, "><title>B</title></commitment>" DOC_END);
    assert_true(t.n > 2000000);
    for (int how = FROM_FILE; how <= FROM_CALLBACK; how++) {
        char path[4096];
        const char *where = "attributes.xml";
        if (how == FROM_FILE) {
            snprintf(path, sizeof path, "/tmp/snplp-attributes-XXXXXX");
            int fd = mkstemp(path);
            assert_true(fd >= 0);
            close(fd);
            FILE *f = fopen(path, "wb");
            assert_non_null(f);
            assert_int_equal(fwrite(t.s, 1, t.n, f), t.n);
            assert_int_equal(fclose(f), 0);
            where = path;
        }
        xml_result r = xml_import_any(DOC, (xml_how)how, where, t.s, t.n, false);
        if (snplp_diagnostics_count(r.d) != 1)
            print_diags(xml_how_name((xml_how)how), r.d);
        assert_int_equal(r.rc, SNPLP_EPARSE);
        assert_int_equal(r.breaches, 0);
        assert_int_equal(snplp_diagnostics_count(r.d), 1);
        const snplp_diagnostic *g = snplp_diagnostics_at(r.d, 0);
        assert_int_equal(snplp_diagnostic_code(g), SNPLP_DIAG_TOO_MANY_ATTRIBUTES);
        assert_int_equal(snplp_diagnostic_line(g), 4);
        assert_int_equal(snplp_diagnostic_column(g), 3);
        assert_non_null(strstr(snplp_diagnostic_message(g), "more than 256 attributes"));
        xml_result_free(DOC, &r);
        if (how == FROM_FILE)
            unlink(path);
    }
    free(t.s);

    /* 256 attributes (namespace declarations count) pass the bound; 257 do not */
    for (size_t n = 256; n <= 257; n++) {
        text_buf u = {0};
        puts_(&u, DOC_START "<commitment id=\"c\" xmlns:x=\"urn:example:x\"");
        put_numbered_attrs(&u, n - 2, "'>'");
        puts_(&u, "><title><![CDATA[<t a=1 b=2>]]></title></commitment>" DOC_END);
        xml_result r = xml_import_text(DOC, u.s, u.n, false);
        assert_int_equal(r.breaches, 0);
        if (n == 256) {
            if (r.rc != SNPLP_OK)
                print_diags("256 attributes", r.d);
            assert_int_equal(r.rc, SNPLP_OK);
            assert_int_equal(snplp_referential_foreign_attribute_count(r.doc, "c"), 254);
        } else {
            assert_int_equal(r.rc, SNPLP_EPARSE);
            assert_int_equal(count_code(r.d, SNPLP_DIAG_TOO_MANY_ATTRIBUTES), 1);
        }
        xml_result_free(DOC, &r);
        free(u.s);
    }

    /* a start tag of more than 1 MiB: 17 attributes of 62 000 bytes each */
    text_buf v = {0};
    puts_(&v, DOC_START "<commitment id=\"c\" xmlns:x=\"urn:example:x\"");
    for (size_t i = 0; i < 17; i++) {
        char a[32];
        snprintf(a, sizeof a, " x:a%zu=\"", i);
        puts_(&v, a);
        put_repeat(&v, "v", 62000);
        puts_(&v, "\"");
    }
    puts_(&v, "><title>T</title></commitment>" DOC_END);
    xml_result r = xml_import_text(DOC, v.s, v.n, false);
    assert_int_equal(r.rc, SNPLP_EPARSE);
    assert_int_equal(r.breaches, 0);
    assert_int_equal(snplp_diagnostics_count(r.d), 1);
    assert_int_equal(snplp_diagnostic_code(snplp_diagnostics_at(r.d, 0)),
                     SNPLP_DIAG_START_TAG_TOO_LONG);
    assert_int_equal(snplp_diagnostic_column(snplp_diagnostics_at(r.d, 0)), strlen(DOC_START) + 1);
    xml_result_free(DOC, &r);
    free(v.s);
}

/* A document's findings are capped: SNPLP_XML_MAX_FINDINGS of them, then one saying how many
 * more were dropped, where the first dropped one was; the status still counts them all. */
static void findings_of_a_document_are_capped(void **state)
{
    (void)state;
    assert_int_equal(SNPLP_XML_MAX_FINDINGS, 1000);
    text_buf t = {0};
    puts_(&t, DOC_START "\n");
    for (size_t i = 0; i < 1500; i++)
        puts_(&t, "<bogus/>\n");
    puts_(&t, DOC_END);
    xml_result r = xml_import_text(DOC, t.s, t.n, false);
    assert_int_equal(r.rc, SNPLP_EPARSE);
    assert_int_equal(r.breaches, 0);
    assert_int_equal(snplp_diagnostics_count(r.d), SNPLP_XML_MAX_FINDINGS + 1);
    assert_int_equal(count_code(r.d, SNPLP_DIAG_UNKNOWN_ELEMENT), SNPLP_XML_MAX_FINDINGS);
    const snplp_diagnostic *g = snplp_diagnostics_at(r.d, SNPLP_XML_MAX_FINDINGS);
    assert_int_equal(snplp_diagnostic_code(g), SNPLP_DIAG_TOO_MANY_FINDINGS);
    assert_int_equal(snplp_diagnostic_severity(g), SNPLP_SEVERITY_ERROR);
    assert_int_equal(snplp_diagnostic_line(g), 1002);
    assert_non_null(strstr(snplp_diagnostic_message(g), "500 more findings were dropped"));
    xml_result_free(DOC, &r);
    /* without a list of findings, nothing is counted and the status is the same */
    snplp_referential *out = NULL;
    assert_int_equal(snplp_referential_import_memory(&out, NULL, t.s, t.n, NULL, NULL),
                     SNPLP_EPARSE);
    free(t.s);
}

/* An endless stream of zero bytes (a device such as /dev/zero). */
static long zeros(void *user, char *buf, size_t size)
{
    (void)user;
    memset(buf, 0, size);
    return (long)size;
}

/* Each message says what is wrong: an empty document (not libxml2's "Extra content at the end
 * of the document"), NUL bytes (not "the document is in UTF-16", which stays for UTF-16), a
 * byte-order mark in the middle of the document (not a name or text holding an invisible
 * U+FEFF). */
static void messages_say_what_is_wrong(void **state)
{
    (void)state;
#define BOM "\xEF\xBB\xBF"
    static const struct {
        const char *doc;
        size_t len; /* 0: strlen */
        int code;
        const char *says;
    } cases[] = {
        {"", 0, 200, "the document is empty"},
        {"\n  \n", 0, 200, "the document is empty"},
        {BOM, 0, 200, "the document is empty"},
        {"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", 0, 200, "the document is empty"},
        {"<!-- nothing -->\n", 0, 200, "the document is empty"},
        {"\0\0\0\0\0\0\0\0", 8, 200, "NUL bytes"},
        {"<referential xmlns=\"urn:snplp:1.0\"/>\0\0\0\0", 40, 200, "NUL bytes"},
        {"<\0r\0e\0", 6, 200, "the document is in UTF-16"},
        {"\0<\0r\0e", 6, 200, "the document is in UTF-16"},
        {BOM BOM "<referential xmlns=\"urn:snplp:1.0\"/>", 0, 200, "byte-order mark"},
        {BOM "<referential xmlns=\"urn:snplp:1.0\"/>\n" BOM "<referential/>", 0, 200,
         "byte-order mark"},
        {"<referential xmlns=\"urn:snplp:1.0\">" BOM "<commitment id=\"c\"><title>T</title>"
         "</commitment></referential>",
         0, 216, "byte-order mark"},
        {"<referential xmlns=\"urn:snplp:1.0\"><" BOM "commitment id=\"c\"><title>T</title>"
         "</commitment></referential>",
         0, 211, "byte-order mark"},
        {"<" BOM "referential xmlns=\"urn:snplp:1.0\"/>", 0, 210, "byte-order mark"},
        {"<referential xmlns=\"urn:snplp:1.0\"><commitment " BOM "id=\"c\"><title>T</title>"
         "</commitment></referential>",
         0, 213, "byte-order mark"},
    };
    for (size_t i = 0; i < COUNT_OF(cases); i++) {
        size_t len = cases[i].len ? cases[i].len : strlen(cases[i].doc);
        xml_result r = xml_import_text(DOC, cases[i].doc, len, false);
        const snplp_diagnostic *g = snplp_diagnostics_at(r.d, 0);
        const char *m = snplp_diagnostic_message(g);
        if (!m || !strstr(m, cases[i].says) || (int)snplp_diagnostic_code(g) != cases[i].code)
            print_error("case %zu: %s\n", i, m ? m : "(no finding)");
        assert_int_equal(r.breaches, 0);
        assert_int_equal(r.rc, SNPLP_EPARSE);
        assert_int_equal(snplp_diagnostic_code(g), cases[i].code);
        assert_non_null(strstr(m, cases[i].says));
        assert_null(strstr(m, "Extra content"));
        assert_null(strstr(m, "\xEF\xBB\xBF")); /* the mark is named, never printed */
        xml_result_free(DOC, &r);
    }
#undef BOM
    /* an endless stream of zero bytes ends at once, saying so */
    snplp_diagnostics *d = new_diags();
    snplp_referential *out = NULL;
    assert_int_equal(snplp_referential_import_callback(&out, d, zeros, NULL, "zeros", NULL),
                     SNPLP_EPARSE);
    assert_int_equal(snplp_diagnostics_count(d), 1);
    assert_non_null(strstr(snplp_diagnostic_message(snplp_diagnostics_at(d, 0)), "NUL bytes"));
    assert_null(strstr(snplp_diagnostic_message(snplp_diagnostics_at(d, 0)), "UTF-16"));
    snplp_diagnostics_free(d);
}

/* ---- the findings in French (util/messages/diag/xml.fr.txt) ---- */

/* The findings of importing the n bytes at data into a list set to French (freed by the
 * caller); *rc receives the status. */
static snplp_diagnostics *import_in_french(const char *data, size_t n, bool strict, int *rc)
{
    snplp_diagnostics *d = new_diags();
    assert_ok(snplp_diagnostics_set_language(d, SNPLP_LANGUAGE_FR));
    snplp_import_options *o = NULL;
    if (strict) {
        assert_ok(snplp_import_options_new(&o));
        assert_ok(snplp_import_options_set_strict(o, true));
    }
    snplp_referential *out = NULL;
    *rc = snplp_referential_import_memory(&out, d, data, n, "doc.xml", o);
    snplp_referential_unref(out);
    snplp_import_options_free(o);
    return d;
}

/* libxml2's errors reach users through messages of the catalogue, chosen from libxml2's domain
 * and code (reader.c, libxml2_finding()): in French, with the names libxml2 gives as
 * parameters, and none of libxml2's English words; in English they say "not well-formed". An
 * error of a code the catalogue does not name keeps libxml2's words as a developer's detail,
 * with its code. */
static void libxml2_errors_are_findings_in_french(void **state)
{
    (void)state;
    static const struct {
        const char *doc, *variant, *param, *value, *says;
    } cases[] = {
        {DOC_START "<commitment id=\"c\"><title>T", "truncated", "element", "title", "tronqué"},
        {DOC_START "\n<commitment id=\"c\"><title>T</description></commitment>" DOC_END,
         "tag-mismatch", "end", "description", "est fermé par </description>"},
        {DOC_START DOC_END "\n" DOC_START DOC_END, "extra-content", NULL, NULL,
         "suit la fin de l’élément racine"},
        {DOC_START "<commitment id=\"c\"><title>&foo;</title></commitment>" DOC_END,
         "undeclared-entity", "entity", "foo", "l’entité &foo; n’est pas déclarée"},
        {DOC_START "<commitment id=\"c\" id=\"d\"><title>T</title></commitment>" DOC_END,
         "attribute-twice", "attribute", "id", "figure deux fois"},
        {DOC_START "<commitment id=\"c\"><title>\xE9t\xE9</title></commitment>" DOC_END, "not-utf8",
         "bytes", "0xE9 0x74 0xE9 0x3C", "ne sont pas de l’UTF-8"},
        {DOC_START "<commitment id=\"c\"><title>T</title><x:note/></commitment>" DOC_END,
         "undeclared-prefix", "prefix", "x", "n’est pas déclaré (il manque xmlns:x="},
        {DOC_START DOC_END "<!-- open", "comment-not-closed", NULL, NULL,
         "un commentaire ne se termine pas"},
        {DOC_START "<commitment id=\"c\"><title>a & b</title></commitment>" DOC_END, "ampersand",
         NULL, NULL, "sous la forme &amp;"},
        {DOC_START "<commitment id=\"a<b\"><title>T</title></commitment>" DOC_END,
         "lt-in-attribute", NULL, NULL, "dans une valeur d’attribut"},
        {DOC_START "<commitment id=\"c\"><title>&#1;</title></commitment>" DOC_END, "char-ref",
         "character", "U+0001", "une référence de caractère désigne U+0001"},
        {"", "no-root", NULL, NULL, "le document est vide\xC2\xA0: il n’a pas d’élément racine"},
    };
    for (size_t i = 0; i < COUNT_OF(cases); i++) {
        int rc = 0;
        snplp_diagnostics *d = import_in_french(cases[i].doc, strlen(cases[i].doc), false, &rc);
        assert_int_equal(rc, SNPLP_EPARSE);
        assert_int_equal(snplp_diagnostics_count(d), 1);
        const snplp_diagnostic *g = snplp_diagnostics_at(d, 0);
        const char *m = snplp_diagnostic_message(g), *id = snplp_diagnostic_message_id(g);
        char want[64];
        snprintf(want, sizeof want, "not-well-formed/%s", cases[i].variant);
        if (!id || strcmp(id, want) != 0 || !strstr(m, cases[i].says))
            print_error("case %zu: %s: %s\n", i, id ? id : "(no id)", m);
        assert_int_equal(snplp_diagnostic_code(g), SNPLP_DIAG_NOT_WELL_FORMED);
        assert_string_equal(id, want);
        assert_non_null(strstr(m, "document mal formé\xC2\xA0: "));
        assert_non_null(strstr(m, cases[i].says));
        if (cases[i].param)
            assert_string_equal(snplp_diagnostic_param(g, cases[i].param), cases[i].value);
        else
            assert_int_equal(snplp_diagnostic_param_count(g), 0);
        static const char *const english[] = {
            "Extra content",  "mismatch", "not defined",       "redefined",      "proper UTF-8",
            "not terminated", "xmlParse", "Document is empty", "not well-formed"};
        for (size_t k = 0; k < COUNT_OF(english); k++)
            assert_null(strstr(m, english[k]));
        char *en = NULL;
        assert_ok(snplp_diagnostic_render(g, SNPLP_LANGUAGE_EN, &en));
        assert_true(strncmp(en, "not well-formed: ", 17) == 0);
        snplp_free(en);
        /* the import's failure speaks English */
        assert_non_null(strstr(snplp_error_last_message(), "doc.xml:"));
        assert_non_null(strstr(snplp_error_last_message(), "not well-formed: "));
        snplp_diagnostics_free(d);
    }
    /* the tag that does not match, its line and the one that closes it */
    static const char mismatch[] =
        DOC_START "\n<commitment id=\"c\"><title>T</description></commitment>" DOC_END;
    int rc = 0;
    snplp_diagnostics *d = import_in_french(mismatch, sizeof mismatch - 1, false, &rc);
    const snplp_diagnostic *g = snplp_diagnostics_at(d, 0);
    assert_string_equal(snplp_diagnostic_param(g, "element"), "title");
    assert_string_equal(snplp_diagnostic_param(g, "line"), "2");
    assert_int_equal(snplp_diagnostic_param_type(g, 1), SNPLP_PARAM_INTEGER);
    assert_string_equal(snplp_diagnostic_message(g),
                        "document mal formé\xC2\xA0: <title>, ouvert à la ligne 2, est fermé par "
                        "</description>");
    assert_ok(snplp_diagnostics_set_language(d, SNPLP_LANGUAGE_EN));
    assert_string_equal(snplp_diagnostic_message(g),
                        "not well-formed: <title>, opened on line 2, is closed by </description>");
    snplp_diagnostics_free(d);
    /* an error the catalogue does not name: libxml2's words and code, as a detail */
    static const char other[] = DOC_START "<!foo>" DOC_END;
    d = import_in_french(other, sizeof other - 1, false, &rc);
    assert_int_equal(rc, SNPLP_EPARSE);
    g = snplp_diagnostics_at(d, 0);
    assert_string_equal(snplp_diagnostic_message_id(g), "not-well-formed/libxml2");
    const char *detail = snplp_diagnostic_param(g, "detail"),
               *code = snplp_diagnostic_param(g, "libxml2_code");
    assert_non_null(detail);
    assert_non_null(code);
    assert_true(detail[0] != '\0' && atoi(code) > 0);
    assert_non_null(strstr(snplp_diagnostic_message(g), "erreur libxml2 "));
    assert_non_null(strstr(snplp_diagnostic_message(g), detail));
    snplp_diagnostics_free(d);
    /* so are the findings of libxml2's XSD validation (strict): its code chooses the message,
     * with the element and attribute its words name */
    static const char unknown[] =
        DOC_START "<commitment id=\"c\" color=\"red\"><title>T</title></commitment>" DOC_END;
    d = import_in_french(unknown, sizeof unknown - 1, true, &rc);
    assert_int_equal(rc, SNPLP_EPARSE);
    bool schema = false;
    for (size_t i = 0; i < snplp_diagnostics_count(d); i++) {
        g = snplp_diagnostics_at(d, i);
        if (snplp_diagnostic_code(g) != SNPLP_DIAG_SCHEMA)
            continue;
        schema = true;
        assert_string_equal(snplp_diagnostic_message_id(g), "schema/attribute-not-allowed");
        assert_string_equal(snplp_diagnostic_param(g, "element"), "commitment");
        assert_string_equal(snplp_diagnostic_param(g, "attribute"), "color");
        assert_string_equal(snplp_diagnostic_message(g), "le schéma XML n’admet pas l’attribut "
                                                         "«\xC2\xA0"
                                                         "color\xC2\xA0» sur "
                                                         "<commitment>");
    }
    assert_true(schema);
    snplp_diagnostics_free(d);
}

/* The reader's own findings in French, with their parameters; the list's language changed
 * afterwards renders them again in English. */
static void findings_of_the_reader_are_in_french(void **state)
{
    (void)state;
    static const char doc[] = DOC_START
        "\n<commitment id=\"c\" color=\"red\"><title>T</title></commitment>"
        "\n<theme id=\"t\"/>"
        "\n<module id=\"m\" theme=\"t\" level=\"master\"><title>M</title></module>" DOC_END;
    int rc = 0;
    snplp_diagnostics *d = import_in_french(doc, sizeof doc - 1, false, &rc);
    assert_int_equal(rc, SNPLP_EPARSE);
    assert_int_equal(snplp_diagnostics_count(d), 3);
    static const struct {
        const char *id, *message, *english;
    } want[] = {
        {"unknown-attribute/attribute",
         "<commitment> n’admet pas d’attribut «\xC2\xA0"
         "color\xC2\xA0»",
         "<commitment> takes no attribute 'color'"},
        {"missing-element/first", "<theme> doit commencer par un élément <title>",
         "<theme> needs a <title> first"},
        {"bad-value/attribute",
         "la valeur «\xC2\xA0master\xC2\xA0» de l’attribut level de <module> n’est pas valide",
         "<module> level 'master' is not a valid value"},
    };
    for (size_t i = 0; i < COUNT_OF(want); i++) {
        const snplp_diagnostic *g = snplp_diagnostics_at(d, i);
        assert_string_equal(snplp_diagnostic_message_id(g), want[i].id);
        assert_string_equal(snplp_diagnostic_message(g), want[i].message);
        assert_int_equal(snplp_diagnostic_line(g), i + 2);
    }
    const snplp_diagnostic *g = snplp_diagnostics_at(d, 2);
    assert_string_equal(snplp_diagnostic_param(g, "element"), "module");
    assert_string_equal(snplp_diagnostic_param(g, "attribute"), "level");
    assert_string_equal(snplp_diagnostic_param(g, "value"), "master");
    assert_int_equal(snplp_diagnostic_param_type(g, 0), SNPLP_PARAM_ID);
    assert_int_equal(snplp_diagnostic_param_type(g, 2), SNPLP_PARAM_TEXT);
    assert_ok(snplp_diagnostics_set_language(d, SNPLP_LANGUAGE_EN));
    for (size_t i = 0; i < COUNT_OF(want); i++)
        assert_string_equal(snplp_diagnostic_message(snplp_diagnostics_at(d, i)), want[i].english);
    snplp_diagnostics_free(d);

    /* a finding of the model's rules, placed at its item's element, keeps its message id and
     * parameters: in the list's language, and in another one later */
    size_t len = 0;
    char *data = xml_fixture(DOC, "dangling-reference.xml", &len);
    d = import_in_french(data, len, false, &rc);
    assert_int_equal(rc, SNPLP_EVALIDATION);
    g = snplp_diagnostics_at(d, 0);
    assert_string_equal(snplp_diagnostic_message_id(g), "dangling-reference/prerequisite");
    assert_string_equal(snplp_diagnostic_param(g, "module"), "module-a");
    assert_int_equal(snplp_diagnostic_line(g), 5);
    assert_non_null(strstr(snplp_diagnostic_message(g), "requiert le module"));
    assert_ok(snplp_diagnostics_set_language(d, SNPLP_LANGUAGE_EN));
    assert_non_null(strstr(snplp_diagnostic_message(g), "requires module"));
    snplp_diagnostics_free(d);
    free(data);

    /* the finding that says how many were dropped */
    text_buf t = {0};
    puts_(&t, DOC_START "\n");
    for (size_t i = 0; i < 1500; i++)
        puts_(&t, "<bogus/>\n");
    puts_(&t, DOC_END);
    d = import_in_french(t.s, t.n, false, &rc);
    assert_int_equal(rc, SNPLP_EPARSE);
    g = snplp_diagnostics_at(d, SNPLP_XML_MAX_FINDINGS);
    assert_string_equal(snplp_diagnostic_message_id(g), "too-many-findings/dropped");
    assert_string_equal(snplp_diagnostic_param(g, "count"), "500");
    assert_string_equal(snplp_diagnostic_param(g, "max"), "1000");
    assert_non_null(strstr(snplp_diagnostic_message(g), "500 autres constats ont été écartés"));
    assert_non_null(strstr(snplp_diagnostic_message(snplp_diagnostics_at(d, 0)),
                           "<bogus> n’est pas admis ici dans <referential>"));
    snplp_diagnostics_free(d);
    free(t.s);
}

/* ---- export ---- */

/* ---- round trips ---- */

/* The built-in referential and an empty one go round (the examples and the fixtures:
 * xml_round_trips). */
static void builtin_and_empty_go_round(void **state)
{
    (void)state;
    int bad = 0;
    snplp_referential *ref = test_builtin();
    bad += xml_round_trip_breaches(DOC, "the built-in referential", ref);
    snplp_referential_unref(ref);
    ref = test_new_referential();
    bad += xml_round_trip_breaches(DOC, "an empty referential", ref);
    snplp_referential_unref(ref);
    assert_int_equal(bad, 0);
}

/* A draft with a module of 6.5 days under a plan of 5 exports; without keep_invalid its export
 * is refused (no referential), with it the export reads back into an equal referential with
 * the finding duration-over-max at the module's element, and exports to the same bytes. */
static void a_draft_breaking_a_rule_reads_back_with_keep_invalid(void **state)
{
    (void)state;
    snplp_referential *ref = test_new_referential();
    assert_ok(snplp_training_plan_set_max_module_days(snplp_referential_training_plan(ref), 5));
    snplp_theme *th = NULL;
    assert_ok(snplp_referential_add_theme(&th, ref, "theme-t", "T"));
    snplp_module *m = NULL;
    assert_ok(
        snplp_referential_add_module(&m, ref, "theme-t", "module-long", SNPLP_LEVEL_EXPERT, "M"));
    assert_ok(snplp_module_set_duration_days(m, 6.5));
    size_t n1 = 0, n2 = 0;
    char *x1 = xml_export_text(DOC, ref, &n1);

    xml_result plain = xml_import_text(DOC, x1, n1, false);
    assert_int_equal(plain.rc, SNPLP_EVALIDATION);
    assert_null(plain.doc);
    xml_result_free(DOC, &plain);

    snplp_import_options *o = NULL;
    assert_ok(snplp_import_options_new(&o));
    assert_ok(snplp_import_options_set_keep_invalid(o, true));
    for (int strict = 0; strict < 2; strict++) {
        assert_ok(snplp_import_options_set_strict(o, strict));
        snplp_diagnostics *d = new_diags();
        snplp_referential *back = NULL;
        assert_ok(snplp_referential_import_memory(&back, d, x1, n1, "draft.xml", o));
        assert_int_equal(snplp_diagnostics_count(d), 1);
        const snplp_diagnostic *g = snplp_diagnostics_at(d, 0);
        assert_int_equal(snplp_diagnostic_code(g), SNPLP_DIAG_DURATION_OVER_MAX);
        assert_int_equal(snplp_diagnostic_severity(g), SNPLP_SEVERITY_ERROR);
        assert_string_equal(snplp_diagnostic_item_id(g), "module-long");
        assert_true(snplp_diagnostic_line(g) > 1);
        assert_true(snplp_referential_equal(ref, back));
        char *x2 = xml_export_text(DOC, back, &n2);
        assert_int_equal(n1, n2);
        assert_memory_equal(x1, x2, n1);
        snplp_free(x2);
        snplp_referential_unref(back);
        snplp_diagnostics_free(d);
    }
    /* what the model cannot hold is still refused: an id used twice */
    snplp_diagnostics *d = new_diags();
    snplp_referential *back = XML_SENTINEL;
    size_t len = 0;
    char *dup = xml_fixture(DOC, "duplicate-id.xml", &len);
    assert_int_equal(snplp_referential_import_memory(&back, d, dup, len, "dup.xml", o),
                     SNPLP_EVALIDATION);
    assert_ptr_equal(back, XML_SENTINEL);
    free(dup);
    snplp_diagnostics_free(d);
    snplp_import_options_free(o);
    snplp_free(x1);
    snplp_referential_unref(ref);
}

/* The export of what the import read is the model, whatever the characters of its texts. */
static void texts_of_every_kind_go_round(void **state)
{
    (void)state;
    snplp_referential *ref = test_new_referential();
    for (size_t i = 0; i <= xml_ntricky_texts; i++) { /* and a space alone */
        const char *text = i < xml_ntricky_texts ? xml_tricky_texts[i] : " ";
        char id[32];
        snprintf(id, sizeof id, "commitment-%zu", i);
        snplp_commitment *c = NULL;
        assert_ok(snplp_referential_add_commitment(&c, ref, id, "T"));
        assert_ok(snplp_commitment_set_description(c, text));
        snprintf(id, sizeof id, "lever-%zu", i);
        snplp_lever *l = NULL;
        assert_ok(snplp_referential_add_lever(&l, ref, id, "L"));
        assert_ok(snplp_lever_set_description(l, text));
    }
    assert_ok(snplp_strategy_add_label(snplp_referential_strategy(ref), "a\r\nb"));
    assert_ok(snplp_strategy_set_launch_date(snplp_referential_strategy(ref), "2018-09-13"));
    snplp_theme *th = NULL;
    assert_ok(snplp_referential_add_theme(&th, ref, "theme-t", "T"));
    snplp_module *m = NULL;
    assert_ok(
        snplp_referential_add_module(&m, ref, "theme-t", "module-m", SNPLP_LEVEL_EXPERT, "M"));
    assert_ok(snplp_module_set_duration_days(m, 1.0 / 3.0));
    snplp_module *m2 = NULL;
    assert_ok(snplp_referential_add_module(&m2, ref, "theme-t", "module-n",
                                           SNPLP_LEVEL_FUNDAMENTALS, "N"));
    assert_ok(snplp_module_set_duration_days(m2, 9999.999999));
    assert_ok(snplp_training_plan_set_max_module_days(snplp_referential_training_plan(ref),
                                                      10000 - 0.000001));
    snplp_plan *plan = NULL;
    assert_ok(snplp_referential_add_plan(&plan, ref, "plan-p", "P"));
    assert_ok(snplp_plan_add_figure(NULL, plan, "figure-f", INT64_MIN, "F"));
    assert_ok(snplp_plan_add_figure(NULL, plan, "figure-g", INT64_MAX, "G"));
    assert_ok(snplp_strategy_set_budget_cents(snplp_referential_strategy(ref), INT64_MAX));
    assert_int_equal(xml_round_trip_breaches(DOC, "texts of every kind", ref), 0);
    snplp_referential_unref(ref);
}

/* A read callback giving one byte at a time reads the built-in referential's export whole. */
static void one_byte_at_a_time(void **state)
{
    (void)state;
    snplp_referential *ref = test_builtin();
    size_t len = 0;
    char *xml = xml_export_text(DOC, ref, &len);
    for (int strict = 0; strict < 2; strict++) {
        snplp_import_options *o = NULL;
        assert_ok(snplp_import_options_new(&o));
        assert_ok(snplp_import_options_set_strict(o, strict));
        reader rd = {.data = xml, .len = len, .chunk = 1, .fail_at = -1};
        snplp_referential *out = NULL;
        snplp_diagnostics *d = new_diags();
        assert_ok(snplp_referential_import_callback(&out, d, read_chunk, &rd, "one byte", o));
        assert_int_equal(snplp_diagnostics_count(d), 0);
        assert_true(snplp_referential_equal(out, ref));
        snplp_diagnostics_free(d);
        snplp_referential_unref(out);
        snplp_import_options_free(o);
    }
    snplp_free(xml);
    snplp_referential_unref(ref);
}

/* Imports and exports run in several threads at once (the strict mode's compiled schema is
 * shared): each thread reads the same models and finds the same problems. */
typedef struct thread_job {
    const char *xml;
    size_t len;
    bool strict;
    int failures;
} thread_job;

static void *import_in_thread(void *arg)
{
    thread_job *job = arg;
    snplp_import_options *o = NULL;
    if (snplp_import_options_new(&o) != SNPLP_OK) {
        job->failures++;
        return NULL;
    }
    snplp_import_options_set_strict(o, job->strict);
    for (int i = 0; i < 20; i++) {
        snplp_referential *ref = NULL;
        if (snplp_referential_import_memory(&ref, NULL, job->xml, job->len, NULL, o) != SNPLP_OK) {
            job->failures++;
            continue;
        }
        char *out = NULL;
        size_t n = 0;
        if (snplp_referential_export_memory(&out, &n, ref) != SNPLP_OK)
            job->failures++;
        snplp_free(out);
        snplp_referential_unref(ref);
        snplp_diagnostics *d = NULL;
        snplp_diagnostics_new(&d);
        static const char bad[] = DOC_START "<commitment id=\"c\" color=\"red\"><title>T</title>"
                                            "</commitment>" DOC_END;
        ref = NULL;
        if (snplp_referential_import_memory(&ref, d, bad, sizeof bad - 1, NULL, o) !=
                SNPLP_EPARSE ||
            !has_code(d, SNPLP_DIAG_UNKNOWN_ATTRIBUTE) ||
            has_code(d, SNPLP_DIAG_SCHEMA) != job->strict)
            job->failures++;
        snplp_diagnostics_free(d);
    }
    snplp_import_options_free(o);
    return NULL;
}

static void imports_in_threads(void **state)
{
    (void)state;
    size_t len = 0;
    char *xml = xml_fixture(DOC, "valid-extensions.xml", &len);
    enum { N = 6 };
    thread_job jobs[N];
    for (int i = 0; i < N; i++)
        jobs[i] = (thread_job){.xml = xml, .len = len, .strict = i % 2};
    run_threads(N, import_in_thread, jobs, sizeof jobs[0], NULL);
    for (int i = 0; i < N; i++)
        assert_int_equal(jobs[i].failures, 0);
    free(xml);
}

/* ---- the schema ---- */

static void the_schema_is_compiled_in(void **state)
{
    (void)state;
    const char *xsd = snplp_xml_schema();
    assert_non_null(xsd);
    assert_ptr_equal(xsd, snplp_xml_schema());
    assert_non_null(strstr(xsd, "targetNamespace=\"" SNPLP_XML_NAMESPACE "\""));
    assert_non_null(strstr(xsd, "<xs:complexType name=\"module\">"));
    assert_string_equal(SNPLP_XML_NAMESPACE, "urn:snplp:1.0");
}

/* Texts read from XML skip the library's second UTF-8 check and its normalizer when they are
 * made of code points that are always in NFC (text.c): around those ranges, each code point
 * alone and before a combining accent is stored as ICU normalizes it. */
static void imported_texts_are_nfc_like_icu_says(void **state)
{
    (void)state;
    size_t cap = 1 << 20, n = 0;
    char *doc = malloc(cap);
    assert_non_null(doc);
    n += (size_t)snprintf(doc + n, cap - n, "<referential xmlns=\"urn:snplp:1.0\">\n");
    UChar32 cps[1200];
    size_t count = 0;
    for (UChar32 cp = 0x80; cp <= 0x2100; cp++) {
        if (cp == 0x300)
            cp = 0x1FF0;
        cps[count++] = cp;
    }
    for (size_t i = 0; i < count; i++) {
        char one[8] = {0};
        size_t k = 0;
        UBool err = false;
        U8_APPEND((uint8_t *)one, k, 8, cps[i], err);
        assert_false(err);
        n += (size_t)snprintf(doc + n, cap - n,
                              "<commitment id=\"c%zu\"><title>x%s</title><description>x%s\xcc\x81"
                              "</description></commitment>\n",
                              i, one, one);
        assert_true(n < cap);
    }
    n += (size_t)snprintf(doc + n, cap - n, "</referential>\n");
    snplp_referential *ref = NULL;
    assert_ok(snplp_referential_import_memory(&ref, NULL, doc, n, "nfc", NULL));
    for (size_t i = 0; i < count; i++) {
        char id[32], in[16], want[32];
        snprintf(id, sizeof id, "c%zu", i);
        const snplp_commitment *c = snplp_referential_commitment_find(ref, id);
        for (int form = 0; form < 2; form++) {
            size_t k = 1; /* after a letter: some of these code points are white space */
            UBool err = false;
            in[0] = 'x';
            U8_APPEND((uint8_t *)in, k, 8, cps[i], err);
            assert_false(err);
            if (form)
                memcpy(in + k, "\xcc\x81", 2), k += 2;
            in[k] = '\0';
            UErrorCode st = U_ZERO_ERROR;
            UChar a[8], b[8];
            int32_t la = 0;
            u_strFromUTF8(a, 8, &la, in, -1, &st);
            int32_t lb = unorm2_normalize(unorm2_getNFCInstance(&st), a, la, b, 8, &st);
            u_strToUTF8(want, sizeof want, NULL, b, lb, &st);
            assert_false(U_FAILURE(st));
            const char *got = form ? snplp_commitment_description(c) : snplp_commitment_title(c);
            if (strcmp(got, want) != 0)
                print_error("U+%04X form %d: stored differs from ICU's NFC\n", (unsigned)cps[i],
                            form);
            assert_string_equal(got, want);
        }
    }
    snplp_referential_unref(ref);
    free(doc);
}

/* What the shared tests (support/xml_docs.h) need to know of referentials. */
static const char *const failing[] = {"several-problems.xml", "duplicate-id.xml",
                                      "hostile-billion-laughs.xml", "truncated.xml"};
static const char *const oom[] = {
    SNPLP_FIXTURES_DIR "/valid-minimal.xml", SNPLP_FIXTURES_DIR "/not-nfc.xml",
    SNPLP_FIXTURES_DIR "/valid-complete.xml", SNPLP_FIXTURES_DIR "/valid-extensions.xml"};
static const char *const oom_export[] = {"valid-extensions.xml"};
static const xml_suite suite = {
    .doc = DOC,
    .test_file = "test_xml.c",
    XML_LIST(cases, fixtures),
    XML_LIST(hostile, hostile),
    XML_LIST(failing, failing),
    .read_sample = SNPLP_FIXTURES_DIR "/valid-complete.xml",
    XML_LIST(oom, oom),
    XML_LIST(oom_export, oom_export),
    .min_kept = 10,
};

int main(void)
{
    const struct CMUnitTest tests[] = {
        XML_SHARED_TESTS(&suite),
        cmocka_unit_test(complete_document_is_read_whole),
        cmocka_unit_test(whitespace_around_values_and_verbatim_texts),
        cmocka_unit_test(limits_markup_and_prefixes),
        cmocka_unit_test(text_not_in_nfc_is_normalized_with_a_warning),
        cmocka_unit_test(imported_texts_are_nfc_like_icu_says),
        cmocka_unit_test(nesting_deeper_than_the_limit_is_refused),
        cmocka_unit_test(text_longer_than_the_limit_is_refused),
        cmocka_unit_test(attribute_longer_than_the_limit_is_refused),
        cmocka_unit_test(elements_with_too_many_attributes_are_refused_at_once),
        cmocka_unit_test(findings_of_a_document_are_capped),
        cmocka_unit_test(messages_say_what_is_wrong),
        cmocka_unit_test(libxml2_errors_are_findings_in_french),
        cmocka_unit_test(findings_of_the_reader_are_in_french),
        cmocka_unit_test(import_options),
        cmocka_unit_test(the_name_of_the_input_is_in_the_messages),
        cmocka_unit_test(builtin_and_empty_go_round),
        cmocka_unit_test(texts_of_every_kind_go_round),
        cmocka_unit_test(a_draft_breaking_a_rule_reads_back_with_keep_invalid),
        cmocka_unit_test(one_byte_at_a_time),
        cmocka_unit_test(imports_in_threads),
        cmocka_unit_test(the_schema_is_compiled_in),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
