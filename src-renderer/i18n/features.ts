import backupEn from '../features/backup/messages.en';
import backupZhCN from '../features/backup/messages.zh-CN';
import backupZhTW from '../features/backup/messages.zh-TW';
import catalogEn from '../features/catalog/messages.en';
import catalogZhCN from '../features/catalog/messages.zh-CN';
import catalogZhTW from '../features/catalog/messages.zh-TW';
import customersEn from '../features/customers/messages.en';
import customersZhCN from '../features/customers/messages.zh-CN';
import customersZhTW from '../features/customers/messages.zh-TW';
import dunningEn from '../features/dunning/messages.en';
import dunningZhCN from '../features/dunning/messages.zh-CN';
import dunningZhTW from '../features/dunning/messages.zh-TW';
import importsEn from '../features/imports/messages.en';
import importsZhCN from '../features/imports/messages.zh-CN';
import importsZhTW from '../features/imports/messages.zh-TW';
import issuesEn from './issues/messages.en';
import issuesZhCN from './issues/messages.zh-CN';
import issuesZhTW from './issues/messages.zh-TW';
import leadsEn from '../features/leads/messages.en';
import leadsZhCN from '../features/leads/messages.zh-CN';
import leadsZhTW from '../features/leads/messages.zh-TW';
import printEn from '../print/messages.en';
import printZhCN from '../print/messages.zh-CN';
import printZhTW from '../print/messages.zh-TW';
import purchasingEn from '../features/purchasing/messages.en';
import purchasingZhCN from '../features/purchasing/messages.zh-CN';
import purchasingZhTW from '../features/purchasing/messages.zh-TW';
import stockEn from '../features/stock/messages.en';
import stockZhCN from '../features/stock/messages.zh-CN';
import stockZhTW from '../features/stock/messages.zh-TW';
import receivablesEn from '../features/receivables/messages.en';
import receivablesZhCN from '../features/receivables/messages.zh-CN';
import receivablesZhTW from '../features/receivables/messages.zh-TW';
import statementsEn from '../features/statements/messages.en';
import statementsZhCN from '../features/statements/messages.zh-CN';
import statementsZhTW from '../features/statements/messages.zh-TW';
import tasksEn from '../features/tasks/messages.en';
import tasksZhCN from '../features/tasks/messages.zh-CN';
import tasksZhTW from '../features/tasks/messages.zh-TW';
import salesEn from '../features/sales/messages.en';
import salesZhCN from '../features/sales/messages.zh-CN';
import salesZhTW from '../features/sales/messages.zh-TW';
import vouchersEn from '../features/vouchers/messages.en';
import vouchersZhCN from '../features/vouchers/messages.zh-CN';
import vouchersZhTW from '../features/vouchers/messages.zh-TW';

/**
 * Each feature keeps its strings beside its screens (features/<area>/messages.<lang>.ts) and they
 * are mounted here under the area's name: t('customers.title').
 */
export const FEATURE_MESSAGES = {
  'zh-CN': { backup: backupZhCN, catalog: catalogZhCN, customers: customersZhCN, imports: importsZhCN, leads: leadsZhCN, stock: stockZhCN, purchasing: purchasingZhCN, sales: salesZhCN, receivables: receivablesZhCN, dunning: dunningZhCN, issues: issuesZhCN, print: printZhCN, vouchers: vouchersZhCN, statements: statementsZhCN, tasks: tasksZhCN },
  en: { backup: backupEn, catalog: catalogEn, customers: customersEn, imports: importsEn, leads: leadsEn, stock: stockEn, purchasing: purchasingEn, sales: salesEn, receivables: receivablesEn, dunning: dunningEn, issues: issuesEn, print: printEn, vouchers: vouchersEn, statements: statementsEn, tasks: tasksEn },
  'zh-TW': { backup: backupZhTW, catalog: catalogZhTW, customers: customersZhTW, imports: importsZhTW, leads: leadsZhTW, stock: stockZhTW, purchasing: purchasingZhTW, sales: salesZhTW, receivables: receivablesZhTW, dunning: dunningZhTW, issues: issuesZhTW, print: printZhTW, vouchers: vouchersZhTW, statements: statementsZhTW, tasks: tasksZhTW },
};
