/* The description of every kind of item of a referential (kinds.h), and the zoo. */
#include "kinds.h"

#include <float.h>
#include <inttypes.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>

/* ---- typed adapters: each calls one public function with its own types ---- */

#define ITEM(id, root, find)                                                                       \
    static const char *a_##id(const void *it)                                                      \
    {                                                                                              \
        return id(it);                                                                             \
    }                                                                                              \
    static snplp_referential *a_##root(const void *it)                                             \
    {                                                                                              \
        return root(it);                                                                           \
    }                                                                                              \
    static void *a_##find(const snplp_referential *ref, const char *id_)                           \
    {                                                                                              \
        return find(ref, id_);                                                                     \
    }
#define SINGLETON(id, root, get)                                                                   \
    static const char *a_##id(const void *it)                                                      \
    {                                                                                              \
        return id(it);                                                                             \
    }                                                                                              \
    static snplp_referential *a_##root(const void *it)                                             \
    {                                                                                              \
        return root(it);                                                                           \
    }                                                                                              \
    static void *a_##get(const snplp_referential *ref, const char *id_)                            \
    {                                                                                              \
        (void)id_;                                                                                 \
        return get(ref);                                                                           \
    }
#define GET(fn, T)                                                                                 \
    static T a_##fn(const void *it)                                                                \
    {                                                                                              \
        return fn(it);                                                                             \
    }
#define SET_TEXT(fn)                                                                               \
    static int a_##fn(void *it, const char *s)                                                     \
    {                                                                                              \
        return fn(it, s);                                                                          \
    }
#define TEXT(get, set) GET(get, const char *) SET_TEXT(set)
/* An optional number read through an out parameter of type T. */
#define NUMBER(get, set, clear, T, member)                                                         \
    static int a_##get(num *out, const void *it)                                                   \
    {                                                                                              \
        T v = out ? (T)out->member : 0;                                                            \
        int rc = get(out ? &v : NULL, it);                                                         \
        if (out)                                                                                   \
            out->member = v;                                                                       \
        return rc;                                                                                 \
    }                                                                                              \
    static int a_##set(void *it, num v)                                                            \
    {                                                                                              \
        return set(it, (T)v.member);                                                               \
    }                                                                                              \
    static int a_##clear(void *it)                                                                 \
    {                                                                                              \
        return clear(it);                                                                          \
    }
/* A value of type T (an integer, an enum or a bool), kept in num.i. */
#define VALUE(get, set, T)                                                                         \
    static num a_##get(const void *it)                                                             \
    {                                                                                              \
        num v = I((int64_t)get(it));                                                               \
        return v;                                                                                  \
    }                                                                                              \
    static int a_##set(void *it, num v)                                                            \
    {                                                                                              \
        return set(it, (T)v.i);                                                                    \
    }
#define STRINGS(add, count, at)                                                                    \
    SET_TEXT(add)                                                                                  \
    GET(count, size_t)                                                                             \
    static const char *a_##at(const void *it, size_t i)                                            \
    {                                                                                              \
        return at(it, i);                                                                          \
    }
/* A list of children of type T; ARGS are the adder's arguments after the parent, in
 * parentheses: (id, text), or with an extra argument made from `extra` (a style, a level...).
 * *out keeps what the caller put there unless the adder writes it. */
#define EXPAND(...) __VA_ARGS__
#define CHILDREN(add, count, at, T, ARGS)                                                          \
    static int a_##add(void **out, void *parent, const char *id, num extra, const char *text)      \
    {                                                                                              \
        (void)extra;                                                                               \
        T *o = out ? *out : NULL;                                                                  \
        int rc = add(out ? &o : NULL, parent, EXPAND ARGS);                                        \
        if (out)                                                                                   \
            *out = o;                                                                              \
        return rc;                                                                                 \
    }                                                                                              \
    GET(count, size_t)                                                                             \
    static void *a_##at(const void *parent, size_t i)                                              \
    {                                                                                              \
        return at(parent, i);                                                                      \
    }

#define COUNT_AND(a) a, COUNT_OF(a)
/* The fields a list without an extra argument or a value without bad values leaves empty. */
#define NO_EXTRA I(0), NULL, NULL, 0
#define NO_BAD   NULL, 0

/* ---- the referential's own lists (kind 0) ---- */

CHILDREN(snplp_referential_add_commitment, snplp_referential_commitment_count,
         snplp_referential_commitment_at, snplp_commitment, (id, text))
CHILDREN(snplp_referential_add_lever, snplp_referential_lever_count, snplp_referential_lever_at,
         snplp_lever, (id, text))
CHILDREN(snplp_referential_add_theme, snplp_referential_theme_count, snplp_referential_theme_at,
         snplp_theme, (id, text))
/* Modules of the referential name the zoo's theme "t". */
CHILDREN(snplp_referential_add_module, snplp_referential_module_count, snplp_referential_module_at,
         snplp_module, ("t", id, (snplp_level)extra.i, text))
CHILDREN(snplp_referential_add_profession, snplp_referential_profession_count,
         snplp_referential_profession_at, snplp_profession, (id, (snplp_category)extra.i, text))
CHILDREN(snplp_referential_add_diploma_rule, snplp_referential_diploma_rule_count,
         snplp_referential_diploma_rule_at, snplp_diploma_rule, (id, text))
CHILDREN(snplp_referential_add_funding, snplp_referential_funding_count,
         snplp_referential_funding_at, snplp_funding, (id, text))
CHILDREN(snplp_referential_add_plan, snplp_referential_plan_count, snplp_referential_plan_at,
         snplp_plan, (id, text))

static const num bad_levels[] = {I(0), I(3), I(-1)};
static const num bad_categories[] = {
    I(0),      I(3), I(-1), I(255), I(256 + SNPLP_CATEGORY_WORKER), I(256 + SNPLP_CATEGORY_CADRE),
    I(1 << 30)};
static const num bad_styles[] = {I(0), I(4), I(-1), I(255), I(257)};

static const child_list referential_lists[] = {
    {"commitments", SNPLP_KIND_COMMITMENT, a_snplp_referential_add_commitment,
     a_snplp_referential_commitment_count, a_snplp_referential_commitment_at, NO_EXTRA},
    {"levers", SNPLP_KIND_LEVER, a_snplp_referential_add_lever, a_snplp_referential_lever_count,
     a_snplp_referential_lever_at, NO_EXTRA},
    {"themes", SNPLP_KIND_THEME, a_snplp_referential_add_theme, a_snplp_referential_theme_count,
     a_snplp_referential_theme_at, NO_EXTRA},
    {"modules", SNPLP_KIND_MODULE, a_snplp_referential_add_module, a_snplp_referential_module_count,
     a_snplp_referential_module_at, I(SNPLP_LEVEL_FUNDAMENTALS), "level", COUNT_AND(bad_levels)},
    {"professions", SNPLP_KIND_PROFESSION, a_snplp_referential_add_profession,
     a_snplp_referential_profession_count, a_snplp_referential_profession_at,
     I(SNPLP_CATEGORY_WORKER), "category", COUNT_AND(bad_categories)},
    {"diploma_rules", SNPLP_KIND_DIPLOMA_RULE, a_snplp_referential_add_diploma_rule,
     a_snplp_referential_diploma_rule_count, a_snplp_referential_diploma_rule_at, NO_EXTRA},
    {"fundings", SNPLP_KIND_FUNDING, a_snplp_referential_add_funding,
     a_snplp_referential_funding_count, a_snplp_referential_funding_at, NO_EXTRA},
    {"plans", SNPLP_KIND_PLAN, a_snplp_referential_add_plan, a_snplp_referential_plan_count,
     a_snplp_referential_plan_at, NO_EXTRA},
};

static const kind_desc referential_kind = {
    .name = "referential",
    .lists = COUNT_AND(referential_lists),
};

/* ---- strategy ---- */

SINGLETON(snplp_strategy_id, snplp_strategy_referential, snplp_referential_strategy)
TEXT(snplp_strategy_title, snplp_strategy_set_title)
TEXT(snplp_strategy_description, snplp_strategy_set_description)
TEXT(snplp_strategy_budget_text, snplp_strategy_set_budget_text)
TEXT(snplp_strategy_launch_date, snplp_strategy_set_launch_date)
NUMBER(snplp_strategy_budget_cents, snplp_strategy_set_budget_cents, snplp_strategy_clear_budget,
       int64_t, i)
VALUE(snplp_strategy_levers_open, snplp_strategy_set_levers_open, bool)
STRINGS(snplp_strategy_add_label, snplp_strategy_label_count, snplp_strategy_label_at)

static const text_field strategy_texts[] = {
    {"title", 0, a_snplp_strategy_title, a_snplp_strategy_set_title, "Strat\xc3\xa9gie nationale"},
    {"description", 0, a_snplp_strategy_description, a_snplp_strategy_set_description,
     "Pr\xc3\xa9vention et lutte"},
    {"budget_text", 0, a_snplp_strategy_budget_text, a_snplp_strategy_set_budget_text,
     "8,5 milliards d'euros"},
    {"launch_date", TEXT_FORMATTED, a_snplp_strategy_launch_date, a_snplp_strategy_set_launch_date,
     "2018-09"},
};
static const num_pair budgets[] = {
    {I(INT64_C(850000000000)), I(INT64_C(850000000000))},
    {I(0), I(0)},
    {I(INT64_MAX), I(INT64_MAX)},
    {I(1), I(1)},
};
static const num bad_budgets[] = {I(-1), I(INT64_MIN), I(-INT64_C(850000000000))};
static const number_field strategy_numbers[] = {
    {"budget_cents", NUM_I64, a_snplp_strategy_budget_cents, a_snplp_strategy_set_budget_cents,
     a_snplp_strategy_clear_budget, COUNT_AND(budgets), COUNT_AND(bad_budgets)},
};
static const num booleans[] = {I(false), I(true)};
static const value_field strategy_values[] = {
    {"levers_open", NUM_BOOL, a_snplp_strategy_levers_open, a_snplp_strategy_set_levers_open,
     COUNT_AND(booleans), NO_BAD},
};
static const string_list strategy_strings[] = {
    {"labels", false, a_snplp_strategy_add_label, NULL, a_snplp_strategy_label_count,
     a_snplp_strategy_label_at},
};

static const kind_desc strategy_kind = {
    .name = "strategy",
    .kind = SNPLP_KIND_STRATEGY,
    .id = a_snplp_strategy_id,
    .referential = a_snplp_strategy_referential,
    .find = a_snplp_referential_strategy,
    .ids = {"strategy"},
    .texts = COUNT_AND(strategy_texts),
    .numbers = COUNT_AND(strategy_numbers),
    .values = COUNT_AND(strategy_values),
    .strings = COUNT_AND(strategy_strings),
};

/* ---- training plan ---- */

SINGLETON(snplp_training_plan_id, snplp_training_plan_referential, snplp_referential_training_plan)
TEXT(snplp_training_plan_title, snplp_training_plan_set_title)
TEXT(snplp_training_plan_description, snplp_training_plan_set_description)
TEXT(snplp_training_plan_audience, snplp_training_plan_set_audience)
TEXT(snplp_training_plan_rule, snplp_training_plan_set_rule)
NUMBER(snplp_training_plan_max_module_days, snplp_training_plan_set_max_module_days,
       snplp_training_plan_clear_max_module_days, double, d)
CHILDREN(snplp_training_plan_add_objective, snplp_training_plan_objective_count,
         snplp_training_plan_objective_at, snplp_objective, (id, text))
CHILDREN(snplp_training_plan_add_outcome, snplp_training_plan_outcome_count,
         snplp_training_plan_outcome_at, snplp_outcome, (id, text))

static const text_field training_plan_texts[] = {
    {"title", 0, a_snplp_training_plan_title, a_snplp_training_plan_set_title, "Plan de formation"},
    {"description", 0, a_snplp_training_plan_description, a_snplp_training_plan_set_description,
     "Former"},
    {"audience", 0, a_snplp_training_plan_audience, a_snplp_training_plan_set_audience, "Tous"},
    {"rule", 0, a_snplp_training_plan_rule, a_snplp_training_plan_set_rule, "Tous les modules"},
};
/* Days: positive, finite, kept to the millionth of a day, below 10000. */
static const num_pair days[] = {
    {DBL(5.0), DBL(5.0)},
    {DBL(0.5), DBL(0.5)},
    {DBL(1.0), DBL(1.0)},
    {DBL(3.25), DBL(3.25)},
    {DBL(365.0), DBL(365.0)},
    {DBL(0.000001), DBL(0.000001)},
    {DBL(9999.999999), DBL(9999.999999)},
    {DBL(2.5), DBL(2.5)},
    {DBL(2.1234567), DBL(2.123457)},
};
static const num bad_days[] = {DBL(0.0),       DBL(-0.0),      DBL(-1.0),    DBL(-DBL_MIN),
                               DBL(-DBL_MAX),  DBL(DBL_MIN),   DBL(DBL_MAX), DBL(1e4),
                               DBL(10000.5),   DBL(NAN),       DBL(-NAN),    DBL(INFINITY),
                               DBL(-INFINITY), DBL(0.0000004), DBL(-1e-300), DBL(1e-300)};
static const number_field training_plan_numbers[] = {
    {"max_module_days", NUM_DOUBLE, a_snplp_training_plan_max_module_days,
     a_snplp_training_plan_set_max_module_days, a_snplp_training_plan_clear_max_module_days,
     COUNT_AND(days), COUNT_AND(bad_days)},
};
static const child_list training_plan_lists[] = {
    {"objectives", SNPLP_KIND_OBJECTIVE, a_snplp_training_plan_add_objective,
     a_snplp_training_plan_objective_count, a_snplp_training_plan_objective_at, NO_EXTRA},
    {"outcomes", SNPLP_KIND_OUTCOME, a_snplp_training_plan_add_outcome,
     a_snplp_training_plan_outcome_count, a_snplp_training_plan_outcome_at, NO_EXTRA},
};

static const kind_desc training_plan_kind = {
    .name = "training_plan",
    .kind = SNPLP_KIND_TRAINING_PLAN,
    .id = a_snplp_training_plan_id,
    .referential = a_snplp_training_plan_referential,
    .find = a_snplp_referential_training_plan,
    .ids = {"training-plan"},
    .texts = COUNT_AND(training_plan_texts),
    .numbers = COUNT_AND(training_plan_numbers),
    .lists = COUNT_AND(training_plan_lists),
};

/* ---- commitment and lever: a required title and an optional description ---- */

ITEM(snplp_commitment_id, snplp_commitment_referential, snplp_referential_commitment_find)
TEXT(snplp_commitment_title, snplp_commitment_set_title)
TEXT(snplp_commitment_description, snplp_commitment_set_description)

static const text_field commitment_texts[] = {
    {"title", TEXT_REQUIRED, a_snplp_commitment_title, a_snplp_commitment_set_title, "Garantir"},
    {"description", 0, a_snplp_commitment_description, a_snplp_commitment_set_description,
     "D\xc3\xa8s les premiers pas"},
};

static const kind_desc commitment_kind = {
    .name = "commitment",
    .kind = SNPLP_KIND_COMMITMENT,
    .id = a_snplp_commitment_id,
    .referential = a_snplp_commitment_referential,
    .find = a_snplp_referential_commitment_find,
    .parent_list = 0,
    .ids = {"c1", "c2"},
    .item_texts = {"L'\xc3\xa9galit\xc3\xa9 des chances d\xc3\xa8s les premiers pas", "Garantir"},
    .texts = COUNT_AND(commitment_texts),
};

ITEM(snplp_lever_id, snplp_lever_referential, snplp_referential_lever_find)
TEXT(snplp_lever_title, snplp_lever_set_title)
TEXT(snplp_lever_description, snplp_lever_set_description)

static const text_field lever_texts[] = {
    {"title", TEXT_REQUIRED, a_snplp_lever_title, a_snplp_lever_set_title, "Mobiliser"},
    {"description", 0, a_snplp_lever_description, a_snplp_lever_set_description, "Participation"},
};

static const kind_desc lever_kind = {
    .name = "lever",
    .kind = SNPLP_KIND_LEVER,
    .id = a_snplp_lever_id,
    .referential = a_snplp_lever_referential,
    .find = a_snplp_referential_lever_find,
    .parent_list = 1,
    .ids = {"l1", "l2"},
    .item_texts = {"Un choc de participation et de r\xc3\xa9novation du travail social",
                   "Mobiliser"},
    .texts = COUNT_AND(lever_texts),
};

/* ---- theme ---- */

ITEM(snplp_theme_id, snplp_theme_referential, snplp_referential_theme_find)
TEXT(snplp_theme_title, snplp_theme_set_title)
TEXT(snplp_theme_description, snplp_theme_set_description)
STRINGS(snplp_theme_add_label, snplp_theme_label_count, snplp_theme_label_at)
CHILDREN(snplp_theme_add_objective, snplp_theme_objective_count, snplp_theme_objective_at,
         snplp_objective, (id, text))
CHILDREN(snplp_theme_add_outcome, snplp_theme_outcome_count, snplp_theme_outcome_at, snplp_outcome,
         (id, text))
CHILDREN(snplp_theme_add_recommendation, snplp_theme_recommendation_count,
         snplp_theme_recommendation_at, snplp_recommendation, (id, text))
CHILDREN(snplp_theme_add_module, snplp_theme_module_count, snplp_theme_module_at, snplp_module,
         (id, (snplp_level)extra.i, text))

static const text_field theme_texts[] = {
    {"title", TEXT_REQUIRED, a_snplp_theme_title, a_snplp_theme_set_title, "Acc\xc3\xa8s"},
    {"description", 0, a_snplp_theme_description, a_snplp_theme_set_description, "Le paragraphe."},
};
static const string_list theme_strings[] = {
    {"labels", false, a_snplp_theme_add_label, NULL, a_snplp_theme_label_count,
     a_snplp_theme_label_at},
};
static const child_list theme_lists[] = {
    {"objectives", SNPLP_KIND_OBJECTIVE, a_snplp_theme_add_objective, a_snplp_theme_objective_count,
     a_snplp_theme_objective_at, NO_EXTRA},
    {"outcomes", SNPLP_KIND_OUTCOME, a_snplp_theme_add_outcome, a_snplp_theme_outcome_count,
     a_snplp_theme_outcome_at, NO_EXTRA},
    {"recommendations", SNPLP_KIND_RECOMMENDATION, a_snplp_theme_add_recommendation,
     a_snplp_theme_recommendation_count, a_snplp_theme_recommendation_at, NO_EXTRA},
    {"modules", SNPLP_KIND_MODULE, a_snplp_theme_add_module, a_snplp_theme_module_count,
     a_snplp_theme_module_at, I(SNPLP_LEVEL_EXPERT), "level", COUNT_AND(bad_levels)},
};

static const kind_desc theme_kind = {
    .name = "theme",
    .kind = SNPLP_KIND_THEME,
    .id = a_snplp_theme_id,
    .referential = a_snplp_theme_referential,
    .find = a_snplp_referential_theme_find,
    .parent_list = 2,
    .ids = {"t", "t2"},
    .item_texts = {"Th\xc3\xa8me", "Th\xc3\xa8me deux"},
    .texts = COUNT_AND(theme_texts),
    .strings = COUNT_AND(theme_strings),
    .lists = COUNT_AND(theme_lists),
};

/* ---- module ---- */

ITEM(snplp_module_id, snplp_module_referential, snplp_referential_module_find)
GET(snplp_module_theme, void *)
TEXT(snplp_module_title, snplp_module_set_title)
TEXT(snplp_module_subtitle, snplp_module_set_subtitle)
TEXT(snplp_module_audience, snplp_module_set_audience)
TEXT(snplp_module_role, snplp_module_set_role)
TEXT(snplp_module_theme_id, snplp_module_set_theme_id)
NUMBER(snplp_module_duration_days, snplp_module_set_duration_days, snplp_module_clear_duration,
       double, d)
VALUE(snplp_module_level, snplp_module_set_level, snplp_level)
STRINGS(snplp_module_add_prerequisite, snplp_module_prerequisite_count,
        snplp_module_prerequisite_at)
SET_TEXT(snplp_module_remove_prerequisite)
STRINGS(snplp_module_add_profession, snplp_module_profession_count, snplp_module_profession_at)
SET_TEXT(snplp_module_remove_profession)
CHILDREN(snplp_module_add_competence, snplp_module_competence_count, snplp_module_competence_at,
         snplp_competence, (id, text))
CHILDREN(snplp_module_add_recommendation, snplp_module_recommendation_count,
         snplp_module_recommendation_at, snplp_recommendation, (id, text))

static const text_field module_texts[] = {
    {"title", TEXT_REQUIRED, a_snplp_module_title, a_snplp_module_set_title, "Titre"},
    {"subtitle", 0, a_snplp_module_subtitle, a_snplp_module_set_subtitle, "Sous-titre"},
    {"audience", 0, a_snplp_module_audience, a_snplp_module_set_audience, "Public"},
    {"role", 0, a_snplp_module_role, a_snplp_module_set_role, "R\xc3\xb4le"},
    {"theme_id", TEXT_REQUIRED | TEXT_FORMATTED, a_snplp_module_theme_id,
     a_snplp_module_set_theme_id, "t2"},
};
static const number_field module_numbers[] = {
    {"duration_days", NUM_DOUBLE, a_snplp_module_duration_days, a_snplp_module_set_duration_days,
     a_snplp_module_clear_duration, COUNT_AND(days), COUNT_AND(bad_days)},
};
static const num levels[] = {I(SNPLP_LEVEL_FUNDAMENTALS), I(SNPLP_LEVEL_EXPERT)};
static const value_field module_values[] = {
    {"level", NUM_INT, a_snplp_module_level, a_snplp_module_set_level, COUNT_AND(levels),
     COUNT_AND(bad_levels)},
};
static const string_list module_strings[] = {
    {"prerequisites", true, a_snplp_module_add_prerequisite, a_snplp_module_remove_prerequisite,
     a_snplp_module_prerequisite_count, a_snplp_module_prerequisite_at},
    {"professions", true, a_snplp_module_add_profession, a_snplp_module_remove_profession,
     a_snplp_module_profession_count, a_snplp_module_profession_at},
};
static const child_list module_lists[] = {
    {"competences", SNPLP_KIND_COMPETENCE, a_snplp_module_add_competence,
     a_snplp_module_competence_count, a_snplp_module_competence_at, NO_EXTRA},
    {"recommendations", SNPLP_KIND_RECOMMENDATION, a_snplp_module_add_recommendation,
     a_snplp_module_recommendation_count, a_snplp_module_recommendation_at, NO_EXTRA},
};

static const kind_desc module_kind = {
    .name = "module",
    .kind = SNPLP_KIND_MODULE,
    .id = a_snplp_module_id,
    .referential = a_snplp_module_referential,
    .find = a_snplp_referential_module_find,
    .owner = a_snplp_module_theme,
    .owner_kind = SNPLP_KIND_THEME,
    .parent_list = 3,
    .ids = {"m", "m2"},
    .item_texts = {"Module", "Module deux"},
    .texts = COUNT_AND(module_texts),
    .numbers = COUNT_AND(module_numbers),
    .values = COUNT_AND(module_values),
    .strings = COUNT_AND(module_strings),
    .lists = COUNT_AND(module_lists),
    .names = &names_level,
};

/* ---- competence and content ---- */

ITEM(snplp_competence_id, snplp_competence_referential, snplp_referential_competence_find)
GET(snplp_competence_module, void *)
TEXT(snplp_competence_title, snplp_competence_set_title)
CHILDREN(snplp_competence_add_content, snplp_competence_content_count, snplp_competence_content_at,
         snplp_content, (id, (snplp_style)extra.i, text))

static const text_field competence_texts[] = {
    {"title", TEXT_REQUIRED, a_snplp_competence_title, a_snplp_competence_set_title, "Agir"},
};
static const child_list competence_lists[] = {
    {"contents", SNPLP_KIND_CONTENT, a_snplp_competence_add_content,
     a_snplp_competence_content_count, a_snplp_competence_content_at, I(SNPLP_STYLE_HEADING),
     "style", COUNT_AND(bad_styles)},
};

static const kind_desc competence_kind = {
    .name = "competence",
    .kind = SNPLP_KIND_COMPETENCE,
    .id = a_snplp_competence_id,
    .referential = a_snplp_competence_referential,
    .find = a_snplp_referential_competence_find,
    .owner = a_snplp_competence_module,
    .owner_kind = SNPLP_KIND_MODULE,
    .parent = SNPLP_KIND_MODULE,
    .parent_list = 0,
    .ids = {"comp", "comp2"},
    .item_texts = {"Conna\xc3\xaetre les dispositifs", "Agir \xc3\xa0 temps"},
    .texts = COUNT_AND(competence_texts),
    .lists = COUNT_AND(competence_lists),
};

ITEM(snplp_content_id, snplp_content_referential, snplp_referential_content_find)
GET(snplp_content_competence, void *)
GET(snplp_content_parent, void *)
TEXT(snplp_content_text, snplp_content_set_text)
VALUE(snplp_content_style, snplp_content_set_style, snplp_style)
CHILDREN(snplp_content_add_child, snplp_content_child_count, snplp_content_child_at, snplp_content,
         (id, (snplp_style)extra.i, text))

static const text_field content_texts[] = {
    {"text", TEXT_REQUIRED, a_snplp_content_text, a_snplp_content_set_text, "Texte"},
};
static const num styles[] = {I(SNPLP_STYLE_HEADING), I(SNPLP_STYLE_BULLET),
                             I(SNPLP_STYLE_NUMBERED)};
static const value_field content_values[] = {
    {"style", NUM_INT, a_snplp_content_style, a_snplp_content_set_style, COUNT_AND(styles),
     COUNT_AND(bad_styles)},
};
static const child_list content_lists[] = {
    {"children", SNPLP_KIND_CONTENT, a_snplp_content_add_child, a_snplp_content_child_count,
     a_snplp_content_child_at, I(SNPLP_STYLE_BULLET), "style", COUNT_AND(bad_styles)},
};

static const kind_desc content_kind = {
    .name = "content",
    .kind = SNPLP_KIND_CONTENT,
    .id = a_snplp_content_id,
    .referential = a_snplp_content_referential,
    .find = a_snplp_referential_content_find,
    .owner = a_snplp_content_competence,
    .owner_kind = SNPLP_KIND_COMPETENCE,
    .nest = a_snplp_content_parent,
    .parent = SNPLP_KIND_COMPETENCE,
    .parent_list = 0,
    .ids = {"h", "h2"},
    .item_texts = {"Les droits", "Le droit \xc3\xa0 l'erreur"},
    .texts = COUNT_AND(content_texts),
    .values = COUNT_AND(content_values),
    .lists = COUNT_AND(content_lists),
    .names = &names_style,
};

/* ---- objective, outcome and recommendation: a required text ---- */

ITEM(snplp_objective_id, snplp_objective_referential, snplp_referential_objective_find)
TEXT(snplp_objective_text, snplp_objective_set_text)

static const text_field objective_texts[] = {
    {"text", TEXT_REQUIRED, a_snplp_objective_text, a_snplp_objective_set_text, "Autre"},
};

static const kind_desc objective_kind = {
    .name = "objective",
    .kind = SNPLP_KIND_OBJECTIVE,
    .id = a_snplp_objective_id,
    .referential = a_snplp_objective_referential,
    .find = a_snplp_referential_objective_find,
    .parent = SNPLP_KIND_TRAINING_PLAN,
    .parent_list = 0,
    .ids = {"o1", "o2"},
    .item_texts = {"Am\xc3\xa9liorer l'acc\xc3\xa8s aux droits", "Deux"},
    .texts = COUNT_AND(objective_texts),
};

ITEM(snplp_outcome_id, snplp_outcome_referential, snplp_referential_outcome_find)
TEXT(snplp_outcome_text, snplp_outcome_set_text)
VALUE(snplp_outcome_for_involved, snplp_outcome_set_for_involved, bool)

static const text_field outcome_texts[] = {
    {"text", TEXT_REQUIRED, a_snplp_outcome_text, a_snplp_outcome_set_text, "Nouveau texte"},
};
static const value_field outcome_values[] = {
    {"for_involved", NUM_BOOL, a_snplp_outcome_for_involved, a_snplp_outcome_set_for_involved,
     COUNT_AND(booleans), NO_BAD},
};

static const kind_desc outcome_kind = {
    .name = "outcome",
    .kind = SNPLP_KIND_OUTCOME,
    .id = a_snplp_outcome_id,
    .referential = a_snplp_outcome_referential,
    .find = a_snplp_referential_outcome_find,
    .parent = SNPLP_KIND_TRAINING_PLAN,
    .parent_list = 1,
    .ids = {"u1", "u2"},
    .item_texts = {"Conna\xc3\xaetre le r\xc3\xa9seau", "Pour les plus impliqu\xc3\xa9s"},
    .texts = COUNT_AND(outcome_texts),
    .values = COUNT_AND(outcome_values),
};

ITEM(snplp_recommendation_id, snplp_recommendation_referential,
     snplp_referential_recommendation_find)
TEXT(snplp_recommendation_text, snplp_recommendation_set_text)

static const text_field recommendation_texts[] = {
    {"text", TEXT_REQUIRED, a_snplp_recommendation_text, a_snplp_recommendation_set_text,
     "Analyse des pratiques"},
};

static const kind_desc recommendation_kind = {
    .name = "recommendation",
    .kind = SNPLP_KIND_RECOMMENDATION,
    .id = a_snplp_recommendation_id,
    .referential = a_snplp_recommendation_referential,
    .find = a_snplp_referential_recommendation_find,
    .parent = SNPLP_KIND_THEME,
    .parent_list = 2,
    .ids = {"r1", "r2"},
    .item_texts = {"Interventions de pairs aidants et d'\xc3\xa9lus", "Sessions fractionn\xc3\xa9"
                                                                      "es"},
    .texts = COUNT_AND(recommendation_texts),
};

/* ---- profession, diploma rule, funding ---- */

ITEM(snplp_profession_id, snplp_profession_referential, snplp_referential_profession_find)
TEXT(snplp_profession_title, snplp_profession_set_title)
TEXT(snplp_profession_abbreviation, snplp_profession_set_abbreviation)
VALUE(snplp_profession_category, snplp_profession_set_category, snplp_category)

static const text_field profession_texts[] = {
    {"title", TEXT_REQUIRED, a_snplp_profession_title, a_snplp_profession_set_title,
     "\xc3\x89"
     "ducateurs sp\xc3\xa9"
     "cialis\xc3\xa9s"},
    {"abbreviation", 0, a_snplp_profession_abbreviation, a_snplp_profession_set_abbreviation,
     "ASS"},
};
static const num categories[] = {I(SNPLP_CATEGORY_WORKER), I(SNPLP_CATEGORY_CADRE)};
static const value_field profession_values[] = {
    {"category", NUM_INT, a_snplp_profession_category, a_snplp_profession_set_category,
     COUNT_AND(categories), COUNT_AND(bad_categories)},
};

static const kind_desc profession_kind = {
    .name = "profession",
    .kind = SNPLP_KIND_PROFESSION,
    .id = a_snplp_profession_id,
    .referential = a_snplp_profession_referential,
    .find = a_snplp_referential_profession_find,
    .parent_list = 4,
    .ids = {"ass", "chef"},
    .item_texts = {"Assistants de service social", "Chefs de service"},
    .texts = COUNT_AND(profession_texts),
    .values = COUNT_AND(profession_values),
    .names = &names_category,
};

ITEM(snplp_diploma_rule_id, snplp_diploma_rule_referential, snplp_referential_diploma_rule_find)
TEXT(snplp_diploma_rule_text, snplp_diploma_rule_set_text)
NUMBER(snplp_diploma_rule_min_level, snplp_diploma_rule_set_min_level,
       snplp_diploma_rule_clear_min_level, int, i)

static const text_field diploma_rule_texts[] = {
    {"text", TEXT_REQUIRED, a_snplp_diploma_rule_text, a_snplp_diploma_rule_set_text,
     "Niveau 6 ou plus"},
};
static const num_pair diploma_levels[] = {
    {I(6), I(6)}, {I(1), I(1)}, {I(2), I(2)}, {I(3), I(3)},
    {I(4), I(4)}, {I(5), I(5)}, {I(7), I(7)}, {I(8), I(8)},
};
static const num bad_diploma_levels[] = {I(0),       I(9),       I(-1),      I(10), I(100),
                                         I(256 + 6), I(INT_MIN), I(INT_MAX), I(-6)};
static const number_field diploma_rule_numbers[] = {
    {"min_level", NUM_INT, a_snplp_diploma_rule_min_level, a_snplp_diploma_rule_set_min_level,
     a_snplp_diploma_rule_clear_min_level, COUNT_AND(diploma_levels),
     COUNT_AND(bad_diploma_levels)},
};

static const kind_desc diploma_rule_kind = {
    .name = "diploma_rule",
    .kind = SNPLP_KIND_DIPLOMA_RULE,
    .id = a_snplp_diploma_rule_id,
    .referential = a_snplp_diploma_rule_referential,
    .find = a_snplp_referential_diploma_rule_find,
    .parent_list = 5,
    .ids = {"d1", "d2"},
    .item_texts =
        {"Titulaires d'un dipl\xc3\xb4me d'\xc3\x89tat de travail social de niveau II ou I",
         "Niveau III"},
    .texts = COUNT_AND(diploma_rule_texts),
    .numbers = COUNT_AND(diploma_rule_numbers),
};

ITEM(snplp_funding_id, snplp_funding_referential, snplp_referential_funding_find)
TEXT(snplp_funding_title, snplp_funding_set_title)
TEXT(snplp_funding_period, snplp_funding_set_period)
TEXT(snplp_funding_source_text, snplp_funding_set_source_text)
NUMBER(snplp_funding_amount_cents, snplp_funding_set_amount_cents, snplp_funding_clear_amount,
       int64_t, i)

static const text_field funding_texts[] = {
    {"title", TEXT_REQUIRED, a_snplp_funding_title, a_snplp_funding_set_title,
     "Formation des travailleurs sociaux"},
    {"period", 0, a_snplp_funding_period, a_snplp_funding_set_period, "pendant trois ans"},
    {"source_text", 0, a_snplp_funding_source_text, a_snplp_funding_set_source_text,
     "Un financement de 1 million d\xe2\x80\x99"
     "euros pendant trois ans sera d\xc3\xa9"
     "di\xc3\xa9 \xc3\xa0 ces actions."},
};
static const num_pair amounts[] = {
    {I(INT64_C(100000000)), I(INT64_C(100000000))}, /* 1 million euros */
    {I(0), I(0)},
    {I(INT64_MAX), I(INT64_MAX)},                                 /* exact, no rounding */
    {I(INT64_C(9007199254740993)), I(INT64_C(9007199254740993))}, /* 2^53 + 1 */
    {I(1), I(1)},
};
static const num bad_amounts[] = {I(-1), I(-100), I(INT64_MIN), I(-INT64_MAX)};
static const number_field funding_numbers[] = {
    {"amount_cents", NUM_I64, a_snplp_funding_amount_cents, a_snplp_funding_set_amount_cents,
     a_snplp_funding_clear_amount, COUNT_AND(amounts), COUNT_AND(bad_amounts)},
};

static const kind_desc funding_kind = {
    .name = "funding",
    .kind = SNPLP_KIND_FUNDING,
    .id = a_snplp_funding_id,
    .referential = a_snplp_funding_referential,
    .find = a_snplp_referential_funding_find,
    .parent_list = 6,
    .ids = {"f1", "f2"},
    .item_texts = {"Actions de pr\xc3\xa9vention", "Autre ligne"},
    .texts = COUNT_AND(funding_texts),
    .numbers = COUNT_AND(funding_numbers),
};

/* ---- plan, plan theme, figure ---- */

ITEM(snplp_plan_id, snplp_plan_referential, snplp_referential_plan_find)
TEXT(snplp_plan_title, snplp_plan_set_title)
TEXT(snplp_plan_description, snplp_plan_set_description)
STRINGS(snplp_plan_add_label, snplp_plan_label_count, snplp_plan_label_at)
CHILDREN(snplp_plan_add_plan_theme, snplp_plan_plan_theme_count, snplp_plan_plan_theme_at,
         snplp_plan_theme, (id, text))
CHILDREN(snplp_plan_add_figure, snplp_plan_figure_count, snplp_plan_figure_at, snplp_figure,
         (id, extra.i, text))

static const text_field plan_texts[] = {
    {"title", TEXT_REQUIRED, a_snplp_plan_title, a_snplp_plan_set_title,
     "Enfance = \xc3\xa9galit\xc3\xa9"},
    {"description", 0, a_snplp_plan_description, a_snplp_plan_set_description,
     "Formation de 600 000 professionnels"},
};
static const string_list plan_strings[] = {
    {"labels", false, a_snplp_plan_add_label, NULL, a_snplp_plan_label_count,
     a_snplp_plan_label_at},
};
static const child_list plan_lists[] = {
    {"plan_themes", SNPLP_KIND_PLAN_THEME, a_snplp_plan_add_plan_theme,
     a_snplp_plan_plan_theme_count, a_snplp_plan_plan_theme_at, NO_EXTRA},
    {"figures", SNPLP_KIND_FIGURE, a_snplp_plan_add_figure, a_snplp_plan_figure_count,
     a_snplp_plan_figure_at, I(600000), "value", NULL, 0},
};

static const kind_desc plan_kind = {
    .name = "plan",
    .kind = SNPLP_KIND_PLAN,
    .id = a_snplp_plan_id,
    .referential = a_snplp_plan_referential,
    .find = a_snplp_referential_plan_find,
    .parent_list = 7,
    .ids = {"aee", "journees"},
    .item_texts = {"Ambition Enfance \xc3\x89galit\xc3\xa9", "Enfance = \xc3\xa9galit\xc3\xa9"},
    .texts = COUNT_AND(plan_texts),
    .strings = COUNT_AND(plan_strings),
    .lists = COUNT_AND(plan_lists),
};

ITEM(snplp_plan_theme_id, snplp_plan_theme_referential, snplp_referential_plan_theme_find)
GET(snplp_plan_theme_plan, void *)
TEXT(snplp_plan_theme_title, snplp_plan_theme_set_title)

static const text_field plan_theme_texts[] = {
    {"title", TEXT_REQUIRED, a_snplp_plan_theme_title, a_snplp_plan_theme_set_title, "Langage"},
};

static const kind_desc plan_theme_kind = {
    .name = "plan_theme",
    .kind = SNPLP_KIND_PLAN_THEME,
    .id = a_snplp_plan_theme_id,
    .referential = a_snplp_plan_theme_referential,
    .find = a_snplp_referential_plan_theme_find,
    .owner = a_snplp_plan_theme_plan,
    .owner_kind = SNPLP_KIND_PLAN,
    .parent = SNPLP_KIND_PLAN,
    .parent_list = 0,
    .ids = {"langage", "nature"},
    .item_texts = {"Langage et \xc3\xa9veil", "Rapport \xc3\xa0 la nature"},
    .texts = COUNT_AND(plan_theme_texts),
};

ITEM(snplp_figure_id, snplp_figure_referential, snplp_referential_figure_find)
GET(snplp_figure_plan, void *)
TEXT(snplp_figure_text, snplp_figure_set_text)
VALUE(snplp_figure_value, snplp_figure_set_value, int64_t)

static const text_field figure_texts[] = {
    {"text", TEXT_REQUIRED, a_snplp_figure_text, a_snplp_figure_set_text,
     "600 000 professionnel\xc2\xb7les"},
};
/* Any int64 value, stored exactly. */
static const num figure_values_good[] = {
    I(600000), I(0), I(-1), I(1), I(INT64_MAX), I(INT64_MIN), I((int64_t)1 << 53 | 1), I(-600000),
};
static const value_field figure_values[] = {
    {"value", NUM_I64, a_snplp_figure_value, a_snplp_figure_set_value,
     COUNT_AND(figure_values_good), NO_BAD},
};

static const kind_desc figure_kind = {
    .name = "figure",
    .kind = SNPLP_KIND_FIGURE,
    .id = a_snplp_figure_id,
    .referential = a_snplp_figure_referential,
    .find = a_snplp_referential_figure_find,
    .owner = a_snplp_figure_plan,
    .owner_kind = SNPLP_KIND_PLAN,
    .parent = SNPLP_KIND_PLAN,
    .parent_list = 1,
    .ids = {"pros", "zero"},
    .item_texts = {"les 600 000 professionnelles et professionnels de la petite enfance", "aucun"},
    .texts = COUNT_AND(figure_texts),
    .values = COUNT_AND(figure_values),
};

const kind_desc *const kinds[KIND_COUNT] = {
    [0] = &referential_kind,
    [SNPLP_KIND_STRATEGY] = &strategy_kind,
    [SNPLP_KIND_TRAINING_PLAN] = &training_plan_kind,
    [SNPLP_KIND_COMMITMENT] = &commitment_kind,
    [SNPLP_KIND_LEVER] = &lever_kind,
    [SNPLP_KIND_THEME] = &theme_kind,
    [SNPLP_KIND_MODULE] = &module_kind,
    [SNPLP_KIND_COMPETENCE] = &competence_kind,
    [SNPLP_KIND_CONTENT] = &content_kind,
    [SNPLP_KIND_OBJECTIVE] = &objective_kind,
    [SNPLP_KIND_OUTCOME] = &outcome_kind,
    [SNPLP_KIND_RECOMMENDATION] = &recommendation_kind,
    [SNPLP_KIND_PROFESSION] = &profession_kind,
    [SNPLP_KIND_DIPLOMA_RULE] = &diploma_rule_kind,
    [SNPLP_KIND_FUNDING] = &funding_kind,
    [SNPLP_KIND_PLAN] = &plan_kind,
    [SNPLP_KIND_PLAN_THEME] = &plan_theme_kind,
    [SNPLP_KIND_FIGURE] = &figure_kind,
};

const char *const kind_bad_ids[] = {
    "",      "1abc",  "-abc",        ".abc", "a b", "a/b", "a:b", "a#b", "\xc3\xa9t\xc3\xa9",
    "abc\n", "a\xff", "caf\xc3\xa9",
};
const size_t kind_nbad_ids = COUNT_OF(kind_bad_ids);

/* ---- numbers ---- */

bool num_equal(num_type type, num a, num b)
{
    if (type == NUM_DOUBLE)
        return a.d == b.d || (isnan(a.d) && isnan(b.d));
    return a.i == b.i;
}

void num_format(char *buf, size_t size, num_type type, num v)
{
    if (type == NUM_DOUBLE)
        snprintf(buf, size, "%.17g", v.d);
    else
        snprintf(buf, size, "%" PRId64, v.i);
}

/* ---- lookups ---- */

const text_field *kind_text(const kind_desc *k, const char *name)
{
    for (size_t i = 0; i < k->ntexts; i++)
        if (strcmp(k->texts[i].name, name) == 0)
            return &k->texts[i];
    return NULL;
}

const value_field *kind_value(const kind_desc *k, const char *name)
{
    for (size_t i = 0; name && i < k->nvalues; i++)
        if (strcmp(k->values[i].name, name) == 0)
            return &k->values[i];
    return NULL;
}

/* ---- the zoo ---- */

/* Parents first. */
static const snplp_kind zoo_order[] = {
    SNPLP_KIND_COMMITMENT,     SNPLP_KIND_LEVER,        SNPLP_KIND_THEME,     SNPLP_KIND_MODULE,
    SNPLP_KIND_PROFESSION,     SNPLP_KIND_DIPLOMA_RULE, SNPLP_KIND_FUNDING,   SNPLP_KIND_PLAN,
    SNPLP_KIND_COMPETENCE,     SNPLP_KIND_CONTENT,      SNPLP_KIND_OBJECTIVE, SNPLP_KIND_OUTCOME,
    SNPLP_KIND_RECOMMENDATION, SNPLP_KIND_PLAN_THEME,   SNPLP_KIND_FIGURE,
};

zoo zoo_new(void)
{
    zoo z = {.ref = test_new_referential()};
    z.items[0][0] = z.ref;
    z.items[SNPLP_KIND_STRATEGY][0] = snplp_referential_strategy(z.ref);
    z.items[SNPLP_KIND_TRAINING_PLAN][0] = snplp_referential_training_plan(z.ref);
    for (size_t o = 0; o < COUNT_OF(zoo_order); o++) {
        const kind_desc *k = kinds[zoo_order[o]];
        const child_list *l = &kinds[k->parent]->lists[k->parent_list];
        for (int j = 0; j < 2; j++) {
            assert_ok(l->add(&z.items[k->kind][j], z.items[k->parent][0], k->ids[j], l->extra,
                             k->item_texts[j]));
            assert_non_null(z.items[k->kind][j]);
        }
    }
    return z;
}

void kind_fill(const kind_desc *k, void *it, const char *skip)
{
    for (size_t i = 0; i < k->ntexts; i++)
        if (strcmp(k->texts[i].name, skip) != 0 && !(k->texts[i].flags & TEXT_REQUIRED))
            assert_ok(k->texts[i].set(it, k->texts[i].sample));
    for (size_t i = 0; i < k->nnumbers; i++)
        if (strcmp(k->numbers[i].name, skip) != 0)
            assert_ok(k->numbers[i].set(it, k->numbers[i].good[0].given));
    for (size_t i = 0; i < k->nvalues; i++)
        if (strcmp(k->values[i].name, skip) != 0)
            assert_ok(k->values[i].set(it, k->values[i].good[k->values[i].ngood - 1]));
    for (size_t i = 0; i < k->nstrings; i++)
        if (strcmp(k->strings[i].name, skip) != 0)
            assert_ok(k->strings[i].add(it, "m"));
}

void zoo_fill(zoo *z)
{
    for (size_t kind = 1; kind < KIND_COUNT; kind++)
        for (int j = 0; j < 2; j++)
            if (z->items[kind][j])
                kind_fill(kinds[kind], z->items[kind][j], "");
}

void zoo_free(zoo *z)
{
    snplp_referential_unref(z->ref);
    memset(z, 0, sizeof *z);
}

void *zoo_next_other(const zoo *z, snplp_kind skip, size_t *cursor, snplp_kind *kind)
{
    for (; *cursor < 2 * KIND_COUNT; (*cursor)++) {
        size_t k = *cursor / 2, j = *cursor % 2;
        if (k != 0 && k != (size_t)skip && z->items[k][j]) {
            (*cursor)++;
            if (kind)
                *kind = (snplp_kind)k;
            return z->items[k][j];
        }
    }
    return NULL;
}

/* ---- snapshots ---- */

typedef struct buf {
    char *s;
    size_t n, cap;
} buf;

static void add(buf *b, const char *s)
{
    size_t len = strlen(s);
    if (b->n + len + 1 > b->cap) {
        b->cap = (b->n + len + 1) * 2;
        b->s = realloc(b->s, b->cap);
        assert_non_null(b->s);
    }
    memcpy(b->s + b->n, s, len + 1);
    b->n += len;
}

static void add_field(buf *b, const char *name, const char *value)
{
    add(b, " ");
    add(b, name);
    add(b, "=");
    add(b, value ? value : "(null)");
}

static void snapshot(buf *b, const kind_desc *k, const void *it, const char *skip)
{
    char n[64];
    add(b, k->name);
    if (k->id)
        add_field(b, "id", k->id(it));
    for (size_t i = 0; i < k->ntexts; i++)
        if (!skip || strcmp(skip, k->texts[i].name) != 0)
            add_field(b, k->texts[i].name, k->texts[i].get(it));
    for (size_t i = 0; i < k->nnumbers; i++) {
        const number_field *f = &k->numbers[i];
        if (skip && strcmp(skip, f->name) == 0)
            continue;
        num v = {0};
        int rc = f->get(&v, it);
        num_format(n, sizeof n, f->type, v);
        add_field(b, f->name, rc == SNPLP_OK ? n : snplp_status_name(rc));
    }
    for (size_t i = 0; i < k->nvalues; i++) {
        if (skip && strcmp(skip, k->values[i].name) == 0)
            continue;
        num_format(n, sizeof n, k->values[i].type, k->values[i].get(it));
        add_field(b, k->values[i].name, n);
    }
    for (size_t i = 0; i < k->nstrings; i++) {
        const string_list *l = &k->strings[i];
        if (skip && strcmp(skip, l->name) == 0)
            continue;
        add_field(b, l->name, "[");
        for (size_t j = 0; j < l->count(it); j++) {
            add(b, l->at(it, j));
            add(b, "|");
        }
        add(b, "]");
    }
    for (size_t i = 0; i < k->nlists; i++) {
        const child_list *l = &k->lists[i];
        if (skip && strcmp(skip, l->name) == 0)
            continue;
        add_field(b, l->name, "[");
        for (size_t j = 0; j < l->count(it); j++) {
            add(b, kinds[l->child]->id(l->at(it, j)));
            add(b, "|");
        }
        add(b, "]");
    }
    add(b, "\n");
}

char *kind_snapshot(const kind_desc *k, const void *item, const char *skip)
{
    buf b = {0};
    if (item)
        snapshot(&b, k, item, skip);
    else
        add(&b, "(null)");
    return b.s;
}

char *zoo_snapshot(const zoo *z, const void *skip)
{
    buf b = {0};
    add(&b, "");
    for (size_t kind = 0; kind < KIND_COUNT; kind++)
        for (int j = 0; j < 2; j++)
            if (z->items[kind][j] && z->items[kind][j] != skip)
                snapshot(&b, kinds[kind], z->items[kind][j], NULL);
    return b.s;
}
