import type { TFunction } from 'i18next';

const TIME_ZONES = ['Asia/Shanghai', 'Asia/Urumqi', 'Asia/Hong_Kong', 'Asia/Macau', 'Asia/Taipei', 'Asia/Singapore', 'UTC'] as const;
const CURRENCIES = ['CNY', 'HKD', 'MOP', 'TWD', 'USD', 'EUR'] as const;

/** Select options for the company's time zone and base currency, named in the UI language. */
export function timeZoneOptions(t: TFunction) {
  return TIME_ZONES.map((zone) => ({ value: zone, label: t(`zones.${zone.replace('/', '_')}`) }));
}

export function currencyOptions(t: TFunction) {
  return CURRENCIES.map((code) => ({ value: code, label: `${t(`currencies.${code}`)} ${code}` }));
}
