import type { Messages } from './messages.zh-CN';

/** Traditional Chinese (Taiwan): written by scripts/zh-tw.ts from the Simplified catalog, then reviewed. */
const zhTW: Messages = {
  tabs: {
    products: "商品",
    categories: "商品分類",
    priceLists: "價目表"
  },
  field: {
    code: "商品編碼",
    name: "商品名稱",
    spec: "規格型號",
    category: "商品分類",
    unit: "基本單位",
    secondUnit: "輔助單位",
    secondUnitFactor: "換算率",
    barcode: "條碼",
    vatRate: "稅率（%）",
    listPrice: "零售價（含稅，元）",
    standardCost: "標準成本（不含稅，元）",
    reorderIntervalDays: "補貨週期（天）",
    isStocked: "庫存商品",
    isService: "服務項目",
    isSparePart: "備件",
    isConsumable: "耗材",
    isSerialTracked: "序號管理",
    status: "狀態",
    notes: "備註",
    substitutes: "替代商品"
  },
  status: {
    active: "在售",
    archived: "已停用"
  },
  yesNo: {
    yes: "是",
    no: "否"
  },
  list: {
    exportFile: "商品檔案",
    add: "新增商品",
    searchPlaceholder: "編碼、名稱、拼音首字母或條碼",
    anyCategory: "全部分類",
    anyKind: "全部類型",
    showArchived: "含已停用",
    units: "單位",
    emptyTitle: "還沒有商品",
    emptyText: "先建好商品分類，再錄入商品：編碼、規格型號、單位和條碼。之後報價、開單、出入庫都從這裡選商品。",
    emptyFilteredTitle: "沒有找到符合條件的商品",
    emptyFilteredText: "換個關鍵字試試（支援拼音首字母和條碼），或者清除篩選。",
    clearFilters: "清除篩選"
  },
  form: {
    createTitle: "新增商品",
    editTitle: "編輯商品",
    basics: "基本資訊",
    unitsAndPrices: "單位與價格",
    properties: "商品屬性",
    codeHint: "留空則自動編號",
    secondUnitHint: "例如：1 箱 = 24 瓶",
    secondUnitFactorLabel: "1 {{second}} = ? {{unit}}",
    noCategory: "未分類",
    save: "儲存",
    cancel: "取消",
    saved: "商品已儲存",
    archive: "停用",
    restore: "啟用",
    archived: "商品已停用",
    restored: "商品已啟用"
  },
  import: {
    open: "匯入商品",
    title: "從 Excel 或 CSV 匯入商品",
    intro: "每列一個商品，第一列是標題列（商品編碼、商品名稱、規格型號、商品分類、單位、輔助單位、換算率、條碼、稅率、零售價…）。編碼已存在的商品會按表格更新，分類可寫成「飲料/咖啡」，沒有的分類會自動建好。支援 .xlsx 和 .csv（UTF-8 或 GBK 編碼），最大 45 MB。",
    choose: "選擇檔案",
    template: "下載匯入範本",
    templateFile: "商品匯入範本",
    checking: "正在檢查檔案…",
    summary: "共 {{rows}} 列：新增 {{created}} 個，更新 {{updated}} 個，無變化 {{unchanged}} 個，有問題 {{skipped}} 列",
    mapping: "標題列對應",
    notImported: "不匯入",
    newCategories: "將新增分類：{{names}}",
    errors: "有問題的列（這些列不會匯入）",
    row: "行",
    column: "欄",
    value: "內容",
    problem: "問題",
    strict: "有任何問題就整份不匯入",
    run: "開始匯入",
    another: "換個檔案",
    done: "匯入完成：新增 {{created}} 個，更新 {{updated}} 個，跳過 {{skipped}} 列"
  },
  categories: {
    add: "新增分類",
    addChild: "新增下級",
    rename: "重新命名",
    remove: "刪除",
    name: "分類名稱",
    parent: "上級分類",
    topLevel: "（頂級分類）",
    products: "{{count}} 個商品",
    emptyTitle: "還沒有商品分類",
    emptyText: "按你的經營品類建分類，例如「飲料 → 碳酸飲料」，商品列表可以按分類篩選。",
    saved: "分類已儲存",
    removed: "分類已刪除",
    removeConfirm: "刪除分類「{{name}}」？只有沒有商品和下級分類的分類才能刪除。"
  },
  priceLists: {
    add: "新增價目表",
    code: "價目表編號",
    name: "價目表名稱",
    kind: "適用範圍",
    tier: "客戶等級",
    customer: "指定客戶",
    taxInclusive: "價格含稅",
    validFrom: "生效日期",
    validTo: "截止日期",
    openEnded: "長期有效",
    productCount: "商品數",
    kinds: {
      standard: "標準價",
      tier: "按客戶等級",
      customer: "客戶專屬價"
    },
    statuses: {
      active: "啟用",
      archived: "已停用"
    },
    taxInclusiveYes: "含稅",
    taxInclusiveNo: "不含稅",
    emptyTitle: "還沒有價目表",
    emptyText: "建一張標準價目表，再為金卡、銀卡等客戶等級或大客戶單獨定價，數量越多單價越低可以設階梯價。",
    createTitle: "新增價目表",
    editTitle: "編輯價目表",
    saved: "價目表已儲存",
    back: "返回價目表",
    items: "商品價格",
    addProduct: "新增商品價格",
    product: "商品",
    breaks: "階梯價",
    minQuantity: "起訂數量（{{unit}}）",
    unitPrice: "單價（元/{{unit}}）",
    addBreak: "新增階梯",
    removeProduct: "移出價目表",
    itemsEmptyTitle: "這張價目表還沒有商品",
    itemsEmptyText: "新增商品並設定單價；同一商品可設多檔起訂數量，買得越多越便宜。",
    pricesSaved: "價格已儲存",
    pickProduct: "輸入編碼、名稱、拼音首字母或掃條碼",
    fromQty: "≥{{qty}}{{unit}}"
  }
};

export default zhTW;
