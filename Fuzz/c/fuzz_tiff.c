// libFuzzer target: TIFF probe + decode through libtiff, alpha composited and discarded.
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    imp_image_info info = {0};
    if (imp_tiff_probe(data, size, &info) < 0) return 0;
    size_t capacity = 0;
    uint8_t *out = imp_fuzz_buffer(&info, &capacity);
    if (!out) return 0;
    for (int discard = 0; discard <= 1; discard++)
        imp_tiff_decode(data, size, out, capacity, discard, &info);
    free(out);
    return 0;
}
