/* The public LHEO imports (lheo.h): the reader is exchange/xml's (read_lheo.c); here, because
 * the national themes the offers are matched to are by default those of the built-in
 * referential, which this layer holds. */
#include <snplp/snplp.h>

#include "exchange/xml/lheo.h"
#include "util/errors.h"

static int import(snplp_referential **catalogue, snplp_records **records, snplp_diagnostics *diags,
                  const snplp_lheo_input *in, const char *name, const snplp_import_options *options,
                  const snplp_lheo_options *lheo, const char *fn)
{
    const snplp_referential *themes = snplp__lheo_options_themes(lheo);
    snplp_referential *builtin = NULL;
    if (!themes && catalogue && records) {
        int rc = snplp_referential_builtin(&builtin);
        if (rc != SNPLP_OK)
            return rc;
        themes = builtin;
    }
    int rc = snplp__lheo_import(catalogue, records, diags, in, name, options, lheo, themes, fn);
    snplp_referential_unref(builtin);
    return rc;
}

int snplp_lheo_import_file(snplp_referential **catalogue, snplp_records **records,
                           snplp_diagnostics *diags, const char *path,
                           const snplp_import_options *options, const snplp_lheo_options *lheo)
{
    snplp_lheo_input in = {.from = SNPLP_LHEO_FILE, .path = path};
    return import(catalogue, records, diags, &in, NULL, options, lheo, __func__);
}

int snplp_lheo_import_memory(snplp_referential **catalogue, snplp_records **records,
                             snplp_diagnostics *diags, const void *data, size_t size,
                             const char *name, const snplp_import_options *options,
                             const snplp_lheo_options *lheo)
{
    snplp_lheo_input in = {.from = SNPLP_LHEO_MEMORY, .data = data, .size = size};
    return import(catalogue, records, diags, &in, name, options, lheo, __func__);
}

int snplp_lheo_import_callback(snplp_referential **catalogue, snplp_records **records,
                               snplp_diagnostics *diags, snplp_read_fn read, void *user,
                               const char *name, const snplp_import_options *options,
                               const snplp_lheo_options *lheo)
{
    snplp_lheo_input in = {.from = SNPLP_LHEO_CALLBACK, .read = read, .user = user};
    return import(catalogue, records, diags, &in, name, options, lheo, __func__);
}
