/* Reading an LHEO 2.3 document (lheo.h, docs/lheo.md, "Import"): a catalogue (a referential)
 * and training records (training bodies, sessions) from the offers of a feed.
 *
 * The streaming core (reader.c) reads it leniently (reader.h): these rules name the elements
 * the import maps, in any order; every other element inside a formation, an action, a session
 * or an organisme-formation-responsable is recorded whole and kept with the object made from it
 * (a module, a session, a training body) as an extension of the LHEO namespace, which the LHEO
 * export writes back in its place. A formation is buffered while it streams (its responsible
 * body comes after its sessions) and made when it ends: the training body (once per id), the
 * module (once per id) with its offer, its sessions; then the module is matched to the national
 * themes by the folded search of docs/text.md. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlschemas.h>

#include <snplp/lheo.h>
#include <snplp/snplp.h>

#include "exchange/xml/lheo.h"
#include "exchange/xml/reader.h"
#include "model/records/records_model.h"
#include "model/referential/item.h"
#include "util/alloc.h"
#include "util/errors.h"
#include "util/text.h"

/* ---- the rules: what the import maps ---- */

enum {
    T_ROOT,
    T_OFFRES,
    T_FORMATION,
    T_ACTION,
    T_SESSION,
    T_PERIODE,
    T_BODY,
    T_SIRET,
    T_COORD_ORG,
    T_COORD,
    T_ADDRESS,
    T_PHONE,
    T_COUNT
};

/* The texts, by their code (child rules' field). */
enum {
    X_NONE,
    X_TITLE,
    X_OBJECTIVES,
    X_RESULTS,
    X_CONTENT,
    X_CERTIFYING,
    X_PATH,
    X_ENTRY_LEVEL,
    X_EXIT_LEVEL,
    X_RHYTHM,
    X_AUDIENCE_CODE,
    X_AUDIENCE_INFO,
    X_LEVEL_REQUIRED,
    X_WORK_STUDY,
    X_MODE,
    X_CONDITIONS,
    X_FEES,
    X_ENTRIES,
    X_START,
    X_END,
    X_DECLNUM,
    X_NAME,
    X_LEGAL,
    X_SIRET,
    X_LINE,
    X_POSTAL,
    X_CITY,
    X_PHONE,
    X_EMAIL,
    X_COUNT
};

#define TEXT(name, code)                                                                           \
    {                                                                                              \
        name, SNPLP_XML_TEXT, 0, 0, code, name                                                     \
    }
#define CHILD(name, type)                                                                          \
    {                                                                                              \
        name, type, 0, 0, 0, NULL                                                                  \
    }
#define END                                                                                        \
    {                                                                                              \
        NULL, 0, 0, 0, 0, NULL                                                                     \
    }

static const snplp_xml_attr_rule no_attrs[] = {{NULL, 0, false, 0, NULL, NULL}};
static const snplp_xml_child_rule root_children[] = {CHILD("offres", T_OFFRES), END};
static const snplp_xml_child_rule offres_children[] = {CHILD("formation", T_FORMATION), END};
static const snplp_xml_child_rule formation_children[] = {
    TEXT("intitule-formation", X_TITLE),
    TEXT("objectif-formation", X_OBJECTIVES),
    TEXT("resultats-attendus", X_RESULTS),
    TEXT("contenu-formation", X_CONTENT),
    TEXT("certifiante", X_CERTIFYING),
    TEXT("parcours-de-formation", X_PATH),
    TEXT("code-niveau-entree", X_ENTRY_LEVEL),
    TEXT("code-niveau-sortie", X_EXIT_LEVEL),
    CHILD("action", T_ACTION),
    CHILD("organisme-formation-responsable", T_BODY),
    END};
static const snplp_xml_child_rule action_children[] = {
    TEXT("rythme-formation", X_RHYTHM),
    TEXT("code-public-vise", X_AUDIENCE_CODE),
    TEXT("info-public-vise", X_AUDIENCE_INFO),
    TEXT("niveau-entree-obligatoire", X_LEVEL_REQUIRED),
    TEXT("modalites-alternance", X_WORK_STUDY),
    TEXT("modalites-enseignement", X_MODE),
    TEXT("conditions-specifiques", X_CONDITIONS),
    TEXT("prise-en-charge-frais-possible", X_FEES),
    TEXT("modalites-entrees-sorties", X_ENTRIES),
    CHILD("session", T_SESSION),
    END};
static const snplp_xml_child_rule session_children[] = {CHILD("periode", T_PERIODE), END};
static const snplp_xml_child_rule periode_children[] = {TEXT("debut", X_START), TEXT("fin", X_END),
                                                        END};
static const snplp_xml_child_rule body_children[] = {TEXT("numero-activite", X_DECLNUM),
                                                     CHILD("SIRET-organisme-formation", T_SIRET),
                                                     TEXT("nom-organisme", X_NAME),
                                                     TEXT("raison-sociale", X_LEGAL),
                                                     CHILD("coordonnees-organisme", T_COORD_ORG),
                                                     END};
static const snplp_xml_child_rule siret_children[] = {TEXT("SIRET", X_SIRET), END};
static const snplp_xml_child_rule coord_org_children[] = {CHILD("coordonnees", T_COORD), END};
static const snplp_xml_child_rule coord_children[] = {
    CHILD("adresse", T_ADDRESS), CHILD("telfixe", T_PHONE), TEXT("courriel", X_EMAIL), END};
static const snplp_xml_child_rule address_children[] = {
    TEXT("ligne", X_LINE), TEXT("codepostal", X_POSTAL), TEXT("ville", X_CITY), END};
static const snplp_xml_child_rule phone_children[] = {TEXT("numtel", X_PHONE), END};

/* item: the other elements inside are kept (formation, action, session, body) */
static const snplp_xml_elem_rule rules[T_COUNT] = {
    [T_ROOT] = {"lheo", no_attrs, root_children, false},
    [T_OFFRES] = {"offres", no_attrs, offres_children, false},
    [T_FORMATION] = {"formation", no_attrs, formation_children, true},
    [T_ACTION] = {"action", no_attrs, action_children, true},
    [T_SESSION] = {"session", no_attrs, session_children, true},
    [T_PERIODE] = {"periode", no_attrs, periode_children, false},
    [T_BODY] = {"organisme-formation-responsable", no_attrs, body_children, true},
    [T_SIRET] = {"SIRET-organisme-formation", no_attrs, siret_children, false},
    [T_COORD_ORG] = {"coordonnees-organisme", no_attrs, coord_org_children, false},
    [T_COORD] = {"coordonnees", no_attrs, coord_children, false},
    [T_ADDRESS] = {"adresse", no_attrs, address_children, false},
    [T_PHONE] = {"telfixe", no_attrs, phone_children, false},
};

/* ---- what a formation holds while it streams ---- */

typedef struct psession {
    size_t numero, start, end; /* in the formation's arena, plus 1 (0: none) */
    int mode;                  /* the action's modalites-enseignement, -1 if none */
    snplp_list frags;          /* char *: its LHEO elements kept */
    size_t line, column;
} psession;

typedef struct pending {
    size_t line, column;
    char *numero;
    size_t at[X_COUNT]; /* the formation's, its first action's and its body's texts: where
                         * each starts in the arena, plus 1 (0: none) */
    snplp_buf arena;    /* the texts, each with its NUL (kept from one formation to the next) */
    snplp_list audience_codes, lines;
    char *formacode_version;
    int actions;     /* actions seen */
    int action_mode; /* modalites-enseignement of the current action, -1 if none */
    char *body_numero;
    bool has_body;
    snplp_list frags_module, frags_body; /* char *: LHEO elements kept */
    psession *sessions;
    size_t nsessions, capsessions;
    bool action_differs; /* a later action states another value */
} pending;

/* A theme's labels in their search form (docs/text.md), for the matching. */
typedef struct theme_form {
    const snplp_theme *theme;
    char **forms;
    const char **labels;
    bool *minimal; /* no other form of the theme is inside it: a field matches the theme when
                    * one of these is found in it (the others, only looked for then) */
    size_t n;
} theme_form;

typedef struct lreader {
    snplp_xml_reader core;
    snplp_referential *cat;
    snplp_records *rec;
    const snplp_referential *themes;
    const snplp_lheo_options *options;
    theme_form *forms;
    size_t nforms;
    pending p;
    bool in_formation;
    size_t formations;    /* seen, for the ids made up when a numero is missing */
    bool assumed_said;    /* the finding lheo-assumed is given once */
    const char *attr_ref; /* the ref attribute of the code-public-vise being read */
    char ref_buf[16];
    char *numero;     /* the numero attribute of the element starting (its attributes come first) */
    size_t numero_at; /* a session's, in the formation's arena (plus 1; 0: none) */
    char *folded[3];  /* the search forms of an offer's texts (buffers kept) */
    size_t folded_cap[3];
} lreader;

typedef struct lframe {
    snplp_xml_frame core;
} lframe;

static void oom(lreader *r)
{
    snplp__xml_oom(&r->core);
}

static char *dup_or_oom(lreader *r, const char *s, size_t n)
{
    char *c = snplp__malloc(n + 1);
    if (!c) {
        oom(r);
        return NULL;
    }
    memcpy(c, s, n);
    c[n] = '\0';
    return c;
}

static void push_string(lreader *r, snplp_list *l, char *s)
{
    if (!s)
        return;
    if (snplp__list_reserve(l) != SNPLP_OK) {
        snplp__free(s);
        oom(r);
        return;
    }
    snplp__list_push(l, s);
}

/* The text field of the formation being read, NULL if it did not come. */
static const char *ptext(const pending *p, int field)
{
    return p->at[field] ? p->arena.p + p->at[field] - 1 : NULL;
}

/* Keeps text as the formation's field (the first one given). */
static void pset(lreader *r, int field, const char *text)
{
    pending *p = &r->p;
    if (p->at[field])
        return;
    size_t at = p->arena.n;
    snplp__buf_put(&p->arena, text, strlen(text) + 1); /* with its NUL */
    if (p->arena.failed)
        oom(r);
    else
        p->at[field] = at + 1;
}

/* Empties p for the next formation (its arena kept; free_arena: freed too). */
static void pending_reset(pending *p, bool free_arena)
{
    snplp_buf arena = p->arena;
    arena.n = 0;
    if (free_arena || arena.failed)
        snplp__buf_free(&arena);
    snplp__free(p->numero);
    snplp__list_dispose_strings(&p->audience_codes);
    snplp__list_dispose_strings(&p->lines);
    snplp__free(p->formacode_version);
    snplp__free(p->body_numero);
    snplp__list_dispose_strings(&p->frags_module);
    snplp__list_dispose_strings(&p->frags_body);
    for (size_t i = 0; i < p->nsessions; i++)
        snplp__list_dispose_strings(&p->sessions[i].frags);
    psession *sessions = p->sessions; /* kept for the next formation, unless freed */
    size_t cap = p->capsessions;
    if (free_arena) {
        snplp__free(sessions);
        sessions = NULL;
        cap = 0;
    }
    memset(p, 0, sizeof *p);
    p->arena = arena;
    p->sessions = sessions;
    p->capsessions = cap;
}

/* The arena's text at (an offset plus 1, as pending.at and psession keep them), NULL for 0. */
static const char *arena_text(const pending *p, size_t at)
{
    return at ? p->arena.p + at - 1 : NULL;
}

/* Puts text (n bytes) in the arena; its offset plus 1, or 0 when out of memory. */
static size_t arena_put(lreader *r, const char *text, size_t n)
{
    pending *p = &r->p;
    size_t at = p->arena.n;
    snplp__buf_put(&p->arena, text, n);
    snplp__buf_put(&p->arena, "", 1); /* its NUL */
    if (p->arena.failed) {
        oom(r);
        return 0;
    }
    return at + 1;
}

static void pending_clear(pending *p)
{
    pending_reset(p, false);
}

/* ---- the core's callbacks ---- */

static void raw_attribute(snplp_xml_reader *core, snplp_xml_frame *f, const char *name,
                          const char *value, size_t n)
{
    lreader *r = (lreader *)core;
    if (strcmp(name, "numero") == 0) {
        if (f->type == T_SESSION && r->in_formation) {
            if (!r->numero_at) /* in the formation's arena: no allocation of its own */
                r->numero_at = arena_put(r, value, n);
        } else if ((f->type == T_FORMATION || f->type == T_BODY) && !r->numero) {
            r->numero = dup_or_oom(r, value, n);
        }
    } else if (strcmp(name, "ref") == 0 && f->type == SNPLP_XML_TEXT &&
               f->field == X_AUDIENCE_CODE) {
        snprintf(r->ref_buf, sizeof r->ref_buf, "%.*s", (int)(n < 15 ? n : 15), value);
        r->attr_ref = r->ref_buf;
    }
}

static void started(snplp_xml_reader *core, snplp_xml_frame *f)
{
    lreader *r = (lreader *)core;
    pending *p = &r->p;
    char *numero = r->numero; /* this element's, taken over below */
    r->numero = NULL;
    switch (f->type) {
    case T_FORMATION:
        pending_clear(p);
        p->numero = numero;
        numero = NULL;
        r->in_formation = true;
        r->formations++;
        p->line = f->line;
        p->column = f->column;
        p->action_mode = -1;
        break;
    case T_ACTION:
        p->actions++;
        p->action_mode = -1;
        break;
    case T_SESSION:
        if (!r->in_formation) {
            r->numero_at = 0;
            break;
        }
        if (p->nsessions == p->capsessions) {
            size_t cap = p->capsessions ? 2 * p->capsessions : 4;
            psession *s = snplp__realloc(p->sessions, cap * sizeof *s);
            if (!s) {
                oom(r);
                break; /* out of the switch: numero is freed below */
            }
            p->sessions = s;
            p->capsessions = cap;
        }
        p->sessions[p->nsessions++] =
            (psession){r->numero_at, 0, 0, p->action_mode, {0}, f->line, f->column};
        r->numero_at = 0;
        break;
    case T_BODY:
        p->has_body = true;
        if (!p->body_numero) {
            p->body_numero = numero;
            numero = NULL;
        }
        break;
    default:
        break;
    }
    snplp__free(numero);
}

/* The text of field of the first action, or a finding that a later one differs. */
static void action_text(lreader *r, int field, const char *text)
{
    pending *p = &r->p;
    if (p->actions <= 1 || !p->at[field]) {
        pset(r, field, text);
        return;
    }
    if (strcmp(ptext(p, field), text) != 0)
        p->action_differs = true;
}

static void text(snplp_xml_reader *core, snplp_xml_frame *t, snplp_xml_frame *parent,
                 const char *text)
{
    lreader *r = (lreader *)core;
    pending *p = &r->p;
    (void)parent;
    if (!r->in_formation)
        return;
    int field = t->field;
    switch (field) {
    case X_AUDIENCE_CODE:
        if (p->actions <= 1) {
            push_string(r, &p->audience_codes, dup_or_oom(r, text, strlen(text)));
            if (r->attr_ref && !p->formacode_version)
                p->formacode_version = dup_or_oom(r, r->attr_ref, strlen(r->attr_ref));
        }
        r->attr_ref = NULL;
        break;
    case X_MODE: {
        const char *s = text;
        while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
            s++;
        p->action_mode = s[0] >= '0' && s[0] <= '2' &&
                                 (s[1] == '\0' || s[1] == ' ' || s[1] == '\n' || s[1] == '\t')
                             ? s[0] - '0'
                             : -1;
        pset(r, field, text); /* each action has its own: not compared */
        break;
    }
    case X_RHYTHM:
    case X_AUDIENCE_INFO:
    case X_LEVEL_REQUIRED:
    case X_WORK_STUDY:
    case X_CONDITIONS:
    case X_FEES:
    case X_ENTRIES:
        action_text(r, field, text);
        break;
    case X_START:
    case X_END:
        if (p->nsessions) {
            psession *s = &p->sessions[p->nsessions - 1];
            size_t *slot = field == X_START ? &s->start : &s->end;
            if (!*slot)
                *slot = arena_put(r, text, strlen(text));
        }
        break;
    case X_LINE:
        push_string(r, &p->lines, dup_or_oom(r, text, strlen(text)));
        break;
    default:
        if (field > X_NONE && field < X_COUNT)
            pset(r, field, text);
        break;
    }
}

static void extension(snplp_xml_reader *core, snplp_xml_frame *f, char *xml)
{
    lreader *r = (lreader *)core;
    pending *p = &r->p;
    snplp_list *l = NULL;
    if (r->in_formation) {
        if (f->type == T_FORMATION)
            l = &p->frags_module;
        else if (f->type == T_ACTION)
            l = p->actions <= 1 ? &p->frags_module : NULL; /* the first action's */
        else if (f->type == T_SESSION && p->nsessions)
            l = &p->sessions[p->nsessions - 1].frags;
        else if (f->type == T_BODY)
            l = &p->frags_body;
    }
    if (!l) {
        snplp__free(xml);
        return;
    }
    push_string(r, l, xml);
}

/* ---- making the objects of a formation ---- */

/* A finding of the catalogue (util/messages/: diag/CODE/VARIANT) about the formation being read,
 * at its position, with its arguments (docs/messages.md). */
static void say_at(lreader *r, snplp_severity sev, snplp_diag_code code, const char *variant,
                   const char *item, size_t line, size_t column, const snplp_msg_arg *args,
                   size_t n)
{
    if (!r->core.diags && sev != SNPLP_SEVERITY_ERROR)
        return;
    snplp__xml_finding(&r->core, &(snplp_finding){.severity = sev,
                                                  .code = code,
                                                  .variant = variant,
                                                  .line = line,
                                                  .column = column,
                                                  .item_id = item,
                                                  .args = args,
                                                  .nargs = n});
}

static void say(lreader *r, snplp_severity sev, snplp_diag_code code, const char *variant,
                const char *item, const snplp_msg_arg *args, size_t n)
{
    say_at(r, sev, code, variant, item, r->p.line, r->p.column, args, n);
}

/* s without the white space around it, in buf (size bytes); NULL if s is NULL or blank. */
static const char *trimmed(const char *s, char *buf, size_t size)
{
    if (!s)
        return NULL;
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' || s[n - 1] == '\r'))
        n--;
    if (n == 0 || n >= size)
        return n == 0 ? NULL : s; /* too long for buf: left as it is (the model refuses it) */
    memcpy(buf, s, n);
    buf[n] = '\0';
    return buf;
}

/* An id of the format made from an LHEO numero, or from prefix and a number when the numero
 * is not one; buf holds it. */
static const char *make_id(char *buf, size_t size, const char *numero, const char *prefix, size_t n)
{
    char t[SNPLP_ID_MAX + 2];
    const char *s = trimmed(numero, t, sizeof t);
    size_t len = s ? strlen(s) : 0;
    if (s && s == t && len < size && snplp_id_is_valid(s)) {
        memcpy(buf, s, len + 1);
        return buf;
    }
    snprintf(buf, size, "%s-%zu", prefix, n);
    return buf;
}

/* Keeps an LHEO element made from a value the model refused, with a finding. */
static char *value_element(lreader *r, const char *name, const char *inner, const char *value)
{
    snplp_buf b = {0};
    snplp__buf_puts(&b, "<");
    snplp__buf_puts(&b, name);
    snplp__buf_puts(&b, " xmlns=\"" SNPLP_LHEO_NAMESPACE "\">");
    if (inner) {
        snplp__buf_puts(&b, "<");
        snplp__buf_puts(&b, inner);
        snplp__buf_puts(&b, ">");
    }
    snplp__xml_escape(&b, value, strlen(value), false);
    if (inner) {
        snplp__buf_puts(&b, "</");
        snplp__buf_puts(&b, inner);
        snplp__buf_puts(&b, ">");
    }
    snplp__buf_puts(&b, "</");
    snplp__buf_puts(&b, name);
    snplp__buf_puts(&b, ">");
    char *xml = snplp__buf_take(&b);
    if (!xml)
        oom(r);
    return xml;
}

static void attach_record_frags(lreader *r, const char *id, snplp_list *frags)
{
    for (uint32_t i = 0; i < frags->n && r->core.status == SNPLP_OK; i++) {
        snplp_ext *e = snplp__ext_make(snplp__records_ext_slot(r->rec, id));
        if (!e || snplp__ext_push_element(e, frags->v[i]) != SNPLP_OK) {
            oom(r);
            return;
        }
        frags->v[i] = NULL; /* taken over */
    }
}

/* Refusal of a model call: out of memory ends the import; else rc. */
static bool model_ok(lreader *r, int rc)
{
    if (rc == SNPLP_ENOMEM)
        oom(r);
    return rc == SNPLP_OK;
}

/* Sets the training body's value of field (trimmed) with set; a value the model refuses is
 * left out, with a finding naming what. */
static void body_value(lreader *r, snplp_training_body *b, const char *id, int field,
                       int (*set)(snplp_training_body *, const char *), const char *what)
{
    char buf[200];
    const char *v = trimmed(ptext(&r->p, field), buf, sizeof buf);
    if (v && !model_ok(r, set(b, v)))
        say(r, SNPLP_SEVERITY_WARNING, SNPLP_DIAG_LHEO_LEFT_OUT, "body-value", NULL,
            SNPLP_ARGS(SNPLP_ARG(CHOICE, "field", what), SNPLP_ARG(ID, "body", id),
                       SNPLP_ARG(TEXT, "reason", snplp_error_last_reason())));
}

/* The training body of the formation: the one of that id if the records have it, else made
 * from the formation's organisme-formation-responsable. NULL if it cannot be made. */
static const char *make_body(lreader *r, char *id, size_t size)
{
    pending *p = &r->p;
    if (!p->has_body) {
        say(r, SNPLP_SEVERITY_WARNING, SNPLP_DIAG_LHEO_LEFT_OUT, "no-body", NULL, SNPLP_NO_ARGS);
        return NULL;
    }
    char sbuf[32];
    const char *siret = trimmed(ptext(p, X_SIRET), sbuf, sizeof sbuf);
    char from_siret[40];
    snprintf(from_siret, sizeof from_siret, "of-%s", siret ? siret : "");
    make_id(id, size,
            p->body_numero ? p->body_numero
            : siret        ? from_siret
                           : NULL,
            "organisme", r->formations);
    if (snplp__records_body(r->rec, id)) /* (the internal lookup: a miss is no error) */
        return id;
    const char *name = ptext(p, X_NAME) ? ptext(p, X_NAME) : ptext(p, X_LEGAL);
    if (!name) {
        say(r, SNPLP_SEVERITY_WARNING, SNPLP_DIAG_LHEO_LEFT_OUT, "body-no-name", NULL,
            SNPLP_ARGS(SNPLP_ARG(ID, "body", id)));
        return NULL;
    }
    snplp_training_body *b = NULL;
    int rc = snplp_records_add_training_body(&b, r->rec, id, name);
    if (!model_ok(r, rc)) {
        if (rc != SNPLP_ENOMEM)
            say(r, SNPLP_SEVERITY_WARNING, SNPLP_DIAG_LHEO_LEFT_OUT, "body", NULL,
                SNPLP_ARGS(SNPLP_ARG(ID, "body", id),
                           SNPLP_ARG(TEXT, "reason", snplp_error_last_reason())));
        return NULL;
    }
    if (ptext(p, X_LEGAL))
        model_ok(r, snplp_training_body_set_legal_name(b, ptext(p, X_LEGAL)));
    if (siret && !model_ok(r, snplp_training_body_set_siret(b, siret))) {
        say(r, SNPLP_SEVERITY_INFO, SNPLP_DIAG_LHEO_VALUE_KEPT, "siret", NULL,
            SNPLP_ARGS(SNPLP_ARG(ID, "body", id),
                       SNPLP_ARG(TEXT, "reason", snplp_error_last_reason())));
        push_string(r, &p->frags_body,
                    value_element(r, "SIRET-organisme-formation", "SIRET", siret));
    }
    char dbuf[32];
    const char *decl = trimmed(ptext(p, X_DECLNUM), dbuf, sizeof dbuf);
    if (decl && !model_ok(r, snplp_training_body_set_declaration_number(b, decl))) {
        say(r, SNPLP_SEVERITY_INFO, SNPLP_DIAG_LHEO_VALUE_KEPT, "declaration", NULL,
            SNPLP_ARGS(SNPLP_ARG(ID, "body", id),
                       SNPLP_ARG(TEXT, "reason", snplp_error_last_reason())));
        push_string(r, &p->frags_body, value_element(r, "numero-activite", NULL, decl));
    }
    for (uint32_t i = 0; i < p->lines.n; i++)
        if (!model_ok(r, snplp_training_body_add_address_line(b, p->lines.v[i])))
            break;
    body_value(r, b, id, X_POSTAL, snplp_training_body_set_postal_code, "postal_code");
    if (ptext(p, X_CITY))
        model_ok(r, snplp_training_body_set_commune(b, ptext(p, X_CITY)));
    body_value(r, b, id, X_PHONE, snplp_training_body_set_phone, "telephone");
    body_value(r, b, id, X_EMAIL, snplp_training_body_set_email, "email");
    attach_record_frags(r, id, &p->frags_body);
    return id;
}

/* A coded value of the offer from its LHEO text. */
static void set_code(lreader *r, snplp_module *m, snplp_offer_code which, const char *text,
                     const char *element)
{
    char buf[16];
    const char *s = trimmed(text, buf, sizeof buf);
    if (!s)
        return;
    char *end;
    long v = strtol(s, &end, 10);
    int rc = *end || end == s || v < 0 || v > 99 ? SNPLP_EINVAL
                                                 : snplp_module_set_offer_code(m, which, (int)v);
    if (!model_ok(r, rc) && rc != SNPLP_ENOMEM) /* not valid LHEO either: not kept */
        say(r, SNPLP_SEVERITY_WARNING, SNPLP_DIAG_LHEO_LEFT_OUT, "code", snplp_module_id(m),
            SNPLP_ARGS(SNPLP_ARG(ID, "element", element), SNPLP_ARG(TEXT, "value", s)));
}

/* The module's offer from the formation and its first action. */
static void fill_offer(lreader *r, snplp_module *m)
{
    pending *p = &r->p;
    static const struct {
        int field;
        snplp_offer_code code;
        const char *element;
    } codes[] = {
        {X_CERTIFYING, SNPLP_OFFER_CERTIFYING, "certifiante"},
        {X_PATH, SNPLP_OFFER_PATH, "parcours-de-formation"},
        {X_ENTRY_LEVEL, SNPLP_OFFER_ENTRY_LEVEL, "code-niveau-entree"},
        {X_EXIT_LEVEL, SNPLP_OFFER_EXIT_LEVEL, "code-niveau-sortie"},
        {X_LEVEL_REQUIRED, SNPLP_OFFER_ENTRY_LEVEL_REQUIRED, "niveau-entree-obligatoire"},
        {X_FEES, SNPLP_OFFER_FEES_COVERED, "prise-en-charge-frais-possible"},
    };
    for (size_t i = 0; i < sizeof codes / sizeof *codes; i++)
        if (ptext(p, codes[i].field))
            set_code(r, m, codes[i].code, ptext(p, codes[i].field), codes[i].element);
    static const struct {
        int field;
        snplp_offer_text which;
    } texts[] = {
        {X_RHYTHM, SNPLP_OFFER_RHYTHM},         {X_WORK_STUDY, SNPLP_OFFER_WORK_STUDY},
        {X_CONDITIONS, SNPLP_OFFER_CONDITIONS}, {X_AUDIENCE_INFO, SNPLP_OFFER_AUDIENCE_INFO},
        {X_OBJECTIVES, SNPLP_OFFER_OBJECTIVES}, {X_RESULTS, SNPLP_OFFER_RESULTS},
        {X_CONTENT, SNPLP_OFFER_CONTENT}};
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        const char *t = ptext(p, texts[i].field);
        if (t && !snplp__text_is_blank(t))
            model_ok(r,
                     snplp__offer_set_text(snplp__item_of(m, SNPLP_KIND_MODULE), texts[i].which, t,
                                           SNPLP_TEXT_CHECKED, "snplp_module_set_offer_text"));
    }
    char vbuf[16];
    const char *version = trimmed(p->formacode_version, vbuf, sizeof vbuf);
    if (version && !model_ok(r, snplp_module_set_formacode_version(m, version)))
        say(r, SNPLP_SEVERITY_WARNING, SNPLP_DIAG_LHEO_LEFT_OUT, "formacode-version",
            snplp_module_id(m),
            SNPLP_ARGS(SNPLP_ARG(TEXT, "version", version),
                       SNPLP_ARG(TEXT, "reason", snplp_error_last_reason())));
    for (uint32_t i = 0; i < p->audience_codes.n; i++) {
        char cbuf[16];
        const char *code = trimmed(p->audience_codes.v[i], cbuf, sizeof cbuf);
        int rc = code ? snplp_module_add_audience_code(m, code) : SNPLP_EINVAL;
        if (!model_ok(r, rc) && rc != SNPLP_ENOMEM && rc != SNPLP_EEXISTS)
            say(r, SNPLP_SEVERITY_WARNING, SNPLP_DIAG_LHEO_LEFT_OUT, "audience-code",
                snplp_module_id(m),
                SNPLP_ARGS(SNPLP_ARG(TEXT, "code", code ? code : ""),
                           SNPLP_ARG(TEXT, "reason", snplp_error_last_reason())));
    }
    /* modalites-entrees-sorties: the export writes 0 (dates fixes); another value is kept */
    char ebuf[8];
    const char *entries = trimmed(ptext(p, X_ENTRIES), ebuf, sizeof ebuf);
    if (entries && strcmp(entries, "0") != 0)
        push_string(r, &p->frags_module,
                    value_element(r, "modalites-entrees-sorties", NULL, entries));
}

/* ---- matching to the national themes ---- */

static void forms_free(lreader *r)
{
    for (size_t i = 0; i < r->nforms; i++) {
        for (size_t k = 0; k < r->forms[i].n; k++)
            snplp__free(r->forms[i].forms[k]);
        snplp__free(r->forms[i].forms);
        snplp__free(r->forms[i].labels);
        snplp__free(r->forms[i].minimal);
    }
    snplp__free(r->forms);
    r->forms = NULL;
    r->nforms = 0;
}

/* The search forms of every theme's title and labels, once per import. */
static int forms_make(lreader *r)
{
    size_t n = r->themes ? snplp_referential_theme_count(r->themes) : 0;
    if (n == 0)
        return SNPLP_OK;
    r->forms = snplp__calloc(n, sizeof *r->forms);
    if (!r->forms)
        return snplp__oom();
    r->nforms = n;
    for (size_t i = 0; i < n; i++) {
        theme_form *f = &r->forms[i];
        f->theme = snplp_referential_theme_at(r->themes, i);
        size_t nl = 1 + snplp_theme_label_count(f->theme);
        f->forms = snplp__calloc(nl, sizeof *f->forms);
        f->labels = snplp__calloc(nl, sizeof *f->labels);
        f->minimal = snplp__calloc(nl, sizeof *f->minimal);
        if (!f->forms || !f->labels || !f->minimal)
            return snplp__oom();
        for (size_t k = 0; k < nl; k++) {
            const char *label =
                k == 0 ? snplp_theme_title(f->theme) : snplp_theme_label_at(f->theme, k - 1);
            int rc = snplp__text_search_form(&f->forms[f->n], label);
            if (rc == SNPLP_ENOMEM)
                return rc;
            if (rc == SNPLP_OK && f->forms[f->n][0])
                f->labels[f->n++] = label;
            else {
                snplp__free(f->forms[f->n]);
                f->forms[f->n] = NULL;
            }
        }
        /* a form that holds another (an equal one earlier in the list) is not minimal */
        for (size_t a = 0; a < f->n; a++) {
            f->minimal[a] = true;
            for (size_t b = 0; b < f->n && f->minimal[a]; b++)
                if (b != a && strstr(f->forms[a], f->forms[b]) &&
                    (strcmp(f->forms[a], f->forms[b]) != 0 || b < a))
                    f->minimal[a] = false;
        }
    }
    return SNPLP_OK;
}

/* The best match of an offer's texts: its theme (NULL: none, or a tie), score, and the labels of
 * that theme found (borrowed from the forms). */
typedef struct best_match {
    const snplp_theme *theme;
    int score;
    bool tie;
    const char *labels[16];
    size_t nlabels;
} best_match;

/* The national theme the offer's title, objectives and content match best (docs/lheo.md,
 * "Matching"). */
static void match(lreader *r, best_match *b)
{
    static const struct {
        int field, weight;
    } fields[] = {{X_TITLE, 3}, {X_OBJECTIVES, 2}, {X_CONTENT, 1}};
    const char *folded[3] = {NULL, NULL, NULL};
    for (int k = 0; k < 3 && r->nforms; k++) {
        const char *t = ptext(&r->p, fields[k].field);
        int rc = t ? snplp__text_search_form_into(&r->folded[k], &r->folded_cap[k], t) : -1;
        if (rc == SNPLP_OK)
            folded[k] = r->folded[k];
        else if (rc == SNPLP_ENOMEM)
            oom(r);
    }
    memset(b, 0, sizeof *b);
    for (size_t i = 0; i < r->nforms; i++) {
        const theme_form *f = &r->forms[i];
        int s = 0;
        bool in_field[3] = {false, false, false};
        for (int k = 0; k < 3; k++)
            for (size_t l = 0; folded[k] && l < f->n && !in_field[k]; l++)
                if (f->minimal[l] && strstr(folded[k], f->forms[l])) {
                    s += fields[k].weight; /* a field counts once */
                    in_field[k] = true;
                }
        if (s > b->score) {
            b->score = s;
            b->theme = f->theme;
            b->tie = false;
            b->nlabels = 0; /* the labels found, for the finding and the list of matches */
            for (size_t l = 0; l < f->n && b->nlabels < 16; l++) {
                bool hit = false;
                for (int k = 0; k < 3 && !hit; k++)
                    hit = in_field[k] && strstr(folded[k], f->forms[l]);
                if (hit)
                    b->labels[b->nlabels++] = f->labels[l];
            }
        } else if (s > 0 && s == b->score) {
            b->tie = true;
        }
    }
    if (b->tie) {
        b->theme = NULL;
        b->nlabels = 0;
    }
}

/* The theme theme of the themes referential, copied into the catalogue (once). */
static bool copy_theme(lreader *r, const snplp_theme *theme)
{
    const char *id = snplp_theme_id(theme);
    if (snplp__idmap_get(&r->cat->ids, id))
        return true;
    snplp_theme *t = NULL;
    if (!model_ok(r, snplp_referential_add_theme(&t, r->cat, id, snplp_theme_title(theme))))
        return false;
    for (size_t i = 0; i < snplp_theme_label_count(theme); i++)
        if (!model_ok(r, snplp_theme_add_label(t, snplp_theme_label_at(theme, i))))
            return false;
    return true;
}

/* Adds the entry of the module to the options' list of matches (if any). */
static void note_match(lreader *r, const char *module_id, const best_match *b, bool applied)
{
    snplp_lheo_matches *m = snplp__lheo_options_matches(r->options);
    if (m &&
        snplp__lheo_matches_add(m, module_id, b->theme ? snplp_theme_id(b->theme) : NULL, b->score,
                                b->tie, applied, b->labels, b->nlabels) == SNPLP_ENOMEM)
        oom(r);
}

/* The theme id of the new module: the match, when applied; SNPLP_LHEO_NO_THEME otherwise. */
static const char *theme_of(lreader *r, const char *module_id)
{
    best_match b;
    match(r, &b);
    if (!b.theme) {
        note_match(r, module_id, &b, false);
        char score[16];
        snprintf(score, sizeof score, "%d", b.score);
        if (b.tie)
            say(r, SNPLP_SEVERITY_WARNING, SNPLP_DIAG_LHEO_NO_THEME, "tie", module_id,
                SNPLP_ARGS(SNPLP_ARG(INTEGER, "score", score),
                           SNPLP_ARG(ID, "none", SNPLP_LHEO_NO_THEME)));
        else
            say(r, SNPLP_SEVERITY_WARNING, SNPLP_DIAG_LHEO_NO_THEME, "none", module_id,
                SNPLP_ARGS(SNPLP_ARG(ID, "none", SNPLP_LHEO_NO_THEME)));
        return SNPLP_LHEO_NO_THEME;
    }
    int min = snplp__lheo_options_min_score(r->options);
    bool apply = snplp__lheo_options_accept(r->options) || (min > 0 && b.score >= min);
    char labels[600], score[16];
    labels[0] = '\0';
    /* the labels put together only for a finding the list keeps (one it drops is counted) */
    bool kept = r->core.diags && r->core.findings < SNPLP_XML_MAX_FINDINGS;
    for (size_t i = 0; kept && i < b.nlabels; i++) { /* a list: the messages quote and join it */
        size_t used = strlen(labels);
        snprintf(labels + used, sizeof labels - used, "%s%s", i ? "\x1f" : "", b.labels[i]);
    }
    snprintf(score, sizeof score, "%d", b.score);
    say(r, SNPLP_SEVERITY_INFO, SNPLP_DIAG_LHEO_THEME_MATCH, "match", module_id,
        SNPLP_ARGS(SNPLP_ARG(ID, "theme", snplp_theme_id(b.theme)),
                   SNPLP_ARG(TEXT, "title", snplp_theme_title(b.theme)),
                   SNPLP_ARG(INTEGER, "score", score), SNPLP_ARG(LIST, "labels", labels),
                   SNPLP_ARG(CHOICE, "applied", apply ? "yes" : "no")));
    if (apply && !copy_theme(r, b.theme))
        apply = false;
    note_match(r, module_id, &b, apply);
    if (!apply) {
        say(r, SNPLP_SEVERITY_WARNING, SNPLP_DIAG_LHEO_NO_THEME, "not-applied", module_id,
            SNPLP_ARGS(SNPLP_ARG(ID, "theme", snplp_theme_id(b.theme)),
                       SNPLP_ARG(ID, "none", SNPLP_LHEO_NO_THEME)));
        return SNPLP_LHEO_NO_THEME;
    }
    return snplp_theme_id(b.theme);
}

/* The module of the formation: the one of that id if the catalogue has one of the same title,
 * else a new one with its offer. NULL if it cannot be made. */
static const char *make_module(lreader *r, char *id, size_t size)
{
    pending *p = &r->p;
    if (!ptext(p, X_TITLE) || snplp__text_is_blank(ptext(p, X_TITLE))) {
        say(r, SNPLP_SEVERITY_WARNING, SNPLP_DIAG_LHEO_LEFT_OUT, "no-title", NULL, SNPLP_NO_ARGS);
        return NULL;
    }
    make_id(id, size, p->numero, "formation", r->formations);
    snplp_item *found = snplp__idmap_get(&r->cat->ids, id); /* a miss is no error */
    snplp_module *m =
        found && found->kind == SNPLP_KIND_MODULE ? (snplp_module *)(void *)found : NULL;
    if (m && strcmp(snplp_module_title(m), ptext(p, X_TITLE)) == 0)
        return id; /* the same module offered by another body (as the export writes it) */
    if (m || found)
        snprintf(id, size, "formation-%zu", r->formations);
    const char *theme = theme_of(r, id);
    if (r->core.status != SNPLP_OK)
        return NULL;
    int rc = snplp_referential_add_module(&m, r->cat, theme, id, SNPLP_LEVEL_FUNDAMENTALS,
                                          ptext(p, X_TITLE));
    if (!model_ok(r, rc)) {
        if (rc != SNPLP_ENOMEM)
            say(r, SNPLP_SEVERITY_WARNING, SNPLP_DIAG_LHEO_LEFT_OUT, "formation", NULL,
                SNPLP_ARGS(SNPLP_ARG(TEXT, "reason", snplp_error_last_reason())));
        return NULL;
    }
    if (!r->assumed_said) {
        say(r, SNPLP_SEVERITY_INFO, SNPLP_DIAG_LHEO_ASSUMED, "level-days", id, SNPLP_NO_ARGS);
        r->assumed_said = true;
    }
    fill_offer(r, m);
    if (p->action_differs) {
        char actions[16];
        snprintf(actions, sizeof actions, "%d", p->actions);
        say(r, SNPLP_SEVERITY_WARNING, SNPLP_DIAG_LHEO_LEFT_OUT, "actions-differ", id,
            SNPLP_ARGS(SNPLP_ARG(INTEGER, "actions", actions)));
    }
    snplp_item *it = snplp__item_of(m, SNPLP_KIND_MODULE);
    for (uint32_t i = 0; i < p->frags_module.n && r->core.status == SNPLP_OK; i++) {
        if (snplp__ext_add_element(it, p->frags_module.v[i]) != SNPLP_OK) {
            oom(r);
            break;
        }
        p->frags_module.v[i] = NULL; /* taken over */
    }
    return id;
}

/* A date of LHEO (AAAAMMJJ), or false. */
static bool lheo_date(snplp_date *d, const char *text)
{
    char buf[16];
    const char *s = trimmed(text, buf, sizeof buf);
    if (!s || strlen(s) != 8)
        return false;
    for (int i = 0; i < 8; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    d->year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    d->month = (s[4] - '0') * 10 + (s[5] - '0');
    d->day = (s[6] - '0') * 10 + (s[7] - '0');
    return snplp_date_is_valid(*d);
}

static void make_sessions(lreader *r, const char *module_id, const char *body_id)
{
    pending *p = &r->p;
    static const snplp_session_mode modes[] = {SNPLP_MODE_ON_SITE, SNPLP_MODE_MIXED,
                                               SNPLP_MODE_DISTANCE};
    for (size_t i = 0; i < p->nsessions && r->core.status == SNPLP_OK; i++) {
        psession *ps = &p->sessions[i];
        char id[SNPLP_ID_MAX + 1];
        const char *numero = arena_text(p, ps->numero);
        make_id(id, sizeof id, numero, "session", 0);
        if (!numero || strcmp(id, "session-0") == 0 || snplp__records_get(r->rec, id))
            snprintf(id, sizeof id, "session-%zu-%zu", r->formations, i + 1);
        snplp_date start, end;
        int32_t days = 0;
        const char *why = NULL; /* the variant of the finding */
        if (!lheo_date(&start, arena_text(p, ps->start)) ||
            !lheo_date(&end, arena_text(p, ps->end)))
            why = "session-dates";
        else if (snplp_date_days_between(&days, start, end) != SNPLP_OK || days < 0)
            why = "session-order";
        else if (ps->mode < 0)
            why = "session-mode";
        if (why) {
            say_at(r, SNPLP_SEVERITY_WARNING, SNPLP_DIAG_LHEO_LEFT_OUT, why, module_id, ps->line,
                   ps->column, SNPLP_ARGS(SNPLP_ARG(ID, "session", numero ? numero : id)));
            continue;
        }
        snplp_decimal d;
        char dtext[24];
        snprintf(dtext, sizeof dtext, "%ld", (long)days + 1);
        snplp_session *s = NULL;
        int rc = snplp_decimal_parse(&d, dtext, strlen(dtext));
        if (rc == SNPLP_OK)
            rc = snplp_records_add_session(&s, r->rec, id, module_id, body_id, start, end, d,
                                           modes[ps->mode]);
        if (!model_ok(r, rc)) {
            if (rc != SNPLP_ENOMEM)
                say_at(r, SNPLP_SEVERITY_WARNING, SNPLP_DIAG_LHEO_LEFT_OUT, "session", module_id,
                       ps->line, ps->column,
                       SNPLP_ARGS(SNPLP_ARG(ID, "session", id),
                                  SNPLP_ARG(TEXT, "reason", snplp_error_last_reason())));
            continue;
        }
        attach_record_frags(r, id, &ps->frags);
    }
}

static void ended(snplp_xml_reader *core, snplp_xml_frame *f)
{
    lreader *r = (lreader *)core;
    if (f->type != T_FORMATION || !r->in_formation)
        return;
    char module_id[SNPLP_ID_MAX + 1], body_id[SNPLP_ID_MAX + 1];
    const char *m = make_module(r, module_id, sizeof module_id);
    const char *b = m && r->core.status == SNPLP_OK ? make_body(r, body_id, sizeof body_id) : NULL;
    if (m && b && r->core.status == SNPLP_OK)
        make_sessions(r, m, b);
    else if (m && r->p.nsessions && r->core.status == SNPLP_OK && r->p.has_body) {
        char sessions[24];
        snprintf(sessions, sizeof sessions, "%zu", r->p.nsessions);
        say(r, SNPLP_SEVERITY_WARNING, SNPLP_DIAG_LHEO_LEFT_OUT, "sessions-with-body", m,
            SNPLP_ARGS(SNPLP_ARG(INTEGER, "sessions", sessions)));
    }
    pending_clear(&r->p);
    r->in_formation = false;
}

static void frame_init(snplp_xml_frame *f)
{
    memset(f, 0, sizeof(lframe));
}

static const snplp_xml_doc lheo_doc = {
    .root = "lheo",
    .what = "an LHEO 2.3 document",
    .rules = rules,
    .nrules = T_COUNT,
    .root_type = T_ROOT,
    .frame_size = sizeof(lframe),
    .frame_init = frame_init,
    .attribute = NULL,
    .started = started,
    .text = text,
    .ended = ended,
    .extension = extension,
    .finish = NULL,
    .frame_clear = NULL,
    .ns = SNPLP_LHEO_NAMESPACE,
    .lenient = true,
    .raw_attribute = raw_attribute,
};

/* ---- the import ---- */

static void schema_parse_error(void *data, xmlErrorPtr e)
{
    char *first = data;
    if (first[0] == '\0' && e && e->message)
        snprintf(first, 300, "%s", e->message);
}

static void silent(void *ctx, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void silent(void *ctx, const char *fmt, ...)
{
    (void)ctx, (void)fmt; /* libxml2's generic messages: the structured ones say it */
}

/* The XML Schema at path, parsed (no network; its includes are read from its folder). */
static int load_schema(struct _xmlSchema **out, const char *path)
{
    char first[300] = "";
    xmlSchemaParserCtxtPtr pc = xmlSchemaNewParserCtxt(path);
    if (!pc)
        return snplp__oom();
    xmlGenericErrorFunc old = xmlGenericError;
    void *old_ctx = xmlGenericErrorContext;
    xmlSetGenericErrorFunc(NULL, silent);
    xmlSchemaSetParserStructuredErrors(pc, schema_parse_error, first);
    *out = xmlSchemaParse(pc);
    xmlSchemaFreeParserCtxt(pc);
    xmlSetGenericErrorFunc(old_ctx, old);
    if (*out)
        return SNPLP_OK;
    size_t n = strlen(first);
    while (n && (first[n - 1] == '\n' || first[n - 1] == ' '))
        first[--n] = '\0';
    return snplp__fail(SNPLP_EINVAL, "the LHEO schema %s cannot be read as an XML Schema: %s", path,
                       first[0] ? first : "unknown error");
}

typedef struct lheo_out {
    snplp_referential **catalogue;
    snplp_records **records;
    const snplp_referential *themes;
    const snplp_lheo_options *options;
} lheo_out;

static int import(void *out, snplp_diagnostics *diags, snplp_source *src, const char *name,
                  const snplp_import_options *options)
{
    lheo_out *o = out;
    lreader *r = snplp__calloc(1, sizeof *r);
    if (!r)
        return snplp__oom();
    r->themes = o->themes;
    r->options = o->options;
    snplp__lheo_matches_clear(snplp__lheo_options_matches(o->options));
    int rc = snplp_referential_new(&r->cat);
    if (rc == SNPLP_OK)
        rc = snplp_records_new(&r->rec);
    if (rc == SNPLP_OK)
        rc = forms_make(r);
    if (rc == SNPLP_OK && snplp__lheo_options_schema(o->options))
        rc = load_schema(&r->core.schema, snplp__lheo_options_schema(o->options));
    if (rc == SNPLP_OK)
        rc = snplp__xml_read(&r->core, &lheo_doc, diags, src, name, options);
    if (r->core.schema)
        xmlSchemaFree(r->core.schema);
    snplp__buf_free(&r->core.prolog);
    pending_reset(&r->p, true);
    snplp__free(r->numero);
    for (int k = 0; k < 3; k++)
        snplp__free(r->folded[k]);
    forms_free(r);
    if (rc != SNPLP_OK) {
        snplp_referential_unref(r->cat);
        snplp_records_unref(r->rec);
        snplp__lheo_matches_clear(snplp__lheo_options_matches(o->options));
    } else {
        *o->catalogue = r->cat;
        *o->records = r->rec;
    }
    snplp__free(r);
    return rc;
}

int snplp__lheo_import(snplp_referential **catalogue, snplp_records **records,
                       snplp_diagnostics *diags, const snplp_lheo_input *in, const char *name,
                       const snplp_import_options *options, const snplp_lheo_options *lheo,
                       const snplp_referential *themes, const char *fn)
{
    if (!catalogue || !records)
        return snplp__bad_arg(fn, "NULL catalogue or records");
    snplp_xml_input xin = {.from = in->from == SNPLP_LHEO_FILE       ? SNPLP_XML_FILE
                                   : in->from == SNPLP_LHEO_CALLBACK ? SNPLP_XML_CALLBACK
                                                                     : SNPLP_XML_MEMORY,
                           .data = in->data,
                           .size = in->size,
                           .read = in->read,
                           .user = in->user,
                           .path = in->path};
    lheo_out out = {catalogue, records, themes, lheo};
    return snplp__xml_import(import, &out, diags, &xin, name, options, fn);
}
