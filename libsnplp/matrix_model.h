/* Internal: the representation of follow-up matrices (matrix.c, synthesis.c), how they are
 * built, and the small fixed-width unsigned integers that decide statuses and aggregates
 * exactly.
 *
 * A matrix owns copies of every string it gives out (convention ids, indicator ids and
 * labels), so it outlives the conventions it was computed from. Cells are stored row by row
 * (row × year_count + column); the conventions a cell does not cover are a slice of one array
 * of missing entries. */
#ifndef SNPLP_INTERNAL_MATRIX_MODEL_H
#define SNPLP_INTERNAL_MATRIX_MODEL_H

#include "convention_model.h"

/* ---- exact wide unsigned integers: 12 limbs of 32 bits (384 bits), least significant first.
 * The largest value formed is a sum of products of two aligned decimals (each below
 * 2^63 × 10^18 < 2^123) scaled by at most 10^2 and summed over fewer than 2^40 conventions:
 * below 2^295. Every operation that could still exceed the width reports it. */
#define SNPLP_BIG_LIMBS 12

typedef struct snplp_big {
    uint32_t w[SNPLP_BIG_LIMBS];
} snplp_big;

snplp_big snplp__big_u64(uint64_t v);
/* |d.units| (d valid) at scale `scale` (≥ d.scale): |d.units| × 10^(scale − d.scale). */
snplp_big snplp__big_decimal(snplp_decimal d, int32_t scale);
bool snplp__big_is_zero(const snplp_big *a);
int snplp__big_cmp(const snplp_big *a, const snplp_big *b);
/* a += b; returns true on overflow (a is then meaningless). */
bool snplp__big_add(snplp_big *a, const snplp_big *b);
/* a -= b modulo 2^384 (the exact difference when a ≥ b). */
void snplp__big_sub(snplp_big *a, const snplp_big *b);
/* a *= m; returns true on overflow. */
bool snplp__big_mul_u32(snplp_big *a, uint32_t m);
/* a *= 10^n (n ≥ 0); returns true on overflow. */
bool snplp__big_mul_pow10(snplp_big *a, int n);
/* out = a × b; returns true on overflow. */
bool snplp__big_mul(snplp_big *out, const snplp_big *a, const snplp_big *b);
/* q = n / d, r = n % d (d not zero). */
void snplp__big_divmod(snplp_big *q, snplp_big *r, const snplp_big *n, const snplp_big *d);
/* Whether a fits in a uint64_t (*out receives it). */
bool snplp__big_to_u64(uint64_t *out, const snplp_big *a);

/* A signed wide integer: a sign and a magnitude (zero is never negative). */
typedef struct snplp_sbig {
    bool negative;
    snplp_big mag;
} snplp_sbig;

/* acc += (negative ? −mag : mag); returns true on overflow. */
bool snplp__sbig_add(snplp_sbig *acc, bool negative, const snplp_big *mag);

/* ---- matrices ---- */
typedef struct snplp_matrix_missing_entry {
    size_t conv;   /* index in the matrix's convention ids */
    unsigned what; /* snplp_missing flags */
} snplp_matrix_missing_entry;

typedef struct snplp_matrix_cell {
    snplp_cell_status status;
    bool has_target, has_actual, has_rate;
    snplp_decimal target, actual;
    double rate;
    size_t covered, expected;
    size_t missing_first, missing_count; /* a slice of snplp_matrix::missing */
} snplp_matrix_cell;

typedef struct snplp_matrix_row {
    char *id, *label;
    snplp_unit unit;
    snplp_polarity polarity;
    size_t counts[SNPLP_CELL_STATUS_COUNT];
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
    size_t counts[SNPLP_CELL_STATUS_COUNT];
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
