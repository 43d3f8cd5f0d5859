/* C shims for libjpeg, libpng and libwebp. */
