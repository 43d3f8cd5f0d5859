#ifndef IMPRINT_HASH_KERNELS_H
#define IMPRINT_HASH_KERNELS_H

// The inner loops of the perceptual hashes and of the file digests, in C so that they can use
// instructions the x86-64 baseline lacks (AVX2, SHA-NI) where the CPU has them, chosen at run
// time; Swift code is compiled for the baseline only. Pure arithmetic on caller-owned
// buffers: no allocation, no library calls.

#include <stddef.h>
#include <stdint.h>

/// One separable pass of Pillow's 8-bit resize (`ImagingResampleHorizontal_8bpc` and
/// `ImagingResampleVertical_8bpc`), with Pillow's fixed-point arithmetic, so the output bytes
/// are Pillow's. Output sample `i` is the sum over `t < counts[i]` of
/// `in(starts[i] + t) * weights[i * stride + t]`, plus the rounding half, shifted right by
/// `precision_bits` and clamped to 0–255.
///
/// Horizontal: `rows` rows of `in_width` bytes (starting at row `first_row`) become rows of
/// `out_width` bytes; `starts`, `counts` are per output column.
void imp_resample_horizontal_u8(const uint8_t *in, int in_width, int first_row, int rows,
                                const int32_t *weights, const int32_t *starts, const int32_t *counts,
                                int stride, int precision_bits, int out_width, uint8_t *out);

/// Vertical: rows of `width` bytes become `out_height` rows; `starts`, `counts` are per
/// output row, counted in input rows.
void imp_resample_vertical_u8(const uint8_t *in, int width,
                              const int32_t *weights, const int32_t *starts, const int32_t *counts,
                              int stride, int precision_bits, int out_height, uint8_t *out);

/// Bilinear samples of `in` (`width × height` pixels of `channels` bytes) along a turned
/// grid: sample (x, y) sits at origin + x·(dxx, dxy) + y·(−dxy, dxx), in 16.16 fixed point,
/// clamped to the image; weights are the fractions' top 8 bits, rounded half up.
void imp_rotate_sample_u8(const uint8_t *in, int width, int height, int channels,
                          int64_t origin_x, int64_t origin_y, int64_t dxx, int64_t dxy,
                          int out_width, int out_height, uint8_t *out);

/// PDQ's 16×16 DCT of a 64×64 float block (row-major): `matrix` (16×64) · block ·
/// `transposed` (64×16, the matrix transposed), each product summed over k in order from 0.
void imp_pdq_dct64_to16(const float *block, const float *matrix, const float *transposed, float *out);

/// PDQ's quality: the reference's gradient sum over a 64×64 float block (row-major), each
/// difference scaled as `(int)((a - b) * 100 / 255)` in float, divided by 90, capped at 100.
int imp_pdq_quality(const float *block);

/// PDQ's horizontal pass on a DCT-scaled image: each of `height` rows of `width` pixels
/// becomes 64 floats in `out`, output `j` the sum over `t < counts[j]` of
/// `weights[j * stride + t] * pixel(starts[j] + t)`, summed in that order. The grey variant
/// takes each byte through `table` (256 floats) into `scratch` (`8 × width` floats: eight
/// rows at a time where the CPU has AVX2) first.
void imp_pdq_fold_rows_grey(const uint8_t *grey, const float *table, int width, int height,
                            const float *weights, const int32_t *starts, const int32_t *counts, int stride,
                            float *scratch, float *out);

/// The same on RGB pixels (3 bytes each), each row taken to the reference's float luma in
/// `scratch` (`width` floats) first.
void imp_pdq_fold_rows_rgb(const uint8_t *rgb, int width, int height,
                           const float *weights, const int32_t *starts, const int32_t *counts, int stride,
                           float *scratch, float *out);

/// `in` (`height` rows of `width` pixels of `channels` bytes) with rows and columns swapped
/// into `out` (`width` rows of `height` pixels), channels kept together: the columns of an
/// image as rows, for PDQ's horizontal pass to fold them.
void imp_transpose_u8(const uint8_t *in, int width, int height, int channels, uint8_t *out);

/// MD5 and SHA-256 of `data` in one pass (x86-64 with SHA-NI); returns 0, writing nothing,
/// on CPUs without it, where the caller digests with its library instead.
int imp_md5_sha256(const uint8_t *data, size_t size, uint8_t md5_out[16], uint8_t sha256_out[32]);

/// MD5 and SHA-256 of `count` buffers (`data[i]`, `sizes[i]` bytes), several at once (x86-64
/// with AVX-512F and SHA-NI): digest `i` goes to `md5_out + 16 * i` and `sha256_out + 32 * i`.
/// Returns 0, writing nothing, on CPUs without them.
int imp_md5_sha256_many(int count, const uint8_t *const *data, const size_t *sizes, uint8_t *md5_out, uint8_t *sha256_out);

#endif
