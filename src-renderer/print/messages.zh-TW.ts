import type { Messages } from './messages.zh-CN';

/** Traditional Chinese (Taiwan): written by scripts/zh-tw.ts from the Simplified catalog, then reviewed. */
const zhTW: Messages = {
  titles: {
    quotation: "報價單",
    order_confirmation: "銷售訂單確認書",
    pick_list: "揀貨單",
    delivery_note: "送貨單",
    purchase_order: "採購訂單"
  },
  fields: {
    customer: "客戶名稱",
    supplier: "供應商",
    contact: "聯絡人",
    phone: "聯絡電話",
    address: "地址",
    shippingAddress: "送貨地址",
    date: "日期",
    quoteDate: "報價日期",
    validUntil: "有效期至",
    orderDate: "訂單日期",
    promisedDate: "交貨日期",
    deliveryDate: "送貨日期",
    expectedDate: "要求到貨日期",
    orderNumber: "訂單編號",
    warehouse: "倉庫",
    salesperson: "業務員",
    buyer: "採購員",
    paymentTerms: "付款方式",
    notes: "備註"
  },
  number: "單號",
  draft: "草稿（未編號）",
  columns: {
    lineNo: "序號",
    code: "商品編碼",
    name: "名稱",
    specification: "規格型號",
    unit: "單位",
    quantity: "數量",
    unitPrice: "單價",
    discount: "折扣",
    taxRate: "稅率",
    amount: "金額",
    picked: "實揀數量",
    remark: "備註"
  },
  pricesIncludeTax: "單價含稅，金額為價稅合計",
  pricesExcludeTax: "單價不含稅，金額為不含稅金額",
  totals: {
    net: "不含稅金額",
    tax: "稅額",
    gross: "價稅合計",
    inWords: "合計金額（大寫）",
    inWordsValue: "人民幣{{words}}",
    lines: "共 {{count}} 列"
  },
  letterhead: {
    title: "單據抬頭",
    address: "地址",
    phone: "電話",
    taxId: "稅號",
    bank: "開戶行",
    bankAccount: "帳號"
  },
  letterheadForm: {
    companyAddress: "公司地址",
    companyPhone: "聯絡電話",
    companyTaxId: "統一編號",
    companyBank: "開戶行",
    companyBankAccount: "銀行帳號"
  },
  signatures: {
    quotedBy: "報價人",
    preparedBy: "製單",
    approvedBy: "審核",
    sellerSeal: "銷售方（蓋章）",
    customerConfirmation: "客戶確認（簽字/蓋章）",
    supplierConfirmation: "供應商確認（簽字/蓋章）",
    picker: "揀貨人",
    checker: "複核人",
    deliveredBy: "送貨人",
    receivedBy: "收貨人簽字",
    date: "日期"
  },
  receipt: "以上貨物已按數量、規格驗收無誤，包裝完好。",
  printedOn: "列印日期：{{date}}",
  pageNumber: "第 {{page}} 頁 / 共 {{pages}} 頁",
  toolbar: {
    print: "列印",
    savePdf: "儲存為 PDF",
    back: "返回",
    language: "列印語言",
    saved: "已儲存：{{file}}",
    saveFailed: "PDF 沒有儲存成功，請換個資料夾再試。"
  },
  noTemplate: "沒有這種單據的列印範本（{{template}}）",
  preview: "列印預覽",
  previewHelp: "用範例送貨單看看公司抬頭印出來的效果。"
};

export default zhTW;
