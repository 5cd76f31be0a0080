/* Internal: the LHEO import and export (read_lheo.c, write_lheo.c) and what the public
 * functions of the data layer (data/lheo.c: the built-in themes by default) pass them. */
#ifndef SNPLP_EXCHANGE_XML_LHEO_H
#define SNPLP_EXCHANGE_XML_LHEO_H

#include <snplp/lheo.h>

/* What the options say to the import (NULL: the defaults). */
bool snplp__lheo_options_accept(const snplp_lheo_options *options);
int snplp__lheo_options_min_score(const snplp_lheo_options *options);
/* The list of matches the import fills (NULL: none); emptying it; adding an entry (the
 * strings copied: SNPLP_ENOMEM, nothing added, when memory runs out). */
snplp_lheo_matches *snplp__lheo_options_matches(const snplp_lheo_options *options);
void snplp__lheo_matches_clear(snplp_lheo_matches *m);
int snplp__lheo_matches_add(snplp_lheo_matches *m, const char *module_id, const char *theme_id,
                            int score, bool tie, bool applied, const char *const *labels,
                            size_t nlabels);
/* The path of the schema the import validates against (NULL: none). */
const char *snplp__lheo_options_schema(const snplp_lheo_options *options);
/* The referential whose themes the options name, NULL for the built-in one. */
const snplp_referential *snplp__lheo_options_themes(const snplp_lheo_options *options);

/* Where an LHEO import reads from: a file (path), memory (data, size) or a callback (read,
 * user). */
typedef struct snplp_lheo_input {
    enum { SNPLP_LHEO_FILE, SNPLP_LHEO_MEMORY, SNPLP_LHEO_CALLBACK } from;
    const char *path;
    const void *data;
    size_t size;
    snplp_read_fn read;
    void *user;
} snplp_lheo_input;

/* Reads the LHEO document of in into a new catalogue and new records, matching its offers to
 * the themes of themes (NULL: none); fn is the public function of the messages. */
int snplp__lheo_import(snplp_referential **catalogue, snplp_records **records,
                       snplp_diagnostics *diags, const snplp_lheo_input *in, const char *name,
                       const snplp_import_options *options, const snplp_lheo_options *lheo,
                       const snplp_referential *themes, const char *fn);

#endif
