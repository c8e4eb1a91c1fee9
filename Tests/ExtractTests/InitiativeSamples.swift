import Foundation

/// Initiative reports in the shapes the parser meets besides typed text, written by hand after the
/// seed report fixtures/s002.txt (same initiative, same authors).
enum InitiativeSamples {
    /// The seed report as `pdftotext -layout` prints a PDF of it: columns aligned with runs of
    /// spaces, cells wrapped onto the next lines at their column, wrapped paragraphs, the
    /// signatures side by side.
    static let pdfLayout = """
                                                  BÁO CÁO
                    Hiệu quả áp dụng, khả năng nhân rộng của sáng kiến

    I-THÔNG TIN CHUNG

    1. Tên sáng kiến: Chỉ thị về việc nâng cao hiệu quả thực hiện Quy chế làm việc của
    UBND tỉnh

    2. Tác giả sáng kiến hoặc các đồng tác giả sáng kiến (nếu có) và tỷ lệ đóng góp của từng
    đồng tác giả

     Số     Họ và tên       Ngày tháng    Nơi công tác     Chức danh      Trình độ   Tỷ lệ (%) và nội dung đóng góp vào việc
     TT                     năm sinh      (hoặc nơi                       chuyên     tạo ra sáng kiến (nếu là nhóm tác giả SK)
                                          thường trú)                     môn        Tỷ lệ    Nội dung đóng góp vào việc tạo ra
                                                                                     (%)      sáng kiến (ghi rõ nội dung công
                                                                                              việc cụ thể tham gia của đồng tác
                                                                                              giả sáng kiến "nếu có")
     1      Lê Tuấn Phú     28/01/1967    Văn phòng UBND   Chánh Văn      Thạc sỹ    30%      Đóng góp vào nội dung của Sáng
                                          tỉnh             phòng                              kiến
     2      Nguyễn          03/7/1982     Phòng Tổng hợp   Trưởng phòng   Thạc sỹ    30%      Đóng góp vào nội dung của Sáng
            Phương Thảo                                    Tổng hợp                           kiến
     2      Đông Thị Huệ    30/6/1989     Phòng Tổng hợp   Chuyên viên    Thạc sỹ    40%      Chủ trì nghĩ ra ý tưởng; hoàn
                                                                                              thiện và đóng góp vào nội dung
                                                                                              của Sáng kiến

    3. Nội dung, bản chất của sáng kiến
        Sáng kiến tập trung vào việc nâng cao hiệu quả thực thi Quy chế làm việc của UBND tỉnh
    thông qua Chỉ thị của Chủ tịch UBND tỉnh, giúp tăng cường tính chủ động, trách nhiệm trong
    công tác của các cơ quan.

    4. Thời gian áp dụng sáng kiến (ngày sáng kiến được áp dụng lần đầu hoặc áp dụng thử):
    29/02/2024.

    II-ĐÁNH GIÁ HIỆU QUẢ ÁP DỤNG, KHẢ NĂNG NHÂN RỘNG CỦA SÁNG KIẾN

    1. Về hiệu quả áp dụng
        Giúp nâng cao hiệu quả quản lý, cải thiện trách nhiệm và kỷ luật làm việc trong toàn hệ
    thống hành chính của tỉnh.

    2. Về khả năng nhân rộng
        Sáng kiến đã triển khai trên toàn tỉnh, tác động trực tiếp đến các sở, ngành, huyện, thị
    xã và thành phố trong tỉnh.

    \u{0C}
             Xác nhận của cơ quan, đơn vị                              Đại diện nhóm tác giả
                    (Chữ ký, dấu)



                     Phạm Văn Đà                                           Đông Thị Huệ
    """

    /// The seed report as a scan reads it line by line: no tabs, cells run together with single
    /// spaces (one row with the table's bars), wrapped cells on the next line, and the usual slips
    /// (`kiên` for `kiến`, `l` and `O` in numbers, a lost accent in a heading).
    static let ocrLines = """
    BÁO CÁO
    Hiệu quả áp dụng, khả năng nhân rộng của sáng kiến
    I- THÔNG TIN CHUNG
    1. Tên sáng kiên: Chỉ thị về việc nâng cao hiệu quả thực hiện Quy chế làm việc của UBND tỉnh
    2. Tác giá sáng kiến hoặc các đồng tác giả sáng kiến (nếu có) và tỷ lệ đóng góp của từng đồng tác giả
    Số TT Họ và tên Ngày tháng năm sinh Nơi công tác (hoặc nơi thường trú) Chức danh Trình độ chuyên môn Tỷ lệ (%)
    Nội dung đóng góp vào việc tạo ra sáng kiến
    1 Lê Tuấn Phú 28/01/1967 Văn phòng UBND tỉnh Chánh Văn phòng Thạc sỹ 30% Đóng góp vào nội dung của
    Sáng kiến
    2 Nguyễn Phương Thảo 03/7/l982 Phòng Tổng hợp Trưởng phòng Tổng hợp Thạc sỹ 3O% Đóng góp vào nội dung
    của Sáng kiến
    2 | Đông Thị Huệ | 30/6/1989 | Phòng Tổng hợp | Chuyên viên | Thạc sỹ | 40 | Chủ trì nghĩ ra ý tưởng; hoàn
    thiện và đóng góp vào nội dung của Sáng kiến
    3. Nội dung, bản chất của sáng kiên
    Sáng kiến tập trung vào việc nâng cao hiệu quả thực thi Quy chế làm việc của UBND tỉnh thông qua
    Chỉ thị của Chủ tịch UBND tỉnh, giúp tăng cường tính chủ động, trách nhiệm trong công tác của các cơ quan.
    4. Thời gian áp dụng sáng kiến (ngày sáng kiến được áp dụng lần đầu hoặc áp dụng thử): 29/02/2O24.
    II- ĐÁNH GIÁ HIỆU QUẢ ÁP DỤNG, KHẢ NĂNG NHÂN RỘNG CỦA SÁNG KIẾN
    1. Vê hiệu quả áp dụng
    Giúp nâng cao hiệu quả quản lý, cải thiện trách nhiệm và kỷ luật làm việc trong toàn hệ thống hành chính.
    2. Về khả năng nhân rộng
    Sáng kiến đã triển khai trên toàn tỉnh, tác động trực tiếp đến các sở, ngành, huyện, thị xã và thành phố.
    Xác nhận của cơ quan, đơn vị Đại diện nhóm tác giả
    (Chữ ký, dấu)
    Phạm Văn Đà Đông Thị Huệ
    """
}
