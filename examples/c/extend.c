/* A training body's catalogue on top of the national referential: it takes the built-in
 * referential (a copy of its own, which it may change), adds its module to the national
 * insertion theme with a duration, the professions it targets and a prerequisite, validates
 * the result, and lists the theme's modules. A module over the plan's 5-day limit would be a
 * validation error.
 *
 * Build: cc extend.c $(pkg-config --cflags --libs snplp) -o extend */
#include <stdio.h>

#include <snplp/snplp.h>

/* Stops at the first failure, printing the library's message. */
#define TRY(call)                                                                                  \
    do {                                                                                           \
        int rc_ = (call);                                                                          \
        if (rc_ != SNPLP_OK) {                                                                     \
            fprintf(stderr, "%s failed: %s (%s)\n", #call, snplp_error_last_message(),             \
                    snplp_status_name(rc_));                                                       \
            goto done;                                                                             \
        }                                                                                          \
    } while (0)

int main(void)
{
    snplp_referential *ref = NULL;
    snplp_diagnostics *diags = NULL;
    int rc = 1;
    TRY(snplp_referential_builtin(&ref));
    TRY(snplp_diagnostics_new(&diags));

    snplp_theme *insertion = snplp_referential_theme_find(ref, "theme-insertion");
    snplp_module *m;
    TRY(snplp_theme_add_module(&m, insertion, "module-acme-iae", SNPLP_LEVEL_EXPERT,
                               "L'insertion par l'activité économique en pratique"));
    TRY(snplp_module_set_duration_days(m, 2.5));
    TRY(snplp_module_add_prerequisite(m, "module-insertion-fundamentals"));
    TRY(snplp_module_add_profession(m, "profession-ass"));
    TRY(snplp_module_add_profession(m, "profession-cesf"));
    snplp_competence *c;
    TRY(snplp_module_add_competence(&c, m, "competence-acme-iae-1",
                                    "Connaître les structures d'insertion du territoire"));
    TRY(snplp_competence_add_content(NULL, c, "content-acme-iae-1-1", SNPLP_STYLE_BULLET,
                                     "Visite d'un atelier et chantier d'insertion"));

    int valid = snplp_referential_validate(ref, diags);
    for (size_t i = 0; i < snplp_diagnostics_count(diags); i++)
        printf("%s\n", snplp_diagnostic_message(snplp_diagnostics_at(diags, i)));
    printf("validation: %s\n", valid == SNPLP_OK ? "valid" : snplp_status_name(valid));

    printf("%s:\n", snplp_theme_title(insertion));
    for (size_t i = 0; i < snplp_theme_module_count(insertion); i++) {
        const snplp_module *mod = snplp_theme_module_at(insertion, i);
        double days;
        printf("  [%s] %s (%s)", snplp_level_name(snplp_module_level(mod)), snplp_module_title(mod),
               snplp_module_id(mod));
        if (snplp_module_duration_days(&days, mod) == SNPLP_OK)
            printf(", %g day(s)", days);
        printf("\n");
    }
    rc = valid == SNPLP_OK ? 0 : 1;
done:
    snplp_diagnostics_free(diags);
    snplp_referential_unref(ref);
    return rc;
}
