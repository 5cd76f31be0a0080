/* The atomic file output (io/sink.c) and symbolic links (issue 16): exporting to a path that is
 * a symbolic link replaces the file the link leads to and keeps the link; a link to a file not
 * there yet makes that file; one that cannot be followed is refused and left as it is. */
#include "test_files.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[] = "/tmp/snplp-test-sink-XXXXXX";

static void path_in(char *buf, size_t size, const char *name)
{
    snprintf(buf, size, "%s/%s", dir, name);
}

static void write_text(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    assert_int_equal(fclose(f), 0);
}

static char *export_builtin(size_t *len)
{
    snplp_referential *ref = NULL;
    char *text = NULL;
    assert_int_equal(snplp_referential_builtin(&ref), SNPLP_OK);
    assert_int_equal(snplp_referential_export_memory(&text, len, ref), SNPLP_OK);
    snplp_referential_unref(ref);
    return text;
}

static void link_kept_target_written(void **state)
{
    (void)state;
    char target[PATH_MAX], link[PATH_MAX], sub[PATH_MAX];
    /* the target lives in another directory than the link */
    path_in(sub, sizeof sub, "sub");
    assert_int_equal(mkdir(sub, 0755), 0);
    path_in(target, sizeof target, "sub/target.xml");
    path_in(link, sizeof link, "link.xml");
    write_text(target, "old");
    assert_int_equal(symlink("sub/target.xml", link), 0);

    snplp_referential *ref = NULL;
    assert_int_equal(snplp_referential_builtin(&ref), SNPLP_OK);
    assert_int_equal(snplp_referential_export_file(ref, link), SNPLP_OK);
    snplp_referential_unref(ref);

    struct stat st;
    assert_int_equal(lstat(link, &st), 0);
    assert_true(S_ISLNK(st.st_mode));
    char to[PATH_MAX];
    ssize_t n = readlink(link, to, sizeof to - 1);
    assert_true(n > 0);
    to[n] = '\0';
    assert_string_equal(to, "sub/target.xml");

    size_t want_len = 0, got_len = 0;
    char *want = export_builtin(&want_len);
    char *got = slurp(target, &got_len);
    assert_non_null(got);
    assert_int_equal(got_len, want_len);
    assert_memory_equal(got, want, want_len);
    free(got);
    snplp_free(want);

    /* nothing left over in either directory: the link, sub/, sub/target.xml */
    char *listing = dir_listing(dir);
    assert_string_equal(listing, "link.xml/sub");
    free(listing);
    listing = dir_listing(sub);
    assert_string_equal(listing, "target.xml");
    free(listing);
    unlink(link);
    unlink(target);
    rmdir(sub);
}

static void dangling_link(void **state)
{
    (void)state;
    char link[PATH_MAX], made[PATH_MAX];
    snplp_referential *ref = NULL;
    struct stat st;
    assert_int_equal(snplp_referential_builtin(&ref), SNPLP_OK);
    /* into a directory that does not exist: refused, the link left as it is */
    path_in(link, sizeof link, "dangling.xml");
    assert_int_equal(symlink("nowhere/none.xml", link), 0);
    assert_int_equal(snplp_referential_export_file(ref, link), SNPLP_EIO);
    assert_non_null(strstr(snplp_error_last_message(), "none.xml"));
    assert_int_equal(lstat(link, &st), 0);
    assert_true(S_ISLNK(st.st_mode));
    unlink(link);
    /* to a file not there yet: the file is made, the link kept */
    assert_int_equal(symlink("made.xml", link), 0);
    assert_int_equal(snplp_referential_export_file(ref, link), SNPLP_OK);
    assert_int_equal(lstat(link, &st), 0);
    assert_true(S_ISLNK(st.st_mode));
    path_in(made, sizeof made, "made.xml");
    assert_int_equal(lstat(made, &st), 0);
    assert_true(S_ISREG(st.st_mode) && st.st_size > 1000);
    unlink(link);
    unlink(made);
    /* a loop of links: refused */
    assert_int_equal(symlink("dangling.xml", link), 0);
    assert_int_equal(snplp_referential_export_file(ref, link), SNPLP_EIO);
    assert_non_null(strstr(snplp_error_last_message(), "symbolic link"));
    unlink(link);
    snplp_referential_unref(ref);
}

static void regular_file_replaced(void **state)
{
    (void)state;
    char path[PATH_MAX];
    path_in(path, sizeof path, "plain.xml");
    write_text(path, "old");
    snplp_referential *ref = NULL;
    assert_int_equal(snplp_referential_builtin(&ref), SNPLP_OK);
    assert_int_equal(snplp_referential_export_file(ref, path), SNPLP_OK);
    snplp_referential_unref(ref);
    struct stat st;
    assert_int_equal(lstat(path, &st), 0);
    assert_true(S_ISREG(st.st_mode));
    assert_true(st.st_size > 1000);
    unlink(path);
}

int main(void)
{
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 1;
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(link_kept_target_written),
        cmocka_unit_test(dangling_link),
        cmocka_unit_test(regular_file_replaced),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    rmdir(dir);
    return failed;
}
