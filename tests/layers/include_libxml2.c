/* Not part of the library: a source of the model that includes libxml2. Compiled with the
 * model's include paths it must fail (CTest layers-include-libxml2, WILL_FAIL): only the
 * exchange layer sees libxml2's headers. */
#include "model/referential/item.h"
#include <libxml/parser.h>
