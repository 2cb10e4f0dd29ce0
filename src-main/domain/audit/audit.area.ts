import { defineArea } from '../area';
import { auditContract } from './audit.contract';
import { auditHandlers } from './audit.handlers';

export const auditArea = defineArea({
  name: 'audit',
  contract: auditContract,
  handlers: auditHandlers,
  // Who tried to sign in as whom is for the owner alone.
  permissions: { 'audit.read': ['owner', 'manager', 'accountant'], 'audit.security': ['owner'] },
});
