import { Badge, Card, Grid, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../../../../src-main/domain/customers/customers.dto';
import { formatTimestampDate } from '../../../format';
import { useFieldDefs } from '../customers.queries';
import { money, region } from '../labels';

function Field({ label, children, mono }: { label: string; children: ReactNode; mono?: boolean }) {
  const empty = children === null || children === undefined || children === '';
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      {/* A code or account number reads as one: it never wraps mid-number; words wrap between words. */}
      <Text size="sm" ff={mono && !empty ? 'monospace' : undefined} c={empty ? 'dimmed' : undefined} style={mono ? { whiteSpace: 'nowrap' } : { overflowWrap: 'anywhere' }}>
        {empty ? '—' : children}
      </Text>
    </div>
  );
}

function Block({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card withBorder radius="md" padding="md">
      <Title order={5} mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}

/** The 概况 tab: the record itself, contacts, addresses, invoicing details and custom fields. */
export function CustomerDetails({ customer: c }: { customer: Customer }) {
  const { t } = useTranslation();
  const defs = useFieldDefs(true);
  const company = c.kind === 'company';
  const customDefs = (defs.data ?? []).filter((d) => c.customFields[d.key] !== undefined && c.customFields[d.key] !== null);
  const hasInvoicing = [c.invoiceTitle, c.taxpayerId, c.bankName, c.bankAccount, c.registeredAddress, c.registeredPhone].some(Boolean);

  return (
    <Grid gutter="md">
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Stack gap="md">
          <Block title={t('customers.view.details')}>
            {/* Three columns only from lg: at 1024 px the card is too narrow for an 18-character credit code in the middle one. */}
            <SimpleGrid cols={{ base: 2, lg: 3 }} spacing="sm" verticalSpacing="sm">
              <Field label={t('customers.field.shortName')}>{c.shortName}</Field>
              {company && (
                <Field label={t('customers.field.creditCode')} mono>
                  {c.creditCode}
                </Field>
              )}
              <Field label={t('customers.field.industry')}>{c.industry}</Field>
              {company && <Field label={t('customers.field.size')}>{c.size ? t(`customers.size.${c.size}`) : null}</Field>}
              {!company && <Field label={t('customers.field.birthday')}>{c.birthday}</Field>}
              <Field label={t('customers.field.source')}>{c.source}</Field>
              <Field label={t('customers.field.cooperationSince')}>{c.cooperationSince}</Field>
              <Field label={t('customers.field.mobile')} mono>
                {c.mobile}
              </Field>
              <Field label={t('customers.field.phone')}>{c.phone}</Field>
              <Field label={t('customers.field.email')}>{c.email}</Field>
              <Field label={t('customers.field.region')}>{region(c.province, c.city, c.district)}</Field>
              <Field label={t('customers.field.creditLimit')}>{c.creditLimit === null ? null : money(c.creditLimit)}</Field>
              <Field label={t('customers.field.paymentTermsDays')}>{`${c.paymentTermsDays} ${t('customers.units.days')}`}</Field>
              <Field label={t('customers.field.tier')}>{c.tier}</Field>
              <Field label={t('customers.field.createdAt')}>{formatTimestampDate(c.createdAt)}</Field>
              {customDefs.map((d) => (
                <Field key={d.id} label={d.label}>
                  {String(c.customFields[d.key])}
                </Field>
              ))}
            </SimpleGrid>
            {c.notes && (
              <>
                <Text size="xs" c="dimmed" mt="md">
                  {t('customers.field.notes')}
                </Text>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {c.notes}
                </Text>
              </>
            )}
          </Block>
          {company && (
            <Block title={t('customers.form.invoicing')}>
              {hasInvoicing ? (
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                  <Field label={t('customers.field.invoiceTitle')}>{c.invoiceTitle}</Field>
                  <Field label={t('customers.field.taxpayerId')} mono>
                    {c.taxpayerId}
                  </Field>
                  <Field label={t('customers.field.bankName')}>{c.bankName}</Field>
                  <Field label={t('customers.field.bankAccount')} mono>
                    {c.bankAccount}
                  </Field>
                  <Field label={t('customers.field.registeredAddress')}>{c.registeredAddress}</Field>
                  <Field label={t('customers.field.registeredPhone')}>{c.registeredPhone}</Field>
                </SimpleGrid>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('customers.view.noInvoicing')}
                </Text>
              )}
            </Block>
          )}
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Stack gap="md">
          <Block title={t('customers.form.contacts')}>
            {c.contacts.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('customers.view.noContacts')}
              </Text>
            )}
            <Stack gap="sm" data-testid="contacts">
              {c.contacts.map((contact) => (
                <div key={contact.id}>
                  <Group gap={6}>
                    <Text fw={600} size="sm">
                      {contact.name}
                    </Text>
                    {contact.title && (
                      <Text size="xs" c="dimmed">
                        {contact.title}
                      </Text>
                    )}
                    {contact.isPrimary && (
                      <Badge size="xs" variant="light">
                        {t('customers.view.primaryBadge')}
                      </Badge>
                    )}
                  </Group>
                  <Text size="sm" c="dimmed">
                    {[contact.mobile, contact.phone, contact.email, contact.wechat && `${t('customers.form.wechat')} ${contact.wechat}`, contact.birthday && `${t('customers.field.birthday')} ${contact.birthday}`]
                      .filter(Boolean)
                      .join(' · ')}
                  </Text>
                </div>
              ))}
            </Stack>
          </Block>
          <Block title={t('customers.form.addresses')}>
            {c.addresses.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('customers.view.noAddresses')}
              </Text>
            )}
            <Stack gap="sm">
              {c.addresses.map((a) => (
                <div key={a.id}>
                  <Group gap={6}>
                    <Badge size="xs" variant="outline" color="gray">
                      {t(`customers.addressKind.${a.kind}`)}
                    </Badge>
                    {a.isDefault && (
                      <Badge size="xs" variant="light">
                        {t('customers.view.defaultBadge')}
                      </Badge>
                    )}
                  </Group>
                  <Text size="sm">
                    {region(a.province, a.city, a.district)} {a.detail}
                    {a.postcode ? ` (${a.postcode})` : ''}
                  </Text>
                  {(a.recipient || a.recipientPhone) && (
                    <Text size="xs" c="dimmed">
                      {[a.recipient, a.recipientPhone].filter(Boolean).join(' · ')}
                    </Text>
                  )}
                </div>
              ))}
            </Stack>
          </Block>
        </Stack>
      </Grid.Col>
    </Grid>
  );
}
