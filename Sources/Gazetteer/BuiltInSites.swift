/// The built-in gazetteer as a table (see ``Gazetteer/parseBuiltIn(_:)`` for the columns).
enum BuiltInSites {
    static let table = """
    # id	type	name	aliases	latitude	longitude	country	uncertainty_km	references	source
    tabqa-air-base	air_base	Tabqa Air Base	Al Tabqah Airbase|Tabqa airbase|Thawra air base|al-Thawra military airport|مطار الطبقة|مطار الطبقة العسكري|قاعدة الطبقة الجوية|مطار الثورة	35.7547	38.566799	SY	3	ourairports:SY-0035|icao:OS59	OurAirports SY-0035 (closed), coordinates as published
    """
}
