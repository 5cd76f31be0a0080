/* Reading training records from XML (root <records>, format 1.1): the rules of the format as
 * tables (the same rules as libsnplp/schema/snplp-1.1.xsd), checked by the streaming core
 * (reader.c). Records are children of the root only, one open at a time: the values of the
 * attributes of the record being read are kept in the reader, each with a bit of its frame
 * saying it was read. A record with texts (a profession, an employer, a training body) is made
 * when its first text arrives; the others when their attributes are read, through the model's
 * functions (their checks, their messages): a refusal is a finding at the record's element
 * (an id used twice: duplicate-id; anything else: model-value). References are not checked
 * (snplp_records_validate() does). */
#include <string.h>

#include <snplp/records.h>
#include <snplp/snplp.h>

#include "exchange/xml/reader.h"
#include "model/records/records_model.h"
#include "util/alloc.h"
#include "util/errors.h"

/* ---- the rules ---- */

typedef enum rtype {
    T_RROOT,
    T_PROFESSION,
    T_EMPLOYER,
    T_WORKER,
    T_BODY,
    T_SESSION,
    T_ATTENDANCE,
    T_COUNT
} rtype;

/* What an attribute is (a rule's slot, and its bit in a frame's `has`). */
enum {
    A_ID,
    A_CATEGORY,
    A_KIND,
    A_TERRITORY,
    A_PROFESSION,
    A_EMPLOYER,
    A_UNIT,
    A_LEVEL,
    A_FROM,
    A_UNTIL,
    A_SIRET,
    A_DECLNUM,
    A_POSTAL,
    A_PHONE,
    A_EMAIL,
    A_SUBJECT,
    A_BODY,
    A_START,
    A_END,
    A_DAYS,
    A_MODE,
    A_PLACE,
    A_CAPACITY,
    A_WORKER,
    A_SESSION,
    A_STATUS
};

/* The texts (a text element's code). */
enum { F_TITLE, F_NAME, F_LEGAL_NAME, F_ADDRESS, F_COMMUNE };

static const char *const category_names[] = {"", "worker", "cadre", NULL};
static const char *const employer_kinds[] = {"",        "departement", "metropole", "region",
                                             "commune", "grouping",    "state",     "association",
                                             "creche",  "company",     "other",     NULL};
static const char *const modes[] = {"", "on-site", "distance", "mixed", NULL};
static const char *const statuses[] = {"",       "registered", "attended", "partial",
                                       "absent", "cancelled",  NULL};

#define ATTR(name, type, required, slot)                                                           \
    {                                                                                              \
        name, type, required, slot, NULL, NULL                                                     \
    }
#define NAMED(name, required, slot, names)                                                         \
    {                                                                                              \
        name, V_NAME, required, slot, names, NULL                                                  \
    }
#define NO_ATTR                                                                                    \
    {                                                                                              \
        NULL, 0, false, 0, NULL, NULL                                                              \
    }
#define TEXT(name, field, min, max)                                                                \
    {                                                                                              \
        name, SNPLP_XML_TEXT, min, max, field, name                                                \
    }
#define KID(name, type)                                                                            \
    {                                                                                              \
        name, type, 0, 0, 0, NULL                                                                  \
    }
#define NO_CHILD                                                                                   \
    {                                                                                              \
        NULL, 0, 0, 0, 0, NULL                                                                     \
    }

static const snplp_xml_attr_rule no_attrs[] = {NO_ATTR};
static const snplp_xml_attr_rule profession_attrs[] = {
    ATTR("id", V_ID, true, A_ID), NAMED("category", true, A_CATEGORY, category_names), NO_ATTR};
static const snplp_xml_attr_rule employer_attrs[] = {
    ATTR("id", V_ID, true, A_ID), NAMED("kind", true, A_KIND, employer_kinds),
    ATTR("territory", V_CODE, true, A_TERRITORY), NO_ATTR};
static const snplp_xml_attr_rule worker_attrs[] = {ATTR("id", V_ID, true, A_ID),
                                                   ATTR("profession", V_ID, true, A_PROFESSION),
                                                   ATTR("employer", V_ID, true, A_EMPLOYER),
                                                   ATTR("territory", V_CODE, true, A_TERRITORY),
                                                   ATTR("unit", V_TOKEN, false, A_UNIT),
                                                   ATTR("diploma-level", V_DIPLOMA, false, A_LEVEL),
                                                   ATTR("from", V_DAY, true, A_FROM),
                                                   ATTR("until", V_DAY, false, A_UNTIL),
                                                   NO_ATTR};
static const snplp_xml_attr_rule body_attrs[] = {
    ATTR("id", V_ID, true, A_ID),
    ATTR("siret", V_SIRET, false, A_SIRET),
    ATTR("declaration-number", V_DECLNUM, false, A_DECLNUM),
    ATTR("postal-code", V_POSTAL, false, A_POSTAL),
    ATTR("phone", V_TOKEN, false, A_PHONE),
    ATTR("email", V_TOKEN, false, A_EMAIL),
    NO_ATTR};
static const snplp_xml_attr_rule session_attrs[] = {ATTR("id", V_ID, true, A_ID),
                                                    ATTR("subject", V_ID, true, A_SUBJECT),
                                                    ATTR("body", V_ID, true, A_BODY),
                                                    ATTR("start", V_DAY, true, A_START),
                                                    ATTR("end", V_DAY, true, A_END),
                                                    ATTR("days", V_UDECIMAL, true, A_DAYS),
                                                    NAMED("mode", true, A_MODE, modes),
                                                    ATTR("place", V_COMMUNE, false, A_PLACE),
                                                    ATTR("capacity", V_CAPACITY, false, A_CAPACITY),
                                                    NO_ATTR};
static const snplp_xml_attr_rule attendance_attrs[] = {
    ATTR("worker", V_ID, true, A_WORKER), ATTR("session", V_ID, true, A_SESSION),
    NAMED("status", true, A_STATUS, statuses), ATTR("days", V_UDECIMAL, false, A_DAYS), NO_ATTR};

static const snplp_xml_child_rule no_children[] = {NO_CHILD};
static const snplp_xml_child_rule root_children[] = {KID("profession", T_PROFESSION),
                                                     KID("employer", T_EMPLOYER),
                                                     KID("worker", T_WORKER),
                                                     KID("training-body", T_BODY),
                                                     KID("session", T_SESSION),
                                                     KID("attendance", T_ATTENDANCE),
                                                     NO_CHILD};
static const snplp_xml_child_rule profession_children[] = {TEXT("title", F_TITLE, 1, 1), NO_CHILD};
static const snplp_xml_child_rule employer_children[] = {TEXT("name", F_NAME, 1, 1), NO_CHILD};
static const snplp_xml_child_rule body_children[] = {
    TEXT("name", F_NAME, 1, 1), TEXT("legal-name", F_LEGAL_NAME, 0, 1),
    TEXT("address-line", F_ADDRESS, 0, 0), TEXT("commune", F_COMMUNE, 0, 1), NO_CHILD};

static const snplp_xml_elem_rule rules[T_COUNT] = {
    [T_RROOT] = {"records", no_attrs, root_children, true},
    [T_PROFESSION] = {"profession", profession_attrs, profession_children, true},
    [T_EMPLOYER] = {"employer", employer_attrs, employer_children, true},
    [T_WORKER] = {"worker", worker_attrs, no_children, true},
    [T_BODY] = {"training-body", body_attrs, body_children, true},
    [T_SESSION] = {"session", session_attrs, no_children, true},
    [T_ATTENDANCE] = {"attendance", attendance_attrs, no_children, true},
};

/* ---- the reader ---- */

typedef struct rframe {
    snplp_xml_frame core;
    uint32_t has;          /* bit A_x: the attribute was read, its value is in the reader */
    snplp_ext **ext;       /* where the object made for the element keeps its extensions (NULL: no
                            * object; *ext NULL: none yet, util/ext.h) */
    snplp_attendance *att; /* or the attendance made (its extensions: records_model.h) */
    void *obj;             /* the object made: a record, an attendance, the records */
} rframe;

#define HAS(f, a) (((f)->has >> (a)) & 1u)

typedef struct rreader {
    snplp_xml_reader core;
    snplp_records *records;
    /* the values of the attributes of the record being read (one at a time: the root's
     * children) */
    char id[SNPLP_ID_MAX + 1], ref[2][SNPLP_ID_MAX + 1];
    char territory[16], place[8], siret[16], declnum[16], postal[8];
    char *str[3]; /* unit or phone, email: any length (freed at the end) */
    size_t str_cap[3];
    snplp_date date[2]; /* from and until, start and end */
    snplp_decimal days;
    int variant; /* category, kind, mode, status */
    int level, capacity;
} rreader;

/* An error of the catalogue (util/messages/diag/xml.en.txt) at the element of f, about the
 * record id (NULL: none). */
static void say(rreader *r, const snplp_xml_frame *f, snplp_diag_code code, const char *variant,
                const char *id, const snplp_msg_arg *args, size_t n)
{
    snplp__xml_error_at(&r->core, f, code, variant, id, args, n);
}

/* A model call's failure on a record's element f: a reused id is a duplicate, anything else a
 * value the schema allows but the model refuses (the model's reason). */
static void failed(rreader *r, const snplp_xml_frame *f, int rc, const char *id)
{
    if (rc == SNPLP_ENOMEM) {
        snplp__xml_oom(&r->core);
        return;
    }
    say(r, f, rc == SNPLP_EEXISTS ? SNPLP_DIAG_DUPLICATE_ID : SNPLP_DIAG_MODEL_VALUE,
        rc == SNPLP_EEXISTS ? "element" : "model", id,
        SNPLP_ARGS(SNPLP_ARG(ID, "element", f->name),
                   SNPLP_ARG(TEXT, "reason", snplp_error_last_reason())));
}

/* A decimal of the unsigned form (checked by the core), its digits kept: false when it is
 * beyond what a decimal holds. */
static bool decimal_read(snplp_decimal *out, const char *s, size_t n)
{
    if (n >= 19)
        return snplp_decimal_parse(out, s, n) == SNPLP_OK;
    uint64_t units = 0;
    int32_t scale = 0;
    bool point = false;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '.') {
            point = true;
            continue;
        }
        units = units * 10 + (uint64_t)(s[i] - '0');
        scale += point;
    }
    out->units = (int64_t)units;
    out->scale = scale;
    return true;
}

static void copy(char *dst, const snplp_xml_value *v)
{
    memcpy(dst, v->s, v->n);
    dst[v->n] = '\0';
}

/* Keeps a value of any length in the reader's slot k. */
static bool keep_str(rreader *r, int k, const snplp_xml_value *v)
{
    if (r->str_cap[k] < v->n + 1) {
        char *p = snplp__realloc(r->str[k], v->n + 1);
        if (!p)
            return false;
        r->str[k] = p;
        r->str_cap[k] = v->n + 1;
    }
    copy(r->str[k], v);
    return true;
}

static void attribute(snplp_xml_reader *core, snplp_xml_frame *cf, const snplp_xml_attr_rule *ar,
                      const snplp_xml_value *v)
{
    rreader *r = (rreader *)core;
    rframe *f = (rframe *)cf;
    switch (ar->slot) {
    case A_ID:
        copy(r->id, v);
        snplp__records_prefetch_id(r->records, r->id, v->n); /* for the add, when all are read */
        break;
    case A_WORKER:
        copy(r->id, v);
        break;
    case A_PROFESSION:
    case A_SUBJECT:
    case A_SESSION:
        copy(r->ref[0], v);
        break;
    case A_EMPLOYER:
    case A_BODY:
        copy(r->ref[1], v);
        break;
    case A_TERRITORY:
        copy(r->territory, v);
        break;
    case A_PLACE:
        copy(r->place, v);
        break;
    case A_SIRET:
        copy(r->siret, v);
        break;
    case A_DECLNUM:
        copy(r->declnum, v);
        break;
    case A_POSTAL:
        copy(r->postal, v);
        break;
    case A_UNIT:
    case A_PHONE:
    case A_EMAIL:
        if (!keep_str(r, ar->slot == A_EMAIL ? 1 : 0, v)) {
            snplp__xml_oom(core);
            return;
        }
        break;
    case A_FROM:
    case A_START:
        r->date[0] = v->date;
        break;
    case A_UNTIL:
    case A_END:
        r->date[1] = v->date;
        break;
    case A_DAYS:
        if (!decimal_read(&r->days, v->s, v->n)) {
            char shown[64];
            snprintf(shown, sizeof shown, "%.*s%s", (int)(v->n < 40 ? v->n : 40), v->s,
                     v->n > 40 ? "..." : "");
            say(r, &f->core, SNPLP_DIAG_MODEL_VALUE, "decimal", NULL,
                SNPLP_ARGS(SNPLP_ARG(ID, "element", f->core.name),
                           SNPLP_ARG(ID, "attribute", "days"), SNPLP_ARG(TEXT, "value", shown)));
            if (ar->required)
                f->core.dead = true;
            return;
        }
        break;
    case A_CATEGORY:
    case A_KIND:
    case A_MODE:
    case A_STATUS:
        r->variant = v->variant;
        break;
    case A_LEVEL:
        r->level = (int)v->integer;
        break;
    case A_CAPACITY:
        r->capacity = (int)v->integer;
        break;
    default:
        return;
    }
    f->has |= 1u << ar->slot;
}

/* The object of frame f is made: where it keeps its extensions, and the foreign attributes
 * read (its extensions are allocated only when it has some). */
static void made(rreader *r, rframe *f, void *obj, snplp_ext **ext, const char *id)
{
    f->obj = obj;
    f->ext = ext;
    snplp_ext *e = f->core.fattrs.n ? snplp__ext_make(ext) : NULL;
    snplp__xml_attach_fattrs(&r->core, &f->core, NULL, e, id);
    if (e && !e->attrs.n && !e->elements.n)
        snplp__ext_drop(ext); /* every foreign attribute refused */
}

/* The same for an attendance record. */
static void made_attendance(rreader *r, rframe *f, snplp_attendance *a)
{
    f->obj = a;
    f->att = a;
    snplp_ext *e = f->core.fattrs.n ? snplp__attendance_ext_make(a) : NULL;
    snplp__xml_attach_fattrs(&r->core, &f->core, NULL, e, NULL);
    snplp__attendance_ext_trim(a);
}

/* The optional values of a worker, set one by one: each refusal is a finding. */
static void make_worker(rreader *r, rframe *f)
{
    snplp_worker *w = NULL;
    int rc = snplp__records_add_worker(&w, r->records, r->id, r->ref[0], r->ref[1], r->territory,
                                       r->date[0], true, "snplp_records_add_worker");
    if (rc != SNPLP_OK) {
        f->core.dead = true;
        failed(r, &f->core, rc, r->id);
        return;
    }
    if (HAS(f, A_UNIT) && (rc = snplp__worker_set_unit(w, r->str[0], SNPLP_TEXT_CHECKED,
                                                       "snplp_worker_set_unit")) != SNPLP_OK)
        failed(r, &f->core, rc, r->id);
    if (HAS(f, A_LEVEL) && (rc = snplp_worker_set_diploma_level(w, r->level)) != SNPLP_OK)
        failed(r, &f->core, rc, r->id);
    if (HAS(f, A_UNTIL) && (rc = snplp_worker_set_until(w, r->date[1])) != SNPLP_OK)
        failed(r, &f->core, rc, r->id);
    made(r, f, w, &w->head.ext, w->head.id);
}

static void make_session(rreader *r, rframe *f)
{
    snplp_session *s = NULL;
    int rc = snplp__records_add_session(&s, r->records, r->id, r->ref[0], r->ref[1], r->date[0],
                                        r->date[1], r->days, (snplp_session_mode)r->variant, true,
                                        "snplp_records_add_session");
    if (rc != SNPLP_OK) {
        f->core.dead = true;
        failed(r, &f->core, rc, r->id);
        return;
    }
    if (HAS(f, A_PLACE) && (rc = snplp_session_set_place(s, r->place)) != SNPLP_OK)
        failed(r, &f->core, rc, r->id);
    if (HAS(f, A_CAPACITY) && (rc = snplp_session_set_capacity(s, r->capacity)) != SNPLP_OK)
        failed(r, &f->core, rc, r->id);
    made(r, f, s, &s->head.ext, s->head.id);
}

static void make_attendance(rreader *r, rframe *f)
{
    snplp_attendance *a = NULL;
    int rc = snplp__records_add_attendance(&a, r->records, r->id, r->ref[0],
                                           (snplp_attendance_status)r->variant, true,
                                           "snplp_records_add_attendance");
    if (rc != SNPLP_OK) {
        f->core.dead = true;
        failed(r, &f->core, rc, NULL);
        return;
    }
    if (HAS(f, A_DAYS) && (rc = snplp_attendance_set_days(a, r->days)) != SNPLP_OK)
        failed(r, &f->core, rc, NULL);
    made_attendance(r, f, a);
}

/* The attributes of an element are read: the records without texts are made. */
static void started(snplp_xml_reader *core, snplp_xml_frame *cf)
{
    rreader *r = (rreader *)core;
    rframe *f = (rframe *)cf;
    if (f->core.type == T_RROOT) {
        made(r, f, r->records, &r->records->ext, NULL);
        return;
    }
    if (f->core.dead)
        return;
    switch ((rtype)f->core.type) {
    case T_WORKER:
        make_worker(r, f);
        break;
    case T_SESSION:
        make_session(r, f);
        break;
    case T_ATTENDANCE:
        make_attendance(r, f);
        break;
    default:
        break;
    }
}

static void make_profession(rreader *r, rframe *p, const snplp_xml_frame *t, const char *title)
{
    snplp_record_profession *prof = NULL;
    int rc =
        snplp__records_add_profession(&prof, r->records, r->id, (snplp_category)r->variant, title,
                                      SNPLP_TEXT_CHECKED, "snplp_records_add_profession");
    if (rc != SNPLP_OK) {
        p->core.dead = true;
        failed(r, &p->core, rc, r->id);
        return;
    }
    snplp__xml_check_nfc(&r->core, t, prof->head.id, prof->title, title);
    made(r, p, prof, &prof->head.ext, prof->head.id);
}

static void make_employer(rreader *r, rframe *p, const snplp_xml_frame *t, const char *name)
{
    snplp_employer *e = NULL;
    int rc =
        snplp__records_add_employer(&e, r->records, r->id, (snplp_employer_kind)r->variant, name,
                                    r->territory, SNPLP_TEXT_CHECKED, "snplp_records_add_employer");
    if (rc != SNPLP_OK) {
        p->core.dead = true;
        failed(r, &p->core, rc, r->id);
        return;
    }
    snplp__xml_check_nfc(&r->core, t, e->head.id, e->name, name);
    made(r, p, e, &e->head.ext, e->head.id);
}

static void make_body(rreader *r, rframe *p, const snplp_xml_frame *t, const char *name)
{
    snplp_training_body *b = NULL;
    int rc = snplp__records_add_training_body(&b, r->records, r->id, name, SNPLP_TEXT_CHECKED,
                                              "snplp_records_add_training_body");
    if (rc != SNPLP_OK) {
        p->core.dead = true;
        failed(r, &p->core, rc, r->id);
        return;
    }
    snplp__xml_check_nfc(&r->core, t, b->head.id, b->name, name);
    if (HAS(p, A_SIRET) && (rc = snplp_training_body_set_siret(b, r->siret)) != SNPLP_OK)
        failed(r, &p->core, rc, b->head.id);
    if (HAS(p, A_DECLNUM) &&
        (rc = snplp_training_body_set_declaration_number(b, r->declnum)) != SNPLP_OK)
        failed(r, &p->core, rc, b->head.id);
    if (HAS(p, A_POSTAL) && (rc = snplp_training_body_set_postal_code(b, r->postal)) != SNPLP_OK)
        failed(r, &p->core, rc, b->head.id);
    if (HAS(p, A_PHONE) && (rc = snplp_training_body_set_phone(b, r->str[0])) != SNPLP_OK)
        failed(r, &p->core, rc, b->head.id);
    if (HAS(p, A_EMAIL) && (rc = snplp_training_body_set_email(b, r->str[1])) != SNPLP_OK)
        failed(r, &p->core, rc, b->head.id);
    made(r, p, b, &b->head.ext, b->head.id);
}

/* A text element t of frame p ended: its text goes where it belongs. */
static void text(snplp_xml_reader *core, snplp_xml_frame *t, snplp_xml_frame *cp, const char *text)
{
    rreader *r = (rreader *)core;
    rframe *p = (rframe *)cp;
    switch (t->field) {
    case F_TITLE:
        make_profession(r, p, t, text);
        return;
    case F_NAME:
        if (p->core.type == T_EMPLOYER)
            make_employer(r, p, t, text);
        else
            make_body(r, p, t, text);
        return;
    default: {
        snplp_training_body *b = p->obj;
        if (!b)
            return;
        int which = t->field == F_LEGAL_NAME ? 0 : t->field == F_COMMUNE ? 1 : 2;
        int rc =
            snplp__training_body_set_text(b, which, text, SNPLP_TEXT_CHECKED,
                                          which == 0   ? "snplp_training_body_set_legal_name"
                                          : which == 1 ? "snplp_training_body_set_commune"
                                                       : "snplp_training_body_add_address_line");
        if (rc != SNPLP_OK) {
            failed(r, t, rc, b->head.id);
            return;
        }
        const char *stored = which == 0   ? b->legal_name
                             : which == 1 ? b->commune
                                          : b->address.v[b->address.n - 1];
        snplp__xml_check_nfc(core, t, b->head.id, stored, text);
        return;
    }
    }
}

static void ended(snplp_xml_reader *core, snplp_xml_frame *cf)
{
    (void)core, (void)cf;
}

static void extension(snplp_xml_reader *core, snplp_xml_frame *cf, char *xml)
{
    rframe *f = (rframe *)cf;
    if (f->core.dead || (!f->ext && !f->att)) {
        snplp__free(xml);
        return;
    }
    snplp_ext *e = f->att ? snplp__attendance_ext_make(f->att) : snplp__ext_make(f->ext);
    if (!e || snplp__ext_push_element(e, xml) != SNPLP_OK) {
        snplp__free(xml);
        snplp__xml_oom(core);
    }
}

static void frame_init(snplp_xml_frame *f)
{
    memset(f, 0, sizeof(rframe));
}

static const snplp_xml_doc records_doc = {
    .root = "records",
    .what = "training records",
    .rules = rules,
    .nrules = T_COUNT,
    .root_type = T_RROOT,
    .frame_size = sizeof(rframe),
    .frame_init = frame_init,
    .attribute = attribute,
    .started = started,
    .text = text,
    .ended = ended,
    .extension = extension,
    .finish = NULL,
    .frame_clear = NULL,
};

/* ---- the public functions ---- */

static int import(void *out, snplp_diagnostics *diags, snplp_source *src, const char *name,
                  const snplp_import_options *options)
{
    rreader *r = snplp__calloc(1, sizeof *r);
    if (!r)
        return snplp__oom();
    int rc = snplp_records_new(&r->records);
    if (rc == SNPLP_OK)
        rc = snplp__xml_read(&r->core, &records_doc, diags, src, name, options);
    snplp__buf_free(&r->core.prolog); /* records keep no comment */
    for (int k = 0; k < 3; k++)
        snplp__free(r->str[k]);
    snplp_records *records = r->records;
    snplp__free(r);
    if (rc != SNPLP_OK) {
        snplp_records_unref(records);
        return rc;
    }
    *(snplp_records **)out = records;
    return SNPLP_OK;
}

SNPLP_XML_DEFINE_IMPORTS(records, snplp_records, import)
