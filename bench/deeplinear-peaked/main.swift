// A small runner for the deeplinear/peaked/hopfield benchmarks (bench/deeplinear.sh, peaked.sh, hopfield.sh):
// `dynamics-bench FAMILY OPERATION key=value ...` runs one model operation from the catalog,
// prints the resulting table as CSV on stdout and the wall time on stderr. Values are numbers,
// comma-separated vectors (`t=0,10,100`) or strings. Until `solvable eval` lands this is how the
// Swift side of the benchmarks runs.
import Models
import NumericCore
#if canImport(Glibc)
import Glibc
#endif

/// Writes `text` to standard error.
func warn(_ text: String) {
    var line = text + "\n"
    line.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
}

/// Parses `text` as a number, a comma-separated vector, or else a string.
func parseValue(_ text: String) -> ParameterValue {
    if text.contains(",") {
        let parts = text.split(separator: ",").compactMap { Double($0) }
        return .vector(parts)
    }
    if let x = Double(text) { return .number(x) }
    return .string(text)
}

/// Wall-clock seconds.
func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}

let arguments = CommandLine.arguments
guard arguments.count >= 3, let family = ModelCatalog.family(arguments[1]),
      let operation = family.operation(arguments[2]) else {
    warn("usage: dynamics-bench FAMILY OPERATION key=value ...")
    exit(2)
}
var model: [String: ParameterValue] = [:], options: [String: ParameterValue] = [:]
for spec in family.parameters { if let d = spec.defaultValue { model[spec.name] = d } }
for spec in operation.parameters { if let d = spec.defaultValue { options[spec.name] = d } }
for pair in arguments.dropFirst(3) {
    let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
    guard parts.count == 2 else { warn("bad argument \(pair)"); exit(2) }
    // A name both the operation and the model know (hopfield's P) goes to the operation, as in the language.
    if operation.parameters.contains(where: { $0.name == parts[0] }) { options[parts[0]] = parseValue(parts[1]) }
    else { model[parts[0]] = parseValue(parts[1]) }
}
do {
    try family.validate(ParameterSet(model))
    let start = now()
    let result = try operation.run(ParameterSet(model), ParameterSet(options), .none)
    let elapsed = now() - start
    switch result {
    case .table(let table):
        print(table.columnNames.joined(separator: ","))
        for row in 0..<table.rowCount {
            print(table.columns.map { $0.text(at: row) { "\($0)" } }.joined(separator: ","))
        }
    case .record(let fields):
        for field in fields { print("\(field.name),\(field.value)") }
    case .schedule(let s):
        print(s.description)
    }
    warn("seconds \(elapsed)")
} catch let error as ModelError {
    warn("error: \(error.message)")
    exit(1)
} catch {
    warn("error: \(error)")
    exit(1)
}
