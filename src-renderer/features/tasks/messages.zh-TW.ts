import type zhCN from './messages.zh-CN';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

const messages: Strings<typeof zhCN> = {
  title: '待辦',
  mine: '我的待辦',
  seeEveryone: '查看全部人員的待辦',
  everyone: '全部人員',
  openOnly: '未完成',
  all: '全部',
  field: { title: '事項', customer: '客戶', assignee: '負責人', dueDate: '截止日期', doneAt: '完成時間' },
  doneColumn: '完成情況',
  source: { statement: '對帳單異議', dunning_reminder: '催收提醒' },
  complete: '完成',
  completed: '已完成',
  overdue: '已逾期',
  total: '共 {{count}} 項待辦',
  totalAtLeast: '{{total}}+ 項待辦',
  emptyTitle: '沒有待辦',
  emptyText: '客戶對對帳單有異議等需要追蹤的事，會出現在這裡。',
};

export default messages;
