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

  // Someone replays this browser's refresh token: the gateway ends the whole session.
  await page.evaluate(async () => {
    const refreshToken = localStorage.getItem('inventory.refreshToken');
    const refresh = () =>
      fetch('/api/v1/auth/refresh', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ refreshToken }),
      });
    await refresh();
    await refresh();
  });

  // The next request of the page finds the session gone: opening the movement dialog may
  // already make one (a stale query refetched); if not, recording the movement does.
  const ended = page.getByText('Your session ended');
  const submit = page.getByRole('dialog').getByRole('button', { name: 'Receive' });
  await page.getByRole('button', { name: 'Receive' }).click();
  await expect(ended.or(submit).first()).toBeVisible();
  if (!(await ended.isVisible())) {
    await submit.click({ timeout: 5000 }).catch(async (error: unknown) => {
      // Only the sign-in page taking the dialog away may interrupt the click.
      if (!(await ended.isVisible())) throw error;
    });
  }
  await expect(page).toHaveURL(/\/login\?/);
  await expect(ended).toBeVisible();
  await page.getByRole('textbox', { name: 'Email' }).fill(system.staff.email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(system.staff.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(`${system.url}/products/${part.id}`);
  await expect(page.getByRole('heading', { name: part.name })).toBeVisible();
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
