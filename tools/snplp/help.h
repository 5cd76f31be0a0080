/* The help texts of the snplp program, in one place: `snplp --help` and `snplp COMMAND --help`
 * print them, and the build turns the same texts into the man page snplp(1) (gen_man.c), so the
 * two cannot drift. Plain text, lines of at most 80 columns, no tab. */
#ifndef SNPLP_TOOLS_HELP_H
#define SNPLP_TOOLS_HELP_H

#include <stdbool.h>
#include <stddef.h>

/* A command's help: its synopsis lines ("snplp report [--at ...] FILE...", one per form, each
 * ending with '\n') and its description (options, what it writes, its exit status). */
typedef struct cli_help {
    const char *name;
    const char *synopsis;
    const char *text;
} cli_help;

/* One line on what the program is. */
extern const char cli_help_summary[];
/* What every command shares: "-" for standard input or output, messages, exit status. */
extern const char cli_help_common[];
/* The commands, in the order of the usage. */
extern const cli_help cli_helps[];
extern const size_t cli_help_count;

/* The help of @p command, NULL if it is not a command. */
const cli_help *cli_help_find(const char *command);

#endif
