/* snplp validate [--strict] FILE...: every finding on standard output as
 * FILE:LINE:COL: severity: [code] message; exit 1 if any file has an error. The options come
 * first: the first FILE ends them ("validate FILE --strict" reads a file named --strict). */
#include <stdbool.h>
#include <stdio.h>

#include <snplp/snplp.h>

#include "cmd.h"
#include "common.h"
#include "opt.h"

int cmd_validate(int argc, char **argv)
{
    static const opt_spec specs[] = {{'s', "--strict", 0}};
    opt_parser p;
    opt_result r;
    bool strict = false;
    opt_init(&p, specs, sizeof specs / sizeof specs[0], OPT_OPTIONS_FIRST, argc, argv);
    while ((r = opt_next(&p)) == OPT_OPTION)
        strict = true;
    if (r != OPT_END)
        return cli_usage_error("validate", "unknown option %s", p.text);
    if (p.rest == argc)
        return cli_usage_error("validate", "no FILE given");
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
    for (int i = p.rest; i < argc; i++) {
        snplp_referential *ref = NULL;
        snplp_diagnostics_clear(diags);
        int rc = snplp_referential_import_file(&ref, diags, argv[i], options);
        cli_print_findings(stdout, argv[i], diags, rc);
        if (rc != SNPLP_OK)
            status = 1;
        snplp_referential_unref(ref);
    }
    fflush(stdout);
    snplp_diagnostics_free(diags);
    snplp_import_options_free(options);
    return status;
}
