/* The run-time version of the library. */
#include <snplp/version.h>

const char *snplp_version(void)
{
    return SNPLP_VERSION_STRING;
}

int snplp_version_number(void)
{
    return SNPLP_VERSION_NUMBER;
}
