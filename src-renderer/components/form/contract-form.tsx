import { useForm, type UseFormReturnType } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useCallback, useRef, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ApiCallError } from '../../api/client';
import { fieldErrors, notifyError } from '../../api/hooks';
import { zodValidate, type ContractCheck } from '../../api/issues';
import { FormActions, FormActionsContext } from './FormActions';
import { UnsavedChangesGuard } from './unsaved-changes';

/**
 * A form over one contract method. Its values mirror the method's input (the same paths), so an
 * issue the schema or the server reports lands beside its field as it is, with no path rewriting.
 */
export interface ContractFormOptions<Values, S extends z.ZodTypeAny, Saved> extends ContractCheck<Values, S> {
  initialValues: Values;
  /** The method's input schema from its contract: the form checks with it before sending. */
  schema: S;
  /** Sends the values; `confirmed` is true when the user went on past a warning (create despite likely duplicates). */
  save: (values: Values, confirmed: boolean) => Promise<Saved>;
  onSaved?: (saved: Saved, values: Values) => void;
  /** A refusal the form answers in its own way as well (a duplicates dialog); true when no notification is needed. */
  onRefused?: (error: ApiCallError) => boolean;
  /**
   * A full page rather than a dialog: each field is checked as the user leaves it, leaving asks
   * first when there are unsaved edits, and a refused save says how many fields need fixing,
   * since some may be scrolled out of sight.
   */
  page?: boolean;
}

export interface ContractFormEditor<Values> {
  form: UseFormReturnType<Values>;
  busy: boolean;
  page: boolean;
  onSubmit: (event?: FormEvent<HTMLFormElement>) => void;
  /** Saves again once the user has confirmed a warning. */
  saveConfirmed: () => void;
  hasUnsavedEdits: () => boolean;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Mantine's own bound on form values
export function useContractForm<Values extends Record<string, any>, S extends z.ZodTypeAny, Saved>(options: ContractFormOptions<Values, S, Saved>): ContractFormEditor<Values> {
  const { t } = useTranslation();
  // Read through a ref: a check may depend on data that arrives after the first render (the company's required fields).
  const latest = useRef(options);
  latest.current = options;
  const form = useForm<Values>({
    initialValues: options.initialValues,
    validate: (values) => zodValidate(latest.current.schema, latest.current)(values),
    validateInputOnBlur: options.page ?? false,
  });

  const announce = (count: number) => {
    if (latest.current.page) notifications.show({ color: 'red', message: t('form.fixErrors', { count }) });
  };

  const saving = useMutation({
    mutationFn: ({ values, confirmed }: { values: Values; confirmed: boolean }) => latest.current.save(values, confirmed),
    onSuccess: (saved, { values }) => {
      form.resetDirty();
      latest.current.onSaved?.(saved, values);
    },
    onError: (error) => {
      const errors = fieldErrors(error);
      const count = Object.keys(errors).length;
      if (count > 0) form.setErrors(errors);
      if (error instanceof ApiCallError && latest.current.onRefused?.(error)) return;
      if (count === 0) notifyError(error);
      else announce(count);
    },
  });

  const { isDirty } = form;
  const hasUnsavedEdits = useCallback(() => isDirty(), [isDirty]);

  return {
    form,
    busy: saving.isPending,
    page: options.page ?? false,
    onSubmit: form.onSubmit(
      (values) => saving.mutate({ values, confirmed: false }),
      (errors) => announce(Object.keys(errors).length),
    ),
    saveConfirmed: () => {
      form.clearErrors();
      saving.mutate({ values: form.getValues(), confirmed: true });
    },
    hasUnsavedEdits,
  };
}

interface ContractFormProps<Values> {
  editor: ContractFormEditor<Values>;
  /** Where Cancel goes; without it the form has no Cancel. */
  onCancel?: () => void;
  /** The Cancel / Save row at the end; a form that places its own `<FormActions />` turns it off. */
  footer?: boolean;
  saveTestId?: string;
  testId?: string;
  children: ReactNode;
}

/** The `<form>` of a `useContractForm`: its fields, the Cancel / Save row, and on a page the unsaved-edits guard. */
export function ContractForm<Values>({ editor, onCancel, footer = true, saveTestId, testId, children }: ContractFormProps<Values>) {
  return (
    <FormActionsContext.Provider value={{ busy: editor.busy, onCancel }}>
      <form onSubmit={editor.onSubmit} noValidate data-testid={testId}>
        {children}
        {footer && <FormActions saveTestId={saveTestId} mt="md" />}
      </form>
      {editor.page && <UnsavedChangesGuard hasUnsavedEdits={editor.hasUnsavedEdits} />}
    </FormActionsContext.Provider>
  );
}
