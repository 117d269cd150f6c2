import Foundation

/// A fraction as the eval commands print it: 0.8214 -> "82.1", right-aligned
/// in `width` characters (0: no padding).
func percent(_ fraction: Double, width: Int = 0) -> String {
    String(format: "%\(width > 0 ? String(width) : "").1f", fraction * 100)
}
