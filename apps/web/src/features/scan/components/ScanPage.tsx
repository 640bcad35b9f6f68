import {
  Alert,
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useHotkeys, useLocalStorage } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { IconCamera, IconCameraOff } from '@tabler/icons-react';
import {
  lazy,
  Suspense,
  useCallback,
  useEffect,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react';
import { useApi } from '../../../shared/api/api-context';
import { ErrorBanner } from '../../../shared/components/ErrorBanner';
import { PageShell } from '../../../shared/components/PageShell';
import { applyRecordedMovement } from '../../../shared/movements/recorded-movement';
import type { ScanMovementType } from '../api/record-scan-movement';
import { beep } from '../feedback';
import { useScanStation, type ScanOutcome } from '../scan-station';
import { scanTexts as t } from '../texts';
import classes from './ScanPage.module.css';

// The camera (and the barcode polyfill it may load) is only fetched when asked for.
const CameraScanner = lazy(() => import('./CameraScanner'));

const MAX_QUANTITY = 1_000_000;

interface Props {
  mode: ScanMovementType;
  onModeChange: (mode: ScanMovementType) => void;
}

/** The counter screen: scan after scan, each one a movement, without reopening anything. */
export function ScanPage({ mode, onModeChange }: Props) {
  const { api } = useApi();
  const queryClient = useQueryClient();
  const [code, setCode] = useState('');
  const [quantity, setQuantity] = useState<number | string>(1);
  const [camera, setCamera] = useState(false);
  const [sound, setSound] = useLocalStorage({ key: 'scan-sound', defaultValue: true });
  const codeField = useRef<HTMLInputElement>(null);
  const quantityField = useRef<HTMLInputElement>(null);

  const focusCode = useCallback(() => codeField.current?.focus(), []);

  const station = useScanStation(api, {
    onOutcome: (outcome) => {
      if (sound) beep(outcome.status === 'recorded' ? 'ok' : 'error');
      if (outcome.status === 'recorded') {
        setQuantity(1);
        // Other pages (dashboard, part page) show these numbers too.
        void applyRecordedMovement(queryClient, outcome.result);
      }
      // Ready for the next scan, unless the clerk is typing a quantity meanwhile.
      if (document.activeElement !== quantityField.current) focusCode();
    },
  });

  const validQuantity = (): number | null => {
    const value = typeof quantity === 'number' ? quantity : Number(quantity);
    return Number.isInteger(value) && value >= 1 && value <= MAX_QUANTITY ? value : null;
  };

  /** Takes a scan; false (and the quantity field focused) while the quantity is not valid. */
  const take = (raw: string): boolean => {
    const count = validQuantity();
    if (count === null) {
      quantityField.current?.focus();
      return false;
    }
    station.take(raw, mode, count);
    return true;
  };

  const onCodeKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    // A scan that could not be taken stays in the field for another Enter.
    if (take(code)) setCode('');
  };

  useHotkeys(
    [
      ['alt+i', () => onModeChange('issue')],
      ['alt+r', () => onModeChange('receive')],
      ['alt+q', () => quantityField.current?.select()],
      ['alt+c', () => setCamera((on) => !on)],
    ],
    [],
  );

  // A wedge scanner types wherever the focus is: keys typed outside any field go to the scan
  // field, so a scan is never lost because a button had the focus.
  useEffect(() => {
    const redirect = (event: globalThis.KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (event.ctrlKey || event.metaKey || event.altKey || event.key.length !== 1) return;
      if (target && typesText(target)) return;
      focusCode();
    };
    window.addEventListener('keydown', redirect, true);
    return () => window.removeEventListener('keydown', redirect, true);
  }, [focusCode]);

  const quantityError = validQuantity() === null ? `1–${MAX_QUANTITY.toLocaleString()}` : null;

  return (
    <PageShell
      title={t.title}
      actions={
        <Group gap="xs">
          <Switch
            label={t.soundLabel}
            checked={sound}
            onChange={(event) => setSound(event.currentTarget.checked)}
          />
          <Button
            variant="default"
            leftSection={camera ? <IconCameraOff size={18} /> : <IconCamera size={18} />}
            onClick={() => setCamera((on) => !on)}
            aria-pressed={camera}
          >
            {camera ? t.cameraStop : t.cameraStart}
          </Button>
        </Group>
      }
    >
      <Stack gap="md" maw={760}>
        <Text size="sm" c="dimmed">
          {t.intro}
        </Text>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <Stack gap={4} style={{ flex: '1 1 240px' }}>
            <Text fz="md" fw={500} id="scan-mode-label">
              {t.modeLabel}
            </Text>
            <SegmentedControl
              aria-labelledby="scan-mode-label"
              size="md"
              fullWidth
              value={mode}
              onChange={(value) => onModeChange(value as ScanMovementType)}
              color={mode === 'issue' ? 'orange' : 'teal'}
              data={[
                { value: 'issue', label: t.modeIssue },
                { value: 'receive', label: t.modeReceive },
              ]}
            />
          </Stack>
          <NumberInput
            ref={quantityField}
            label={t.quantityLabel}
            description={t.quantityHint}
            size="md"
            w={150}
            min={1}
            max={MAX_QUANTITY}
            allowDecimal={false}
            allowNegative={false}
            value={quantity}
            onChange={setQuantity}
            error={quantityError}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                focusCode();
              }
            }}
          />
        </Group>
        <TextInput
          ref={codeField}
          className={classes.codeInput}
          label={t.codeLabel}
          placeholder={t.codePlaceholder}
          size="xl"
          autoFocus
          autoComplete="off"
          autoCapitalize="characters"
          autoCorrect="off"
          spellCheck={false}
          enterKeyHint="go"
          value={code}
          onChange={(event) => setCode(event.currentTarget.value)}
          onKeyDown={onCodeKey}
          data-testid="scan-code"
        />
        <Text size="xs" c="dimmed" visibleFrom="sm" mt={-8}>
          {t.shortcuts}
        </Text>
        {camera && (
          <Suspense fallback={<Text size="sm">{t.cameraLoading}</Text>}>
            <CameraScanner onCode={(found) => void take(found)} />
          </Suspense>
        )}
        <ScanResult
          outcome={station.last}
          working={station.current?.code ?? null}
          waiting={station.waiting}
          onRetry={(outcome) => {
            station.retry(outcome.scan);
            focusCode();
          }}
        />
        <RecentScans outcomes={station.recent} />
      </Stack>
    </PageShell>
  );
}

/** Whether keys typed into `element` are text (a checkbox or a radio only toggles). */
function typesText(element: HTMLElement): boolean {
  if (element.closest('textarea, select, [contenteditable="true"]')) return true;
  return (
    element instanceof HTMLInputElement &&
    !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(element.type)
  );
}

function ScanResult({
  outcome,
  working,
  waiting,
  onRetry,
}: {
  outcome: ScanOutcome | null;
  working: string | null;
  waiting: number;
  onRetry: (outcome: ScanOutcome) => void;
}) {
  const status = outcome?.status;
  const tone =
    status === 'recorded'
      ? classes.recorded
      : status === 'failed'
        ? classes.failed
        : status
          ? classes.problem
          : '';
  return (
    <Paper
      key={outcome?.scan.id ?? 0}
      withBorder
      p="lg"
      radius="md"
      className={`${classes.result} ${tone}`}
      data-testid="scan-result"
      data-status={status ?? 'waiting'}
    >
      <Stack gap="xs" role="status" aria-live="polite" aria-atomic="true">
        {!outcome && <Text c="dimmed">{t.waiting}</Text>}
        {outcome?.status === 'recorded' && <Recorded outcome={outcome} />}
        {outcome?.status === 'unknown' && (
          <Alert color="red" variant="light" title={t.unknownTitle}>
            {t.unknown(outcome.scan.code)}
          </Alert>
        )}
        {outcome?.status === 'refused' && (
          <Alert color="red" variant="light" title={t.refusedTitle}>
            {outcome.part && !outcome.part.active ? t.archived : outcome.message}
          </Alert>
        )}
        {outcome?.status === 'failed' && (
          <Stack gap="xs">
            <ErrorBanner error={outcome.problem} />
            <Alert color="orange" variant="light" title={t.notRecordedTitle}>
              <Stack gap="xs" align="flex-start">
                <Text size="sm">{t.notRecorded}</Text>
                <Button size="sm" onClick={() => onRetry(outcome)}>
                  {t.retry}
                </Button>
              </Stack>
            </Alert>
          </Stack>
        )}
        {working && (
          <Text size="sm" c="dimmed">
            {t.working(working)}
            {waiting > 0 && ` · ${t.queued(waiting)}`}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

function Recorded({ outcome }: { outcome: Extract<ScanOutcome, { status: 'recorded' }> }) {
  const { part, scan, quantity, onHand } = outcome;
  const reorderLevel = part.stock?.reorderLevel ?? null;
  const state =
    onHand === 0 ? 'out' : reorderLevel !== null && onHand <= reorderLevel ? 'low' : 'ok';
  return (
    <Stack gap={4}>
      <Group justify="space-between" align="baseline" wrap="wrap" gap="xs">
        <Text fw={700} size="lg">
          {scan.type === 'issue' ? t.issued(quantity) : t.received(quantity)}
        </Text>
        <Text ff="monospace" size="sm" c="dimmed">
          {part.sku}
        </Text>
      </Group>
      <Text size="lg" lineClamp={2}>
        {part.name}
      </Text>
      <Text size="sm" c="dimmed" mt="sm">
        {t.onHand}
      </Text>
      <Text className={classes.onHand} c="bright" data-testid="scan-on-hand">
        {onHand.toLocaleString()}
      </Text>
      <Group gap="xs">
        {state === 'out' && <Badge color="red">{t.statusOut}</Badge>}
        {state === 'low' && <Badge color="orange">{t.statusLow}</Badge>}
        {reorderLevel !== null && (
          <Text size="sm" c="dimmed">
            {t.reorderLevel(reorderLevel)}
          </Text>
        )}
      </Group>
    </Stack>
  );
}

function RecentScans({ outcomes }: { outcomes: ScanOutcome[] }) {
  return (
    <Stack gap="xs">
      <Text fw={600}>{t.recentTitle}</Text>
      {outcomes.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t.recentEmpty}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={320}>
          <Table striped verticalSpacing={4} data-testid="recent-scans">
            <Table.Thead>
              <Table.Tr>
                <Table.Th visibleFrom="sm">{t.recentTime}</Table.Th>
                <Table.Th>{t.recentPart}</Table.Th>
                <Table.Th ta="right">{t.recentChange}</Table.Th>
                <Table.Th ta="right">{t.recentOnHand}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {outcomes.map((outcome) => (
                <Table.Tr key={outcome.scan.id}>
                  <Table.Td visibleFrom="sm">{outcome.scan.at.toLocaleTimeString()}</Table.Td>
                  <Table.Td className={classes.code}>
                    {outcome.status === 'recorded' || (outcome.status === 'refused' && outcome.part)
                      ? outcome.part?.sku
                      : outcome.scan.code}
                  </Table.Td>
                  <Table.Td ta="right">{change(outcome)}</Table.Td>
                  <Table.Td ta="right">
                    {outcome.status === 'recorded' ? outcome.onHand.toLocaleString() : '–'}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

function change(outcome: ScanOutcome): string {
  if (outcome.status === 'unknown') return t.recentUnknown;
  if (outcome.status !== 'recorded') return t.recentRefused;
  return `${outcome.scan.type === 'issue' ? '−' : '+'}${outcome.quantity}`;
}
