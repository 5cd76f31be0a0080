/* Attendance: a worker at a session, with a status and the days attended. */
#include "model/records/records_model.h"
#include "util/alloc.h"
#include "util/getters.h"
#include "util/names.h"

static const char *const status_names[] = {NULL,      "registered", "attended",
                                           "partial", "absent",     "cancelled"};

const char *snplp_attendance_status_name(snplp_attendance_status status)
{
    return snplp__name_of(status_names, SNPLP__COUNT(status_names), status, "unknown");
}

static int check_status(snplp_attendance_status status, const char *fn)
{
    if (status < SNPLP_ATTENDANCE_REGISTERED || status > SNPLP_ATTENDANCE_CANCELLED)
        return snplp__fail_in(fn, SNPLP_EINVAL, "unknown attendance status %d", (int)status);
    return SNPLP_OK;
}

void snplp__attendance_clear(void *p)
{
    snplp_attendance *x = p;
    snplp_ext *e = snplp__attendance_ext(x);
    if (e) {
        snplp__ext_clear(e);
        snplp__free(x->owner);
    }
    x->magic = 0;
}

/* Gives back a, the record added last (and its block if it was the block's first). */
static void give_back(snplp_records *r, snplp_attendance *a)
{
    snplp__attendance_clear(a);
    snplp__rec_block_give_back(&r->att_blocks);
}

void snplp__attendance_blocks_free(snplp_records *r)
{
    snplp__rec_blocks_free(&r->att_blocks);
}

void snplp__attendance_blocks_move(snplp_records *r, snplp_records *from)
{
    snplp__rec_blocks_append(&r->att_blocks, &from->att_blocks);
}

bool snplp__attendance_equal(const snplp_attendance *a, const snplp_attendance *b)
{
    return !strcmp(a->worker_id, b->worker_id) && !strcmp(a->session_id, b->session_id) &&
           a->status == b->status && a->has_days == b->has_days &&
           (!a->has_days ||
            snplp_decimal_identical(snplp__attendance_days_of(a), snplp__attendance_days_of(b))) &&
           snplp__ext_equal(snplp__attendance_ext(a), snplp__attendance_ext(b));
}

size_t snplp__records_copy_refs_from = 4096;

/* The reference of a reader's attendance record to its worker (`checked`, records_model.h).
 * Workers are named in no order: no run for snplp__rec_intern_ref()'s two recent records to
 * catch, so the worker is looked up directly; and in records that hold many ids, not at all: a
 * copy of the id in the records' pool (a lookup, in the id index or in the pool to share one
 * copy, misses the caches of a large file and costs more than the few bytes of a copy). The
 * reference is the same text either way (docs/architecture.md). */
static int worker_ref(snplp_records *r, const char **slot, const char *worker_id)
{
    if (r->ids.n < snplp__records_copy_refs_from)
        return snplp__rec_put_ref_looked_up(r, slot, worker_id);
    const char *s = snplp__strpool_copy(&r->strings, worker_id, strlen(worker_id));
    if (!s)
        return snplp__oom();
    *slot = s;
    return SNPLP_OK;
}

int snplp__records_add_attendance(snplp_attendance **out, snplp_records *records,
                                  const char *worker_id, const char *session_id,
                                  snplp_attendance_status status, bool checked, const char *fn)
{
    snplp_records *r = snplp__records_of(records);
    if (!r)
        return snplp__bad_arg(fn, "NULL or wrong object");
    SNPLP__RECORDS_UNFROZEN(r, fn);
    int rc;
    if (!checked && ((rc = snplp__rec_check_ref(worker_id, "worker id", fn)) ||
                     (rc = snplp__rec_check_ref(session_id, "session id", fn)) ||
                     (rc = check_status(status, fn))))
        return rc;
    snplp_attendance *a = snplp__rec_block_take(&r->att_blocks, sizeof *a);
    if (!a)
        return snplp__oom();
    a->magic = SNPLP_ATTENDANCE_MAGIC;
    a->owner = r;
    a->status = (uint8_t)status;
    snplp__rec_begin(r);
    if ((rc = checked ? worker_ref(r, &a->worker_id, worker_id)
                      : snplp__rec_put_ref(r, &a->worker_id, worker_id)) ||
        (rc = snplp__rec_put_ref(r, &a->session_id, session_id)) ||
        (rc = snplp__list_reserve(&r->attendance))) {
        give_back(r, a);
        return snplp__rec_end(r, rc);
    }
    snplp__rec_end(r, SNPLP_OK);
    snplp__list_push(&r->attendance, a);
    if (out)
        *out = a;
    return SNPLP_OK;
}

int snplp_records_add_attendance(snplp_attendance **out, snplp_records *records,
                                 const char *worker_id, const char *session_id,
                                 snplp_attendance_status status)
{
    return snplp__records_add_attendance(out, records, worker_id, session_id, status, false,
                                         __func__);
}

SNPLP_DEFINE_GETTER(size_t, snplp_records_attendance_count, snplp_records, snplp__records_of,
                    attendance.n, 0)

snplp_attendance *snplp_records_attendance_at(const snplp_records *records, size_t index)
{
    const snplp_records *r = snplp__records_of(records);
    return r ? snplp__list_at(&r->attendance, index) : NULL;
}

SNPLP_DEFINE_GETTER(const char *, snplp_attendance_worker_id, snplp_attendance,
                    snplp__attendance_of, worker_id, NULL)
SNPLP_DEFINE_GETTER(const char *, snplp_attendance_session_id, snplp_attendance,
                    snplp__attendance_of, session_id, NULL)
snplp_attendance_status snplp_attendance_status_of(const snplp_attendance *attendance)
{
    const snplp_attendance *a = snplp__attendance_of(attendance);
    return a ? (snplp_attendance_status)a->status : (snplp_attendance_status)0;
}

/* The live attendance, or NULL with the error recorded for fn. */
static snplp_attendance *live(snplp_attendance *attendance, int *rc, const char *fn)
{
    snplp_attendance *a = snplp__attendance_of(attendance);
    if (!a)
        *rc = snplp__bad_arg(fn, "NULL or wrong object");
    else
        *rc = snplp__records_check_unfrozen(snplp__attendance_records(a), fn);
    return *rc ? NULL : a;
}

int snplp_attendance_set_status(snplp_attendance *attendance, snplp_attendance_status status)
{
    int rc;
    snplp_attendance *a = live(attendance, &rc, __func__);
    if (!a || (rc = check_status(status, __func__)))
        return rc;
    a->status = (uint8_t)status;
    return SNPLP_OK;
}

int snplp_attendance_days(snplp_decimal *out, const snplp_attendance *attendance)
{
    const snplp_attendance *a = snplp__attendance_of(attendance);
    if (!a || !out)
        return snplp__bad_arg(__func__, "NULL or wrong object");
    if (!a->has_days)
        return snplp__fail_in(__func__, SNPLP_ENOTFOUND,
                              "the attendance of worker '%s' at session '%s' gives no days",
                              a->worker_id, a->session_id);
    *out = snplp__attendance_days_of(a);
    return SNPLP_OK;
}

int snplp_attendance_set_days(snplp_attendance *attendance, snplp_decimal days)
{
    int rc;
    snplp_attendance *a = live(attendance, &rc, __func__);
    if (!a)
        return rc;
    if (!snplp_decimal_is_valid(days))
        return snplp__fail_in(__func__, SNPLP_EINVAL,
                              "the days {%lld, %ld} are not a valid decimal", (long long)days.units,
                              (long)days.scale);
    if (days.units < 0)
        return snplp__fail_in(__func__, SNPLP_EINVAL, "the days attended are negative");
    snplp__attendance_put_days(a, days);
    a->has_days = true;
    return SNPLP_OK;
}

int snplp_attendance_clear_days(snplp_attendance *attendance)
{
    int rc;
    snplp_attendance *a = live(attendance, &rc, __func__);
    if (!a)
        return rc;
    a->has_days = false;
    snplp__attendance_put_days(a, (snplp_decimal){0, 0});
    return SNPLP_OK;
}

int snplp__attendance_rehome(snplp_attendance *a, snplp_records *r)
{
    const char *w = snplp__rec_intern_ref(r, a->worker_id);
    const char *s = w ? snplp__rec_intern_ref(r, a->session_id) : NULL;
    if (!s)
        return snplp__oom();
    a->worker_id = w;
    a->session_id = s;
    return SNPLP_OK;
}

snplp_ext *snplp__attendance_ext_make(snplp_attendance *a)
{
    snplp_ext *e = snplp__attendance_ext(a);
    if (e)
        return e;
    snplp_attendance_more *m = snplp__calloc(1, sizeof *m);
    if (!m)
        return NULL;
    m->magic = SNPLP_ATTENDANCE_MORE_MAGIC;
    m->records = a->owner;
    a->owner = m;
    return &m->ext;
}

void snplp__attendance_ext_trim(snplp_attendance *a)
{
    snplp_ext *e = snplp__attendance_ext(a);
    if (!e || e->elements.n || e->attrs.n)
        return;
    snplp_attendance_more *m = a->owner;
    snplp__ext_clear(e);
    a->owner = m->records;
    m->magic = 0;
    snplp__free(m);
}
