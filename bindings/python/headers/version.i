/* version.h (generated into the build tree from version.h.in): the version macros
 * (SNPLP_VERSION_MAJOR... SNPLP_VERSION_STRING, SNPLP_VERSION_NUMBER) and functions. */
%include <snplp/version.h>
