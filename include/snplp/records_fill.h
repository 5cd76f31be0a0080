/**
 * @file records_fill.h
 * @brief Filling a convention's indicators from training records (since 1.4).
 *
 * An indicator can say what it counts in training records (indicator.h: a measure and
 * filters). snplp_convention_fill_from_records() computes, for each such indicator of a
 * convention and each calendar year of the convention, the value the records give, and sets it
 * as the year's actual with the source #SNPLP_RECORDS_SOURCE (docs/records.md, "Indicators
 * computed from records"):
 * - a session counts in the year it **ends** (as in coverage.h);
 * - **workers-trained**: the distinct workers trained ("attended", or "partial" covering the
 *   session's days: the definition of coverage.h) at a session that passes the filters,
 *   whose profession passes the profession filter;
 * - **training-days**: the days those workers attended ("attended" without days: the
 *   session's), whether the session made them trained or not ("attended" or "partial");
 * - **sessions**: the sessions that pass the filters and that at least one such worker
 *   attended ("attended" or "partial");
 * - a year the records do not cover (no session of the records ends in it) is left as it is;
 *   a year whose value is unknown (a "partial" attendance without days where the value needs
 *   them, an attendance whose worker is not in the records when a profession filter applies,
 *   an attendance whose session is not in the records) is left as it is with a finding
 *   #SNPLP_DIAG_RECORDS_VALUE_UNKNOWN: missing data is never counted as zero;
 * - the year's source becomes #SNPLP_RECORDS_SOURCE (one it had, about its target, is
 *   replaced); its target and comment are not touched;
 * - an actual whose source is #SNPLP_RECORDS_SOURCE (an earlier fill) is replaced; an actual
 *   typed by hand (any other source, or none) is **kept**: when it differs from the computed
 *   value the call adds a finding #SNPLP_DIAG_RECORDS_ACTUAL_DIFFERS naming both, when it is
 *   equal nothing changes;
 * - an indicator whose unit is not its measure's (count for workers and sessions, days for
 *   days) is left as it is, with a finding #SNPLP_DIAG_RECORDS_MEASURE_UNIT (an error).
 */
#ifndef SNPLP_RECORDS_FILL_H
#define SNPLP_RECORDS_FILL_H

#include <snplp/common.h>
#include <snplp/diagnostics.h>
#include <snplp/records.h>

SNPLP_BEGIN_DECLS

/** @brief The source set on each actual computed from training records. @since 1.4 */
#define SNPLP_RECORDS_SOURCE "computed from training records"

/**
 * @brief Fills the yearly actuals of the convention's indicators computed from records.
 *
 * Indicators without a measure are left as they are. The convention's years must be set when
 * it has an indicator with a measure.
 * @param conv the convention (not frozen).
 * @param records the training records.
 * @param ref the referential the records refer to (modules, themes, plans).
 * @param diags receives the findings (may be NULL: none are wanted).
 * @return #SNPLP_OK (findings or not); #SNPLP_EINVAL (NULL or wrong objects, a convention with
 *         such indicators and no years); #SNPLP_EFROZEN; #SNPLP_ENOMEM. A failing call changes
 *         neither the convention nor @p diags.
 * @since 1.4
 */
SNPLP_API int snplp_convention_fill_from_records(snplp_convention *conv,
                                                 const snplp_records *records,
                                                 const snplp_referential *ref,
                                                 snplp_diagnostics *diags);

SNPLP_END_DECLS

#endif
