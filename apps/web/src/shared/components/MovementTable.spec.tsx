import { screen, within } from '@testing-library/react';
import { renderInConsole } from '../../test/render';
import { MovementTable, type Movement } from './MovementTable';

const movement: Movement = {
  id: 'm1',
  productId: '6c45d557-e9c9-48ff-88d2-b08323c445ad',
  productSku: 'MCU-ESP-32',
  productName: 'ESP32 DevKitC',
  type: 'issue',
  delta: -3,
  quantityAfter: 9,
  reason: 'Workshop kit',
  reference: 'WO-7',
  actorUserId: null,
  actorName: 'Sam Staff',
  correlationId: 'c',
  createdAt: '2026-12-02T06:00:00.000Z',
} as Movement;

/** The screen is `width` px wide as far as CSS media queries are concerned. */
function screenWidth(width: number) {
  window.matchMedia = (query: string) => {
    // An empty query matches everything, as in a browser.
    const min = /min-width:\s*([\d.]+)em/.exec(query);
    return {
      matches: min ? width >= Number(min[1]) * 16 : query.trim() === '',
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    } as MediaQueryList;
  };
}

const noFetch = async () => new Response(null, { status: 500 });

describe('the movements of a list', () => {
  const original = window.matchMedia;
  afterEach(() => {
    window.matchMedia = original;
  });

  it('on a phone, shows each movement as one stacked row with every figure, the change biggest', async () => {
    screenWidth(390);
    await renderInConsole(<MovementTable records={[movement]} withPart />, { fetch: noFetch });
    expect(screen.queryByRole('table')).toBeNull();
    const row = await screen.findByTestId('movement-row');
    expect(within(row).getByRole('link', { name: 'ESP32 DevKitC' })).toBeVisible();
    expect(row).toHaveTextContent('-3');
    expect(row).toHaveTextContent('9 on hand');
    expect(row).toHaveTextContent(/Issue · .+ · Sam Staff/);
    expect(row).toHaveTextContent('Workshop kit · WO-7');
  });

  it('on a wider screen, shows them as a table', async () => {
    screenWidth(1280);
    await renderInConsole(<MovementTable records={[movement]} withPart />, { fetch: noFetch });
    const table = await screen.findByRole('table');
    expect(within(table).getByText('Who')).toBeVisible();
    expect(within(table).getByRole('cell', { name: 'Sam Staff' })).toBeVisible();
    expect(screen.queryByTestId('movement-row')).toBeNull();
  });
});
