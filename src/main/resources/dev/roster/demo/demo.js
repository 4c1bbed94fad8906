// The demo page's own script (no inline script: the page runs under a strict CSP with
// Trusted Types). It lists the demo apps, loads <roster-members> from Roster, and gives it a
// getToken() that behaves like Clerk's session.getToken(): a short-lived token, cached and
// renewed shortly before it expires.
(() => {
  'use strict';
  const widget = document.getElementById('members');
  const appsBox = document.getElementById('apps');
  const large = document.getElementById('large');
  const dark = document.getElementById('dark');
  const caller = document.getElementById('caller');
  const scripts = window.trustedTypes
    ? window.trustedTypes.createPolicy('roster-demo', {
        createScriptURL: (url) => {
          if (new URL(url, location.href).origin !== location.origin) {
            throw new TypeError('only this origin');
          }
          return url;
        },
      })
    : { createScriptURL: (url) => url };
  let apps = [];
  let current = null;
  let cached = null;

  async function getToken() {
    const key = `${current}|${large.checked}`;
    if (cached && cached.key === key && cached.expiresAt - Date.now() > 15000) {
      return cached.token;
    }
    const query = `app=${encodeURIComponent(current)}&large=${large.checked}`;
    const response = await fetch(`/demo/token?${query}`, { method: 'POST', cache: 'no-store' });
    if (!response.ok) {
      return null;
    }
    const minted = await response.json();
    cached = { key, token: minted.token, expiresAt: Date.now() + minted.expiresInSeconds * 1000 };
    caller.textContent = `Signed in to ${current} as ${minted.subject} of ${minted.orgId} ` +
      `(a ${minted.expiresInSeconds}-second token from the demo issuer).`;
    return minted.token;
  }

  function choose(name) {
    const app = apps.find((candidate) => candidate.name === name) || apps[0];
    current = app.name;
    large.disabled = !app.largeOrganisation;
    if (large.disabled) {
      large.checked = false;
    }
    cached = null;
    history.replaceState(null, '', `#${encodeURIComponent(current)}`);
    appsBox.querySelectorAll('input').forEach((input) => {
      input.checked = input.value === current;
    });
    widget.setAttribute('app', current);
  }

  function segment(app) {
    const label = document.createElement('label');
    const input = document.createElement('input');
    input.type = 'radio';
    input.name = 'app';
    input.value = app.name;
    input.addEventListener('change', () => choose(app.name));
    const name = document.createElement('strong');
    name.textContent = app.name;
    const kind = document.createElement('small');
    kind.textContent = app.directory;
    label.append(input, name, kind);
    return label;
  }

  async function start() {
    const response = await fetch('/demo/apps', { cache: 'no-store' });
    apps = await response.json();
    apps.forEach((app) => appsBox.append(segment(app)));
    choose(decodeURIComponent(location.hash.slice(1)));
    large.addEventListener('change', () => {
      cached = null;
      widget.refresh();
    });
    dark.addEventListener('change', () => document.body.classList.toggle('dark', dark.checked));
    const script = document.createElement('script');
    script.src = scripts.createScriptURL(`/${encodeURIComponent(apps[0].name)}/widget/roster-members.js`);
    document.head.append(script);
    await customElements.whenDefined('roster-members');
    widget.getToken = getToken;
  }

  start();
})();
