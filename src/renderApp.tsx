import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './styles.css';
import { registerOffline } from './offline';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// this script is imported by main.tsx, so the page may have finished loading already
if (document.readyState === 'complete') registerOffline();
else window.addEventListener('load', registerOffline);
