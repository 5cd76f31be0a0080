/* Training records as a département's HR software keeps them, read as its training service
 * would: the workforce, a training body, sessions and who attended them, checked against the
 * built-in referential; then the coverage of the year by theme x profession (distinct workers
 * trained against the workforce, with rates and training days) and what a worker may take
 * next, with every reason.
 *
 * Without argument the records are built through the API, as HR software does from its own
 * database; with one, they are read from that file (examples/data/records.xml, the fictional
 * Maine-et-Loire of the docs). The territory (Somme, INSEE code 80) is real; every worker,
 * employer, training body, session and date below is fictional. The library holds no name of a
 * person: a worker is a pseudonymous id chosen by the host (here a hashed matricule).
 *
 * Build: cc records.c $(pkg-config --cflags --libs snplp) -o records
 * Run:   ./records [RECORDS.xml] */
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

/* Reads a date written as text ("2021-03-15"): the way dates usually arrive. */
static snplp_date day(const char *text)
{
    snplp_date d = {0, 0, 0};
    if (snplp_date_parse(&d, text) != SNPLP_OK)
        fprintf(stderr, "bad date %s\n", text);
    return d;
}

/* One worker of the workforce: pseudonymous id, profession, diploma level (0: unknown), unit,
 * first day. */
typedef struct worker_data {
    const char *id, *profession;
    int diploma_level;
    const char *unit, *from;
} worker_data;

static const worker_data workers[] = {
    {"cd80-7f3a", "profession-ass", 6, "Maison des solidarités d'Abbeville", "2012-09-01"},
    {"cd80-21c9", "profession-ass", 0, "Service insertion", "2019-01-07"},
    {"cd80-9b04", "profession-es", 6, "Maison des solidarités d'Amiens", "2016-03-01"},
    {"cd80-c5d2", "profession-cesf", 6, "Service insertion", "2015-05-11"},
    {"cd80-0e61", "profession-me", 4, "Maison des solidarités de Péronne", "2018-10-01"},
    {"cd80-a3f7", "profession-head-of-service", 7, "Service insertion", "2010-01-04"},
    /* a profession the referential does not list, declared by the records */
    {"cd80-5d18", "profession-childcare-auxiliary", 4, "Protection maternelle et infantile",
     "2017-02-01"},
};

/* One session: id, what is taught (a module or a plan theme of the referential), first and
 * last days, days. */
typedef struct session_data {
    const char *id, *subject, *start, *end, *days;
} session_data;

static const session_data sessions[] = {
    {"s80-2021-f1", "module-insertion-fundamentals", "2021-03-15", "2021-03-17", "3"},
    {"s80-2021-e1", "module-insertion-expert", "2021-10-04", "2021-10-05", "2"},
    {"s80-2021-ee5", "plan-theme-early-childhood-days-5", "2021-06-10", "2021-06-10", "1"},
};

/* One attendance: worker, session, status, days attended (NULL: not given). */
typedef struct attendance_data {
    const char *worker, *session;
    snplp_attendance_status status;
    const char *days;
} attendance_data;

static const attendance_data attendance[] = {
    {"cd80-7f3a", "s80-2021-f1", SNPLP_ATTENDANCE_ATTENDED, NULL},
    {"cd80-9b04", "s80-2021-f1", SNPLP_ATTENDANCE_ATTENDED, NULL},
    {"cd80-c5d2", "s80-2021-f1", SNPLP_ATTENDANCE_PARTIAL, "2"},
    {"cd80-0e61", "s80-2021-f1", SNPLP_ATTENDANCE_ATTENDED, "3"},
    {"cd80-21c9", "s80-2021-f1", SNPLP_ATTENDANCE_ABSENT, NULL},
    {"cd80-7f3a", "s80-2021-e1", SNPLP_ATTENDANCE_ATTENDED, NULL},
    {"cd80-a3f7", "s80-2021-e1", SNPLP_ATTENDANCE_REGISTERED, NULL},
    {"cd80-5d18", "s80-2021-ee5", SNPLP_ATTENDANCE_ATTENDED, NULL},
};

/* The records of the Somme's workforce, built through the API. */
static int build_records(snplp_records **out)
{
    snplp_records *records = NULL;
    snplp_training_body *body;
    snplp_session *session;
    snplp_attendance *att;
    snplp_worker *worker;
    snplp_decimal days;
    int status = 1;
    TRY(snplp_records_new(&records));
    TRY(snplp_records_add_profession(NULL, records, "profession-childcare-auxiliary",
                                     SNPLP_CATEGORY_WORKER, "auxiliaires de puériculture"));
    TRY(snplp_records_add_employer(NULL, records, "cd80", SNPLP_EMPLOYER_DEPARTEMENT,
                                   "Conseil départemental de la Somme (données fictives)", "80"));
    for (size_t i = 0; i < sizeof workers / sizeof workers[0]; i++) {
        const worker_data *w = &workers[i];
        TRY(snplp_records_add_worker(&worker, records, w->id, w->profession, "cd80", "80",
                                     day(w->from)));
        TRY(snplp_worker_set_unit(worker, w->unit));
        if (w->diploma_level) /* an unknown level stays unknown: never 0 */
            TRY(snplp_worker_set_diploma_level(worker, w->diploma_level));
    }
    TRY(snplp_records_add_training_body(&body, records, "of-somme",
                                        "Institut de formation (fictif)"));
    TRY(snplp_training_body_set_siret(body, "80123456000010"));
    TRY(snplp_training_body_set_declaration_number(body, "32800000180"));
    TRY(snplp_training_body_add_address_line(body, "1 rue de l'Exemple"));
    TRY(snplp_training_body_set_postal_code(body, "80000"));
    TRY(snplp_training_body_set_commune(body, "Amiens"));
    TRY(snplp_training_body_set_email(body, "formation@of-somme.example"));
    for (size_t i = 0; i < sizeof sessions / sizeof sessions[0]; i++) {
        const session_data *s = &sessions[i];
        TRY(snplp_decimal_parse(&days, s->days, (size_t)-1));
        TRY(snplp_records_add_session(&session, records, s->id, s->subject, "of-somme",
                                      day(s->start), day(s->end), days, SNPLP_MODE_ON_SITE));
        TRY(snplp_session_set_place(session, "80021")); /* Amiens */
        TRY(snplp_session_set_capacity(session, 12));
    }
    for (size_t i = 0; i < sizeof attendance / sizeof attendance[0]; i++) {
        const attendance_data *a = &attendance[i];
        TRY(snplp_records_add_attendance(&att, records, a->worker, a->session, a->status));
        if (a->days) {
            TRY(snplp_decimal_parse(&days, a->days, (size_t)-1));
            TRY(snplp_attendance_set_days(att, days));
        }
    }
    *out = records;
    records = NULL;
    status = 0;
done:
    snplp_records_unref(records);
    return status;
}

/* Reads records from a file, printing every finding with its line and column. */
static int read_records(snplp_records **out, const char *path)
{
    snplp_diagnostics *diags = NULL;
    int status = 1;
    TRY(snplp_diagnostics_new(&diags));
    int rc = snplp_records_import_file(out, diags, path, NULL);
    for (size_t i = 0; i < snplp_diagnostics_count(diags); i++) {
        const snplp_diagnostic *g = snplp_diagnostics_at(diags, i);
        fprintf(stderr, "%s:%zu:%zu: %s: [%s] %s\n", path, snplp_diagnostic_line(g),
                snplp_diagnostic_column(g), snplp_severity_name(snplp_diagnostic_severity(g)),
                snplp_diag_code_name(snplp_diagnostic_code(g)), snplp_diagnostic_message(g));
    }
    TRY(rc);
    status = 0;
done:
    snplp_diagnostics_free(diags);
    return status;
}

/* Checks the records against the referential; returns the number of errors, -1 on failure. */
static long check(const snplp_records *records, const snplp_referential *ref)
{
    snplp_diagnostics *diags = NULL;
    long errors = -1;
    TRY(snplp_diagnostics_new(&diags));
    int rc = snplp_records_validate(records, ref, diags);
    if (rc != SNPLP_OK && rc != SNPLP_EVALIDATION)
        TRY(rc);
    errors = (long)snplp_diagnostics_count_severity(diags, SNPLP_SEVERITY_ERROR);
    printf("Check against the built-in referential: %ld error(s), %zu warning(s)\n", errors,
           snplp_diagnostics_count_severity(diags, SNPLP_SEVERITY_WARNING));
    for (size_t i = 0; i < snplp_diagnostics_count(diags); i++) {
        const snplp_diagnostic *g = snplp_diagnostics_at(diags, i);
        /* validation findings name the record concerned (no line: the records are in memory) */
        printf("  %s: [%s] %s: %s\n", snplp_severity_name(snplp_diagnostic_severity(g)),
               snplp_diag_code_name(snplp_diagnostic_code(g)), snplp_diagnostic_item_id(g),
               snplp_diagnostic_message(g));
    }
done:
    snplp_diagnostics_free(diags);
    return errors;
}

/* A percentage, or "-" when the row has no workforce (never 0). */
static const char *rate_text(char *buf, size_t size, const snplp_coverage *c, size_t row)
{
    snplp_decimal rate;
    char num[SNPLP_DECIMAL_MAX_TEXT];
    if (snplp_coverage_rate(&rate, c, row) != SNPLP_OK ||
        snplp_decimal_format(num, sizeof num, rate) != SNPLP_OK)
        return "-";
    snprintf(buf, size, "%s%%", num);
    return buf;
}

/* The coverage of @p year by theme x profession: the rows where someone was trained. */
static int print_coverage(const snplp_records *records, const snplp_referential *ref, int year)
{
    snplp_coverage *c = NULL, *total = NULL;
    char rate[32], days[SNPLP_DECIMAL_MAX_TEXT];
    snplp_decimal d;
    int status = 1;
    snplp_date from = {year, 1, 1}, to = {year, 12, 31};
    TRY(snplp_records_coverage(&total, records, ref, from, to, 0));
    TRY(snplp_records_coverage(&c, records, ref, from, to,
                               SNPLP_COVERAGE_BY_THEME | SNPLP_COVERAGE_BY_PROFESSION));
    TRY(snplp_coverage_days(&d, total, 0));
    TRY(snplp_decimal_format(days, sizeof days, d));
    printf("\nCoverage of %d: %zu workers in the workforce, %zu trained (%s), %s training days\n",
           year, snplp_coverage_workforce(total, 0), snplp_coverage_trained(total, 0),
           rate_text(rate, sizeof rate, total, 0), days);
    printf("  %-34s %-36s %9s %7s %8s %5s\n", "theme", "profession", "workforce", "trained", "rate",
           "days");
    for (size_t r = 0; r < snplp_coverage_row_count(c); r++) {
        if (snplp_coverage_trained(c, r) == 0)
            continue; /* every combination is a row: show those where someone was trained */
        TRY(snplp_coverage_days(&d, c, r));
        TRY(snplp_decimal_format(days, sizeof days, d));
        printf("  %-34s %-36s %9zu %7zu %8s %5s", snplp_coverage_theme_id(c, r),
               snplp_coverage_profession_id(c, r), snplp_coverage_workforce(c, r),
               snplp_coverage_trained(c, r), rate_text(rate, sizeof rate, c, r), days);
        if (snplp_coverage_days_unknown(c, r)) /* partly attended, days not given */
            printf(" (+%zu attendance of unknown days)", snplp_coverage_days_unknown(c, r));
        putchar('\n');
    }
    printf("  Not trained at all by %d-12-31: %zu worker(s)", year,
           snplp_coverage_untrained_count(c));
    for (size_t i = 0; i < snplp_coverage_untrained_count(c) && i < 5; i++)
        printf("%s%s", i ? ", " : ": ", snplp_coverage_untrained_at(c, i));
    printf("%s\n", snplp_coverage_untrained_count(c) > 5 ? "..." : "");
    status = 0;
done:
    snplp_coverage_free(c);
    snplp_coverage_free(total);
    return status;
}

/* What @p worker_id may take next at @p at, in the plan's order, with every reason. */
static int print_next_modules(const snplp_records *records, const snplp_referential *ref,
                              const char *worker_id, snplp_date at)
{
    snplp_eligibility_list *next = NULL;
    int status = 1;
    TRY(snplp_records_next_modules(&next, records, ref, worker_id, at));
    printf("\nWorker %s at %04d-%02d-%02d: %zu module(s) to take next\n", worker_id, (int)at.year,
           (int)at.month, (int)at.day, snplp_eligibility_list_count(next));
    for (size_t i = 0; i < snplp_eligibility_list_count(next); i++) {
        const snplp_eligibility *e = snplp_eligibility_list_at(next, i);
        printf("  %zu. %s: %s\n", i + 1, snplp_eligibility_module_id(e),
               snplp_eligibility_answer_name(snplp_eligibility_answer_of(e)));
        for (size_t k = 0; k < snplp_eligibility_reason_count(e); k++)
            printf("     - %s: %s\n",
                   snplp_eligibility_reason_name(snplp_eligibility_reason_at(e, k)),
                   snplp_eligibility_reason_message(e, k));
    }
    status = 0;
done:
    snplp_eligibility_list_free(next);
    return status;
}

int main(int argc, char **argv)
{
    snplp_referential *ref = NULL;
    snplp_records *records = NULL;
    int status = 1;
    if (argc > 2) {
        fprintf(stderr, "usage: %s [RECORDS.xml]\n", argv[0]);
        return 2;
    }
    TRY(snplp_referential_builtin(&ref));
    if ((argc == 2 ? read_records(&records, argv[1]) : build_records(&records)) != 0)
        goto done;
    /* read-only from here: frozen records are shared by threads without a lock */
    TRY(snplp_records_freeze(records));
    printf("%zu workers, %zu training bodies, %zu sessions, %zu attendance records\n",
           snplp_records_worker_count(records), snplp_records_training_body_count(records),
           snplp_records_session_count(records), snplp_records_attendance_count(records));
    long errors = check(records, ref);
    if (errors != 0) /* -1: the check failed; else the records have errors */
        goto done;
    /* the year of the records: the last session's */
    int year = 2021;
    for (size_t i = 0; i < snplp_records_session_count(records); i++) {
        snplp_date end = snplp_session_end(snplp_records_session_at(records, i));
        if (end.year > year)
            year = (int)end.year;
    }
    if (print_coverage(records, ref, year) != 0)
        goto done;
    /* the first worker who still has a module to take at the end of the year */
    snplp_date at = {year, 12, 31};
    for (size_t i = 0; i < snplp_records_worker_count(records); i++) {
        const char *worker = snplp_worker_id(snplp_records_worker_at(records, i));
        snplp_eligibility_list *next = NULL;
        TRY(snplp_records_next_modules(&next, records, ref, worker, at));
        size_t left = snplp_eligibility_list_count(next);
        snplp_eligibility_list_free(next);
        if (left > 0) {
            if (print_next_modules(records, ref, worker, at) != 0)
                goto done;
            break;
        }
    }
    status = 0;
done:
    snplp_records_unref(records);
    snplp_referential_unref(ref);
    return status;
}
