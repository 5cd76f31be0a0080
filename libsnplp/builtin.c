/* The built-in referential: libsnplp/data/referential.xml, compiled in by the build
 * (data/embed.cmake) and imported like any document (xml_import.c).
 *
 * The data is the library's own, so a problem in it is a build defect (SNPLP_EINTERNAL, with
 * the import's first finding); the tests import it on every run, strictly too. */
#include <snplp/snplp.h>

#include "errors.h"

/* Generated from data/referential.xml by data/embed.cmake. */
extern const unsigned char snplp__builtin_referential_xml[];
extern const size_t snplp__builtin_referential_xml_size;

int snplp_referential_builtin(snplp_referential **out)
{
    if (!out)
        return snplp__bad_arg(__func__, "NULL out");
    int rc = snplp_referential_import_memory(out, NULL, snplp__builtin_referential_xml,
                                             snplp__builtin_referential_xml_size,
                                             "libsnplp/data/referential.xml", NULL);
    if (rc == SNPLP_OK || rc == SNPLP_ENOMEM)
        return rc;
    return snplp__fail_in(__func__, SNPLP_EINTERNAL, "the built-in data is broken: %s",
                          snplp_error_last_message());
}
