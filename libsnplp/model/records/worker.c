/* Workers of the workforce, pseudonymous: profession, employer, territory, unit, diploma level
 * and the dates of their presence. */
#include "model/records/records_model.h"
#include "util/alloc.h"
#include "util/getters.h"

void snplp__worker_free(void *p)
{
    snplp_worker *x = p;
    snplp__rec_free_head(&x->head);
}

bool snplp__worker_equal(const snplp_worker *a, const snplp_worker *b)
{
    return !strcmp(a->head.id, b->head.id) && !strcmp(a->profession_id, b->profession_id) &&
           !strcmp(a->employer_id, b->employer_id) &&
           !strcmp(a->territory_code, b->territory_code) &&
           snplp__rec_str_equal(a->unit, b->unit) && a->has_level == b->has_level &&
           (!a->has_level || a->level == b->level) && snplp__rec_date_equal(a->from, b->from) &&
           a->has_until == b->has_until &&
           (!a->has_until || snplp__rec_date_equal(a->until, b->until)) &&
           snplp__ext_equal(a->head.ext, b->head.ext);
}

static int set_territory(snplp_records *r, const char **slot, const char *code, const char *fn)
{
    return snplp__rec_set_code(r, slot, code, true, snplp__territory_code_shape_ok,
                               "territory code", SNPLP__TERRITORY_SHAPE, fn);
}

int snplp__records_add_worker(snplp_worker **out, snplp_records *records, const char *id,
                              const char *profession_id, const char *employer_id,
                              const char *territory_code, snplp_date from, bool checked,
                              const char *fn)
{
    snplp_records *r = snplp__records_of(records);
    if (!r)
        return snplp__bad_arg(fn, "NULL or wrong object");
    SNPLP__RECORDS_UNFROZEN(r, fn);
    int rc;
    if (!checked && ((rc = snplp__rec_check_ref(profession_id, "profession id", fn)) ||
                     (rc = snplp__rec_check_ref(employer_id, "employer id", fn)) ||
                     (rc = snplp__rec_check_date(from, "first day", fn))))
        return rc;
    snplp_worker *w = checked ? snplp__rec_new_pooled(r, &r->worker_blocks, sizeof *w,
                                                      SNPLP_WORKER_MAGIC, id, &rc)
                              : snplp__rec_new(r, sizeof *w, SNPLP_WORKER_MAGIC, id, &rc, fn);
    if (!w)
        return rc;
    w->from = from;
    /* a file's workers name their professions and employers in no runs */
    int (*put_ref)(snplp_records *, const char **, const char *) =
        checked ? snplp__rec_put_ref_looked_up : snplp__rec_put_ref;
    if ((rc = put_ref(r, &w->profession_id, profession_id)) || /* checked above */
        (rc = put_ref(r, &w->employer_id, employer_id)) ||
        (rc = set_territory(r, &w->territory_code, territory_code, fn)) ||
        (checked && (rc = snplp__rec_check_unused(r, id, fn)))) /* last: rec_new_pooled() */
        return snplp__rec_abandon(r, &w->head, snplp__worker_free, rc);
    if ((rc = snplp__rec_commit(r, &r->workers, &w->head, snplp__worker_free)))
        return rc;
    if (out)
        *out = w;
    return SNPLP_OK;
}

int snplp_records_add_worker(snplp_worker **out, snplp_records *records, const char *id,
                             const char *profession_id, const char *employer_id,
                             const char *territory_code, snplp_date from)
{
    return snplp__records_add_worker(out, records, id, profession_id, employer_id, territory_code,
                                     from, false, __func__);
}

SNPLP_DEFINE_GETTER(size_t, snplp_records_worker_count, snplp_records, snplp__records_of, workers.n,
                    0)

snplp_worker *snplp_records_worker_at(const snplp_records *records, size_t index)
{
    const snplp_records *r = snplp__records_of(records);
    return r ? snplp__list_at(&r->workers, index) : NULL;
}

snplp_worker *snplp_records_worker_find(const snplp_records *records, const char *id)
{
    const snplp_records *r = snplp__records_of(records);
    return snplp__rec_miss(r, snplp__records_worker(r, id), id, "worker", __func__);
}

SNPLP_DEFINE_GETTER(const char *, snplp_worker_id, snplp_worker, snplp__worker_of, head.id, NULL)
SNPLP_DEFINE_GETTER(const char *, snplp_worker_profession_id, snplp_worker, snplp__worker_of,
                    profession_id, NULL)
SNPLP_DEFINE_GETTER(const char *, snplp_worker_employer_id, snplp_worker, snplp__worker_of,
                    employer_id, NULL)
SNPLP_DEFINE_GETTER(const char *, snplp_worker_territory_code, snplp_worker, snplp__worker_of,
                    territory_code, NULL)
SNPLP_DEFINE_GETTER(const char *, snplp_worker_unit, snplp_worker, snplp__worker_of, unit, NULL)
SNPLP_DEFINE_GETTER(snplp_date, snplp_worker_from, snplp_worker, snplp__worker_of, from,
                    ((snplp_date){0, 0, 0}))

/* The live worker, or NULL with SNPLP_EINVAL recorded for fn. */
static snplp_worker *live(snplp_worker *worker, int *rc, const char *fn)
{
    snplp_worker *w = snplp__worker_of(worker);
    if (!w)
        *rc = snplp__bad_arg(fn, "NULL or wrong object");
    else
        *rc = snplp__records_check_unfrozen(w->head.records, fn);
    return *rc ? NULL : w;
}

int snplp_worker_set_profession_id(snplp_worker *worker, const char *profession_id)
{
    int rc;
    snplp_worker *w = live(worker, &rc, __func__);
    return w ? snplp__rec_set_ref(w->head.records, &w->profession_id, profession_id,
                                  "profession id", __func__)
             : rc;
}

int snplp_worker_set_employer_id(snplp_worker *worker, const char *employer_id)
{
    int rc;
    snplp_worker *w = live(worker, &rc, __func__);
    return w ? snplp__rec_set_ref(w->head.records, &w->employer_id, employer_id, "employer id",
                                  __func__)
             : rc;
}

int snplp_worker_set_territory_code(snplp_worker *worker, const char *code)
{
    int rc;
    snplp_worker *w = live(worker, &rc, __func__);
    return w ? set_territory(w->head.records, &w->territory_code, code, __func__) : rc;
}

int snplp__worker_set_unit(snplp_worker *worker, const char *unit, snplp_text_origin origin,
                           const char *fn)
{
    int rc;
    snplp_worker *w = live(worker, &rc, fn);
    return w ? snplp__rec_set_text(w->head.records, &w->unit, unit, false, "unit", origin, fn) : rc;
}

int snplp_worker_set_unit(snplp_worker *worker, const char *unit)
{
    return snplp__worker_set_unit(worker, unit, SNPLP_TEXT_UNCHECKED, __func__);
}

int snplp_worker_diploma_level(int *out, const snplp_worker *worker)
{
    const snplp_worker *w = snplp__worker_of(worker);
    if (!w || !out)
        return snplp__bad_arg(__func__, "NULL or wrong object");
    if (!w->has_level)
        return snplp__fail_in(__func__, SNPLP_ENOTFOUND,
                              "the diploma level of worker '%s' is unknown", w->head.id);
    *out = w->level;
    return SNPLP_OK;
}

int snplp_worker_set_diploma_level(snplp_worker *worker, int level)
{
    int rc;
    snplp_worker *w = live(worker, &rc, __func__);
    if (!w)
        return rc;
    if (level < 1 || level > 8)
        return snplp__fail_in(__func__, SNPLP_EINVAL,
                              "diploma level %d is outside the national framework's 1 to 8", level);
    w->level = (int8_t)level;
    w->has_level = true;
    return SNPLP_OK;
}

int snplp_worker_clear_diploma_level(snplp_worker *worker)
{
    int rc;
    snplp_worker *w = live(worker, &rc, __func__);
    if (!w)
        return rc;
    w->has_level = false;
    w->level = 0;
    return SNPLP_OK;
}

int snplp_worker_set_from(snplp_worker *worker, snplp_date from)
{
    int rc;
    snplp_worker *w = live(worker, &rc, __func__);
    if (!w || (rc = snplp__rec_check_date(from, "first day", __func__)))
        return rc;
    w->from = from;
    return SNPLP_OK;
}

int snplp_worker_until(snplp_date *out, const snplp_worker *worker)
{
    const snplp_worker *w = snplp__worker_of(worker);
    if (!w || !out)
        return snplp__bad_arg(__func__, "NULL or wrong object");
    if (!w->has_until)
        return snplp__fail_in(__func__, SNPLP_ENOTFOUND,
                              "worker '%s' is still in the workforce (no last day)", w->head.id);
    *out = w->until;
    return SNPLP_OK;
}

int snplp_worker_set_until(snplp_worker *worker, snplp_date until)
{
    int rc;
    snplp_worker *w = live(worker, &rc, __func__);
    if (!w || (rc = snplp__rec_check_date(until, "last day", __func__)))
        return rc;
    w->until = until;
    w->has_until = true;
    return SNPLP_OK;
}

int snplp_worker_clear_until(snplp_worker *worker)
{
    int rc;
    snplp_worker *w = live(worker, &rc, __func__);
    if (!w)
        return rc;
    w->has_until = false;
    w->until = (snplp_date){0, 0, 0};
    return SNPLP_OK;
}

snplp_records *snplp_worker_records(const snplp_worker *worker)
{
    const snplp_worker *w = snplp__worker_of(worker);
    return w ? w->head.records : NULL;
}

int snplp__worker_rehome(snplp_worker *w, snplp_records *r)
{
    const char *p = snplp__rec_intern_ref(r, w->profession_id);
    const char *e = p ? snplp__rec_intern_ref(r, w->employer_id) : NULL;
    const char *t = e ? snplp__rec_intern(r, w->territory_code) : NULL;
    const char *u = t && w->unit ? snplp__rec_intern(r, w->unit) : NULL;
    if (!t || (w->unit && !u))
        return snplp__oom();
    w->profession_id = p;
    w->employer_id = e;
    w->territory_code = t;
    w->unit = u;
    return SNPLP_OK;
}
