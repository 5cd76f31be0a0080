/* The streaming core of the XML readers (reader.h): libxml2's SAX2 push parser with safe
 * options over an input source, its errors captured, and the format's rules checked from a
 * document kind's tables as the elements stream by; what the values mean is the reader's.
 *
 * The input is untrusted: the parser never loads anything (XML_PARSE_NONET, no DTD loading,
 * no entity substitution), a document type declaration ends the pass, and depth, text and
 * attribute sizes are bounded. */
#include "exchange/xml/reader.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#if defined(__SSE2__) && defined(__x86_64__)
#include <emmintrin.h>
#define SCAN_SSE2 1 /* scan() compares 16 bytes at a time */
#endif

#include <libxml/parserInternals.h>
#include <libxml/xmlschemas.h>
#include <unicode/utf8.h>

#include "exchange/xml/core.h"
#include "exchange/xml/extension.h"
#include "util/alloc.h"
#include "util/date.h"
#include "util/days.h"
#include "util/diag.h"
#include "util/errors.h"
#include "util/id.h"

#define XSI "http://www.w3.org/2001/XMLSchema-instance"

typedef snplp_xml_reader reader;
typedef snplp_xml_frame frame;
typedef snplp_xml_attr_rule attr_rule;
typedef snplp_xml_child_rule child_rule;
typedef snplp_xml_elem_rule elem_rule;

static const attr_rule no_attrs[] = {{NULL, 0, false, 0, NULL, NULL}};
static const child_rule no_children[] = {{NULL, 0, 0, 0, 0, NULL}};
/* the rule of every text element: no attribute, no child element */
static const elem_rule text_rule = {"text", no_attrs, no_children, false};

static const elem_rule *rule_of(const reader *r, unsigned type)
{
    return type == SNPLP_XML_TEXT ? &text_rule : &r->doc->rules[type];
}

static size_t cur_line(const reader *r)
{
    long l = r->ctxt ? xmlSAX2GetLineNumber(r->ctxt) : 0;
    return l > 0 ? (size_t)l : 1;
}

static size_t cur_column(const reader *r)
{
    long c = r->ctxt ? xmlSAX2GetColumnNumber(r->ctxt) : 0;
    return c > 0 ? (size_t)c : 1;
}

/* Ends the pass. Not xmlStopParser(): called from a SAX callback, it frees the input that
 * libxml2 (and the schema's SAX plug, in strict mode) still reads when the callback returns. */
static void stop(reader *r)
{
    if (!r->stopped && r->ctxt) {
        r->ctxt->disableSAX = 1;
        r->ctxt->instate = XML_PARSER_EOF;
    }
    r->stopped = true;
}

void snplp__xml_oom(reader *r)
{
    if (r->status == SNPLP_OK)
        r->status = SNPLP_ENOMEM;
    stop(r);
}

/* Makes msg valid UTF-8 without control characters: libxml2 quotes the input in its messages
 * and may cut a character in two, and a message cut to its buffer may end in the middle of
 * one. Bad bytes become '?'. */
static void sanitize(char *msg)
{
    /* ICU's U8_NEXT is strict (libxml2's xmlGetUTF8Char takes any byte as a lead byte) */
    int32_t n = (int32_t)strlen(msg);
    for (int32_t i = 0; i < n;) {
        int32_t at = i;
        UChar32 c;
        U8_NEXT((const uint8_t *)msg, i, n, c);
        if (c < 0 || (c < 0x20 && c != '\t') || (c >= 0xD800 && c <= 0xDFFF) || c == 0xFFFE ||
            c == 0xFFFF) {
            for (int32_t k = at; k < i; k++)
                msg[k] = c == '\n' ? ' ' : '?';
        }
    }
}

/* Counts a finding of severity and code at line:column: whether it is dropped (the list holds
 * SNPLP_XML_MAX_FINDINGS already: counted for the finding that says how many were). */
static bool count_finding(reader *r, snplp_severity severity, snplp_diag_code code, size_t line,
                          size_t column)
{
    bool drop = r->diags && r->findings >= SNPLP_XML_MAX_FINDINGS;
    if (drop) {
        if (r->dropped++ == 0) {
            r->dropped_line = line;
            r->dropped_column = column;
        }
        if (severity > r->dropped_severity)
            r->dropped_severity = severity;
    }
    if (severity == SNPLP_SEVERITY_ERROR) {
        if ((int)code >= 200 && (int)code < 230)
            r->parse_errors++;
        else
            r->model_errors++;
        if (((int)code >= 100 && (int)code < 200) || ((int)code >= 300 && (int)code < 320))
            r->rule_errors++; /* a rule of the model: the model holds it (keep_invalid) */
    }
    return drop;
}

/* The first error becomes the message of the import's failure: msg at line:column. */
static void note_first(reader *r, snplp_severity severity, snplp_diag_code code, size_t line,
                       size_t column, const char *msg)
{
    if (severity == SNPLP_SEVERITY_ERROR && !r->first_code) {
        r->first_code = code;
        snprintf(r->first, sizeof r->first, "%s:%zu:%zu: %s", r->name, line, column, msg);
    }
}

__attribute__((format(printf, 7, 0))) static void vreport(reader *r, snplp_severity severity,
                                                          snplp_diag_code code, size_t line,
                                                          size_t column, const char *item_id,
                                                          const char *fmt, va_list ap)
{
    bool first = severity == SNPLP_SEVERITY_ERROR && !r->first_code;
    bool drop = count_finding(r, severity, code, line, column);
    char msg[400];
    msg[0] = '\0';
    if (!drop || first) {
        vsnprintf(msg, sizeof msg, fmt, ap);
        sanitize(msg);
    }
    note_first(r, severity, code, line, column, msg);
    if (drop)
        return;
    r->findings++;
    /* inside a convention, a finding names it too (snplp_diagnostic_convention_id()); the
     * item id stays what it was (the convention's own id for a finding about it) */
    const char *conv = r->convention_id[0] ? r->convention_id : NULL;
    if (r->diags &&
        (conv
             ? snplp__diag_conv_at(r->diags, severity, code, line, column, conv, item_id, 0, msg)
             : snplp__diag(r->diags, severity, code, line, column, item_id, "%s", msg)) != SNPLP_OK)
        snplp__xml_oom(r);
}

void snplp__xml_finding(reader *r, const snplp_finding *f)
{
    bool first = f->severity == SNPLP_SEVERITY_ERROR && !r->first_code;
    bool drop = count_finding(r, f->severity, f->code, f->line, f->column);
    if (first) { /* the import's failure speaks English (errors are not in the catalogue yet) */
        char *msg = NULL;
        int rc = snplp__finding_render(f, SNPLP_LANGUAGE_EN, &msg);
        note_first(r, f->severity, f->code, f->line, f->column, msg ? msg : "");
        snplp__free(msg);
        if (rc == SNPLP_ENOMEM) {
            snplp__xml_oom(r);
            return;
        }
    }
    if (drop)
        return;
    r->findings++;
    snplp_finding g = *f;
    if (r->convention_id[0])
        g.convention_id = r->convention_id;
    int rc = snplp__finding(r->diags, &g);
    if (rc == SNPLP_ENOMEM)
        snplp__xml_oom(r);
    else if (rc && r->status == SNPLP_OK)
        r->status = rc; /* a message of the catalogue that does not render: the library's bug */
}

void snplp__xml_error_at(reader *r, const snplp_xml_frame *f, snplp_diag_code code,
                         const char *variant, const char *item_id, const snplp_msg_arg *args,
                         size_t n)
{
    snplp__xml_finding(r, &(snplp_finding){.severity = SNPLP_SEVERITY_ERROR,
                                           .code = code,
                                           .variant = variant,
                                           .line = f->line,
                                           .column = f->column,
                                           .item_id = item_id,
                                           .args = args,
                                           .nargs = n});
}

void snplp__xml_report(reader *r, snplp_severity severity, snplp_diag_code code, size_t line,
                       size_t column, const char *item_id, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vreport(r, severity, code, line, column, item_id, fmt, ap);
    va_end(ap);
}

/* ---- findings of the catalogue (util/messages/diag/xml.en.txt, xml.fr.txt) ---- */

#define STR_(x) #x
#define STR(x)  STR_(x) /* a limit of snplp/xml.h as the text of an INTEGER argument */

/* s (NULL: "") in buf, fit for an argument of a message: valid UTF-8 without control characters
 * (names and values come from the document, libxml2's texts quote it). */
static const char *arg_text(char *buf, size_t size, const char *s)
{
    snprintf(buf, size, "%s", s ? s : "");
    sanitize(buf);
    return buf;
}

static void say_at(reader *r, snplp_severity severity, snplp_diag_code code, const char *variant,
                   size_t line, size_t column, const char *item_id, const snplp_msg_arg *args,
                   size_t n)
{
    snplp__xml_finding(r, &(snplp_finding){.severity = severity,
                                           .code = code,
                                           .variant = variant,
                                           .line = line,
                                           .column = column,
                                           .item_id = item_id,
                                           .args = args,
                                           .nargs = n});
}

/* An error of the catalogue at the parser's current position. */
static void say_here(reader *r, snplp_diag_code code, const char *variant,
                     const snplp_msg_arg *args, size_t n)
{
    say_at(r, SNPLP_SEVERITY_ERROR, code, variant, cur_line(r), cur_column(r), NULL, args, n);
}

/* SAY(r, code, variant, SNPLP_ARG(...), ...): an error at the parser's current position. */
#define SAY(r, code, variant, ...) say_here(r, code, variant, SNPLP_ARGS(__VA_ARGS__))

/* ---- values ---- */

static bool is_ws(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static bool all_digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return n > 0;
}

/* Whether s (n bytes) is the name of a value of an enumeration; *v receives the value. */
static bool name_value(const attr_rule *ar, const char *s, size_t n, int *v)
{
    if (ar->names) {
        for (int k = 1; ar->names[k]; k++) {
            /* the name is s when they agree on n bytes and the name has no more */
            const char *name = ar->names[k];
            size_t i = 0;
            while (i < n && name[i] != '\0' && name[i] == s[i])
                i++;
            if (i == n && name[i] == '\0') {
                *v = k;
                return true;
            }
        }
        return false;
    }
    char buf[32];
    if (n >= sizeof buf)
        return false;
    memcpy(buf, s, n);
    buf[n] = '\0';
    *v = ar->lookup(buf);
    return *v != 0;
}

/* Checks a value of the attribute's type (already stripped of white space where the schema
 * collapses it); *v receives what it means. */
static bool value_ok(const attr_rule *ar, const char *s, size_t n, snplp_xml_value *v)
{
    v->s = s;
    v->n = n;
    switch ((snplp_xml_vtype)ar->type) {
    case V_ID:
        return snplp__id_ok(s, n);
    case V_DAYS:
        return snplp__days_parse(s, n, &v->micro);
    case V_CENTS:
    case V_INTEGER: {
        /* xs:long: at most 19 digits, within the range of a 64-bit integer */
        bool neg = ar->type == V_INTEGER && n > 0 && s[0] == '-';
        const char *d = s + neg;
        size_t dn = n - neg;
        if (!all_digits(d, dn) || dn > 19)
            return false;
        uint64_t x = 0, limit = neg ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
        for (size_t i = 0; i < dn; i++) {
            unsigned digit = (unsigned)(d[i] - '0');
            if (x > (limit - digit) / 10)
                return false;
            x = x * 10 + digit;
        }
        v->integer = neg ? (int64_t)(0 - x) : (int64_t)x;
        return true;
    }
    case V_DIPLOMA:
        if (n != 1 || s[0] < '1' || s[0] > '8')
            return false;
        v->integer = s[0] - '0';
        return true;
    case V_DATE: {
        if (n != 4 && n != 7 && n != 10)
            return false;
        char buf[11];
        memcpy(buf, s, n);
        buf[n] = '\0';
        return buf[0] >= '1' && buf[0] <= '9' && snplp__date_is_valid(buf);
    }
    case V_BOOL:
        if (n == 4 && memcmp(s, "true", 4) == 0)
            v->flag = true;
        else if (n == 5 && memcmp(s, "false", 5) == 0)
            v->flag = false;
        else
            return false;
        return true;
    case V_YEAR:
        if (n != 4 || !all_digits(s, 4) || s[0] == '0')
            return false;
        v->integer = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
        return v->integer <= SNPLP_YEAR_MAX;
    case V_DAY: {
        char buf[11];
        if (n != 10 || s[0] == '0')
            return false;
        memcpy(buf, s, n);
        buf[n] = '\0';
        return snplp_date_parse(&v->date, buf) == SNPLP_OK;
    }
    case V_DECIMAL: {
        /* -?[0-9]+(\.[0-9]+)?: the form; the model's range is checked by the reader */
        size_t i = n > 0 && s[0] == '-', d = i;
        while (i < n && s[i] >= '0' && s[i] <= '9')
            i++;
        if (i == d)
            return false;
        if (i < n) {
            if (s[i++] != '.' || i == n)
                return false;
            while (i < n && s[i] >= '0' && s[i] <= '9')
                i++;
        }
        return i == n;
    }
    case V_CODE:
        if (n < 2 || n > 9)
            return false;
        for (size_t i = 0; i < n; i++)
            if (!((s[i] >= '0' && s[i] <= '9') || s[i] == 'A' || s[i] == 'B'))
                return false;
        return true;
    case V_NAME:
        return name_value(ar, s, n, &v->variant);
    case V_UDECIMAL: {
        size_t i = 0;
        while (i < n && s[i] >= '0' && s[i] <= '9')
            i++;
        if (i == 0)
            return false;
        if (i < n) {
            if (s[i++] != '.' || i == n)
                return false;
            while (i < n && s[i] >= '0' && s[i] <= '9')
                i++;
        }
        return i == n;
    }
    case V_COMMUNE:
        /* ([0-9]{2}|2[AB])[0-9]{3} */
        return n == 5 && (all_digits(s, 2) || (s[0] == '2' && (s[1] == 'A' || s[1] == 'B'))) &&
               all_digits(s + 2, 3);
    case V_SIRET:
        return n == 14 && all_digits(s, n);
    case V_DECLNUM:
        return n == 11 && all_digits(s, n);
    case V_POSTAL:
        return n == 5 && all_digits(s, n);
    case V_TOKEN:
        for (size_t i = 0; i < n; i++)
            if (!is_ws(s[i]))
                return true;
        return false;
    case V_FORMACODE:
        return n >= 2 && n <= 4 && s[0] == 'V' && all_digits(s + 1, n - 1);
    case V_CAPACITY: {
        /* xs:int, [0-9]{1,10}, at least 1 */
        if (n > 10 || !all_digits(s, n))
            return false;
        int64_t x = 0;
        for (size_t i = 0; i < n; i++)
            x = x * 10 + (s[i] - '0');
        v->integer = x;
        return x >= 1 && x <= INT32_MAX;
    }
    }
    return false;
}

bool snplp__xml_attr_bad(const reader *r, const frame *f, const char *name)
{
    const attr_rule *a = rule_of(r, f->type)->attrs;
    for (int k = 0; k < SNPLP_XML_MAX_RULE_ATTRS && a[k].name; k++)
        if (strcmp(a[k].name, name) == 0)
            return (f->bad_attrs >> k) & 1u;
    return false;
}

/* ---- frames ---- */

static void free_fattrs(snplp_list *l)
{
    for (uint32_t i = 0; i < l->n; i++)
        snplp__free(l->v[i]);
    snplp__list_dispose(l);
}

snplp_xml_frame *snplp__xml_frame_at(reader *r, size_t i)
{
    return (frame *)(void *)(r->stack + i * r->doc->frame_size);
}

static frame *top(reader *r)
{
    return r->depth ? snplp__xml_frame_at(r, r->depth - 1) : NULL;
}

static void frame_clear(reader *r, frame *f)
{
    free_fattrs(&f->fattrs);
    if (r->doc->frame_clear)
        r->doc->frame_clear(f);
    /* nothing reads a frame once popped: push() clears it for the next element */
}

static frame *push(reader *r, unsigned type)
{
    size_t size = r->doc->frame_size;
    if (r->depth == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 16;
        char *s = snplp__realloc(r->stack, cap * size);
        if (!s) {
            snplp__xml_oom(r);
            return NULL;
        }
        r->stack = s;
        r->cap = cap;
    }
    frame *f = snplp__xml_frame_at(r, r->depth++);
    r->doc->frame_init(f);
    f->type = (uint8_t)type;
    f->name = rule_of(r, type)->name;
    f->line = cur_line(r);
    f->column = cur_column(r);
    return f;
}

/* ---- what readers share ---- */

void snplp__xml_attach_fattrs(reader *r, frame *f, snplp_item *it, snplp_ext *e,
                              const char *item_id)
{
    for (uint32_t i = 0; i < f->fattrs.n && !r->stopped; i++) {
        const snplp_foreign_attr *a = f->fattrs.v[i];
        int rc = it ? snplp__ext_set_attr(it, a->ns, a->prefix, a->name, a->value,
                                          SNPLP_TEXT_CHECKED, "import")
                    : snplp__ext_put_attr(e, a->ns, a->prefix, a->name, a->value,
                                          SNPLP_TEXT_CHECKED, "import");
        if (rc == SNPLP_ENOMEM)
            snplp__xml_oom(r);
        else if (rc != SNPLP_OK)
            say_at(r, SNPLP_SEVERITY_ERROR, SNPLP_DIAG_BAD_VALUE, "foreign-attribute", f->line,
                   f->column, item_id,
                   SNPLP_ARGS(SNPLP_ARG(TEXT, "reason", snplp_error_last_reason())));
    }
    free_fattrs(&f->fattrs);
}

void snplp__xml_check_nfc(reader *r, const frame *t, const char *item_id, const char *stored,
                          const char *text)
{
    if (stored && strcmp(stored, text) != 0)
        say_at(r, SNPLP_SEVERITY_WARNING, SNPLP_DIAG_TEXT_NORMALIZED, "text", t->line, t->column,
               item_id, SNPLP_ARGS(SNPLP_ARG(ID, "element", t->name)));
}

/* ---- SAX2 events ---- */

/* The namespace of the document kind's elements. */
static const char *doc_ns(const reader *r)
{
    return r->doc->ns ? r->doc->ns : SNPLP_XML_NAMESPACE;
}

static bool is_snplp(const reader *r, const xmlChar *uri)
{
    return uri && (uri == r->ns_uri || strcmp((const char *)uri, doc_ns(r)) == 0);
}

/* The bits of the required attributes of each type of the document (reader.h). */
static void required_attrs(reader *r)
{
    for (size_t t = 0; t < SNPLP_XML_MAX_TYPES; t++) {
        uint32_t bits = 0;
        const attr_rule *a = t < r->doc->nrules ? r->doc->rules[t].attrs : no_attrs;
        for (size_t k = 0; a[k].name && k < 32; k++)
            if (a[k].required)
                bits |= 1u << k;
        r->required_attrs[t] = bits;
    }
}

/* Looks the format's names up in the parser's dictionary (a failed lookup leaves NULL: the
 * names are then compared by strcmp() only). */
static void intern_names(reader *r)
{
    xmlDictPtr dict = r->ctxt->dict;
    if (!dict)
        return;
    r->ns_uri = xmlDictLookup(dict, (const xmlChar *)doc_ns(r), -1);
    for (size_t t = 0; t < r->doc->nrules && t < SNPLP_XML_MAX_TYPES; t++) {
        const attr_rule *a = r->doc->rules[t].attrs;
        for (size_t k = 0; a[k].name && k < sizeof r->attr_names[t] / sizeof *r->attr_names[t]; k++)
            r->attr_names[t][k] = xmlDictLookup(dict, (const xmlChar *)a[k].name, -1);
        const child_rule *c = r->doc->rules[t].children;
        size_t k = 0;
        bool all = true;
        for (; c[k].name && k < sizeof r->child_names[t] / sizeof *r->child_names[t]; k++) {
            r->child_names[t][k] = xmlDictLookup(dict, (const xmlChar *)c[k].name, -1);
            all &= r->child_names[t][k] != NULL;
        }
        r->children_interned[t] = all && !c[k].name;
    }
}

/* The position of the attribute named local in the rules of f's element (that of the NULL
 * name at the end if none). */
static int attr_index(const reader *r, const frame *f, const xmlChar *local)
{
    const attr_rule *a = rule_of(r, f->type)->attrs;
    int k = 0;
    if (f->type != SNPLP_XML_TEXT) {
        const xmlChar *const *names = r->attr_names[f->type];
        for (; a[k].name && k < SNPLP_XML_MAX_RULE_ATTRS; k++)
            if (names[k] == local)
                return k;
    }
    for (k = 0; a[k].name && strcmp(a[k].name, (const char *)local) != 0; k++)
        ;
    return k;
}

/* The position of the child named local among the children of f's element, from position
 * from on (that of the NULL name at the end if none). The names of a sequence are distinct. */
static size_t child_index(const reader *r, const frame *f, size_t from, const xmlChar *local)
{
    const child_rule *c = rule_of(r, f->type)->children;
    size_t i = from;
    if (f->type != SNPLP_XML_TEXT) {
        const xmlChar *const *names = r->child_names[f->type];
        for (; c[i].name && i < 16; i++)
            if (names[i] == local)
                return i;
        /* SAX2 gives names from the parser's dictionary, where the children's are: none of
         * them by address is none of them */
        if (f->type < SNPLP_XML_MAX_TYPES && r->children_interned[f->type] &&
            xmlDictOwns(r->ctxt->dict, local) == 1)
            return i;
    }
    for (i = from; c[i].name && strcmp(c[i].name, (const char *)local) != 0; i++)
        ;
    return i;
}

#define BOM "\xEF\xBB\xBF" /* (the findings about one: variants byte-order-mark) */

/* Whether s holds a byte-order mark (U+FEFF): XML takes it for a character of a name or a
 * text, but there it is most often the mark of a second file joined to the first. */
static bool has_bom(const xmlChar *s)
{
    return s && strstr((const char *)s, BOM) != NULL;
}

/* The same for an element's name, which SAX2 hands over from the parser's dictionary: the
 * same name comes at the same address all along the document, so that the answer for an
 * address is kept (names of the format come again and again, and are looked at once). */
static bool name_has_bom(reader *r, const xmlChar *name)
{
    if (!name)
        return false;
    const xmlChar **kept = &r->bom_free[((uintptr_t)name >> 4) % 8];
    if (*kept == name)
        return false;
    if (has_bom(name))
        return true;
    *kept = name;
    return false;
}

/* s without its byte-order marks, in buf. */
static const char *without_bom(char *buf, size_t size, const char *s)
{
    size_t n = 0;
    for (; *s && n + 1 < size; s++) {
        if (strncmp(s, BOM, 3) == 0) {
            s += 2;
            continue;
        }
        buf[n++] = *s;
    }
    buf[n] = '\0';
    return buf;
}

static const char *qname(char *buf, size_t size, const xmlChar *prefix, const xmlChar *local)
{
    snprintf(buf, size, "%s%s%s", prefix ? (const char *)prefix : "", prefix ? ":" : "",
             local ? (const char *)local : "");
    return buf;
}

/* Keeps a foreign attribute (a[0..4] as SAX2 gives it, its value n bytes) for the object of
 * f; false when memory runs out. */
static bool keep_foreign(frame *f, const xmlChar **a, size_t n)
{
    size_t ns = strlen((const char *)a[2]), pre = a[1] ? strlen((const char *)a[1]) : 0,
           loc = strlen((const char *)a[0]);
    snplp_foreign_attr *fa = snplp__malloc(sizeof *fa + ns + pre + loc + n + 4);
    if (!fa || snplp__list_reserve(&f->fattrs) != SNPLP_OK) {
        snplp__free(fa);
        return false;
    }
    char *p = (char *)(fa + 1);
    fa->ns = memcpy(p, a[2], ns + 1);
    p += ns + 1;
    fa->prefix = memcpy(p, a[1] ? (const char *)a[1] : "", pre + 1);
    p += pre + 1;
    fa->name = memcpy(p, a[0], loc + 1);
    p += loc + 1;
    memcpy(p, a[3], n);
    p[n] = '\0';
    fa->value = p;
    snplp__list_push(&f->fattrs, fa);
    return true;
}

/* The attribute a (as SAX2 gives it) of f's element is longer than the limit. */
static void attribute_too_long(reader *r, const frame *f, const xmlChar **a)
{
    char q[200];
    qname(q, sizeof q, a[1], a[0]);
    sanitize(q);
    SAY(r, SNPLP_DIAG_ATTRIBUTE_TOO_LONG, "attribute", SNPLP_ARG(ID, "attribute", q),
        SNPLP_ARG(ID, "element", f->name), SNPLP_ARG(INTEGER, "max", STR(SNPLP_XML_MAX_ATTRIBUTE)));
}

/* A lenient document's attributes: each one of no namespace to the reader, unchecked but for
 * its length. */
static void raw_attributes(reader *r, frame *f, int nb, const xmlChar **attrs)
{
    for (int i = 0; i < nb && !r->stopped; i++) {
        const xmlChar **a = attrs + 5 * i;
        size_t n = (size_t)(a[4] - a[3]);
        if (n > SNPLP_XML_MAX_ATTRIBUTE) {
            attribute_too_long(r, f, a);
            continue;
        }
        if (!a[2] && r->doc->raw_attribute)
            r->doc->raw_attribute(r, f, (const char *)a[0], (const char *)a[3], n);
    }
    if (!r->stopped && f->type != SNPLP_XML_TEXT)
        r->doc->started(r, f);
}

/* Checks the attributes of an element of the format, giving the reader each good value. */
static void check_attributes(reader *r, frame *f, int nb, const xmlChar **attrs)
{
    if (r->doc->lenient) {
        raw_attributes(r, f, nb, attrs);
        return;
    }
    const elem_rule *rule = rule_of(r, f->type);
    unsigned seen = 0; /* bit k: attrs[k] came */
    for (int i = 0; i < nb && !r->stopped; i++) {
        const xmlChar **a = attrs + 5 * i;
        const char *v = (const char *)a[3];
        size_t n = (size_t)(a[4] - a[3]);
        char q[200];
        if (n > SNPLP_XML_MAX_ATTRIBUTE) {
            attribute_too_long(r, f, a);
            if (!a[2]) {
                int k = attr_index(r, f, a[0]);
                if (rule->attrs[k].name) {
                    seen |= k < 32 ? 1u << k : 0;
                    f->bad_attrs |= (uint16_t)(1u << k);
                }
            }
            f->dead = true;
            continue;
        }
        if (a[2] && strcmp((const char *)a[2], XSI) == 0 &&
            (strcmp((const char *)a[0], "schemaLocation") == 0 ||
             strcmp((const char *)a[0], "noNamespaceSchemaLocation") == 0))
            continue; /* hints for validators, allowed anywhere by XSD; libsnplp reads nothing */
        if (a[2]) {   /* qualified */
            bool xsi_special =
                strcmp((const char *)a[2], XSI) == 0 &&
                (strcmp((const char *)a[0], "type") == 0 || strcmp((const char *)a[0], "nil") == 0);
            if (is_snplp(r, a[2]) || !rule->item || xsi_special) {
                char ns[300];
                qname(q, sizeof q, a[1], a[0]);
                sanitize(q);
                SAY(r, SNPLP_DIAG_UNKNOWN_ATTRIBUTE, "namespaced",
                    SNPLP_ARG(ID, "element", f->name), SNPLP_ARG(ID, "attribute", q),
                    SNPLP_ARG(TEXT, "namespace", arg_text(ns, sizeof ns, (const char *)a[2])));
                continue;
            }
            if (!keep_foreign(f, a, n)) {
                snplp__xml_oom(r);
                return;
            }
            continue;
        }
        int k = attr_index(r, f, a[0]);
        const attr_rule *ar = &rule->attrs[k];
        if (!ar->name && has_bom(a[0])) {
            without_bom(q, sizeof q, (const char *)a[0]);
            sanitize(q);
            SAY(r, SNPLP_DIAG_UNKNOWN_ATTRIBUTE, "byte-order-mark", SNPLP_ARG(ID, "attribute", q),
                SNPLP_ARG(ID, "element", f->name));
            continue;
        }
        if (!ar->name) {
            SAY(r, SNPLP_DIAG_UNKNOWN_ATTRIBUTE, "attribute", SNPLP_ARG(ID, "element", f->name),
                SNPLP_ARG(ID, "attribute", arg_text(q, sizeof q, (const char *)a[0])));
            continue;
        }
        seen |= k < 32 ? 1u << k : 0;
        /* every type but ids and short texts collapses white space */
        const char *s = v;
        size_t sn = n;
        if (ar->type != V_ID && ar->type != V_TOKEN) {
            while (sn && is_ws(*s))
                s++, sn--;
            while (sn && is_ws(s[sn - 1]))
                sn--;
        }
        snplp_xml_value value; /* value_ok() sets what the attribute's type gives */
        if (!value_ok(ar, s, sn, &value)) {
            char shown[64];
            snprintf(shown, sizeof shown, "%.*s%s", (int)(n < 40 ? n : 40), v, n > 40 ? "..." : "");
            sanitize(shown);      /* (40 bytes may end inside a character) */
            if (ar->type == V_ID) /* (bad-id's messages are in diag/csv.*.txt) */
                SAY(r, SNPLP_DIAG_BAD_ID, "attribute", SNPLP_ARG(ID, "element", f->name),
                    SNPLP_ARG(ID, "attribute", ar->name), SNPLP_ARG(TEXT, "value", shown),
                    SNPLP_ARG(INTEGER, "max", STR(SNPLP_ID_MAX)));
            else
                SAY(r, SNPLP_DIAG_BAD_VALUE, "attribute", SNPLP_ARG(ID, "element", f->name),
                    SNPLP_ARG(ID, "attribute", ar->name), SNPLP_ARG(TEXT, "value", shown));
            if (ar->required || ar->type == V_ID)
                f->dead = true;
            f->bad_value = true;
            f->bad_attrs |= (uint16_t)(1u << k);
            continue;
        }
        r->doc->attribute(r, f, ar, &value);
    }
    uint32_t required = f->type < SNPLP_XML_MAX_TYPES ? r->required_attrs[f->type] : UINT32_MAX;
    for (int k = 0; (seen & required) != required && rule->attrs[k].name && !r->stopped; k++)
        if (rule->attrs[k].required && k < 32 && !(seen >> k & 1u)) {
            SAY(r, SNPLP_DIAG_MISSING_ATTRIBUTE, "attribute", SNPLP_ARG(ID, "element", f->name),
                SNPLP_ARG(ID, "attribute", rule->attrs[k].name));
            f->dead = true;
        }
    if (!r->stopped && f->type != SNPLP_XML_TEXT)
        r->doc->started(r, f);
}

/* The index of the first tail child of an element (SNPLP_XML_TAIL), else of the end of its
 * children's table. */
static size_t tail_start(const elem_rule *rule)
{
    size_t i = 0;
    while (rule->children[i].name && rule->children[i].max != SNPLP_XML_TAIL)
        i++;
    return i;
}

/* Reports the required children of f at positions [from, to) that never came (the one at
 * f->pos counts as come if f->count > 0). */
static void missing_between(reader *r, frame *f, size_t from, size_t to)
{
    const child_rule *c = rule_of(r, f->type)->children;
    for (size_t i = from; i < to && c[i].name; i++) {
        if (c[i].min == 0 || (i == f->pos && f->count > 0))
            continue;
        SAY(r, SNPLP_DIAG_MISSING_ELEMENT, i == 0 ? "first" : "child",
            SNPLP_ARG(ID, "element", f->name), SNPLP_ARG(ID, "child", c[i].name));
        f->dead = true;
    }
}

static void missing_from(reader *r, frame *f, size_t from)
{
    missing_between(r, f, from, SIZE_MAX);
}

static void start_decoded(reader *r, const xmlChar *localname, const xmlChar *prefix,
                          const xmlChar *uri, int nb_namespaces, const xmlChar **namespaces,
                          int nb_attributes, const xmlChar **attributes);

static void start_element(void *ctx, const xmlChar *localname, const xmlChar *prefix,
                          const xmlChar *uri, int nb_namespaces, const xmlChar **namespaces,
                          int nb_attributes, int nb_defaulted, const xmlChar **attributes)
{
    (void)nb_defaulted;
    reader *r = ctx;
    r->element_seen = true;
    if (r->stopped)
        return;
    size_t depth = r->depth + r->skip + (size_t)r->frag.depth + 1;
    if (depth > SNPLP_XML_MAX_DEPTH) {
        SAY(r, SNPLP_DIAG_TOO_DEEP, "depth", SNPLP_ARG(INTEGER, "max", STR(SNPLP_XML_MAX_DEPTH)));
        stop(r);
        return;
    }
    if (r->skip && r->frag.depth == 0) {
        r->skip++;
        return;
    }
    void *mem = NULL;
    const xmlChar **attrs = NULL;
    if (!snplp__attrs_decode(nb_attributes, attributes, &attrs, &mem)) {
        snplp__xml_oom(r);
        return;
    }
    start_decoded(r, localname, prefix, uri, nb_namespaces, namespaces, nb_attributes, attrs);
    snplp__free(mem);
}

/* The kinds of documents of the format, by their root: the hint of a finding wrong-root (the
 * messages name each kind: {kind} and {expected_kind} select on the root). */
static const char *const kinds[] = {"referential", "conventions", "records"};

/* The root element: the document kind's, or a finding. */
static void start_root(reader *r, const xmlChar *localname, const xmlChar *prefix,
                       const xmlChar *uri, int nb_attributes, const xmlChar **attributes)
{
    const snplp_xml_doc *doc = r->doc;
    if (!is_snplp(r, uri) || strcmp((const char *)localname, doc->root) != 0) {
        char q[200], ns[300];
        const char *kind = NULL;
        for (size_t k = 0; k < sizeof kinds / sizeof *kinds && is_snplp(r, uri); k++)
            if (strcmp((const char *)localname, kinds[k]) == 0)
                kind = kinds[k];
        qname(q, sizeof q, prefix, localname);
        sanitize(q);
        if (kind)
            SAY(r, SNPLP_DIAG_WRONG_ROOT, "other-kind", SNPLP_ARG(ID, "root", q),
                SNPLP_ARG(TEXT, "namespace", arg_text(ns, sizeof ns, (const char *)uri)),
                SNPLP_ARG(ID, "expected", doc->root),
                SNPLP_ARG(TEXT, "expected_namespace", doc_ns(r)), SNPLP_ARG(CHOICE, "kind", kind),
                SNPLP_ARG(CHOICE, "expected_kind", doc->root));
        else if (uri)
            SAY(r, SNPLP_DIAG_WRONG_ROOT, "namespace", SNPLP_ARG(ID, "root", q),
                SNPLP_ARG(TEXT, "namespace", arg_text(ns, sizeof ns, (const char *)uri)),
                SNPLP_ARG(ID, "expected", doc->root),
                SNPLP_ARG(TEXT, "expected_namespace", doc_ns(r)));
        else
            SAY(r, SNPLP_DIAG_WRONG_ROOT, "no-namespace", SNPLP_ARG(ID, "root", q),
                SNPLP_ARG(ID, "expected", doc->root),
                SNPLP_ARG(TEXT, "expected_namespace", doc_ns(r)));
        r->skip = 1;
        return;
    }
    r->root_seen = true;
    frame *f = push(r, doc->root_type);
    if (f)
        check_attributes(r, f, nb_attributes, attributes);
}

/* Starts the child element of the top frame that rule cr describes (a text or an element). */
static void push_child(reader *r, const child_rule *cr, int nb_attributes,
                       const xmlChar **attributes)
{
    frame *child = push(r, cr->type);
    if (!child)
        return;
    child->field = cr->field;
    child->what = cr->what;
    child->name = cr->name;
    if (child->type == SNPLP_XML_TEXT) {
        r->text.n = 0; /* the buffer is reused from one text to the next */
        if (r->text.p)
            r->text.p[0] = '\0';
        r->text.failed = false;
        r->text_chars = 0;
        r->text_too_long = false;
    }
    check_attributes(r, child, nb_attributes, attributes);
}

/* An element inside f in a lenient document (reader.h): a child the rules know, in any order
 * and number; anything else recorded whole in an item, else left out. */
static void start_lenient(reader *r, frame *f, const elem_rule *rule, const xmlChar *localname,
                          const xmlChar *prefix, const xmlChar *uri, int nb_namespaces,
                          const xmlChar **namespaces, int nb_attributes, const xmlChar **attributes)
{
    if (f->type != SNPLP_XML_TEXT && is_snplp(r, uri)) {
        size_t i = child_index(r, f, 0, localname);
        if (rule->children[i].name) {
            f->count++;
            push_child(r, &rule->children[i], nb_attributes, attributes);
            return;
        }
    }
    if (rule->item && f->type != SNPLP_XML_TEXT) {
        r->frag_text_bytes = r->frag_text_chars = 0;
        r->frag_text_reported = false;
        snplp__fragment_start(&r->frag, localname, prefix, uri, nb_namespaces, namespaces,
                              nb_attributes, attributes);
        return;
    }
    r->skip = 1; /* left out, with what it holds */
}

static void start_decoded(reader *r, const xmlChar *localname, const xmlChar *prefix,
                          const xmlChar *uri, int nb_namespaces, const xmlChar **namespaces,
                          int nb_attributes, const xmlChar **attributes)
{
    if (r->frag.depth > 0) {
        r->frag_text_bytes = r->frag_text_chars = 0;
        snplp__fragment_start(&r->frag, localname, prefix, uri, nb_namespaces, namespaces,
                              nb_attributes, attributes);
        return;
    }
    char q[200];
    frame *f = top(r);
    if (name_has_bom(r, localname) || name_has_bom(r, prefix)) {
        char b[200];
        without_bom(b, sizeof b, qname(q, sizeof q, prefix, localname));
        sanitize(b);
        SAY(r, f ? SNPLP_DIAG_UNKNOWN_ELEMENT : SNPLP_DIAG_WRONG_ROOT, "byte-order-mark",
            SNPLP_ARG(ID, "element", b));
        r->skip = 1;
        return;
    }
    if (!f) {
        start_root(r, localname, prefix, uri, nb_attributes, attributes);
        return;
    }
    const elem_rule *rule = rule_of(r, f->type);
    if (r->doc->lenient) {
        start_lenient(r, f, rule, localname, prefix, uri, nb_namespaces, namespaces, nb_attributes,
                      attributes);
        return;
    }
    if (!is_snplp(r, uri)) {
        size_t tail = tail_start(rule);
        if (uri && rule->item && rule->children[tail].name &&
            (f->pos > tail || (f->pos == tail && f->count > 0))) {
            qname(q, sizeof q, prefix, localname);
            sanitize(q);
            SAY(r, SNPLP_DIAG_UNKNOWN_ELEMENT, "after-tail", SNPLP_ARG(ID, "element", q),
                SNPLP_ARG(ID, "tail", rule->children[f->pos].name));
            r->skip = 1;
            return;
        }
        if (uri && rule->item) { /* an extension: recorded whole */
            if (!f->ext) {
                missing_from(r, f, f->pos);
                f->ext = true;
                f->pos = (uint16_t)tail; /* only tail children may come after extensions */
                f->count = 0;
            }
            r->frag_text_bytes = r->frag_text_chars = 0;
            r->frag_text_reported = false;
            snplp__fragment_start(&r->frag, localname, prefix, uri, nb_namespaces, namespaces,
                                  nb_attributes, attributes);
            return;
        }
        qname(q, sizeof q, prefix, localname);
        sanitize(q);
        SAY(r, SNPLP_DIAG_UNKNOWN_ELEMENT, uri ? "other-namespace" : "no-namespace",
            SNPLP_ARG(ID, "element", q), SNPLP_ARG(ID, "parent", f->name));
        r->skip = 1;
        return;
    }
    /* an element of the format: where does it fit in the parent's sequence? */
    const child_rule *c = rule->children;
    size_t i = f->pos;
    i = child_index(r, f, i, localname);
    if (!c[i].name)
        i = SIZE_MAX;
    if (i != SIZE_MAX && i == f->pos && f->count > 0 && c[i].max != 0)
        i = SIZE_MAX; /* a second one */
    for (size_t k = f->pos; i != SIZE_MAX && k < i; k++)
        if (c[k].min > 0 && !(k == f->pos && f->count > 0))
            i = SIZE_MAX; /* it would pass over a required element that has not come */
    if (i == SIZE_MAX) {
        const char *expected = NULL;
        for (size_t k = f->pos; !f->ext && c[k].name && !expected; k++)
            if (c[k].min > 0 && !(k == f->pos && f->count > 0))
                expected = c[k].name;
        arg_text(q, sizeof q, (const char *)localname);
        if (expected)
            SAY(r, SNPLP_DIAG_UNKNOWN_ELEMENT, "before-required", SNPLP_ARG(ID, "element", q),
                SNPLP_ARG(ID, "parent", f->name), SNPLP_ARG(ID, "expected", expected));
        else
            SAY(r, SNPLP_DIAG_UNKNOWN_ELEMENT, f->ext ? "after-extensions" : "here",
                SNPLP_ARG(ID, "element", q), SNPLP_ARG(ID, "parent", f->name));
        r->skip = 1;
        return;
    }
    if (i != f->pos) {
        missing_between(r, f, f->pos, i);
        /* only the skipped positions were checked: the new one is counted below */
        f->pos = (uint16_t)i;
        f->count = 0;
    }
    f->count++;
    push_child(r, &c[i], nb_attributes, attributes);
}

/* A text element ended: its text goes to the reader. */
static void deliver_text(reader *r, frame *t, frame *p)
{
    if (r->text.failed) {
        snplp__xml_oom(r);
        return;
    }
    const char *text = r->text.p && r->text.n ? r->text.p : "";
    if (r->text_too_long || p->dead)
        return;
    r->doc->text(r, t, p, text);
}

static void end_element(void *ctx, const xmlChar *localname, const xmlChar *prefix,
                        const xmlChar *uri)
{
    (void)uri;
    reader *r = ctx;
    if (r->stopped)
        return;
    if (r->frag.depth > 0) {
        r->frag_text_bytes = r->frag_text_chars = 0;
        if (snplp__fragment_end(&r->frag, localname, prefix)) {
            char *xml = snplp__fragment_take(&r->frag);
            if (!xml)
                snplp__xml_oom(r);
            else
                r->doc->extension(r, top(r), xml);
        }
        return;
    }
    if (r->skip) {
        r->skip--;
        return;
    }
    frame *f = top(r);
    if (!f)
        return;
    if (f->type == SNPLP_XML_TEXT) {
        deliver_text(r, f, snplp__xml_parent(r, f));
    } else {
        if (!f->ext && !r->doc->lenient)
            missing_from(r, f, f->pos);
        if (!r->stopped)
            r->doc->ended(r, f);
    }
    frame_clear(r, f);
    r->depth--;
}

static void characters(void *ctx, const xmlChar *ch, int len)
{
    reader *r = ctx;
    if (r->stopped || len <= 0)
        return;
    if (r->frag.depth > 0) {
        /* an extension's texts are bounded too (a run of text between two tags) */
        if (r->frag_text_bytes + (size_t)len > SNPLP_XML_MAX_TEXT) {
            for (int i = 0; i < len; i++)
                r->frag_text_chars += (ch[i] & 0xC0) != 0x80;
            if (r->frag_text_chars > SNPLP_XML_MAX_TEXT && !r->frag_text_reported) {
                SAY(r, SNPLP_DIAG_TEXT_TOO_LONG, "extension",
                    SNPLP_ARG(INTEGER, "max", STR(SNPLP_XML_MAX_TEXT)));
                r->frag_text_reported = true;
            }
        } else
            for (int i = 0; i < len; i++)
                r->frag_text_chars += (ch[i] & 0xC0) != 0x80;
        r->frag_text_bytes += (size_t)len;
        if (!r->frag_text_reported)
            snplp__fragment_text(&r->frag, (const char *)ch, (size_t)len);
        return;
    }
    if (r->skip)
        return;
    frame *f = top(r);
    if (!f)
        return;
    if (f->type == SNPLP_XML_TEXT) {
        if (r->text_too_long)
            return;
        /* characters are counted only once the bytes could be too many */
        if (r->text.n + (size_t)len > SNPLP_XML_MAX_TEXT) {
            if (r->text_chars == 0)
                for (size_t i = 0; i < r->text.n; i++)
                    r->text_chars += (r->text.p[i] & 0xC0) != 0x80;
            for (int i = 0; i < len; i++)
                r->text_chars += (ch[i] & 0xC0) != 0x80;
        }
        if (r->text_chars > SNPLP_XML_MAX_TEXT) {
            SAY(r, SNPLP_DIAG_TEXT_TOO_LONG, "text", SNPLP_ARG(ID, "element", f->name),
                SNPLP_ARG(INTEGER, "max", STR(SNPLP_XML_MAX_TEXT)));
            r->text_too_long = true;
            snplp__buf_free(&r->text);
            return;
        }
        snplp__buf_put(&r->text, (const char *)ch, (size_t)len);
        if (r->text.failed)
            snplp__xml_oom(r);
        return;
    }
    if (r->doc->lenient)
        return; /* text in an element that holds elements: left out */
    for (int i = 0; i < len; i++)
        if (!is_ws((char)ch[i])) {
            if (!f->text_reported && i + 3 <= len && memcmp(ch + i, BOM, 3) == 0)
                SAY(r, SNPLP_DIAG_UNEXPECTED_TEXT, "byte-order-mark",
                    SNPLP_ARG(ID, "element", f->name));
            else if (!f->text_reported)
                SAY(r, SNPLP_DIAG_UNEXPECTED_TEXT, "text", SNPLP_ARG(ID, "element", f->name));
            f->text_reported = true;
            return;
        }
}

static void internal_subset(void *ctx, const xmlChar *name, const xmlChar *external_id,
                            const xmlChar *system_id)
{
    (void)name, (void)external_id, (void)system_id;
    reader *r = ctx;
    if (r->stopped)
        return;
    say_here(r, SNPLP_DIAG_DOCTYPE, "refused", SNPLP_NO_ARGS);
    stop(r);
}

/* A comment: those before the root element are kept, to be written back (the others are not:
 * docs/xml-format.md). libxml2 refuses "--" inside a comment, so the text writes back as it
 * is. */
static void comment(void *ctx, const xmlChar *value)
{
    reader *r = ctx;
    if (r->stopped || r->root_seen)
        return;
    snplp__buf_puts(&r->prolog, "<!--");
    snplp__buf_puts(&r->prolog, (const char *)value);
    snplp__buf_puts(&r->prolog, "-->\n");
    if (r->prolog.failed)
        snplp__xml_oom(r);
}

/* ---- libxml2's errors ---- */

/* libxml2's text of an error, in buf: made fit for a message (arg_text()), without the line
 * breaks and spaces at its end; fallback when it has none. */
static const char *libxml2_text(char *buf, size_t size, const char *message, const char *fallback)
{
    arg_text(buf, size, message && message[0] ? message : fallback);
    size_t n = strlen(buf);
    while (n && buf[n - 1] == ' ') /* (line breaks are spaces now) */
        buf[--n] = '\0';
    return buf;
}

/* Whether the text s starts with prefix. */
static bool starts(const char *s, const char *prefix)
{
    return s && strncmp(s, prefix, strlen(prefix)) == 0;
}

/* Reports libxml2's error e (NULL: none known) at line:column as a finding not-well-formed of
 * the catalogue: its variant chosen from e's domain and code, with the names e gives (str1,
 * str2, str3, int1); an error of another code is the variant libxml2, with libxml2's English
 * text as a developer's detail ({detail}: fallback, or e's message) and its code. */
static void libxml2_finding(reader *r, const xmlError *e, size_t line, size_t column,
                            const char *fallback)
{
    char a[200], b[200], c[200], num[24], detail[300];
    snplp_msg_arg args[3];
    size_t n = 0;
    const char *variant = NULL;
    const char *msg = e ? e->message : NULL;
    int code = e ? e->code : 0;
    xmlParserCtxtPtr ctxt = r->ctxt;
#define ARG(type, name, value) (args[n++] = (snplp_msg_arg){(name), SNPLP_PARAM_##type, (value)})
    if (fallback || !e) {
        /* a message of the generic handler, or no error known: libxml2's words */
    } else if (e->domain == XML_FROM_PARSER) {
        switch (code) {
        case XML_ERR_DOCUMENT_EMPTY:
            variant = "no-root";
            break;
        case XML_ERR_DOCUMENT_END: /* said at the end of the input, inside an element too */
        case XML_ERR_EXTRA_CONTENT:
            if (ctxt && ctxt->nameNr > 0 && ctxt->name) {
                variant = "truncated";
                ARG(ID, "element", arg_text(a, sizeof a, (const char *)ctxt->name));
            } else {
                variant = r->element_seen ? "extra-content" : "no-root";
            }
            break;
        case XML_ERR_TAG_NAME_MISMATCH:
            if (e->str1 && e->str2) {
                variant = "tag-mismatch";
                snprintf(num, sizeof num, "%d", e->int1 > 0 ? e->int1 : 0);
                ARG(ID, "element", arg_text(a, sizeof a, e->str1));
                ARG(INTEGER, "line", num);
                ARG(ID, "end", arg_text(b, sizeof b, e->str2));
            }
            break;
        case XML_ERR_TAG_NOT_FINISHED:
            if (e->str1) {
                variant = "tag-not-finished";
                snprintf(num, sizeof num, "%d", e->int1 > 0 ? e->int1 : 0);
                ARG(ID, "element", arg_text(a, sizeof a, e->str1));
                ARG(INTEGER, "line", num);
            }
            break;
        case XML_ERR_GT_REQUIRED:
            if (e->str1) {
                variant = "start-tag-not-closed";
                ARG(ID, "element", arg_text(a, sizeof a, e->str1));
            } else {
                variant = "gt-required";
            }
            break;
        case XML_ERR_LTSLASH_REQUIRED:
            variant = "end-tag";
            break;
        case XML_ERR_INVALID_CHAR:
        case XML_ERR_INVALID_CHARREF:
        case XML_ERR_INVALID_ENCODING:
            if (starts(e->str1, "Bytes:")) { /* "Bytes: 0xE9 0x61 0x74 0x69" */
                variant = "not-utf8";
                const char *bytes = e->str1 + 6;
                while (*bytes == ' ')
                    bytes++;
                libxml2_text(a, sizeof a, bytes, "");
                ARG(TEXT, "bytes", a);
            } else if (code != XML_ERR_INVALID_ENCODING && e->int1 > 0) {
                variant = starts(msg, "xmlParseCharRef") || starts(msg, "xmlParseStringCharRef")
                              ? "char-ref"
                              : "invalid-char";
                snprintf(a, sizeof a, "U+%04X", (unsigned)e->int1);
                ARG(TEXT, "character", a);
            } else if (msg && strstr(msg, "attribute value")) {
                variant = "invalid-char-attribute";
            }
            break;
        case XML_ERR_INVALID_HEX_CHARREF:
        case XML_ERR_INVALID_DEC_CHARREF:
            variant = "bad-char-ref";
            break;
        case XML_ERR_ENTITYREF_NO_NAME:
            variant = "ampersand";
            break;
        case XML_ERR_ENTITYREF_SEMICOL_MISSING:
            variant = "semicolon";
            break;
        case XML_ERR_UNDECLARED_ENTITY:
        case XML_WAR_UNDECLARED_ENTITY:
            if (e->str1 && !starts(msg, "PEReference")) {
                variant = "undeclared-entity";
                ARG(ID, "entity", arg_text(a, sizeof a, e->str1));
            }
            break;
        case XML_ERR_STRING_NOT_STARTED:
        case XML_ERR_STRING_NOT_CLOSED:
            variant = "string-not-closed";
            break;
        case XML_ERR_LT_IN_ATTRIBUTE:
            variant = "lt-in-attribute";
            break;
        case XML_ERR_ATTRIBUTE_NOT_STARTED:
            variant = "attribute-not-quoted";
            break;
        case XML_ERR_ATTRIBUTE_NOT_FINISHED:
            variant = "attribute-not-closed";
            break;
        case XML_ERR_ATTRIBUTE_WITHOUT_VALUE:
        case XML_ERR_ATTRIBUTE_REDEFINED:
            if (e->str1) {
                variant = code == XML_ERR_ATTRIBUTE_REDEFINED ? "attribute-twice"
                                                              : "attribute-without-value";
                ARG(ID, "attribute", arg_text(a, sizeof a, e->str1));
            }
            break;
        case XML_ERR_NAME_REQUIRED: /* libxml2 says which name only in its words */
            variant = starts(msg, "xmlParseEntityRef")         ? "ampersand"
                      : starts(msg, "StartTag")                ? "element-name"
                      : starts(msg, "error parsing attribute") ? "attribute-name"
                                                               : "name-required";
            break;
        case XML_ERR_SPACE_REQUIRED:
            variant = "space-required";
            break;
        case XML_ERR_EQUAL_REQUIRED:
            variant = "equal-required";
            break;
        case XML_ERR_COMMENT_NOT_FINISHED:
            variant = "comment-not-closed";
            break;
        case XML_ERR_HYPHEN_IN_COMMENT:
            variant = "double-hyphen";
            break;
        case XML_ERR_PI_NOT_STARTED:
            variant = "pi-no-target";
            break;
        case XML_ERR_PI_NOT_FINISHED:
            variant = "pi-not-closed";
            break;
        case XML_ERR_XMLDECL_NOT_FINISHED:
            variant = "declaration-not-closed";
            break;
        case XML_ERR_VERSION_MISSING:
            variant = "declaration-version";
            break;
        case XML_ERR_RESERVED_XML_NAME:
            variant = "late-declaration";
            break;
        case XML_ERR_CDATA_NOT_FINISHED:
            variant = "cdata-not-closed";
            break;
        case XML_ERR_MISPLACED_CDATA_END:
            variant = "cdata-end";
            break;
        default:
            break;
        }
    } else if (e->domain == XML_FROM_NAMESPACE) {
        switch (code) {
        case XML_NS_ERR_UNDEFINED_NAMESPACE:
            /* "Namespace prefix p on e is not defined", or "... p for a on e ..." */
            if (e->str1 && e->str2 && e->str3) {
                variant = "undeclared-attribute-prefix";
                ARG(ID, "prefix", arg_text(a, sizeof a, e->str1));
                ARG(ID, "attribute", arg_text(b, sizeof b, e->str2));
                ARG(ID, "element", arg_text(c, sizeof c, e->str3));
            } else if (e->str1 && e->str2) {
                variant = "undeclared-prefix";
                ARG(ID, "prefix", arg_text(a, sizeof a, e->str1));
                ARG(ID, "element", arg_text(b, sizeof b, e->str2));
            }
            break;
        case XML_NS_ERR_QNAME: { /* "Failed to parse QName 'p:'": the name as libxml2 quotes it */
            const char *q = msg ? strchr(msg, '\'') : NULL;
            const char *end = q ? strrchr(msg, '\'') : NULL;
            if (q && end > q) {
                variant = "bad-qname";
                snprintf(a, sizeof a, "%.*s", (int)(end - q - 1), q + 1);
                sanitize(a);
                ARG(ID, "name", a);
            }
            break;
        }
        case XML_NS_ERR_ATTRIBUTE_REDEFINED:
            if (e->str1) {
                variant = "attribute-twice";
                ARG(ID, "attribute", arg_text(a, sizeof a, e->str1));
            }
            break;
        case XML_NS_ERR_XML_NAMESPACE:
        case XML_NS_ERR_EMPTY:
            if (e->str1 && msg && strstr(msg, "Empty XML namespace")) {
                variant = "empty-namespace";
                ARG(ID, "prefix", arg_text(a, sizeof a, e->str1));
            }
            break;
        default:
            break;
        }
    }
    if (!variant) {
        variant = "libxml2";
        n = 0;
        snprintf(num, sizeof num, "%d", code);
        ARG(TEXT, "detail",
            libxml2_text(detail, sizeof detail, fallback ? fallback : msg, "parse error"));
        ARG(INTEGER, "libxml2_code", num);
    }
#undef ARG
    say_at(r, SNPLP_SEVERITY_ERROR, SNPLP_DIAG_NOT_WELL_FORMED, variant, line, column, NULL, args,
           n);
}

/* Errors of libxml2's parser: every one is fatal for the pass. */
static void parser_error(void *data, xmlErrorPtr e)
{
    (void)data;
    xmlParserCtxtPtr ctxt = e ? (xmlParserCtxtPtr)e->ctxt : NULL;
    reader *r = ctxt ? ctxt->_private : NULL;
    if (!r || r->stopped || !e || e->level == XML_ERR_WARNING)
        return;
    if (e->domain == XML_FROM_SCHEMASV || e->domain == XML_FROM_SCHEMASP)
        return; /* reported by schema_error() */
    if (e->code == XML_ERR_NO_MEMORY) {
        snplp__xml_oom(r);
        return;
    }
    size_t line = e->line > 0 ? (size_t)e->line : 1, column = e->int2 > 0 ? (size_t)e->int2 : 1;
    /* libxml2's words for a few cases say little of what is wrong */
    const xmlParserInput *in = ctxt->input;
    if (in && in->cur && in->base && in->end && in->end - in->cur >= 3 &&
        in->consumed + (unsigned long)(in->cur - in->base) > 0 && /* not the leading mark */
        memcmp(in->cur, BOM, 3) == 0)
        say_at(r, SNPLP_SEVERITY_ERROR, SNPLP_DIAG_NOT_WELL_FORMED, "byte-order-mark", line, column,
               NULL, SNPLP_NO_ARGS);
    else if (!r->element_seen &&
             (e->code == XML_ERR_DOCUMENT_EMPTY || e->code == XML_ERR_DOCUMENT_END))
        say_at(r, SNPLP_SEVERITY_ERROR, SNPLP_DIAG_NOT_WELL_FORMED, "no-root", line, column, NULL,
               SNPLP_NO_ARGS);
    else
        libxml2_finding(r, e, line, column, NULL);
    stop(r);
}

/* The name at s, quoted with ' as libxml2's XSD messages quote names, without its namespace
 * ("{urn:snplp:1.0}commitment": commitment) into buf: the byte after its closing quote, NULL if
 * s holds no such name. */
static const char *xsd_name(const char *s, char *buf, size_t size)
{
    const char *end = strchr(s, '\'');
    if (!end)
        return NULL;
    const char *local = s;
    for (const char *p = s; p < end; p++)
        if (*p == '}')
            local = p + 1;
    snprintf(buf, size, "%.*s", (int)(end - local), local);
    sanitize(buf);
    return end + 1;
}

/* The elements libxml2's XSD message m says it expected ("Expected is ( {ns}a )", "Expected is
 * one of ( {ns}a, {ns}b, ##other{ns}* )") into buf as "<a>, <b>" (wildcards left out): whether
 * it names any. */
static bool xsd_expected(const char *m, char *buf, size_t size)
{
    const char *p = strstr(m, "Expected is ");
    p = p ? strchr(p, '(') : NULL;
    const char *end = p ? strchr(p, ')') : NULL;
    size_t n = 0;
    buf[0] = '\0';
    while (p && end && p < end) {
        p++;
        while (p < end && *p == ' ')
            p++;
        const char *q = p;
        while (q < end && *q != ',' && *q != ' ')
            q++;
        const char *local = p;
        for (const char *c = p; c < q; c++)
            if (*c == '}')
                local = c + 1;
        if (q > local && p[0] != '#') {
            int w = snprintf(buf + n, size - n, "%s<%.*s>", n ? ", " : "", (int)(q - local), local);
            if (w < 0 || (size_t)w >= size - n) {
                buf[n] = '\0';
                break;
            }
            n += (size_t)w;
        }
        p = q;
        while (p < end && *p != ',')
            p++;
    }
    sanitize(buf);
    return n > 0;
}

/* Findings of the XSD validator (strict mode), chosen from libxml2's code, with the element and
 * attribute its message names first ("Element '{ns}name', attribute 'name': ..."); any other
 * error is the variant xsd, with libxml2's English words as a developer's detail and its
 * code. */
static void schema_error(void *data, xmlErrorPtr e)
{
    reader *r = data;
    if (!r || r->stopped || !e || e->level == XML_ERR_WARNING)
        return;
    if (e->code == XML_ERR_NO_MEMORY) {
        snplp__xml_oom(r);
        return;
    }
    char element[200] = "", attribute[200] = "", value[64], msg[300], num[24], expected[300];
    const char *m = e->message ? e->message : "";
    if (starts(m, "Element '")) {
        const char *rest = xsd_name(m + 9, element, sizeof element);
        if (rest && starts(rest, ", attribute '") &&
            !xsd_name(rest + 13, attribute, sizeof attribute))
            attribute[0] = '\0';
    }
    if (e->str1) { /* the value, shown as the reader shows values: cut at 40 bytes */
        size_t n = strlen(e->str1);
        snprintf(value, sizeof value, "%.*s%s", (int)(n < 40 ? n : 40), e->str1,
                 n > 40 ? "..." : "");
        sanitize(value);
    }
    const char *variant = NULL;
    snplp_msg_arg args[3];
    size_t n = 0;
    if (element[0]) {
        switch (e->code) {
        case XML_SCHEMAV_ELEMENT_CONTENT: /* an element not expected, or children missing */
            if (xsd_expected(m, expected, sizeof expected))
                variant =
                    strstr(m, "Missing child") ? "missing-child" : "unexpected-element-expected";
            else
                variant = strstr(m, "Missing child") ? "missing-children" : "unexpected-element";
            break;
        case XML_SCHEMAV_CVC_COMPLEX_TYPE_4:
            if (e->str1) { /* "The attribute 'name' is required but missing." */
                const char *local = strrchr(e->str1, '}');
                variant = "missing-attribute";
                arg_text(attribute, sizeof attribute, local ? local + 1 : e->str1);
            }
            break;
        case XML_SCHEMAV_CVC_TYPE_3_1_1:
        case XML_SCHEMAV_CVC_COMPLEX_TYPE_3_2_1:
        case XML_SCHEMAV_CVC_COMPLEX_TYPE_3_2_2:
            variant = attribute[0] ? "attribute-not-allowed" : NULL;
            break;
        case XML_SCHEMAV_CVC_DATATYPE_VALID_1_2_1:
        case XML_SCHEMAV_CVC_DATATYPE_VALID_1_2_3:
        case XML_SCHEMAV_CVC_LENGTH_VALID:
        case XML_SCHEMAV_CVC_MINLENGTH_VALID:
        case XML_SCHEMAV_CVC_MAXLENGTH_VALID:
        case XML_SCHEMAV_CVC_MININCLUSIVE_VALID:
        case XML_SCHEMAV_CVC_MAXINCLUSIVE_VALID:
        case XML_SCHEMAV_CVC_MINEXCLUSIVE_VALID:
        case XML_SCHEMAV_CVC_MAXEXCLUSIVE_VALID:
        case XML_SCHEMAV_CVC_TOTALDIGITS_VALID:
        case XML_SCHEMAV_CVC_FRACTIONDIGITS_VALID:
        case XML_SCHEMAV_CVC_PATTERN_VALID:
        case XML_SCHEMAV_CVC_ENUMERATION_VALID:
            if (e->str1)
                variant = attribute[0] ? "attribute-value" : "element-value";
            break;
        case XML_SCHEMAV_CVC_TYPE_3_1_2:
            variant = "element-content";
            break;
        case XML_SCHEMAV_CVC_COMPLEX_TYPE_2_1:
        case XML_SCHEMAV_CVC_COMPLEX_TYPE_2_3:
            variant = "character-content";
            break;
        case XML_SCHEMAV_CVC_ELT_1:
            variant = "root";
            break;
        case XML_SCHEMAV_CVC_ELT_3_1:
            variant = "not-nillable";
            break;
        case XML_SCHEMAV_CVC_ELT_4_2:
        case XML_SCHEMAV_CVC_ELT_4_3:
            variant = "xsi-type";
            break;
        default:
            break;
        }
    }
    if (variant) {
        args[n++] = (snplp_msg_arg){"element", SNPLP_PARAM_ID, element};
        if (strcmp(variant, "missing-attribute") == 0 ||
            strcmp(variant, "attribute-not-allowed") == 0 ||
            strcmp(variant, "attribute-value") == 0)
            args[n++] = (snplp_msg_arg){"attribute", SNPLP_PARAM_ID, attribute};
        if (strcmp(variant, "attribute-value") == 0 || strcmp(variant, "element-value") == 0)
            args[n++] = (snplp_msg_arg){"value", SNPLP_PARAM_TEXT, value};
        if (strcmp(variant, "missing-child") == 0 ||
            strcmp(variant, "unexpected-element-expected") == 0)
            args[n++] = (snplp_msg_arg){"expected", SNPLP_PARAM_TEXT, expected};
    } else {
        variant = "xsd";
        snprintf(num, sizeof num, "%d", e->code);
        args[n++] = (snplp_msg_arg){"detail", SNPLP_PARAM_TEXT,
                                    libxml2_text(msg, sizeof msg, e->message, "invalid")};
        args[n++] = (snplp_msg_arg){"libxml2_code", SNPLP_PARAM_INTEGER, num};
    }
    size_t line = e->line > 0 ? (size_t)e->line : cur_line(r);
    say_at(r, SNPLP_SEVERITY_ERROR, SNPLP_DIAG_SCHEMA, variant, line,
           e->int2 > 0 ? (size_t)e->int2 : 1, NULL, args, n);
}

/* libxml2 reports a few problems (encoding conversions) only through its generic error
 * handler, which prints to stderr by default: during an import they are kept instead. */
static void generic_error(void *ctx, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void generic_error(void *ctx, const char *fmt, ...)
{
    reader *r = ctx;
    size_t n = strlen(r->generic);
    if (n + 1 >= sizeof r->generic || (n > 0 && r->generic[n - 1] == '\n'))
        return; /* the first message only */
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(r->generic + n, sizeof r->generic - n, fmt, ap);
    va_end(ap);
}

/* ---- the encoding ---- */

#define HEAD 512 /* bytes read before the parse starts, to see the XML declaration */

/* Whether the document starting with p[0..n) is UTF-8: no UTF-16 or UTF-32 byte order mark or
 * pattern, and an XML declaration that names no encoding or UTF-8. Otherwise enc receives the
 * name found. libxml2 would convert other encodings, in ways that depend on how the input
 * arrives; the format is UTF-8 only, so the declaration is read here, and libxml2 is told to
 * ignore it (XML_PARSE_IGNORE_ENC). A malformed declaration is left to libxml2 to report. */
static bool encoding_is_utf8(const char *p, size_t n, char *enc, size_t size)
{
    const unsigned char *u = (const unsigned char *)p;
    snprintf(enc, size, "UTF-16");
    if (n >= 2 && ((u[0] == 0xFE && u[1] == 0xFF) || (u[0] == 0xFF && u[1] == 0xFE)))
        return false;
    /* UTF-16 or UTF-32 without a mark: a document starts with '<' (or white space), with NUL
     * bytes beside it; NUL bytes with no such pattern are no text at all (nul_bytes()) */
    if (n >= 2 && ((u[0] == 0 && (u[1] == '<' || (n >= 4 && u[1] == 0 && u[3] == '<'))) ||
                   (u[0] == '<' && u[1] == 0) || (u[0] == 0 && is_ws((char)u[1])) ||
                   (is_ws((char)u[0]) && u[1] == 0)))
        return false;
    if (n >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
        p += 3, n -= 3;
    if (n < 6 || memcmp(p, "<?xml", 5) != 0 || !is_ws(p[5]))
        return true;
    const char *end = NULL;
    for (size_t i = 5; i + 1 < n && !end; i++)
        if (p[i] == '?' && p[i + 1] == '>')
            end = p + i;
    if (!end)
        return true;
    for (const char *q = p + 5; q + 8 <= end; q++) {
        if (memcmp(q, "encoding", 8) != 0 || !is_ws(q[-1]))
            continue;
        q += 8;
        while (q < end && is_ws(*q))
            q++;
        if (q >= end || *q++ != '=')
            return true;
        while (q < end && is_ws(*q))
            q++;
        if (q >= end || (*q != '"' && *q != '\''))
            return true;
        char quote = *q++;
        const char *name = q;
        while (q < end && *q != quote)
            q++;
        size_t len = (size_t)(q - name);
        snprintf(enc, size, "%.*s", (int)(len < 30 ? len : 30), name);
        return len == 5 && strncasecmp(name, "UTF-8", 5) == 0;
    }
    return true;
}

/* Whether the first n bytes at p hold a NUL byte (no XML text does); *line and *column, the
 * position of p, are moved to that of the first one. */
static bool nul_bytes(const char *p, size_t n, size_t *line, size_t *column)
{
    const char *z = memchr(p, '\0', n);
    if (!z)
        return false;
    for (const char *q = p; q < z; q++) {
        if (*q == '\n') {
            ++*line;
            *column = 1;
        } else if ((*q & 0xC0) != 0x80) {
            ++*column;
        }
    }
    return true;
}

/* ---- the bounds of a start tag ----
 *
 * libxml2 2.9 checks the attributes of a start tag for duplicates in quadratic time, once it
 * has the whole tag and before any callback runs: a tag of a few hundred thousand attributes
 * costs seconds of CPU that no SAX callback can cut short. So the bytes are scanned before
 * libxml2 gets them: the scan follows text, tags, quoted values, comments, CDATA sections,
 * processing instructions and declarations, counts the attributes of each start tag (its '='
 * outside quotes) and its bytes, and a tag past SNPLP_XML_MAX_ATTRIBUTES or
 * SNPLP_XML_MAX_START_TAG is refused before libxml2 has seen its end. On a well-formed
 * document the scan is exact; on another one libxml2 reports the fault first or the scan
 * errs on the side of refusing. */

enum {
    SC_TEXT,    /* character data */
    SC_LT,      /* after '<' */
    SC_BANG,    /* after "<!": "--" or "[CDATA[" being matched */
    SC_TAG,     /* in a start tag, outside quotes */
    SC_QUOTED,  /* in a quoted value of a start tag */
    SC_END,     /* in an end tag */
    SC_COMMENT, /* in a comment: matched counts the '-' before a '>' */
    SC_CDATA,   /* in a CDATA section: matched counts the ']' before a '>' */
    SC_PI,      /* in a processing instruction or the XML declaration: matched is 1 after '?' */
    SC_DECL     /* in another "<!" declaration (a doctype, refused anyway) */
};

/* The near path of the scan. A '<' in text that opens a start or an end tag, with the next
 * '<' at most SCAN_NEAR bytes after it in the same chunk, is passed over whole, state and all:
 * XML allows no '<' inside a tag (neither between its attributes nor in their values), so a
 * well-formed start tag ends before that next '<', in fewer than SCAN_NEAR bytes, hence with
 * fewer '=' (attributes) than SNPLP_XML_MAX_ATTRIBUTES and fewer bytes than
 * SNPLP_XML_MAX_START_TAG. A tag that does not end there holds a '<': libxml2 stops at it with
 * its own error (a fatal one: no callback, no chunk parsed after it), having kept only the
 * attributes before it, fewer than SCAN_NEAR, so its duplicate check stays cheap. Comments, CDATA
 * sections, processing instructions and declarations ("<!", "<?") always go the exact way.
 *
 * Only a document that is not well-formed can be judged otherwise than by the byte-by-byte
 * scan, and it is refused either way: the scan starts again at each '<' it passes over, so that
 * a '<' inside a value (itself a fault) is where a refusal of too many attributes or too long a
 * tag is placed, not the '<' of the tag; and a fault that misleads the byte-by-byte scan about
 * quotes (an unclosed value) no longer hides a later tag past the bounds, which may then be
 * refused before libxml2 reports the earlier fault (both compared on 1 059 documents, hostile
 * and mutated: docs/performance.md, measurement 8). */
#define SCAN_NEAR 256
_Static_assert(SCAN_NEAR <= SNPLP_XML_MAX_ATTRIBUTES && SCAN_NEAR <= SNPLP_XML_MAX_START_TAG,
               "a tag passed over by the near path stays within the bounds");

static void scan_init(snplp_xml_scan *sc)
{
    memset(sc, 0, sizeof *sc);
    sc->state = SC_TEXT;
    sc->line = sc->column = 1;
}

/* The number of bytes b in p[0..n). */
static size_t count_byte(const unsigned char *p, size_t n, unsigned char b)
{
    size_t count = 0, i = 0;
#ifdef SCAN_SSE2
    const __m128i want = _mm_set1_epi8((char)b), zero = _mm_setzero_si128();
    while (n - i >= 16) {
        size_t blocks = (n - i) / 16;
        if (blocks > 255) /* a byte of the sums counts up to 255 */
            blocks = 255;
        __m128i sums = zero;
        for (size_t k = 0; k < blocks; k++, i += 16) {
            __m128i v;
            memcpy(&v, p + i, sizeof v);
            sums = _mm_sub_epi8(sums, _mm_cmpeq_epi8(v, want));
        }
        __m128i s = _mm_sad_epu8(sums, zero);
        count += (size_t)_mm_cvtsi128_si64(s) + (size_t)_mm_cvtsi128_si64(_mm_unpackhi_epi64(s, s));
    }
#endif
    for (; i < n; i++)
        count += p[i] == b;
    return count;
}

/* Moves the position (*line, *column) over the n bytes at p: a line per '\n', a column per
 * character (UTF-8 continuation bytes count for none). */
static void advance(size_t *line, size_t *column, const unsigned char *p, size_t n)
{
    size_t lines = count_byte(p, n, '\n'), from = 0;
    if (lines) {
        *line += lines;
        *column = 1;
        from = n;
        while (p[from - 1] != '\n')
            from--;
    }
    size_t chars = 0;
    for (size_t i = from; i < n; i++)
        chars += (p[i] & 0xC0) != 0x80;
    *column += chars;
}

/* The bytes that end a run in a start tag outside quotes. */
static const unsigned char tag_stop[256] = {['"'] = 1, ['\''] = 1, ['='] = 1, ['>'] = 1};

#ifdef SCAN_SSE2
/* The bits of the bytes of the 16 at p that equal one of a, b, c or d. */
static inline unsigned bytes_among(const unsigned char *p, __m128i a, __m128i b, __m128i c,
                                   __m128i d)
{
    __m128i v;
    memcpy(&v, p, sizeof v);
    __m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, a), _mm_cmpeq_epi8(v, b)),
                             _mm_or_si128(_mm_cmpeq_epi8(v, c), _mm_cmpeq_epi8(v, d)));
    return (unsigned)_mm_movemask_epi8(m);
}
#endif

/* The offset of the first byte c in p[i..n), n if none. */
static inline size_t find_byte(const unsigned char *p, size_t i, size_t n, unsigned char c)
{
#ifdef SCAN_SSE2
    const __m128i want = _mm_set1_epi8((char)c);
    for (; n - i >= 16; i += 16) {
        unsigned bits = bytes_among(p + i, want, want, want, want);
        if (bits)
            return i + (size_t)__builtin_ctz(bits);
    }
    for (; i < n; i++)
        if (p[i] == c)
            return i;
    return n;
#else
    /* short runs byte by byte, long ones with memchr() */
    for (size_t end = n - i > 16 ? i + 16 : n; i < end; i++)
        if (p[i] == c)
            return i;
    if (i == n)
        return n;
    const unsigned char *at = memchr(p + i, c, n - i);
    return at ? (size_t)(at - p) : n;
#endif
}

/* The offset of the first byte of tag_stop in p[i..n), n if none. */
static inline size_t find_tag_stop(const unsigned char *p, size_t i, size_t n)
{
#ifdef SCAN_SSE2
    const __m128i dq = _mm_set1_epi8('"'), sq = _mm_set1_epi8('\''), eq = _mm_set1_epi8('='),
                  gt = _mm_set1_epi8('>');
    for (; n - i >= 16; i += 16) {
        unsigned bits = bytes_among(p + i, dq, sq, eq, gt);
        if (bits)
            return i + (size_t)__builtin_ctz(bits);
    }
#endif
    while (i < n && !tag_stop[p[i]])
        i++;
    return i;
}

/* Scans the n bytes at p that are about to be fed to libxml2: n when no start tag breaks a
 * bound, else the offset in p of the '<' of the start tag that does (0 when it began in an
 * earlier chunk; refuse_tag() reports it, at the position of its '<').
 *
 * Only the bytes that can change the scan's state are looked at one by one: in text the next
 * '<', in a start tag the next quote, '=' or '>', in a quoted value its closing quote, in an
 * end tag or a declaration the next '>' are searched for, and a start tag's bytes counted from
 * offsets. The position (line, column) is computed once per chunk, and that of a '<' only for
 * the last one of the chunk (the only one refuse_tag() may need). */
static size_t scan(reader *r, const char *bytes, size_t n)
{
    snplp_xml_scan *sc = &r->scan;
    const unsigned char *p = (const unsigned char *)bytes;
    size_t tag_at = 0;     /* the offset of the current start tag's '<' in p, if there */
    bool tag_here = false; /* whether a '<' of text was met in p (the last one at tag_at) */
    size_t i = 0;
    while (i < n) {
        switch (sc->state) {
        case SC_TEXT:
            i = find_byte(p, i, n, '<');
            if (i < n) {
                tag_at = i;
                tag_here = true;
                /* A start or end tag whose next '<' is near: passed over whole (see SCAN_NEAR) */
                if (i + 1 < n && p[i + 1] != '!' && p[i + 1] != '?') {
                    size_t end = n - i > SCAN_NEAR ? i + SCAN_NEAR : n;
                    size_t j = find_byte(p, i + 1, end, '<');
                    if (j < end) {
                        i = j;
                        break;
                    }
                }
                sc->state = SC_LT;
                i++;
            }
            break;
        case SC_TAG: {
            size_t j = find_tag_stop(p, i, n);
            if (j < n) {
                unsigned char c = p[j++];
                if (c == '"' || c == '\'') {
                    sc->state = SC_QUOTED;
                    sc->quote = (char)c;
                } else if (c == '=') {
                    sc->tag_attrs++;
                } else {
                    sc->state = SC_TEXT;
                }
            }
            sc->tag_bytes += j - i;
            i = j;
            if (sc->tag_attrs > SNPLP_XML_MAX_ATTRIBUTES || sc->tag_bytes > SNPLP_XML_MAX_START_TAG)
                goto refused;
            break;
        }
        case SC_QUOTED: {
            size_t j = find_byte(p, i, n, (unsigned char)sc->quote);
            if (j < n) {
                sc->state = SC_TAG;
                j++;
            }
            sc->tag_bytes += j - i;
            i = j;
            if (sc->tag_bytes > SNPLP_XML_MAX_START_TAG)
                goto refused;
            break;
        }
        case SC_END:
        case SC_DECL:
            i = find_byte(p, i, n, '>');
            if (i < n) {
                sc->state = SC_TEXT;
                i++;
            }
            break;
        default: {
            /* after '<' or "<!", in a comment, a CDATA section or a processing instruction:
             * byte by byte */
            unsigned char c = p[i++];
            switch (sc->state) {
            case SC_LT:
                sc->matched = 0;
                if (c == '/') {
                    sc->state = SC_END;
                } else if (c == '?') {
                    sc->state = SC_PI;
                } else if (c == '!') {
                    sc->state = SC_BANG;
                    sc->want = NULL;
                } else {
                    sc->state = SC_TAG;
                    sc->tag_bytes = 2;
                    sc->tag_attrs = 0;
                    if (c == '>')
                        sc->state = SC_TEXT;
                }
                break;
            case SC_BANG:
                if (!sc->want)
                    sc->want = c == '-' ? "--" : c == '[' ? "[CDATA[" : "";
                /* (a NUL byte matches no byte of want: want[matched] is its end, "" included) */
                if (sc->want[sc->matched] != '\0' && sc->want[sc->matched] == (char)c) {
                    if (sc->want[++sc->matched] == '\0') {
                        sc->state = sc->want[0] == '-' ? SC_COMMENT : SC_CDATA;
                        sc->matched = 0;
                    }
                } else {
                    sc->state = c == '>' ? SC_TEXT : SC_DECL;
                }
                break;
            case SC_COMMENT:
            case SC_CDATA:
                if (c == (sc->state == SC_COMMENT ? '-' : ']'))
                    sc->matched = sc->matched < 2 ? sc->matched + 1 : 2;
                else if (c == '>' && sc->matched == 2)
                    sc->state = SC_TEXT;
                else
                    sc->matched = 0;
                break;
            case SC_PI:
                if (c == '>' && sc->matched)
                    sc->state = SC_TEXT;
                else
                    sc->matched = c == '?';
                break;
            default:
                break;
            }
            break;
        }
        }
    }
    if (tag_here) {
        advance(&sc->line, &sc->column, p, tag_at);
        sc->tag_line = sc->line;
        sc->tag_column = sc->column;
        advance(&sc->line, &sc->column, p + tag_at, n - tag_at);
    } else {
        advance(&sc->line, &sc->column, p, n);
    }
    return n;
refused:
    if (tag_here) {
        advance(&sc->line, &sc->column, p, tag_at);
        sc->tag_line = sc->line;
        sc->tag_column = sc->column;
    }
    return tag_at;
}

/* The start tag the scan stopped at is refused, at its '<'. */
static void refuse_tag(reader *r)
{
    const snplp_xml_scan *sc = &r->scan;
    if (sc->tag_attrs > SNPLP_XML_MAX_ATTRIBUTES)
        say_at(r, SNPLP_SEVERITY_ERROR, SNPLP_DIAG_TOO_MANY_ATTRIBUTES, "tag", sc->tag_line,
               sc->tag_column, NULL,
               SNPLP_ARGS(SNPLP_ARG(INTEGER, "max", STR(SNPLP_XML_MAX_ATTRIBUTES))));
    else
        say_at(r, SNPLP_SEVERITY_ERROR, SNPLP_DIAG_START_TAG_TOO_LONG, "tag", sc->tag_line,
               sc->tag_column, NULL,
               SNPLP_ARGS(SNPLP_ARG(INTEGER, "max", STR(SNPLP_XML_MAX_START_TAG))));
    stop(r);
}

/* ---- import options ---- */

struct snplp_import_options {
    bool strict;
    bool keep_invalid;
    snplp_progress_fn progress;
    void *progress_user;
};

int snplp_import_options_new(snplp_import_options **out)
{
    int rc;
    snplp_import_options *o = snplp__new_object(out, sizeof *o, __func__, &rc);
    if (!o)
        return rc;
    *out = o;
    return SNPLP_OK;
}

void snplp_import_options_free(snplp_import_options *options)
{
    snplp__free(options);
}

int snplp_import_options_set_strict(snplp_import_options *options, bool strict)
{
    if (!options)
        return snplp__bad_arg(__func__, "options is NULL");
    options->strict = strict;
    return SNPLP_OK;
}

bool snplp_import_options_strict(const snplp_import_options *options)
{
    return options && options->strict;
}

int snplp_import_options_set_keep_invalid(snplp_import_options *options, bool keep_invalid)
{
    if (!options)
        return snplp__bad_arg(__func__, "options is NULL");
    options->keep_invalid = keep_invalid;
    return SNPLP_OK;
}

bool snplp_import_options_keep_invalid(const snplp_import_options *options)
{
    return options && options->keep_invalid;
}

int snplp_import_options_set_progress(snplp_import_options *options, snplp_progress_fn progress,
                                      void *user)
{
    if (!options)
        return snplp__bad_arg(__func__, "options is NULL");
    options->progress = progress;
    options->progress_user = progress ? user : NULL;
    return SNPLP_OK;
}

/* ---- the pass ---- */

/* Feeds the source to the parser, the first bytes held back until the encoding is known, and
 * calls the progress callback after each chunk. */
static void parse(reader *r, snplp_source *src, const snplp_import_options *options)
{
    snplp_buf head = {0}; /* the first bytes, kept until the encoding is known */
    bool head_checked = false;
    for (;;) {
        const char *chunk;
        size_t n;
        int src_rc = snplp__source_next(src, &chunk, &n);
        if (src_rc == SNPLP_ENOMEM) {
            snplp__xml_oom(r);
            break;
        }
        if (src_rc != SNPLP_OK) {
            char name[300];
            say_at(r, SNPLP_SEVERITY_ERROR, SNPLP_DIAG_IO, "read-failed", cur_line(r),
                   cur_column(r), NULL,
                   SNPLP_ARGS(SNPLP_ARG(TEXT, "name", arg_text(name, sizeof name, r->name))));
            r->status = SNPLP_EIO;
            break;
        }
        size_t len = n;
        bool parse_now = true;
        if (!head_checked) {
            snplp__buf_put(&head, chunk, len);
            if (head.failed) {
                snplp__xml_oom(r);
                break;
            }
            if (head.n < HEAD && n > 0) {
                parse_now = false;
            } else {
                head_checked = true;
                char enc[40];
                if (!encoding_is_utf8(head.p ? head.p : "", head.n, enc, sizeof enc)) {
                    sanitize(enc); /* (a name of any bytes) */
                    say_at(r, SNPLP_SEVERITY_ERROR, SNPLP_DIAG_NOT_WELL_FORMED, "encoding", 1, 1,
                           NULL, SNPLP_ARGS(SNPLP_ARG(TEXT, "encoding", enc)));
                    stop(r);
                    break;
                }
                chunk = head.p ? head.p : "";
                len = head.n;
            }
        }
        size_t zl = r->scan.line, zc = r->scan.column; /* where this chunk starts */
        if (parse_now && !r->stopped && nul_bytes(chunk, len, &zl, &zc)) {
            /* every chunk, before libxml2 or the scan sees it: the same finding whatever the
             * size of the reads */
            say_at(r, SNPLP_SEVERITY_ERROR, SNPLP_DIAG_NOT_WELL_FORMED, "nul-bytes", zl, zc, NULL,
                   SNPLP_NO_ARGS);
            stop(r);
            break;
        }
        if (parse_now && !r->stopped) {
            size_t ok = scan(r, chunk, len);
            if (ok < len) { /* a start tag past the bounds: libxml2 never gets its end */
                if (ok > 0) /* what comes before it is read (its findings come first) */
                    xmlParseChunk(r->ctxt, chunk, (int)ok, 0);
                if (!r->stopped)
                    refuse_tag(r);
                break;
            }
        }
        if (parse_now) {
            int prc = r->stopped ? 0 : xmlParseChunk(r->ctxt, chunk, (int)len, n == 0);
            snplp__buf_free(&head);
            if (prc != 0 && !r->stopped && r->parse_errors == 0) {
                /* libxml2 stopped without a finding through serror (an encoding conversion
                 * that failed, for one) */
                const xmlError *e = xmlCtxtGetLastError(r->ctxt);
                libxml2_finding(r, e, e && e->line > 0 ? (size_t)e->line : cur_line(r),
                                e && e->int2 > 0 ? (size_t)e->int2 : 1,
                                r->generic[0] ? r->generic : NULL);
                stop(r);
            }
            if (r->stopped || n == 0)
                break;
        }
        if (options && options->progress &&
            options->progress(options->progress_user, src->done, src->total) != 0) {
            char name[300];
            say_at(r, SNPLP_SEVERITY_ERROR, SNPLP_DIAG_IO, "cancelled", cur_line(r), cur_column(r),
                   NULL, SNPLP_ARGS(SNPLP_ARG(TEXT, "name", arg_text(name, sizeof name, r->name))));
            r->status = SNPLP_EIO;
            break;
        }
    }
    snplp__buf_free(&head);
}

int snplp__xml_read(reader *r, const snplp_xml_doc *doc, snplp_diagnostics *diags,
                    snplp_source *src, const char *name, const snplp_import_options *options)
{
    snplp__xml_init();
    r->doc = doc;
    r->diags = diags;
    r->name = name ? name : "(input)";
    scan_init(&r->scan);

    xmlSAXHandler sax;
    memset(&sax, 0, sizeof sax);
    sax.initialized = XML_SAX2_MAGIC;
    sax.startElementNs = start_element;
    sax.endElementNs = end_element;
    sax.characters = characters;
    sax.cdataBlock = characters;
    sax.internalSubset = internal_subset;
    sax.comment = comment;
    sax.serror = parser_error;
    xmlSAXHandlerPtr sax_ptr = &sax;
    void *user = r;

    xmlSchemaValidCtxtPtr vctxt = NULL;
    xmlSchemaSAXPlugPtr plug = NULL;
    if (r->schema || (options && options->strict && !doc->ns)) {
        /* the reader's schema, or the format's (strict): another format's is never it */
        xmlSchemaPtr schema = r->schema ? r->schema : snplp__xml_schema();
        vctxt = schema ? xmlSchemaNewValidCtxt(schema) : NULL;
        if (vctxt) {
            xmlSchemaSetValidStructuredErrors(vctxt, schema_error, r);
            plug = xmlSchemaSAXPlug(vctxt, &sax_ptr, &user);
        }
        if (!plug) {
            xmlSchemaFreeValidCtxt(vctxt);
            return snplp__oom();
        }
    }

    xmlGenericErrorFunc old_generic = xmlGenericError;
    void *old_generic_ctx = xmlGenericErrorContext;
    xmlSetGenericErrorFunc(r, generic_error);
    r->ctxt = xmlCreatePushParserCtxt(sax_ptr, user, NULL, 0, r->name);
    if (!r->ctxt) {
        xmlSetGenericErrorFunc(old_generic_ctx, old_generic);
        if (plug)
            xmlSchemaSAXUnplug(plug);
        xmlSchemaFreeValidCtxt(vctxt);
        return snplp__oom();
    }
    r->ctxt->_private = r;
    intern_names(r);
    required_attrs(r);
    /* the schema's SAX plug does not pass the parser's own errors on: take them directly */
    r->ctxt->sax->serror = parser_error;
    xmlCtxtUseOptions(r->ctxt, XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_IGNORE_ENC);
    if (vctxt)
        xmlSchemaValidateSetFilename(vctxt, r->name);

    parse(r, src, options);

    if (r->status == SNPLP_OK && !r->stopped && !r->ctxt->wellFormed && r->parse_errors == 0) {
        const xmlError *e = xmlCtxtGetLastError(r->ctxt);
        libxml2_finding(r, e, e && e->line > 0 ? (size_t)e->line : 1,
                        e && e->int2 > 0 ? (size_t)e->int2 : 1, NULL);
    }
    if (r->status == SNPLP_OK && !r->stopped && !r->root_seen && r->parse_errors == 0)
        say_at(r, SNPLP_SEVERITY_ERROR, SNPLP_DIAG_NOT_WELL_FORMED, "empty", 1, 1, NULL,
               SNPLP_NO_ARGS);
    if (r->status == SNPLP_OK && !r->stopped && r->parse_errors == 0 && doc->finish)
        doc->finish(r);

    if (r->dropped && r->status != SNPLP_ENOMEM) {
        char count[24];
        snprintf(count, sizeof count, "%zu", r->dropped);
        const snplp_msg_arg args[] = {SNPLP_ARG(INTEGER, "count", count),
                                      SNPLP_ARG(INTEGER, "max", STR(SNPLP_XML_MAX_FINDINGS))};
        int drc = snplp__finding(diags, &(snplp_finding){.severity = r->dropped_severity,
                                                         .code = SNPLP_DIAG_TOO_MANY_FINDINGS,
                                                         .variant = "dropped",
                                                         .line = r->dropped_line,
                                                         .column = r->dropped_column,
                                                         .args = args,
                                                         .nargs = 2});
        if (drc != SNPLP_OK && r->status == SNPLP_OK)
            r->status = drc; /* SNPLP_ENOMEM, or a message that does not render (a bug) */
    }

    xmlSetGenericErrorFunc(old_generic_ctx, old_generic);
    if (r->ctxt->myDoc) /* a document libxml2 may make for a DTD's entities */
        xmlFreeDoc(r->ctxt->myDoc);
    r->ctxt->myDoc = NULL;
    xmlFreeParserCtxt(r->ctxt);
    r->ctxt = NULL;
    if (plug)
        xmlSchemaSAXUnplug(plug);
    xmlSchemaFreeValidCtxt(vctxt);
    while (r->depth)
        frame_clear(r, snplp__xml_frame_at(r, --r->depth));
    snplp__free(r->stack);
    snplp__fragment_reset(&r->frag);
    snplp__buf_free(&r->text);

    int rc = r->status;
    /* with keep_invalid, the findings of the model's rules alone leave the model to the
     * caller: only what the model cannot hold (a parse or schema error, a reused id, a value
     * the model refuses) is still an error of the import */
    bool kept = options && options->keep_invalid && r->parse_errors == 0 &&
                r->model_errors == r->rule_errors;
    if (rc == SNPLP_OK && (r->parse_errors || r->model_errors) && !kept)
        rc = r->parse_errors ? SNPLP_EPARSE : SNPLP_EVALIDATION;
    if (rc == SNPLP_ENOMEM)
        return snplp__oom();
    if (rc != SNPLP_OK)
        return snplp__fail(rc, "%s", r->first_code ? r->first : "import failed");
    return SNPLP_OK;
}

int snplp__xml_import(snplp_xml_import_fn import, void *out, snplp_diagnostics *diags,
                      const snplp_xml_input *in, const char *name,
                      const snplp_import_options *options, const char *fn)
{
    snplp_source s;
    int rc;
    if (in->from == SNPLP_XML_CALLBACK) {
        if (!out || !in->read)
            return snplp__bad_arg(fn, "NULL out or read");
        snplp__source_callback(&s, in->read, in->user);
    } else if (in->from == SNPLP_XML_FILE) {
        if (!out || !in->path)
            return snplp__bad_arg(fn, "NULL out or path");
        if ((rc = snplp__source_open(&s, in->path, diags, SNPLP_DIAG_IO, fn)) != SNPLP_OK)
            return rc;
        name = in->path;
    } else {
        if (!out || (!in->data && in->size))
            return snplp__bad_arg(fn, "NULL out or data");
        snplp__source_memory(&s, in->data, in->size);
    }
    rc = import(out, diags, &s, name, options);
    snplp__source_close(&s);
    return rc;
}
