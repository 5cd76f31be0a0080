/* Builds a referential through the installed library, reads the built-in one (its data is
 * compiled in: nothing is installed beside the library), and checks the run-time version. */
#include <stdio.h>

#include <snplp/snplp.h>

int main(void)
{
    if (snplp_version_number() / 10000 != SNPLP_VERSION_MAJOR ||
        snplp_version_number() < SNPLP_VERSION_NUMBER) {
        fprintf(stderr, "built against %s, running with %s\n", SNPLP_VERSION_STRING,
                snplp_version());
        return 1;
    }
    snplp_referential *ref;
    snplp_theme *theme;
    if (snplp_referential_new(&ref) != SNPLP_OK)
        return 1;
    int rc = snplp_referential_add_theme(&theme, ref, "theme-aller-vers", "Aller vers");
    snplp_referential_unref(ref);
    if (rc != SNPLP_OK)
        return 1;
    if (snplp_referential_builtin(&ref) != SNPLP_OK) {
        fprintf(stderr, "built-in referential: %s\n", snplp_error_last_message());
        return 1;
    }
    rc = snplp_referential_theme_count(ref) == 6 ? SNPLP_OK : SNPLP_EINTERNAL;
    snplp_referential_unref(ref);
    if (rc != SNPLP_OK)
        return 1;
    printf("libsnplp %s ok\n", snplp_version());
    return 0;
}
