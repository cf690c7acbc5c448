// Lazy video players: until the viewer presses play, a player is its poster and a play button.
// Nothing else is fetched (no hls.js, no playlist, no segment), so a page with one video or with
// a dozen reels costs its posters only. On press, hls.js is loaded once (a same-origin script, as
// the CSP allows) and attached; a browser without Media Source Extensions but with native HLS
// (older iOS Safari) is given the playlist itself.
//
// Markup: <div data-player data-src="…/master.m3u8" data-hls-script="/vendor/hls/hls.min.js">
//           <video preload="none" poster="…"></video><button type="button" data-player-play>…</button>
//         </div>
// The video gets a "cinely:hls" event (detail: the Hls instance) when hls.js drives it.

let hlsLoading;

function loadHls(url) {
  if (window.Hls) return Promise.resolve(window.Hls);
  if (!hlsLoading) {
    hlsLoading = new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = url;
      script.async = true;
      script.onload = () => (window.Hls ? resolve(window.Hls) : reject(new Error('hls.js did not load')));
      script.onerror = () => {
        hlsLoading = undefined; // a later press may try again
        reject(new Error('hls.js did not load'));
      };
      document.head.append(script);
    });
  }
  return hlsLoading;
}

// hls.js (ABR settings, the quality menu) wherever Media Source Extensions exist; recent Chromium
// also plays HLS natively, but without either. Native HLS only where MSE is missing (older iOS).
function hasMediaSource() {
  const MediaSourceType = window.ManagedMediaSource || window.MediaSource;
  return (
    !!MediaSourceType &&
    typeof MediaSourceType.isTypeSupported === 'function' &&
    MediaSourceType.isTypeSupported('video/mp4; codecs="avc1.42E01E,mp4a.40.2"')
  );
}

async function start(container, video, button) {
  const src = video.dataset.src || container.dataset.src;
  button.disabled = true;
  container.classList.add('player--loading');
  try {
    const native = video.canPlayType('application/vnd.apple.mpegurl') !== '';
    const Hls = hasMediaSource() || !native ? await loadHls(container.dataset.hlsScript) : null;
    if (Hls && Hls.isSupported()) {
      const hls = new Hls({
        enableWorker: false,
        // Start from the measured bandwidth (ABR) rather than the top rung, and never fetch a
        // rendition larger than the player is on screen: a phone need not download 1080p.
        startLevel: -1,
        capLevelToPlayerSize: true,
      });
      video.dispatchEvent(new CustomEvent('cinely:hls', { detail: hls }));
      hls.loadSource(src);
      hls.attachMedia(video);
    } else if (native) {
      video.src = src;
    } else {
      throw new Error('This browser cannot play HLS');
    }
    video.controls = true;
    button.remove();
    container.classList.remove('player--loading');
    container.classList.add('player--started');
    video.focus();
    await video.play().catch(() => {
      // Autoplay refused (no user activation left): the native controls are there to press.
    });
  } catch (e) {
    button.disabled = false;
    container.classList.remove('player--loading');
    console.error(e);
  }
}

/** Wires every lazy player under root (the document by default). */
export function initPlayers(root = document) {
  for (const container of root.querySelectorAll('[data-player]')) {
    const video = container.querySelector('video');
    const button = container.querySelector('[data-player-play]');
    if (!video || !button || container.dataset.playerReady) continue;
    container.dataset.playerReady = 'true';
    button.addEventListener('click', () => start(container, video, button));
  }
}
