/* The versions of the libraries libsnplp runs with (snplp_dependency_version(), version.h):
 * here, in the one layer that links both ICU and libxml2. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <unicode/uversion.h>

#include <snplp/version.h>

static char icu_version[U_MAX_VERSION_STRING_LENGTH];
static char xml2_version[32];
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void find_versions(void)
{
    UVersionInfo v;
    u_getVersion(v);
    u_versionToString(v, icu_version);
    /* xmlParserVersion is "20914" for 2.9.14: MAJOR * 10000 + MINOR * 100 + PATCH */
    long n = strtol(xmlParserVersion, NULL, 10);
    snprintf(xml2_version, sizeof xml2_version, "%ld.%ld.%ld", n / 10000, n / 100 % 100, n % 100);
}

const char *snplp_dependency_version(const char *name)
{
    if (!name)
        return NULL;
    pthread_once(&once, find_versions);
    if (strcmp(name, "icu") == 0)
        return icu_version;
    if (strcmp(name, "libxml2") == 0)
        return xml2_version;
    return NULL;
}
