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

/* ---- The program's words: the table cli of the library's catalogue (docs/messages.md,
 * util/messages/cli/), rendered in the program's language (the thread's default, set by main()
 * from --lang or the environment). The report, coverage and eligibility print through these. */

/* An argument of a message: CLI_ARG(DATE, "at", "2021-06-30"). */
#define CLI_ARG(type, name, value)                                                                 \
    {                                                                                              \
        (name), SNPLP_PARAM_##type, (value)                                                        \
    }
/* The arguments of a message, as the pointer and count cli_text() takes. */
#define CLI_ARGS(...)                                                                              \
    (const snplp_message_arg[]){__VA_ARGS__},                                                      \
        sizeof((const snplp_message_arg[]){__VA_ARGS__}) / sizeof(snplp_message_arg)
#define CLI_NO_ARGS NULL, 0

/* The message "cli/KEY/VARIANT" with its @p n arguments, cleaned for a terminal (tt_clean()):
 * free it with free(). NULL when it cannot be rendered: out of memory, or a mistake of the
 * program (arguments that are not the message's), snplp_error_last_reason() says which
 * (SNPLP_OK as the last code: out of memory). */
char *cli_text(const char *key, const char *variant, const snplp_message_arg *args, size_t n);

/* Prints cli_text() to @p out. Returns 0, or -1 (nothing printed). */
int cli_put(FILE *out, const char *key, const char *variant, const snplp_message_arg *args,
            size_t n);

/* A message without arguments (a word: "cli/report-status/reached"), rendered once and kept for
 * the run; @p variant itself if it cannot be rendered (out of memory). */
const char *cli_word(const char *key, const char *variant);

/* Room for a number or a date written by the functions below. */
#define CLI_VALUE_SIZE 96

/* An integer as the language writes it: "1234" in English (no grouping, as the tables always
 * wrote it), "1 234" in French (a narrow no-break space between thousands). Into @p buf
 * (CLI_VALUE_SIZE bytes); "?" if it cannot be written. */
const char *cli_integer(char buf[CLI_VALUE_SIZE], long long n);

/* A year: its digits in either language. */
const char *cli_year(char buf[CLI_VALUE_SIZE], int32_t year);

/* A decimal with every digit it has, trailing zeros too ("60.00", "60,00"; "11 340,5"). */
const char *cli_decimal(char buf[CLI_VALUE_SIZE], snplp_decimal d);

/* A date: "2021-06-30" in English, "30 juin 2021" in French. */
const char *cli_date(char buf[CLI_VALUE_SIZE], snplp_date d);

#endif
