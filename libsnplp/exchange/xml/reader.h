/* Internal: the streaming core every XML reader shares (reader.c), and what a reader of one
 * kind of document gives it (read_referential.c, read_conventions.c).
 *
 * The core runs libxml2's SAX2 push parser over an input source with safe options (no network,
 * no DTD, no entity; a document type declaration ends the pass), captures libxml2's errors,
 * refuses encodings other than UTF-8, bounds depth, texts and attributes, records foreign
 * elements in their canonical form, and checks the format's rules as the elements stream by:
 * the tables of a document kind say which attributes (with the form of their values) and
 * which children (in order, how many) each element takes. What the values mean is the
 * reader's: the core hands it each checked attribute value, each text, each element's start
 * and end, and each extension; the reader builds its model. Every problem is a finding (line,
 * column); the core keeps the first error for the thread's last error message. */
#ifndef SNPLP_EXCHANGE_XML_READER_H
#define SNPLP_EXCHANGE_XML_READER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <libxml/parser.h>

#include <snplp/diagnostics.h>
#include <snplp/id.h>
#include <snplp/xml.h>

#include "exchange/xml/fragment.h"
#include "io/source.h"
#include "util/diag.h"
#include "model/referential/item.h"
#include "util/buf.h"
#include "util/ext.h"
#include "util/list.h"

/* ---- the rules of a document kind, as tables ---- */

/* The forms of attribute values. */
typedef enum snplp_xml_vtype {
    V_ID,      /* an id (xs:NCName, ASCII, at most SNPLP_ID_MAX): value.s, value.n */
    V_NAME,    /* one of a list of names: value.variant (names[v], or lookup()) */
    V_DATE,    /* YYYY, YYYY-MM or YYYY-MM-DD: value.s, value.n */
    V_DAY,     /* YYYY-MM-DD: value.date */
    V_DAYS,    /* a duration in days, [0-9]{1,4}(.[0-9]{1,6})? above 0: value.micro */
    V_CENTS,   /* xs:long, not negative: value.integer */
    V_INTEGER, /* xs:long: value.integer */
    V_DIPLOMA, /* 1 to 8: value.integer */
    V_BOOL,    /* true or false: value.flag */
    V_YEAR,    /* 1000 to 9998: value.integer */
    V_DECIMAL, /* -?[0-9]+(.[0-9]+)? (its range is the reader's to check): value.s, value.n */
    V_CODE,    /* a territory code, 2 to 9 of [0-9AB] (its kind decides: a model rule) */
    /* since 1.4, for records */
    V_UDECIMAL, /* [0-9]+(.[0-9]+)? (its range is the reader's to check): value.s, value.n */
    V_COMMUNE,  /* a commune's INSEE code, ([0-9]{2}|2[AB])[0-9]{3}: value.s, value.n */
    V_SIRET,    /* 14 digits (the key is the model's): value.s, value.n */
    V_DECLNUM,  /* 11 digits: value.s, value.n */
    V_POSTAL,   /* 5 digits: value.s, value.n */
    V_TOKEN,    /* a short text, kept as written (white space included): not white space only */
    V_CAPACITY, /* a whole number, 1 to 2147483647: value.integer */
    /* since 1.5, for the offers of modules (format 1.2) */
    V_FORMACODE /* a FORMACODE version, V then 1 to 3 digits: value.s, value.n */
} snplp_xml_vtype;

/* The most attributes of the format an element's rules list. */
#define SNPLP_XML_MAX_RULE_ATTRS 12

typedef struct snplp_xml_attr_rule {
    const char *name;
    uint8_t type; /* snplp_xml_vtype */
    bool required;
    uint8_t slot;                    /* the reader's: where the value goes */
    const char *const *names;        /* V_NAME: index 0 unused, then the names of 1, 2..., NULL */
    int (*lookup)(const char *name); /* V_NAME without names: the value of a name, 0 if none */
} snplp_xml_attr_rule;

/* The max of a child rule that comes after the extension elements of an item, at most once: an
 * addition of format 1.1 or 1.2 to a type of 1.0 (an indicator's <from-records>, a module's
 * <offer>), which the schema makes by an extension of the 1.0 type, and an XSD extension
 * appends to the type's content.
 * Tail children come last in the children's table. */
#define SNPLP_XML_TAIL 2

typedef struct snplp_xml_child_rule {
    const char *name;
    uint8_t type;     /* the element's type (an index of the rules), or SNPLP_XML_TEXT */
    uint8_t min;      /* 0 or 1 */
    uint8_t max;      /* 1, or 0 for any number, or SNPLP_XML_TAIL */
    uint16_t field;   /* SNPLP_XML_TEXT: the reader's code of the text */
    const char *what; /* SNPLP_XML_TEXT: its name in messages ("title", "source") */
} snplp_xml_child_rule;

typedef struct snplp_xml_elem_rule {
    const char *name;
    const snplp_xml_attr_rule *attrs;     /* ended by a NULL name; at most 12 */
    const snplp_xml_child_rule *children; /* in order, ended by a NULL name */
    bool item; /* takes foreign attributes and ends with foreign elements */
} snplp_xml_elem_rule;

/* The type of text elements (title, label...): they take no attribute and hold text only. */
#define SNPLP_XML_TEXT 255
/* The most element types a document kind has. */
#define SNPLP_XML_MAX_TYPES 32

/* ---- the state ---- */

/* An element being read. A reader keeps its own values in a struct that starts with this one
 * (snplp_xml_doc.frame_size): frames move as the stack grows, so that no pointer into one is
 * kept across a child element. */
typedef struct snplp_xml_frame {
    uint8_t type;     /* its rule's index, or SNPLP_XML_TEXT */
    uint16_t field;   /* a text element's code */
    const char *name; /* the element's name (a text element's own: "title"...) */
    const char *what; /* a text element's name in messages */
    bool ext;         /* foreign elements have started: no more elements of the format */
    bool text_reported;
    bool dead;          /* its object cannot be made (a missing required part, a failed call...) */
    bool bad_value;     /* an attribute had a bad value: no follow-on findings from the model */
    uint16_t bad_attrs; /* bit k: the attribute of rule k was there, with a bad value */
    uint16_t pos;       /* position in the children's sequence */
    uint32_t count;
    size_t line, column;
    snplp_list fattrs; /* snplp_foreign_attr *, waiting for the object */
} snplp_xml_frame;

typedef struct snplp_xml_value {
    const char *s; /* the value, white space collapsed but for ids (n bytes, not NUL-ended) */
    size_t n;
    int64_t integer;
    int64_t micro; /* V_DAYS: millionths of a day */
    int variant;
    bool flag;
    snplp_date date;
} snplp_xml_value;

typedef struct snplp_xml_reader snplp_xml_reader;

/* A kind of document: its rules and what its reader does with them. */
typedef struct snplp_xml_doc {
    const char *root; /* the root element ("referential") */
    const char *what; /* what a document of this kind is, in messages ("a referential") */
    const snplp_xml_elem_rule *rules; /* indexed by type */
    unsigned nrules;
    uint8_t root_type;
    size_t frame_size; /* the reader's frame, starting with snplp_xml_frame */
    /* Zeroes a frame for a new element, the core's part included (what the reader writes
     * before it reads it may be left as it is). */
    void (*frame_init)(snplp_xml_frame *f);
    /* An attribute of the format with a well-formed value. */
    void (*attribute)(snplp_xml_reader *r, snplp_xml_frame *f, const snplp_xml_attr_rule *ar,
                      const snplp_xml_value *v);
    /* The attributes of an element (not a text) are read. */
    void (*started)(snplp_xml_reader *r, snplp_xml_frame *f);
    /* A text element t of parent p ended, with its text (not when p is dead or the text too
     * long). */
    void (*text)(snplp_xml_reader *r, snplp_xml_frame *t, snplp_xml_frame *p, const char *text);
    /* An element (not a text) ended; its missing children are reported. */
    void (*ended)(snplp_xml_reader *r, snplp_xml_frame *f);
    /* A foreign element at the end of f, canonical: taken over (freed if f has no object). */
    void (*extension)(snplp_xml_reader *r, snplp_xml_frame *f, char *xml);
    /* The pass read the document without a fatal problem (the model's rules). */
    void (*finish)(snplp_xml_reader *r);
    /* Frees what the reader's part of a frame holds (NULL: nothing). */
    void (*frame_clear)(snplp_xml_frame *f);
    /* The namespace of the document kind's elements (NULL: the format's, SNPLP_XML_NAMESPACE). */
    const char *ns;
    /* A document of another format, read for what the reader maps (LHEO, read_lheo.c): the
     * rules say which elements the reader takes, not the whole format. Known children come in
     * any order and number, none is required; inside an element whose rule is an item, any
     * other element (of the namespace or not) is recorded whole and handed to extension(), and
     * elsewhere left out; text in an element that holds elements is left out; attributes are
     * not checked: each one of no namespace goes to raw_attribute(), of text elements too. */
    bool lenient;
    void (*raw_attribute)(snplp_xml_reader *r, snplp_xml_frame *f, const char *name,
                          const char *value, size_t n);
} snplp_xml_doc;

/* The bounds of a start tag, checked on the bytes before libxml2 parses them (reader.c,
 * scan()): where the scan is (in text, a tag, a quoted value, a comment...), the position of
 * the next byte (at the end of a chunk), and the start tag being read. */
typedef struct snplp_xml_scan {
    uint8_t state;
    uint8_t matched;  /* after "<!": bytes of "--" or "[CDATA[" matched; the end matched */
    char quote;       /* of the quoted value being read */
    const char *want; /* after "<!": "--" or "[CDATA[" */
    size_t line, column;
    size_t tag_line, tag_column; /* of the last '<' of text, known at the end of its chunk */
    size_t tag_bytes, tag_attrs;
} snplp_xml_scan;

struct snplp_xml_reader {
    const snplp_xml_doc *doc;
    /* set by the reader before the pass: the XSD the document is validated against as it
     * streams (NULL: the format's own in strict mode, else none) */
    struct _xmlSchema *schema;
    xmlParserCtxtPtr ctxt;
    snplp_diagnostics *diags;
    const char *name;
    char *stack; /* depth frames of doc->frame_size bytes */
    size_t depth, cap;
    size_t skip;                             /* depth inside a subtree that is not checked */
    snplp_fragment frag;                     /* a foreign element being recorded */
    size_t frag_text_bytes, frag_text_chars; /* the current run of text in it */
    bool frag_text_reported;
    snplp_buf text; /* the text of the current text element */
    size_t text_chars;
    bool text_too_long;
    bool root_seen;
    snplp_buf prolog;  /* the comments before the root, each as "<!--...-->\n" (the reader
                        * that wants them takes them: snplp__buf_take) */
    bool element_seen; /* any element, the root of another kind included */
    bool stopped;      /* the pass ended (fatal problem) */
    int status;        /* SNPLP_OK, or the error that ended the pass (SNPLP_ENOMEM, SNPLP_EIO) */
    snplp_xml_scan scan;
    size_t findings, dropped;        /* findings of this pass kept, and dropped over the limit */
    snplp_severity dropped_severity; /* the most serious finding dropped */
    size_t dropped_line, dropped_column; /* where the first dropped finding was */
    size_t parse_errors, model_errors;
    size_t rule_errors; /* of model_errors, those of the model's rules (codes 100-199, 300-319) */
    int first_code;
    char first[512];
    char generic[300]; /* the first message libxml2 gave its generic error handler */
    /* the id of the convention being read ("" outside one): the findings inside it name it
     * (snplp_diagnostic_convention_id()) */
    char convention_id[SNPLP_ID_MAX + 1];
    /* the format's namespace and names, looked up in the parser's dictionary once: SAX2
     * hands names over from it, so that a pointer comparison finds them; strcmp() still
     * decides when the pointers differ (NULL: a failed lookup) */
    const xmlChar *ns_uri;
    const xmlChar *attr_names[SNPLP_XML_MAX_TYPES][SNPLP_XML_MAX_RULE_ATTRS];
    const xmlChar *child_names[SNPLP_XML_MAX_TYPES][16];
    /* each type's children are all in child_names (at most 16, each looked up): a name that
     * is none of them by address is none of them at all */
    bool children_interned[SNPLP_XML_MAX_TYPES];
    /* the bits of the required attributes of each type (bit k: attrs[k]); the rules' tables
     * have at most 32 attributes (a required one past the 32nd would never be found missing) */
    uint32_t required_attrs[SNPLP_XML_MAX_TYPES];
    /* element names from the dictionary found free of byte-order marks, by their address */
    const xmlChar *bom_free[8];
};

/* ---- for the readers ---- */

/* Where an import reads from: size bytes of memory at data, a read callback, or the file at
 * path. */
typedef struct snplp_xml_input {
    enum { SNPLP_XML_MEMORY, SNPLP_XML_CALLBACK, SNPLP_XML_FILE } from;
    const void *data;
    size_t size;
    snplp_read_fn read;
    void *user;
    const char *path;
} snplp_xml_input;

/* The input's arguments checked for the public function fn (out_ok: its out-parameter is not
 * NULL), its source opened (a file that cannot be opened is a finding of diags), then
 * import(r, diags, source, name) called: the reader's pass over it, which makes and returns
 * its model. The file is named by its path when name is NULL. */
typedef int (*snplp_xml_import_fn)(void *out, snplp_diagnostics *diags, snplp_source *src,
                                   const char *name, const snplp_import_options *options);
int snplp__xml_import(snplp_xml_import_fn import, void *out, snplp_diagnostics *diags,
                      const snplp_xml_input *in, const char *name,
                      const snplp_import_options *options, const char *fn);

/* snplp_<what>_import_memory(), _callback() and _file(), the public functions of a reader
 * whose pass over a source is `import` and whose result is a T. */
#define SNPLP_XML_DEFINE_IMPORTS(what, T, import)                                                  \
    int snplp_##what##_import_memory(T **out, snplp_diagnostics *diags, const void *data,          \
                                     size_t size, const char *name,                                \
                                     const snplp_import_options *options)                          \
    {                                                                                              \
        snplp_xml_input in = {.from = SNPLP_XML_MEMORY, .data = data, .size = size};               \
        return snplp__xml_import(import, out, diags, &in, name, options, __func__);                \
    }                                                                                              \
    int snplp_##what##_import_callback(T **out, snplp_diagnostics *diags, snplp_read_fn read,      \
                                       void *user, const char *name,                               \
                                       const snplp_import_options *options)                        \
    {                                                                                              \
        snplp_xml_input in = {.from = SNPLP_XML_CALLBACK, .read = read, .user = user};             \
        return snplp__xml_import(import, out, diags, &in, name, options, __func__);                \
    }                                                                                              \
    int snplp_##what##_import_file(T **out, snplp_diagnostics *diags, const char *path,            \
                                   const snplp_import_options *options)                            \
    {                                                                                              \
        snplp_xml_input in = {.from = SNPLP_XML_FILE, .path = path};                               \
        return snplp__xml_import(import, out, diags, &in, NULL, options, __func__);                \
    }

/* Reads a document of kind doc from src into r (a reader's struct, starting with the core's,
 * zeroed but for what the reader set): returns SNPLP_OK, SNPLP_EPARSE (a parse or schema
 * error), SNPLP_EVALIDATION (only errors of the model) or the error that ended the pass
 * (SNPLP_ENOMEM, SNPLP_EIO), recorded for the thread. What was made stays the caller's. */
int snplp__xml_read(snplp_xml_reader *r, const snplp_xml_doc *doc, snplp_diagnostics *diags,
                    snplp_source *src, const char *name, const snplp_import_options *options);

/* The frame at index i of the stack, and f's parent (NULL for the root). */
snplp_xml_frame *snplp__xml_frame_at(snplp_xml_reader *r, size_t i);
static inline snplp_xml_frame *snplp__xml_parent(snplp_xml_reader *r, const snplp_xml_frame *f)
{
    const char *p = (const char *)f;
    return p > r->stack ? (snplp_xml_frame *)(void *)(uintptr_t)(p - r->doc->frame_size) : NULL;
}

/* Reports the finding f of the catalogue (util/diag.h): counted, dropped past the limit, named
 * with the convention being read; its severity and position as given (an error counts as the
 * model's unless its code is one of the parser's, 200-229). */
void snplp__xml_finding(snplp_xml_reader *r, const snplp_finding *f);
/* Reports an error of the catalogue (diag/CODE/VARIANT) at the element of f, about item_id
 * (NULL: none), with its n arguments. */
void snplp__xml_error_at(snplp_xml_reader *r, const snplp_xml_frame *f, snplp_diag_code code,
                         const char *variant, const char *item_id, const snplp_msg_arg *args,
                         size_t n);
/* Records a finding with a message already made (one not from the catalogue, passed on as it
 * is) at line:column, as snplp__xml_finding() does. */
void snplp__xml_report(snplp_xml_reader *r, snplp_severity severity, snplp_diag_code code,
                       size_t line, size_t column, const char *item_id, const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));
/* Whether f's element had the attribute name (of its rules) with a value reported as bad. */
bool snplp__xml_attr_bad(const snplp_xml_reader *r, const snplp_xml_frame *f, const char *name);
/* Memory ran out: the pass ends with SNPLP_ENOMEM. */
void snplp__xml_oom(snplp_xml_reader *r);

/* Gives the foreign attributes read on f's element to the object made for it: an item (it) or
 * the extensions e of a convention, an action or an indicator. A refused one is a finding
 * (item_id names the object). */
void snplp__xml_attach_fattrs(snplp_xml_reader *r, snplp_xml_frame *f, snplp_item *it, snplp_ext *e,
                              const char *item_id);
/* A text stored as `stored` was normalized to NFC: the warning text-normalized, at the text
 * element t. */
void snplp__xml_check_nfc(snplp_xml_reader *r, const snplp_xml_frame *t, const char *item_id,
                          const char *stored, const char *text);

#endif
