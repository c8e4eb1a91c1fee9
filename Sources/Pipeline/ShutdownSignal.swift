import Foundation
import Dispatch

/// SIGINT/SIGTERM as a flag the inbox loop checks: the files under way are finished, no new one
/// is started, and the process exits 0.
public final class ShutdownSignal: @unchecked Sendable {
    private var sources: [DispatchSourceSignal] = []
    private let lock = NSLock()
    private var requested = false
    private var received: Int32 = 0

    public init(signals: [Int32] = [SIGINT, SIGTERM]) {
        for s in signals {
            signal(s, SIG_IGN)  // handled by the dispatch source instead of killing the process
            let source = DispatchSource.makeSignalSource(signal: s, queue: .global())
            source.setEventHandler { [weak self] in self?.request(s) }
            source.resume()
            sources.append(source)
        }
    }

    public func request(_ signal: Int32 = 0) {
        lock.lock(); requested = true; received = signal; lock.unlock()
    }

    public var isRequested: Bool { lock.lock(); defer { lock.unlock() }; return requested }
    public var signalReceived: Int32 { lock.lock(); defer { lock.unlock() }; return received }
}
