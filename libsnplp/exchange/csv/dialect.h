/* Internal: what the CSV reader and writer share: the dialects (separators, decimal mark, byte-
 * order mark), the columns, and numbers in the dialect's form through ICU. */
#ifndef SNPLP_EXCHANGE_CSV_DIALECT_H
#define SNPLP_EXCHANGE_CSV_DIALECT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <unicode/unum.h>

#include <snplp/csv.h>
#include <snplp/decimal.h>

#include "util/diag.h"
#include "util/messages.h"

typedef struct dialect_info {
    const char *name;
    char sep;   /* between fields */
    char point; /* the decimal separator */
    const char *point_name;
    const char *locale; /* ICU's */
    bool bom;
} dialect_info;

/* The dialect's description (NULL for a value that is not a dialect), and the other one. */
const dialect_info *snplp__csv_dialect_of(snplp_csv_dialect dialect);
const dialect_info *snplp__csv_other_dialect(const dialect_info *d);

/* The columns, in order, and their names. */
enum { F_CONV, F_IND, F_YEAR, F_TARGET, F_ACTUAL, F_UNIT, F_SOURCE, F_COMMENT, NFIELDS };
extern const char *const snplp__csv_columns[NFIELDS];
/* The header row of dialect d, without its line end ("convention,indicator,..."). */
void snplp__csv_header_text(char *buf, size_t size, const dialect_info *d);

/* Writes text (NULL: nothing) as one field of dialect d, quoted when it holds the separator, a
 * double quote or a line break (its double quotes doubled). */
struct snplp_sink;
void snplp__csv_put_field(struct snplp_sink *s, const dialect_info *d, const char *text);

/* ---- numbers through ICU ---- */

typedef struct numfmt {
    UNumberFormat *f;
    int32_t scale; /* the fraction digits currently set, -1 before the first */
} numfmt;

/* Opens ICU's formatter for the dialect's locale; 0 or the error (recorded). */
int snplp__csv_numfmt_open(numfmt *n, const dialect_info *d);
void snplp__csv_numfmt_close(numfmt *n);
/* Formats d in the dialect's form into buf; 0 or the error (recorded). */
int snplp__csv_number_format(numfmt *n, const dialect_info *di, snplp_decimal d, char *buf,
                             size_t size);
/* Why a text is not a number of the dialect: the variant of the finding bad-number that says
 * so (diag/bad-number in util/messages/diag/csv.*.txt: "too-long", "separator", "form",
 * "scale", "locale", "range") and its own arguments, which follow those of the reader (column,
 * value, dialect). The arguments point into the structure: keep it in place. */
typedef struct number_why {
    const char *variant;
    snplp_msg_arg args[3];
    size_t nargs;
    char text[SNPLP_CSV_MAX_NUMBER + 1]; /* the number as the dialect writes it */
    char count[24];                      /* a count or a limit */
} number_why;

/* Parses a target or actual of the dialect with ICU: 0 and *out; 1 when the text is not a
 * number of the dialect (*why says what is expected); a status < 0 when ICU fails
 * (recorded). */
int snplp__csv_number_parse(numfmt *n, const dialect_info *di, const char *s, size_t len,
                            snplp_decimal *out, number_why *why);

/* Records the error finding f of a CSV import into diags: counted in *errors, the first one
 * also kept in English as first (first_size bytes: "NAME:LINE:COL: message", for the thread's
 * last error), and after SNPLP_CSV_MAX_ERRORS a finding that says the rest is not checked, the
 * import then stopped (*stop). 0, or the status that ends the pass (SNPLP_ENOMEM,
 * SNPLP_EINTERNAL: a message of the catalogue that does not render). */
int snplp__csv_error(snplp_diagnostics *diags, const snplp_finding *f, const char *name,
                     size_t *errors, char *first, size_t first_size, bool *stop);

#endif
