/// Cutting lines at the plot area's edges, as matplotlib clips a line to its axes.
extension PlotLayout {
    /// Slack in px so that a point on an edge (the usual case: the axis spans the data)
    /// counts as inside despite rounding.
    static let edgeSlack = 1e-6

    /// Whether pixel `p` lies in the plot area.
    func contains(_ p: (Double, Double)) -> Bool {
        p.0 >= left - Self.edgeSlack && p.0 <= right + Self.edgeSlack
            && p.1 >= top - Self.edgeSlack && p.1 <= bottom + Self.edgeSlack
    }

    /// The part of the segment from `a` to `b` (pixels) inside the plot area, or `nil` if
    /// none is (Liang–Barsky; an end already inside is returned unchanged).
    func clip(from a: (Double, Double), to b: (Double, Double)) -> ((Double, Double), (Double, Double))? {
        let dx = b.0 - a.0, dy = b.1 - a.1
        var t0 = 0.0, t1 = 1.0
        let s = Self.edgeSlack
        // Each edge as p·t ≤ q: left, right, top, bottom.
        for (p, q) in [(-dx, a.0 - (left - s)), (dx, (right + s) - a.0), (-dy, a.1 - (top - s)), (dy, (bottom + s) - a.1)] {
            if p == 0 {
                if q < 0 { return nil }
                continue
            }
            let t = q / p
            if p < 0 { if t > t1 { return nil }; t0 = max(t0, t) } else { if t < t0 { return nil }; t1 = min(t1, t) }
        }
        let start = t0 == 0 ? a : (a.0 + t0 * dx, a.1 + t0 * dy)
        let end = t1 == 1 ? b : (a.0 + t1 * dx, a.1 + t1 * dy)
        return (start, end)
    }
}
