/* Internal: setting foreign attributes with the checks of the XML format (extension.c), for
 * the public API and the XML reader. */
#ifndef SNPLP_EXCHANGE_XML_EXTENSION_H
#define SNPLP_EXCHANGE_XML_EXTENSION_H

#include "model/referential/item.h"
#include "util/ext.h"

/* Sets a foreign attribute of an item / in the extensions e of a convention, an action or an
 * indicator: the namespace, prefix and name checked as XML names (an attribute of the same
 * namespace and name is replaced). Records its error for fn; changes nothing on failure. */
int snplp__ext_set_attr(snplp_item *it, const char *ns, const char *prefix, const char *name,
                        const char *value, snplp_text_origin origin, const char *fn);
int snplp__ext_put_attr(snplp_ext *e, const char *ns, const char *prefix, const char *name,
                        const char *value, snplp_text_origin origin, const char *fn);
/* The same in the extensions of slot, allocated on first use (util/ext.h; none left allocated
 * on failure): a training record's. */
int snplp__ext_put_attr_in(snplp_ext **slot, const char *ns, const char *prefix, const char *name,
                           const char *value, snplp_text_origin origin, const char *fn);

#endif
