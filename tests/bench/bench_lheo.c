/*
 * snplp-bench-lheo: how fast the LHEO import and export are, against what libxml2 alone costs
 * to read the same file (docs/performance.md).
 *
 *     snplp-bench-lheo [-n RUNS] [--check] FILE
 *
 * Measures on FILE (an LHEO 2.3 feed: tests/bench/gen_lheo.py writes them), RUNS times each
 * (default 5), in one process, in CPU time (CLOCK_PROCESS_CPUTIME_ID):
 *  1. the floor: a no-op SAX2 push parse of the file (sax_floor.c);
 *  2. snplp_lheo_import_file() with the default options (the offers matched to the built-in
 *     themes, every element the model does not map kept);
 *  3. snplp_lheo_export_memory() of what was imported (the kept elements written back);
 * then prints the best and median times, the ratios import/floor and export/floor (the goal:
 * at most 2.5 each), the allocator's peak during one import against the file's size, and the
 * size of the export. The goals are printed, never asserted; with --check the program fails
 * when the import gives an error or a warning other than lheo-no-theme, or when the export of
 * the export is not the same bytes.
 */
#include "sax_floor.h"

#include <snplp/snplp.h>

#include <libxml/parser.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

static double cpu(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, cmp_double);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static void usage(const char *argv0)
{
    fprintf(stderr, "usage: %s [-n RUNS] [--check] FILE\n", argv0);
    exit(2);
}

static void import(const char *path, snplp_referential **cat, snplp_records **rec, bool check)
{
    snplp_diagnostics *d = NULL;
    if (snplp_diagnostics_new(&d) != SNPLP_OK)
        exit(1);
    int rc = snplp_lheo_import_file(cat, rec, d, path, NULL, NULL);
    size_t bad = 0;
    for (size_t i = 0; i < snplp_diagnostics_count(d); i++) {
        const snplp_diagnostic *g = snplp_diagnostics_at(d, i);
        if (snplp_diagnostic_severity(g) != SNPLP_SEVERITY_INFO &&
            snplp_diagnostic_code(g) != SNPLP_DIAG_LHEO_NO_THEME && bad++ < 10)
            fprintf(stderr, "%s:%zu:%zu: %s: %s\n", path, snplp_diagnostic_line(g),
                    snplp_diagnostic_column(g), snplp_diag_code_name(snplp_diagnostic_code(g)),
                    snplp_diagnostic_message(g));
    }
    snplp_diagnostics_free(d);
    if (rc != SNPLP_OK || (check && bad)) {
        fprintf(stderr, "%s: the import failed (%s, %zu findings)\n", path, snplp_status_name(rc),
                bad);
        exit(1);
    }
}

int main(int argc, char **argv)
{
    int runs = 5;
    bool check = false;
    const char *path = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-n") == 0 && i + 1 < argc) {
            char *end;
            long n = strtol(argv[++i], &end, 10);
            if (*end || n < 1 || n > 1000)
                usage(argv[0]);
            runs = (int)n;
        } else if (strcmp(argv[i], "--check") == 0) {
            check = true;
        } else if (argv[i][0] == '-' || path) {
            usage(argv[0]);
        } else {
            path = argv[i];
        }
    }
    if (!path)
        usage(argv[0]);
    struct stat st;
    if (stat(path, &st) != 0) {
        perror(path);
        return 1;
    }
    xmlInitParser();

    /* the allocator's peak of one import, nothing else of libsnplp alive */
    size_t before = snplp_memory_used();
    snplp_memory_reset_peak();
    snplp_referential *cat = NULL;
    snplp_records *rec = NULL;
    import(path, &cat, &rec, check);
    size_t peak = snplp_memory_peak() - before;
    size_t modules = snplp_referential_module_count(cat);
    size_t sessions = snplp_records_session_count(rec);

    double *floor_t = calloc((size_t)runs, sizeof(double));
    double *import_t = calloc((size_t)runs, sizeof(double));
    double *export_t = calloc((size_t)runs, sizeof(double));
    if (!floor_t || !import_t || !export_t)
        return 1;
    size_t export_size = 0;
    for (int r = 0; r < runs; r++) {
        double t0 = cpu();
        if (bench_sax_floor(path) != 0) {
            fprintf(stderr, "%s: libxml2 found the file not well-formed\n", path);
            return 1;
        }
        double t1 = cpu();
        snplp_referential *c = NULL;
        snplp_records *s = NULL;
        import(path, &c, &s, false);
        double t2 = cpu();
        char *doc = NULL;
        if (snplp_lheo_export_memory(&doc, &export_size, cat, rec, NULL, NULL) != SNPLP_OK) {
            fprintf(stderr, "%s: the export failed: %s\n", path, snplp_error_last_message());
            return 1;
        }
        double t3 = cpu();
        snplp_free(doc);
        snplp_referential_unref(c);
        snplp_records_unref(s);
        floor_t[r] = t1 - t0;
        import_t[r] = t2 - t1;
        export_t[r] = t3 - t2;
    }
    if (check) { /* the export of the export is the same bytes */
        char *a = NULL, *b = NULL;
        size_t na = 0, nb = 0;
        snplp_referential *c = NULL;
        snplp_records *s = NULL;
        if (snplp_lheo_export_memory(&a, &na, cat, rec, NULL, NULL) != SNPLP_OK ||
            snplp_lheo_import_memory(&c, &s, NULL, a, na, "export", NULL, NULL) != SNPLP_OK ||
            snplp_lheo_export_memory(&b, &nb, c, s, NULL, NULL) != SNPLP_OK || na != nb ||
            memcmp(a, b, na) != 0) {
            fprintf(stderr, "%s: the export of the export differs\n", path);
            return 1;
        }
        snplp_free(a);
        snplp_free(b);
        snplp_referential_unref(c);
        snplp_records_unref(s);
    }
    double fb = floor_t[0], ib = import_t[0], eb = export_t[0];
    for (int r = 1; r < runs; r++) {
        fb = floor_t[r] < fb ? floor_t[r] : fb;
        ib = import_t[r] < ib ? import_t[r] : ib;
        eb = export_t[r] < eb ? export_t[r] : eb;
    }
    double fm = median(floor_t, runs), im = median(import_t, runs), em = median(export_t, runs);
    double size = (double)st.st_size;
    printf("%s: %.0f bytes, %zu formations (modules), %zu sessions, %d runs, CPU time\n", path,
           size, modules, sessions, runs);
    printf("%-22s %10s %10s %10s\n", "", "best ms", "median ms", "MB/s");
    printf("%-22s %10.1f %10.1f %10.1f\n", "floor (SAX2 no-op)", fb * 1e3, fm * 1e3,
           size / fb / 1e6);
    printf("%-22s %10.1f %10.1f %10.1f   import/floor %.2f (median %.2f; goal <= 2.5)\n", "import",
           ib * 1e3, im * 1e3, size / ib / 1e6, ib / fb, im / fm);
    printf("%-22s %10.1f %10.1f %10.1f   export/floor %.2f (median %.2f; goal <= 2.5)\n", "export",
           eb * 1e3, em * 1e3, (double)export_size / eb / 1e6, eb / fb, em / fm);
    printf("allocator peak of an import: %zu B = %.3f x the file; export: %zu B (%.3f x)\n", peak,
           (double)peak / size, export_size, (double)export_size / size);
    free(floor_t);
    free(import_t);
    free(export_t);
    snplp_referential_unref(cat);
    snplp_records_unref(rec);
    xmlCleanupParser();
    return 0;
}
