import ArgumentParser

/// The thresholds of `imprint claims`, `imprint site` and `imprint flags`.
struct ClaimOptions: ParsableArguments {
    @OptionGroup var gazetteerOptions: GazetteerOptions
    @OptionGroup var output: OutputFormatOptions

    @Option(help: ArgumentHelp("A photo posted or taken more than this many days before a post presenting it as new is recycled.", valueName: "days"))
    var recycledDays = ClaimSettings().recycledDays

    @Option(help: ArgumentHelp("One photo claimed at sites farther apart than this (beyond their uncertainties) is conflicting.", valueName: "km"))
    var conflictKm = ClaimSettings().conflictKm

    @Option(help: ArgumentHelp("EXIF GPS farther than this from the claimed site (beyond its uncertainty) is a mismatch.", valueName: "km"))
    var gpsMismatchKm = ClaimSettings().gpsMismatchKm

    @Option(help: ArgumentHelp("EXIF GPS within the site's uncertainty plus this links a photo to the site.", valueName: "km"))
    var gpsRadiusKm = ClaimSettings().gpsRadiusKm

    @Option(help: ArgumentHelp("pHash bits (of 64) beyond which the EXIF thumbnail shows another picture.", valueName: "bits"))
    var thumbnailBits = ClaimSettings().thumbnailBits

    var settings: ClaimSettings {
        ClaimSettings(recycledDays: recycledDays, conflictKm: conflictKm, gpsMismatchKm: gpsMismatchKm,
                      gpsRadiusKm: gpsRadiusKm, thumbnailBits: thumbnailBits)
    }

    func validate() throws {
        for (name, value) in [("--conflict-km", conflictKm), ("--gps-mismatch-km", gpsMismatchKm), ("--gps-radius-km", gpsRadiusKm)]
        where !(value.isFinite && value >= 0) {
            throw ValidationError("\(name) must be a finite number of kilometres, 0 or more.")
        }
        if recycledDays < 0 || thumbnailBits < 0 { throw ValidationError("--recycled-days and --thumbnail-bits cannot be negative.") }
    }

    /// The claims indexer over the case.
    func analyse() throws -> CaseClaims {
        let store = try gazetteerOptions.caseOptions.openExisting()
        return try CaseClaims(store: store, settings: settings, gazetteer: try gazetteerOptions.load())
    }
}
