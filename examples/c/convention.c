/* A département's convention (CALPAE) built through the API, then read as a commissioner
 * would: its coherence checked, its follow-up matrix printed as an aligned table, the state of
 * its execution reports and whether its credits may be released, with every reason.
 *
 * The territory is real (Maine-et-Loire, INSEE code 49); every figure, date, name and action
 * below is fictional and marked so.
 *
 * Build: cc convention.c $(pkg-config --cflags --libs snplp) -o convention */
#include <stdio.h>
#include <string.h>

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

/* Reads a decimal written as text ("87.5"): the way values usually arrive. */
static snplp_decimal dec(const char *text)
{
    snplp_decimal d = {0, 0};
    if (snplp_decimal_parse(&d, text, (size_t)-1) != SNPLP_OK)
        fprintf(stderr, "bad decimal %s\n", text);
    return d;
}

/* One indicator with its targets and actuals for 2019-2021; NULL: no value. */
typedef struct indicator_data {
    const char *id, *label;
    snplp_unit unit;
    snplp_polarity polarity;
    const char *target[3], *actual[3];
} indicator_data;

static const indicator_data indicators[] = {
    {"jeunes-ase-accompagnes",
     "Jeunes sortant de l’ASE accompagnés vers l’autonomie (valeurs fictives)",
     SNPLP_UNIT_COUNT,
     SNPLP_POLARITY_HIGHER,
     {"120", "150", "180"},
     {"131", "128", NULL}},
    {"nouveaux-rsa",
     "Nouveaux bénéficiaires du RSA (valeurs fictives)",
     SNPLP_UNIT_COUNT,
     SNPLP_POLARITY_HIGHER,
     {NULL, NULL, NULL},
     {"2400", "2650", NULL}},
    {"orientation-rsa-1-mois",
     "Part des nouveaux bénéficiaires du RSA orientés en moins d’un mois (valeurs fictives)",
     SNPLP_UNIT_PERCENT,
     SNPLP_POLARITY_HIGHER,
     {"60", "75", "90"},
     {"48.5", "71.25", NULL}},
    {"delai-premier-accueil",
     "Délai moyen avant un premier accueil social inconditionnel, en jours (valeurs fictives)",
     SNPLP_UNIT_DAYS,
     SNPLP_POLARITY_LOWER,
     {"10", "8", "5"},
     {"9", "10", NULL}},
    {"referents-parcours",
     "Personnes suivies par un référent de parcours (valeurs fictives)",
     SNPLP_UNIT_COUNT,
     SNPLP_POLARITY_HIGHER,
     {"300", "600", "900"},
     {"310", "420", NULL}},
};

/* The actions: one per core objective and a free initiative, with their statuses. */
typedef struct action_data {
    const char *id;
    snplp_action_objective objective;
    const char *title;
    snplp_action_status status[3];
    const char *drop_reason;
} action_data;

static const action_data actions[] = {
    {"action-ase",
     SNPLP_ACTION_OBJECTIVE_CHILD_WELFARE_EXITS,
     "Contrat jeune majeur et logement pour les sortants de l’ASE (action fictive)",
     {SNPLP_ACTION_STATUS_DONE, SNPLP_ACTION_STATUS_DONE, SNPLP_ACTION_STATUS_IN_PROGRESS},
     NULL},
    {"action-rsa",
     SNPLP_ACTION_OBJECTIVE_RSA_INSERTION,
     "Orientation des nouveaux bénéficiaires du RSA en moins d’un mois (action fictive)",
     {SNPLP_ACTION_STATUS_DONE, SNPLP_ACTION_STATUS_IN_PROGRESS, SNPLP_ACTION_STATUS_PLANNED},
     NULL},
    {"action-accueil",
     SNPLP_ACTION_OBJECTIVE_SOCIAL_WORK,
     "Premier accueil social inconditionnel dans chaque maison des solidarités (action fictive)",
     {SNPLP_ACTION_STATUS_DONE, SNPLP_ACTION_STATUS_DONE, SNPLP_ACTION_STATUS_PLANNED},
     NULL},
    {"action-mobilite",
     SNPLP_ACTION_OBJECTIVE_FREE_INITIATIVE,
     "Plateforme de mobilité solidaire (initiative fictive)",
     {SNPLP_ACTION_STATUS_IN_PROGRESS, SNPLP_ACTION_STATUS_DROPPED, SNPLP_ACTION_STATUS_NONE},
     "Reprise par la région dans son offre de transport (motif fictif)"},
};

static int build(snplp_convention **out)
{
    snplp_convention *c = NULL;
    TRY(snplp_convention_new(&c, "calpae-49-2019", SNPLP_TERRITORY_DEPARTEMENT, "49",
                             "Maine-et-Loire"));
    TRY(snplp_convention_set_years(c, 2019, 2021));
    TRY(snplp_convention_set_signature_date(c, (snplp_date){2019, 6, 28}));
    TRY(snplp_convention_add_signatory(c, "Préfet de Maine-et-Loire", "Signataire fictif"));
    TRY(snplp_convention_add_signatory(c, "Président du conseil départemental",
                                       "Signataire fictive"));
    for (int32_t y = 2019; y <= 2021; y++) /* euro cents */
        TRY(snplp_convention_set_funding(c, y, 150000000 + (y - 2019) * 25000000, 150000000));
    for (size_t i = 0; i < sizeof actions / sizeof actions[0]; i++) {
        const action_data *a = &actions[i];
        snplp_action *action;
        TRY(snplp_convention_add_action(&action, c, a->id, a->objective, a->title));
        for (int y = 0; y < 3; y++)
            if (a->status[y] != SNPLP_ACTION_STATUS_NONE)
                TRY(snplp_action_set_status(
                    action, 2019 + y, a->status[y],
                    a->status[y] == SNPLP_ACTION_STATUS_DROPPED ? a->drop_reason : NULL));
    }
    for (size_t i = 0; i < sizeof indicators / sizeof indicators[0]; i++) {
        const indicator_data *d = &indicators[i];
        snplp_indicator *ind;
        TRY(snplp_convention_add_indicator(&ind, c, d->id, d->label, d->unit));
        TRY(snplp_indicator_set_polarity(ind, d->polarity));
        for (int y = 0; y < 3; y++) {
            if (d->target[y])
                TRY(snplp_indicator_set_target(ind, 2019 + y, dec(d->target[y])));
            if (d->actual[y]) {
                TRY(snplp_indicator_set_actual(ind, 2019 + y, dec(d->actual[y])));
                TRY(snplp_indicator_set_source(ind, 2019 + y, "Données fictives"));
            }
        }
    }
    /* The share of quick orientations is aggregated across territories as a mean weighted by
     * the number of new recipients; the count of young people by a sum. */
    TRY(snplp_indicator_set_aggregation(
        snplp_convention_indicator_find(c, "orientation-rsa-1-mois"),
        SNPLP_AGGREGATION_WEIGHTED_MEAN, "nouveaux-rsa"));
    TRY(snplp_indicator_set_aggregation(
        snplp_convention_indicator_find(c, "jeunes-ase-accompagnes"), SNPLP_AGGREGATION_SUM, NULL));
    /* The report on 2019 was sent on time, the one on 2020 two days late. */
    TRY(snplp_convention_set_report_sent(c, 2019, (snplp_date){2020, 3, 27}));
    TRY(snplp_convention_set_report_sent(c, 2020, (snplp_date){2021, 4, 2}));
    *out = c;
    return 0;
done:
    snplp_convention_unref(c);
    return 1;
}

static void print_value(snplp_decimal d, int ok)
{
    char text[SNPLP_DECIMAL_MAX_TEXT] = "-";
    if (ok == SNPLP_OK)
        snplp_decimal_format(text, sizeof text, d);
    printf("  %9s", text);
}

/* The matrix as an aligned table: ids are ASCII, so byte widths are column widths; labels
 * (French, with accents) come in a legend below. */
static void print_matrix(const snplp_matrix *m)
{
    printf("%-24s %4s  %9s  %9s  %7s  %s\n", "indicator", "year", "target", "actual", "rate",
           "status");
    for (size_t r = 0; r < snplp_matrix_row_count(m); r++) {
        int32_t first = snplp_matrix_first_year(m);
        for (int32_t y = first; y < first + (int32_t)snplp_matrix_year_count(m); y++) {
            snplp_decimal t, a;
            double rate;
            printf("%-24s %4d", y == first ? snplp_matrix_indicator_id(m, r) : "", (int)y);
            print_value(t, snplp_matrix_target(&t, m, r, y));
            print_value(a, snplp_matrix_actual(&a, m, r, y));
            if (snplp_matrix_rate(&rate, m, r, y) == SNPLP_OK)
                printf("  %6.1f%%", rate * 100);
            else
                printf("  %7s", "-");
            printf("  %s\n", snplp_cell_status_name(snplp_matrix_status(m, r, y)));
        }
    }
    printf("\ncells:");
    for (int s = SNPLP_CELL_REACHED; s < SNPLP_CELL_STATUS_COUNT_1_3; s++) /* dated statuses too */
        if (snplp_matrix_status_count(m, (snplp_cell_status)s))
            printf(" %s %zu", snplp_cell_status_name((snplp_cell_status)s),
                   snplp_matrix_status_count(m, (snplp_cell_status)s));
    printf("\n\n");
    for (size_t r = 0; r < snplp_matrix_row_count(m); r++)
        printf("%-24s %s\n", snplp_matrix_indicator_id(m, r), snplp_matrix_indicator_label(m, r));
}

int main(void)
{
    snplp_convention *c = NULL;
    snplp_diagnostics *diags = NULL;
    snplp_matrix *m = NULL;
    snplp_credits *credits = NULL;
    int rc = 1;
    /* A fixed date, so that the output is the same every day. */
    const snplp_date at = {2021, 6, 30};
    char day[SNPLP_DATE_TEXT_SIZE];
    TRY(snplp_date_format(day, sizeof day, at));

    if (build(&c))
        goto done;
    printf("Convention %s: %s %s (%s), %d-%d — all figures fictional\n\n", snplp_convention_id(c),
           snplp_territory_kind_name(snplp_convention_territory_kind(c)),
           snplp_convention_territory_code(c), snplp_convention_territory_name(c),
           (int)snplp_convention_first_year(c), (int)snplp_convention_last_year(c));

    TRY(snplp_diagnostics_new(&diags));
    int valid = snplp_convention_validate(c, &at, diags);
    printf("Coherence on %s: %s\n", day, valid == SNPLP_OK ? "no problem" : "problems found");
    for (size_t i = 0; i < snplp_diagnostics_count(diags); i++) {
        const snplp_diagnostic *d = snplp_diagnostics_at(diags, i);
        printf("  %s: [%s] %s\n", snplp_severity_name(snplp_diagnostic_severity(d)),
               snplp_diag_code_name(snplp_diagnostic_code(d)), snplp_diagnostic_message(d));
    }
    printf("\n");

    /* The matrix at the date: a year whose report is not yet due shows "not-yet-due", not
     * "actual-missing" ("partly reached" from 80%, the default threshold) */
    TRY(snplp_convention_matrix_at(&m, c, at, NULL));
    print_matrix(m);

    printf("\nExecution reports on %s:\n", day);
    for (int32_t y = 2019; y <= 2021; y++)
        printf("  %d: %s\n", (int)y,
               snplp_report_state_name(snplp_convention_report_state(c, y, at)));

    for (int32_t y = 2020; y <= 2021; y++) {
        TRY(snplp_convention_credits(&credits, c, y, at));
        printf("\nCredits %d: %s\n", (int)y,
               snplp_credits_released(credits) ? "may be released" : "withheld");
        for (size_t i = 0; i < snplp_credits_reason_count(credits); i++)
            printf("  %s %s: %s\n",
                   snplp_credits_reason_blocking(credits, i) ? "[blocking]" : "[note]",
                   snplp_credit_reason_name(snplp_credits_reason_at(credits, i)),
                   snplp_credits_reason_message(credits, i));
        snplp_credits_free(credits);
        credits = NULL;
    }
    rc = 0;
done:
    snplp_credits_free(credits);
    snplp_matrix_free(m);
    snplp_diagnostics_free(diags);
    snplp_convention_unref(c);
    return rc;
}
