/* Internal: adding formatted findings to a diagnostics list. */
#ifndef SNPLP_INTERNAL_DIAG_H
#define SNPLP_INTERNAL_DIAG_H

#include <snplp/diagnostics.h>

/* Appends a finding with a printf-formatted message; returns 0 or an error code. */
int snplp__diag(snplp_diagnostics *diags, snplp_severity severity, snplp_diag_code code,
                size_t line, size_t column, const char *item_id, const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));

/* Appends a finding about a convention (0 for line and column); diags may be NULL (the finding
 * is not wanted: returns 0). */
int snplp__diag_conv(snplp_diagnostics *diags, snplp_severity severity, snplp_diag_code code,
                     const char *convention_id, const char *item_id, int32_t year, const char *fmt,
                     ...) __attribute__((format(printf, 7, 8)));

/* A finding about a convention at a line and column of a file, its message already formatted
 * (the CSV import). */
int snplp__diag_conv_at(snplp_diagnostics *diags, snplp_severity severity, snplp_diag_code code,
                        size_t line, size_t column, const char *convention_id, const char *item_id,
                        int32_t year, const char *message);

/* Removes the entries after the first n (a validation that fails takes back what it added). */
void snplp__diagnostics_truncate(snplp_diagnostics *diags, size_t n);

#endif
