import NumericCore

/// A figure: one or more series on shared axes, drawn as publication-quality SVG.
///
/// CONTRACT (the language builds against these signatures): `Plot(tables:x:y:...)`,
/// `Plot(series:...)`, `svg()`, `summary`, `bundle`.
public struct Plot: Sendable, Equatable {
    /// Which axes are logarithmic.
    public enum Scale: String, Sendable, CaseIterable {
        case linear, logx, logy, loglog

        /// Whether the x axis is logarithmic.
        public var logX: Bool { self == .logx || self == .loglog }
        /// Whether the y axis is logarithmic.
        public var logY: Bool { self == .logy || self == .loglog }
    }

    /// One curve or set of points.
    public struct Series: Sendable, Equatable {
        /// How a series is drawn.
        public enum Style: String, Sendable {
            /// A line through the points (theory).
            case line
            /// Markers, with error bars where `errors` is given (simulation, data).
            case markers
            /// A line through markers.
            case both
        }
        /// Legend text (empty: no legend entry).
        public var label: String
        /// The x coordinates.
        public var xs: [Double]
        /// The y coordinates, one per x.
        public var ys: [Double]
        /// One standard error per point, drawn as ±1 error bars; `nil` for none.
        public var errors: [Double]?
        public var style: Style
        /// Series with the same non-nil group share a colour, and share one legend row
        /// when their labels match too (a swept theory line and the simulation markers
        /// for the same parameter value). `nil`: a colour of its own.
        public var group: String?
        /// Drawn dashed (a line, or the line of `both`).
        public var dashed = false
        /// A CSS colour (`#0072B2`, `crimson`) instead of the palette's; `nil`: the palette.
        public var color: String?
        /// A shaded band from `band.lower[i]` to `band.upper[i]` at each x (a fit's interval).
        public var band: Band?

        /// A shaded region between two curves over the series' xs.
        public struct Band: Sendable, Equatable {
            /// The lower edge, one value per x.
            public var lower: [Double]
            /// The upper edge, one value per x.
            public var upper: [Double]
            /// What the band is ("95% bootstrap band"): a legend row of its own, shared by
            /// every band with the same label; `nil`: only the series' row shows a swatch.
            public var label: String?
            /// Makes a band.
            public init(lower: [Double], upper: [Double], label: String? = nil) {
                self.lower = lower
                self.upper = upper
                self.label = label
            }
        }

        /// Makes a series.
        public init(label: String, xs: [Double], ys: [Double], errors: [Double]? = nil, style: Style,
                    group: String? = nil) {
            self.label = label
            self.xs = xs
            self.ys = ys
            self.errors = errors
            self.style = style
            self.group = group
        }
    }

    /// The curves, drawn in order (later ones on top).
    public var series: [Series]
    /// Linear or logarithmic axes.
    public var scale: Scale
    /// The title above the plot, if any.
    public var title: String?
    /// The x-axis label, if any.
    public var xlabel: String?
    /// The y-axis label, if any.
    public var ylabel: String?
    /// The x range shown, instead of one fitted to the data; points outside are left out.
    public var xlim: ClosedRange<Double>?
    /// The y range shown, instead of one fitted to the data; points outside are left out.
    public var ylim: ClosedRange<Double>?
    /// The figure's width and height in px (the SVG viewBox).
    public var width = 640.0, height = 420.0
    /// Where the legend goes.
    public var legend: LegendPlacement = .best

    /// Where a plot's legend goes: a corner of the plot area, the one covering the fewest
    /// points (`best`), or nowhere.
    public enum LegendPlacement: String, Sendable, CaseIterable {
        case best
        case upperRight = "upper right", upperLeft = "upper left", lowerRight = "lower right", lowerLeft = "lower left"
        case none
    }

    /// Makes a plot from ready series.
    public init(series: [Series], scale: Scale = .linear, title: String? = nil, xlabel: String? = nil,
                ylabel: String? = nil) {
        self.series = series
        self.scale = scale
        self.title = title
        self.xlabel = xlabel
        self.ylabel = ylabel
    }
}
