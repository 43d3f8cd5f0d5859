// libFuzzer target: JPEG DCT-scaled decode (1/2, 1/4, 1/8; the first input byte picks the
// scale and grey/RGB so the fuzzer can steer it), as `imprint hash` decodes by default.
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 1) return 0;
    static const int denoms[4] = {2, 4, 8, 8};
    int denom = denoms[data[0] & 3];
    int grey = (data[0] >> 2) & 1;
    data++; size--;
    imp_image_info info = {0};
    if (imp_jpeg_probe(data, size, denom, grey, &info) < 0) return 0;
    size_t capacity = 0;
    uint8_t *out = imp_fuzz_buffer(&info, &capacity);
    if (!out) return 0;
    imp_jpeg_decode(data, size, denom, grey, out, capacity, &info);
    free(out);
    return 0;
}
