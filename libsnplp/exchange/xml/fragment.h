/* Internal: the canonical form of foreign elements (extensions) recorded from SAX2 events, and
 * escaping for XML; shared by the reader, the writers and the extension API. */
#ifndef SNPLP_EXCHANGE_XML_FRAGMENT_H
#define SNPLP_EXCHANGE_XML_FRAGMENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <libxml/parser.h>

#include <snplp/xml.h>

#include "util/buf.h"

/* ---- escaping ---- */

/* Appends s escaped for element content (attr: for a double-quoted attribute value). */
void snplp__xml_escape(snplp_buf *b, const char *s, size_t n, bool attr);

/* ---- canonical recording of a foreign element (an extension) from SAX2 events ---- */

typedef struct snplp_ns_decl {
    const char *prefix; /* "" for the default namespace; borrowed, as uri (from libxml2's */
    const char *uri;    /* dictionary: alive for the parse that records the fragment) */
    int depth;          /* of the element that declares it */
} snplp_ns_decl;

typedef struct snplp_fragment {
    int depth;           /* 0: not recording */
    snplp_buf root_name; /* qualified name of the root element */
    snplp_buf root_attrs;
    snplp_buf body;       /* everything after the root's start tag */
    bool open;            /* the last start tag written to body is not closed yet */
    bool root_open;       /* the root's start tag is not closed yet (no content so far) */
    snplp_ns_decl *decls; /* declarations made inside the fragment, innermost last */
    size_t ndecls, capdecls;
    snplp_ns_decl *root_decls; /* the root's own declarations, then the needed ones */
    size_t nroot, caproot;
    bool failed;
    snplp_buf out; /* the root's declarations when taken (kept from one to the next) */
} snplp_fragment;

void snplp__fragment_start(snplp_fragment *f, const xmlChar *localname, const xmlChar *prefix,
                           const xmlChar *uri, int nb_namespaces, const xmlChar **namespaces,
                           int nb_attributes, const xmlChar **attributes);
void snplp__fragment_text(snplp_fragment *f, const char *s, size_t n);
/* Ends an element; returns true when it was the fragment's root (the fragment is complete). */
bool snplp__fragment_end(snplp_fragment *f, const xmlChar *localname, const xmlChar *prefix);
/* The canonical text of a complete fragment, in an allocation of its size (NULL on allocation
 * failure); f is ready for the next one, its buffers kept. */
char *snplp__fragment_take(snplp_fragment *f);
/* Frees everything f holds. */
void snplp__fragment_reset(snplp_fragment *f);

/* libxml2's SAX2 hands attribute values over with '&' still written "&#38;" (it re-reads them
 * when it builds a tree): *decoded receives the attributes with the values decoded (attrs
 * itself when no value has one; *mem, to free with snplp__free, holds the copy). False when
 * memory runs out. */
bool snplp__attrs_decode(int nb, const xmlChar **attrs, const xmlChar ***decoded, void **mem);

#endif
