import type { Strings } from '../../i18n/catalog';
import type zhCN from './messages.zh-CN';

const messages: Strings<typeof zhCN> = {
  title: 'To-dos',
  mine: 'Mine',
  seeEveryone: "See everyone's to-dos",
  everyone: 'Everyone',
  openOnly: 'Open',
  all: 'All',
  field: { title: 'To-do', customer: 'Customer', assignee: 'Assigned to', dueDate: 'Due', doneAt: 'Done' },
  doneColumn: 'Done',
  source: { statement: 'Disputed statement', dunning_reminder: 'Payment reminder' },
  complete: 'Done',
  completed: 'Marked as done',
  overdue: 'Overdue',
  total: '{{count}} tasks',
  total_one: '{{count}} task',
  totalAtLeast: '{{total}}+ tasks',
  emptyTitle: 'Nothing to do',
  emptyText: 'Follow-ups such as a customer disputing a statement appear here.',
};

export default messages;
