/* The index over training records that validation and coverage build once per call, and the
 * lookups and definitions the rules of records share. */
#include "rules/records/rindex.h"

#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "util/alloc.h"
#include "util/errors.h"

bool snplp__rix_records_ok(const snplp_records *records)
{
    return snplp__records_of(records) != NULL;
}

static int add_entry(rix *ix, const char *id, snplp_record_kind kind, size_t index)
{
    if (!id || snplp__idmap_get_keyed(&ix->map, id, offsetof(rix_entry, id)))
        return 0; /* ids are unique in records: a repeat cannot happen, keep the first */
    snplp_idmap_growth g;
    int rc = snplp__idmap_reserve_undoable(&ix->map, &g);
    if (rc)
        return rc;
    snplp__idmap_growth_commit(&g);
    rix_entry *e = &ix->entries[ix->n_entries++];
    *e = (rix_entry){id, kind, index};
    snplp__idmap_put_keyed(&ix->map, e, offsetof(rix_entry, id));
    return 0;
}

void snplp__rix_dispose(rix *ix)
{
    snplp__idmap_dispose(&ix->map);
    snplp__free(ix->entries);
    snplp__free(ix->att_worker);
    snplp__free(ix->att_session);
    snplp__free(ix->w_start);
    snplp__free(ix->w_att);
    memset(ix, 0, sizeof *ix);
}

/* calloc of n elements of size, at least one. */
static void *alloc_array(size_t n, size_t size)
{
    return snplp__calloc(n ? n : 1, size);
}

int snplp__rix_build(rix *ix, const snplp_records *r, const snplp_referential *ref)
{
    memset(ix, 0, sizeof *ix);
    ix->records = r;
    ix->ref = ref;
    size_t np = snplp_records_profession_count(r), ne = snplp_records_employer_count(r);
    size_t nb = snplp_records_training_body_count(r);
    ix->nw = snplp_records_worker_count(r);
    ix->ns = snplp_records_session_count(r);
    ix->na = snplp_records_attendance_count(r);
    int rc = 0;
    ix->entries = alloc_array(np + ne + nb + ix->nw + ix->ns, sizeof *ix->entries);
    ix->att_worker = alloc_array(ix->na, sizeof(size_t));
    ix->att_session = alloc_array(ix->na, sizeof(size_t));
    ix->w_start = alloc_array(ix->nw + 1, sizeof(size_t));
    ix->w_att = alloc_array(ix->na, sizeof(size_t));
    if (!ix->entries || !ix->att_worker || !ix->att_session || !ix->w_start || !ix->w_att)
        rc = snplp__oom();
    for (size_t i = 0; !rc && i < np; i++)
        rc = add_entry(ix, snplp_record_profession_id(snplp_records_profession_at(r, i)),
                       SNPLP_RECORD_PROFESSION, i);
    for (size_t i = 0; !rc && i < ne; i++)
        rc = add_entry(ix, snplp_employer_id(snplp_records_employer_at(r, i)),
                       SNPLP_RECORD_EMPLOYER, i);
    for (size_t i = 0; !rc && i < ix->nw; i++)
        rc = add_entry(ix, snplp_worker_id(snplp_records_worker_at(r, i)), SNPLP_RECORD_WORKER, i);
    for (size_t i = 0; !rc && i < nb; i++)
        rc = add_entry(ix, snplp_training_body_id(snplp_records_training_body_at(r, i)),
                       SNPLP_RECORD_TRAINING_BODY, i);
    for (size_t i = 0; !rc && i < ix->ns; i++)
        rc = add_entry(ix, snplp_session_id(snplp_records_session_at(r, i)), SNPLP_RECORD_SESSION,
                       i);
    if (rc) {
        snplp__rix_dispose(ix);
        return rc;
    }
    /* who attended what, then the attendance grouped by worker (a counting sort) */
    for (size_t i = 0; i < ix->na; i++) {
        const snplp_attendance *a = snplp_records_attendance_at(r, i);
        const rix_entry *w = snplp__rix_get(ix, snplp_attendance_worker_id(a));
        const rix_entry *s = snplp__rix_get(ix, snplp_attendance_session_id(a));
        ix->att_worker[i] = w && w->kind == SNPLP_RECORD_WORKER ? w->index : RIX_NONE;
        ix->att_session[i] = s && s->kind == SNPLP_RECORD_SESSION ? s->index : RIX_NONE;
        if (ix->att_worker[i] != RIX_NONE)
            ix->w_start[ix->att_worker[i] + 1]++;
    }
    for (size_t i = 0; i < ix->nw; i++)
        ix->w_start[i + 1] += ix->w_start[i];
    for (size_t i = 0; i < ix->na; i++) {
        size_t w = ix->att_worker[i];
        if (w == RIX_NONE)
            continue;
        /* w_start[w] moves forward as worker w's attendance are placed, then is put back */
        ix->w_att[ix->w_start[w]++] = i;
    }
    for (size_t i = ix->nw; i > 0; i--)
        ix->w_start[i] = ix->w_start[i - 1];
    ix->w_start[0] = 0;
    return 0;
}

/* ---- the index kept in the records ---- */

/* The cache: an index and the number of records of each list when it was built. Records are
 * never removed, ids never change and an attendance's worker and session never change, so the
 * same numbers mean the same index: it is rebuilt only after an add. */
typedef struct rix_cache {
    rix ix;
    size_t counts[6];
} rix_cache;

static void cache_free(void *p)
{
    rix_cache *c = p;
    snplp__rix_dispose(&c->ix);
    snplp__free(c);
}

static void counts_of(size_t c[6], const snplp_records *r)
{
    c[0] = snplp_records_profession_count(r);
    c[1] = snplp_records_employer_count(r);
    c[2] = snplp_records_worker_count(r);
    c[3] = snplp_records_training_body_count(r);
    c[4] = snplp_records_session_count(r);
    c[5] = snplp_records_attendance_count(r);
}

int snplp__rix_cached(const rix **out, const snplp_records *records)
{
    snplp_records *r = (snplp_records *)(uintptr_t)records; /* the index is a cache */
    size_t now[6];
    counts_of(now, r);
    int rc = 0;
    pthread_mutex_lock(&r->cache_lock);
    rix_cache *c = r->cache;
    if (!c || memcmp(c->counts, now, sizeof now) != 0) {
        rix_cache *x = snplp__calloc(1, sizeof *x);
        if (!x)
            rc = snplp__oom();
        else if ((rc = snplp__rix_build(&x->ix, records, NULL)) != 0)
            snplp__free(x);
        else {
            memcpy(x->counts, now, sizeof now);
            if (c)
                r->cache_free(c);
            r->cache = c = x;
            r->cache_free = cache_free;
        }
    }
    *out = rc ? NULL : &c->ix;
    pthread_mutex_unlock(&r->cache_lock);
    return rc;
}

const rix_entry *snplp__rix_get(const rix *ix, const char *id)
{
    return id ? snplp__idmap_get_keyed(&ix->map, id, offsetof(rix_entry, id)) : NULL;
}

const snplp_item *snplp__rix_item(const snplp_referential *ref, const char *id)
{
    return id ? snplp__idmap_get(&ref->ids, id) : NULL;
}

bool snplp__rix_max_days(double *out, const snplp_referential *ref)
{
    const snplp_item *plan =
        ref->lists[ROOT_TRAINING_PLAN].n ? ref->lists[ROOT_TRAINING_PLAN].v[0] : NULL;
    if (!plan || !plan->has_number)
        return false;
    *out = plan->number.real;
    return true;
}

bool snplp__rix_module_days(double *out, const snplp_item *module)
{
    if (!module || module->kind != SNPLP_KIND_MODULE || !module->has_number)
        return false;
    *out = module->number.real;
    return true;
}

snplp_decimal snplp__rix_days_decimal(double days)
{
    return (snplp_decimal){(int64_t)llround(days * 1e6), 6};
}

bool snplp__rix_days(snplp_decimal *out, const snplp_attendance *a, const snplp_session *s)
{
    snplp_attendance_status st = snplp_attendance_status_of(a);
    if (st != SNPLP_ATTENDANCE_ATTENDED && st != SNPLP_ATTENDANCE_PARTIAL)
        return false;
    if (a->has_days) {
        *out = snplp__attendance_days_of(a);
        return true;
    }
    if (st == SNPLP_ATTENDANCE_ATTENDED && s) {
        *out = snplp_session_days(s);
        return true;
    }
    return false;
}

bool snplp__rix_trained(const snplp_attendance *a, const snplp_session *s)
{
    snplp_attendance_status st = snplp_attendance_status_of(a);
    if (st == SNPLP_ATTENDANCE_ATTENDED)
        return true;
    return st == SNPLP_ATTENDANCE_PARTIAL && s && a->has_days &&
           snplp_decimal_compare(snplp__attendance_days_of(a), s->days) >= 0;
}

int snplp__rix_format(char **out, const char *fn, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return snplp__fail_in(fn, SNPLP_EINTERNAL, "a message cannot be formatted");
    char *s = snplp__malloc((size_t)n + 1);
    if (!s)
        return snplp__oom();
    va_start(ap, fmt);
    vsnprintf(s, (size_t)n + 1, fmt, ap);
    va_end(ap);
    *out = s;
    return 0;
}
