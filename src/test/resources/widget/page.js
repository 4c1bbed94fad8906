// The test page's hooks: it records every poll the widget reports, counts alert() calls (a
// hostile name that ran would call it), and reads what the widget shows. The page has no CSP on
// purpose: a CSP would block an injected onerror handler and hide the very bug under test.
window.__polls = [];
window.__alerts = 0;
window.alert = () => { window.__alerts += 1; };
document.addEventListener('roster-members-poll', (event) => {
  window.__polls.push({
    status: event.detail.status,
    total: event.detail.total,
    retryAfter: event.detail.retryAfterSeconds,
    at: performance.now(),
  });
});

window.startWidget = (token, interval, app) => {
  const widget = document.getElementById('widget');
  widget.setAttribute('interval', interval);
  if (app) {
    widget.setAttribute('app', app);
  }
  widget.getToken = () => Promise.resolve(token);
};

window.widgetRoot = () => document.getElementById('widget').shadowRoot;

window.widgetPart = (part) => {
  const node = widgetRoot().querySelector(`[part="${part}"]`);
  return node && !node.hidden ? node.textContent : null;
};

window.widgetRows = () => Array.from(widgetRoot().querySelectorAll('[part="member"]'))
  .filter((row) => !row.hidden)
  .map((row) => {
    const image = row.querySelector('img');
    return {
      pos: Number(row.getAttribute('aria-posinset')),
      size: Number(row.getAttribute('aria-setsize')),
      name: row.querySelector('[part="name"]').textContent,
      email: row.querySelector('[part="email"]').textContent,
      role: row.querySelector('[part="role"]').textContent,
      initials: row.querySelector('[part="initials"]').textContent,
      image: image && !image.hidden ? image.getAttribute('src') : null,
    };
  })
  .sort((a, b) => a.pos - b.pos);

// Scrolls the list from top to bottom one viewport at a time, waiting two frames after each
// step; returns every name shown (by position), step times in ms, and the main-thread tasks
// over 50 ms seen meanwhile (what makes scrolling stutter).
window.scrollThrough = async () => {
  const viewport = widgetRoot().querySelector('[part="list"]');
  const names = {};
  const times = [];
  const longTasks = [];
  const observer = new PerformanceObserver((list) => {
    list.getEntries().forEach((entry) => longTasks.push(Math.round(entry.duration)));
  });
  observer.observe({ type: 'longtask' });
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  viewport.scrollTop = 0;
  await frame();
  for (;;) {
    widgetRows().forEach((row) => { names[row.pos] = row.name; });
    if (viewport.scrollTop + viewport.clientHeight >= viewport.scrollHeight - 1) {
      break;
    }
    const started = performance.now();
    viewport.scrollTop += viewport.clientHeight;
    await frame();
    await frame();
    times.push(performance.now() - started);
  }
  // The same number of two-frame waits without scrolling: the long tasks the machine causes
  // on its own, to tell them from the widget's.
  const scrolling = longTasks.splice(0);
  for (let i = 0; i < times.length; i++) {
    await frame();
    await frame();
  }
  observer.disconnect();
  const idle = longTasks.splice(0);
  longTasks.push(...scrolling);
  times.sort((a, b) => a - b);
  return {
    idleLongTasks: JSON.stringify(idle),
    names,
    steps: times.length,
    median: times[Math.floor(times.length / 2)].toFixed(1),
    slowest: times[times.length - 1].toFixed(1),
    longTasks: JSON.stringify(longTasks),
  };
};
