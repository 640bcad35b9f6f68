import { createContext, useContext } from 'react';
import type { ApiClient } from '@inventory/api-client';
import type { Session } from './session';

export interface ConsoleApi {
  api: ApiClient;
  session: Session;
}

export const ApiContext = createContext<ConsoleApi | null>(null);

/** The API client and session of the console. */
export function useApi(): ConsoleApi {
  const value = useContext(ApiContext);
  if (!value) throw new Error('useApi outside ApiContext');
  return value;
}
