/* Opening an input file for an import. */
#include "input.h"

#include <sys/stat.h>

#include "diag.h"
#include "errors.h"
#include "item.h"

FILE *snplp__open_input(const char *path, uint64_t *size, snplp_diagnostics *diags,
                        snplp_diag_code io_code, const char *fn, int *rc)
{
    FILE *f = fopen(path, "rb");
    struct stat st;
    if (f && fstat(fileno(f), &st) == 0 && !S_ISDIR(st.st_mode)) {
        *size = (uint64_t)st.st_size;
        return f;
    }
    if (f)
        fclose(f);
    char q[200];
    snplp__quote(q, sizeof q, path);
    if (diags && snplp__diag(diags, SNPLP_SEVERITY_ERROR, io_code, 0, 0, NULL, "cannot open %s",
                             q) != SNPLP_OK)
        *rc = snplp__oom();
    else
        *rc = snplp__fail_in(fn, SNPLP_EIO, "cannot open %s", q);
    return NULL;
}
