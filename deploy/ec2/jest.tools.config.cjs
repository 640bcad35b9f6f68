// `npm run test:deploy-tools`: the deploy checks that run the system tools the server uses
// (nginx -t and a test nginx on the site, systemd-analyze verify, shellcheck, logrotate).
const base = require('./jest.config.cjs');

module.exports = {
  ...base,
  displayName: 'deploy-ec2-tools',
  testMatch: ['<rootDir>/**/*.tools.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/out-tsc/', '/cdk.out/'],
};
