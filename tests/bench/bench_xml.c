/*
 * snplp-bench-xml: how fast the XML import and export are, against what libxml2 alone costs.
 *
 *     snplp-bench-xml [-n RUNS] FILE
 *
 * Measures on FILE, best of RUNS (default 5) runs each, in one process:
 *  1. the floor: a SAX2 push parse of the file by libxml2 with handlers that do nothing (the
 *     file read with fread in 64 KiB chunks, XML_PARSE_NONET), i.e. what reading the XML costs
 *     before libsnplp does anything;
 *  2. snplp_referential_import_file() with the default options;
 *  3. the same with strict options (libxml2's XSD validation too);
 *  4. snplp_referential_export_memory() of the imported referential;
 * then prints the times, the ratios import/floor, strict/floor and export/import, the peak of
 * the library's allocator during one default import against the file size, and the process's
 * peak resident set size. The goals (docs/performance.md) are printed next to the figures but
 * never asserted: the exit status only says whether every step worked.
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

/* ---- libsnplp ---- */

static void print_diagnostics(const snplp_diagnostics *diags, size_t max)
{
    size_t count = snplp_diagnostics_count(diags);
    for (size_t i = 0; i < count && i < max; i++) {
        const snplp_diagnostic *d = snplp_diagnostics_at(diags, i);
        fprintf(stderr, "  %zu:%zu: %s %s: %s\n", snplp_diagnostic_line(d),
                snplp_diagnostic_column(d), snplp_severity_name(snplp_diagnostic_severity(d)),
                snplp_diag_code_name(snplp_diagnostic_code(d)), snplp_diagnostic_message(d));
    }
    if (count > max) {
        fprintf(stderr, "  ... and %zu more\n", count - max);
    }
}

/* Imports the file; on success returns the referential, on failure prints why and exits. */
static snplp_referential *import(const char *path, const snplp_import_options *options,
                                 size_t *warnings)
{
    snplp_diagnostics *diags = NULL;
    snplp_referential *ref = NULL;
    if (snplp_diagnostics_new(&diags) != SNPLP_OK) {
        fprintf(stderr, "out of memory\n");
        exit(1);
    }
    int rc = snplp_referential_import_file(&ref, diags, path, options);
    if (rc != SNPLP_OK) {
        fprintf(stderr, "%s: import (%s) failed: %s\n", path,
                snplp_import_options_strict(options) ? "strict" : "default", snplp_status_name(rc));
        print_diagnostics(diags, 20);
        exit(1);
    }
    if (warnings) {
        *warnings = snplp_diagnostics_count(diags);
    }
    snplp_diagnostics_free(diags);
    return ref;
}

struct timing {
    double best;
    double worst;
};

static void record(struct timing *t, double seconds, int run)
{
    if (run == 0 || seconds < t->best) {
        t->best = seconds;
    }
    if (run == 0 || seconds > t->worst) {
        t->worst = seconds;
    }
}

static void print_row(const char *label, const struct timing *t, double size,
                      const char *ratio_label, double ratio)
{
    printf("%-24s %10.2f %10.2f %9.1f   %5.2f x %s\n", label, t->best * 1e3, t->worst * 1e3,
           size / t->best / 1e6, ratio, ratio_label);
}

static void usage(const char *argv0)
{
    fprintf(stderr, "usage: %s [-n RUNS] FILE\n", argv0);
    exit(2);
}

int main(int argc, char **argv)
{
    int runs = 5;
    const char *path = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-n") == 0 && i + 1 < argc) {
            char *end;
            long n = strtol(argv[++i], &end, 10);
            if (*end != '\0' || n < 1 || n > 1000) {
                usage(argv[0]);
            }
            runs = (int)n;
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

    snplp_import_options *strict = NULL;
    if (snplp_import_options_new(&strict) != SNPLP_OK ||
        snplp_import_options_set_strict(strict, true) != SNPLP_OK) {
        fprintf(stderr, "cannot create import options\n");
        return 1;
    }

    /* Memory of one default import, measured first (nothing else of libsnplp is alive). */
    size_t warnings = 0;
    size_t before = snplp_memory_used();
    snplp_memory_reset_peak();
    snplp_referential *ref = import(path, NULL, &warnings);
    size_t peak = snplp_memory_peak() - before;
    size_t held = snplp_memory_used() - before;
    size_t items = snplp_referential_item_count(ref);
    snplp_referential_unref(ref);

    struct timing floor_t = {0}, import_t = {0}, strict_t = {0}, export_t = {0};
    size_t export_size = 0;
    for (int run = 0; run < runs; run++) {
        double t0 = now();
        if (bench_sax_floor(path) != 0) {
            fprintf(stderr, "%s: libxml2 found the file not well-formed\n", path);
            return 1;
        }
        record(&floor_t, now() - t0, run);

        t0 = now();
        ref = import(path, NULL, NULL);
        record(&import_t, now() - t0, run);

        char *xml = NULL;
        t0 = now();
        int rc = snplp_referential_export_memory(&xml, &export_size, ref);
        record(&export_t, now() - t0, run);
        if (rc != SNPLP_OK) {
            fprintf(stderr, "export failed: %s\n", snplp_status_name(rc));
            return 1;
        }
        snplp_free(xml);
        snplp_referential_unref(ref);

        t0 = now();
        ref = import(path, strict, NULL);
        record(&strict_t, now() - t0, run);
        snplp_referential_unref(ref);
    }
    snplp_import_options_free(strict);

    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);

    double import_ratio = import_t.best / floor_t.best;
    printf("file: %s\n", path);
    printf("size: %.0f bytes (%.2f MB), %zu items, %zu warnings; export: %zu bytes\n", size,
           size / 1e6, items, warnings, export_size);
    printf("runs: %d, best and worst of each\n\n", runs);
    printf("%-24s %10s %10s %9s   %s\n", "", "best (ms)", "worst (ms)", "MB/s", "ratio (best)");
    print_row("SAX2 no-op parse (floor)", &floor_t, size, "floor", 1.0);
    print_row("import, default", &import_t, size, "floor", import_ratio);
    print_row("import, strict", &strict_t, size, "floor", strict_t.best / floor_t.best);
    print_row("export to memory", &export_t, size, "import", export_t.best / import_t.best);
    printf("\nallocator peak, default import: %zu bytes = %.3f x file size; held by the result: "
           "%zu bytes = %.3f x file size\n",
           peak, (double)peak / size, held, (double)held / size);
    printf("peak RSS of the process: %ld KiB = %.2f x file size\n", ru.ru_maxrss,
           (double)ru.ru_maxrss * 1024.0 / size);
    printf("\ngoals: default import within 2x the floor: %s (%.2f x); allocator peak below half "
           "the file size: %s (%.3f x)\n",
           import_ratio <= 2.0 ? "met" : "NOT met", import_ratio,
           (double)peak < size / 2 ? "met" : "NOT met", (double)peak / size);
    return 0;
}
