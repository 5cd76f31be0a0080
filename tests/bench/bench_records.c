/*
 * snplp-bench-records: training records (issue 17) at scale, against what libxml2 alone costs.
 *
 *     snplp-bench-records [-n RUNS] [--check] [--eligibility-seconds S] [--from DATE]
 *                         [--to DATE] FILE
 *
 * FILE is a document of training records (tests/bench/gen_records.py). Measures, in one
 * process, best and worst of RUNS runs (default 5), the operations interleaved (each once per
 * round, so that a burst of load on the machine spreads over all of them):
 *  1. the floor: a SAX2 push parse of FILE by libxml2 whose handlers do nothing (sax_floor.c,
 *     shared with the other XML benchmarks);
 *  2. snplp_records_import_file() with the default options;
 *  3. snplp_records_coverage() by theme x profession x territory over the period (default
 *     2019-01-01 to 2021-12-31) against the built-in referential;
 *  4. eligibility for every worker: snplp_records_next_modules() for each, at the period's
 *     last day;
 *  5. snplp_records_validate() against the built-in referential;
 * then prints the times, the ratios (import / floor, coverage / import, eligibility / import,
 * validation / import, each of the best CPU times; and the median of the rounds' own import /
 * floor, both timed back to back in each round), nanoseconds per record (every profession,
 * employer, worker, training body, session and attendance record: growth is linear when they stay
 * flat across sizes), the library allocator's peak during one import against the file size, what
 * the records hold, the peaks of coverage and eligibility above the records, and the process's peak
 * RSS. The targets (docs/performance.md) are printed next to the figures, never asserted.
 *
 * --eligibility-seconds S stops the eligibility pass of a run once it has taken S seconds and
 * says on how many workers it was measured (for sizes where one pass would take hours).
 * --check fails the run if the import gives any diagnostic or validation any finding: what
 * CTest runs on factor 1 (bench-records-1x). The exit status otherwise only says whether every
 * step worked.
 */
#include "sax_floor.h"

#include <snplp/snplp.h>
#include <snplp/xml.h>

#include <libxml/parser.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The CPU time of the process (one thread): on a loaded machine, far steadier than wall time. */
static double cpu(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void print_diagnostics(const snplp_diagnostics *diags, size_t max)
{
    size_t count = snplp_diagnostics_count(diags);
    for (size_t i = 0; i < count && i < max; i++) {
        const snplp_diagnostic *d = snplp_diagnostics_at(diags, i);
        fprintf(stderr, "  %zu:%zu: %s %s [%s]: %s\n", snplp_diagnostic_line(d),
                snplp_diagnostic_column(d), snplp_severity_name(snplp_diagnostic_severity(d)),
                snplp_diag_code_name(snplp_diagnostic_code(d)),
                snplp_diagnostic_item_id(d) ? snplp_diagnostic_item_id(d) : "",
                snplp_diagnostic_message(d));
    }
    if (count > max) {
        fprintf(stderr, "  ... and %zu more\n", count - max);
    }
}

static snplp_diagnostics *new_diagnostics(void)
{
    snplp_diagnostics *diags = NULL;
    if (snplp_diagnostics_new(&diags) != SNPLP_OK) {
        fprintf(stderr, "out of memory\n");
        exit(1);
    }
    return diags;
}

/* Imports the file; on failure (or, with check, on any diagnostic) prints why and exits. */
static snplp_records *import(const char *path, bool check)
{
    snplp_diagnostics *diags = new_diagnostics();
    snplp_records *records = NULL;
    int rc = snplp_records_import_file(&records, diags, path, NULL);
    if (rc != SNPLP_OK || (check && snplp_diagnostics_count(diags) > 0)) {
        fprintf(stderr, "%s: import: %s, %zu diagnostics\n", path, snplp_status_name(rc),
                snplp_diagnostics_count(diags));
        print_diagnostics(diags, 20);
        exit(1);
    }
    snplp_diagnostics_free(diags);
    return records;
}

/* Validates; on failure (or, with check, on any finding) prints why and exits. */
static size_t validate(const snplp_records *records, const snplp_referential *ref, bool check)
{
    snplp_diagnostics *diags = new_diagnostics();
    int rc = snplp_records_validate(records, ref, diags);
    size_t findings = snplp_diagnostics_count(diags);
    if ((rc != SNPLP_OK && rc != SNPLP_EVALIDATION) || (check && findings > 0)) {
        fprintf(stderr, "validation: %s, %zu findings\n", snplp_status_name(rc), findings);
        print_diagnostics(diags, 20);
        exit(1);
    }
    snplp_diagnostics_free(diags);
    return findings;
}

static snplp_coverage *coverage(const snplp_records *records, const snplp_referential *ref,
                                snplp_date from, snplp_date to)
{
    snplp_coverage *table = NULL;
    int rc = snplp_records_coverage(&table, records, ref, from, to,
                                    SNPLP_COVERAGE_BY_THEME | SNPLP_COVERAGE_BY_PROFESSION |
                                        SNPLP_COVERAGE_BY_TERRITORY);
    if (rc != SNPLP_OK) {
        fprintf(stderr, "coverage: %s: %s\n", snplp_status_name(rc), snplp_error_last_message());
        exit(1);
    }
    return table;
}

/* What one eligibility pass found: workers asked, modules proposed, answers by kind. */
struct eligibility_counts {
    size_t workers;
    size_t modules;
    size_t answers[4];
};

/* snplp_records_next_modules() for every worker in order, until budget seconds have passed
 * (0: no budget). */
static struct eligibility_counts eligibility(const snplp_records *records,
                                             const snplp_referential *ref, snplp_date at,
                                             double budget)
{
    struct eligibility_counts c = {0};
    size_t n = snplp_records_worker_count(records);
    double t0 = now();
    for (size_t i = 0; i < n; i++) {
        if (budget > 0 && i % 16 == 0 && i > 0 && now() - t0 > budget) {
            break;
        }
        const char *id = snplp_worker_id(snplp_records_worker_at(records, i));
        snplp_eligibility_list *list = NULL;
        int rc = snplp_records_next_modules(&list, records, ref, id, at);
        if (rc != SNPLP_OK) {
            fprintf(stderr, "next modules of %s: %s: %s\n", id, snplp_status_name(rc),
                    snplp_error_last_message());
            exit(1);
        }
        size_t m = snplp_eligibility_list_count(list);
        for (size_t j = 0; j < m; j++) {
            snplp_eligibility_answer a =
                snplp_eligibility_answer_of(snplp_eligibility_list_at(list, j));
            if ((int)a >= 0 && (int)a < 4) {
                c.answers[a]++;
            }
        }
        c.modules += m;
        c.workers++;
        snplp_eligibility_list_free(list);
    }
    return c;
}

struct timing {
    double best;  /* wall */
    double worst; /* wall */
    double cpu;   /* the best CPU time */
    double last;  /* the CPU time of the last run */
    double t0, c0;
};

static void start(struct timing *t)
{
    t->t0 = now();
    t->c0 = cpu();
}

/* Ends a measure started by start(); scale multiplies both times. */
static void record(struct timing *t, int run, double scale)
{
    double seconds = (now() - t->t0) * scale, cpu_seconds = (cpu() - t->c0) * scale;
    if (run == 0 || seconds < t->best) {
        t->best = seconds;
    }
    if (run == 0 || seconds > t->worst) {
        t->worst = seconds;
    }
    if (run == 0 || cpu_seconds < t->cpu) {
        t->cpu = cpu_seconds;
    }
    t->last = cpu_seconds;
}

static int compare_doubles(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The median of the n values at v (sorted in place). */
static double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, compare_doubles);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static void print_row(const char *label, const struct timing *t, const struct timing *base,
                      double records, const char *ratio_label)
{
    printf("%-40s %11.2f %11.2f %11.2f %9.1f %9.1f   %6.2f %6.2f x %s\n", label, t->best * 1e3,
           t->worst * 1e3, t->cpu * 1e3, t->best * 1e9 / records, t->cpu * 1e9 / records,
           t->best / base->best, t->cpu / base->cpu, ratio_label);
}

static void usage(const char *argv0)
{
    fprintf(stderr,
            "usage: %s [-n RUNS] [--check] [--eligibility-seconds S] [--from DATE] [--to DATE] "
            "FILE\n",
            argv0);
    exit(2);
}

static snplp_date parse_date(const char *text, const char *argv0)
{
    snplp_date d;
    if (snplp_date_parse(&d, text) != SNPLP_OK) {
        usage(argv0);
    }
    return d;
}

int main(int argc, char **argv)
{
    int runs = 5;
    bool check = false;
    double budget = 0;
    const char *path = NULL;
    snplp_date from = {2019, 1, 1}, to = {2021, 12, 31};
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-n") == 0 && i + 1 < argc) {
            char *end;
            long n = strtol(argv[++i], &end, 10);
            if (*end != '\0' || n < 1 || n > 1000) {
                usage(argv[0]);
            }
            runs = (int)n;
        } else if (strcmp(argv[i], "--check") == 0) {
            check = true;
        } else if (strcmp(argv[i], "--eligibility-seconds") == 0 && i + 1 < argc) {
            char *end;
            budget = strtod(argv[++i], &end);
            if (*end != '\0' || budget <= 0) {
                usage(argv[0]);
            }
        } else if (strcmp(argv[i], "--from") == 0 && i + 1 < argc) {
            from = parse_date(argv[++i], argv[0]);
        } else if (strcmp(argv[i], "--to") == 0 && i + 1 < argc) {
            to = parse_date(argv[++i], argv[0]);
        } else if (argv[i][0] == '-' || path) {
            usage(argv[0]);
        } else {
            path = argv[i];
        }
    }
    if (!path) {
        usage(argv[0]);
    }
    struct stat st;
    if (stat(path, &st) != 0) {
        perror(path);
        return 1;
    }
    double size = (double)st.st_size;
    xmlInitParser();

    snplp_referential *ref = NULL;
    if (snplp_referential_builtin(&ref) != SNPLP_OK) {
        fprintf(stderr, "cannot load the built-in referential\n");
        return 1;
    }

    /* Memory first: one import, then coverage and eligibility above the records it holds. */
    size_t before = snplp_memory_used();
    snplp_memory_reset_peak();
    snplp_records *records = import(path, check);
    size_t peak = snplp_memory_peak() - before;
    size_t held = snplp_memory_used() - before;
    size_t counts[6] = {
        snplp_records_profession_count(records), snplp_records_employer_count(records),
        snplp_records_worker_count(records),     snplp_records_training_body_count(records),
        snplp_records_session_count(records),    snplp_records_attendance_count(records)};
    double n_records = 0;
    for (int i = 0; i < 6; i++) {
        n_records += (double)counts[i];
    }
    size_t findings = validate(records, ref, check);

    size_t base = snplp_memory_used();
    snplp_memory_reset_peak();
    snplp_coverage *table = coverage(records, ref, from, to);
    size_t coverage_peak = snplp_memory_peak() - base;
    size_t rows = snplp_coverage_row_count(table);
    size_t untrained = snplp_coverage_untrained_count(table);
    snplp_coverage_free(table);
    snplp_memory_reset_peak();
    struct eligibility_counts ec = eligibility(records, ref, to, budget);
    size_t eligibility_peak = snplp_memory_peak() - base;
    snplp_records_unref(records);

    struct timing floor_t = {0}, import_t = {0}, coverage_t = {0}, eligibility_t = {0},
                  validate_t = {0};
    size_t eligibility_workers = ec.workers;
    /* import / floor of each round: both timed back to back, so that the machine's slow drifts
     * (the floor itself moves by up to 1.8x from one process to the next on a shared virtual
     * machine) weigh on both */
    double *round_ratio = malloc((size_t)runs * sizeof *round_ratio);
    if (!round_ratio) {
        fprintf(stderr, "out of memory\n");
        return 1;
    }
    for (int run = 0; run < runs; run++) {
        start(&floor_t);
        if (bench_sax_floor(path) != 0) {
            fprintf(stderr, "%s: libxml2 found the file not well-formed\n", path);
            return 1;
        }
        record(&floor_t, run, 1.0);

        start(&import_t);
        records = import(path, false);
        record(&import_t, run, 1.0);
        round_ratio[run] = import_t.last / floor_t.last;

        start(&coverage_t);
        table = coverage(records, ref, from, to);
        record(&coverage_t, run, 1.0);
        snplp_coverage_free(table);

        start(&eligibility_t);
        struct eligibility_counts e = eligibility(records, ref, to, budget);
        /* With a budget, runs may reach different numbers of workers: keep the times
         * comparable by scaling them to the first pass's count. */
        record(&eligibility_t, run,
               e.workers > 0 ? (double)eligibility_workers / (double)e.workers : 1.0);

        start(&validate_t);
        validate(records, ref, false);
        record(&validate_t, run, 1.0);
        snplp_records_unref(records);
    }
    snplp_referential_unref(ref);

    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);

    bool partial = eligibility_workers < counts[2];
    printf("file: %s\n", path);
    printf("size: %.0f bytes (%.2f MB); records: %.0f = %zu professions, %zu employers, %zu "
           "workers, %zu training bodies, %zu sessions, %zu attendance\n",
           size, size / 1e6, n_records, counts[0], counts[1], counts[2], counts[3], counts[4],
           counts[5]);
    printf("validation findings: %zu; coverage %04d-%02d-%02d to %04d-%02d-%02d by theme x "
           "profession x territory: %zu rows, %zu workers untrained\n",
           findings, (int)from.year, (int)from.month, (int)from.day, (int)to.year, (int)to.month,
           (int)to.day, rows, untrained);
    printf("eligibility: %zu workers%s, %zu modules proposed (%zu priority, %zu open, %zu not "
           "yet)\n",
           ec.workers, partial ? " (budget reached: not every worker)" : "", ec.modules,
           ec.answers[SNPLP_ELIGIBILITY_PRIORITY], ec.answers[SNPLP_ELIGIBILITY_OPEN],
           ec.answers[SNPLP_ELIGIBILITY_NOT_YET]);
    printf("runs: %d: wall time best and worst, CPU time best; ratios of the best wall and of the "
           "best CPU times\n\n",
           runs);
    printf("%-40s %11s %11s %11s %9s %9s   %s\n", "", "wall (ms)", "worst (ms)", "CPU (ms)",
           "ns/rec", "CPU ns/rec", "ratio wall, CPU");
    print_row("SAX2 no-op parse (floor)", &floor_t, &floor_t, n_records, "floor");
    print_row("import, default", &import_t, &floor_t, n_records, "floor");
    print_row("coverage theme x profession x territory", &coverage_t, &import_t, n_records,
              "import");
    if (partial) {
        char label[64];
        snprintf(label, sizeof label, "eligibility, %zu workers", eligibility_workers);
        print_row(label, &eligibility_t, &import_t, n_records, "import");
        printf("%-40s %.4f ms wall, %.4f ms CPU per worker; all %zu workers at that rate: "
               "%.1f s CPU (extrapolated, not measured)\n",
               "", eligibility_t.best * 1e3 / (double)eligibility_workers,
               eligibility_t.cpu * 1e3 / (double)eligibility_workers, counts[2],
               eligibility_t.cpu / (double)eligibility_workers * (double)counts[2]);
    } else {
        print_row("eligibility, every worker", &eligibility_t, &import_t, n_records, "import");
    }
    print_row("validation", &validate_t, &import_t, n_records, "import");
    printf("\nallocator peak, import: %zu bytes = %.3f x file size; held by the records: %zu "
           "bytes = %.3f x file size\n",
           peak, (double)peak / size, held, (double)held / size);
    printf("allocator peak above the records: coverage %zu bytes, eligibility (one worker at a "
           "time) %zu bytes\n",
           coverage_peak, eligibility_peak);
    printf("peak RSS of the process: %ld KiB = %.2f x file size\n", ru.ru_maxrss,
           (double)ru.ru_maxrss * 1024.0 / size);
    double ratio_min = round_ratio[0], ratio_max = round_ratio[0];
    for (int run = 1; run < runs; run++) {
        ratio_min = round_ratio[run] < ratio_min ? round_ratio[run] : ratio_min;
        ratio_max = round_ratio[run] > ratio_max ? round_ratio[run] : ratio_max;
    }
    double ratio_median = median(round_ratio, runs);
    free(round_ratio);
    printf("import / floor of each round (CPU, timed back to back): median %.2f x, from %.2f to "
           "%.2f x over %d rounds\n",
           ratio_median, ratio_min, ratio_max, runs);
    double ir = import_t.cpu / floor_t.cpu, cr = coverage_t.cpu / import_t.cpu;
    double er = eligibility_t.cpu / (double)eligibility_workers * (double)counts[2] / import_t.cpu;
    printf("\ntargets (CPU times): import within 2x the floor: %s (%.2f x); allocator peak below "
           "the file "
           "size: %s (%.3f x); coverage below the import: %s (%.2f x); eligibility for every "
           "worker below the import: %s (%.2f x%s)\n",
           ir <= 2.0 ? "met" : "NOT met", ir, (double)peak < size ? "met" : "NOT met",
           (double)peak / size, cr < 1.0 ? "met" : "NOT met", cr, er < 1.0 ? "met" : "NOT met", er,
           partial ? ", extrapolated from the workers measured" : "");
    return 0;
}
