/* Training sessions: subject, training body, dates, days, mode, place and capacity. */
#include "model/records/records_model.h"
#include "util/alloc.h"
#include "util/getters.h"
#include "util/names.h"

static const char *const mode_names[] = {NULL, "on-site", "distance", "mixed"};

const char *snplp_session_mode_name(snplp_session_mode mode)
{
    return snplp__name_of(mode_names, SNPLP__COUNT(mode_names), mode, "unknown");
}

static int check_mode(snplp_session_mode mode, const char *fn)
{
    if (mode < SNPLP_MODE_ON_SITE || mode > SNPLP_MODE_MIXED)
        return snplp__fail_in(fn, SNPLP_EINVAL, "unknown session mode %d", (int)mode);
    return SNPLP_OK;
}

static int check_days(snplp_decimal days, const char *fn)
{
    if (!snplp_decimal_is_valid(days))
        return snplp__fail_in(fn, SNPLP_EINVAL, "the days {%lld, %ld} are not a valid decimal",
                              (long long)days.units, (long)days.scale);
    if (days.units <= 0)
        return snplp__fail_in(fn, SNPLP_EINVAL, "a session lasts more than 0 days");
    return SNPLP_OK;
}

void snplp__session_free(void *p)
{
    snplp_session *x = p;
    snplp__rec_free_head(&x->head);
}

bool snplp__session_equal(const snplp_session *a, const snplp_session *b)
{
    return !strcmp(a->head.id, b->head.id) && !strcmp(a->subject_id, b->subject_id) &&
           !strcmp(a->body_id, b->body_id) && snplp__rec_date_equal(a->start, b->start) &&
           snplp__rec_date_equal(a->end, b->end) && snplp_decimal_identical(a->days, b->days) &&
           a->mode == b->mode && snplp__rec_str_equal(a->place, b->place) &&
           a->has_capacity == b->has_capacity && (!a->has_capacity || a->capacity == b->capacity) &&
           snplp__ext_equal(a->head.ext, b->head.ext);
}

int snplp__records_add_session(snplp_session **out, snplp_records *records, const char *id,
                               const char *subject_id, const char *body_id, snplp_date start,
                               snplp_date end, snplp_decimal days, snplp_session_mode mode,
                               bool checked, const char *fn)
{
    snplp_records *r = snplp__records_of(records);
    if (!r)
        return snplp__bad_arg(fn, "NULL or wrong object");
    SNPLP__RECORDS_UNFROZEN(r, fn);
    int rc;
    if (!checked &&
        ((rc = snplp__rec_check_ref(subject_id, "subject id", fn)) ||
         (rc = snplp__rec_check_ref(body_id, "training body id", fn)) ||
         (rc = snplp__rec_check_date(start, "first day", fn)) ||
         (rc = snplp__rec_check_date(end, "last day", fn)) || (rc = check_mode(mode, fn))))
        return rc;
    if ((rc = check_days(days, fn)))
        return rc;
    snplp_session *s = snplp__rec_new(r, sizeof *s, SNPLP_SESSION_MAGIC, id, &rc, fn);
    if (!s)
        return rc;
    s->start = start;
    s->end = end;
    s->days = days;
    s->mode = (uint8_t)mode;
    if ((rc = snplp__rec_put_ref(r, &s->subject_id, subject_id)) || /* both checked above */
        (rc = snplp__rec_put_ref(r, &s->body_id, body_id)))
        return snplp__rec_abandon(r, &s->head, snplp__session_free, rc);
    if ((rc = snplp__rec_commit(r, &r->sessions, &s->head, snplp__session_free)))
        return rc;
    if (out)
        *out = s;
    return SNPLP_OK;
}

int snplp_records_add_session(snplp_session **out, snplp_records *records, const char *id,
                              const char *subject_id, const char *body_id, snplp_date start,
                              snplp_date end, snplp_decimal days, snplp_session_mode mode)
{
    return snplp__records_add_session(out, records, id, subject_id, body_id, start, end, days, mode,
                                      false, __func__);
}

SNPLP_DEFINE_GETTER(size_t, snplp_records_session_count, snplp_records, snplp__records_of,
                    sessions.n, 0)

snplp_session *snplp_records_session_at(const snplp_records *records, size_t index)
{
    const snplp_records *r = snplp__records_of(records);
    return r ? snplp__list_at(&r->sessions, index) : NULL;
}

snplp_session *snplp_records_session_find(const snplp_records *records, const char *id)
{
    const snplp_records *r = snplp__records_of(records);
    return snplp__rec_miss(r, snplp__records_session(r, id), id, "session", __func__);
}

#define GETTER(R, name, field, dflt)                                                               \
    SNPLP_DEFINE_GETTER(R, name, snplp_session, snplp__session_of, field, dflt)
GETTER(const char *, snplp_session_id, head.id, NULL)
GETTER(const char *, snplp_session_subject_id, subject_id, NULL)
GETTER(const char *, snplp_session_body_id, body_id, NULL)
GETTER(snplp_date, snplp_session_start, start, ((snplp_date){0, 0, 0}))
GETTER(snplp_date, snplp_session_end, end, ((snplp_date){0, 0, 0}))
GETTER(snplp_decimal, snplp_session_days, days, ((snplp_decimal){0, 0}))
GETTER(snplp_session_mode, snplp_session_mode_of, mode, (snplp_session_mode)0)
GETTER(const char *, snplp_session_place, place, NULL)
#undef GETTER

/* The live session, or NULL with the error recorded for fn. */
static snplp_session *live(snplp_session *session, int *rc, const char *fn)
{
    snplp_session *s = snplp__session_of(session);
    if (!s)
        *rc = snplp__bad_arg(fn, "NULL or wrong object");
    else
        *rc = snplp__records_check_unfrozen(s->head.records, fn);
    return *rc ? NULL : s;
}

int snplp_session_set_subject_id(snplp_session *session, const char *subject_id)
{
    int rc;
    snplp_session *s = live(session, &rc, __func__);
    return s ? snplp__rec_set_ref(s->head.records, &s->subject_id, subject_id, "subject id",
                                  __func__)
             : rc;
}

int snplp_session_set_body_id(snplp_session *session, const char *body_id)
{
    int rc;
    snplp_session *s = live(session, &rc, __func__);
    return s ? snplp__rec_set_ref(s->head.records, &s->body_id, body_id, "training body id",
                                  __func__)
             : rc;
}

int snplp_session_set_dates(snplp_session *session, snplp_date start, snplp_date end)
{
    int rc;
    snplp_session *s = live(session, &rc, __func__);
    if (!s || (rc = snplp__rec_check_date(start, "first day", __func__)) ||
        (rc = snplp__rec_check_date(end, "last day", __func__)))
        return rc;
    s->start = start;
    s->end = end;
    return SNPLP_OK;
}

int snplp_session_set_days(snplp_session *session, snplp_decimal days)
{
    int rc;
    snplp_session *s = live(session, &rc, __func__);
    if (!s || (rc = check_days(days, __func__)))
        return rc;
    s->days = days;
    return SNPLP_OK;
}

int snplp_session_set_mode(snplp_session *session, snplp_session_mode mode)
{
    int rc;
    snplp_session *s = live(session, &rc, __func__);
    if (!s || (rc = check_mode(mode, __func__)))
        return rc;
    s->mode = (uint8_t)mode;
    return SNPLP_OK;
}

int snplp_session_set_place(snplp_session *session, const char *commune_code)
{
    int rc;
    snplp_session *s = live(session, &rc, __func__);
    return s ? snplp__rec_set_code(s->head.records, &s->place, commune_code, false,
                                   snplp__commune_code_shape_ok, "commune code",
                                   "the INSEE code of a commune, 5 characters (\"80021\", "
                                   "\"2A004\", \"97411\")",
                                   __func__)
             : rc;
}

int snplp_session_capacity(int *out, const snplp_session *session)
{
    const snplp_session *s = snplp__session_of(session);
    if (!s || !out)
        return snplp__bad_arg(__func__, "NULL or wrong object");
    if (!s->has_capacity)
        return snplp__fail_in(__func__, SNPLP_ENOTFOUND, "session '%s' has no capacity set",
                              s->head.id);
    *out = s->capacity;
    return SNPLP_OK;
}

int snplp_session_set_capacity(snplp_session *session, int capacity)
{
    int rc;
    snplp_session *s = live(session, &rc, __func__);
    if (!s)
        return rc;
    if (capacity < 1)
        return snplp__fail_in(__func__, SNPLP_EINVAL, "a capacity of %d places: 1 or more",
                              capacity);
    s->capacity = capacity;
    s->has_capacity = true;
    return SNPLP_OK;
}

int snplp_session_clear_capacity(snplp_session *session)
{
    int rc;
    snplp_session *s = live(session, &rc, __func__);
    if (!s)
        return rc;
    s->has_capacity = false;
    s->capacity = 0;
    return SNPLP_OK;
}
