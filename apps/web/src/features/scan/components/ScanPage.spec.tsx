import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { json, renderInConsole } from '../../../test/render';
import { ScanPage } from './ScanPage';

const ESP32 = {
  id: '6f1c2a4e-8d3b-4f7a-9e21-0c5d7b8a9f10',
  sku: 'MCU-ESP-32',
  name: 'ESP32 DevKit',
  active: true,
  stock: { onHand: 12, reorderLevel: 10, status: 'ok', location: null, lastMovementAt: null },
};

/** A gateway with one part: finds it by SKU or id, records movements, remembers the keys. */
function counter(options: { dropFirstMovement?: boolean } = {}) {
  let onHand = 12;
  const movements: { body: { type: string; quantity: number }; key: string | null }[] = [];
  const answered = new Map<string, number>();
  const lookups: string[] = [];
  let dropped = false;
  const fetch = async (request: Request) => {
    const url = new URL(request.url);
    if (url.pathname.startsWith('/api/v1/products')) lookups.push(url.pathname + url.search);
    if (url.pathname === '/api/v1/products') {
      const found = url.searchParams.get('sku') === ESP32.sku;
      return json(200, { items: found ? [ESP32] : [], total: found ? 1 : 0, page: 1, pageSize: 1 });
    }
    if (url.pathname === `/api/v1/products/${ESP32.id}`) return json(200, ESP32);
    if (url.pathname.startsWith('/api/v1/products/')) {
      return json(404, { statusCode: 404, error: 'Not Found', message: 'x', correlationId: 'c' });
    }
    if (url.pathname === '/api/v1/stock/movements') {
      const key = request.headers.get('Idempotency-Key');
      const body = await request.json();
      movements.push({ body, key });
      if (options.dropFirstMovement && !dropped) {
        dropped = true;
        onHand += body.type === 'issue' ? -body.quantity : body.quantity;
        answered.set(key!, onHand);
        throw new TypeError('Failed to fetch');
      }
      if (!answered.has(key!)) {
        onHand += body.type === 'issue' ? -body.quantity : body.quantity;
        answered.set(key!, onHand);
      }
      return json(201, { movement: { id: 'm' }, onHand: answered.get(key!) });
    }
    return json(404, { statusCode: 404, error: 'Not Found', message: 'x', correlationId: 'c' });
  };
  return { fetch, movements, lookups, onHand: () => onHand };
}

// Two cores shared with builds: give the page time to answer.
const slow = { timeout: 5000 };
const SLOW_TEST_MS = 20_000;

async function scan(code: string) {
  const user = userEvent.setup();
  await user.type(screen.getByTestId('scan-code'), `${code}{Enter}`);
}

describe('scan mode', () => {
  it(
    'takes scan after scan, each one movement with its own key, showing the new on hand',
    async () => {
      const gateway = counter();
      await renderInConsole(<ScanPage mode="issue" onModeChange={() => undefined} />, {
        fetch: gateway.fetch,
      });
      const field = await screen.findByTestId('scan-code');
      expect(field).toHaveFocus();

      await scan('mcu-esp-32');
      await waitFor(() => expect(screen.getByTestId('scan-on-hand')).toHaveTextContent('11'), slow);
      await scan(`http://localhost:3000/products/${ESP32.id}`);
      await waitFor(() => expect(screen.getByTestId('scan-on-hand')).toHaveTextContent('10'), slow);
      expect(screen.getByText('Low stock')).toBeVisible();
      // The same code again: the part is known, only the movement is sent.
      await scan('MCU-ESP-32');
      await waitFor(() => expect(screen.getByTestId('scan-on-hand')).toHaveTextContent('9'), slow);
      expect(gateway.lookups).toHaveLength(2);
      expect(field).toHaveFocus();
      expect(field).toHaveValue('');

      const keys = gateway.movements.map((m) => m.key);
      expect(keys).toHaveLength(3);
      expect(new Set(keys).size).toBe(3);
      expect(gateway.movements.map((m) => m.body)).toEqual([
        { productId: ESP32.id, type: 'issue', quantity: 1 },
        { productId: ESP32.id, type: 'issue', quantity: 1 },
        { productId: ESP32.id, type: 'issue', quantity: 1 },
      ]);
    },
    SLOW_TEST_MS,
  );

  it(
    'says an unknown code is unknown and records nothing',
    async () => {
      const gateway = counter();
      await renderInConsole(<ScanPage mode="issue" onModeChange={() => undefined} />, {
        fetch: gateway.fetch,
      });
      await screen.findByTestId('scan-code');
      await scan('NO-SUCH-PART');
      expect(await screen.findByText('Unknown code', {}, slow)).toBeVisible();
      expect(screen.getByText(/No part has the code “NO-SUCH-PART”/)).toBeVisible();
      await scan('two words');
      await waitFor(() => expect(screen.getAllByText('unknown code')).toHaveLength(2), slow);
      expect(gateway.movements).toHaveLength(0);
    },
    SLOW_TEST_MS,
  );

  it(
    'receives a typed quantity, then goes back to 1',
    async () => {
      const gateway = counter();
      await renderInConsole(<ScanPage mode="receive" onModeChange={() => undefined} />, {
        fetch: gateway.fetch,
      });
      const user = userEvent.setup();
      const quantity = await screen.findByRole('textbox', { name: /Quantity/ });
      await user.clear(quantity);
      await user.type(quantity, '25{Enter}');
      expect(screen.getByTestId('scan-code')).toHaveFocus();
      await scan('MCU-ESP-32');
      await waitFor(() => expect(screen.getByTestId('scan-on-hand')).toHaveTextContent('37'), slow);
      expect(screen.getByText('Received 25')).toBeVisible();
      expect(quantity).toHaveValue('1');
    },
    SLOW_TEST_MS,
  );

  it(
    'sends a scan whose answer was lost again with the same key, counted once',
    async () => {
      const gateway = counter({ dropFirstMovement: true });
      await renderInConsole(<ScanPage mode="issue" onModeChange={() => undefined} />, {
        fetch: gateway.fetch,
      });
      await screen.findByTestId('scan-code');
      await scan('MCU-ESP-32');
      await waitFor(() => expect(screen.getByTestId('scan-on-hand')).toHaveTextContent('11'), slow);
      expect(gateway.movements).toHaveLength(2);
      expect(gateway.movements[0].key).toBe(gateway.movements[1].key);
      expect(gateway.onHand()).toBe(11);
    },
    SLOW_TEST_MS,
  );
});
