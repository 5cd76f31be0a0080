/* Gives libsnplp the application's own allocator: here one with a memory budget, as a
 * long-running HR server might set per tenant. Every block libsnplp takes goes through it (a
 * small header in front of each block records its size), and a request beyond the budget is
 * refused: the call that needed it returns SNPLP_ENOMEM, having changed nothing.
 *
 * libxml2's and ICU's allocations are not concerned (docs/architecture.md, "Memory").
 *
 * Usage: allocator [BUDGET_BYTES] (default: 64 KiB, too little for the built-in referential)
 * Build: cc allocator.c $(pkg-config --cflags --libs snplp) -o allocator */
#include <stdalign.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

#include <snplp/snplp.h>

typedef struct budget {
    size_t limit;   /* bytes that may be held at once */
    size_t held;    /* bytes held now */
    size_t peak;    /* the most ever held */
    size_t refused; /* requests refused */
} budget;

/* Each block starts with its size, so that realloc and free can account for it; the header
 * keeps the payload aligned as malloc() would. */
typedef struct header {
    alignas(max_align_t) size_t size;
} header;

static void *budget_malloc(void *context, size_t size)
{
    budget *b = context;
    if (size > b->limit - b->held) {
        b->refused++;
        return NULL;
    }
    header *h = malloc(sizeof *h + size);
    if (!h)
        return NULL;
    h->size = size;
    b->held += size;
    if (b->held > b->peak)
        b->peak = b->held;
    return h + 1;
}

static void *budget_realloc(void *context, void *ptr, size_t size)
{
    budget *b = context;
    header *h = (header *)ptr - 1;
    if (size > h->size && size - h->size > b->limit - b->held) {
        b->refused++;
        return NULL; /* ptr stays as it was */
    }
    size_t old = h->size;
    header *n = realloc(h, sizeof *n + size);
    if (!n)
        return NULL;
    n->size = size;
    b->held = b->held - old + size;
    if (b->held > b->peak)
        b->peak = b->held;
    return n + 1;
}

static void budget_free(void *context, void *ptr)
{
    budget *b = context;
    header *h = (header *)ptr - 1;
    b->held -= h->size;
    free(h);
}

int main(int argc, char **argv)
{
    budget b = {.limit = argc > 1 ? strtoul(argv[1], NULL, 10) : 64 * 1024};

    /* before libsnplp allocates anything */
    if (snplp_set_allocator(budget_malloc, budget_realloc, budget_free, &b) != SNPLP_OK) {
        fprintf(stderr, "allocator: %s\n", snplp_error_last_message());
        return 1;
    }

    snplp_referential *ref = NULL;
    int rc = snplp_referential_builtin(&ref);
    if (rc == SNPLP_ENOMEM) {
        printf("budget of %zu bytes: the built-in referential does not fit (%s); %zu request(s) "
               "refused, %zu bytes held after the failure\n",
               b.limit, snplp_status_name(rc), b.refused, b.held);
        b.limit = 4 * 1024 * 1024;
        printf("raising the budget to %zu bytes\n", b.limit);
        rc = snplp_referential_builtin(&ref);
    }
    if (rc != SNPLP_OK) {
        fprintf(stderr, "allocator: %s\n", snplp_error_last_message());
        return 1;
    }
    printf("built-in referential: %zu items, %zu blocks and %zu bytes held by libsnplp, %zu "
           "bytes through the allocator (with headers), peak %zu\n",
           snplp_referential_item_count(ref), snplp_memory_blocks(), snplp_memory_used(), b.held,
           b.peak);
    snplp_referential_unref(ref);
    printf("after the last unref: %zu blocks, %zu bytes held\n", snplp_memory_blocks(), b.held);

    /* with nothing held, the default allocator may come back */
    if (snplp_set_allocator(NULL, NULL, NULL, NULL) != SNPLP_OK) {
        fprintf(stderr, "allocator: %s\n", snplp_error_last_message());
        return 1;
    }
    return b.held == 0 ? 0 : 1;
}
