import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './styles.css';
import { registerOffline } from './offline';
import { engineClient } from './store/workers';

// start downloading and parsing TF.js in its worker now; it does not block the first paint
engineClient();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

window.addEventListener('load', registerOffline);
