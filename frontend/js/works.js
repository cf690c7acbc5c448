// Works pages: the resumable upload (our own small tus 1.0 client) and live status. The player is player.js.
// The pages work without this file except for uploading, which needs it (the page says so in <noscript>).

const section = document.getElementById('upload');
const statusLine = document.getElementById('upload-status');
const progressBar = document.getElementById('upload-progress');
const errorLine = document.getElementById('upload-error');
const fileInput = document.getElementById('video-file');

const CHUNK = 8 * 1024 * 1024;
const chooser = document.getElementById('upload-choose');

// While bytes are going up, leaving the page asks first (the browser shows its own wording; the
// message is for the few that still show ours).
let uploading = false;
window.addEventListener('beforeunload', (event) => {
  if (!uploading) return;
  event.preventDefault();
  event.returnValue = section?.dataset.leaveWarning || '';
});

// How far this work's last upload got, kept in the browser so that a page opened after an
// interruption (tab closed, connection lost) can say which file to choose to resume.
function progressKey(workId) {
  return `cinely-tus-progress:${workId}`;
}
function rememberProgress(workId, file, offset) {
  try {
    localStorage.setItem(progressKey(workId), JSON.stringify({
      name: file.name, size: file.size, percent: Math.floor((offset * 100) / file.size),
    }));
  } catch (e) { /* storage full or off: the server still keeps the offset */ }
}
function forgetProgress(workId) {
  localStorage.removeItem(progressKey(workId));
}

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
  uploading = true;
  try {
    await send(file);
  } finally {
    uploading = false;
  }
}

async function send(file) {
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
        rememberProgress(workId, file, offset);
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
  forgetProgress(workId);
  uploading = false;
  setProgress(100, section.dataset.done || '100%');
  // Uploaded: the file field goes (the video is the server's now) and the page follows the
  // transcode by itself, without a reload.
  showChooser(false);
  section.dataset.state = 'WAITING';
  pollStatus();
}

function showChooser(visible) {
  if (chooser) chooser.hidden = !visible;
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
    // The file field belongs to the states where a file may be chosen (none yet, refused, failed).
    showChooser(['UPLOADING', 'REJECTED', 'FAILED'].includes(status.state) && !uploading);
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
if (section && ['WAITING', 'TRANSCODING'].includes(section.dataset.state) && section.dataset.workId) {
  pollStatus();
}

// An upload that stopped part-way: the server said how far it got; with the file's name this
// browser kept, say which file to choose. Choosing it resumes from the server's offset (HEAD).
const interrupted = document.querySelector('[data-upload-interrupted]');
if (interrupted && section) {
  let kept = null;
  try {
    kept = JSON.parse(localStorage.getItem(progressKey(section.dataset.workId)) || 'null');
  } catch (e) { kept = null; }
  if (kept && kept.name && section.dataset.interruptedNamed) {
    interrupted.textContent = section.dataset.interruptedNamed
      .replace('{0}', interrupted.dataset.percent)
      .replace('{1}', kept.name);
  }
}
