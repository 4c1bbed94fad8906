/*
 * <roster-members>: Roster's member-list widget. One file, no dependencies, no build step.
 *
 *   <script src="https://roster.example.com/acme/widget/roster-members.js"></script>
 *   <roster-members label="Your team" interval="30"></roster-members>
 *   <script>
 *     document.querySelector('roster-members').getToken = () => Clerk.session.getToken();
 *   </script>
 *
 * Attributes: app (default: the app in this script's URL), endpoint (a full list URL instead),
 * interval (seconds between polls, default 30), label (the list's accessible name).
 * Property: getToken, a function returning the caller's token (or a promise of it).
 * Event: "roster-members-poll" after every poll, detail {status, total, retryAfterSeconds}.
 * Docs: docs/widget.md in Roster's repository.
 *
 * Everything that comes from the directory (names, emails, roles, picture URLs) is untrusted:
 * it is only ever written as text (textContent) or, for pictures, as a checked https URL into
 * an <img>'s src property. Nothing here uses innerHTML or builds markup from strings.
 */
(() => {
  'use strict';
  if (!window.customElements || customElements.get('roster-members')) {
    return;
  }

  const SCRIPT_PATH = /^(.*)\/([^/]+)\/widget\/roster-members\.js$/;
  const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);
  const MIN_INTERVAL_SECONDS = 0.25;
  const DEFAULT_INTERVAL_SECONDS = 30;
  const REQUEST_TIMEOUT_MS = 15000;
  const OVERSCAN_ROWS = 6;
  const DEFAULT_ROW_HEIGHT = 56;

  const scriptSource = (() => {
    const current = document.currentScript;
    if (current && current.src) {
      return current.src;
    }
    const found = document.querySelector('script[src*="/widget/roster-members.js"]');
    return found ? found.src : '';
  })();

  /** Roster's origin and path prefix, and the app named in this script's URL. */
  const served = (() => {
    try {
      const url = new URL(scriptSource);
      const match = SCRIPT_PATH.exec(url.pathname);
      return match ? { base: url.origin + match[1], app: decodeURIComponent(match[2]) } : null;
    } catch (ignored) {
      return null;
    }
  })();

  const STYLE = `
:host { display: block; box-sizing: border-box; color: var(--roster-fg, #1f2328);
  background: var(--roster-bg, #ffffff); font: var(--roster-font, 14px/1.4 system-ui, sans-serif);
  border: 1px solid var(--roster-border, #d0d7de); border-radius: var(--roster-radius, 8px);
  overflow: hidden; }
:host([hidden]) { display: none; }
.header { display: flex; align-items: center; gap: 8px; padding: 8px 12px;
  border-bottom: 1px solid var(--roster-divider, #eaeef2); }
.search { flex: 1; min-width: 0; font: inherit; color: inherit; padding: 6px 10px;
  background: var(--roster-input-bg, transparent); border: 1px solid var(--roster-border, #d0d7de);
  border-radius: calc(var(--roster-radius, 8px) / 1.5); }
.search:focus-visible, .viewport:focus-visible, .row:focus-visible {
  outline: 2px solid var(--roster-accent, #0969da); outline-offset: -2px; }
.count { flex: none; color: var(--roster-muted, #59636e); font-size: 0.9em; }
.status { padding: 8px 12px; background: var(--roster-status-bg, #fff8c5);
  color: var(--roster-status-fg, #3b2300); }
.status[data-kind="error"] { background: var(--roster-error-bg, #ffebe9);
  color: var(--roster-error-fg, #82071e); }
.status[hidden], .empty[hidden], .row[hidden], .avatar img[hidden] { display: none; }
.viewport { position: relative; max-height: var(--roster-height, 420px); overflow-y: auto;
  overscroll-behavior: contain; }
.spacer { position: relative; width: 100%; }
.row { position: absolute; top: 0; left: 0; right: 0; box-sizing: border-box; display: flex;
  align-items: center; gap: 12px; padding: 0 12px; height: var(--roster-row-height, 56px);
  border-bottom: 1px solid var(--roster-divider, #eaeef2); contain: strict; }
.avatar { position: relative; flex: none; width: var(--roster-avatar-size, 36px);
  height: var(--roster-avatar-size, 36px); border-radius: 50%; overflow: hidden;
  display: grid; place-items: center; font-weight: 600; font-size: 0.85em;
  background: var(--roster-avatar-bg, #ddf4ff); color: var(--roster-avatar-fg, #0550ae); }
.avatar img { position: absolute; inset: 0; width: 100%; height: 100%; object-fit: cover; }
.text { flex: 1; min-width: 0; display: flex; flex-direction: column; }
.name, .email { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.name { font-weight: 600; }
.email { color: var(--roster-muted, #59636e); font-size: 0.9em; }
.role { flex: none; font-size: 0.8em; padding: 2px 8px; border-radius: 999px;
  background: var(--roster-role-bg, #eef1f4); color: var(--roster-role-fg, #33393f); }
.role:empty { display: none; }
.empty { margin: 0; padding: 16px 12px; color: var(--roster-muted, #59636e); }
`;

  /** The messages of each state; the text is ours, never the server's or the directory's. */
  const STATES = {
    loading: ['info', 'Loading members…'],
    'signed-out': ['error', 'You are signed out. Sign in to see your organisation.'],
    unauthorized: ['error', 'Your session has expired or is not valid here. Sign in again.'],
    'no-org': ['info', 'Choose an organisation to see its members.'],
    forbidden: ['error', 'This list is not available to you.'],
    'rate-limited': ['info', 'Too many requests. Retrying in {s} s.'],
    unavailable: ['error', 'The directory is unavailable. Retrying in {s} s.'],
    offline: ['error', 'Cannot reach the member service. Retrying in {s} s.'],
    error: ['error', 'The member list could not be loaded. Retrying in {s} s.'],
  };

  function element(tag, part, className) {
    const node = document.createElement(tag);
    if (part) {
      node.setAttribute('part', part);
    }
    if (className) {
      node.className = className;
    }
    return node;
  }

  function text(value) {
    return typeof value === 'string' ? value.trim() : '';
  }

  /** A picture URL the widget may load: https, or http on loopback (local demos), else none. */
  function safeImageUrl(value) {
    if (typeof value !== 'string' || value.length > 2048) {
      return null;
    }
    let url;
    try {
      url = new URL(value);
    } catch (ignored) {
      return null;
    }
    if (url.username || url.password) {
      return null;
    }
    if (url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname))) {
      return url.href;
    }
    return null;
  }

  function firstLetter(value) {
    const letters = Array.from(value);
    return letters.length ? letters[0].toLocaleUpperCase() : '';
  }

  /** One member as the widget shows it, from the summary shape (SPEC §2.2). */
  function toRow(member) {
    const source = member && typeof member === 'object' ? member : {};
    const first = text(source.firstName);
    const last = text(source.lastName);
    const email = text(source.email);
    const name = [first, last].filter(Boolean).join(' ') || email || text(source.id) || 'Unnamed';
    const initials = first || last
      ? firstLetter(first) + firstLetter(last)
      : firstLetter(name);
    const role = text(source.role).replace(/^org:/, '');
    return {
      name,
      email,
      role,
      initials: initials || '?',
      picture: safeImageUrl(source.profilePictureUrl),
      haystack: `${name}\n${email}\n${role}`.toLocaleLowerCase(),
    };
  }

  /** Seconds from a Retry-After header (delta-seconds or an HTTP date), or 0. */
  function retryAfterSeconds(header) {
    if (!header) {
      return 0;
    }
    const trimmed = header.trim();
    if (/^\d+$/.test(trimmed)) {
      return Math.min(Number(trimmed), 86400);
    }
    const date = Date.parse(trimmed);
    return Number.isNaN(date) ? 0 : Math.max(0, Math.ceil((date - Date.now()) / 1000));
  }

  class RosterMembers extends HTMLElement {
    static get observedAttributes() {
      return ['app', 'endpoint', 'interval', 'label'];
    }

    constructor() {
      super();
      this._getToken = null;
      this._rows = [];
      this._visible = [];
      this._query = '';
      this._etag = null;
      this._state = null;
      this._timer = null;
      this._generation = 0;
      this._notBefore = 0;
      this._lastPoll = 0;
      this._polling = false;
      this._frame = 0;
      this._focusIndex = -1;
      this._pool = [];
      this._height = 0;
      this._build();
    }

    /** The page's token source, e.g. () => Clerk.session.getToken(). */
    get getToken() {
      return this._getToken;
    }

    set getToken(source) {
      this._getToken = typeof source === 'function' ? source : null;
      if (this.isConnected) {
        this.refresh();
      }
    }

    /** Polls now (still honouring a Retry-After the server asked for). */
    refresh() {
      this._schedule(0);
    }

    connectedCallback() {
      if (Object.prototype.hasOwnProperty.call(this, 'getToken')) {
        // Set by the page before this script defined the element: move it onto the setter.
        const source = this.getToken;
        delete this.getToken;
        this._getToken = typeof source === 'function' ? source : null;
      }
      this._onVisibility = () => {
        if (!document.hidden && Date.now() - this._lastPoll >= this._intervalMs()) {
          this._schedule(0);
        }
      };
      document.addEventListener('visibilitychange', this._onVisibility);
      this._resize = new ResizeObserver(() => {
        this._height = 0;
        this._requestRender();
      });
      this._resize.observe(this._viewport);
      this._applyLabel();
      if (!this._state) {
        this._showState('loading');
      }
      this._schedule(0);
    }

    disconnectedCallback() {
      document.removeEventListener('visibilitychange', this._onVisibility);
      this._resize.disconnect();
      clearTimeout(this._timer);
      this._timer = null;
      this._generation++;
      this._polling = false;
    }

    attributeChangedCallback(name, before, after) {
      if (before === after) {
        return;
      }
      if (name === 'label') {
        this._applyLabel();
      } else if (name === 'interval') {
        if (this.isConnected && !this._polling) {
          // The new interval counts from the last poll (a first poll still goes at once).
          this._schedule(Math.max(0, this._lastPoll + this._intervalMs() - Date.now()));
        }
      } else {
        // Another list: forget the old one and its validator.
        this._generation++;
        this._polling = false;
        this._etag = null;
        this._notBefore = 0;
        this._setRows([]);
        this._showState('loading');
        if (this.isConnected) {
          this._schedule(0);
        }
      }
    }

    _build() {
      const root = this.attachShadow({ mode: 'open' });
      if ('adoptedStyleSheets' in root && typeof CSSStyleSheet.prototype.replaceSync === 'function') {
        // A constructed sheet also works on pages whose CSP forbids inline styles.
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(STYLE);
        root.adoptedStyleSheets = [sheet];
      } else {
        const style = document.createElement('style');
        style.textContent = STYLE;
        root.append(style);
      }
      const container = element('div', 'container', 'container');
      const header = element('div', 'header', 'header');
      this._search = element('input', 'search', 'search');
      this._search.type = 'search';
      this._search.placeholder = 'Search members';
      this._search.autocomplete = 'off';
      this._search.spellcheck = false;
      this._search.setAttribute('aria-label', 'Search members');
      this._count = element('span', 'count', 'count');
      this._count.setAttribute('aria-live', 'polite');
      header.append(this._search, this._count);
      this._status = element('div', 'status', 'status');
      this._status.setAttribute('role', 'status');
      this._status.hidden = true;
      this._viewport = element('div', 'list', 'viewport');
      this._viewport.setAttribute('role', 'list');
      this._viewport.tabIndex = 0;
      this._spacer = element('div', null, 'spacer');
      this._spacer.setAttribute('role', 'none');
      this._viewport.append(this._spacer);
      this._empty = element('p', 'empty', 'empty');
      this._empty.hidden = true;
      container.append(header, this._status, this._viewport, this._empty);
      root.append(container);
      this._search.addEventListener('input', () => this._filter(this._search.value));
      this._viewport.addEventListener('scroll', () => this._requestRender(), { passive: true });
      this._viewport.addEventListener('keydown', (event) => this._onKey(event));
    }

    _applyLabel() {
      this._viewport.setAttribute('aria-label', this.getAttribute('label') || 'Organisation members');
    }

    _intervalMs() {
      const seconds = Number(this.getAttribute('interval'));
      const chosen = Number.isFinite(seconds) && seconds > 0 ? seconds : DEFAULT_INTERVAL_SECONDS;
      return Math.max(MIN_INTERVAL_SECONDS, chosen) * 1000;
    }

    _endpoint() {
      const explicit = this.getAttribute('endpoint');
      if (explicit) {
        return new URL(explicit, document.baseURI).href;
      }
      if (!served) {
        return null;
      }
      const app = this.getAttribute('app') || served.app;
      return `${served.base}/${encodeURIComponent(app)}/v1/users`;
    }

    _schedule(delayMs) {
      clearTimeout(this._timer);
      const wait = Math.max(delayMs, this._notBefore - Date.now(), 0);
      this._timer = setTimeout(() => this._poll(), wait);
    }

    async _poll() {
      this._timer = null;
      if (!this.isConnected || this._polling) {
        return;
      }
      if (document.hidden || !this._getToken) {
        // Nobody is looking (the visibility listener polls when the page is shown again), or
        // the page has not given its token source yet (setting getToken polls).
        return;
      }
      const generation = this._generation;
      this._polling = true;
      this._lastPoll = Date.now();
      let outcome;
      try {
        outcome = await this._fetch();
      } finally {
        if (generation === this._generation) {
          this._polling = false;
        }
      }
      if (generation !== this._generation || !this.isConnected) {
        return;
      }
      const interval = this._intervalMs();
      const retryAfterMs = outcome.retryAfter * 1000;
      this._notBefore = retryAfterMs > 0 ? Date.now() + retryAfterMs : 0;
      const next = Math.max(interval, retryAfterMs);
      if (outcome.state) {
        this._showState(outcome.state, Math.ceil(next / 1000));
      }
      this.dispatchEvent(new CustomEvent('roster-members-poll', {
        bubbles: true,
        composed: true,
        detail: { status: outcome.status, total: this._rows.length, retryAfterSeconds: outcome.retryAfter },
      }));
      this._schedule(next);
    }

    /** One request; returns {status, state, retryAfter} and applies a new list if one came. */
    async _fetch() {
      const endpoint = this._endpoint();
      if (!endpoint) {
        return { status: 0, state: 'error', retryAfter: 0 };
      }
      let token = null;
      let waited;
      try {
        // A token source that never answers must not stop the polling for good.
        token = await Promise.race([
          Promise.resolve().then(() => this._getToken()),
          new Promise((resolve) => { waited = setTimeout(() => resolve(null), REQUEST_TIMEOUT_MS); }),
        ]);
      } catch (ignored) {
        token = null;
      } finally {
        clearTimeout(waited);
      }
      if (typeof token !== 'string' || token === '') {
        this._etag = null;
        this._setRows([]);
        return { status: 0, state: 'signed-out', retryAfter: 0 };
      }
      // The token goes in the Authorization header only: never in the URL, where it would be
      // kept in logs, history and Referer headers.
      const headers = { Authorization: `Bearer ${token}`, Accept: 'application/json' };
      if (this._etag) {
        headers['If-None-Match'] = this._etag;
      }
      const abort = new AbortController();
      const timeout = setTimeout(() => abort.abort(), REQUEST_TIMEOUT_MS);
      let response;
      let body = null;
      try {
        // no-store: the widget does its own revalidation, so every poll reaches Roster and a
        // 304 comes back to us instead of a copy from the browser's cache.
        response = await fetch(endpoint, {
          headers,
          cache: 'no-store',
          credentials: 'omit',
          redirect: 'error',
          referrerPolicy: 'no-referrer',
          signal: abort.signal,
        });
        if (response.status === 200) {
          body = await response.json();
        }
      } catch (ignored) {
        return { status: 0, state: 'offline', retryAfter: 0 };
      } finally {
        clearTimeout(timeout);
      }
      const status = response.status;
      const retryAfter = retryAfterSeconds(response.headers.get('Retry-After'));
      if (status === 304) {
        return { status, state: 'ok', retryAfter: 0 };
      }
      if (status === 200) {
        if (!Array.isArray(body)) {
          return { status, state: 'error', retryAfter: 0 };
        }
        this._etag = response.headers.get('ETag');
        this._setRows(body.map(toRow));
        return { status, state: 'ok', retryAfter: 0 };
      }
      const refused = { 400: 'no-org', 401: 'unauthorized', 403: 'forbidden', 404: 'forbidden' };
      if (refused[status]) {
        // The caller may no longer see this list: show none of it.
        this._etag = null;
        this._setRows([]);
        return { status, state: refused[status], retryAfter };
      }
      const state = { 429: 'rate-limited', 503: 'unavailable' }[status] || 'error';
      return { status, state, retryAfter };
    }

    _showState(state, seconds) {
      if (state === 'ok') {
        if (this._state !== 'ok') {
          this._state = 'ok';
          this._status.hidden = true;
          this._status.textContent = '';
          this._renderCount();
        }
        return;
      }
      const [kind, template] = STATES[state] || STATES.error;
      const message = template.replace('{s}', String(seconds || 1));
      this._state = state;
      this._status.dataset.kind = kind;
      this._status.dataset.state = state;
      if (this._status.textContent !== message) {
        this._status.textContent = message;
      }
      this._status.hidden = false;
      this._renderCount();
    }

    _setRows(rows) {
      this._rows = rows;
      this._filter(this._search.value, true);
    }

    _filter(query, keepScroll) {
      const needle = query.trim().toLocaleLowerCase();
      const changed = needle !== this._query;
      this._query = needle;
      this._visible = needle ? this._rows.filter((row) => row.haystack.includes(needle)) : this._rows;
      if (changed && !keepScroll) {
        this._viewport.scrollTop = 0;
        this._focusIndex = -1;
      }
      this._focusIndex = Math.min(this._focusIndex, this._visible.length - 1);
      this._renderCount();
      this._render();
    }

    _renderCount() {
      const total = this._rows.length;
      const shown = this._visible.length;
      const noun = total === 1 ? 'member' : 'members';
      let summary = '';
      if (this._state === 'ok' || total > 0) {
        summary = this._query
          ? `${shown.toLocaleString()} of ${total.toLocaleString()} ${noun}`
          : `${total.toLocaleString()} ${noun}`;
      }
      if (this._count.textContent !== summary) {
        this._count.textContent = summary;
      }
      const emptyText = this._state !== 'ok' || shown > 0
        ? ''
        : (this._query ? 'No members match this search.' : 'No members yet.');
      this._empty.hidden = emptyText === '';
      if (this._empty.textContent !== emptyText) {
        this._empty.textContent = emptyText;
      }
    }

    /** The row height, measured once a row is shown and again after a resize (not per frame). */
    _rowHeight() {
      if (!this._height) {
        const row = this._pool.find((node) => !node.hidden);
        const measured = row ? row.offsetHeight : 0;
        if (measured > 0) {
          this._height = measured;
        }
        return measured > 0 ? measured : DEFAULT_ROW_HEIGHT;
      }
      return this._height;
    }

    _requestRender() {
      if (!this._frame) {
        this._frame = requestAnimationFrame(() => {
          this._frame = 0;
          this._render();
        });
      }
    }

    /** Shows the rows in (and just around) the viewport; the others are not in the DOM. */
    _render() {
      const rows = this._visible;
      if (this._pool.length === 0 && rows.length > 0) {
        this._pool.push(this._newRow());
      }
      const height = this._rowHeight();
      const total = `${rows.length * height}px`;
      if (this._spacer.style.height !== total) {
        this._spacer.style.height = total;
      }
      const top = this._viewport.scrollTop;
      const seen = this._viewport.clientHeight || height * 8;
      const first = Math.max(0, Math.floor(top / height) - OVERSCAN_ROWS);
      const last = Math.min(rows.length, Math.ceil((top + seen) / height) + OVERSCAN_ROWS);
      while (this._pool.length < last - first) {
        this._pool.push(this._newRow());
      }
      // Row i lives in node i % pool size, so a row still in view keeps its node while the
      // list scrolls: a step rebinds only the rows that came into view.
      const size = this._pool.length;
      const used = new Array(size).fill(false);
      const focused = this.shadowRoot.activeElement;
      for (let index = first; index < last; index++) {
        const slot = index % size;
        used[slot] = true;
        const node = this._pool[slot];
        this._bind(node, rows[index], index, rows.length, height);
        if (node === focused && index !== this._focusIndex) {
          this._viewport.focus({ preventScroll: true });
        }
      }
      for (let slot = 0; slot < size; slot++) {
        const node = this._pool[slot];
        if (used[slot] || node.hidden) {
          continue;
        }
        if (node === focused) {
          this._viewport.focus({ preventScroll: true });
        }
        node.hidden = true;
        node._row = null;
        node._index = -1;
      }
    }

    _newRow() {
      const node = element('div', 'member', 'row');
      node.setAttribute('role', 'listitem');
      node.tabIndex = -1;
      const avatar = element('span', 'avatar', 'avatar');
      avatar.setAttribute('aria-hidden', 'true');
      const initials = element('span', 'initials', 'initials');
      const image = element('img', 'avatar-image', null);
      image.alt = '';
      image.decoding = 'async';
      image.loading = 'lazy';
      image.referrerPolicy = 'no-referrer';
      image.hidden = true;
      image.addEventListener('error', () => {
        image.hidden = true;
      });
      avatar.append(initials, image);
      const textBox = element('span', null, 'text');
      const name = element('span', 'name', 'name');
      const email = element('span', 'email', 'email');
      textBox.append(name, email);
      const role = element('span', 'role', 'role');
      node.append(avatar, textBox, role);
      node._parts = { initials, image, name, email, role };
      this._spacer.append(node);
      return node;
    }

    _bind(node, row, index, setSize, height) {
      if (node.hidden) {
        node.hidden = false;
      }
      if (node._index !== index || node._height !== height) {
        node.style.transform = `translateY(${index * height}px)`;
        node.setAttribute('aria-posinset', String(index + 1));
        node._index = index;
        node._height = height;
      }
      if (node._setSize !== setSize) {
        node.setAttribute('aria-setsize', String(setSize));
        node._setSize = setSize;
      }
      const tabIndex = index === this._focusIndex ? 0 : -1;
      if (node.tabIndex !== tabIndex) {
        node.tabIndex = tabIndex;
      }
      if (node._row === row) {
        return;
      }
      node._row = row;
      const parts = node._parts;
      parts.initials.textContent = row.initials;
      parts.name.textContent = row.name;
      parts.email.textContent = row.email;
      parts.role.textContent = row.role;
      if (row.picture) {
        if (parts.image.getAttribute('src') !== row.picture) {
          parts.image.hidden = false;
          parts.image.src = row.picture;
        }
      } else {
        parts.image.hidden = true;
        parts.image.removeAttribute('src');
      }
    }

    _onKey(event) {
      const count = this._visible.length;
      if (count === 0) {
        return;
      }
      const height = this._rowHeight();
      const page = Math.max(1, Math.floor(this._viewport.clientHeight / height) - 1);
      const current = this._focusIndex < 0
        ? Math.floor(this._viewport.scrollTop / height) - 1
        : this._focusIndex;
      const moves = {
        ArrowDown: current + 1, ArrowUp: current - 1, PageDown: current + page,
        PageUp: current - page, Home: 0, End: count - 1,
      };
      if (!(event.key in moves)) {
        return;
      }
      event.preventDefault();
      this._focusIndex = Math.max(0, Math.min(count - 1, moves[event.key]));
      const rowTop = this._focusIndex * height;
      const view = this._viewport;
      if (rowTop < view.scrollTop) {
        view.scrollTop = rowTop;
      } else if (rowTop + height > view.scrollTop + view.clientHeight) {
        view.scrollTop = rowTop + height - view.clientHeight;
      }
      this._render();
      const node = this._pool.find((candidate) => !candidate.hidden && candidate._index === this._focusIndex);
      if (node) {
        node.focus({ preventScroll: true });
      }
    }
  }

  customElements.define('roster-members', RosterMembers);
})();
