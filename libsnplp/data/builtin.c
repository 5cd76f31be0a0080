/* The built-in referential: libsnplp/data/referential.xml, compiled in by the build
 * (data/embed.cmake) and imported like any document (exchange/xml).
 *
 * The data is the library's own, so a problem in it is a build defect (SNPLP_EINTERNAL, with
 * the import's first finding); the tests import it on every run, strictly too. */
#include <snplp/snplp.h>

#include "util/errors.h"

/* Generated from data/referential.xml by data/embed.cmake. */
extern const unsigned char snplp__builtin_referential_xml[];
extern const size_t snplp__builtin_referential_xml_size;

int snplp_referential_builtin(snplp_referential **out)
{
    if (!out)
        return snplp__bad_arg(__func__, "NULL out");
    static const char name[] = "libsnplp/data/referential.xml";
    snplp_diagnostics *diags = NULL;
    int rc = snplp_diagnostics_new(&diags);
    if (rc == SNPLP_OK)
        rc = snplp_referential_import_memory(out, diags, snplp__builtin_referential_xml,
                                             snplp__builtin_referential_xml_size, name, NULL);
    if (rc == SNPLP_OK || rc == SNPLP_ENOMEM) {
        snplp_diagnostics_free(diags);
        return rc;
    }
    /* the first error found in the data says what is broken */
    const snplp_diagnostic *d = NULL;
    for (size_t i = 0; i < snplp_diagnostics_count(diags) && !d; i++)
        if (snplp_diagnostic_severity(snplp_diagnostics_at(diags, i)) == SNPLP_SEVERITY_ERROR)
            d = snplp_diagnostics_at(diags, i);
    rc = d ? snplp__fail_in(
                 __func__, SNPLP_EINTERNAL, "the built-in data is broken: %s:%zu:%zu: %s", name,
                 snplp_diagnostic_line(d), snplp_diagnostic_column(d), snplp_diagnostic_message(d))
           : snplp__fail_in(__func__, SNPLP_EINTERNAL, "the built-in data is broken");
    snplp_diagnostics_free(diags);
    return rc;
}
