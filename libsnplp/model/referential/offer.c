/* The offer of a module (offer.h): what a training body states about a module it offers, for
 * LHEO. Most modules have none, so offers live in a map of the referential, by module id, rather
 * than in every item. The coded values are checked against the official tables of the LHEO
 * definition (lheo-gml.xml 2.3.0, COPIL LHÉO), copied below verbatim; a test compares them with
 * the definition's copy under tests/lheo/. */
#include <string.h>

#include <snplp/offer.h>

#include "model/referential/item.h"
#include "util/alloc.h"
#include "util/errors.h"

/* ---- the official tables ---- */

typedef struct lheo_entry {
    int key;
    const char *label;
} lheo_entry;

static const lheo_entry boolean[] = {{0, "non"}, {1, "oui"}, {-1, NULL}};
static const lheo_entry type_parcours[] = {{1, "en groupe (non personnalisable)"},
                                           {2, "individualisé"},
                                           {3, "modularisé"},
                                           {4, "mixte"},
                                           {-1, NULL}};
static const lheo_entry niveaux[] = {
    {0, "information non communiquée"},
    {1, "sans niveau spécifique"},
    {2, "niveau VI (illettrisme, analphabétisme)"},
    {3, "niveau V bis (préqualification)"},
    {4, "niveau V (CAP, BEP, CFPA du premier degré)"},
    {5, "niveau IV (BP, BT, baccalauréat professionnel ou technologique)"},
    {6, "niveau III (BTS, DUT)"},
    {7, "niveau II (licence ou maîtrise universitaire)"},
    {8, "niveau I (supérieur à la maîtrise)"},
    {11, "Niveau 1. Maîtrise des savoirs de base"},
    {12, "Niveau 2. Capacité à effectuer des activités simples et résoudre des problèmes courants "
         "à l'aide de règles et d'outils simples en mobilisant des savoir-faire professionnels "
         "dans un contexte structuré"},
    {13, "Niveau 3. Capacité à effectuer des activités et résoudre des problèmes en sélectionnant "
         "et appliquant des méthodes, des outils, des matériels et des informations de base, dans "
         "un contexte connu, ainsi que la capacité à adapter les moyens d'exécution et son "
         "comportement aux circonstances"},
    {14, "Niveau 4. Capacité à effectuer des activités nécessitant de mobiliser un éventail large "
         "d'aptitudes, d'adapter des solutions existantes pour résoudre des problèmes précis, à "
         "organiser son travail de manière autonome dans des contextes généralement prévisibles "
         "mais susceptibles de changer, ainsi qu'à participer à l'évaluation des activités. "
         "Exemple: diplôme national du baccalauréat"},
    {15, "Niveau 5. Capacité à maitriser des savoir-faire dans un champ d'activité, à élaborer des "
         "solutions à des problèmes nouveaux, à analyser et interpréter des informations, en "
         "mobilisant des concepts, à transmettre le savoir-faire et des méthodes"},
    {16, "Niveau 6. Capacité à analyser et résoudre des problèmes complexes imprévus dans un "
         "domaine spécifique, à formaliser des savoir-faire et des méthodes et à les capitaliser. "
         "Exemple: grade de licence"},
    {17, "Niveau 7. Capacité à élaborer et mettre en œuvre des stratégies alternatives pour le "
         "développement de l'activité professionnelle dans des contextes professionnels complexes, "
         "ainsi qu'à évaluer les risques et les conséquences de son activité. Exemple: grade de "
         "master"},
    {18, "Niveau 8. Capacité à identifier et résoudre des problèmes complexes et nouveaux "
         "impliquant une pluralité de domaines, en mobilisant les connaissances et les "
         "savoir-faire les plus avancés, à concevoir et piloter des projets et des processus de "
         "recherche et d'innovation. Exemple: diplôme national de doctorat"},
    {-1, NULL}};

static const struct {
    const char *name;  /* in the snplp format */
    const char *table; /* the LHEO table */
    const lheo_entry *entries;
} codes[SNPLP_OFFER_CODE_COUNT + 1] = {
    [SNPLP_OFFER_PATH] = {"path", "dict-type-parcours", type_parcours},
    [SNPLP_OFFER_ENTRY_LEVEL] = {"entry-level", "dict-niveaux", niveaux},
    [SNPLP_OFFER_EXIT_LEVEL] = {"exit-level", "dict-niveaux", niveaux},
    [SNPLP_OFFER_CERTIFYING] = {"certifying", "dict-boolean", boolean},
    [SNPLP_OFFER_ENTRY_LEVEL_REQUIRED] = {"entry-level-required", "dict-boolean", boolean},
    [SNPLP_OFFER_FEES_COVERED] = {"fees-covered", "dict-boolean", boolean},
};

static const char *const text_names[SNPLP_OFFER_TEXT_COUNT + 1] = {
    [SNPLP_OFFER_RHYTHM] = "rhythm",
    [SNPLP_OFFER_WORK_STUDY] = "work-study",
    [SNPLP_OFFER_CONDITIONS] = "conditions",
    [SNPLP_OFFER_AUDIENCE_INFO] = "audience-info",
    [SNPLP_OFFER_OBJECTIVES] = "objectives",
    [SNPLP_OFFER_RESULTS] = "results",
    [SNPLP_OFFER_CONTENT] = "content-description",
};

static bool code_ok(snplp_offer_code which)
{
    return which >= 1 && which <= SNPLP_OFFER_CODE_COUNT;
}

static bool text_ok(snplp_offer_text which)
{
    return which >= 1 && which <= SNPLP_OFFER_TEXT_COUNT;
}

const char *snplp_offer_code_name(snplp_offer_code which)
{
    return code_ok(which) ? codes[which].name : "unknown";
}

const char *snplp_offer_code_table(snplp_offer_code which)
{
    return code_ok(which) ? codes[which].table : NULL;
}

const char *snplp_offer_code_label(snplp_offer_code which, int code)
{
    if (!code_ok(which))
        return NULL;
    for (const lheo_entry *e = codes[which].entries; e->label; e++)
        if (e->key == code)
            return e->label;
    return NULL;
}

const char *snplp_offer_text_name(snplp_offer_text which)
{
    return text_ok(which) ? text_names[which] : "unknown";
}

/* ---- the storage ---- */

static snplp_offer *find(const snplp_item *it)
{
    return it && it->has_offer
               ? snplp__idmap_get_keyed(&it->root->offers, it->id, offsetof(snplp_offer, module_id))
               : NULL;
}

const snplp_offer *snplp__offer_of(const snplp_item *it)
{
    return find(it);
}

/* A new offer for it, not yet in the map (NULL when out of memory). */
static snplp_offer *make(const snplp_item *it)
{
    snplp_offer *o = snplp__calloc(1, sizeof *o);
    if (!o)
        return NULL;
    o->module_id = it->id;
    for (int i = 0; i <= SNPLP_OFFER_CODE_COUNT; i++)
        o->codes[i] = -1;
    return o;
}

/* Puts the new offer o of it in the map: the last step of a change that can fail (false when
 * out of memory: nothing changed, o is the caller's). */
static bool attach(snplp_item *it, snplp_offer *o)
{
    snplp_idmap_growth g;
    if (snplp__idmap_reserve_undoable(&it->root->offers, &g) != SNPLP_OK)
        return false;
    snplp__idmap_growth_commit(&g);
    snplp__idmap_put_keyed(&it->root->offers, o, offsetof(snplp_offer, module_id));
    it->has_offer = true;
    return true;
}

static void offer_free(snplp_offer *o)
{
    for (int i = 0; i <= SNPLP_OFFER_TEXT_COUNT; i++)
        snplp__free(o->texts[i]);
    snplp__free(o->formacode_version);
    snplp__list_dispose_strings(&o->audience_codes);
    snplp__free(o);
}

void snplp__offers_dispose(snplp_referential *ref)
{
    for (size_t i = 0; i < ref->offers.cap; i++)
        if (ref->offers.slots[i].obj)
            offer_free(ref->offers.slots[i].obj);
    snplp__idmap_dispose(&ref->offers);
}

static bool same_text(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

bool snplp__offer_equal(const snplp_offer *a, const snplp_offer *b)
{
    if (!a || !b) {
        /* an offer with nothing set is no offer */
        const snplp_offer *o = a ? a : b;
        return !o || snplp__offer_is_empty(o);
    }
    if (memcmp(a->codes, b->codes, sizeof a->codes) != 0 ||
        !same_text(a->formacode_version, b->formacode_version) ||
        a->audience_codes.n != b->audience_codes.n)
        return false;
    for (int i = 0; i <= SNPLP_OFFER_TEXT_COUNT; i++)
        if (!same_text(a->texts[i], b->texts[i]))
            return false;
    for (uint32_t i = 0; i < a->audience_codes.n; i++)
        if (strcmp(a->audience_codes.v[i], b->audience_codes.v[i]) != 0)
            return false;
    return true;
}

bool snplp__offer_is_empty(const snplp_offer *o)
{
    if (!o)
        return true;
    for (int i = 1; i <= SNPLP_OFFER_CODE_COUNT; i++)
        if (o->codes[i] >= 0)
            return false;
    for (int i = 1; i <= SNPLP_OFFER_TEXT_COUNT; i++)
        if (o->texts[i])
            return false;
    return !o->formacode_version && o->audience_codes.n == 0;
}

/* ---- the public functions ---- */

/* The module item of a public function that changes it, or NULL with the error recorded. */
static snplp_item *changing(snplp_module *module, const char *fn, int *rc)
{
    snplp_item *it = SNPLP__ITEM(module, MODULE);
    if (!it) {
        *rc = snplp__bad_arg(fn, "NULL or wrong object");
        return NULL;
    }
    *rc = snplp__ref_check_unfrozen(it->root, fn);
    return *rc ? NULL : it;
}

bool snplp_module_has_offer(const snplp_module *module)
{
    return !snplp__offer_is_empty(find(SNPLP__ITEM(module, MODULE)));
}

int snplp_module_offer_code(const snplp_module *module, snplp_offer_code which)
{
    const snplp_offer *o = find(SNPLP__ITEM(module, MODULE));
    return o && code_ok(which) ? o->codes[which] : -1;
}

int snplp__offer_set_code(snplp_item *it, snplp_offer_code which, int code, const char *fn)
{
    if (!code_ok(which))
        return snplp__fail_in(fn, SNPLP_EINVAL, "unknown coded value %d of an offer", (int)which);
    if (code != -1 && !snplp_offer_code_label(which, code))
        return snplp__fail_in(fn, SNPLP_EINVAL,
                              "%d is not a code of the LHEO table %s (the offer's %s)", code,
                              codes[which].table, codes[which].name);
    snplp_offer *o = find(it);
    if (!o && code == -1)
        return SNPLP_OK;
    if (!o) {
        if (!(o = make(it)))
            return snplp__oom();
        if (!attach(it, o)) {
            snplp__free(o);
            return snplp__oom();
        }
    }
    o->codes[which] = (int8_t)code;
    snplp__touch(it->root);
    return SNPLP_OK;
}

int snplp_module_set_offer_code(snplp_module *module, snplp_offer_code which, int code)
{
    int rc;
    snplp_item *it = changing(module, __func__, &rc);
    return it ? snplp__offer_set_code(it, which, code, __func__) : rc;
}

const char *snplp_module_offer_text(const snplp_module *module, snplp_offer_text which)
{
    const snplp_offer *o = find(SNPLP__ITEM(module, MODULE));
    return o && text_ok(which) ? o->texts[which] : NULL;
}

/* Sets *slot to a checked copy of text (NULL unsets it); what names it in messages. */
static int set_text(snplp_item *it, char **slot_of_offer(snplp_offer *o, int which), int which,
                    const char *text, snplp_text_origin origin, const char *fn, const char *what)
{
    if (text && snplp__text_is_blank(text))
        return snplp__fail_in(fn, SNPLP_EINVAL, "the offer's %s is blank", what);
    char *copy = NULL;
    if (text) {
        int rc = snplp__text_copy(&copy, text, NULL, origin, fn, what);
        if (rc)
            return rc;
    }
    snplp_offer *o = find(it);
    if (!o && !text)
        return SNPLP_OK;
    if (!o) {
        if (!(o = make(it)) || !attach(it, o)) {
            snplp__free(o);
            snplp__free(copy);
            return snplp__oom();
        }
    }
    char **slot = slot_of_offer(o, which);
    snplp__free(*slot);
    *slot = copy;
    snplp__touch(it->root);
    return SNPLP_OK;
}

static char **text_slot(snplp_offer *o, int which)
{
    return &o->texts[which];
}

static char **version_slot(snplp_offer *o, int which)
{
    (void)which;
    return &o->formacode_version;
}

int snplp__offer_set_text(snplp_item *it, snplp_offer_text which, const char *text,
                          snplp_text_origin origin, const char *fn)
{
    if (!text_ok(which))
        return snplp__fail_in(fn, SNPLP_EINVAL, "unknown text %d of an offer", (int)which);
    return set_text(it, text_slot, (int)which, text, origin, fn, text_names[which]);
}

int snplp_module_set_offer_text(snplp_module *module, snplp_offer_text which, const char *text)
{
    int rc;
    snplp_item *it = changing(module, __func__, &rc);
    return it ? snplp__offer_set_text(it, which, text, SNPLP_TEXT_UNCHECKED, __func__) : rc;
}

const char *snplp_module_formacode_version(const snplp_module *module)
{
    const snplp_offer *o = find(SNPLP__ITEM(module, MODULE));
    return o ? o->formacode_version : NULL;
}

static bool digits(const char *s, size_t min, size_t max)
{
    size_t n = 0;
    for (; s[n]; n++)
        if (s[n] < '0' || s[n] > '9' || n >= max)
            return false;
    return n >= min;
}

int snplp__offer_set_formacode_version(snplp_item *it, const char *version, const char *fn)
{
    if (version && (version[0] != 'V' || !digits(version + 1, 1, 3)))
        return snplp__fail_in(fn, SNPLP_EINVAL,
                              "a FORMACODE version is V then 1 to 3 digits (V14), not \"%.20s\"",
                              version);
    return set_text(it, version_slot, 0, version, SNPLP_TEXT_CHECKED, fn, "FORMACODE version");
}

int snplp_module_set_formacode_version(snplp_module *module, const char *version)
{
    int rc;
    snplp_item *it = changing(module, __func__, &rc);
    return it ? snplp__offer_set_formacode_version(it, version, __func__) : rc;
}

size_t snplp_module_audience_code_count(const snplp_module *module)
{
    const snplp_offer *o = find(SNPLP__ITEM(module, MODULE));
    return o ? o->audience_codes.n : 0;
}

const char *snplp_module_audience_code_at(const snplp_module *module, size_t index)
{
    const snplp_offer *o = find(SNPLP__ITEM(module, MODULE));
    return o ? snplp__list_at(&o->audience_codes, index) : NULL;
}

int snplp__offer_add_audience_code(snplp_item *it, const char *code, const char *fn)
{
    if (!code || !digits(code, 5, 5))
        return snplp__fail_in(fn, SNPLP_EINVAL,
                              "an audience code is a FORMACODE code of five digits, not \"%.20s\"",
                              code ? code : "(null)");
    snplp_offer *o = find(it);
    if (o) {
        if (o->audience_codes.n >= SNPLP_OFFER_MAX_AUDIENCE_CODES)
            return snplp__fail_in(fn, SNPLP_EINVAL, "an offer has at most %d audience codes",
                                  SNPLP_OFFER_MAX_AUDIENCE_CODES);
        for (uint32_t i = 0; i < o->audience_codes.n; i++)
            if (strcmp(o->audience_codes.v[i], code) == 0)
                return snplp__fail_in(fn, SNPLP_EEXISTS, "the audience code %s is there already",
                                      code);
    }
    bool fresh = !o;
    char *copy = snplp__strdup(code);
    if (!copy || (fresh && !(o = make(it))))
        goto oom;
    if (snplp__list_reserve(&o->audience_codes) != SNPLP_OK)
        goto oom;
    if (fresh && !attach(it, o))
        goto oom;
    snplp__list_push(&o->audience_codes, copy);
    snplp__touch(it->root);
    return SNPLP_OK;
oom:
    snplp__free(copy);
    if (fresh && o) {
        snplp__list_dispose(&o->audience_codes);
        snplp__free(o);
    }
    return snplp__oom();
}

int snplp_module_add_audience_code(snplp_module *module, const char *code)
{
    int rc;
    snplp_item *it = changing(module, __func__, &rc);
    return it ? snplp__offer_add_audience_code(it, code, __func__) : rc;
}

int snplp_module_clear_audience_codes(snplp_module *module)
{
    int rc;
    snplp_item *it = changing(module, __func__, &rc);
    if (!it)
        return rc;
    snplp_offer *o = find(it);
    if (o && o->audience_codes.n) {
        snplp__list_dispose_strings(&o->audience_codes);
        snplp__touch(it->root);
    }
    return SNPLP_OK;
}
