import type { Catalog } from './catalog';

/** Traditional Chinese (Taiwan): written by scripts/zh-tw.ts from the Simplified catalog, then reviewed. */
const zhTW: Catalog = {
  app: {
    name: "Desk ERP",
    tagline: "以客戶為中心的桌面 ERP"
  },
  common: {
    save: "儲存",
    cancel: "取消",
    create: "新建",
    edit: "編輯",
    remove: "刪除",
    search: "搜尋",
    exportExcel: "匯出 Excel",
    exporting: "正在匯出…",
    loading: "載入中…",
    actions: "操作",
    confirm: "確定",
    close: "關閉",
    back: "上一步",
    next: "下一步",
    total: "共 {{count}} 條",
    filter: "篩選",
    reset: "重置",
    all: "全部",
    yes: "是",
    no: "否",
    saved: "已儲存",
    status: "狀態",
    active: "啟用",
    disabled: "停用",
    never: "從未",
    required: "必填",
    optional: "選填",
    retry: "重試",
    cancelled: "已取消"
  },
  nav: {
    groups: {
      customers: "客戶",
      sales: "銷售",
      stock: "商品與庫存",
      finance: "財務",
      service: "服務與會員",
      automation: "自動化",
      insights: "分析",
      system: "系統"
    },
    dashboard: "工作臺",
    customers: "客戶檔案",
    leads: "線索與商機",
    quotes: "報價單",
    orders: "銷售訂單",
    deliveries: "發貨",
    returns: "退貨",
    catalog: "商品與價格",
    stock: "庫存",
    purchasing: "採購",
    invoices: "發票",
    payments: "收款",
    receivables: "應收對賬",
    vouchers: "記賬憑證",
    tickets: "售後工單",
    loyalty: "會員積分",
    coupons: "優惠券",
    rules: "自動化規則",
    tasks: "任務",
    analytics: "客戶分析",
    reports: "報表中心",
    users: "使用者與角色",
    audit: "操作紀錄",
    settings: "系統設定",
    sync: "多機同步"
  },
  shell: {
    searchPlaceholder: "搜尋客戶、單號，或輸入命令…",
    searchHint: "Ctrl + K",
    nothingFound: "沒有找到匹配的內容",
    theme: "外觀",
    themeLight: "淺色",
    themeDark: "深色",
    language: "語言",
    signedInAs: "目前使用者：{{name}}（{{role}}）",
    logout: "登出",
    changePassword: "修改密碼",
    openMenu: "開啟選單",
    goTo: "前往"
  },
  zones: {
    Asia_Shanghai: "北京時間（Asia/Shanghai）",
    Asia_Urumqi: "烏魯木齊時間（Asia/Urumqi）",
    Asia_Hong_Kong: "香港時間（Asia/Hong_Kong）",
    Asia_Macau: "澳門時間（Asia/Macau）",
    Asia_Taipei: "臺北時間（Asia/Taipei）",
    Asia_Singapore: "新加坡時間（Asia/Singapore）",
    UTC: "協調世界時（UTC）"
  },
  currencies: {
    CNY: "人民幣",
    HKD: "港幣",
    MOP: "澳門元",
    TWD: "新臺幣",
    USD: "美元",
    EUR: "歐元"
  },
  languages: {
    "zh-CN": "简体中文",
    en: "English",
    "zh-TW": "繁體中文"
  },
  roles: {
    owner: "老闆",
    manager: "經理",
    sales: "銷售",
    warehouse: "倉管",
    service: "售後",
    accountant: "會計"
  },
  setup: {
    title: "歡迎使用 Desk ERP",
    subtitle: "三步完成初始設定，資料只儲存在這臺電腦上。",
    stepCompany: "公司資訊",
    stepOwner: "老闆帳號",
    stepDone: "完成",
    companyName: "公司名稱",
    companyNamePlaceholder: "例如：南京博雅食品有限公司",
    currency: "記賬本位幣",
    timeZone: "時區",
    ownerName: "您的姓名",
    ownerUsername: "登入使用者名稱",
    password: "密碼",
    passwordConfirm: "再次輸入密碼",
    passwordsDiffer: "兩次輸入的密碼不一致",
    passwordHint: "至少 8 位",
    finish: "開始使用",
    doneText: "設定完成。以後可在「系統設定」中修改公司資訊，在「使用者與角色」中為員工開帳號。"
  },
  login: {
    title: "登入 Desk ERP",
    username: "使用者名稱",
    password: "密碼",
    submit: "登入",
    failed: "使用者名稱或密碼錯誤"
  },
  password: {
    title: "修改密碼",
    current: "目前密碼",
    new: "新密碼",
    confirm: "確認新密碼",
    changed: "密碼已修改"
  },
  users: {
    title: "使用者與角色",
    add: "新增使用者",
    username: "使用者名稱",
    displayName: "姓名",
    role: "角色",
    lastLogin: "最近登入",
    createdAt: "建立時間",
    initialPassword: "初始密碼",
    resetPassword: "重置密碼",
    newPassword: "新密碼",
    disable: "停用",
    enable: "啟用",
    created: "已建立使用者 {{name}}",
    searchPlaceholder: "按使用者名稱或姓名搜尋",
    emptyTitle: "還沒有其他使用者",
    emptyText: "為銷售、倉管、售後和會計開通帳號，每個人只看到自己角色能用的功能。",
    rolesHelp: "角色說明",
    roleDescriptions: {
      owner: "全部功能，包括使用者、設定和備份",
      manager: "全部業務功能和操作紀錄，不含使用者和系統設定",
      sales: "客戶、線索商機、匯入匯出",
      warehouse: "檢視客戶；以後負責發貨和庫存",
      service: "檢視客戶、記錄跟進；以後負責售後工單",
      accountant: "檢視和匯出客戶、檢視操作紀錄；以後負責應收和憑證"
    }
  },
  audit: {
    title: "操作紀錄",
    at: "時間",
    user: "操作人",
    method: "操作",
    entity: "物件",
    changes: "變更內容",
    from: "開始日期",
    to: "結束日期",
    methodPlaceholder: "例如 customers 或 users.update",
    emptyTitle: "沒有符合條件的操作記錄",
    emptyText: "每次新增、修改、刪除都會記在這裡：誰、什麼時候、改了哪些欄位。",
    before: "修改前",
    after: "修改後",
    transport: "來源",
    noFieldChanges: "無欄位變更",
    entities: {
      user: "使用者",
      company: "公司",
      settings: "設定",
      customer: "客戶",
      contact: "聯絡人",
      address: "地址",
      tag: "標籤",
      lead: "線索",
      opportunity: "商機",
      campaign: "行銷活動",
      import: "匯入"
    },
    methods: {
      auth: {
        setup: "初始設定",
        login: "登入",
        changePassword: "修改密碼",
        setLocale: "切換語言"
      },
      users: {
        create: "新增使用者",
        update: "修改使用者",
        resetPassword: "重置密碼"
      },
      settings: {
        update: "修改設定"
      }
    }
  },
  settings: {
    title: "系統設定",
    company: "公司資訊",
    companyName: "公司名稱",
    currency: "本位幣",
    timeZone: "時區",
    requiredFields: "新建客戶時必填的欄位",
    requiredFieldsHelp: "資料治理：要求錄入哪些資訊，缺了就不能儲存。",
    fields: {
      mobile: "手機號",
      email: "郵箱",
      industry: "行業",
      source: "客戶來源",
      ownerUserId: "負責銷售",
      address: "地址",
      creditCode: "統一社會信用代碼"
    },
    dataFile: "資料儲存在本機，備份請使用命令列 backup 或以後的自動備份功能。"
  },
  dashboard: {
    title: "工作臺",
    welcome: "{{name}}，您好",
    emptyTitle: "從客戶檔案開始",
    emptyText: "先建立客戶檔案或匯入已有的客戶表格；訂單、收款、工單和積分上線後，這裡會顯示經營概況。",
    goCustomers: "去客戶檔案"
  },
  comingSoon: {
    title: "「{{area}}」還在建設中",
    text: "這個模組還沒有上線，這裡不顯示任何假資料。上線後，它會和客戶檔案連在一起：同一個客戶的訂單、庫存、應收、工單和積分一目瞭然。",
    back: "回到工作臺"
  },
  errors: {
    VALIDATION: "填寫的內容有誤，請檢查標紅的欄位",
    NOT_FOUND: "要找的記錄不存在或已被刪除",
    CONFLICT: "與現有資料衝突",
    FORBIDDEN: "您的角色沒有這項許可權",
    UNAUTHENTICATED: "請先登入",
    RATE_LIMITED: "嘗試次數過多，請稍後再試",
    CREDIT_LIMIT: "超出信用額度",
    INSUFFICIENT_STOCK: "庫存不足",
    PERIOD_LOCKED: "該會計期間已結賬",
    CANCELLED: "操作已取消",
    INTERNAL: "系統內部出錯，詳情已寫入日誌",
    network: "無法連線到 Desk ERP 服務"
  },
  table: {
    prev: "上一頁",
    next: "下一頁",
    pageOf: "第 {{page}} / {{pages}} 頁",
    pageSize: "每頁"
  }
};

export default zhTW;
