// Renderer entry: picks the contract client the host provides (the preload's in the
// desktop app, HTTP in the browser host) and mounts the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { MarginaliaClient } from '../../shared/contract';
import { App } from './app/App';
import { createHttpClient } from './app/http-client';
// Styles in cascade order: tokens and the global base first, then each feature's sheet.
import './app/tokens.css';
import './app/global.css';
import './reader/document.css';

declare global {
  interface Window {
    marginalia?: MarginaliaClient;
  }
}

const client = window.marginalia ?? createHttpClient();
const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <App client={client} />
  </StrictMode>,
);
