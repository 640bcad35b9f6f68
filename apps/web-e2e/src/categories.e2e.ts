import { expect, test } from './support/fixtures';
import { screenshots } from './support/screenshots';

interface Category {
  id: string;
  name: string;
  parentId: string | null;
  activeProductCount: number;
}

test('the category tree counts parts with their sub-categories and opens a category’s parts', async ({
  staffPage: page,
  system,
}) => {
  const categories = await system.api<Category[]>('GET', '/api/v1/categories');
  const named = (name: string) => categories.find((c) => c.name === name)!;
  const microcontrollers = named('Microcontrollers');
  const children = categories.filter((c) => c.parentId === microcontrollers.id);
  expect(children.map((c) => c.name)).toContain('ESP32');

  await page.getByRole('navigation').getByRole('link', { name: 'Categories' }).click();
  await expect(page.getByRole('heading', { name: 'Categories' })).toBeVisible();
  const tree = page.getByTestId('category-tree');
  const row = (name: string) =>
    tree
      .getByRole('listitem')
      .filter({ has: page.getByRole('link', { name, exact: true }) })
      .first();

  // A parent counts the parts of its sub-categories (the seed's boards are all in them).
  const sum = children.reduce((total, c) => total + c.activeProductCount, 0);
  expect(sum).toBeGreaterThan(0);
  await expect(row('Microcontrollers')).toContainText(
    `${microcontrollers.activeProductCount} parts`,
  );
  expect(microcontrollers.activeProductCount).toBeGreaterThanOrEqual(sum);
  await expect(row('ESP32')).toContainText(`${named('ESP32').activeProductCount} parts`);
  await screenshots(page, 'categories');

  // Collapsing hides the sub-categories; the filter narrows the tree to matching names.
  await page.getByRole('button', { name: 'Hide the sub-categories of Microcontrollers' }).click();
  await expect(tree.getByRole('link', { name: 'ESP32', exact: true })).toBeHidden();
  await page.getByRole('button', { name: 'Show the sub-categories of Microcontrollers' }).click();
  await page.getByRole('searchbox', { name: 'Find a category' }).fill('batter');
  await expect(tree.getByRole('link', { name: 'Batteries' })).toBeVisible();
  await expect(tree.getByRole('link', { name: 'Power' })).toBeVisible(); // its parent, for context
  await expect(tree.getByRole('link', { name: 'Microcontrollers' })).toBeHidden();
  await page.getByRole('searchbox', { name: 'Find a category' }).fill('');

  // A category opens the parts list filtered by it (a real link: the URL carries the filter).
  await tree.getByRole('link', { name: 'ESP32', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/products\\?category=${named('ESP32').id}`));
  await expect(page.getByRole('heading', { name: 'Parts' })).toBeVisible();
  await expect(page.getByTestId('part-link').filter({ hasText: 'ESP32 DevKitC V4' })).toBeVisible();
  await expect(page.getByTestId('part-link')).toHaveCount(named('ESP32').activeProductCount);
  await expect(page.getByTestId('part-link').filter({ hasText: 'Arduino Uno' })).toHaveCount(0);
});
