// Shared by the C fuzz harnesses: one probe → budget check → decode round, as ImageDecoder
// does it, so the fuzzer exercises exactly the shim calls Swift makes.
#ifndef IMP_FUZZ_COMMON_H
#define IMP_FUZZ_COMMON_H
#include <stdint.h>
#include <stdlib.h>
#include "imprint_shims.h"

// Far below the CLI's 256 MP default: the budget check is what is under test, and small
// buffers keep executions per second high.
#define IMP_FUZZ_MAX_PIXELS (4u * 1024u * 1024u)

static uint8_t *imp_fuzz_buffer(const imp_image_info *info, size_t *capacity) {
    if (info->width <= 0 || info->height <= 0 || info->channels <= 0) return NULL;
    size_t pixels = (size_t)info->width * (size_t)info->height;
    if (pixels > IMP_FUZZ_MAX_PIXELS) return NULL;
    *capacity = pixels * (size_t)info->channels;
    return malloc(*capacity);
}
#endif
