/* Builds a small referential through the API, validates it, and prints it as a tree whose
 * every listing is sorted in French collation order (snplp_text_sort()).
 *
 * Build: cc tree.c sample_referential.c $(pkg-config --cflags --libs snplp) -o tree */
#include <stdio.h>
#include <stdlib.h>

#include <snplp/snplp.h>

#include "sample_referential.h"

/* Visits n items in French collation order of their titles: fills order[] for title(i). */
static int sorted(size_t *order, size_t n, const char *(*title)(const void *list, size_t i),
                  const void *list)
{
    const char **titles = malloc((n ? n : 1) * sizeof *titles);
    if (!titles)
        return SNPLP_ENOMEM;
    for (size_t i = 0; i < n; i++)
        titles[i] = title(list, i);
    int rc = snplp_text_sort(order, titles, n);
    free(titles);
    return rc;
}

static const char *theme_title(const void *ref, size_t i)
{
    return snplp_theme_title(snplp_referential_theme_at(ref, i));
}

static const char *module_title(const void *theme, size_t i)
{
    return snplp_module_title(snplp_theme_module_at(theme, i));
}

static const char *profession_title(const void *ref, size_t i)
{
    return snplp_profession_title(snplp_referential_profession_at(ref, i));
}

static void print_content(const snplp_content *item, int depth)
{
    printf("%*s- %s\n", depth * 2, "", snplp_content_text(item));
    for (size_t i = 0; i < snplp_content_child_count(item); i++)
        print_content(snplp_content_child_at(item, i), depth + 1);
}

static int print_tree(const snplp_referential *ref)
{
    const snplp_strategy *s = snplp_referential_strategy(ref);
    int64_t budget = 0;
    printf("%s (%s)\n", snplp_strategy_title(s), snplp_strategy_launch_date(s));
    if (snplp_strategy_budget_cents(&budget, s) == SNPLP_OK)
        printf("  budget: %lld euros\n", (long long)(budget / 100));

    size_t n = snplp_referential_theme_count(ref);
    size_t *order = malloc((n ? n : 1) * sizeof *order);
    int rc = order ? sorted(order, n, theme_title, ref) : SNPLP_ENOMEM;
    for (size_t i = 0; rc == SNPLP_OK && i < n; i++) {
        const snplp_theme *t = snplp_referential_theme_at(ref, order[i]);
        printf("  theme %s\n", snplp_theme_title(t));
        size_t m = snplp_theme_module_count(t);
        size_t *morder = malloc((m ? m : 1) * sizeof *morder);
        rc = morder ? sorted(morder, m, module_title, t) : SNPLP_ENOMEM;
        for (size_t j = 0; rc == SNPLP_OK && j < m; j++) {
            const snplp_module *mod = snplp_theme_module_at(t, morder[j]);
            printf("    module [%s] %s\n", snplp_level_name(snplp_module_level(mod)),
                   snplp_module_title(mod));
            for (size_t k = 0; k < snplp_module_competence_count(mod); k++) {
                const snplp_competence *c = snplp_module_competence_at(mod, k);
                printf("      competence %s\n", snplp_competence_title(c));
                for (size_t l = 0; l < snplp_competence_content_count(c); l++)
                    print_content(snplp_competence_content_at(c, l), 4);
            }
        }
        free(morder);
    }
    free(order);

    n = snplp_referential_profession_count(ref);
    order = malloc((n ? n : 1) * sizeof *order);
    if (rc == SNPLP_OK)
        rc = order ? sorted(order, n, profession_title, ref) : SNPLP_ENOMEM;
    for (size_t i = 0; rc == SNPLP_OK && i < n; i++) {
        const snplp_profession *p = snplp_referential_profession_at(ref, order[i]);
        printf("  profession (%s) %s\n", snplp_category_name(snplp_profession_category(p)),
               snplp_profession_title(p));
    }
    free(order);
    return rc;
}

int main(void)
{
    snplp_referential *ref;
    int rc = sample_referential(&ref);
    if (rc != SNPLP_OK)
        return 1;

    snplp_diagnostics *diags;
    if (snplp_diagnostics_new(&diags) != SNPLP_OK) {
        snplp_referential_unref(ref);
        return 1;
    }
    rc = snplp_referential_validate(ref, diags);
    for (size_t i = 0; i < snplp_diagnostics_count(diags); i++) {
        const snplp_diagnostic *d = snplp_diagnostics_at(diags, i);
        printf("%s: [%s] %s\n", snplp_severity_name(snplp_diagnostic_severity(d)),
               snplp_diag_code_name(snplp_diagnostic_code(d)), snplp_diagnostic_message(d));
    }
    printf("validation: %s, %zu item(s)\n", rc == SNPLP_OK ? "valid" : snplp_status_name(rc),
           snplp_referential_item_count(ref));
    snplp_diagnostics_free(diags);

    if (print_tree(ref) != SNPLP_OK)
        fprintf(stderr, "printing failed: %s\n", snplp_error_last_message());
    snplp_referential_unref(ref);
    return rc == SNPLP_OK ? 0 : 1;
}
