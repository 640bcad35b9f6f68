import { expect, test } from './support/fixtures';
import { screenshots } from './support/screenshots';

test('staff find the ESP32, issue it below its reorder level, and the alert email leads back to it', async ({
  staffPage: page,
  system,
}) => {
  const esp32 = await system.stockedPart('MCU-ESP-32', 12, 10);
  await screenshots(page, 'dashboard');

  // Find it by typing part of its name.
  await page.getByRole('navigation').getByRole('link', { name: 'Parts' }).click();
  await expect(page.getByRole('heading', { name: 'Parts' })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search parts' }).fill('devkitc');
  await expect(page).toHaveURL(/q=devkitc/);
  const row = page.getByTestId('part-link').filter({ hasText: esp32.name });
  await expect(row).toBeVisible();
  await expect(page.getByTestId('part-link')).toHaveCount(2); // ESP32 and ESP32-S3 DevKitC
  await screenshots(page, 'parts-list');
  await row.click();

  await expect(page.getByRole('heading', { name: esp32.name })).toBeVisible();
  await expect(page.getByTestId('on-hand')).toHaveText('12');
  await expect(page.getByTestId('reorder-level')).toHaveText('10');

  // Keyboard first: I opens "issue" with the quantity focused, Enter records.
  await page.keyboard.press('i');
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('textbox', { name: 'Quantity issued' })).toBeFocused();
  await page.keyboard.type('2');
  await screenshots(page, 'record-movement');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('on-hand')).toHaveText('10'); // at the level: low

  await page.keyboard.press('i');
  await expect(dialog.getByRole('textbox', { name: 'Quantity issued' })).toBeFocused();
  await page.keyboard.type('3');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('on-hand')).toHaveText('7');
  await expect(page.getByText('Low', { exact: true }).first()).toBeVisible();
  // Who did it, in the history.
  await expect(page.getByRole('cell', { name: 'Sam Staff' }).first()).toBeVisible();
  await screenshots(page, 'part');

  // One alert for the crossing, with a link to the part's page.
  const alert = await system.waitForMail(/Low Stock Alert/);
  expect(alert.subject).toContain('ESP32');
  const link = (alert.body.text ?? '').match(/https?:\/\/\S+\/products\/[0-9a-f-]{36}/)?.[0];
  expect(link).toBe(`${system.url}/products/${esp32.id}`);

  await page.goto(link!);
  await expect(page.getByRole('heading', { name: esp32.name })).toBeVisible();
  await expect(page.getByTestId('on-hand')).toHaveText('7');

  // The dashboard lists it under "needs attention".
  await page.getByRole('navigation').getByRole('link', { name: 'Dashboard' }).click();
  await expect(
    page.getByTestId('attention-low').getByRole('link', { name: esp32.name }),
  ).toBeVisible();
  await expect(page.getByTestId('count-low')).not.toHaveText('0');
  await screenshots(page, 'dashboard-attention');
});

test('an email link opened while signed out goes to the part after signing in', async ({
  page,
  system,
}) => {
  const part = await system.stockedPart('MCU-ARD-UNO', 5, 2);
  await page.goto(`/products/${part.id}`);
  await expect(page).toHaveURL(/\/login\?redirect=/);
  await page.getByRole('textbox', { name: 'Email' }).fill(system.staff.email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(system.staff.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(`${system.url}/products/${part.id}`);
  await expect(page.getByRole('heading', { name: part.name })).toBeVisible();
});
