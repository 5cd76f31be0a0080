/* A program calling a function deprecated in 1.3 (tests/CMakeLists.txt, deprecated-warns): it
 * must not compile with -Werror=deprecated-declarations, unless SNPLP_NO_DEPRECATION_WARNINGS
 * is defined. */
#include <snplp/snplp.h>

int main(void)
{
    return snplp_convention_funding(NULL, 2020, NULL, NULL) == SNPLP_EINVAL ? 0 : 1;
}
