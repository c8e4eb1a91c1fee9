/// What the CLI says of a file that was read but is not an official letter (Extract's verdict):
/// it is not registered, `ingest` names it and `watch` files it under `.failed/`.
enum NotALetterMsg {
    case file(String)

    func text(_ lang: Lang) -> String {
        switch self {
        case .file(let path):
            return lang == .vi
                ? "\(path): không phải văn bản hành chính (không thấy quốc hiệu, số, ngày, tên loại hay trích yếu): không vào sổ"
                : "\(path): not an official letter (no national motto, number, date, kind or subject): not registered"
        }
    }
}
