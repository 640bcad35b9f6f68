// Synthesises the stack, checks the instance files and drives the release script against
// local processes. The release tests start servers: one file at a time keeps them calm.
// Checks that need system tools npm cannot install (nginx, shellcheck, logrotate,
// systemd-analyze) are the *.tools.spec.ts files: `npm run test:deploy-tools`.
module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'deploy-ec2',
  maxWorkers: 1,
  globals: { testRunPostgres: false },
  testPathIgnorePatterns: [
    '/node_modules/',
    '/dist/',
    '/out-tsc/',
    '/cdk.out/',
    '\\.tools\\.spec\\.ts$',
  ],
};
