// The victims caseworker's queue: open cases in the order of the Victims' Code deadline still to act on
// (GET /api/victim-cases?status=open&sort=nextDeadline), overdue first and said so in words. No personal
// details here: a case's own page shows them, on purpose and audited.
'use strict';

(function () {
  const { el, api, me } = window.SaferKent;
  const PAGE_SIZE = 50;
  const state = { page: 0, district: '' };

  function $(id) { return document.getElementById(id); }

  const DEADLINES = {
    'first-contact': 'First contact',
    'restorative-justice-information': 'Restorative justice information'
  };

  function deadlineName(code) { return DEADLINES[code] || code; }

  function when(value) {
    if (!value) return '—';
    const date = new Date(value);
    return isNaN(date) ? String(value)
      : date.toLocaleString('en-GB', { timeZone: 'Europe/London', dateStyle: 'medium', timeStyle: 'short' });
  }

  function words(code) { return code ? code.replace(/-/g, ' ') : '—'; }

  function row(c) {
    const due = [el('time', { datetime: c.deadlineAt || '', text: when(c.deadlineAt) })];
    if (c.overdue) due.unshift(el('span', { className: 'badge badge-bad', text: 'Overdue' }), ' ');
    const flags = (c.flags || []).length ? el('small', { text: ' flags: ' + c.flags.map(words).join(', ') }) : null;
    const entitlement = c.enhanced
      ? [el('span', { className: 'badge badge-info', text: 'Enhanced' }),
         el('small', { text: ' ' + (c.enhancedReasons || []).map(words).join(', ') })]
      : 'Standard';
    return el('tr', { 'data-case-id': c.id, className: c.overdue ? 'is-overdue' : null },
      el('th', { scope: 'row' }, el('a', { href: 'case.html?id=' + encodeURIComponent(c.id), text: c.id })),
      el('td', { text: words(c.district) }),
      el('td', {}, words(c.category), flags),
      el('td', {}, entitlement),
      el('td', { text: c.status === 'OPEN' ? 'Open' : words((c.status || '').toLowerCase()) }),
      el('td', { text: c.deadline ? deadlineName(c.deadline) : 'None left to act on' }),
      el('td', { className: 'nowrap' }, due));
  }

  async function load() {
    const query = new URLSearchParams({ status: 'open', sort: 'nextDeadline', page: String(state.page), size: String(PAGE_SIZE) });
    if (state.district) query.set('district', state.district);
    $('queue-status').textContent = 'Loading…';
    try {
      const result = await api('/api/victim-cases?' + query);
      const body = $('queue');
      body.replaceChildren(...result.items.map(row));
      if (!result.items.length) {
        body.append(el('tr', {}, el('td', { colspan: '7', className: 'empty', text: 'No open cases.' })));
      }
      const overdue = result.items.filter(c => c.overdue).length;
      const from = result.total ? state.page * PAGE_SIZE + 1 : 0;
      const to = state.page * PAGE_SIZE + result.items.length;
      $('queue-status').textContent = 'Showing ' + from + '–' + to + ' of ' + result.total + ' open cases'
        + (state.district ? ' in ' + words(state.district) : '') + '; ' + overdue + ' overdue on this page.';
      $('previous').disabled = state.page === 0;
      $('next').disabled = to >= result.total;
    } catch (error) {
      $('queue-status').textContent = 'The queue could not be loaded: ' + error.message;
    }
  }

  document.addEventListener('DOMContentLoaded', () => {
    me().then(person => { $('person').textContent = person.name; }).catch(() => {});
    $('queue-filter').addEventListener('submit', event => {
      event.preventDefault();
      state.district = $('district').value;
      state.page = 0;
      load();
    });
    $('previous').addEventListener('click', () => { state.page = Math.max(0, state.page - 1); load(); });
    $('next').addEventListener('click', () => { state.page += 1; load(); });
    load();
  });
})();
