import { defineArea } from '../area';
import { auditContract } from './audit.contract';
import { auditHandlers } from './audit.handlers';

export const auditArea = defineArea({
  name: 'audit',
  contract: auditContract,
  handlers: auditHandlers,
  permissions: { 'audit.read': ['owner', 'manager', 'accountant'] },
});
