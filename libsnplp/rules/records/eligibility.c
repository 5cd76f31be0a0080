/* Eligibility of a worker for a module (docs/records.md "Eligibility"): one answer, priority,
 * open or not yet, with every reason; and the modules a worker should take next. */
#include "rules/records/rindex.h"

#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "util/getters.h"
#include "util/errors.h"
#include "util/names.h"

/* The sentence a reason is stated with (the forms of the English messages). */
typedef enum form {
    F_MODULE_TARGETS,       /* the module lists the profession */
    F_MODULE_NOT,           /* the module lists others (count) */
    F_REF_TARGETS,          /* the referential has the profession (text: its title) */
    F_REF_TARGETS_CADRE,    /* the same, a cadre role */
    F_REF_NOT,              /* neither */
    F_DIPLOMA_UNKNOWN,      /* min */
    F_DIPLOMA_MET,          /* level, min */
    F_DIPLOMA_BELOW,        /* level, min */
    F_PREREQUISITE_TRAINED, /* text: the session; d1: its end */
    F_PREREQUISITE_MISSING, /* (the date of the question) */
    F_ALREADY_TRAINED       /* text: the session; d1, d2: its start and end */
} form;

/* A reason: its kind and what its sentence says, the strings in the answer's block. The
 * sentence itself is written on the first request of a message (messages_of()). */
typedef struct reason_item {
    snplp_eligibility_reason kind;
    form form;
    int level, min;
    size_t count;
    const char *item_id;
    const char *text;
    snplp_date d1, d2;
} reason_item;

/* An answer is one block: this structure, its reasons, then its strings (the worker's and the
 * module's ids, the reasons' ids and texts). The messages are another block, written on the first
 * request and published once (an answer may be read by several threads at once). */
struct snplp_eligibility {
    snplp_eligibility_answer answer;
    const char *worker_id;
    const char *module_id;
    snplp_date at;
    size_t n;
    _Atomic(char **) messages; /* NULL until asked: n pointers, then the sentences */
    reason_item reasons[];
};

struct snplp_eligibility_list {
    size_t n;
    snplp_eligibility **v;
};

static const char *const answer_names[] = {"none", "priority", "open", "not-yet"};
static const char *const reason_names[] = {
    "none",           "profession-targeted", "profession-not-targeted", "diploma-met",
    "diploma-below",  "diploma-unknown",     "prerequisite-trained",    "prerequisite-missing",
    "already-trained"};

const char *snplp_eligibility_answer_name(snplp_eligibility_answer answer)
{
    return snplp__name_of(answer_names, SNPLP__COUNT(answer_names), answer, "none");
}

const char *snplp_eligibility_reason_name(snplp_eligibility_reason kind)
{
    return snplp__name_of(reason_names, SNPLP__COUNT(reason_names), kind, "none");
}

void snplp_eligibility_free(snplp_eligibility *e)
{
    if (!e)
        return;
    snplp__free(atomic_load_explicit(&e->messages, memory_order_acquire));
    snplp__free(e);
}

/* A session the worker was trained in by the date. */
typedef struct trained {
    const snplp_session *session;
} trained;

/* The reasons an answer is built from before it is copied into its block: on the stack up to
 * this many, else allocated. */
#define REASONS_ON_STACK 32
#define TRAINED_ON_STACK 32

/* What every answer for one worker shares. */
typedef struct ctx {
    const char *fn;
    const snplp_records *records;
    const snplp_referential *ref;
    const snplp_worker *worker;
    const char *wid, *pid;
    snplp_date at;
    trained *t;
    size_t nt;
    /* the worker's profession in the referential, looked up once (for the modules that name
     * no profession) */
    bool looked_up;
    const snplp_item *profession;
    trained on_stack[TRAINED_ON_STACK];
} ctx;

static void ctx_dispose(ctx *c)
{
    if (c->t != c->on_stack)
        snplp__free(c->t);
}

/* Finds the worker and the sessions they were trained in by at. */
static int ctx_init(ctx *c, const char *fn, const snplp_records *records,
                    const snplp_referential *ref, const char *worker_id, snplp_date at)
{
    c->fn = fn;
    c->records = records;
    c->ref = ref;
    c->worker = NULL;
    c->at = at;
    c->t = c->on_stack;
    c->nt = 0;
    c->looked_up = false;
    c->profession = NULL;
    if (!snplp__rix_records_ok(records) || !snplp__ref_ok(ref) || !worker_id)
        return snplp__bad_arg(fn, "NULL or wrong records, referential or worker id");
    if (!snplp_date_is_valid(at))
        return snplp__fail_in(fn, SNPLP_EINVAL, "the date of the question is not a valid date");
    c->worker = snplp__records_worker(records, worker_id);
    if (!c->worker) {
        char b[80];
        return snplp__fail_in(fn, SNPLP_ENOTFOUND, "no worker '%s' in the records",
                              snplp__quote(b, sizeof b, worker_id));
    }
    c->wid = snplp_worker_id(c->worker);
    c->pid = snplp_worker_profession_id(c->worker);
    /* the worker's attendance, from the index the records keep (built on the first question,
     * rebuilt after an add): a question costs the worker's attendance, not all of them */
    const rix *ix;
    int rc = snplp__rix_cached(&ix, records);
    if (rc)
        return rc;
    const rix_entry *we = snplp__rix_get(ix, worker_id);
    size_t first = we ? ix->w_start[we->index] : 0, last = we ? ix->w_start[we->index + 1] : 0;
    size_t cap = TRAINED_ON_STACK;
    for (size_t k = first; k < last; k++) {
        const snplp_attendance *a = snplp_records_attendance_at(records, ix->w_att[k]);
        const snplp_session *s =
            ix->att_session[ix->w_att[k]] != RIX_NONE
                ? snplp_records_session_at(records, ix->att_session[ix->w_att[k]])
                : NULL;
        if (!s || !snplp__rix_trained(a, s) || snplp_date_compare(s->end, at) > 0)
            continue;
        if (c->nt == cap) {
            size_t grown = cap * 2;
            trained *t = snplp__malloc(grown * sizeof *t);
            if (!t)
                return snplp__oom(); /* c->t freed by ctx_dispose() */
            memcpy(t, c->t, c->nt * sizeof *t);
            ctx_dispose(c);
            c->t = t;
            cap = grown;
        }
        c->t[c->nt++] = (trained){s};
    }
    return 0;
}

/* The first session the worker was trained in for module_id, from *from on; NULL if none. */
static const snplp_session *trained_in(const ctx *c, const char *module_id, size_t *from)
{
    for (size_t i = *from; i < c->nt; i++)
        if (!strcmp(snplp_session_subject_id(c->t[i].session), module_id)) {
            *from = i + 1;
            return c->t[i].session;
        }
    *from = c->nt;
    return NULL;
}

/* ---- the messages, written on request ---- */

/* The sentences, by form (enum form's order). */
#define FMT_MODULE_TARGETS "profession '%s' of worker '%s' is one module '%s' targets"
#define FMT_MODULE_NOT                                                                             \
    "profession '%s' of worker '%s' is not among the %zu profession%s module '%s' "                \
    "targets: the worker may be admitted outside its priority public (seed 003)"
#define FMT_REF_TARGETS                                                                            \
    "profession '%s' (« %s », %s) of worker '%s' is one the referential targets "                \
    "first (seed 001, « prioritairement ciblés »); module '%s' names no profession "            \
    "of its own"
#define FMT_REF_NOT                                                                                \
    "profession '%s' of worker '%s' is not a profession the referential targets (seed "            \
    "001 names the social workers and cadre roles targeted first), and module '%s' "               \
    "names none: the worker may be admitted outside the priority public (seed 003)"
#define FMT_DIPLOMA_UNKNOWN                                                                        \
    "the diploma level of worker '%s' is unknown; diploma rule '%s' asks for "                     \
    "level %d or above: record the level to know (it is never read as 0)"
#define FMT_DIPLOMA_MET                                                                            \
    "the diploma level of worker '%s' is %d, at least level %d of diploma rule '%s'"
#define FMT_DIPLOMA_BELOW                                                                          \
    "the diploma level of worker '%s' is %d, below level %d of diploma rule '%s'"
#define FMT_PREREQUISITE_TRAINED                                                                   \
    "worker '%s' was trained in module '%s', a prerequisite of module '%s', in "                   \
    "session '%s' (ended %s)"
#define FMT_PREREQUISITE_MISSING                                                                   \
    "worker '%s' has not been trained by %s in module '%s', a prerequisite of module '%s'"
#define FMT_ALREADY_TRAINED                                                                        \
    "worker '%s' was already trained in module '%s' in session '%s' (%s to %s)"

static const size_t fmt_size[] = {
    sizeof FMT_MODULE_TARGETS,       sizeof FMT_MODULE_NOT,     sizeof FMT_REF_TARGETS,
    sizeof FMT_REF_TARGETS,          sizeof FMT_REF_NOT,        sizeof FMT_DIPLOMA_UNKNOWN,
    sizeof FMT_DIPLOMA_MET,          sizeof FMT_DIPLOMA_BELOW,  sizeof FMT_PREREQUISITE_TRAINED,
    sizeof FMT_PREREQUISITE_MISSING, sizeof FMT_ALREADY_TRAINED};

/* Writes reason r's sentence (snprintf's result). */
static int format_reason(char *buf, size_t size, const snplp_eligibility *e, const reason_item *r)
{
    const char *wid = e->worker_id, *mid = e->module_id, *pid = r->item_id;
    char b1[SNPLP_DATE_TEXT_SIZE], b2[SNPLP_DATE_TEXT_SIZE];
    switch (r->form) {
    case F_MODULE_TARGETS:
        return snprintf(buf, size, FMT_MODULE_TARGETS, pid, wid, mid);
    case F_MODULE_NOT:
        return snprintf(buf, size, FMT_MODULE_NOT, pid, wid, r->count, r->count == 1 ? "" : "s",
                        mid);
    case F_REF_TARGETS:
    case F_REF_TARGETS_CADRE:
        return snprintf(buf, size, FMT_REF_TARGETS, pid, r->text,
                        r->form == F_REF_TARGETS_CADRE ? "a cadre role"
                                                       : "a social worker's profession",
                        wid, mid);
    case F_REF_NOT:
        return snprintf(buf, size, FMT_REF_NOT, pid, wid, mid);
    case F_DIPLOMA_UNKNOWN:
        return snprintf(buf, size, FMT_DIPLOMA_UNKNOWN, wid, r->item_id, r->min);
    case F_DIPLOMA_MET:
        return snprintf(buf, size, FMT_DIPLOMA_MET, wid, r->level, r->min, r->item_id);
    case F_DIPLOMA_BELOW:
        return snprintf(buf, size, FMT_DIPLOMA_BELOW, wid, r->level, r->min, r->item_id);
    case F_PREREQUISITE_TRAINED:
        snplp_date_format(b1, sizeof b1, r->d1);
        return snprintf(buf, size, FMT_PREREQUISITE_TRAINED, wid, r->item_id, mid, r->text, b1);
    case F_PREREQUISITE_MISSING:
        snplp_date_format(b1, sizeof b1, e->at);
        return snprintf(buf, size, FMT_PREREQUISITE_MISSING, wid, b1, r->item_id, mid);
    case F_ALREADY_TRAINED:
        snplp_date_format(b1, sizeof b1, r->d1);
        snplp_date_format(b2, sizeof b2, r->d2);
        return snprintf(buf, size, FMT_ALREADY_TRAINED, wid, mid, r->text, b1, b2);
    }
    return -1;
}

/* At least the size of reason r's sentence: its form's text, each string it names once (the
 * worker's and the module's ids, of lengths ids, the item's id, the text or "(null)"), and room
 * for the rest (two dates of up to 11 bytes, two numbers of up to 20 digits, the words of the
 * profession's category). */
static size_t bound_of(size_t ids, const reason_item *r)
{
    return fmt_size[r->form] + ids + (r->item_id ? strlen(r->item_id) : 6) +
           (r->text ? strlen(r->text) : 6) + 128;
}

/* The answer's messages: written into one block on the first request, then published with a
 * compare-and-swap, so that threads reading the same answer at once all get the same block (a
 * thread that loses the race frees its own). NULL when the memory runs out (SNPLP_ENOMEM
 * recorded; a later request tries again). Each sentence is written once, into room bounded
 * beforehand (bound_of()): the block may end with some unused bytes. */
static char *const *messages_of(const snplp_eligibility *e)
{
    snplp_eligibility *m = (snplp_eligibility *)(uintptr_t)e; /* the messages are a cache */
    char **v = atomic_load_explicit(&m->messages, memory_order_acquire);
    if (v)
        return v;
    size_t ids = strlen(e->worker_id) + strlen(e->module_id);
    size_t total = e->n * sizeof(char *);
    for (size_t i = 0; i < e->n; i++)
        total += bound_of(ids, &e->reasons[i]);
    v = snplp__malloc(total ? total : 1);
    if (!v) {
        snplp__oom();
        return NULL;
    }
    char *text = (char *)(v + e->n);
    for (size_t i = 0; i < e->n; i++) {
        size_t room = bound_of(ids, &e->reasons[i]);
        int len = format_reason(text, room, e, &e->reasons[i]);
        if (len < 0 || (size_t)len >= room) {
            snplp__free(v);
            snplp__fail_in("snplp_eligibility_reason_message", SNPLP_EINTERNAL,
                           "a message cannot be formatted");
            return NULL;
        }
        v[i] = text;
        text += (size_t)len + 1;
    }
    char **expected = NULL;
    if (!atomic_compare_exchange_strong_explicit(&m->messages, &expected, v, memory_order_acq_rel,
                                                 memory_order_acquire)) {
        snplp__free(v);
        v = expected;
    }
    return v;
}

/* ---- the answers ---- */

/* The reasons of an answer being built; strings point into the records and the referential
 * until finish() copies them into the answer's block. */
typedef struct draft {
    reason_item *r;
    size_t n, cap;
    size_t strings; /* the bytes of the strings to copy */
    reason_item on_stack[REASONS_ON_STACK];
} draft;

static void draft_init(draft *d, size_t upper_bound)
{
    d->r = d->on_stack;
    d->n = 0;
    d->cap = REASONS_ON_STACK;
    d->strings = 0;
    if (upper_bound > REASONS_ON_STACK) {
        reason_item *r = snplp__malloc(upper_bound * sizeof *r);
        if (r) {
            d->r = r;
            d->cap = upper_bound;
        } else
            d->cap = 0; /* draft_add() fails */
    }
}

static void draft_dispose(draft *d)
{
    if (d->r != d->on_stack)
        snplp__free(d->r);
}

static size_t size_of(const char *s)
{
    return s ? strlen(s) + 1 : 0;
}

static int draft_add(draft *d, reason_item r)
{
    if (d->n == d->cap)
        return snplp__oom();
    d->strings += size_of(r.item_id) + size_of(r.text);
    d->r[d->n++] = r;
    return 0;
}

/* Copies s to *pool; NULL stays NULL. */
static const char *pool_copy(char **pool, const char *s)
{
    if (!s)
        return NULL;
    size_t len = strlen(s) + 1;
    char *p = memcpy(*pool, s, len);
    *pool += len;
    return p;
}

/* The answer in one block. */
static int finish(snplp_eligibility **out, const ctx *c, const snplp_item *module, const draft *d,
                  snplp_eligibility_answer answer)
{
    size_t head = sizeof(snplp_eligibility) + d->n * sizeof(reason_item);
    size_t size = head + size_of(c->wid) + size_of(module->id) + d->strings;
    snplp_eligibility *e = snplp__malloc(size);
    if (!e)
        return snplp__oom();
    char *pool = (char *)e + head;
    e->answer = answer;
    e->worker_id = pool_copy(&pool, c->wid);
    e->module_id = pool_copy(&pool, module->id);
    e->at = c->at;
    e->n = d->n;
    atomic_init(&e->messages, NULL);
    for (size_t i = 0; i < d->n; i++) {
        reason_item r = d->r[i];
        r.item_id = pool_copy(&pool, r.item_id);
        r.text = pool_copy(&pool, r.text);
        e->reasons[i] = r;
    }
    *out = e;
    return 0;
}

/* The profession's reason; *targeted tells. */
static int profession_reason(draft *d, ctx *c, const snplp_item *module, bool *targeted)
{
    const snplp_module *m = (const snplp_module *)module;
    const char *pid = c->pid;
    size_t n = snplp_module_profession_count(m);
    if (n > 0) {
        *targeted = false;
        for (size_t i = 0; i < n && !*targeted; i++)
            *targeted = !strcmp(snplp_module_profession_at(m, i), pid);
        if (*targeted)
            return draft_add(d, (reason_item){.kind = SNPLP_REASON_PROFESSION_TARGETED,
                                              .form = F_MODULE_TARGETS,
                                              .item_id = pid});
        return draft_add(d, (reason_item){.kind = SNPLP_REASON_PROFESSION_NOT_TARGETED,
                                          .form = F_MODULE_NOT,
                                          .count = n,
                                          .item_id = pid});
    }
    if (!c->looked_up) {
        c->profession = snplp__rix_item(c->ref, pid);
        c->looked_up = true;
    }
    const snplp_item *p = c->profession;
    *targeted = p && p->kind == SNPLP_KIND_PROFESSION;
    if (*targeted) {
        const snplp_profession *pr = (const snplp_profession *)p;
        return draft_add(d,
                         (reason_item){.kind = SNPLP_REASON_PROFESSION_TARGETED,
                                       .form = snplp_profession_category(pr) == SNPLP_CATEGORY_CADRE
                                                   ? F_REF_TARGETS_CADRE
                                                   : F_REF_TARGETS,
                                       .item_id = pid,
                                       .text = snplp_profession_title(pr)});
    }
    return draft_add(d, (reason_item){.kind = SNPLP_REASON_PROFESSION_NOT_TARGETED,
                                      .form = F_REF_NOT,
                                      .item_id = pid});
}

/* The reasons of the diploma rules with a minimum level; *met tells whether all are met. */
static int diploma_reasons(draft *d, const ctx *c, bool *met)
{
    *met = true;
    int level = c->worker->level;
    bool known = c->worker->has_level;
    size_t n = snplp_referential_diploma_rule_count(c->ref);
    for (size_t i = 0; i < n; i++) {
        const snplp_item *rule = (const snplp_item *)snplp_referential_diploma_rule_at(c->ref, i);
        if (!rule->has_number)
            continue;
        int min = (int)rule->number.integer;
        reason_item r = {.item_id = rule->id, .level = level, .min = min};
        if (!known) {
            *met = false;
            r.kind = SNPLP_REASON_DIPLOMA_UNKNOWN;
            r.form = F_DIPLOMA_UNKNOWN;
        } else if (level >= min) {
            r.kind = SNPLP_REASON_DIPLOMA_MET;
            r.form = F_DIPLOMA_MET;
        } else {
            *met = false;
            r.kind = SNPLP_REASON_DIPLOMA_BELOW;
            r.form = F_DIPLOMA_BELOW;
        }
        int rc = draft_add(d, r);
        if (rc)
            return rc;
    }
    return 0;
}

static int decide(snplp_eligibility **out, ctx *c, const snplp_item *module)
{
    const snplp_module *m = (const snplp_module *)module;
    size_t np = snplp_module_prerequisite_count(m);
    draft d;
    /* at most: the profession, each diploma rule, each prerequisite, each session trained */
    draft_init(&d, 1 + snplp_referential_diploma_rule_count(c->ref) + np + c->nt);
    bool targeted = false, diploma = true, missing = false;
    int rc = profession_reason(&d, c, module, &targeted);
    if (!rc)
        rc = diploma_reasons(&d, c, &diploma);
    for (size_t i = 0; !rc && i < np; i++) {
        const char *pre = snplp_module_prerequisite_at(m, i);
        size_t from = 0;
        const snplp_session *s = trained_in(c, pre, &from);
        if (s)
            rc = draft_add(&d, (reason_item){.kind = SNPLP_REASON_PREREQUISITE_TRAINED,
                                             .form = F_PREREQUISITE_TRAINED,
                                             .item_id = pre,
                                             .text = snplp_session_id(s),
                                             .d1 = snplp_session_end(s)});
        else {
            missing = true;
            rc = draft_add(&d, (reason_item){.kind = SNPLP_REASON_PREREQUISITE_MISSING,
                                             .form = F_PREREQUISITE_MISSING,
                                             .item_id = pre});
        }
    }
    size_t from = 0;
    for (const snplp_session *s; !rc && (s = trained_in(c, module->id, &from));) {
        const char *sid = snplp_session_id(s);
        rc = draft_add(&d, (reason_item){.kind = SNPLP_REASON_ALREADY_TRAINED,
                                         .form = F_ALREADY_TRAINED,
                                         .item_id = sid,
                                         .text = sid,
                                         .d1 = snplp_session_start(s),
                                         .d2 = snplp_session_end(s)});
    }
    if (!rc)
        rc = finish(out, c, module, &d,
                    missing               ? SNPLP_ELIGIBILITY_NOT_YET
                    : targeted && diploma ? SNPLP_ELIGIBILITY_PRIORITY
                                          : SNPLP_ELIGIBILITY_OPEN);
    draft_dispose(&d);
    return rc;
}

int snplp_records_eligibility(snplp_eligibility **out, const snplp_records *records,
                              const snplp_referential *ref, const char *worker_id,
                              const char *module_id, snplp_date at)
{
    if (!out || !module_id)
        return snplp__bad_arg(__func__, "NULL out or module id");
    if (!snplp__rix_records_ok(records) || !snplp__ref_ok(ref))
        return snplp__bad_arg(__func__, "NULL or wrong records or referential");
    const snplp_item *module = snplp__rix_item(ref, module_id);
    if (!module || module->kind != SNPLP_KIND_MODULE) {
        char b[80];
        return snplp__fail_in(__func__, SNPLP_ENOTFOUND, "no module '%s' in the referential%s",
                              snplp__quote(b, sizeof b, module_id),
                              module ? " (it names another kind of item)" : "");
    }
    ctx c;
    int rc = ctx_init(&c, __func__, records, ref, worker_id, at);
    if (!rc)
        rc = decide(out, &c, module);
    ctx_dispose(&c);
    return rc;
}

SNPLP_DEFINE_GETTER(snplp_eligibility_answer, snplp_eligibility_answer_of, snplp_eligibility,
                    SNPLP__AS_IS, answer, SNPLP_ELIGIBILITY_NONE)
SNPLP_DEFINE_GETTER(const char *, snplp_eligibility_worker_id, snplp_eligibility, SNPLP__AS_IS,
                    worker_id, NULL)
SNPLP_DEFINE_GETTER(const char *, snplp_eligibility_module_id, snplp_eligibility, SNPLP__AS_IS,
                    module_id, NULL)
SNPLP_DEFINE_GETTER(size_t, snplp_eligibility_reason_count, snplp_eligibility, SNPLP__AS_IS, n, 0)

static const reason_item *reason_of(const snplp_eligibility *e, size_t index)
{
    return e && index < e->n ? &e->reasons[index] : NULL;
}

snplp_eligibility_reason snplp_eligibility_reason_at(const snplp_eligibility *e, size_t index)
{
    const reason_item *r = reason_of(e, index);
    return r ? r->kind : SNPLP_REASON_NONE;
}

const char *snplp_eligibility_reason_item_id(const snplp_eligibility *e, size_t index)
{
    const reason_item *r = reason_of(e, index);
    return r ? r->item_id : NULL;
}

const char *snplp_eligibility_reason_message(const snplp_eligibility *e, size_t index)
{
    if (!reason_of(e, index))
        return NULL;
    char *const *v = messages_of(e);
    return v ? v[index] : NULL;
}

/* ---- the modules to take next ---- */

void snplp_eligibility_list_free(snplp_eligibility_list *list)
{
    if (!list)
        return;
    for (size_t i = 0; i < list->n; i++)
        snplp_eligibility_free(list->v[i]);
    snplp__free(list->v);
    snplp__free(list);
}

SNPLP_DEFINE_GETTER(size_t, snplp_eligibility_list_count, snplp_eligibility_list, SNPLP__AS_IS, n,
                    0)

const snplp_eligibility *snplp_eligibility_list_at(const snplp_eligibility_list *list, size_t index)
{
    return list && index < list->n ? list->v[index] : NULL;
}

int snplp_records_next_modules(snplp_eligibility_list **out, const snplp_records *records,
                               const snplp_referential *ref, const char *worker_id, snplp_date at)
{
    if (!out)
        return snplp__bad_arg(__func__, "out is NULL");
    ctx c;
    int rc = ctx_init(&c, __func__, records, ref, worker_id, at);
    snplp_eligibility_list *list = NULL;
    size_t nm = rc ? 0 : snplp_referential_module_count(ref);
    if (!rc && (!(list = snplp__calloc(1, sizeof *list)) ||
                !(list->v = snplp__calloc(nm ? nm : 1, sizeof *list->v))))
        rc = snplp__oom();
    /* fundamentals first, then expert (and any other level), each in document order */
    for (int pass = 0; !rc && pass < 2; pass++)
        for (size_t i = 0; !rc && i < nm; i++) {
            const snplp_item *m = (const snplp_item *)snplp_referential_module_at(ref, i);
            bool fundamentals = m->variant == SNPLP_LEVEL_FUNDAMENTALS;
            size_t from = 0;
            if (fundamentals != (pass == 0) || trained_in(&c, m->id, &from))
                continue;
            rc = decide(&list->v[list->n], &c, m);
            if (!rc)
                list->n++;
        }
    ctx_dispose(&c);
    if (rc) {
        snplp_eligibility_list_free(list);
        return rc;
    }
    *out = list;
    return 0;
}
