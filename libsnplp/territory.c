/* placeholder: being written */
#include "convention_model.h"
