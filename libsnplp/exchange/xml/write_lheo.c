/* Writing training offers as LHEO 2.3 (lheo.h, docs/lheo.md): one <formation> per module ×
 * training body that has sessions of it, in two passes. The first gathers the offers, composes
 * their texts (cut where LHEO's lengths force it) and reports what each lacks; the second
 * writes the complete ones, in the order of the official schema (lheo.xsd 2.3), so that every
 * document written validates against it. Nothing is written when no offer is complete. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <snplp/lheo.h>
#include <snplp/snplp.h>

#include "exchange/xml/lheo.h"
#include "exchange/xml/writer.h"
#include "io/sink.h"
#include "model/records/records_model.h"
#include "model/referential/item.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/diag.h"
#include "util/errors.h"
#include "util/text.h"

struct snplp_lheo_options {
    bool all_or_nothing;
    bool accept_matches;
    int min_score;
    const snplp_referential *themes; /* borrowed; NULL: the built-in referential */
    char *schema;                    /* the path of the LHEO XSD the import validates against */
    snplp_lheo_matches *matches;     /* borrowed: filled by the import (NULL: none) */
};

/* ---- the matches of an import ---- */

typedef struct match_entry {
    char *module_id, *theme_id; /* owned; theme_id NULL: none */
    int score;
    bool tie, applied;
    snplp_list labels; /* char *, owned */
} match_entry;

struct snplp_lheo_matches {
    match_entry *v;
    size_t n, cap;
};

int snplp_lheo_matches_new(snplp_lheo_matches **out)
{
    if (!out)
        return snplp__bad_arg(__func__, "NULL out");
    *out = snplp__calloc(1, sizeof **out);
    return *out ? SNPLP_OK : snplp__oom();
}

void snplp__lheo_matches_clear(snplp_lheo_matches *m)
{
    if (!m)
        return;
    for (size_t i = 0; i < m->n; i++) {
        snplp__free(m->v[i].module_id);
        snplp__free(m->v[i].theme_id);
        snplp__list_dispose_strings(&m->v[i].labels);
    }
    m->n = 0;
}

void snplp_lheo_matches_free(snplp_lheo_matches *matches)
{
    if (!matches)
        return;
    snplp__lheo_matches_clear(matches);
    snplp__free(matches->v);
    snplp__free(matches);
}

int snplp__lheo_matches_add(snplp_lheo_matches *m, const char *module_id, const char *theme_id,
                            int score, bool tie, bool applied, const char *const *labels,
                            size_t nlabels)
{
    if (m->n == m->cap) {
        size_t cap = m->cap ? 2 * m->cap : 16;
        match_entry *v = snplp__realloc(m->v, cap * sizeof *v);
        if (!v)
            return snplp__oom();
        m->v = v;
        m->cap = cap;
    }
    match_entry e = {snplp__strdup(module_id),
                     theme_id ? snplp__strdup(theme_id) : NULL,
                     score,
                     tie,
                     applied,
                     {0}};
    bool ok = e.module_id && (!theme_id || e.theme_id);
    for (size_t i = 0; ok && i < nlabels; i++) {
        char *l = snplp__strdup(labels[i]);
        ok = l && snplp__list_reserve(&e.labels) == SNPLP_OK;
        if (ok)
            snplp__list_push(&e.labels, l);
        else
            snplp__free(l);
    }
    if (!ok) {
        snplp__free(e.module_id);
        snplp__free(e.theme_id);
        snplp__list_dispose_strings(&e.labels);
        return snplp__oom();
    }
    m->v[m->n++] = e;
    return SNPLP_OK;
}

static const match_entry *entry(const snplp_lheo_matches *m, size_t i)
{
    return m && i < m->n ? &m->v[i] : NULL;
}

size_t snplp_lheo_matches_count(const snplp_lheo_matches *matches)
{
    return matches ? matches->n : 0;
}

const char *snplp_lheo_match_module_id(const snplp_lheo_matches *matches, size_t index)
{
    const match_entry *e = entry(matches, index);
    return e ? e->module_id : NULL;
}

const char *snplp_lheo_match_theme_id(const snplp_lheo_matches *matches, size_t index)
{
    const match_entry *e = entry(matches, index);
    return e ? e->theme_id : NULL;
}

int snplp_lheo_match_score(const snplp_lheo_matches *matches, size_t index)
{
    const match_entry *e = entry(matches, index);
    return e ? e->score : -1;
}

bool snplp_lheo_match_tie(const snplp_lheo_matches *matches, size_t index)
{
    const match_entry *e = entry(matches, index);
    return e && e->tie;
}

bool snplp_lheo_match_applied(const snplp_lheo_matches *matches, size_t index)
{
    const match_entry *e = entry(matches, index);
    return e && e->applied;
}

size_t snplp_lheo_match_label_count(const snplp_lheo_matches *matches, size_t index)
{
    const match_entry *e = entry(matches, index);
    return e ? e->labels.n : 0;
}

const char *snplp_lheo_match_label_at(const snplp_lheo_matches *matches, size_t index, size_t label)
{
    const match_entry *e = entry(matches, index);
    return e ? snplp__list_at(&e->labels, label) : NULL;
}

int snplp_lheo_options_set_matches(snplp_lheo_options *options, snplp_lheo_matches *matches)
{
    if (!options)
        return snplp__bad_arg(__func__, "NULL options");
    options->matches = matches;
    return SNPLP_OK;
}

snplp_lheo_matches *snplp__lheo_options_matches(const snplp_lheo_options *options)
{
    return options ? options->matches : NULL;
}

int snplp_lheo_options_new(snplp_lheo_options **out)
{
    if (!out)
        return snplp__bad_arg(__func__, "NULL out");
    *out = snplp__calloc(1, sizeof **out);
    return *out ? SNPLP_OK : snplp__oom();
}

void snplp_lheo_options_free(snplp_lheo_options *options)
{
    if (options)
        snplp__free(options->schema);
    snplp__free(options);
}

int snplp_lheo_options_set_schema_file(snplp_lheo_options *options, const char *path)
{
    if (!options)
        return snplp__bad_arg(__func__, "NULL options");
    char *copy = NULL;
    if (path && !(copy = snplp__strdup(path)))
        return snplp__oom();
    snplp__free(options->schema);
    options->schema = copy;
    return SNPLP_OK;
}

const char *snplp_lheo_options_schema_file(const snplp_lheo_options *options)
{
    return options ? options->schema : NULL;
}

int snplp_lheo_options_set_all_or_nothing(snplp_lheo_options *options, bool on)
{
    if (!options)
        return snplp__bad_arg(__func__, "NULL options");
    options->all_or_nothing = on;
    return SNPLP_OK;
}

bool snplp_lheo_options_all_or_nothing(const snplp_lheo_options *options)
{
    return options && options->all_or_nothing;
}

int snplp_lheo_options_set_accept_matches(snplp_lheo_options *options, bool on)
{
    if (!options)
        return snplp__bad_arg(__func__, "NULL options");
    options->accept_matches = on;
    return SNPLP_OK;
}

bool snplp_lheo_options_accept_matches(const snplp_lheo_options *options)
{
    return options && options->accept_matches;
}

int snplp_lheo_options_set_min_score(snplp_lheo_options *options, int score)
{
    if (!options)
        return snplp__bad_arg(__func__, "NULL options");
    if (score < 0)
        return snplp__fail_in(__func__, SNPLP_EINVAL,
                              "a minimum score is 0 (none) or above, not %d", score);
    options->min_score = score;
    return SNPLP_OK;
}

int snplp_lheo_options_min_score(const snplp_lheo_options *options)
{
    return options ? options->min_score : 0;
}

int snplp_lheo_options_set_themes(snplp_lheo_options *options, const snplp_referential *themes)
{
    if (!options)
        return snplp__bad_arg(__func__, "NULL options");
    options->themes = themes;
    return SNPLP_OK;
}

bool snplp__lheo_options_accept(const snplp_lheo_options *options)
{
    return options && options->accept_matches;
}

int snplp__lheo_options_min_score(const snplp_lheo_options *options)
{
    return options ? options->min_score : 0;
}

const char *snplp__lheo_options_schema(const snplp_lheo_options *options)
{
    return options ? options->schema : NULL;
}

const snplp_referential *snplp__lheo_options_themes(const snplp_lheo_options *options)
{
    return options ? options->themes : NULL;
}

/* ---- LHEO elements kept with the model ---- */

/* The children of the elements the export writes, in the order of the official schema. */
static const char *const formation_order[] = {"domaine-formation",
                                              "intitule-formation",
                                              "objectif-formation",
                                              "resultats-attendus",
                                              "contenu-formation",
                                              "certifiante",
                                              "contact-formation",
                                              "parcours-de-formation",
                                              "code-niveau-entree",
                                              "objectif-general-formation",
                                              "certification",
                                              "code-type-formation",
                                              "code-niveau-sortie",
                                              "url-formation",
                                              "action",
                                              "organisme-formation-responsable",
                                              "identifiant-module",
                                              "positionnement",
                                              "sous-modules",
                                              "modules-prerequis",
                                              "extras",
                                              NULL};
static const char *const action_order[] = {"rythme-formation",
                                           "code-public-vise",
                                           "info-public-vise",
                                           "niveau-entree-obligatoire",
                                           "modalites-alternance",
                                           "modalites-enseignement",
                                           "conditions-specifiques",
                                           "prise-en-charge-frais-possible",
                                           "lieu-de-formation",
                                           "modalites-entrees-sorties",
                                           "url-action",
                                           "duree-cycle",
                                           "session",
                                           "adresse-information",
                                           "date-information",
                                           "restauration",
                                           "hebergement",
                                           "transport",
                                           "acces-handicapes",
                                           "langue-formation",
                                           "modalites-recrutement",
                                           "modalites-pedagogiques",
                                           "code-modalite-pedagogique",
                                           "equipement",
                                           "frais-restants",
                                           "code-perimetre-recrutement",
                                           "infos-perimetre-recrutement",
                                           "prix-horaire-TTC",
                                           "prix-total-TTC",
                                           "duree-indicative",
                                           "nombre-heures-centre",
                                           "nombre-heures-entreprise",
                                           "nombre-heures-total",
                                           "detail-conditions-prise-en-charge",
                                           "conventionnement",
                                           "duree-conventionnee",
                                           "organisme-formateur",
                                           "organisme-financeur",
                                           "enseignement",
                                           "extras",
                                           NULL};
static const char *const session_order[] = {"periode",
                                            "adresse-inscription",
                                            "modalites-inscription",
                                            "periode-inscription",
                                            "etat-recrutement",
                                            "recrutement",
                                            "url-session",
                                            "contact-session",
                                            "reference-certification",
                                            "blocs-competences",
                                            "cycle",
                                            "extras",
                                            NULL};
static const char *const body_order[] = {"numero-activite",
                                         "SIRET-organisme-formation",
                                         "nom-organisme",
                                         "raison-sociale",
                                         "coordonnees-organisme",
                                         "contact-organisme",
                                         "renseignements-specifiques",
                                         "potentiel",
                                         "code-UAI-organisme-formation",
                                         "extras",
                                         NULL};

/* The extension elements of a module (ref) or of a training body or session (rec), by id: the
 * LHEO elements an import kept (docs/lheo.md, "Import"). A module holds those of its formation
 * and of its action (their names differ, but for <extras>, which is the formation's). */
typedef struct kept_list {
    const snplp_ext *ext; /* the object's extensions (NULL: none), looked up once */
    bool action;          /* the module's elements of an action */
} kept_list;

static kept_list kept_of_module(const snplp_module *m, bool action)
{
    return (kept_list){snplp__ext_get(snplp__item_of(m, SNPLP_KIND_MODULE)), action};
}

static void kept_of_record(kept_list *k, const snplp_records *rec, const char *id)
{
    snplp_ext **slot = rec && id ? snplp__records_ext_slot(rec, id) : NULL;
    *k = (kept_list){slot ? *slot : NULL, false};
}

static size_t kept_count(const kept_list *k)
{
    return k->ext ? k->ext->elements.n : 0;
}

static const char *kept_at(const kept_list *k, size_t i)
{
    return k->ext->elements.v[i];
}

/* Whether the fragment frag (canonical: its namespace declarations on its root) is the LHEO
 * element name. */
static bool is_lheo(const char *frag, const char *name)
{
    if (frag[0] != '<')
        return false;
    const char *q = frag + 1;
    size_t qn = strcspn(q, " \t\r\n/>");
    const char *colon = memchr(q, ':', qn);
    const char *local = colon ? colon + 1 : q;
    size_t ln = qn - (size_t)(local - q);
    if (strlen(name) != ln || memcmp(local, name, ln) != 0)
        return false;
    /* the declaration of its prefix ("xmlns" or "xmlns:p") in the start tag */
    char decl[80];
    int pn = colon ? (int)(colon - q) : 0;
    if (pn > 60)
        return false;
    snprintf(decl, sizeof decl, colon ? " xmlns:%.*s=\"" : " xmlns%.*s=\"", pn, q);
    const char *end = strchr(q, '>');
    const char *at = strstr(q, decl);
    return at && end && at < end &&
           strncmp(at + strlen(decl), SNPLP_LHEO_NAMESPACE "\"",
                   strlen(SNPLP_LHEO_NAMESPACE) + 1) == 0;
}

static bool kept_has(const kept_list *k, const char *name)
{
    if (k->action && strcmp(name, "extras") == 0)
        return false;
    for (size_t i = 0, n = kept_count(k); i < n; i++)
        if (is_lheo(kept_at(k, i), name))
            return true;
    return false;
}

/* what, unless the LHEO element is kept (then the model's value is not needed): NULL. */
static const char *unless_kept(const kept_list *k, const char *element, const char *what)
{
    return kept_has(k, element) ? NULL : what;
}

/* ---- the offers ---- */

/* The texts of an offer, composed and cut to LHEO's lengths (owned). */
enum {
    T_TITLE,
    T_OBJECTIVE,
    T_RESULTS,
    T_CONTENT,
    T_NAME,
    T_LEGAL,
    T_CITY,
    T_RHYTHM,
    T_WORK,
    T_CONDITIONS,
    T_AUDIENCE_INFO,
    T_COUNT
};

typedef struct offer {
    const snplp_module *module;
    const snplp_training_body *body;
    size_t first, n; /* its sessions: a run of the sorted sessions */
    bool ok;
    char *texts[T_COUNT];
    char **lines; /* the body's address lines, cut to 50 characters */
    size_t nlines;
    kept_list kept_formation, kept_action, kept_body; /* LHEO elements kept (above) */
} offer;

typedef struct sref {
    uint32_t module; /* the module's position in the catalogue */
    uint32_t body;   /* the body's position in the records */
    int32_t mode;    /* modalites-enseignement (dict-modalites-enseignement), -1: unknown */
    uint32_t session;
} sref;

typedef struct bref {
    const char *id;
    uint32_t pos;
} bref;

typedef struct plan {
    const snplp_referential *cat;
    const snplp_records *rec;
    snplp_diagnostics *diags;
    sref *sessions;
    size_t nsessions;
    offer *offers;
    size_t noffers, nok;
    int rc; /* SNPLP_ENOMEM once an allocation failed */
} plan;

static int cmp_bref(const void *a, const void *b)
{
    return strcmp(((const bref *)a)->id, ((const bref *)b)->id);
}

static int cmp_sref(const void *a, const void *b)
{
    const sref *x = a, *y = b;
    if (x->module != y->module)
        return x->module < y->module ? -1 : 1;
    if (x->body != y->body)
        return x->body < y->body ? -1 : 1;
    if (x->mode != y->mode)
        return x->mode < y->mode ? -1 : 1;
    return x->session < y->session ? -1 : x->session > y->session;
}

/* A finding of the catalogue (diag/CODE/VARIANT, util/messages/) about module m (or none). */
static void finding(plan *p, snplp_severity sev, snplp_diag_code code, const char *variant,
                    const snplp_module *m, const snplp_msg_arg *args, size_t n)
{
    if (!p->diags || p->rc != SNPLP_OK)
        return;
    int rc = snplp__finding(p->diags, &(snplp_finding){.severity = sev,
                                                       .code = code,
                                                       .variant = variant,
                                                       .item_id = m ? snplp_module_id(m) : NULL,
                                                       .args = args,
                                                       .nargs = n});
    if (rc)
        p->rc = rc;
}

/* A finding that the offer of o lacks data (a word of the message's choice: docs/messages.md;
 * its LHEO element: element); it is left out. */
static void missing(plan *p, offer *o, const char *data, const char *element)
{
    o->ok = false;
    finding(p, SNPLP_SEVERITY_ERROR, SNPLP_DIAG_LHEO_MISSING_DATA, "offer", o->module,
            SNPLP_ARGS(SNPLP_ARG(ID, "module", snplp_module_id(o->module)),
                       SNPLP_ARG(ID, "body", snplp_training_body_id(o->body)),
                       SNPLP_ARG(CHOICE, "data", data), SNPLP_ARG(ID, "element", element)));
}

/* A copy of text (n bytes) cut to max characters on a word boundary, a finding if it was cut
 * (element: its LHEO element); NULL when out of memory (p->rc set). */
static char *fit(plan *p, offer *o, const char *text, size_t n, size_t max, const char *element)
{
    bool cut;
    size_t keep = snplp__text_cut(text, n, max, &cut);
    char *copy = snplp__malloc(keep + 1);
    if (!copy) {
        p->rc = SNPLP_ENOMEM;
        return NULL;
    }
    memcpy(copy, text, keep);
    copy[keep] = '\0';
    if (cut) {
        char mx[24];
        snprintf(mx, sizeof mx, "%zu", max);
        finding(p, SNPLP_SEVERITY_WARNING, SNPLP_DIAG_LHEO_TEXT_CUT, "text", o->module,
                SNPLP_ARGS(SNPLP_ARG(ID, "element", element),
                           SNPLP_ARG(ID, "module", snplp_module_id(o->module)),
                           SNPLP_ARG(ID, "body", snplp_training_body_id(o->body)),
                           SNPLP_ARG(INTEGER, "max", mx)));
    }
    return copy;
}

/* Sets o->texts[slot] from text (NULL or blank: missing, the data named data; NULL: may be). */
static void take(plan *p, offer *o, int slot, const char *text, size_t max, const char *data,
                 const char *element)
{
    if (!text || snplp__text_is_blank(text)) {
        if (data)
            missing(p, o, data, element);
        return;
    }
    o->texts[slot] = fit(p, o, text, strlen(text), max, element);
}

/* Composes into b: each text of a list, one per line. */
static void join_objectives(snplp_buf *b, size_t n,
                            const snplp_objective *(*at)(const void *, size_t), const void *owner)
{
    for (size_t i = 0; i < n; i++) {
        if (b->n)
            snplp__buf_puts(b, "\n");
        snplp__buf_puts(b, snplp_objective_text(at(owner, i)));
    }
}

static const snplp_objective *theme_objective(const void *t, size_t i)
{
    return snplp_theme_objective_at(t, i);
}
static const snplp_objective *plan_objective(const void *t, size_t i)
{
    return snplp_training_plan_objective_at(t, i);
}

static void join_outcomes(snplp_buf *b, size_t n, const snplp_outcome *(*at)(const void *, size_t),
                          const void *owner)
{
    for (size_t i = 0; i < n; i++) {
        if (b->n)
            snplp__buf_puts(b, "\n");
        snplp__buf_puts(b, snplp_outcome_text(at(owner, i)));
    }
}

static const snplp_outcome *theme_outcome(const void *t, size_t i)
{
    return snplp_theme_outcome_at(t, i);
}
static const snplp_outcome *plan_outcome(const void *t, size_t i)
{
    return snplp_training_plan_outcome_at(t, i);
}

static void put_content(snplp_buf *b, const snplp_content *c, int depth)
{
    snplp__buf_puts(b, "\n");
    for (int d = 0; d < depth; d++)
        snplp__buf_puts(b, "  ");
    snplp__buf_puts(b, "- ");
    snplp__buf_puts(b, snplp_content_text(c));
    for (size_t i = 0; i < snplp_content_child_count(c); i++)
        put_content(b, snplp_content_child_at(c, i), depth + 1);
}

/* Takes the text composed in b as o->texts[slot] (empty: missing). */
static void take_buf(plan *p, offer *o, int slot, snplp_buf *b, size_t max, const char *data,
                     const char *element)
{
    if (b->failed) {
        p->rc = SNPLP_ENOMEM;
        snplp__buf_free(b);
        return;
    }
    if (b->n == 0)
        missing(p, o, data, element);
    else
        o->texts[slot] = fit(p, o, b->p, b->n, max, element);
    snplp__buf_free(b);
}

static void compose_module_texts(plan *p, offer *o)
{
    const snplp_module *m = o->module;
    const snplp_theme *t = snplp_module_theme(m);
    const snplp_training_plan *tp = snplp_referential_training_plan(p->cat);
    take(p, o, T_TITLE, snplp_module_title(m), 255, "title", "intitule-formation");

    snplp_buf b = {0};
    const char *own = snplp_module_offer_text(m, SNPLP_OFFER_OBJECTIVES);
    if (own)
        snplp__buf_puts(&b, own);
    if (!b.n && t)
        join_objectives(&b, snplp_theme_objective_count(t), theme_objective, t);
    if (!b.n && tp)
        join_objectives(&b, snplp_training_plan_objective_count(tp), plan_objective, tp);
    take_buf(p, o, T_OBJECTIVE, &b, 3000, "objectives", "objectif-formation");

    memset(&b, 0, sizeof b);
    own = snplp_module_offer_text(m, SNPLP_OFFER_RESULTS);
    if (own)
        snplp__buf_puts(&b, own);
    if (!b.n && t)
        join_outcomes(&b, snplp_theme_outcome_count(t), theme_outcome, t);
    if (!b.n && tp)
        join_outcomes(&b, snplp_training_plan_outcome_count(tp), plan_outcome, tp);
    if (!b.n && snplp_module_role(m))
        snplp__buf_puts(&b, snplp_module_role(m));
    take_buf(p, o, T_RESULTS, &b, 3000, "results", "resultats-attendus");

    memset(&b, 0, sizeof b);
    own = snplp_module_offer_text(m, SNPLP_OFFER_CONTENT);
    if (own)
        snplp__buf_puts(&b, own);
    for (size_t i = 0; !own && i < snplp_module_competence_count(m); i++) {
        const snplp_competence *c = snplp_module_competence_at(m, i);
        if (b.n)
            snplp__buf_puts(&b, "\n");
        snplp__buf_puts(&b, snplp_competence_title(c));
        for (size_t j = 0; j < snplp_competence_content_count(c); j++)
            put_content(&b, snplp_competence_content_at(c, j), 0);
    }
    take_buf(p, o, T_CONTENT, &b, 3000, "content", "contenu-formation");
}

static void check_offer_codes(plan *p, offer *o)
{
    static const struct {
        snplp_offer_code code;
        const char *element, *data;
    } required[] = {
        {SNPLP_OFFER_CERTIFYING, "certifiante", "certifying"},
        {SNPLP_OFFER_PATH, "parcours-de-formation", "path"},
        {SNPLP_OFFER_ENTRY_LEVEL, "code-niveau-entree", "entry_level"},
        {SNPLP_OFFER_ENTRY_LEVEL_REQUIRED, "niveau-entree-obligatoire", "entry_level_required"},
        {SNPLP_OFFER_FEES_COVERED, "prise-en-charge-frais-possible", "fees_covered"}};
    for (size_t i = 0; i < sizeof required / sizeof *required; i++)
        if (snplp_module_offer_code(o->module, required[i].code) < 0 &&
            !kept_has(&o->kept_formation, required[i].element) &&
            !kept_has(&o->kept_action, required[i].element))
            missing(p, o, required[i].data, required[i].element);
    const kept_list *ka = &o->kept_action;
    take(p, o, T_RHYTHM, snplp_module_offer_text(o->module, SNPLP_OFFER_RHYTHM), 3000,
         unless_kept(ka, "rythme-formation", "rhythm"), "rythme-formation");
    take(p, o, T_WORK, snplp_module_offer_text(o->module, SNPLP_OFFER_WORK_STUDY), 3000,
         unless_kept(ka, "modalites-alternance", "work_study"), "modalites-alternance");
    take(p, o, T_CONDITIONS, snplp_module_offer_text(o->module, SNPLP_OFFER_CONDITIONS), 3000,
         unless_kept(ka, "conditions-specifiques", "conditions"), "conditions-specifiques");
    take(p, o, T_AUDIENCE_INFO, snplp_module_offer_text(o->module, SNPLP_OFFER_AUDIENCE_INFO), 250,
         NULL, "info-public-vise");
    if (snplp_module_audience_code_count(o->module) == 0) {
        if (!kept_has(ka, "code-public-vise"))
            missing(p, o, "audience_codes", "code-public-vise");
    } else if (!snplp_module_formacode_version(o->module))
        missing(p, o, "formacode_version", "code-public-vise/@ref");
}

/* Whether every session of o keeps its own LHEO element name. */
static bool sessions_keep(const plan *p, const offer *o, const char *name)
{
    for (size_t i = o->first; i < o->first + o->n; i++) {
        kept_list k;
        kept_of_record(&k, p->rec,
                       snplp_session_id(snplp_records_session_at(p->rec, p->sessions[i].session)));
        if (!kept_has(&k, name))
            return false;
    }
    return true;
}

static void check_body(plan *p, offer *o)
{
    const snplp_training_body *b = o->body;
    const kept_list *kb = &o->kept_body;
    take(p, o, T_NAME, snplp_training_body_name(b), 250, unless_kept(kb, "nom-organisme", "name"),
         "nom-organisme");
    take(p, o, T_LEGAL, snplp_training_body_legal_name(b), 250,
         unless_kept(kb, "raison-sociale", "legal_name"), "raison-sociale");
    if (!snplp_training_body_siret(b) && !kept_has(kb, "SIRET-organisme-formation"))
        missing(p, o, "siret", "SIRET-organisme-formation");
    if (!snplp_training_body_declaration_number(b) && !kept_has(kb, "numero-activite"))
        missing(p, o, "declaration_number", "numero-activite");
    const char *phone = snplp_training_body_phone(b), *email = snplp_training_body_email(b);
    if (phone && strlen(phone) > 25) {
        missing(p, o, "telephone", "numtel");
        phone = NULL;
    }
    if (email && strlen(email) > 160) {
        missing(p, o, "email", "courriel");
        email = NULL;
    }
    if (!phone && !email &&
        !(kept_has(&o->kept_formation, "contact-formation") && kept_has(kb, "contact-organisme")))
        missing(p, o, "contact", "contact-formation, contact-organisme");
    /* the address is required for the sessions' registration (in coordonnees-organisme, an
     * address is optional: written when the body has one) */
    bool need_address = !sessions_keep(p, o, "adresse-inscription");
    size_t n = snplp_training_body_address_line_count(b);
    if (need_address && (n == 0 || !snplp_training_body_postal_code(b)))
        missing(p, o, "address", "adresse-inscription");
    take(p, o, T_CITY, snplp_training_body_commune(b), 50, need_address ? "commune" : NULL,
         "ville");
    if (n && p->rc == SNPLP_OK) {
        o->lines = snplp__calloc(n, sizeof *o->lines);
        if (!o->lines) {
            p->rc = SNPLP_ENOMEM;
            return;
        }
        o->nlines = n;
        for (size_t i = 0; i < n && p->rc == SNPLP_OK; i++) {
            const char *line = snplp_training_body_address_line_at(b, i);
            o->lines[i] = fit(p, o, line, strlen(line), 50, "ligne");
        }
    }
}

/* modalites-enseignement (dict-modalites-enseignement) of a session's mode, -1 if unknown. */
static int32_t mode_code(const snplp_session *s)
{
    switch (snplp_session_mode_of(s)) {
    case SNPLP_MODE_ON_SITE:
        return 0; /* formation entièrement présentielle */
    case SNPLP_MODE_MIXED:
        return 1; /* formation mixte */
    case SNPLP_MODE_DISTANCE:
        return 2; /* formation entièrement à distance */
    default:
        return -1;
    }
}

static void check_sessions(plan *p, offer *o)
{
    for (size_t i = o->first; i < o->first + o->n; i++)
        if (p->sessions[i].mode < 0) {
            o->ok = false;
            finding(p, SNPLP_SEVERITY_ERROR, SNPLP_DIAG_LHEO_MISSING_DATA, "session-mode",
                    o->module,
                    SNPLP_ARGS(SNPLP_ARG(ID, "module", snplp_module_id(o->module)),
                               SNPLP_ARG(ID, "body", snplp_training_body_id(o->body)),
                               SNPLP_ARG(ID, "session",
                                         snplp_session_id(snplp_records_session_at(
                                             p->rec, p->sessions[i].session))),
                               SNPLP_ARG(ID, "element", "modalites-enseignement")));
        }
}

static void plan_free(plan *p)
{
    for (size_t i = 0; i < p->noffers; i++) {
        offer *o = &p->offers[i];
        for (int t = 0; t < T_COUNT; t++)
            snplp__free(o->texts[t]);
        for (size_t l = 0; l < o->nlines; l++)
            snplp__free(o->lines[l]);
        snplp__free(o->lines);
    }
    snplp__free(p->offers);
    snplp__free(p->sessions);
}

/* The first pass: the offers and their findings. */
static int make_plan(plan *p)
{
    size_t nb = p->rec ? snplp_records_training_body_count(p->rec) : 0;
    size_t ns = p->rec ? snplp_records_session_count(p->rec) : 0;
    size_t nm = snplp_referential_module_count(p->cat);
    bref *bodies = snplp__calloc(nb ? nb : 1, sizeof *bodies);
    p->sessions = snplp__calloc(ns ? ns : 1, sizeof *p->sessions);
    bool *offered = snplp__calloc(nm ? nm : 1, sizeof *offered);
    if (!bodies || !p->sessions || !offered) {
        snplp__free(bodies);
        snplp__free(offered);
        return snplp__oom();
    }
    for (size_t i = 0; i < nb; i++)
        bodies[i] =
            (bref){snplp_training_body_id(snplp_records_training_body_at(p->rec, i)), (uint32_t)i};
    qsort(bodies, nb, sizeof *bodies, cmp_bref);
    for (size_t i = 0; i < ns; i++) {
        const snplp_session *s = snplp_records_session_at(p->rec, i);
        const snplp_module *m = snplp_referential_module_find(p->cat, snplp_session_subject_id(s));
        bref key = {snplp_session_body_id(s), 0};
        const bref *b = m && key.id ? bsearch(&key, bodies, nb, sizeof key, cmp_bref) : NULL;
        if (!b)
            continue; /* a session of another subject, or of an unknown body (validation's) */
        uint32_t mi = ((const snplp_item *)(const void *)m)->index;
        p->sessions[p->nsessions++] = (sref){mi, b->pos, mode_code(s), (uint32_t)i};
        offered[mi] = true;
    }
    snplp__free(bodies);
    qsort(p->sessions, p->nsessions, sizeof *p->sessions, cmp_sref);
    for (size_t i = 0; i < nm; i++)
        if (!offered[i])
            finding(p, SNPLP_SEVERITY_INFO, SNPLP_DIAG_LHEO_NO_SESSION,
                    p->rec ? "records" : "no-records", snplp_referential_module_at(p->cat, i),
                    SNPLP_ARGS(SNPLP_ARG(ID, "module",
                                         snplp_module_id(snplp_referential_module_at(p->cat, i)))));
    snplp__free(offered);
    /* the runs of one module and one body */
    p->offers = snplp__calloc(p->nsessions ? p->nsessions : 1, sizeof *p->offers);
    if (!p->offers)
        return snplp__oom();
    for (size_t i = 0; i < p->nsessions && p->rc == SNPLP_OK;) {
        size_t j = i;
        while (j < p->nsessions && p->sessions[j].module == p->sessions[i].module &&
               p->sessions[j].body == p->sessions[i].body)
            j++;
        offer *o = &p->offers[p->noffers++];
        o->module = snplp_referential_module_at(p->cat, p->sessions[i].module);
        o->body = snplp_records_training_body_at(p->rec, p->sessions[i].body);
        o->first = i;
        o->n = j - i;
        o->ok = true;
        o->kept_formation = kept_of_module(o->module, false);
        o->kept_action = kept_of_module(o->module, true);
        kept_of_record(&o->kept_body, p->rec, snplp_training_body_id(o->body));
        compose_module_texts(p, o);
        check_offer_codes(p, o);
        check_body(p, o);
        check_sessions(p, o);
        if (o->ok)
            p->nok++;
        i = j;
    }
    return p->rc == SNPLP_OK ? SNPLP_OK : snplp__oom();
}

/* ---- the second pass: the document ---- */

typedef snplp_sink sink;

static void put(sink *s, const char *text)
{
    snplp__out_put(s, text);
}

/* Writes the LHEO elements name kept in k, each on a line at depth; false if there is none. */
static bool kept_write(sink *s, int depth, const kept_list *k, const char *name)
{
    if (k->action && strcmp(name, "extras") == 0)
        return false;
    bool any = false;
    for (size_t i = 0, n = kept_count(k); i < n; i++) {
        const char *frag = kept_at(k, i);
        if (is_lheo(frag, name)) {
            snplp__xml_indent(s, depth);
            /* the document's default namespace is LHEO's: its declaration on an element that
             * has no prefix says nothing, and is left out (so that an element the export
             * writes and the same element kept by an import are the same bytes) */
            static const char decl[] = " xmlns=\"" SNPLP_LHEO_NAMESPACE "\"";
            size_t tag = 1 + strlen(name);
            if (strncmp(frag + tag, decl, sizeof decl - 1) == 0) {
                snplp__out_putn(s, frag, tag);
                put(s, frag + tag + sizeof decl - 1);
            } else {
                put(s, frag);
            }
            any = true;
        }
    }
    return any;
}

static void open_tag(sink *s, int depth, const char *name)
{
    snplp__xml_indent(s, depth);
    put(s, "<");
    put(s, name);
    put(s, ">");
}

static void close_tag(sink *s, int depth, const char *name)
{
    snplp__xml_indent(s, depth);
    put(s, "</");
    put(s, name);
    put(s, ">");
}

static void code_element(sink *s, int depth, const char *name, int code)
{
    char buf[16];
    snprintf(buf, sizeof buf, "%d", code);
    snplp__xml_text_element(s, depth, name, buf);
}

static void put_date(sink *s, int depth, const char *name, snplp_date d)
{
    char buf[16];
    snprintf(buf, sizeof buf, "%04d%02d%02d", (int)d.year % 10000, (int)d.month % 100,
             (int)d.day % 100);
    snplp__xml_text_element(s, depth, name, buf);
}

/* <adresse> of the training body: lines, postal code, commune. */
static void put_address(sink *s, int depth, const offer *o)
{
    open_tag(s, depth, "adresse");
    for (size_t i = 0; i < o->nlines; i++)
        snplp__xml_text_element(s, depth + 1, "ligne", o->lines[i]);
    snplp__xml_text_element(s, depth + 1, "codepostal", snplp_training_body_postal_code(o->body));
    snplp__xml_text_element(s, depth + 1, "ville", o->texts[T_CITY]);
    close_tag(s, depth, "adresse");
}

/* <coordonnees>: the address (with_address), the telephone, the e-mail address. */
static void put_coordinates(sink *s, int depth, const offer *o, bool with_address)
{
    const char *phone = snplp_training_body_phone(o->body);
    const char *email = snplp_training_body_email(o->body);
    open_tag(s, depth, "coordonnees");
    if (with_address && o->nlines && snplp_training_body_postal_code(o->body) && o->texts[T_CITY])
        put_address(s, depth + 1, o);
    if (phone && strlen(phone) <= 25) {
        open_tag(s, depth + 1, "telfixe");
        snplp__xml_text_element(s, depth + 2, "numtel", phone);
        close_tag(s, depth + 1, "telfixe");
    }
    if (email && strlen(email) <= 160)
        snplp__xml_text_element(s, depth + 1, "courriel", email);
    close_tag(s, depth, "coordonnees");
}

static void start_numbered(sink *s, int depth, const char *name, const char *numero)
{
    snplp__xml_indent(s, depth);
    put(s, "<");
    put(s, name);
    snplp__xml_attr(s, "numero", numero);
    put(s, ">");
}

/* Writes the children of an element in the order of the schema: at each name, the LHEO
 * elements kept with the object (kept, its extensions of the LHEO namespace: they replace what
 * the export would write there), else what gen writes for that name (it may write nothing). */
typedef void (*gen_fn)(sink *s, int depth, const plan *p, const offer *o, const void *x,
                       const char *name);

static void write_children(sink *s, int depth, const char *const *order, const kept_list *kept,
                           gen_fn gen, const plan *p, const offer *o, const void *x)
{
    for (const char *const *name = order; *name; name++) {
        if (!kept_write(s, depth, kept, *name))
            gen(s, depth, p, o, x, *name);
    }
}

/* The sessions first..first+n-1 of o, all of one mode: the arguments of an action. */
typedef struct action_run {
    size_t first, n;
} action_run;

static void gen_session(sink *s, int depth, const plan *p, const offer *o, const void *x,
                        const char *name)
{
    (void)p;
    const snplp_session *ss = x;
    if (strcmp(name, "periode") == 0) {
        open_tag(s, depth, "periode");
        put_date(s, depth + 1, "debut", snplp_session_start(ss));
        put_date(s, depth + 1, "fin", snplp_session_end(ss));
        close_tag(s, depth, "periode");
    } else if (strcmp(name, "adresse-inscription") == 0) {
        open_tag(s, depth, "adresse-inscription");
        put_address(s, depth + 1, o);
        close_tag(s, depth, "adresse-inscription");
    }
}

static void gen_action(sink *s, int depth, const plan *p, const offer *o, const void *x,
                       const char *name)
{
    const action_run *run = x;
    const snplp_module *m = o->module;
    if (strcmp(name, "rythme-formation") == 0) {
        snplp__xml_text_element(s, depth, name, o->texts[T_RHYTHM]);
    } else if (strcmp(name, "code-public-vise") == 0) {
        for (size_t i = 0; i < snplp_module_audience_code_count(m); i++) {
            snplp__xml_indent(s, depth);
            put(s, "<code-public-vise");
            snplp__xml_attr(s, "ref", snplp_module_formacode_version(m));
            put(s, ">");
            put(s, snplp_module_audience_code_at(m, i)); /* five digits */
            put(s, "</code-public-vise>");
        }
    } else if (strcmp(name, "info-public-vise") == 0) {
        snplp__xml_text_element(s, depth, name, o->texts[T_AUDIENCE_INFO]);
    } else if (strcmp(name, "niveau-entree-obligatoire") == 0) {
        code_element(s, depth, name, snplp_module_offer_code(m, SNPLP_OFFER_ENTRY_LEVEL_REQUIRED));
    } else if (strcmp(name, "modalites-alternance") == 0) {
        snplp__xml_text_element(s, depth, name, o->texts[T_WORK]);
    } else if (strcmp(name, "modalites-enseignement") == 0) {
        code_element(s, depth, name, p->sessions[run->first].mode);
    } else if (strcmp(name, "conditions-specifiques") == 0) {
        snplp__xml_text_element(s, depth, name, o->texts[T_CONDITIONS]);
    } else if (strcmp(name, "prise-en-charge-frais-possible") == 0) {
        code_element(s, depth, name, snplp_module_offer_code(m, SNPLP_OFFER_FEES_COVERED));
    } else if (strcmp(name, "modalites-entrees-sorties") == 0) {
        code_element(s, depth, name, 0); /* entrées/sorties à dates fixes */
    } else if (strcmp(name, "session") == 0) {
        for (size_t i = run->first; i < run->first + run->n; i++) {
            const snplp_session *ss = snplp_records_session_at(p->rec, p->sessions[i].session);
            kept_list kept;
            kept_of_record(&kept, p->rec, snplp_session_id(ss));
            start_numbered(s, depth, "session", snplp_session_id(ss));
            write_children(s, depth + 1, session_order, &kept, gen_session, p, o, ss);
            close_tag(s, depth, "session");
        }
    } else if (strcmp(name, "duree-indicative") == 0) {
        double d;
        if (snplp_module_duration_days(&d, m) == SNPLP_OK && d > 0) {
            char buf[64];
            snprintf(buf, sizeof buf, "%g jour%s", d, d > 1 ? "s" : "");
            char *dot = strchr(buf, '.');
            if (dot)
                *dot = ','; /* French decimal comma: « 2,5 jours » */
            snplp__xml_text_element(s, depth, name, buf);
        }
    }
}

static void gen_body(sink *s, int depth, const plan *p, const offer *o, const void *x,
                     const char *name)
{
    (void)p, (void)x;
    const snplp_training_body *b = o->body;
    if (strcmp(name, "numero-activite") == 0) {
        snplp__xml_text_element(s, depth, name, snplp_training_body_declaration_number(b));
    } else if (strcmp(name, "SIRET-organisme-formation") == 0) {
        open_tag(s, depth, name);
        snplp__xml_text_element(s, depth + 1, "SIRET", snplp_training_body_siret(b));
        close_tag(s, depth, name);
    } else if (strcmp(name, "nom-organisme") == 0) {
        snplp__xml_text_element(s, depth, name, o->texts[T_NAME]);
    } else if (strcmp(name, "raison-sociale") == 0) {
        snplp__xml_text_element(s, depth, name, o->texts[T_LEGAL]);
    } else if (strcmp(name, "coordonnees-organisme") == 0) {
        open_tag(s, depth, name);
        put_coordinates(s, depth + 1, o, true);
        close_tag(s, depth, name);
    } else if (strcmp(name, "contact-organisme") == 0) {
        open_tag(s, depth, name);
        put_coordinates(s, depth + 1, o, false);
        close_tag(s, depth, name);
    }
}

static void gen_formation(sink *s, int depth, const plan *p, const offer *o, const void *x,
                          const char *name)
{
    (void)x;
    const snplp_module *m = o->module;
    if (strcmp(name, "domaine-formation") == 0) {
        snplp__xml_indent(s, depth);
        put(s, "<domaine-formation/>");
    } else if (strcmp(name, "intitule-formation") == 0) {
        snplp__xml_text_element(s, depth, name, o->texts[T_TITLE]);
    } else if (strcmp(name, "objectif-formation") == 0) {
        snplp__xml_text_element(s, depth, name, o->texts[T_OBJECTIVE]);
    } else if (strcmp(name, "resultats-attendus") == 0) {
        snplp__xml_text_element(s, depth, name, o->texts[T_RESULTS]);
    } else if (strcmp(name, "contenu-formation") == 0) {
        snplp__xml_text_element(s, depth, name, o->texts[T_CONTENT]);
    } else if (strcmp(name, "certifiante") == 0) {
        code_element(s, depth, name, snplp_module_offer_code(m, SNPLP_OFFER_CERTIFYING));
    } else if (strcmp(name, "contact-formation") == 0) {
        open_tag(s, depth, name);
        put_coordinates(s, depth + 1, o, false);
        close_tag(s, depth, name);
    } else if (strcmp(name, "parcours-de-formation") == 0) {
        code_element(s, depth, name, snplp_module_offer_code(m, SNPLP_OFFER_PATH));
    } else if (strcmp(name, "code-niveau-entree") == 0) {
        code_element(s, depth, name, snplp_module_offer_code(m, SNPLP_OFFER_ENTRY_LEVEL));
    } else if (strcmp(name, "code-niveau-sortie") == 0) {
        if (snplp_module_offer_code(m, SNPLP_OFFER_EXIT_LEVEL) >= 0)
            code_element(s, depth, name, snplp_module_offer_code(m, SNPLP_OFFER_EXIT_LEVEL));
    } else if (strcmp(name, "action") == 0) {
        static const char *const modes[] = {"on-site", "mixed", "distance"};
        for (size_t i = o->first; i < o->first + o->n;) { /* an action per mode */
            size_t j = i;
            while (j < o->first + o->n && p->sessions[j].mode == p->sessions[i].mode)
                j++;
            char numero[2 * SNPLP_ID_MAX + 16];
            snprintf(numero, sizeof numero, "%s/%s/%s", snplp_module_id(m),
                     snplp_training_body_id(o->body), modes[p->sessions[i].mode]);
            action_run run = {i, j - i};
            start_numbered(s, depth, "action", numero);
            write_children(s, depth + 1, action_order, &o->kept_action, gen_action, p, o, &run);
            close_tag(s, depth, "action");
            i = j;
        }
    } else if (strcmp(name, "organisme-formation-responsable") == 0) {
        kept_list kept;
        kept_of_record(&kept, p->rec, snplp_training_body_id(o->body));
        start_numbered(s, depth, name, snplp_training_body_id(o->body));
        write_children(s, depth + 1, body_order, &kept, gen_body, p, o, NULL);
        close_tag(s, depth, name);
    }
}

static void write_formation(sink *s, const plan *p, const offer *o)
{
    start_numbered(s, 2, "formation", snplp_module_id(o->module));
    write_children(s, 3, formation_order, &o->kept_formation, gen_formation, p, o, NULL);
    close_tag(s, 2, "formation");
}

static int write_document(const void *doc, snplp_sink *s)
{
    const plan *p = doc;
    put(s, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<lheo xmlns=\"" SNPLP_LHEO_NAMESPACE "\">");
    open_tag(s, 1, "offres");
    for (size_t i = 0; i < p->noffers && s->rc == SNPLP_OK; i++)
        if (p->offers[i].ok)
            write_formation(s, p, &p->offers[i]);
    close_tag(s, 1, "offres");
    put(s, "\n</lheo>\n");
    snplp__out_flush(s);
    return s->rc;
}

/* ---- the public functions ---- */

typedef enum { TO_MEMORY, TO_FILE, TO_CALLBACK } destination;

static int export(const snplp_referential *cat, const snplp_records *rec, snplp_diagnostics *diags,
                  const snplp_lheo_options *options, destination to, char **out, size_t *size,
                  const char *path, snplp_write_fn write, void *user, const char *fn)
{
    if (!cat)
        return snplp__bad_arg(fn, "NULL catalogue");
    plan p = {.cat = cat, .rec = rec, .diags = diags};
    int rc = make_plan(&p);
    if (rc == SNPLP_OK &&
        (p.nok == 0 || (p.nok < p.noffers && options && options->all_or_nothing))) {
        char left[24];
        snprintf(left, sizeof left, "%zu", p.noffers - p.nok);
        if (p.noffers == 0)
            finding(&p, SNPLP_SEVERITY_ERROR, SNPLP_DIAG_LHEO_NOTHING_WRITTEN, "no-offer", NULL,
                    SNPLP_NO_ARGS);
        else
            finding(&p, SNPLP_SEVERITY_ERROR, SNPLP_DIAG_LHEO_NOTHING_WRITTEN,
                    p.nok == 0 ? "none-complete" : "all-or-nothing", NULL,
                    SNPLP_ARGS(SNPLP_ARG(INTEGER, "left", left)));
        rc = p.rc != SNPLP_OK ? snplp__oom()
                              : snplp__fail_in(fn, SNPLP_EVALIDATION,
                                               "no LHEO document written: see the findings");
    }
    if (rc == SNPLP_OK) {
        switch (to) {
        case TO_MEMORY:
            rc = snplp__out_memory(write_document, &p, out, size, fn);
            break;
        case TO_FILE:
            rc = snplp__out_file(write_document, &p, path, fn);
            break;
        case TO_CALLBACK:
            rc = snplp__out_callback(write_document, &p, write, user, fn);
            break;
        }
    }
    plan_free(&p);
    return rc;
}

int snplp_lheo_export_memory(char **out, size_t *size, const snplp_referential *catalogue,
                             const snplp_records *records, snplp_diagnostics *diags,
                             const snplp_lheo_options *options)
{
    if (!out || !size)
        return snplp__bad_arg(__func__, "NULL out or size");
    return export(catalogue, records, diags, options, TO_MEMORY, out, size, NULL, NULL, NULL,
                  __func__);
}

int snplp_lheo_export_file(const snplp_referential *catalogue, const snplp_records *records,
                           const char *path, snplp_diagnostics *diags,
                           const snplp_lheo_options *options)
{
    if (!path)
        return snplp__bad_arg(__func__, "NULL path");
    return export(catalogue, records, diags, options, TO_FILE, NULL, NULL, path, NULL, NULL,
                  __func__);
}

int snplp_lheo_export_callback(const snplp_referential *catalogue, const snplp_records *records,
                               snplp_write_fn write, void *user, snplp_diagnostics *diags,
                               const snplp_lheo_options *options)
{
    if (!write)
        return snplp__bad_arg(__func__, "NULL write function");
    return export(catalogue, records, diags, options, TO_CALLBACK, NULL, NULL, NULL, write, user,
                  __func__);
}
