import { Alert, Button, FileButton, Group, Loader, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconDownload, IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadTemplate, uploadProblem } from '../import-file';

/** Step 1: drop or choose a file; says what files work and offers the template. */
export function FileDrop({ busy, onFile }: { busy: boolean; onFile: (file: File) => void }) {
  const { t } = useTranslation();
  const [over, setOver] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  function take(file: File | null | undefined) {
    if (!file) return;
    const why = uploadProblem(file);
    setProblem(why);
    if (!why) onFile(file);
  }

  function drop(event: DragEvent) {
    event.preventDefault();
    setOver(false);
    take(event.dataTransfer.files[0]);
  }

  return (
    <Stack gap="sm">
      <Paper
        withBorder
        radius="md"
        p="xl"
        data-testid="import-drop"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
        style={{ borderStyle: 'dashed', borderWidth: 2, borderColor: over ? 'var(--mantine-color-blue-5)' : undefined, background: over ? 'var(--mantine-color-blue-light)' : undefined }}
      >
        <Stack align="center" gap="sm" py="lg">
          <ThemeIcon size={64} radius="xl" variant="light">
            {busy ? <Loader size={28} /> : <IconFileSpreadsheet size={34} />}
          </ThemeIcon>
          <Title order={4} ta="center">
            {t('imports.drop.title')}
          </Title>
          <Text c="dimmed" ta="center" maw={560}>
            {t('imports.drop.text')}
          </Text>
          <Group gap="sm">
            <FileButton onChange={take} accept=".csv,.txt,.tsv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet">
              {(props) => (
                <Button {...props} leftSection={<IconUpload size={16} />} loading={busy} data-testid="import-choose">
                  {t('imports.drop.choose')}
                </Button>
              )}
            </FileButton>
            <Button variant="default" leftSection={<IconDownload size={16} />} onClick={downloadTemplate} data-testid="import-template">
              {t('imports.template')}
            </Button>
          </Group>
        </Stack>
      </Paper>
      {problem && (
        <Alert color="red" data-testid="import-file-problem">
          {t(problem)}
        </Alert>
      )}
    </Stack>
  );
}
