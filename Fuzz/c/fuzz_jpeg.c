// libFuzzer target: JPEG probe + full-size decode (RGB and grey) through the shim.
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    for (int grey = 0; grey <= 1; grey++) {
        imp_image_info info = {0};
        if (imp_jpeg_probe(data, size, 1, grey, &info) < 0) return 0;
        size_t capacity = 0;
        uint8_t *out = imp_fuzz_buffer(&info, &capacity);
        if (!out) return 0;
        imp_jpeg_decode(data, size, 1, grey, out, capacity, &info);
        free(out);
    }
    return 0;
}
