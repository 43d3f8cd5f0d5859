/// `value` with `decimals` digits after the point ("12.35"), as printf's `%.2f` writes it
/// (but for a value within a rounding error of a tie, which may round the other way).
///
/// Foundation's `String(format:)` costs a third of a millisecond the first time a process
/// calls it: 3% of an `ingest` that finds nothing new, for its summary line.
func fixed(_ value: Double, decimals: Int) -> String {
    guard value.isFinite else { return value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf") }
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let scaled = (abs(value) * scale).rounded(.toNearestOrEven)
    guard scaled < 9e15 else { return "\(value)" }
    let units = UInt64(scaled)
    let whole = String(units / UInt64(scale))
    let sign = value.sign == .minus ? "-" : ""
    guard decimals > 0 else { return sign + whole }
    let fraction = String(units % UInt64(scale))
    return sign + whole + "." + String(repeating: "0", count: decimals - fraction.count) + fraction
}

/// `number` with zeros in front up to `width` digits ("07", "0042"), as printf's `%0*d` writes
/// a number that is not negative.
func zeroPadded(_ number: Int, width: Int) -> String {
    let digits = String(number)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
}
