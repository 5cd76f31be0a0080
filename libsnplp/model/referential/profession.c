/* Targeted professions and cadre roles. */
#include "model/referential/item.h"

SNPLP_DEFINE_BASICS(profession, PROFESSION)
SNPLP_DEFINE_TEXT(profession, PROFESSION, title, TITLE, true)
SNPLP_DEFINE_TEXT(profession, PROFESSION, abbreviation, ABBREVIATION, false)

const char *snplp_category_name(snplp_category category)
{
    return snplp__variant_name(snplp__category_names, (int)category);
}

snplp_category snplp_profession_category(const snplp_profession *profession)
{
    const snplp_item *it = SNPLP__ITEM(profession, PROFESSION);
    return it ? (snplp_category)it->variant : (snplp_category)0;
}

int snplp_profession_set_category(snplp_profession *profession, snplp_category category)
{
    snplp_item *it = SNPLP__ITEM(profession, PROFESSION);
    if (!it)
        return snplp__bad_arg(__func__, "NULL or wrong object");
    if (category != SNPLP_CATEGORY_WORKER && category != SNPLP_CATEGORY_CADRE)
        return snplp__fail_in(__func__, SNPLP_EINVAL, "unknown profession category %d",
                              (int)category);
    it->variant = (uint8_t)category;
    snplp__touch(it->root);
    return 0;
}
