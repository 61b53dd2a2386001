// The frame every UI shares: header with navigation and the signed-in user, alert and status
// regions, a hash router, and the sign-in form.
import { currentSession, signIn, signOut } from './api.js';
import { busy, clearMessages, field, h } from './dom.js';

/**
 * requireRole: one role name, or a list of which the user needs any. signInExtra: an async
 * function giving what the sign-in form offers beside it (the Developer Portal's "Create an
 * account"), or null.
 */
export function startApp({ title, nav, routes, fallback, requireRole, signInExtra }) {
  const state = { session: null };
  const main = document.getElementById('main');
  const userBox = document.getElementById('user');
  const navList = document.getElementById('nav');

  function renderHeader() {
    navList.replaceChildren(
      ...nav
        .filter((n) => !n.signedIn || state.session)
        .map((n) =>
          h(
            'li',
            {},
            n.disabled
              ? h(
                  'span',
                  { class: 'soon', title: 'Not yet available' },
                  `${n.label} (not yet available)`,
                )
              : h('a', { href: n.href }, n.label),
          ),
        ),
    );
    userBox.replaceChildren();
    if (state.session) {
      const out = h('button', { type: 'button', class: 'secondary', id: 'sign-out' }, 'Sign out');
      out.addEventListener('click', () =>
        busy(out, 'Signing out', async () => {
          await signOut();
          state.session = null;
          location.hash = '#/signin';
          render();
        }),
      );
      userBox.append(h('span', { class: 'who' }, `Signed in as ${state.session.username}`), out);
    }
  }

  /** The sign-in form, with what the page offers beside it. */
  async function signInView() {
    let extra = null;
    try {
      extra = signInExtra ? await signInExtra() : null;
    } catch {
      extra = null;
    }
    return signInPage(extra);
  }

  function signInPage(extra) {
    const user = field('Username', { name: 'username', autocomplete: 'username', required: true });
    const pass = field('Password', {
      name: 'password',
      type: 'password',
      autocomplete: 'current-password',
      required: true,
    });
    const submit = h('button', { type: 'submit' }, 'Sign in');
    const form = h(
      'form',
      { class: 'card narrow', 'aria-labelledby': 'signin-title' },
      h('h1', { id: 'signin-title' }, `Sign in to the ${title}`),
      user.el,
      pass.el,
      submit,
      extra ?? null,
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      busy(submit, 'Signing in', async () => {
        state.session = await signIn(user.input.value, pass.input.value);
        if (location.hash === '#/signin' || location.hash === '#/signup' || !location.hash)
          location.hash = fallback;
        render();
      });
    });
    return form;
  }

  async function render() {
    clearMessages();
    renderHeader();
    const hash = location.hash || fallback;
    for (const route of routes) {
      const m = hash.match(route.pattern);
      if (!m) continue;
      if (route.public || state.session) {
        const needed = requireRole ? [requireRole].flat() : [];
        if (
          !route.public &&
          needed.length > 0 &&
          !needed.some((r) => state.session.roles.includes(r))
        ) {
          const which =
            needed.length === 1
              ? `the ${needed[0]} role`
              : `the ${needed.slice(0, -1).join(', ')} or ${needed.at(-1)} role`;
          main.replaceChildren(
            h(
              'section',
              { class: 'card narrow', id: 'not-allowed' },
              h('h1', {}, 'Not allowed'),
              h(
                'p',
                {},
                `The ${title} is for users with ${which}; ${state.session.username} does not have it. Ask an administrator to grant it.`,
              ),
            ),
          );
          main.focus();
          return;
        }
        main.replaceChildren(h('p', { class: 'loading' }, 'Loading…'));
        try {
          const page = await route.render(m.slice(1), { state, signInView, rerender: render });
          main.replaceChildren(page);
        } catch (err) {
          main.replaceChildren(
            h(
              'section',
              { class: 'card' },
              h('h1', {}, 'Something went wrong'),
              h('p', { role: 'alert' }, err.message),
            ),
          );
          if (err.status === 401) {
            state.session = null;
            renderHeader();
            main.replaceChildren(await signInView());
          }
        }
        main.focus();
        return;
      }
      main.replaceChildren(await signInView());
      return;
    }
    location.hash = fallback;
  }

  window.addEventListener('hashchange', render);
  (async () => {
    try {
      state.session = await currentSession();
    } catch {
      state.session = null;
    }
    render();
  })();
  return { state, render };
}
