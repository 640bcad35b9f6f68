import { clearFigures, printFigures } from './figures';

/** Starts a run with no figures, prints them all at the end. */
export default function globalSetup(): () => void {
  clearFigures();
  return printFigures;
}
