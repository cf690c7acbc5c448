// Works pages: the resumable upload (our own small tus 1.0 client) and live status. The player is player.js.
// The pages work without this file except for uploading, which needs it.

const section = document.getElementById('upload');
const statusLine = document.getElementById('upload-status');
const progressBar = document.getElementById('upload-progress');
const errorLine = document.getElementById('upload-error');
const fileInput = document.getElementById('video-file');

const CHUNK = 8 * 1024 * 1024;

function showError(text) {
  if (!errorLine) return;
  errorLine.textContent = text;
  errorLine.hidden = !text;
}

function setProgress(percent, label) {
  if (progressBar) {
    progressBar.hidden = false;
    progressBar.value = percent;
  }
  if (statusLine && label) statusLine.textContent = label;
}

function b64(text) {
  return btoa(String.fromCharCode(...new TextEncoder().encode(text)));
}

// An upload is remembered by file and work, so choosing the same file again resumes it, even
// after the tab was closed or the server restarted.
function fingerprint(file, workId) {
  return `cinely-tus:${workId}:${file.name}:${file.size}:${file.lastModified}`;
}

async function tus(url, method, headers = {}, body) {
  const csrfHeader = section.dataset.csrfHeader;
  const all = { 'Tus-Resumable': '1.0.0', ...headers };
  if (csrfHeader && method !== 'HEAD') all[csrfHeader] = section.dataset.csrfToken;
  return fetch(url, { method, headers: all, body, credentials: 'same-origin' });
}

async function upload(file) {
  const workId = section.dataset.workId;
  const key = fingerprint(file, workId);
  showError('');
  let location = localStorage.getItem(key);
  let offset = 0;
  if (location) {
    const head = await tus(location, 'HEAD');
    if (head.ok) {
      offset = Number(head.headers.get('Upload-Offset'));
    } else {
      location = null;
    }
  }
  if (!location) {
    const created = await tus('/uploads', 'POST', {
      'Upload-Length': String(file.size),
      'Upload-Metadata': `target ${b64('work:' + workId)},filename ${b64(file.name)}`,
    });
    if (created.status !== 201) {
      showError(await created.text());
      return;
    }
    location = created.headers.get('Location');
    localStorage.setItem(key, location);
  }
  let retries = 0;
  let storageWaits = 0;
  while (offset < file.size) {
    setProgress(Math.floor((offset * 100) / file.size), `${Math.floor((offset * 100) / file.size)}%`);
    try {
      const response = await tus(location, 'PATCH', {
        'Content-Type': 'application/offset+octet-stream',
        'Upload-Offset': String(offset),
      }, file.slice(offset, Math.min(file.size, offset + CHUNK)));
      if (response.status === 204) {
        offset = Number(response.headers.get('Upload-Offset'));
        retries = 0;
        if (storageWaits > 0) showError('');
        continue;
      }
      if (response.status === 409) {
        // Out of step, or an earlier try of this chunk still arriving: wait a moment, then ask.
        await new Promise((resolve) => setTimeout(resolve, 1000));
        const head = await tus(location, 'HEAD');
        offset = Number(head.headers.get('Upload-Offset'));
        continue;
      }
      if ((response.status === 503 || response.status === 507) && storageWaits < 120) {
        // Our storage is full or down: say so, keep what arrived, try again when the server says.
        storageWaits += 1;
        showError(await response.text());
        const seconds = Number(response.headers.get('Retry-After')) || 30;
        await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
        const head = await tus(location, 'HEAD').catch(() => null);
        if (head && head.ok) offset = Number(head.headers.get('Upload-Offset'));
        continue;
      }
      showError(await response.text());
      return;
    } catch (networkDrop) {
      // The connection dropped: wait a little longer each time, then ask where we are.
      retries += 1;
      if (retries > 8) {
        showError(String(networkDrop));
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, Math.min(30000, 1000 * 2 ** retries)));
      const head = await tus(location, 'HEAD').catch(() => null);
      if (head && head.ok) offset = Number(head.headers.get('Upload-Offset'));
    }
  }
  localStorage.removeItem(key);
  setProgress(100, '100%');
  if (fileInput) fileInput.disabled = true;
  pollStatus();
}

// With live updates (/live), the server says when this work's video moves on; the status is then
// read at once, and the slow poll is only a safety net. Without them, the page polls.
const live = Boolean(document.body.dataset.live) && 'EventSource' in window;
let nudge = null;
document.addEventListener('cinely:transcode', (event) => {
  if (String(event.detail.work) === section?.dataset.workId && nudge) nudge();
});
function nextCheck() {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, live ? 10000 : 1500);
    nudge = () => { clearTimeout(timer); resolve(); };
  });
}

let polling = false;
async function pollStatus() {
  const workId = section?.dataset.workId;
  if (!workId || polling) return;
  polling = true;
  for (;;) {
    let status;
    try {
      const response = await fetch(`/works/${workId}/status`, { credentials: 'same-origin' });
      if (!response.ok) break;
      status = await response.json();
    } catch (e) {
      await new Promise((resolve) => setTimeout(resolve, 5000));
      continue;
    }
    if (statusLine && status.label) {
      statusLine.textContent = status.reason ? `${status.label}: ${status.reason}` : status.label;
    }
    if (status.state === 'TRANSCODING') setProgress(status.transcodePercent);
    const changed = section.dataset.state !== status.state;
    section.dataset.state = status.state;
    if (status.state === 'READY' || status.state === 'FAILED' || status.state === 'REJECTED') {
      if (changed) location.reload();
      break;
    }
    if (status.playable && section.classList.contains('player--pending')) {
      location.reload();
      break;
    }
    await nextCheck();
  }
  polling = false;
}

if (fileInput && section) {
  fileInput.addEventListener('change', () => {
    const file = fileInput.files?.[0];
    if (file) upload(file).catch((e) => showError(String(e)));
  });
}
if (section && ['WAITING', 'TRANSCODING', 'UPLOADING'].includes(section.dataset.state) && section.dataset.workId) {
  pollStatus();
}
