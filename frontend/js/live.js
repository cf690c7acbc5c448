// Live updates for signed-in pages: the bell's count and new feed entries arrive by server-sent
// events from /live. Without JavaScript (or EventSource) the pages are simply current on load.

const body = document.body;
const url = body.dataset.live;

function setBell(unread) {
  const bell = document.querySelector('[data-bell]');
  if (!bell) return;
  const count = bell.querySelector('[data-bell-count]');
  count.textContent = String(unread);
  count.hidden = unread === 0;
  bell.setAttribute('aria-label', unread === 0 ? bell.dataset.labelNone : bell.dataset.labelSome.replace('{0}', unread));
}

// New feed entries go at the top when the reader is at the top; otherwise a button offers them,
// so what someone is reading never jumps.
const feed = document.querySelector('[data-feed]');
const entries = feed?.querySelector('[data-feed-entries]');
const offer = feed?.querySelector('[data-feed-live]');
let waiting = 0;

async function showNewEntries() {
  const newest = Number(feed.dataset.feedNewest || 0);
  const response = await fetch(`/feed/newer?after=${newest}`, { headers: { Accept: 'text/html' } });
  if (!response.ok) return;
  const template = document.createElement('template');
  template.innerHTML = await response.text();
  const fresh = [...template.content.querySelectorAll('[data-entry]')]
    .filter((entry) => !entries.querySelector(`[data-entry="${entry.dataset.entry}"]`));
  if (fresh.length === 0) return;
  entries.prepend(...fresh);
  feed.dataset.feedNewest = String(Math.max(newest, ...fresh.map((e) => Number(e.dataset.entry))));
  feed.hidden = false;
  document.querySelector('[data-feed-empty]')?.setAttribute('hidden', '');
  waiting = 0;
  offer.hidden = true;
}

function newEntry() {
  if (!feed) return;
  if (window.scrollY < 200) {
    showNewEntries();
  } else {
    waiting += 1;
    offer.textContent = offer.dataset.label.replace('{0}', waiting);
    offer.hidden = false;
  }
}

offer?.addEventListener('click', (event) => {
  event.preventDefault();
  showNewEntries().then(() => window.scrollTo({ top: 0, behavior: 'smooth' }));
});

// The open stream, and the id of the last event it brought (to resume from after a pause).
let source = null;
let lastId;

function connect(since) {
  source = new EventSource(since === undefined ? url : `${url}?since=${since}`);
  const seen = (event) => {
    if (event.lastEventId) lastId = event.lastEventId;
  };
  source.addEventListener('notifications', (event) => {
    seen(event);
    setBell(JSON.parse(event.data).unread);
  });
  source.addEventListener('feed', (event) => {
    seen(event);
    newEntry();
  });
  source.addEventListener('transcode', (event) => {
    seen(event);
    document.dispatchEvent(new CustomEvent('cinely:transcode', { detail: JSON.parse(event.data) }));
  });
  const opened = source;
  source.addEventListener('error', () => {
    // The browser retries dropped connections itself (sending Last-Event-ID). A refusal
    // (stale id, too many tabs) closes the stream: start afresh a little later.
    if (opened === source && opened.readyState === EventSource.CLOSED) {
      setTimeout(() => {
        if (opened === source) connect();
      }, 5000 + Math.random() * 5000);
    }
  });
}

if (url && 'EventSource' in window) {
  connect(body.dataset.liveSince);
  // A page left for another one may be kept in the back/forward cache: its stream must not stay
  // open there, or six such pages take every connection the browser allows to this site and the
  // next page waits a minute to load. Closed when left; resumed where it stopped on coming back.
  window.addEventListener('pagehide', () => {
    source?.close();
    source = null;
  });
  window.addEventListener('pageshow', (event) => {
    if (event.persisted && source === null) {
      connect(lastId ?? body.dataset.liveSince);
    }
  });
}
