/* Not part of the library: a source of the util folder that includes a header of the model.
 * Compiled with util's include view it must fail (CTest layers-include-up, WILL_FAIL): a
 * folder sees only its own headers and those of the folders below it. */
#include "util/alloc.h"
#include "model/referential/item.h"
