/**
 * @file validate.h
 * @brief Validation of a referential against the rules of the model, all findings in one pass.
 */
#ifndef SNPLP_VALIDATE_H
#define SNPLP_VALIDATE_H

#include <snplp/common.h>

SNPLP_BEGIN_DECLS

/**
 * @brief Checks every rule of the model and appends every finding to @p diags in one pass.
 *
 * Rules (codes in diagnostics.h): a required title or text is blank (#SNPLP_DIAG_EMPTY_TITLE,
 * #SNPLP_DIAG_EMPTY_TEXT); a module's theme does not exist (#SNPLP_DIAG_MISSING_PARENT); a
 * prerequisite or profession link names no item (#SNPLP_DIAG_DANGLING_REFERENCE); a module's
 * theme, a prerequisite or a profession link names an item of another kind
 * (#SNPLP_DIAG_REFERENCE_KIND); modules require each other in a cycle
 * (#SNPLP_DIAG_PREREQUISITE_CYCLE, one finding per cycle the depth-first walk closes, naming
 * its modules in order); a module lasts longer than the plan's maximum
 * (#SNPLP_DIAG_DURATION_OVER_MAX). Findings about items come in document order
 * (referential.h), cycles after them. Line and column are 0.
 *
 * Safe to call from several threads at once on the same referential if none modifies it.
 *
 * @param ref the referential to check.
 * @param diags the list that receives the findings (not cleared first).
 * @return #SNPLP_OK if no error was found (warnings may have been added),
 *         #SNPLP_EVALIDATION if at least one error was found, #SNPLP_EINVAL for a NULL
 *         argument, #SNPLP_ENOMEM (the findings added so far stay in @p diags).
 */
SNPLP_API int snplp_referential_validate(const snplp_referential *ref, snplp_diagnostics *diags);

SNPLP_END_DECLS

#endif
