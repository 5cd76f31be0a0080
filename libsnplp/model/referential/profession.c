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
    return snplp__item_set_variant(SNPLP__ITEM(profession, PROFESSION), (int)category,
                                   snplp__category_names, "profession category", __func__);
}
