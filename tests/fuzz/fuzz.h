/* The libFuzzer entry point, declared for -Wmissing-prototypes and for replay.c. */
#ifndef SNPLP_FUZZ_H
#define SNPLP_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif
