// Lazy video players: until the viewer presses play, a player is its poster and a play button.
// Nothing else is fetched (no hls.js, no playlist, no segment), so a page with one video or with
// a dozen reels costs its posters only. On press, hls.js is loaded once (a same-origin script, as
// the CSP allows) and attached; a browser without Media Source Extensions but with native HLS
// (older iOS Safari) is given the playlist itself.
//
// Markup: <div data-player data-src="…/master.m3u8" data-hls-script="/vendor/hls/hls.min.js">
//           <video preload="none" poster="…"></video><button type="button" data-player-play>…</button>
//         </div>
// A <select data-player-quality> inside the player becomes its quality menu (Auto + each rung
// hls.js reads from the master playlist). Keys work on the focused player only (the video has
// focus once started): space or k play/pause, arrows seek 5 s, f fullscreen, m mute.

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

// bits/s; downlink is in Mb/s and capped by Chromium at 10, so it never over-promises much.
// Three quarters of it leaves room for everything else on the line.
function firstBandwidthGuess() {
  const downlink = navigator.connection?.downlink;
  return downlink > 0 ? Math.round(downlink * 1e6 * 0.75) : 1_000_000;
}

function wireQuality(container, hls, Hls) {
  const menu = container.querySelector('select[data-player-quality]');
  if (!menu) return;
  const auto = menu.querySelector('option[value="-1"]');
  const autoLabel = auto?.textContent;
  hls.on(Hls.Events.MANIFEST_PARSED, (event, data) => {
    for (const option of [...menu.options]) if (option.value !== '-1') option.remove();
    data.levels.forEach((level, index) => {
      const option = document.createElement('option');
      option.value = String(index);
      option.textContent = level.height ? `${level.height}p` : `${Math.round(level.bitrate / 1000)} kb/s`;
      menu.append(option);
    });
    menu.disabled = false;
  });
  // With Auto chosen, say which rung ABR is playing: "Auto (720p)".
  hls.on(Hls.Events.LEVEL_SWITCHED, (event, data) => {
    const level = hls.levels[data.level];
    if (auto && level?.height) auto.textContent = `${autoLabel} (${level.height}p)`;
  });
  menu.addEventListener('change', () => {
    // currentLevel switches at once (flushing the buffer); -1 hands the choice back to ABR.
    hls.currentLevel = Number(menu.value);
  });
}

function toggleFullscreen(video) {
  if (document.fullscreenElement) {
    document.exitFullscreen();
  } else if (video.requestFullscreen) {
    video.requestFullscreen();
  } else if (video.webkitEnterFullscreen) {
    video.webkitEnterFullscreen(); // iOS Safari
  }
}

// Only the focused player answers (the key's target is its video). Listened for on the player in
// the capture phase, so the browser's own controls never see these keys: Chromium's toggle play on
// the space key's keyup as well, which undid our toggle on keydown.
function onKey(video, event) {
  if (event.target !== video || event.altKey || event.ctrlKey || event.metaKey) return;
  if (event.type === 'keyup') {
    if (event.key !== ' ') return;
  } else {
    switch (event.key) {
      case ' ':
      case 'k':
        if (video.paused) video.play().catch(() => {});
        else video.pause();
        break;
      case 'ArrowRight':
        video.currentTime = Math.min(video.currentTime + 5, video.duration || Infinity);
        break;
      case 'ArrowLeft':
        video.currentTime = Math.max(video.currentTime - 5, 0);
        break;
      case 'f':
        toggleFullscreen(video);
        break;
      case 'm':
        video.muted = !video.muted;
        break;
      default:
        return;
    }
  }
  event.preventDefault(); // space and arrows would scroll the page too
  event.stopPropagation();
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
        // A worker would be a blob: script, which the CSP (script-src 'self') refuses.
        enableWorker: false,
        // Start at the rung the bandwidth allows, not the first listed or the top one: startLevel
        // -1 lets ABR choose, testBandwidth measures the first segment before committing, and
        // the first guess comes from the browser's own estimate where it has one (Chromium's
        // navigator.connection.downlink) instead of hls.js's fixed 500 kb/s, which would always
        // begin at 360p (800 kb/s) even on a fast line.
        startLevel: -1,
        testBandwidth: true,
        abrEwmaDefaultEstimate: firstBandwidthGuess(),
        // Never fetch a rendition larger than the player is on screen: a phone need not load 1080p.
        capLevelToPlayerSize: true,
        // A video still being transcoded plays from growing EVENT playlists (no EXT-X-ENDLIST),
        // where hls.js would start near the newest segment as for a live stream: start at the
        // beginning instead. hls.js reloads the playlists as they grow and stops at the end.
        startPosition: 0,
      });
      wireQuality(container, hls, Hls);
      hls.loadSource(src);
      hls.attachMedia(video);
    } else if (native) {
      video.src = src;
    } else {
      throw new Error('This browser cannot play HLS');
    }
    video.controls = true;
    container.addEventListener('keydown', (event) => onKey(video, event), true);
    container.addEventListener('keyup', (event) => onKey(video, event), true);
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
