/// Image editors as they name themselves in EXIF Software (and XMP CreatorTool).
///
/// Only programs whose purpose is changing pictures: camera firmware ("Ver.1.00"), phone
/// camera apps ("HDR+ 1.0"), camera makers' raw converters and batch converters (ImageMagick,
/// which social platforms and scrapers also run) write Software too, and would flag every photo.
enum EditorNames {
    /// Lower-case fragments, each naming an editor; the first found is reported, so a name
    /// that holds another comes first ("Adobe Photoshop Lightroom Classic" is Lightroom).
    static let fragments: [(fragment: String, editor: String)] = [
        ("lightroom", "Adobe Lightroom"), ("photoshop", "Adobe Photoshop"), ("gimp", "GIMP"),
        ("darktable", "darktable"), ("acdsee", "ACDSee"), ("picasa", "Picasa"),
        ("snapseed", "Snapseed"), ("picsart", "PicsArt"), ("pixelmator", "Pixelmator"),
        ("affinity photo", "Affinity Photo"), ("canva", "Canva"), ("paint.net", "Paint.NET"),
        ("photopea", "Photopea"), ("facetune", "Facetune"), ("meitu", "Meitu"), ("luminar", "Luminar"),
        ("photoscape", "PhotoScape"), ("fotor", "Fotor"), ("inshot", "InShot"), ("vsco", "VSCO"),
        ("polarr", "Polarr"), ("afterlight", "Afterlight"), ("airbrush", "AirBrush"), ("picmonkey", "PicMonkey"),
        ("photo editor", "a photo editor"), ("photodirector", "PhotoDirector"), ("corel paintshop", "PaintShop Pro"),
        ("paintshop pro", "PaintShop Pro"), ("krita", "Krita"), ("faceapp", "FaceApp"), ("remini", "Remini"),
    ]

    /// The editor `software` names, or nil.
    static func editor(in software: String) -> String? {
        let lowered = software.lowercased()
        return fragments.first { lowered.contains($0.fragment) }?.editor
    }
}
