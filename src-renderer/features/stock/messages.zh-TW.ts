import type { Messages } from './messages.zh-CN';

/** Traditional Chinese (Taiwan): written by scripts/zh-tw.ts from the Simplified catalog, then reviewed. */
const zhTW: Messages = {
  tabs: {
    overview: "庫存總覽",
    moves: "出入庫流水",
    counts: "盤點",
    transfers: "調撥",
    warehouses: "倉庫"
  },
  moveKind: {
    opening: "期初",
    receipt: "入庫",
    delivery: "出貨",
    return: "退貨入庫",
    transfer_out: "調撥出庫",
    transfer_in: "調撥入庫",
    count_adjustment: "盤點調整",
    scrap: "報損",
    service_issue: "維修領用"
  },
  countStatus: {
    counting: "盤點中",
    posted: "已過帳",
    cancelled: "已作廢"
  },
  field: {
    product: "商品",
    productCode: "商品編號",
    productName: "商品名稱",
    spec: "規格型號",
    unit: "單位",
    warehouse: "倉庫",
    warehouseCode: "倉庫編號",
    warehouseName: "倉庫名稱",
    address: "地址",
    onHand: "現存量",
    reserved: "已預留",
    available: "可用量",
    avgCost: "平均成本",
    stockValue: "庫存金額",
    safetyStock: "安全庫存",
    reorderPoint: "再訂貨點",
    reorderQuantity: "再訂貨量",
    date: "日期",
    kind: "類型",
    quantity: "數量",
    unitCost: "單位成本",
    value: "金額",
    documentNo: "單據編號",
    balance: "結存",
    user: "經辦人",
    notes: "備註",
    status: "狀態",
    countNo: "盤點單號",
    expected: "帳面數量",
    counted: "實盤數量",
    difference: "盤盈(+)/盤虧(−)",
    lines: "明細",
    transferNo: "調撥單號",
    from: "調出倉庫",
    to: "調入倉庫",
    isDefault: "預設倉庫"
  },
  overview: {
    total: "共 {{count}} 項庫存",
    totalAtLeast: "{{total}}+ 項庫存",
    searchPlaceholder: "商品編號、名稱或條碼",
    allWarehouses: "全部倉庫",
    belowSafety: "低於安全庫存",
    inStockOnly: "只看有庫存",
    emptyTitle: "還沒有庫存",
    emptyText: "先在「倉庫」頁建好倉庫，再輸入期初庫存或採購入庫，庫存會顯示在這裡。",
    lowBadge: "缺貨預警",
    countingBadge: "盤點中",
    movesOf: "{{product}} · {{warehouse}} 的出入庫流水"
  },
  moves: {
    total: "共 {{count}} 筆流水",
    totalAtLeast: "{{total}}+ 筆流水",
    emptyTitle: "還沒有出入庫紀錄",
    emptyText: "期初、採購入庫、出貨、調撥、盤點和報損都會在這裡留下一筆流水，不可修改。",
    anyWarehouse: "全部倉庫",
    anyKind: "全部類型",
    from: "從",
    to: "到",
    noMatch: "沒有符合條件的流水",
  },
  counts: {
    total: "共 {{count}} 張盤點單",
    totalAtLeast: "{{total}}+ 張盤點單",
    open: "新增盤點單",
    openTitle: "新增盤點單",
    openHint: "盤點單會按目前帳面數量為該倉庫的每個商品生成一行，盤點期間的出貨照常進行。",
    emptyTitle: "還沒有盤點單",
    emptyText: "新增盤點單，輸入實盤數量後過帳，差異會自動生成盤點調整。",
    enter: "輸入實盤",
    save: "儲存實盤數量",
    post: "過帳",
    cancel: "作廢",
    posted: "盤點單已過帳",
    saved: "實盤數量已儲存",
    confirmPost: "過帳後將按差異生成盤盈盤虧調整，且無法復原。確定過帳？",
    progress: "已盤 {{counted}}/{{total}} 列，差異 {{differences}} 列"
  },
  transfers: {
    total: "共 {{count}} 張調撥單",
    totalAtLeast: "{{total}}+ 張調撥單",
    add: "新增調撥單",
    emptyTitle: "還沒有調撥單",
    emptyText: "在倉庫之間調貨時新增調撥單，按移動平均成本出庫併入庫。",
    addLine: "新增商品",
    created: "調撥單已過帳"
  },
  warehouses: {
    add: "新增倉庫",
    edit: "編輯倉庫",
    saved: "倉庫已儲存",
    archive: "停用",
    restore: "啟用",
    archived: "已停用",
    active: "啟用中",
    emptyTitle: "還沒有倉庫",
    emptyText: "先建一個倉庫（例如「總倉」），第一個倉庫會成為預設倉庫。"
  },
  productPicker: {
    placeholder: "輸入編號、名稱或掃碼",
    nothing: "沒有找到商品"
  }
};

export default zhTW;
