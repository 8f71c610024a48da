import { StrictMode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { registerOffline } from './offline';
import { firstAnswerSettled, useAppStore } from './store/appStore';
import { whenState } from './store/whenState';
import { applyFirstView } from './store/firstView';
import { takeShellQuery } from './shell';

// what was typed in the first screen's query box becomes the app's query in the same task that
// renders the app in its place (flushSync), so that no keystroke falls between the two
const root = createRoot(document.getElementById('root')!);
applyFirstView(takeShellQuery(), location.search);
flushSync(() =>
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);

// this script is imported by main.tsx, so the page may have finished loading already
const offline = () =>
  registerOffline(firstAnswerSettled(), () => whenState(useAppStore, (s) => s.loading === null));
if (document.readyState === 'complete') offline();
else window.addEventListener('load', offline);
