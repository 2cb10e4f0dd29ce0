import { Alert, Badge, Button, FileButton, Group, Loader, Modal, ScrollArea, Stack, Switch, Table, Text } from '@mantine/core';
import { IconDownload, IconFileSpreadsheet } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PRODUCT_IMPORT_FIELDS, type ProductImportPreview, type ProductImportResult } from '../../../../src-main/domain/imports/imports.contract';
import { toCsv } from '../../../../src-main/domain/shared/csv';
import { errorMessage } from '../../../api/hooks';
import { describeIssue } from '../../../api/issues';
import { api } from '../../../api/client';
import { download } from '../../../components/download';
import { readUpload, uploadProblem, type Upload } from '../../imports/import-file';
import { ImportHistory } from '../../imports/components/ImportHistory';

const FIELD_LABEL_KEY: Record<(typeof PRODUCT_IMPORT_FIELDS)[number], string> = Object.fromEntries(
  PRODUCT_IMPORT_FIELDS.map((f) => [f, `catalog.field.${f}`]),
) as Record<(typeof PRODUCT_IMPORT_FIELDS)[number], string>;

/** 导入商品: choose a file → dry run (what would be created, updated, refused) → import. */
export function ProductImportModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [upload, setUpload] = useState<Upload | null>(null);
  const [preview, setPreview] = useState<ProductImportPreview | null>(null);
  const [result, setResult] = useState<ProductImportResult | null>(null);
  const [strict, setStrict] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  function reset() {
    setUpload(null);
    setPreview(null);
    setResult(null);
    setProblem(null);
  }

  async function choose(file: File | null) {
    if (!file) return;
    reset();
    const wrong = uploadProblem(file);
    if (wrong) return setProblem(t(wrong));
    setBusy(true);
    try {
      const read = await readUpload(file);
      setUpload(read);
      setPreview(await api.imports.previewProducts({ ...read, strict }));
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  async function run() {
    if (!upload || !preview) return;
    setBusy(true);
    try {
      setResult(await api.imports.products({ ...upload, mapping: preview.mapping, strict }));
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  function downloadTemplate() {
    download(`${t('catalog.import.templateFile')}.csv`, toCsv(PRODUCT_IMPORT_FIELDS.map((f) => t(FIELD_LABEL_KEY[f])), []));
  }

  const close = () => {
    reset();
    onClose();
  };

  return (
    <Modal opened={opened} onClose={close} title={t('catalog.import.title')} size="xl">
      <Stack gap="sm" data-testid="product-import">
        {!preview && !result && <Text size="sm">{t('catalog.import.intro')}</Text>}
        {!result && (
          <Group gap="xs">
            <FileButton onChange={(f) => void choose(f)} accept=".csv,.txt,.xlsx">
              {(props) => (
                <Button {...props} leftSection={<IconFileSpreadsheet size={16} />} variant={preview ? 'default' : 'filled'} loading={busy && !preview} data-testid="product-import-choose">
                  {preview ? t('catalog.import.another') : t('catalog.import.choose')}
                </Button>
              )}
            </FileButton>
            <Button variant="subtle" leftSection={<IconDownload size={16} />} onClick={downloadTemplate}>
              {t('catalog.import.template')}
            </Button>
          </Group>
        )}
        {busy && !preview && (
          <Group gap="xs">
            <Loader size="xs" />
            <Text size="sm">{t('catalog.import.checking')}</Text>
          </Group>
        )}
        {problem && <Alert color="red">{problem}</Alert>}
        {preview && !result && (
          <>
            <Alert color={preview.errors.length ? 'orange' : 'teal'} data-testid="product-import-summary">
              {t('catalog.import.summary', { rows: preview.rowCount, count: preview.rowCount, created: preview.imported, updated: preview.updated, unchanged: preview.unchanged, skipped: preview.skipped })}
            </Alert>
            <Text size="sm" fw={500}>
              {t('catalog.import.mapping')}
            </Text>
            <Group gap={6}>
              {preview.headers.map((header, i) => (
                <Badge key={i} variant="light" color={preview.mapping[i] ? 'blue' : 'gray'} style={{ textTransform: 'none' }}>
                  {header} → {preview.mapping[i] ? t(FIELD_LABEL_KEY[preview.mapping[i]!]) : t('catalog.import.notImported')}
                </Badge>
              ))}
            </Group>
            {preview.newCategories.length > 0 && <Text size="sm">{t('catalog.import.newCategories', { names: preview.newCategories.join('、') })}</Text>}
            {preview.errors.length > 0 && (
              <>
                <Text size="sm" fw={500}>
                  {t('catalog.import.errors')}
                </Text>
                <ScrollArea.Autosize mah={240}>
                  <Table verticalSpacing={4} fz="sm" data-testid="product-import-errors">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('catalog.import.row')}</Table.Th>
                        <Table.Th>{t('catalog.import.column')}</Table.Th>
                        <Table.Th>{t('catalog.import.value')}</Table.Th>
                        <Table.Th>{t('catalog.import.problem')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {preview.errors.map((e, i) => (
                        <Table.Tr key={i}>
                          <Table.Td>{e.row}</Table.Td>
                          <Table.Td>{e.column ?? (e.field ? t(FIELD_LABEL_KEY[e.field]) : '')}</Table.Td>
                          <Table.Td>{e.value ?? ''}</Table.Td>
                          <Table.Td>{describeIssue(e)}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </ScrollArea.Autosize>
              </>
            )}
            <Group justify="space-between">
              <Switch label={t('catalog.import.strict')} checked={strict} onChange={(e) => setStrict(e.currentTarget.checked)} />
              <Button onClick={() => void run()} loading={busy} disabled={preview.imported + preview.updated === 0 || (strict && preview.errors.length > 0)} data-testid="product-import-run">
                {t('catalog.import.run')}
              </Button>
            </Group>
          </>
        )}
        {result && (
          <>
            <Alert color="teal" data-testid="product-import-done">
              {t('catalog.import.done', { created: result.imported, updated: result.updated, skipped: result.skipped, count: result.skipped })}
            </Alert>
            <Group justify="flex-end">
              <Button onClick={close}>{t('common.close')}</Button>
            </Group>
          </>
        )}
        {/* Past imports, each finished one with 撤销导入, as on the customer import screen. */}
        {!preview || result ? <ImportHistory kind="products" /> : null}
      </Stack>
    </Modal>
  );
}
