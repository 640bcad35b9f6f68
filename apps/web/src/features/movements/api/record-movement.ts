import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { z } from 'zod';
import type { Schemas } from '@inventory/api-client';
import { useApi } from '../../../shared/api/api-context';
import { ApiProblem, call } from '../../../shared/api/problem';
import type { MovementType } from '../../../shared/movements/movement-launcher';
import { applyRecordedMovement } from '../../../shared/movements/recorded-movement';
import { movementTexts as t } from '../texts';
import { MovementIntent } from './movement-intent';

export type MovementBody = Schemas['RecordMovementDto'];

const whole = z.number({ error: t.quantityWhole }).int(t.quantityWhole);

/** The form's rules, per type, as the API has them (it checks again). */
export const movementSchema = z
  .object({
    type: z.enum(['receive', 'issue', 'adjust', 'stocktake']),
    quantity: whole,
    reason: z.string().trim().max(500),
    reference: z.string().trim().max(200),
  })
  .superRefine((value, ctx) => {
    const issue = (message: string, path: 'quantity' | 'reason' = 'quantity') =>
      ctx.addIssue({ code: 'custom', message, path: [path] });
    if (value.type === 'receive' || value.type === 'issue') {
      if (value.quantity < 1) issue(t.quantityPositive);
      if (value.quantity > 1_000_000) issue(t.quantityMax);
    }
    if (value.type === 'adjust') {
      if (value.quantity === 0) issue(t.quantityNotZero);
      if (value.reason === '') issue(t.reasonRequired, 'reason');
    }
    if (value.type === 'stocktake' && value.quantity < 0) issue(t.quantityNotNegative);
  });
export type MovementInput = z.infer<typeof movementSchema>;

export function toBody(productId: string, input: MovementInput): MovementBody {
  return {
    productId,
    type: input.type as MovementType,
    quantity: input.quantity,
    ...(input.reason ? { reason: input.reason } : {}),
    ...(input.reference ? { reference: input.reference } : {}),
  };
}

/** How often a movement is sent again by itself when no answer came back. */
export const AUTOMATIC_RETRIES = 2;

/**
 * POST /stock/movements with one Idempotency-Key per intended movement: retried by itself
 * (same key) when the answer was lost, and again with the same key when the user presses the
 * button once more. The answer's on hand is shown at once wherever the part is on screen; the
 * stock and movement lists are refreshed after it.
 */
export function useRecordMovement() {
  const { api } = useApi();
  const queryClient = useQueryClient();
  const intent = useRef(new MovementIntent());
  const mutation = useMutation({
    mutationFn: ({ body, key }: { body: MovementBody; key: string }) =>
      call(
        api.POST('/api/v1/stock/movements', {
          body,
          params: { header: { 'Idempotency-Key': key } },
        }),
      ),
    retry: (count, error) =>
      count < AUTOMATIC_RETRIES && error instanceof ApiProblem && error.retryable,
    retryDelay: (attempt) => 300 * 2 ** attempt,
    onSuccess: async (result) => {
      intent.current.settled();
      await applyRecordedMovement(queryClient, result);
    },
    onError: (error) => {
      // A refusal is final for this body; only a lost answer keeps the key for a retry.
      if (!(error instanceof ApiProblem && error.retryable)) intent.current.settled();
    },
  });
  return {
    ...mutation,
    record: (body: MovementBody) =>
      mutation.mutateAsync({ body, key: intent.current.keyFor(body) }),
    /** A new dialog: a new intent. */
    reset: () => {
      intent.current.settled();
      mutation.reset();
    },
  };
}
