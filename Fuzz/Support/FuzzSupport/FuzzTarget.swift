#if canImport(Glibc)
import Glibc
#endif

/// One fuzz target: a function that takes any bytes, must not crash, hang or grow without bound, and traps
/// (``Invariant/check(_:_:file:line:)``) when a property of the parser it drives does not hold.
///
/// Each `Fuzz/<Name>/` executable declares an enum conforming to this protocol, exports libFuzzer's
/// `LLVMFuzzerTestOneInput` calling ``libFuzzerEntry(_:_:)``, and, when not built for fuzzing
/// (`-DCLOUDCRED_FUZZING` absent), marks the enum `@main`: ``main()`` then replays files through ``test(_:)``.
public protocol FuzzTarget {
    /// Runs one input.
    static func test(_ input: [UInt8])
}

extension FuzzTarget {
    /// The body of `LLVMFuzzerTestOneInput`: copies the input and runs ``test(_:)``.
    public static func libFuzzerEntry(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
        let input = size == 0 || data == nil ? [] : Array(UnsafeBufferPointer(start: data, count: size))
        test(input)
        return 0
    }

    /// The regression runner of an ordinary build: `FuzzX [-v] FILE_OR_DIRECTORY...` runs every file given
    /// (directories: their files, sorted) through ``test(_:)`` and exits 0, or traps on the first failure.
    public static func main() {
        _ = replay()
    }

    /// What ``main()`` does, for targets that do more after it: replays the files named on the command line
    /// and returns their paths (exits with status 2 and a usage line when there are none).
    public static func replay() -> [String] {
        let name = "\(Self.self)"
        var verbose = false
        var files: [String] = []
        for argument in CommandLine.arguments.dropFirst() {
            if argument == "-v" || argument == "--verbose" {
                verbose = true
            } else if argument.hasPrefix("-") {
                continue  // libFuzzer flags, which a replay ignores
            } else {
                files += CorpusFiles.expand(argument)
            }
        }
        guard !files.isEmpty else {
            print("usage: \(name) [-v] FILE_OR_DIRECTORY...  (replays inputs; built with -DCLOUDCRED_FUZZING it is a libFuzzer binary)")
            exit(2)
        }
        for file in files {
            guard let bytes = CorpusFiles.read(file) else {
                print("\(name): cannot read \(file)")
                exit(1)
            }
            if verbose { print("\(name): \(file)") }
            Invariant.currentInput = file
            test(bytes)
        }
        Invariant.currentInput = nil
        print("\(name): replayed \(files.count) inputs")
        return files
    }
}
