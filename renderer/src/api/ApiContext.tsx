import { createContext, useContext } from 'react';
import type { ClientApi } from './types.ts';

const ApiContext = createContext<ClientApi | null>(null);

export const ApiProvider = ApiContext.Provider;

export function useApi(): ClientApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi needs an <ApiProvider>.');
  return api;
}
