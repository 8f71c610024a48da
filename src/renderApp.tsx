import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './styles.css';
import { registerOffline } from './offline';
import { firstAnswerSettled, useAppStore } from './store/appStore';
import { whenState } from './store/whenState';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// this script is imported by main.tsx, so the page may have finished loading already
const offline = () =>
  registerOffline(firstAnswerSettled(), () => whenState(useAppStore, (s) => s.loading === null));
if (document.readyState === 'complete') offline();
else window.addEventListener('load', offline);
