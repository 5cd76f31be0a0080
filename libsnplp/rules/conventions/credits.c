/* The release of a year's credits: conditioned on the report on the previous year having been
 * sent and on that year's actions having been carried out (seed 002). The decision lists every
 * reason, blocking ones first, each group in the order of the convention's actions with the
 * report's reason first. Each reason keeps what its sentence says (dates, days, the action's
 * id, title and status, the reason for dropping it): the sentence comes from the catalogue
 * (table credit, util/messages/credit/), written in the thread's default language when the
 * decision is made, and in any language on request (snplp_credits_reason_render()). */
#include "model/conventions/convention_model.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "util/alloc.h"
#include "util/date.h"
#include "util/messages.h"
#include "util/names.h"
#include "util/getters.h"

typedef struct credit_reason {
    snplp_credit_reason kind;
    bool blocking;
    /* an action's reason: its id, then its title and the reason it was dropped for, in one
     * block ("id\0title\0reason\0"); NULL for a report reason */
    char *action_id;
    const char *title, *dropped_for;
    snplp_action_status status; /* of the action in the year */
    const char *variant;        /* the message's variant in the table credit (static) */
    int32_t year;               /* the year the reason is about (the one before the credits) */
    snplp_date at, due, sent;   /* the date of the decision, the report's due and sent dates */
    int32_t days;               /* between the dates the message names */
    char *message;              /* in the language of the thread that made the decision */
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

/* Renders reason x in lang into *out (the library's allocator); SNPLP_OK or the error
 * (recorded). */
static int render(const credit_reason *x, snplp_language lang, char **out)
{
    char year[16], days[16], at[SNPLP_DATE_TEXT_SIZE], due[SNPLP_DATE_TEXT_SIZE],
        sent[SNPLP_DATE_TEXT_SIZE];
    snprintf(year, sizeof year, "%" PRId32, x->year);
    snprintf(days, sizeof days, "%" PRId32, x->days);
    snplp_date_format(at, sizeof at, x->at);
    snplp_date_format(due, sizeof due, x->due);
    snplp_date_format(sent, sizeof sent, x->sent);
    const char *key = snplp_credit_reason_name(x->kind);
    switch (x->kind) {
    case SNPLP_CREDIT_REPORT_MISSING:
        if (strcmp(x->variant, "due-today") == 0)
            return snplp__msg_render(lang, "credit", key, x->variant,
                                     (const snplp_msg_arg[]){{"year", SNPLP_PARAM_INTEGER, year},
                                                             {"at", SNPLP_PARAM_DATE, at},
                                                             {"due", SNPLP_PARAM_DATE, due}},
                                     3, out);
        return snplp__msg_render(lang, "credit", key, x->variant,
                                 (const snplp_msg_arg[]){{"year", SNPLP_PARAM_INTEGER, year},
                                                         {"at", SNPLP_PARAM_DATE, at},
                                                         {"due", SNPLP_PARAM_DATE, due},
                                                         {"days", SNPLP_PARAM_INTEGER, days}},
                                 4, out);
    case SNPLP_CREDIT_REPORT_LATE:
        return snplp__msg_render(lang, "credit", key, x->variant,
                                 (const snplp_msg_arg[]){{"year", SNPLP_PARAM_INTEGER, year},
                                                         {"sent", SNPLP_PARAM_DATE, sent},
                                                         {"days", SNPLP_PARAM_INTEGER, days},
                                                         {"due", SNPLP_PARAM_DATE, due}},
                                 4, out);
    case SNPLP_CREDIT_ACTION_NOT_DONE:
        return snplp__msg_render(
            lang, "credit", key, x->variant,
            (const snplp_msg_arg[]){
                {"action", SNPLP_PARAM_ID, x->action_id},
                {"title", SNPLP_PARAM_TEXT, x->title},
                {"year", SNPLP_PARAM_INTEGER, year},
                {"status", SNPLP_PARAM_CHOICE,
                 x->status == SNPLP_ACTION_STATUS_PLANNED ? "planned" : "in_progress"}},
            4, out);
    case SNPLP_CREDIT_ACTION_DROPPED:
        return snplp__msg_render(
            lang, "credit", key, x->variant,
            (const snplp_msg_arg[]){{"action", SNPLP_PARAM_ID, x->action_id},
                                    {"title", SNPLP_PARAM_TEXT, x->title},
                                    {"year", SNPLP_PARAM_INTEGER, year},
                                    {"reason", SNPLP_PARAM_TEXT, x->dropped_for}},
            4, out);
    case SNPLP_CREDIT_NONE:
        break;
    }
    return snplp__fail(SNPLP_EINTERNAL, "a reason of no kind");
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

/* The report's reason on year (SNPLP_CREDIT_NONE if on time) into *x, with its message in
 * the thread's language (NULL when none or on failure; *rc tells). */
static snplp_credit_reason report_reason(const snplp_convention *c, int32_t year, snplp_date at,
                                         credit_reason *x, int *rc)
{
    *x = (credit_reason){.kind = SNPLP_CREDIT_NONE};
    *rc = SNPLP_OK;
    snplp_report_state state = snplp_convention_report_state(c, year, at);
    if (state != SNPLP_REPORT_NOT_YET_DUE && state != SNPLP_REPORT_MISSING &&
        state != SNPLP_REPORT_LATE)
        return SNPLP_CREDIT_NONE;
    x->year = year;
    x->at = at;
    snplp_report_due_date(&x->due, year);
    x->sent = x->due; /* (none: not named) */
    if (state == SNPLP_REPORT_NOT_YET_DUE) {
        snplp_date_days_between(&x->days, at, x->due);
        x->variant = x->days == 0 ? "due-today" : "not-yet-due";
    } else if (state == SNPLP_REPORT_MISSING) {
        snplp_date_days_between(&x->days, x->due, at);
        x->variant = "overdue";
    } else {
        const snplp_report_year *r = snplp__yeartab_find(&c->reports, sizeof *r, year);
        x->sent = r->sent;
        snplp_date_days_between(&x->days, x->due, r->sent);
        x->variant = "sent";
    }
    x->kind = state == SNPLP_REPORT_LATE ? SNPLP_CREDIT_REPORT_LATE : SNPLP_CREDIT_REPORT_MISSING;
    x->blocking = is_blocking(x->kind);
    *rc = render(x, snplp_language_default(), &x->message);
    return x->kind;
}

/* The reason of action a, whose status s in its year gives a reason of kind, into *x: its
 * id, title and reason for dropping (one block), its message in the thread's language.
 * SNPLP_OK or the error (recorded; nothing to free then). */
static int action_reason_of(credit_reason *x, const snplp_action *a, const snplp_status_year *s,
                            snplp_credit_reason kind)
{
    const char *title = a->title ? a->title : "";
    const char *why = s->status == SNPLP_ACTION_STATUS_DROPPED && s->reason ? s->reason : "";
    size_t id_len = strlen(a->id), title_len = strlen(title), why_len = strlen(why);
    char *block = snplp__malloc(id_len + title_len + why_len + 3);
    if (!block)
        return snplp__oom();
    memcpy(block, a->id, id_len + 1);
    memcpy(block + id_len + 1, title, title_len + 1);
    memcpy(block + id_len + title_len + 2, why, why_len + 1);
    *x = (credit_reason){.kind = kind,
                         .blocking = is_blocking(kind),
                         .action_id = block,
                         .title = block + id_len + 1,
                         .dropped_for = block + id_len + title_len + 2,
                         .status = s->status,
                         .variant = kind == SNPLP_CREDIT_ACTION_DROPPED ? "reason" : "status",
                         .year = s->year};
    int rc = render(x, snplp_language_default(), &x->message);
    if (rc != SNPLP_OK) {
        snplp__free(block);
        x->action_id = NULL;
    }
    return rc;
}

/* Appends the reasons of one group (blocking or not) to r, whose array has room for them all:
 * the report's first, then the actions' in order. */
static int add_group(snplp_credits *r, const snplp_convention *c, int32_t year, bool blocking,
                     credit_reason *report)
{
    if (report->kind != SNPLP_CREDIT_NONE && report->blocking == blocking) {
        r->reasons[r->n++] = *report;
        report->message = NULL; /* taken */
    }
    for (uint32_t i = 0; i < c->actions.n; i++) {
        const snplp_action *a = c->actions.v[i];
        const snplp_status_year *s = status_in(a, year);
        snplp_credit_reason kind = action_reason(s);
        if (kind == SNPLP_CREDIT_NONE || is_blocking(kind) != blocking)
            continue;
        int rc = action_reason_of(&r->reasons[r->n], a, s, kind);
        if (rc != SNPLP_OK)
            return rc;
        r->n++;
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
    credit_reason report;
    int rc;
    snplp_credit_reason report_kind = report_reason(c, previous, at, &report, &rc);
    size_t count = report_kind != SNPLP_CREDIT_NONE;
    for (uint32_t i = 0; i < c->actions.n; i++)
        count += action_reason(status_in(c->actions.v[i], previous)) != SNPLP_CREDIT_NONE;
    if (!rc && count > 0) {
        r->reasons = snplp__calloc(count, sizeof *r->reasons);
        if (!r->reasons)
            rc = snplp__oom();
    }
    if (!rc)
        rc = add_group(r, c, previous, true, &report);
    if (!rc)
        rc = add_group(r, c, previous, false, &report);
    snplp__free(report.message); /* NULL once taken */
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

int snplp_credits_reason_render(const snplp_credits *credits, size_t index, snplp_language lang,
                                char **out)
{
    if (!out)
        return snplp__bad_arg(__func__, "out is NULL");
    *out = NULL;
    if (!credits)
        return snplp__bad_arg(__func__, "credits is NULL");
    const credit_reason *x = reason_of(credits, index);
    if (!x)
        return snplp__fail_in(__func__, SNPLP_EINVAL, "no reason %zu: the decision has %zu", index,
                              credits->n);
    if (!snplp_language_code(lang))
        return snplp__fail_in(__func__, SNPLP_EINVAL, "unknown language %d", (int)lang);
    return render(x, lang, out);
}
