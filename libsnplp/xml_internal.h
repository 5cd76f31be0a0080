/* Internal: pieces shared by the XML reader, writer and the extension API. */
#ifndef SNPLP_INTERNAL_XML_H
#define SNPLP_INTERNAL_XML_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <libxml/parser.h>

#include <snplp/xml.h>

/* ---- a growable byte buffer on the library's allocator ---- */

typedef struct snplp_buf {
    char *p;
    size_t n, cap;
    bool failed; /* an allocation failed: the content is incomplete */
} snplp_buf;

void snplp__buf_put(snplp_buf *b, const char *s, size_t n);
void snplp__buf_puts(snplp_buf *b, const char *s);
/* Appends s escaped for element content (attr: for a double-quoted attribute value). */
void snplp__buf_escape(snplp_buf *b, const char *s, size_t n, bool attr);
/* Takes the content as a NUL-terminated string (NULL if an allocation failed); the buffer is
 * left empty. */
char *snplp__buf_take(snplp_buf *b);
void snplp__buf_free(snplp_buf *b);

/* ---- canonical recording of a foreign element (an extension) from SAX2 events ---- */

typedef struct snplp_ns_decl {
    char *prefix; /* "" for the default namespace */
    char *uri;
    int depth; /* of the element that declares it */
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
} snplp_fragment;

void snplp__fragment_start(snplp_fragment *f, const xmlChar *localname, const xmlChar *prefix,
                           const xmlChar *uri, int nb_namespaces, const xmlChar **namespaces,
                           int nb_attributes, const xmlChar **attributes);
void snplp__fragment_text(snplp_fragment *f, const char *s, size_t n);
/* Ends an element; returns true when it was the fragment's root (the fragment is complete). */
bool snplp__fragment_end(snplp_fragment *f, const xmlChar *localname, const xmlChar *prefix);
/* The canonical text of a complete fragment (NULL on allocation failure); resets f. */
char *snplp__fragment_take(snplp_fragment *f);
void snplp__fragment_reset(snplp_fragment *f);

/* libxml2's SAX2 hands attribute values over with '&' still written "&#38;" (it re-reads them
 * when it builds a tree): *decoded receives the attributes with the values decoded (attrs
 * itself when no value has one; *mem, to free with snplp__free, holds the copy). False when
 * memory runs out. */
bool snplp__attrs_decode(int nb, const xmlChar **attrs, const xmlChar ***decoded, void **mem);

/* ---- helpers ---- */

/* Calls xmlInitParser() once for the process. */
void snplp__xml_init(void);
/* The compiled-in schema, parsed once (NULL if that failed: an allocation failure). */
struct _xmlSchema *snplp__xml_schema(void);

/* Parses a decimal number of days of the form [0-9]{1,4}(.[0-9]{1,6})?, greater than 0, into
 * millionths of a day; false if s has another form. */
bool snplp__days_parse(const char *s, size_t n, int64_t *micro);
/* Writes days (a model value: millionths of a day) in the form above into buf (32 bytes). */
void snplp__days_format(char *buf, size_t size, double days);

#endif
