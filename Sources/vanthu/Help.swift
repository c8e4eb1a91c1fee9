import ArgumentParser
import Store
import Vocabulary

/// Every help text of the command line, in Vietnamese and English: what each command does, with
/// examples, and what each option means. Chosen when the help is built, after `--lang`,
/// `VANTHU_LANG` or `LANG` said which language (see `UserLanguage`).
enum Help: String, CaseIterable, Message {
    case root, rootMore
    case extract, extractMore, text, textMore, ingest, ingestMore, watch, watchMore
    case deadlines, deadlinesList, deadlinesListMore, deadlineDone, deadlineReopen
    case search, searchMore, show, showMore
    case initiatives, initiativesList, initiativeShow, initiativesExport, initiativesExportMore, initiativeReview
    // Options and arguments
    case langOption, dbOption, officeOption, jsonFlag, tableFlag, csvFlag, icsFlag
    case ocrLang, tessdata, maxPages, maxPixels, maxBytes, toolTimeout, workers
    case maxFileSeconds, maxPageSeconds, maxPageMb, followSymlinks, maxAttempts
    case restoreFlag, fileOrStandardInput
    case filesArgument, fileArgument, pathsArgument, folderArgument, settle, poll
    case overdue, within, from, to, all, note, deadlineID, letterArgument, queryArgument, limit, deadlineLimit
    case status, decision, score, initiativeID
    case unitFilter, remindDays, reply, by
    case register, registerList, registerListMore, registerAdd, registerAddMore, assign, assignMore, remind, remindMore
    case registerYear, arrivedFrom, arrivedTo, xlsx, paperNumber, paperDate, paperIssuer, paperSubject, paperKind
    case assignTo, assignPerson, assignDue, remindWithin, remindMail
    case admin, adminAddOffice, adminAddOfficeMore, adminOffices, officeCode, officeName

    func text(_ lang: Lang) -> String {
        let pair = Help.table[self]!
        return lang == .vi ? pair.vi : pair.en
    }

    /// In the language the user asked for.
    var here: String { text(UserLanguage.current) }
    var argument: ArgumentHelp { ArgumentHelp(here) }

    static let table: [Help: (vi: String, en: String)] = [
        .root: ("Đọc công văn, quyết định, thông báo và báo cáo sáng kiến thành hồ sơ theo dõi được.",
                "Reads official letters, decisions, notices and initiative reports into records an office can track."),
        .rootMore: ("""
            Đọc văn bản đến (bản quét, PDF, Word, văn bản chữ) thành hồ sơ: cơ quan ban hành, số hiệu, ngày, \
            trích yếu, nơi nhận, người ký, văn bản dẫn chiếu và hạn xử lý. Ngôn ngữ: --lang vi|en, hoặc \
            biến VANTHU_LANG.

            Ví dụ:
              vanthu extract cong-van.pdf
              vanthu ingest ~/VanBanDen
              vanthu deadlines --within 7
            """, """
            Reads the letters that reach an office (scans, PDFs, Word files, text) into records: issuer, \
            number, date, subject, recipients, signer, cited documents and deadlines. Language: \
            --lang vi|en, or the VANTHU_LANG variable.

            Examples:
              vanthu extract cong-van.pdf
              vanthu ingest ~/VanBanDen
              vanthu deadlines --within 7
            """),
        .extract: ("Đọc văn bản và in hồ sơ của từng văn bản (không lưu).",
                   "Reads files and prints each one's letter record (nothing is stored)."),
        .extractMore: ("""
            Đọc từng tệp (văn bản chữ, PDF, ảnh, .doc/.docx). Tệp không đọc được được báo ở stderr kèm lý do; \
            các tệp khác vẫn được in. Mã thoát 1 khi có tệp lỗi.

            Ví dụ:
              vanthu extract 2164-UBND-KGVX.pdf
              vanthu extract --json *.pdf > ho-so.jsonl
            """, """
            Reads each file (text, PDF, image, .doc/.docx). A file that cannot be read is reported on stderr \
            with the reason; the others are still printed. Exit status 1 when any failed.

            Examples:
              vanthu extract 2164-UBND-KGVX.pdf
              vanthu extract --json *.pdf > records.jsonl
            """),
        .text: ("In phần chữ mà bộ trích xuất đọc được từ một tệp (OCR cho bản quét, lớp chữ cho PDF).",
                "Prints the text the extractor reads from a file (OCR for scans, the text layer for PDFs)."),
        .textMore: ("""
            Các trang cách nhau bằng ký tự sang trang (form feed).

            Ví dụ:
              vanthu text ban-quet.pdf
            """, """
            Pages are separated by a form feed.

            Example:
              vanthu text scan.pdf
            """),
        .ingest: ("Đọc và lưu văn bản vào chỉ mục (thư mục: đọc cả thư mục con).",
                  "Reads and stores letters in the index (a folder: its subfolders too)."),
        .ingestMore: ("""
            Tệp đã lưu (cùng nội dung) không được lưu lần nữa. Các tệp được đọc song song. Mã thoát 1 khi có tệp lỗi.

            Ví dụ:
              vanthu ingest ~/VanBanDen
              vanthu ingest --db /srv/vanthu.sqlite thu-1.pdf thu-2.pdf
            """, """
            A file already stored (same content) is not stored twice. Files are read in parallel. Exit \
            status 1 when any file failed.

            Examples:
              vanthu ingest ~/VanBanDen
              vanthu ingest --db /srv/vanthu.sqlite letter-1.pdf letter-2.pdf
            """),
        .watch: ("Theo dõi một thư mục: văn bản thả vào được đọc, lưu, rồi chuyển vào DIR/.done/YYYY/MM/.",
                 "Watches a folder: letters dropped in are read, stored, then moved to DIR/.done/YYYY/MM/."),
        .watchMore: ("""
            Một tệp được đọc khi kích thước và thời gian của nó đứng yên --settle giây. Tệp lỗi được chuyển \
            vào DIR/.failed/ kèm <tên>.error.txt nói lý do. Không xóa gì. SIGINT hay SIGTERM: làm xong các \
            tệp đang đọc rồi thoát; khởi động lại sau sự cố, làm tiếp việc còn dở.

            Ví dụ:
              vanthu watch ~/VanBanDen
              vanthu watch --poll 10 /mnt/scanner
            """, """
            A file is taken once its size and time have been stable for --settle seconds. A file that fails \
            goes to DIR/.failed/ with <name>.error.txt saying why. Nothing is deleted. SIGINT or SIGTERM \
            finish the files under way and exit; restarted after a crash, it finishes what was under way.

            Examples:
              vanthu watch ~/Inbox
              vanthu watch --poll 10 /mnt/scanner
            """),
        .deadlines: ("Các hạn xử lý chưa xong, theo ngày hạn; đánh dấu xong hoặc mở lại.",
                     "Open deadlines by due date; mark one done or reopen it."),
        .deadlinesList: ("Liệt kê hạn xử lý (mặc định: chưa xong), mỗi hạn kèm văn bản của nó.",
                         "Lists deadlines (by default the open ones), each with its letter."),
        .deadlinesListMore: ("""
            Bảng trên màn hình (đỏ: quá hạn, vàng: còn 7 ngày); --json mỗi dòng một đối tượng; --csv mở \
            bằng Excel; --ics lịch cho Outlook hay Google Calendar. Ngày viết YYYY-MM-DD hoặc dd/mm/yyyy.

            Ví dụ:
              vanthu deadlines --within 7
              vanthu deadlines --from 01/12/2025 --to 31/12/2025 --csv > han.csv
              vanthu deadlines --ics > han.ics
            """, """
            A table on a terminal (red: overdue, yellow: within 7 days); --json one object per line; --csv \
            for Excel; --ics a calendar for Outlook or Google Calendar. Dates as YYYY-MM-DD or dd/mm/yyyy.

            Examples:
              vanthu deadlines --within 7
              vanthu deadlines --from 01/12/2025 --to 31/12/2025 --csv > deadlines.csv
              vanthu deadlines --ics > deadlines.ics
            """),
        .deadlineDone: ("Đánh dấu một hạn xử lý là đã xong (hạn định kỳ sinh lần tiếp theo). Ví dụ: `vanthu deadlines done 12`",
                        "Marks a deadline done (a recurring one gets its next occurrence). Example: vanthu deadlines done 12"),
        .deadlineReopen: ("Mở lại một hạn xử lý đã đánh dấu xong. Ví dụ: `vanthu deadlines reopen 12`",
                          "Reopens a deadline marked done. Example: vanthu deadlines reopen 12"),
        .search: ("Tìm văn bản theo nội dung; có dấu hay không dấu đều được (`don vi` tìm được `đơn vị`).",
                  "Finds letters by their text, with or without diacritics (`don vi` finds `đơn vị`)."),
        .searchMore: ("""
            Tìm trong trích yếu, cơ quan ban hành, số hiệu và toàn văn; kết quả khớp nhất trước. Khi hơn \
            \(LetterStore.searchWindow) văn bản khớp, chỉ xếp hạng \(LetterStore.searchWindow) văn bản mới nhất.

            Ví dụ:
              vanthu search sáng kiến
              vanthu search --json 2164/UBND-KGVX
            """, """
            Searches subject, issuer, number and full text; best matches first. When more than \(LetterStore.searchWindow) \
            letters match, the newest \(LetterStore.searchWindow) of them are ranked.

            Examples:
              vanthu search sáng kiến
              vanthu search --json 2164/UBND-KGVX
            """),
        .show: ("Xem một văn bản: hồ sơ, hạn xử lý, văn bản nó dẫn chiếu và văn bản dẫn chiếu nó.",
                "Shows one letter: its record, deadlines, the letters it cites and those citing it."),
        .showMore: ("""
            Ví dụ:
              vanthu show 12
              vanthu show 2164/UBND-KGVX
            """, """
            Examples:
              vanthu show 12
              vanthu show 2164/UBND-KGVX
            """),
        .initiatives: ("Hàng đợi xét duyệt sáng kiến: liệt kê, xem, xuất bảng cho hội đồng, ghi quyết định.",
                       "The initiative review queue: list, show, export the council's sheet, record a decision."),
        .initiativesList: ("Liệt kê các sáng kiến đã nhận, kèm trạng thái và số điểm cần kiểm tra. Ví dụ: `vanthu initiatives list --status submitted`",
                           "Lists the initiatives received, with their status and how many checks they need. Example: vanthu initiatives list --status submitted"),
        .initiativeShow: ("Xem một sáng kiến: tác giả, tỷ lệ đóng góp, các điểm cần kiểm tra, quyết định. Ví dụ: `vanthu initiatives show 3`",
                          "Shows one initiative: authors, shares, checks, decisions. Example: vanthu initiatives show 3"),
        .initiativesExport: ("Xuất bảng xét duyệt cho hội đồng (CSV mở được bằng Excel và LibreOffice, hoặc JSON).",
                             "Exports the council's review sheet (CSV that Excel and LibreOffice open, or JSON)."),
        .initiativesExportMore: ("""
            CSV (mặc định): UTF-8 có BOM, CRLF, RFC 4180. --json: một mảng mọi sáng kiến.

            Ví dụ:
              vanthu initiatives export > bang-xet-duyet.csv
            """, """
            CSV (the default): UTF-8 with a byte-order mark, CRLF, RFC 4180. --json: one array of every initiative.

            Example:
              vanthu initiatives export > review-sheet.csv
            """),
        .initiativeReview: ("Ghi quyết định của hội đồng: công nhận, không công nhận, hoặc yêu cầu bổ sung. Ví dụ: `vanthu initiatives review 3 --decision accept --score 85`",
                            "Records the council's decision: accept, reject or ask for revision. Example: vanthu initiatives review 3 --decision accept --score 85"),
        .langOption: ("Ngôn ngữ hiển thị: vi (mặc định) hoặc en; cũng đọc từ VANTHU_LANG, rồi LANG.",
                      "Language shown: vi (the default) or en; also read from VANTHU_LANG, then LANG."),
        .dbOption: ("Chỉ mục: một tệp SQLite, hoặc một địa chỉ postgresql://người-dùng@máy:cổng/csdl. Mặc định: $VANTHU_DB, nếu không thì $XDG_DATA_HOME/vanthu/vanthu.sqlite.",
                    "The index: an SQLite file, or a postgresql://user@host:port/db address. Default: $VANTHU_DB, else $XDG_DATA_HOME/vanthu/vanthu.sqlite."),
        .officeOption: ("Cơ quan (mã) mà lệnh đọc và ghi, với chỉ mục PostgreSQL. Mặc định: $VANTHU_OFFICE, nếu không thì cơ quan của tài khoản.",
                        "The office (its code) the command reads and writes, with a PostgreSQL index. Default: $VANTHU_OFFICE, else the login's office."),
        .jsonFlag: ("In JSON, mỗi dòng một đối tượng.", "Print JSON, one object per line."),
        .tableFlag: ("In bảng cho người đọc (mặc định).", "Print a table for people (the default)."),
        .csvFlag: ("In CSV (UTF-8 có BOM, mở được bằng Excel).", "Print CSV (UTF-8 with a byte-order mark, for Excel)."),
        .icsFlag: ("In lịch iCalendar (mỗi hạn một sự kiện cả ngày).", "Print an iCalendar file (one all-day event per deadline)."),
        .ocrLang: ("Ngôn ngữ OCR cho tesseract, ví dụ vie hoặc vie+eng (mặc định: vie).",
                   "OCR language(s) for tesseract, e.g. vie or vie+eng (default: vie)."),
        .tessdata: ("Thư mục chứa các tệp .traineddata của tesseract.", "Folder holding tesseract's .traineddata files."),
        .maxPages: ("Số trang tối đa đọc từ một PDF hay TIFF (mặc định 200).", "Most pages read from one PDF or TIFF (default 200)."),
        .maxPixels: ("Ảnh lớn nhất tính bằng điểm ảnh, rộng × cao (mặc định 120000000).",
                     "Largest image in pixels, width × height (default 120000000)."),
        .maxBytes: ("Tệp lớn nhất tính bằng byte (mặc định 200 MiB).", "Largest file in bytes (default 200 MiB)."),
        .toolTimeout: ("Số giây tối đa một công cụ ngoài (pdftotext, pdftoppm, antiword) được chạy trên một tệp (mặc định 120).",
                       "Seconds an external tool (pdftotext, pdftoppm, antiword) may run on one file (default 120)."),
        .maxFileSeconds: ("Thời gian dài nhất được dùng để đọc một tệp, tính bằng giây (mặc định 600).",
                          "Longest one file may take to read, in seconds (default 600)."),
        .maxPageSeconds: ("Thời gian OCR dài nhất cho một trang, tính bằng giây (mặc định 120).",
                          "Longest one page's OCR may take, in seconds (default 120)."),
        .maxPageMb: ("Bộ nhớ lớn nhất ảnh một trang được dùng, tính bằng MB (mặc định 512).",
                     "Most memory one page's image may need, in MB (default 512)."),
        .followSymlinks: ("Đọc tệp mà liên kết tượng trưng trỏ tới khi đó là tệp thường nằm trong thư mục (nếu không, liên kết bị từ chối).",
                          "Read a symbolic link's target when it is a regular file inside the folder (else links are refused)."),
        .maxAttempts: ("Số lần thử khi máy gặp sự cố (đầy đĩa, chỉ mục bận) trước khi tạm gác một tệp (mặc định 5).",
                       "Tries after a failure of the machine (disk full, index busy) before a file is parked (default 5)."),
        .workers: ("Số tệp đọc cùng lúc (mặc định: bằng số lõi CPU).", "Files read at once (default: one per core)."),
        .restoreFlag: ("Đặt lại dấu tiếng Việt cho văn bản gõ hoặc OCR không dấu.",
                       "Put back the diacritics of a text typed or OCR'd without them."),
        .fileOrStandardInput: ("Tệp cần đọc (với --restore, - đọc văn bản chữ từ đầu vào chuẩn).",
                               "The file to read (with --restore, - reads plain text from standard input)."),
        .filesArgument: ("Các tệp cần đọc.", "Files to read."),
        .fileArgument: ("Tệp cần đọc.", "The file to read."),
        .pathsArgument: ("Các tệp hay thư mục cần lưu.", "Files or folders to ingest."),
        .folderArgument: ("Thư mục nhận văn bản.", "The inbox folder."),
        .settle: ("Số giây một tệp phải đứng yên trước khi được đọc.", "Seconds a file must stay unchanged before it is read."),
        .poll: ("Quét thư mục mỗi N giây thay cho inotify (thư mục mạng).",
                "Scan the folder every N seconds instead of using inotify (network folders)."),
        .overdue: ("Chỉ các hạn đã quá.", "Only deadlines already passed."),
        .within: ("Chỉ các hạn từ hôm nay đến N ngày tới.", "Only deadlines due from today to N days ahead."),
        .from: ("Hạn từ ngày này trở đi (YYYY-MM-DD hoặc dd/mm/yyyy).", "Due on or after this day (YYYY-MM-DD or dd/mm/yyyy)."),
        .to: ("Hạn đến hết ngày này (YYYY-MM-DD hoặc dd/mm/yyyy).", "Due on or before this day (YYYY-MM-DD or dd/mm/yyyy)."),
        .all: ("Cả các hạn đã xong.", "Done deadlines too."),
        .deadlineLimit: ("Chỉ hiện N hạn sớm nhất (một trang của cả tỉnh).", "Only the N earliest deadlines (a page of a whole province's)."),
        .note: ("Ghi chú kèm theo (việc đã làm, số văn bản trả lời).", "A note kept with it (what was done, the reply's number)."),
        .deadlineID: ("Mã của hạn xử lý (cột đầu của `vanthu deadlines`).", "The deadline's ID (first column of `vanthu deadlines`)."),
        .letterArgument: ("Mã văn bản (từ kết quả tìm kiếm) hoặc số hiệu của nó (2164/UBND-KGVX).",
                          "The letter's ID (from search) or its number (2164/UBND-KGVX)."),
        .queryArgument: ("Các từ cần tìm (phải có đủ).", "Words to find (all must appear)."),
        .limit: ("Số văn bản tối đa được hiện.", "Most letters shown."),
        .register: ("Sổ đăng ký văn bản đến (Phụ lục IV, Nghị định 30/2020/NĐ-CP); vào sổ văn bản giấy.",
                    "The register of incoming letters (Annex IV, Decree 30/2020/NĐ-CP); registering a paper letter."),
        .registerList: ("In sổ đăng ký văn bản đến theo số đến.", "Prints the register of incoming letters by arrival number."),
        .registerListMore: ("""
            Ví dụ:
              vanthu register --year 2026
              vanthu register --from 01/11/2026 --to 30/11/2026 --csv > so-den.csv
              vanthu register --xlsx so-den-2026.xlsx
            """, """
            Examples:
              vanthu register --year 2026
              vanthu register --from 01/11/2026 --to 30/11/2026 --csv > register.csv
              vanthu register --xlsx register-2026.xlsx
            """),
        .registerAdd: ("Vào sổ một văn bản giấy (số đến tiếp theo); bản quét sau này sẽ nhập vào cùng số.",
                       "Registers a paper letter (the next arrival number); a later scan of it joins the same entry."),
        .registerAddMore: ("""
            Ví dụ:
              vanthu register add --number 2164/UBND-KGVX --date 17/11/2026 \\
                --issuer "UBND tỉnh Quảng Ngãi" --subject "V/v tổng kết"
            """, """
            Example:
              vanthu register add --number 2164/UBND-KGVX --date 17/11/2026 \\
                --issuer "UBND tỉnh Quảng Ngãi" --subject "V/v tổng kết"
            """),
        .admin: ("Thiết lập cấp tỉnh trên chỉ mục PostgreSQL: các cơ quan và vai trò của họ.",
                  "The province's set-up on a PostgreSQL index: the offices and their roles."),
        .adminAddOffice: ("Tạo một cơ quan, vai trò PostgreSQL của nó và các chính sách chỉ cho nó thấy văn bản của mình.",
                          "Creates an office, its PostgreSQL role and the policies that let it see only its own letters."),
        .adminAddOfficeMore: ("""
            Vai trò vanthu_office_<mã> không đăng nhập được; tài khoản của văn thư được cấp vai trò đó: \
            CREATE ROLE lan LOGIN PASSWORD '…'; GRANT vanthu_office_so_tp TO lan; \
            Vai trò vanthu_province đọc văn bản của mọi cơ quan (hội đồng sáng kiến, hạn xử lý toàn tỉnh). \
            Chạy bằng tài khoản sở hữu chỉ mục (có quyền CREATEROLE).
            """, """
            The role vanthu_office_<code> cannot log in; a clerk's login is granted it: \
            CREATE ROLE lan LOGIN PASSWORD '…'; GRANT vanthu_office_so_tp TO lan; \
            The role vanthu_province reads every office's letters (the initiative council, the province's deadlines). \
            Run as the index's owner (with CREATEROLE).
            """),
        .adminOffices: ("Liệt kê các cơ quan và vai trò của họ.", "Lists the offices and their roles."),
        .officeCode: ("Mã cơ quan: chữ cái không dấu, chữ số, _ (ví dụ SO_TP).", "The office's code: ASCII letters, digits, _ (e.g. SO_TP)."),
        .officeName: ("Tên cơ quan.", "The office's name."),
        .assign: ("Giao văn bản (và các hạn xử lý của nó) cho một đơn vị, một người.",
                  "Hands a letter (and its deadlines) to a unit and a person."),
        .assignMore: ("""
            Mọi thay đổi được ghi lại, kèm thời gian (giờ Việt Nam) và người thay đổi.

            Ví dụ:
              vanthu assign 2164/UBND-KGVX --to "Phòng Nội vụ" --person "Nguyễn Văn A" --due 15/12/2026
            """, """
            Every change is kept, with its time (Vietnam time) and who made it.

            Example:
              vanthu assign 2164/UBND-KGVX --to "Phòng Nội vụ" --person "Nguyễn Văn A" --due 15/12/2026
            """),
        .remind: ("Nhắc hạn: các hạn quá hạn và sắp đến hạn, theo đơn vị; in ra hoặc gửi thư qua sendmail.",
                  "Reminders: what is overdue and due soon, by unit; printed, or mailed through sendmail."),
        .remindMore: ("""
            Thư đi qua `sendmail` (biến VANTHU_SENDMAIL, nếu không thì /usr/sbin/sendmail), người gửi là \
            VANTHU_MAIL_FROM (nếu không thì người dùng tại máy này). Không có hạn nào thì không gửi gì.

            Ví dụ:
              vanthu remind --within 7
              vanthu remind --mail vanthu@ubnd.example.vn
            """, """
            The message goes through `sendmail` (VANTHU_SENDMAIL, else /usr/sbin/sendmail), from \
            VANTHU_MAIL_FROM (else the user at this host). Nothing is sent when nothing is due.

            Examples:
              vanthu remind --within 7
              vanthu remind --mail vanthu@ubnd.example.vn
            """),
        .registerYear: ("Năm của số đến (mặc định: năm nay).", "The year of the arrival numbers (default: this year)."),
        .arrivedFrom: ("Ngày đến từ ngày này (YYYY-MM-DD hoặc dd/mm/yyyy).", "Arrived on or after this day (YYYY-MM-DD or dd/mm/yyyy)."),
        .arrivedTo: ("Ngày đến đến hết ngày này (YYYY-MM-DD hoặc dd/mm/yyyy).", "Arrived on or before this day (YYYY-MM-DD or dd/mm/yyyy)."),
        .xlsx: ("Ghi sổ ra tệp Excel (.xlsx), kèm sổ theo dõi giải quyết.", "Writes the register to an Excel file (.xlsx), with the tracking sheet."),
        .paperNumber: ("Số, ký hiệu như in trên văn bản (2164/UBND-KGVX).", "The number and symbol as printed (2164/UBND-KGVX)."),
        .paperDate: ("Ngày tháng của văn bản (YYYY-MM-DD hoặc dd/mm/yyyy).", "The letter's date (YYYY-MM-DD or dd/mm/yyyy)."),
        .paperIssuer: ("Tác giả: cơ quan ban hành.", "Its author: the issuing body."),
        .paperSubject: ("Trích yếu nội dung.", "Its subject (trích yếu)."),
        .paperKind: ("Tên loại: `cong_van` (mặc định), `quyet_dinh`, `thong_bao`, `ke_hoach` …",
                     "Its kind: `cong_van` (the default), `quyet_dinh`, `thong_bao`, `ke_hoach` …"),
        .assignTo: ("Đơn vị nhận.", "The unit that takes it."),
        .assignPerson: ("Người nhận.", "The person who takes it."),
        .assignDue: ("Thời hạn giải quyết (YYYY-MM-DD hoặc dd/mm/yyyy).", "The deadline for dealing with it (YYYY-MM-DD or dd/mm/yyyy)."),
        .remindWithin: ("Các hạn đến trong N ngày tới (mặc định 3).", "Deadlines due within N days (default 3)."),
        .remindMail: ("Gửi thư tới địa chỉ này qua sendmail.", "Mail the digest to this address through sendmail."),
        .unitFilter: ("Chỉ các hạn do đơn vị này giữ (xem `vanthu assign --to`).", "Only the deadlines held by this unit (see `vanthu assign --to`)."),
        .remindDays: ("Với --ics: nhắc việc (VALARM) trước mỗi hạn N ngày (mặc định 3).",
                      "With --ics: the reminder (VALARM) N days before each deadline (default 3)."),
        .reply: ("Số, ký hiệu văn bản trả lời.", "The number of the reply letter."),
        .by: ("Người thực hiện (mặc định: người dùng của hệ điều hành).", "Who did it (default: the operating system's user)."),
        .status: ("Chỉ các sáng kiến có trạng thái này: `submitted` (đã nhận), `under_review` (đang xét), `accepted` (công nhận), `rejected` (không công nhận), `to_revise` (cần bổ sung).",
                  "Only initiatives with this status: submitted, under_review, accepted, rejected, to_revise."),
        .decision: ("`accept` (công nhận), `reject` (không công nhận) hoặc `revise` (cần bổ sung).",
                    "accept, reject or revise."),
        .score: ("Điểm của hội đồng, từ 0 đến 100.", "The council's score, 0 to 100."),
        .initiativeID: ("Mã sáng kiến (cột đầu của `vanthu initiatives list`).", "The initiative's ID (first column of `vanthu initiatives list`)."),
    ]
}

/// The fixed words argument-parser writes into help screens and parsing errors (it has no
/// localisation of its own), with their Vietnamese: section headings, the help and version
/// flags, and the templates of its error messages. Used only on text argument-parser produced.
enum ParserWords {
    static let vietnamese: [(en: String, vi: String)] = [
        ("OVERVIEW:", "TỔNG QUAN:"), ("USAGE:", "CÁCH DÙNG:"), ("ARGUMENTS:", "ĐỐI SỐ:"),
        ("OPTIONS:", "TÙY CHỌN:"), ("SUBCOMMANDS:", "LỆNH CON:"),
        ("Show help information.", "Hiện trợ giúp."), ("Show the version.", "Hiện phiên bản."),
        ("(default)", "(mặc định)"), ("(default:", "(mặc định:"), ("(values:", "(giá trị:"),
        ("for detailed help.", "để có trợ giúp chi tiết."), ("Show subcommand help information.", "Hiện trợ giúp của lệnh con."),
        ("<subcommand>", "<lệnh con>"), ("for more information.", "để biết thêm."), ("  See '", "  Xem '"),
        ("Error: ", "Lỗi: "), ("Help:  ", "Trợ giúp:  "), ("Usage: ", "Cách dùng: "),
        ("Missing expected argument ", "Thiếu đối số "), ("Missing one of: ", "Thiếu một trong: "),
        ("Missing value for ", "Thiếu giá trị cho "), ("Unknown option ", "Không có tùy chọn "),
        ("Unexpected argument ", "Đối số thừa "), (" unexpected arguments: ", " đối số thừa: "),
        ("Invalid option: ", "Tùy chọn sai: "), ("Missing required subcommand.", "Thiếu lệnh con."),
        ("The value ", "Giá trị "), (" is invalid for ", " không hợp lệ cho "), (" is invalid.", " không hợp lệ."),
        (". Please provide one of ", ". Hãy chọn một trong "), (" cannot be used together with ", " không dùng chung được với "),
        ("Value to be set with flag ", "Giá trị đặt bằng cờ "), (" had already been set with flag ", " đã được đặt bằng cờ "),
    ]

    /// Help or an error from argument-parser, in the user's language.
    static func localise(_ text: String, _ lang: Lang) -> String {
        guard lang == .vi else { return text }
        var out = text
        for (en, vi) in vietnamese { out = out.replacingOccurrences(of: en, with: vi) }
        return out
    }
}
