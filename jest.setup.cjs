// Tests keep Nest's own log lines to errors unless TEST_LOGS=1: expected failures (poison
// messages, a stand-in taken down on purpose) would otherwise bury the test report.
if (!process.env.TEST_LOGS) {
  const { Logger } = require('@nestjs/common');
  Logger.overrideLogger(['error', 'fatal']);
}
