/* The one description of each kind of item (kinds.h): its properties in document order, from
 * which the model derives its storage and the formats their rules; and the names of kinds,
 * fields and enumerations. */
#include <pthread.h>

#include "model/referential/kinds.h"
#include "util/names.h"

const char *const snplp__level_names[] = {"unknown", "fundamentals", "expert", NULL};
const char *const snplp__style_names[] = {"unknown", "bullet", "numbered", "heading", NULL};
const char *const snplp__category_names[] = {"unknown", "worker", "cadre", NULL};

/* ---- the properties ---- */

#define F(x) SNPLP_FIELD_##x
#define K(x) SNPLP_KIND_##x
/* the item's id */
#define ID                                                                                         \
    {                                                                                              \
        "id", PROP_ID, 0, 0, 0, true, NULL, NULL                                                   \
    }
/* a text element, required (the main text) or not */
#define TEXT(name, FIELD, required)                                                                \
    {                                                                                              \
        name, PROP_TEXT, F(FIELD), 0, 0, required, NULL, NULL                                      \
    }
#define LABELS                                                                                     \
    {                                                                                              \
        "label", PROP_LABELS, F(LABEL), LIST_LABELS, 0, false, NULL, NULL                          \
    }
/* scalars: name, then where they are kept */
#define REF(name, FIELD, KIND)                                                                     \
    {                                                                                              \
        name, PROP_REF, F(FIELD), 0, K(KIND), true, NULL, NULL                                     \
    }
#define VARIANT(name, names)                                                                       \
    {                                                                                              \
        name, PROP_VARIANT, 0, 0, 0, true, names, NULL                                             \
    }
#define DATE(name, FIELD)                                                                          \
    {                                                                                              \
        name, PROP_DATE, F(FIELD), 0, 0, false, NULL, NULL                                         \
    }
#define NUMBER(name, TYPE, required)                                                               \
    {                                                                                              \
        name, PROP_##TYPE, 0, 0, 0, required, NULL, NULL                                           \
    }
#define FLAG(name)                                                                                 \
    {                                                                                              \
        name, PROP_FLAG, 0, 0, 0, false, NULL, NULL                                                \
    }
/* lists: of references, of owned items (with the public function that adds one), a view */
#define REFS(name, LIST, KIND, adder)                                                              \
    {                                                                                              \
        name, PROP_REFS, 0, LIST_##LIST, K(KIND), false, NULL, adder                               \
    }
#define ITEMS(name, LIST, KIND, adder)                                                             \
    {                                                                                              \
        name, PROP_ITEMS, 0, LIST_##LIST, K(KIND), false, NULL, adder                              \
    }
#define VIEW(LIST, KIND)                                                                           \
    {                                                                                              \
        NULL, PROP_VIEW, 0, LIST_##LIST, K(KIND), false, NULL, NULL                                \
    }

#define PROPS(...)                                                                                 \
    .nprops = sizeof((snplp_prop[]){__VA_ARGS__}) / sizeof(snplp_prop), .props = {__VA_ARGS__}

snplp_kind_info snplp__kinds[SNPLP__KIND_COUNT] = {
    [SNPLP_KIND_NONE] = {.name = "none"},
    [SNPLP_KIND_STRATEGY] = {.name = "strategy",
                             .singleton = true,
                             PROPS(DATE("launch-date", LAUNCH_DATE),
                                   NUMBER("budget-cents", CENTS, false), FLAG("levers-open"),
                                   TEXT("title", TITLE, false), LABELS,
                                   TEXT("description", DESCRIPTION, false),
                                   TEXT("budget-text", BUDGET_TEXT, false))},
    [SNPLP_KIND_TRAINING_PLAN] =
        {.name = "training-plan",
         .singleton = true,
         PROPS(NUMBER("max-module-days", DAYS, false), TEXT("title", TITLE, false),
               TEXT("description", DESCRIPTION, false), TEXT("audience", AUDIENCE, false),
               TEXT("rule", RULE, false),
               ITEMS("objective", OBJECTIVES, OBJECTIVE, "snplp_training_plan_add_objective"),
               ITEMS("outcome", OUTCOMES, OUTCOME, "snplp_training_plan_add_outcome"))},
    [SNPLP_KIND_COMMITMENT] = {.name = "commitment",
                               PROPS(ID, TEXT("title", TITLE, true),
                                     TEXT("description", DESCRIPTION, false))},
    [SNPLP_KIND_LEVER] = {.name = "lever",
                          PROPS(ID, TEXT("title", TITLE, true),
                                TEXT("description", DESCRIPTION, false))},
    [SNPLP_KIND_THEME] = {.name = "theme",
                          PROPS(ID, TEXT("title", TITLE, true), LABELS,
                                TEXT("description", DESCRIPTION, false),
                                ITEMS("objective", OBJECTIVES, OBJECTIVE,
                                      "snplp_theme_add_objective"),
                                ITEMS("outcome", OUTCOMES, OUTCOME, "snplp_theme_add_outcome"),
                                ITEMS("recommendation", RECOMMENDATIONS, RECOMMENDATION,
                                      "snplp_theme_add_recommendation"),
                                VIEW(MODULES_VIEW, MODULE))},
    [SNPLP_KIND_MODULE] =
        {.name = "module",
         PROPS(ID, REF("theme", THEME_ID, THEME), VARIANT("level", snplp__level_names),
               NUMBER("duration-days", DAYS, false), TEXT("title", TITLE, true),
               TEXT("subtitle", SUBTITLE, false), TEXT("audience", AUDIENCE, false),
               TEXT("role", ROLE, false),
               REFS("prerequisite", PREREQUISITES, MODULE, "snplp_module_add_prerequisite"),
               REFS("profession-ref", PROFESSION_LINKS, PROFESSION, "snplp_module_add_profession"),
               ITEMS("competence", COMPETENCES, COMPETENCE, "snplp_module_add_competence"),
               ITEMS("recommendation", RECOMMENDATIONS, RECOMMENDATION,
                     "snplp_module_add_recommendation"))},
    [SNPLP_KIND_COMPETENCE] = {.name = "competence",
                               PROPS(ID, TEXT("title", TITLE, true),
                                     ITEMS("content", CONTENTS, CONTENT,
                                           "snplp_competence_add_content"))},
    [SNPLP_KIND_CONTENT] = {.name = "content",
                            PROPS(ID, VARIANT("style", snplp__style_names),
                                  TEXT("text", TEXT, true),
                                  ITEMS("content", CONTENTS, CONTENT, "snplp_content_add_child"))},
    [SNPLP_KIND_OBJECTIVE] = {.name = "objective", PROPS(ID, TEXT("text", TEXT, true))},
    [SNPLP_KIND_OUTCOME] = {.name = "outcome",
                            PROPS(ID, FLAG("for-involved"), TEXT("text", TEXT, true))},
    [SNPLP_KIND_RECOMMENDATION] = {.name = "recommendation", PROPS(ID, TEXT("text", TEXT, true))},
    [SNPLP_KIND_PROFESSION] = {.name = "profession",
                               PROPS(ID, VARIANT("category", snplp__category_names),
                                     TEXT("title", TITLE, true),
                                     TEXT("abbreviation", ABBREVIATION, false))},
    [SNPLP_KIND_DIPLOMA_RULE] = {.name = "diploma-rule",
                                 PROPS(ID, NUMBER("min-level", LEVEL, false),
                                       TEXT("text", TEXT, true))},
    [SNPLP_KIND_FUNDING] = {.name = "funding",
                            PROPS(ID, NUMBER("cents", CENTS, false), TEXT("title", TITLE, true),
                                  TEXT("period", PERIOD, false),
                                  TEXT("source-text", SOURCE, false))},
    [SNPLP_KIND_PLAN] = {.name = "plan",
                         PROPS(ID, TEXT("title", TITLE, true), LABELS,
                               TEXT("description", DESCRIPTION, false),
                               ITEMS("plan-theme", PLAN_THEMES, PLAN_THEME,
                                     "snplp_plan_add_plan_theme"),
                               ITEMS("figure", FIGURES, FIGURE, "snplp_plan_add_figure"))},
    [SNPLP_KIND_PLAN_THEME] = {.name = "plan-theme", PROPS(ID, TEXT("title", TITLE, true))},
    [SNPLP_KIND_FIGURE] = {.name = "figure",
                           PROPS(ID, NUMBER("value", INTEGER, true), TEXT("text", TEXT, true))},
};

const snplp_root_desc snplp__roots[ROOT_LIST_COUNT] = {
    [ROOT_STRATEGY] = {K(STRATEGY), NULL},
    [ROOT_COMMITMENTS] = {K(COMMITMENT), "snplp_referential_add_commitment"},
    [ROOT_LEVERS] = {K(LEVER), "snplp_referential_add_lever"},
    [ROOT_TRAINING_PLAN] = {K(TRAINING_PLAN), NULL},
    [ROOT_THEMES] = {K(THEME), "snplp_referential_add_theme"},
    [ROOT_MODULES] = {K(MODULE), "snplp_referential_add_module"},
    [ROOT_PROFESSIONS] = {K(PROFESSION), "snplp_referential_add_profession"},
    [ROOT_DIPLOMA_RULES] = {K(DIPLOMA_RULE), "snplp_referential_add_diploma_rule"},
    [ROOT_FUNDINGS] = {K(FUNDING), "snplp_referential_add_funding"},
    [ROOT_PLANS] = {K(PLAN), "snplp_referential_add_plan"},
};

/* ---- the layout, derived ---- */

static void derive(snplp_kind_info *k)
{
    k->required = !k->singleton;
    /* the main text first, then the other texts, then the fields of scalars */
    for (int pass = 0; pass < 3; pass++) {
        bool main_done = k->ntexts > 0;
        for (int i = 0; i < k->nprops; i++) {
            const snplp_prop *p = &k->props[i];
            bool take = pass == 0   ? p->type == PROP_TEXT && !main_done
                        : pass == 1 ? p->type == PROP_TEXT && p->field != k->texts[0]
                                    : p->type == PROP_REF || p->type == PROP_DATE;
            if (take && k->ntexts < KIND_MAX_TEXTS) {
                k->texts[k->ntexts++] = p->field;
                main_done = true;
            }
        }
    }
    for (int i = 0; i < k->nprops; i++) {
        const snplp_prop *p = &k->props[i];
        switch ((snplp_prop_type)p->type) {
        case PROP_DAYS:
            k->number = NUMBER_REAL;
            break;
        case PROP_CENTS:
        case PROP_INTEGER:
        case PROP_LEVEL:
            k->number = NUMBER_INT;
            break;
        case PROP_LABELS:
        case PROP_REFS:
            if (k->nlists < KIND_MAX_LISTS)
                k->lists[k->nlists++] = (snplp_list_desc){p->list, ELEM_STRING, SNPLP_KIND_NONE};
            break;
        case PROP_ITEMS:
            if (k->nlists < KIND_MAX_LISTS)
                k->lists[k->nlists++] = (snplp_list_desc){p->list, ELEM_ITEM, p->kind};
            break;
        case PROP_VIEW:
            if (k->nlists < KIND_MAX_LISTS)
                k->lists[k->nlists++] = (snplp_list_desc){p->list, ELEM_VIEW, p->kind};
            k->view_list = p->list;
            k->view_kind = p->kind;
            break;
        case PROP_REF:
            k->ref_field = p->field;
            k->ref_kind = p->kind;
            break;
        default:
            break;
        }
    }
}

static pthread_once_t once = PTHREAD_ONCE_INIT;

static void derive_all(void)
{
    for (int k = 1; k < SNPLP__KIND_COUNT; k++)
        derive(&snplp__kinds[k]);
}

void snplp__kinds_init(void)
{
    pthread_once(&once, derive_all);
}

/* ---- what the code built on the description relies on ---- */

static const char *check_kind(const snplp_kind_info *k, int kind)
{
    int texts = 0, lists = 0, refs = 0, views = 0, scalars = 0;
    bool holding = false, items = false;
    if (!k->name || k->nprops == 0 || k->nprops > KIND_MAX_PROPS)
        return "a kind has no name, no property or too many";
    if (!k->singleton && k->props[0].type != PROP_ID)
        return "a kind that is not a singleton does not start with its id";
    for (int i = 0; i < k->nprops; i++) {
        const snplp_prop *p = &k->props[i];
        snplp_prop_type t = (snplp_prop_type)p->type;
        if (SNPLP__PROP_IS_SCALAR(t)) {
            if (holding)
                return "a scalar property comes after what the kind holds";
            scalars++;
        } else if (t != PROP_VIEW) {
            if (items && t != PROP_ITEMS)
                return "a text, label or reference comes after a list of items (the writer "
                       "writes what an item holds before its items)";
            holding = true;
            items |= t == PROP_ITEMS;
        }
        texts += t == PROP_TEXT || t == PROP_REF || t == PROP_DATE;
        lists += t == PROP_LABELS || t == PROP_REFS || t == PROP_ITEMS || t == PROP_VIEW;
        refs += t == PROP_REF;
        views += t == PROP_VIEW;
        if ((t == PROP_ITEMS || t == PROP_REFS) && !p->adder)
            return "a list of items or references has no public function that adds one";
        if (t == PROP_ITEMS)
            for (int j = 0; j < i; j++)
                if (k->props[j].type == PROP_ITEMS && k->props[j].kind == p->kind)
                    return "a kind holds two lists of the same kind of items";
        if (t == PROP_VARIANT && (!p->names || snplp__variant_count(p->names) < 1))
            return "an enumeration has no names";
        if (t == PROP_VIEW && snplp__kinds[p->kind].ref_kind != kind)
            return "a view of a kind whose reference does not name this kind";
    }
    if (texts > KIND_MAX_TEXTS || lists > KIND_MAX_LISTS || refs > 1 || views > 1 || scalars > 8)
        return "a kind has more texts, lists, references, views or attributes than items hold";
    if (k->ntexts == 0 || (k->props[0].type != PROP_ID && !k->singleton))
        return "a kind has no main text";
    for (int i = 0; i < k->nprops; i++)
        if (k->props[i].type == PROP_TEXT) {
            if (k->props[i].required != !k->singleton)
                return "the main text is required exactly when the kind is not a singleton";
            break;
        }
    return NULL;
}

const char *snplp__kinds_check(void)
{
    snplp__kinds_init();
    for (int kind = 1; kind < SNPLP__KIND_COUNT; kind++) {
        const char *problem = check_kind(&snplp__kinds[kind], kind);
        if (problem)
            return problem;
    }
    for (int r = 0; r < ROOT_LIST_COUNT; r++) {
        const snplp_kind_info *k = &snplp__kinds[snplp__roots[r].kind];
        if ((snplp__roots[r].adder == NULL) != k->singleton)
            return "a top-level list has a public function that adds exactly when its kind is "
                   "not a singleton";
        for (int q = 0; q < r; q++)
            if (snplp__roots[q].kind == snplp__roots[r].kind)
                return "two top-level lists hold the same kind";
    }
    return NULL;
}

const snplp_kind_info *snplp__kind_info(snplp_kind kind)
{
    return (unsigned)kind < SNPLP__KIND_COUNT ? &snplp__kinds[kind]
                                              : &snplp__kinds[SNPLP_KIND_NONE];
}

const char *snplp__variant_name(const char *const *names, int v)
{
    return snplp__name_of(names, (size_t)snplp__variant_count(names) + 1, v, names[0]);
}

int snplp__variant_count(const char *const *names)
{
    int n = 0;
    while (names[n + 1])
        n++;
    return n;
}

const char *snplp_kind_name(snplp_kind kind)
{
    return snplp__kind_info(kind)->name;
}

const char *snplp_field_name(snplp_field field)
{
    static const char *const names[] = {
        [SNPLP_FIELD_NONE] = "none",
        [SNPLP_FIELD_TITLE] = "title",
        [SNPLP_FIELD_SUBTITLE] = "subtitle",
        [SNPLP_FIELD_DESCRIPTION] = "description",
        [SNPLP_FIELD_AUDIENCE] = "audience",
        [SNPLP_FIELD_ROLE] = "role",
        [SNPLP_FIELD_TEXT] = "text",
        [SNPLP_FIELD_LABEL] = "label",
        [SNPLP_FIELD_ABBREVIATION] = "abbreviation",
        [SNPLP_FIELD_PERIOD] = "period",
        [SNPLP_FIELD_SOURCE] = "source",
        [SNPLP_FIELD_LAUNCH_DATE] = "launch-date",
        [SNPLP_FIELD_BUDGET_TEXT] = "budget-text",
        [SNPLP_FIELD_THEME_ID] = "theme-id",
        [SNPLP_FIELD_RULE] = "rule",
    };
    return (unsigned)field < sizeof names / sizeof names[0] ? names[field] : "none";
}
