/* Commitments of the strategy. */
#include "model/referential/item.h"

SNPLP_DEFINE_BASICS(commitment, COMMITMENT)
SNPLP_DEFINE_TEXT(commitment, COMMITMENT, title, TITLE, true)
SNPLP_DEFINE_TEXT(commitment, COMMITMENT, description, DESCRIPTION, false)
