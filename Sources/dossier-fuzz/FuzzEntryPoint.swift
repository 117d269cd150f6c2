import Foundation

/// Which target the fuzzer drives: libFuzzer owns `main` and the command line,
/// so scripts/fuzz names the target in the environment.
let selectedTarget: FuzzTarget = {
    let name = ProcessInfo.processInfo.environment["DOSSIER_FUZZ_TARGET"] ?? ""
    guard let target = FuzzTarget(rawValue: name) else {
        let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
        FileHandle.standardError.write(Data("DOSSIER_FUZZ_TARGET must be one of: \(names)\n".utf8))
        exit(2)
    }
    return target
}()

#if DOSSIER_FUZZ
// Built by scripts/fuzz with -sanitize=fuzzer, which links libFuzzer whole.
// libFuzzer calls this once per input.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    selectedTarget.run(bytes)
    return 0
}

// SwiftPM links an executable with `main` aliased to `dossier_fuzz_main`,
// which shadows libFuzzer's own main: this one hands the command line to
// libFuzzer's driver the same way.
@_extern(c, "LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

@_cdecl("dossier_fuzz_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    selectedTarget.prepare()  // an unknown target stops here, before libFuzzer starts
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments, fuzzOneInput)
}
#else
/// The ordinary build: replays saved inputs (a crash file, a corpus) through
/// one target without the sanitizers, e.g.
/// `dossier-fuzz html crash-1234` or `dossier-fuzz query Fuzz/Seeds/query/*`.
@main
enum FuzzReplay {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard let name = arguments.first, let target = FuzzTarget(rawValue: name) else {
            let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")
            FileHandle.standardError.write(Data("usage: dossier-fuzz \(names) FILE...\n(scripts/fuzz TARGET [SECONDS] builds and runs the fuzzer)\n".utf8))
            exit(2)
        }
        for path in arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("dossier-fuzz: cannot read \(path)\n".utf8))
                exit(1)
            }
            target.run(Array(data))
            print("ok \(path)")
        }
    }
}
#endif
