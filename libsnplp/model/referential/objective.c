/* Objectives of the training plan or of a theme. */
#include "model/referential/item.h"

SNPLP_DEFINE_BASICS(objective, OBJECTIVE)
SNPLP_DEFINE_TEXT(objective, OBJECTIVE, text, TEXT, true)
