import { expect, test } from './support/fixtures';
import { screenshots } from './support/screenshots';

test('a staff member signs in, lands where they were going, and signs out', async ({
  page,
  system,
}) => {
  // An email's link to a page of the console, opened while signed out.
  await page.goto('/');
  await expect(page).toHaveURL(/\/login\?redirect=%2F/);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await screenshots(page, 'sign-in');

  await page.getByRole('textbox', { name: 'Email' }).fill(system.staff.email);
  await page
    .getByRole('textbox', { name: 'Password', exact: true })
    .fill('not the password at all');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('Email or password is incorrect');

  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(system.staff.password);
  await page.getByRole('textbox', { name: 'Password', exact: true }).press('Enter');
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
  await expect(page.getByTestId('signed-in-user')).toHaveText('Sam Staff (staff)');

  // A reload keeps the session (the refresh token is used once and replaced).
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByText('You are signed out.')).toBeVisible();
  await page.goto('/');
  await expect(page).toHaveURL(/\/login/);
});

test('a session ended elsewhere sends you to sign in, and back to where you were', async ({
  staffPage: page,
  system,
}) => {
  const part = await system.stockedPart('PWR-BAT-AA-4', 3, 1);
  await page.goto(`/products/${part.id}`);
  await expect(page.getByRole('heading', { name: part.name })).toBeVisible();

  // The session is ended elsewhere: signed out with a copy of this browser's tokens. (A
  // replayed refresh token ends it too, once the reuse grace is over: gateway tests.)
  await page.evaluate(async () => {
    const refreshToken = localStorage.getItem('inventory.refreshToken');
    const response = await fetch('/api/v1/auth/refresh', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ refreshToken }),
    });
    const tokens = await response.json();
    localStorage.setItem('inventory.refreshToken', tokens.refreshToken);
    await fetch('/api/v1/auth/logout', {
      method: 'POST',
      headers: { Authorization: `Bearer ${tokens.accessToken}` },
    });
  });

  // The next request of the page finds the session gone. Which one that is depends on
  // timing: a stale query refetched in the background, opening the movement dialog, or
  // recording the movement. Each step is taken unless the sign-in page has already taken
  // the part page away.
  const ended = page.getByText('Your session ended');
  const unlessEnded = async (step: () => Promise<void>): Promise<boolean> => {
    const taken = step().then(
      () => 'taken' as const,
      (error: unknown) => error,
    );
    const sessionEnded = ended.waitFor().then(
      () => 'ended' as const,
      (error: unknown) => error,
    );
    const outcome = await Promise.race([taken, sessionEnded]);
    if (outcome === 'ended') return false;
    if (outcome === 'taken') return true;
    if (await ended.isVisible()) return false;
    throw outcome;
  };
  const dialog = page.getByRole('dialog');
  if (await unlessEnded(() => page.getByRole('button', { name: 'Receive' }).click())) {
    await unlessEnded(() => dialog.getByRole('button', { name: 'Receive' }).click());
  }
  await expect(page).toHaveURL(/\/login\?/);
  await expect(ended).toBeVisible();
  await page.getByRole('textbox', { name: 'Email' }).fill(system.staff.email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(system.staff.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(`${system.url}/products/${part.id}`);
  await expect(page.getByRole('heading', { name: part.name })).toBeVisible();
});

test('two quick reloads keep you signed in on the same page', async ({
  staffPage: page,
  system,
}) => {
  const part = await system.stockedPart('SEN-DHT22', 4, 1);
  await page.goto(`/products/${part.id}`);
  await expect(page.getByRole('heading', { name: part.name })).toBeVisible();

  // The first reload's refresh reaches the gateway, which rotates the token; its answer is
  // held back, and the second reload starts before the page could store it.
  let rotated!: () => void;
  const tokenRotated = new Promise<void>((resolve) => (rotated = resolve));
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const refreshes: number[] = [];
  await page.route('**/api/v1/auth/refresh', async (route) => {
    if (refreshes.length > 0) {
      const response = await route.fetch();
      refreshes.push(response.status());
      await route.fulfill({ response });
      return;
    }
    const response = await route.fetch();
    refreshes.push(response.status());
    rotated();
    await released;
    await route.fulfill({ response }).catch(() => undefined); // its page is gone
  });

  await page.reload({ waitUntil: 'commit' });
  await tokenRotated;
  const second = page.reload();
  release();
  await second;

  await expect(page).toHaveURL(`${system.url}/products/${part.id}`);
  await expect(page.getByRole('heading', { name: part.name })).toBeVisible();
  await expect(page.getByTestId('signed-in-user')).toHaveText('Sam Staff (staff)');
  expect(refreshes).toEqual([200, 200]);
  await page.unroute('**/api/v1/auth/refresh');

  // And the session goes on: a later reload refreshes with the token the second load got.
  await page.reload();
  await expect(page.getByRole('heading', { name: part.name })).toBeVisible();
  await expect(page.getByTestId('signed-in-user')).toHaveText('Sam Staff (staff)');
});

test('the welcome email links to the sign-in page, where the new user signs in', async ({
  page,
  system,
}) => {
  const user = await system.createStaff('jordan');
  const welcome = await system.waitForMail(/Welcome to/, user.email);
  const link = (welcome.body.text ?? '').match(/https?:\/\/\S+\/login\b/)?.[0];
  expect(link).toBe(`${system.url}/login`);
  await page.goto(link!);
  await page.getByRole('textbox', { name: 'Email' }).fill(user.email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
  await expect(page.getByTestId('signed-in-user')).toHaveText('jordan (staff)');
});
