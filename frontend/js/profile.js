// The profile settings page: the photo is saved without leaving the page, so what is typed in the
// details below stays as it is. Without this file the photo goes with the details in one form
// (form="profile-form"), which keeps them too.

const editor = document.querySelector('[data-avatar-editor]');
const form = document.getElementById('profile-form');
const input = document.getElementById('avatar-file');
const button = editor?.querySelector('[data-avatar-upload]');
const errorLine = document.getElementById('avatar-error');
const statusLine = editor?.querySelector('[data-avatar-status]');
const maxBytes = Number(editor?.dataset.maxBytes || 0);

function showError(text) {
  if (!errorLine || !input) return;
  errorLine.textContent = text || '';
  errorLine.hidden = !text;
  input.setAttribute('aria-invalid', text ? 'true' : 'false');
  input.setAttribute('aria-describedby', text ? 'avatar-hint avatar-error' : 'avatar-hint');
  if (text) input.focus();
}

function showPhoto(url) {
  let image = editor.querySelector('[data-avatar-image]');
  if (!image) {
    image = document.createElement('img');
    image.className = 'avatar avatar--large';
    image.width = 96;
    image.height = 96;
    image.alt = '';
    image.dataset.avatarImage = '';
    editor.querySelector('[data-avatar-initial]')?.replaceWith(image);
  }
  image.src = url;
}

function tooLarge(file) {
  return maxBytes > 0 && file.size > maxBytes;
}

if (editor && form && input && button) {
  button.addEventListener('click', async (event) => {
    const file = input.files?.[0];
    if (!file) return; // nothing chosen: the form goes as it is (the server says to choose one)
    event.preventDefault();
    if (tooLarge(file)) {
      showError(editor.dataset.tooLarge);
      return;
    }
    const data = new FormData();
    data.append('avatar', file);
    const token = form.querySelector('input[type="hidden"][name="_csrf"]');
    if (token) data.append(token.name, token.value);
    button.disabled = true;
    try {
      const response = await fetch(form.action.replace(/\/settings\/profile$/, '/settings/profile/avatar'), {
        method: 'POST',
        body: data,
        headers: { Accept: 'application/json' },
        credentials: 'same-origin',
      });
      const answer = await response.json().catch(() => ({}));
      if (!response.ok) {
        showError(answer.error || editor.dataset.failed);
        return;
      }
      showError('');
      showPhoto(answer.avatarUrl);
      input.value = '';
      if (statusLine) {
        statusLine.textContent = answer.message;
        statusLine.hidden = false;
      }
    } catch (e) {
      showError(editor.dataset.failed);
    } finally {
      button.disabled = false;
    }
  });

  // A photo over the limit would make the whole form unreadable to the server (and lose what was
  // typed): refuse it here first.
  form.addEventListener('submit', (event) => {
    const file = input.files?.[0];
    if (file && tooLarge(file)) {
      event.preventDefault();
      showError(editor.dataset.tooLarge);
    }
  });
}
