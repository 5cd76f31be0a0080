/* The execution reports a convention records: the day the report on each year was sent (its
 * state at a date is a rule: rules/conventions/report.c). */
#include <inttypes.h>

#include "model/conventions/convention_model.h"
#include "util/date.h"

/* The convention of a function that changes conv for a year: NULL with *rc recorded for fn
 * when conv is not one, is frozen, or the year is out of range. */
static snplp_convention *conv_and_year(const snplp_convention *conv, int32_t year, const char *fn,
                                       int *rc)
{
    snplp_convention *c = snplp__conv_of(conv);
    if (!c)
        *rc = snplp__bad_arg(fn, "conv is NULL or not a convention");
    else if ((*rc = snplp__conv_check_unfrozen(c, fn)) != SNPLP_OK ||
             (*rc = snplp__check_year(year, fn)) != SNPLP_OK)
        c = NULL;
    return c;
}

int snplp_convention_set_report_sent(snplp_convention *conv, int32_t year, snplp_date sent)
{
    int rc;
    snplp_convention *c = conv_and_year(conv, year, __func__, &rc);
    if (!c)
        return rc;
    if (snplp__date_check(sent, __func__, "the date sent"))
        return SNPLP_EINVAL;
    if (sent.year <= year) {
        char text[SNPLP_DATE_TEXT_SIZE];
        snplp_date_format(text, sizeof text, sent);
        return snplp__fail_in(__func__, SNPLP_EINVAL,
                              "the report on %" PRId32 " cannot have been sent on %s: a report "
                              "on a year is sent after it, from 1 January %" PRId32,
                              year, text, year + 1);
    }
    bool created;
    snplp_report_year *r = snplp__yeartab_get(&c->reports, sizeof *r, year, &created);
    if (!r)
        return SNPLP_ENOMEM;
    r->sent = sent;
    return SNPLP_OK;
}

int snplp_convention_report_sent(snplp_date *out, const snplp_convention *conv, int32_t year)
{
    const snplp_convention *c = snplp__conv_of(conv);
    if (!out)
        return snplp__bad_arg(__func__, "out is NULL");
    if (!c)
        return snplp__bad_arg(__func__, "conv is NULL or not a convention");
    int rc = snplp__check_year(year, __func__);
    if (rc)
        return rc;
    const snplp_report_year *r = snplp__yeartab_find(&c->reports, sizeof *r, year);
    if (!r)
        return snplp__fail_in(__func__, SNPLP_ENOTFOUND,
                              "convention %s records no report sent on %" PRId32, c->id, year);
    *out = r->sent;
    return SNPLP_OK;
}

int snplp_convention_clear_report(snplp_convention *conv, int32_t year)
{
    int rc;
    snplp_convention *c = conv_and_year(conv, year, __func__, &rc);
    if (!c)
        return rc;
    if (!snplp__yeartab_find(&c->reports, sizeof(snplp_report_year), year))
        return snplp__fail_in(__func__, SNPLP_ENOTFOUND,
                              "convention %s records no report sent on %" PRId32, c->id, year);
    snplp__yeartab_remove(&c->reports, sizeof(snplp_report_year), year);
    return SNPLP_OK;
}

SNPLP_DEFINE_YEARS(snplp_convention_report_year_count, snplp_convention_report_year_at,
                   snplp_convention, snplp__conv_of, reports, snplp_report_year)
