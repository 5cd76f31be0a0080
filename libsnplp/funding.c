/* Funding lines: exact amounts in euro cents. */
#include "item.h"

SNPLP_DEFINE_BASICS(funding, FUNDING)
SNPLP_DEFINE_TEXT(funding, FUNDING, title, TITLE, true)
SNPLP_DEFINE_TEXT(funding, FUNDING, period, PERIOD, false)
SNPLP_DEFINE_TEXT(funding, FUNDING, source_text, SOURCE, false)

int snplp_funding_amount_cents(int64_t *out, const snplp_funding *funding)
{
    const snplp_item *it = SNPLP__ITEM(funding, FUNDING);
    if (!it || !out)
        return snplp__bad_arg(__func__, "NULL argument or wrong object");
    if (!it->has_number)
        return snplp__fail(SNPLP_ENOTFOUND, "%s: funding '%s' has no amount", __func__, it->id);
    *out = it->number.integer;
    return 0;
}

int snplp_funding_set_amount_cents(snplp_funding *funding, int64_t cents)
{
    snplp_item *it = SNPLP__ITEM(funding, FUNDING);
    if (!it)
        return snplp__bad_arg(__func__, "NULL or wrong object");
    if (cents < 0)
        return snplp__fail(SNPLP_EINVAL, "%s: an amount is not negative", __func__);
    snplp__item_set_int(it, cents);
    return 0;
}

int snplp_funding_clear_amount(snplp_funding *funding)
{
    snplp_item *it = SNPLP__ITEM(funding, FUNDING);
    if (!it)
        return snplp__bad_arg(__func__, "NULL or wrong object");
    snplp__item_clear_number(it);
    return 0;
}
