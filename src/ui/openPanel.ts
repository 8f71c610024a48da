import type { PanelId } from './PanelTabs';

/**
 * Switch panels from inside a panel, as choosing its tab does: the hash names the panel (no
 * history entry) and the page follows the hash. Focus goes to the new panel's tab, so a keyboard
 * user is not left on a button that has just disappeared.
 */
export function openPanel(id: PanelId) {
  history.replaceState(history.state, '', `#${id}`);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
  document.getElementById(`tab-${id}`)?.focus();
}
