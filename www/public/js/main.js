// The merchant dashboard's entry: starts the library, then routes on the hash.
//   #/disputes?status=open&page=2&order=reverse_chronological   the triage list
//   #/disputes/dspt_test_…                                       one dispute
//   #/transactions?page=3                                        balance transactions

import { h, replace } from './dom.js';
import { startClient } from './client.js';
import { main, parseHash, errorBox, isAbort, setTitle, rememberListHash } from './ui.js';
import { disputesView } from './views/disputes.js';
import { disputeView } from './views/dispute.js';
import { transactionsView } from './views/transactions.js';

let routeSeq = 0;
let routeAbort = null;
let firstRoute = true;

async function route() {
  routeAbort?.abort();
  routeAbort = new AbortController();
  const seq = ++routeSeq;
  let focusTarget = null;
  const ctx = {
    signal: routeAbort.signal,
    current: () => seq === routeSeq,
    reload: () => route(),
    /** The element to focus once the view is shown (instead of the heading). */
    focus: (el) => { focusTarget = el; },
  };
  const focusKey = document.activeElement?.dataset?.focusKey;
  const { path, params } = parseHash();

  for (const a of document.querySelectorAll('[data-nav]')) {
    const on = path.startsWith(`/${a.dataset.nav}`);
    if (on) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  }

  let m;
  try {
    if (path === '/disputes') {
      rememberListHash(location.hash || '#/disputes');
      await disputesView(params, ctx);
    } else if ((m = path.match(/^\/disputes\/([^/]+)$/))) {
      window.scrollTo(0, 0);
      await disputeView(decodeURIComponent(m[1]), ctx);
    } else if (path === '/transactions') {
      await transactionsView(params, ctx);
    } else {
      setTitle('Not found');
      replace(main, h('h1', { tabindex: '-1' }, 'Page not found'),
        h('p', null, 'There is nothing at this address. ', h('a', { href: '#/disputes' }, 'Go to the disputes.')));
    }
  } catch (err) {
    if (isAbort(err) || !ctx.current()) return;
    replace(main, h('h1', { tabindex: '-1' }, 'Something went wrong'), errorBox('The page could not be shown.', err, () => route()));
  }
  if (!ctx.current()) return;
  // Focus: a target the view asked for (the dispute one came back from); else the
  // control that caused the navigation (a tab, a pager link); else the new heading.
  const again = focusKey && main.querySelector(`[data-focus-key="${CSS.escape(focusKey)}"]`);
  if (focusTarget) focusTarget.focus({ preventScroll: true });
  else if (again && !again.matches('.btn-disabled')) again.focus();
  else if (!firstRoute) main.querySelector('h1')?.focus({ preventScroll: true });
  firstRoute = false;
}

// The skip link moves focus to the content; it must not become a route.
document.querySelector('.skip-link')?.addEventListener('click', (e) => {
  e.preventDefault();
  main.focus();
});
// A file dropped anywhere but the drop zone must not replace the page with the file.
for (const ev of ['dragover', 'drop']) {
  window.addEventListener(ev, (e) => {
    if (!e.target.closest?.('.dropzone')) {
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'none';
    }
  });
}
if ('scrollRestoration' in history) history.scrollRestoration = 'manual';

async function start() {
  try {
    await startClient();
  } catch (err) {
    replace(main, h('h1', { tabindex: '-1' }, 'The dashboard could not start'),
      errorBox('The omise-wasm library could not be loaded.', err, () => location.reload()));
    return;
  }
  window.addEventListener('hashchange', route);
  document.documentElement.dataset.ready = 'true';
  await route();
}

start();
