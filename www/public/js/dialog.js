// A modal confirmation with the native <dialog>: focus moves into it, Escape cancels,
// and focus goes back to `returnTo` (or the opener) when it closes.

import { h, id as uid } from './dom.js';

/**
 * Resolves true when the user confirms. `body` is text or nodes; `danger` styles the
 * confirm button as destructive.
 */
export function confirmDialog({ title, body, confirm, cancel = 'Cancel', danger = true, name = 'confirm', returnTo }) {
  // Where focus goes back to: the control that opened the dialog (a click need not focus it).
  const opener = returnTo || document.activeElement;
  return new Promise((resolve) => {
    const tid = uid('dlg-title'); const bid = uid('dlg-body');
    const dlg = h('dialog', { class: 'confirm', 'aria-labelledby': tid, 'aria-describedby': bid, dataset: { dialog: name } },
      h('h2', { id: tid }, title),
      h('div', { id: bid, class: 'dialog-body' }, body),
      h('form', { method: 'dialog', class: 'actions' },
        h('button', { value: 'cancel', class: 'btn', autofocus: true }, cancel),
        h('button', { value: 'ok', class: `btn ${danger ? 'btn-danger' : 'btn-primary'}` }, confirm)));
    dlg.addEventListener('close', () => {
      const ok = dlg.returnValue === 'ok';
      dlg.remove();
      if (!ok && opener instanceof HTMLElement && opener.isConnected) opener.focus();
      resolve(ok);
    });
    document.body.append(dlg);
    dlg.showModal();
  });
}
