// A victim case for its caseworker: the summary and Victims' Code deadlines (GET /api/victim-cases/{id}), the
// timeline (GET .../timeline), the victim's personal details only when asked for (GET .../details: audited under
// the person's own name), and the forms that record a contact, a needs assessment and an outcome (POST, with the
// CSRF token; the API's own problems are shown beside each field). After a write the case and timeline refresh.
'use strict';

(function () {
  const { el, api, me, showProblem, clearProblems } = window.SaferKent;
  const caseId = new URLSearchParams(window.location.search).get('id') || '';
  const base = '/api/victim-cases/' + encodeURIComponent(caseId);
  const NEEDS = [
    ['mental-physical-health', 'Mental and physical health'],
    ['shelter-accommodation', 'Shelter and accommodation'],
    ['family-friends-children', 'Family, friends and children'],
    ['education-skills-employment', 'Education, skills and employment'],
    ['drugs-alcohol', 'Drugs and alcohol'],
    ['finance-benefits', 'Finance and benefits'],
    ['outlook-attitudes', 'Outlook and attitudes'],
    ['social-interaction', 'Social interaction']
  ];
  const DEADLINES = {
    'first-contact': 'First contact',
    'restorative-justice-information': 'Restorative justice information'
  };
  const DETAILS = [['name', 'Name'], ['dateOfBirth', 'Date of birth'], ['address', 'Address'], ['postcode', 'Postcode'],
    ['phone', 'Phone'], ['email', 'Email'], ['narrative', 'What happened']];

  function $(id) { return document.getElementById(id); }

  function when(value) {
    if (!value) return '—';
    const date = new Date(value);
    return isNaN(date) ? String(value)
      : date.toLocaleString('en-GB', { timeZone: 'Europe/London', dateStyle: 'medium', timeStyle: 'short' });
  }

  // A datetime-local value is a wall-clock time with no zone; the caseworker means the UK's, whatever the browser's
  // own zone is. The instant is found from London's offset at that time (checked again at the instant, for the hour
  // the clocks change). Unreadable input goes to the API as typed, which names the field.
  function londonOffsetMs(epochMs) {
    const parts = {};
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hourCycle: 'h23', year: 'numeric', month: '2-digit',
      day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .formatToParts(new Date(epochMs)).forEach(p => { parts[p.type] = Number(p.value); });
    return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second) - epochMs;
  }
  function ukTimeToInstant(value) {
    const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
    if (!m) return value;
    const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] || 0));
    let instant = wall - londonOffsetMs(wall);
    instant = wall - londonOffsetMs(instant);
    return new Date(instant).toISOString();
  }

  function words(code) { return code ? String(code).replace(/-/g, ' ') : '—'; }
  function needName(code) { const n = NEEDS.find(([c]) => c === code); return n ? n[1] : words(code); }

  function pair(term, ...value) { return [el('dt', { text: term }), el('dd', {}, ...value)]; }

  function renderCase(c) {
    $('case-id').textContent = c.id;
    const enhanced = c.enhanced
      ? [el('span', { className: 'badge badge-info', text: 'Enhanced' }), ' ', (c.enhancedReasons || []).map(words).join(', ')]
      : ['Standard'];
    const latest = (c.outcomes || []).length ? c.outcomes[c.outcomes.length - 1] : null;
    $('summary').replaceChildren(
      ...pair('Referral', c.referralId),
      ...pair('District', words(c.district)),
      ...pair('Category', words(c.category)),
      ...pair('Pathways', (c.pathways || []).map(words).join(', ')),
      ...pair('Status', c.status === 'OPEN' ? 'Open' : 'Closed' + (c.closure ? ' (' + words(c.closure.reason) + ')' : '')),
      ...pair('Entitlement', ...enhanced),
      ...pair('Risk level', words(c.riskLevel)),
      ...pair('MARAC', c.marac ? 'Yes' : 'No'),
      ...pair('Contacts', String((c.contacts || []).length)),
      ...pair('Needs assessments', String((c.needsAssessments || []).length)),
      ...pair('Latest outcome', latest ? latest.outcome || 'recorded' : 'None yet'),
      ...pair('Opened', when(c.openedAt)));
    $('deadlines').replaceChildren(...(c.duties || []).map(d => {
      // overdue: the service's own word (its clock): the time has passed and the work is still to do
      const state = d.state === 'met' ? 'Met ' + when(d.metAt)
        : d.state === 'breached' ? 'Missed (recorded ' + when(d.breachedAt) + ')'
        : d.state === 'stopped' ? 'Stopped (case closed)' : 'Running';
      return el('tr', {},
        el('th', { scope: 'row', text: DEADLINES[d.name] || words(d.name) }),
        el('td', { className: 'nowrap', text: when(d.dueAt) }),
        el('td', {}, d.overdue ? el('span', { className: 'badge badge-bad', text: 'Overdue' }) : null,
          d.overdue ? ' ' : null, state));
    }));
    renderOutcomeFields(c);
    $('work-card').hidden = c.status !== 'OPEN' || !state.canWrite;
  }

  function renderTimeline(entries) {
    $('timeline').replaceChildren(...entries.slice().reverse().map(entry => el('li', {},
      el('time', { datetime: entry.at, text: when(entry.at) }), ' ',
      el('strong', { text: entry.what }), entry.detail ? ' — ' + entry.detail : null)));
  }

  function select(id, name, label, options, field) {
    return el('div', { className: 'field', 'data-field': field },
      el('label', { for: id, text: label }),
      el('select', { id, name }, el('option', { value: '', text: 'Choose' }),
        ...options.map(([value, text]) => el('option', { value, text }))));
  }

  function renderNeedsFields() {
    const levels = [['none', 'None'], ['low', 'Low'], ['medium', 'Medium'], ['high', 'High']];
    $('needs-fields').replaceChildren(...NEEDS.map(([code, label]) =>
      select('need-' + code, code, label, levels, 'needs.' + code)));
  }

  function renderOutcomeFields(c) {
    const assessments = c.needsAssessments || [];
    const latest = assessments.length ? assessments[assessments.length - 1] : null;
    const assessed = latest ? Object.entries(latest.needs || {}).filter(([, level]) => level !== 'none').map(([code]) => code) : [];
    const outcomes = [['improved', 'Improved'], ['sustained', 'Sustained'], ['not-improved', 'Not improved']];
    const container = $('outcome-fields');
    if (!latest) {
      container.replaceChildren(el('p', { className: 'help', text: 'No needs assessment recorded yet.' }));
    } else if (!assessed.length) {
      container.replaceChildren(el('p', { className: 'help', text: 'The latest assessment found no needs.' }));
    } else {
      container.replaceChildren(...assessed.map(code =>
        select('outcome-' + code, code, needName(code), outcomes, 'needs.' + code)));
    }
  }

  const state = { canWrite: false };

  async function loadCase() {
    const [c, timeline] = await Promise.all([api(base), api(base + '/timeline')]);
    renderCase(c);
    renderTimeline(timeline);
    return c;
  }

  async function showDetails() {
    const result = $('details-result');
    result.replaceChildren(el('p', { text: 'Loading…' }));
    try {
      const details = await api(base + '/details');
      const rows = DETAILS.filter(([key]) => details[key]).flatMap(([key, label]) => pair(label, String(details[key])));
      result.replaceChildren(rows.length ? el('dl', { id: 'details', className: 'summary' }, ...rows)
        : el('p', { text: 'No personal details are held for this case.' }));
      $('show-details').textContent = 'Show personal details again';
    } catch (error) {
      result.replaceChildren(el('p', { className: 'notice bad', text: error.message }));
    }
  }

  /** Posts a form's body; on success refreshes the case and its timeline, on a problem shows it beside the fields. */
  async function submit(form, path, body, done) {
    clearProblems(form);
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      await api(base + path, { method: 'POST', json: body });
      form.reset();
      await loadCase();
      $('work-message').textContent = done;
    } catch (error) {
      $('work-message').textContent = '';
      showProblem(form, error);
    } finally {
      button.disabled = false;
    }
  }

  function valueOf(form, name) {
    const input = form.elements.namedItem(name);
    return input && input.value ? input.value : undefined;
  }

  function wireForms() {
    $('contact-form').addEventListener('submit', event => {
      event.preventDefault();
      const form = event.target;
      const at = valueOf(form, 'attemptedAt');
      let attemptedAt;
      if (at) {
        attemptedAt = ukTimeToInstant(at);
      }
      submit(form, '/contacts', { attemptedAt, channel: valueOf(form, 'channel'), outcome: valueOf(form, 'outcome') },
        'Contact recorded.');
    });
    $('needs-form').addEventListener('submit', event => {
      event.preventDefault();
      const form = event.target;
      const needs = {};
      NEEDS.forEach(([code]) => { needs[code] = valueOf(form, code) || null; });
      submit(form, '/needs-assessments', { needs }, 'Needs assessment recorded.');
    });
    $('outcome-form').addEventListener('submit', event => {
      event.preventDefault();
      const form = event.target;
      const needs = {};
      form.querySelectorAll('#outcome-fields select').forEach(s => { needs[s.name] = s.value || null; });
      const cope = valueOf(form, 'copeAndRecover');
      submit(form, '/outcomes', { needs, copeAndRecover: cope === undefined ? null : cope === 'true' }, 'Outcome recorded.');
    });
  }

  document.addEventListener('DOMContentLoaded', async () => {
    renderNeedsFields();
    wireForms();
    $('show-details').addEventListener('click', showDetails);
    let person = { name: '', scopes: [] };
    try { person = await me(); } catch (ignored) { /* the header stays empty */ }
    $('person').textContent = person.name;
    const scopes = person.scopes || [];
    state.canWrite = scopes.includes('victims.write');
    try {
      await loadCase();
      $('case-message').hidden = true;
      ['summary-card', 'timeline-card'].forEach(id => { $(id).hidden = false; });
      $('details-card').hidden = !scopes.includes('victims.personal');
    } catch (error) {
      $('case-message').textContent = error.status === 404 ? 'No case ' + caseId + '.' : 'The case could not be loaded: ' + error.message;
    }
  });
})();
