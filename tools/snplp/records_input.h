/* What the commands on training records (coverage, eligibility) share: the referential they
 * read the records with (a file, or the built-in one with --builtin), the records files, each
 * read and validated against the referential, with every finding printed on standard error as
 * FILE:LINE:COL: severity: [code] message (FILE: severity: [code] message for the findings of
 * validation, which have no line), and the period options. Only the public API of libsnplp. */
#ifndef SNPLP_TOOLS_RECORDS_INPUT_H
#define SNPLP_TOOLS_RECORDS_INPUT_H

#include <stdbool.h>
#include <stddef.h>

#include <snplp/snplp.h>

/* A referential and the records read with it. */
typedef struct cli_records_input {
    snplp_referential *ref;  /* owned */
    const char *ref_path;    /* as given, NULL for the built-in referential */
    snplp_records **records; /* count of them, owned */
    const char **files;      /* the file each was read from, as given */
    size_t count;
    int worst_finding; /* the highest severity of the validation findings, -1 if none */
} cli_records_input;

/*
 * Reads the referential @p ref_path (NULL: the built-in one; "-": standard input) then each of
 * the @p count records files @p paths, validating each against the referential
 * (snplp_records_validate()) for command @p cmd. Every finding of the reading is printed on
 * standard error; those of validation too unless @p show_validation is false (--quiet; they
 * still count in worst_finding).
 *
 * A file whose root element says it is another kind of document than the one expected (a
 * records file given as the referential, a referential as records) is a usage error: the
 * message says which, and 2 is returned. Returns 0 when every file was read (free @p in with
 * cli_records_free() then), 1 when a file cannot be opened or read or has errors (the
 * findings of every file are printed, not only the first failing one's; nothing to free).
 */
/* Whether cli_records_load() reads a referential that breaks the model's rules as it is (the
 * import option keep_invalid; its findings are still printed): export-lheo sets it, since a
 * catalogue from import-lheo may hold modules with no theme (theme-none). */
extern bool cli_records_keep_invalid;

int cli_records_load(cli_records_input *in, const char *cmd, const char *ref_path,
                     const char *const *paths, int count, bool show_validation);
void cli_records_free(cli_records_input *in);

/* "the built-in referential" or "the referential PATH", for the headings. */
const char *cli_records_ref_name(const cli_records_input *in, char *buf, size_t size);

/* Reads a date option's value @p text ("--at", "--from"...): prints the usage error of
 * @p cmd and returns false if it is not a valid date YYYY-MM-DD. */
bool cli_parse_date(snplp_date *out, const char *cmd, const char *option, const char *text);

#endif
