// Tiny DOM helpers. Every piece of text goes in as a Text node (textContent), never as
// HTML: server data such as a dispute message is shown literally and runs nothing.

/**
 * h('a', { href: '#/x', class: 'btn', onclick: fn, 'aria-label': '…' }, 'text', child, …)
 * Attributes: `class`, `on<event>` (listener), `dataset` (object), booleans (set when true),
 * everything else via setAttribute. Children: strings/numbers (text), nodes, arrays, null.
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (v === undefined || v === null || v === false) continue;
      if (k.startsWith('on') && typeof v === 'function') {
        el.addEventListener(k.slice(2), v);
      } else if (k === 'dataset') {
        Object.assign(el.dataset, v);
      } else if (k === 'value' && 'value' in el) {
        el.value = v;
      } else if (v === true) {
        el.setAttribute(k, '');
      } else {
        el.setAttribute(k, String(v));
      }
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c === undefined || c === null || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else if (c instanceof Node) el.appendChild(c);
    else el.appendChild(document.createTextNode(String(c)));
  }
}

/** Replaces the children of `el`. */
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** Sets text (never HTML). */
export function text(el, s) {
  el.textContent = s == null ? '' : String(s);
  return el;
}

let uid = 0;
/** A fresh id for label/aria wiring. */
export function id(prefix = 'id') {
  uid += 1;
  return `${prefix}-${uid}`;
}
