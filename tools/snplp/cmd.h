/* The commands of the snplp program, one file each (cmd_*.c); their help texts are in help.c.
 * Each takes the arguments that follow "snplp", @p argv[0] being the command's name, and
 * returns the exit status: 0 success, 1 a file cannot be read or has errors, or an output could
 * not be written, 2 wrong usage, 3 (report, coverage, eligibility --fail-on) findings of the
 * severity asked for. */
#ifndef SNPLP_TOOLS_CMD_H
#define SNPLP_TOOLS_CMD_H

/* snplp validate [--strict] [--quiet] [--referential REF] [--lheo-schema XSD] FILE... */
int cmd_validate(int argc, char **argv);
/* snplp export-builtin [--quiet] [-o FILE] */
int cmd_export_builtin(int argc, char **argv);
/* snplp report [--at DATE] [--threshold PERCENT] [--each] [--fail-on error|warning] FILE...,
 * snplp report --csv [--dialect fr|intl] [--quiet] [-o FILE] FILE... */
int cmd_report(int argc, char **argv);
/* snplp import-csv [--dialect fr|intl] [--quiet] CONV.xml VALUES.csv -o OUT.xml */
int cmd_import_csv(int argc, char **argv);
/* snplp coverage [--at DATE | --from DATE --to DATE] [--by AXES] [--csv ...]
 *                (REFERENTIAL | --builtin) RECORDS... */
int cmd_coverage(int argc, char **argv);
/* snplp eligibility [--at DATE] [--module ID] (REFERENTIAL | --builtin) RECORDS WORKER */
int cmd_eligibility(int argc, char **argv);
/* snplp export-lheo [--all-or-nothing] [--quiet] [-o FILE] CATALOGUE|--builtin [RECORDS] */
int cmd_export_lheo(int argc, char **argv);
/* snplp import-lheo [--accept-matches] [--min-score N] [--themes REFERENTIAL]
 *                   [--lheo-schema XSD] [--quiet] LHEO.xml -o CATALOGUE.xml [-r RECORDS.xml] */
int cmd_import_lheo(int argc, char **argv);

#endif
