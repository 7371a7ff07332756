// Step 2: the answer (message and metadata). Submitting moves the dispute to pending and
// locks its evidence for good, so it always goes through a confirmation that names what
// will be locked; Enter in a field opens that confirmation, never sends at once. The
// text is kept as a draft per dispute until it is submitted.

import { h, replace, text, id as uid } from '../dom.js';
import { describeError } from '../format.js';
import { omise, call, lit } from '../client.js';
import { errorBox } from '../ui.js';
import { confirmDialog } from '../dialog.js';
import { loadDraft, saveDraft, clearDraft } from '../drafts.js';
import { outcomeUnknown, reconcileDisputeWrite } from '../reconcile.js';

function metadataRow(k = '', v = '', original) {
  const kid = uid('mk'); const vid = uid('mv');
  const row = h('div', { class: 'meta-row' },
    h('label', { for: kid, class: 'visually-hidden' }, 'Metadata key'),
    h('input', { id: kid, class: 'meta-key', type: 'text', value: k, placeholder: 'key', autocomplete: 'off' }),
    h('label', { for: vid, class: 'visually-hidden' }, 'Metadata value'),
    h('input', { id: vid, class: 'meta-val', type: 'text', value: v, placeholder: 'value', autocomplete: 'off' }),
    h('button', { type: 'button', class: 'btn btn-small', 'aria-label': `Remove metadata field ${k}`.trim() }, 'Remove'));
  row._original = original; // the value as the server had it (non-strings keep their type if unchanged)
  row.querySelector('button').addEventListener('click', () => {
    const next = row.nextElementSibling || row.previousElementSibling;
    const form = row.closest('form');
    row.remove();
    form?.dispatchEvent(new Event('input'));
    (next?.querySelector('input') || document.getElementById('add-meta'))?.focus();
  });
  return row;
}

/**
 * The answer form of an open dispute. `onDone(dispute, message)` is called with the
 * dispute as the server has it after the answer (also when a lost answer turned out
 * to have been applied).
 */
export function answerForm(state, { onDone }) {
  const { d } = state;
  const draft = loadDraft(d.id);
  const msgId = uid('message'); const msgErr = uid('message-error'); const msgHint = uid('message-hint');
  const message = h('textarea', { id: msgId, name: 'message', rows: '4', required: true, 'aria-describedby': `${msgHint} ${msgErr}` });
  message.value = draft?.message ?? '';
  const messageError = h('p', { id: msgErr, class: 'field-error' });
  const rows = h('div', { class: 'meta-rows' });
  if (draft) {
    for (const [k, v] of draft.metadata) rows.append(metadataRow(k, v, d.metadata?.[k]));
  } else {
    for (const [k, v] of Object.entries(d.metadata || {})) {
      rows.append(metadataRow(k, typeof v === 'string' ? v : JSON.stringify(v), v));
    }
  }
  const metaError = h('p', { class: 'field-error', id: uid('meta-error') });
  const addBtn = h('button', { type: 'button', class: 'btn btn-small', id: 'add-meta', onclick: () => {
    const r = metadataRow();
    rows.append(r);
    r.querySelector('input').focus();
  } }, '+ Add field');
  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, 'Review and submit answer…');
  const draftNote = h('p', { class: 'hint draft-note', 'aria-live': 'polite' }, draft ? 'Your unsent draft was restored.' : '');
  const formStatus = h('div', { class: 'form-status' });

  const form = h('form', { class: 'card respond', 'aria-labelledby': 'respond-h', novalidate: true },
    h('h2', { id: 'respond-h' }, 'Step 2 · Answer the dispute'),
    h('p', { id: msgHint, class: 'hint' }, 'Explain why the charge is valid. You will be asked to confirm: the answer moves the dispute to pending and locks its evidence.'),
    h('div', { class: 'field' }, h('label', { for: msgId }, 'Message'), message, messageError),
    h('fieldset', { class: 'field' }, h('legend', null, 'Metadata'), rows, metaError, addBtn),
    draftNote,
    h('div', { class: 'actions' }, submit),
    formStatus);

  const rowsNow = () => [...rows.querySelectorAll('.meta-row')].map((r) => [r.querySelector('.meta-key').value, r.querySelector('.meta-val').value]);
  form.addEventListener('input', () => {
    saveDraft(d.id, { message: message.value, metadata: rowsNow() });
    text(draftNote, 'Draft saved in this browser.');
  });

  const fail = (box) => {
    replace(formStatus, box);
    box.focus();
  };

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    text(messageError, ''); message.removeAttribute('aria-invalid');
    text(metaError, '');
    replace(formStatus);
    if (!message.value.trim()) {
      text(messageError, 'Write a message before submitting.');
      message.setAttribute('aria-invalid', 'true');
      message.focus();
      return;
    }
    // Metadata from the rows; sent only when it differs from what the server has.
    const meta = {};
    for (const r of rows.querySelectorAll('.meta-row')) {
      const k = r.querySelector('.meta-key').value.trim();
      const v = r.querySelector('.meta-val').value;
      if (!k && !v) continue;
      if (!k) { text(metaError, 'Every metadata value needs a key.'); r.querySelector('.meta-key').focus(); return; }
      if (Object.hasOwn(meta, k)) { text(metaError, `The key “${k}” appears twice.`); r.querySelector('.meta-key').focus(); return; }
      const o = r._original;
      meta[k] = o !== undefined && typeof o !== 'string' && JSON.stringify(o) === v ? o : v;
    }
    const params = { message: message.value };
    if (JSON.stringify(meta) !== JSON.stringify(d.metadata || {})) params.metadata = meta;

    const docs = state.docs;
    const unsent = state.queue.filter((i) => ['queued', 'uploading', 'processing', 'checking', 'failed', 'unknown'].includes(i.state));
    const ok = await confirmDialog({
      name: 'answer',
      title: 'Submit the answer and lock the evidence?',
      body: [
        h('p', null, `Dispute ${d.id} becomes pending and is decided on what you send now. After this:`),
        h('ul', { class: 'lock-list' },
          h('li', null, docs.length
            ? [`the evidence is locked: ${docs.length} document${docs.length === 1 ? '' : 's'} (`, docs.map((x) => x.filename).join(', '), ') will be sent, and none can be added or removed;']
            : 'no evidence is attached, and none can be added afterwards;'),
          h('li', null, 'the answer cannot be changed, and the dispute can no longer be accepted.')),
        unsent.length ? h('p', { class: 'warning' }, `${unsent.length} file${unsent.length === 1 ? ' in the queue has' : 's in the queue have'} not been uploaded and will not be part of the answer.`) : null,
      ],
      confirm: 'Submit answer and lock evidence',
      cancel: 'Keep editing',
      returnTo: submit,
      danger: false,
    });
    if (!ok) return;

    submit.disabled = true; text(submit, 'Submitting…'); form.setAttribute('aria-busy', 'true');
    const done = () => { submit.disabled = false; text(submit, 'Review and submit answer…'); form.setAttribute('aria-busy', 'false'); };
    let updated;
    try {
      updated = await call(`await omise.disputes.update(${lit(d.id)}, ${lit(params)})`, () => omise.disputes.update(d.id, params));
    } catch (err) {
      if (err?.name === 'OmiseValidationError' && err.param === 'message') {
        done();
        text(messageError, err.code === 'missing_message' ? 'Write a message before submitting.' : describeError(err));
        message.setAttribute('aria-invalid', 'true');
        message.focus();
        return;
      }
      if (err?.name === 'OmiseValidationError' && err.param === 'metadata') {
        done();
        text(metaError, describeError(err));
        return;
      }
      if (!outcomeUnknown(err)) {
        done();
        return fail(errorBox('The answer was not submitted. Nothing changed.', err));
      }
      // The answer may have been applied: read the dispute back before saying anything.
      text(submit, 'Checking…');
      return reconcileDisputeWrite({
        id: d.id, err, settle: done, onDone, fail,
        applied: (now) => now.status === 'pending' && now.message === params.message,
        words: {
          unreadable: 'The answer may or may not have been received: the connection failed, and the dispute could not be read back. Reload the page to see its status before submitting again.',
          appliedChecked: 'The connection failed after sending, but the server received your answer (checked).',
          notYet: 'No answer in time, and the dispute is still open (checked). The server may still apply your answer: check again before you submit it again.',
          appliedLater: 'The server received your answer after all (checked).',
          notApplied: 'The answer was not received: the dispute is still open (checked with the server). Your text is kept; submit it again when ready.',
        },
      });
    }
    clearDraft(d.id);
    onDone(updated, 'Answer submitted.');
  });
  return form;
}
