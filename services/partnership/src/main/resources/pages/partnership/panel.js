// The Police and Crime Panel's view (GET /api/partnership/panel?financialYear=): the performance framework's measures
// and the PCC's commissioning performance for a financial year (April to March), aggregates only, suppressed cells
// shown as "suppressed" (never a colour alone). The year shown is in the address (?financialYear=), so a link keeps
// it through the sign-in and Back / Forward go from year to year; without one, the feed answers the current year.
'use strict';

(function () {
  const { el, api, me, showProblem } = SaferKent;
  const $ = id => document.getElementById(id);
  const NAMES = {
    'victims-contacted-within-code': "Victims contacted within the Victims' Code",
    'repeat-domestic-abuse-referrals': 'Repeat domestic abuse referrals',
    'rj-completion': 'Restorative justice cases completed',
    'asb-case-reviews': 'ASB case reviews carried out',
    'first-time-entrants': 'First-time entrants to the youth justice system (10 to 17)',
    'rj-satisfaction': 'Restorative justice victims satisfied',
    referralsRouted: 'Referrals routed to commissioned services',
    victimsSupported: 'Victims supported',
    contactedWithinDeadline: "First contacts within the Victims' Code"
  };
  // a share measure: met of all counted; first-time entrants: this year's count against the year before's
  const COLUMNS = {
    share: ['met', 'of', 'rate'],
    'against-year-before': ['entrants', 'the year before', '% of the year before']
  };
  const MONTHS = { 1: 'Jan–Mar', 2: 'Apr–Jun', 3: 'Jul–Sep', 4: 'Oct–Dec' };
  const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

  function words(code) {
    return code ? code.replace(/-/g, ' ') : '—';
  }

  function quarterName(label) {
    const m = /^(\d{4})-Q([1-4])$/.exec(label || '');
    return m ? MONTHS[m[2]] + ' ' + m[1] : label;
  }

  function day(iso) {
    return DAY.format(new Date(iso + 'T00:00:00Z'));
  }

  function figure(f) {
    if (!f || f.suppressed) return el('td', { className: 'number suppressed', text: 'suppressed' });
    return el('td', { className: 'number', text: String(f.value) });
  }

  function rate(r) {
    if (!r || r.suppressed) return el('td', { className: 'number suppressed', text: 'suppressed' });
    return el('td', { className: 'number', text: r.percent == null ? '—' : r.percent.toFixed(1) + '%' });
  }

  function rag(word) {
    const tone = { green: 'rag-green', amber: 'rag-amber', red: 'rag-red' }[word] || 'rag-none';
    return el('td', {}, el('span', { className: 'rag ' + tone, text: words(word) }));
  }

  function measureTable(m) {
    const target = m.target + '% (' + (m.higherIsBetter ? 'at least' : 'at most') + ')';
    const columns = COLUMNS[m.kind] || COLUMNS.share;
    return el('table', { className: 'grid panel-table', 'data-measure': m.measure },
      el('caption', { text: (NAMES[m.measure] || words(m.measure)) + ': target ' + target }),
      el('thead', {}, el('tr', {},
        el('th', { scope: 'col', text: 'area' }),
        ...columns.map(c => el('th', { scope: 'col', className: 'number', text: c })),
        el('th', { scope: 'col', text: 'RAG' }))),
      el('tbody', {}, ...m.areas.map(a => el('tr', { 'data-area': a.area },
        el('th', { scope: 'row', text: words(a.area) }), figure(a.numerator), figure(a.denominator), rate(a.rate), rag(a.rag)))));
  }

  function countTable(t) {
    return el('table', { className: 'grid panel-table', 'data-count': t.count },
      el('caption', { text: NAMES[t.count] || t.count }),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: 'district' }),
        ...t.quarters.map(q => el('th', { scope: 'col', className: 'number', 'data-quarter': q, text: quarterName(q) })),
        el('th', { scope: 'col', className: 'number', text: 'year' }))),
      el('tbody', {}, ...t.rows.map(r => el('tr', { 'data-area': r.district },
          el('th', { scope: 'row', text: words(r.district) }), ...r.quarters.map(figure), figure(r.total))),
        el('tr', { 'data-area': 'kent' }, el('th', { scope: 'row', text: 'Kent' }), ...t.quarterTotals.map(figure), figure(t.total))));
  }

  /** The financial year the address asks for, or null (the feed then answers the current one). */
  function askedYear() {
    const asked = new URLSearchParams(window.location.search).get('financialYear');
    return asked && asked.trim() ? asked.trim() : null;
  }

  /** A problem shown for an earlier year asked for goes once a year is shown. */
  function clearProblem() {
    const form = $('year-form');
    form.querySelectorAll('.field-error').forEach(node => node.remove());
    form.querySelectorAll('.invalid').forEach(node => node.classList.remove('invalid'));
    $('financialYear').removeAttribute('aria-invalid');
    $('financialYear').setAttribute('aria-describedby', 'financialYear-hint');
    form.querySelector('.form-summary').hidden = true;
  }

  async function show(year) {
    $('status').textContent = 'Loading…';
    $('financialYear').value = year || '';
    try {
      const view = await api('/api/partnership/panel' + (year ? '?financialYear=' + encodeURIComponent(year) : ''));
      $('financialYear').value = String(view.financialYear);
      $('year-shown').textContent = view.label;
      $('period').textContent = day(view.from) + ' to ' + day(view.to);
      $('measures').replaceChildren(...view.measures.map(measureTable));
      $('commissioning').replaceChildren(...view.commissioning.map(countTable));
      clearProblem();
      $('status').textContent = 'Figures for ' + view.label + ' shown.';
    } catch (error) {
      showProblem($('year-form'), error);
      $('status').textContent = 'The figures could not be loaded: ' + error.message;
    }
  }

  (() => {
    $('year-form').addEventListener('submit', event => {
      // the same address the form would open without the script, kept in the history for Back / Forward
      event.preventDefault();
      const year = $('financialYear').value.trim();
      window.history.pushState(null, '', '?financialYear=' + encodeURIComponent(year));
      show(year);
    });
    window.addEventListener('popstate', () => show(askedYear()));
    $('print').addEventListener('click', () => window.print());
    me().then(person => { $('who').textContent = person.name || person.subject || ''; }).catch(() => {});
    show(askedYear());
  })();
})();
