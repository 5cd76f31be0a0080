/* Funding lines: exact amounts in euro cents. */
#include "model/referential/item.h"

SNPLP_DEFINE_BASICS(funding, FUNDING)
SNPLP_DEFINE_TEXT(funding, FUNDING, title, TITLE, true)
SNPLP_DEFINE_TEXT(funding, FUNDING, period, PERIOD, false)
SNPLP_DEFINE_TEXT(funding, FUNDING, source_text, SOURCE, false)

SNPLP_DEFINE_CENTS(funding, FUNDING, amount_cents, set_amount_cents, clear_amount, "amount",
                   "amount")
