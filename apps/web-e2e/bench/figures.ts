import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where the figures of one `bench:console:admin` run are collected (workers may restart). */
export const FIGURES_FILE = join(__dirname, '../bench-results.json');

export function recordFigure(name: string, value: unknown): void {
  const all = existsSync(FIGURES_FILE) ? JSON.parse(readFileSync(FIGURES_FILE, 'utf8')) : {};
  all[name] = value;
  writeFileSync(FIGURES_FILE, `${JSON.stringify(all, null, 2)}\n`);
}

export function clearFigures(): void {
  rmSync(FIGURES_FILE, { force: true });
}

export function printFigures(): void {
  const all = existsSync(FIGURES_FILE) ? readFileSync(FIGURES_FILE, 'utf8') : '{}\n';
  console.log(`\nconsole admin figures (median of the runs; also in ${FIGURES_FILE}):\n${all}`);
}
