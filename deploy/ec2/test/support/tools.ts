import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** deploy/ec2 */
export const DEPLOY_DIR = join(__dirname, '..', '..');
export const INSTANCE_DIR = join(DEPLOY_DIR, 'instance');
export const SCRIPTS_DIR = join(DEPLOY_DIR, 'scripts');

/**
 * The path of a system tool the checks need. Missing is a failure, not a skip: `.ci/run`
 * installs them (Debian packages nginx, shellcheck, logrotate, systemd).
 */
export function tool(name: string): string {
  for (const dir of ['/usr/sbin', '/usr/bin', '/sbin', '/bin']) {
    const path = join(dir, name);
    if (existsSync(path)) return path;
  }
  throw new Error(`${name} is not installed: run .ci/run, or apt-get install the package with it`);
}

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  /** stdout and stderr together, for failure messages. */
  output: string;
}

export function run(
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string; timeoutMs?: number } = {},
): Run {
  const result: SpawnSyncReturns<string> = spawnSync(command, args, {
    encoding: 'utf8',
    env: options.env ?? process.env,
    cwd: options.cwd,
    timeout: options.timeoutMs ?? 120_000,
  });
  if (result.error) throw result.error;
  return {
    status: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    output: `${result.stdout}${result.stderr}`,
  };
}
