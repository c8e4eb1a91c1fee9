enum DigitModelWeights {
    static let layers: [(Int, Int)] = []
    static let base64 = ""
}
