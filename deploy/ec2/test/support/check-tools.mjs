#!/usr/bin/env node
// Before `npm run test:deploy-tools`: every system tool its checks run must be installed.
// Names the Debian packages that are missing and exits 1 without running anything.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const TOOLS = {
  nginx: 'nginx',
  shellcheck: 'shellcheck',
  logrotate: 'logrotate',
  'systemd-analyze': 'systemd',
  openssl: 'openssl',
};
const installed = (name) =>
  ['/usr/sbin', '/usr/bin', '/sbin', '/bin'].some((dir) => existsSync(join(dir, name)));
const missing = Object.entries(TOOLS).filter(([name]) => !installed(name));
if (missing.length > 0) {
  const packages = [...new Set(missing.map(([, pkg]) => pkg))];
  process.stderr.write(
    `test:deploy-tools needs ${missing.map(([name]) => name).join(', ')}, which ${
      missing.length === 1 ? 'is' : 'are'
    } not installed.\n` +
      `Install the Debian packages: sudo apt-get install -y ${packages.join(' ')}\n` +
      '(.ci/run installs them; `npm test` does not need them)\n',
  );
  process.exit(1);
}
