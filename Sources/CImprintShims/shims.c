// C shims for libjpeg-turbo, libpng, libwebp and libtiff. See imprint_shims.h for the contract.

#include "imprint_shims.h"

#include <limits.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jpeglib.h>
#include <png.h>
#include <webp/decode.h>
#include <stdarg.h>
#include <dlfcn.h>
#include <pthread.h>
#include <tiffio.h>

static void imp_reset(imp_image_info *info) {
    memset(info, 0, sizeof(*info));
}

static void imp_set_message(imp_image_info *info, const char *text, int overwrite) {
    if (overwrite || info->message[0] == '\0') {
        snprintf(info->message, sizeof(info->message), "%s", text);
    }
}

/// Composites one row of grey+alpha or RGBA onto white. Alpha must be handled in C because the
/// rows come from the libraries' own buffers inside their longjmp scope.
static void imp_composite_row(const uint8_t *in, uint8_t *out, int width, int colour) {
    int n = colour ? 3 : 1;
    for (int x = 0; x < width; x++) {
        unsigned a = in[n];
        for (int c = 0; c < n; c++) {
            out[c] = (uint8_t)((in[c] * a + 255u * (255u - a) + 127u) / 255u);
        }
        in += n + 1;
        out += n;
    }
}

static int imp_buffer_fits(const imp_image_info *info, size_t capacity) {
    size_t need = (size_t)info->width * (size_t)info->height * (size_t)info->channels;
    return info->width > 0 && info->height > 0 && need <= capacity;
}

// MARK: - Libraries opened on first use

// The decoders are opened by the first file that needs one, not linked: a run that decodes
// nothing (a second ingest, a query of the case) does not pay the loader for them at start
// (libtiff, with the compression libraries it brings, took 1.5 ms of every start; libjpeg,
// libpng, libwebp and libexif, which ImageMetadata opens the same way, 0.5 ms). Each
// library's functions are listed once; a table of pointers to them is filled from the
// library on first use, under a pthread_once. The file names follow the ABI of the headers
// compiled against.
#define IMP_FIELD(name) __typeof__(&name) name;
#define IMP_RESOLVE(name) \
    if (!(table->name = (__typeof__(&name))dlsym(handle, #name))) { dlclose(handle); return; }
#define IMP_LIBRARY(library, FUNCTIONS, missing, ...) \
    static struct { FUNCTIONS(IMP_FIELD) int loaded; } library; \
    static pthread_once_t library##_once = PTHREAD_ONCE_INIT; \
    static void library##_load(void) { \
        static const char *const names[] = {__VA_ARGS__}; \
        void *handle = NULL; \
        for (size_t i = 0; !handle && i < sizeof(names) / sizeof(names[0]); i++) \
            handle = dlopen(names[i], RTLD_NOW | RTLD_LOCAL); \
        if (!handle) return; \
        __typeof__(&library) table = &library; \
        FUNCTIONS(IMP_RESOLVE) \
        table->loaded = 1; \
    } \
    /* Whether the library could be opened; says which is missing in `info` when not. */ \
    static int library##_ready(imp_image_info *info) { \
        pthread_once(&library##_once, library##_load); \
        if (!library.loaded) imp_set_message(info, missing, 1); \
        return library.loaded; \
    }
#define IMP_STRING(x) IMP_STRING_(x)
#define IMP_STRING_(x) #x

#define IMP_JPEG_FUNCTIONS(X) \
    X(jpeg_std_error) X(jpeg_CreateDecompress) X(jpeg_mem_src) X(jpeg_read_header) \
    X(jpeg_calc_output_dimensions) X(jpeg_start_decompress) X(jpeg_read_scanlines) X(jpeg_abort_decompress) \
    X(jpeg_destroy_decompress)
#if JPEG_LIB_VERSION >= 80
#define IMP_LIBJPEG "libjpeg.so.8"
#elif JPEG_LIB_VERSION >= 70
#define IMP_LIBJPEG "libjpeg.so.7"
#else
#define IMP_LIBJPEG "libjpeg.so.62"
#endif
IMP_LIBRARY(imp_libjpeg, IMP_JPEG_FUNCTIONS, "JPEG: libjpeg is not installed (" IMP_LIBJPEG ")",
            IMP_LIBJPEG, "libjpeg.dylib")

#define IMP_PNG_FUNCTIONS(X) \
    X(png_sig_cmp) X(png_create_read_struct) X(png_create_info_struct) \
    X(png_set_longjmp_fn) X(png_destroy_read_struct) X(png_set_read_fn) \
    X(png_get_io_ptr) X(png_get_error_ptr) X(png_error) \
    X(png_longjmp) X(png_set_crc_action) X(png_set_keep_unknown_chunks) \
    X(png_set_sig_bytes) X(png_read_info) X(png_get_image_width) \
    X(png_get_image_height) X(png_get_bit_depth) X(png_get_interlace_type) \
    X(png_get_color_type) X(png_get_valid) X(png_set_expand) \
    X(png_set_strip_16) X(png_set_strip_alpha) X(png_set_interlace_handling) \
    X(png_read_update_info) X(png_get_channels) X(png_get_rowbytes) \
    X(png_read_image) X(png_read_row)
#define IMP_LIBPNG "libpng" IMP_STRING(PNG_LIBPNG_VER_DLLNUM) ".so." IMP_STRING(PNG_LIBPNG_VER_SONUM)
IMP_LIBRARY(imp_libpng, IMP_PNG_FUNCTIONS, "PNG: libpng is not installed (" IMP_LIBPNG ")",
            IMP_LIBPNG, "libpng" IMP_STRING(PNG_LIBPNG_VER_DLLNUM) ".dylib")

// WebPGetFeatures is an inline function of the header over WebPGetFeaturesInternal.
#define IMP_WEBP_FUNCTIONS(X) X(WebPGetFeaturesInternal) X(WebPDecodeRGBInto) X(WebPDecodeRGBAInto)
IMP_LIBRARY(imp_libwebp, IMP_WEBP_FUNCTIONS, "WebP: libwebp is not installed (libwebp.so.7)",
            "libwebp.so.7", "libwebp.so", "libwebp.7.dylib", "libwebp.dylib")

// MARK: - JPEG

// libjpeg reports fatal errors by calling error_exit, which must not return: the only way
// out is longjmp, so the whole decompress sequence lives here in C.
typedef struct {
    struct jpeg_error_mgr pub;
    jmp_buf jump;
    imp_image_info *info;
} imp_jpeg_error;

static void imp_jpeg_error_exit(j_common_ptr cinfo) {
    imp_jpeg_error *err = (imp_jpeg_error *)cinfo->err;
    char text[JMSG_LENGTH_MAX];
    (*cinfo->err->format_message)(cinfo, text);
    imp_set_message(err->info, text, 1);
    longjmp(err->jump, 1);
}

// Replaces libjpeg's emit_message so warnings are counted and kept, never printed to stderr.
static void imp_jpeg_emit_message(j_common_ptr cinfo, int level) {
    if (level >= 0) return; // trace messages
    imp_jpeg_error *err = (imp_jpeg_error *)cinfo->err;
    cinfo->err->num_warnings++;
    if (err->info->warnings++ == 0) {
        char text[JMSG_LENGTH_MAX];
        (*cinfo->err->format_message)(cinfo, text);
        imp_set_message(err->info, text, 0);
    }
}

static void imp_jpeg_output_message(j_common_ptr cinfo) {
    (void)cinfo;
}

/// Routes libjpeg's errors and warnings into `info` (the setjmp stays in each caller's frame).
static struct jpeg_error_mgr *imp_jpeg_errors(imp_jpeg_error *err, imp_image_info *info) {
    struct jpeg_error_mgr *manager = imp_libjpeg.jpeg_std_error(&err->pub);
    manager->error_exit = imp_jpeg_error_exit;
    manager->emit_message = imp_jpeg_emit_message;
    manager->output_message = imp_jpeg_output_message;
    err->info = info;
    return manager;
}

static int imp_jpeg_color_of(J_COLOR_SPACE space) {
    switch (space) {
    case JCS_GRAYSCALE: return IMP_JPEG_GRAY;
    case JCS_YCbCr:
    case JCS_RGB: return IMP_JPEG_RGB;
    case JCS_CMYK: return IMP_JPEG_CMYK;
    case JCS_YCCK: return IMP_JPEG_YCCK;
    default: return IMP_JPEG_OTHER;
    }
}

/// Reads the header and sets the output colour space and scale; fills `info`.
static void imp_jpeg_setup(struct jpeg_decompress_struct *cinfo, int scale_denom, int grey,
                           imp_image_info *info) {
    imp_libjpeg.jpeg_read_header(cinfo, TRUE);
    info->full_width = (int)cinfo->image_width;
    info->full_height = (int)cinfo->image_height;
    info->jpeg_color = imp_jpeg_color_of(cinfo->jpeg_color_space);
    info->progressive = cinfo->progressive_mode ? 1 : 0;
    info->bit_depth = cinfo->data_precision;
    switch (cinfo->jpeg_color_space) {
    case JCS_CMYK:
    case JCS_YCCK:
        // libjpeg has no CMYK→RGB conversion; we take CMYK and convert per row.
        cinfo->out_color_space = JCS_CMYK;
        break;
    case JCS_GRAYSCALE:
        cinfo->out_color_space = JCS_GRAYSCALE;
        break;
    default:
        cinfo->out_color_space = grey ? JCS_GRAYSCALE : JCS_RGB;
        break;
    }
    if (scale_denom != 1 && scale_denom != 2 && scale_denom != 4 && scale_denom != 8) scale_denom = 1;
    cinfo->scale_num = 1;
    cinfo->scale_denom = (unsigned)scale_denom;
    cinfo->dct_method = JDCT_ISLOW;
    imp_libjpeg.jpeg_calc_output_dimensions(cinfo);
    info->width = (int)cinfo->output_width;
    info->height = (int)cinfo->output_height;
    if (cinfo->out_color_space == JCS_GRAYSCALE) {
        info->channels = 1;
    } else {
        info->channels = grey ? 1 : 3;
    }
}

int imp_jpeg_probe(const uint8_t *data, size_t size, int scale_denom, int grey,
                   imp_image_info *info) {
    imp_reset(info);
    if (!imp_libjpeg_ready(info)) return IMP_UNSUPPORTED;
    struct jpeg_decompress_struct cinfo;
    imp_jpeg_error err;
    cinfo.err = imp_jpeg_errors(&err, info);
    if (setjmp(err.jump)) {
        imp_libjpeg.jpeg_destroy_decompress(&cinfo);
        return IMP_ERROR;
    }
    imp_libjpeg.jpeg_CreateDecompress(&cinfo, JPEG_LIB_VERSION, sizeof(struct jpeg_decompress_struct));
    imp_libjpeg.jpeg_mem_src(&cinfo, data, (unsigned long)size);
    imp_jpeg_setup(&cinfo, scale_denom, grey, info);
    imp_libjpeg.jpeg_destroy_decompress(&cinfo);
    return info->warnings ? IMP_WARNING : IMP_OK;
}

/// Converts a CMYK row to RGB or grey. Adobe writes CMYK inverted (0 = full ink), which the
/// APP14 marker tells us; the conversion is the same naive one Pillow uses.
static void imp_cmyk_row(const uint8_t *in, uint8_t *out, int width, int inverted, int channels) {
    for (int x = 0; x < width; x++, in += 4) {
        unsigned c = in[0], m = in[1], y = in[2], k = in[3];
        if (!inverted) {
            c = 255 - c; m = 255 - m; y = 255 - y; k = 255 - k;
        }
        unsigned r = (c * k + 127) / 255, g = (m * k + 127) / 255, b = (y * k + 127) / 255;
        if (channels == 1) {
            *out++ = (uint8_t)((r * 299 + g * 587 + b * 114 + 500) / 1000);
        } else {
            *out++ = (uint8_t)r; *out++ = (uint8_t)g; *out++ = (uint8_t)b;
        }
    }
}

int imp_jpeg_decode(const uint8_t *data, size_t size, int scale_denom, int grey,
                    uint8_t *out, size_t capacity, imp_image_info *info) {
    imp_reset(info);
    if (!imp_libjpeg_ready(info)) return IMP_UNSUPPORTED;
    struct jpeg_decompress_struct cinfo;
    imp_jpeg_error err;
    // volatile: modified between setjmp and longjmp.
    uint8_t *volatile scratch = NULL;
    cinfo.err = imp_jpeg_errors(&err, info);
    if (setjmp(err.jump)) {
        free(scratch);
        imp_libjpeg.jpeg_destroy_decompress(&cinfo);
        return IMP_ERROR;
    }
    imp_libjpeg.jpeg_CreateDecompress(&cinfo, JPEG_LIB_VERSION, sizeof(struct jpeg_decompress_struct));
    imp_libjpeg.jpeg_mem_src(&cinfo, data, (unsigned long)size);
    imp_jpeg_setup(&cinfo, scale_denom, grey, info);
    if (!imp_buffer_fits(info, capacity)) {
        imp_libjpeg.jpeg_destroy_decompress(&cinfo);
        imp_set_message(info, "output buffer does not fit the image", 1);
        return IMP_BAD_BUFFER;
    }
    imp_libjpeg.jpeg_start_decompress(&cinfo);
    size_t stride = (size_t)info->width * (size_t)info->channels;
    if (cinfo.out_color_space == JCS_CMYK) {
        int inverted = cinfo.saw_Adobe_marker;
        scratch = malloc((size_t)cinfo.output_width * 4);
        if (!scratch) {
            imp_libjpeg.jpeg_destroy_decompress(&cinfo);
            imp_set_message(info, "out of memory", 1);
            return IMP_ERROR;
        }
        while (cinfo.output_scanline < cinfo.output_height) {
            JSAMPROW row = scratch;
            uint8_t *dest = out + (size_t)cinfo.output_scanline * stride;
            if (imp_libjpeg.jpeg_read_scanlines(&cinfo, &row, 1) != 1) break;
            imp_cmyk_row(scratch, dest, info->width, inverted, info->channels);
        }
        free(scratch);
        scratch = NULL;
    } else {
        while (cinfo.output_scanline < cinfo.output_height) {
            JSAMPROW rows[8];
            JDIMENSION left = cinfo.output_height - cinfo.output_scanline;
            JDIMENSION count = left < 8 ? left : 8;
            for (JDIMENSION i = 0; i < count; i++) {
                rows[i] = out + (size_t)(cinfo.output_scanline + i) * stride;
            }
            if (imp_libjpeg.jpeg_read_scanlines(&cinfo, rows, count) == 0) break;
        }
    }
    // jpeg_finish_decompress would read past the image to EOI; a missing EOI is already
    // reported as a warning, so abort instead.
    imp_libjpeg.jpeg_abort_decompress(&cinfo);
    imp_libjpeg.jpeg_destroy_decompress(&cinfo);
    return info->warnings ? IMP_WARNING : IMP_OK;
}

// MARK: - PNG

// libpng, like libjpeg, leaves its error callback only by longjmp.
typedef struct {
    const uint8_t *data;
    size_t size;
    size_t position;
    imp_image_info *info;
} imp_png_source;

static void imp_png_read(png_structp png, png_bytep out, size_t count) {
    imp_png_source *source = (imp_png_source *)imp_libpng.png_get_io_ptr(png);
    if (count > source->size - source->position) {
        imp_libpng.png_error(png, "Read Error: file ends early");
    }
    memcpy(out, source->data + source->position, count);
    source->position += count;
}

static void imp_png_error(png_structp png, png_const_charp text) {
    imp_png_source *source = (imp_png_source *)imp_libpng.png_get_error_ptr(png);
    imp_set_message(source->info, text, 1);
    imp_libpng.png_longjmp(png, 1);
}

static void imp_png_warning(png_structp png, png_const_charp text) {
    imp_png_source *source = (imp_png_source *)imp_libpng.png_get_error_ptr(png);
    if (source->info->warnings++ == 0) imp_set_message(source->info, text, 0);
}

/// Reads signature and chunks up to the first IDAT and fills the header fields of `info`.
static void imp_png_header(png_structp png, png_infop header, imp_image_info *info) {
    imp_libpng.png_set_sig_bytes(png, 0);
    imp_libpng.png_read_info(png, header);
    info->full_width = info->width = (int)imp_libpng.png_get_image_width(png, header);
    info->full_height = info->height = (int)imp_libpng.png_get_image_height(png, header);
    info->bit_depth = imp_libpng.png_get_bit_depth(png, header);
    info->progressive = imp_libpng.png_get_interlace_type(png, header) == PNG_INTERLACE_ADAM7;
    int type = imp_libpng.png_get_color_type(png, header);
    info->has_alpha = (type & PNG_COLOR_MASK_ALPHA) || imp_libpng.png_get_valid(png, header, PNG_INFO_tRNS);
    info->channels = (type & PNG_COLOR_MASK_COLOR) ? 3 : 1;
}

int imp_png_probe(const uint8_t *data, size_t size, imp_image_info *info) {
    return imp_png_decode(data, size, NULL, 0, 0, info);
}

int imp_png_decode(const uint8_t *data, size_t size, uint8_t *out, size_t capacity,
                   int discard_alpha, imp_image_info *info) {
    imp_reset(info);
    if (!imp_libpng_ready(info)) return IMP_UNSUPPORTED;
    imp_png_source source = {data, size, 0, info};
    if (size < 8 || imp_libpng.png_sig_cmp(data, 0, 8) != 0) {
        imp_set_message(info, "Not a PNG file", 1);
        return IMP_ERROR;
    }
    png_structp png = imp_libpng.png_create_read_struct(PNG_LIBPNG_VER_STRING, &source, imp_png_error,
                                             imp_png_warning);
    if (!png) return IMP_ERROR;
    png_infop header = imp_libpng.png_create_info_struct(png);
    png_bytep *volatile rows = NULL;
    uint8_t *volatile scratch = NULL;
    if (!header || setjmp(*imp_libpng.png_set_longjmp_fn(png, longjmp, sizeof(jmp_buf)))) {
        free(rows);
        free(scratch);
        imp_libpng.png_destroy_read_struct(&png, header ? &header : NULL, NULL);
        return IMP_ERROR;
    }
    imp_libpng.png_set_read_fn(png, &source, imp_png_read);
    // Ancillary chunks cannot change pixels; skipping their CRC errors keeps the image.
    imp_libpng.png_set_crc_action(png, PNG_CRC_DEFAULT, PNG_CRC_WARN_DISCARD);
    // Colour-management and text chunks do not change the samples we return, and Imprint
    // reads metadata itself; skipping them keeps their complaints from flagging sound pixels.
    static const png_byte ignored[] = "iCCP\0sRGB\0cHRM\0gAMA\0iTXt\0tEXt\0zTXt\0eXIf\0tIME\0";
    imp_libpng.png_set_keep_unknown_chunks(png, PNG_HANDLE_CHUNK_NEVER, ignored, 9);
    imp_png_header(png, header, info);
    if (out == NULL) {
        imp_libpng.png_destroy_read_struct(&png, &header, NULL);
        return info->warnings ? IMP_WARNING : IMP_OK;
    }
    if (!imp_buffer_fits(info, capacity)) {
        imp_libpng.png_destroy_read_struct(&png, &header, NULL);
        imp_set_message(info, "output buffer does not fit the image", 1);
        return IMP_BAD_BUFFER;
    }
    imp_libpng.png_set_expand(png);   // palette → RGB, grey < 8 bits → 8, tRNS → alpha
    imp_libpng.png_set_strip_16(png); // keep the high byte, as Pillow does
    if (discard_alpha) imp_libpng.png_set_strip_alpha(png);
    int passes = imp_libpng.png_set_interlace_handling(png);
    imp_libpng.png_read_update_info(png, header);
    int in_channels = imp_libpng.png_get_channels(png, header);
    size_t in_rowbytes = imp_libpng.png_get_rowbytes(png, header);
    size_t out_stride = (size_t)info->width * (size_t)info->channels;
    size_t height = (size_t)info->height;
    if (in_channels == info->channels) {
        if (in_rowbytes != out_stride) imp_libpng.png_error(png, "unexpected row size");
        rows = malloc(height * sizeof(png_bytep));
        if (!rows) imp_libpng.png_error(png, "out of memory");
        for (size_t y = 0; y < height; y++) rows[y] = out + y * out_stride;
        imp_libpng.png_read_image(png, rows);
    } else if (in_channels == info->channels + 1) {
        // Interlaced images need every pass over the whole image before compositing.
        size_t scratch_rows = passes > 1 ? height : 1;
        if (in_rowbytes != (size_t)info->width * (size_t)in_channels) {
            imp_libpng.png_error(png, "unexpected row size");
        }
        if (scratch_rows > SIZE_MAX / in_rowbytes) imp_libpng.png_error(png, "image too large");
        scratch = malloc(scratch_rows * in_rowbytes);
        if (!scratch) imp_libpng.png_error(png, "out of memory");
        if (passes > 1) {
            rows = malloc(height * sizeof(png_bytep));
            if (!rows) imp_libpng.png_error(png, "out of memory");
            for (size_t y = 0; y < height; y++) rows[y] = scratch + y * in_rowbytes;
            imp_libpng.png_read_image(png, rows);
            for (size_t y = 0; y < height; y++) {
                imp_composite_row(rows[y], out + y * out_stride, info->width, info->channels == 3);
            }
        } else {
            for (size_t y = 0; y < height; y++) {
                imp_libpng.png_read_row(png, scratch, NULL);
                imp_composite_row(scratch, out + y * out_stride, info->width, info->channels == 3);
            }
        }
    } else {
        imp_libpng.png_error(png, "unexpected channel count");
    }
    free(rows);
    free(scratch);
    imp_libpng.png_destroy_read_struct(&png, &header, NULL);
    return info->warnings ? IMP_WARNING : IMP_OK;
}

// MARK: - WebP

static const char *imp_webp_status_text(VP8StatusCode status) {
    switch (status) {
    case VP8_STATUS_OK: return "ok";
    case VP8_STATUS_OUT_OF_MEMORY: return "out of memory";
    case VP8_STATUS_INVALID_PARAM: return "invalid parameter";
    case VP8_STATUS_BITSTREAM_ERROR: return "bitstream error";
    case VP8_STATUS_UNSUPPORTED_FEATURE: return "unsupported feature (animated WebP?)";
    case VP8_STATUS_SUSPENDED: return "suspended";
    case VP8_STATUS_USER_ABORT: return "user abort";
    case VP8_STATUS_NOT_ENOUGH_DATA: return "not enough data (truncated file)";
    }
    return "unknown error";
}

// libwebp needs no longjmp; it is wrapped here so every decoder shares one calling contract.
int imp_webp_probe(const uint8_t *data, size_t size, imp_image_info *info) {
    imp_reset(info);
    if (!imp_libwebp_ready(info)) return IMP_UNSUPPORTED;
    WebPBitstreamFeatures features;
    VP8StatusCode status = imp_libwebp.WebPGetFeaturesInternal(data, size, &features, WEBP_DECODER_ABI_VERSION);
    if (status != VP8_STATUS_OK) {
        imp_set_message(info, imp_webp_status_text(status), 1);
        return IMP_ERROR;
    }
    if (features.has_animation) {
        imp_set_message(info, "animation: its frames are not decoded", 1);
        return IMP_UNSUPPORTED;
    }
    info->full_width = info->width = features.width;
    info->full_height = info->height = features.height;
    info->has_alpha = features.has_alpha;
    info->channels = 3;
    info->bit_depth = 8;
    return IMP_OK;
}

int imp_webp_decode(const uint8_t *data, size_t size, uint8_t *out, size_t capacity,
                    int discard_alpha, imp_image_info *info) {
    int status = imp_webp_probe(data, size, info);
    if (status != IMP_OK) return status;
    if (!imp_buffer_fits(info, capacity)) {
        imp_set_message(info, "output buffer does not fit the image", 1);
        return IMP_BAD_BUFFER;
    }
    int stride = info->width * 3;
    if (!info->has_alpha || discard_alpha) {
        if (!imp_libwebp.WebPDecodeRGBInto(data, size, out, capacity, stride)) {
            imp_set_message(info, "WebP decoding failed", 1);
            return IMP_ERROR;
        }
        return IMP_OK;
    }
    size_t rgba_size = (size_t)info->width * (size_t)info->height * 4;
    uint8_t *rgba = malloc(rgba_size);
    if (!rgba) {
        imp_set_message(info, "out of memory", 1);
        return IMP_ERROR;
    }
    if (!imp_libwebp.WebPDecodeRGBAInto(data, size, rgba, rgba_size, info->width * 4)) {
        free(rgba);
        imp_set_message(info, "WebP decoding failed", 1);
        return IMP_ERROR;
    }
    for (int y = 0; y < info->height; y++) {
        imp_composite_row(rgba + (size_t)y * info->width * 4, out + (size_t)y * stride, info->width, 1);
    }
    free(rgba);
    return IMP_OK;
}

// MARK: - TIFF

// libtiff (4.5 or later, for the open options) is opened on the first TIFF, as the other
// decoders are on their first file.
#define IMP_TIFF_FUNCTIONS(X) \
    X(TIFFOpenOptionsAlloc) X(TIFFOpenOptionsFree) X(TIFFOpenOptionsSetErrorHandlerExtR) \
    X(TIFFOpenOptionsSetWarningHandlerExtR) X(TIFFOpenOptionsSetMaxSingleMemAlloc) \
    X(TIFFClientOpenExt) X(TIFFClose) X(TIFFGetField) X(TIFFGetFieldDefaulted) \
    X(TIFFRGBAImageOK) X(TIFFRGBAImageBegin) X(TIFFRGBAImageGet) X(TIFFRGBAImageEnd)
IMP_LIBRARY(imp_libtiff, IMP_TIFF_FUNCTIONS, "TIFF: libtiff 4.5 or later is not installed (libtiff.so.6)",
            "libtiff.so.6", "libtiff.so.5", "libtiff.so", "libtiff.6.dylib", "libtiff.dylib")

// libtiff reads through callbacks over the caller's bytes, and reports through handlers
// attached to this one TIFF (not the process-wide ones, which print to stderr and are shared
// between threads).
typedef struct {
    const uint8_t *data;
    size_t size;
    uint64_t position;
    imp_image_info *info;
    int errors;
} imp_tiff_source;

static tmsize_t imp_tiff_read(thandle_t handle, void *buffer, tmsize_t count) {
    imp_tiff_source *source = (imp_tiff_source *)handle;
    if (count <= 0 || source->position >= source->size) return 0;
    size_t left = source->size - (size_t)source->position;
    size_t n = (size_t)count < left ? (size_t)count : left;
    memcpy(buffer, source->data + source->position, n);
    source->position += n;
    return (tmsize_t)n;
}

static tmsize_t imp_tiff_write(thandle_t handle, void *buffer, tmsize_t count) {
    (void)handle; (void)buffer; (void)count;
    return -1;
}

static toff_t imp_tiff_seek(thandle_t handle, toff_t offset, int whence) {
    imp_tiff_source *source = (imp_tiff_source *)handle;
    uint64_t base = whence == SEEK_CUR ? source->position : whence == SEEK_END ? source->size : 0;
    if (offset > UINT64_MAX - base) return (toff_t)-1;
    source->position = base + offset;
    return source->position;
}

static int imp_tiff_close(thandle_t handle) {
    (void)handle;
    return 0;
}

static toff_t imp_tiff_size(thandle_t handle) {
    return ((imp_tiff_source *)handle)->size;
}

/// The bytes are already in memory: libtiff reads strips straight from them.
static int imp_tiff_map(thandle_t handle, void **base, toff_t *size) {
    imp_tiff_source *source = (imp_tiff_source *)handle;
    *base = (void *)source->data;
    *size = source->size;
    return 1;
}

static void imp_tiff_unmap(thandle_t handle, void *base, toff_t size) {
    (void)handle; (void)base; (void)size;
}

static int imp_tiff_error(TIFF *tif, void *user, const char *module, const char *format, va_list args) {
    (void)tif; (void)module;
    imp_tiff_source *source = (imp_tiff_source *)user;
    // The first error is the message, over any warning before it.
    if (source->errors++ == 0) vsnprintf(source->info->message, sizeof(source->info->message), format, args);
    return 1; // handled: libtiff's global handler (stderr) is not called
}

static int imp_tiff_warning(TIFF *tif, void *user, const char *module, const char *format, va_list args) {
    (void)tif; (void)module;
    imp_tiff_source *source = (imp_tiff_source *)user;
    if (source->info->warnings++ == 0 && source->errors == 0) {
        vsnprintf(source->info->message, sizeof(source->info->message), format, args);
    }
    return 1;
}

/// Opens the first page, or returns NULL with the reason in `info`.
static TIFF *imp_tiff_open(imp_tiff_source *source) {
    TIFFOpenOptions *options = imp_libtiff.TIFFOpenOptionsAlloc();
    if (!options) return NULL;
    imp_libtiff.TIFFOpenOptionsSetErrorHandlerExtR(options, imp_tiff_error, source);
    imp_libtiff.TIFFOpenOptionsSetWarningHandlerExtR(options, imp_tiff_warning, source);
    // A hostile header can ask for any strip buffer; no real strip or tile needs this much.
    imp_libtiff.TIFFOpenOptionsSetMaxSingleMemAlloc(options, (tmsize_t)256 << 20);
    TIFF *tif = imp_libtiff.TIFFClientOpenExt("imprint", "rm", (thandle_t)source, imp_tiff_read, imp_tiff_write,
                                  imp_tiff_seek, imp_tiff_close, imp_tiff_size, imp_tiff_map, imp_tiff_unmap,
                                  options);
    imp_libtiff.TIFFOpenOptionsFree(options);
    if (!tif) imp_set_message(source->info, "not a readable TIFF", 0);
    return tif;
}

/// Fills `info` from the open TIFF's first page; IMP_UNSUPPORTED when libtiff cannot make RGB of it.
static int imp_tiff_describe(TIFF *tif, imp_image_info *info) {
    uint32_t width = 0, height = 0;
    uint16_t bits = 8, samples = 1, extra_count = 0;
    uint16_t *extra = NULL;
    if (!imp_libtiff.TIFFGetField(tif, TIFFTAG_IMAGEWIDTH, &width) || !imp_libtiff.TIFFGetField(tif, TIFFTAG_IMAGELENGTH, &height)) {
        imp_set_message(info, "TIFF: no ImageWidth/ImageLength", 1);
        return IMP_ERROR;
    }
    if (width > INT_MAX || height > INT_MAX) {
        imp_set_message(info, "TIFF: image size out of range", 1);
        return IMP_ERROR;
    }
    imp_libtiff.TIFFGetFieldDefaulted(tif, TIFFTAG_BITSPERSAMPLE, &bits);
    imp_libtiff.TIFFGetFieldDefaulted(tif, TIFFTAG_SAMPLESPERPIXEL, &samples);
    imp_libtiff.TIFFGetFieldDefaulted(tif, TIFFTAG_EXTRASAMPLES, &extra_count, &extra);
    info->full_width = info->width = (int)width;
    info->full_height = info->height = (int)height;
    info->channels = 3;
    info->bit_depth = bits;
    info->has_alpha = extra_count > 0 && extra &&
        (extra[0] == EXTRASAMPLE_ASSOCALPHA || extra[0] == EXTRASAMPLE_UNASSALPHA);
    char reason[1024] = "";
    if (!imp_libtiff.TIFFRGBAImageOK(tif, reason)) {
        snprintf(info->message, sizeof(info->message), "TIFF: %s", reason);
        return IMP_UNSUPPORTED;
    }
    return IMP_OK;
}

int imp_tiff_probe(const uint8_t *data, size_t size, imp_image_info *info) {
    imp_reset(info);
    if (!imp_libtiff_ready(info)) return IMP_UNSUPPORTED;
    imp_tiff_source source = {data, size, 0, info, 0};
    TIFF *tif = imp_tiff_open(&source);
    if (!tif) return IMP_ERROR;
    int status = imp_tiff_describe(tif, info);
    imp_libtiff.TIFFClose(tif);
    return status;
}

/// A premultiplied sample back to its colour (black where nothing of it is left).
static uint8_t imp_unpremultiply(uint32_t value, uint32_t alpha) {
    if (alpha == 0) return 0;
    uint32_t colour = (value * 255 + alpha / 2) / alpha;
    return (uint8_t)(colour > 255 ? 255 : colour);
}

int imp_tiff_decode(const uint8_t *data, size_t size, uint8_t *out, size_t capacity,
                    int discard_alpha, imp_image_info *info) {
    imp_reset(info);
    if (!imp_libtiff_ready(info)) return IMP_UNSUPPORTED;
    imp_tiff_source source = {data, size, 0, info, 0};
    TIFF *tif = imp_tiff_open(&source);
    if (!tif) return IMP_ERROR;
    int status = imp_tiff_describe(tif, info);
    if (status != IMP_OK) {
        imp_libtiff.TIFFClose(tif);
        return status;
    }
    if (!imp_buffer_fits(info, capacity)) {
        imp_libtiff.TIFFClose(tif);
        imp_set_message(info, "output buffer does not fit the image", 1);
        return IMP_BAD_BUFFER;
    }
    size_t width = (size_t)info->width, height = (size_t)info->height;
    uint32_t *raster = malloc(width * height * 4);
    if (!raster) {
        imp_libtiff.TIFFClose(tif);
        imp_set_message(info, "out of memory", 1);
        return IMP_ERROR;
    }
    TIFFRGBAImage image;
    char reason[1024] = "";
    int ok = imp_libtiff.TIFFRGBAImageBegin(&image, tif, 0, reason);
    if (ok) {
        // The stored order: the caller applies Orientation, as it does EXIF's for the other formats.
        image.req_orientation = image.orientation;
        ok = imp_libtiff.TIFFRGBAImageGet(&image, raster, (uint32_t)width, (uint32_t)height);
        imp_libtiff.TIFFRGBAImageEnd(&image);
    } else {
        snprintf(info->message, sizeof(info->message), "TIFF: %s", reason);
    }
    imp_libtiff.TIFFClose(tif);
    if (!ok) {
        free(raster);
        imp_set_message(info, "TIFF: the image data could not be read", 0);
        return IMP_ERROR;
    }
    // libtiff hands over premultiplied RGBA: on white, a colour is c·a + 255·(1 − a), which
    // is the premultiplied value plus 255 − a.
    const uint32_t *pixel = raster;
    uint8_t *dest = out;
    for (size_t i = 0; i < width * height; i++, pixel++, dest += 3) {
        uint32_t r = TIFFGetR(*pixel), g = TIFFGetG(*pixel), b = TIFFGetB(*pixel), a = TIFFGetA(*pixel);
        if (!info->has_alpha || a == 255) {
            dest[0] = (uint8_t)r; dest[1] = (uint8_t)g; dest[2] = (uint8_t)b;
        } else if (discard_alpha) {
            dest[0] = imp_unpremultiply(r, a); dest[1] = imp_unpremultiply(g, a); dest[2] = imp_unpremultiply(b, a);
        } else {
            uint32_t white = 255 - a;
            dest[0] = (uint8_t)(r + white > 255 ? 255 : r + white);
            dest[1] = (uint8_t)(g + white > 255 ? 255 : g + white);
            dest[2] = (uint8_t)(b + white > 255 ? 255 : b + white);
        }
    }
    free(raster);
    return info->warnings ? IMP_WARNING : IMP_OK;
}
