import { describe, expect, it } from 'vitest';
import type { Address } from '../../../../src-main/domain/customers/customers.dto';
import { addressLine } from './ShippingAddressInput';

const anAddress = (address: Partial<Address> & Pick<Address, 'detail'>): Address => ({
  id: '0190a0b0-0000-7000-8000-0000000000e1',
  customerId: '0190a0b0-0000-7000-8000-0000000000c1',
  kind: 'shipping',
  province: null,
  city: null,
  district: null,
  postcode: null,
  recipient: null,
  recipientPhone: null,
  isDefault: true,
  ...address,
});

describe('an address on an order', () => {
  it('is written as Chinese addresses are, then who receives it and their phone', () => {
    expect(addressLine(anAddress({ province: '江苏省', city: '南京市', district: '鼓楼区', detail: '中山北路 1 号', recipient: '周博雅', recipientPhone: '13800001111' }))).toBe(
      '江苏省南京市鼓楼区中山北路 1 号 周博雅 13800001111',
    );
  });

  it('names a municipality once', () => {
    expect(addressLine(anAddress({ province: '北京市', city: '北京市', district: '海淀区', detail: '中关村大街 27 号' }))).toBe('北京市海淀区中关村大街 27 号');
  });

  it('does not repeat the region an imported street already holds', () => {
    expect(addressLine(anAddress({ province: '江苏省', city: '苏州市', detail: '苏州市姑苏区人民路 1288 号' }))).toBe('江苏省苏州市姑苏区人民路 1288 号');
  });
});
