/* The release of a year's credits: conditioned on the report on the previous year having been
 * sent and on that year's actions having been carried out (seed 002). The decision lists every
 * reason, blocking ones first, each group in the order of the convention's actions with the
 * report's reason first. */
#include "model/conventions/convention_model.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>

#include "util/alloc.h"
#include "util/date.h"
#include "util/names.h"
#include "util/getters.h"

typedef struct credit_reason {
    snplp_credit_reason kind;
    bool blocking;
    char *action_id; /* NULL for a report reason */
    char *message;
} credit_reason;

struct snplp_credits {
    bool released;
    int32_t year;
    size_t n;
    credit_reason *reasons;
};

static const char *const reason_names[] = {"none", "report-missing", "report-late",
                                           "action-not-done", "action-dropped"};

const char *snplp_credit_reason_name(snplp_credit_reason reason)
{
    return snplp__name_of(reason_names, SNPLP__COUNT(reason_names), reason, "none");
}

void snplp_credits_free(snplp_credits *credits)
{
    if (!credits)
        return;
    for (size_t i = 0; i < credits->n; i++) {
        snplp__free(credits->reasons[i].action_id);
        snplp__free(credits->reasons[i].message);
    }
    snplp__free(credits->reasons);
    snplp__free(credits);
}

/* *out: a counted, printf-formatted string; returns SNPLP_OK or the error (recorded). */
__attribute__((format(printf, 2, 3))) static int format(char **out, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return snplp__fail_in("snplp_convention_credits", SNPLP_EINTERNAL,
                              "a message cannot be formatted");
    char *s = snplp__malloc((size_t)n + 1);
    if (!s)
        return snplp__oom();
    va_start(ap, fmt);
    vsnprintf(s, (size_t)n + 1, fmt, ap);
    va_end(ap);
    *out = s;
    return SNPLP_OK;
}

/* "N day(s)". */
static const char *days_unit(int32_t n)
{
    return n == 1 ? "day" : "days";
}

/* The status of action a in year, NULL if it has none. */
static const snplp_status_year *status_in(const snplp_action *a, int32_t year)
{
    return snplp__yeartab_find(&a->statuses, sizeof(snplp_status_year), year);
}

/* The kind of reason an action's status gives, SNPLP_CREDIT_NONE for none. */
static snplp_credit_reason action_reason(const snplp_status_year *s)
{
    if (!s)
        return SNPLP_CREDIT_NONE;
    switch (s->status) {
    case SNPLP_ACTION_STATUS_PLANNED:
    case SNPLP_ACTION_STATUS_IN_PROGRESS:
        return SNPLP_CREDIT_ACTION_NOT_DONE;
    case SNPLP_ACTION_STATUS_DROPPED:
        return SNPLP_CREDIT_ACTION_DROPPED;
    case SNPLP_ACTION_STATUS_DONE:
    case SNPLP_ACTION_STATUS_NONE:
        break;
    }
    return SNPLP_CREDIT_NONE;
}

static bool is_blocking(snplp_credit_reason kind)
{
    return kind == SNPLP_CREDIT_REPORT_MISSING || kind == SNPLP_CREDIT_ACTION_NOT_DONE;
}

/* The report's reason (SNPLP_CREDIT_NONE if on time) and its message (NULL when none or on
 * failure; *rc tells). */
static snplp_credit_reason report_reason(const snplp_convention *c, int32_t year, snplp_date at,
                                         char **message, int *rc)
{
    *message = NULL;
    *rc = SNPLP_OK;
    snplp_report_state state = snplp_convention_report_state(c, year, at);
    if (state != SNPLP_REPORT_NOT_YET_DUE && state != SNPLP_REPORT_MISSING &&
        state != SNPLP_REPORT_LATE)
        return SNPLP_CREDIT_NONE;
    snplp_date due;
    snplp_report_due_date(&due, year);
    char due_text[SNPLP_DATE_TEXT_SIZE], at_text[SNPLP_DATE_TEXT_SIZE];
    snplp_date_format(due_text, sizeof due_text, due);
    snplp_date_format(at_text, sizeof at_text, at);
    int32_t days = 0;
    if (state == SNPLP_REPORT_NOT_YET_DUE) {
        snplp_date_days_between(&days, at, due);
        if (days == 0)
            *rc = format(message,
                         "the report on %" PRId32 " has not been sent as of %s; it is not "
                         "overdue yet: it is due that day, %s",
                         year, at_text, due_text);
        else
            *rc = format(message,
                         "the report on %" PRId32 " has not been sent as of %s; it is not "
                         "overdue yet: it is due on %s, in %" PRId32 " %s",
                         year, at_text, due_text, days, days_unit(days));
    } else if (state == SNPLP_REPORT_MISSING) {
        snplp_date_days_between(&days, due, at);
        *rc = format(message,
                     "the report on %" PRId32 " has not been sent as of %s; it is overdue: it "
                     "was due on %s, %" PRId32 " %s before",
                     year, at_text, due_text, days, days_unit(days));
    } else {
        const snplp_report_year *r = snplp__yeartab_find(&c->reports, sizeof *r, year);
        char sent_text[SNPLP_DATE_TEXT_SIZE];
        snplp_date_format(sent_text, sizeof sent_text, r->sent);
        snplp_date_days_between(&days, due, r->sent);
        *rc = format(message,
                     "the report on %" PRId32 " was sent on %s, %" PRId32
                     " %s after it was due on %s",
                     year, sent_text, days, days_unit(days), due_text);
    }
    return state == SNPLP_REPORT_LATE ? SNPLP_CREDIT_REPORT_LATE : SNPLP_CREDIT_REPORT_MISSING;
}

/* *out: the message of an action's reason; returns SNPLP_OK or the error (recorded). */
static int action_message(char **out, const snplp_action *a, const snplp_status_year *s)
{
    const char *title = a->title ? a->title : "";
    if (s->status == SNPLP_ACTION_STATUS_DROPPED)
        return format(out, "action %s « %s » was dropped in %" PRId32 ", for this reason: « %s »",
                      a->id, title, s->year, s->reason ? s->reason : "");
    return format(out, "action %s « %s » was not done in %" PRId32 ": its status is %s", a->id,
                  title, s->year,
                  s->status == SNPLP_ACTION_STATUS_PLANNED ? "planned" : "in-progress");
}

/* Appends the reasons of one group (blocking or not) to r, whose array has room for them all:
 * the report's first, then the actions' in order. */
static int add_group(snplp_credits *r, const snplp_convention *c, int32_t year, bool blocking,
                     snplp_credit_reason report_kind, char **report_message)
{
    if (report_kind != SNPLP_CREDIT_NONE && is_blocking(report_kind) == blocking) {
        r->reasons[r->n++] = (credit_reason){report_kind, blocking, NULL, *report_message};
        *report_message = NULL;
    }
    for (uint32_t i = 0; i < c->actions.n; i++) {
        const snplp_action *a = c->actions.v[i];
        const snplp_status_year *s = status_in(a, year);
        snplp_credit_reason kind = action_reason(s);
        if (kind == SNPLP_CREDIT_NONE || is_blocking(kind) != blocking)
            continue;
        char *id = snplp__strdup(a->id);
        if (!id)
            return snplp__oom();
        char *message = NULL;
        int rc = action_message(&message, a, s);
        if (rc != SNPLP_OK) {
            snplp__free(id);
            return rc;
        }
        r->reasons[r->n++] = (credit_reason){kind, blocking, id, message};
    }
    return SNPLP_OK;
}

int snplp_convention_credits(snplp_credits **out, const snplp_convention *conv, int32_t year,
                             snplp_date at)
{
    const snplp_convention *c = snplp__conv_of(conv);
    if (!out)
        return snplp__bad_arg(__func__, "out is NULL");
    if (!c)
        return snplp__bad_arg(__func__, "conv is NULL or not a convention");
    if (!c->first_year)
        return snplp__fail_in(__func__, SNPLP_EINVAL, "the years of convention %s are not set",
                              c->id);
    if (!snplp__conv_has_year(c, year))
        return snplp__fail_in(__func__, SNPLP_EINVAL,
                              "%" PRId32 " is not a year of convention %s (%" PRId32 " to %" PRId32
                              ")",
                              year, c->id, c->first_year, c->last_year);
    if (snplp__date_check(at, __func__, "the date at"))
        return SNPLP_EINVAL;

    snplp_credits *r = snplp__calloc(1, sizeof *r);
    if (!r)
        return snplp__oom();
    r->year = year;
    r->released = true;
    if (year == c->first_year) {
        *out = r; /* the first year follows no report */
        return SNPLP_OK;
    }

    /* The previous year: its report, then its actions. */
    int32_t previous = year - 1;
    char *report_message;
    int rc;
    snplp_credit_reason report_kind = report_reason(c, previous, at, &report_message, &rc);
    size_t count = report_kind != SNPLP_CREDIT_NONE;
    for (uint32_t i = 0; i < c->actions.n; i++)
        count += action_reason(status_in(c->actions.v[i], previous)) != SNPLP_CREDIT_NONE;
    if (!rc && count > 0) {
        r->reasons = snplp__calloc(count, sizeof *r->reasons);
        if (!r->reasons)
            rc = snplp__oom();
    }
    if (!rc)
        rc = add_group(r, c, previous, true, report_kind, &report_message);
    if (!rc)
        rc = add_group(r, c, previous, false, report_kind, &report_message);
    snplp__free(report_message); /* NULL once taken */
    if (rc) {
        snplp_credits_free(r);
        return rc;
    }
    for (size_t i = 0; i < r->n; i++)
        if (r->reasons[i].blocking)
            r->released = false;
    *out = r;
    return SNPLP_OK;
}

SNPLP_DEFINE_GETTER(bool, snplp_credits_released, snplp_credits, SNPLP__AS_IS, released, false)
SNPLP_DEFINE_GETTER(int32_t, snplp_credits_year, snplp_credits, SNPLP__AS_IS, year, 0)
SNPLP_DEFINE_GETTER(size_t, snplp_credits_reason_count, snplp_credits, SNPLP__AS_IS, n, 0)

/* Reason index of credits, NULL if out of range. */
static const credit_reason *reason_of(const snplp_credits *credits, size_t index)
{
    return credits && index < credits->n ? &credits->reasons[index] : NULL;
}

snplp_credit_reason snplp_credits_reason_at(const snplp_credits *credits, size_t index)
{
    const credit_reason *x = reason_of(credits, index);
    return x ? x->kind : SNPLP_CREDIT_NONE;
}

bool snplp_credits_reason_blocking(const snplp_credits *credits, size_t index)
{
    const credit_reason *x = reason_of(credits, index);
    return x ? x->blocking : false;
}

const char *snplp_credits_reason_action_id(const snplp_credits *credits, size_t index)
{
    const credit_reason *x = reason_of(credits, index);
    return x ? x->action_id : NULL;
}

const char *snplp_credits_reason_message(const snplp_credits *credits, size_t index)
{
    const credit_reason *x = reason_of(credits, index);
    return x ? x->message : NULL;
}
