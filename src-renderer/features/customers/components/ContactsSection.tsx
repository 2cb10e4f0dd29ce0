import { ActionIcon, Button, Card, Grid, Group, Radio, Text, TextInput, Tooltip } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { emptyContact, type CustomerFormValues } from '../form-model';
import { DateField } from '../../../components/DateField';

/** The repeatable contacts of the customer form; exactly one is the primary contact (radio). */
export function ContactsSection({ form, onMobileBlur, mobileNote }: { form: UseFormReturnType<CustomerFormValues>; onMobileBlur: () => void; mobileNote: (mobile: string, index: number) => ReactNode }) {
  const { t } = useTranslation();
  const contacts = form.getValues().contacts;
  const primaryKey = contacts.find((c) => c.isPrimary)?.key ?? contacts[0]?.key ?? '';

  function choosePrimary(key: string) {
    form.setFieldValue(
      'contacts',
      form.getValues().contacts.map((c) => ({ ...c, isPrimary: c.key === key })),
    );
  }

  function remove(index: number) {
    const wasPrimary = contacts[index]?.isPrimary;
    form.removeListItem('contacts', index);
    if (wasPrimary && form.getValues().contacts.length) choosePrimary(form.getValues().contacts[0]!.key);
  }

  return (
    <Radio.Group value={primaryKey} onChange={choosePrimary}>
      {contacts.length === 0 && (
        <Text c="dimmed" size="sm" mb="sm">
          {t('customers.form.noContacts')}
        </Text>
      )}
      {contacts.map((contact, i) => {
        const field = (name: string) => form.getInputProps(`contacts.${i}.${name}`);
        return (
          <Card key={contact.key} withBorder padding="sm" mb="sm" data-testid={`contact-${i}`}>
            <Group justify="space-between" mb={6}>
              <Text fw={600} size="sm">
                {t('customers.form.contactN', { n: i + 1 })}
              </Text>
              <Group gap="xs">
                <Radio value={contact.key} label={t('customers.form.primary')} size="xs" />
                <Tooltip label={t('customers.form.removeContact')}>
                  <ActionIcon variant="subtle" color="red" aria-label={t('customers.form.removeContact')} onClick={() => remove(i)}>
                    <IconTrash size={16} />
                  </ActionIcon>
                </Tooltip>
              </Group>
            </Group>
            <Grid gutter="sm">
              <Grid.Col span={{ base: 12, sm: 4 }}>
                <TextInput label={t('customers.form.contactName')} withAsterisk {...field('name')} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 4 }}>
                <TextInput label={t('customers.form.contactTitle')} {...field('title')} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 4 }}>
                <TextInput
                  label={t('customers.field.mobile')}
                  inputMode="tel"
                  data-testid={`contact-${i}-mobile`}
                  description={mobileNote(contact.mobile, i)}
                  inputWrapperOrder={['label', 'input', 'description', 'error']}
                  {...field('mobile')}
                  onBlur={(event) => {
                    field('mobile').onBlur?.(event);
                    onMobileBlur();
                  }}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 4 }}>
                <TextInput label={t('customers.field.phone')} {...field('phone')} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 4 }}>
                <TextInput label={t('customers.field.email')} {...field('email')} />
              </Grid.Col>
              <Grid.Col span={{ base: 6, sm: 2 }}>
                <TextInput label={t('customers.form.wechat')} {...field('wechat')} />
              </Grid.Col>
              <Grid.Col span={{ base: 6, sm: 2 }}>
                <DateField label={t('customers.field.birthday')} {...field('birthday')} />
              </Grid.Col>
            </Grid>
          </Card>
        );
      })}
      <Button variant="light" size="xs" leftSection={<IconPlus size={14} />} onClick={() => form.insertListItem('contacts', emptyContact(contacts.length === 0))} data-testid="add-contact">
        {t('customers.form.addContact')}
      </Button>
    </Radio.Group>
  );
}
