/**
 * The customer form's values (text as typed) and their conversion to the contract's inputs, which
 * keeps every path (contacts.1.mobile), so the backend's issues land on the form's own fields.
 */
import type { ContactInput, AddressInput, CustomerCreateInput, CustomerPatch } from '../../../src-main/domain/customers/customers.contract';
import type { Address, AddressKind, Customer, CustomerKind, CustomFieldValue } from '../../../src-main/domain/customers/customers.dto';
import { yuanText } from '../../../src-main/domain/core/money';
import { fenFromTyped } from '../../components/form/amount';

export interface ContactDraft {
  key: string;
  id?: string;
  name: string;
  title: string;
  mobile: string;
  phone: string;
  email: string;
  wechat: string;
  birthday: string | null;
  isPrimary: boolean;
}

export interface AddressDraft {
  key: string;
  id?: string;
  kind: AddressKind;
  province: string;
  city: string;
  district: string;
  detail: string;
  postcode: string;
  recipient: string;
  recipientPhone: string;
  isDefault: boolean;
}

export interface CustomerFormValues {
  kind: CustomerKind;
  name: string;
  shortName: string;
  creditCode: string;
  industry: string;
  size: string | null;
  source: string;
  cooperationSince: string | null;
  ownerUserId: string | null;
  tagIds: string[];
  mobile: string;
  phone: string;
  email: string;
  /** Yuan as typed ("50,000"); fen only on the way out. */
  creditLimit: string;
  paymentTermsDays: number | string;
  tier: string;
  birthday: string | null;
  invoiceTitle: string;
  taxpayerId: string;
  bankName: string;
  bankAccount: string;
  registeredAddress: string;
  registeredPhone: string;
  customFields: Record<string, string | number | null>;
  notes: string;
  contacts: ContactDraft[];
  addresses: AddressDraft[];
}

let counter = 0;
const newKey = () => `k${++counter}`;

export function emptyContact(isPrimary: boolean): ContactDraft {
  return { key: newKey(), name: '', title: '', mobile: '', phone: '', email: '', wechat: '', birthday: null, isPrimary };
}

export function emptyAddress(kind: AddressKind, isDefault: boolean): AddressDraft {
  return { key: newKey(), kind, province: '', city: '', district: '', detail: '', postcode: '', recipient: '', recipientPhone: '', isDefault };
}

export function emptyValues(): CustomerFormValues {
  return {
    kind: 'company',
    name: '',
    shortName: '',
    creditCode: '',
    industry: '',
    size: null,
    source: '',
    cooperationSince: null,
    ownerUserId: null,
    tagIds: [],
    mobile: '',
    phone: '',
    email: '',
    creditLimit: '',
    paymentTermsDays: 0,
    tier: '',
    birthday: null,
    invoiceTitle: '',
    taxpayerId: '',
    bankName: '',
    bankAccount: '',
    registeredAddress: '',
    registeredPhone: '',
    customFields: {},
    notes: '',
    contacts: [emptyContact(true)],
    addresses: [],
  };
}

const text = (value: string | null | undefined) => value ?? '';

export function valuesFromCustomer(c: Customer): CustomerFormValues {
  return {
    kind: c.kind,
    name: c.name,
    shortName: text(c.shortName),
    creditCode: text(c.creditCode),
    industry: text(c.industry),
    size: c.size,
    source: text(c.source),
    cooperationSince: c.cooperationSince,
    ownerUserId: c.ownerUserId,
    tagIds: c.tags.map((tag) => tag.id),
    mobile: text(c.mobile),
    phone: text(c.phone),
    email: text(c.email),
    creditLimit: c.creditLimit === null ? '' : yuanText(c.creditLimit),
    paymentTermsDays: c.paymentTermsDays,
    tier: text(c.tier),
    birthday: c.birthday,
    invoiceTitle: text(c.invoiceTitle),
    taxpayerId: text(c.taxpayerId),
    bankName: text(c.bankName),
    bankAccount: text(c.bankAccount),
    registeredAddress: text(c.registeredAddress),
    registeredPhone: text(c.registeredPhone),
    customFields: { ...c.customFields },
    notes: text(c.notes),
    contacts: c.contacts.map((x) => ({
      key: newKey(),
      id: x.id,
      name: x.name,
      title: text(x.title),
      mobile: text(x.mobile),
      phone: text(x.phone),
      email: text(x.email),
      wechat: text(x.wechat),
      birthday: x.birthday,
      isPrimary: x.isPrimary,
    })),
    addresses: c.addresses.map((a: Address) => ({
      key: newKey(),
      id: a.id,
      kind: a.kind,
      province: text(a.province),
      city: text(a.city),
      district: text(a.district),
      detail: a.detail,
      postcode: text(a.postcode),
      recipient: text(a.recipient),
      recipientPhone: text(a.recipientPhone),
      isDefault: a.isDefault,
    })),
  };
}

export function contactInputOf(c: ContactDraft): ContactInput {
  return { name: c.name, title: c.title, mobile: c.mobile, phone: c.phone, email: c.email, wechat: c.wechat, birthday: c.birthday ?? '', isPrimary: c.isPrimary };
}

export function addressInputOf(a: AddressDraft): AddressInput {
  return {
    kind: a.kind,
    province: a.province,
    city: a.city,
    district: a.district,
    detail: a.detail,
    postcode: a.postcode,
    recipient: a.recipient,
    recipientPhone: a.recipientPhone,
    isDefault: a.isDefault,
  };
}

/** Custom field values without the blanks; numbers typed as text become numbers. */
function customFieldsOf(values: CustomerFormValues): Record<string, CustomFieldValue> {
  return Object.fromEntries(Object.entries(values.customFields).map(([key, value]) => [key, value === '' || value === undefined ? null : value]));
}

/** The customer's own fields; company-only and individual-only fields are cleared for the other kind. */
function ownFields(values: CustomerFormValues) {
  const company = values.kind === 'company';
  return {
    kind: values.kind,
    name: values.name,
    shortName: values.shortName,
    creditCode: company ? values.creditCode : '',
    industry: values.industry,
    size: company ? ((values.size as CustomerCreateInput['size']) ?? null) : null,
    source: values.source,
    cooperationSince: values.cooperationSince ?? '',
    ownerUserId: values.ownerUserId,
    mobile: values.mobile,
    phone: values.phone,
    email: values.email,
    creditLimit: fenFromTyped(values.creditLimit, null),
    paymentTermsDays: Number(values.paymentTermsDays) || 0,
    tier: values.tier,
    birthday: company ? '' : (values.birthday ?? ''),
    invoiceTitle: values.invoiceTitle,
    taxpayerId: values.taxpayerId,
    bankName: values.bankName,
    bankAccount: values.bankAccount,
    registeredAddress: values.registeredAddress,
    registeredPhone: values.registeredPhone,
    customFields: customFieldsOf(values),
    notes: values.notes,
  };
}

export function createInputOf(values: CustomerFormValues, allowDuplicate = false): CustomerCreateInput {
  return {
    ...ownFields(values),
    tagIds: values.tagIds,
    contacts: values.contacts.map(contactInputOf),
    addresses: values.addresses.map(addressInputOf),
    allowDuplicate,
  };
}

/** Only the fields that changed since the record was loaded (customers.update takes a patch). */
export function patchOf(values: CustomerFormValues, original: CustomerFormValues): CustomerPatch {
  const now = { ...ownFields(values), tagIds: values.tagIds };
  const before = { ...ownFields(original), tagIds: original.tagIds };
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(now) as (keyof typeof now)[]) {
    if (JSON.stringify(now[key]) !== JSON.stringify(before[key])) patch[key] = now[key];
  }
  return patch as CustomerPatch;
}
