import 'reflect-metadata';
import { runDigestCli } from './commands/run-digest/run-digest.cli';

void runDigestCli(process.argv.slice(2), process.env).then((code) => process.exit(code));
