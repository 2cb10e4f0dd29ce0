import type { ImportField } from '../../../src-main/domain/imports/imports.contract';

/** The template's columns: the usual shape of a Chinese customer sheet (customer + contact + address). */
export const TEMPLATE_FIELDS: ImportField[] = [
  'code',
  'name',
  'shortName',
  'kind',
  'creditCode',
  'contactName',
  'contactMobile',
  'contactPhone',
  'contactEmail',
  'contactWechat',
  'province',
  'city',
  'district',
  'addressDetail',
  'postcode',
  'industry',
  'source',
  'tier',
  'owner',
  'tags',
  'creditLimit',
  'paymentTermsDays',
  'invoiceTitle',
  'bankName',
  'bankAccount',
  'registeredAddress',
  'registeredPhone',
  'notes',
];

