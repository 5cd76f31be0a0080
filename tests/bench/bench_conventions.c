/*
 * snplp-bench-conventions: how fast and how large reading, checking, aggregating and writing a
 * national file of conventions is, side by side with what libxml2 alone costs and with xmllint.
 *
 *     snplp-bench-conventions [-n RUNS] [--check] [--tsv] [--xmllint PATH | --no-xmllint]
 *                             [--floor-program PATH] [--referential FILE] [--tmpdir DIR]
 *                             [--only KEY] FILE
 *
 * Every measurement runs in a process of its own, forked from a parent that holds nothing (so
 * that the peak resident set size of each operation is its own: wait4()'s ru_maxrss of the
 * child), RUNS times (default 5); the best and worst times are kept, the ratios use the best.
 * Measured on FILE (docs/performance.md lists them with the targets):
 *
 *  - floor: a no-op SAX2 push parse of the file (sax_floor.h), timed inside the child;
 *  - floor program: the same as a program of its own (snplp-sax-floor FILE, exec'd), timed
 *    from fork to exit like xmllint, which it is compared with;
 *  - process start-up: the floor program on a document of one empty element (written in the
 *    temporary directory): what starting a process costs, added to the in-process figures when
 *    they are compared with xmllint's;
 *  - xmllint: `xmllint --stream --noout FILE` (libxml2's own streaming reader), exec'd;
 *  - import, default and strict: snplp_conventions_import_file();
 *  - export to a file (snplp_conventions_export_file(): atomic, flushed to disk) and to memory;
 *  - validate: snplp_convention_validate() on every convention (no date);
 *  - synthesis: snplp_convention_list_synthesis() of every convention;
 *  - national check (with --referential): a referential and the conventions imported, every
 *    convention validated and the whole set synthesised, in one go.
 *
 * The operations that need conventions import the file first, untimed. The library's
 * allocator peak of an operation (snplp_memory_reset_peak() before it, snplp_memory_peak()
 * after, minus what was in use before) and what its result holds are reported against the file
 * size, as is the process's peak RSS.
 *
 * --only KEY runs one operation only (RUNS times), e.g. under perf record; --tsv prints the
 * figures as tab-separated values.
 *
 * The targets are printed next to the figures but never asserted. The exit status says whether
 * every step worked; with --check, it also fails when the import (default or strict) gives any
 * diagnostic, when validation or synthesis finds anything, or when an export read back differs
 * from what was read (CTest's bench-conventions-1x runs it so on the generated file).
 */
#include "sax_floor.h"

#include <snplp/snplp.h>
#include <snplp/xml.h>

#include <libxml/parser.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

enum op {
    OP_BASELINE,
    OP_FLOOR,
    OP_FLOOR_PROGRAM,
    OP_STARTUP, /* the floor program on a document of one empty element: starting a process */
    OP_XMLLINT,
    OP_IMPORT,
    OP_IMPORT_STRICT,
    OP_EXPORT_FILE,
    OP_EXPORT_MEMORY,
    OP_VALIDATE,
    OP_SYNTHESIS,
    OP_NATIONAL,
    OP_ROUNDTRIP, /* --check only: export to memory, read back, compare; not printed */
    OP_COUNT
};

static const char *const op_names[OP_COUNT] = {
    "process baseline", "SAX2 no-op (floor)", "floor program",    "process start-up",
    "xmllint --stream", "import, default",    "import, strict",   "export to file",
    "export to memory", "validate all",       "synthesis of all", "national check",
    "round trip",
};
static const char *const op_keys[OP_COUNT] = {
    "baseline",    "floor",         "floor-program", "startup",   "xmllint",  "import",    "strict",
    "export-file", "export-memory", "validate",      "synthesis", "national", "roundtrip",
};

/* What a child reports to the parent through a pipe. */
struct child_result {
    int ok;
    double seconds;     /* the operation's wall time, inside the child (exec'd: by the parent) */
    double cpu;         /* its CPU time (user + system) */
    size_t alloc_peak;  /* the library allocator's peak during the operation, above before */
    size_t alloc_held;  /* what is still allocated after it, above before */
    size_t findings;    /* diagnostics of the operation */
    size_t conventions; /* what the import read */
    size_t indicators;
    size_t values;       /* yearly records of indicators (each holds a target and/or actual) */
    size_t out_size;     /* export size; matrix cells for the synthesis */
    int roundtrip_equal; /* --check: the export read back is equal (1), differs (0) */
};

struct measure {
    int runs;
    double best, worst; /* wall times */
    double best_cpu;    /* the least CPU time of the runs */
    long rss_kib;       /* max over runs */
    struct child_result last;
};

struct config {
    const char *path;
    const char *referential;
    const char *xmllint;
    const char *floor_program;
    const char *tmpdir;
    const char *tiny; /* a document of one empty element, for OP_STARTUP */
    bool check;
    int only; /* -1, or the one operation to run (--only KEY, for profiling) */
};

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double cpu_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* A start of an operation: wall and CPU clocks. */
struct stamp {
    double wall, cpu;
};

static struct stamp stamp(void)
{
    struct stamp s = {now(), cpu_now()};
    return s;
}

static void elapsed(struct stamp s, struct child_result *r)
{
    r->seconds = now() - s.wall;
    r->cpu = cpu_now() - s.cpu;
}

static void print_diagnostics(const snplp_diagnostics *diags, size_t max)
{
    size_t count = snplp_diagnostics_count(diags);
    for (size_t i = 0; i < count && i < max; i++) {
        const snplp_diagnostic *d = snplp_diagnostics_at(diags, i);
        const char *conv = snplp_diagnostic_convention_id(d);
        const char *item = snplp_diagnostic_item_id(d);
        fprintf(stderr, "  %zu:%zu: %s %s [%s %s %d]: %s\n", snplp_diagnostic_line(d),
                snplp_diagnostic_column(d), snplp_severity_name(snplp_diagnostic_severity(d)),
                snplp_diag_code_name(snplp_diagnostic_code(d)), conv ? conv : "-",
                item ? item : "-", (int)snplp_diagnostic_year(d), snplp_diagnostic_message(d));
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

/* Imports the conventions; NULL (with the findings printed) if the import failed. */
static snplp_convention_list *import(const char *path, bool strict, size_t *findings)
{
    snplp_import_options *options = NULL;
    if (strict && (snplp_import_options_new(&options) != SNPLP_OK ||
                   snplp_import_options_set_strict(options, true) != SNPLP_OK)) {
        fprintf(stderr, "cannot create import options\n");
        return NULL;
    }
    snplp_diagnostics *diags = new_diagnostics();
    snplp_convention_list *list = NULL;
    int rc = snplp_conventions_import_file(&list, diags, path, options);
    *findings = snplp_diagnostics_count(diags);
    if (rc != SNPLP_OK || *findings > 0) {
        fprintf(stderr, "%s: import%s: %s, %zu diagnostic(s)\n", path, strict ? " (strict)" : "",
                snplp_status_name(rc), *findings);
        print_diagnostics(diags, 10);
    }
    snplp_diagnostics_free(diags);
    snplp_import_options_free(options);
    return rc == SNPLP_OK ? list : NULL;
}

static void count_model(const snplp_convention_list *list, struct child_result *r)
{
    r->conventions = snplp_convention_list_count(list);
    for (size_t c = 0; c < r->conventions; c++) {
        const snplp_convention *conv = snplp_convention_list_at(list, c);
        size_t n = snplp_convention_indicator_count(conv);
        r->indicators += n;
        for (size_t i = 0; i < n; i++) {
            const snplp_indicator *ind = snplp_convention_indicator_at(conv, i);
            int32_t year;
            snplp_decimal value;
            r->values += snplp_indicator_year_count(ind) +
                         (snplp_indicator_baseline(&year, &value, ind) == SNPLP_OK);
        }
    }
}

static size_t validate_all(const snplp_convention_list *list)
{
    snplp_diagnostics *diags = new_diagnostics();
    size_t count = snplp_convention_list_count(list);
    for (size_t c = 0; c < count; c++) {
        int rc = snplp_convention_validate(snplp_convention_list_at(list, c), NULL, diags);
        if (rc != SNPLP_OK && rc != SNPLP_EVALIDATION) {
            fprintf(stderr, "validate: %s\n", snplp_status_name(rc));
            exit(1);
        }
    }
    size_t findings = snplp_diagnostics_count(diags);
    if (findings > 0) {
        fprintf(stderr, "validation: %zu finding(s)\n", findings);
        print_diagnostics(diags, 10);
    }
    snplp_diagnostics_free(diags);
    return findings;
}

/* Synthesises the list; returns the findings, the matrix's cells in *cells and, if @p held is
 * not NULL, what the library holds above @p before while the matrix lives. */
static size_t synthesise(const snplp_convention_list *list, size_t *cells, int *ok, size_t before,
                         size_t *held)
{
    snplp_diagnostics *diags = new_diagnostics();
    snplp_matrix *matrix = NULL;
    int rc = snplp_convention_list_synthesis(&matrix, list, NULL, diags);
    size_t findings = snplp_diagnostics_count(diags);
    if (rc != SNPLP_OK) {
        fprintf(stderr, "synthesis: %s\n", snplp_status_name(rc));
        *ok = 0;
    } else {
        *cells = snplp_matrix_row_count(matrix) * snplp_matrix_year_count(matrix);
    }
    if (held) {
        *held = snplp_memory_used() - before;
    }
    if (findings > 0) {
        fprintf(stderr, "synthesis: %zu finding(s)\n", findings);
        print_diagnostics(diags, 10);
    }
    snplp_matrix_free(matrix);
    snplp_diagnostics_free(diags);
    return findings;
}

/* Export to memory, read back, compare (--check). */
static int roundtrip_equal(const snplp_convention_list *list)
{
    char *xml = NULL;
    size_t size = 0;
    if (snplp_conventions_export_memory(&xml, &size, list) != SNPLP_OK) {
        return 0;
    }
    snplp_convention_list *back = NULL;
    int rc = snplp_conventions_import_memory(&back, NULL, xml, size, "export", NULL);
    snplp_free(xml);
    int equal = rc == SNPLP_OK && snplp_convention_list_equal(list, back);
    snplp_convention_list_free(back);
    return equal;
}

static void alloc_start(size_t *before)
{
    *before = snplp_memory_used();
    snplp_memory_reset_peak();
}

static void alloc_stop(size_t before, struct child_result *r)
{
    r->alloc_peak = snplp_memory_peak() - before;
    size_t used = snplp_memory_used();
    r->alloc_held = used > before ? used - before : 0;
}

/* The child's work for @p op (not the exec'd ones). */
static void run_child(enum op op, const struct config *cfg, struct child_result *r)
{
    r->ok = 1;
    r->roundtrip_equal = -1;
    size_t before = 0;
    struct stamp t0 = {0, 0};
    if (op == OP_BASELINE) {
        return;
    }
    if (op == OP_FLOOR) {
        t0 = stamp();
        r->ok = bench_sax_floor(cfg->path) == 0;
        elapsed(t0, r);
        return;
    }
    if (op == OP_NATIONAL) {
        alloc_start(&before);
        t0 = stamp();
        snplp_referential *ref = NULL;
        snplp_diagnostics *diags = new_diagnostics();
        int rc = snplp_referential_import_file(&ref, diags, cfg->referential, NULL);
        r->findings = snplp_diagnostics_count(diags);
        if (rc != SNPLP_OK || r->findings) {
            fprintf(stderr, "%s: import: %s\n", cfg->referential, snplp_status_name(rc));
            print_diagnostics(diags, 10);
            r->ok = rc == SNPLP_OK;
        }
        snplp_diagnostics_free(diags);
        size_t findings = 0;
        snplp_convention_list *list = import(cfg->path, false, &findings);
        if (!list) {
            r->ok = 0;
            snplp_referential_unref(ref);
            return;
        }
        r->findings += findings + validate_all(list);
        r->findings += synthesise(list, &r->out_size, &r->ok, 0, NULL);
        elapsed(t0, r);
        alloc_stop(before, r);
        snplp_convention_list_free(list);
        snplp_referential_unref(ref);
        return;
    }

    bool strict = op == OP_IMPORT_STRICT;
    if (op == OP_IMPORT || strict) {
        alloc_start(&before);
        t0 = stamp();
    }
    size_t findings = 0;
    snplp_convention_list *list = import(cfg->path, strict, &findings);
    if (op == OP_IMPORT || strict) {
        elapsed(t0, r);
        alloc_stop(before, r);
        r->findings = findings;
    }
    if (!list) {
        r->ok = 0;
        return;
    }
    count_model(list, r);

    switch (op) {
    case OP_ROUNDTRIP:
        r->roundtrip_equal = roundtrip_equal(list);
        break;
    case OP_EXPORT_FILE: {
        char out[4096];
        snprintf(out, sizeof out, "%s/snplp-bench-export-%ld.xml", cfg->tmpdir, (long)getpid());
        alloc_start(&before);
        t0 = stamp();
        int rc = snplp_conventions_export_file(list, out);
        elapsed(t0, r);
        alloc_stop(before, r);
        struct stat st;
        if (rc != SNPLP_OK || stat(out, &st) != 0) {
            fprintf(stderr, "%s: export: %s\n", out, snplp_status_name(rc));
            r->ok = 0;
        } else {
            r->out_size = (size_t)st.st_size;
        }
        remove(out);
        break;
    }
    case OP_EXPORT_MEMORY: {
        char *xml = NULL;
        alloc_start(&before);
        t0 = stamp();
        int rc = snplp_conventions_export_memory(&xml, &r->out_size, list);
        elapsed(t0, r);
        alloc_stop(before, r);
        if (rc != SNPLP_OK) {
            fprintf(stderr, "export to memory: %s\n", snplp_status_name(rc));
            r->ok = 0;
        }
        snplp_free(xml);
        break;
    }
    case OP_VALIDATE:
        alloc_start(&before);
        t0 = stamp();
        r->findings = validate_all(list);
        elapsed(t0, r);
        alloc_stop(before, r);
        break;
    case OP_SYNTHESIS:
        alloc_start(&before);
        t0 = stamp();
        size_t held = 0;
        r->findings = synthesise(list, &r->out_size, &r->ok, before, &held);
        elapsed(t0, r);
        alloc_stop(before, r);
        r->alloc_held = held; /* the matrix, freed by synthesise() */
        break;
    default:
        break;
    }
    snplp_convention_list_free(list);
}

/* Runs @p op once in a new process; returns 0 if it worked. */
static int run_once(enum op op, const struct config *cfg, struct measure *m)
{
    int fds[2];
    if (pipe(fds) != 0) {
        perror("pipe");
        return -1;
    }
    fflush(NULL);
    double t0 = now();
    pid_t pid = fork();
    if (pid < 0) {
        perror("fork");
        return -1;
    }
    if (pid == 0) {
        close(fds[0]);
        if (op == OP_XMLLINT || op == OP_FLOOR_PROGRAM || op == OP_STARTUP) {
            close(fds[1]);
            if (op == OP_XMLLINT) {
                execl(cfg->xmllint, cfg->xmllint, "--stream", "--noout", cfg->path, (char *)NULL);
            } else {
                execl(cfg->floor_program, cfg->floor_program,
                      op == OP_STARTUP ? cfg->tiny : cfg->path, (char *)NULL);
            }
            fprintf(stderr, "%s: %s\n", op == OP_XMLLINT ? cfg->xmllint : cfg->floor_program,
                    strerror(errno));
            _exit(127);
        }
        struct child_result r;
        memset(&r, 0, sizeof r);
        run_child(op, cfg, &r);
        ssize_t w = write(fds[1], &r, sizeof r);
        close(fds[1]);
        exit(w == (ssize_t)sizeof r && r.ok ? 0 : 1);
    }
    close(fds[1]);
    struct child_result r;
    memset(&r, 0, sizeof r);
    ssize_t got = 0;
    while (got < (ssize_t)sizeof r) {
        ssize_t n = read(fds[0], (char *)&r + got, sizeof r - (size_t)got);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            break;
        }
        got += n;
    }
    close(fds[0]);
    int status = 0;
    struct rusage ru;
    if (wait4(pid, &status, 0, &ru) != pid) {
        perror("wait4");
        return -1;
    }
    double wall = now() - t0;
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        fprintf(stderr, "%s failed (status %d)\n", op_names[op], status);
        return -1;
    }
    if (op == OP_XMLLINT || op == OP_FLOOR_PROGRAM || op == OP_STARTUP) {
        r.ok = 1;
        r.seconds = wall;
        r.cpu = (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
                (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
    } else if (got != (ssize_t)sizeof r) {
        fprintf(stderr, "%s: no result from the child\n", op_names[op]);
        return -1;
    }
    if (m->runs == 0 || r.seconds < m->best) {
        m->best = r.seconds;
    }
    if (m->runs == 0 || r.cpu < m->best_cpu) {
        m->best_cpu = r.cpu;
    }
    if (m->runs == 0 || r.seconds > m->worst) {
        m->worst = r.seconds;
    }
    if (ru.ru_maxrss > m->rss_kib) {
        m->rss_kib = ru.ru_maxrss;
    }
    m->runs++;
    m->last = r;
    return 0;
}

static void usage(const char *argv0)
{
    fprintf(
        stderr,
        "usage: %s [-n RUNS] [--check] [--tsv] [--xmllint PATH | --no-xmllint]\n"
        "          [--floor-program PATH] [--referential FILE] [--tmpdir DIR] [--only KEY] FILE\n"
        "KEY: floor, floor-program, xmllint, import, strict, export-file, export-memory,\n"
        "     validate, synthesis, national\n",
        argv0);
    exit(2);
}

/* The floor program next to this one, if there is one (a static buffer: the forked children
 * exit without freeing anything of the parent's). */
static const char *default_floor_program(const char *argv0)
{
    static char path[4096];
    const char *slash = strrchr(argv0, '/');
    int dir = slash ? (int)(slash - argv0) + 1 : 0;
    int n = snprintf(path, sizeof path, "%.*ssnplp-sax-floor", dir, argv0);
    return n > 0 && (size_t)n < sizeof path && access(path, X_OK) == 0 ? path : NULL;
}

static const char *met(bool ok)
{
    return ok ? "met" : "NOT met";
}

int main(int argc, char **argv)
{
    int runs = 5;
    bool tsv = false, no_xmllint = false;
    struct config cfg = {NULL, NULL, "/usr/bin/xmllint", NULL, NULL, NULL, false, -1};
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "-n") == 0 && i + 1 < argc) {
            char *end;
            long n = strtol(argv[++i], &end, 10);
            if (*end != '\0' || n < 1 || n > 1000) {
                usage(argv[0]);
            }
            runs = (int)n;
        } else if (strcmp(a, "--check") == 0) {
            cfg.check = true;
        } else if (strcmp(a, "--tsv") == 0) {
            tsv = true;
        } else if (strcmp(a, "--no-xmllint") == 0) {
            no_xmllint = true;
        } else if (strcmp(a, "--xmllint") == 0 && i + 1 < argc) {
            cfg.xmllint = argv[++i];
        } else if (strcmp(a, "--floor-program") == 0 && i + 1 < argc) {
            cfg.floor_program = argv[++i];
        } else if (strcmp(a, "--referential") == 0 && i + 1 < argc) {
            cfg.referential = argv[++i];
        } else if (strcmp(a, "--tmpdir") == 0 && i + 1 < argc) {
            cfg.tmpdir = argv[++i];
        } else if (strcmp(a, "--only") == 0 && i + 1 < argc) {
            const char *key = argv[++i];
            for (int op = 0; op < OP_COUNT; op++) {
                if (strcmp(key, op_keys[op]) == 0) {
                    cfg.only = op;
                }
            }
            if (cfg.only < 0) {
                usage(argv[0]);
            }
        } else if (a[0] == '-' || cfg.path) {
            usage(argv[0]);
        } else {
            cfg.path = a;
        }
    }
    if (!cfg.path) {
        usage(argv[0]);
    }
    struct stat st;
    if (stat(cfg.path, &st) != 0) {
        perror(cfg.path);
        return 1;
    }
    double size = (double)st.st_size;
    if (no_xmllint || access(cfg.xmllint, X_OK) != 0) {
        if (!no_xmllint) {
            fprintf(stderr, "%s not found: xmllint is not measured\n", cfg.xmllint);
        }
        cfg.xmllint = NULL;
    }
    if (!cfg.floor_program) {
        cfg.floor_program = default_floor_program(argv[0]);
    }
    if (!cfg.tmpdir) {
        const char *t = getenv("TMPDIR");
        cfg.tmpdir = t && *t ? t : "/tmp";
    }
    xmlInitParser();
    if (cfg.floor_program) {
        /* The start-up document: the floor program on it costs what starting a process does. */
        static char tiny[4096];
        int n = snprintf(tiny, sizeof tiny, "%s/snplp-bench-startup-%ld.xml", cfg.tmpdir,
                         (long)getpid());
        FILE *f = n > 0 && (size_t)n < sizeof tiny ? fopen(tiny, "w") : NULL;
        cfg.tiny = tiny;
        if (!f || fputs("<a/>\n", f) == EOF || fclose(f) != 0) {
            fprintf(stderr, "cannot write the start-up document in %s\n", cfg.tmpdir);
            return 1;
        }
    }

    /* Interleaved rounds (every operation once, RUNS times) so that a burst of load on the
     * machine spreads over all of them rather than over one. */
    struct measure m[OP_COUNT];
    memset(m, 0, sizeof m);
    int failed = 0;
    for (int run = 0; run < runs && !failed; run++) {
        for (int op = 0; op < OP_COUNT; op++) {
            if (cfg.only >= 0 && op != cfg.only) {
                continue;
            }
            if ((op == OP_XMLLINT && !cfg.xmllint) ||
                ((op == OP_FLOOR_PROGRAM || op == OP_STARTUP) && !cfg.tiny) ||
                (op == OP_NATIONAL && !cfg.referential) || (op == OP_ROUNDTRIP && !cfg.check)) {
                continue;
            }
            if (run_once((enum op)op, &cfg, &m[op]) != 0) {
                failed = 1;
                break;
            }
        }
    }
    if (cfg.tiny) {
        remove(cfg.tiny);
    }
    if (failed) {
        return 1;
    }

    if (cfg.only >= 0) {
        const struct measure *x = &m[cfg.only];
        printf("%s: best %.2f ms, worst %.2f ms, cpu %.2f ms, peak RSS %ld KiB, allocator peak "
               "%zu bytes (%d runs)\n",
               op_names[cfg.only], x->best * 1e3, x->worst * 1e3, x->best_cpu * 1e3, x->rss_kib,
               x->last.alloc_peak, x->runs);
        return 0;
    }

    const struct child_result *imp = &m[OP_IMPORT].last;
    /* What starting a process costs (the floor program on an empty document): the in-process
     * operations are compared with xmllint, a process, with it added. */
    double startup = 0, startup_cpu = 0;
    if (m[OP_STARTUP].runs) {
        startup = m[OP_STARTUP].best;
        startup_cpu = m[OP_STARTUP].best_cpu;
    }
    startup = startup > 0 ? startup : 0;
    startup_cpu = startup_cpu > 0 ? startup_cpu : 0;
    bool have_xmllint = m[OP_XMLLINT].runs > 0;

    if (tsv) {
        printf("key\tbest_s\tworst_s\tbest_cpu_s\truns\tpeak_rss_kib\talloc_peak\talloc_held"
               "\tsize\tconventions\tindicators\tvalues\n");
        for (int op = 0; op < OP_COUNT; op++) {
            if (!m[op].runs || op == OP_ROUNDTRIP) {
                continue;
            }
            printf("%s\t%.6f\t%.6f\t%.6f\t%d\t%ld\t%zu\t%zu\t%.0f\t%zu\t%zu\t%zu\n", op_keys[op],
                   m[op].best, m[op].worst, m[op].best_cpu, m[op].runs, m[op].rss_kib,
                   m[op].last.alloc_peak, m[op].last.alloc_held, size, imp->conventions,
                   imp->indicators, imp->values);
        }
    } else {
        printf("file: %s\n", cfg.path);
        printf("size: %.0f bytes (%.2f MB); %zu conventions, %zu indicators, %zu yearly values "
               "(baselines included); export: %zu bytes\n",
               size, size / 1e6, imp->conventions, imp->indicators, imp->values,
               m[OP_EXPORT_FILE].last.out_size);
        printf("runs: %d, each in a new process; wall time best and worst, CPU time best; ratios "
               "of the best (wall, then CPU)\n\n",
               runs);
        printf("%-19s %9s %9s %9s %7s %8s %10s %10s  %s\n", "", "best ms", "worst ms", "cpu ms",
               "MB/s", "ns/value", "peak RSS", "alloc peak", "ratios (wall; cpu)");
        for (int op = 0; op < OP_COUNT; op++) {
            if (!m[op].runs || op == OP_BASELINE || op == OP_ROUNDTRIP || op == OP_STARTUP) {
                continue;
            }
            const struct measure *x = &m[op];
            const struct measure *base = NULL;
            const char *base_name = "";
            double add = 0, add_cpu = 0;
            char ratio[160] = "";
            size_t len = 0;
            switch (op) {
            case OP_FLOOR:
            case OP_IMPORT:
            case OP_IMPORT_STRICT:
                if (op != OP_FLOOR) {
                    len = (size_t)snprintf(ratio, sizeof ratio, "%.2f; %.2f x floor",
                                           x->best / m[OP_FLOOR].best,
                                           x->best_cpu / m[OP_FLOOR].best_cpu);
                }
                base = have_xmllint ? &m[OP_XMLLINT] : NULL;
                base_name = "xmllint (+ start-up)";
                add = startup;
                add_cpu = startup_cpu;
                break;
            case OP_FLOOR_PROGRAM:
                base = have_xmllint ? &m[OP_XMLLINT] : NULL;
                base_name = "xmllint";
                break;
            case OP_EXPORT_FILE:
            case OP_EXPORT_MEMORY:
            case OP_VALIDATE:
            case OP_SYNTHESIS:
            case OP_NATIONAL:
                base = &m[OP_IMPORT];
                base_name = "import";
                break;
            default:
                break;
            }
            if (base) {
                snprintf(ratio + len, sizeof ratio - len, "%s%.2f; %.2f x %s", len ? ", " : "",
                         (x->best + add) / base->best, (x->best_cpu + add_cpu) / base->best_cpu,
                         base_name);
            }
            printf("%-19s %9.2f %9.2f %9.2f %7.1f %8.1f %6ld KiB %8.3f x  %s\n", op_names[op],
                   x->best * 1e3, x->worst * 1e3, x->best_cpu * 1e3, size / x->best / 1e6,
                   imp->values ? x->best * 1e9 / (double)imp->values : 0.0, x->rss_kib,
                   (double)x->last.alloc_peak / size, ratio);
        }
        printf("\nMB/s, ns/value: of the file and of its yearly values; peak RSS: of the process "
               "that ran the operation; alloc peak: the library allocator's peak during it, x the "
               "file size\n");
        printf("process start-up (the floor program on <a/>, best): %.2f ms wall, %.2f ms cpu; "
               "process baseline (fork, nothing done): peak RSS %ld KiB\n",
               startup * 1e3, startup_cpu * 1e3, m[OP_BASELINE].rss_kib);
        printf("import, default: allocator peak %zu bytes = %.3f x file, held by the result "
               "%zu bytes = %.3f x file; peak RSS %.2f x file\n",
               imp->alloc_peak, (double)imp->alloc_peak / size, imp->alloc_held,
               (double)imp->alloc_held / size, (double)m[OP_IMPORT].rss_kib * 1024.0 / size);
        printf("synthesis: %zu cells, the matrix holds %zu bytes\n", m[OP_SYNTHESIS].last.out_size,
               m[OP_SYNTHESIS].last.alloc_held);

        double ratio = m[OP_IMPORT].best / m[OP_FLOOR].best;
        printf("\ntargets (docs/performance.md), never asserted:\n");
        printf("  default import within 2 x the SAX2 floor: %s (%.2f x)\n", met(ratio <= 2.0),
               ratio);
        if (have_xmllint) {
            double rx = (m[OP_IMPORT].best + startup) / m[OP_XMLLINT].best;
            printf("  default import faster than xmllint --stream: %s (%.2f x)\n", met(rx < 1.0),
                   rx);
        }
        double peak = (double)imp->alloc_peak / size;
        printf("  allocator peak of the import below half the file size: %s (%.3f x)\n",
               met(peak < 0.5), peak);
        printf("  linear growth: ns/value at factors 1, 10, 100 (docs/performance.md)\n");
    }

    int status = 0;
    if (cfg.check) {
        size_t findings = m[OP_IMPORT].last.findings + m[OP_IMPORT_STRICT].last.findings +
                          m[OP_VALIDATE].last.findings + m[OP_SYNTHESIS].last.findings;
        if (findings > 0) {
            fprintf(stderr,
                    "check: %zu finding(s) (import, strict import, validation, "
                    "synthesis)\n",
                    findings);
            status = 1;
        }
        if (m[OP_ROUNDTRIP].last.roundtrip_equal != 1) {
            fprintf(stderr, "check: the export read back differs from what was read\n");
            status = 1;
        }
        if (imp->conventions == 0) {
            fprintf(stderr, "check: no convention read\n");
            status = 1;
        }
        if (status == 0 && !tsv) {
            printf("check: no finding, export read back equal\n");
        }
    }
    return status;
}
