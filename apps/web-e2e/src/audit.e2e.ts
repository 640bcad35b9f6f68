import { expect, signIn, test } from './support/fixtures';
import { screenshots } from './support/screenshots';

const unique = () => Math.random().toString(36).slice(2, 8).toUpperCase();

test("audit: an admin renames a part, and the part's History shows it with the admin's email beside the staff's movement", async ({
  adminPage: page,
  browser,
  system,
}) => {
  const tag = unique();
  const part = await system.api<{ id: string }>('POST', '/api/v1/products', {
    sku: `AUD-${tag}`,
    name: `Audit board ${tag}`,
  });

  await page.goto(`/admin/parts/${part.id}/edit`);
  const name = page.getByRole('textbox', { name: 'Name', exact: true });
  await expect(name).toHaveValue(`Audit board ${tag}`);
  await name.fill(`Audited board ${tag}`);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Saved')).toBeVisible();

  // A staff user receives stock at the counter, in a browser of their own.
  const staffContext = await browser.newContext({ baseURL: system.url });
  const staffPage = await staffContext.newPage();
  await signIn(staffPage, system.staff, `/products/${part.id}`);
  await staffPage.getByRole('button', { name: 'Receive' }).click();
  const dialog = staffPage.getByRole('dialog');
  await dialog.getByRole('textbox', { name: 'Quantity received' }).fill('7');
  await dialog.getByRole('button', { name: 'Receive' }).click();
  await expect(staffPage.getByTestId('on-hand')).toHaveText('7');
  await staffContext.close();

  await page.goto(`/products/${part.id}`);
  await page.getByRole('tab', { name: 'History' }).click();
  const rows = page.getByTestId('part-history').getByTestId('audit-row');
  await expect(rows).toHaveCount(3);
  const renamed = page.locator('[data-testid="audit-row"][data-action="product.updated"]');
  await expect(renamed.getByTestId('audit-actor')).toHaveText(system.admin.email);
  await expect(renamed.getByTestId('audit-change')).toHaveText(
    `name: Audit board ${tag} → Audited board ${tag}`,
  );
  await expect(renamed).toContainText('console');
  const moved = page.locator('[data-testid="audit-row"][data-action="stock.movement.recorded"]');
  await expect(moved.getByTestId('audit-actor')).toHaveText(system.staff.email);
  // Newest first: the movement came after the rename.
  await expect(rows.first()).toHaveAttribute('data-action', 'stock.movement.recorded');
  await screenshots(page, 'part-history', () =>
    expect(page.getByTestId('part-history').getByTestId('audit-row')).toHaveCount(3),
  );
});

test('audit: the admin audit page filters by a person picked by name, keeps the id in the URL, and reads well on a phone', async ({
  adminPage: page,
  system,
}) => {
  const tag = unique();
  const staff = await system.createStaff(`audit-${tag.toLowerCase()}`);
  const users = await system.api<{ items: { id: string; email: string }[] }>(
    'GET',
    `/api/v1/users?q=${encodeURIComponent(staff.email)}`,
  );
  const staffId = users.items[0].id;
  // The new staff user signs in once (from a script: origin "API").
  const signedIn = await fetch(`${system.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: staff.email, password: staff.password }),
  });
  expect(signedIn.status).toBe(200);

  await page.getByRole('link', { name: 'Audit trail' }).click();
  await expect(page.getByRole('heading', { name: 'Audit trail' })).toBeVisible();
  await expect(page.getByTestId('audit-row').first()).toBeVisible();

  // The admin types part of the name and picks the person; the URL keeps their id.
  const person = page.getByRole('combobox', { name: 'Person' });
  await person.fill(staff.displayName.slice(0, 12));
  const label = `${staff.displayName} · ${staff.email}`;
  await page.getByRole('option', { name: label }).click();
  await expect(page).toHaveURL(new RegExp(`actorId=${staffId}`));
  await expect(person).toHaveValue(label);
  const rows = page.getByTestId('audit-row');
  // Only the staff user's own entries: the sign-in, not the admin adding them.
  await expect(rows.filter({ hasText: 'signed in' })).toHaveCount(1);
  for (const actor of await rows.getByTestId('audit-actor').allTextContents()) {
    expect(actor).toBe(staff.email);
  }

  // The URL alone restores the page, the person shown by name.
  await page.reload();
  await expect(person).toHaveValue(label);
  await expect(rows.filter({ hasText: 'signed in' })).toHaveCount(1);

  // Searching by email finds them too.
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page).not.toHaveURL(/actorId=/);
  await person.fill(staff.email);
  await expect(page.getByRole('option', { name: label })).toBeVisible();
  await page.getByRole('option', { name: label }).click();
  await expect(page).toHaveURL(new RegExp(`actorId=${staffId}`));
  await expect(rows.filter({ hasText: 'signed in' })).toHaveCount(1);

  // Desktop: the table, as before. A phone: one card per entry, nothing wider than the screen.
  await expect(page.getByTestId('audit-table')).toBeVisible();
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByTestId('audit-list')).toBeVisible();
  await expect(page.getByTestId('audit-table')).toHaveCount(0);
  await expect(rows.filter({ hasText: 'signed in' }).getByTestId('audit-actor')).toHaveText(
    staff.email,
  );
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 800 });

  // Unfiltered, so the pictures show several kinds of entry.
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page).not.toHaveURL(/actorId=/);
  await screenshots(page, 'admin-audit', () => expect(rows.first()).toBeVisible());
});
