import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** deploy/ec2 */
export const DEPLOY_DIR = join(__dirname, '..', '..');
export const INSTANCE_DIR = join(DEPLOY_DIR, 'instance');
export const SCRIPTS_DIR = join(DEPLOY_DIR, 'scripts');

/** The Debian package each system tool of the deploy checks comes from. */
export const TOOL_PACKAGES: Record<string, string> = {
  nginx: 'nginx',
  shellcheck: 'shellcheck',
  logrotate: 'logrotate',
  'systemd-analyze': 'systemd',
  openssl: 'openssl',
  curl: 'curl',
  tar: 'tar',
};

/** The path of a system tool, if it is installed. */
export function findTool(name: string): string | undefined {
  for (const dir of ['/usr/sbin', '/usr/bin', '/sbin', '/bin']) {
    const path = join(dir, name);
    if (existsSync(path)) return path;
  }
  return undefined;
}

/**
 * The path of a system tool the checks need. Missing is a failure, not a skip: `.ci/run`
 * installs them; `npm run test:deploy-tools` names the Debian packages before it starts.
 */
export function tool(name: string): string {
  const path = findTool(name);
  if (path) return path;
  throw new Error(
    `${name} is not installed: apt-get install ${TOOL_PACKAGES[name] ?? name} (or run .ci/run)`,
  );
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
