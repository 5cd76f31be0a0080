/* Search: folded texts matched as substrings. The folded forms are kept in an index built on
 * the first search after a change of the referential, under a lock, then only read. */
#include "model/referential/item.h"

#include <string.h>

#include "util/alloc.h"
#include "util/errors.h"

typedef struct entry {
    const snplp_item *item;
    snplp_field field;
    char *folded;
} entry;

struct snplp_search_index {
    size_t generation;
    entry *v;
    size_t n;
    size_t cap;
};

struct snplp_search_hit {
    snplp_kind kind;
    snplp_field field;
    char *id;
};

struct snplp_search_results {
    snplp_search_hit *hits;
    size_t n;
};

static void index_free(struct snplp_search_index *index)
{
    if (!index)
        return;
    for (size_t i = 0; i < index->n; i++)
        snplp__free(index->v[i].folded);
    snplp__free(index->v);
    snplp__free(index);
}

static int index_add(struct snplp_search_index *x, const snplp_item *it, snplp_field f,
                     const char *text)
{
    if (x->n == x->cap) {
        size_t cap = x->cap ? x->cap * 2 : 256;
        entry *v = snplp__realloc(x->v, cap * sizeof *v);
        if (!v)
            return snplp__oom();
        x->v = v;
        x->cap = cap;
    }
    char *folded;
    int rc = snplp__text_search_form(&folded, text);
    if (rc)
        return rc;
    x->v[x->n++] = (entry){it, f, folded};
    return 0;
}

static int build(const snplp_referential *ref, struct snplp_search_index **out)
{
    struct snplp_search_index *x = snplp__calloc(1, sizeof *x);
    if (!x)
        return snplp__oom();
    x->generation = ref->generation;
    int rc = 0;
    for (const snplp_item *it = snplp__next(ref, NULL); it && !rc; it = snplp__next(ref, it)) {
        const snplp_kind_info *k = snplp__kind_info((snplp_kind)it->kind);
        char **texts = snplp__item_texts(it);
        for (int i = 0; i < k->ntexts && !rc; i++) {
            snplp_field f = (snplp_field)k->texts[i];
            if (texts[i] && f != SNPLP_FIELD_THEME_ID && f != SNPLP_FIELD_LAUNCH_DATE)
                rc = index_add(x, it, f, texts[i]);
        }
        const snplp_list *labels = snplp__item_list(it, LIST_LABELS);
        for (uint32_t i = 0; labels && i < labels->n && !rc; i++)
            rc = index_add(x, it, SNPLP_FIELD_LABEL, labels->v[i]);
    }
    if (rc) {
        index_free(x);
        return rc;
    }
    *out = x;
    return 0;
}

/* The index, current for the referential as it is now. */
static int current_index(const snplp_referential *cref, const struct snplp_search_index **out)
{
    snplp_referential *ref = (snplp_referential *)(uintptr_t)cref; /* the index is a cache */
    int rc = 0;
    pthread_mutex_lock(&ref->index_lock);
    if (!ref->index || ref->index->generation != ref->generation) {
        struct snplp_search_index *x = NULL;
        rc = build(ref, &x);
        if (!rc) {
            index_free(ref->index);
            ref->index = x;
            ref->index_free = index_free;
        }
    }
    *out = ref->index;
    pthread_mutex_unlock(&ref->index_lock);
    return rc;
}

void snplp_search_results_free(snplp_search_results *results)
{
    if (!results)
        return;
    for (size_t i = 0; i < results->n; i++)
        snplp__free(results->hits[i].id);
    snplp__free(results->hits);
    snplp__free(results);
}

int snplp_referential_search(snplp_search_results **out, const snplp_referential *ref,
                             const char *query)
{
    if (!out || !snplp__ref_ok(ref) || !query)
        return snplp__bad_arg(__func__, "NULL argument");
    char *q;
    int rc = snplp__text_search_form(&q, query);
    if (rc)
        return rc;
    if (!q[0]) {
        snplp__free(q);
        return snplp__fail_in(__func__, SNPLP_EINVAL, "the query has no letter or digit");
    }
    const struct snplp_search_index *x = NULL;
    snplp_search_results *r = snplp__calloc(1, sizeof *r);
    if (!r)
        rc = snplp__oom();
    if (!rc)
        rc = current_index(ref, &x);
    size_t cap = 0;
    const snplp_item *last = NULL;
    for (size_t i = 0; !rc && i < x->n; i++) {
        const entry *e = &x->v[i];
        if (e->item == last || !strstr(e->folded, q))
            continue;
        if (r->n == cap) {
            cap = cap ? cap * 2 : 16;
            snplp_search_hit *h = snplp__realloc(r->hits, cap * sizeof *h);
            if (!h) {
                rc = snplp__oom();
                break;
            }
            r->hits = h;
        }
        char *id = snplp__strdup(e->item->id);
        if (!id) {
            rc = snplp__oom();
            break;
        }
        r->hits[r->n++] = (snplp_search_hit){(snplp_kind)e->item->kind, e->field, id};
        last = e->item;
    }
    snplp__free(q);
    if (rc) {
        snplp_search_results_free(r);
        return rc;
    }
    *out = r;
    return 0;
}

size_t snplp_search_results_count(const snplp_search_results *results)
{
    return results ? results->n : 0;
}

const snplp_search_hit *snplp_search_results_at(const snplp_search_results *results, size_t index)
{
    return results && index < results->n ? &results->hits[index] : NULL;
}

snplp_kind snplp_search_hit_kind(const snplp_search_hit *hit)
{
    return hit ? hit->kind : SNPLP_KIND_NONE;
}

const char *snplp_search_hit_id(const snplp_search_hit *hit)
{
    return hit ? hit->id : NULL;
}

snplp_field snplp_search_hit_field(const snplp_search_hit *hit)
{
    return hit ? hit->field : SNPLP_FIELD_NONE;
}
