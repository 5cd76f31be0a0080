/* The kinds of items: what each holds (texts, lists, number), and the names of kinds and
 * fields. */
#include <snplp/common.h>

#include "model/referential/item.h"

#define F(x) SNPLP_FIELD_##x
#define OWN(L, K)                                                                                  \
    {                                                                                              \
        LIST_##L, ELEM_ITEM, SNPLP_KIND_##K                                                        \
    }
#define STR(L)                                                                                     \
    {                                                                                              \
        LIST_##L, ELEM_STRING, SNPLP_KIND_NONE                                                     \
    }
#define VIEW(L, K)                                                                                 \
    {                                                                                              \
        LIST_##L, ELEM_VIEW, SNPLP_KIND_##K                                                        \
    }

/* The order of lists is the document order of children. */
const snplp_kind_info snplp__kinds[SNPLP__KIND_COUNT] = {
    [SNPLP_KIND_NONE] = {"none", NUMBER_NONE, false, 0, 0, {0}, {{0}}},
    [SNPLP_KIND_STRATEGY] = {"strategy",
                             NUMBER_INT,
                             false,
                             4,
                             1,
                             {F(TITLE), F(DESCRIPTION), F(LAUNCH_DATE), F(BUDGET_TEXT)},
                             {STR(LABELS)}},
    [SNPLP_KIND_TRAINING_PLAN] = {"training-plan",
                                  NUMBER_REAL,
                                  false,
                                  3,
                                  2,
                                  {F(TITLE), F(DESCRIPTION), F(AUDIENCE)},
                                  {OWN(OBJECTIVES, OBJECTIVE), OWN(OUTCOMES, OUTCOME)}},
    [SNPLP_KIND_COMMITMENT] =
        {"commitment", NUMBER_NONE, true, 2, 0, {F(TITLE), F(DESCRIPTION)}, {{0}}},
    [SNPLP_KIND_LEVER] = {"lever", NUMBER_NONE, true, 2, 0, {F(TITLE), F(DESCRIPTION)}, {{0}}},
    [SNPLP_KIND_THEME] = {"theme",
                          NUMBER_NONE,
                          true,
                          2,
                          5,
                          {F(TITLE), F(DESCRIPTION)},
                          {STR(LABELS), OWN(OBJECTIVES, OBJECTIVE), OWN(OUTCOMES, OUTCOME),
                           OWN(RECOMMENDATIONS, RECOMMENDATION), VIEW(MODULES_VIEW, MODULE)}},
    [SNPLP_KIND_MODULE] = {"module",
                           NUMBER_REAL,
                           true,
                           5,
                           4,
                           {F(TITLE), F(SUBTITLE), F(AUDIENCE), F(ROLE), F(THEME_ID)},
                           {STR(PREREQUISITES), STR(PROFESSION_LINKS), OWN(COMPETENCES, COMPETENCE),
                            OWN(RECOMMENDATIONS, RECOMMENDATION)}},
    [SNPLP_KIND_COMPETENCE] =
        {"competence", NUMBER_NONE, true, 1, 1, {F(TITLE)}, {OWN(CONTENTS, CONTENT)}},
    [SNPLP_KIND_CONTENT] =
        {"content", NUMBER_NONE, true, 1, 1, {F(TEXT)}, {OWN(CONTENTS, CONTENT)}},
    [SNPLP_KIND_OBJECTIVE] = {"objective", NUMBER_NONE, true, 1, 0, {F(TEXT)}, {{0}}},
    [SNPLP_KIND_OUTCOME] = {"outcome", NUMBER_NONE, true, 1, 0, {F(TEXT)}, {{0}}},
    [SNPLP_KIND_RECOMMENDATION] = {"recommendation", NUMBER_NONE, true, 1, 0, {F(TEXT)}, {{0}}},
    [SNPLP_KIND_PROFESSION] =
        {"profession", NUMBER_NONE, true, 2, 0, {F(TITLE), F(ABBREVIATION)}, {{0}}},
    [SNPLP_KIND_DIPLOMA_RULE] = {"diploma-rule", NUMBER_INT, true, 1, 0, {F(TEXT)}, {{0}}},
    [SNPLP_KIND_FUNDING] =
        {"funding", NUMBER_INT, true, 3, 0, {F(TITLE), F(PERIOD), F(SOURCE)}, {{0}}},
    [SNPLP_KIND_PLAN] = {"plan",
                         NUMBER_NONE,
                         true,
                         2,
                         3,
                         {F(TITLE), F(DESCRIPTION)},
                         {STR(LABELS), OWN(PLAN_THEMES, PLAN_THEME), OWN(FIGURES, FIGURE)}},
    [SNPLP_KIND_PLAN_THEME] = {"plan-theme", NUMBER_NONE, true, 1, 0, {F(TITLE)}, {{0}}},
    [SNPLP_KIND_FIGURE] = {"figure", NUMBER_INT, true, 1, 0, {F(TEXT)}, {{0}}},
};

_Static_assert(sizeof(snplp_item) % sizeof(void *) == 0, "item tail alignment");
_Static_assert(sizeof(snplp_item) == 48, "an item's header stays small: there are millions");

const snplp_kind_info *snplp__kind_info(snplp_kind kind)
{
    return (unsigned)kind < SNPLP__KIND_COUNT ? &snplp__kinds[kind]
                                              : &snplp__kinds[SNPLP_KIND_NONE];
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
    };
    return (unsigned)field < sizeof names / sizeof names[0] ? names[field] : "none";
}
