/* Prints the built-in referential of the strategy as an indented tree: the strategy, its
 * commitments and levers, the training plan (objectives, priority audience), the themes with
 * their modules, competences and every content item, the targeted professions (in French
 * collation order), the diploma-level rule, the funding and the other plans. It validates the
 * referential first.
 *
 * Build: cc tree.c $(pkg-config --cflags --libs snplp) -o tree */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <snplp/snplp.h>

/* Prints text after a prefix at an indentation, one line per paragraph. */
static void line(int depth, const char *prefix, const char *text)
{
    if (!text)
        return;
    const char *p = text;
    for (int first = 1;; first = 0) {
        const char *nl = strchr(p, '\n');
        int len = nl ? (int)(nl - p) : (int)strlen(p);
        printf("%*s%s%.*s\n", depth * 2, "", first ? prefix : "", len, p);
        if (!nl)
            break;
        p = nl + 1;
    }
}

static void print_content(const snplp_content *item, int depth)
{
    char mark[32];
    switch (snplp_content_style(item)) {
    case SNPLP_STYLE_NUMBERED: {
        /* its number: its position among its numbered siblings */
        const snplp_content *parent = snplp_content_parent(item);
        size_t n = 0;
        for (size_t i = 0; parent && i < snplp_content_child_count(parent); i++) {
            const snplp_content *sib = snplp_content_child_at(parent, i);
            n += snplp_content_style(sib) == SNPLP_STYLE_NUMBERED;
            if (sib == item)
                break;
        }
        snprintf(mark, sizeof mark, "%zu. ", n);
        break;
    }
    case SNPLP_STYLE_HEADING:
        snprintf(mark, sizeof mark, "## ");
        break;
    default:
        snprintf(mark, sizeof mark, "- ");
    }
    line(depth, mark, snplp_content_text(item));
    for (size_t i = 0; i < snplp_content_child_count(item); i++)
        print_content(snplp_content_child_at(item, i), depth + 1);
}

static void print_module(const snplp_module *m, int depth)
{
    double days;
    printf("%*smodule [%s] %s\n", depth * 2, "", snplp_level_name(snplp_module_level(m)),
           snplp_module_title(m));
    line(depth + 2, "", snplp_module_subtitle(m));
    if (snplp_module_duration_days(&days, m) == SNPLP_OK)
        printf("%*sduration: %g day(s)\n", (depth + 2) * 2, "", days);
    for (size_t i = 0; i < snplp_module_prerequisite_count(m); i++)
        printf("%*srequires: %s\n", (depth + 2) * 2, "", snplp_module_prerequisite_at(m, i));
    line(depth + 2, "priority audience: ", snplp_module_audience(m));
    line(depth + 2, "role: ", snplp_module_role(m));
    for (size_t i = 0; i < snplp_module_competence_count(m); i++) {
        const snplp_competence *c = snplp_module_competence_at(m, i);
        printf("%*scompetence: %s\n", (depth + 2) * 2, "", snplp_competence_title(c));
        for (size_t j = 0; j < snplp_competence_content_count(c); j++)
            print_content(snplp_competence_content_at(c, j), depth + 3);
    }
}

static void print_theme(const snplp_theme *t)
{
    printf("  theme %s\n", snplp_theme_title(t));
    for (size_t i = 0; i < snplp_theme_label_count(t); i++)
        printf("      also: %s\n", snplp_theme_label_at(t, i));
    line(3, "", snplp_theme_description(t));
    for (size_t i = 0; i < snplp_theme_objective_count(t); i++)
        line(3, "objective: ", snplp_objective_text(snplp_theme_objective_at(t, i)));
    for (size_t i = 0; i < snplp_theme_outcome_count(t); i++) {
        const snplp_outcome *o = snplp_theme_outcome_at(t, i);
        line(3, snplp_outcome_for_involved(o) ? "outcome (more involved): " : "outcome: ",
             snplp_outcome_text(o));
    }
    for (size_t i = 0; i < snplp_theme_recommendation_count(t); i++)
        line(3, "recommendation: ", snplp_recommendation_text(snplp_theme_recommendation_at(t, i)));
    for (size_t i = 0; i < snplp_theme_module_count(t); i++)
        print_module(snplp_theme_module_at(t, i), 2);
}

/* The professions in French collation order of their titles (« é » sorts with « e »). */
static int print_professions(const snplp_referential *ref)
{
    size_t n = snplp_referential_profession_count(ref);
    const char **titles = malloc((n ? n : 1) * sizeof *titles);
    size_t *order = malloc((n ? n : 1) * sizeof *order);
    int rc = titles && order ? SNPLP_OK : SNPLP_ENOMEM;
    for (size_t i = 0; rc == SNPLP_OK && i < n; i++)
        titles[i] = snplp_profession_title(snplp_referential_profession_at(ref, i));
    if (rc == SNPLP_OK)
        rc = snplp_text_sort(order, titles, n);
    for (size_t i = 0; rc == SNPLP_OK && i < n; i++) {
        const snplp_profession *p = snplp_referential_profession_at(ref, order[i]);
        printf("  profession (%s) %s\n", snplp_category_name(snplp_profession_category(p)),
               snplp_profession_title(p));
    }
    free(titles);
    free(order);
    return rc;
}

static int print_tree(const snplp_referential *ref)
{
    const snplp_strategy *s = snplp_referential_strategy(ref);
    int64_t cents;
    printf("%s (%s)\n", snplp_strategy_title(s), snplp_strategy_launch_date(s));
    if (snplp_strategy_budget_cents(&cents, s) == SNPLP_OK)
        printf("  budget: %" PRId64 " euros (\"%s\")\n", cents / 100,
               snplp_strategy_budget_text(s));
    line(1, "", snplp_strategy_description(s));
    for (size_t i = 0; i < snplp_referential_commitment_count(ref); i++)
        printf("  commitment: %s\n",
               snplp_commitment_title(snplp_referential_commitment_at(ref, i)));
    for (size_t i = 0; i < snplp_referential_lever_count(ref); i++)
        printf("  lever: %s\n", snplp_lever_title(snplp_referential_lever_at(ref, i)));
    if (snplp_strategy_levers_open(s))
        printf("  lever: ... (the sources name more levers than these)\n");

    const snplp_training_plan *tp = snplp_referential_training_plan(ref);
    double days;
    printf("  training plan: %s\n", snplp_training_plan_title(tp));
    if (snplp_training_plan_max_module_days(&days, tp) == SNPLP_OK)
        printf("      at most %g day(s) per module\n", days);
    line(3, "priority audience: ", snplp_training_plan_audience(tp));
    for (size_t i = 0; i < snplp_training_plan_objective_count(tp); i++)
        line(3, "objective: ", snplp_objective_text(snplp_training_plan_objective_at(tp, i)));

    for (size_t i = 0; i < snplp_referential_theme_count(ref); i++)
        print_theme(snplp_referential_theme_at(ref, i));

    int rc = print_professions(ref);
    for (size_t i = 0; i < snplp_referential_diploma_rule_count(ref); i++) {
        const snplp_diploma_rule *r = snplp_referential_diploma_rule_at(ref, i);
        int level;
        if (snplp_diploma_rule_min_level(&level, r) == SNPLP_OK)
            printf("  diploma rule (level %d or above): %s\n", level, snplp_diploma_rule_text(r));
    }
    for (size_t i = 0; i < snplp_referential_funding_count(ref); i++) {
        const snplp_funding *f = snplp_referential_funding_at(ref, i);
        printf("  funding: %s", snplp_funding_title(f));
        if (snplp_funding_amount_cents(&cents, f) == SNPLP_OK)
            printf(", %" PRId64 " euros", cents / 100);
        printf(" %s\n", snplp_funding_period(f) ? snplp_funding_period(f) : "");
    }
    for (size_t i = 0; i < snplp_referential_plan_count(ref); i++) {
        const snplp_plan *p = snplp_referential_plan_at(ref, i);
        printf("  plan: %s\n", snplp_plan_title(p));
        for (size_t j = 0; j < snplp_plan_figure_count(p); j++) {
            const snplp_figure *f = snplp_plan_figure_at(p, j);
            printf("      figure %" PRId64 ": %s\n", snplp_figure_value(f), snplp_figure_text(f));
        }
        for (size_t j = 0; j < snplp_plan_plan_theme_count(p); j++)
            printf("      theme: %s\n", snplp_plan_theme_title(snplp_plan_plan_theme_at(p, j)));
    }
    return rc;
}

int main(void)
{
    snplp_referential *ref;
    if (snplp_referential_builtin(&ref) != SNPLP_OK) {
        fprintf(stderr, "built-in referential: %s\n", snplp_error_last_message());
        return 1;
    }

    snplp_diagnostics *diags;
    if (snplp_diagnostics_new(&diags) != SNPLP_OK) {
        snplp_referential_unref(ref);
        return 1;
    }
    int rc = snplp_referential_validate(ref, diags);
    for (size_t i = 0; i < snplp_diagnostics_count(diags); i++) {
        const snplp_diagnostic *d = snplp_diagnostics_at(diags, i);
        printf("%s: [%s] %s\n", snplp_severity_name(snplp_diagnostic_severity(d)),
               snplp_diag_code_name(snplp_diagnostic_code(d)), snplp_diagnostic_message(d));
    }
    printf("validation: %s, %zu item(s)\n\n", rc == SNPLP_OK ? "valid" : snplp_status_name(rc),
           snplp_referential_item_count(ref));
    snplp_diagnostics_free(diags);

    if (print_tree(ref) != SNPLP_OK) {
        fprintf(stderr, "printing failed: %s\n", snplp_error_last_message());
        rc = 1;
    }
    snplp_referential_unref(ref);
    return rc == SNPLP_OK ? 0 : 1;
}
