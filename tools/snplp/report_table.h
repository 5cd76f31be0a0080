/* The text report of `snplp report`: the follow-up matrix of one convention, or the synthesis
 * of several, as an aligned table, then for each convention the state of its execution reports,
 * the decision on its credits and the findings of its coherence check, at a date. */
#ifndef SNPLP_TOOLS_REPORT_TABLE_H
#define SNPLP_TOOLS_REPORT_TABLE_H

#include <stdbool.h>
#include <stdio.h>

#include <snplp/snplp.h>

/* The width, in columns, of the first column of the matrix (ids and wrapped labels). */
#define REPORT_LABEL_WIDTH 36

/*
 * Prints the report on @p count conventions (at least one), @p files[i] the file convention
 * @p i was read from (NULL entries allowed: not shown). One convention: its own matrix; several:
 * their synthesis (snplp_synthesis(), which reports duplicate ids, disagreeing units or rules;
 * conventions whose years are not set are left out of it and said so).
 *
 * @param threshold_percent the threshold of "partly reached", NULL for the default (80).
 * @return 0; -1 when the library fails (out of memory...): snplp_error_last_reason() says why
 *         (what was printed so far stays).
 */
int report_print(FILE *out, snplp_convention *const *conventions, const char *const *files,
                 size_t count, snplp_date at, const snplp_decimal *threshold_percent);

/* Why report_print() failed last. */
const char *report_last_error(void);

/* With several conventions, report_print() also prints each one's own matrix (--each). */
void report_set_each(bool each);

/* The highest severity of the coherence and synthesis findings report_print() printed, -1 if
 * none (for --fail-on). */
int report_worst_finding(void);

/* The synthesis's list of the conventions that lack values of a cell shows at most this many,
 * then "and N more". */
#define REPORT_LACKING_MAX 5

#endif
