// libFuzzer target over the whole metadata path: format sniffing, the container walk
// (JPEG APP1, PNG eXIf/iTXt, WebP EXIF/XMP, TIFF), EXIF through libexif, XMP and the JPEG
// quality estimate, exactly as `imprint exif` calls it; then the orientation-only path
// `imprint hash` uses.
@_cdecl("LLVMFuzzerTestOneInput")
public func metadataFuzzTarget(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data, size > 0 else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if let metadata = try? MetadataReader.read(bytes) {
        // Touch what the command prints so lazily formed values are formed too.
        _ = metadata.tags.map { "\($0.name)=\($0.value)" }
    }
    _ = MetadataReader.orientation(in: bytes)
    return 0
}
