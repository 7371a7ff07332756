// Step 1 of answering: the evidence. The documents already attached, and a queue of
// files to add: several at once (picked or dropped), each checked as soon as it is chosen
// (type by content, size, emptiness), uploaded one after the other with its own progress,
// "processing" while the server has the bytes but has not answered, and, when an answer
// is lost, checked against the server before anything is sent again.

import { h, replace, text, id as uid } from '../dom.js';
import { humanize, describeError, describeFileError } from '../format.js';
import { omise, call, lit } from '../client.js';
import { announce, timeEl, errorBox, isAbort, tableWrap, formatSize } from '../ui.js';
import { confirmDialog } from '../dialog.js';
import { outcomeUnknown, landedUpload } from '../reconcile.js';

export const KINDS = ['proof_of_receipt', 'details_of_purchase', 'cardholder_details', 'proof_of_acceptance'];
const MAX_FILE = 10 * 1024 * 1024;

/** PNG, JPEG or PDF by the first bytes, as the library and the API check them. */
function sniff(b) {
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (png.every((x, i) => b[i] === x)) return 'PNG';
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'JPEG';
  if (String.fromCharCode(...b.slice(0, 5)) === '%PDF-') return 'PDF';
  return null;
}

/** Why `file` cannot be evidence (and the library's code for it), or null. */
async function checkFile(file) {
  if (file.size === 0) return { code: 'empty_file', message: 'This file is empty.' };
  if (file.size > MAX_FILE) return { code: 'file_too_large', message: `This file is ${formatSize(file.size)}, larger than 10 MB. Choose a smaller PDF, PNG or JPEG file.` };
  let head;
  try {
    head = new Uint8Array(await file.slice(0, 8).arrayBuffer());
  } catch {
    return { code: 'unreadable_file', message: 'This file could not be read.' };
  }
  if (!sniff(head)) return { code: 'unsupported_file_type', message: 'This file is not a PDF, PNG or JPEG document (its contents were checked, not just its name).' };
  return null;
}

const STATE_TEXT = {
  rejected: 'Not added',
  queued: 'Ready to upload',
  uploading: 'Uploading',
  processing: 'Processing… (sent, waiting for the server)',
  checking: 'Checking whether it arrived…',
  done: 'Uploaded',
  failed: 'Not uploaded',
  unknown: 'Unknown: could not check',
  cancelled: 'Cancelled',
};

/**
 * The evidence section of an open dispute (or, with `locked` text, the list of a
 * dispute that can no longer change). `state` holds `d` (the dispute), `docs` and `queue`.
 */
export function evidenceSection(state, { locked }) {
  const { d } = state;
  const headingId = uid('evidence-h');
  const listBox = h('div', { class: 'docs-list' });
  const docStatus = h('div', { class: 'doc-status' });
  const section = h('section', { class: 'card evidence', 'aria-labelledby': headingId });

  const drawDocs = () => {
    if (state.docs.length === 0) {
      replace(listBox, h('p', { class: 'muted', id: 'no-docs' }, locked ? 'No evidence was attached.' : 'No documents yet.'));
      return;
    }
    const caption = `Evidence documents of dispute ${d.id}`;
    replace(listBox, tableWrap('Evidence documents', h('table', { class: 'data', id: 'documents-table' },
      h('caption', { class: 'visually-hidden' }, caption),
      h('thead', null, h('tr', null,
        h('th', { scope: 'col' }, 'File'), h('th', { scope: 'col' }, 'Kind'), h('th', { scope: 'col' }, 'Uploaded'),
        locked ? null : h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Actions')))),
      h('tbody', null, state.docs.map((doc) => h('tr', { dataset: { documentId: doc.id } },
        h('th', { scope: 'row' }, doc.download_uri
          ? h('a', { href: doc.download_uri, class: 'doc-link', download: doc.filename, rel: 'noopener noreferrer', target: '_blank' }, doc.filename,
            h('span', { class: 'visually-hidden' }, ' (download)'))
          : doc.filename),
        h('td', null, doc.kind ? humanize(doc.kind) : h('span', { class: 'muted' }, '—')),
        h('td', null, timeEl(doc.created_at)),
        locked ? null : h('td', null, h('button', {
          type: 'button', class: 'btn btn-small btn-danger', 'aria-label': `Delete ${doc.filename}`,
          dataset: { focusKey: `delete-${doc.id}` },
          onclick: (e) => deleteDoc(doc, e.currentTarget),
        }, 'Delete'))))))));
  };

  const deleteDoc = async (doc, opener) => {
    const ok = await confirmDialog({
      name: 'delete',
      title: `Delete ${doc.filename}?`,
      body: `This removes the document from dispute ${d.id}. It cannot be undone.`,
      confirm: 'Delete document',
      returnTo: opener,
    });
    if (!ok) return;
    opener.disabled = true; text(opener, 'Deleting…');
    replace(docStatus);
    const gone = () => {
      const i = state.docs.findIndex((x) => x.id === doc.id);
      state.docs = state.docs.filter((x) => x.id !== doc.id);
      drawDocs();
      // Focus the next document's Delete button, or the heading when none is left.
      const next = state.docs[Math.min(i, state.docs.length - 1)];
      (next && section.querySelector(`[data-focus-key="delete-${CSS.escape(next.id)}"]`) || section.querySelector('h2'))?.focus();
    };
    try {
      await call(`await omise.documents.destroy(${lit(d.id)}, ${lit(doc.id)})`, () => omise.documents.destroy(d.id, doc.id));
    } catch (err) {
      if (outcomeUnknown(err)) {
        // The DELETE may have been applied: look before saying anything.
        try {
          const still = (await omise.documents.list(d.id, { limit: 100 })).data.some((x) => x.id === doc.id);
          if (!still) {
            gone();
            say(`${doc.filename} was deleted (the answer was lost on the way, so this was checked with the server).`);
            return;
          }
          opener.disabled = false; text(opener, 'Delete');
          const box = errorBox(`${doc.filename} was not deleted: the server still has it.`, err);
          replace(docStatus, box); box.focus();
          return;
        } catch {
          // Fall through: not even the check worked.
        }
      }
      opener.disabled = false; text(opener, 'Delete');
      const box = errorBox(`${doc.filename} was not deleted.`, err);
      replace(docStatus, box); box.focus();
      return;
    }
    gone();
    say(`${doc.filename} deleted.`);
  };

  const say = (msg) => {
    replace(docStatus, h('p', { class: 'notice', role: 'status' }, msg));
    announce(msg);
  };

  replace(section,
    h('h2', { id: headingId, tabindex: '-1' }, locked ? 'Evidence (locked)' : 'Step 1 · Evidence'),
    locked ? h('p', { class: 'hint' }, locked) : h('p', { class: 'hint' }, 'Attach receipts, delivery proof and the like before you answer: once the answer is submitted, evidence can no longer be added or removed.'),
    listBox, docStatus,
    locked ? null : uploadQueue(state, { drawDocs }));
  drawDocs();
  return section;
}

function uploadQueue(state, { drawDocs }) {
  const { d } = state;
  const kindId = uid('kind'); const fileId = uid('file'); const hintId = uid('file-hint');
  const kind = h('select', { id: kindId, name: 'kind' }, KINDS.map((k) => h('option', { value: k }, humanize(k))));
  const input = h('input', {
    id: fileId, name: 'file', type: 'file', multiple: true, class: 'file-input',
    accept: '.pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg', 'aria-describedby': hintId,
  });
  const drop = h('div', { class: 'dropzone', id: 'dropzone' },
    input,
    h('label', { for: fileId, class: 'btn file-button' }, 'Choose files…'),
    h('span', { class: 'drop-text' }, ' or drop them here'));
  const list = h('ul', { class: 'queue', 'aria-label': 'Files to upload' });
  const start = h('button', { type: 'submit', class: 'btn btn-primary', id: 'upload-start' }, 'Upload');
  const summary = h('p', { class: 'queue-summary', role: 'status', tabindex: '-1' });
  let running = false;

  const pending = () => state.queue.filter((i) => i.state === 'queued');
  const refresh = () => {
    const n = pending().length;
    text(start, running ? 'Uploading…' : n > 1 ? `Upload ${n} files` : 'Upload');
    start.disabled = running || n === 0;
    list.hidden = state.queue.length === 0;
  };

  const drawItem = (item) => {
    const pct = item.total > 0 ? Math.min(100, Math.floor((item.loaded / item.total) * 100)) : 0;
    const label = item.state === 'uploading' ? `${STATE_TEXT.uploading} ${pct}%` : STATE_TEXT[item.state];
    const actions = [];
    if (['rejected', 'queued', 'failed', 'cancelled'].includes(item.state)) {
      actions.push(h('button', { type: 'button', class: 'btn btn-small', 'aria-label': `Remove ${item.file.name} from the queue`, onclick: () => removeItem(item) }, 'Remove'));
    }
    if (item.state === 'uploading') {
      actions.push(h('button', { type: 'button', class: 'btn btn-small', 'aria-label': `Cancel the upload of ${item.file.name}`, onclick: () => item.abort?.abort() }, 'Cancel'));
    }
    if (item.state === 'failed' || item.state === 'unknown' || item.state === 'cancelled') {
      actions.push(h('button', { type: 'button', class: 'btn btn-small', 'aria-label': `Upload ${item.file.name} again`, dataset: { action: 'again' }, onclick: () => again(item) },
        item.state === 'unknown' ? 'Check and upload' : 'Upload again'));
    }
    replace(item.el,
      h('div', { class: 'item-head' },
        h('span', { class: 'item-name' }, item.file.name),
        h('span', { class: 'muted' }, ` · ${formatSize(item.file.size)} · ${humanize(item.kind)}`)),
      ['uploading', 'processing'].includes(item.state)
        ? h('progress', { max: '100', value: String(item.state === 'processing' ? 100 : pct), 'aria-label': `Upload of ${item.file.name}`, 'aria-valuetext': label })
        : null,
      h('p', { class: 'item-status' }, h('span', { class: 'state' }, label), item.message ? ` · ${item.message}` : null),
      actions.length ? h('div', { class: 'actions' }, actions) : null);
    item.el.dataset.state = item.state;
    if (item.code) item.el.dataset.code = item.code;
  };

  const removeItem = (item) => {
    const i = state.queue.indexOf(item);
    state.queue.splice(i, 1);
    item.el.remove();
    refresh();
    const next = state.queue[Math.min(i, state.queue.length - 1)];
    (next?.el.querySelector('button') || input).focus();
  };

  const add = async (files) => {
    const items = [...files].map((file) => {
      const item = { file, kind: kind.value, state: 'checking', loaded: 0, total: 0, el: h('li', { class: 'queue-item' }) };
      state.queue.push(item);
      list.append(item.el);
      drawItem(item);
      return item;
    });
    refresh();
    await Promise.all(items.map(async (item) => {
      const problem = await checkFile(item.file);
      item.state = problem ? 'rejected' : 'queued';
      item.message = problem?.message;
      item.code = problem?.code;
      drawItem(item);
    }));
    refresh();
    const bad = items.filter((i) => i.state === 'rejected').length;
    announce(`${items.length - bad} file${items.length - bad === 1 ? '' : 's'} ready to upload${bad ? `, ${bad} not added: see the queue` : ''}.`);
  };

  input.addEventListener('change', () => {
    if (input.files.length) add(input.files);
    input.value = '';
  });
  for (const ev of ['dragenter', 'dragover']) {
    drop.addEventListener(ev, (e) => { e.preventDefault(); drop.classList.add('dragging'); });
  }
  for (const ev of ['dragleave', 'dragend', 'drop']) {
    drop.addEventListener(ev, () => drop.classList.remove('dragging'));
  }
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    e.stopPropagation();
    const files = e.dataTransfer?.files;
    if (files?.length) add(files);
  });

  const uploadOne = async (item) => {
    item.known ??= new Set(state.docs.map((x) => x.id));
    item.abort = new AbortController();
    item.state = 'uploading'; item.loaded = 0; item.total = item.file.size; item.message = '';
    drawItem(item);
    const options = { kind: item.kind };
    try {
      item.doc = await call(`await omise.documents.upload(${lit(d.id)}, file /* ${item.file.name} */, ${lit(options)})`,
        () => omise.documents.upload(d.id, item.file, {
          ...options,
          signal: item.abort.signal,
          onProgress: ({ loaded, total }) => {
            item.loaded = loaded; item.total = total;
            // Every byte is out; the server has not answered yet.
            if (loaded >= total && item.state === 'uploading') item.state = 'processing';
            drawItem(item);
          },
        }));
      item.state = 'done';
    } catch (err) {
      item.abort = null;
      if (err?.name === 'OmiseValidationError' && (err.param === 'file' || err.param === 'filename')) {
        item.state = 'rejected'; item.code = err.code; item.message = describeFileError(err);
      } else if (outcomeUnknown(err) || isAbort(err)) {
        // The bytes may have arrived: look before offering to send them again.
        await settle(item, err);
      } else {
        item.state = 'failed'; item.message = describeError(err);
      }
    }
    item.abort = null;
    if (item.state === 'done') {
      state.docs = [...state.docs, item.doc];
      drawDocs();
    }
    drawItem(item);
  };

  /** After an unknown outcome: done if the document landed, else failed (or unknown). */
  const settle = async (item, err) => {
    item.state = 'checking'; item.message = '';
    drawItem(item);
    try {
      const landed = await landedUpload(d.id, item.file.name, item.known);
      if (landed) {
        item.state = 'done'; item.doc = landed;
        item.message = 'the connection failed after sending, but the server has the file (checked)';
      } else {
        item.state = isAbort(err) ? 'cancelled' : 'failed';
        item.message = isAbort(err) ? 'nothing was attached (checked)'
          : err?.name === 'OmiseTimeoutError' ? `${describeError(err)} Nothing is attached yet (checked); "Upload again" checks once more before it sends.`
            : `${describeError(err)} Nothing was attached (checked with the server).`;
      }
    } catch {
      item.state = 'unknown';
      item.message = 'the upload failed and the server could not be asked whether the file arrived';
    }
  };

  const again = async (item) => {
    // Before re-sending: did the earlier attempt land after all?
    await settle(item, null);
    if (item.state === 'done') {
      state.docs = [...state.docs, item.doc];
      drawDocs();
      drawItem(item);
      summary.textContent = `${item.file.name} had already arrived; it was not sent again.`;
      summary.focus();
      return;
    }
    if (item.state === 'unknown') { drawItem(item); return; }
    item.state = 'queued'; item.message = '';
    drawItem(item);
    await run();
  };

  const run = async () => {
    if (running) return;
    running = true;
    refresh();
    summary.textContent = '';
    const batch = pending();
    for (const item of batch) await uploadOne(item);
    running = false;
    refresh();
    const ok = batch.filter((i) => i.state === 'done').length;
    summary.textContent = ok === batch.length
      ? `${ok === 1 ? `${batch[0].file.name} was` : `${ok} files were`} uploaded.`
      : `${ok} of ${batch.length} files uploaded; see the queue for the others.`;
    summary.dataset.done = String(ok);
    summary.focus();
  };

  const form = h('form', { class: 'upload', 'aria-labelledby': 'upload-h', novalidate: true },
    h('h3', { id: 'upload-h' }, 'Add evidence'),
    h('div', { class: 'field' }, h('label', { for: kindId }, 'Kind of evidence'), kind),
    h('div', { class: 'field' },
      h('p', { id: hintId, class: 'hint' }, 'PDF, PNG or JPEG, up to 10 MB each. Each file is checked as soon as you choose it.'),
      drop),
    list,
    h('div', { class: 'actions' }, start),
    summary);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    run();
  });
  for (const item of state.queue) { list.append(item.el); drawItem(item); }
  refresh();
  return form;
}
