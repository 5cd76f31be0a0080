/* Internal: opening an input file for an import (XML, CSV). */
#ifndef SNPLP_INTERNAL_INPUT_H
#define SNPLP_INTERNAL_INPUT_H

#include <stdint.h>
#include <stdio.h>

#include <snplp/diagnostics.h>

/* Opens path for reading; *size receives its size. When it cannot be opened (or is a
 * directory), appends the finding io_code "cannot open ..." to diags (if not NULL), records
 * SNPLP_EIO for fn (SNPLP_ENOMEM if the finding could not be added) in *rc and returns NULL. */
FILE *snplp__open_input(const char *path, uint64_t *size, snplp_diagnostics *diags,
                        snplp_diag_code io_code, const char *fn, int *rc);

#endif
