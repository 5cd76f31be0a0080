/* Searches the built-in referential, ignoring accents, case and punctuation: "numérique" and
 * "NUMERIQUE", or "insertion socioprofessionnelle" and "l'insertion socio-professionnelle",
 * find the same items; alternative labels are searched too.
 *
 * Usage: search [QUERY...] (default queries when none is given)
 * Build: cc search.c $(pkg-config --cflags --libs snplp) -o search */
#include <stdio.h>

#include <snplp/snplp.h>

static int search(const snplp_referential *ref, const char *query)
{
    snplp_search_results *results;
    int rc = snplp_referential_search(&results, ref, query);
    if (rc != SNPLP_OK) {
        fprintf(stderr, "search \"%s\": %s\n", query, snplp_error_last_message());
        return rc;
    }
    printf("\"%s\": %zu hit(s)\n", query, snplp_search_results_count(results));
    for (size_t i = 0; i < snplp_search_results_count(results); i++) {
        const snplp_search_hit *h = snplp_search_results_at(results, i);
        printf("  %-14s %-42s (%s)\n", snplp_kind_name(snplp_search_hit_kind(h)),
               snplp_search_hit_id(h), snplp_field_name(snplp_search_hit_field(h)));
    }
    snplp_search_results_free(results);
    return SNPLP_OK;
}

int main(int argc, char **argv)
{
    static const char *defaults[] = {"aller vers", "numérique", "référent de parcours",
                                     "INSERTION SOCIO PROFESSIONNELLE"};
    snplp_referential *ref;
    if (snplp_referential_builtin(&ref) != SNPLP_OK) {
        fprintf(stderr, "built-in referential: %s\n", snplp_error_last_message());
        return 1;
    }
    int failed = 0;
    if (argc > 1)
        for (int i = 1; i < argc; i++)
            failed |= search(ref, argv[i]) != SNPLP_OK;
    else
        for (size_t i = 0; i < sizeof defaults / sizeof defaults[0]; i++)
            failed |= search(ref, defaults[i]) != SNPLP_OK;
    snplp_referential_unref(ref);
    return failed;
}
