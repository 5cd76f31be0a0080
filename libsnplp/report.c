/* Annual execution reports: the report on year N is due on 31 March of N+1 (seed 002); a
 * convention records the day each was sent, and a report's state at a date follows from the
 * two (a report sent after that date is not sent yet at it). */
#include "convention_model.h"

#include <inttypes.h>

/* Records SNPLP_EINVAL for fn about the invalid date what. */
static int bad_date(const char *fn, const char *what, snplp_date d)
{
    return snplp__fail_in(fn, SNPLP_EINVAL,
                          "%s {%" PRId32 ", %" PRId32 ", %" PRId32
                          "} (year, month, day) names no day of years 1000 to 9999",
                          what, d.year, d.month, d.day);
}

/* 31 March of year + 1 (year already checked). */
static snplp_date due_date(int32_t year)
{
    return (snplp_date){year + 1, 3, 31};
}

const char *snplp_report_state_name(snplp_report_state state)
{
    switch (state) {
    case SNPLP_REPORT_NOT_YET_DUE:
        return "not-yet-due";
    case SNPLP_REPORT_ON_TIME:
        return "on-time";
    case SNPLP_REPORT_LATE:
        return "late";
    case SNPLP_REPORT_MISSING:
        return "missing";
    case SNPLP_REPORT_NONE:
        break;
    }
    return "none";
}

int snplp_report_due_date(snplp_date *out, int32_t year)
{
    if (!out)
        return snplp__bad_arg(__func__, "out is NULL");
    int rc = snplp__check_year(year, __func__);
    if (rc)
        return rc;
    *out = due_date(year);
    return SNPLP_OK;
}

int snplp_convention_set_report_sent(snplp_convention *conv, int32_t year, snplp_date sent)
{
    snplp_convention *c = snplp__conv_of(conv);
    if (!c)
        return snplp__bad_arg(__func__, "conv is NULL or not a convention");
    int rc = snplp__check_year(year, __func__);
    if (rc)
        return rc;
    if (!snplp_date_is_valid(sent))
        return bad_date(__func__, "the date sent", sent);
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
    snplp_convention *c = snplp__conv_of(conv);
    if (!c)
        return snplp__bad_arg(__func__, "conv is NULL or not a convention");
    int rc = snplp__check_year(year, __func__);
    if (rc)
        return rc;
    if (!snplp__yeartab_find(&c->reports, sizeof(snplp_report_year), year))
        return snplp__fail_in(__func__, SNPLP_ENOTFOUND,
                              "convention %s records no report sent on %" PRId32, c->id, year);
    snplp__yeartab_remove(&c->reports, sizeof(snplp_report_year), year);
    return SNPLP_OK;
}

size_t snplp_convention_report_year_count(const snplp_convention *conv)
{
    const snplp_convention *c = snplp__conv_of(conv);
    return c ? c->reports.n : 0;
}

int32_t snplp_convention_report_year_at(const snplp_convention *conv, size_t index)
{
    const snplp_convention *c = snplp__conv_of(conv);
    if (!c || index >= c->reports.n)
        return 0;
    const snplp_report_year *r = snplp__yeartab_at(&c->reports, sizeof *r, index);
    return r->year;
}

snplp_report_state snplp_convention_report_state(const snplp_convention *conv, int32_t year,
                                                 snplp_date at)
{
    const snplp_convention *c = snplp__conv_of(conv);
    if (!c) {
        snplp__bad_arg(__func__, "conv is NULL or not a convention");
        return SNPLP_REPORT_NONE;
    }
    if (snplp__check_year(year, __func__))
        return SNPLP_REPORT_NONE;
    if (!snplp_date_is_valid(at)) {
        bad_date(__func__, "the date at", at);
        return SNPLP_REPORT_NONE;
    }
    snplp_date due = due_date(year);
    const snplp_report_year *r = snplp__yeartab_find(&c->reports, sizeof *r, year);
    if (r && snplp_date_compare(r->sent, at) <= 0)
        return snplp_date_compare(r->sent, due) <= 0 ? SNPLP_REPORT_ON_TIME : SNPLP_REPORT_LATE;
    return snplp_date_compare(at, due) <= 0 ? SNPLP_REPORT_NOT_YET_DUE : SNPLP_REPORT_MISSING;
}
