/* An interrupted save never damages the file (issue 8).
 *
 * A large document is exported over an existing file by a child process, which is killed with
 * SIGKILL at many different moments of the export (snplp__out_file in output.c: a temporary
 * file next to the path, fsync, rename, fsync of the directory). Whatever the moment, the file
 * is afterwards the complete old document or the complete new one, byte for byte, and it
 * imports without findings.
 *
 * The kill moments are spread over the duration of a whole round (fork, export, the child's
 * report) measured first in this very process, from 0 to 120% of it, with a few right at the
 * start: the test adapts itself to the machine, to a sanitizer and to valgrind (20 to 50 times
 * slower, its child processes too). Which rounds end with which file depends on timing: the
 * test asserts that every round ends with one of the two and prints how many ended with each.
 * Both occur for certain: the first kill comes at once (the old file), and the last one only
 * after the child has reported the end of its export (the new file).
 *
 * Both documents are imported (without any finding) before the kills; after each kill the
 * file is compared byte for byte with them, and imported again the first time each version
 * turns up (an import of every round would take minutes under valgrind, and prove no more).
 *
 * A child killed while writing leaves its temporary file (the path + ".tmp-XXXXXX"): nothing
 * can remove it after a SIGKILL. That is expected; such a file never replaces the target. The
 * test checks that nothing else appears in the directory and removes them between rounds. */
#include "test_files.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* The size of the documents: the built-in referential plus EXTRA_THEMES themes of
 * MODULES_PER_THEME modules each (about 14 MB), and CONVENTIONS conventions of
 * ACTIONS_PER_CONVENTION actions each (about 9 MB). */
#define EXTRA_THEMES           600
#define MODULES_PER_THEME      100
#define CONVENTIONS            400
#define ACTIONS_PER_CONVENTION 200

/* The rounds (kills) per document, and how many of them come right at the start. Under
 * valgrind (the environment variable SNPLP_TEST_UNDER_VALGRIND, set by tests/CMakeLists.txt for
 * every .valgrind twin) a round is 20 to 50 times slower: the test then makes VALGRIND_ROUNDS
 * kills per document, spread over the same range of moments, which still checks the memory of
 * every path (early kill, kill while writing, kill after the rename) without taking minutes. */
#define REFERENTIAL_ROUNDS 50
#define CONVENTION_ROUNDS  25
#define VALGRIND_ROUNDS    10
#define EARLY_ROUNDS       5

static int rounds_for(int rounds)
{
    const char *v = getenv("SNPLP_TEST_UNDER_VALGRIND");
    return v && *v && strcmp(v, "0") != 0 ? VALGRIND_ROUNDS : rounds;
}

/* ---- time ---- */

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void sleep_seconds(double s)
{
    if (s <= 0)
        return;
    struct timespec ts = {.tv_sec = (time_t)s, .tv_nsec = (long)((s - (double)(time_t)s) * 1e9)};
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
        ;
}

/* ---- the documents ---- */

/* The built-in referential plus EXTRA_THEMES themes of MODULES_PER_THEME modules; `tag` goes
 * into every added title, so that two versions differ all along the file. */
static snplp_referential *big_referential(const char *tag)
{
    snplp_referential *ref = NULL;
    assert_ok(snplp_referential_builtin(&ref));
    for (int t = 0; t < EXTRA_THEMES; t++) {
        char id[64], title[160];
        snprintf(id, sizeof id, "theme-extra-%d", t);
        snprintf(title, sizeof title, "Thème supplémentaire %d (%s)", t, tag);
        snplp_theme *theme = NULL;
        assert_ok(snplp_referential_add_theme(&theme, ref, id, title));
        assert_ok(snplp_theme_set_description(
            theme, "Un thème ajouté par l'API pour que l'export dure assez longtemps."));
        for (int m = 0; m < MODULES_PER_THEME; m++) {
            char mid[64], mtitle[200];
            snprintf(mid, sizeof mid, "module-extra-%d-%d", t, m);
            snprintf(mtitle, sizeof mtitle,
                     "Module supplémentaire %d du thème %d, version %s, au titre assez long", m, t,
                     tag);
            snplp_module *module = NULL;
            assert_ok(snplp_referential_add_module(
                &module, ref, id, mid, m % 2 ? SNPLP_LEVEL_EXPERT : SNPLP_LEVEL_FUNDAMENTALS,
                mtitle));
            assert_ok(snplp_module_set_subtitle(module, "Un sous-titre pour grossir le fichier"));
        }
    }
    return ref;
}

/* CONVENTIONS conventions of ACTIONS_PER_CONVENTION actions; `tag` goes into every title. */
static snplp_convention_list *big_conventions(const char *tag)
{
    snplp_convention_list *list = NULL;
    assert_ok(snplp_convention_list_new(&list));
    for (int i = 0; i < CONVENTIONS; i++) {
        char id[64];
        snprintf(id, sizeof id, "calpae-%d", i);
        snplp_convention *c = NULL;
        assert_ok(
            snplp_convention_new(&c, id, SNPLP_TERRITORY_DEPARTEMENT, "49", "Maine-et-Loire"));
        assert_ok(snplp_convention_list_add(list, c));
        for (int a = 0; a < ACTIONS_PER_CONVENTION; a++) {
            char aid[64], title[200];
            snprintf(aid, sizeof aid, "action-%d", a);
            snprintf(title, sizeof title,
                     "Action %d de la convention %d, version %s, au titre assez long", a, i, tag);
            assert_ok(snplp_convention_add_action(NULL, c, aid, (snplp_action_objective)(1 + a % 4),
                                                  title));
        }
        snplp_convention_unref(c);
    }
    return list;
}

/* ---- one kind of document ---- */

typedef struct save_case {
    const char *file;                                      /* its name in the directory */
    int (*export_file)(const void *doc, const char *path); /* the export under test */
    void (*free_doc)(void *doc);
    bool (*imports_cleanly)(const char *path); /* imported with no finding at all */
    void *old_doc, *new_doc;
    char *old_bytes, *new_bytes; /* their exports to memory */
    size_t old_len, new_len;
} save_case;

static int export_referential(const void *doc, const char *path)
{
    return snplp_referential_export_file(doc, path);
}

static void free_referential(void *doc)
{
    snplp_referential_unref(doc);
}

static bool referential_imports_cleanly(const char *path)
{
    snplp_diagnostics *d = new_diags();
    snplp_referential *ref = NULL;
    int rc = snplp_referential_import_file(&ref, d, path, NULL);
    bool ok = rc == SNPLP_OK && snplp_diagnostics_count(d) == 0;
    if (!ok)
        print_error("%s: %s, %zu finding(s)\n", path, snplp_status_name(rc),
                    snplp_diagnostics_count(d));
    snplp_referential_unref(ref);
    snplp_diagnostics_free(d);
    return ok;
}

static int export_conventions(const void *doc, const char *path)
{
    return snplp_conventions_export_file(doc, path);
}

static void free_conventions(void *doc)
{
    snplp_convention_list_free(doc);
}

static bool conventions_import_cleanly(const char *path)
{
    snplp_diagnostics *d = new_diags();
    snplp_convention_list *list = NULL;
    int rc = snplp_conventions_import_file(&list, d, path, NULL);
    bool ok = rc == SNPLP_OK && snplp_diagnostics_count(d) == 0;
    if (!ok)
        print_error("%s: %s, %zu finding(s)\n", path, snplp_status_name(rc),
                    snplp_diagnostics_count(d));
    snplp_convention_list_free(list);
    snplp_diagnostics_free(d);
    return ok;
}

/* ---- the rounds ---- */

/* Puts `len` bytes at `path` (a plain write and rename, not the library's export). */
static void put_file(const char *path, const char *bytes, size_t len)
{
    char tmp[4200];
    snprintf(tmp, sizeof tmp, "%s.restore", path);
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    assert_true(fd >= 0);
    for (size_t done = 0; done < len;) {
        ssize_t w = write(fd, bytes + done, len - done);
        assert_true(w > 0);
        done += (size_t)w;
    }
    assert_int_equal(close(fd), 0);
    assert_int_equal(rename(tmp, path), 0);
}

/* Removes the temporary files a killed export left next to `file` in `dir` (the only other
 * entries allowed there); returns how many. */
static int remove_leftovers(const char *dir, const char *file)
{
    DIR *d = opendir(dir);
    assert_non_null(d);
    char prefix[256];
    snprintf(prefix, sizeof prefix, "%s.tmp-", file);
    int removed = 0;
    bool target_seen = false;
    for (struct dirent *e; (e = readdir(d)) != NULL;) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        if (strcmp(e->d_name, file) == 0) {
            target_seen = true;
            continue;
        }
        bool leftover = strncmp(e->d_name, prefix, strlen(prefix)) == 0 &&
                        strlen(e->d_name) == strlen(prefix) + 6;
        if (!leftover)
            print_error("unexpected file %s/%s\n", dir, e->d_name);
        assert_true(leftover);
        char p[4200];
        snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
        assert_int_equal(unlink(p), 0);
        removed++;
    }
    closedir(d);
    assert_true(target_seen);
    return removed;
}

/* Forks a child that exports the new document to `path`, reports the status through a pipe
 * and waits to be killed. Returns its pid; *report_fd is the pipe's reading end. */
static pid_t start_export(const save_case *sc, const char *path, int *report_fd)
{
    int fds[2];
    assert_int_equal(pipe(fds), 0);
    fflush(stdout);
    fflush(stderr);
    pid_t parent = getpid();
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        close(fds[0]);
        int rc = sc->export_file(sc->new_doc, path);
        ssize_t w = write(fds[1], &rc, sizeof rc);
        close(fds[1]);
        (void)w;
        /* the child waits for its SIGKILL from the parent: it does not exit by itself, so
         * that no tool runs at its exit (valgrind's leak check would take seconds and report
         * the documents, not freed in the child); it only ends alone if the parent is gone */
        while (getppid() == parent)
            sleep(1);
        _exit(1);
    }
    close(fds[1]);
    *report_fd = fds[0];
    return pid;
}

/* Reads the child's report: true if it finished its export (which must have succeeded),
 * false if it was killed before. */
static bool read_report(int report_fd)
{
    int rc = -1;
    ssize_t got = read(report_fd, &rc, sizeof rc);
    close(report_fd);
    if (got != (ssize_t)sizeof rc)
        return false;
    if (rc != SNPLP_OK)
        print_error("the child's export: %s\n", snplp_status_name(rc));
    assert_int_equal(rc, SNPLP_OK);
    return true;
}

static void reap(pid_t pid)
{
    int status = 0;
    assert_int_equal(waitpid(pid, &status, 0), pid);
}

/* 1 if the file at path is the whole new document, 0 if the whole old one; fails otherwise. */
static int file_version(const save_case *sc, const char *path)
{
    size_t len = 0;
    char *now = must_slurp(path, &len);
    int version = -1;
    if (len == sc->new_len && memcmp(now, sc->new_bytes, len) == 0)
        version = 1;
    else if (len == sc->old_len && memcmp(now, sc->old_bytes, len) == 0)
        version = 0;
    free(now);
    if (version < 0)
        print_error("%s is neither the old document (%zu bytes) nor the new one (%zu bytes): "
                    "%zu bytes\n",
                    path, sc->old_len, sc->new_len, len);
    assert_true(version >= 0);
    return version;
}

static void run_rounds(save_case *sc, int rounds)
{
    char dir[] = "/tmp/snplp-kill-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, sc->file);
    assert_true(sc->old_len != sc->new_len || memcmp(sc->old_bytes, sc->new_bytes, sc->old_len));

    /* both versions are valid documents, written by the library */
    assert_ok(sc->export_file(sc->new_doc, path));
    assert_int_equal(file_version(sc, path), 1);
    assert_true(sc->imports_cleanly(path));
    double t0 = now_seconds();
    assert_ok(sc->export_file(sc->old_doc, path));
    double export_time = now_seconds() - t0;
    assert_int_equal(file_version(sc, path), 0);
    assert_true(sc->imports_cleanly(path));

    /* calibration: two whole rounds, not interrupted; the longer counts */
    double round_time = 0;
    for (int i = 0; i < 2; i++) {
        int report_fd = -1;
        t0 = now_seconds();
        pid_t pid = start_export(sc, path, &report_fd);
        assert_true(read_report(report_fd));
        double t = now_seconds() - t0;
        round_time = t > round_time ? t : round_time;
        assert_int_equal(kill(pid, SIGKILL), 0);
        reap(pid);
        assert_int_equal(file_version(sc, path), 1);
        assert_int_equal(remove_leftovers(dir, sc->file), 0);
    }
    printf("%s: %zu bytes (old %zu); an export to the file takes %.3f s, a forked one "
           "%.3f s\n",
           sc->file, sc->new_len, sc->old_len, export_time, round_time);

    int outcome[2] = {0, 0}, leftovers = 0, finished = 0;
    double started = now_seconds();
    for (int i = 0; i < rounds; i++) {
        int report_fd = -1;
        put_file(path, sc->old_bytes, sc->old_len);
        /* a few rounds right at the start (0 to 0.8 ms), then evenly from 0 to 120% */
        double delay = i < EARLY_ROUNDS
                           ? 0.0002 * i
                           : 1.2 * round_time * (i - EARLY_ROUNDS + 1) / (rounds - EARLY_ROUNDS);
        pid_t pid = start_export(sc, path, &report_fd);
        sleep_seconds(delay);
        /* the last kill waits for the end of the export too (the machine may have become
         * slower since the calibration): both outcomes are then certain, the first round (a
         * kill at once) leaving the old file and the last one the new file */
        bool done = i == rounds - 1 && read_report(report_fd);
        assert_int_equal(kill(pid, SIGKILL), 0);
        if (i != rounds - 1)
            done = read_report(report_fd);
        reap(pid);
        int version = file_version(sc, path);
        if (done) /* a finished export has replaced the file */
            assert_int_equal(version, 1);
        /* the file is one of the two documents imported cleanly above, byte for byte; it is
         * imported again the first time each appears */
        if (outcome[version]++ == 0)
            assert_true(sc->imports_cleanly(path));
        finished += done;
        leftovers += remove_leftovers(dir, sc->file);
    }
    printf("%s: %d kills in %.1f s: %d left the old file, %d the new one (%d exports had "
           "finished); %d temporary files left behind, removed\n",
           sc->file, rounds, now_seconds() - started, outcome[0], outcome[1], finished, leftovers);
    fflush(stdout);
    assert_int_equal(outcome[0] + outcome[1], rounds);
    assert_true(outcome[0] > 0);
    assert_true(outcome[1] > 0);
    assert_true(finished > 0);

    assert_int_equal(unlink(path), 0);
    assert_int_equal(rmdir(dir), 0);
}

static void setup_case(save_case *sc, int (*export_memory)(char **, size_t *, const void *))
{
    assert_ok(export_memory(&sc->old_bytes, &sc->old_len, sc->old_doc));
    assert_ok(export_memory(&sc->new_bytes, &sc->new_len, sc->new_doc));
}

static void teardown_case(save_case *sc)
{
    snplp_free(sc->old_bytes);
    snplp_free(sc->new_bytes);
    sc->free_doc(sc->old_doc);
    sc->free_doc(sc->new_doc);
}

static int referential_to_memory(char **out, size_t *size, const void *doc)
{
    return snplp_referential_export_memory(out, size, doc);
}

static int conventions_to_memory(char **out, size_t *size, const void *doc)
{
    return snplp_conventions_export_memory(out, size, doc);
}

/* A referential export killed at 50 moments: the file is always the whole old or new one. */
static void referential_save_killed(void **state)
{
    (void)state;
    save_case sc = {
        .file = "referential.xml",
        .export_file = export_referential,
        .free_doc = free_referential,
        .imports_cleanly = referential_imports_cleanly,
        .old_doc = big_referential("ancienne"),
        .new_doc = big_referential("nouvelle"),
    };
    setup_case(&sc, referential_to_memory);
    run_rounds(&sc, rounds_for(REFERENTIAL_ROUNDS));
    teardown_case(&sc);
}

/* The same for a file of conventions, with fewer rounds. */
static void conventions_save_killed(void **state)
{
    (void)state;
    save_case sc = {
        .file = "conventions.xml",
        .export_file = export_conventions,
        .free_doc = free_conventions,
        .imports_cleanly = conventions_import_cleanly,
        .old_doc = big_conventions("ancienne"),
        .new_doc = big_conventions("nouvelle"),
    };
    setup_case(&sc, conventions_to_memory);
    run_rounds(&sc, rounds_for(CONVENTION_ROUNDS));
    teardown_case(&sc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(referential_save_killed),
        cmocka_unit_test(conventions_save_killed),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
