import i18n from '../i18n';
import { EMAIL_MESSAGE, MOBILE_MESSAGE } from '../../src-main/domain/customers/customers.rules';

/**
 * The backend and the shared zod rules word their field issues in English; every screen shows them
 * in the UI language (through `fieldErrors` and `errorMessage`). Unknown messages pass through unchanged.
 */
const PATTERNS: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^A mobile number is required/, () => i18n.t('customers.issues.mobileRequired')],
  [/^An email address is required/, () => i18n.t('customers.issues.emailRequired')],
  [/^At least one address is required/, () => i18n.t('customers.issues.addressRequired')],
  [/^The unified social credit code is required/, () => i18n.t('customers.issues.creditCodeRequired')],
  [/^A unified social credit code has 18 characters \(this one has (\d+)\)/, (m) => i18n.t('customers.issues.creditCodeLength', { count: Number(m[1]) })],
  [/^"(.)" never appears in a unified social credit code/, (m) => i18n.t('customers.issues.creditCodeChar', { char: m[1] })],
  [/^The check character does not match/, () => i18n.t('customers.issues.creditCodeCheck')],
  [/^A date as YYYY-MM-DD/, () => i18n.t('customers.issues.date')],
  [/^Not a real calendar date/, () => i18n.t('customers.issues.realDate')],
  [/^At most 365 days/, () => i18n.t('customers.issues.maxDays')],
  [/^At most (\d+) characters/, (m) => i18n.t('customers.issues.maxLength', { count: Number(m[1]) })],
  [/^A postcode has 6 digits/, () => i18n.t('customers.issues.postcode')],
  [/^Cannot be negative/, () => i18n.t('customers.issues.negative')],
  [/^Only one contact can be the primary contact/, () => i18n.t('customers.issues.onePrimary')],
  [/^Only one default/, () => i18n.t('customers.issues.oneDefault')],
  [/^Same unified social credit code as customer (.+)$/, (m) => i18n.t('customers.issues.sameCreditCode', { who: m[1] })],
  [/^Same name as customer (.+)$/, (m) => i18n.t('customers.issues.sameName', { who: m[1] })],
  [/^Same mobile number as customer (.+)$/, (m) => i18n.t('customers.issues.sameMobile', { who: m[1] })],
  // The contact or address was removed (or merged away) since the form was loaded.
  [/^Not an? (contact|address) of this customer/, () => i18n.t('errors.NOT_FOUND')],
  [/^Username (.+) is already taken|^This username is already taken/, () => i18n.t('users.usernameTaken')],
  [/^The current password is wrong/, () => i18n.t('password.wrongCurrent')],
  [/^At least 8 characters/, () => i18n.t('setup.passwordHint')],
  [/^Unknown time zone/, () => i18n.t('settings.unknownTimeZone')],
  [/^The company needs at least one active owner|^This is the last active owner/, () => i18n.t('users.lastOwner')],
  [/^You cannot disable (your own account|yourself)/, () => i18n.t('users.notYourself')],
  [/^This tag name is taken/, () => i18n.t('customers.issues.tagTaken')],
  [/^This name is taken/, () => i18n.t('customers.issues.nameTaken')],
  [/^This key is taken/, () => i18n.t('customers.issues.keyTaken')],
  [/^Add at least one option/, () => i18n.t('customers.issues.needOptions')],
  [/^Write a subject or a note/, () => i18n.t('customers.timeline.needSubject')],
  [/(is required|^Required)$/, () => i18n.t('customers.issues.required')],
  [/^Expected integer|^Money is whole fen/, () => i18n.t('customers.issues.wholeNumber')],
];

export function localizeIssue(message: string): string {
  if (message === MOBILE_MESSAGE) return i18n.t('customers.issues.mobile');
  if (message === EMAIL_MESSAGE) return i18n.t('customers.issues.email');
  for (const [pattern, translate] of PATTERNS) {
    const match = message.match(pattern);
    if (match) return translate(match);
  }
  return message;
}

export function localizeIssues(errors: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([path, message]) => [path, localizeIssue(message)]));
}
