/* snplp export-builtin [-o FILE]: the built-in referential as XML, to standard output or
 * (atomically) to FILE. Nothing else is taken: -o once, no argument, no "--". */
#include <stdio.h>

#include <snplp/snplp.h>

#include "cmd.h"
#include "common.h"
#include "opt.h"

int cmd_export_builtin(int argc, char **argv)
{
    static const opt_spec specs[] = {{'o', "-o", OPT_VALUE}};
    opt_parser p;
    opt_result r;
    const char *out = NULL;
    opt_init(&p, specs, sizeof specs / sizeof specs[0], OPT_OPTIONS_FIRST, argc, argv);
    while ((r = opt_next(&p)) == OPT_OPTION && !out)
        out = p.value;
    if (r != OPT_END || p.text) /* a second -o, an unknown option, an argument, "--" */
        return cli_usage_error("export-builtin", "unexpected argument %s", p.text);
    snplp_referential *ref = NULL;
    int rc = snplp_referential_builtin(&ref);
    if (rc == SNPLP_OK)
        rc = out ? snplp_referential_export_file(ref, out)
                 : snplp_referential_export_callback(ref, cli_write_stdout, NULL);
    int status = cli_output_done("export-builtin", rc, out);
    snplp_referential_unref(ref);
    return status;
}
