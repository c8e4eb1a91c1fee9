import Foundation

/// libtesseract runs parts of its recognition on OpenMP threads. With one handle per core those
/// threads fight the workers for the cores, and libgomp reads OMP_THREAD_LIMIT only once, when it
/// is loaded (before `main`), so a `setenv` later changes nothing. A program that runs parallel
/// workers calls this first thing: it restarts itself once with OMP_THREAD_LIMIT=1.
public enum OpenMPThreads {
    public static func limitToOnePerWorker() {
        guard (ProcessInfo.processInfo.environment["OMP_THREAD_LIMIT"] ?? "").isEmpty else { return }
        setenv("OMP_THREAD_LIMIT", "1", 1)
        // On failure (no /proc) carry on: slower, still correct.
        _ = execv("/proc/self/exe", CommandLine.unsafeArgv)
    }
}
