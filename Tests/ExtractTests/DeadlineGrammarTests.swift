import XCTest
@testable import Extract

/// The Vietnamese date grammar of deadlines, one sentence of the issue per test.
final class DeadlineGrammarTests: XCTestCase {
    /// A minimal letter dated `date` whose body is `body`.
    func deadlines(_ body: String, dated date: String = "ngày 10 tháng 9 năm 2025", kind: String = "V/v test") -> [Deadline] {
        let text = """
        ỦY BAN NHÂN DÂN
        TỈNH QUẢNG NGÃI
        Số: 12/UBND-KT
        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        Độc lập - Tự do - Hạnh phúc
        Quảng Ngãi, \(date)
        \(kind)
        Kính gửi: Sở Nội vụ.
        \(body)
        Nơi nhận:
        - Như trên;
        - Lưu: VT.
        CHỦ TỊCH
        Nguyễn Văn A
        """
        return extract(text).deadlines
    }

    func dues(_ body: String, dated date: String = "ngày 10 tháng 9 năm 2025") -> [String] {
        deadlines(body, dated: date).map(\.due)
    }

    func testBeforeAFullDate() {
        XCTAssertEqual(dues("Báo cáo kết quả về UBND tỉnh trước ngày 15/12/2025."), ["2025-12-15"])
    }

    func testBeforeADayAndMonthTakesTheYearFromTheLetter() {
        XCTAssertEqual(dues("Gửi hồ sơ về Phòng Nội vụ trước ngày 25/9 để tổng hợp."), ["2025-09-25"])
        // A January deadline in a December letter is next year's.
        XCTAssertEqual(dues("Gửi hồ sơ trước ngày 15/1.", dated: "ngày 20 tháng 12 năm 2025"), ["2026-01-15"])
    }

    func testBeforeADateInWords() {
        XCTAssertEqual(dues("Nộp báo cáo trước ngày 10 tháng 5 năm 2026."), ["2026-05-10"])
    }

    func testWithinAMonthIsItsLastDay() {
        let d = deadlines("Ban hành hướng dẫn (hoàn thành trong tháng 5/2025).")
        XCTAssertEqual(d.map(\.due), ["2025-05-31"])
        XCTAssertEqual(d.first?.precision, .month)
        XCTAssertEqual(dues("Hoàn thành trong tháng 2/2024."), ["2024-02-29"])
    }

    func testEveryYearInAMonthIsTheNextSuchMonthAfterTheLetter() {
        let d = deadlines("Trình Chủ tịch ban hành Quyết định chậm nhất trong tháng 11 hằng năm.")
        XCTAssertEqual(d.map(\.due), ["2025-11-30"])
        XCTAssertEqual(d.first?.recurrence, .yearly)
        XCTAssertEqual(d.first?.precision, .month)
        XCTAssertEqual(dues("Báo cáo chậm nhất trong tháng 3 hằng năm.", dated: "ngày 10 tháng 9 năm 2025"), ["2026-03-31"])
    }

    func testQuarter() {
        let d = deadlines("Các đơn vị hoàn thành trong quý II/2025.")
        XCTAssertEqual(d.map(\.due), ["2025-06-30"])
        XCTAssertEqual(d.first?.precision, .quarter)
    }

    func testWithinSoManyDaysOfSigning() {
        XCTAssertEqual(dues("Trong thời hạn 15 ngày kể từ ngày ký, các đơn vị gửi báo cáo."), ["2025-09-25"])
    }

    func testWithinAYear() {
        let d = deadlines("Hoàn thành trong năm 2026.")
        XCTAssertEqual(d.map(\.due), ["2026-12-31"])
        XCTAssertEqual(d.first?.precision, .year)
    }

    func testWithinAYearWithTheTaskBetween() {
        XCTAssertEqual(dues("Phấn đấu hoàn thành xóa nhà tạm, nhà dột nát trên địa bàn huyện trong năm 2025."), ["2025-12-31"])
    }

    func testMonthlyOnADay() {
        let d = deadlines("Các xã báo cáo định kỳ ngày 20 hằng tháng.")
        XCTAssertEqual(d.map(\.due), ["2025-09-20"])
        XCTAssertEqual(d.first?.recurrence, .monthly)
    }

    func testQuarterlyBeforeADayOfTheNextQuartersFirstMonth() {
        let d = deadlines("Các phòng báo cáo định kỳ hằng quý, trước ngày 15 của tháng đầu quý sau.")
        XCTAssertEqual(d.map(\.due), ["2025-10-15"])
        XCTAssertEqual(d.first?.recurrence, .quarterly)
        XCTAssertEqual(d.first?.precision, .day)
    }

    func testAPhraseBrokenAcrossLines() {
        XCTAssertEqual(dues("báo cáo kết quả về UBND tỉnh trước ngày\n\n15/12/2025."), ["2025-12-15"])
        XCTAssertEqual(dues("gửi về Sở trước\nngày 30/9/2025 để tổng hợp."), ["2025-09-30"])
    }

    func testDatesThatAreNotDeadlinesAreLeftOut() {
        XCTAssertEqual(dues("Thực hiện Công văn số 2164/UBND-KGVX ngày 17/4/2025 của UBND tỉnh."), [])
        XCTAssertEqual(dues("Quyết định này có hiệu lực kể từ ngày 01/10/2025."), [])
        XCTAssertEqual(dues("Hội nghị được tổ chức vào lúc 8 giờ ngày 20/9/2025 tại hội trường."), [])
        XCTAssertEqual(dues("Quyết định này có hiệu lực thi hành kể từ ngày ký."), [])
    }

    func testWeeklyOnAWeekdayIsTheNextSuchDay() {
        // 2026-05-20 is a Wednesday.
        let d = deadlines("Báo cáo tiến độ (qua Bộ Nội vụ) vào thứ Sáu hằng tuần.", dated: "ngày 20 tháng 5 năm 2026")
        XCTAssertEqual(d.map(\.due), ["2026-05-22"])
        XCTAssertEqual(d.first?.recurrence, .weekly)
    }

    func testAWindowIsADeadlineOnlyWhenADutyFollows() {
        XCTAssertEqual(dues("Kể từ ngày 20/10/2025 đến hết ngày 31/10/2025, Hội đồng có trách nhiệm tổ chức bình xét."), ["2025-10-31"])
        XCTAssertEqual(dues("Treo cờ Tổ quốc từ ngày 10/5/2026 đến hết ngày 14/5/2026. Các xã có trách nhiệm kiểm tra."), [])
        XCTAssertEqual(dues("Quyết định này có hiệu lực sau 10 ngày kể từ ngày ký."), [])
    }

    func testDeadlineTextIsTheClauseThatSetsIt() {
        let d = deadlines("1. Giao Sở Nội vụ tổng hợp; báo cáo UBND tỉnh trước ngày 15/12/2025.")
        XCTAssertEqual(d.first?.text, "báo cáo UBND tỉnh trước ngày 15/12/2025")
    }

    func testOCRMisreadTriggerWord() {
        XCTAssertEqual(dues("Bao cao ket qua ve UBND tinh trude ngay 15/12/2025."), ["2025-12-15"])
    }
}
