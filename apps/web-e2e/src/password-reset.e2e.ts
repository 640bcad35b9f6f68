import { expect, test } from './support/fixtures';
import { screenshots } from './support/screenshots';

test('forgot password → the email link → a new password → signed in with it', async ({
  page,
  system,
}) => {
  const user = await system.createStaff('riley');
  await page.goto('/login');
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await expect(page.getByRole('heading', { name: 'Reset your password' })).toBeVisible();
  await screenshots(page, 'forgot-password');
  await page.getByRole('textbox', { name: 'Email' }).fill(user.email);
  await page.getByRole('button', { name: 'Send reset link' }).click();
  await expect(page.getByRole('status')).toContainText(`If an active account uses ${user.email}`);

  const email = await system.waitForMail(/Reset your/, user.email);
  const link = (email.body.text ?? '').match(
    /https?:\/\/\S+\/reset-password\?token=[^\s"<>]+/,
  )?.[0];
  expect(link).toBeDefined();
  expect(link!.startsWith(`${system.url}/reset-password?token=`)).toBe(true);

  await page.goto(link!);
  await expect(page.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
  const newPassword = 'a brand new counter password';
  await page.getByRole('textbox', { name: 'New password', exact: true }).fill(newPassword);
  await page
    .getByRole('textbox', { name: 'Repeat the new password' })
    .fill('something else entirely');
  await page.getByRole('button', { name: 'Save new password' }).click();
  await expect(page.getByText('The two passwords differ')).toBeVisible();
  await page.getByRole('textbox', { name: 'Repeat the new password' }).fill(newPassword);
  await screenshots(page, 'reset-password');
  await page.getByRole('button', { name: 'Save new password' }).click();

  await expect(page.getByText('Your password was changed')).toBeVisible();
  await page.getByRole('textbox', { name: 'Email' }).fill(user.email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Email or password is incorrect')).toBeVisible();
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(newPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();

  // The link works once.
  await page.goto(link!);
  await page
    .getByRole('textbox', { name: 'New password', exact: true })
    .fill('yet another new password');
  await page
    .getByRole('textbox', { name: 'Repeat the new password' })
    .fill('yet another new password');
  await page.getByRole('button', { name: 'Save new password' }).click();
  await expect(page.getByText('This reset link is invalid, already used or expired')).toBeVisible();
});
