import 'reflect-metadata';
import { checkLowStock } from './commands/run-digest/check-low-stock.cli';

void checkLowStock(process.argv.slice(2), process.env).then((code) => process.exit(code));
