/* snplp: the command-line program of libsnplp.
 *
 *   snplp validate [--strict] FILE...   every diagnostic as FILE:LINE:COL: severity: [code] message
 *   snplp export-builtin [-o FILE]      the built-in referential as XML (stdout by default)
 *   snplp --help | --version
 *
 * Exit status: 0 success (validate: no error; warnings allowed), 1 a file has errors or an
 * output could not be written, 2 wrong usage. */
#include <stdio.h>
#include <string.h>

#include <snplp/snplp.h>

static const char usage[] =
    "usage: snplp validate [--strict] FILE...\n"
    "       snplp export-builtin [-o FILE]\n"
    "       snplp --help | --version\n"
    "\n"
    "validate        reads each FILE as a referential in the snplp XML format and prints\n"
    "                every finding as FILE:LINE:COL: severity: [code] message; exits 1 if\n"
    "                any file has an error\n"
    "  --strict      also validates with libxml2's XSD validator against the schema\n"
    "export-builtin  writes the built-in referential of the strategy as XML, to standard\n"
    "                output or (atomically) to FILE with -o\n";

static void print_diagnostics(const char *file, const snplp_diagnostics *d)
{
    for (size_t i = 0; i < snplp_diagnostics_count(d); i++) {
        const snplp_diagnostic *g = snplp_diagnostics_at(d, i);
        if (snplp_diagnostic_line(g) > 0)
            printf("%s:%zu:%zu: ", file, snplp_diagnostic_line(g), snplp_diagnostic_column(g));
        else
            printf("%s: ", file);
        printf("%s: [%s] %s\n", snplp_severity_name(snplp_diagnostic_severity(g)),
               snplp_diag_code_name(snplp_diagnostic_code(g)), snplp_diagnostic_message(g));
    }
}

static int validate(int argc, char **argv)
{
    bool strict = false;
    int first = 0;
    for (; first < argc && argv[first][0] == '-' && argv[first][1]; first++) {
        if (strcmp(argv[first], "--strict") == 0)
            strict = true;
        else if (strcmp(argv[first], "--") == 0) {
            first++;
            break;
        } else {
            fprintf(stderr, "snplp validate: unknown option %s\n%s", argv[first], usage);
            return 2;
        }
    }
    if (first == argc) {
        fprintf(stderr, "snplp validate: no FILE given\n%s", usage);
        return 2;
    }
    snplp_import_options *options = NULL;
    snplp_diagnostics *diags = NULL;
    if (snplp_import_options_new(&options) != SNPLP_OK ||
        snplp_import_options_set_strict(options, strict) != SNPLP_OK ||
        snplp_diagnostics_new(&diags) != SNPLP_OK) {
        fprintf(stderr, "snplp: %s\n", snplp_error_last_message());
        snplp_import_options_free(options);
        return 1;
    }
    int status = 0;
    for (int i = first; i < argc; i++) {
        snplp_referential *ref = NULL;
        snplp_diagnostics_clear(diags);
        int rc = snplp_referential_import_file(&ref, diags, argv[i], options);
        print_diagnostics(argv[i], diags);
        if (rc != SNPLP_OK) {
            status = 1;
            if (snplp_diagnostics_count_severity(diags, SNPLP_SEVERITY_ERROR) == 0)
                printf("%s: error: %s\n", argv[i], snplp_error_last_message());
        }
        snplp_referential_unref(ref);
    }
    fflush(stdout);
    snplp_diagnostics_free(diags);
    snplp_import_options_free(options);
    return status;
}

static int write_stdout(void *user, const char *buf, size_t size)
{
    (void)user;
    return fwrite(buf, 1, size, stdout) == size ? 0 : -1;
}

static int export_builtin(int argc, char **argv)
{
    const char *out = NULL;
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "-o") == 0 && i + 1 < argc && !out)
            out = argv[++i];
        else {
            fprintf(stderr, "snplp export-builtin: unexpected argument %s\n%s", argv[i], usage);
            return 2;
        }
    }
    snplp_referential *ref = NULL;
    int rc = snplp_referential_builtin(&ref);
    if (rc == SNPLP_OK)
        rc = out ? snplp_referential_export_file(ref, out)
                 : snplp_referential_export_callback(ref, write_stdout, NULL);
    if (rc == SNPLP_OK && !out && fflush(stdout) != 0)
        rc = SNPLP_EIO;
    snplp_referential_unref(ref);
    if (rc != SNPLP_OK) {
        fprintf(stderr, "snplp export-builtin: %s\n",
                rc == SNPLP_EIO && !out ? "writing to standard output failed"
                                        : snplp_error_last_message());
        return 1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs(usage, stderr);
        return 2;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0) {
        fputs(usage, stdout);
        return 0;
    }
    if (strcmp(cmd, "--version") == 0) {
        printf("snplp %s (XML namespace %s)\n", snplp_version(), SNPLP_XML_NAMESPACE);
        return 0;
    }
    if (strcmp(cmd, "validate") == 0)
        return validate(argc - 2, argv + 2);
    if (strcmp(cmd, "export-builtin") == 0)
        return export_builtin(argc - 2, argv + 2);
    fprintf(stderr, "snplp: unknown command %s\n%s", cmd, usage);
    return 2;
}
