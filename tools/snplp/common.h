/* What the commands of the snplp program share: the usage text and usage errors, the printing
 * of findings as FILE:LINE:COL: severity: [code] message, writing to standard output, the
 * reading of files of conventions and of --dialect. Only the public API of libsnplp. */
#ifndef SNPLP_TOOLS_COMMON_H
#define SNPLP_TOOLS_COMMON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include <snplp/csv.h>
#include <snplp/snplp.h>

/* The usage of the program (--help prints it; usage errors print it after their message). */
extern const char cli_usage[];

/* Prints "snplp CMD: MESSAGE\n" (or "snplp: MESSAGE\n" when @p cmd is NULL), then the usage, to
 * standard error. Returns 2, the exit status of wrong usage. */
int cli_usage_error(const char *cmd, const char *format, ...) __attribute__((format(printf, 2, 3)));

/* Prints every finding of @p diags, read from @p file, to @p out as
 * FILE:LINE:COL: severity: [code] message (FILE: severity: [code] message when it has no line);
 * when @p rc (the reading's status) is a failure that no error finding explains, then also
 * "FILE: error: " and the library's message. */
void cli_print_findings(FILE *out, const char *file, const snplp_diagnostics *diags, int rc);

/* An export callback that writes to standard output. */
int cli_write_stdout(void *user, const char *buf, size_t size);

/* Ends a command's writing to @p out (NULL: standard output, which is flushed) whose status is
 * @p rc: returns 0 if all went well, else prints "snplp CMD: " and why to standard error and
 * returns 1. */
int cli_output_done(const char *cmd, int rc, const char *out);

/* Conventions read from files: the lists (owned) and, in order, every convention (borrowed
 * from them) with its file. */
typedef struct cli_conventions {
    snplp_convention_list **lists;
    size_t list_count;
    snplp_convention **conventions;
    const char **files;
    size_t count;
} cli_conventions;

/* Reads each of the @p count files of conventions @p paths for command @p cmd, printing every
 * finding to standard error (cli_print_findings()). Returns 0 when every file was read (free
 * @p l with cli_conventions_free() then), 1 otherwise (the findings of every file are printed,
 * not only the first failing one's; nothing to free). */
int cli_conventions_load(cli_conventions *l, const char *cmd, const char *const *paths, int count);
void cli_conventions_free(cli_conventions *l);

/* Reads --dialect's value @p text (NULL: intl); prints the usage error of @p cmd and returns
 * false if it is not a dialect. */
bool cli_parse_dialect(snplp_csv_dialect *out, const char *cmd, const char *text);

#endif
