import { zodResolver } from '@hookform/resolvers/zod';
import {
  Alert,
  Button,
  Group,
  Modal,
  NumberInput,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { ApiProblem } from '../../../shared/api/problem';
import { afterNextPaint } from '../../../shared/movements/after-next-paint';
import { ErrorBanner } from '../../../shared/components/ErrorBanner';
import { applyFieldErrors } from '../../../shared/forms/field-errors';
import type { MovementTarget, MovementType } from '../../../shared/movements/movement-launcher';
import {
  movementSchema,
  toBody,
  useRecordMovement,
  type MovementInput,
} from '../api/record-movement';
import { movementTexts as t } from '../texts';

interface Props {
  target: MovementTarget | null;
  type: MovementType;
  onClose: () => void;
}

const TYPES: MovementType[] = ['receive', 'issue', 'adjust', 'stocktake'];

/**
 * Records one movement, keyboard first: it opens with the quantity focused, Enter records.
 * A lost answer is retried with the same Idempotency-Key, so it is never counted twice.
 */
export function MovementDialog({ target, type, onClose }: Props) {
  const movement = useRecordMovement();
  const form = useForm<MovementInput>({
    resolver: zodResolver(movementSchema),
    defaultValues: {
      type,
      quantity: type === 'stocktake' ? (target?.onHand ?? 0) : 1,
      reason: '',
      reference: '',
    },
  });

  const current = useWatch({ control: form.control, name: 'type' });
  const onSubmit = form.handleSubmit(async (input) => {
    if (!target) return;
    try {
      const result = await movement.record(toBody(target.id, input));
      await afterNextPaint();
      notifications.show({
        color: 'green',
        message: t.recorded[input.type](
          input.type === 'adjust' ? result.movement.delta : Math.abs(input.quantity),
          target.name,
          result.onHand,
        ),
      });
      onClose();
    } catch (error) {
      applyFieldErrors(error, form.setError, ['quantity', 'reason', 'reference']);
    }
  });

  const problem = movement.error instanceof ApiProblem ? movement.error : null;
  return (
    <Modal
      opened={target !== null}
      onClose={onClose}
      title={target ? t.part(target.name, target.sku) : ''}
      size="md"
      fullScreen={false}
      data-testid="movement-dialog"
    >
      {target && (
        <form onSubmit={onSubmit} noValidate>
          <Stack gap="sm">
            <Text size="sm" c="dimmed" data-testid="movement-on-hand">
              {target.onHand === null ? t.onHandUnknown : t.onHandNow(target.onHand)}
            </Text>
            <Controller
              control={form.control}
              name="type"
              render={({ field }) => (
                <SegmentedControl
                  aria-label={t.type}
                  fullWidth
                  value={field.value}
                  onChange={(value) => {
                    field.onChange(value);
                    if (value === 'stocktake') form.setValue('quantity', target.onHand ?? 0);
                  }}
                  data={TYPES.map((value) => ({ value, label: t.types[value] }))}
                />
              )}
            />
            <Controller
              control={form.control}
              name="quantity"
              render={({ field, fieldState }) => (
                <NumberInput
                  label={t.quantity[current]}
                  description={t.quantityHelp[current]}
                  allowDecimal={false}
                  allowNegative={current === 'adjust'}
                  data-autofocus
                  required
                  value={field.value}
                  onChange={(value) =>
                    field.onChange(typeof value === 'number' ? value : Number.NaN)
                  }
                  onBlur={field.onBlur}
                  ref={field.ref}
                  error={fieldState.error?.message}
                  inputMode="numeric"
                  onFocus={(event) => event.currentTarget.select()}
                />
              )}
            />
            <TextInput
              label={t.reason}
              required={current === 'adjust'}
              error={form.formState.errors.reason?.message}
              {...form.register('reason')}
            />
            <TextInput
              label={t.reference}
              error={form.formState.errors.reference?.message}
              {...form.register('reference')}
            />
            {movement.failureCount > 0 && movement.isPending && (
              <Alert color="yellow" role="status">
                {t.retrying}
              </Alert>
            )}
            {problem && <MovementProblem problem={problem} />}
            <Group justify="flex-end" gap="xs">
              <Button variant="default" onClick={onClose}>
                {t.cancel}
              </Button>
              <Button type="submit" loading={movement.isPending}>
                {t.submit[current]}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

function MovementProblem({ problem }: { problem: ApiProblem }) {
  if (problem.status === 409) {
    const text = [problem.fieldError('quantity'), problem.body?.message].join(' ');
    const match = /(\d+)\s+(available|on hand)/.exec(text);
    const archived = /archived/i.test(text);
    return (
      <Alert color="red" role="alert" data-testid="movement-conflict">
        {archived
          ? t.archived
          : match
            ? t.notEnough(Number(match[1]))
            : (problem.body?.message ?? t.notEnoughUnknown)}
      </Alert>
    );
  }
  // Field errors are shown on their fields; anything else in a banner.
  if (problem.status === 400 && problem.body?.details?.length) return null;
  return (
    <>
      <ErrorBanner error={problem} />
      {problem.retryable && (
        <Text size="sm" c="dimmed">
          {t.notSent}
        </Text>
      )}
    </>
  );
}
