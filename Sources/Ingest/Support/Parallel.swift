import Foundation

/// Runs independent jobs on up to `workers` threads and returns their results in input order.
public enum Parallel {
    public static func map<T>(_ count: Int, workers: Int, _ job: @escaping (Int) -> T) -> [T] {
        guard count > 0 else { return [] }
        let n = min(count, max(1, workers))
        if n == 1 { return (0..<count).map(job) }
        let results = ResultSlots<T>(count)
        let next = Counter()
        let group = DispatchGroup()
        for _ in 0..<n {
            // Each worker takes the next job until none are left, so a slow page never idles the others.
            group.enter()
            let thread = Thread {
                while let i = next.take(below: count) { results.set(i, job(i)) }
                group.leave()
            }
            thread.stackSize = 16 << 20   // tesseract recurses deeply on some layouts
            thread.start()
        }
        group.wait()
        return results.values
    }

    /// Workers for a given setting: 0 means the number of cores.
    public static func workers(_ setting: Int) -> Int {
        setting > 0 ? setting : ProcessInfo.processInfo.activeProcessorCount
    }
}

private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func take(below limit: Int) -> Int? {
        lock.lock(); defer { lock.unlock() }
        if value < limit { value += 1; return value - 1 }
        return nil
    }
}

private final class ResultSlots<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [T?]
    init(_ n: Int) { slots = Array(repeating: nil, count: n) }
    func set(_ i: Int, _ v: T) { lock.lock(); slots[i] = v; lock.unlock() }
    var values: [T] { lock.lock(); defer { lock.unlock() }; return slots.map { $0! } }
}
