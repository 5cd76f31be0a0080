/* Reading a referential from XML: the rules of the format are derived from the description of
 * the kinds (model/referential/kinds.c), the streaming core (reader.c) checks them, and this
 * reader makes each item when its main text arrives (its attributes read before), then the
 * model's rules (validation) place their findings at the items' elements. */
#include <inttypes.h>
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <snplp/snplp.h>

#include "exchange/xml/reader.h"
#include "model/referential/item.h"
#include "util/alloc.h"
#include "util/errors.h"

/* ---- the rules, derived from the kinds ---- */

/* Element types: the root is 0, each kind its own number, then the reference elements
 * (prerequisite, profession-ref: an id in a list of their parent), then a module's <offer>
 * (format 1.2: not an item, written by hand below). */
#define T_ROOT      0
#define T_FIRST_REF SNPLP__KIND_COUNT
#define MAX_REFS    4

static snplp_xml_elem_rule rules[T_FIRST_REF + MAX_REFS + 1];
static unsigned nrules;
/* the type of <offer>: the one after the reference elements */
static uint8_t t_offer;
/* per type: the property of the parent's kind a reference element fills */
static const snplp_prop *ref_prop[T_FIRST_REF + MAX_REFS + 1];
/* for each kind: the root list that holds its items (ROOT_LIST_COUNT: none) */
static uint8_t root_list_of[SNPLP__KIND_COUNT];

/* the storage of the tables (their sizes are bounded by the description's) */
static snplp_xml_attr_rule attr_store[SNPLP__KIND_COUNT + MAX_REFS][9];
static snplp_xml_child_rule child_store[SNPLP__KIND_COUNT][KIND_MAX_PROPS + 1];
static snplp_xml_child_rule root_children[ROOT_LIST_COUNT + 1];

/* The offer of a module (offer.h, format 1.2): its coded values are attributes (slot: the
 * snplp_offer_code; OFFER_VERSION: the FORMACODE version), its texts and audience codes text
 * elements (field: the snplp_offer_text; OFFER_AUDIENCE_CODE: an audience code). The names
 * are the model's (snplp_offer_code_name(), snplp_offer_text_name()), filled in by
 * derive_rules(). It is the last child of <module>, after its extension elements (a tail
 * child), and takes no foreign attribute nor extension element. */
#define OFFER_VERSION       (SNPLP_OFFER_CODE_COUNT + 1)
#define OFFER_AUDIENCE_CODE (SNPLP_OFFER_TEXT_COUNT + 1)

static snplp_xml_attr_rule offer_attrs[OFFER_VERSION + 1];
static snplp_xml_child_rule offer_children[OFFER_AUDIENCE_CODE + 1];

static void derive_offer_rules(void)
{
    for (int c = 1; c <= SNPLP_OFFER_CODE_COUNT; c++) {
        snplp_offer_code which = (snplp_offer_code)c;
        bool boolean = strcmp(snplp_offer_code_table(which), "dict-boolean") == 0;
        offer_attrs[c - 1] = (snplp_xml_attr_rule){snplp_offer_code_name(which),
                                                   boolean ? V_BOOL : V_CENTS,
                                                   false,
                                                   (uint8_t)c,
                                                   NULL,
                                                   NULL};
    }
    offer_attrs[SNPLP_OFFER_CODE_COUNT] =
        (snplp_xml_attr_rule){"formacode-version", V_FORMACODE, false, OFFER_VERSION, NULL, NULL};
    for (int t = 1; t <= SNPLP_OFFER_TEXT_COUNT; t++) {
        const char *name = snplp_offer_text_name((snplp_offer_text)t);
        offer_children[t - 1] =
            (snplp_xml_child_rule){name, SNPLP_XML_TEXT, 0, 1, (uint16_t)t, name};
    }
    offer_children[SNPLP_OFFER_TEXT_COUNT] = (snplp_xml_child_rule){
        "audience-code", SNPLP_XML_TEXT, 0, 0, OFFER_AUDIENCE_CODE, "audience code"};
}

static uint8_t vtype_of(snplp_prop_type t)
{
    switch (t) {
    case PROP_VARIANT:
        return V_NAME;
    case PROP_DATE:
        return V_DATE;
    case PROP_DAYS:
        return V_DAYS;
    case PROP_CENTS:
        return V_CENTS;
    case PROP_INTEGER:
        return V_INTEGER;
    case PROP_LEVEL:
        return V_DIPLOMA;
    case PROP_FLAG:
        return V_BOOL;
    default:
        return V_ID; /* PROP_ID, PROP_REF */
    }
}

static void derive_rules(void)
{
    snplp__kinds_init();
    for (int k = 0; k < SNPLP__KIND_COUNT; k++)
        root_list_of[k] = ROOT_LIST_COUNT;
    for (int l = 0; l < ROOT_LIST_COUNT; l++) {
        const snplp_kind_info *k = snplp__kind_info((snplp_kind)snplp__roots[l].kind);
        root_children[l] =
            (snplp_xml_child_rule){k->name, snplp__roots[l].kind, 0, k->singleton ? 1 : 0, 0, NULL};
        root_list_of[snplp__roots[l].kind] = (uint8_t)l;
    }
    rules[T_ROOT] = (snplp_xml_elem_rule){"referential", attr_store[0], root_children, false};
    unsigned next_ref = T_FIRST_REF;
    for (int kind = 1; kind < SNPLP__KIND_COUNT; kind++) {
        const snplp_kind_info *k = snplp__kind_info((snplp_kind)kind);
        snplp_xml_attr_rule *attrs = attr_store[kind];
        snplp_xml_child_rule *children = child_store[kind];
        int na = 0, nc = 0;
        for (int i = 0; i < k->nprops; i++) {
            const snplp_prop *p = &k->props[i];
            snplp_prop_type t = (snplp_prop_type)p->type;
            if (SNPLP__PROP_IS_SCALAR(t)) {
                attrs[na++] = (snplp_xml_attr_rule){p->name,    vtype_of(t), p->required,
                                                    (uint8_t)i, p->names,    NULL};
            } else if (t == PROP_TEXT || t == PROP_LABELS) {
                children[nc++] = (snplp_xml_child_rule){p->name,
                                                        SNPLP_XML_TEXT,
                                                        p->required ? 1 : 0,
                                                        t == PROP_TEXT ? 1 : 0,
                                                        p->field,
                                                        snplp_field_name((snplp_field)p->field)};
            } else if (t == PROP_ITEMS) {
                children[nc++] = (snplp_xml_child_rule){p->name, p->kind, 0, 0, 0, NULL};
            } else if (t == PROP_REFS && next_ref < T_FIRST_REF + MAX_REFS) {
                snplp_xml_attr_rule *ref_attrs =
                    attr_store[next_ref - T_FIRST_REF + SNPLP__KIND_COUNT];
                ref_attrs[0] = (snplp_xml_attr_rule){"ref", V_ID, true, 0, NULL, NULL};
                rules[next_ref] = (snplp_xml_elem_rule){p->name, ref_attrs, child_store[0], false};
                ref_prop[next_ref] = p;
                children[nc++] = (snplp_xml_child_rule){p->name, (uint8_t)next_ref, 0, 0, 0, NULL};
                next_ref++;
            }
        }
        rules[kind] = (snplp_xml_elem_rule){k->name, attrs, children, true};
    }
    /* format 1.2: <offer>, the last child of <module> (after its extension elements) */
    derive_offer_rules();
    t_offer = (uint8_t)next_ref;
    rules[t_offer] = (snplp_xml_elem_rule){"offer", offer_attrs, offer_children, false};
    snplp_xml_child_rule *mc = child_store[SNPLP_KIND_MODULE];
    while (mc->name)
        mc++;
    *mc = (snplp_xml_child_rule){"offer", t_offer, 0, SNPLP_XML_TAIL, 0, NULL};
    nrules = next_ref + 1u;
}

static pthread_once_t rules_once = PTHREAD_ONCE_INIT;

/* ---- the reader ---- */

typedef struct rframe {
    snplp_xml_frame core;
    snplp_item *item; /* made when its main text came (NULL until then) */
    bool has_id, has_ref, has_number, has_date, flag;
    int variant;
    /* written before being read (has_...): not zeroed for each element */
    int64_t integer, micro;
    char date[11];
    char id[SNPLP_ID_MAX + 1];
    char ref[SNPLP_ID_MAX + 1];
} rframe;

typedef struct position {
    const char *id;
    size_t line, column;
} position;

typedef struct rreader {
    snplp_xml_reader core;
    snplp_referential *ref;
    position *positions; /* of every item made, for the findings of validation */
    size_t npositions, cappositions;
} rreader;

#define ID(f) ((f)->has_id ? (const char *)(f)->id : NULL)

static rframe *parent_of(rreader *r, rframe *f)
{
    return (rframe *)(void *)snplp__xml_parent(&r->core, &f->core);
}

static void remember(rreader *r, const snplp_item *it, size_t line, size_t column)
{
    if (r->npositions == r->cappositions) {
        size_t cap = r->cappositions ? r->cappositions * 2 : 256;
        position *p = snplp__realloc(r->positions, cap * sizeof *p);
        if (!p) {
            snplp__xml_oom(&r->core);
            return;
        }
        r->positions = p;
        r->cappositions = cap;
    }
    r->positions[r->npositions++] = (position){it->id, line, column};
}

/* An error of the catalogue (util/messages/diag/xml.en.txt) at the element of f, about the
 * item item_id (NULL: none). */
static void say(rreader *r, const rframe *f, snplp_diag_code code, const char *variant,
                const char *item_id, const snplp_msg_arg *args, size_t n)
{
    snplp__xml_error_at(&r->core, &f->core, code, variant, item_id, args, n);
}

/* A model call's failure on the element of f: out of memory ends the pass, a reused id is a
 * finding, anything else is a value the model refuses (the model's reason). */
static void model_failed(rreader *r, rframe *f, int rc)
{
    if (rc == SNPLP_ENOMEM) {
        snplp__xml_oom(&r->core);
        return;
    }
    say(r, f, rc == SNPLP_EEXISTS ? SNPLP_DIAG_DUPLICATE_ID : SNPLP_DIAG_BAD_VALUE,
        rc == SNPLP_EEXISTS ? "element" : "model", ID(f),
        SNPLP_ARGS(SNPLP_ARG(ID, "element", f->core.name),
                   SNPLP_ARG(TEXT, "reason", snplp_error_last_reason())));
}

/* The item is made: its position kept, its foreign attributes given to it. */
static void made(rreader *r, rframe *f)
{
    remember(r, f->item, f->core.line, f->core.column);
    snplp__xml_attach_fattrs(&r->core, &f->core, f->item, NULL, ID(f));
}

/* Makes the item of frame f, child of frame p, from its main text. */
static void make_item(rreader *r, rframe *f, rframe *p, const char *text)
{
    snplp_item *parent = p->core.type == T_ROOT ? NULL : p->item;
    if (f->core.dead || !f->has_id || (p->core.type != T_ROOT && !parent)) {
        f->core.dead = true;
        return;
    }
    snplp_kind kind = (snplp_kind)f->core.type;
    uint8_t list;
    const char *adder;
    if (!parent) {
        list = root_list_of[kind];
        adder = snplp__roots[list].adder;
    } else { /* the parent's list of items of this kind */
        const snplp_kind_info *pk = snplp__kind_info((snplp_kind)parent->kind);
        const snplp_prop *lp = pk->props;
        while (lp->type != PROP_ITEMS || lp->kind != kind)
            lp++;
        list = lp->list;
        adder = lp->adder;
    }
    snplp_item_init init = {.id = f->id,
                            .text = text,
                            .ref = f->has_ref ? f->ref : NULL,
                            .variant = f->variant,
                            .flag = f->flag,
                            .has_number = f->has_number,
                            .real = f->has_number ? (double)f->micro / 1e6 : 0,
                            .integer = f->has_number ? f->integer : 0};
    int rc =
        snplp__item_make(&f->item, r->ref, parent, list, kind, &init, SNPLP_TEXT_CHECKED, adder);
    if (rc != SNPLP_OK) {
        f->item = NULL;
        f->core.dead = true;
        model_failed(r, f, rc);
        return;
    }
    made(r, f);
}

/* The strategy and the training plan exist already: their attributes apply at once. */
static void apply_singleton(rreader *r, rframe *f)
{
    f->item = r->ref->lists[root_list_of[f->core.type]].v[0];
    int rc = SNPLP_OK;
    if (f->has_date)
        rc = snplp__item_set_text(f->item, SNPLP_FIELD_LAUNCH_DATE, f->date, false,
                                  SNPLP_TEXT_CHECKED, "snplp_strategy_set_launch_date");
    if (f->has_number) {
        f->item->has_number = true;
        if (snplp__kinds[f->item->kind].number == NUMBER_REAL)
            f->item->number.real = (double)f->micro / 1e6;
        else
            f->item->number.integer = f->integer;
    }
    f->item->flag = f->flag;
    snplp__touch(r->ref);
    if (rc != SNPLP_OK)
        model_failed(r, f, rc);
    made(r, f);
}

/* ---- the offer of a module (format 1.2) ---- */

/* A refusal of the model's offer setters, at the element of f, about module it, for its
 * attribute (NULL: for the text element f): out of memory ends the pass; a value the schema
 * refuses too is a bad value (a code not in its LHEO table, an audience code of another form,
 * an eleventh one); one the schema allows (a blank text, an audience code given twice) is a
 * model-value. */
static void offer_failed(rreader *r, rframe *f, const snplp_item *it, int rc, bool schema,
                         const char *attribute)
{
    if (rc == SNPLP_ENOMEM) {
        snplp__xml_oom(&r->core);
        return;
    }
    const char *reason = snplp_error_last_reason();
    if (attribute)
        say(r, f, schema ? SNPLP_DIAG_BAD_VALUE : SNPLP_DIAG_MODEL_VALUE, "offer-attribute", it->id,
            SNPLP_ARGS(SNPLP_ARG(ID, "attribute", attribute), SNPLP_ARG(TEXT, "reason", reason)));
    else
        say(r, f, schema ? SNPLP_DIAG_BAD_VALUE : SNPLP_DIAG_MODEL_VALUE, "model", it->id,
            SNPLP_ARGS(SNPLP_ARG(ID, "element", f->core.name), SNPLP_ARG(TEXT, "reason", reason)));
}

/* An attribute of <offer>: into the offer of the module being read, at once. */
static void offer_attribute(rreader *r, rframe *f, const snplp_xml_attr_rule *ar,
                            const snplp_xml_value *v)
{
    snplp_item *it = parent_of(r, f)->item;
    if (!it)
        return;
    int rc;
    if (ar->slot == OFFER_VERSION) {
        char version[8];
        memcpy(version, v->s, v->n); /* V then 1 to 3 digits (V_FORMACODE) */
        version[v->n] = '\0';
        rc = snplp__offer_set_formacode_version(it, version, "snplp_module_set_formacode_version");
    } else {
        snplp_offer_code which = (snplp_offer_code)ar->slot;
        int64_t code = ar->type == V_BOOL ? (int64_t)v->flag : v->integer;
        if (code > INT_MAX) { /* no table has such a code: the model's own message */
            char value[24];
            snprintf(value, sizeof value, "%" PRId64, code);
            say(r, f, SNPLP_DIAG_BAD_VALUE, "offer-code", it->id,
                SNPLP_ARGS(SNPLP_ARG(ID, "attribute", ar->name), SNPLP_ARG(INTEGER, "value", value),
                           SNPLP_ARG(ID, "table", snplp_offer_code_table(which))));
            return;
        }
        rc = snplp__offer_set_code(it, which, (int)code, "snplp_module_set_offer_code");
    }
    if (rc != SNPLP_OK)
        offer_failed(r, f, it, rc, true, ar->name);
}

/* A text element t of <offer> (frame p) ended: a text or an audience code of the module's
 * offer. */
static void offer_text(rreader *r, rframe *t, rframe *p, const char *text)
{
    snplp_item *it = parent_of(r, p)->item;
    if (!it)
        return;
    if (t->core.field == OFFER_AUDIENCE_CODE) {
        int rc = snplp__offer_add_audience_code(it, text, "snplp_module_add_audience_code");
        if (rc != SNPLP_OK)
            offer_failed(r, t, it, rc, rc != SNPLP_EEXISTS, NULL);
        return;
    }
    snplp_offer_text which = (snplp_offer_text)t->core.field;
    int rc =
        snplp__offer_set_text(it, which, text, SNPLP_TEXT_CHECKED, "snplp_module_set_offer_text");
    if (rc != SNPLP_OK)
        offer_failed(r, t, it, rc, false, NULL);
    else
        snplp__xml_check_nfc(&r->core, &t->core, it->id, snplp__offer_of(it)->texts[which], text);
}

static void attribute(snplp_xml_reader *core, snplp_xml_frame *cf, const snplp_xml_attr_rule *ar,
                      const snplp_xml_value *v)
{
    rreader *r = (rreader *)core;
    rframe *f = (rframe *)cf;
    if (f->core.type == t_offer) {
        offer_attribute(r, f, ar, v);
        return;
    }
    if (f->core.type >= T_FIRST_REF) { /* a reference: into the parent module's list at once */
        rframe *p = parent_of(r, f);
        if (!p->item)
            return;
        char id[SNPLP_ID_MAX + 1];
        memcpy(id, v->s, v->n);
        id[v->n] = '\0';
        const snplp_prop *lp = ref_prop[f->core.type];
        int rc = snplp__item_add_string(p->item, (snplp_list_id)lp->list, id, true,
                                        SNPLP_TEXT_CHECKED, lp->adder);
        if (rc != SNPLP_OK)
            model_failed(r, f, rc);
        return;
    }
    const snplp_prop *p = &snplp__kinds[f->core.type].props[ar->slot];
    switch ((snplp_prop_type)p->type) {
    case PROP_ID:
        memcpy(f->id, v->s, v->n);
        f->id[v->n] = '\0';
        f->has_id = true;
        break;
    case PROP_REF:
        memcpy(f->ref, v->s, v->n);
        f->ref[v->n] = '\0';
        f->has_ref = true;
        break;
    case PROP_VARIANT:
        f->variant = v->variant;
        break;
    case PROP_DATE:
        memcpy(f->date, v->s, v->n);
        f->date[v->n] = '\0';
        f->has_date = true;
        break;
    case PROP_DAYS:
        f->micro = v->micro;
        f->has_number = true;
        break;
    case PROP_CENTS:
    case PROP_INTEGER:
    case PROP_LEVEL:
        f->integer = v->integer;
        f->has_number = true;
        break;
    case PROP_FLAG:
        f->flag = v->flag;
        break;
    default:
        break;
    }
}

static void started(snplp_xml_reader *core, snplp_xml_frame *cf)
{
    if (cf->type != T_ROOT && cf->type < T_FIRST_REF && snplp__kinds[cf->type].singleton)
        apply_singleton((rreader *)core, (rframe *)cf);
}

/* The text just stored in field of it (a label: the last one). */
static const char *stored(const snplp_item *it, snplp_field field)
{
    if (field == SNPLP_FIELD_LABEL) {
        const snplp_list *l = snplp__item_list(it, LIST_LABELS);
        return l && l->n ? l->v[l->n - 1] : NULL;
    }
    return snplp__item_text(it, field);
}

/* A text element t ended: its text goes to the item of frame p (or makes it). */
static void text(snplp_xml_reader *core, snplp_xml_frame *ct, snplp_xml_frame *cp, const char *text)
{
    rreader *r = (rreader *)core;
    rframe *t = (rframe *)ct, *p = (rframe *)cp;
    if (p->core.type == t_offer) {
        offer_text(r, t, p, text);
        return;
    }
    snplp_field field = (snplp_field)t->core.field;
    const snplp_kind_info *k = &snplp__kinds[p->core.type];
    if (!p->item && !k->singleton && field == k->texts[0]) {
        make_item(r, p, parent_of(r, p), text);
        if (p->item)
            snplp__xml_check_nfc(core, ct, p->item->id, stored(p->item, field), text);
        return;
    }
    if (!p->item)
        return;
    int rc = field == SNPLP_FIELD_LABEL
                 ? snplp__item_add_string(p->item, LIST_LABELS, text, false, SNPLP_TEXT_CHECKED,
                                          "import")
                 : snplp__item_set_text(p->item, field, text, false, SNPLP_TEXT_CHECKED, "import");
    if (rc != SNPLP_OK)
        model_failed(r, t, rc);
    else
        snplp__xml_check_nfc(core, ct, p->item->id, stored(p->item, field), text);
}

static void ended(snplp_xml_reader *core, snplp_xml_frame *f)
{
    (void)core, (void)f;
}

static void extension(snplp_xml_reader *core, snplp_xml_frame *cf, char *xml)
{
    rframe *f = (rframe *)cf;
    if (f->core.dead || !f->item) {
        snplp__free(xml);
        return;
    }
    if (snplp__ext_add_element(f->item, xml) != SNPLP_OK) {
        snplp__free(xml);
        snplp__xml_oom(core);
    }
}

static int cmp_position(const void *a, const void *b)
{
    return strcmp(((const position *)a)->id, ((const position *)b)->id);
}

/* The model's rules on what was read, each finding placed at its item's element. */
static void finish(snplp_xml_reader *core)
{
    rreader *r = (rreader *)core;
    snplp_diagnostics *d = NULL;
    if (snplp_diagnostics_new(&d) != SNPLP_OK) {
        snplp__xml_oom(core);
        return;
    }
    int rc = snplp_referential_validate(r->ref, d);
    if (rc != SNPLP_OK && rc != SNPLP_EVALIDATION) {
        snplp_diagnostics_free(d);
        snplp__xml_oom(core);
        return;
    }
    if (snplp_diagnostics_count(d) > 0) /* sorted only when there is something to place */
        qsort(r->positions, r->npositions, sizeof *r->positions, cmp_position);
    for (size_t i = 0; i < snplp_diagnostics_count(d) && core->status == SNPLP_OK; i++) {
        const snplp_diagnostic *g = snplp_diagnostics_at(d, i);
        const char *id = snplp_diagnostic_item_id(g);
        size_t line = 1, column = 1;
        if (id) {
            position key = {id, 0, 0};
            const position *p =
                bsearch(&key, r->positions, r->npositions, sizeof key, cmp_position);
            if (p) {
                line = p->line;
                column = p->column;
            }
        }
        /* a finding of the catalogue keeps its message id and parameters (rendered in the
         * list's language); another one, its text */
        snplp_finding f;
        snplp_msg_arg args[16];
        rc = snplp__finding_of(g, &f, args, sizeof args / sizeof *args);
        if (rc == SNPLP_OK) {
            f.line = line;
            f.column = column;
            snplp__xml_finding(core, &f);
        } else if (rc == SNPLP_ENOTFOUND) {
            snplp__xml_report(core, snplp_diagnostic_severity(g), snplp_diagnostic_code(g), line,
                              column, id, "%s", snplp_diagnostic_message(g));
        } else if (core->status == SNPLP_OK) {
            core->status = rc; /* a finding of more arguments than args holds: the library's bug */
        }
    }
    snplp_diagnostics_free(d);
}

static void frame_init(snplp_xml_frame *f)
{
    memset(f, 0, offsetof(rframe, integer));
}

static const snplp_xml_doc referential_doc = {
    .root = "referential",
    .what = "a referential",
    .rules = rules,
    .root_type = T_ROOT,
    .frame_size = sizeof(rframe),
    .frame_init = frame_init,
    .attribute = attribute,
    .started = started,
    .text = text,
    .ended = ended,
    .extension = extension,
    .finish = finish,
};

/* ---- the public functions ---- */

static int import(void *out, snplp_diagnostics *diags, snplp_source *src, const char *name,
                  const snplp_import_options *options)
{
    pthread_once(&rules_once, derive_rules);
    snplp_xml_doc doc = referential_doc;
    doc.nrules = nrules;
    rreader r;
    memset(&r, 0, sizeof r);
    int rc = snplp_referential_new(&r.ref);
    if (rc == SNPLP_OK)
        rc = snplp__xml_read(&r.core, &doc, diags, src, name, options);
    snplp__free(r.positions);
    snplp__buf_free(&r.core.prolog); /* a referential keeps no comment (docs/xml-format.md) */
    if (rc != SNPLP_OK) {
        snplp_referential_unref(r.ref);
        return rc;
    }
    *(snplp_referential **)out = r.ref;
    return SNPLP_OK;
}

SNPLP_XML_DEFINE_IMPORTS(referential, snplp_referential, import)
