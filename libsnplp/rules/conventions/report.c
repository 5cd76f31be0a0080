/* Annual execution reports: the report on year N is due on 31 March of N+1 (seed 002); a
 * convention records the day each was sent, and a report's state at a date follows from the
 * two (a report sent after that date is not sent yet at it). */
#include "rules/conventions/matrix_model.h"

#include <inttypes.h>

#include "util/date.h"
#include "util/names.h"

/* 31 March of year + 1 (year already checked). */
static snplp_date due_date(int32_t year)
{
    return (snplp_date){year + 1, 3, 31};
}

static const char *const state_names[] = {"none", "not-yet-due", "on-time", "late", "missing"};

const char *snplp_report_state_name(snplp_report_state state)
{
    return snplp__name_of(state_names, SNPLP__COUNT(state_names), state, "none");
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
    if (snplp__date_check(at, __func__, "the date at"))
        return SNPLP_REPORT_NONE;
    snplp_date due = due_date(year);
    const snplp_report_year *r = snplp__yeartab_find(&c->reports, sizeof *r, year);
    if (r && snplp_date_compare(r->sent, at) <= 0)
        return snplp_date_compare(r->sent, due) <= 0 ? SNPLP_REPORT_ON_TIME : SNPLP_REPORT_LATE;
    return snplp_date_compare(at, due) <= 0 ? SNPLP_REPORT_NOT_YET_DUE : SNPLP_REPORT_MISSING;
}

bool snplp__report_not_yet_due(const snplp_convention *c, int32_t year, snplp_date at)
{
    const snplp_report_year *r = snplp__yeartab_find(&c->reports, sizeof *r, year);
    if (r && snplp_date_compare(r->sent, at) <= 0)
        return false;
    return snplp_date_compare(at, due_date(year)) <= 0;
}
