/* Levers of the strategy. */
#include "model/referential/item.h"

SNPLP_DEFINE_BASICS(lever, LEVER)
SNPLP_DEFINE_TEXT(lever, LEVER, title, TITLE, true)
SNPLP_DEFINE_TEXT(lever, LEVER, description, DESCRIPTION, false)
