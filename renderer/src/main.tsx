import { FluentProvider } from '@fluentui/react-components';
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiProvider } from './api/ApiContext.tsx';
import { createApi } from './api/client.ts';
import { SessionGate } from './api/SessionGate.tsx';
import { UnlockGate } from './unlock/UnlockGate.tsx';
import { App } from './app/App.tsx';
import { AppDataProvider } from './app/AppData.tsx';
import { ErrorBoundary } from './app/ErrorBoundary.tsx';
import { AddFolderProvider } from './library/AddFolder.tsx';
import { useOsTheme } from './theme/useOsTheme.ts';
import './app/global.css';

const api = createApi();

function Themed({ children }: { children: ReactNode }) {
  const { theme } = useOsTheme();
  return (
    <FluentProvider theme={theme} style={{ height: '100%' }}>
      {children}
    </FluentProvider>
  );
}

const app = (
  <ApiProvider value={api}>
    {/* The last resort: a fault outside every area (the providers, the top bar) still gets words and a way back. */}
    <ErrorBoundary area="Evidence Store">
      {/* An encrypted index whose key the app was not given asks for its passphrase before anything else. */}
      <UnlockGate>
        <AppDataProvider>
          <AddFolderProvider>
            <App />
          </AddFolderProvider>
        </AppDataProvider>
      </UnlockGate>
    </ErrorBoundary>
  </ApiProvider>
);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {/* Browser mode needs the launch token before anything calls the API; the desktop app has no token. */}
    <Themed>{api.transport === 'http' ? <SessionGate>{app}</SessionGate> : app}</Themed>
  </StrictMode>,
);
