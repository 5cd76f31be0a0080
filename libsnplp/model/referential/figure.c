/* Key figures of other plans. */
#include "model/referential/item.h"

SNPLP_DEFINE_BASICS(figure, FIGURE)
SNPLP_DEFINE_TEXT(figure, FIGURE, text, TEXT, true)

snplp_plan *snplp_figure_plan(const snplp_figure *figure)
{
    const snplp_item *it = SNPLP__ITEM(figure, FIGURE);
    return it ? (snplp_plan *)(void *)it->parent : NULL;
}

int64_t snplp_figure_value(const snplp_figure *figure)
{
    const snplp_item *it = SNPLP__ITEM(figure, FIGURE);
    return it ? it->number.integer : 0;
}

int snplp_figure_set_value(snplp_figure *figure, int64_t value)
{
    return snplp__number_set_int(SNPLP__ITEM(figure, FIGURE), value, INT64_MIN, INT64_MAX, "value",
                                 __func__);
}
