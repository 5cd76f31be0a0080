/* Internal: adding formatted findings to a diagnostics list. */
#ifndef SNPLP_INTERNAL_DIAG_H
#define SNPLP_INTERNAL_DIAG_H

#include <snplp/diagnostics.h>

#include "util/messages.h"

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

/* A finding whose message comes from the catalogue (util/messages/): diag/CODE/VARIANT,
 * rendered in the list's language with its arguments, which the finding keeps as its
 * parameters. */
typedef struct snplp_finding {
    snplp_severity severity;
    snplp_diag_code code;
    const char *variant; /* a static string: the message's variant of the code */
    size_t line, column;
    const char *convention_id, *item_id; /* may be NULL */
    int32_t year;
    const snplp_msg_arg *args; /* their names: static strings */
    size_t nargs;
} snplp_finding;

/* The arguments of a finding, with their count:
 *     SNPLP_ARGS(SNPLP_ARG(ID, "body", id), SNPLP_ARG(INTEGER, "max", "25"))
 * (the type is a snplp_param_type without its prefix), or SNPLP_NO_ARGS. */
#define SNPLP_ARGS(...)                                                                            \
    (const snplp_msg_arg[]){__VA_ARGS__},                                                          \
        sizeof((const snplp_msg_arg[]){__VA_ARGS__}) / sizeof(snplp_msg_arg)
#define SNPLP_NO_ARGS NULL, 0
#define SNPLP_ARG(type, name, value)                                                               \
    {                                                                                              \
        (name), SNPLP_PARAM_##type, (value)                                                        \
    }

/* A number as the text of an argument: SNPLP_ARG(INTEGER, "max", snplp__zu(&t, max)). */
typedef struct snplp_numtext {
    char s[24];
} snplp_numtext;
const char *snplp__zu(snplp_numtext *t, size_t v);

/* Appends the finding f; diags may be NULL (not wanted: returns 0). */
int snplp__finding(snplp_diagnostics *diags, const snplp_finding *f);

/* The message of f in lang into *out (the library's allocator). */
int snplp__finding_render(const snplp_finding *f, snplp_language lang, char **out);

/* The finding g of the catalogue as an snplp_finding, to report it again elsewhere (a rule's
 * finding placed at the line of its item by a reader): *f with its arguments in args (max of
 * them), borrowed from g (valid while g is). SNPLP_ENOTFOUND when g's message is not from the
 * catalogue (the caller passes its text on), SNPLP_EINTERNAL when it has more than max. */
int snplp__finding_of(const snplp_diagnostic *g, snplp_finding *f, snplp_msg_arg *args, size_t max);

/* Removes the entries after the first n (a validation that fails takes back what it added). */
void snplp__diagnostics_truncate(snplp_diagnostics *diags, size_t n);

#endif
