// The other way out of an open dispute: accepting it (conceding). The dispute becomes
// lost; behind a confirmation that says what that means.

import { h, replace, text } from '../dom.js';
import { formatMoney } from '../format.js';
import { omise, call, lit } from '../client.js';
import { errorBox } from '../ui.js';
import { confirmDialog } from '../dialog.js';
import { clearDraft } from '../drafts.js';
import { outcomeUnknown, reconcileDisputeWrite } from '../reconcile.js';

/** The "Accept dispute" section; `onDone(dispute, message)` as in the answer form. */
export function acceptSection(state, { onDone }) {
  const { d } = state;
  const status = h('div', { class: 'form-status' });
  const button = h('button', { type: 'button', class: 'btn btn-danger', id: 'accept-dispute' }, 'Accept dispute…');
  const fail = (box) => { replace(status, box); box.focus(); };
  button.addEventListener('click', async () => {
    replace(status);
    const ok = await confirmDialog({
      name: 'accept',
      title: 'Accept this dispute?',
      body: [
        h('p', null, `You concede dispute ${d.id}: it is closed as lost and ${formatMoney(d.amount, d.currency)} stays with the cardholder.`),
        h('p', null, 'You can no longer answer it or add evidence, and this cannot be undone.'),
      ],
      confirm: 'Accept dispute',
      cancel: 'Keep the dispute open',
      returnTo: button,
    });
    if (!ok) return;
    button.disabled = true; text(button, 'Accepting…');
    const reset = () => { button.disabled = false; text(button, 'Accept dispute…'); };
    let accepted;
    try {
      accepted = await call(`await omise.disputes.accept(${lit(d.id)})`, () => omise.disputes.accept(d.id));
    } catch (err) {
      if (!outcomeUnknown(err)) { reset(); return fail(errorBox('The dispute was not accepted. Nothing changed.', err)); }
      text(button, 'Checking…');
      return reconcileDisputeWrite({
        id: d.id, err, settle: reset, onDone, fail,
        applied: (now) => now.status === 'lost',
        words: {
          unreadable: 'The dispute may or may not have been accepted: the connection failed, and it could not be read back. Reload the page to see its status.',
          appliedChecked: 'The connection failed after sending, but the dispute was accepted (checked).',
          notYet: 'No answer in time, and the dispute is still open (checked). The server may still accept it: check again before you accept again.',
          appliedLater: 'The dispute was accepted after all (checked).',
          notApplied: 'The dispute was not accepted: it is still open (checked with the server).',
        },
      });
    }
    clearDraft(d.id);
    onDone(accepted, 'You accepted the dispute.');
  });
  return h('section', { class: 'card concede', 'aria-labelledby': 'accept-h' },
    h('h2', { id: 'accept-h' }, 'Or accept the dispute'),
    h('p', { class: 'hint' }, 'If the cardholder is right, concede instead of answering: the dispute closes as lost.'),
    h('div', { class: 'actions' }, button),
    status);
}
