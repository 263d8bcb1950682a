// The app: the window's shell inside the providers of its client, stores and commands.
import type { MarginaliaClient } from '../../../shared/contract';
import { AppShell } from './AppShell';
import { AppProviders } from './providers';

export interface AppProps {
  client: MarginaliaClient;
}

export function App({ client }: AppProps) {
  return (
    <AppProviders client={client}>
      <AppShell />
    </AppProviders>
  );
}
