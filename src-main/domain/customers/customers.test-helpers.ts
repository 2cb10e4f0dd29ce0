import type { CustomerCreateInput } from './customers.contract';
import { creditCodeCheckChar } from './customers.rules';

/** A valid 统一社会信用代码 ending the given 17 characters with their check character. */
export function creditCode(first17 = '91320100MA1XYW124'): string {
  const check = creditCodeCheckChar(first17);
  if (first17.length !== 17 || !check) throw new Error(`${first17} is not the body of a credit code`);
  return first17 + check;
}

let mobileCounter = 0;
/** A fresh valid mainland mobile for each call. */
export function aMobile(): string {
  mobileCounter += 1;
  return `139${String(10_000_000 + mobileCounter * 7919).slice(-8)}`;
}

/** A company customer with one primary contact; override what the test is about. */
export function aCustomer(overrides: Partial<CustomerCreateInput> = {}): CustomerCreateInput {
  return {
    kind: 'company',
    name: '南京博雅食品有限公司',
    shortName: '博雅',
    contacts: [{ name: '周博雅', mobile: aMobile() }],
    ...overrides,
  };
}
