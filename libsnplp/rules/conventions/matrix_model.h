/* Internal: the representation of follow-up matrices (matrix.c, synthesis.c), how they are
 * built, and the small fixed-width unsigned integers that decide statuses and aggregates
 * exactly.
 *
 * A matrix owns copies of every string it gives out (convention ids, indicator ids and
 * labels), so it outlives the conventions it was computed from. Cells are stored row by row
 * (row × year_count + column); the conventions a cell does not cover are a slice of one array
 * of missing entries. */
#ifndef SNPLP_RULES_CONVENTIONS_MATRIX_MODEL_H
#define SNPLP_RULES_CONVENTIONS_MATRIX_MODEL_H

#include "model/conventions/convention_model.h"
#include "util/bigint.h"

/* ---- achievement (matrix.c) ---- */

/* The parsed threshold (NULL: the default), or SNPLP_EINVAL recorded for fn. */
int snplp__threshold(snplp_decimal *out, const snplp_decimal *threshold, const char *fn);

/* The achievement of (target, actual) under polarity with threshold (percent): the status
 * (REACHED, PARTLY_REACHED or NOT_REACHED), decided exactly, and the rate as a double. */
snplp_cell_status snplp__achievement(double *rate, snplp_polarity polarity, snplp_decimal target,
                                     snplp_decimal actual, snplp_decimal threshold);

/* Whether the report of convention c on year is not yet due at the date at (valid): not sent
 * by at, and at on or before 31 March of year + 1 (report.h, #SNPLP_REPORT_NOT_YET_DUE). */
bool snplp__report_not_yet_due(const snplp_convention *c, int32_t year, snplp_date at);

/* ---- rates declared as a quotient (matrix.c) ---- */
enum {
    SNPLP_DERIVE_OK,
    SNPLP_DERIVE_NONE,    /* not a quotient, a reference that is not an indicator, no target,
                             no actual of the numerator or the denominator */
    SNPLP_DERIVE_ZERO,    /* the denominator's actual is zero */
    SNPLP_DERIVE_OVERFLOW /* the result is beyond the range of a decimal */
};
/* The actual of quotient indicator ind in year derived from its numerator's and denominator's
 * actuals (x 100 for a percent), exact then rounded half away from zero to the scale of ind's
 * target of year: SNPLP_DERIVE_OK with *out set, or why there is none (nothing recorded). */
int snplp__derive_actual(snplp_decimal *out, const snplp_indicator *ind, int32_t year);
/* The values of ind in year as the matrices see them: the typed target and actual, and the
 * actual derived (derived set) when none is typed; every flag false when there is nothing. */
typedef struct snplp_cell_values {
    bool has_target, has_actual, derived;
    snplp_decimal target, actual;
} snplp_cell_values;
snplp_cell_values snplp__cell_values(const snplp_indicator *ind, int32_t year);

/* ---- matrices ---- */
typedef struct snplp_matrix_missing_entry {
    size_t conv;   /* index in the matrix's convention ids */
    unsigned what; /* snplp_missing flags */
} snplp_matrix_missing_entry;

typedef struct snplp_matrix_cell {
    snplp_cell_status status;
    bool has_target, has_actual, has_rate;
    bool derived; /* the actual was derived from a quotient's numerator and denominator */
    snplp_decimal target, actual;
    double rate;
    size_t covered, expected;
    size_t missing_first, missing_count; /* a slice of snplp_matrix::missing */
} snplp_matrix_cell;

typedef struct snplp_matrix_row {
    char *id, *label;
    snplp_unit unit;
    snplp_polarity polarity;
    size_t counts[SNPLP_CELL_STATUS_COUNT_1_3];
} snplp_matrix_row;

struct snplp_matrix {
    snplp_decimal threshold;
    size_t conv_count;
    char **conv_ids; /* conv_count copies */
    size_t row_count;
    snplp_matrix_row *rows;
    int32_t first_year;
    size_t year_count;
    snplp_matrix_cell *cells; /* row_count × year_count, row by row */
    snplp_matrix_missing_entry *missing;
    size_t missing_count, missing_cap;
    size_t counts[SNPLP_CELL_STATUS_COUNT_1_3];
};

/* A new matrix with room for its conventions, rows and cells, all zeroed (every string NULL);
 * first_year and year_count are set. SNPLP_ENOMEM recorded on failure (nothing allocated). */
int snplp__matrix_new(snplp_matrix **out, snplp_decimal threshold, size_t conv_count,
                      size_t row_count, int32_t first_year, size_t year_count);
/* The cell of row r and column col (both in range). */
static inline snplp_matrix_cell *snplp__matrix_cell(snplp_matrix *m, size_t r, size_t col)
{
    return &m->cells[r * m->year_count + col];
}
/* Copies a convention id, or an indicator's id and label, into the matrix. */
int snplp__matrix_set_conv(snplp_matrix *m, size_t index, const char *id);
int snplp__matrix_set_row(snplp_matrix *m, size_t r, const char *id, const char *label,
                          snplp_unit unit, snplp_polarity polarity);
/* Appends convention conv to the missing list of cell (cells are filled in order, so that
 * each cell's entries are contiguous). */
int snplp__matrix_add_missing(snplp_matrix *m, snplp_matrix_cell *cell, size_t conv, unsigned what);
/* Counts the statuses, per row and for the whole matrix, once every cell is set. */
void snplp__matrix_count(snplp_matrix *m);

#endif
