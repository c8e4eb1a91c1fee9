import Foundation
import Vocabulary
import Diacritics

// The restorer's errors (Diacritics depends on nothing, so their words for people live here).

extension SharedRestorer.Missing: Message {
    public func text(_ lang: Lang) -> String {
        let places = searched.map(\.path).joined(separator: ", ")
        switch lang {
        case .vi: return "không tìm thấy mô hình đặt dấu (\(ModelLocation.fileName)); hãy đặt biến VANTHU_MODEL. Đã tìm ở: \(places)"
        case .en: return "no diacritics model (\(ModelLocation.fileName)) found; set VANTHU_MODEL. Looked in: \(places)"
        }
    }
}

extension SyllableModel.LoadError: Message {
    public func text(_ lang: Lang) -> String {
        switch (self, lang) {
        case (.notAModel(let p), .vi): return "\(p): không phải tệp mô hình đặt dấu của vanthu"
        case (.notAModel(let p), .en): return "\(p): not a vanthu diacritics model"
        case (.truncated(let p), .vi): return "\(p): tệp mô hình đặt dấu bị cắt cụt"
        case (.truncated(let p), .en): return "\(p): the diacritics model file is truncated"
        }
    }
}
