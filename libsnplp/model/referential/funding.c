/* Funding lines: exact amounts in euro cents. */
#include "model/referential/item.h"

SNPLP_DEFINE_BASICS(funding, FUNDING)
SNPLP_DEFINE_TEXT(funding, FUNDING, title, TITLE, true)
SNPLP_DEFINE_TEXT(funding, FUNDING, period, PERIOD, false)
SNPLP_DEFINE_TEXT(funding, FUNDING, source_text, SOURCE, false)

int snplp_funding_amount_cents(int64_t *out, const snplp_funding *funding)
{
    return snplp__number_get_int(out, SNPLP__ITEM(funding, FUNDING), "amount", __func__);
}

int snplp_funding_set_amount_cents(snplp_funding *funding, int64_t cents)
{
    return snplp__number_set_int(SNPLP__ITEM(funding, FUNDING), cents, 0, INT64_MAX,
                                 "amount (euro cents, not negative)", __func__);
}

int snplp_funding_clear_amount(snplp_funding *funding)
{
    return snplp__number_clear(SNPLP__ITEM(funding, FUNDING), __func__);
}
