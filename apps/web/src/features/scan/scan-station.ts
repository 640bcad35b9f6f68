import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { ApiClient } from '@inventory/api-client';
import { ApiProblem } from '../../shared/api/problem';
import { findScannedPart, type ScannedPart } from './api/find-scanned-part';
import {
  newIdempotencyKey,
  recordScanMovement,
  type RecordedMovement,
  type ScanMovementType,
} from './api/record-scan-movement';
import { recognise, type Recogniser, RECOGNISERS } from './recognisers';

/** One scan as it was taken: the code, what to do, and the key of its movement. */
export interface Scan {
  id: number;
  code: string;
  type: ScanMovementType;
  quantity: number;
  key: string;
  at: Date;
}

export type ScanOutcome =
  | {
      status: 'recorded';
      scan: Scan;
      part: ScannedPart;
      quantity: number;
      onHand: number;
      result: RecordedMovement;
    }
  | { status: 'unknown'; scan: Scan }
  | { status: 'refused'; scan: Scan; part: ScannedPart | null; message: string }
  | { status: 'failed'; scan: Scan; problem: ApiProblem };

const RECENT = 10;
/** How long a looked-up part is reused for the same code (the counter scans runs of one part). */
const LOOKUP_TTL_MS = 60_000;

/**
 * The counter's scan queue: scans are taken at once (the scan field never waits) and worked
 * through one at a time, in order; each becomes one movement with its own Idempotency-Key.
 */
export function useScanStation(
  api: ApiClient,
  options: { onOutcome?: (outcome: ScanOutcome) => void; recognisers?: readonly Recogniser[] } = {},
) {
  const [current, setCurrent] = useState<Scan | null>(null);
  const [waiting, setWaiting] = useState(0);
  const [last, setLast] = useState<ScanOutcome | null>(null);
  const [recent, setRecent] = useState<ScanOutcome[]>([]);
  const chain = useRef<Promise<void>>(Promise.resolve());
  const nextId = useRef(1);
  const onOutcome = useRef(options.onOutcome);
  useLayoutEffect(() => {
    onOutcome.current = options.onOutcome;
  });
  const recognisers = options.recognisers ?? RECOGNISERS;
  // Parts found by target, so a run of scans of one part costs one request each (the
  // movement); the API still refuses a movement of a part archived meanwhile.
  const found = useRef(new Map<string, { part: ScannedPart; at: number }>());

  const work = useCallback(
    async (scan: Scan): Promise<ScanOutcome> => {
      const match = recognise(scan.code, recognisers);
      if (!match) return { status: 'unknown', scan };
      let part: ScannedPart | null = null;
      try {
        const target = JSON.stringify(match.target);
        const cached = found.current.get(target);
        if (cached && Date.now() - cached.at < LOOKUP_TTL_MS) {
          part = cached.part;
        } else {
          part = await findScannedPart(api, match.target);
          if (!part) return { status: 'unknown', scan };
          found.current.set(target, { part, at: Date.now() });
        }
        const quantity = match.quantity ?? scan.quantity;
        const result = await recordScanMovement(api, {
          productId: part.id,
          type: scan.type,
          quantity,
          key: scan.key,
        });
        return { status: 'recorded', scan, part, quantity, onHand: result.onHand, result };
      } catch (error) {
        found.current.delete(JSON.stringify(match.target));
        const problem = error instanceof ApiProblem ? error : new ApiProblem('network', 0, null);
        if (problem.retryable) return { status: 'failed', scan, problem };
        return { status: 'refused', scan, part, message: problem.body?.message ?? problem.message };
      }
    },
    [api, recognisers],
  );

  const enqueue = useCallback(
    (scan: Scan) => {
      setWaiting((count) => count + 1);
      chain.current = chain.current.then(async () => {
        setWaiting((count) => count - 1);
        setCurrent(scan);
        const outcome = await work(scan);
        setCurrent(null);
        setLast(outcome);
        setRecent((list) =>
          [outcome, ...list.filter((o) => o.scan.id !== scan.id)].slice(0, RECENT),
        );
        onOutcome.current?.(outcome);
      });
    },
    [work],
  );

  /** Takes a scan: `code` as read, recorded as `type` × `quantity`. */
  const take = useCallback(
    (code: string, type: ScanMovementType, quantity: number) => {
      const trimmed = code.trim();
      if (!trimmed) return;
      enqueue({
        id: nextId.current++,
        code: trimmed,
        type,
        quantity,
        key: newIdempotencyKey(),
        at: new Date(),
      });
    },
    [enqueue],
  );

  /** Sends a scan that got no answer again, with the same Idempotency-Key. */
  const retry = useCallback((scan: Scan) => enqueue(scan), [enqueue]);

  const dismiss = useCallback(() => setLast(null), []);

  return { take, retry, dismiss, current, waiting, last, recent };
}
