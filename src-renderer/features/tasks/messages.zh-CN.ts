/** 待办: the follow-ups given to the signed-in person. */
export default {
  title: '待办',
  mine: '我的待办',
  everyone: '全部人员',
  seeEveryone: '查看全部人员的待办',
  openOnly: '未完成',
  all: '全部',
  field: { title: '事项', customer: '客户', assignee: '负责人', dueDate: '截止日期', doneAt: '完成时间' },
  /** The list's last column: when and by whom, or a 完成 button while open. */
  doneColumn: '完成情况',
  source: { statement: '对账单异议', dunning_reminder: '催收提醒' },
  complete: '完成',
  completed: '已完成',
  overdue: '已过期',
  total: '共 {{count}} 项待办',
  totalAtLeast: '{{total}}+ 项待办',
  emptyTitle: '没有待办',
  emptyText: '客户对对账单有异议等需要跟进的事，会出现在这里。',
};
