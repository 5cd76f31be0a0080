/* Tests of extension.h: elements and attributes of other namespaces on items. They are read
 * from XML (tests/fixtures/xml/valid-extensions.xml), kept in a canonical form, shown by the
 * API, written back by the export, compared by snplp_referential_equal(); the API refuses what
 * the format could not carry. The canonical texts are parsed here with libxml2 to check that
 * each is a self-contained fragment with every element and attribute in its namespace. */
#include "test_files.h"

#include <stdio.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#ifndef SNPLP_FIXTURES_DIR
#define SNPLP_FIXTURES_DIR "tests/fixtures/xml"
#endif

#define XML_NS "http://www.w3.org/XML/1998/namespace"

/* ---- helpers ---- */

static void print_findings(const snplp_diagnostics *d)
{
    for (size_t i = 0; i < snplp_diagnostics_count(d); i++) {
        const snplp_diagnostic *g = snplp_diagnostics_at(d, i);
        print_error("  %d %zu:%zu %s\n", (int)snplp_diagnostic_code(g), snplp_diagnostic_line(g),
                    snplp_diagnostic_column(g), snplp_diagnostic_message(g));
    }
}

/* Imports a document that must be good, in the default mode and in the strict mode (the
 * same model, no finding). */
static snplp_referential *import_ok(const char *xml, size_t len)
{
    snplp_referential *refs[2] = {NULL, NULL};
    for (int strict = 0; strict < 2; strict++) {
        snplp_import_options *o = NULL;
        assert_ok(snplp_import_options_new(&o));
        assert_ok(snplp_import_options_set_strict(o, strict));
        snplp_diagnostics *d = new_diags();
        int rc = snplp_referential_import_memory(&refs[strict], d, xml, len, "extension", o);
        if (rc != SNPLP_OK || snplp_diagnostics_count(d)) {
            print_error("%s import: %s\n", strict ? "strict" : "default", snplp_status_name(rc));
            print_findings(d);
        }
        assert_int_equal(rc, SNPLP_OK);
        assert_int_equal(snplp_diagnostics_count(d), 0);
        snplp_diagnostics_free(d);
        snplp_import_options_free(o);
    }
    assert_true(snplp_referential_equal(refs[0], refs[1]));
    snplp_referential_unref(refs[1]);
    return refs[0];
}

static snplp_referential *import_str(const char *xml)
{
    return import_ok(xml, strlen(xml));
}

static snplp_referential *import_fixture(const char *name)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", SNPLP_FIXTURES_DIR, name);
    size_t len = 0;
    char *xml = must_slurp(path, &len);
    snplp_referential *ref = import_ok(xml, len);
    free(xml);
    return ref;
}

static char *export_text(const snplp_referential *ref, size_t *len)
{
    char *out = NULL;
    assert_ok(snplp_referential_export_memory(&out, len, ref));
    assert_non_null(out);
    return out;
}

/* Exports ref, imports the result: an equal model, and the same bytes when exported again. */
static void assert_round_trip(const snplp_referential *ref)
{
    size_t n1 = 0, n2 = 0;
    char *x1 = export_text(ref, &n1);
    snplp_referential *again = import_ok(x1, n1);
    if (!snplp_referential_equal(ref, again))
        print_error("import(export(x)) differs from x; export:\n%s\n", x1);
    assert_true(snplp_referential_equal(ref, again));
    char *x2 = export_text(again, &n2);
    assert_int_equal(n1, n2);
    assert_memory_equal(x1, x2, n1);
    snplp_free(x1);
    snplp_free(x2);
    snplp_referential_unref(again);
}

static bool blank(const char *s)
{
    for (; *s; s++)
        if (!strchr(" \t\r\n", *s))
            return false;
    return true;
}

static void describe(text_buf *t, const xmlNode *node)
{
    for (; node; node = node->next) {
        if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
            const char *s = (const char *)node->content;
            if (!blank(s)) {
                puts_(t, " \"");
                puts_(t, s);
                puts_(t, "\"");
            }
            continue;
        }
        if (node->type != XML_ELEMENT_NODE)
            continue;
        puts_(t, t->n ? " {" : "{");
        puts_(t, node->ns ? (const char *)node->ns->href : "");
        puts_(t, "}");
        puts_(t, (const char *)node->name);
        /* attributes, sorted (the canonical form may order them) */
        char *attrs[32];
        size_t na = 0;
        for (const xmlAttr *a = node->properties; a && na < 32; a = a->next) {
            xmlChar *v = xmlNodeGetContent((const xmlNode *)a);
            text_buf at = {0};
            puts_(&at, " @{");
            puts_(&at, a->ns ? (const char *)a->ns->href : "");
            puts_(&at, "}");
            puts_(&at, (const char *)a->name);
            puts_(&at, "=");
            puts_(&at, v ? (const char *)v : "");
            xmlFree(v);
            attrs[na++] = at.s;
        }
        if (na)
            qsort(attrs, na, sizeof *attrs, compare_strings);
        for (size_t i = 0; i < na; i++) {
            puts_(t, attrs[i]);
            free(attrs[i]);
        }
        describe(t, node->children);
        puts_(t, " /");
    }
}

/* The fragment as libxml2 reads it on its own: each element "{namespace}name", its attributes
 * "@{namespace}name=value" (sorted), its non-blank texts in quotes, " /" at its end. Fails the
 * test if the fragment is not well-formed or not namespace-well-formed. */
static char *names_of(const char *xml)
{
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    assert_non_null(ctxt);
    xmlDocPtr doc = xmlCtxtReadMemory(ctxt, xml, (int)strlen(xml), NULL, "UTF-8",
                                      XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!doc || !ctxt->wellFormed || !ctxt->nsWellFormed)
        print_error("not a self-contained fragment: %s\n", xml);
    assert_non_null(doc);
    assert_true(ctxt->wellFormed);
    assert_true(ctxt->nsWellFormed);
    text_buf t = {0};
    puts_(&t, "");
    describe(&t, xmlDocGetRootElement(doc));
    xmlFreeDoc(doc);
    xmlFreeParserCtxt(ctxt);
    return t.s;
}

static void assert_names(const char *xml, const char *want)
{
    char *got = names_of(xml);
    if (strcmp(got, want) != 0)
        print_error("fragment %s\n  reads as %s\n  expected %s\n", xml, got, want);
    assert_string_equal(got, want);
    free(got);
}

/* Whether a start tag or attribute of the fragment is delimited by single quotes. */
static bool single_quoted(const char *xml)
{
    return strstr(xml, "='") != NULL;
}

/* ---- what is read ---- */

static void foreign_attribute_is(const snplp_referential *ref, const char *id, size_t index,
                                 const char *ns, const char *prefix, const char *name,
                                 const char *value)
{
    const char *n = NULL, *p = NULL, *l = NULL, *v = NULL;
    assert_ok(snplp_referential_foreign_attribute_at(ref, id, index, &n, &p, &l, &v));
    assert_text(n, ns);
    assert_text(p, prefix);
    assert_text(l, name);
    assert_text(v, value);
}

static void fixture_extensions_are_kept(void **state)
{
    (void)state;
    snplp_referential *ref = import_fixture("valid-extensions.xml");

    /* foreign attributes, in document order */
    assert_int_equal(snplp_referential_foreign_attribute_count(ref, "strategy"), 1);
    foreign_attribute_is(ref, "strategy", 0, "urn:example:ext", "ext", "source", "gazette");
    assert_int_equal(snplp_referential_foreign_attribute_count(ref, "commitment-a"), 3);
    foreign_attribute_is(ref, "commitment-a", 0, "urn:example:ext", "ext", "priority", "1");
    foreign_attribute_is(ref, "commitment-a", 1, "urn:example:geo", "geo", "region",
                         "Île-de-France");
    foreign_attribute_is(ref, "commitment-a", 2, XML_NS, "xml", "lang", "fr");
    assert_int_equal(snplp_referential_foreign_attribute_count(ref, "training-plan"), 1);
    foreign_attribute_is(ref, "training-plan", 0, "urn:example:ext", "ext", "origin", "dgcs");
    assert_int_equal(snplp_referential_foreign_attribute_count(ref, "competence-a"), 1);
    foreign_attribute_is(ref, "competence-a", 0, "urn:example:ext", "ext", "weight", "2");
    assert_int_equal(snplp_referential_foreign_attribute_count(ref, "theme-t"), 0);
    assert_int_equal(snplp_referential_foreign_attribute_count(ref, "module-a"), 0);

    /* extension elements, each declaring the namespaces it needs, and only those */
    assert_int_equal(snplp_referential_extension_count(ref, "strategy"), 1);
    assert_text(snplp_referential_extension_at(ref, "strategy", 0),
                "<ext:note xmlns:ext=\"urn:example:ext\">A</ext:note>");
    assert_int_equal(snplp_referential_extension_count(ref, "training-plan"), 1);
    assert_text(snplp_referential_extension_at(ref, "training-plan", 0),
                "<ext:note xmlns:ext=\"urn:example:ext\">B</ext:note>");
    assert_int_equal(snplp_referential_extension_count(ref, "content-b"), 1);
    assert_text(snplp_referential_extension_at(ref, "content-b", 0),
                "<ext:c xmlns:ext=\"urn:example:ext\"/>");
    assert_int_equal(snplp_referential_extension_count(ref, "content-a"), 1);
    assert_text(snplp_referential_extension_at(ref, "content-a", 0),
                "<ext:d xmlns:ext=\"urn:example:ext\">deep <ext:e>mixed</ext:e> content</ext:d>");
    assert_int_equal(snplp_referential_extension_count(ref, "competence-a"), 0);
    assert_int_equal(snplp_referential_extension_count(ref, "module-a"), 0);

    assert_int_equal(snplp_referential_extension_count(ref, "commitment-a"), 2);
    const char *tracking = snplp_referential_extension_at(ref, "commitment-a", 0);
    assert_non_null(tracking);
    /* the root declares ext and geo (used deeper), sorted by prefix, and not the snplp
     * namespace, which the fragment does not use */
    static const char start[] = "<ext:tracking xmlns:ext=\"urn:example:ext\" "
                                "xmlns:geo=\"urn:example:geo\"";
    if (strncmp(tracking, start, sizeof start - 1) != 0)
        print_error("tracking: %s\n", tracking);
    assert_int_equal(strncmp(tracking, start, sizeof start - 1), 0);
    assert_null(strstr(tracking, "urn:snplp:1.0"));
    assert_non_null(strstr(tracking, "<ext:empty/>"));
    assert_non_null(strstr(tracking, "code=\"say &quot;hi&quot; &amp; &lt;bye"));
    assert_non_null(strstr(tracking, "ext:status=\"open\""));
    assert_non_null(strstr(tracking, "<ext:owner>DGCS &amp; CNFPT &lt;direction"));
    assert_non_null(strstr(tracking, "<meta xmlns=\"urn:example:meta\"><key>v</key><geo:zone/>"
                                     "</meta>"));
    assert_false(single_quoted(tracking));
    size_t tl = strlen(tracking);
    assert_true(tl > 15);
    assert_string_equal(tracking + tl - 15, "</ext:tracking>");
    assert_names(tracking, "{urn:example:ext}tracking @{urn:example:ext}status=open @{}code=say "
                           "\"hi\" & <bye>"
                           " {urn:example:ext}owner \"DGCS & CNFPT <direction> « ok »\" /"
                           " {urn:example:ext}empty /"
                           " {urn:example:meta}meta {urn:example:meta}key \"v\" /"
                           " {urn:example:geo}zone / / /");
    const char *point = snplp_referential_extension_at(ref, "commitment-a", 1);
    assert_text(point, "<geo:point xmlns:geo=\"urn:example:geo\" lat=\"48.85\" lon=\"2.35\"/>");
    assert_null(snplp_referential_extension_at(ref, "commitment-a", 2));

    /* every stored fragment is a fixed point of the canonical form */
    static const char *const ids[] = {"strategy", "training-plan", "commitment-a", "content-a",
                                      "content-b"};
    snplp_referential *other = test_new_referential();
    assert_ok(snplp_referential_add_commitment(NULL, other, "commitment-z", "Z"));
    for (size_t i = 0; i < COUNT_OF(ids); i++) {
        for (size_t k = 0; k < snplp_referential_extension_count(ref, ids[i]); k++) {
            const char *x = snplp_referential_extension_at(ref, ids[i], k);
            size_t n = snplp_referential_extension_count(other, "commitment-z");
            assert_ok(snplp_referential_add_extension(other, "commitment-z", x));
            assert_text(snplp_referential_extension_at(other, "commitment-z", n), x);
        }
    }
    snplp_referential_unref(other);

    /* written back: the same model, the same bytes */
    assert_round_trip(ref);
    size_t len = 0;
    char *xml = export_text(ref, &len);
    assert_non_null(strstr(xml, "ext:priority=\"1\""));
    assert_non_null(strstr(xml, "xml:lang=\"fr\""));
    assert_non_null(strstr(xml, "<ext:tracking"));
    snplp_referential *again = import_ok(xml, len);
    assert_text(snplp_referential_extension_at(again, "commitment-a", 0), tracking);
    assert_text(snplp_referential_extension_at(again, "commitment-a", 1), point);
    snplp_free(xml);
    snplp_referential_unref(again);
    snplp_referential_unref(ref);
}

/* The namespaces a fragment needs come from wherever they are declared around it. */
static void extension_namespaces_come_from_their_scope(void **state)
{
    (void)state;
    /* an unprefixed element inside a foreign one is in the snplp default namespace */
    snplp_referential *ref = import_str(
        "<referential xmlns=\"urn:snplp:1.0\" xmlns:x=\"urn:example:x\"><commitment id=\"c\">"
        "<title>T</title><x:a><b/></x:a></commitment></referential>");
    const char *x = snplp_referential_extension_at(ref, "c", 0);
    assert_non_null(x);
    assert_names(x, "{urn:example:x}a {urn:snplp:1.0}b / /");
    assert_round_trip(ref);
    snplp_referential_unref(ref);

    /* a default namespace declared on the root, used by an unprefixed extension */
    ref = import_str("<s:referential xmlns:s=\"urn:snplp:1.0\" xmlns=\"urn:example:d\">"
                     "<s:commitment id=\"c\"><s:title>T</s:title><a><b/></a></s:commitment>"
                     "</s:referential>");
    assert_text(snplp_referential_extension_at(ref, "c", 0), "<a xmlns=\"urn:example:d\"><b/></a>");
    assert_round_trip(ref);
    snplp_referential_unref(ref);

    /* a prefix declared on the item element; a prefix declared again inside the fragment */
    ref = import_str("<referential xmlns=\"urn:snplp:1.0\"><commitment id=\"c\" "
                     "xmlns:z=\"urn:example:z\"><title>T</title><z:a/>"
                     "<z:b><z:c xmlns:z=\"urn:example:other\"/><z:d/></z:b></commitment>"
                     "</referential>");
    assert_text(snplp_referential_extension_at(ref, "c", 0), "<z:a xmlns:z=\"urn:example:z\"/>");
    assert_names(snplp_referential_extension_at(ref, "c", 1),
                 "{urn:example:z}b {urn:example:other}c / {urn:example:z}d / /");
    assert_round_trip(ref);
    snplp_referential_unref(ref);

    /* two attributes of the same name in two namespaces, one with an unprefixed child */
    ref = import_str("<referential xmlns=\"urn:snplp:1.0\" xmlns:a=\"urn:example:a\" "
                     "xmlns:b=\"urn:example:b\"><commitment id=\"c\" a:n=\"1\" b:n=\"2\">"
                     "<title>T</title></commitment></referential>");
    assert_int_equal(snplp_referential_foreign_attribute_count(ref, "c"), 2);
    foreign_attribute_is(ref, "c", 0, "urn:example:a", "a", "n", "1");
    foreign_attribute_is(ref, "c", 1, "urn:example:b", "b", "n", "2");
    assert_round_trip(ref);
    snplp_referential_unref(ref);
}

/* Escaped characters in foreign attribute values are read as the characters they stand for,
 * and stay so through any number of round trips (tests/fixtures/xml/fuzz-crash-1.xml). */
static void escaped_attribute_values_are_read_once(void **state)
{
    (void)state;
    snplp_referential *ref = import_fixture("fuzz-crash-1.xml");
    foreign_attribute_is(ref, "commitment-a", 0, "urn:example:x", "x", "note", "R&D & co");
    snplp_referential *again = import_str("<referential xmlns=\"urn:snplp:1.0\" "
                                          "xmlns:x=\"urn:example:x\"><commitment id=\"c\" "
                                          "x:v=\"&lt;&gt;&amp;&quot;&apos;&#233;&#x9;&#10;&#13;\">"
                                          "<title>T</title></commitment></referential>");
    foreign_attribute_is(again, "c", 0, "urn:example:x", "x", "v", "<>&\"'é\t\n\r");
    for (int i = 0; i < 3; i++) {
        assert_round_trip(ref);
        assert_round_trip(again);
    }
    snplp_referential_unref(again);
    snplp_referential_unref(ref);
}

/* ---- adding extension elements ---- */

static void add_extension_stores_the_canonical_form(void **state)
{
    (void)state;
    static const struct {
        const char *in, *out;
    } cases[] = {
        {"<x:a xmlns:x='urn:x'></x:a>", "<x:a xmlns:x=\"urn:x\"/>"},
        {"<y:b xmlns:y=\"urn:y\" xmlns:x=\"urn:x\"><x:c/></y:b>",
         "<y:b xmlns:x=\"urn:x\" xmlns:y=\"urn:y\"><x:c/></y:b>"},
        {"<a xmlns=\"urn:a\"><b></b></a>", "<a xmlns=\"urn:a\"><b/></a>"},
        {"<x:a xmlns:x=\"urn:x\">a &amp; b &lt; c</x:a>",
         "<x:a xmlns:x=\"urn:x\">a &amp; b &lt; c</x:a>"},
        {"<x:a xmlns:x=\"urn:x\" t='say \"hi\"'/>",
         "<x:a xmlns:x=\"urn:x\" t=\"say &quot;hi&quot;\"/>"},
        {"<x:a xmlns:x=\"urn:x\">é \U0001F600</x:a>", "<x:a xmlns:x=\"urn:x\">é \U0001F600</x:a>"},
    };
    snplp_referential *ref = test_new_referential();
    assert_ok(snplp_referential_add_commitment(NULL, ref, "commitment-a", "A"));
    for (size_t i = 0; i < COUNT_OF(cases); i++) {
        assert_ok(snplp_referential_add_extension(ref, "commitment-a", cases[i].in));
        assert_int_equal(snplp_referential_extension_count(ref, "commitment-a"), i + 1);
        assert_text(snplp_referential_extension_at(ref, "commitment-a", i), cases[i].out);
    }
    /* forms the canonical text may choose: checked by what they mean */
    static const struct {
        const char *in, *names;
    } meant[] = {
        {"<y:b xmlns:y=\"urn:y\"><x:c xmlns:x=\"urn:x\"/></y:b>", "{urn:y}b {urn:x}c / /"},
        {"<x:a xmlns:x=\"urn:x\"><![CDATA[<&>]]></x:a>", "{urn:x}a \"<&>\" /"},
        {"<x:a xmlns:x=\"urn:x\" x:k=\"v\" k=\"w\"/>", "{urn:x}a @{urn:x}k=v @{}k=w /"},
        {"<x:a xmlns:x=\"urn:x\"><b xmlns=\"urn:b\"><c/></b><d/></x:a>",
         "{urn:x}a {urn:b}b {urn:b}c / / {}d / /"},
    };
    for (size_t i = 0; i < COUNT_OF(meant); i++) {
        size_t n = snplp_referential_extension_count(ref, "commitment-a");
        assert_ok(snplp_referential_add_extension(ref, "commitment-a", meant[i].in));
        const char *x = snplp_referential_extension_at(ref, "commitment-a", n);
        assert_non_null(x);
        assert_false(single_quoted(x));
        assert_names(x, meant[i].names);
        /* canonical: adding it again stores the same text */
        assert_ok(snplp_referential_add_extension(ref, "commitment-a", x));
        assert_text(snplp_referential_extension_at(ref, "commitment-a", n + 1), x);
    }
    /* on the singletons too */
    assert_ok(snplp_referential_add_extension(ref, "strategy", "<x:s xmlns:x=\"urn:x\"/>"));
    assert_ok(snplp_referential_add_extension(ref, "training-plan", "<x:t xmlns:x=\"urn:x\"/>"));
    assert_int_equal(snplp_referential_extension_count(ref, "strategy"), 1);
    assert_int_equal(snplp_referential_extension_count(ref, "training-plan"), 1);
    assert_round_trip(ref);
    snplp_referential_unref(ref);
}

static void add_extension_refuses_what_is_not_one_foreign_element(void **state)
{
    (void)state;
    snplp_referential *ref = test_new_referential();
    assert_ok(snplp_referential_add_commitment(NULL, ref, "commitment-a", "A"));
    static const char good[] = "<x:a xmlns:x=\"urn:x\"/>";
    assert_fails(snplp_referential_add_extension(NULL, "commitment-a", good), SNPLP_EINVAL);
    assert_fails(snplp_referential_add_extension(ref, NULL, good), SNPLP_EINVAL);
    assert_fails(snplp_referential_add_extension(ref, "commitment-a", NULL), SNPLP_EINVAL);
    static const char *const bad[] = {
        "",
        "text",
        "<x:a xmlns:x=\"urn:x\">",                          /* not closed */
        "<x:a xmlns:x=\"urn:x\"></x:b>",                    /* mismatched */
        "<x:a xmlns:x=\"urn:x\"/><x:b xmlns:x=\"urn:x\"/>", /* two elements */
        "text<x:a xmlns:x=\"urn:x\"/>",                     /* text around */
        "<x:a xmlns:x=\"urn:x\"/>text",                     /* text around */
        "<a/>",                                             /* no namespace */
        "<a xmlns=\"\"/>",                                  /* no namespace */
        "<a xmlns=\"urn:snplp:1.0\"/>",                     /* the snplp namespace */
        "<s:title xmlns:s=\"urn:snplp:1.0\">T</s:title>",   /* the snplp namespace */
        "<x:a/>",                                           /* undeclared prefix */
        "<x:a xmlns:x=\"urn:x\">&foo;</x:a>",               /* undefined entity */
        "<x:a xmlns:x=\"urn:x\">\xff</x:a>",                /* not UTF-8 */
        "<x:a xmlns:x=\"urn:x\" k=\"1\" k=\"2\"/>",         /* the same attribute twice */
        "<!DOCTYPE x:a [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x:a xmlns:x=\"urn:x\">&e;"
        "</x:a>", /* a document type declaration */
        "<!DOCTYPE x:a [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
        "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d "
        "\"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">"
        "]><x:a xmlns:x=\"urn:x\">&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;</x:a>", /* entities to expand */
    };
    for (size_t i = 0; i < COUNT_OF(bad); i++) {
        snplp_error_clear();
        int rc = snplp_referential_add_extension(ref, "commitment-a", bad[i]);
        if (rc != SNPLP_EINVAL)
            print_error("case %zu (%s): %s\n", i, bad[i], snplp_status_name(rc));
        assert_int_equal(rc, SNPLP_EINVAL);
        assert_int_equal(snplp_error_last_code(), SNPLP_EINVAL);
        assert_int_equal(snplp_referential_extension_count(ref, "commitment-a"), 0);
    }
    assert_fails(snplp_referential_add_extension(ref, "no-such-item", good), SNPLP_ENOTFOUND);
    assert_int_equal(snplp_referential_extension_count(ref, "no-such-item"), 0);
    assert_int_equal(snplp_referential_extension_count(NULL, "commitment-a"), 0);
    assert_int_equal(snplp_referential_extension_count(ref, NULL), 0);
    assert_null(snplp_referential_extension_at(ref, "commitment-a", 0));
    assert_null(snplp_referential_extension_at(ref, "no-such-item", 0));
    assert_null(snplp_referential_extension_at(NULL, "commitment-a", 0));
    assert_ok(snplp_referential_add_extension(ref, "commitment-a", good));
    assert_non_null(snplp_referential_extension_at(ref, "commitment-a", 0));
    assert_null(snplp_referential_extension_at(ref, "commitment-a", 1));
    snplp_referential_unref(ref);
}

/* ---- foreign attributes ---- */

static void foreign_attributes_are_set_and_replaced(void **state)
{
    (void)state;
    snplp_referential *ref = test_new_referential();
    assert_ok(snplp_referential_add_commitment(NULL, ref, "commitment-a", "A"));
    const char *id = "commitment-a";
    assert_int_equal(snplp_referential_foreign_attribute_count(ref, id), 0);
    assert_ok(snplp_referential_set_foreign_attribute(ref, id, "urn:x", "x", "n", "v"));
    assert_int_equal(snplp_referential_foreign_attribute_count(ref, id), 1);
    foreign_attribute_is(ref, id, 0, "urn:x", "x", "n", "v");
    /* every out-parameter may be NULL */
    assert_ok(snplp_referential_foreign_attribute_at(ref, id, 0, NULL, NULL, NULL, NULL));
    /* the same attribute again: replaced, in place */
    assert_ok(snplp_referential_set_foreign_attribute(ref, id, "urn:y", "y", "n", "2"));
    assert_ok(snplp_referential_set_foreign_attribute(ref, id, "urn:x", "x", "n", "w"));
    assert_int_equal(snplp_referential_foreign_attribute_count(ref, id), 2);
    foreign_attribute_is(ref, id, 0, "urn:x", "x", "n", "w");
    foreign_attribute_is(ref, id, 1, "urn:y", "y", "n", "2");
    /* xml:lang; an empty value; a value with every kind of white space and markup */
    assert_ok(snplp_referential_set_foreign_attribute(ref, id, XML_NS, "xml", "lang", "fr"));
    assert_ok(snplp_referential_set_foreign_attribute(ref, id, "urn:z", "z", "empty", ""));
    static const char tricky[] = " a\nb\tc\r\nd  & < > \" ' ]]> ";
    assert_ok(snplp_referential_set_foreign_attribute(ref, id, "urn:z", "z", "tricky", tricky));
    assert_int_equal(snplp_referential_foreign_attribute_count(ref, id), 5);
    foreign_attribute_is(ref, id, 2, XML_NS, "xml", "lang", "fr");
    foreign_attribute_is(ref, id, 3, "urn:z", "z", "empty", "");
    foreign_attribute_is(ref, id, 4, "urn:z", "z", "tricky", tricky);
    /* on the singletons */
    assert_ok(snplp_referential_set_foreign_attribute(ref, "strategy", "urn:x", "x", "s", "1"));
    assert_ok(
        snplp_referential_set_foreign_attribute(ref, "training-plan", "urn:x", "x", "t", "2"));
    assert_int_equal(snplp_referential_foreign_attribute_count(ref, "strategy"), 1);

    /* written back verbatim */
    assert_round_trip(ref);
    size_t len = 0;
    char *xml = export_text(ref, &len);
    assert_non_null(strstr(xml, "x:n=\"w\""));
    assert_non_null(strstr(xml, "xml:lang=\"fr\""));
    snplp_referential *again = import_ok(xml, len);
    foreign_attribute_is(again, id, 4, "urn:z", "z", "tricky", tricky);
    foreign_attribute_is(again, id, 3, "urn:z", "z", "empty", "");
    snplp_free(xml);
    snplp_referential_unref(again);
    snplp_referential_unref(ref);
}

static void foreign_attributes_refuse_what_xml_cannot_carry(void **state)
{
    (void)state;
    snplp_referential *ref = test_new_referential();
    assert_ok(snplp_referential_add_commitment(NULL, ref, "commitment-a", "A"));
    const char *id = "commitment-a";
    assert_fails(snplp_referential_set_foreign_attribute(NULL, id, "urn:x", "x", "n", "v"),
                 SNPLP_EINVAL);
    assert_fails(snplp_referential_set_foreign_attribute(ref, NULL, "urn:x", "x", "n", "v"),
                 SNPLP_EINVAL);
    assert_fails(snplp_referential_set_foreign_attribute(ref, id, NULL, "x", "n", "v"),
                 SNPLP_EINVAL);
    assert_fails(snplp_referential_set_foreign_attribute(ref, id, "urn:x", NULL, "n", "v"),
                 SNPLP_EINVAL);
    assert_fails(snplp_referential_set_foreign_attribute(ref, id, "urn:x", "x", NULL, "v"),
                 SNPLP_EINVAL);
    assert_fails(snplp_referential_set_foreign_attribute(ref, id, "urn:x", "x", "n", NULL),
                 SNPLP_EINVAL);
    static const struct {
        const char *ns, *prefix, *name;
    } bad[] = {
        {"", "x", "n"},        {"urn:snplp:1.0", "s", "n"}, {"urn:x", "xmlns", "n"},
        {"urn:x", "xml", "n"}, {"urn:x", "", "n"},          {"urn:x", "1x", "n"},
        {"urn:x", "a:b", "n"}, {"urn:x", "a b", "n"},       {"urn:x", "x", ""},
        {"urn:x", "x", "a b"}, {"urn:x", "x", "a:b"},       {"urn:x", "x", "1n"},
    };
    for (size_t i = 0; i < COUNT_OF(bad); i++) {
        snplp_error_clear();
        int rc = snplp_referential_set_foreign_attribute(ref, id, bad[i].ns, bad[i].prefix,
                                                         bad[i].name, "v");
        if (rc != SNPLP_EINVAL)
            print_error("case %zu {%s}%s:%s -> %s\n", i, bad[i].ns, bad[i].prefix, bad[i].name,
                        snplp_status_name(rc));
        assert_int_equal(rc, SNPLP_EINVAL);
        assert_int_equal(snplp_error_last_code(), SNPLP_EINVAL);
    }
    for (size_t i = 0; i < COUNT_OF(test_bad_texts); i++)
        assert_fails(
            snplp_referential_set_foreign_attribute(ref, id, "urn:x", "x", "n", test_bad_texts[i]),
            SNPLP_EENCODING);
    assert_fails(
        snplp_referential_set_foreign_attribute(ref, "no-such-item", "urn:x", "x", "n", "v"),
        SNPLP_ENOTFOUND);
    assert_int_equal(snplp_referential_foreign_attribute_count(ref, id), 0);
    assert_int_equal(snplp_referential_foreign_attribute_count(ref, "no-such-item"), 0);
    assert_int_equal(snplp_referential_foreign_attribute_count(NULL, id), 0);

    const char *v = NULL;
    assert_fails(snplp_referential_foreign_attribute_at(ref, id, 0, NULL, NULL, NULL, &v),
                 SNPLP_ENOTFOUND);
    assert_fails(
        snplp_referential_foreign_attribute_at(ref, "no-such-item", 0, NULL, NULL, NULL, &v),
        SNPLP_ENOTFOUND);
    assert_fails(snplp_referential_foreign_attribute_at(NULL, id, 0, NULL, NULL, NULL, &v),
                 SNPLP_EINVAL);
    assert_fails(snplp_referential_foreign_attribute_at(ref, NULL, 0, NULL, NULL, NULL, &v),
                 SNPLP_EINVAL);
    assert_null(v);
    snplp_referential_unref(ref);
}

/* Whatever prefixes the attributes and elements of one item use, the export reads back as the
 * same model (or the API refuses the clash). */
static void clashing_prefixes_still_go_round(void **state)
{
    (void)state;
    snplp_referential *ref = test_new_referential();
    assert_ok(snplp_referential_add_commitment(NULL, ref, "commitment-a", "A"));
    assert_ok(snplp_referential_set_foreign_attribute(ref, "commitment-a", "urn:a", "p", "x", "1"));
    int rc = snplp_referential_set_foreign_attribute(ref, "commitment-a", "urn:b", "p", "y", "2");
    assert_true(rc == SNPLP_OK || rc == SNPLP_EINVAL);
    assert_ok(snplp_referential_add_extension(ref, "commitment-a",
                                              "<p:e xmlns:p=\"urn:c\"><p:f/></p:e>"));
    /* a prefix that an exporter might pick for itself */
    assert_ok(snplp_referential_set_foreign_attribute(ref, "strategy", "urn:d", "s", "z", "3"));
    assert_ok(snplp_referential_set_foreign_attribute(ref, "strategy", "urn:e", "snplp", "z", "4"));
    assert_round_trip(ref);
    snplp_referential_unref(ref);
}

/* What the API accepts, the export writes so that the import reads it back equal: an
 * extension or a foreign attribute the format cannot carry (one the import refuses or drops)
 * is refused by the API. */
static void what_the_api_accepts_goes_round(void **state)
{
    (void)state;
    static const char *const xsi_names[] = {"type", "nil", "schemaLocation",
                                            "noNamespaceSchemaLocation", "note"};
    int bad = 0;
    for (size_t i = 0; i < COUNT_OF(xsi_names); i++) {
        snplp_referential *ref = test_new_referential();
        assert_ok(snplp_referential_add_commitment(NULL, ref, "commitment-a", "A"));
        int rc = snplp_referential_set_foreign_attribute(
            ref, "commitment-a", "http://www.w3.org/2001/XMLSchema-instance", "xsi", xsi_names[i],
            "xs:string");
        assert_true(rc == SNPLP_OK || rc == SNPLP_EINVAL);
        if (rc == SNPLP_OK) {
            size_t len = 0;
            char *xml = export_text(ref, &len);
            snplp_referential *again = NULL;
            int irc = snplp_referential_import_memory(&again, NULL, xml, len, NULL, NULL);
            if (irc != SNPLP_OK || !snplp_referential_equal(ref, again)) {
                print_error("xsi:%s accepted by the API, then %s\n", xsi_names[i],
                            irc != SNPLP_OK ? snplp_status_name(irc)
                                            : "read back as another model");
                bad++;
            }
            snplp_referential_unref(again);
            snplp_free(xml);
        }
        snplp_referential_unref(ref);
    }

    /* nesting and size limits of the import */
    snplp_referential *ref = test_new_referential();
    assert_ok(snplp_referential_add_commitment(NULL, ref, "commitment-a", "A"));
    text_buf deep = {0};
    for (int i = 0; i < 150; i++)
        puts_(&deep, "<x:a xmlns:x=\"urn:x\">");
    for (int i = 0; i < 150; i++)
        puts_(&deep, "</x:a>");
    int rc = snplp_referential_add_extension(ref, "commitment-a", deep.s);
    assert_true(rc == SNPLP_OK || rc == SNPLP_EINVAL);
    free(deep.s);
    char *big = malloc(SNPLP_XML_MAX_ATTRIBUTE + 2);
    assert_non_null(big);
    memset(big, 'a', SNPLP_XML_MAX_ATTRIBUTE + 1);
    big[SNPLP_XML_MAX_ATTRIBUTE + 1] = '\0';
    rc = snplp_referential_set_foreign_attribute(ref, "commitment-a", "urn:x", "x", "big", big);
    assert_true(rc == SNPLP_OK || rc == SNPLP_EINVAL);
    free(big);
    size_t len = 0;
    char *xml = export_text(ref, &len);
    snplp_referential *again = NULL;
    snplp_diagnostics *d = new_diags();
    int irc = snplp_referential_import_memory(&again, d, xml, len, NULL, NULL);
    if (irc != SNPLP_OK || !snplp_referential_equal(ref, again)) {
        print_error("an extension 150 deep or an attribute of 65537 bytes accepted by the API, "
                    "then %s\n",
                    irc != SNPLP_OK ? snplp_status_name(irc) : "read back as another model");
        print_findings(d);
        bad++;
    }
    snplp_diagnostics_free(d);
    snplp_referential_unref(again);
    snplp_free(xml);
    snplp_referential_unref(ref);
    assert_int_equal(bad, 0);
}

/* An attribute of the XML Schema instance namespace other than the four XSD knows is, for XSD,
 * an attribute of another namespace: kept like any other (valid-xsi-other-attribute.xml). */
static void other_xsi_attributes_are_foreign_attributes(void **state)
{
    (void)state;
    snplp_referential *ref = import_fixture("valid-xsi-other-attribute.xml");
    assert_int_equal(snplp_referential_foreign_attribute_count(ref, "commitment-a"), 1);
    foreign_attribute_is(ref, "commitment-a", 0, "http://www.w3.org/2001/XMLSchema-instance", "xsi",
                         "note", "kept");
    assert_round_trip(ref);
    snplp_referential_unref(ref);
    /* the hints are read as nothing */
    ref = import_fixture("valid-xsi-hints.xml");
    assert_int_equal(snplp_referential_foreign_attribute_count(ref, "commitment-a"), 0);
    assert_round_trip(ref);
    snplp_referential_unref(ref);
}

/* ---- equality ---- */

static void equal_compares_extensions(void **state)
{
    (void)state;
    snplp_referential *a = test_new_referential();
    snplp_referential *b = test_new_referential();
    assert_ok(snplp_referential_add_commitment(NULL, a, "commitment-a", "A"));
    assert_ok(snplp_referential_add_commitment(NULL, b, "commitment-a", "A"));
    assert_true(snplp_referential_equal(a, b));

    assert_ok(snplp_referential_add_extension(a, "commitment-a", "<x:a xmlns:x=\"urn:x\"/>"));
    assert_false(snplp_referential_equal(a, b));
    assert_ok(snplp_referential_add_extension(b, "commitment-a", "<x:a xmlns:x='urn:x'></x:a>"));
    assert_true(snplp_referential_equal(a, b)); /* the same canonical form */
    assert_ok(snplp_referential_add_extension(a, "commitment-a", "<x:b xmlns:x=\"urn:x\"/>"));
    assert_ok(snplp_referential_add_extension(b, "commitment-a", "<x:c xmlns:x=\"urn:x\"/>"));
    assert_false(snplp_referential_equal(a, b));
    snplp_referential_unref(a);
    snplp_referential_unref(b);

    a = test_new_referential();
    b = test_new_referential();
    assert_ok(snplp_referential_set_foreign_attribute(a, "strategy", "urn:x", "x", "n", "1"));
    assert_false(snplp_referential_equal(a, b));
    assert_ok(snplp_referential_set_foreign_attribute(b, "strategy", "urn:x", "x", "n", "2"));
    assert_false(snplp_referential_equal(a, b));
    assert_ok(snplp_referential_set_foreign_attribute(b, "strategy", "urn:x", "x", "n", "1"));
    assert_true(snplp_referential_equal(a, b));
    snplp_referential_unref(a);
    snplp_referential_unref(b);
}

/* ---- out of memory ---- */

typedef struct ext_ctx {
    snplp_referential *ref;
    size_t count;
    const char *old_value;
} ext_ctx;

static int add_extension_step(void *ctx)
{
    ext_ctx *c = ctx;
    return snplp_referential_add_extension(
        c->ref, "commitment-a",
        "<x:a xmlns:x=\"urn:x\" xmlns:y=\"urn:y\" k='1'><y:b>t &amp; u</y:b><x:c/></x:a>");
}

static void add_extension_check(void *ctx)
{
    ext_ctx *c = ctx;
    assert_int_equal(snplp_referential_extension_count(c->ref, "commitment-a"), c->count);
}

static int set_attribute_step(void *ctx)
{
    ext_ctx *c = ctx;
    return snplp_referential_set_foreign_attribute(c->ref, "commitment-a", "urn:x", "x", "n",
                                                   "a new value");
}

static void set_attribute_check(void *ctx)
{
    ext_ctx *c = ctx;
    assert_int_equal(snplp_referential_foreign_attribute_count(c->ref, "commitment-a"), c->count);
    if (c->old_value)
        foreign_attribute_is(c->ref, "commitment-a", 0, "urn:x", "x", "n", c->old_value);
}

static void out_of_memory(void **state)
{
    (void)state;
    snplp__alloc_fail_after(-1); /* whatever a failed test before left */
    ext_ctx c = {.ref = test_new_referential()};
    assert_ok(snplp_referential_add_commitment(NULL, c.ref, "commitment-a", "A"));
    assert_true(test_oom_sweep(add_extension_step, add_extension_check, &c) > 0);
    assert_int_equal(snplp_referential_extension_count(c.ref, "commitment-a"), 1);
    c.count = 1;
    assert_true(test_oom_sweep(add_extension_step, add_extension_check, &c) > 0);

    c.count = 0;
    assert_true(test_oom_sweep(set_attribute_step, set_attribute_check, &c) > 0);
    foreign_attribute_is(c.ref, "commitment-a", 0, "urn:x", "x", "n", "a new value");
    /* replacing: the old value stays if memory runs out */
    assert_ok(
        snplp_referential_set_foreign_attribute(c.ref, "commitment-a", "urn:x", "x", "n", "old"));
    c.count = 1;
    c.old_value = "old";
    test_oom_sweep(set_attribute_step, set_attribute_check, &c);
    foreign_attribute_is(c.ref, "commitment-a", 0, "urn:x", "x", "n", "a new value");
    snplp_referential_unref(c.ref);

    /* on items that have no extension yet */
    c = (ext_ctx){.ref = test_new_referential()};
    assert_ok(snplp_referential_add_commitment(NULL, c.ref, "commitment-a", "A"));
    assert_true(test_oom_sweep(set_attribute_step, set_attribute_check, &c) > 0);
    snplp_referential_unref(c.ref);
    c = (ext_ctx){.ref = test_new_referential()};
    assert_ok(snplp_referential_add_commitment(NULL, c.ref, "commitment-a", "A"));
    assert_true(test_oom_sweep(add_extension_step, add_extension_check, &c) > 0);
    snplp_referential_unref(c.ref);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(fixture_extensions_are_kept),
        cmocka_unit_test(extension_namespaces_come_from_their_scope),
        cmocka_unit_test(escaped_attribute_values_are_read_once),
        cmocka_unit_test(add_extension_stores_the_canonical_form),
        cmocka_unit_test(add_extension_refuses_what_is_not_one_foreign_element),
        cmocka_unit_test(foreign_attributes_are_set_and_replaced),
        cmocka_unit_test(foreign_attributes_refuse_what_xml_cannot_carry),
        cmocka_unit_test(clashing_prefixes_still_go_round),
        cmocka_unit_test(what_the_api_accepts_goes_round),
        cmocka_unit_test(other_xsi_attributes_are_foreign_attributes),
        cmocka_unit_test(equal_compares_extensions),
        cmocka_unit_test(out_of_memory),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    xmlCleanupParser();
    return rc;
}
