import type { HandlersFor } from '../area';
import type { HandlerContext } from '../context';
import type { customersContract } from './customers.contract';
import { findDuplicates } from './customers.duplicates';
import * as engagement from './customers.engagement';
import { saveFieldDef, toFieldDef } from './customers.fields';
import { recomputeLifecycle, setStage, stageSummary } from './customers.lifecycle';
import { listCustomers } from './customers.list';
import { mergeCustomers } from './customers.merge';
import { searchCustomers } from './customers.search';
import { findAddress, findContact, listFieldDefs } from './customers.repository';
import { assertCustomersVisible, assertCustomerVisible } from './customers.scope';
import * as contacts from './customers.contacts';
import * as service from './customers.service';
import { updateCustomer } from './customers.update';
import { customerView } from './customers.view';

/** The customer a contact or address belongs to, checked against the caller's scope; NOT_FOUND as the service would say. */
async function assertOwnerVisible(ctx: HandlerContext, row: { customer_id: string } | undefined): Promise<void> {
  if (row) await assertCustomerVisible(ctx, row.customer_id);
}

export const customersHandlers: HandlersFor<typeof customersContract> = {
  'customers.list': async (input, ctx) => listCustomers(ctx.db, input, { scope: await ctx.dataScope() }),
  'customers.search': async (input, ctx) => searchCustomers(ctx.db, input, await ctx.dataScope()),
  'customers.get': async (input, ctx) => {
    await assertCustomerVisible(ctx, input.id);
    return service.getCustomer(ctx.db, input.id);
  },
  'customers.create': (input, ctx) => service.createCustomer(ctx, input),
  'customers.update': async (input, ctx) => {
    await assertCustomerVisible(ctx, input.id);
    return updateCustomer(ctx, input);
  },
  'customers.checkCreditCode': async (input) => service.checkCreditCode(input.creditCode),
  'customers.archive': async (input, ctx) => {
    await assertCustomerVisible(ctx, input.id);
    return service.setCustomerStatus(ctx, input.id, 'archived');
  },
  'customers.restore': async (input, ctx) => {
    await assertCustomerVisible(ctx, input.id);
    return service.setCustomerStatus(ctx, input.id, 'active');
  },
  'customers.checkDuplicates': (input, ctx) =>
    findDuplicates(ctx.db, { name: input.name ?? null, creditCode: input.creditCode ?? null, mobiles: input.mobiles ?? [], ...(input.excludeId ? { excludeId: input.excludeId } : {}) }),
  'customers.merge': async (input, ctx) => {
    await assertCustomersVisible(ctx, [input.sourceId, input.targetId]);
    return mergeCustomers(ctx, input.sourceId, input.targetId);
  },

  'customers.addContact': async (input, ctx) => {
    await assertCustomerVisible(ctx, input.customerId);
    return contacts.addContact(ctx, input.customerId, input.contact);
  },
  'customers.updateContact': async ({ id, ...patch }, ctx) => {
    await assertOwnerVisible(ctx, await findContact(ctx.db, id));
    return contacts.updateContact(ctx, id, patch);
  },
  'customers.removeContact': async (input, ctx) => {
    await assertOwnerVisible(ctx, await findContact(ctx.db, input.id));
    await contacts.removeContact(ctx, input.id);
    return null;
  },
  'customers.addAddress': async (input, ctx) => {
    await assertCustomerVisible(ctx, input.customerId);
    return contacts.addAddress(ctx, input.customerId, input.address);
  },
  'customers.updateAddress': async ({ id, ...patch }, ctx) => {
    await assertOwnerVisible(ctx, await findAddress(ctx.db, id));
    return contacts.updateAddress(ctx, id, patch);
  },
  'customers.removeAddress': async (input, ctx) => {
    await assertOwnerVisible(ctx, await findAddress(ctx.db, input.id));
    await contacts.removeAddress(ctx, input.id);
    return null;
  },

  'customers.listTags': (_input, ctx) => engagement.listTags(ctx.db),
  'customers.saveTag': (input, ctx) => engagement.saveTag(ctx, input),
  'customers.bulkTag': async (input, ctx) => {
    await assertCustomersVisible(ctx, input.ids);
    return engagement.bulkTag(ctx, input);
  },
  'customers.bulkAssignOwner': async (input, ctx) => {
    await assertCustomersVisible(ctx, input.ids);
    return engagement.bulkAssignOwner(ctx, input);
  },

  'customers.listFieldDefs': async (input, ctx) => (await listFieldDefs(ctx.db, input.includeInactive)).map(toFieldDef),
  'customers.saveFieldDef': (input, ctx) => saveFieldDef(ctx, input),

  'customers.listViews': (input, ctx) => engagement.listViews(ctx, input.area),
  'customers.saveView': (input, ctx) => engagement.saveView(ctx, input),
  'customers.deleteView': async (input, ctx) => {
    await engagement.deleteView(ctx, input.id);
    return null;
  },

  'customers.overview': async (input, ctx) => {
    await assertCustomerVisible(ctx, input.id);
    return engagement.overview(ctx, input.id);
  },
  'customers.view': async (input, ctx) => {
    await assertCustomerVisible(ctx, input.id);
    return customerView(ctx, input.id, input.timelinePageSize);
  },
  'customers.logInteraction': async (input, ctx) => {
    await assertCustomerVisible(ctx, input.customerId);
    return engagement.logInteraction(ctx, input);
  },
  'customers.timeline': async (input, ctx) => {
    await assertCustomerVisible(ctx, input.customerId);
    return engagement.timeline(ctx, input);
  },
  'customers.setStage': async (input, ctx) => {
    await assertCustomerVisible(ctx, input.id);
    await setStage(ctx, input.id, input.stage, input.reason);
    return service.getCustomer(ctx.db, input.id);
  },
  'customers.recomputeLifecycle': (input, ctx) => recomputeLifecycle(ctx, input),
  'customers.stageSummary': (input, ctx) => stageSummary(ctx, input.ownerUserId ?? ctx.user?.id ?? null),
};
