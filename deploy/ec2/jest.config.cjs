// Synthesises the stack, checks the instance files with the real tools (nginx -t,
// systemd-analyze verify, shellcheck, logrotate) and drives the release script against
// local processes. The release tests start servers: one file at a time keeps them calm.
module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'deploy-ec2',
  maxWorkers: 1,
  globals: { testRunPostgres: false },
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/out-tsc/', '/cdk.out/'],
};
