/*
 * snplp-bench-attributes: the import of hostile documents that once took seconds of CPU.
 *
 *     snplp-bench-attributes [-n RUNS] [--max-seconds S]
 *
 * Builds in memory a document whose one element has 200 000 attributes (2 MB: libxml2 2.9
 * checks a tag's attributes for duplicates in quadratic time, about 30 s of CPU before 1.3)
 * and one of 1 500 000 findings' worth of unknown elements, imports each RUNS times (from
 * memory) and prints the best time and the number of findings. The times are the process's CPU
 * time, not wall time: a loaded machine (CI, parallel tests) slows the wall clock, not the work.
 * With --max-seconds it fails when the best time of either is above S (CTest runs it with a
 * bound far above the expected time: it proves the bounds act, not a speed).
 */
#include <snplp/snplp.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

typedef struct buf {
    char *p;
    size_t n, cap;
} buf;

static void put(buf *b, const char *s)
{
    size_t len = strlen(s);
    if (b->n + len + 1 > b->cap) {
        b->cap = (b->n + len + 1) * 2;
        b->p = realloc(b->p, b->cap);
        if (!b->p) {
            perror("realloc");
            exit(1);
        }
    }
    memcpy(b->p + b->n, s, len + 1);
    b->n += len;
}

/* Imports b runs times: the best time, the findings of the last run. */
static double best_of(const buf *b, int runs, size_t *findings)
{
    double best = 1e9;
    for (int i = 0; i < runs; i++) {
        snplp_diagnostics *d = NULL;
        snplp_referential *ref = NULL;
        if (snplp_diagnostics_new(&d) != SNPLP_OK)
            exit(1);
        double t0 = now();
        snplp_referential_import_memory(&ref, d, b->p, b->n, "hostile", NULL);
        double t = now() - t0;
        if (t < best)
            best = t;
        *findings = snplp_diagnostics_count(d);
        snplp_referential_unref(ref);
        snplp_diagnostics_free(d);
    }
    return best;
}

int main(int argc, char **argv)
{
    int runs = 3;
    double max_seconds = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-n") == 0 && i + 1 < argc)
            runs = atoi(argv[++i]);
        else if (strcmp(argv[i], "--max-seconds") == 0 && i + 1 < argc)
            max_seconds = atof(argv[++i]);
        else {
            fputs("usage: snplp-bench-attributes [-n RUNS] [--max-seconds S]\n", stderr);
            return 2;
        }
    }
    if (runs < 1)
        runs = 1;
    buf attrs = {0}, elems = {0};
    put(&attrs, "<referential xmlns=\"urn:snplp:1.0\"><commitment id=\"c\"");
    for (int i = 0; i < 200000; i++) {
        char a[32];
        snprintf(a, sizeof a, " a%d=\"\"", i);
        put(&attrs, a);
    }
    put(&attrs, "><title>T</title></commitment></referential>");
    put(&elems, "<referential xmlns=\"urn:snplp:1.0\">");
    for (int i = 0; i < 1500000; i++)
        put(&elems, "<bogus/>");
    put(&elems, "</referential>");

    size_t fa = 0, fe = 0;
    double ta = best_of(&attrs, runs, &fa), te = best_of(&elems, runs, &fe);
    printf("200 000 attributes (%zu bytes): %.3f s, %zu finding(s)\n", attrs.n, ta, fa);
    printf("1 500 000 unknown elements (%zu bytes): %.3f s, %zu finding(s)\n", elems.n, te, fe);
    free(attrs.p);
    free(elems.p);
    if (fa != 1 || fe != SNPLP_XML_MAX_FINDINGS + 1) {
        fputs("snplp-bench-attributes: unexpected number of findings\n", stderr);
        return 1;
    }
    if (max_seconds > 0 && (ta > max_seconds || te > max_seconds)) {
        fprintf(stderr, "snplp-bench-attributes: above %.1f s\n", max_seconds);
        return 1;
    }
    return 0;
}
