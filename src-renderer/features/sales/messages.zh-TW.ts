import type { Messages } from './messages.zh-CN';

/** Traditional Chinese (Taiwan): written by scripts/zh-tw.ts from the Simplified catalog, then reviewed. */
const zhTW: Messages = {
  orderStatus: {
    draft: "草稿",
    pending_approval: "待審核",
    confirmed: "已確認",
    partly_delivered: "部分出貨",
    delivered: "已出貨",
    invoiced: "已開票",
    paid: "已收款",
    closed: "已關閉",
    cancelled: "已取消"
  },
  quoteStatus: {
    draft: "草稿",
    sent: "已傳送",
    accepted: "客戶已接受",
    rejected: "客戶已拒絕",
    expired: "已過期",
    converted: "已轉訂單"
  },
  deliveryStatus: {
    picking: "揀貨中",
    posted: "已出貨",
    cancelled: "已作廢"
  },
  reason: {
    over_limit: "超出信用額度：已欠 {{balance}}，本單 {{orderTotal}}，額度 {{limit}}",
    overdue: "有發票逾期 {{days}} 天（允許 {{allowed}} 天）",
    on_hold: "客戶已被凍結信用",
    amount_over: "訂單金額超過 {{amount}}",
    customer_tier: "客戶等級為 {{tier}}",
    credit_problem: "信用異常",
    stock_shortage: "{{lines}} 列庫存不足",
    discount_over: "折扣 {{max}} 超過 {{bp}}",
    any: "需要審核"
  },
  field: {
    orderNo: "訂單編號",
    quoteNo: "報價單號",
    deliveryNo: "出貨單號",
    returnNo: "退貨單號",
    customer: "客戶",
    status: "狀態",
    orderDate: "訂單日期",
    quoteDate: "報價日期",
    validUntil: "有效期至",
    promisedDate: "承諾交期",
    deliveryDate: "出貨日期",
    returnDate: "退貨日期",
    warehouse: "倉庫",
    total: "價稅合計",
    owner: "業務員",
    product: "商品",
    barcode: "條碼",
    quantity: "數量",
    delivered: "已發",
    reserved: "已預留",
    picked: "已揀",
    unitPrice: "單價",
    discount: "折扣",
    amount: "金額",
    reason: "原因",
    requestedBy: "提交人",
    requestedAt: "提交時間",
    decidedByRule: "判定規則",
    order: "銷售訂單"
  },
  orders: {
    title: "銷售訂單",
    searchPlaceholder: "訂單編號或客戶名稱",
    anyStatus: "全部狀態",
    export: "匯出 Excel",
    exported: "已匯出 {{count}} 張訂單",
    previous: "上一頁",
    next: "下一頁",
    totalCount: "共 {{count}} 張",
    totalMany: "超過 {{count}} 張",
    emptyTitle: "還沒有銷售訂單",
    emptyText: "客戶確認報價後，在報價單上點「轉為訂單」；或者在這裡直接下單。訂單提交後會自動檢查信用和庫存。",
    emptyFiltered: "沒有符合條件的訂單，換個條件試試。",
    approvals: "待我審核",
    add: "新增訂單"
  },
  order: {
    lines: "商品明細",
    timeline: "訂單進度",
    approvals: "審核記錄",
    deliveries: "出貨記錄",
    submit: "提交訂單",
    approve: "審核通過",
    reject: "駁回",
    cancel: "取消訂單",
    deliver: "安排出貨",
    rejectReason: "駁回原因（業務員會看到）",
    cancelReason: "取消原因",
    approveComment: "審核意見（可不填）",
    confirm: "確定",
    creditCheck: "信用檢查",
    waitingReasons: "需要審核的原因",
    approved: "已通過",
    rejected: "已駁回",
    noDeliveries: "還沒有出貨",
    submitted: "訂單已提交：{{status}}",
    shortTitle: "庫存不足",
    shortText: "第 {{lineNo}} 列 {{product}}：可用 {{available}}，需要 {{quantity}}。",
    backorder: "先發有貨部分，其餘補貨後再發",
    substitute: "用替代商品補足",
    laterDate: "改約交期",
    suggested: "最早到貨：{{date}}"
  },
  form: {
    title: "新增銷售訂單",
    save: "儲存草稿",
    code: "商品編碼 / 條碼",
    codeHint: "輸入編碼或掃碼",
    notFound: "沒有這個商品",
    remove: "刪除此行",
    keys: "輸入編碼或掃碼後按 Tab 填數量，回車開始下一行；儲存後在訂單上提交。"
  },
  approvals: {
    title: "訂單審核",
    emptyTitle: "沒有待審核的訂單",
    emptyText: "超出信用額度、金額較大或折扣較深的訂單會出現在這裡，由經理或老闆審核。規則可在設定裡修改。"
  },
  quotes: {
    title: "報價單",
    convert: "轉為訂單",
    emptyTitle: "還沒有報價單",
    emptyText: "給客戶報價後，報價單會列在這裡；客戶確認後一鍵轉為銷售訂單，價格保持不變。"
  },
  deliveries: {
    title: "出貨單",
    emptyTitle: "還沒有出貨單",
    emptyText: "在已確認的銷售訂單上點「安排出貨」生成出貨單，然後掃碼揀貨、過帳出庫。",
    scan: "掃描條碼或輸入商品編碼，回車確認",
    post: "過帳出庫",
    cancel: "作廢",
    pickedAll: "已全部揀完，可以過帳出庫",
    posted: "已過帳出庫，銷售成本 {{cost}}",
    wrong: "拿錯貨了",
    progress: "已揀 {{picked}} / {{total}}",
    confirmLine: "確認揀貨",
    confirmLineHint: "沒有掃描槍時，核對實物後點此確認整列",
    scanSerial: "序號商品請逐件掃描",
    pickFirst: "請先揀完全部商品再過帳（公司設定要求先揀貨後出貨）"
  },
  returns: {
    title: "銷售退貨",
    emptyTitle: "還沒有退貨",
    emptyText: "客戶退回的商品在這裡登記：按訂單行退貨，選擇重新入庫或報廢，系統會通知財務開紅字發票。"
  }
};

export default zhTW;
