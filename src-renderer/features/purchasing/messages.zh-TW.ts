import type { Messages } from './messages.zh-CN';

/** Traditional Chinese (Taiwan): written by scripts/zh-tw.ts from the Simplified catalog, then reviewed. */
const zhTW: Messages = {
  tabs: {
    orders: "採購訂單",
    replenishment: "補貨建議",
    suppliers: "供應商"
  },
  status: {
    draft: "草稿",
    confirmed: "已確認",
    partly_received: "部分入庫",
    received: "已入庫",
    cancelled: "已作廢"
  },
  field: {
    poNo: "採購單號",
    supplier: "供應商",
    warehouse: "入庫倉庫",
    orderDate: "下單日期",
    expectedDate: "預計到貨",
    status: "狀態",
    totalGross: "價稅合計",
    totalNet: "不含稅金額",
    totalTax: "稅額",
    received: "已入庫",
    ordered: "訂購數量",
    product: "商品",
    quantity: "數量",
    unitPrice: "單價",
    taxInclusive: "單價含稅",
    vatRate: "稅率",
    gross: "價稅合計",
    receiveNow: "本次入庫",
    serials: "序列號（每列一個）",
    code: "供應商編號",
    name: "供應商名稱",
    contactName: "聯絡人",
    mobile: "手機號碼",
    phone: "電話",
    email: "電子郵件",
    address: "地址",
    paymentTermsDays: "帳期（天）",
    leadTimeDays: "交貨期（天）",
    notes: "備註",
    available: "可用量",
    safetyStock: "安全庫存",
    reorderPoint: "再訂購點",
    suggested: "建議採購量",
    incoming: "在途",
    unitCost: "參考成本",
    raisedAt: "提出時間"
  },
  orders: {
    total: "共 {{count}} 張採購單",
    totalAtLeast: "{{total}}+ 張採購單",
    add: "新增採購訂單",
    searchPlaceholder: "採購單號",
    allStatuses: "全部狀態",
    openOnly: "只看待到貨的",
    expectedBefore: "預計到貨早於 {{date}}",
    emptyTitle: "還沒有采購訂單",
    emptyText: "新增採購訂單，或在「補貨建議」中一鍵按供應商生成。",
    addLine: "新增商品",
    created: "採購訂單已儲存為草稿",
    confirm: "確認訂單",
    cancel: "作廢",
    receive: "收貨入庫",
    receiveAll: "按未到數量填入",
    confirmed: "採購訂單已確認",
    cancelled: "採購訂單已作廢",
    receivedNotice: "已入庫，庫存與平均成本已更新",
    receipts: "入庫記錄",
    noOpenLines: "已全部入庫"
  },
  replenishment: {
    emptyTitle: "沒有待處理的補貨建議",
    emptyText: "當可用量低於安全庫存時，系統會自動在這裡提出補貨建議。可在庫存總覽中為商品設定安全庫存。",
    noSupplier: "未指定供應商",
    chooseSupplier: "選擇供應商",
    order: "生成採購訂單",
    dismiss: "忽略",
    availableAtRaise: "{{date}} 提出時可用 {{quantity}}",
    recovered: "已回到安全庫存以上",
    ordered: "已生成 {{count}} 張採購訂單草稿",
    total: "共 {{count}} 條補貨建議"
  },
  suppliers: {
    add: "新增供應商",
    edit: "編輯供應商",
    saved: "供應商已儲存",
    total: "共 {{count}} 家供應商",
    totalAtLeast: "{{total}}+ 家供應商",
    searchPlaceholder: "編號、名稱或拼音首字母",
    emptyTitle: "還沒有供應商",
    emptyText: "新增供應商後即可下採購訂單，也可設為商品的首選供應商以便自動補貨。",
    archive: "停用",
    restore: "啟用"
  }
};

export default zhTW;
