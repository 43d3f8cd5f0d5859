#ifndef IMPRINT_SHIMS_H
#define IMPRINT_SHIMS_H

// C shims over libjpeg-turbo, libpng, libwebp and libtiff, each opened on the first file that
// needs it (shims.c).
//
// Swift cannot survive libjpeg's and libpng's longjmp-based error handling, so each function
// here runs a whole create → read → destroy sequence in C, writes into a caller-provided
// buffer, never calls back into Swift, prints nothing, and returns a status with the
// library's own message. Every decode is two-phase: `*_probe` reads only the header so the
// caller can check the pixel count before it allocates; `*_decode` then fills the buffer.

#include <stddef.h>
#include <stdint.h>

/// What a shim call ended with.
typedef enum {
    IMP_OK = 0,          ///< decoded cleanly
    IMP_WARNING = 1,     ///< decoded, but the library warned (e.g. a truncated JPEG padded with grey)
    IMP_ERROR = -1,      ///< the library refused the data; `message` says why
    IMP_BAD_BUFFER = -2, ///< the caller's buffer does not fit the image the header announced
    IMP_UNSUPPORTED = -3, ///< a valid file using a feature not decoded here (an animated WebP); `message` says which
} imp_status;

/// JPEG colour spaces as the file stores them.
typedef enum {
    IMP_JPEG_GRAY = 1,
    IMP_JPEG_RGB = 2,   ///< YCbCr or RGB: libjpeg converts either to RGB
    IMP_JPEG_CMYK = 4,
    IMP_JPEG_YCCK = 5,
    IMP_JPEG_OTHER = 0,
} imp_jpeg_color;

/// What a probe or decode learned about an image.
typedef struct {
    int width;            ///< output width (after any DCT scaling)
    int height;           ///< output height (after any DCT scaling)
    int full_width;       ///< width stored in the file
    int full_height;      ///< height stored in the file
    int channels;         ///< channels the decode writes: 1 (grey) or 3 (RGB)
    int has_alpha;        ///< the source had alpha (composited onto white)
    int jpeg_color;       ///< an imp_jpeg_color, JPEG only
    int progressive;      ///< JPEG progressive, or PNG Adam7 interlace
    int bit_depth;        ///< bits per sample in the file
    int warnings;         ///< how many warnings the library raised
    char message[200];    ///< the first error, or else the first warning
} imp_image_info;

/// Reads a JPEG header and the output size at 1/`scale_denom` (1, 2, 4 or 8).
/// `grey` asks for one luma channel (libjpeg takes Y straight from YCbCr, the fast path).
int imp_jpeg_probe(const uint8_t *data, size_t size, int scale_denom, int grey,
                   imp_image_info *info);

/// Decodes a JPEG at 1/`scale_denom` into `out` (`capacity` bytes, rows packed, no padding).
int imp_jpeg_decode(const uint8_t *data, size_t size, int scale_denom, int grey,
                    uint8_t *out, size_t capacity, imp_image_info *info);

/// Reads a PNG's IHDR (and checks its CRC) without inflating any image data.
int imp_png_probe(const uint8_t *data, size_t size, imp_image_info *info);

/// Decodes a PNG to 8-bit grey or RGB into `out`. Alpha is composited onto white, or with
/// `discard_alpha` dropped (the colour stored under transparent pixels kept, as Pillow's
/// `convert` does).
int imp_png_decode(const uint8_t *data, size_t size, uint8_t *out, size_t capacity,
                   int discard_alpha, imp_image_info *info);

/// Reads a WebP's size and features without decoding.
int imp_webp_probe(const uint8_t *data, size_t size, imp_image_info *info);

/// Decodes a WebP (lossy or lossless) to RGB into `out`; alpha as for PNG.
int imp_webp_decode(const uint8_t *data, size_t size, uint8_t *out, size_t capacity,
                    int discard_alpha, imp_image_info *info);

/// Reads the first page's size of a TIFF (classic or BigTIFF) without decoding pixels.
/// `IMP_UNSUPPORTED` when libtiff cannot turn its photometric/sample layout into RGB.
int imp_tiff_probe(const uint8_t *data, size_t size, imp_image_info *info);

/// Decodes a TIFF's first page to RGB into `out`, rows in the stored order (the Orientation
/// tag is the caller's to apply, as EXIF orientation is for the other formats); any
/// compression, bit depth, tiling and colour space libtiff's RGBA interface reads. Alpha as
/// for PNG, except that colour under fully transparent pixels is black with `discard_alpha`
/// (libtiff premultiplies).
int imp_tiff_decode(const uint8_t *data, size_t size, uint8_t *out, size_t capacity,
                    int discard_alpha, imp_image_info *info);

#endif
