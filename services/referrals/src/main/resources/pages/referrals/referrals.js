// The agency's own referrals (GET /api/referrals: always the signed-in person's agency, paged) and one
// referral's history (GET /api/referrals/{id} and /timeline, which answer 404 for another agency's).
'use strict';

(function () {
  const { el, api, me } = SaferKent;
  const $ = id => document.getElementById(id);
  const SIZE = 20;
  let page = 0;

  const { words, when, riskBadge } = ReferralsPage;

  async function list() {
    $('paging').textContent = 'Loading…';
    try {
      const result = await api('/api/referrals?page=' + page + '&size=' + SIZE);
      const items = result.items || [];
      $('referrals').replaceChildren(...(items.length ? items.map(r => el('tr', { 'data-id': r.id },
          el('td', { className: 'nowrap', text: when(r.receivedAt) }),
          el('td', {}, el('a', { href: 'referrals.html?id=' + encodeURIComponent(r.id), text: r.id,
              'aria-label': 'History of referral ' + r.id })),
          el('td', { text: r.agencyReference || '—' }),
          el('td', { text: words(r.district) }),
          el('td', { text: words(r.category) }),
          el('td', {}, riskBadge(r.triage && r.triage.riskLevel), r.triage && r.triage.marac ? ' MARAC' : ''),
          el('td', { className: 'status', text: r.status }),
          el('td', { text: (r.pathways || []).map(p => words(p.pathway) + ' (' + p.status + ')').join(', ') || '—' })))
        : [el('tr', {}, el('td', { colSpan: 8, className: 'empty', text: 'Your agency has made no referral yet.' }))]));
      const pages = Math.max(1, Math.ceil(result.total / SIZE));
      $('paging').textContent = 'Page ' + (page + 1) + ' of ' + pages + ' (' + result.total + ' referrals)';
      $('previous').disabled = page === 0;
      $('next').disabled = page + 1 >= pages;
    } catch (error) {
      $('paging').textContent = 'The referrals could not be loaded: ' + error.message;
    }
  }

  async function detail(id) {
    $('list').hidden = true;
    $('detail').hidden = false;
    $('detail-id').textContent = id;
    try {
      const [referral, timeline] = await Promise.all([
        api('/api/referrals/' + encodeURIComponent(id)), api('/api/referrals/' + encodeURIComponent(id) + '/timeline')]);
      const triage = referral.triage || {};
      const rows = [['Your reference', referral.agencyReference || '—'], ['Received', when(referral.receivedAt)],
        ['District', words(referral.district)], ['Category', words(referral.category)],
        ['Status', referral.status], ['Risk level', riskBadge(triage.riskLevel)], ['MARAC', triage.marac ? 'yes' : 'no'],
        ['Pathways', (referral.pathways || []).map(p => words(p.pathway) + ' (' + p.status + ')').join(', ') || '—']];
      $('detail-summary').replaceChildren(...rows.flatMap(([term, value]) => [el('dt', { text: term }), el('dd', {}, value)]));
      $('timeline').replaceChildren(...timeline.map(step => el('tr', {},
          el('td', { className: 'nowrap', text: when(step.at) }), el('td', { text: step.what }), el('td', { text: step.detail || '' }))));
    } catch (error) {
      $('detail-message').textContent = error.status === 404
        ? 'Your agency holds no referral with this id.' : 'The referral could not be loaded: ' + error.message;
    }
    $('detail-h').focus();
  }

  $('previous').addEventListener('click', () => { page = Math.max(0, page - 1); list(); });
  $('next').addEventListener('click', () => { page += 1; list(); });
  me().then(person => {
    $('who').textContent = person.name;
    $('agency').textContent = person.agency || 'no agency';
    $('list-agency').textContent = person.agency || 'your agency';
  }).catch(() => {});
  const id = new URLSearchParams(window.location.search).get('id');
  if (id) detail(id); else list();
})();
