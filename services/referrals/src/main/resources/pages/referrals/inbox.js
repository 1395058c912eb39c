// A partner team's inbox (scope referrals.inbox): the referrals routed to the team's pathways in its districts
// (GET /api/inbox, always the signed-in person's agency), waiting for an answer (status routed) or taken on
// (accepted). Accept, decline with a reason, close with an outcome: each answer is the API's own
// (POST /api/inbox/{id}/pathways/{pathway}/acceptance | decline | closure), shown without a reload; the API's
// RFC 9457 problems go beside the field they name. No personal details: the API gives none.
'use strict';

(function () {
  const { el, api, showProblem, clearProblems, me } = SaferKent;
  const $ = id => document.getElementById(id);
  const SIZE = 25;

  // the API's fixed vocabularies (DeclineReason, CloseOutcome): they travel on the bus, so never free text
  const REASONS = [
    ['does-not-meet-criteria', 'Does not meet our criteria'], ['already-supported', 'Already supported by us'],
    ['consent-not-given', 'Consent not given'], ['out-of-area', 'Out of our area'], ['no-capacity', 'No capacity'],
    ['unable-to-contact', 'Unable to contact'], ['other', 'Other']];
  const OUTCOMES = [
    ['completed', 'Completed'], ['partly-completed', 'Partly completed'], ['disengaged', 'Disengaged'],
    ['declined-support', 'Declined support'], ['unable-to-contact', 'Unable to contact'], ['moved-away', 'Moved away'],
    ['transferred', 'Transferred'], ['other', 'Other']];

  // one table per state of the team's pathway
  const LISTS = {
    waiting: { status: 'routed', page: 0, empty: 'Nothing is waiting for your answer.' },
    taken: { status: 'accepted', page: 0, empty: 'Your team has taken nothing on that is still open.' }
  };
  let rowCount = 0;

  const { words, when, riskBadge } = ReferralsPage;

  function labelOf(vocabulary, code) {
    const found = vocabulary.find(([value]) => value === code);
    return found ? found[1].toLowerCase() : words(code);
  }

  function options(placeholder, vocabulary) {
    return [el('option', { value: '', text: placeholder }), ...vocabulary.map(([value, text]) => el('option', { value, text }))];
  }

  function due(clock) {
    if (!clock) return '—';
    if (clock.metAt) return 'answered ' + when(clock.metAt);
    if (clock.breachedAt) return el('span', { className: 'overdue', text: 'Overdue: was due ' + when(clock.dueAt) });
    return 'by ' + when(clock.dueAt);
  }

  /** The cells every row shows: what the API gives a partner team (no name, no pseudonym, no contact details). */
  function facts(item, pathway) {
    const happened = [words(item.category)];
    if (item.asbType) happened.push('(' + words(item.asbType) + ')');
    const flags = (item.flags || []).map(words).join(', ');
    const person = [words(item.subjectRole), item.ageBand ? 'aged ' + item.ageBand : null]
        .concat((item.vulnerabilities || []).map(words)).filter(Boolean).join(', ');
    return [
      el('td', { className: 'nowrap', text: when(item.receivedAt) }),
      el('td', {}, el('code', { className: 'referral-id', text: item.referralId })),
      el('td', { text: words(item.district) }),
      el('td', {}, happened.join(' '), flags ? el('br') : null, flags ? el('small', { text: 'flags: ' + flags }) : null),
      el('td', { text: person }),
      el('td', {}, riskBadge(item.riskLevel), item.marac ? ' MARAC' : ''),
      el('td', { className: 'pathway', text: words(pathway.pathway) })];
  }

  /** Accept, or decline with a reason: one small form per referral and pathway. */
  function answerForm(item, pathway) {
    const n = ++rowCount;
    const reason = el('select', { id: 'reason-' + n, name: 'reason' }, options('Choose a reason', REASONS));
    const form = el('form', { className: 'answer', id: 'answer-' + n, novalidate: true },
        el('div', { className: 'field', 'data-field': 'pathway' },
            el('button', { type: 'button', className: 'primary accept', text: 'Accept',
              'aria-label': 'Accept referral ' + item.referralId,
              onclick: () => answer(form, item, pathway, 'acceptance', null) }),
            el('div', { className: 'field', 'data-field': 'reason' },
                el('label', { for: 'reason-' + n, text: 'Reason to decline' }), reason),
            el('button', { type: 'submit', className: 'decline', text: 'Decline',
              'aria-label': 'Decline referral ' + item.referralId })));
    form.addEventListener('submit', event => {
      event.preventDefault();
      answer(form, item, pathway, 'decline', { reason: reason.value || null });
    });
    return form;
  }

  /** Close what was taken on, with its outcome. */
  function closeForm(item, pathway) {
    const n = ++rowCount;
    const outcome = el('select', { id: 'outcome-' + n, name: 'outcome' }, options('Choose an outcome', OUTCOMES));
    const form = el('form', { className: 'answer', id: 'close-' + n, novalidate: true },
        el('div', { className: 'field', 'data-field': 'pathway' },
            el('div', { className: 'field', 'data-field': 'outcome' },
                el('label', { for: 'outcome-' + n, text: 'Outcome' }), outcome),
            el('button', { type: 'submit', className: 'close', text: 'Close',
              'aria-label': 'Close referral ' + item.referralId })));
    form.addEventListener('submit', event => {
      event.preventDefault();
      answer(form, item, pathway, 'closure', { outcome: outcome.value || null });
    });
    return form;
  }

  function announce(text, tone) {
    const region = $('answered');
    region.className = 'notice' + (tone ? ' ' + tone : '');
    region.textContent = text;
    region.hidden = false;
  }

  function said(kind, item, pathway, body, view) {
    const what = 'Referral ' + item.referralId + ' ';
    const on = ' for ' + words(pathway.pathway);
    if (kind === 'acceptance') {
      const state = (view.pathways || []).find(p => p.pathway === pathway.pathway);
      return what + 'accepted' + on + (state && state.caseId ? ' (your case ' + state.caseId + ')' : '')
          + ': it is now under Taken on.';
    }
    if (kind === 'decline') return what + 'declined' + on + ': ' + labelOf(REASONS, body.reason) + '.';
    return what + 'closed' + on + ': ' + labelOf(OUTCOMES, body.outcome) + '.';
  }

  async function answer(form, item, pathway, kind, body) {
    clearProblems(form);
    const buttons = [...form.querySelectorAll('button')];
    buttons.forEach(button => { button.disabled = true; });
    const path = '/api/inbox/' + encodeURIComponent(item.referralId) + '/pathways/' + encodeURIComponent(pathway.pathway)
        + '/' + kind;
    try {
      const view = await api(path, body === null ? { method: 'POST' } : { method: 'POST', json: body });
      announce(said(kind, item, pathway, body, view), 'ok');
      await Promise.all([list('waiting'), list('taken')]);
      $('answered').focus();
    } catch (error) {
      buttons.forEach(button => { button.disabled = false; });
      if (error.status === 422 && error.problem) {
        // beside the field the API names (reason, outcome); the person stays on the row to put it right
        showProblem(form, error);
        announce('Referral ' + item.referralId + ' was not answered: ' + error.message, 'bad');
        const invalid = form.querySelector('[aria-invalid="true"]');
        if (invalid) invalid.focus();
      } else {
        // answered meanwhile (409: the pathway's state does not allow it; 404: no longer in the inbox): show where it is now
        announce('Referral ' + item.referralId + ' was not answered: ' + error.message, 'bad');
        await Promise.all([list('waiting'), list('taken')]);
        $('answered').focus();
      }
    }
  }

  async function list(name) {
    const state = LISTS[name];
    const paging = $(name + '-paging');
    const district = $('district').value;
    const asked = state.asked = (state.asked || 0) + 1;
    paging.textContent = 'Loading…';
    try {
      const result = await api('/api/inbox?status=' + state.status + '&page=' + state.page + '&size=' + SIZE
          + (district ? '&district=' + encodeURIComponent(district) : ''));
      // a later question (another district, another page, an answer) is answered by its own call
      if (asked !== state.asked) return;
      const rows = [];
      (result.items || []).forEach(item => (item.pathways || []).filter(p => p.status === state.status).forEach(pathway => {
        const last = name === 'waiting'
            ? [el('td', { className: 'nowrap' }, due(item.triageClock)), el('td', {}, answerForm(item, pathway))]
            : [el('td', {}, el('code', { text: pathway.caseId || '—' })), el('td', {}, closeForm(item, pathway))];
        rows.push(el('tr', { 'data-id': item.referralId, 'data-pathway': pathway.pathway }, ...facts(item, pathway), ...last));
      }));
      $(name).replaceChildren(...(rows.length ? rows
          : [el('tr', {}, el('td', { colSpan: 9, className: 'empty', text: state.empty }))]));
      const pages = Math.max(1, Math.ceil(result.total / SIZE));
      if (state.page >= pages && state.page > 0) {
        // the last page emptied by an answer: show the one before
        state.page = pages - 1;
        return list(name);
      }
      paging.textContent = 'Page ' + (state.page + 1) + ' of ' + pages + ' (' + result.total + ' referrals)';
      $(name + '-previous').disabled = state.page === 0;
      $(name + '-next').disabled = state.page + 1 >= pages;
    } catch (error) {
      if (asked === state.asked) paging.textContent = 'The inbox could not be loaded: ' + error.message;
    }
  }

  Object.keys(LISTS).forEach(name => {
    $(name + '-previous').addEventListener('click', () => { LISTS[name].page = Math.max(0, LISTS[name].page - 1); list(name); });
    $(name + '-next').addEventListener('click', () => { LISTS[name].page += 1; list(name); });
  });
  $('district').addEventListener('change', () => {
    Object.values(LISTS).forEach(state => { state.page = 0; });
    list('waiting');
    list('taken');
  });
  $('filters').addEventListener('submit', event => event.preventDefault());

  me().then(person => {
    $('who').textContent = person.name;
    $('agency').textContent = person.agency || 'no agency';
    const scopes = person.scopes || [];
    // the referral pages too, for a person whose agency also refers
    if (scopes.includes('referrals.write')) $('nav').append(' · ', el('a', { href: 'refer.html', text: 'New referral' }));
    if (scopes.includes('referrals.read')) $('nav').append(' · ', el('a', { href: 'referrals.html', text: 'Our referrals' }));
  }).catch(() => {});
  list('waiting');
  list('taken');
})();
