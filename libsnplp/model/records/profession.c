/* Professions declared by the records (not in the referential): category and title. */
#include "model/records/records_model.h"
#include "util/alloc.h"
#include "util/getters.h"

static int check_category(snplp_category category, const char *fn)
{
    if (category != SNPLP_CATEGORY_WORKER && category != SNPLP_CATEGORY_CADRE)
        return snplp__fail_in(fn, SNPLP_EINVAL, "unknown category %d", (int)category);
    return SNPLP_OK;
}

void snplp__record_profession_free(void *p)
{
    snplp_record_profession *x = p;
    snplp__rec_free_head(&x->head);
}

bool snplp__record_profession_equal(const snplp_record_profession *a,
                                    const snplp_record_profession *b)
{
    return !strcmp(a->head.id, b->head.id) && a->category == b->category &&
           !strcmp(a->title, b->title) && snplp__ext_equal(a->head.ext, b->head.ext);
}

int snplp__records_add_profession(snplp_record_profession **out, snplp_records *records,
                                  const char *id, snplp_category category, const char *title,
                                  snplp_text_origin origin, const char *fn)
{
    snplp_records *r = snplp__records_of(records);
    if (!r)
        return snplp__bad_arg(fn, "NULL or wrong object");
    SNPLP__RECORDS_UNFROZEN(r, fn);
    int rc = check_category(category, fn);
    if (rc)
        return rc;
    snplp_record_profession *p =
        snplp__rec_new(r, sizeof *p, SNPLP_REC_PROFESSION_MAGIC, id, &rc, fn);
    if (!p)
        return rc;
    p->category = category;
    if ((rc = snplp__rec_set_text(r, &p->title, title, true, "title", origin, fn)))
        return snplp__rec_abandon(r, &p->head, snplp__record_profession_free, rc);
    if ((rc = snplp__rec_commit(r, &r->professions, &p->head, snplp__record_profession_free)))
        return rc;
    if (out)
        *out = p;
    return SNPLP_OK;
}

int snplp_records_add_profession(snplp_record_profession **out, snplp_records *records,
                                 const char *id, snplp_category category, const char *title)
{
    return snplp__records_add_profession(out, records, id, category, title, SNPLP_TEXT_UNCHECKED,
                                         __func__);
}

SNPLP_DEFINE_GETTER(size_t, snplp_records_profession_count, snplp_records, snplp__records_of,
                    professions.n, 0)

snplp_record_profession *snplp_records_profession_at(const snplp_records *records, size_t index)
{
    const snplp_records *r = snplp__records_of(records);
    return r ? snplp__list_at(&r->professions, index) : NULL;
}

snplp_record_profession *snplp_records_profession_find(const snplp_records *records, const char *id)
{
    const snplp_records *r = snplp__records_of(records);
    return snplp__rec_miss(r, snplp__records_profession(r, id), id, "declared profession",
                           __func__);
}

SNPLP_DEFINE_GETTER(const char *, snplp_record_profession_id, snplp_record_profession,
                    snplp__record_profession_of, head.id, NULL)
SNPLP_DEFINE_GETTER(const char *, snplp_record_profession_title, snplp_record_profession,
                    snplp__record_profession_of, title, NULL)
SNPLP_DEFINE_GETTER(snplp_category, snplp_record_profession_category, snplp_record_profession,
                    snplp__record_profession_of, category, (snplp_category)0)

int snplp_record_profession_set_title(snplp_record_profession *profession, const char *title)
{
    snplp_record_profession *p = snplp__record_profession_of(profession);
    if (!p)
        return snplp__bad_arg(__func__, "NULL or wrong object");
    SNPLP__RECORDS_UNFROZEN(p->head.records, __func__);
    return snplp__rec_set_text(p->head.records, &p->title, title, true, "title",
                               SNPLP_TEXT_UNCHECKED, __func__);
}

int snplp_record_profession_set_category(snplp_record_profession *profession,
                                         snplp_category category)
{
    snplp_record_profession *p = snplp__record_profession_of(profession);
    if (!p)
        return snplp__bad_arg(__func__, "NULL or wrong object");
    SNPLP__RECORDS_UNFROZEN(p->head.records, __func__);
    int rc = check_category(category, __func__);
    if (rc)
        return rc;
    p->category = category;
    return SNPLP_OK;
}
