/* Byte buffers, and the canonical form of foreign elements (extensions) kept by the model.
 *
 * A fragment is recorded from SAX2 events. Its canonical text: the root element declares the
 * namespaces it declared itself plus those its names use from outside the fragment, sorted by
 * prefix (the default namespace first); inner elements keep their own declarations, sorted;
 * attributes keep their order, in double quotes; empty elements are written `<a/>`; comments
 * and processing instructions are dropped; text is escaped (&amp; &lt; &gt; &#13;). Recording
 * the canonical text again gives the same text. */
#include <string.h>

#include "util/alloc.h"
#include "exchange/xml/fragment.h"

/* ---- escaping ---- */

/* What each byte needs escaped: 0 nothing, 1 in text and attributes, 2 in attributes only. */
static const unsigned char escaped[256] = {
    ['&'] = 1, ['<'] = 1, ['>'] = 1, ['\r'] = 1, ['"'] = 2, ['\n'] = 2, ['\t'] = 2};

void snplp__xml_escape(snplp_buf *b, const char *s, size_t n, bool attr)
{
    const unsigned char *u = (const unsigned char *)s;
    unsigned char limit = attr ? 2 : 1; /* the bytes escaped: 1 <= escaped[c] <= limit */
    size_t start = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char e = escaped[u[i]];
        if (e == 0 || e > limit)
            continue;
        const char *rep;
        switch (s[i]) {
        case '&':
            rep = "&amp;";
            break;
        case '<':
            rep = "&lt;";
            break;
        case '>':
            rep = "&gt;";
            break;
        case '\r':
            rep = "&#13;";
            break;
        case '"':
            rep = "&quot;";
            break;
        case '\n':
            rep = "&#10;";
            break;
        default: /* '\t' */
            rep = "&#9;";
            break;
        }
        snplp__buf_put(b, s + start, i - start);
        snplp__buf_puts(b, rep);
        start = i + 1;
    }
    snplp__buf_put(b, s + start, n - start);
}

/* ---- fragments ---- */

static const char *str(const xmlChar *s)
{
    return s ? (const char *)s : "";
}

/* Records a declaration. Its strings are borrowed: libxml2's SAX2 gives names and namespace
 * URIs from the parser's dictionary, alive for the whole parse, and a fragment is taken (or
 * reset) within the parse that recorded it. */
static bool push_decl(snplp_ns_decl **v, size_t *n, size_t *cap, const char *prefix,
                      const char *uri, int depth)
{
    if (*n == *cap) {
        size_t nc = *cap ? *cap * 2 : 8;
        snplp_ns_decl *p = snplp__realloc(*v, nc * sizeof *p);
        if (!p)
            return false;
        *v = p;
        *cap = nc;
    }
    (*v)[*n].prefix = prefix;
    (*v)[*n].uri = uri;
    (*v)[*n].depth = depth;
    (*n)++;
    return true;
}

/* Whether prefix is declared inside the fragment (on the open elements). */
static bool bound_inside(const snplp_fragment *f, const char *prefix)
{
    for (size_t i = f->ndecls; i-- > 0;)
        if (strcmp(f->decls[i].prefix, prefix) == 0)
            return true;
    return false;
}

/* Records that the fragment uses prefix, bound to uri outside it. */
static void need(snplp_fragment *f, const char *prefix, const char *uri)
{
    if (strcmp(prefix, "xml") == 0 || bound_inside(f, prefix))
        return;
    for (size_t i = 0; i < f->nroot; i++)
        if (strcmp(f->root_decls[i].prefix, prefix) == 0)
            return;
    if (!push_decl(&f->root_decls, &f->nroot, &f->caproot, prefix, uri, 1))
        f->failed = true;
}

static void put_decl(snplp_buf *b, const char *prefix, const char *uri)
{
    snplp__buf_puts(b, prefix[0] ? " xmlns:" : " xmlns");
    snplp__buf_puts(b, prefix);
    snplp__buf_puts(b, "=\"");
    snplp__xml_escape(b, uri, strlen(uri), true);
    snplp__buf_puts(b, "\"");
}

static void put_qname(snplp_buf *b, const xmlChar *prefix, const xmlChar *localname)
{
    if (prefix) {
        snplp__buf_puts(b, str(prefix));
        snplp__buf_puts(b, ":");
    }
    snplp__buf_puts(b, str(localname));
}

/* Closes a pending start tag before content. */
static void close_open(snplp_fragment *f)
{
    if (f->open) {
        snplp__buf_puts(&f->body, ">");
        f->open = false;
    }
    f->root_open = false;
}

/* Writes the declarations v[0..n) sorted by prefix (the default namespace, "", first). */
static void put_decls_sorted(snplp_buf *b, const snplp_ns_decl *v, size_t n)
{
    const char *last = NULL;
    for (size_t k = 0; k < n; k++) {
        /* the smallest prefix above the last one written (prefixes are distinct) */
        const snplp_ns_decl *best = NULL;
        for (size_t i = 0; i < n; i++)
            if ((!last || strcmp(v[i].prefix, last) > 0) &&
                (!best || strcmp(v[i].prefix, best->prefix) < 0))
                best = &v[i];
        if (!best)
            break;
        put_decl(b, best->prefix, best->uri);
        last = best->prefix;
    }
}

void snplp__fragment_start(snplp_fragment *f, const xmlChar *localname, const xmlChar *prefix,
                           const xmlChar *uri, int nb_namespaces, const xmlChar **namespaces,
                           int nb_attributes, const xmlChar **attributes)
{
    bool root = f->depth == 0;
    if (!root)
        close_open(f);
    f->depth++;
    /* this element's own declarations, in scope for itself */
    size_t first = f->ndecls;
    for (int i = 0; i < nb_namespaces; i++)
        if (!push_decl(&f->decls, &f->ndecls, &f->capdecls, str(namespaces[2 * i]),
                       str(namespaces[2 * i + 1]), f->depth))
            f->failed = true;
    if (f->failed)
        return;
    if (uri)
        need(f, str(prefix), str(uri));
    for (int i = 0; i < nb_attributes; i++)
        if (attributes[5 * i + 1] && attributes[5 * i + 2])
            need(f, str(attributes[5 * i + 1]), str(attributes[5 * i + 2]));

    snplp_buf *b = root ? &f->root_attrs : &f->body;
    if (root) {
        put_qname(&f->root_name, prefix, localname);
        /* the root's own declarations join the needed ones, written at the end */
        for (size_t i = first; i < f->ndecls; i++) {
            bool dup = false;
            for (size_t j = 0; j < f->nroot; j++)
                dup |= strcmp(f->root_decls[j].prefix, f->decls[i].prefix) == 0;
            if (!dup && !push_decl(&f->root_decls, &f->nroot, &f->caproot, f->decls[i].prefix,
                                   f->decls[i].uri, 1))
                f->failed = true;
        }
        f->root_open = true;
    } else {
        snplp__buf_puts(b, "<");
        put_qname(b, prefix, localname);
        if (f->ndecls > first) /* (no arithmetic on a NULL array) */
            put_decls_sorted(b, f->decls + first, f->ndecls - first);
        /* an element of no namespace says so, whatever the default namespace around it */
        bool undeclares = false;
        for (size_t i = first; i < f->ndecls; i++)
            undeclares |= f->decls[i].prefix[0] == '\0';
        if (!uri && !prefix && !undeclares)
            snplp__buf_puts(b, " xmlns=\"\"");
        f->open = true;
    }
    for (int i = 0; i < nb_attributes; i++) {
        const xmlChar **a = attributes + 5 * i;
        snplp__buf_puts(b, " ");
        put_qname(b, a[1], a[0]);
        snplp__buf_puts(b, "=\"");
        snplp__xml_escape(b, (const char *)a[3], (size_t)(a[4] - a[3]), true);
        snplp__buf_puts(b, "\"");
    }
}

void snplp__fragment_text(snplp_fragment *f, const char *s, size_t n)
{
    if (f->depth == 0 || n == 0)
        return;
    close_open(f);
    snplp__xml_escape(&f->body, s, n, false);
}

bool snplp__fragment_end(snplp_fragment *f, const xmlChar *localname, const xmlChar *prefix)
{
    /* the declarations of the element that ends go out of scope */
    while (f->ndecls > 0 && f->decls[f->ndecls - 1].depth == f->depth)
        f->ndecls--;
    f->depth--;
    if (f->depth == 0)
        return true;
    if (f->open) {
        snplp__buf_puts(&f->body, "/>");
        f->open = false;
    } else {
        snplp__buf_puts(&f->body, "</");
        put_qname(&f->body, prefix, localname);
        snplp__buf_puts(&f->body, ">");
    }
    return false;
}

void snplp__fragment_reset(snplp_fragment *f)
{
    snplp__buf_free(&f->root_name);
    snplp__buf_free(&f->root_attrs);
    snplp__buf_free(&f->body);
    snplp__buf_free(&f->out);
    snplp__free(f->decls);
    snplp__free(f->root_decls);
    memset(f, 0, sizeof *f);
}

/* Empties f for the next fragment, its buffers and arrays kept (a failed one is dropped). */
static void clear(snplp_fragment *f)
{
    snplp_buf *bufs[] = {&f->root_name, &f->root_attrs, &f->body, &f->out};
    for (size_t i = 0; i < sizeof bufs / sizeof *bufs; i++) {
        if (bufs[i]->failed)
            snplp__buf_free(bufs[i]);
        bufs[i]->n = 0;
    }
    f->ndecls = f->nroot = 0;
    f->depth = 0;
    f->open = f->root_open = f->failed = false;
}

char *snplp__fragment_take(snplp_fragment *f)
{
    /* the start tag's declarations are put together in out; the text is then made in one
     * allocation from the pieces (the body, most of it, copied once) */
    snplp_buf *decls = &f->out;
    decls->n = 0;
    put_decls_sorted(decls, f->root_decls, f->nroot);
    bool failed =
        f->failed || f->root_name.failed || f->root_attrs.failed || f->body.failed || decls->failed;
    bool empty = f->root_open && f->body.n == 0;
    const struct {
        const char *p;
        size_t n;
    } parts[] = {{"<", 1},
                 {f->root_name.p, f->root_name.n},
                 {decls->p, decls->n},
                 {f->root_attrs.p, f->root_attrs.n},
                 {empty ? "/>" : ">", empty ? 2 : 1},
                 {f->body.p, empty ? 0 : f->body.n},
                 {"</", empty ? 0 : 2},
                 {f->root_name.p, empty ? 0 : f->root_name.n},
                 {">", empty ? 0 : 1}};
    size_t total = 0;
    for (size_t i = 0; i < sizeof parts / sizeof *parts; i++)
        total += parts[i].n;
    char *xml = failed ? NULL : snplp__malloc(total + 1);
    if (xml) {
        char *at = xml;
        for (size_t i = 0; i < sizeof parts / sizeof *parts; i++)
            if (parts[i].n) { /* (no copy from a NULL buffer) */
                memcpy(at, parts[i].p, parts[i].n);
                at += parts[i].n;
            }
        *at = '\0';
    }
    clear(f);
    return xml;
}

/* ---- attribute values ---- */

bool snplp__attrs_decode(int nb, const xmlChar **attrs, const xmlChar ***decoded, void **mem)
{
    *mem = NULL;
    *decoded = attrs;
    size_t bytes = 0;
    for (int i = 0; i < nb; i++) {
        size_t n = (size_t)(attrs[5 * i + 4] - attrs[5 * i + 3]);
        if (memchr(attrs[5 * i + 3], '&', n))
            bytes += n + 1;
    }
    if (bytes == 0)
        return true;
    size_t ptrs = (size_t)nb * 5 * sizeof *attrs;
    char *block = snplp__malloc(ptrs + bytes);
    if (!block)
        return false;
    const xmlChar **out = (const xmlChar **)(void *)block;
    memcpy(out, attrs, ptrs);
    char *p = block + ptrs;
    for (int i = 0; i < nb; i++) {
        const char *v = (const char *)attrs[5 * i + 3];
        size_t n = (size_t)(attrs[5 * i + 4] - attrs[5 * i + 3]);
        if (!memchr(v, '&', n))
            continue;
        char *start = p;
        for (size_t k = 0; k < n;) {
            if (n - k >= 5 && memcmp(v + k, "&#38;", 5) == 0) {
                *p++ = '&';
                k += 5;
            } else
                *p++ = v[k++];
        }
        out[5 * i + 3] = (const xmlChar *)start;
        out[5 * i + 4] = (const xmlChar *)p;
        *p++ = '\0';
    }
    *mem = block;
    *decoded = out;
    return true;
}
