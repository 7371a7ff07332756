// What to do when a write's outcome is unknown. The library never retries PATCH, POST or
// DELETE: after a lost answer the server may have applied the request. Re-sending could
// fail misleadingly (a second answer: invalid_dispute) or do it twice (a second upload).
// So the page reads the state back and says what actually happened.

import { omise } from './client.js';
import { h } from './dom.js';
import { errorBox } from './ui.js';
import { clearDraft } from './drafts.js';

/**
 * Whether the server may have applied a write that rejected with `err`: the answer was
 * lost (network), unreadable (malformed), late (timeout) or a server failure (5xx).
 */
export function outcomeUnknown(err) {
  if (!err || typeof err !== 'object') return false;
  if (err.name === 'OmiseNetworkError' || err.name === 'OmiseTimeoutError') return true;
  return err.name === 'OmiseApiError' && err.status >= 500;
}

/** The dispute and its documents as the server has them now (GETs are retried by the library). */
export async function readBack(disputeId) {
  const dispute = await omise.disputes.retrieve(disputeId);
  const docs = await documentsOf(dispute);
  return { dispute, docs };
}

/** Every document of a dispute: the embedded page when it is complete, else a list call. */
export async function documentsOf(dispute) {
  const embedded = dispute.documents;
  if (embedded && Array.isArray(embedded.data) && embedded.data.length >= embedded.total) return embedded.data;
  const list = await omise.documents.list(dispute.id, { limit: 100 });
  return list.data;
}

/**
 * After an upload of `filename` failed with an unknown outcome (or before sending it
 * again): the document that landed meanwhile, if any. `knownIds` are the documents
 * that were there before the upload started.
 */
export async function landedUpload(disputeId, filename, knownIds) {
  const list = await omise.documents.list(disputeId, { limit: 100 });
  return list.data.find((d) => d.filename === filename && !knownIds.has(d.id)) || null;
}

/**
 * After a timeout the server may still be working on the request: "not applied" is only
 * true for now. An error box that says so, with a "Check again" button that runs
 * `check()` (which resolves true once it has handled an applied write).
 */
export function notYetBox(title, err, check) {
  const box = errorBox(title, err);
  const status = h('p', { class: 'check-status', role: 'status' });
  const button = h('button', { type: 'button', class: 'btn', dataset: { action: 'check-again' } }, 'Check again');
  button.addEventListener('click', async () => {
    button.disabled = true;
    status.textContent = 'Checking…';
    try {
      if (await check()) return;
      status.textContent = `Still not applied (checked at ${new Date().toLocaleTimeString()}).`;
    } catch {
      status.textContent = 'The check failed too; try again in a moment.';
    }
    button.disabled = false;
  });
  box.append(status, button);
  return box;
}

/**
 * After a write to dispute `id` (an answer, an accept) rejected with an unknown outcome
 * `err`: reads the dispute back and reports what happened. `applied(dispute)` says
 * whether the write took; `words` holds what to say (`unreadable`, `appliedChecked`,
 * `notYet`, `appliedLater`, `notApplied`); `settle()` runs once the read is back;
 * `onDone(dispute, message)` and `fail(box)` report, as the forms do.
 */
export async function reconcileDisputeWrite({ id, err, applied, words, settle, onDone, fail }) {
  const changed = (d) => `The dispute changed meanwhile: it is now ${d.status}.`;
  let now;
  try {
    now = (await readBack(id)).dispute;
  } catch {
    settle();
    return fail(errorBox(words.unreadable, err));
  }
  settle();
  if (applied(now)) {
    clearDraft(id);
    return onDone(now, words.appliedChecked);
  }
  if (now.status === 'open' && err.name === 'OmiseTimeoutError') {
    // Late is not lost: the server may apply the write after this check.
    const check = async () => {
      const later = (await readBack(id)).dispute;
      if (later.status === 'open') return false;
      clearDraft(id);
      onDone(later, applied(later) ? words.appliedLater : changed(later));
      return true;
    };
    return fail(notYetBox(words.notYet, err, check));
  }
  if (now.status === 'open') return fail(errorBox(words.notApplied, err));
  return onDone(now, changed(now));
}
