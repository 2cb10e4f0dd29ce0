import type { HandlersFor } from '../area';
import type { customersContract } from './customers.contract';
import { findDuplicates } from './customers.duplicates';
import * as engagement from './customers.engagement';
import { saveFieldDef, toFieldDef } from './customers.fields';
import { recomputeLifecycle, setStage, stageSummary } from './customers.lifecycle';
import { listCustomers } from './customers.list';
import { mergeCustomers } from './customers.merge';
import { searchCustomers } from './customers.search';
import { listFieldDefs } from './customers.repository';
import * as contacts from './customers.contacts';
import * as service from './customers.service';
import { updateCustomer } from './customers.update';
import { customerView } from './customers.view';

export const customersHandlers: HandlersFor<typeof customersContract> = {
  'customers.list': (input, ctx) => listCustomers(ctx.db, input),
  'customers.search': (input, ctx) => searchCustomers(ctx.db, input),
  'customers.get': (input, ctx) => service.getCustomer(ctx.db, input.id),
  'customers.create': (input, ctx) => service.createCustomer(ctx, input),
  'customers.update': (input, ctx) => updateCustomer(ctx, input),
  'customers.checkCreditCode': async (input) => service.checkCreditCode(input.creditCode),
  'customers.archive': (input, ctx) => service.setCustomerStatus(ctx, input.id, 'archived'),
  'customers.restore': (input, ctx) => service.setCustomerStatus(ctx, input.id, 'active'),
  'customers.checkDuplicates': (input, ctx) =>
    findDuplicates(ctx.db, { name: input.name ?? null, creditCode: input.creditCode ?? null, mobiles: input.mobiles ?? [], ...(input.excludeId ? { excludeId: input.excludeId } : {}) }),
  'customers.merge': (input, ctx) => mergeCustomers(ctx, input.sourceId, input.targetId),

  'customers.addContact': (input, ctx) => contacts.addContact(ctx, input.customerId, input.contact),
  'customers.updateContact': ({ id, ...patch }, ctx) => contacts.updateContact(ctx, id, patch),
  'customers.removeContact': async (input, ctx) => {
    await contacts.removeContact(ctx, input.id);
    return null;
  },
  'customers.addAddress': (input, ctx) => contacts.addAddress(ctx, input.customerId, input.address),
  'customers.updateAddress': ({ id, ...patch }, ctx) => contacts.updateAddress(ctx, id, patch),
  'customers.removeAddress': async (input, ctx) => {
    await contacts.removeAddress(ctx, input.id);
    return null;
  },

  'customers.listTags': (_input, ctx) => engagement.listTags(ctx.db),
  'customers.saveTag': (input, ctx) => engagement.saveTag(ctx, input),
  'customers.bulkTag': (input, ctx) => engagement.bulkTag(ctx, input),
  'customers.bulkAssignOwner': (input, ctx) => engagement.bulkAssignOwner(ctx, input),

  'customers.listFieldDefs': async (input, ctx) => (await listFieldDefs(ctx.db, input.includeInactive)).map(toFieldDef),
  'customers.saveFieldDef': (input, ctx) => saveFieldDef(ctx, input),

  'customers.listViews': (input, ctx) => engagement.listViews(ctx, input.area),
  'customers.saveView': (input, ctx) => engagement.saveView(ctx, input),
  'customers.deleteView': async (input, ctx) => {
    await engagement.deleteView(ctx, input.id);
    return null;
  },

  'customers.overview': (input, ctx) => engagement.overview(ctx.db, input.id),
  'customers.view': (input, ctx) => customerView(ctx, input.id, input.timelinePageSize),
  'customers.logInteraction': (input, ctx) => engagement.logInteraction(ctx, input),
  'customers.timeline': (input, ctx) => engagement.timeline(ctx, input),
  'customers.setStage': async (input, ctx) => {
    await setStage(ctx, input.id, input.stage, input.reason);
    return service.getCustomer(ctx.db, input.id);
  },
  'customers.recomputeLifecycle': (input, ctx) => recomputeLifecycle(ctx, input),
  'customers.stageSummary': (input, ctx) => stageSummary(ctx, input.ownerUserId ?? ctx.user?.id ?? null),
};
