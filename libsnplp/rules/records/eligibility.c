/* Eligibility of a worker for a module (docs/records.md "Eligibility"): one answer, priority,
 * open or not yet, with every reason; and the modules a worker should take next. */
#include "rules/records/rindex.h"

#include <stdlib.h>
#include <string.h>

#include <stdarg.h>
#include <stdio.h>

#include "util/alloc.h"
#include "util/getters.h"
#include "util/errors.h"
#include "util/names.h"

typedef struct reason_item {
    snplp_eligibility_reason kind;
    char *item_id;
    char *message;
} reason_item;

struct snplp_eligibility {
    snplp_eligibility_answer answer;
    char *worker_id;
    char *module_id;
    size_t n, cap;
    reason_item *reasons;
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
    for (size_t i = 0; i < e->n; i++) {
        snplp__free(e->reasons[i].item_id);
        snplp__free(e->reasons[i].message);
    }
    snplp__free(e->reasons);
    snplp__free(e->worker_id);
    snplp__free(e->module_id);
    snplp__free(e);
}

/* A session the worker was trained in by the date. */
typedef struct trained {
    const snplp_session *session;
} trained;

/* What every answer for one worker shares. */
typedef struct ctx {
    const char *fn;
    const snplp_records *records;
    const snplp_referential *ref;
    const snplp_worker *worker;
    snplp_date at;
    trained *t;
    size_t nt;
} ctx;

static void ctx_dispose(ctx *c)
{
    snplp__free(c->t);
}

/* Finds the worker and the sessions they were trained in by at. */
static int ctx_init(ctx *c, const char *fn, const snplp_records *records,
                    const snplp_referential *ref, const char *worker_id, snplp_date at)
{
    memset(c, 0, sizeof *c);
    c->fn = fn;
    c->records = records;
    c->ref = ref;
    c->at = at;
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
    /* one pass over the attendance records (the model keeps no index by worker) */
    size_t na, cap = 0;
    snplp_attendance *const *att = snplp__records_attendances(records, &na);
    for (size_t i = 0; i < na; i++) {
        const snplp_attendance *a = att[i];
        if (strcmp(a->worker_id, worker_id))
            continue;
        const snplp_session *s = snplp__records_session(records, a->session_id);
        if (!s || !snplp__rix_trained(a, s) || snplp_date_compare(s->end, at) > 0)
            continue;
        if (c->nt == cap) {
            size_t grown = cap ? cap * 2 : 8;
            trained *t = snplp__realloc(c->t, grown * sizeof *t);
            if (!t)
                return snplp__oom(); /* c->t freed by ctx_dispose() */
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

/* Appends a reason with a printf-formatted message. */
__attribute__((format(printf, 5, 6))) static int add(snplp_eligibility *e, const ctx *c,
                                                     snplp_eligibility_reason kind,
                                                     const char *item, const char *fmt, ...)
{
    if (e->n == e->cap) {
        size_t cap = e->cap ? e->cap * 2 : 4;
        reason_item *v = snplp__realloc(e->reasons, cap * sizeof *v);
        if (!v)
            return snplp__oom();
        e->reasons = v;
        e->cap = cap;
    }
    va_list ap, ap2;
    va_start(ap, fmt);
    va_copy(ap2, ap);
    int len = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *message = len < 0 ? NULL : snplp__malloc((size_t)len + 1);
    if (message)
        vsnprintf(message, (size_t)len + 1, fmt, ap2);
    va_end(ap2);
    if (len < 0)
        return snplp__fail_in(c->fn, SNPLP_EINTERNAL, "a message cannot be formatted");
    char *id = message ? snplp__strdup(item) : NULL;
    if (!id) {
        snplp__free(message);
        return snplp__oom();
    }
    e->reasons[e->n++] = (reason_item){kind, id, message};
    return 0;
}

static const char *profession_words(const snplp_item *p)
{
    return snplp_profession_category((const snplp_profession *)p) == SNPLP_CATEGORY_CADRE
               ? "a cadre role"
               : "a social worker's profession";
}

/* The profession's reason; *targeted tells. */
static int profession_reason(snplp_eligibility *e, const ctx *c, const snplp_item *module,
                             bool *targeted)
{
    const snplp_module *m = (const snplp_module *)module;
    const char *wid = snplp_worker_id(c->worker), *pid = snplp_worker_profession_id(c->worker);
    size_t n = snplp_module_profession_count(m);
    if (n > 0) {
        *targeted = false;
        for (size_t i = 0; i < n && !*targeted; i++)
            *targeted = !strcmp(snplp_module_profession_at(m, i), pid);
        if (*targeted)
            return add(e, c, SNPLP_REASON_PROFESSION_TARGETED, pid,
                       "profession '%s' of worker '%s' is one module '%s' targets", pid, wid,
                       module->id);
        return add(e, c, SNPLP_REASON_PROFESSION_NOT_TARGETED, pid,
                   "profession '%s' of worker '%s' is not among the %zu profession%s module '%s' "
                   "targets: the worker may be admitted outside its priority public (seed 003)",
                   pid, wid, n, n == 1 ? "" : "s", module->id);
    }
    const snplp_item *p = snplp__rix_item(c->ref, pid);
    *targeted = p && p->kind == SNPLP_KIND_PROFESSION;
    if (*targeted)
        return add(e, c, SNPLP_REASON_PROFESSION_TARGETED, pid,
                   "profession '%s' (« %s », %s) of worker '%s' is one the referential targets "
                   "first (seed 001, « prioritairement ciblés »); module '%s' names no profession "
                   "of its own",
                   pid, snplp_profession_title((const snplp_profession *)p), profession_words(p),
                   wid, module->id);
    return add(e, c, SNPLP_REASON_PROFESSION_NOT_TARGETED, pid,
               "profession '%s' of worker '%s' is not a profession the referential targets (seed "
               "001 names the social workers and cadre roles targeted first), and module '%s' "
               "names none: the worker may be admitted outside the priority public (seed 003)",
               pid, wid, module->id);
}

/* The reasons of the diploma rules with a minimum level; *met tells whether all are met. */
static int diploma_reasons(snplp_eligibility *e, const ctx *c, bool *met)
{
    *met = true;
    const char *wid = snplp_worker_id(c->worker);
    int level = c->worker->level;
    bool known = c->worker->has_level;
    size_t n = snplp_referential_diploma_rule_count(c->ref);
    for (size_t i = 0; i < n; i++) {
        const snplp_item *rule = (const snplp_item *)snplp_referential_diploma_rule_at(c->ref, i);
        if (!rule->has_number)
            continue;
        int min = (int)rule->number.integer;
        int rc;
        if (!known) {
            *met = false;
            rc = add(e, c, SNPLP_REASON_DIPLOMA_UNKNOWN, rule->id,
                     "the diploma level of worker '%s' is unknown; diploma rule '%s' asks for "
                     "level %d or above: record the level to know (it is never read as 0)",
                     wid, rule->id, min);
        } else if (level >= min) {
            rc = add(e, c, SNPLP_REASON_DIPLOMA_MET, rule->id,
                     "the diploma level of worker '%s' is %d, at least level %d of diploma rule "
                     "'%s'",
                     wid, level, min, rule->id);
        } else {
            *met = false;
            rc = add(e, c, SNPLP_REASON_DIPLOMA_BELOW, rule->id,
                     "the diploma level of worker '%s' is %d, below level %d of diploma rule "
                     "'%s'",
                     wid, level, min, rule->id);
        }
        if (rc)
            return rc;
    }
    return 0;
}

static int decide(snplp_eligibility **out, const ctx *c, const snplp_item *module)
{
    snplp_eligibility *e = snplp__calloc(1, sizeof *e);
    if (!e)
        return snplp__oom();
    const char *wid = snplp_worker_id(c->worker);
    const snplp_module *m = (const snplp_module *)module;
    char at[SNPLP_DATE_TEXT_SIZE], b1[SNPLP_DATE_TEXT_SIZE], b2[SNPLP_DATE_TEXT_SIZE];
    snplp_date_format(at, sizeof at, c->at);
    bool targeted = false, diploma = true, missing = false;
    int rc = 0;
    if (!(e->worker_id = snplp__strdup(wid)) || !(e->module_id = snplp__strdup(module->id)))
        rc = snplp__oom();
    if (!rc)
        rc = profession_reason(e, c, module, &targeted);
    if (!rc)
        rc = diploma_reasons(e, c, &diploma);
    for (size_t i = 0; !rc && i < snplp_module_prerequisite_count(m); i++) {
        const char *pre = snplp_module_prerequisite_at(m, i);
        size_t from = 0;
        const snplp_session *s = trained_in(c, pre, &from);
        if (s) {
            snplp_date_format(b1, sizeof b1, snplp_session_end(s));
            rc = add(e, c, SNPLP_REASON_PREREQUISITE_TRAINED, pre,
                     "worker '%s' was trained in module '%s', a prerequisite of module '%s', in "
                     "session '%s' (ended %s)",
                     wid, pre, module->id, snplp_session_id(s), b1);
        } else {
            missing = true;
            rc = add(e, c, SNPLP_REASON_PREREQUISITE_MISSING, pre,
                     "worker '%s' has not been trained by %s in module '%s', a prerequisite of "
                     "module '%s'",
                     wid, at, pre, module->id);
        }
    }
    size_t from = 0;
    for (const snplp_session *s; !rc && (s = trained_in(c, module->id, &from));) {
        snplp_date_format(b1, sizeof b1, snplp_session_start(s));
        snplp_date_format(b2, sizeof b2, snplp_session_end(s));
        rc = add(e, c, SNPLP_REASON_ALREADY_TRAINED, snplp_session_id(s),
                 "worker '%s' was already trained in module '%s' in session '%s' (%s to %s)", wid,
                 module->id, snplp_session_id(s), b1, b2);
    }
    if (rc) {
        snplp_eligibility_free(e);
        return rc;
    }
    e->answer = missing               ? SNPLP_ELIGIBILITY_NOT_YET
                : targeted && diploma ? SNPLP_ELIGIBILITY_PRIORITY
                                      : SNPLP_ELIGIBILITY_OPEN;
    *out = e;
    return 0;
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
    const reason_item *r = reason_of(e, index);
    return r ? r->message : NULL;
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
