/**
 * The composition root: every area of the product, registered once. Adding an area touches its
 * own folder, one line here, its migration and its screens (DESIGN §2).
 */
import { auditArea } from './audit/audit.area';
import { authArea } from './auth/auth.area';
import { backupArea } from './backup/backup.area';
import { catalogArea } from './catalog/catalog.area';
import { customersArea } from './customers/customers.area';
import { deliveriesArea } from './deliveries/deliveries.area';
import { dunningArea } from './dunning/dunning.area';
import { exportsArea } from './exports/exports.area';
import { importsArea } from './imports/imports.area';
import { jobsArea } from './jobs/jobs.area';
import { leadsArea } from './leads/leads.area';
import { ordersArea } from './orders/orders.area';
import { printArea } from './print/print.area';
import { purchasingArea } from './purchasing/purchasing.area';
import { quotesArea } from './quotes/quotes.area';
import { returnsArea } from './returns/returns.area';
import { receivablesArea } from './receivables/receivables.area';
import { settingsArea } from './settings/settings.area';
import { statementsArea } from './statements/statements.area';
import { stockArea } from './stock/stock.area';
import { tasksArea } from './tasks/tasks.area';
import { usersArea } from './users/users.area';
import { vouchersArea } from './vouchers/vouchers.area';
import { workbenchArea } from './workbench/workbench.area';

export const AREAS = [authArea, usersArea, settingsArea, auditArea, jobsArea, backupArea, customersArea, importsArea, exportsArea, leadsArea, catalogArea, stockArea, printArea, ordersArea, purchasingArea, deliveriesArea, returnsArea, quotesArea, receivablesArea, dunningArea, vouchersArea, statementsArea, tasksArea, workbenchArea] as const;
