/* What the XML reader and writer share: libxml2's initialisation and the compiled-in schema. */
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include <libxml/xmlschemas.h>

#include <snplp/xml.h>

#include "exchange/xml/core.h"

static pthread_once_t init_once = PTHREAD_ONCE_INIT;

static void init(void)
{
    xmlInitParser();
}

void snplp__xml_init(void)
{
    pthread_once(&init_once, init);
}

/* Generated from schema/snplp-1.0.xsd by data/embed.cmake. */
extern const unsigned char snplp__schema_xsd[];
extern const size_t snplp__schema_xsd_size;

const char *snplp_xml_schema(void)
{
    return (const char *)snplp__schema_xsd;
}

static pthread_once_t schema_once = PTHREAD_ONCE_INIT;
static xmlSchemaPtr the_schema;

static void load_schema(void)
{
    snplp__xml_init();
    xmlSchemaParserCtxtPtr pc =
        xmlSchemaNewMemParserCtxt((const char *)snplp__schema_xsd, (int)snplp__schema_xsd_size);
    if (pc) {
        xmlSchemaSetParserStructuredErrors(pc, NULL, NULL);
        the_schema = xmlSchemaParse(pc);
        xmlSchemaFreeParserCtxt(pc);
    }
}

xmlSchemaPtr snplp__xml_schema(void)
{
    pthread_once(&schema_once, load_schema);
    return the_schema;
}
