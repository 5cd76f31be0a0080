/* Internal: what the rules of training records share. An index over records (their ids, who
 * attended what) built once per call by validation and coverage, the lookups in the
 * referential the records refer to, and the definition of "trained". */
#ifndef SNPLP_RULES_RECORDS_RINDEX_H
#define SNPLP_RULES_RECORDS_RINDEX_H

#include <snplp/coverage.h>
#include <snplp/eligibility.h>
#include <snplp/records.h>
#include <snplp/records_validate.h>

#include "model/records/records_model.h"
#include "model/referential/item.h"
#include "util/idmap.h"

#define RIX_NONE SIZE_MAX

/* A record that has an id: its kind and its index in its list. */
typedef struct rix_entry {
    const char *id; /* the record's own string */
    snplp_record_kind kind;
    size_t index;
} rix_entry;

typedef struct rix {
    const snplp_records *records;
    const snplp_referential *ref;
    rix_entry *entries;
    size_t n_entries;
    snplp_idmap map; /* id -> rix_entry */
    size_t nw, ns, na;
    size_t *att_worker;  /* per attendance: its worker's index, RIX_NONE if none */
    size_t *att_session; /* per attendance: its session's index, RIX_NONE if none */
    size_t *w_start;     /* nw + 1: worker i's attendance are w_att[w_start[i]..w_start[i+1]) */
    size_t *w_att;       /* attendance indices grouped by worker, in record order */
} rix;

/* Whether records is live records (not NULL, not another type). */
bool snplp__rix_records_ok(const snplp_records *records);

/* Builds the index; returns 0 or SNPLP_ENOMEM (recorded; nothing to dispose then). */
int snplp__rix_build(rix *ix, const snplp_records *records, const snplp_referential *ref);
void snplp__rix_dispose(rix *ix);
/* The record of that id, NULL if none. */
const rix_entry *snplp__rix_get(const rix *ix, const char *id);

/* The item of the referential whose id is id, NULL if none (records no error). */
const snplp_item *snplp__rix_item(const snplp_referential *ref, const char *id);
/* The training plan's maximum module days, false when unset. */
bool snplp__rix_max_days(double *out, const snplp_referential *ref);
/* A module's duration, false when unset. */
bool snplp__rix_module_days(double *out, const snplp_item *module);

/* A number of days of the model (a double to the millionth) as a decimal of scale 6. */
snplp_decimal snplp__rix_days_decimal(double days);

/* The days of an attendance: the days given, or the session's for "attended" without days;
 * false when unknown ("partial" without days) or not attended (another status). */
bool snplp__rix_days(snplp_decimal *out, const snplp_attendance *a, const snplp_session *s);
/* Whether an attendance makes its worker trained in its session: "attended", or "partial" with
 * days attended at least the session's (dates not considered). */
bool snplp__rix_trained(const snplp_attendance *a, const snplp_session *s);

/* *out: a counted, printf-formatted string; returns 0 or the error (recorded for fn). */
int snplp__rix_format(char **out, const char *fn, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
