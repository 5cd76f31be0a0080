/* Names of kinds and fields. */
#include <snplp/common.h>

#include "item.h"

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
