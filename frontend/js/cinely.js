// Small progressive enhancements. Every page works without this file.

// A form with errors: focus its summary (read out first, then each problem links to its field);
// without a summary, put the cursor in the first field that needs fixing.
const summary = document.querySelector('[data-error-summary]');
const firstInvalid = document.querySelector('[aria-invalid="true"]');
if (summary instanceof HTMLElement) {
  summary.focus();
} else if (firstInvalid instanceof HTMLElement) {
  firstInvalid.focus();
}
// A link in the summary focuses the field itself (a plain #id link only scrolls to it); for a
// group of choices (a fieldset), its first control.
for (const link of document.querySelectorAll('[data-error-summary] a[href^="#"]')) {
  link.addEventListener('click', (event) => {
    const target = document.getElementById(decodeURIComponent(link.hash.slice(1)));
    if (!target) return;
    const control = target.matches('input, select, textarea, button')
      ? target
      : target.querySelector('input, select, textarea, button');
    if (control instanceof HTMLElement) {
      event.preventDefault();
      target.scrollIntoView({ block: 'center' });
      control.focus();
    }
  });
}

// Filters that apply as soon as a choice is made (the submit button stays for no-JS use).
for (const select of document.querySelectorAll('select[data-autosubmit]')) {
  select.addEventListener('change', () => select.form?.requestSubmit());
}

// Filters that fold away on a phone (results first) are always open on a wider screen. The CSS
// already shows them there (::details-content); this keeps the element's own state in step, for
// assistive technology and for browsers without that selector.
const folds = document.querySelectorAll('details[data-filters-fold]');
if (folds.length) {
  const wide = window.matchMedia('(min-width: 901px)');
  const sync = () => {
    for (const fold of folds) {
      fold.open = wide.matches;
    }
  };
  sync();
  wide.addEventListener('change', sync);
}

// Close open menus when clicking elsewhere or pressing Escape.
const menus = document.querySelectorAll('details.account-menu, details.nav-menu');
document.addEventListener('click', (event) => {
  for (const menu of menus) {
    if (menu.open && !menu.contains(event.target)) {
      menu.open = false;
    }
  }
});
document.addEventListener('keydown', (event) => {
  if (event.key !== 'Escape') return;
  for (const menu of menus) {
    if (menu.open) {
      menu.open = false;
      menu.querySelector('summary')?.focus();
    }
  }
});

// Job form: the amount, unit and currency only matter for paid work.
const payFields = document.querySelector('[data-pay-fields]');
const compensation = document.querySelectorAll('input[data-compensation]');
if (payFields && compensation.length) {
  const sync = () => {
    const chosen = document.querySelector('input[data-compensation]:checked');
    payFields.hidden = chosen !== null && chosen.value !== 'PAID';
  };
  compensation.forEach((radio) => radio.addEventListener('change', sync));
  sync();
}

// Video players (a work's page, an applicant's reels): poster and play button until pressed;
// player.js loads hls.js and the video only then.
if (document.querySelector('[data-player]')) {
  import('./player.js').then((player) => player.initPlayers());
}

// Live updates (the bell, the feed) on signed-in pages.
if (document.body.dataset.live) {
  import('./live.js');
}
