/* Internal: what every part of the XML exchange shares: libxml2's initialisation and the
 * compiled-in schema. */
#ifndef SNPLP_EXCHANGE_XML_CORE_H
#define SNPLP_EXCHANGE_XML_CORE_H

#include <libxml/xmlschemas.h>

/* Calls xmlInitParser() once for the process. */
void snplp__xml_init(void);
/* The compiled-in schema, parsed once (NULL if that failed: an allocation failure). */
xmlSchemaPtr snplp__xml_schema(void);

#endif
