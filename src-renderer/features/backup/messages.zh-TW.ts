import type { Messages } from './messages.zh-CN';

/** Traditional Chinese (Taiwan): written by scripts/zh-tw.ts from the Simplified catalog, then reviewed. */
const zhTW: Messages = {
  title: "備份與還原",
  intro: "所有資料都在這臺電腦上的一個資料庫檔案裡。定期備份到另一塊硬碟或外接硬碟，電腦壞了、誤刪了資料都能找回來。",
  databaseFile: "資料庫檔案：{{file}}",
  folder: {
    title: "備份設定",
    label: "備份資料夾",
    help: "填寫完整路徑。留空則使用預設位置：{{folder}}。建議選另一塊硬碟或外接硬碟上的資料夾。",
    missing: "這個資料夾現在不存在，備份會失敗。",
    auto: "自動備份",
    autoHelp: "Desk ERP 開著時每天自動備份一次（啟動時，或開著過了零點）。保留最近 7 天每天一份、最近 4 週每週一份、最近 12 個月每月一份，更早的自動備份會被刪除；手動備份不會被刪除。",
    save: "儲存設定",
    saved: "備份設定已儲存"
  },
  now: {
    button: "立即備份",
    running: "正在備份…… {{percent}}%",
    done: "已備份：{{name}}",
    failed: "備份失敗：{{reason}}",
    last: "上次備份：{{at}}（{{size}}）",
    lastFailed: "上次備份失敗（{{at}}）：{{reason}}",
    never: "還沒有備份過。"
  },
  list: {
    total: "共 {{count}} 份備份",
    totalAtLeast: "{{total}}+ 份備份",
    title: "已有的備份",
    name: "檔名",
    at: "備份時間",
    size: "大小",
    kind: "方式",
    kinds: {
      auto: "自動",
      manual: "手動",
      other: "其他"
    },
    restore: "從此備份還原",
    emptyTitle: "還沒有備份",
    emptyText: "點「立即備份」做第一份備份，之後每天會自動備份。"
  },
  restore: {
    title: "從備份還原",
    warning: "恢復會用 {{at}} 的這份備份替換現在的全部資料，這之後錄入和修改的內容都會不見。",
    kept: "現在的資料不會刪除：會另存一份放在資料庫檔案旁邊，需要時可以再恢復回來。",
    signOut: "恢復後，其他已登入的人都會退出，需要重新登入。",
    confirmLabel: "我已瞭解，確認用這份備份替換現在的資料",
    confirm: "恢復",
    done: "已從 {{name}} 恢復。原來的資料另存為 {{previous}}。"
  },
  reasons: {
    folder_missing: "備份資料夾不存在（外接硬碟是否已拔出？）",
    disk_full: "磁碟空間不足",
    not_writable: "沒有寫入備份資料夾的權限",
    failed: "備份時出錯，詳情見日誌"
  },
  diagnostics: {
    title: "診斷資訊",
    text: "遇到問題需要求助時，匯出診斷資訊發給技術支援。裡面有日誌、版本號、設定（不含密碼）和資料檢查結果，不含客戶資料。",
    button: "匯出診斷資訊",
    done: "已匯出 {{name}}"
  },
  failedCard: {
    title: "備份失敗",
    text: "{{at}} 的備份沒有成功：{{reason}}。問題解決之前，資料沒有新的備份。",
    action: "去備份與還原"
  },
  units: {
    B: "{{value}} B",
    KB: "{{value}} KB",
    MB: "{{value}} MB",
    GB: "{{value}} GB"
  }
};

export default zhTW;
