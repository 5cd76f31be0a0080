/* The SAX2 no-op floor of the XML benchmarks (sax_floor.h). */
#include "sax_floor.h"

#include <libxml/parser.h>

#include <stdio.h>
#include <string.h>

#define CHUNK (64 * 1024)

static void sax_start(void *ctx, const xmlChar *localname, const xmlChar *prefix,
                      const xmlChar *uri, int nb_namespaces, const xmlChar **namespaces,
                      int nb_attributes, int nb_defaulted, const xmlChar **attributes)
{
    (void)ctx;
    (void)localname;
    (void)prefix;
    (void)uri;
    (void)nb_namespaces;
    (void)namespaces;
    (void)nb_attributes;
    (void)nb_defaulted;
    (void)attributes;
}

static void sax_end(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri)
{
    (void)ctx;
    (void)localname;
    (void)prefix;
    (void)uri;
}

static void sax_characters(void *ctx, const xmlChar *ch, int len)
{
    (void)ctx;
    (void)ch;
    (void)len;
}

int bench_sax_floor(const char *path)
{
    xmlSAXHandler sax;
    memset(&sax, 0, sizeof sax);
    sax.initialized = XML_SAX2_MAGIC;
    sax.startElementNs = sax_start;
    sax.endElementNs = sax_end;
    sax.characters = sax_characters;

    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        return -1;
    }
    static char buf[CHUNK];
    size_t n;
    xmlParserCtxtPtr ctxt = xmlCreatePushParserCtxt(&sax, NULL, NULL, 0, path);
    if (!ctxt) {
        fclose(f);
        return -1;
    }
    xmlCtxtUseOptions(ctxt, XML_PARSE_NONET);
    int rc = 0;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
        if (xmlParseChunk(ctxt, buf, (int)n, 0) != 0) {
            rc = -1;
            break;
        }
    }
    if (rc == 0 && (ferror(f) || xmlParseChunk(ctxt, NULL, 0, 1) != 0)) {
        rc = -1;
    }
    if (!ctxt->wellFormed) {
        rc = -1;
    }
    xmlFreeParserCtxt(ctxt);
    fclose(f);
    return rc;
}
