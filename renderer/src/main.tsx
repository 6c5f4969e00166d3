import { FluentProvider } from '@fluentui/react-components';
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiProvider } from './api/ApiContext.tsx';
import { createApi } from './api/client.ts';
import { App } from './app/App.tsx';
import { AppDataProvider } from './app/AppData.tsx';
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

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Themed>
      <ApiProvider value={api}>
        <AppDataProvider>
          <AddFolderProvider>
            <App />
          </AddFolderProvider>
        </AppDataProvider>
      </ApiProvider>
    </Themed>
  </StrictMode>,
);
