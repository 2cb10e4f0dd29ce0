import { Alert, Badge, Button, Group, Paper, Progress, SimpleGrid, Stack, Stepper, Switch, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconFileSpreadsheet, IconRefresh, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ImportPreview, ImportResult, ImportTarget } from '../../../src-main/domain/imports/imports.contract';
import { api, ApiCallError } from '../../api/client';
import { errorMessage, useJob, type JobProgress } from '../../api/hooks';
import { PageHeader } from '../../components/PageHeader';
import { FileDrop } from './components/FileDrop';
import { ImportHistory } from './components/ImportHistory';
import { MappingTable } from './components/MappingTable';
import { Duplicates, RowErrors } from './components/RowProblems';
import { SameAsOnFile } from './components/SameAsOnFile';
import { downloadTemplate, readUpload, type Upload } from './import-file';

type Stage = 'file' | 'check' | 'done';

/** /customers/import: file → column mapping and dry-run preview → import with progress → result. */
export function CustomerImportPage() {
  const { t } = useTranslation();
  const [stage, setStage] = useState<Stage>('file');
  const [upload, setUpload] = useState<Upload | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<(ImportTarget | null)[]>([]);
  const [checkedMapping, setCheckedMapping] = useState<(ImportTarget | null)[]>([]);
  const [strict, setStrict] = useState(false);
  const [onDuplicate, setOnDuplicate] = useState<'update' | 'skip'>('update');
  const [busy, setBusy] = useState<'reading' | 'checking' | 'writing' | null>(null);
  const job = useJob();
  const [result, setResult] = useState<ImportResult | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  async function runPreview(file: Upload, chosen?: (ImportTarget | null)[], sameRows = onDuplicate) {
    const id = job.start();
    setBusy('checking');
    setProblem(null);
    try {
      const answer = await api.imports.previewCustomers({ ...file, ...(chosen ? { mapping: chosen } : {}), strict, onDuplicate: sameRows, jobId: id });
      setPreview(answer);
      setMapping(answer.mapping);
      setCheckedMapping(answer.mapping);
      setStage('check');
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setBusy(null);
      job.finish();
    }
  }

  async function chooseFile(file: File) {
    setBusy('reading');
    setProblem(null);
    try {
      const read = await readUpload(file);
      setUpload(read);
      await runPreview(read);
    } catch (error) {
      setBusy(null);
      setProblem(errorMessage(error));
    }
  }

  async function runImport() {
    if (!upload) return;
    const id = job.start();
    setBusy('writing');
    setProblem(null);
    try {
      setResult(await api.imports.customers({ ...upload, mapping, strict, onDuplicate, jobId: id }));
      setStage('done');
    } catch (error) {
      setProblem(error instanceof ApiCallError && error.code === 'CANCELLED' ? t('imports.progress.cancelled') : errorMessage(error));
    } finally {
      setBusy(null);
      job.finish();
    }
  }

  function startOver() {
    setStage('file');
    setUpload(null);
    setPreview(null);
    setResult(null);
    setProblem(null);
  }

  const mappingChanged = JSON.stringify(mapping) !== JSON.stringify(checkedMapping);
  const hasName = mapping.some((m) => m === 'name' || m === 'code' || m === 'creditCode');
  const importable = preview ? preview.imported + preview.updated : 0;

  return (
    <>
      <PageHeader
        title={t('imports.title')}
        actions={
          <>
            <Button variant="default" leftSection={<IconFileSpreadsheet size={16} />} onClick={downloadTemplate}>
              {t('imports.template')}
            </Button>
            <Button component={Link} to="/customers" variant="subtle" leftSection={<IconArrowLeft size={16} />}>
              {t('imports.backToList')}
            </Button>
          </>
        }
      />
      <Stepper active={stage === 'file' ? 0 : stage === 'check' ? 1 : 2} size="sm" mb="lg" allowNextStepsSelect={false}>
        <Stepper.Step label={t('imports.steps.file')} />
        <Stepper.Step label={t('imports.steps.check')} />
        <Stepper.Step label={t('imports.steps.done')} />
      </Stepper>

      {problem && (
        <Alert color="red" mb="md" data-testid="import-problem" withCloseButton onClose={() => setProblem(null)}>
          {problem}
        </Alert>
      )}

      {stage === 'file' && (
        <Stack gap="lg">
          <FileDrop busy={busy !== null} onFile={(file) => void chooseFile(file)} />
          <ImportHistory />
        </Stack>
      )}

      {stage === 'check' && preview && (
        <Stack gap="lg">
          <Group justify="space-between" wrap="wrap">
            <Group gap="xs">
              <IconFileSpreadsheet size={20} />
              <Text fw={600} data-testid="import-file-name">
                {preview.fileName}
              </Text>
              <Badge variant="light" tt="none">{t('imports.file.rows', { count: preview.rowCount })}</Badge>
              <Badge variant="light" color="gray" tt="none" data-testid="import-encoding">
                {t('imports.file.encoding', { encoding: t(`imports.encoding.${preview.encoding}`, { defaultValue: preview.encoding }) })}
              </Badge>
              {preview.headerRow > 1 && (
                <Badge variant="light" color="gray" tt="none">
                  {t('imports.file.headerRow', { row: preview.headerRow })}
                </Badge>
              )}
            </Group>
            <Button variant="subtle" leftSection={<IconUpload size={16} />} onClick={startOver} disabled={busy !== null}>
              {t('imports.file.change')}
            </Button>
          </Group>

          <Paper withBorder radius="md" p="md">
            <Title order={4}>{t('imports.mapping.title')}</Title>
            <Text size="sm" c="dimmed" mb="sm">
              {t('imports.mapping.hint')}
            </Text>
            <MappingTable preview={preview} mapping={mapping} onChange={setMapping} />
            {!hasName && (
              <Alert color="orange" mt="sm">
                {t('imports.mapping.needName')}
              </Alert>
            )}
            {mappingChanged && (
              <Button mt="sm" leftSection={<IconRefresh size={16} />} loading={busy === 'checking'} onClick={() => void runPreview(upload!, mapping)} data-testid="import-recheck">
                {t('imports.mapping.recheck')}
              </Button>
            )}
          </Paper>

          <Paper withBorder radius="md" p="md" style={{ opacity: mappingChanged ? 0.5 : 1 }}>
            <Title order={4} mb="sm">
              {t('imports.summary.title')}
            </Title>
            <SimpleGrid cols={{ base: 2, sm: 5 }} mb="md" data-testid="import-summary">
              <Figure label={t('imports.summary.create')} value={preview.toCreate} color="blue" testId="to-create" />
              <Figure label={t('imports.summary.update')} value={preview.toUpdate} color="teal" testId="to-update" />
              <Figure label={t('imports.summary.unchanged')} value={preview.unchanged} color="gray" testId="unchanged" />
              <Figure label={t('imports.summary.skip')} value={preview.skipped} color="red" testId="to-skip" />
              <Figure label={t('imports.summary.duplicates')} value={preview.duplicates.length} color="yellow" testId="duplicates" />
            </SimpleGrid>
            <Text size="sm" c="dimmed" mb="md">
              {t('imports.summary.matchHint')}
            </Text>
            <Stack gap="lg">
              <SameAsOnFile
                rows={preview.sameAsOnFile}
                value={onDuplicate}
                disabled={busy !== null || mappingChanged}
                onChange={(value) => {
                  setOnDuplicate(value);
                  if (upload) void runPreview(upload, mapping, value);
                }}
              />
              <RowErrors errors={preview.errors} />
              <Duplicates duplicates={preview.duplicates} />
            </Stack>
          </Paper>

          <Paper withBorder radius="md" p="md">
            {busy === 'writing' || busy === 'checking' ? (
              <JobProgressBar progress={job.progress} busy={busy} onCancel={job.cancel} />
            ) : (
              <Group justify="space-between" wrap="wrap">
                <Switch
                  checked={strict}
                  onChange={(e) => setStrict(e.currentTarget.checked)}
                  label={t('imports.strict.label')}
                  description={t('imports.strict.description')}
                  data-testid="import-strict"
                />
                <Button
                  size="md"
                  leftSection={<IconUpload size={18} />}
                  disabled={importable === 0 || mappingChanged || !hasName || (strict && preview.errors.length > 0)}
                  onClick={() => void runImport()}
                  data-testid="import-start"
                >
                  {importable === 0 ? t('imports.nothing') : t('imports.start', { count: importable })}
                </Button>
              </Group>
            )}
          </Paper>
        </Stack>
      )}

      {stage === 'done' && result && (
        <Stack gap="lg">
          <ImportDone result={result} strict={strict} onAgain={startOver} />
          <ImportHistory />
        </Stack>
      )}
    </>
  );
}

function Figure({ label, value, color, testId }: { label: string; value: number; color: string; testId: string }) {
  return (
    <Paper radius="md" p="sm" bg={`var(--mantine-color-${color}-light)`} data-testid={testId}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fz={26} fw={700} c={value > 0 ? `${color}.7` : 'dimmed'}>
        {value.toLocaleString()}
      </Text>
    </Paper>
  );
}

function JobProgressBar({ progress, busy, onCancel }: { progress: JobProgress | null; busy: 'checking' | 'writing'; onCancel: () => void }) {
  const { t } = useTranslation();
  const message = progress?.message === 'writing' || progress?.message === 'checking' ? progress.message : busy;
  const percent = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;
  return (
    <Stack gap="xs" data-testid="import-progress">
      <Group justify="space-between">
        <Text size="sm">{t(`imports.progress.${message}`, { done: progress?.done ?? 0, total: progress?.total ?? 0 })}</Text>
        {busy === 'writing' && (
          <Button variant="default" color="red" size="xs" onClick={onCancel} data-testid="import-cancel">
            {t('imports.progress.cancel')}
          </Button>
        )}
      </Group>
      <Progress value={percent} animated size="lg" />
    </Stack>
  );
}

function ImportDone({ result, strict, onAgain }: { result: ImportResult; strict: boolean; onAgain: () => void }) {
  const { t } = useTranslation();
  const blocked = strict && result.errors.length > 0;
  return (
    <Stack gap="lg" data-testid="import-result">
      <Paper withBorder radius="md" p="lg">
        <Title order={3} mb="sm">
          {t('imports.result.title')}
        </Title>
        {blocked ? (
          <Alert color="red">{t('imports.result.blocked', { count: result.errors.length })}</Alert>
        ) : (
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            <Figure label={t('imports.result.imported')} value={result.imported} color="blue" testId="imported" />
            <Figure label={t('imports.result.updated')} value={result.updated} color="teal" testId="updated" />
            <Figure label={t('imports.result.unchanged')} value={result.unchanged} color="gray" testId="result-unchanged" />
            <Figure label={t('imports.result.skipped')} value={result.skipped} color="red" testId="skipped" />
          </SimpleGrid>
        )}
        {!blocked && result.skipped > 0 && (
          <Text size="sm" c="dimmed" mt="sm">
            {t('imports.result.skippedHint')}
          </Text>
        )}
        <Group mt="lg">
          <Button component={Link} to="/customers" data-testid="import-to-list">
            {t('imports.result.toList')}
          </Button>
          <Button variant="default" onClick={onAgain}>
            {t('imports.result.again')}
          </Button>
        </Group>
      </Paper>
      {result.errors.length > 0 && <RowErrors errors={result.errors} />}
    </Stack>
  );
}
