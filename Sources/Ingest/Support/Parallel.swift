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

    /// Runs the jobs like `map`, handing each result to `deliver` as soon as it and every result
    /// before it are done: in input order, without waiting for the slowest file of the batch.
    /// `deliver` is called serially.
    public static func stream<T>(_ count: Int, workers: Int, _ job: @escaping (Int) -> T,
                                 deliver: @escaping (Int, T) -> Void) {
        guard count > 0 else { return }
        let n = min(count, max(1, workers))
        let results = ResultSlots<T>(count)
        let next = Counter()
        let lock = NSLock()
        let cursor = Cursor()   // the next result to hand over; moved under `lock`
        let group = DispatchGroup()
        for _ in 0..<n {
            group.enter()
            let thread = Thread {
                while let i = next.take(below: count) {
                    let r = job(i)
                    lock.lock()
                    results.set(i, r)
                    while cursor.value < count, let ready = results.get(cursor.value) {
                        deliver(cursor.value, ready); results.clear(cursor.value); cursor.value += 1
                    }
                    lock.unlock()
                }
                group.leave()
            }
            thread.stackSize = 16 << 20
            thread.start()
        }
        group.wait()
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

private final class Cursor: @unchecked Sendable { var value = 0 }

private final class ResultSlots<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [T?]
    init(_ n: Int) { slots = Array(repeating: nil, count: n) }
    func set(_ i: Int, _ v: T) { lock.lock(); slots[i] = v; lock.unlock() }
    func get(_ i: Int) -> T? { lock.lock(); defer { lock.unlock() }; return slots[i] }
    func clear(_ i: Int) { lock.lock(); slots[i] = nil; lock.unlock() }
    var values: [T] { lock.lock(); defer { lock.unlock() }; return slots.map { $0! } }
}
