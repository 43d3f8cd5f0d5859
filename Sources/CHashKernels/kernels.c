#include "hash_kernels.h"

#include <stddef.h>

// Each kernel is written once as an always-inline body, compiled twice: inside a function
// built for AVX2, and inside the public function for the baseline, which calls the AVX2 copy
// when the CPU has it. (Not `target_clones`: its load-time resolvers run before a sanitizer's
// runtime is up, and ThreadSanitizer builds crash on them.)
#if defined(__x86_64__)
#include <stdatomic.h>
#include <immintrin.h>
#define IMP_X86 1
static int use_avx2(void) {
    static _Atomic int known = -1; // every thread that races here computes the same answer
    int value = atomic_load_explicit(&known, memory_order_relaxed);
    if (value < 0) {
        __builtin_cpu_init();
        value = __builtin_cpu_supports("avx2") ? 1 : 0;
        atomic_store_explicit(&known, value, memory_order_relaxed);
    }
    return value;
}
#else
#define IMP_X86 0
#endif
#define IMP_BODY static inline __attribute__((always_inline))

// Float sums must round as the reference's do: never fuse a multiply and an add.
#pragma clang fp contract(off)

// Pillow's clip8: the rounding half was added up front; drop the fraction and clamp.
static inline uint8_t clip8(int32_t value, int precision_bits) {
    if (value >= (int32_t)(1u << (precision_bits + 8))) return 255;
    if (value <= 0) return 0;
    return (uint8_t)(value >> precision_bits);
}

// Sums run in uint32_t (wrapping, as Pillow's int32 sums never overflow for normalised
// weights) so that no signed overflow can be undefined behaviour on hostile sizes.

IMP_BODY void resample_horizontal(const uint8_t *in, int in_width, int first_row, int rows,
                                  const int32_t *weights, const int32_t *starts, const int32_t *counts,
                                  int stride, int precision_bits, int out_width, uint8_t *out) {
    const uint32_t half = 1u << (precision_bits - 1);
    for (int y = 0; y < rows; y++) {
        const uint8_t *row = in + (size_t)(first_row + y) * (size_t)in_width;
        uint8_t *target = out + (size_t)y * (size_t)out_width;
        for (int x = 0; x < out_width; x++) {
            const uint8_t *source = row + starts[x];
            const int32_t *k = weights + (size_t)x * (size_t)stride;
            uint32_t sum = half;
            for (int t = 0; t < counts[x]; t++) sum += (uint32_t)source[t] * (uint32_t)k[t];
            target[x] = clip8((int32_t)sum, precision_bits);
        }
    }
}

IMP_BODY void resample_vertical(const uint8_t *in, int width,
                                const int32_t *weights, const int32_t *starts, const int32_t *counts,
                                int stride, int precision_bits, int out_height, uint8_t *out) {
    const uint32_t half = 1u << (precision_bits - 1);
    enum { chunk = 256 };
    uint32_t sums[chunk];
    for (int y = 0; y < out_height; y++) {
        const int32_t *k = weights + (size_t)y * (size_t)stride;
        uint8_t *target = out + (size_t)y * (size_t)width;
        // Row by row across a chunk of columns, so the inner loop runs along memory.
        for (int x0 = 0; x0 < width; x0 += chunk) {
            const int n = width - x0 < chunk ? width - x0 : chunk;
            for (int x = 0; x < n; x++) sums[x] = half;
            for (int t = 0; t < counts[y]; t++) {
                const uint8_t *row = in + (size_t)(starts[y] + t) * (size_t)width + x0;
                const uint32_t weight = (uint32_t)k[t];
                for (int x = 0; x < n; x++) sums[x] += (uint32_t)row[x] * weight;
            }
            for (int x = 0; x < n; x++) target[x0 + x] = clip8((int32_t)sums[x], precision_bits);
        }
    }
}

// out (rows × cols) = a (rows × inner) · b (inner × cols), each sum started at 0 and run over
// k in order with unfused multiplies and adds, as the reference's loops run. Inlined with
// constant sizes, the compiler vectorises the j loop; each lane keeps that sequence.
IMP_BODY void multiply_in_order(const float *a, const float *b, float *out, int rows, int inner, int cols) {
    for (int i = 0; i < rows; i++) {
        float *row = out + i * cols;
        for (int j = 0; j < cols; j++) row[j] = 0;
        for (int k = 0; k < inner; k++) {
            const float coefficient = a[i * inner + k];
            const float *source = b + k * cols;
            for (int j = 0; j < cols; j++) row[j] += coefficient * source[j];
        }
    }
}

// PDQ's 16×64 DCT matrix times the 64×64 block times its transpose.
IMP_BODY void pdq_dct64_to16(const float *block, const float *matrix, const float *transposed, float *out) {
    float temp[16 * 64];
    multiply_in_order(matrix, block, temp, 16, 64, 64);
    multiply_in_order(temp, transposed, out, 16, 64, 16);
}

// Bilinear samples along a turned grid, in 16.16 fixed point with 8-bit weights; positions
// are clamped to the image, so the edge pixel stands in for anything outside.
IMP_BODY void rotate_sample(const uint8_t *restrict in, int width, int height, int channels,
                            int64_t origin_x, int64_t origin_y, int64_t dxx, int64_t dxy,
                            int out_width, int out_height, uint8_t *restrict out) {
    const int64_t max_x = (int64_t)(width - 1) << 16, max_y = (int64_t)(height - 1) << 16;
    const int64_t dyx = -dxy, dyy = dxx;
    const size_t row_bytes = (size_t)width * (size_t)channels;
    for (int y = 0; y < out_height; y++) {
        int64_t px = origin_x + (int64_t)y * dyx, py = origin_y + (int64_t)y * dyy;
        for (int x = 0; x < out_width; x++, px += dxx, py += dxy) {
            const int64_t sx = px < 0 ? 0 : (px > max_x ? max_x : px);
            const int64_t sy = py < 0 ? 0 : (py > max_y ? max_y : py);
            const int x0 = (int)(sx >> 16), y0 = (int)(sy >> 16);
            const uint32_t fx = (uint32_t)((sx & 0xFFFF) >> 8), fy = (uint32_t)((sy & 0xFFFF) >> 8);
            // At the last column or row the fraction is 0, so the neighbour's weight is too.
            const size_t right = x0 + 1 < width ? (size_t)channels : 0, below = y0 + 1 < height ? row_bytes : 0;
            const uint8_t *p = in + (size_t)y0 * row_bytes + (size_t)x0 * (size_t)channels;
            for (int k = 0; k < channels; k++, p++) {
                const uint32_t top = p[0] * (256 - fx) + p[right] * fx;
                const uint32_t bottom = p[below] * (256 - fx) + p[below + right] * fx;
                *out++ = (uint8_t)((top * (256 - fy) + bottom * fy + 32768) >> 16);
            }
        }
    }
}

IMP_BODY int pdq_quality(const float *block) {
    int gradient_sum = 0;
    for (int i = 0; i < 63; i++) {
        for (int j = 0; j < 64; j++) {
            const int d = (int)((block[i * 64 + j] - block[(i + 1) * 64 + j]) * 100 / 255);
            gradient_sum += d < 0 ? -d : d;
        }
    }
    for (int i = 0; i < 64; i++) {
        for (int j = 0; j < 63; j++) {
            const int d = (int)((block[i * 64 + j] - block[i * 64 + j + 1]) * 100 / 255);
            gradient_sum += d < 0 ? -d : d;
        }
    }
    const int quality = gradient_sum / 90;
    return quality > 100 ? 100 : quality;
}

// PDQ's horizontal blur-and-decimate folded onto a DCT-scaled image: each row to 64 weighted
// sums, in the order the reference's sums run (t = 0, 1, …), so the floats are the same.
IMP_BODY void pdq_fold_row(const float *row, const float *weights, const int32_t *starts, const int32_t *counts,
                           int stride, float *out) {
    for (int j = 0; j < 64; j++) {
        const float *source = row + starts[j];
        const float *k = weights + (size_t)j * (size_t)stride;
        float sum = 0;
        for (int t = 0; t < counts[j]; t++) sum += k[t] * source[t];
        out[j] = sum;
    }
}

IMP_BODY void pdq_fold_rows_grey(const uint8_t *grey, const float *table, int width, int height,
                                 const float *weights, const int32_t *starts, const int32_t *counts, int stride,
                                 float *scratch, float *out) {
    for (int y = 0; y < height; y++) {
        const uint8_t *row = grey + (size_t)y * (size_t)width;
        for (int x = 0; x < width; x++) scratch[x] = table[row[x]];
        pdq_fold_row(scratch, weights, starts, counts, stride, out + (size_t)y * 64);
    }
}

// RGB pixels to the reference's luma a row at a time, (0.299 R + 0.587 G) + 0.114 B in float
// as `PDQHasher.lumaFromRGB` sums it, so no float plane of the whole image is made (900 MB
// for a 225-megapixel PNG).
IMP_BODY void pdq_fold_rows_rgb(const uint8_t *rgb, int width, int height,
                                const float *weights, const int32_t *starts, const int32_t *counts, int stride,
                                float *scratch, float *out) {
    for (int y = 0; y < height; y++) {
        const uint8_t *row = rgb + (size_t)y * (size_t)width * 3;
        for (int x = 0; x < width; x++) {
            const uint8_t *p = row + (size_t)x * 3;
            scratch[x] = 0.299f * (float)p[0] + 0.587f * (float)p[1] + 0.114f * (float)p[2];
        }
        pdq_fold_row(scratch, weights, starts, counts, stride, out + (size_t)y * 64);
    }
}

#if IMP_X86
// Written out rather than left to the compiler: each output's taps in vectors of eight, the
// last few under a mask instead of one at a time (a 1/4-scale photo to 32 columns takes about
// 60 taps an output; the scalar remainder was half the pass). Integer sums, so the order of
// the additions cannot change a bit.
__attribute__((target("avx2")))
static void resample_horizontal_avx2(const uint8_t *in, int in_width, int first_row, int rows,
                                     const int32_t *weights, const int32_t *starts, const int32_t *counts,
                                     int stride, int precision_bits, int out_width, uint8_t *out) {
    const uint32_t half = 1u << (precision_bits - 1);
    const uint8_t *end = in + (size_t)(first_row + rows) * (size_t)in_width;
    const __m256i lane = _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7);
    for (int y = 0; y < rows; y++) {
        const uint8_t *row = in + (size_t)(first_row + y) * (size_t)in_width;
        uint8_t *target = out + (size_t)y * (size_t)out_width;
        for (int x = 0; x < out_width; x++) {
            const uint8_t *source = row + starts[x];
            const int32_t *k = weights + (size_t)x * (size_t)stride;
            const int n = counts[x];
            __m256i sum = _mm256_setzero_si256();
            int t = 0;
            for (; t + 8 <= n; t += 8) {
                const __m256i pixels = _mm256_cvtepu8_epi32(_mm_loadl_epi64((const __m128i *)(source + t)));
                sum = _mm256_add_epi32(sum, _mm256_mullo_epi32(pixels, _mm256_loadu_si256((const __m256i *)(k + t))));
            }
            if (t < n) {
                // Weights past the count load as 0, so the bytes under them do not matter; near
                // the end of the image they are copied, so that nothing past it is read.
                const int rest = n - t;
                const __m256i taken = _mm256_cmpgt_epi32(_mm256_set1_epi32(rest), lane);
                const __m256i w = _mm256_maskload_epi32((const int *)(k + t), taken);
                const uint8_t *p = source + t;
                uint8_t copy[8] = {0};
                if (p + 8 > end) {
                    for (int i = 0; i < rest; i++) copy[i] = p[i];
                    p = copy;
                }
                const __m256i pixels = _mm256_cvtepu8_epi32(_mm_loadl_epi64((const __m128i *)p));
                sum = _mm256_add_epi32(sum, _mm256_mullo_epi32(pixels, w));
            }
            __m128i folded = _mm_add_epi32(_mm256_castsi256_si128(sum), _mm256_extracti128_si256(sum, 1));
            folded = _mm_add_epi32(folded, _mm_shuffle_epi32(folded, 0x4E));
            folded = _mm_add_epi32(folded, _mm_shuffle_epi32(folded, 0xB1));
            target[x] = clip8((int32_t)(half + (uint32_t)_mm_cvtsi128_si32(folded)), precision_bits);
        }
    }
}

__attribute__((target("avx2")))
static void resample_vertical_avx2(const uint8_t *in, int width,
                                   const int32_t *weights, const int32_t *starts, const int32_t *counts,
                                   int stride, int precision_bits, int out_height, uint8_t *out) {
    resample_vertical(in, width, weights, starts, counts, stride, precision_bits, out_height, out);
}

__attribute__((target("avx2")))
static void pdq_dct64_to16_avx2(const float *block, const float *matrix, const float *transposed, float *out) {
    pdq_dct64_to16(block, matrix, transposed, out);
}

__attribute__((target("avx2")))
static int pdq_quality_avx2(const float *block) {
    return pdq_quality(block);
}

// Eight rows at a time: the rows' floats interleaved in `scratch` (pixel x of row r at
// x * 8 + r), so that each weight multiplies one vector of eight rows' pixels. Every lane
// runs the scalar loop's own sequence (0, then + w·p for t = 0, 1, …, multiplies and adds
// unfused), so the sums are the scalar kernel's to the bit. Whole groups of eight pixels
// compute the table's value in vectors, (0.299 v + 0.587 v) + 0.114 v in float as
// `PDQLuma.greyTable` does (a gather from the table is slower); the test
// `greyFoldEqualsRGBFoldExactly` holds the two to the bit.
__attribute__((target("avx2")))
static void pdq_fold_rows_grey_avx2(const uint8_t *grey, const float *table, int width, int height,
                                    const float *weights, const int32_t *starts, const int32_t *counts, int stride,
                                    float *scratch, float *out) {
    const __m256 red = _mm256_set1_ps(0.299f), green = _mm256_set1_ps(0.587f), blue = _mm256_set1_ps(0.114f);
    int y = 0;
    for (; y + 8 <= height; y += 8) {
        const uint8_t *rows = grey + (size_t)y * (size_t)width;
        int x = 0;
        for (; x + 8 <= width; x += 8) {
            // Eight pixels of each row to luma, then an 8×8 transpose.
            __m256 v[8];
            for (int r = 0; r < 8; r++) {
                const __m128i bytes = _mm_loadl_epi64((const __m128i *)(rows + (size_t)r * (size_t)width + (size_t)x));
                const __m256 level = _mm256_cvtepi32_ps(_mm256_cvtepu8_epi32(bytes));
                v[r] = _mm256_add_ps(_mm256_add_ps(_mm256_mul_ps(red, level), _mm256_mul_ps(green, level)), _mm256_mul_ps(blue, level));
            }
            const __m256 t0 = _mm256_unpacklo_ps(v[0], v[1]), t1 = _mm256_unpackhi_ps(v[0], v[1]);
            const __m256 t2 = _mm256_unpacklo_ps(v[2], v[3]), t3 = _mm256_unpackhi_ps(v[2], v[3]);
            const __m256 t4 = _mm256_unpacklo_ps(v[4], v[5]), t5 = _mm256_unpackhi_ps(v[4], v[5]);
            const __m256 t6 = _mm256_unpacklo_ps(v[6], v[7]), t7 = _mm256_unpackhi_ps(v[6], v[7]);
            const __m256 u0 = _mm256_shuffle_ps(t0, t2, 0x44), u1 = _mm256_shuffle_ps(t0, t2, 0xEE);
            const __m256 u2 = _mm256_shuffle_ps(t1, t3, 0x44), u3 = _mm256_shuffle_ps(t1, t3, 0xEE);
            const __m256 u4 = _mm256_shuffle_ps(t4, t6, 0x44), u5 = _mm256_shuffle_ps(t4, t6, 0xEE);
            const __m256 u6 = _mm256_shuffle_ps(t5, t7, 0x44), u7 = _mm256_shuffle_ps(t5, t7, 0xEE);
            float *target = scratch + (size_t)x * 8;
            _mm256_storeu_ps(target + 0, _mm256_permute2f128_ps(u0, u4, 0x20));
            _mm256_storeu_ps(target + 8, _mm256_permute2f128_ps(u1, u5, 0x20));
            _mm256_storeu_ps(target + 16, _mm256_permute2f128_ps(u2, u6, 0x20));
            _mm256_storeu_ps(target + 24, _mm256_permute2f128_ps(u3, u7, 0x20));
            _mm256_storeu_ps(target + 32, _mm256_permute2f128_ps(u0, u4, 0x31));
            _mm256_storeu_ps(target + 40, _mm256_permute2f128_ps(u1, u5, 0x31));
            _mm256_storeu_ps(target + 48, _mm256_permute2f128_ps(u2, u6, 0x31));
            _mm256_storeu_ps(target + 56, _mm256_permute2f128_ps(u3, u7, 0x31));
        }
        for (; x < width; x++) {
            for (int r = 0; r < 8; r++) scratch[(size_t)x * 8 + (size_t)r] = table[rows[(size_t)r * (size_t)width + (size_t)x]];
        }
        float sums[64 * 8] __attribute__((aligned(32)));
        for (int j = 0; j < 64; j++) {
            const float *source = scratch + (size_t)starts[j] * 8;
            const float *k = weights + (size_t)j * (size_t)stride;
            __m256 sum = _mm256_setzero_ps();
            for (int t = 0; t < counts[j]; t++) {
                sum = _mm256_add_ps(sum, _mm256_mul_ps(_mm256_set1_ps(k[t]), _mm256_loadu_ps(source + (size_t)t * 8)));
            }
            _mm256_store_ps(sums + j * 8, sum);
        }
        for (int r = 0; r < 8; r++) {
            float *target = out + (size_t)(y + r) * 64;
            for (int j = 0; j < 64; j++) target[j] = sums[j * 8 + r];
        }
    }
    pdq_fold_rows_grey(grey + (size_t)y * (size_t)width, table, width, height - y, weights, starts, counts, stride,
                       scratch, out + (size_t)y * 64);
}

__attribute__((target("avx2")))
static void pdq_fold_rows_rgb_avx2(const uint8_t *rgb, int width, int height,
                                   const float *weights, const int32_t *starts, const int32_t *counts, int stride,
                                   float *scratch, float *out) {
    pdq_fold_rows_rgb(rgb, width, height, weights, starts, counts, stride, scratch, out);
}
#endif

void imp_resample_horizontal_u8(const uint8_t *in, int in_width, int first_row, int rows,
                                const int32_t *weights, const int32_t *starts, const int32_t *counts,
                                int stride, int precision_bits, int out_width, uint8_t *out) {
#if IMP_X86
    if (use_avx2()) {
        resample_horizontal_avx2(in, in_width, first_row, rows, weights, starts, counts, stride, precision_bits, out_width, out);
        return;
    }
#endif
    resample_horizontal(in, in_width, first_row, rows, weights, starts, counts, stride, precision_bits, out_width, out);
}

void imp_resample_vertical_u8(const uint8_t *in, int width,
                              const int32_t *weights, const int32_t *starts, const int32_t *counts,
                              int stride, int precision_bits, int out_height, uint8_t *out) {
#if IMP_X86
    if (use_avx2()) {
        resample_vertical_avx2(in, width, weights, starts, counts, stride, precision_bits, out_height, out);
        return;
    }
#endif
    resample_vertical(in, width, weights, starts, counts, stride, precision_bits, out_height, out);
}

void imp_rotate_sample_u8(const uint8_t *in, int width, int height, int channels,
                          int64_t origin_x, int64_t origin_y, int64_t dxx, int64_t dxy,
                          int out_width, int out_height, uint8_t *out) {
    // Grey (the fast mode's decode) gets its own copy, with the channel loop unrolled away.
    if (channels == 1) rotate_sample(in, width, height, 1, origin_x, origin_y, dxx, dxy, out_width, out_height, out);
    else rotate_sample(in, width, height, channels, origin_x, origin_y, dxx, dxy, out_width, out_height, out);
}

void imp_transpose_u8(const uint8_t *in, int width, int height, int channels, uint8_t *out) {
    // In tiles of 32 × 32 pixels, so that both sides stay in the cache.
    for (int y0 = 0; y0 < height; y0 += 32) {
        int y1 = y0 + 32 < height ? y0 + 32 : height;
        for (int x0 = 0; x0 < width; x0 += 32) {
            int x1 = x0 + 32 < width ? x0 + 32 : width;
            if (channels == 1) {
                for (int y = y0; y < y1; y++)
                    for (int x = x0; x < x1; x++) out[(size_t)x * height + y] = in[(size_t)y * width + x];
            } else {
                for (int y = y0; y < y1; y++)
                    for (int x = x0; x < x1; x++)
                        for (int c = 0; c < channels; c++)
                            out[((size_t)x * height + y) * channels + c] = in[((size_t)y * width + x) * channels + c];
            }
        }
    }
}

void imp_pdq_dct64_to16(const float *block, const float *matrix, const float *transposed, float *out) {
#if IMP_X86
    if (use_avx2()) {
        pdq_dct64_to16_avx2(block, matrix, transposed, out);
        return;
    }
#endif
    pdq_dct64_to16(block, matrix, transposed, out);
}

int imp_pdq_quality(const float *block) {
#if IMP_X86
    if (use_avx2()) return pdq_quality_avx2(block);
#endif
    return pdq_quality(block);
}

void imp_pdq_fold_rows_grey(const uint8_t *grey, const float *table, int width, int height,
                            const float *weights, const int32_t *starts, const int32_t *counts, int stride,
                            float *scratch, float *out) {
#if IMP_X86
    if (use_avx2()) {
        pdq_fold_rows_grey_avx2(grey, table, width, height, weights, starts, counts, stride, scratch, out);
        return;
    }
#endif
    pdq_fold_rows_grey(grey, table, width, height, weights, starts, counts, stride, scratch, out);
}

void imp_pdq_fold_rows_rgb(const uint8_t *rgb, int width, int height,
                           const float *weights, const int32_t *starts, const int32_t *counts, int stride,
                           float *scratch, float *out) {
#if IMP_X86
    if (use_avx2()) {
        pdq_fold_rows_rgb_avx2(rgb, width, height, weights, starts, counts, stride, scratch, out);
        return;
    }
#endif
    pdq_fold_rows_rgb(rgb, width, height, weights, starts, counts, stride, scratch, out);
}
