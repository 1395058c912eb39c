// The Police and Crime Panel's view (GET /api/partnership/panel?year=): the performance framework's measures and
// the PCC's commissioning performance, aggregates only, suppressed cells shown as "suppressed" (never a colour alone).
'use strict';

(function () {
  const { el, api, me, showProblem } = SaferKent;
  const $ = id => document.getElementById(id);
  const NAMES = {
    'victims-contacted-within-code': "Victims contacted within the Victims' Code",
    'repeat-domestic-abuse-referrals': 'Repeat domestic abuse referrals',
    'rj-completion': 'Restorative justice cases completed',
    'asb-case-reviews': 'ASB case reviews carried out',
    'rj-satisfaction': 'Restorative justice victims satisfied',
    referralsRouted: 'Referrals routed to commissioned services',
    victimsSupported: 'Victims supported',
    contactedWithinDeadline: "First contacts within the Victims' Code"
  };

  function words(code) {
    return code ? code.replace(/-/g, ' ') : '—';
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
    return el('table', { className: 'grid panel-table', 'data-measure': m.measure },
      el('caption', { text: (NAMES[m.measure] || words(m.measure)) + ': target ' + target }),
      el('thead', {}, el('tr', {},
        el('th', { scope: 'col', text: 'area' }), el('th', { scope: 'col', className: 'number', text: 'met' }),
        el('th', { scope: 'col', className: 'number', text: 'of' }), el('th', { scope: 'col', className: 'number', text: 'rate' }),
        el('th', { scope: 'col', text: 'RAG' }))),
      el('tbody', {}, ...m.areas.map(a => el('tr', { 'data-area': a.area },
        el('th', { scope: 'row', text: words(a.area) }), figure(a.met), figure(a.of), rate(a.rate), rag(a.rag)))));
  }

  function countTable(t) {
    return el('table', { className: 'grid panel-table', 'data-count': t.count },
      el('caption', { text: NAMES[t.count] || t.count }),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: 'district' }),
        ...t.quarters.map(q => el('th', { scope: 'col', className: 'number', text: q })),
        el('th', { scope: 'col', className: 'number', text: 'year' }))),
      el('tbody', {}, ...t.rows.map(r => el('tr', { 'data-area': r.district },
          el('th', { scope: 'row', text: words(r.district) }), ...r.quarters.map(figure), figure(r.total))),
        el('tr', { 'data-area': 'kent' }, el('th', { scope: 'row', text: 'Kent' }), ...t.quarterTotals.map(figure), figure(t.total))));
  }

  async function show(year) {
    $('status').textContent = 'Loading…';
    try {
      const view = await api('/api/partnership/panel?year=' + encodeURIComponent(year));
      $('year-shown').textContent = String(view.year);
      $('measures').replaceChildren(...view.measures.map(measureTable));
      $('commissioning').replaceChildren(...view.commissioning.map(countTable));
      $('status').textContent = 'Figures for ' + view.year + ' shown.';
    } catch (error) {
      showProblem($('year-form'), error);
      $('status').textContent = 'The figures could not be loaded: ' + error.message;
    }
  }

  (() => {
    const params = new URLSearchParams(location.search);
    const year = params.get('year') || String(new Date().getFullYear());
    $('year').value = year;
    $('year-form').addEventListener('submit', event => {
      event.preventDefault();
      show($('year').value);
    });
    $('print').addEventListener('click', () => window.print());
    me().then(person => { $('who').textContent = person.name || person.subject || ''; }).catch(() => {});
    show(year);
  })();
})();
