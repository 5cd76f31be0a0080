/* Not part of the library: a source of exchange/xml that includes what it may (the model, util,
 * libxml2). Compiled with that folder's include paths it must succeed (CTest
 * layers-include-down): the control that shows the two failing compilations fail for the
 * reason they are meant to. */
#include "exchange/xml/fragment.h"
#include "model/referential/item.h"
#include "util/alloc.h"
#include <libxml/parser.h>
