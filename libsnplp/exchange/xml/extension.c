/* Extensions: the public API of the elements and attributes of other namespaces kept with
 * items, conventions, actions and indicators (extension.h), and records (records.h). An element
 * given as text is parsed by libxml2 into its canonical form (fragment.c) and attribute names are
 * checked as XML names here; the model stores them (util/ext.c, model/referential/item_ext.c). The
 * XML reader sets foreign attributes through the same checks. */
#include <string.h>

#include <libxml/parser.h>

#include <snplp/extension.h>
#include <snplp/records.h>
#include <snplp/xml.h>

#include "exchange/xml/core.h"
#include "exchange/xml/extension.h"
#include "exchange/xml/fragment.h"
#include "model/conventions/convention_model.h"
#include "model/records/records_model.h"
#include "model/referential/item.h"
#include "util/alloc.h"
#include "util/errors.h"

static const char xml_namespace[] = "http://www.w3.org/XML/1998/namespace";

/* An NCName of ASCII or UTF-8 letters: checked by libxml2. */
static bool ncname_ok(const char *s)
{
    return s && s[0] && xmlValidateNCName((const xmlChar *)s, 0) == 0;
}

/* Sets a foreign attribute in the extensions of it (when it is not NULL), in e (when it is not
 * NULL) or in those of slot (allocated on first use, util/ext.h). */
static int put_attr(snplp_item *it, snplp_ext *e, snplp_ext **slot, const char *ns,
                    const char *prefix, const char *name, const char *value,
                    snplp_text_origin origin, const char *fn)
{
    if (!ns || !ns[0] || strcmp(ns, SNPLP_XML_NAMESPACE) == 0 || !ncname_ok(prefix) ||
        !ncname_ok(name) || !value)
        return snplp__fail_in(fn, SNPLP_EINVAL,
                              "a foreign attribute needs a namespace other than snplp's, a "
                              "prefix and a name that are NCNames, and a value");
    if (strlen(value) > SNPLP_XML_MAX_ATTRIBUTE)
        return snplp__fail_in(fn, SNPLP_EINVAL,
                              "a foreign attribute value holds at most %d bytes, as an import "
                              "reads",
                              SNPLP_XML_MAX_ATTRIBUTE);
    if (strcmp(ns, "http://www.w3.org/2001/XMLSchema-instance") == 0 &&
        (strcmp(name, "type") == 0 || strcmp(name, "nil") == 0 ||
         strcmp(name, "schemaLocation") == 0 || strcmp(name, "noNamespaceSchemaLocation") == 0))
        return snplp__fail_in(fn, SNPLP_EINVAL,
                              "xsi:%s is for schema validators, not data: an import does not "
                              "keep it",
                              name);
    bool is_xml = strcmp(ns, xml_namespace) == 0;
    if ((strcmp(prefix, "xml") == 0) != is_xml || strncmp(prefix, "xmlns", 5) == 0)
        return snplp__fail_in(fn, SNPLP_EINVAL,
                              "the prefix 'xml' is for the XML namespace only, "
                              "and 'xmlns' is reserved");
    if (it)
        e = snplp__ext_get(it);
    else if (slot)
        e = *slot;
    snplp_foreign_attr *a = NULL;
    uint32_t replace;
    int rc = snplp__ext_attr_prepare(&a, &replace, e, ns, prefix, name, value, origin, fn);
    if (rc != SNPLP_OK)
        return rc;
    bool fresh = slot && !*slot;
    if (fresh)
        e = snplp__ext_make(slot);
    bool room = replace != UINT32_MAX || (it ? (e = snplp__ext_with_room(it, true)) != NULL
                                             : e && snplp__list_reserve(&e->attrs) == 0);
    if (!room) {
        if (fresh)
            snplp__ext_drop(slot);
        snplp__free(a);
        return snplp__oom();
    }
    snplp__ext_attr_commit(e, a, replace);
    if (it)
        snplp__touch(it->root);
    return SNPLP_OK;
}

int snplp__ext_set_attr(snplp_item *it, const char *ns, const char *prefix, const char *name,
                        const char *value, snplp_text_origin origin, const char *fn)
{
    return put_attr(it, NULL, NULL, ns, prefix, name, value, origin, fn);
}

int snplp__ext_put_attr(snplp_ext *e, const char *ns, const char *prefix, const char *name,
                        const char *value, snplp_text_origin origin, const char *fn)
{
    return put_attr(NULL, e, NULL, ns, prefix, name, value, origin, fn);
}

int snplp__ext_put_attr_in(snplp_ext **slot, const char *ns, const char *prefix, const char *name,
                           const char *value, snplp_text_origin origin, const char *fn)
{
    return put_attr(NULL, NULL, slot, ns, prefix, name, value, origin, fn);
}

/* ---- the public API ---- */

/* The foreign attribute at index of e (NULL: none), into the out-parameters that are not
 * NULL. */
static int attr_at(const snplp_ext *e, size_t index, const char **ns, const char **prefix,
                   const char **name, const char **value, const char *fn)
{
    const snplp_foreign_attr *a = e ? snplp__list_at(&e->attrs, index) : NULL;
    if (!a)
        return snplp__fail_in(fn, SNPLP_ENOTFOUND, "no foreign attribute at index %zu", index);
    if (ns)
        *ns = a->ns;
    if (prefix)
        *prefix = a->prefix;
    if (name)
        *name = a->name;
    if (value)
        *value = a->value;
    return SNPLP_OK;
}

static snplp_item *find(const snplp_referential *ref, const char *id)
{
    if (!snplp__ref_ok(ref) || !id)
        return NULL;
    return snplp__idmap_get(&ref->ids, id);
}

static int find_or_fail(snplp_item **out, const snplp_referential *ref, const char *id,
                        const char *fn)
{
    if (!snplp__ref_ok(ref) || !id)
        return snplp__bad_arg(fn, "NULL or wrong referential, or NULL id");
    *out = find(ref, id);
    if (!*out) {
        char q[80];
        return snplp__fail_in(fn, SNPLP_ENOTFOUND, "no item has the id %s",
                              snplp__quote(q, sizeof q, id));
    }
    return SNPLP_OK;
}

/* Canonicalizing a fragment given as text: a SAX2 parse feeding the recorder. */
typedef struct canon {
    xmlParserCtxtPtr ctxt;
    snplp_fragment frag;
    int max_depth; /* the deepest element of the fragment (its root is 1) */
    char *result;
    int elements; /* top-level elements seen */
    bool bad;     /* text outside the element, or an element of no/snplp namespace */
    bool oom;
} canon;

static void c_start(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri,
                    int nb_namespaces, const xmlChar **namespaces, int nb_attributes,
                    int nb_defaulted, const xmlChar **attributes)
{
    (void)nb_defaulted;
    canon *c = ctx;
    if (c->frag.depth == 0) {
        c->elements++;
        if (c->elements > 1 || !uri || strcmp((const char *)uri, SNPLP_XML_NAMESPACE) == 0)
            c->bad = true;
    }
    if (c->bad)
        return;
    if (c->frag.depth + 1 > c->max_depth)
        c->max_depth = c->frag.depth + 1;
    void *mem = NULL;
    const xmlChar **attrs = NULL;
    if (!snplp__attrs_decode(nb_attributes, attributes, &attrs, &mem)) {
        c->oom = true;
        c->bad = true;
        return;
    }
    snplp__fragment_start(&c->frag, localname, prefix, uri, nb_namespaces, namespaces,
                          nb_attributes, attrs);
    snplp__free(mem);
}

static void c_end(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri)
{
    (void)uri;
    canon *c = ctx;
    if (c->bad || c->frag.depth == 0)
        return;
    if (snplp__fragment_end(&c->frag, localname, prefix)) {
        c->result = snplp__fragment_take(&c->frag);
        if (!c->result)
            c->oom = true;
    }
}

static void c_chars(void *ctx, const xmlChar *ch, int len)
{
    canon *c = ctx;
    if (c->frag.depth > 0)
        snplp__fragment_text(&c->frag, (const char *)ch, (size_t)len);
    else
        for (int i = 0; i < len; i++)
            if (ch[i] != ' ' && ch[i] != '\t' && ch[i] != '\n' && ch[i] != '\r')
                c->bad = true;
}

static void c_subset(void *ctx, const xmlChar *name, const xmlChar *ext, const xmlChar *sys)
{
    (void)name, (void)ext, (void)sys;
    canon *c = ctx;
    c->bad = true;
    /* no DTD is read: the parse ends here (as in xml_import.c's stop()) */
    c->ctxt->disableSAX = 1;
    c->ctxt->instate = XML_PARSER_EOF;
}

static void c_error(void *ctx, xmlErrorPtr e)
{
    (void)e;
    ((canon *)ctx)->bad = true;
}

static void silent(void *ctx, const char *fmt, ...)
{
    (void)ctx, (void)fmt;
}

/* The canonical form of one extension element (*out, to free) and how deep it nests. */
static int canonical(const char *xml, char **out, int *max_depth, const char *fn)
{
    snplp__xml_init();
    xmlSAXHandler sax;
    memset(&sax, 0, sizeof sax);
    sax.initialized = XML_SAX2_MAGIC;
    sax.startElementNs = c_start;
    sax.endElementNs = c_end;
    sax.characters = c_chars;
    sax.cdataBlock = c_chars;
    sax.internalSubset = c_subset;
    sax.serror = c_error;
    canon c;
    memset(&c, 0, sizeof c);
    size_t len = strlen(xml);
    xmlParserCtxtPtr ctxt =
        len <= INT32_MAX ? xmlCreatePushParserCtxt(&sax, &c, NULL, 0, "extension") : NULL;
    if (!ctxt)
        return len > INT32_MAX ? snplp__bad_arg(fn, "too long") : snplp__oom();
    c.ctxt = ctxt;
    xmlCtxtUseOptions(ctxt, XML_PARSE_NONET | XML_PARSE_NOCDATA);
    /* libxml2 prints some problems through its generic handler: not to the caller's stderr */
    xmlGenericErrorFunc old_generic = xmlGenericError;
    void *old_generic_ctx = xmlGenericErrorContext;
    xmlSetGenericErrorFunc(NULL, silent);
    int prc = xmlParseChunk(ctxt, xml, (int)len, 1);
    xmlSetGenericErrorFunc(old_generic_ctx, old_generic);
    bool well_formed = prc == 0 && ctxt->wellFormed && ctxt->nsWellFormed;
    if (ctxt->myDoc) /* a document libxml2 may make for a DTD's entities: not ours to keep */
        xmlFreeDoc(ctxt->myDoc);
    ctxt->myDoc = NULL;
    xmlFreeParserCtxt(ctxt);
    bool bad = c.bad || !well_formed || !c.result || c.elements != 1;
    snplp__fragment_reset(&c.frag);
    if (c.oom && !c.bad) {
        snplp__free(c.result);
        return snplp__oom();
    }
    if (bad) {
        snplp__free(c.result);
        return snplp__fail_in(fn, SNPLP_EINVAL,
                              "the extension must be one well-formed XML element of a namespace "
                              "other than snplp's");
    }
    *out = c.result;
    *max_depth = c.max_depth;
    return SNPLP_OK;
}

/* Refuses an extension that would nest deeper than an import reads under an element at
 * depth (the root is 1); frees xml then. */
static int check_depth(char *xml, int depth, int max_depth, const char *fn)
{
    if (depth + max_depth <= SNPLP_XML_MAX_DEPTH)
        return SNPLP_OK;
    snplp__free(xml);
    return snplp__fail_in(fn, SNPLP_EINVAL,
                          "the extension nests %d elements deep under an element %d deep: "
                          "more than the %d levels an import reads",
                          max_depth, depth, SNPLP_XML_MAX_DEPTH);
}

int snplp_referential_add_extension(snplp_referential *ref, const char *item_id, const char *xml)
{
    snplp_item *it = NULL;
    if (!xml)
        return snplp__bad_arg(__func__, "NULL xml");
    int rc = find_or_fail(&it, ref, item_id, __func__);
    if (rc != SNPLP_OK || (rc = snplp__ref_check_unfrozen(ref, __func__)) != SNPLP_OK)
        return rc;
    char *result = NULL;
    int max_depth = 0;
    if ((rc = canonical(xml, &result, &max_depth, __func__)) != SNPLP_OK)
        return rc;
    /* what is written must be readable: the item's element and the fragment within the
     * import's depth limit (the root is depth 1, a top-level item 2) */
    int depth = 2;
    for (const snplp_item *p = it->parent; p; p = p->parent)
        depth++;
    if ((rc = check_depth(result, depth, max_depth, __func__)) != SNPLP_OK)
        return rc;
    rc = snplp__ext_add_element(it, result);
    if (rc != SNPLP_OK)
        snplp__free(result);
    return rc;
}

size_t snplp_referential_extension_count(const snplp_referential *ref, const char *item_id)
{
    const snplp_ext *e = snplp__ext_get(find(ref, item_id));
    return e ? e->elements.n : 0;
}

const char *snplp_referential_extension_at(const snplp_referential *ref, const char *item_id,
                                           size_t index)
{
    const snplp_ext *e = snplp__ext_get(find(ref, item_id));
    return e ? snplp__list_at(&e->elements, index) : NULL;
}

int snplp_referential_set_foreign_attribute(snplp_referential *ref, const char *item_id,
                                            const char *ns, const char *prefix, const char *name,
                                            const char *value)
{
    snplp_item *it = NULL;
    int rc = find_or_fail(&it, ref, item_id, __func__);
    if (rc == SNPLP_OK)
        rc = snplp__ref_check_unfrozen(ref, __func__);
    return rc != SNPLP_OK
               ? rc
               : snplp__ext_set_attr(it, ns, prefix, name, value, SNPLP_TEXT_UNCHECKED, __func__);
}

size_t snplp_referential_foreign_attribute_count(const snplp_referential *ref, const char *item_id)
{
    const snplp_ext *e = snplp__ext_get(find(ref, item_id));
    return e ? e->attrs.n : 0;
}

static int ref_attr(const snplp_referential *ref, const char *item_id, size_t index,
                    const char **ns, const char **prefix, const char **name, const char **value,
                    const char *fn)
{
    snplp_item *it = NULL;
    int rc = find_or_fail(&it, ref, item_id, fn);
    if (rc != SNPLP_OK)
        return rc;
    return attr_at(snplp__ext_get(it), index, ns, prefix, name, value, fn);
}

int snplp_referential_foreign_attribute_at(const snplp_referential *ref, const char *item_id,
                                           size_t index, const char **ns, const char **prefix,
                                           const char **name, const char **value)
{
    return ref_attr(ref, item_id, index, ns, prefix, name, value, __func__);
}

int snplp_referential_foreign_attribute(const char **ns, const char **prefix, const char **name,
                                        const char **value, const snplp_referential *ref,
                                        const char *item_id, size_t index)
{
    return ref_attr(ref, item_id, index, ns, prefix, name, value, __func__);
}

/* ---- extensions of conventions, actions and indicators ---- */

/* The extensions of the convention (item_id NULL) or of its action or indicator item_id, and
 * the depth of that element in a file of conventions (NULL if there is no such object). */
static snplp_ext *conv_ext(const snplp_convention *conv, const char *item_id, int *depth)
{
    snplp_convention *c = snplp__conv_of(conv);
    if (!c)
        return NULL;
    *depth = 2;
    if (!item_id)
        return &c->ext;
    *depth = 3;
    snplp_action *a = snplp__conv_action(c, item_id);
    if (a)
        return &a->ext;
    snplp_indicator *ind = snplp__conv_indicator(c, item_id);
    return ind ? &ind->ext : NULL;
}

/* conv_ext() for a function that fails without such an object: SNPLP_OK, or the failure
 * recorded for fn. */
static int conv_ext_or_fail(snplp_ext **out, const snplp_convention *conv, const char *item_id,
                            int *depth, const char *fn)
{
    const snplp_convention *c = snplp__conv_of(conv);
    if (!c)
        return snplp__bad_arg(fn, "NULL or wrong convention");
    if (!(*out = conv_ext(c, item_id, depth))) {
        char q[80];
        return snplp__fail_in(fn, SNPLP_ENOTFOUND,
                              "convention '%s' has no action or indicator '%s'", c->id,
                              snplp__quote(q, sizeof q, item_id));
    }
    return SNPLP_OK;
}

int snplp_convention_add_extension(snplp_convention *conv, const char *item_id, const char *xml)
{
    int depth = 0;
    snplp_ext *e = NULL;
    int rc = conv_ext_or_fail(&e, conv, item_id, &depth, __func__);
    if (rc != SNPLP_OK || (rc = snplp__conv_check_unfrozen(conv, __func__)) != SNPLP_OK)
        return rc;
    if (!xml)
        return snplp__bad_arg(__func__, "NULL xml");
    char *result = NULL;
    int max_depth = 0;
    if ((rc = canonical(xml, &result, &max_depth, __func__)) != SNPLP_OK ||
        (rc = check_depth(result, depth, max_depth, __func__)) != SNPLP_OK)
        return rc;
    if (snplp__ext_push_element(e, result) != SNPLP_OK) {
        snplp__free(result);
        return snplp__oom();
    }
    return SNPLP_OK;
}

size_t snplp_convention_extension_count(const snplp_convention *conv, const char *item_id)
{
    int depth = 0;
    const snplp_ext *e = conv_ext(conv, item_id, &depth);
    return e ? e->elements.n : 0;
}

const char *snplp_convention_extension_at(const snplp_convention *conv, const char *item_id,
                                          size_t index)
{
    int depth = 0;
    const snplp_ext *e = conv_ext(conv, item_id, &depth);
    return e ? snplp__list_at(&e->elements, index) : NULL;
}

int snplp_convention_set_foreign_attribute(snplp_convention *conv, const char *item_id,
                                           const char *ns, const char *prefix, const char *name,
                                           const char *value)
{
    int depth = 0;
    snplp_ext *e = NULL;
    int rc = conv_ext_or_fail(&e, conv, item_id, &depth, __func__);
    if (rc == SNPLP_OK)
        rc = snplp__conv_check_unfrozen(conv, __func__);
    return rc != SNPLP_OK
               ? rc
               : snplp__ext_put_attr(e, ns, prefix, name, value, SNPLP_TEXT_UNCHECKED, __func__);
}

size_t snplp_convention_foreign_attribute_count(const snplp_convention *conv, const char *item_id)
{
    int depth = 0;
    const snplp_ext *e = conv_ext(conv, item_id, &depth);
    return e ? e->attrs.n : 0;
}

static int conv_attr(const snplp_convention *conv, const char *item_id, size_t index,
                     const char **ns, const char **prefix, const char **name, const char **value,
                     const char *fn)
{
    int depth = 0;
    snplp_ext *e = NULL;
    int rc = conv_ext_or_fail(&e, conv, item_id, &depth, fn);
    return rc != SNPLP_OK ? rc : attr_at(e, index, ns, prefix, name, value, fn);
}

int snplp_convention_foreign_attribute_at(const snplp_convention *conv, const char *item_id,
                                          size_t index, const char **ns, const char **prefix,
                                          const char **name, const char **value)
{
    return conv_attr(conv, item_id, index, ns, prefix, name, value, __func__);
}

int snplp_convention_foreign_attribute(const char **ns, const char **prefix, const char **name,
                                       const char **value, const snplp_convention *conv,
                                       const char *item_id, size_t index)
{
    return conv_attr(conv, item_id, index, ns, prefix, name, value, __func__);
}

/* ---- extensions of training records (records.h) ---- */

/* Where the extensions of the records (id NULL) or of their record id are kept, and the depth
 * of that element in a document of records (the root 1, a record 2); SNPLP_OK or the failure
 * recorded for fn. */
static int records_slot_or_fail(snplp_ext ***out, const snplp_records *records, const char *id,
                                int *depth, const char *fn)
{
    if (!snplp__records_of(records))
        return snplp__bad_arg(fn, "NULL or wrong records");
    *depth = id ? 2 : 1;
    if (!(*out = snplp__records_ext_slot(records, id))) {
        char q[80];
        return snplp__fail_in(fn, SNPLP_ENOTFOUND, "no record has the id %s",
                              snplp__quote(q, sizeof q, id));
    }
    return SNPLP_OK;
}

/* Appends an extension element to those of slot (made if there were none), an element at depth
 * of records (checked live). */
static int add_element(snplp_ext **slot, int depth, const char *xml, const char *fn)
{
    if (!xml)
        return snplp__bad_arg(fn, "NULL xml");
    char *result = NULL;
    int max_depth = 0;
    int rc;
    if ((rc = canonical(xml, &result, &max_depth, fn)) != SNPLP_OK ||
        (rc = check_depth(result, depth, max_depth, fn)) != SNPLP_OK)
        return rc;
    bool fresh = !*slot;
    snplp_ext *e = snplp__ext_make(slot);
    if (!e || snplp__ext_push_element(e, result) != SNPLP_OK) {
        if (fresh)
            snplp__ext_drop(slot);
        snplp__free(result);
        return snplp__oom();
    }
    return SNPLP_OK;
}

int snplp_records_add_extension(snplp_records *records, const char *id, const char *xml)
{
    int depth = 0;
    snplp_ext **slot = NULL;
    int rc = records_slot_or_fail(&slot, records, id, &depth, __func__);
    if (rc != SNPLP_OK || (rc = snplp__records_check_unfrozen(records, __func__)) != SNPLP_OK)
        return rc;
    return add_element(slot, depth, xml, __func__);
}

size_t snplp_records_extension_count(const snplp_records *records, const char *id)
{
    const snplp_ext *e = snplp__ext_in(snplp__records_ext_slot(records, id));
    return e ? e->elements.n : 0;
}

const char *snplp_records_extension_at(const snplp_records *records, const char *id, size_t index)
{
    const snplp_ext *e = snplp__ext_in(snplp__records_ext_slot(records, id));
    return e ? snplp__list_at(&e->elements, index) : NULL;
}

int snplp_records_set_foreign_attribute(snplp_records *records, const char *id, const char *ns,
                                        const char *prefix, const char *name, const char *value)
{
    int depth = 0;
    snplp_ext **slot = NULL;
    int rc = records_slot_or_fail(&slot, records, id, &depth, __func__);
    if (rc == SNPLP_OK)
        rc = snplp__records_check_unfrozen(records, __func__);
    return rc != SNPLP_OK ? rc
                          : snplp__ext_put_attr_in(slot, ns, prefix, name, value,
                                                   SNPLP_TEXT_UNCHECKED, __func__);
}

size_t snplp_records_foreign_attribute_count(const snplp_records *records, const char *id)
{
    const snplp_ext *e = snplp__ext_in(snplp__records_ext_slot(records, id));
    return e ? e->attrs.n : 0;
}

int snplp_records_foreign_attribute(const char **ns, const char **prefix, const char **name,
                                    const char **value, const snplp_records *records,
                                    const char *id, size_t index)
{
    int depth = 0;
    snplp_ext **slot = NULL;
    int rc = records_slot_or_fail(&slot, records, id, &depth, __func__);
    return rc != SNPLP_OK ? rc : attr_at(*slot, index, ns, prefix, name, value, __func__);
}

/* A live attendance record, or NULL with the failure recorded for fn in *rc; when change, one
 * that may change (its records not frozen). */
static snplp_attendance *live_attendance(const snplp_attendance *attendance, bool change, int *rc,
                                         const char *fn)
{
    snplp_attendance *a = snplp__attendance_of(attendance);
    *rc = !a       ? snplp__bad_arg(fn, "NULL or wrong attendance")
          : change ? snplp__records_check_unfrozen(snplp__attendance_records(a), fn)
                   : SNPLP_OK;
    return *rc ? NULL : a;
}

int snplp_attendance_add_extension(snplp_attendance *attendance, const char *xml)
{
    int rc;
    snplp_attendance *a = live_attendance(attendance, true, &rc, __func__);
    if (!a)
        return rc;
    if (!xml)
        return snplp__bad_arg(__func__, "NULL xml");
    char *result = NULL;
    int max_depth = 0;
    if ((rc = canonical(xml, &result, &max_depth, __func__)) != SNPLP_OK ||
        (rc = check_depth(result, 2, max_depth, __func__)) != SNPLP_OK)
        return rc;
    snplp_ext *e = snplp__attendance_ext_make(a);
    if (!e || snplp__ext_push_element(e, result) != SNPLP_OK) {
        snplp__attendance_ext_trim(a);
        snplp__free(result);
        return snplp__oom();
    }
    return SNPLP_OK;
}

size_t snplp_attendance_extension_count(const snplp_attendance *attendance)
{
    const snplp_attendance *a = snplp__attendance_of(attendance);
    const snplp_ext *e = a ? snplp__attendance_ext(a) : NULL;
    return e ? e->elements.n : 0;
}

const char *snplp_attendance_extension_at(const snplp_attendance *attendance, size_t index)
{
    const snplp_attendance *a = snplp__attendance_of(attendance);
    const snplp_ext *e = a ? snplp__attendance_ext(a) : NULL;
    return e ? snplp__list_at(&e->elements, index) : NULL;
}

int snplp_attendance_set_foreign_attribute(snplp_attendance *attendance, const char *ns,
                                           const char *prefix, const char *name, const char *value)
{
    int rc;
    snplp_attendance *a = live_attendance(attendance, true, &rc, __func__);
    if (!a)
        return rc;
    snplp_ext *e = snplp__attendance_ext_make(a);
    if (!e)
        return snplp__oom();
    rc = snplp__ext_put_attr(e, ns, prefix, name, value, SNPLP_TEXT_UNCHECKED, __func__);
    if (rc != SNPLP_OK)
        snplp__attendance_ext_trim(a);
    return rc;
}

size_t snplp_attendance_foreign_attribute_count(const snplp_attendance *attendance)
{
    const snplp_attendance *a = snplp__attendance_of(attendance);
    const snplp_ext *e = a ? snplp__attendance_ext(a) : NULL;
    return e ? e->attrs.n : 0;
}

int snplp_attendance_foreign_attribute(const char **ns, const char **prefix, const char **name,
                                       const char **value, const snplp_attendance *attendance,
                                       size_t index)
{
    int rc;
    snplp_attendance *a = live_attendance(attendance, false, &rc, __func__);
    return a ? attr_at(snplp__attendance_ext(a), index, ns, prefix, name, value, __func__) : rc;
}
