/* Internal: the pieces of XML both writers use (referential and conventions): indentation,
 * attributes, text elements, and the extensions kept from a document. */
#ifndef SNPLP_EXCHANGE_XML_WRITER_H
#define SNPLP_EXCHANGE_XML_WRITER_H

#include <stdint.h>

#include "io/sink.h"
#include "util/ext.h"

/* A new line and depth × 2 spaces. */
void snplp__xml_indent(snplp_sink *s, int depth);
/* ` name="value"`, the value escaped. */
void snplp__xml_attr(snplp_sink *s, const char *name, const char *value);
void snplp__xml_attr_int(snplp_sink *s, const char *name, int64_t v);
/* `<name>text</name>` on a new line at depth; nothing when text is NULL. */
void snplp__xml_text_element(snplp_sink *s, int depth, const char *name, const char *text);
/* The foreign attributes of e (NULL: none), with the declarations of their prefixes. */
void snplp__xml_foreign_attrs(snplp_sink *s, const snplp_ext *e);
/* The extension elements of e (NULL: none), each on its line at depth. */
void snplp__xml_extensions(snplp_sink *s, int depth, const snplp_ext *e);

/* Ends the start tag of element name at depth: with its text children (name1 then name2, if
 * not NULL, each left out when its text is NULL) and its end tag, or as an empty element `/>`
 * when both texts are NULL. */
void snplp__xml_end_with_texts(snplp_sink *s, int depth, const char *name, const char *name1,
                               const char *text1, const char *name2, const char *text2);

#endif
