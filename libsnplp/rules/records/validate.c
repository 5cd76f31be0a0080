/* The rules of training records (docs/records.md "Validation", codes 400-414 of
 * docs/diagnostics.md): every finding in one pass, in the order of the records. */
#include "rules/records/rindex.h"

#include <stdio.h>
#include <string.h>

#include "util/alloc.h"
#include "util/diag.h"
#include "util/days.h"
#include "util/errors.h"
#include "util/names.h"

typedef struct check {
    const rix *ix;
    snplp_diagnostics *diags;
    size_t errors;
    int rc; /* the first failure to record a finding (SNPLP_ENOMEM) */
} check;

/* Adds the finding code/variant of the catalogue about item, with its arguments. */
static void finding(check *k, snplp_severity sev, snplp_diag_code code, const char *item,
                    const char *variant, const snplp_msg_arg *args, size_t nargs)
{
    if (k->rc)
        return;
    k->rc = snplp__finding(k->diags, &(snplp_finding){.severity = sev,
                                                      .code = code,
                                                      .variant = variant,
                                                      .item_id = item,
                                                      .args = args,
                                                      .nargs = nargs});
    k->errors += sev == SNPLP_SEVERITY_ERROR;
}
/* ERROR(k, code, item, variant, SNPLP_ARGS(...)) */
#define ERROR(k, code, item, ...) finding((k), SNPLP_SEVERITY_ERROR, (code), (item), __VA_ARGS__)
#define WARNING(k, code, item, ...)                                                                \
    finding((k), SNPLP_SEVERITY_WARNING, (code), (item), __VA_ARGS__)

/* The texts of the arguments: a date YYYY-MM-DD, a decimal as snplp_decimal_format() writes
 * it, days of the model (snplp__days_format()), an integer, a kind as the messages select on
 * it (its name with "_" for "-": "training_body", "plan_theme"). */
typedef struct text {
    char s[SNPLP_DECIMAL_MAX_TEXT + 16];
} text;
static text date_text(snplp_date d)
{
    text t;
    if (snplp_date_format(t.s, sizeof t.s, d))
        strcpy(t.s, "0001-01-01"); /* not a valid date: cannot be in the records */
    return t;
}
static text dec_text(snplp_decimal d)
{
    text t;
    if (snplp_decimal_format(t.s, SNPLP_DECIMAL_MAX_TEXT, d))
        strcpy(t.s, "0"); /* not a valid decimal: cannot be in the records */
    return t;
}
static text days_text(double days)
{
    text t;
    snplp__days_format(t.s, sizeof t.s, days);
    return t;
}
static text num_text(long long n)
{
    text t;
    snprintf(t.s, sizeof t.s, "%lld", n);
    return t;
}
static text kind_text(const char *name)
{
    text t;
    snprintf(t.s, sizeof t.s, "%s", name);
    for (char *p = t.s; *p; p++)
        if (*p == '-')
            *p = '_';
    return t;
}

/* A reference that must name a record of kind want (or, when ref_kind is not NONE, an item of
 * the referential of that kind, or of ref_kind2): the findings' variant, and the arguments
 * naming the record that holds it and the reference (ids, n of them, at most 2). */
static void check_ref(check *k, const char *item, const char *variant, const snplp_msg_arg *ids,
                      size_t n, const char *id, snplp_record_kind want, snplp_kind ref_kind,
                      snplp_kind ref_kind2)
{
    if (!id)
        return;
    const snplp_item *it = snplp__rix_item(k->ix->ref, id);
    const rix_entry *e = snplp__rix_get(k->ix, id);
    if (it && ref_kind != SNPLP_KIND_NONE && (it->kind == ref_kind || it->kind == ref_kind2))
        return;
    if (e && want != SNPLP_RECORD_NONE && e->kind == want)
        return;
    if (!it && !e) {
        ERROR(k, SNPLP_DIAG_RECORD_DANGLING_REFERENCE, item, variant, ids, n);
        return;
    }
    /* what the id names: a record first */
    text kind =
        kind_text(e ? snplp_record_kind_name(e->kind) : snplp_kind_name((snplp_kind)it->kind));
    snplp_msg_arg args[4];
    memcpy(args, ids, n * sizeof *args);
    args[n] = (snplp_msg_arg)SNPLP_ARG(CHOICE, "kind", kind.s);
    args[n + 1] = (snplp_msg_arg)SNPLP_ARG(CHOICE, "source", e ? "records" : "referential");
    ERROR(k, SNPLP_DIAG_RECORD_REFERENCE_KIND, item, variant, args, n + 2);
}

static void check_professions(check *k)
{
    const snplp_records *r = k->ix->records;
    for (size_t i = 0; i < snplp_records_profession_count(r); i++) {
        const char *id = snplp_record_profession_id(snplp_records_profession_at(r, i));
        const snplp_item *it = snplp__rix_item(k->ix->ref, id);
        if (it)
            ERROR(k, SNPLP_DIAG_PROFESSION_IN_REFERENTIAL, id, "profession",
                  SNPLP_ARGS(SNPLP_ARG(ID, "profession", id),
                             SNPLP_ARG(CHOICE, "kind",
                                       kind_text(snplp_kind_name((snplp_kind)it->kind)).s)));
    }
}

static void check_workers(check *k)
{
    const snplp_records *r = k->ix->records;
    for (size_t i = 0; i < k->ix->nw; i++) {
        const snplp_worker *w = snplp_records_worker_at(r, i);
        const char *id = snplp_worker_id(w);
        const char *profession = snplp_worker_profession_id(w);
        const char *employer = snplp_worker_employer_id(w);
        check_ref(k, id, "worker-profession",
                  SNPLP_ARGS(SNPLP_ARG(ID, "worker", id), SNPLP_ARG(ID, "profession", profession)),
                  profession, SNPLP_RECORD_PROFESSION, SNPLP_KIND_PROFESSION,
                  SNPLP_KIND_PROFESSION);
        check_ref(k, id, "worker-employer",
                  SNPLP_ARGS(SNPLP_ARG(ID, "worker", id), SNPLP_ARG(ID, "employer", employer)),
                  employer, SNPLP_RECORD_EMPLOYER, SNPLP_KIND_NONE, SNPLP_KIND_NONE);
        snplp_date until = w->until, from = w->from;
        if (w->has_until && snplp_date_compare(until, from) < 0)
            ERROR(k, SNPLP_DIAG_WORKER_DATES, id, "worker",
                  SNPLP_ARGS(SNPLP_ARG(ID, "worker", id),
                             SNPLP_ARG(DATE, "until", date_text(until).s),
                             SNPLP_ARG(DATE, "from", date_text(from).s)));
    }
}

static void check_session_length(check *k, const snplp_session *s, const char *id)
{
    snplp_decimal days = snplp_session_days(s);
    snplp_date start = snplp_session_start(s), end = snplp_session_end(s);
    int32_t between;
    if (snplp_date_compare(end, start) < 0)
        ERROR(k, SNPLP_DIAG_SESSION_DATES, id, "session",
              SNPLP_ARGS(SNPLP_ARG(ID, "session", id), SNPLP_ARG(DATE, "end", date_text(end).s),
                         SNPLP_ARG(DATE, "start", date_text(start).s)));
    else if (snplp_date_days_between(&between, start, end) == SNPLP_OK &&
             snplp_decimal_compare(days, (snplp_decimal){(int64_t)between + 1, 0}) > 0)
        ERROR(k, SNPLP_DIAG_SESSION_DAYS_OVER_CALENDAR, id, "session",
              SNPLP_ARGS(SNPLP_ARG(ID, "session", id), SNPLP_ARG(DECIMAL, "days", dec_text(days).s),
                         SNPLP_ARG(INTEGER, "calendar_days", num_text((long long)between + 1).s),
                         SNPLP_ARG(DATE, "start", date_text(start).s),
                         SNPLP_ARG(DATE, "end", date_text(end).s)));
    const snplp_item *module = snplp__rix_item(k->ix->ref, snplp_session_subject_id(s));
    if (!module || module->kind != SNPLP_KIND_MODULE)
        return;
    double limit;
    if (snplp__rix_module_days(&limit, module) &&
        snplp_decimal_compare(days, snplp__rix_days_decimal(limit)) > 0)
        ERROR(k, SNPLP_DIAG_SESSION_OVER_MODULE_DURATION, id, "session",
              SNPLP_ARGS(SNPLP_ARG(ID, "session", id), SNPLP_ARG(DECIMAL, "days", dec_text(days).s),
                         SNPLP_ARG(DECIMAL, "max", days_text(limit).s),
                         SNPLP_ARG(ID, "module", module->id)));
    if (snplp__rix_max_days(&limit, k->ix->ref) &&
        snplp_decimal_compare(days, snplp__rix_days_decimal(limit)) > 0)
        ERROR(k, SNPLP_DIAG_SESSION_OVER_MAX_DAYS, id, "session",
              SNPLP_ARGS(SNPLP_ARG(ID, "session", id), SNPLP_ARG(ID, "module", module->id),
                         SNPLP_ARG(DECIMAL, "days", dec_text(days).s),
                         SNPLP_ARG(DECIMAL, "max", days_text(limit).s)));
}

static void check_sessions(check *k)
{
    const snplp_records *r = k->ix->records;
    for (size_t i = 0; i < k->ix->ns; i++) {
        const snplp_session *s = snplp_records_session_at(r, i);
        const char *id = snplp_session_id(s);
        const char *subject = snplp_session_subject_id(s), *body = snplp_session_body_id(s);
        check_ref(k, id, "session-subject",
                  SNPLP_ARGS(SNPLP_ARG(ID, "session", id), SNPLP_ARG(ID, "subject", subject)),
                  subject, SNPLP_RECORD_NONE, SNPLP_KIND_MODULE, SNPLP_KIND_PLAN_THEME);
        check_ref(k, id, "session-body",
                  SNPLP_ARGS(SNPLP_ARG(ID, "session", id), SNPLP_ARG(ID, "body", body)), body,
                  SNPLP_RECORD_TRAINING_BODY, SNPLP_KIND_NONE, SNPLP_KIND_NONE);
        check_session_length(k, s, id);
    }
}

/* The rules of one attendance whose worker and session are known. */
static void check_attendance_values(check *k, const snplp_attendance *a, const snplp_worker *w,
                                    const snplp_session *s)
{
    const char *wid = snplp_worker_id(w), *sid = snplp_session_id(s);
    snplp_attendance_status st = snplp_attendance_status_of(a);
    const char *stn = snplp_attendance_status_name(st);
    snplp_date start = snplp_session_start(s), end = snplp_session_end(s);
    snplp_date from = w->from, until = w->until;
    bool has_until = w->has_until;
    if ((st == SNPLP_ATTENDANCE_ATTENDED || st == SNPLP_ATTENDANCE_PARTIAL) &&
        (snplp_date_compare(start, from) < 0 ||
         (has_until && snplp_date_compare(end, until) > 0))) {
        text ts = date_text(start), te = date_text(end), tf = date_text(from),
             tu = date_text(until);
        const snplp_msg_arg args[] = {
            SNPLP_ARG(ID, "worker", wid),
            SNPLP_ARG(CHOICE, "status", st == SNPLP_ATTENDANCE_ATTENDED ? "attended" : "partial"),
            SNPLP_ARG(ID, "session", sid),
            SNPLP_ARG(DATE, "start", ts.s),
            SNPLP_ARG(DATE, "end", te.s),
            SNPLP_ARG(DATE, "from", tf.s),
            SNPLP_ARG(DATE, "until", tu.s)}; /* the last one only when there is an end */
        ERROR(k, SNPLP_DIAG_ATTENDANCE_OUTSIDE_WORKFORCE, wid, has_until ? "until" : "current",
              args, SNPLP__COUNT(args) - !has_until);
    }
    snplp_decimal days = snplp__attendance_days_of(a), sdays = s->days;
    if (!a->has_days)
        return;
    if (snplp_decimal_compare(days, sdays) > 0)
        ERROR(k, SNPLP_DIAG_DAYS_OVER_SESSION, wid, "attendance",
              SNPLP_ARGS(SNPLP_ARG(ID, "worker", wid), SNPLP_ARG(DECIMAL, "days", dec_text(days).s),
                         SNPLP_ARG(ID, "session", sid),
                         SNPLP_ARG(DECIMAL, "session_days", dec_text(sdays).s)));
    if ((st == SNPLP_ATTENDANCE_REGISTERED || st == SNPLP_ATTENDANCE_ABSENT ||
         st == SNPLP_ATTENDANCE_CANCELLED) &&
        snplp_decimal_compare(days, (snplp_decimal){0, 0}) > 0)
        ERROR(k, SNPLP_DIAG_DAYS_WITHOUT_ATTENDANCE, wid, "attendance",
              SNPLP_ARGS(SNPLP_ARG(ID, "worker", wid), SNPLP_ARG(ID, "session", sid),
                         SNPLP_ARG(DECIMAL, "days", dec_text(days).s),
                         SNPLP_ARG(ID, "status", stn)));
    if (st == SNPLP_ATTENDANCE_ATTENDED && snplp_decimal_compare(days, sdays) < 0)
        WARNING(k, SNPLP_DIAG_ATTENDED_BELOW_SESSION, wid, "attendance",
                SNPLP_ARGS(SNPLP_ARG(ID, "worker", wid), SNPLP_ARG(ID, "session", sid),
                           SNPLP_ARG(DECIMAL, "days", dec_text(days).s),
                           SNPLP_ARG(DECIMAL, "session_days", dec_text(sdays).s)));
}

static void check_attendance(check *k)
{
    const rix *ix = k->ix;
    for (size_t i = 0; i < ix->na; i++) {
        const snplp_attendance *a = snplp_records_attendance_at(ix->records, i);
        const char *wid = snplp_attendance_worker_id(a), *sid = snplp_attendance_session_id(a);
        const snplp_msg_arg ids[] = {SNPLP_ARG(ID, "worker", wid ? wid : ""),
                                     SNPLP_ARG(ID, "session", sid ? sid : "")};
        check_ref(k, wid, "attendance-worker", ids, 2, wid, SNPLP_RECORD_WORKER, SNPLP_KIND_NONE,
                  SNPLP_KIND_NONE);
        check_ref(k, wid, "attendance-session", ids, 2, sid, SNPLP_RECORD_SESSION, SNPLP_KIND_NONE,
                  SNPLP_KIND_NONE);
        if (ix->att_worker[i] != RIX_NONE && ix->att_session[i] != RIX_NONE)
            check_attendance_values(k, a, snplp_records_worker_at(ix->records, ix->att_worker[i]),
                                    snplp_records_session_at(ix->records, ix->att_session[i]));
    }
}

static bool is_taking_part(snplp_attendance_status st)
{
    return st == SNPLP_ATTENDANCE_REGISTERED || st == SNPLP_ATTENDANCE_ATTENDED ||
           st == SNPLP_ATTENDANCE_PARTIAL;
}

/* Sessions with more people registered, attended or partial than their capacity. */
static void check_capacities(check *k, size_t *count)
{
    const rix *ix = k->ix;
    for (size_t i = 0; i < ix->na; i++)
        if (ix->att_session[i] != RIX_NONE &&
            is_taking_part(snplp_attendance_status_of(snplp_records_attendance_at(ix->records, i))))
            count[ix->att_session[i]]++;
    for (size_t i = 0; i < ix->ns; i++) {
        const snplp_session *s = snplp_records_session_at(ix->records, i);
        int cap = s->capacity;
        if (s->has_capacity && count[i] > (size_t)cap)
            ERROR(k, SNPLP_DIAG_CAPACITY_EXCEEDED, snplp_session_id(s), "session",
                  SNPLP_ARGS(SNPLP_ARG(ID, "session", snplp_session_id(s)),
                             SNPLP_ARG(INTEGER, "count", num_text((long long)count[i]).s),
                             SNPLP_ARG(INTEGER, "capacity", num_text(cap).s)));
    }
}

/* Per worker: the same session twice, two sessions at once. */
static void check_worker_sessions(check *k)
{
    const rix *ix = k->ix;
    for (size_t w = 0; w < ix->nw; w++) {
        const char *wid = snplp_worker_id(snplp_records_worker_at(ix->records, w));
        for (size_t p = ix->w_start[w]; p < ix->w_start[w + 1]; p++) {
            size_t ai = ix->w_att[p], si = ix->att_session[ai];
            if (si == RIX_NONE)
                continue;
            const snplp_session *s = snplp_records_session_at(ix->records, si);
            snplp_attendance_status st =
                snplp_attendance_status_of(snplp_records_attendance_at(ix->records, ai));
            for (size_t q = ix->w_start[w]; q < p; q++) {
                size_t bi = ix->w_att[q], ti = ix->att_session[bi];
                if (ti == RIX_NONE)
                    continue;
                const snplp_session *t = snplp_records_session_at(ix->records, ti);
                snplp_attendance_status tt =
                    snplp_attendance_status_of(snplp_records_attendance_at(ix->records, bi));
                if (ti == si)
                    ERROR(k, SNPLP_DIAG_DUPLICATE_ATTENDANCE, wid, "attendance",
                          SNPLP_ARGS(SNPLP_ARG(ID, "worker", wid),
                                     SNPLP_ARG(ID, "session", snplp_session_id(s)),
                                     SNPLP_ARG(INTEGER, "first", num_text((long long)bi + 1).s),
                                     SNPLP_ARG(INTEGER, "second", num_text((long long)ai + 1).s)));
                else if (is_taking_part(st) && is_taking_part(tt) &&
                         snplp_date_compare(snplp_session_start(t), snplp_session_end(s)) <= 0 &&
                         snplp_date_compare(snplp_session_start(s), snplp_session_end(t)) <= 0)
                    ERROR(k, SNPLP_DIAG_OVERLAPPING_SESSIONS, wid, "sessions",
                          SNPLP_ARGS(
                              SNPLP_ARG(ID, "worker", wid),
                              SNPLP_ARG(ID, "first_session", snplp_session_id(t)),
                              SNPLP_ARG(DATE, "first_start", date_text(snplp_session_start(t)).s),
                              SNPLP_ARG(DATE, "first_end", date_text(snplp_session_end(t)).s),
                              SNPLP_ARG(ID, "first_status", snplp_attendance_status_name(tt)),
                              SNPLP_ARG(ID, "session", snplp_session_id(s)),
                              SNPLP_ARG(DATE, "start", date_text(snplp_session_start(s)).s),
                              SNPLP_ARG(DATE, "end", date_text(snplp_session_end(s)).s),
                              SNPLP_ARG(ID, "status", snplp_attendance_status_name(st))));
            }
        }
    }
}

int snplp_records_validate(const snplp_records *records, const snplp_referential *ref,
                           snplp_diagnostics *diags)
{
    if (!snplp__rix_records_ok(records) || !snplp__ref_ok(ref) || !diags)
        return snplp__bad_arg(__func__, "NULL or wrong records, referential or diagnostics");
    size_t before = snplp_diagnostics_count(diags);
    rix ix;
    int rc = snplp__rix_build(&ix, records, ref);
    if (rc)
        return rc;
    check k = {&ix, diags, 0, 0};
    size_t *count = snplp__calloc(ix.ns ? ix.ns : 1, sizeof *count);
    if (!count)
        k.rc = snplp__oom();
    check_professions(&k);
    check_workers(&k);
    check_sessions(&k);
    check_attendance(&k);
    if (!k.rc)
        check_capacities(&k, count);
    check_worker_sessions(&k);
    snplp__free(count);
    snplp__rix_dispose(&ix);
    if (k.rc) {
        snplp__diagnostics_truncate(diags, before);
        return k.rc;
    }
    return k.errors ? snplp__fail_in(__func__, SNPLP_EVALIDATION, "%zu error%s found", k.errors,
                                     k.errors == 1 ? "" : "s")
                    : 0;
}
