import Foundation

/// A fraction as the eval commands print it: 0.8214 -> "82.1", right-aligned
/// in `width` characters (0: no padding).
func percent(_ fraction: Double, width: Int = 0) -> String {
    String(format: "%\(width > 0 ? String(width) : "").1f", fraction * 100)
}

/// `part` of `whole` as a percentage ("82.1"), or "-" when `whole` is 0.
func percent(_ part: Int, of whole: Int) -> String {
    whole == 0 ? "-" : percent(Double(part) / Double(whole))
}
