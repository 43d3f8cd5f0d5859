/// One named metadata value, as exiftool would list it with `-G1 -n`.
public struct MetadataTag: Sendable, Hashable {
    /// exiftool's family-1 group: `IFD0`, `ExifIFD`, `GPS`, `InteropIFD`, `IFD1`, `XMP-dc`,
    /// `Composite`, …
    public var group: String
    /// exiftool's tag name, e.g. `DateTimeOriginal`.
    public var name: String
    /// The value, numbers as numbers.
    public var value: TagValue

    /// Creates a tag.
    public init(group: String, name: String, value: TagValue) {
        self.group = group
        self.name = name
        self.value = value
    }

    /// `group:name`, the key exiftool prints with `-G1`.
    public var groupedName: String { group + ":" + name }
}
