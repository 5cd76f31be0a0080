/* Pedagogical recommendations of a theme or of a module. */
#include "model/referential/item.h"

SNPLP_DEFINE_BASICS(recommendation, RECOMMENDATION)
SNPLP_DEFINE_TEXT(recommendation, RECOMMENDATION, text, TEXT, true)
