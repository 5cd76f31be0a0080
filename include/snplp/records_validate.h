/**
 * @file records_validate.h
 * @brief The rules of training records, checked against a referential (since 1.4).
 */
#ifndef SNPLP_RECORDS_VALIDATE_H
#define SNPLP_RECORDS_VALIDATE_H

#include <snplp/common.h>
#include <snplp/records.h>

SNPLP_BEGIN_DECLS

/**
 * @brief Checks training records against the referential they are read with, every finding in
 *        one pass (codes 400-414, docs/diagnostics.md; the rules: docs/records.md
 *        "Validation").
 *
 * Dangling and wrong-kind references (a worker's profession and employer, a session's subject
 * and training body, an attendance's worker and session), a declared profession whose id is an
 * id of @p ref, dates (a worker leaving before joining, a session ending before it starts or
 * with more days than calendar days, a worker attending outside their workforce dates), days
 * attended above the session's, a session longer than its module's duration or than the
 * training plan's maximum (the 5 days of seed 003), duplicate attendance, a worker in two
 * sessions at once, a capacity exceeded, days given for an attendance that did not take place.
 * Each finding's item id is the record concerned (the worker of an attendance); its line and
 * column are 0. Findings come in the order of the records: declared professions, workers,
 * sessions, attendance, then capacities (by session), then duplicate attendance and overlaps
 * (by worker).
 *
 * @param records the records; @p ref the referential they refer to; @p diags receives the
 *        findings (appended).
 * @return #SNPLP_OK (no error: warnings may have been added); #SNPLP_EVALIDATION when an error
 *         was found; #SNPLP_EINVAL (NULL or another type); #SNPLP_ENOMEM (@p diags is left as it
 *         was: the findings of the failed pass are taken back).
 * @since 1.4
 */
SNPLP_API int snplp_records_validate(const snplp_records *records, const snplp_referential *ref,
                                     snplp_diagnostics *diags);

SNPLP_END_DECLS

#endif
