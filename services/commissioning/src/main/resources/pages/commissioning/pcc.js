// SaferKent: the PCC office's performance dashboard. The contracts and their targets (GET /api/contracts),
// performance per contract × district × quarter with red / amber / green per target as the service assesses
// it (GET /api/commissioning/performance), trends over the last eight quarters as small inline SVG charts
// (each with its figures as a table), Kent or one district, the MoJ return as a download, and figures kept
// live by polling the cursor feed (GET /api/commissioning/feed?after=; a removed entry, from a variation or a
// rebuild that dropped the cell, takes the cell off the page). Aggregates only, as the PCC's office may see them
// (statistical disclosure control): a suppressed count or measure comes as null with its reason in
// performance.suppressed and is shown as such ("fewer than 5", or "withheld" where showing it would reveal one),
// never as 0; Kent's totals are the service's own (district "kent"), never summed here from districts. Plain DOM:
// every value is written as text, never as HTML.
'use strict';

(function () {
  const el = SaferKent.el;
  const SVG = 'http://www.w3.org/2000/svg';
  const POLL_MS = 3000;
  const TREND_QUARTERS = 8;
  const DISTRICTS = ['ashford', 'canterbury', 'dartford', 'dover', 'folkestone-and-hythe', 'gravesham', 'maidstone',
    'sevenoaks', 'swale', 'thanet', 'tonbridge-and-malling', 'tunbridge-wells'];
  const MEASURES = {
    'contacted-within-deadline-share': { label: 'Contacted within the Victims\' Code deadline', field: 'contactedWithinDeadlineShare' },
    'cope-and-recover-share': { label: 'Better able to cope and recover', field: 'copeAndRecoverShare' },
    'needs-met-share': { label: 'Needs met', field: 'needsMetShare' },
    'referrals-accepted-share': { label: 'Referrals accepted', field: 'referralsAcceptedShare' },
    'rj-completion-share': { label: 'Restorative justice cases completed', field: 'rjCompletionShare' },
    'rj-satisfaction-share': { label: 'Restorative justice participants satisfied', field: 'rjSatisfactionShare' },
    'rj-would-recommend-share': { label: 'Would recommend restorative justice', field: 'rjWouldRecommendShare' },
    'fte-reduction': { label: 'Fall in first-time entrants on a year before', field: 'fteReduction' },
    'cost-per-victim-supported': { label: 'Cost per victim supported', field: 'costPerVictimSupported', money: true, lowerIsBetter: true }
  };
  const RAG_WORDS = { green: 'Green', amber: 'Amber', red: 'Red', 'no-data': 'No data' };

  const state = { contracts: [], cells: new Map(), cursor: 0, polling: false, view: null };

  function $(id) { return document.getElementById(id); }

  // ---------- words and numbers ----------
  function districtName(code) {
    return code.split('-').map(w => (w === 'and' ? w : w.charAt(0).toUpperCase() + w.substring(1))).join(' ');
  }
  function contractName(contract) { return contract.provider + ': ' + contract.service; }
  function measureOf(code) { return MEASURES[code] || { label: code, field: null }; }
  function percent(value) { return (value * 100).toFixed(1) + '%'; }
  function money(value) {
    return '£' + Number(value).toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  }
  function figure(measure, value) {
    if (value === null || value === undefined) return '—';
    return measureOf(measure).money ? money(value) : percent(value);
  }
  function targetWords(target) {
    const m = measureOf(target.measure);
    const goal = m.money ? money(target.target) : percent(target.target).replace('.0%', '%');
    const margin = Number(target.amberWithin) === 0 ? 'no amber margin'
      : 'amber within ' + (m.money ? money(target.amberWithin) : (target.amberWithin * 100).toFixed(1).replace('.0', '') + ' points');
    return (m.lowerIsBetter ? 'at most ' : 'at least ') + goal + ', ' + margin;
  }
  const KENT = 'kent';
  function measureField(code) { return code.replace(/-([a-z])/g, (m, c) => c.toUpperCase()); }
  /** A suppressed figure, with its reason in words a screen reader reads too. */
  function suppressedFigure(why) {
    return why === 'secondary'
      ? el('span', { className: 'suppressed', title: 'Withheld: showing it would reveal a count from 1 to 4' },
        'withheld', el('span', { className: 'visually-hidden', text: ' (showing it would reveal a count from 1 to 4)' }))
      : el('span', { className: 'suppressed', title: 'Fewer than 5: not shown, so that it cannot point at a person' },
        'fewer than 5', el('span', { className: 'visually-hidden', text: ' (suppressed so that it cannot point at a person)' }));
  }
  function countCell(performance, key) {
    const value = performance.counts[key];
    if (value !== null && value !== undefined) return el('td', { className: 'num', text: String(value) });
    return el('td', { className: 'num' }, suppressedFigure((performance.suppressed || {})[key]));
  }
  function ragBadge(status) {
    const code = RAG_WORDS[status] ? status : 'no-data';
    return el('span', { className: 'rag rag-' + (code === 'no-data' ? 'none' : code), text: RAG_WORDS[code] });
  }

  // ---------- quarters ----------
  function quarterIndex(q) {
    const m = /^(\d{4})-Q([1-4])$/.exec(q || '');
    return m ? Number(m[1]) * 4 + Number(m[2]) - 1 : null;
  }
  function quarterOf(index) { return Math.floor(index / 4) + '-Q' + (index % 4 + 1); }
  function thisQuarter() {
    const now = new Date();
    return now.getFullYear() + '-Q' + (Math.floor(now.getMonth() / 3) + 1);
  }
  function lastQuarters(quarter, count) {
    const end = quarterIndex(quarter);
    const list = [];
    for (let i = end - count + 1; i <= end; i++) list.push(quarterOf(i));
    return list;
  }

  // ---------- what is shown: the address's ?contract=&district=&quarter= ----------
  // In the query, not the fragment: a link followed before signing in keeps its query through the sign-in (the
  // service saves the request), while a browser drops the fragment at the sign-in form. Older #... links still open.
  function viewParams() {
    const query = window.location.search.substring(1);
    return new URLSearchParams(query || window.location.hash.substring(1));
  }
  function readView() {
    const params = viewParams();
    const district = DISTRICTS.includes(params.get('district')) ? params.get('district') : '';
    const quarter = quarterIndex(params.get('quarter')) !== null ? params.get('quarter') : defaultQuarter();
    return { contract: params.get('contract') || '', district, quarter };
  }
  function viewHref(view) {
    const params = new URLSearchParams();
    if (view.contract) params.set('contract', view.contract);
    if (view.district) params.set('district', view.district);
    if (view.quarter) params.set('quarter', view.quarter);
    return '?' + params.toString();
  }
  function show(href) {
    window.history.pushState(null, '', href);
    viewChanged();
  }
  function defaultQuarter() {
    const now = quarterIndex(thisQuarter());
    let latest = null;
    state.cells.forEach(cell => {
      const index = quarterIndex(cell.quarter);
      if (index !== null && index <= now && (latest === null || index > latest)) latest = index;
    });
    return latest === null ? thisQuarter() : quarterOf(latest);
  }

  // ---------- the choices ----------
  function renderChoices(view) {
    const contract = $('choose-contract');
    contract.replaceChildren(el('option', { value: '', text: 'All contracts' }),
      ...sortedContracts().map(c => el('option', { value: c.id, text: contractName(c) + (c.status === 'ended' ? ' (ended)' : '') })));
    contract.value = view.contract;
    const district = $('choose-district');
    if (district.options.length === 1) {
      DISTRICTS.forEach(code => district.append(el('option', { value: code, text: districtName(code) })));
    }
    district.value = view.district;
    const quarters = new Set([thisQuarter(), view.quarter]);
    state.cells.forEach(cell => quarters.add(cell.quarter));
    const quarter = $('choose-quarter');
    quarter.replaceChildren(...[...quarters].filter(q => quarterIndex(q) !== null)
      .sort((a, b) => quarterIndex(b) - quarterIndex(a)).map(q => el('option', { value: q, text: q })));
    quarter.value = view.quarter;
  }

  function sortedContracts() {
    return state.contracts.slice().sort((a, b) => contractName(a).localeCompare(contractName(b)));
  }

  // ---------- performance ----------
  function cellsOf(contractId, view, quarter) {
    const list = [];
    state.cells.forEach(cell => {
      if (cell.contractId === contractId && cell.quarter === quarter && cell.district !== KENT
        && (!view.district || cell.district === view.district)) list.push(cell);
    });
    return list.sort((a, b) => a.district.localeCompare(b.district));
  }

  /** The contract's Kent total for the quarter as the service publishes it, or null. */
  function kentOf(contractId, quarter) {
    let found = null;
    state.cells.forEach(cell => {
      if (cell.contractId === contractId && cell.quarter === quarter && cell.district === KENT) found = cell;
    });
    return found;
  }

  function shownContracts(view) {
    return sortedContracts().filter(c => (!view.contract || c.id === view.contract)
      && (!view.district || (c.districts || []).includes(view.district)));
  }

  function targetsOf(contract, cells) {
    // the targets as the figures were assessed against (a variation may have changed them), else as contracted
    const seen = new Map();
    cells.forEach(cell => (cell.performance.targets || []).forEach(t => { if (!seen.has(t.measure)) seen.set(t.measure, t); }));
    (contract.targets || []).forEach(t => { if (!seen.has(t.measure)) seen.set(t.measure, t); });
    return [...seen.values()];
  }

  function renderPerformance(view) {
    const box = $('performance');
    const blocks = [];
    shownContracts(view).forEach(contract => {
      const cells = cellsOf(contract.id, view, view.quarter);
      if (!cells.length) return;
      const targets = targetsOf(contract, cells);
      const head = el('tr', {}, el('th', { scope: 'col', text: 'District' }),
        el('th', { scope: 'col', className: 'num', text: 'Referrals routed' }),
        el('th', { scope: 'col', className: 'num', text: 'Victims supported' }),
        ...targets.map(t => el('th', { scope: 'col' }, measureOf(t.measure).label, el('br'),
          el('small', { text: 'target ' + targetWords(t) }))));
      const rows = cells.map(cell => {
        const p = cell.performance;
        const districtCell = view.district ? el('th', { scope: 'row', text: districtName(cell.district) })
          : el('th', { scope: 'row' }, el('a', {
            href: viewHref(Object.assign({}, view, { district: cell.district })),
            id: 'drill-' + contract.id + '-' + cell.district,
            className: 'drill',
            text: districtName(cell.district),
            'aria-label': districtName(cell.district) + ': ' + contractName(contract) + ' in this district'
          }));
        return el('tr', { 'data-contract': contract.id, 'data-district': cell.district },
          districtCell,
          countCell(p, 'referralsRouted'),
          countCell(p, 'victimsSupported'),
          ...targets.map(t => {
            const status = (p.targets || []).find(s => s.measure === t.measure);
            const why = (p.suppressed || {})[measureField(t.measure)];
            return el('td', { className: 'target-cell' },
              why ? suppressedFigure(why) : el('span', { className: 'figure', text: figure(t.measure, status ? status.value : null) }), ' ',
              ragBadge(status ? status.status : 'no-data'));
          }));
      });
      const table = el('table', { className: 'grid performance' },
        el('caption', { text: view.quarter + (view.district ? ', ' + districtName(view.district) : ', by district') }),
        el('thead', {}, head), el('tbody', {}, rows));
      const kent = kentOf(contract.id, view.quarter);
      if (!view.district && cells.length > 1 && kent) {
        table.append(el('tfoot', {}, el('tr', { className: 'total' },
          el('th', { scope: 'row', text: 'Kent (these ' + cells.length + ' districts)' }),
          countCell(kent.performance, 'referralsRouted'),
          countCell(kent.performance, 'victimsSupported'),
          ...targets.map(t => el('td', { text: ragSummary(cells, t.measure) })))));
      }
      blocks.push(el('div', { className: 'contract-block', 'data-contract': contract.id },
        el('h3', { text: contractName(contract) }), el('div', { className: 'table-scroll' }, table)));
    });
    box.replaceChildren(...(blocks.length ? blocks
      : [el('p', { className: 'empty', text: 'No figures for ' + view.quarter + (view.district ? ' in ' + districtName(view.district) : '') + '.' })]));
  }

  function ragSummary(cells, measure) {
    const counts = {};
    cells.forEach(cell => {
      const s = (cell.performance.targets || []).find(t => t.measure === measure);
      const code = s ? s.status : 'no-data';
      counts[code] = (counts[code] || 0) + 1;
    });
    return ['green', 'amber', 'red', 'no-data'].filter(code => counts[code])
      .map(code => counts[code] + ' ' + RAG_WORDS[code]).join(', ') + ' (districts)';
  }

  // ---------- trends ----------
  function svg(tag, attrs, text) {
    const node = document.createElementNS(SVG, tag);
    Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, String(v)));
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function suppressedWords(why) { return why === 'secondary' ? 'withheld' : 'fewer than 5'; }

  let chartCount = 0;

  /**
   * A chart of one series over the quarters, and the same figures as a table (its text alternative).
   * kind 'bars' for counts; 'line' for a target's measure, with the target as a dashed line and each point's status.
   */
  function chart(title, quarters, points, options) {
    const id = 'chart-' + (++chartCount);
    const width = 420, height = 150, left = 56, right = 10, top = 12, bottom = 24;
    const values = points.map(p => p.value).filter(v => v !== null && v !== undefined);
    let max = Math.max(options.kind === 'bars' ? 1 : 0, ...values, options.target !== undefined ? Number(options.target) : 0);
    if (options.kind === 'line' && !options.money) max = Math.max(1, max);
    const min = Math.min(0, ...values);
    const plotW = width - left - right, plotH = height - top - bottom;
    const x = i => left + (i + 0.5) * plotW / quarters.length;
    const y = v => top + plotH - (v - min) / (max - min || 1) * plotH;
    const format = v => (options.kind === 'bars' ? String(v) : (options.money ? money(v) : percent(v)));
    const picture = svg('svg', { viewBox: '0 0 ' + width + ' ' + height, width, height, role: 'img', 'aria-labelledby': id + '-t', class: 'chart' });
    picture.append(svg('title', { id: id + '-t' }, title + ': ' + points.map((p, i) => quarters[i] + ' '
      + (p.suppressed ? suppressedWords(p.suppressed) : p.value === null || p.value === undefined ? 'no figures' : format(p.value))).join('; ')));
    picture.append(svg('line', { x1: left, x2: width - right, y1: y(min), y2: y(min), class: 'axis' }));
    picture.append(svg('text', { x: left - 6, y: y(max) + 4, 'text-anchor': 'end', class: 'tick' }, format(max)));
    picture.append(svg('text', { x: left - 6, y: y(min) + 4, 'text-anchor': 'end', class: 'tick' }, format(min)));
    quarters.forEach((q, i) => picture.append(svg('text', { x: x(i), y: height - 6, 'text-anchor': 'middle', class: 'tick' },
      q.substring(2).replace('-', ' '))));
    if (options.kind === 'bars') {
      const barW = plotW / quarters.length * 0.6;
      points.forEach((p, i) => {
        if (p.value === null || p.value === undefined) return;
        picture.append(svg('rect', { x: x(i) - barW / 2, y: y(p.value), width: barW, height: Math.max(0, y(min) - y(p.value)), class: 'bar' }));
      });
    } else {
      if (options.target !== undefined) {
        picture.append(svg('line', { x1: left, x2: width - right, y1: y(Number(options.target)), y2: y(Number(options.target)), class: 'target-line' }));
      }
      const line = points.map((p, i) => (p.value === null || p.value === undefined ? null : x(i) + ',' + y(p.value))).filter(Boolean);
      if (line.length > 1) picture.append(svg('polyline', { points: line.join(' '), class: 'trend' }));
      points.forEach((p, i) => {
        if (p.value === null || p.value === undefined) return;
        picture.append(svg('circle', { cx: x(i), cy: y(p.value), r: 4.5, class: 'point rag-dot-' + (p.status || 'no-data') }));
      });
    }
    const headers = [el('th', { scope: 'col', text: 'Quarter' }), el('th', { scope: 'col', text: options.kind === 'bars' ? 'Count' : 'Value' })];
    if (options.kind === 'line') headers.push(el('th', { scope: 'col', text: 'Status' }));
    const table = el('table', { className: 'grid figures' }, el('caption', { text: title }),
      el('thead', {}, el('tr', {}, headers)),
      el('tbody', {}, points.map((p, i) => el('tr', {}, el('th', { scope: 'row', text: quarters[i] }),
        p.suppressed ? el('td', {}, suppressedFigure(p.suppressed))
          : el('td', { text: p.value === null || p.value === undefined ? 'no figures' : format(p.value) }),
        options.kind === 'line' ? el('td', {}, ragBadge(p.status || 'no-data')) : null))));
    return el('figure', { className: 'trend-chart' },
      el('figcaption', { text: title + (options.target !== undefined ? ' (target ' + options.targetWords + ')' : '') }),
      picture,
      el('details', { className: 'figures-table' }, el('summary', { text: 'The figures as a table' }), table));
  }

  function renderTrends(view) {
    const box = $('trends');
    chartCount = 0;
    const quarters = lastQuarters(view.quarter, TREND_QUARTERS);
    const blocks = [];
    shownContracts(view).forEach(contract => {
      const byQuarter = quarters.map(q => cellsOf(contract.id, view, q));
      if (!byQuarter.some(cells => cells.length)) return;
      const where = view.district ? districtName(view.district) : 'Kent';
      // a count per quarter as published: the district's, or the contract's Kent total; suppressed is not 0
      const total = key => quarters.map((q, i) => {
        const cell = view.district ? byQuarter[i][0] : kentOf(contract.id, q);
        if (!cell) return { value: null };
        const value = cell.performance.counts[key];
        return value === null || value === undefined ? { value: null, suppressed: (cell.performance.suppressed || {})[key] || 'primary' } : { value };
      });
      const charts = [
        chart('Referrals routed, ' + where, quarters, total('referralsRouted'), { kind: 'bars' }),
        chart('Victims supported, ' + where, quarters, total('victimsSupported'), { kind: 'bars' })
      ];
      if (!view.district) {
        // Kent: how many districts met each target (the measures are the districts' own; shares are not summed)
        targetsOf(contract, [].concat(...byQuarter)).forEach(t => {
          const points = byQuarter.map(cells => ({
            value: cells.length ? cells.filter(cell => (cell.performance.targets || [])
              .some(s => s.measure === t.measure && s.status === 'green')).length : null
          }));
          charts.push(chart('Districts at Green on ' + measureOf(t.measure).label.toLowerCase() + ', Kent', quarters, points,
            { kind: 'bars' }));
        });
      } else {
        targetsOf(contract, [].concat(...byQuarter)).forEach(t => {
          const points = byQuarter.map(cells => {
            const s = cells.length ? (cells[0].performance.targets || []).find(each => each.measure === t.measure) : null;
            const why = cells.length ? (cells[0].performance.suppressed || {})[measureField(t.measure)] : null;
            return { value: s ? s.value : null, status: s ? s.status : 'no-data', suppressed: why || undefined };
          });
          charts.push(chart(measureOf(t.measure).label + ', ' + where, quarters, points,
            { kind: 'line', target: t.target, targetWords: targetWords(t), money: measureOf(t.measure).money }));
        });
      }
      blocks.push(el('div', { className: 'contract-block' }, el('h3', { text: contractName(contract) }),
        view.district ? null : el('p', { className: 'hint', text: 'Choose a district to see each target\'s own figures there.' }),
        el('div', { className: 'charts' }, charts)));
    });
    box.replaceChildren(...(blocks.length ? blocks : [el('p', { className: 'empty', text: 'No figures in these eight quarters.' })]));
  }

  // ---------- contracts ----------
  function renderContracts(view) {
    const contracts = sortedContracts().filter(c => (!view.contract || c.id === view.contract)
      && (!view.district || (c.districts || []).includes(view.district)));
    if (!contracts.length) {
      $('contracts').replaceChildren(el('p', { className: 'empty', text: 'No contracts.' }));
      return;
    }
    const head = ['Provider and service', 'Pathways', 'Districts', 'Period', 'Value', 'Status', 'Targets'];
    $('contracts').replaceChildren(el('div', { className: 'table-scroll' }, el('table', { className: 'grid contracts' },
      el('caption', { text: 'Contracts' + (view.district ? ' covering ' + districtName(view.district) : '') }),
      el('thead', {}, el('tr', {}, head.map(h => el('th', { scope: 'col', text: h })))),
      el('tbody', {}, contracts.map(c => el('tr', { 'data-contract': c.id },
        el('th', { scope: 'row', text: contractName(c) }),
        el('td', { text: (c.pathways || []).join(', ') }),
        el('td', { text: (c.districts || []).map(districtName).join(', ') }),
        el('td', { className: 'nowrap', text: c.period.start + ' to ' + c.period.end }),
        el('td', { className: 'num', text: money(c.value) }),
        el('td', { text: c.status + (c.endedOn ? ' (' + c.endedOn + ')' : '') }),
        el('td', {}, (c.targets || []).length
          ? el('ul', { className: 'plain' }, c.targets.map(t => el('li', { text: measureOf(t.measure).label + ': ' + targetWords(t) })))
          : 'none')))))));
  }

  // ---------- the whole view ----------
  function viewChanged() {
    const before = document.activeElement;
    render();
    // a drill-down link was replaced by the new table: the keyboard carries on from the figures' heading
    if (!document.activeElement || document.activeElement === document.body || !document.contains(before)) {
      $('performance-h').focus();
    }
  }
  function render() {
    const view = readView();
    state.view = view;
    // a re-drawn table keeps the keyboard where it was
    const focused = document.activeElement && document.activeElement.id;
    renderChoices(view);
    const contract = state.contracts.find(c => c.id === view.contract);
    const summary = (contract ? contractName(contract) : 'All contracts') + ', '
      + (view.district ? districtName(view.district) : 'Kent (every district)') + ', ' + view.quarter;
    $('view-summary').textContent = summary;
    $('performance-for').textContent = summary;
    $('trends-for').textContent = lastQuarters(view.quarter, TREND_QUARTERS)[0] + ' to ' + view.quarter;
    const moj = $('moj-return');
    moj.href = '/api/commissioning/returns/moj.csv?quarter=' + encodeURIComponent(view.quarter);
    moj.textContent = 'Download the MoJ return for ' + view.quarter + ' (CSV, every contract and district)';
    renderPerformance(view);
    renderTrends(view);
    renderContracts(view);
    if (focused && $(focused)) $(focused).focus();
    return view;
  }

  function choose() {
    const view = {
      contract: $('choose-contract').value, district: $('choose-district').value, quarter: $('choose-quarter').value
    };
    show(viewHref(view));
  }

  // ---------- live ----------
  function applyEntry(entry) {
    if (entry.removed || !entry.performance) state.cells.delete(entry.key);
    else state.cells.set(entry.key, entry);
    state.cursor = Math.max(state.cursor, entry.sequence);
  }

  function inView(entry, view) {
    const quarters = lastQuarters(view.quarter, TREND_QUARTERS);
    return (!view.contract || entry.contractId === view.contract) && (!view.district || entry.district === view.district)
      && quarters.includes(entry.quarter);
  }

  async function poll() {
    if (state.polling) return;
    state.polling = true;
    try {
      const changes = [];
      let page;
      do {
        page = await SaferKent.api('/api/commissioning/feed?after=' + state.cursor + '&limit=1000');
        (page.items || []).forEach(entry => { applyEntry(entry); changes.push(entry); });
        state.cursor = Math.max(state.cursor, page.next);
      } while (page.more);
      if (changes.length) {
        if (changes.some(entry => !state.contracts.some(c => c.id === entry.contractId))) {
          state.contracts = await SaferKent.api('/api/contracts');
        }
        const view = state.view || readView();
        const shown = changes.filter(entry => inView(entry, view)).length;
        render();
        if (shown) {
          $('live').textContent = 'Figures updated at ' + new Date().toLocaleTimeString('en-GB') + ' (' + shown
            + (shown === 1 ? ' change' : ' changes') + ' in this view).';
        }
      }
      $('problem').hidden = true;
    } catch (error) {
      showProblem('The figures could not be brought up to date: ' + error.message + '. Trying again shortly.');
    } finally {
      state.polling = false;
    }
  }

  function showProblem(text) {
    const problem = $('problem');
    problem.textContent = text;
    problem.hidden = false;
  }

  // ---------- print: the Police and Crime Panel's copy shows every table ----------
  const opened = [];
  window.addEventListener('beforeprint', () => {
    document.querySelectorAll('details.figures-table:not([open])').forEach(d => { d.open = true; opened.push(d); });
  });
  window.addEventListener('afterprint', () => { opened.splice(0).forEach(d => { d.open = false; }); });

  async function start() {
    $('print').addEventListener('click', () => window.print());
    ['choose-contract', 'choose-district', 'choose-quarter'].forEach(id => $(id).addEventListener('change', choose));
    $('choose').addEventListener('submit', event => { event.preventDefault(); choose(); });
    window.addEventListener('popstate', viewChanged);
    // a drill-down link changes the view in place (the figures are already here)
    document.addEventListener('click', event => {
      const link = event.target.closest && event.target.closest('a.drill');
      if (link && !event.ctrlKey && !event.metaKey && !event.shiftKey && event.button === 0) {
        event.preventDefault();
        show(link.getAttribute('href'));
      }
    });
    if (!window.location.search && window.location.hash.length > 1) {
      window.history.replaceState(null, '', '?' + window.location.hash.substring(1));
    }
    try {
      const [me, contracts, cells] = await Promise.all([SaferKent.me(), SaferKent.api('/api/contracts'),
        SaferKent.api('/api/commissioning/performance')]);
      $('person').textContent = me.name || '—';
      state.contracts = contracts;
      cells.forEach(applyEntry);
      render();
      $('live').textContent = 'Live: the figures follow the feed.';
      window.setInterval(poll, POLL_MS);
    } catch (error) {
      showProblem('The figures could not be loaded: ' + error.message);
    }
  }

  document.addEventListener('DOMContentLoaded', start);
})();
