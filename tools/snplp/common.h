/* What the commands of the snplp program share: the usage text and usage errors, the printing
 * of findings as FILE:LINE:COL: severity: [code] message, writing to standard output, the
 * reading of files of conventions and of --dialect. Only the public API of libsnplp. */
#ifndef SNPLP_TOOLS_COMMON_H
#define SNPLP_TOOLS_COMMON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <snplp/csv.h>
#include <snplp/snplp.h>

/* Prints the usage of the program (every command's synopsis) to @p out. */
void cli_print_usage(FILE *out);
/* Prints the whole help (snplp --help) to @p out. */
void cli_print_help(FILE *out);
/* Prints the help of @p command (snplp COMMAND --help) to standard output; returns 0. */
int cli_print_command_help(const char *command);

/* Prints "snplp CMD: MESSAGE\n" (or "snplp: MESSAGE\n" when @p cmd is NULL), then the hint
 * "Try 'snplp CMD --help'.", to standard error. Returns 2, the exit status of wrong usage. */
int cli_usage_error(const char *cmd, const char *format, ...) __attribute__((format(printf, 2, 3)));

/* --quiet was given: cli_say() prints nothing. */
extern bool cli_quiet;
/* Says what a command did ("merged 2 values into conv.xml") on standard error, when standard
 * error is a terminal and --quiet was not given. */
void cli_say(const char *format, ...) __attribute__((format(printf, 1, 2)));

/* The kinds of document of the format, told by their root element, and the LHEO documents
 * that the LHEO import reads. */
typedef enum cli_doc_kind {
    CLI_DOC_UNKNOWN,     /* not (yet) a document of the format: another root, not XML */
    CLI_DOC_REFERENTIAL, /* <referential> */
    CLI_DOC_CONVENTIONS, /* <conventions> */
    CLI_DOC_RECORDS,     /* <records> (format 1.1, since 1.4) */
    CLI_DOC_LHEO,        /* not of the format: <lheo> in the LHEO 2.3 namespace (lheo.h) */
} cli_doc_kind;

/* An input file, or standard input for "-", read through a snplp_read_fn (cli_input_read):
 * the library's limits act while reading, whatever the input (a pipe, a device). When
 * standard error is a terminal and the input is large, the progress of the reading shows
 * there (cli_input_progress(), through the import options). */
typedef struct cli_input {
    const char *path; /* as given ("-" for standard input) */
    FILE *file;
    unsigned long long size; /* 0: not known (a pipe) */
    unsigned long long done;
    char *head; /* the first bytes, read ahead to tell the kind of document */
    size_t head_len, head_off;
    bool progress_shown;
    int last_percent;
} cli_input;

/* Opens @p path ("-": standard input). On failure prints
 * "PATH: error: [io] cannot open PATH: why" (the system's reason) to @p messages and returns
 * -1. */
int cli_input_open(cli_input *in, const char *path, FILE *messages);
/* Reads ahead and tells the kind of document (the root element's name; for LHEO, its name and
 * namespace). */
cli_doc_kind cli_input_kind(cli_input *in);
/* A snplp_read_fn over an open cli_input. */
long cli_input_read(void *user, char *buf, size_t size);
/* A snplp_progress_fn for an open cli_input: shows "reading PATH: N%" on standard error when
 * it is a terminal and the input is large; never fails. */
int cli_input_progress(void *user, uint64_t done, uint64_t total);
/* Closes @p in (standard input stays open) and clears any progress shown. */
void cli_input_close(cli_input *in);

/* Checks that the output @p out (NULL or "-": standard output, always fine) is none of the
 * @p count inputs @p inputs (nor a link to one, "-" meaning standard input), except the one
 * at @p allowed (-1: none). Prints the usage error of @p cmd and returns 2 if it is; else 0. */
int cli_check_output(const char *cmd, const char *out, const char *const *inputs, int count,
                     int allowed);
/* As cli_check_output(), for the output of the option @p option ("-r"), named in the message. */
int cli_check_output_option(const char *cmd, const char *option, const char *out,
                            const char *const *inputs, int count, int allowed);

/* The output @p out as the library's export functions take it: NULL for standard output ("-"
 * or NULL). */
const char *cli_output_path(const char *out);

/* Prints every finding of @p diags, read from @p file, to @p out as
 * FILE:LINE:COL: severity: [code] message (FILE: severity: [code] message when it has no line);
 * when @p rc (the reading's status) is a failure that no error finding explains, then also
 * "FILE: error: " and the library's message. */
void cli_print_findings(FILE *out, const char *file, const snplp_diagnostics *diags, int rc);
/* The word of a severity in the program's language ("error", "erreur"): a static string. */
const char *cli_severity_word(snplp_severity severity);

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

/* Reads --fail-on's value: "error" or "warning" give the severity from which findings fail the
 * run; prints the usage error of @p cmd and returns false otherwise. */
bool cli_parse_fail_on(snplp_severity *out, const char *cmd, const char *text);

/* Reads --dialect's value @p text (NULL: intl); prints the usage error of @p cmd and returns
 * false if it is not a dialect. */
bool cli_parse_dialect(snplp_csv_dialect *out, const char *cmd, const char *text);

#endif
