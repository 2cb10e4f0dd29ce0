import type { Messages } from './messages.zh-CN';

/** Traditional Chinese (Taiwan): written by scripts/zh-tw.ts from the Simplified catalog, then reviewed. */
const zhTW: Messages = {
  title: "匯入客戶",
  backToList: "返回客戶列表",
  template: "下載匯入範本",
  templateFile: "客戶匯入範本",
  steps: {
    file: "選擇檔案",
    check: "核對與預覽",
    done: "匯入結果"
  },
  drop: {
    title: "把 Excel 或 CSV 檔案拖到這裡",
    text: "每列一家客戶，第一列是標題列；同一列裡可以帶上聯絡人和地址。支援 .xlsx 和 .csv（UTF-8 或 GBK 編碼都可以），最大 45 MB。不知道怎麼排？先下載匯入範本照著填。",
    choose: "選擇檔案",
    tooBig: "檔案超過 45 MB，請拆成幾個小檔案分別匯入。",
    wrongType: "只能匯入 .xlsx 或 .csv 檔案；舊版 .xls 請先在 Excel 裡「另存為」 .xlsx。"
  },
  file: {
    rows: "{{count}} 列資料",
    encoding: "編碼：{{encoding}}",
    headerRow: "標題列在第 {{row}} 列",
    change: "換一個檔案"
  },
  encoding: {
    "utf-8": "UTF-8",
    "utf-8-bom": "UTF-8（帶 BOM）",
    "utf-16le": "Unicode 文字（UTF-16）",
    "utf-16be": "Unicode 文字（UTF-16）",
    gbk: "GBK（中文 Excel 預設）",
    gb18030: "GB18030",
    xlsx: "Excel 工作簿"
  },
  mapping: {
    title: "表格裡的每一欄匯入到哪裡",
    hint: "已經按標題列自動對好了，請核對一遍；用不上的欄選「不匯入」。",
    column: "檔案中的欄",
    sample: "第一列資料",
    target: "匯入為",
    ignore: "不匯入",
    groups: {
      customer: "客戶",
      contact: "聯絡人",
      address: "地址",
      custom: "自訂欄位"
    },
    needName: "請把其中一欄設為「客戶名稱」（只更新已有客戶時，也可以只用客戶編碼或統一社會信用代碼）。",
    recheck: "按新的對應關係重新檢查",
    checking: "正在檢查…"
  },
  summary: {
    title: "檢查結果",
    create: "新增客戶",
    update: "更新已有客戶",
    unchanged: "已存在且無變化",
    skip: "有錯誤、不匯入",
    duplicates: "疑似重複",
    matchHint: "客戶編碼已存在的列會更新那位客戶，只改表格裡填了的內容。"
  },
  errors: {
    title: "有問題的列",
    none: "所有資料都檢查通過了。",
    row: "行號",
    field: "欄",
    value: "填寫的內容",
    reason: "問題",
    line: "第 {{row}} 列",
    more: "只列出前 {{shown}} 筆，共 {{count}} 筆。",
    fixHint: "改好檔案後重新選擇檔案即可；不改也可以匯入，有問題的列會被跳過。"
  },
  sameAsOnFile: {
    title: "{{count}} 列是既有客戶",
    hint: "統一社會信用代碼相同，或公司名稱相同（「有限公司」「有限責任公司」等字樣不計），就是同一家客戶，不會重複建檔。請選擇怎麼處理：",
    update: "依表格更新這些客戶",
    skip: "略過，保留原有資料",
    willUpdate: "這 {{count}} 家客戶會依表格更新，只改表格裡填了的內容。",
    willSkip: "這 {{count}} 列不匯入，既有客戶的資料維持不變。",
    row: "第 {{row}} 列「{{value}}」→ 既有客戶 {{code}} {{name}}（{{reason}}相同）",
    more: "還有 {{count}} 列"
  },
  duplicates: {
    title: "疑似重複的客戶",
    hint: "這些列仍會匯入，匯入後可以在客戶檔案裡合併。",
    withCustomer: "與已有客戶 {{code}} {{name}} 的{{reason}}相同",
    withRow: "與第 {{row}} 列的{{reason}}相同",
    reason: {
      mobile: "手機號碼",
      name: "名稱",
      creditCode: "統一社會信用代碼"
    }
  },
  strict: {
    label: "嚴格模式",
    description: "只要有一列出錯，就一列也不匯入"
  },
  start: "開始匯入（{{count}} 家客戶）",
  nothing: "沒有可以匯入的列",
  history: {
    emptyTitle: '還沒有匯入過客戶',
    emptyText: '從上面選一個 Excel 或 CSV 檔案匯入後，每次匯入都會列在這裡，需要時可以整批復原。',
    title: '匯入記錄',
    file: '檔案',
    at: '開始時間',
    by: '操作人',
    status: '狀態',
    statuses: { publishing: '正在寫入', published: '已完成', cancelled: '已取消', failed: '失敗（已撤回）', undone: '已復原' },
    undo: '復原匯入',
    undoTitle: '復原這次匯入？',
    undoRemoves: '將刪除「{{file}}」新增的 {{count}} 家客戶，連同其聯絡人、地址和標籤。',
    undoRestores: '它更新過的 {{count}} 家客戶將恢復到匯入前的樣子。',
    undoFinal: '此操作無法復原。',
    refused: {
      documents: '有 {{count}} 家新增的客戶已經有了單據或記錄（{{codes}}），無法復原。請先處理這些客戶，再復原匯入。',
      edited: '有 {{count}} 家客戶在匯入後又被修改過（{{codes}}），無法復原，以免覆蓋這些修改。',
    },
  },
  productHistory: {
    emptyTitle: '還沒有匯入過商品',
    emptyText: '選一個 Excel 或 CSV 檔案匯入後，每次匯入都會列在這裡，需要時可以整批復原。',
    undoRemoves: '將刪除「{{file}}」新增的 {{count}} 個商品，連同它新增的商品分類。',
    undoRestores: '它更新過的 {{count}} 個商品將恢復到匯入前的樣子。',
    refused: {
      documents: '有 {{count}} 個新增的商品已經有了單據或記錄（{{codes}}），無法復原。請先處理這些商品，再復原匯入。',
      edited: '有 {{count}} 個商品在匯入後又被修改過（{{codes}}），無法復原，以免覆蓋這些修改。',
    },
  },
  progress: {
    reading: "正在讀取檔案…",
    checking: "正在檢查資料… {{done}} / {{total}}",
    writing: "正在寫入… {{done}} / {{total}}",
    cancel: "取消匯入",
    cancelled: "已取消，沒有匯入任何資料。"
  },
  result: {
    title: "匯入完成",
    imported: "新增",
    updated: "更新",
    unchanged: "無變化",
    skipped: "跳過",
    people: "{{count}} 家",
    rows: "{{count}} 列",
    blocked: "嚴格模式下發現 {{count}} 處錯誤，沒有匯入任何資料。改好檔案後再匯入一次。",
    skippedHint: "跳過的列見下方列表，改好後可以只把這些列再匯入一次。",
    toList: "檢視客戶列表",
    again: "再匯入一個檔案"
  },
  field: {
    code: "客戶編碼",
    name: "客戶名稱",
    shortName: "簡稱",
    kind: "類型",
    creditCode: "統一社會信用代碼",
    mobile: "客戶手機",
    phone: "公司電話",
    email: "公司電子郵件",
    province: "省份",
    city: "城市",
    district: "區縣",
    industry: "行業",
    size: "規模",
    source: "客戶來源",
    tier: "等級",
    owner: "業務員",
    tags: "標籤",
    creditLimit: "信用額度（元）",
    paymentTermsDays: "帳期（天）",
    cooperationSince: "合作開始日期",
    birthday: "生日",
    invoiceTitle: "開票抬頭",
    taxpayerId: "開票稅號",
    bankName: "開戶銀行",
    bankAccount: "銀行帳號",
    registeredAddress: "註冊地址",
    registeredPhone: "註冊電話",
    notes: "備註",
    contactName: "聯絡人",
    contactTitle: "職務",
    contactMobile: "聯絡人手機",
    contactPhone: "聯絡人電話",
    contactEmail: "聯絡人電子郵件",
    contactWechat: "微信",
    contactBirthday: "聯絡人生日",
    addressDetail: "詳細地址",
    postcode: "郵遞區號",
    row: "整列"
  },
  rowError: {
    required: "必填，不能空著",
    tooLong: "太長了，最多 {{max}} 個字",
    mobile: "不是有效的手機號碼（11 位數字，13–19 開頭）",
    phone: "不是有效的電話號碼：座機請帶區號（如 010-12345678），也可填 400/800 號碼或手機號碼",
    email: "電子郵件格式不對（例如 name@example.com）",
    creditCode: "統一社會信用代碼有誤：應為 18 位，最後一位是檢查碼，請檢查是否打錯",
    date: "日期看不懂，請寫成 2024-03-05",
    number: "應填數字",
    money: "金額看不懂，請寫成 5000 或 5000.50",
    days: "帳期應為 0–365 的整數天",
    postcode: "郵遞區號應為 6 位數字",
    kind: "類型只能填「公司」或「個人」",
    size: "規模只能填微型、小型、中型或大型",
    choice: "不在可選項裡",
    owner: "系統裡沒有叫「{{value}}」的員工（可以填姓名或登入名）",
    contactName: "填了聯絡方式，但沒有填聯絡人姓名",
    duplicateCode: "客戶編碼和第 {{otherRow}} 列重複",
    duplicateCreditCode: "統一社會信用代碼和第 {{otherRow}} 列重複",
    sameCustomerTwice: "和第 {{otherRow}} 列是同一位客戶（{{code}}）",
    codeCreditMismatch: "這個信用代碼屬於客戶 {{code}} {{name}}，和填寫的客戶編碼對不上",
    creditCodeTaken: "這個信用代碼已經屬於客戶 {{code}} {{name}}",
    merged: "客戶 {{code}} 已合併到別的客戶，請改用合併後的客戶編碼",
    tag: "標籤最多 50 個字",
    customField: "{{label}}：填寫的值不符合要求"
  }
};

export default zhTW;
