/* Training records, the root: creation, reference counting, freezing, the kind of an id (the
 * one id space, helpers.c), and deep equality (extensions included). */
#include <string.h>

#include "model/records/records_model.h"
#include "util/alloc.h"
#include "util/getters.h"

snplp_record_kind snplp_records_kind_of(const snplp_records *records, const char *id)
{
    const snplp_records *r = snplp__records_of(records);
    if (!r || !id) {
        snplp__bad_arg(__func__, "NULL or wrong object, or NULL id");
        return SNPLP_RECORD_NONE;
    }
    snplp_record_kind kind = snplp__record_head_kind(snplp__records_get(r, id));
    if (kind == SNPLP_RECORD_NONE) {
        char q[80];
        snplp__fail_in(__func__, SNPLP_ENOTFOUND, "no record has the id '%s'",
                       snplp__quote(q, sizeof q, id));
    }
    return kind;
}

/* ---- the root ---- */

int snplp_records_new(snplp_records **out)
{
    int rc;
    snplp_records *r = snplp__new_object(out, sizeof *r, __func__, &rc);
    if (!r)
        return rc;
    if (pthread_mutex_init(&r->cache_lock, NULL) != 0) {
        snplp__free(r);
        return snplp__fail_in(__func__, SNPLP_EINTERNAL, "could not create a mutex");
    }
    r->magic = SNPLP_RECORDS_MAGIC;
    atomic_init(&r->refs, 1);
    atomic_init(&r->frozen, false);
    *out = r;
    return SNPLP_OK;
}

snplp_records *snplp_records_ref(snplp_records *records)
{
    snplp_records *r = snplp__records_of(records);
    if (r)
        atomic_fetch_add_explicit(&r->refs, 1, memory_order_relaxed);
    return r;
}

static void free_all(snplp_list *l, void (*free_fn)(void *))
{
    for (uint32_t i = 0; i < l->n; i++)
        free_fn(l->v[i]);
    snplp__list_dispose(l);
}

void snplp_records_unref(snplp_records *records)
{
    snplp_records *r = snplp__records_of(records);
    if (!r || atomic_fetch_sub_explicit(&r->refs, 1, memory_order_acq_rel) != 1)
        return;
    free_all(&r->professions, snplp__record_profession_free);
    free_all(&r->employers, snplp__employer_free);
    free_all(&r->workers, snplp__worker_free);
    free_all(&r->bodies, snplp__training_body_free);
    free_all(&r->sessions, snplp__session_free);
    free_all(&r->attendance, snplp__attendance_clear);
    snplp__attendance_blocks_free(r);
    snplp__rec_blocks_free(&r->worker_blocks);
    snplp__idmap_dispose(&r->ids);
    snplp__ext_drop(&r->ext);
    snplp__strpool_dispose(&r->strings);
    if (r->cache)
        r->cache_free(r->cache);
    pthread_mutex_destroy(&r->cache_lock);
    r->magic = 0;
    snplp__free(r);
}

int snplp_records_freeze(snplp_records *records)
{
    snplp_records *r = snplp__records_of(records);
    if (!r)
        return snplp__bad_arg(__func__, "NULL or wrong object");
    atomic_store_explicit(&r->frozen, true, memory_order_release);
    return SNPLP_OK;
}

bool snplp_records_is_frozen(const snplp_records *records)
{
    const snplp_records *r = snplp__records_of(records);
    return r && atomic_load_explicit(&r->frozen, memory_order_acquire);
}

/* ---- equality ---- */

#define SNPLP__LIST_EQUAL(la, lb, T, eq)                                                           \
    do {                                                                                           \
        if ((la).n != (lb).n)                                                                      \
            return false;                                                                          \
        for (uint32_t i_ = 0; i_ < (la).n; i_++)                                                   \
            if (!eq((const T *)(la).v[i_], (const T *)(lb).v[i_]))                                 \
                return false;                                                                      \
    } while (0)

bool snplp_records_equal(const snplp_records *a, const snplp_records *b)
{
    if (!a || !b)
        return a == b;
    a = snplp__records_of(a);
    b = snplp__records_of(b);
    if (!a || !b)
        return false;
    if (a == b)
        return true;
    if (!snplp__ext_equal(a->ext, b->ext))
        return false;
    SNPLP__LIST_EQUAL(a->professions, b->professions, snplp_record_profession,
                      snplp__record_profession_equal);
    SNPLP__LIST_EQUAL(a->employers, b->employers, snplp_employer, snplp__employer_equal);
    SNPLP__LIST_EQUAL(a->workers, b->workers, snplp_worker, snplp__worker_equal);
    SNPLP__LIST_EQUAL(a->bodies, b->bodies, snplp_training_body, snplp__training_body_equal);
    SNPLP__LIST_EQUAL(a->sessions, b->sessions, snplp_session, snplp__session_equal);
    SNPLP__LIST_EQUAL(a->attendance, b->attendance, snplp_attendance, snplp__attendance_equal);
    return true;
}
