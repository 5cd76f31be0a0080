/* The rules of training records (docs/records.md "Validation", codes 400-414 of
 * docs/diagnostics.md): every finding in one pass, in the order of the records. */
#include "rules/records/rindex.h"

#include <stdio.h>
#include <string.h>

#include "util/alloc.h"
#include "util/diag.h"
#include "util/days.h"
#include "util/errors.h"

typedef struct check {
    const rix *ix;
    snplp_diagnostics *diags;
    size_t errors;
    int rc; /* the first failure to record a finding (SNPLP_ENOMEM) */
} check;

#define FINDING(k, sev, code, item, ...)                                                           \
    do {                                                                                           \
        if (!(k)->rc) {                                                                            \
            (k)->rc = snplp__diag((k)->diags, (sev), (code), 0, 0, (item), __VA_ARGS__);           \
            (k)->errors += (sev) == SNPLP_SEVERITY_ERROR;                                          \
        }                                                                                          \
    } while (0)
#define ERROR(k, code, item, ...)   FINDING(k, SNPLP_SEVERITY_ERROR, code, item, __VA_ARGS__)
#define WARNING(k, code, item, ...) FINDING(k, SNPLP_SEVERITY_WARNING, code, item, __VA_ARGS__)

typedef struct dtext {
    char s[SNPLP_DATE_TEXT_SIZE];
} dtext;
static dtext date_text(snplp_date d)
{
    dtext t;
    if (snplp_date_format(t.s, sizeof t.s, d))
        strcpy(t.s, "?");
    return t;
}
typedef struct ntext {
    char s[SNPLP_DECIMAL_MAX_TEXT + 16];
} ntext;
static ntext dec_text(snplp_decimal d)
{
    ntext t;
    if (snplp_decimal_format(t.s, SNPLP_DECIMAL_MAX_TEXT, d))
        strcpy(t.s, "?");
    return t;
}
static ntext days_text(double days)
{
    ntext t;
    snplp__days_format(t.s, sizeof t.s, days);
    return t;
}

/* What an id names, in words: "a module of the referential", "a session of the records". */
static const char *named(const check *k, const char *id, char *buf, size_t size)
{
    const snplp_item *it = snplp__rix_item(k->ix->ref, id);
    const rix_entry *e = snplp__rix_get(k->ix, id);
    const char *kind = e    ? snplp_record_kind_name(e->kind)
                       : it ? snplp_kind_name((snplp_kind)it->kind)
                            : NULL;
    if (kind)
        snprintf(buf, size, "%s %s of the %s", strchr("aeiou", kind[0]) ? "an" : "a", kind,
                 e ? "records" : "referential");
    else
        snprintf(buf, size, "nothing");
    return buf;
}

/* A reference that must name a record of kind want (or, when ref_kind is not NONE, an item of
 * the referential of that kind, or of ref_kind2). whose: "worker 'w1'"; what: "profession". */
static void check_ref(check *k, const char *item, const char *whose, const char *what,
                      const char *id, snplp_record_kind want, snplp_kind ref_kind,
                      snplp_kind ref_kind2, const char *expected)
{
    if (!id)
        return;
    const snplp_item *it = snplp__rix_item(k->ix->ref, id);
    const rix_entry *e = snplp__rix_get(k->ix, id);
    if (it && ref_kind != SNPLP_KIND_NONE && (it->kind == ref_kind || it->kind == ref_kind2))
        return;
    if (e && want != SNPLP_RECORD_NONE && e->kind == want)
        return;
    char b[96];
    if (it || e)
        ERROR(k, SNPLP_DIAG_RECORD_REFERENCE_KIND, item, "%s: its %s '%s' is %s: name %s", whose,
              what, id, named(k, id, b, sizeof b), expected);
    else
        ERROR(k, SNPLP_DIAG_RECORD_DANGLING_REFERENCE, item,
              "%s: its %s '%s' names nothing in the records or the referential: add it or name "
              "%s",
              whose, what, id, expected);
}

static void check_professions(check *k)
{
    const snplp_records *r = k->ix->records;
    for (size_t i = 0; i < snplp_records_profession_count(r); i++) {
        const char *id = snplp_record_profession_id(snplp_records_profession_at(r, i));
        const snplp_item *it = snplp__rix_item(k->ix->ref, id);
        const char *kind = it ? snplp_kind_name((snplp_kind)it->kind) : NULL;
        if (it)
            ERROR(k, SNPLP_DIAG_PROFESSION_IN_REFERENTIAL, id,
                  "profession '%s' declared by the records has the id of %s %s of the "
                  "referential: use the referential's or give the declared one another id",
                  id, strchr("aeiou", kind[0]) ? "an" : "a", kind);
    }
}

static void check_workers(check *k)
{
    const snplp_records *r = k->ix->records;
    char whose[300];
    for (size_t i = 0; i < k->ix->nw; i++) {
        const snplp_worker *w = snplp_records_worker_at(r, i);
        const char *id = snplp_worker_id(w);
        snprintf(whose, sizeof whose, "worker '%s'", id);
        check_ref(k, id, whose, "profession", snplp_worker_profession_id(w),
                  SNPLP_RECORD_PROFESSION, SNPLP_KIND_PROFESSION, SNPLP_KIND_PROFESSION,
                  "a profession of the referential or one the records declare");
        check_ref(k, id, whose, "employer", snplp_worker_employer_id(w), SNPLP_RECORD_EMPLOYER,
                  SNPLP_KIND_NONE, SNPLP_KIND_NONE, "an employer of the records");
        snplp_date until = w->until, from = w->from;
        if (w->has_until && snplp_date_compare(until, from) < 0)
            ERROR(k, SNPLP_DIAG_WORKER_DATES, id,
                  "worker '%s' leaves the workforce on %s, before joining it on %s: check the "
                  "dates",
                  id, date_text(until).s, date_text(from).s);
    }
}

static void check_session_length(check *k, const snplp_session *s, const char *id)
{
    snplp_decimal days = snplp_session_days(s);
    snplp_date start = snplp_session_start(s), end = snplp_session_end(s);
    int32_t between;
    if (snplp_date_compare(end, start) < 0)
        ERROR(k, SNPLP_DIAG_SESSION_DATES, id,
              "session '%s' ends on %s, before it starts on %s: check the dates", id,
              date_text(end).s, date_text(start).s);
    else if (snplp_date_days_between(&between, start, end) == SNPLP_OK &&
             snplp_decimal_compare(days, (snplp_decimal){(int64_t)between + 1, 0}) > 0)
        ERROR(k, SNPLP_DIAG_SESSION_DAYS_OVER_CALENDAR, id,
              "session '%s' lasts %s days, more than the %ld calendar days from %s to %s", id,
              dec_text(days).s, (long)between + 1, date_text(start).s, date_text(end).s);
    const snplp_item *module = snplp__rix_item(k->ix->ref, snplp_session_subject_id(s));
    if (!module || module->kind != SNPLP_KIND_MODULE)
        return;
    double limit;
    if (snplp__rix_module_days(&limit, module) &&
        snplp_decimal_compare(days, snplp__rix_days_decimal(limit)) > 0)
        ERROR(k, SNPLP_DIAG_SESSION_OVER_MODULE_DURATION, id,
              "session '%s' lasts %s days, more than the %s days of its module '%s'", id,
              dec_text(days).s, days_text(limit).s, module->id);
    if (snplp__rix_max_days(&limit, k->ix->ref) &&
        snplp_decimal_compare(days, snplp__rix_days_decimal(limit)) > 0)
        ERROR(k, SNPLP_DIAG_SESSION_OVER_MAX_DAYS, id,
              "session '%s' of module '%s' lasts %s days, more than the training plan's maximum "
              "of %s days per module (seed 003 limits the insertion modules to 5 days; the "
              "format carries the limit as the training plan's max-module-days)",
              id, module->id, dec_text(days).s, days_text(limit).s);
}

static void check_sessions(check *k)
{
    const snplp_records *r = k->ix->records;
    char whose[300];
    for (size_t i = 0; i < k->ix->ns; i++) {
        const snplp_session *s = snplp_records_session_at(r, i);
        const char *id = snplp_session_id(s);
        snprintf(whose, sizeof whose, "session '%s'", id);
        check_ref(k, id, whose, "subject", snplp_session_subject_id(s), SNPLP_RECORD_NONE,
                  SNPLP_KIND_MODULE, SNPLP_KIND_PLAN_THEME,
                  "a module or a plan theme of the referential");
        check_ref(k, id, whose, "training body", snplp_session_body_id(s),
                  SNPLP_RECORD_TRAINING_BODY, SNPLP_KIND_NONE, SNPLP_KIND_NONE,
                  "a training body of the records");
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
        (snplp_date_compare(start, from) < 0 || (has_until && snplp_date_compare(end, until) > 0)))
        ERROR(k, SNPLP_DIAG_ATTENDANCE_OUTSIDE_WORKFORCE, wid,
              "worker '%s' %s session '%s' (%s to %s) outside their time in the workforce (%s to "
              "%s): check the dates",
              wid, st == SNPLP_ATTENDANCE_ATTENDED ? "attended" : "partly attended", sid,
              date_text(start).s, date_text(end).s, date_text(from).s,
              has_until ? date_text(until).s : "now");
    snplp_decimal days = snplp__attendance_days_of(a), sdays = s->days;
    if (!a->has_days)
        return;
    if (snplp_decimal_compare(days, sdays) > 0)
        ERROR(k, SNPLP_DIAG_DAYS_OVER_SESSION, wid,
              "worker '%s' attended %s days of session '%s', which lasts %s days", wid,
              dec_text(days).s, sid, dec_text(sdays).s);
    if ((st == SNPLP_ATTENDANCE_REGISTERED || st == SNPLP_ATTENDANCE_ABSENT ||
         st == SNPLP_ATTENDANCE_CANCELLED) &&
        snplp_decimal_compare(days, (snplp_decimal){0, 0}) > 0)
        ERROR(k, SNPLP_DIAG_DAYS_WITHOUT_ATTENDANCE, wid,
              "worker '%s' at session '%s': %s days attended for an attendance %s: make it "
              "\"attended\" or \"partial\", or clear the days",
              wid, sid, dec_text(days).s, stn);
    if (st == SNPLP_ATTENDANCE_ATTENDED && snplp_decimal_compare(days, sdays) < 0)
        WARNING(k, SNPLP_DIAG_ATTENDED_BELOW_SESSION, wid,
                "worker '%s' \"attended\" session '%s' for %s days of its %s: make it "
                "\"partial\" or correct the days",
                wid, sid, dec_text(days).s, dec_text(sdays).s);
}

static void check_attendance(check *k)
{
    const rix *ix = k->ix;
    char whose[600];
    for (size_t i = 0; i < ix->na; i++) {
        const snplp_attendance *a = snplp_records_attendance_at(ix->records, i);
        const char *wid = snplp_attendance_worker_id(a), *sid = snplp_attendance_session_id(a);
        snprintf(whose, sizeof whose, "the attendance of '%s' at '%s'", wid ? wid : "",
                 sid ? sid : "");
        check_ref(k, wid, whose, "worker", wid, SNPLP_RECORD_WORKER, SNPLP_KIND_NONE,
                  SNPLP_KIND_NONE, "a worker of the records");
        check_ref(k, wid, whose, "session", sid, SNPLP_RECORD_SESSION, SNPLP_KIND_NONE,
                  SNPLP_KIND_NONE, "a session of the records");
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
            ERROR(k, SNPLP_DIAG_CAPACITY_EXCEEDED, snplp_session_id(s),
                  "session '%s' has %zu people registered, attended or partly attended, above "
                  "its capacity of %d",
                  snplp_session_id(s), count[i], cap);
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
                    ERROR(k, SNPLP_DIAG_DUPLICATE_ATTENDANCE, wid,
                          "worker '%s' has two attendance records at session '%s' (numbers %zu "
                          "and %zu of the records' attendance, from 1): keep one",
                          wid, snplp_session_id(s), bi + 1, ai + 1);
                else if (is_taking_part(st) && is_taking_part(tt) &&
                         snplp_date_compare(snplp_session_start(t), snplp_session_end(s)) <= 0 &&
                         snplp_date_compare(snplp_session_start(s), snplp_session_end(t)) <= 0)
                    ERROR(k, SNPLP_DIAG_OVERLAPPING_SESSIONS, wid,
                          "worker '%s' is in two sessions at once: '%s' (%s to %s, %s) and '%s' "
                          "(%s to %s, %s)",
                          wid, snplp_session_id(t), date_text(snplp_session_start(t)).s,
                          date_text(snplp_session_end(t)).s, snplp_attendance_status_name(tt),
                          snplp_session_id(s), date_text(snplp_session_start(s)).s,
                          date_text(snplp_session_end(s)).s, snplp_attendance_status_name(st));
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
