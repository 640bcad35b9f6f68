import { expect, test } from './support/fixtures';

test('staff are offered no admin actions; the API refuses them anyway', async ({
  staffPage: page,
  system,
}) => {
  const part = await system.stockedPart('SEN-BME280', 8, 3);
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  await expect(nav.getByRole('link', { name: 'Parts' })).toBeVisible();
  await expect(nav.getByRole('link', { name: /admin|users|alerts|audit/i })).toHaveCount(0);

  await page.goto(`/products/${part.id}`);
  await expect(page.getByRole('heading', { name: part.name })).toBeVisible();
  // Staff record movements …
  await expect(page.getByRole('button', { name: 'Receive' })).toBeVisible();
  // … but are not offered catalog changes.
  for (const name of [/edit/i, /archive/i, /delete/i, /reorder level/i, /upload/i]) {
    await expect(page.getByRole('button', { name })).toHaveCount(0);
  }

  // And the gateway says no if they try.
  const token = await page.evaluate(async () => {
    const refreshToken = localStorage.getItem('inventory.refreshToken');
    const response = await fetch('/api/v1/auth/refresh', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ refreshToken }),
    });
    const tokens = await response.json();
    localStorage.setItem('inventory.refreshToken', tokens.refreshToken);
    return tokens.accessToken as string;
  });
  const answer = await fetch(`${system.url}/api/v1/products/${part.id}/archive`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(answer.status).toBe(403);
});
