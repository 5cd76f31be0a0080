/* The names of the values of the public enums (names.h): one table per enum. */
#include "names.h"

#include <limits.h>

/* Typed adapters: the name of a value, a value from its name. */
#define NAME(fn, T)                                                                                \
    static const char *a_##fn(int v)                                                               \
    {                                                                                              \
        return fn((T)v);                                                                           \
    }
#define FROM_NAME(fn)                                                                              \
    static int a_##fn(const char *name)                                                            \
    {                                                                                              \
        return (int)fn(name);                                                                      \
    }

#define COUNT_AND(a) a, COUNT_OF(a)

NAME(snplp_kind_name, snplp_kind)
static const named kind_values[] = {
    {SNPLP_KIND_NONE, 0, "none"},
    {SNPLP_KIND_STRATEGY, 1, "strategy"},
    {SNPLP_KIND_TRAINING_PLAN, 2, "training-plan"},
    {SNPLP_KIND_COMMITMENT, 3, "commitment"},
    {SNPLP_KIND_LEVER, 4, "lever"},
    {SNPLP_KIND_THEME, 5, "theme"},
    {SNPLP_KIND_MODULE, 6, "module"},
    {SNPLP_KIND_COMPETENCE, 7, "competence"},
    {SNPLP_KIND_CONTENT, 8, "content"},
    {SNPLP_KIND_OBJECTIVE, 9, "objective"},
    {SNPLP_KIND_OUTCOME, 10, "outcome"},
    {SNPLP_KIND_RECOMMENDATION, 11, "recommendation"},
    {SNPLP_KIND_PROFESSION, 12, "profession"},
    {SNPLP_KIND_DIPLOMA_RULE, 13, "diploma-rule"},
    {SNPLP_KIND_FUNDING, 14, "funding"},
    {SNPLP_KIND_PLAN, 15, "plan"},
    {SNPLP_KIND_PLAN_THEME, 16, "plan-theme"},
    {SNPLP_KIND_FIGURE, 17, "figure"},
};
static const int kind_others[] = {18, 19, 100, 255, 256, INT_MAX, -1, INT_MIN};
const enum_names names_kind = {
    a_snplp_kind_name, NULL, COUNT_AND(kind_values), "none", COUNT_AND(kind_others), NULL, 0, 0};

NAME(snplp_field_name, snplp_field)
static const named field_values[] = {
    {SNPLP_FIELD_NONE, 0, "none"},
    {SNPLP_FIELD_TITLE, 1, "title"},
    {SNPLP_FIELD_SUBTITLE, 2, "subtitle"},
    {SNPLP_FIELD_DESCRIPTION, 3, "description"},
    {SNPLP_FIELD_AUDIENCE, 4, "audience"},
    {SNPLP_FIELD_ROLE, 5, "role"},
    {SNPLP_FIELD_TEXT, 6, "text"},
    {SNPLP_FIELD_LABEL, 7, "label"},
    {SNPLP_FIELD_ABBREVIATION, 8, "abbreviation"},
    {SNPLP_FIELD_PERIOD, 9, "period"},
    {SNPLP_FIELD_SOURCE, 10, "source"},
    {SNPLP_FIELD_LAUNCH_DATE, 11, "launch-date"},
    {SNPLP_FIELD_BUDGET_TEXT, 12, "budget-text"},
    {SNPLP_FIELD_THEME_ID, 13, "theme-id"},
    {SNPLP_FIELD_RULE, 14, "rule"},
};
static const int field_others[] = {15, 16, 100, 1000, INT_MAX, -1, INT_MIN};
const enum_names names_field = {
    a_snplp_field_name, NULL, COUNT_AND(field_values), "none", COUNT_AND(field_others), NULL, 0, 0};

NAME(snplp_status_name, int)
static const named status_values[] = {
    {SNPLP_OK, 0, "SNPLP_OK"},
    {SNPLP_EINVAL, -1, "SNPLP_EINVAL"},
    {SNPLP_ENOMEM, -2, "SNPLP_ENOMEM"},
    {SNPLP_ENOTFOUND, -3, "SNPLP_ENOTFOUND"},
    {SNPLP_EEXISTS, -4, "SNPLP_EEXISTS"},
    {SNPLP_EBADID, -5, "SNPLP_EBADID"},
    {SNPLP_EENCODING, -6, "SNPLP_EENCODING"},
    {SNPLP_EIO, -7, "SNPLP_EIO"},
    {SNPLP_EPARSE, -8, "SNPLP_EPARSE"},
    {SNPLP_EVALIDATION, -9, "SNPLP_EVALIDATION"},
    {SNPLP_EINTERNAL, -10, "SNPLP_EINTERNAL"},
    {SNPLP_EFROZEN, -11, "SNPLP_EFROZEN"},
};
static const int status_others[] = {1, 2, 10, -12, -13, -100, 1000, INT_MIN, INT_MAX};
const enum_names names_status = {a_snplp_status_name,
                                 NULL,
                                 COUNT_AND(status_values),
                                 "SNPLP_E?",
                                 COUNT_AND(status_others),
                                 NULL,
                                 0,
                                 0};

NAME(snplp_diag_code_name, snplp_diag_code)
static const named diag_code_values[] = {
    {SNPLP_DIAG_NONE, 0, "none"},
    {SNPLP_DIAG_EMPTY_TITLE, 101, "empty-title"},
    {SNPLP_DIAG_EMPTY_TEXT, 102, "empty-text"},
    {SNPLP_DIAG_MISSING_PARENT, 103, "missing-parent"},
    {SNPLP_DIAG_DANGLING_REFERENCE, 104, "dangling-reference"},
    {SNPLP_DIAG_REFERENCE_KIND, 105, "reference-kind"},
    {SNPLP_DIAG_PREREQUISITE_CYCLE, 106, "prerequisite-cycle"},
    {SNPLP_DIAG_DURATION_OVER_MAX, 107, "duration-over-max"},
    {SNPLP_DIAG_NOT_WELL_FORMED, 200, "not-well-formed"},
    {SNPLP_DIAG_IO, 201, "io"},
    {SNPLP_DIAG_DOCTYPE, 202, "doctype"},
    {SNPLP_DIAG_TOO_DEEP, 203, "too-deep"},
    {SNPLP_DIAG_TEXT_TOO_LONG, 204, "text-too-long"},
    {SNPLP_DIAG_ATTRIBUTE_TOO_LONG, 205, "attribute-too-long"},
    {SNPLP_DIAG_TOO_MANY_ATTRIBUTES, 206, "too-many-attributes"},
    {SNPLP_DIAG_START_TAG_TOO_LONG, 207, "start-tag-too-long"},
    {SNPLP_DIAG_TOO_MANY_FINDINGS, 208, "too-many-findings"},
    {SNPLP_DIAG_WRONG_ROOT, 210, "wrong-root"},
    {SNPLP_DIAG_UNKNOWN_ELEMENT, 211, "unknown-element"},
    {SNPLP_DIAG_MISSING_ELEMENT, 212, "missing-element"},
    {SNPLP_DIAG_UNKNOWN_ATTRIBUTE, 213, "unknown-attribute"},
    {SNPLP_DIAG_MISSING_ATTRIBUTE, 214, "missing-attribute"},
    {SNPLP_DIAG_BAD_VALUE, 215, "bad-value"},
    {SNPLP_DIAG_UNEXPECTED_TEXT, 216, "unexpected-text"},
    {SNPLP_DIAG_BAD_ID, 217, "bad-id"},
    {SNPLP_DIAG_SCHEMA, 220, "schema"},
    {SNPLP_DIAG_DUPLICATE_ID, 230, "duplicate-id"},
    {SNPLP_DIAG_MODEL_VALUE, 231, "model-value"},
    {SNPLP_DIAG_TEXT_NORMALIZED, 240, "text-normalized"},
    {SNPLP_DIAG_MISSING_VALUE, 280, "missing-value"},
    {SNPLP_DIAG_BAD_DATE, 281, "bad-date"},
    {SNPLP_DIAG_BAD_TERRITORY, 282, "bad-territory"},
    {SNPLP_DIAG_BAD_DIPLOMA_LEVEL, 283, "bad-diploma-level"},
    {SNPLP_DIAG_BAD_STATUS, 284, "bad-status"},
    {SNPLP_DIAG_UNKNOWN_RECORD, 285, "unknown-record"},
    {SNPLP_DIAG_ID_TAKEN, 286, "id-taken"},
    {SNPLP_DIAG_UNTIL_BEFORE_FROM, 287, "until-before-from"},
    {SNPLP_DIAG_BAD_DAYS, 288, "bad-days"},
    {SNPLP_DIAG_AMBIGUOUS_UPDATE, 289, "ambiguous-update"},
    {SNPLP_DIAG_CSV_TOO_MANY_ROWS, 290, "csv-too-many-rows"},
    {SNPLP_DIAG_YEARS_MISSING, 300, "years-missing"},
    {SNPLP_DIAG_YEARS_SPAN, 301, "years-span"},
    {SNPLP_DIAG_PERCENT_RANGE, 302, "percent-range"},
    {SNPLP_DIAG_BAD_COUNT, 303, "bad-count"},
    {SNPLP_DIAG_NUMERATOR_OVER_DENOMINATOR, 304, "numerator-over-denominator"},
    {SNPLP_DIAG_YEAR_OUTSIDE, 305, "year-outside"},
    {SNPLP_DIAG_ACTUAL_MISSING, 306, "actual-missing"},
    {SNPLP_DIAG_CORE_ACTION_MISSING, 307, "core-action-missing"},
    {SNPLP_DIAG_QUOTIENT_MISMATCH, 308, "quotient-mismatch"},
    {SNPLP_DIAG_IMPLAUSIBLE_DATE, 309, "implausible-date"},
    {SNPLP_DIAG_DUPLICATE_CONVENTION, 310, "duplicate-convention"},
    {SNPLP_DIAG_UNIT_MISMATCH, 311, "unit-mismatch"},
    {SNPLP_DIAG_AGGREGATION_MISMATCH, 312, "aggregation-mismatch"},
    {SNPLP_DIAG_AGGREGATE_OVERFLOW, 313, "aggregate-overflow"},
    {SNPLP_DIAG_CSV_IO, 320, "csv-io"},
    {SNPLP_DIAG_CSV_ENCODING, 321, "csv-encoding"},
    {SNPLP_DIAG_CSV_SYNTAX, 322, "csv-syntax"},
    {SNPLP_DIAG_CSV_FIELD_TOO_LONG, 323, "csv-field-too-long"},
    {SNPLP_DIAG_CSV_FIELD_COUNT, 324, "csv-field-count"},
    {SNPLP_DIAG_CSV_HEADER, 325, "csv-header"},
    {SNPLP_DIAG_CSV_TOO_MANY_ERRORS, 326, "csv-too-many-errors"},
    {SNPLP_DIAG_UNKNOWN_CONVENTION, 327, "unknown-convention"},
    {SNPLP_DIAG_UNKNOWN_INDICATOR, 328, "unknown-indicator"},
    {SNPLP_DIAG_BAD_YEAR, 329, "bad-year"},
    {SNPLP_DIAG_CSV_YEAR_OUTSIDE, 330, "csv-year-outside"},
    {SNPLP_DIAG_BAD_NUMBER, 331, "bad-number"},
    {SNPLP_DIAG_UNIT_DIFFERS, 332, "unit-differs"},
    {SNPLP_DIAG_DUPLICATE_ROW, 333, "duplicate-row"},
    {SNPLP_DIAG_RECORD_DANGLING_REFERENCE, 400, "record-dangling-reference"},
    {SNPLP_DIAG_RECORD_REFERENCE_KIND, 401, "record-reference-kind"},
    {SNPLP_DIAG_PROFESSION_IN_REFERENTIAL, 402, "profession-in-referential"},
    {SNPLP_DIAG_WORKER_DATES, 403, "worker-dates"},
    {SNPLP_DIAG_SESSION_DATES, 404, "session-dates"},
    {SNPLP_DIAG_SESSION_DAYS_OVER_CALENDAR, 405, "session-days-over-calendar"},
    {SNPLP_DIAG_ATTENDANCE_OUTSIDE_WORKFORCE, 406, "attendance-outside-workforce"},
    {SNPLP_DIAG_DAYS_OVER_SESSION, 407, "days-over-session"},
    {SNPLP_DIAG_SESSION_OVER_MODULE_DURATION, 408, "session-over-module-duration"},
    {SNPLP_DIAG_SESSION_OVER_MAX_DAYS, 409, "session-over-max-days"},
    {SNPLP_DIAG_DUPLICATE_ATTENDANCE, 410, "duplicate-attendance"},
    {SNPLP_DIAG_OVERLAPPING_SESSIONS, 411, "overlapping-sessions"},
    {SNPLP_DIAG_CAPACITY_EXCEEDED, 412, "capacity-exceeded"},
    {SNPLP_DIAG_DAYS_WITHOUT_ATTENDANCE, 413, "days-without-attendance"},
    {SNPLP_DIAG_ATTENDED_BELOW_SESSION, 414, "attended-below-session"},
};
static const int diag_code_others[] = {1,   99,  100, 108, 199,  221, 209,     218,
                                       232, 241, 279, 291, 299,  317, 314,     319,
                                       334, 399, 415, 449, 1000, -1,  INT_MAX, INT_MIN};
const enum_names names_diag_code = {a_snplp_diag_code_name,
                                    NULL,
                                    COUNT_AND(diag_code_values),
                                    "unknown",
                                    COUNT_AND(diag_code_others),
                                    NULL,
                                    0,
                                    0};

NAME(snplp_severity_name, snplp_severity)
static const named severity_values[] = {
    {SNPLP_SEVERITY_INFO, 0, "info"},
    {SNPLP_SEVERITY_WARNING, 1, "warning"},
    {SNPLP_SEVERITY_ERROR, 2, "error"},
};
static const int severity_others[] = {3, 4, 100, -1, INT_MAX, INT_MIN};
const enum_names names_severity = {a_snplp_severity_name,
                                   NULL,
                                   COUNT_AND(severity_values),
                                   "unknown",
                                   COUNT_AND(severity_others),
                                   NULL,
                                   0,
                                   0};

NAME(snplp_category_name, snplp_category)
static const named category_values[] = {
    {SNPLP_CATEGORY_WORKER, 1, "worker"},
    {SNPLP_CATEGORY_CADRE, 2, "cadre"},
};
static const int category_others[] = {0, 3, -1};
const enum_names names_category = {a_snplp_category_name,
                                   NULL,
                                   COUNT_AND(category_values),
                                   "unknown",
                                   COUNT_AND(category_others),
                                   NULL,
                                   0,
                                   0};

NAME(snplp_level_name, snplp_level)
static const named level_values[] = {
    {SNPLP_LEVEL_FUNDAMENTALS, 1, "fundamentals"},
    {SNPLP_LEVEL_EXPERT, 2, "expert"},
};
static const int level_others[] = {0, 3, -1};
const enum_names names_level = {a_snplp_level_name,
                                NULL,
                                COUNT_AND(level_values),
                                "unknown",
                                COUNT_AND(level_others),
                                NULL,
                                0,
                                0};

NAME(snplp_style_name, snplp_style)
static const named style_values[] = {
    {SNPLP_STYLE_BULLET, 1, "bullet"},
    {SNPLP_STYLE_NUMBERED, 2, "numbered"},
    {SNPLP_STYLE_HEADING, 3, "heading"},
};
static const int style_others[] = {0, 4, -1};
const enum_names names_style = {a_snplp_style_name,
                                NULL,
                                COUNT_AND(style_values),
                                "unknown",
                                COUNT_AND(style_others),
                                NULL,
                                0,
                                0};

NAME(snplp_territory_kind_name, snplp_territory_kind)
FROM_NAME(snplp_territory_kind_from_name)
static const named territory_kind_values[] = {
    {SNPLP_TERRITORY_NONE, 0, "none"},
    {SNPLP_TERRITORY_DEPARTEMENT, 1, "departement"},
    {SNPLP_TERRITORY_METROPOLE, 2, "metropole"},
    {SNPLP_TERRITORY_REGION, 3, "region"},
};
static const int territory_kind_others[] = {4, -1, 7, 1000};
static const char *const territory_kind_bad[] = {
    "none",         "",        "Departement", "DEPARTEMENT", "d\xc3\xa9partement",
    "departement ", " region", "regions",     "metro",       "commune",
    "region\n"};
const enum_names names_territory_kind = {a_snplp_territory_kind_name,
                                         a_snplp_territory_kind_from_name,
                                         COUNT_AND(territory_kind_values),
                                         "none",
                                         COUNT_AND(territory_kind_others),
                                         COUNT_AND(territory_kind_bad),
                                         0};

NAME(snplp_action_objective_name, snplp_action_objective)
FROM_NAME(snplp_action_objective_from_name)
static const named action_objective_values[] = {
    {SNPLP_ACTION_OBJECTIVE_NONE, 0, "none"},
    {SNPLP_ACTION_OBJECTIVE_CHILD_WELFARE_EXITS, 1, "child-welfare-exits"},
    {SNPLP_ACTION_OBJECTIVE_RSA_INSERTION, 2, "rsa-insertion"},
    {SNPLP_ACTION_OBJECTIVE_SOCIAL_WORK, 3, "social-work"},
    {SNPLP_ACTION_OBJECTIVE_FREE_INITIATIVE, 4, "free-initiative"},
};
static const int action_objective_others[] = {5, -1, 1000};
static const char *const action_objective_bad[] = {"none",         "",
                                                   "social_work",  "Social-Work",
                                                   "social-work ", "free initiative",
                                                   "rsa",          "child-welfare-exits\n",
                                                   "socle",        "initiative-libre"};
const enum_names names_action_objective = {a_snplp_action_objective_name,
                                           a_snplp_action_objective_from_name,
                                           COUNT_AND(action_objective_values),
                                           "none",
                                           COUNT_AND(action_objective_others),
                                           COUNT_AND(action_objective_bad),
                                           0};

NAME(snplp_action_status_name, snplp_action_status)
FROM_NAME(snplp_action_status_from_name)
static const named action_status_values[] = {
    {SNPLP_ACTION_STATUS_NONE, 0, "none"},
    {SNPLP_ACTION_STATUS_PLANNED, 1, "planned"},
    {SNPLP_ACTION_STATUS_IN_PROGRESS, 2, "in-progress"},
    {SNPLP_ACTION_STATUS_DONE, 3, "done"},
    {SNPLP_ACTION_STATUS_DROPPED, 4, "dropped"},
};
static const int action_status_others[] = {5, -1, 99};
static const char *const action_status_bad[] = {"none", "",      "in_progress",
                                                "Done", "done ", "abandoned"};
const enum_names names_action_status = {a_snplp_action_status_name,
                                        a_snplp_action_status_from_name,
                                        COUNT_AND(action_status_values),
                                        "none",
                                        COUNT_AND(action_status_others),
                                        COUNT_AND(action_status_bad),
                                        0};

NAME(snplp_unit_name, snplp_unit)
FROM_NAME(snplp_unit_from_name)
static const named unit_values[] = {
    {SNPLP_UNIT_NONE, 0, "none"},       {SNPLP_UNIT_COUNT, 1, "count"},
    {SNPLP_UNIT_PERCENT, 2, "percent"}, {SNPLP_UNIT_DAYS, 3, "days"},
    {SNPLP_UNIT_EUROS, 4, "euros"},     {SNPLP_UNIT_RATIO, 5, "ratio"},
};
static const int unit_others[] = {6, -1, 1000};
static const char *const unit_bad[] = {"none", "", "Count", "percent ", "%", "euro", "jours"};
const enum_names names_unit = {a_snplp_unit_name,
                               a_snplp_unit_from_name,
                               COUNT_AND(unit_values),
                               "none",
                               COUNT_AND(unit_others),
                               COUNT_AND(unit_bad),
                               0};

NAME(snplp_polarity_name, snplp_polarity)
FROM_NAME(snplp_polarity_from_name)
static const named polarity_values[] = {
    {SNPLP_POLARITY_NONE, 0, "none"},
    {SNPLP_POLARITY_HIGHER, 1, "higher-is-better"},
    {SNPLP_POLARITY_LOWER, 2, "lower-is-better"},
    {SNPLP_POLARITY_EXACT, 3, "exact-target"},
};
static const int polarity_others[] = {4, -1};
static const char *const polarity_bad[] = {"none",  "",      "higher",
                                           "lower", "exact", "Higher-Is-Better"};
const enum_names names_polarity = {a_snplp_polarity_name,
                                   a_snplp_polarity_from_name,
                                   COUNT_AND(polarity_values),
                                   "none",
                                   COUNT_AND(polarity_others),
                                   COUNT_AND(polarity_bad),
                                   0};

NAME(snplp_credit_reason_name, snplp_credit_reason)
static const named credit_reason_values[] = {
    {SNPLP_CREDIT_NONE, 0, "none"},
    {SNPLP_CREDIT_REPORT_MISSING, 1, "report-missing"},
    {SNPLP_CREDIT_REPORT_LATE, 2, "report-late"},
    {SNPLP_CREDIT_ACTION_NOT_DONE, 3, "action-not-done"},
    {SNPLP_CREDIT_ACTION_DROPPED, 4, "action-dropped"},
};
static const int credit_reason_others[] = {5, -1};
const enum_names names_credit_reason = {a_snplp_credit_reason_name,
                                        NULL,
                                        COUNT_AND(credit_reason_values),
                                        "none",
                                        COUNT_AND(credit_reason_others),
                                        NULL,
                                        0,
                                        0};

NAME(snplp_report_state_name, snplp_report_state)
static const named report_state_values[] = {
    {SNPLP_REPORT_NONE, 0, "none"},       {SNPLP_REPORT_NOT_YET_DUE, 1, "not-yet-due"},
    {SNPLP_REPORT_ON_TIME, 2, "on-time"}, {SNPLP_REPORT_LATE, 3, "late"},
    {SNPLP_REPORT_MISSING, 4, "missing"},
};
static const int report_state_others[] = {5, -1};
const enum_names names_report_state = {a_snplp_report_state_name,
                                       NULL,
                                       COUNT_AND(report_state_values),
                                       "none",
                                       COUNT_AND(report_state_others),
                                       NULL,
                                       0,
                                       0};

NAME(snplp_cell_status_name, snplp_cell_status)
static const named cell_status_values[] = {
    {SNPLP_CELL_NONE, 0, "none"},
    {SNPLP_CELL_REACHED, 1, "reached"},
    {SNPLP_CELL_PARTLY_REACHED, 2, "partly-reached"},
    {SNPLP_CELL_NOT_REACHED, 3, "not-reached"},
    {SNPLP_CELL_NO_TARGET, 4, "no-target"},
    {SNPLP_CELL_ACTUAL_MISSING, 5, "actual-missing"},
    {SNPLP_CELL_NOT_AGGREGATED, 6, "not-aggregated"},
    {SNPLP_CELL_NOT_YET_DUE, 7, "not-yet-due"},
    {SNPLP_CELL_NOT_COMPUTABLE, 8, "not-computable"},
};
static const int cell_status_others[] = {SNPLP_CELL_STATUS_COUNT_1_3, -3};
const enum_names names_cell_status = {a_snplp_cell_status_name,
                                      NULL,
                                      COUNT_AND(cell_status_values),
                                      "none",
                                      COUNT_AND(cell_status_others),
                                      NULL,
                                      0,
                                      0};

NAME(snplp_csv_dialect_name, snplp_csv_dialect)
FROM_NAME(snplp_csv_dialect_from_name)
static const named csv_dialect_values[] = {
    {SNPLP_CSV_NONE, 0, "none"},
    {SNPLP_CSV_INTL, 1, "intl"},
    {SNPLP_CSV_FR, 2, "fr"},
};
static const int csv_dialect_others[] = {3, -1};
static const char *const csv_dialect_bad[] = {"FR", "none", ""};
const enum_names names_csv_dialect = {a_snplp_csv_dialect_name,
                                      a_snplp_csv_dialect_from_name,
                                      COUNT_AND(csv_dialect_values),
                                      "none",
                                      COUNT_AND(csv_dialect_others),
                                      COUNT_AND(csv_dialect_bad),
                                      0};

void assert_enum_names(const enum_names *e)
{
    size_t used = snplp_memory_used();
    for (size_t i = 0; i < e->n; i++) {
        const named *v = &e->values[i];
        assert_int_equal(v->value, v->abi); /* ABI values */
        assert_string_equal(e->name(v->value), v->name);
        assert_ptr_equal(e->name(v->value), e->name(v->value)); /* static */
        if (e->from_name)
            assert_int_equal(e->from_name(v->name), v->value);
    }
    for (size_t i = 0; i < e->nothers; i++) {
        assert_string_equal(e->name(e->others[i]), e->unknown);
        if (e->from_name) /* the name of an out-of-range value reads back as none */
            assert_int_equal(e->from_name(e->name(e->others[i])), e->none);
    }
    for (size_t i = 0; e->from_name && i <= e->nbad; i++) {
        snplp_error_clear();
        assert_int_equal(e->from_name(i < e->nbad ? e->bad[i] : NULL), e->none);
        assert_int_equal(snplp_error_last_code(), SNPLP_OK);
    }
    assert_int_equal(snplp_memory_used(), used);
}

void every_value_has_its_name(void **state)
{
    for (const enum_names *const *e = *state; *e; e++)
        assert_enum_names(*e);
}
