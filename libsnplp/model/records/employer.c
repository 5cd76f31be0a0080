/* Employers of workers: kind, name and territory code. */
#include "model/records/records_model.h"
#include "util/alloc.h"
#include "util/getters.h"
#include "util/names.h"

static const char *const kind_names[] = {NULL,      "departement", "metropole", "region",
                                         "commune", "grouping",    "state",     "association",
                                         "creche",  "company",     "other"};

const char *snplp_employer_kind_name(snplp_employer_kind kind)
{
    return snplp__name_of(kind_names, SNPLP__COUNT(kind_names), kind, "unknown");
}

static int check_kind(snplp_employer_kind kind, const char *fn)
{
    if (kind < SNPLP_EMPLOYER_DEPARTEMENT || kind > SNPLP_EMPLOYER_OTHER)
        return snplp__fail_in(fn, SNPLP_EINVAL, "unknown employer kind %d", (int)kind);
    return SNPLP_OK;
}

static int set_territory(snplp_records *r, const char **slot, const char *code, const char *fn)
{
    return snplp__rec_set_code(r, slot, code, true, snplp__territory_code_shape_ok,
                               "territory code", SNPLP__TERRITORY_SHAPE, fn);
}

void snplp__employer_free(void *p)
{
    snplp_employer *x = p;
    snplp__rec_free_head(&x->head);
}

bool snplp__employer_equal(const snplp_employer *a, const snplp_employer *b)
{
    return !strcmp(a->head.id, b->head.id) && a->kind == b->kind && !strcmp(a->name, b->name) &&
           !strcmp(a->territory_code, b->territory_code) &&
           snplp__ext_equal(a->head.ext, b->head.ext);
}

int snplp__records_add_employer(snplp_employer **out, snplp_records *records, const char *id,
                                snplp_employer_kind kind, const char *name,
                                const char *territory_code, snplp_text_origin origin,
                                const char *fn)
{
    snplp_records *r = snplp__records_of(records);
    if (!r)
        return snplp__bad_arg(fn, "NULL or wrong object");
    SNPLP__RECORDS_UNFROZEN(r, fn);
    int rc = check_kind(kind, fn);
    if (rc)
        return rc;
    snplp_employer *e = snplp__rec_new(r, sizeof *e, SNPLP_EMPLOYER_MAGIC, id, &rc, fn);
    if (!e)
        return rc;
    e->kind = kind;
    if ((rc = snplp__rec_set_text(r, &e->name, name, true, "name", origin, fn)) ||
        (rc = set_territory(r, &e->territory_code, territory_code, fn)))
        return snplp__rec_abandon(r, &e->head, snplp__employer_free, rc);
    if ((rc = snplp__rec_commit(r, &r->employers, &e->head, snplp__employer_free)))
        return rc;
    if (out)
        *out = e;
    return SNPLP_OK;
}

int snplp_records_add_employer(snplp_employer **out, snplp_records *records, const char *id,
                               snplp_employer_kind kind, const char *name,
                               const char *territory_code)
{
    return snplp__records_add_employer(out, records, id, kind, name, territory_code,
                                       SNPLP_TEXT_UNCHECKED, __func__);
}

SNPLP_DEFINE_GETTER(size_t, snplp_records_employer_count, snplp_records, snplp__records_of,
                    employers.n, 0)

snplp_employer *snplp_records_employer_at(const snplp_records *records, size_t index)
{
    const snplp_records *r = snplp__records_of(records);
    return r ? snplp__list_at(&r->employers, index) : NULL;
}

snplp_employer *snplp_records_employer_find(const snplp_records *records, const char *id)
{
    const snplp_records *r = snplp__records_of(records);
    return snplp__rec_miss(r, snplp__records_employer(r, id), id, "employer", __func__);
}

SNPLP_DEFINE_GETTER(const char *, snplp_employer_id, snplp_employer, snplp__employer_of, head.id,
                    NULL)
SNPLP_DEFINE_GETTER(snplp_employer_kind, snplp_employer_kind_of, snplp_employer, snplp__employer_of,
                    kind, (snplp_employer_kind)0)
SNPLP_DEFINE_GETTER(const char *, snplp_employer_name, snplp_employer, snplp__employer_of, name,
                    NULL)
SNPLP_DEFINE_GETTER(const char *, snplp_employer_territory_code, snplp_employer, snplp__employer_of,
                    territory_code, NULL)

int snplp_employer_set_kind(snplp_employer *employer, snplp_employer_kind kind)
{
    snplp_employer *e = snplp__employer_of(employer);
    if (!e)
        return snplp__bad_arg(__func__, "NULL or wrong object");
    SNPLP__RECORDS_UNFROZEN(e->head.records, __func__);
    int rc = check_kind(kind, __func__);
    if (rc)
        return rc;
    e->kind = kind;
    return SNPLP_OK;
}

int snplp_employer_set_name(snplp_employer *employer, const char *name)
{
    snplp_employer *e = snplp__employer_of(employer);
    if (!e)
        return snplp__bad_arg(__func__, "NULL or wrong object");
    SNPLP__RECORDS_UNFROZEN(e->head.records, __func__);
    return snplp__rec_set_text(e->head.records, &e->name, name, true, "name", SNPLP_TEXT_UNCHECKED,
                               __func__);
}

int snplp_employer_set_territory_code(snplp_employer *employer, const char *code)
{
    snplp_employer *e = snplp__employer_of(employer);
    if (!e)
        return snplp__bad_arg(__func__, "NULL or wrong object");
    SNPLP__RECORDS_UNFROZEN(e->head.records, __func__);
    return set_territory(e->head.records, &e->territory_code, code, __func__);
}
