import Foundation

/// Which files in a folder are letters to read: not hidden files, not the temporary files that
/// office programs and browsers write while a file is still on its way.
public enum InboxFiles {
    /// Name endings of files still being written (browsers, download managers, copy tools).
    static let temporarySuffixes = [".part", ".crdownload", ".tmp", ".partial", ".download", "~"]
    /// Name beginnings of lock and owner files (`~$letter.docx` from Microsoft Office, `.~lock` from LibreOffice).
    static let temporaryPrefixes = ["~$", ".~lock"]

    /// True for a file name the inbox and `ingest` leave alone.
    public static func isIgnored(_ name: String) -> Bool {
        if name.hasPrefix(".") { return true }
        let lower = name.lowercased()
        return temporaryPrefixes.contains { lower.hasPrefix($0) } || temporarySuffixes.contains { lower.hasSuffix($0) }
    }

    /// The files named by `arguments`, folders walked recursively (hidden entries skipped), sorted.
    /// Paths that do not exist are returned apart, so the caller reports them.
    public static func expand(_ arguments: [String]) -> (files: [String], missing: [String]) {
        var files: [String] = [], missing: [String] = []
        let fm = FileManager.default
        for argument in arguments {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: argument, isDirectory: &isDir) else { missing.append(argument); continue }
            guard isDir.boolValue else { files.append(argument); continue }
            var found: [String] = []
            let url = URL(fileURLWithPath: argument)
            let walker = fm.enumerator(at: url, includingPropertiesForKeys: [.isRegularFileKey],
                                       options: [.skipsHiddenFiles])
            while let item = walker?.nextObject() as? URL {
                // Only regular files found in the folder: a link found there (`p.txt` → /etc/passwd)
                // is not followed; a file named on the command line is the user's own choice.
                var st = stat()
                guard !isIgnored(item.lastPathComponent), lstat(item.path, &st) == 0,
                      (st.st_mode & S_IFMT) == S_IFREG else { continue }
                found.append(item.path)
            }
            files += found.sorted()
        }
        return (files, missing)
    }
}
