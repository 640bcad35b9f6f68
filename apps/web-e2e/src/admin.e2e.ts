import { expect, signIn, test } from './support/fixtures';
import { decodeQr, dropFiles, partsCsv, pdfFile, pngFile } from './support/files';
import { screenshots } from './support/screenshots';

interface Product {
  id: string;
  sku: string;
  name: string;
}

const unique = () => Math.random().toString(36).slice(2, 8).toUpperCase();

test('(1) an admin creates a category and a part, drops an image and a datasheet on it, and sees both', async ({
  adminPage: page,
  system,
}) => {
  const tag = unique();
  await page.goto('/admin/categories');
  await page.getByRole('button', { name: 'New category' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: 'Name' }).fill(`Sensors ${tag}`);
  await dialog.getByRole('button', { name: 'Create category' }).click();
  await expect(
    page.getByTestId('category-row').filter({ hasText: `Sensors ${tag}` }),
  ).toBeVisible();
  await screenshots(page, 'admin-categories');

  await page.goto('/admin/parts/new');
  await page.getByRole('textbox', { name: 'SKU' }).fill(`sen-bme-${tag}`);
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('BME280 breakout');
  await page.getByRole('textbox', { name: 'Manufacturer', exact: true }).fill('Bosch');
  await page.getByRole('textbox', { name: 'Manufacturer part number' }).fill('BME280');
  await page.getByRole('combobox', { name: 'Category' }).click();
  await page.getByRole('option', { name: `Sensors ${tag}` }).click();
  await page.getByRole('textbox', { name: 'Sale price' }).fill('7.90');
  await page.getByRole('button', { name: 'Add parameter' }).click();
  await page.getByRole('textbox', { name: 'Parameter 1' }).fill('interface');
  await page.getByRole('textbox', { name: 'Value 1' }).fill('I2C');
  await screenshots(page, 'admin-part-new');
  await page.getByRole('button', { name: 'Create part' }).click();

  await expect(page.getByRole('heading', { name: 'Edit BME280 breakout' })).toBeVisible();
  const productId = /\/admin\/parts\/([0-9a-f-]{36})\/edit/.exec(page.url())![1];
  const saved = await system.api<
    Product & { parameters: Record<string, string>; categoryId: string }
  >('GET', `/api/v1/products/${productId}`);
  expect(saved).toMatchObject({ sku: `SEN-BME-${tag}`, parameters: { interface: 'I2C' } });

  await dropFiles(page, page.getByTestId('media-dropzone'), [
    { name: 'bme280.png', type: 'image/png', data: pngFile(320, 200) },
    { name: 'bme280-datasheet.pdf', type: 'application/pdf', data: pdfFile('BME280') },
  ]);
  const image = page.getByTestId('media-image');
  await expect(image).toHaveCount(1);
  await expect(image).toHaveAttribute('data-primary', 'true');
  await expect(image.getByText('Primary')).toBeVisible();
  // The picture is really shown (loaded from storage, not a broken image).
  await expect
    .poll(() => image.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth))
    .toBe(320);
  const datasheet = page.getByRole('link', { name: 'Open bme280-datasheet.pdf' });
  await expect(datasheet).toBeVisible();
  const href = await datasheet.getAttribute('href');
  const pdf = await fetch(href!);
  expect(pdf.status).toBe(200);
  expect(pdf.headers.get('content-type')).toBe('application/pdf');
  expect((await pdf.text()).startsWith('%PDF-1.4')).toBe(true);
  await screenshots(page, 'admin-part-edit');

  // A second image does not take over; choosing it makes it the primary one.
  await page.getByTestId('media-input').setInputFiles({
    name: 'second.png',
    mimeType: 'image/png',
    buffer: pngFile(100, 100),
  });
  await expect(image).toHaveCount(2);
  await page.getByRole('button', { name: 'Make primary' }).click();
  await expect(page.locator('[data-testid="media-image"][data-primary="true"]')).toContainText(
    'second.png',
  );
});

test('(2) a file lying about its type is refused with the reason, and nothing is attached', async ({
  adminPage: page,
  system,
}) => {
  const part = await system.api<Product>('POST', '/api/v1/products', {
    sku: `LIE-${unique()}`,
    name: 'Part for a lying file',
  });
  await page.goto(`/admin/parts/${part.id}/edit`);
  await expect(page.getByText('No images or datasheets yet.')).toBeVisible();
  await dropFiles(page, page.getByTestId('media-dropzone'), [
    {
      name: 'photo.png',
      type: 'image/png',
      data: Buffer.from('just some text, not a picture\n'.repeat(20)),
    },
    { name: 'notes.txt', type: 'text/plain', data: Buffer.from('hello') },
  ]);
  const refusals = page.locator('[data-testid="media-transfer"][data-state="refused"]');
  await expect(refusals).toHaveCount(2);
  await expect(refusals.filter({ hasText: 'photo.png was refused' })).toContainText(
    'not image/png as announced',
  );
  await expect(refusals.filter({ hasText: 'notes.txt was refused' })).toContainText(
    'use a JPEG, PNG or WebP image or a PDF',
  );
  expect(await system.api('GET', `/api/v1/products/${part.id}/media`)).toEqual([]);
  await expect(page.getByTestId('media-image')).toHaveCount(0);
});

test('(3) a CSV of 1,000 rows with two bad lines: both are listed, then the good rows import', async ({
  adminPage: page,
  system,
}) => {
  const prefix = `CSV${unique()}`;
  const csv = partsCsv(prefix, 1000, [102, 777]);
  await page.goto('/admin/import');
  await page.locator('input[type=file]').setInputFiles({
    name: 'parts.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv),
  });
  const preview = page.getByTestId('csv-preview');
  await expect(preview).toContainText('Preview: the first 5 rows');
  await expect(preview).toContainText(`${prefix}-000001`);
  await expect(preview.getByText('salePrice', { exact: true }).first()).toBeVisible();
  await screenshots(page, 'admin-import');

  await page.getByRole('button', { name: 'Import (all or nothing)' }).click();
  const bad = page.getByTestId('bad-line');
  await expect(bad).toHaveCount(2);
  await expect(bad.nth(0)).toContainText('102');
  await expect(bad.nth(0)).toContainText('salePrice');
  await expect(bad.nth(1)).toContainText('777');
  await expect(page.getByRole('alert').filter({ hasText: 'Nothing was imported' })).toBeVisible();
  const none = await system.api<{ total: number }>(
    'GET',
    `/api/v1/products?search=${prefix}&pageSize=1`,
  );
  expect(none.total).toBe(0);

  await page.getByRole('button', { name: 'Import only the good rows' }).click();
  await expect(page.getByTestId('import-result')).toContainText('998 created');
  await expect(page.getByTestId('bad-line')).toHaveCount(2);
  const imported = await system.api<{ total: number }>(
    'GET',
    `/api/v1/products?search=${prefix}&pageSize=1`,
  );
  expect(imported.total).toBe(998);
});

test('(4) bulk reorder levels for three selected parts, after which one of them shows as low', async ({
  adminPage: page,
  system,
}) => {
  const tag = unique();
  const parts: Product[] = [];
  for (const [index, quantity] of [10, 20, 30].entries()) {
    const part = await system.api<Product>('POST', '/api/v1/products', {
      sku: `BULK-${tag}-${index + 1}`,
      name: `Resistor ${index + 1}`,
    });
    await system.api('POST', '/api/v1/stock/movements', {
      productId: part.id,
      type: 'receive',
      quantity,
    });
    parts.push(part);
  }
  // Selected in the parts list, as an admin would: find them, tick them, act on them.
  await page.goto(`/products?q=BULK-${tag}`);
  await expect(page.getByTestId('part-link')).toHaveCount(3);
  for (const index of [1, 2, 3]) {
    await page.getByRole('checkbox', { name: `Select Resistor ${index}` }).check();
  }
  await expect(page.getByTestId('parts-selected-count')).toHaveText('3 parts selected');
  await screenshots(page, 'parts-list-selection');
  await page.getByRole('link', { name: 'Set reorder levels' }).click();
  await expect(page).toHaveURL(/\/admin\/reorder-levels\?ids=/);
  const rows = page.getByTestId('reorder-row');
  await expect(rows).toHaveCount(3);
  await page.getByRole('textbox', { name: 'Set every selected part to' }).fill('15');
  await page.getByRole('button', { name: 'Apply to all' }).click();
  // Before saving: the first (10 on hand) would become low, the others stay in stock.
  const first = rows.filter({ hasText: `BULK-${tag}-1` });
  await expect(first.getByTestId('reorder-preview')).toHaveAttribute('data-after', 'low');
  await expect(
    rows.filter({ hasText: `BULK-${tag}-2` }).getByTestId('reorder-preview'),
  ).toHaveAttribute('data-after', 'ok');
  await expect(page.getByText('1 will be listed as low')).toBeVisible();
  await screenshots(page, 'admin-reorder-levels');
  await page.getByRole('button', { name: 'Save 3 changes' }).click();
  await expect(page.getByText('3 reorder levels saved')).toBeVisible();

  await page.reload();
  await expect(rows.filter({ hasText: `BULK-${tag}-1` })).toContainText('Low');
  await expect(rows.filter({ hasText: `BULK-${tag}-2` })).toContainText('In stock');
  const low = await system.api<{ productId: string }[] | { items: { productId: string }[] }>(
    'GET',
    '/api/v1/stock/low',
  );
  const lowIds = (Array.isArray(low) ? low : low.items).map((item) => item.productId);
  expect(lowIds).toContain(parts[0].id);
  expect(lowIds).not.toContain(parts[1].id);
  expect(lowIds).not.toContain(parts[2].id);
});

test('(5) an admin creates a staff user, whose welcome email link opens first sign-in', async ({
  adminPage: page,
  system,
  browser,
}) => {
  const email = `new.staff.${unique().toLowerCase()}@lab.example`;
  await page.goto('/admin/users');
  await page.getByRole('button', { name: 'New user' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: 'Email' }).fill(email);
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Nina Newcomer');
  const password = 'a first password for nina';
  await dialog.getByRole('textbox', { name: 'First password' }).fill(password);
  await dialog.getByRole('button', { name: 'Create user' }).click();
  await expect(page.getByTestId('user-row').filter({ hasText: email })).toBeVisible();
  await screenshots(page, 'admin-users');

  // The last active admin cannot be demoted: the API's reason is shown.
  await page.getByRole('textbox', { name: 'Search users' }).fill(system.admin.email);
  const adminRow = page.getByTestId('user-row').filter({ hasText: system.admin.email });
  await expect(page.getByTestId('user-row')).toHaveCount(1);
  await adminRow.getByRole('button', { name: 'Deactivate' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Refused' })).toContainText(/admin/i);

  let welcome: { body: { text?: string } } | undefined;
  await expect
    .poll(async () => {
      welcome = (await system.mail()).find(
        (mail) => mail.destination.to.includes(email) && /welcome/i.test(mail.subject),
      );
      return welcome !== undefined;
    })
    .toBe(true);
  const link = /(https?:\/\/\S+\/login)\b/.exec(welcome!.body.text ?? '')?.[1];
  expect(link).toBeDefined();

  const context = await browser.newContext();
  const newcomer = await context.newPage();
  await newcomer.goto(link!);
  await expect(newcomer.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await newcomer.getByRole('textbox', { name: 'Email' }).fill(email);
  await newcomer.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
  await newcomer.getByRole('button', { name: 'Sign in' }).click();
  await expect(newcomer.getByTestId('signed-in-user')).toHaveText('Nina Newcomer (staff)');
  await context.close();
});

test('(6) a sheet of labels whose QR codes, decoded from the page, open the right parts in scan mode', async ({
  adminPage: page,
  system,
}) => {
  const tag = unique();
  const parts: Product[] = [];
  for (let i = 1; i <= 3; i++) {
    parts.push(
      await system.api<Product>('POST', '/api/v1/products', {
        sku: `LBL-${tag}-${i}`,
        name: `Labelled part ${i}`,
      }),
    );
  }
  await page.goto(`/admin/labels?ids=${parts.map((p) => p.id).join(',')}`);
  await page.getByRole('textbox', { name: `Copies of LBL-${tag}-1` }).fill('22');
  await expect(page.getByTestId('label-summary')).toContainText('24 labels on 1 page');
  await expect(page.getByTestId('label-page')).toHaveCount(1);
  const labels = page.getByTestId('label');
  await expect(labels).toHaveCount(24);
  await screenshots(page, 'admin-labels');

  // Each distinct part's QR code, decoded from the rendered page, names that part's page.
  const decoded: string[] = [];
  for (const part of parts) {
    const label = labels.filter({ hasText: part.sku }).first();
    const text = await decodeQr(label.locator('.label-qr'));
    expect(text).toBe(`${system.url}/products/${part.id}`);
    decoded.push(text!);
  }
  // Printing keeps only the sheet, page-sized (print CSS).
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('heading', { name: 'Labels' })).toBeHidden();
  await expect(labels.first()).toBeVisible();
  await page.emulateMedia({ media: 'screen' });

  // Scanned at the counter, each decoded code opens its own part in scan mode.
  await page.goto('/scan?mode=receive');
  const field = page.getByRole('textbox', { name: 'Scan or type a SKU' });
  await expect(field).toBeFocused();
  for (const [index, code] of decoded.entries()) {
    await page.keyboard.type(code, { delay: 4 });
    await page.keyboard.press('Enter');
    const result = page.getByTestId('scan-result');
    await expect(result).toHaveAttribute('data-status', 'recorded');
    await expect(result).toContainText(parts[index].sku);
    await expect(result).toContainText(parts[index].name);
  }
  for (const part of parts) {
    const stock = await system.api<{ onHand: number }>('GET', `/api/v1/products/${part.id}/stock`);
    expect(stock.onHand).toBe(1);
  }
});

test('(7) staff see none of the admin pages, and the API refuses them the routes', async ({
  staffPage: page,
  system,
}) => {
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  for (const label of [
    'New part',
    'Edit categories',
    'Import / export',
    'Reorder levels',
    'Labels',
    'Users',
    'Alerts',
  ]) {
    await expect(nav.getByRole('link', { name: label })).toHaveCount(0);
  }
  await expect(nav.getByRole('link', { name: 'My profile' })).toBeVisible();
  for (const path of [
    '/admin/parts/new',
    '/admin/categories',
    '/admin/import',
    '/admin/reorder-levels',
    '/admin/labels',
    '/admin/users',
    '/admin/alerts',
  ]) {
    await page.goto(path);
    await expect(page.getByTestId('admins-only')).toBeVisible();
  }
  await screenshots(page, 'admin-only-for-staff');

  const login = await fetch(`${system.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: system.staff.email, password: system.staff.password }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const part = await system.api<Product>('POST', '/api/v1/products', {
    sku: `STAFF-${unique()}`,
    name: 'Not for staff to edit',
  });
  for (const [method, path, body] of [
    ['POST', '/api/v1/products', { sku: 'X-1', name: 'x' }],
    ['PATCH', `/api/v1/products/${part.id}`, { name: 'renamed' }],
    ['POST', `/api/v1/products/${part.id}/archive`, undefined],
    ['POST', '/api/v1/categories', { name: 'x' }],
    [
      'POST',
      `/api/v1/products/${part.id}/media/uploads`,
      { kind: 'image', filename: 'a.png', contentType: 'image/png', size: 10 },
    ],
    ['PUT', `/api/v1/products/${part.id}/reorder-level`, { reorderLevel: 3 }],
    ['GET', '/api/v1/users', undefined],
    [
      'POST',
      '/api/v1/users',
      { email: 'x@y.z', displayName: 'x', role: 'admin', password: 'x'.repeat(12) },
    ],
    ['GET', '/api/v1/alerts/recipients', undefined],
    ['GET', '/api/v1/alerts/emails', undefined],
    ['POST', '/api/v1/alerts/low-stock/run', {}],
  ] as const) {
    const response = await fetch(`${system.url}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${accessToken}`,
        ...(body ? { 'Content-Type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    expect({ route: `${method} ${path}`, status: response.status }).toEqual({
      route: `${method} ${path}`,
      status: 403,
    });
  }
  const csv = await fetch(`${system.url}/api/v1/products/import`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${accessToken}`, 'Content-Type': 'text/csv' },
    body: 'sku,name\nX-1,x\n',
  });
  expect(csv.status).toBe(403);
});

test('everyone has a profile page where they change their own password', async ({
  page,
  system,
}) => {
  const user = {
    email: `profile.${unique().toLowerCase()}@lab.example`,
    password: 'the old password of pat',
    displayName: 'Pat Profile',
  };
  await system.api('POST', '/api/v1/users', { ...user, role: 'staff' });
  await signIn(page, user);
  await page.getByRole('link', { name: 'My profile' }).click();
  await expect(page.getByText(user.email)).toBeVisible();
  const form = page.getByRole('form', { name: 'Change password' });
  await form.getByLabel('Current password').fill('not my password at all');
  await form.getByLabel('New password', { exact: true }).fill('the new password of pat');
  await form.getByLabel('Repeat the new password').fill('the new password of pat');
  await form.getByRole('button', { name: 'Change password' }).click();
  await expect(form.getByText(/current ?password/i).first()).toBeVisible();
  await form.getByLabel('Current password').fill(user.password);
  await form.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('Password changed.')).toBeVisible();
  await screenshots(page, 'profile');
  const login = await fetch(`${system.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: user.email, password: 'the new password of pat' }),
  });
  expect(login.status).toBe(200);
});

test('alerts: recipients are validated and saved, the digest runs now, and an email opens with its text', async ({
  adminPage: page,
  system,
}) => {
  // The seed's parts with nothing on hand are what the digest lists (no new alert needed).
  await page.goto('/admin/alerts');
  const recipients = page.getByRole('combobox', { name: 'Recipients' });
  await recipients.fill('not-an-address');
  await recipients.press('Enter');
  await expect(page.getByText('not-an-address is not an email address')).toBeVisible();
  await recipients.fill('stores@lab.example');
  await recipients.press('Enter');
  await page.getByRole('button', { name: 'Save recipients' }).click();
  await expect(page.getByText('Recipients saved')).toBeVisible();
  expect(
    (await system.api<{ recipients: string[] }>('GET', '/api/v1/alerts/recipients')).recipients,
  ).toContain('stores@lab.example');

  await page.getByRole('checkbox', { name: /Send even if/ }).check();
  await page.getByRole('button', { name: 'Send the low-stock digest now' }).click();
  const result = page.getByTestId('digest-result');
  await expect(result).toContainText(/Sent: \d+ parts listed, to .*stores@lab\.example/);

  await page.getByRole('combobox', { name: 'Kind' }).click();
  await page.getByRole('option', { name: 'Digest' }).click();
  const row = page.getByTestId('email-row').first();
  await expect(row).toContainText('Digest');
  await screenshots(page, 'admin-alerts');
  await row.getByRole('button').click();
  const opened = page.getByTestId('email-open');
  await expect(opened).toContainText(/running low on stock/);
});

test('categories: rename and move under another, a cycle is refused with the API reason, delete only when empty', async ({
  adminPage: page,
  system,
}) => {
  const tag = unique();
  const outer = await system.api<{ id: string }>('POST', '/api/v1/categories', {
    name: `Outer ${tag}`,
  });
  await system.api('POST', '/api/v1/categories', { name: `Inner ${tag}`, parentId: outer.id });
  await page.goto('/admin/categories');
  const rows = page.getByTestId('category-row');

  // Moving Outer under its own child would make a cycle: the API says so on the field.
  await page.getByRole('button', { name: `Edit Outer ${tag}` }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('combobox', { name: 'Parent' }).click();
  await page.getByRole('option', { name: `Outer ${tag} › Inner ${tag}` }).click();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText('would create a cycle in the category tree')).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // Rename Inner and move it to the top level.
  await page.getByRole('button', { name: `Edit Inner ${tag}` }).click();
  await dialog.getByRole('textbox', { name: 'Name' }).fill(`Moved ${tag}`);
  await dialog.getByRole('combobox', { name: 'Parent' }).click();
  await page.getByRole('option', { name: 'Top level' }).click();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  const moved = await system.api<{ name: string; parentId: string | null; id: string }[]>(
    'GET',
    '/api/v1/categories',
  );
  expect(moved.find((c) => c.name === `Moved ${tag}`)?.parentId).toBeNull();

  // A category with a part in it is not deleted; an empty one is.
  await system.api('POST', '/api/v1/products', {
    sku: `CAT-${tag}`,
    name: 'In the outer category',
    categoryId: outer.id,
  });
  await page.reload();
  await page.getByRole('button', { name: `Delete Outer ${tag}` }).click();
  await dialog.getByRole('button', { name: 'Delete category' }).click();
  await expect(dialog.getByRole('alert')).toContainText('is not empty');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: `Delete Moved ${tag}` }).click();
  await dialog.getByRole('button', { name: 'Delete category' }).click();
  await expect(rows.filter({ hasText: `Moved ${tag}` })).toHaveCount(0);
});
