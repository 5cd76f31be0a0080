/* An output of the snplp program written by the program itself (not by a library export):
 * standard output, or a file replaced atomically like the library's exports replace theirs (a
 * new file next to it, flushed to disk, renamed over it once complete; a symbolic link is kept
 * and the file it points to replaced). */
#ifndef SNPLP_TOOLS_OUTFILE_H
#define SNPLP_TOOLS_OUTFILE_H

#include <stdbool.h>
#include <stdio.h>

typedef struct cli_outfile {
    FILE *file;   /* where to write: stdout, or the new file */
    char *target; /* the file replaced (malloc), NULL for standard output */
    char *temp;   /* the new file (malloc), NULL for standard output */
} cli_outfile;

/* Opens @p path (NULL or "-": standard output). On failure prints "snplp CMD: " and why to
 * standard error and returns 1; else 0. */
int cli_outfile_open(cli_outfile *o, const char *cmd, const char *path);

/* Ends the output: when @p commit, flushes it and (for a file) renames the new file over the
 * target; otherwise (or when that fails) removes the new file, leaving the target as it was.
 * Returns 0 when committed, else 1 after printing "snplp CMD: " and why (nothing printed when
 * @p commit is false). */
int cli_outfile_close(cli_outfile *o, const char *cmd, bool commit);

#endif
