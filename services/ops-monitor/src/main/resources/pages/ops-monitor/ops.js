// SaferKent operations page: the picture at a glance (GET /api/ops/picture), kept live by the
// Server-Sent Events stream (GET /api/ops/stream), dead-letter handling, and every service's consumer
// bindings (GET /api/ops/bindings), paused and resumed after a confirmation. Plain DOM, no framework:
// every value is written as text (never as HTML), charts are small inline SVGs drawn here.
'use strict';

(function () {
  const SVG = 'http://www.w3.org/2000/svg';
  const FEED_MAX = 100;
  // periodic figures refresh the cards; they are listed in the feed only when asked for by kind
  const QUIET = new Set(['LagMeasured', 'ServiceHeartbeat']);
  const state = { source: null, pictureTimer: null, refreshTimer: null, detailId: null, pendingChange: null };

  // ---------- small helpers ----------
  function $(id) { return document.getElementById(id); }

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined) continue;
      if (k === 'text') node.textContent = v;
      else if (k === 'className') node.className = v;
      else node.setAttribute(k, v);
    }
    for (const child of children) {
      if (child === null || child === undefined) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function svg(tag, attrs) {
    const node = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
    return node;
  }

  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

  function time(value) {
    if (!value) return '—';
    const d = new Date(value);
    return isNaN(d) ? String(value) : d.toLocaleTimeString();
  }

  function ago(value) {
    if (!value) return '—';
    const seconds = Math.round((Date.now() - new Date(value).getTime()) / 1000);
    if (seconds < 60) return seconds + ' s ago';
    if (seconds < 3600) return Math.round(seconds / 60) + ' min ago';
    return Math.round(seconds / 3600) + ' h ago';
  }

  function badge(text, tone) {
    return el('span', { className: 'badge badge-' + (tone || 'info'), text: text || '—' });
  }

  function healthTone(status) {
    if (status === 'UP') return 'ok';
    if (!status) return 'info';
    if (status === 'UNREACHABLE' || status === 'DOWN' || status === 'OUT_OF_SERVICE') return 'bad';
    return 'warn';
  }

  async function api(path, options) {
    const response = await fetch(path, Object.assign({ headers: { Accept: 'application/json' } }, options));
    const type = response.headers.get('Content-Type') || '';
    const body = type.includes('json') ? await response.json() : null;
    if (!response.ok) {
      const detail = body && (body.detail || (body.errors || []).map(e => e.field + ' ' + e.message).join('; '));
      const error = new Error(detail || ('HTTP ' + response.status));
      error.status = response.status;
      throw error;
    }
    return body;
  }

  // ---------- charts ----------
  /** A sparkline of numbers, newest last. */
  function sparkline(values, width, height) {
    width = width || 120; height = height || 24;
    const chart = svg('svg', { class: 'spark', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img' });
    const numbers = (values || []).map(Number).filter(v => !isNaN(v));
    chart.setAttribute('aria-label', numbers.length ? 'trend, latest ' + numbers[numbers.length - 1] : 'no samples yet');
    if (numbers.length === 0) return chart;
    const max = Math.max(1, ...numbers);
    const step = numbers.length > 1 ? (width - 4) / (numbers.length - 1) : 0;
    const points = numbers.map((v, i) => [2 + i * step, height - 2 - (v / max) * (height - 4)]);
    chart.append(svg('polyline', { points: points.map(p => p.map(n => n.toFixed(1)).join(',')).join(' ') }));
    const last = points[points.length - 1];
    chart.append(svg('circle', { cx: last[0].toFixed(1), cy: last[1].toFixed(1), r: 2 }));
    return chart;
  }

  /** Horizontal bars: [{label, value, hot}]. */
  function bars(items, width) {
    width = width || 360;
    const rowHeight = 18;
    const labelWidth = Math.round(width * 0.55);
    const chart = svg('svg', { class: 'bars', width, height: Math.max(rowHeight, items.length * rowHeight),
      viewBox: `0 0 ${width} ${Math.max(rowHeight, items.length * rowHeight)}`, role: 'img' });
    const max = Math.max(1, ...items.map(i => i.value));
    items.forEach((item, i) => {
      const y = i * rowHeight;
      const label = svg('text', { x: 0, y: y + 13 });
      const fits = Math.max(8, Math.floor(labelWidth / 6.4));
      label.textContent = item.label.length > fits ? item.label.slice(0, fits - 1) + '…' : item.label;
      const title = svg('title', {});
      title.textContent = item.label + ': ' + item.value;
      const barWidth = Math.max(1, ((width - labelWidth - 40) * item.value) / max);
      chart.append(label,
        svg('rect', { class: 'track', x: labelWidth, y: y + 3, width: width - labelWidth - 40, height: 12, rx: 2 }),
        svg('rect', { class: 'bar' + (item.hot ? ' hot' : ''), x: labelWidth, y: y + 3, width: barWidth.toFixed(1), height: 12, rx: 2 }),
        title);
      const value = svg('text', { x: width - 36, y: y + 13 });
      value.textContent = String(item.value);
      chart.append(value);
    });
    chart.setAttribute('aria-label', items.map(i => i.label + ' ' + i.value).join(', '));
    return chart;
  }

  // ---------- the picture ----------
  function schedulePicture() {
    if (state.pictureTimer) return;
    state.pictureTimer = setTimeout(() => { state.pictureTimer = null; loadPicture(); }, 300);
  }

  async function loadPicture() {
    try {
      const picture = await api('/api/ops/picture');
      renderServices(picture.services || []);
      renderLag(picture.lag || {});
      renderDeadLetterSummary(picture.deadLetters || {});
      renderBreaches(picture.breaches || {});
      renderCircuits(picture.circuits || []);
      renderConsumers(picture.consumers || []);
      await loadDeadLetters();
    } catch (e) {
      console.warn('picture', e);
    }
  }

  function renderServices(services) {
    const body = $('services');
    clear(body);
    if (services.length === 0) {
      body.append(el('tr', {}, el('td', { colspan: 5, className: 'empty', text: 'No service seen yet' })));
    }
    for (const s of services) {
      const backlog = el('td', { className: 'nowrap' },
        el('span', { text: s.backlog === null || s.backlog === undefined ? '—' : String(s.backlog) }), ' ',
        s.backlogHigh ? badge('high', 'bad') : null, ' ',
        sparkline((s.backlogHistory || []).map(x => x.value), 90, 20));
      const health = el('td', { title: Object.entries(s.components || {}).map(([k, v]) => k + ': ' + v).join(', ') || (s.healthError || '') },
        badge(s.health || 'not polled', healthTone(s.health)));
      const lifecycle = el('td', {}, s.state ? badge(s.state.toLowerCase(), s.state === 'STARTED' ? 'ok' : 'warn') : '—',
        s.running > 1 ? el('small', { className: 'instances', text: ' ' + s.running + ' instances' }) : null,
        s.stateAt ? el('small', { text: ' ' + time(s.stateAt) }) : null);
      body.append(el('tr', { 'data-service': s.service }, el('td', { text: s.service }), health, lifecycle, backlog,
        el('td', { className: 'nowrap', text: ago(s.lastSeen) })));
    }
  }

  function renderLag(lag) {
    $('lag-at').textContent = lag.measuredAt ? 'measured ' + time(lag.measuredAt) : 'not measured yet';
    const box = $('lag');
    clear(box);
    if (lag.error) box.append(el('p', { className: 'badge badge-bad', text: lag.error }));
    const groups = lag.groups || [];
    if (groups.length === 0) box.append(el('p', { className: 'empty', text: 'No consumer group with committed offsets' }));
    for (const g of groups) {
      const head = el('div', { className: 'group-head' },
        el('strong', { text: g.group }), badge(String(g.state || '').toLowerCase(), g.state === 'STABLE' ? 'ok' : 'warn'),
        el('span', { text: 'lag ' + g.totalLag }), sparkline((g.history || []).map(x => x.value)));
      const partitions = (g.partitions || []).filter(p => p.lag > 0);
      const group = el('div', { className: 'group', 'data-group': g.group }, head);
      if (partitions.length > 0) {
        group.append(bars(partitions.map(p => ({ label: p.topic + ' #' + p.partition, value: p.lag, hot: p.lag > 100 }))));
      }
      box.append(group);
    }
  }

  function renderDeadLetterSummary(summary) {
    $('dl-summary').textContent = (summary.open || 0) + ' open of ' + (summary.total || 0);
    const box = $('dl-bars');
    clear(box);
    const open = (summary.byTopicAndReason || []).filter(c => c.status === 'OPEN').slice(0, 8);
    if (open.length > 0) {
      box.append(bars(open.map(c => ({ label: c.topic + ' — ' + c.reason, value: c.count, hot: true }))));
    }
  }

  async function loadDeadLetters() {
    const list = $('dead-letters');
    const letters = await api('/api/ops/dead-letters?limit=30');
    const drawn = JSON.stringify(letters);
    if (list.dataset.drawn === drawn) return; // unchanged: keep the links under the pointer
    list.dataset.drawn = drawn;
    clear(list);
    if (letters.length === 0) list.append(el('li', { className: 'empty', text: 'No dead letters' }));
    for (const d of letters) {
      const link = el('a', { href: '#/dead-letters/' + encodeURIComponent(d.id), className: 'dl-link', 'data-id': d.id,
        text: (d.eventType || 'unreadable record') + ' on ' + (d.originalTopic || d.topic) });
      list.append(el('li', {}, badge((d.status || 'OPEN').toLowerCase(), d.status === 'OPEN' || !d.status ? 'bad' : 'info'), ' ',
        link, el('br'), el('small', { text: (d.consumerGroup || '?') + ': ' + (d.reason || 'no reason given') + ' · ' + time(d.seenAt) })));
    }
  }

  function renderBreaches(breaches) {
    $('br-total').textContent = String(breaches.total || 0);
    const box = $('br-bars');
    clear(box);
    const byClock = Object.entries(breaches.byClock || {}).map(([label, value]) => ({ label, value, hot: true }));
    if (byClock.length > 0) box.append(bars(byClock.slice(0, 8)));
    const list = $('breaches');
    clear(list);
    const latest = breaches.latest || [];
    if (latest.length === 0) list.append(el('li', { className: 'empty', text: 'No deadline missed' }));
    for (const b of latest.slice(0, 20)) {
      list.append(el('li', {}, el('strong', { text: b.clock || '?' }), ' ',
        el('span', { text: (b.aggregateType || '') + ' ' + (b.subject || '') }), ' ',
        el('small', { text: (b.district || '') + ' · due ' + time(b.dueAt) + ' · ' + (b.service || '') })));
    }
  }

  function renderCircuits(circuits) {
    const list = $('circuits');
    clear(list);
    if (circuits.length === 0) list.append(el('li', { className: 'empty', text: 'No breaker has changed state' }));
    for (const c of circuits) {
      const tone = c.state === 'CLOSED' ? 'ok' : c.state === 'HALF_OPEN' ? 'warn' : 'bad';
      list.append(el('li', { 'data-circuit': c.id }, el('strong', { text: c.service + ' / ' + c.circuit }), ' ',
        badge(c.state || '?', tone), ' ', el('small', { text: time(c.changedAt) })));
    }
  }

  function renderConsumers(consumers) {
    const list = $('consumers');
    clear(list);
    if (consumers.length === 0) list.append(el('li', { className: 'empty', text: 'No consumer has been held up' }));
    for (const c of consumers) {
      const paused = c.state === 'PAUSED';
      list.append(el('li', { 'data-consumer': c.id }, el('strong', { text: c.service + ' / ' + c.topic }), ' ',
        badge(c.state || '?', paused ? 'bad' : 'ok'), ' ',
        el('small', { text: (paused ? 'since ' + time(c.pausedAt) + ' · ' + (c.reason || '') : 'resumed ' + time(c.resumedAt)) })));
    }
  }

  // ---------- the live stream ----------
  function connect() {
    if (state.source) state.source.close();
    const service = $('filter-service').value.trim();
    const kind = $('filter-kind').value.trim();
    const query = new URLSearchParams();
    if (service) query.set('service', service);
    if (kind) query.set('kind', kind);
    $('feed-filter').textContent = (service || kind) ? 'filtered: ' + [service, kind].filter(Boolean).join(', ') : 'all services, all kinds';
    setConnection('connecting', 'warn');
    const source = new EventSource('/api/ops/stream' + (query.toString() ? '?' + query : ''));
    state.source = source;
    source.onopen = () => setConnection('live', 'ok');
    source.onerror = () => setConnection(source.readyState === EventSource.CLOSED ? 'offline' : 'reconnecting', 'bad');
    source.addEventListener('ops', message => {
      let event;
      try { event = JSON.parse(message.data); } catch (e) { return; }
      if (!QUIET.has(event.kind) || kind) addToFeed(event);
      schedulePicture();
      if (state.detailId && event.kind === 'DeadLetterSeen') loadDetail(state.detailId);
    });
  }

  function setConnection(text, tone) {
    const conn = $('conn');
    conn.textContent = text;
    conn.className = 'badge badge-' + tone;
  }

  function addToFeed(event) {
    const feed = $('feed');
    const item = el('li', { className: 'fresh', 'data-kind': event.kind, 'data-id': event.id },
      el('span', { text: time(event.time) }), el('span', { text: event.kind }), el('span', { text: event.service || '' }),
      el('span', { className: 'subject', text: describe(event) }));
    feed.prepend(item);
    setTimeout(() => item.classList.remove('fresh'), 4000);
    while (feed.children.length > FEED_MAX) feed.removeChild(feed.lastChild);
  }

  function describe(event) {
    const d = event.data || {};
    switch (event.kind) {
      case 'DeadLetterRecorded': return (d.sourceTopic || '') + ': ' + (d.reason || '');
      case 'DeadLetterSeen': return (d.originalTopic || '') + ': ' + (d.reason || '');
      case 'SlaBreached': return (d.clock || '') + ' ' + (d.subject || '');
      case 'CircuitStateChanged': return (d.circuit || '') + ' ' + (d.fromState || '') + ' → ' + (d.toState || '');
      case 'ConsumerPaused': return (d.topic || '') + ' held up: ' + (d.reason || '');
      case 'ConsumerResumed': return (d.topic || '') + ' resumed after ' + d.pausedSeconds + 's';
      case 'OutboxBacklogHigh': case 'OutboxBacklogCleared': return 'backlog ' + d.backlog + ' (threshold ' + d.threshold + ')';
      case 'ServiceHeartbeat': return 'backlog ' + d.backlog + ', published ' + d.published;
      case 'LagMeasured': return Object.entries(d.groups || {}).map(([g, v]) => g + '=' + v).join(' ');
      case 'HealthChecked': return Object.entries(d).map(([s, v]) => s + ' ' + v).join(', ');
      default: return event.subject || '';
    }
  }

  // ---------- dead-letter detail ----------
  function route() {
    const match = /^#\/dead-letters\/(.+)$/.exec(location.hash);
    if (match) {
      state.detailId = decodeURIComponent(match[1]);
      $('overview').hidden = true;
      $('detail').hidden = false;
      $('detail-message').textContent = '';
      loadDetail(state.detailId);
    } else {
      state.detailId = null;
      $('detail').hidden = true;
      $('overview').hidden = false;
    }
  }

  async function loadDetail(id) {
    $('detail-id').textContent = id;
    const summary = $('detail-summary');
    let inspection;
    try {
      inspection = await api('/api/ops/dead-letters/' + encodeURIComponent(id));
    } catch (e) {
      clear(summary);
      summary.append(el('dt', { text: 'error' }), el('dd', { text: e.message }));
      return;
    }
    const d = inspection.deadLetter;
    clear(summary);
    const rows = [['status', d.status], ['reason', d.reason], ['failure', d.failure], ['source topic', d.originalTopic],
      ['source partition / offset', (d.originalPartition ?? '?') + ' / ' + (d.originalOffset ?? '?')],
      ['consumer group', d.consumerGroup], ['service', d.service], ['event type', d.eventType], ['event id', d.eventId],
      ['dead-letter topic', d.topic + ' #' + d.partition + ' @' + d.offset], ['failed at', d.failedAt], ['trace id', d.traceId],
      ['last action', d.statusBy ? d.status + ' by ' + d.statusBy + (d.statusNote ? ': ' + d.statusNote : '') : null],
      ['replay claim lapses', d.status === 'REPLAYING' ? d.claimExpiresAt : null]];
    for (const [k, v] of rows) {
      if (v === null || v === undefined) continue;
      summary.append(el('dt', { text: k }), el('dd', { 'data-field': k, text: String(v) }));
    }
    const payload = $('detail-payload');
    if (!inspection.available) payload.textContent = 'The record is no longer on its topic.';
    else if (inspection.payload !== null && inspection.payload !== undefined) payload.textContent = JSON.stringify(inspection.payload, null, 2);
    else payload.textContent = inspection.payloadText || '(empty)';
    const headers = $('detail-headers');
    clear(headers);
    for (const [k, v] of Object.entries(inspection.headers || {})) {
      headers.append(el('tr', {}, el('th', { text: k }), el('td', { text: v })));
    }
    // a replay cut short leaves REPLAYING behind: once its claim lapses, the dead letter can be acted on again
    const claimed = d.status === 'REPLAYING' && !(d.claimExpiresAt && Date.parse(d.claimExpiresAt) <= Date.now());
    const done = d.status === 'REPLAYED' || claimed;
    $('detail-replay').disabled = done || !inspection.available;
    $('detail-park').disabled = done || d.status === 'PARKED';
    await loadAudit(id);
  }

  async function loadAudit(id) {
    const list = $('detail-audit');
    clear(list);
    const entries = await api('/api/ops/audit?deadLetterId=' + encodeURIComponent(id));
    if (entries.length === 0) list.append(el('li', { className: 'empty', text: 'Nothing done yet' }));
    for (const a of entries) {
      list.append(el('li', {}, el('strong', { text: a.action + ' ' + a.outcome }), ' ', el('span', { text: 'by ' + a.operator }), ' ',
        el('small', { text: time(a.at) + (a.note ? ' — ' + a.note : '') + (a.detail ? ' (' + a.detail + ')' : '') })));
    }
  }

  function csrfToken() {
    const cookie = document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN='));
    return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : '';
  }

  async function act(action) {
    const id = state.detailId;
    const message = $('detail-message');
    try {
      await api('/api/ops/dead-letters/' + encodeURIComponent(id) + '/' + action, {
        method: 'POST',
        // who acts is the signed-in person (the server knows); the CSRF token proves the page sent it
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-XSRF-TOKEN': csrfToken() },
        body: JSON.stringify({ note: $('detail-note').value.trim() || null })
      });
      message.textContent = action === 'replay' ? 'Replayed to its source topic.' : 'Parked.';
      $('detail-note').value = '';
    } catch (e) {
      message.textContent = 'Not done: ' + e.message;
    }
    await loadDetail(id);
    schedulePicture();
  }

  // ---------- consumer bindings ----------
  async function loadBindings() {
    let services;
    try {
      services = await api('/api/ops/bindings');
    } catch (e) {
      $('bindings-message').textContent = 'Bindings not loaded: ' + e.message;
      return;
    }
    $('bindings-at').textContent = 'as of ' + time(new Date().toISOString());
    renderBindings(services);
  }

  function renderBindings(services) {
    const body = $('bindings');
    const drawn = JSON.stringify(services);
    if (body.dataset.drawn === drawn) return; // unchanged: keep the buttons under the pointer and the focus
    body.dataset.drawn = drawn;
    const focused = document.activeElement && document.activeElement.classList.contains('binding-action')
      ? { service: document.activeElement.dataset.service, binding: document.activeElement.dataset.binding } : null;
    clear(body);
    if (services.length === 0) {
      body.append(el('tr', {}, el('td', { colspan: 6, className: 'empty', text: 'No service configured' })));
    }
    for (const s of services) {
      if (s.status !== 'ok') {
        // a service that did not answer (or refused) is a row saying so, never an error for the whole table
        body.append(el('tr', { 'data-service': s.service, 'data-status': s.status },
          el('th', { scope: 'row', text: s.service }),
          el('td', { colspan: 5 }, badge(s.status, s.status === 'unreachable' ? 'bad' : 'warn'), ' ',
            el('small', { text: s.detail || '' }))));
        continue;
      }
      if ((s.bindings || []).length === 0) {
        body.append(el('tr', { 'data-service': s.service, 'data-status': s.status }, el('th', { scope: 'row', text: s.service }),
          el('td', { colspan: 5, className: 'empty', text: 'No consumer bindings' })));
      }
      for (const b of s.bindings || []) {
        const paused = b.state === 'paused';
        const running = b.state === 'running';
        const verb = paused ? 'Resume' : 'Pause';
        const button = el('button', { type: 'button', className: 'binding-action', 'data-service': s.service,
          'data-binding': b.name, 'data-state': paused ? 'RESUMED' : 'PAUSED',
          'aria-label': verb + ' ' + b.name + ' on ' + s.service, text: verb });
        button.disabled = !b.pausable || !(paused || running);
        body.append(el('tr', { 'data-binding': s.service + '/' + b.name, 'data-state': b.state },
          el('th', { scope: 'row', text: s.service }), el('td', { text: b.name }), el('td', { text: b.destination || '—' }),
          el('td', { text: b.group || '—' }),
          el('td', { className: 'binding-state' }, badge(b.state, running ? 'ok' : paused ? 'bad' : 'warn')),
          el('td', {}, button)));
      }
    }
    if (focused) focusBindingButton(focused);
  }

  function bindingButton(target) {
    return Array.from(document.querySelectorAll('#bindings button.binding-action'))
      .find(b => b.dataset.service === target.service && b.dataset.binding === target.binding);
  }

  function focusBindingButton(target) {
    const button = bindingButton(target);
    if (button) button.focus();
  }

  /** The confirmation step: a modal dialog (focus moves into it, Escape cancels, focus returns after). */
  function confirmChange(button) {
    const change = { service: button.dataset.service, binding: button.dataset.binding, state: button.dataset.state };
    state.pendingChange = change;
    const pause = change.state === 'PAUSED';
    $('binding-dialog-h').textContent = pause ? 'Pause this consumer?' : 'Resume this consumer?';
    $('binding-dialog-text').textContent = pause
      ? change.binding + ' on ' + change.service + ' will stop reading its topic. Its records wait there and are read '
        + 'once it is resumed. The change is recorded in ' + change.service + '\'s audit trail under your name.'
      : change.binding + ' on ' + change.service + ' will read its topic again, starting with the records that waited. '
        + 'The change is recorded in ' + change.service + '\'s audit trail under your name.';
    $('binding-confirm').textContent = pause ? 'Pause consumer' : 'Resume consumer';
    $('binding-dialog').showModal();
    $('binding-cancel').focus(); // the action that changes nothing first
  }

  async function applyChange() {
    const change = state.pendingChange;
    state.pendingChange = null;
    $('binding-dialog').close();
    if (!change) return;
    const message = $('bindings-message');
    message.textContent = (change.state === 'PAUSED' ? 'Pausing ' : 'Resuming ') + change.binding + ' on ' + change.service + '…';
    try {
      const result = await api('/api/ops/bindings/' + encodeURIComponent(change.service) + '/' + encodeURIComponent(change.binding), {
        method: 'POST',
        // the server relays the signed-in person's own token; the CSRF token proves the page sent it
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-XSRF-TOKEN': csrfToken() },
        body: JSON.stringify({ state: change.state })
      });
      message.textContent = change.binding + ' on ' + change.service + ' is ' + result.binding.state + '.';
    } catch (e) {
      message.textContent = 'Not done: ' + e.message;
    }
    await loadBindings();
    focusBindingButton(change);
  }

  // ---------- start ----------
  document.addEventListener('DOMContentLoaded', () => {
    api('/page/me').then(me => { $('operator').textContent = me.name; }).catch(() => {});
    $('filters').addEventListener('submit', e => { e.preventDefault(); $('feed').replaceChildren(); connect(); });
    $('detail-back').addEventListener('click', e => { e.preventDefault(); history.pushState('', '', location.pathname); route(); });
    $('detail-replay').addEventListener('click', () => act('replay'));
    $('detail-park').addEventListener('click', () => act('park'));
    $('bindings').addEventListener('click', e => {
      const button = e.target.closest('button.binding-action');
      if (button && !button.disabled) confirmChange(button);
    });
    $('bindings-refresh').addEventListener('click', () => { $('bindings-message').textContent = ''; loadBindings(); });
    $('binding-confirm').addEventListener('click', applyChange);
    $('binding-cancel').addEventListener('click', () => $('binding-dialog').close());
    // cancelled (the button or Escape): nothing changes, and focus goes back to the button that asked
    $('binding-dialog').addEventListener('close', () => {
      const change = state.pendingChange;
      state.pendingChange = null;
      if (change) focusBindingButton(change);
    });
    window.addEventListener('hashchange', route);
    connect();
    loadPicture();
    loadBindings();
    route();
    // measurements (lag, health) also arrive on the stream; this only catches what a dropped connection missed
    state.refreshTimer = setInterval(() => { loadPicture(); loadBindings(); }, 30000);
  });
})();
