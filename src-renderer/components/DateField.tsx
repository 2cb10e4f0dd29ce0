import { DateInput, type DateInputProps } from '@mantine/dates';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/zh-tw';
import { useTranslation } from 'react-i18next';

const DAYJS_LOCALES: Record<string, string> = { 'zh-CN': 'zh-cn', 'zh-TW': 'zh-tw', en: 'en' };

/** A business date (YYYY-MM-DD) typed or picked, with the calendar in the UI language. */
export function DateField(props: DateInputProps) {
  const { i18n } = useTranslation();
  return <DateInput valueFormat="YYYY-MM-DD" placeholder="YYYY-MM-DD" clearable locale={DAYJS_LOCALES[i18n.language] ?? 'zh-cn'} {...props} />;
}
