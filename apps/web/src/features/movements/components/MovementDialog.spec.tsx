import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { json, renderInConsole } from '../../../test/render';
import { MovementDialog } from './MovementDialog';

const target = {
  id: '6c45d557-e9c9-48ff-88d2-b08323c445ad',
  sku: 'R-1',
  name: 'Resistor',
  onHand: 2,
};
const recorded = {
  movement: {
    id: 'm1',
    productId: target.id,
    type: 'issue',
    delta: -1,
    quantityAfter: 1,
    reason: null,
    reference: null,
    actorUserId: null,
    correlationId: 'c',
    createdAt: '2026-12-01T00:00:00Z',
  },
  onHand: 1,
};

function error(status: number, message: string, details?: { field: string; message: string }[]) {
  return json(status, { statusCode: status, error: 'x', message, details, correlationId: 'c' });
}

async function issue(quantity: string) {
  const user = userEvent.setup();
  const input = await screen.findByRole('textbox', { name: /Quantity issued/ });
  await user.clear(input);
  await user.type(input, `${quantity}{Enter}`);
}

describe('the record-movement dialog', () => {
  it('says how many are on hand when an issue is refused with 409', async () => {
    await renderInConsole(
      <MovementDialog target={target} type="issue" onClose={() => undefined} />,
      {
        fetch: async () =>
          error(409, 'Not enough stock to issue 5 of R-1 (Resistor): 2 on hand', [
            { field: 'quantity', message: '2 available' },
          ]),
      },
    );
    await issue('5');
    expect(await screen.findByTestId('movement-conflict')).toHaveTextContent(
      'Not enough on hand: only 2 left. Nothing was recorded.',
    );
  });

  it("puts the API's field errors on their fields", async () => {
    await renderInConsole(
      <MovementDialog target={target} type="issue" onClose={() => undefined} />,
      {
        fetch: async () =>
          error(400, 'Invalid request: reference', [
            { field: 'reference', message: 'reference must be one line' },
          ]),
      },
    );
    await issue('1');
    expect(await screen.findByText('reference must be one line')).toBeVisible();
  });

  it('sends a movement whose answer was lost again, with the same Idempotency-Key', async () => {
    const keys: string[] = [];
    let calls = 0;
    const closed = vi.fn();
    await renderInConsole(<MovementDialog target={target} type="issue" onClose={closed} />, {
      fetch: async (request) => {
        keys.push(request.headers.get('Idempotency-Key') ?? '');
        calls += 1;
        if (calls === 1) throw new TypeError('Failed to fetch'); // the answer was lost
        return json(201, recorded);
      },
    });
    await issue('1');
    await vi.waitFor(() => expect(closed).toHaveBeenCalled(), { timeout: 3000 });
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
  });

  it('checks the quantity before sending (issue at least 1; adjust needs a reason)', async () => {
    const sent: Request[] = [];
    await renderInConsole(
      <MovementDialog target={target} type="adjust" onClose={() => undefined} />,
      {
        fetch: async (request) => (sent.push(request), json(201, recorded)),
      },
    );
    const user = userEvent.setup();
    const input = await screen.findByRole('textbox', { name: /Correction/ });
    await user.clear(input);
    await user.type(input, '-1{Enter}');
    expect(await screen.findByText('Say why the count is corrected')).toBeVisible();
    expect(sent).toHaveLength(0);
  });
});
