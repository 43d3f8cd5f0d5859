extension ContainerContents {
    /// A TIFF file is itself the EXIF structure; dimensions come from IFD0's tags later.
    static func scanTIFF(_ bytes: [UInt8]) throws(MetadataError) -> ContainerContents {
        var contents = ContainerContents()
        contents.exif = bytes[...]
        contents.exifFileOffset = 0
        return contents
    }
}
