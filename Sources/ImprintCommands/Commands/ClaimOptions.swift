import ArgumentParser

/// What `imprint claims`, `imprint site` and `imprint flags` share: the case, the gazetteer,
/// the output format, and the radius by which EXIF GPS links a photo to a site.
struct ClaimOptions: ParsableArguments {
    @OptionGroup var gazetteerOptions: GazetteerOptions
    @OptionGroup var output: OutputFormatOptions

    @Option(help: ArgumentHelp("EXIF GPS within the site's uncertainty plus this links a photo to the site.", valueName: "km"))
    var gpsRadiusKm = ClaimSettings().gpsRadiusKm

    func validate() throws {
        guard gpsRadiusKm.isFinite, gpsRadiusKm >= 0 else {
            throw ValidationError("--gps-radius-km must be a finite number of kilometres, 0 or more.")
        }
    }

    /// The claims indexer over the case, with `thresholds` for the flags (the defaults when
    /// nil: links do not depend on them).
    func analyse(_ thresholds: FlagThresholds? = nil) throws -> CaseClaims {
        var settings = ClaimSettings()
        settings.gpsRadiusKm = gpsRadiusKm
        thresholds?.apply(to: &settings)
        let store = try gazetteerOptions.caseOptions.openExisting()
        return try CaseClaims(store: store, settings: settings, gazetteer: try gazetteerOptions.load())
    }
}

/// The thresholds of `imprint flags` alone: what makes a photo recycled, two claims
/// conflicting, GPS a mismatch, a thumbnail another picture.
struct FlagThresholds: ParsableArguments {
    @Option(help: ArgumentHelp("A photo posted or taken more than this many days before a post presenting it as new is recycled.", valueName: "days"))
    var recycledDays = ClaimSettings().recycledDays

    @Option(help: ArgumentHelp("One photo claimed at sites farther apart than this (beyond their uncertainties) is conflicting.", valueName: "km"))
    var conflictKm = ClaimSettings().conflictKm

    @Option(help: ArgumentHelp("EXIF GPS farther than this from the claimed site (beyond its uncertainty) is a mismatch.", valueName: "km"))
    var gpsMismatchKm = ClaimSettings().gpsMismatchKm

    @Option(help: ArgumentHelp("pHash bits (of 64) beyond which the EXIF thumbnail shows another picture.", valueName: "bits"))
    var thumbnailBits = ClaimSettings().thumbnailBits

    func validate() throws {
        for (name, value) in [("--conflict-km", conflictKm), ("--gps-mismatch-km", gpsMismatchKm)] where !(value.isFinite && value >= 0) {
            throw ValidationError("\(name) must be a finite number of kilometres, 0 or more.")
        }
        if recycledDays < 0 || thumbnailBits < 0 { throw ValidationError("--recycled-days and --thumbnail-bits cannot be negative.") }
    }

    func apply(to settings: inout ClaimSettings) {
        settings.recycledDays = recycledDays
        settings.conflictKm = conflictKm
        settings.gpsMismatchKm = gpsMismatchKm
        settings.thumbnailBits = thumbnailBits
    }
}
