import type { Messages } from './messages.zh-CN';

/** Traditional Chinese (Taiwan): written by scripts/zh-tw.ts from the Simplified catalog, then reviewed. */
const zhTW: Messages = {
  codes: {
    required: "必填",
    unknown_field: "不認識的欄位",
    invalid_type: "應為{{expected}}",
    invalid_format: "格式不對",
    invalid_choice: "請從可選項中選擇：{{options}}",
    invalid_id: "編號無效",
    invalid_date: "請填寫有效日期，格式為 2026-11-28",
    invalid_datetime: "請填寫有效時間，例如 2026-11-28 09:30",
    invalid_mobile: "手機號格式不對：應為 13–19 開頭的 11 位數字",
    invalid_phone: "電話格式不對：座機請帶區號（如 010-12345678），也可填 400/800 號碼或手機號",
    invalid_email: "郵箱格式不對，例如 name@example.com",
    invalid_postcode: "郵編應為 6 位數字",
    invalid_credit_code: "統一社會信用代碼有誤：{{reason}}",
    invalid_username: "只能使用字母、數字、漢字和 _ . -",
    invalid_time_zone: "不認識這個時區",
    invalid_currency: "請填寫三位幣種代碼，例如 CNY",
    invalid_amount: "請填寫金額，例如 5000 或 5000.50",
    not_integer: "請輸入整數",
    too_short: "至少 {{min}} 個字",
    too_long: "最多 {{max}} 個字",
    too_small: "不能小於 {{min}}",
    too_big: "不能大於 {{max}}",
    too_few: "至少需要 {{min}} 項",
    too_many: "最多 {{max}} 項",
    out_of_range: "超出允許範圍（{{min}}–{{max}}）",
    duplicate: "與客戶 {{code}} {{name}} 的{{matchedOn}}相同",
    taken: "已被使用，請換一個",
    not_found: "找不到這個{{entity}}",
    not_allowed: "不允許這樣操作",
    one_primary_only: "只能有一個主要聯絡人",
    one_default_only: "同一類地址只能有一個預設地址",
    listed_twice: "重複出現了兩次",
    merged_away: "已合併到其他記錄",
    wrong_password: "密碼不正確",
    last_owner: "公司至少要保留一位啟用的負責人",
    not_yourself: "不能對自己的帳號這樣操作",
    reason_required: "請說明原因",
    subject_or_body: "請填寫主題或內容",
    options_required: "請至少新增一個選項",
    invalid_transition: "目前狀態「{{from}}」不能變為「{{to}}」",
    frozen: "已{{status}}，不能再修改",
    unsupported_encoding: "檔案編碼為 {{encoding}}，請另存為 UTF-8 或 GBK 編碼的 CSV，或 Excel 檔案",
    duplicate_header: "表頭「{{header}}」出現了不止一次（{{columns}} 欄），請改名或刪掉多餘的欄",
    too_many_rows: "行數超過上限 {{max}} 行，請拆分成多個檔案",
    too_many_columns: "列數超過上限 {{max}} 列",
    cell_too_long: "有單元格超過 {{max}} 個字元",
    file_too_large: "檔案超過 {{max}}，請拆分成多個檔案",
    already_reversed: "這筆流水已經沖銷過了",
    reversal_of_reversal: "沖銷分錄不能再沖銷，請重新記一筆",
    invalid_device_prefix: "裝置前綴為 1–4 位大寫字母或數字",
    device_prefix_set: "本機已使用編號前綴 {{current}}，不能更改",
    password_protected: "活頁簿設有開啟密碼，請在 Excel 中取消密碼後再匯入",
    malformed_csv: "第 {{line}} 行無法按 CSV 讀取（可能有引號沒有配對）"
  },
  words: {
    matchedOn: {
      creditCode: "統一社會信用代碼",
      mobile: "手機號",
      name: "名稱"
    },
    entity: {
      record: "記錄",
      customer: "客戶",
      contact: "聯絡人",
      address: "地址",
      tag: "標籤",
      user: "啟用的使用者",
      lead: "線索",
      campaign: "行銷活動",
      customField: "自訂欄位",
      ledgerEntry: "流水"
    },
    expected: {
      number: "數字",
      text: "文字",
      integer: "整數",
      string: "文字",
      boolean: "是或否",
      array: "列表",
      object: "一組資料",
      xlsx: "Excel (.xlsx) 檔案",
      xlsx_or_csv: "Excel (.xlsx) 或 CSV 檔案"
    },
    reason: {
      length: "應為 18 位",
      character: "含有不會出現的字元（不使用 I、O、S、V、Z）",
      check_char: "校驗位不符，請檢查是否輸錯",
      only_contact_is_primary: "唯一的聯絡人必須是主要聯絡人",
      only_address_is_default: "唯一的地址必須是預設地址",
      merge_into_itself: "不能合併到自己",
      customer_inactive: "該客戶已歸檔或已合併",
      lead_lost: "該線索已標記為丟失"
    },
    status: {
      saved: "儲存",
      posted: "過賬",
      invoiced: "開票",
      confirmed: "確認"
    }
  }
};

export default zhTW;
