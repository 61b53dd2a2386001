// Small DOM helpers: elements are built, never parsed from strings (no innerHTML), so nothing
// the server returns can become markup.

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, String(v));
  }
  for (const c of children.flat())
    if (c !== undefined && c !== null && c !== false) el.append(c instanceof Node ? c : String(c));
  return el;
}

let fieldSeq = 0;

/** A labelled input: label and control tied by id. */
export function field(label, attrs = {}, hint) {
  const id = attrs.id ?? `f${++fieldSeq}`;
  const input =
    attrs.type === 'textarea'
      ? h('textarea', { ...attrs, type: undefined, value: undefined, id })
      : h('input', { type: 'text', ...attrs, id });
  if (attrs.type === 'textarea' && attrs.value !== undefined) input.value = attrs.value;
  const hintEl = hint ? h('p', { class: 'hint', id: `${id}-hint` }, hint) : null;
  if (hintEl) input.setAttribute('aria-describedby', hintEl.id);
  return { input, el: h('div', { class: 'field' }, h('label', { for: id }, label), input, hintEl) };
}

export function select(label, options, value, attrs = {}) {
  const id = attrs.id ?? `f${++fieldSeq}`;
  const input = h(
    'select',
    { ...attrs, id },
    options.map(([v, text]) => h('option', { value: v, selected: v === value }, text)),
  );
  return { input, el: h('div', { class: 'field' }, h('label', { for: id }, label), input) };
}

export function checkbox(label, checked, attrs = {}) {
  const id = attrs.id ?? `f${++fieldSeq}`;
  const input = h('input', { type: 'checkbox', ...attrs, id, checked });
  return { input, el: h('div', { class: 'check' }, input, h('label', { for: id }, label)) };
}

/** A status line (progress, success) and an alert for errors, both announced to screen readers. */
const status = () => document.getElementById('status');
const alertBox = () => document.getElementById('error');

export function showError(err) {
  const box = alertBox();
  box.textContent = err?.message ?? String(err);
  box.hidden = false;
  box.focus();
}

export function clearMessages() {
  alertBox().hidden = true;
  alertBox().textContent = '';
  status().textContent = '';
}

export function showStatus(text) {
  status().textContent = text;
}

/**
 * Runs a slow action: the button is disabled and shows a spinner, a progress message is
 * announced, and any failure is shown in the alert box. Returns the action's result or undefined.
 */
export async function busy(button, label, action) {
  clearMessages();
  const original = button?.textContent;
  if (button) {
    button.disabled = true;
    button.setAttribute('aria-busy', 'true');
    button.textContent = `${label}…`;
  }
  document.body.classList.add('busy');
  const progress = `${label}…`;
  showStatus(progress);
  // Clears the progress line unless the action replaced it with its own message.
  const done = () => {
    if (status().textContent === progress) showStatus('');
  };
  try {
    const result = await action();
    done();
    return result;
  } catch (err) {
    done();
    showError(err);
    return undefined;
  } finally {
    document.body.classList.remove('busy');
    if (button && button.isConnected) {
      button.disabled = false;
      button.removeAttribute('aria-busy');
      button.textContent = original;
    }
  }
}

/** A read-only value with a Copy button. */
export function copyable(label, value, attrs = {}) {
  const f = field(label, { readonly: true, value, class: 'mono', ...attrs });
  const button = h('button', { type: 'button', class: 'secondary' }, 'Copy');
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(f.input.value);
      showStatus(`${label} copied to the clipboard.`);
    } catch {
      f.input.select();
      showStatus(`Press Ctrl+C to copy the ${label.toLowerCase()}.`);
    }
  });
  f.el.classList.add('copy');
  f.el.append(button);
  return f;
}

export const formatDate = (ms) =>
  new Date(ms).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
export const formatDay = (day) => new Date(day * 86_400_000).toISOString().slice(0, 10);
