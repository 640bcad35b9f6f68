import { join, resolve } from 'node:path';

/** The repository root, whether running from src (tests) or dist (npm start). */
export const REPO_ROOT = resolve(__dirname, '../../..');

export const repoPath = (...parts: string[]) => join(REPO_ROOT, ...parts);
