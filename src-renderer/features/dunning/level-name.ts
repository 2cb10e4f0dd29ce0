import { useTranslation } from 'react-i18next';

/** 到期前 3 天 / 到期当天 / 逾期 15 天: a level in the words of whoever collects. */
export function useLevelName(): (daysAfterDue: number) => string {
  const { t } = useTranslation();
  return (days) => (days < 0 ? t('dunning.level.before', { days: -days, count: -days }) : days === 0 ? t('dunning.level.onDue') : t('dunning.level.after', { days, count: days }));
}
