import { Button, Center, Group, Loader, SegmentedControl } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconFileTypePdf, IconPrinter } from '@tabler/icons-react';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import type { PrintSheet } from '../../src-main/domain/print/print.contract';
import { errorMessage, useApiQuery } from '../api/hooks';
import { LoadFailed } from '../components/LoadFailed';
import { isLanguage, LANGUAGES, type Language } from '../i18n/resources';
import { documentTitle, pageVariables } from './page-variables';
import { PrintSheetView } from './PrintSheetView';
import type { Translate } from './translate';
import './print.css';

/** Main answers this one itself (src-main/app/print.ts); it exists only in the desktop window. */
const SAVE_PDF_METHOD = 'app.savePdf';

/**
 * /print/:kind/:ref[?lang=en]: the document on paper, outside the app's frame, so the browser's own
 * 打印 (Ctrl+P) and Electron's printToPDF print just the sheet. The toolbar is screen-only.
 */
export function PrintPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { kind = '', ref = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const asked = search.get('lang');
  const language: Language = isLanguage(asked) ? asked : isLanguage(i18n.language) ? i18n.language : 'zh-CN';
  const printT = useMemo<Translate>(() => {
    const fixed = i18n.getFixedT(language);
    return (key, params) => fixed(key, params);
  }, [i18n, language]);
  const sheet = useApiQuery('print.document', { kind, ref });

  usePageFurniture(sheet.data, printT);

  async function savePdf(data: PrintSheet) {
    const result = await window.erp!.call(SAVE_PDF_METHOD, { fileName: documentTitle(data, printT) });
    if (!result.ok) return notifications.show({ color: 'red', message: t('print.toolbar.saveFailed') });
    const { file } = result.data as { file: string | null };
    if (file) notifications.show({ color: 'teal', message: t('print.toolbar.saved', { file }) });
  }

  return (
    <div className="print-screen">
      <Group className="print-toolbar" justify="space-between">
        <Button variant="subtle" leftSection={<IconArrowLeft size={16} />} onClick={() => void navigate(-1)}>
          {t('print.toolbar.back')}
        </Button>
        <Group>
          <SegmentedControl
            aria-label={t('print.toolbar.language')}
            size="xs"
            value={language}
            data={LANGUAGES.map((lng) => ({ value: lng, label: t(`languages.${lng}`) }))}
            onChange={(value) => setSearch({ lang: value }, { replace: true })}
          />
          {window.erp && (
            <Button variant="default" leftSection={<IconFileTypePdf size={16} />} disabled={!sheet.data} onClick={() => void savePdf(sheet.data!).catch((error: unknown) => notifications.show({ color: 'red', message: errorMessage(error) }))}>
              {t('print.toolbar.savePdf')}
            </Button>
          )}
          <Button leftSection={<IconPrinter size={16} />} disabled={!sheet.data} onClick={() => window.print()}>
            {t('print.toolbar.print')}
          </Button>
        </Group>
      </Group>
      {sheet.isPending && (
        <Center py="xl">
          <Loader />
        </Center>
      )}
      {sheet.isError && <LoadFailed error={sheet.error} onRetry={() => void sheet.refetch()} />}
      {sheet.data && (
        <div className="print-paper">
          <PrintSheetView sheet={sheet.data} t={printT} language={language} />
        </div>
      )}
    </div>
  );
}

/** The page's title (the name a browser offers for 另存为 PDF) and the margin texts of print.css's @page. */
function usePageFurniture(sheet: PrintSheet | undefined, t: Translate) {
  useEffect(() => {
    if (!sheet) return;
    const root = document.documentElement;
    const variables = pageVariables(sheet, t);
    const title = document.title;
    document.title = documentTitle(sheet, t);
    for (const [name, value] of Object.entries(variables)) root.style.setProperty(name, value);
    return () => {
      document.title = title;
      for (const name of Object.keys(variables)) root.style.removeProperty(name);
    };
  }, [sheet, t]);
}
