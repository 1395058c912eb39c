// The referral form: the same referral POST /api/referrals takes, sent with the signed-in person's session
// (SaferKent.api adds the CSRF token). The API checks it; its RFC 9457 problems are shown beside each field
// (data-field = the API's field path). The person's details live only in the form: never in the address, the
// browser's storage or a log; the form is cleared once the referral is received.
'use strict';

(function () {
  const { el, api, showProblem, clearProblems, me } = SaferKent;
  const $ = id => document.getElementById(id);

  const FLAGS = [
    ['domestic-abuse', 'Domestic abuse'], ['hate-crime', 'Hate crime'], ['sexual-offence', 'Sexual offence'],
    ['stalking', 'Stalking'], ['child-sexual-exploitation', 'Child sexual exploitation'],
    ['human-trafficking', 'Human trafficking'], ['modern-slavery', 'Modern slavery'], ['terrorism', 'Terrorism'],
    ['attempted-murder', 'Attempted murder'], ['kidnap', 'Kidnap'], ['false-imprisonment', 'False imprisonment'],
    ['arson-with-intent', 'Arson with intent to endanger life'], ['wounding-with-intent', 'Wounding or GBH with intent']];
  const PATHWAYS = [
    ['victim-support', 'Victim support'], ['domestic-abuse', 'Domestic abuse service'],
    ['restorative-justice', 'Restorative justice'], ['youth-prevention', 'Youth prevention'],
    ['substance-misuse', 'Substance misuse'], ['asb-case', 'Anti-social behaviour case'],
    ['troubled-families', 'Supporting families']];

  // The DASH risk identification checklists, in their published order ("the abuser" stands for the person named;
  // the forms' bracketed prompts for notes are left out). Checked against the published forms: see the README,
  // "The agency referral form". The API takes the answers by position only, so this text is no contract.
  const SAFELIVES = [
    'Has the current incident resulted in injury?',
    'Are you very frightened?',
    'What are you afraid of? Is it further injury or violence?',
    'Do you feel isolated from family or friends, i.e. does the abuser try to stop you from seeing friends, family, your doctor or others?',
    'Are you feeling depressed or having suicidal thoughts?',
    'Have you separated or tried to separate from the abuser within the past year?',
    'Is there conflict over child contact?',
    'Does the abuser constantly text, call, contact, follow, stalk or harass you?',
    'Are you pregnant or have you recently had a baby (within the last 18 months)?',
    'Is the abuse happening more often?',
    'Is the abuse getting worse?',
    'Does the abuser try to control everything you do and/or are they excessively jealous?',
    'Has the abuser ever used weapons or objects to hurt you?',
    'Has the abuser ever threatened to kill you or someone else and you believed them?',
    'Has the abuser ever attempted to strangle, choke, suffocate or drown you?',
    'Does the abuser do or say things of a sexual nature that make you feel bad or that physically hurt you or someone else?',
    'Is there any other person who has threatened you or who you are afraid of?',
    'Do you know if the abuser has hurt anyone else?',
    'Has the abuser ever mistreated an animal or the family pet?',
    'Are there any financial issues?',
    'Has the abuser had problems in the past year with drugs, alcohol or mental health?',
    'Has the abuser ever threatened or attempted suicide?',
    'Has the abuser ever broken bail, an injunction and/or a formal agreement?',
    'Do you know if the abuser has ever been in trouble with the police or has a criminal history?'];
  const POLICE = [
    ...SAFELIVES.slice(0, 9),
    'Are there any children or step-children in the household who are not the abuser\'s? Or are there other dependants in the household (for example an older relative)?',
    'Has the abuser ever hurt the children or dependants?',
    'Has the abuser ever threatened to hurt or kill the children or dependants?',
    ...SAFELIVES.slice(9)];
  const CHECKLISTS = { police: POLICE, safelives: SAFELIVES };

  const form = $('referral');

  function checkboxes(container, name, options) {
    container.replaceChildren(...options.map(([value, text]) => el('label', {},
        el('input', { type: 'checkbox', name, value, id: name + '-' + value }), ' ' + text)));
  }

  function checked(name) {
    return [...form.querySelectorAll('input[name="' + name + '"]:checked')].map(input => input.value);
  }

  function radio(name) {
    const chosen = form.querySelector('input[name="' + CSS.escape(name) + '"]:checked');
    return chosen ? chosen.value : null;
  }

  function value(id) {
    const text = $(id).value.trim();
    return text === '' ? null : text;
  }

  function isDomesticAbuse() {
    return $('category').value === 'domestic-abuse' || checked('flags').includes('domestic-abuse');
  }

  function renderQuestions() {
    const questions = CHECKLISTS[radio('dash.checklist')] || [];
    $('dash-questions').replaceChildren(...questions.map((question, i) => {
      const name = 'dash-q' + i;
      const answer = (code, text) => el('label', {},
          el('input', { type: 'radio', name, value: code, id: name + '-' + code }), ' ' + text);
      return el('li', {}, el('fieldset', { className: 'field dash-question', 'data-field': 'dash.answers[' + i + ']' },
          el('legend', { text: (i + 1) + '. ' + question }),
          el('div', { className: 'checks' }, answer('yes', 'Yes'), answer('no', 'No'), answer('not-known', 'Not known'))));
    }));
  }

  function showDependants() {
    $('asb').hidden = $('category').value !== 'anti-social-behaviour';
    $('dash').hidden = !isDomesticAbuse();
    $('consent-given-fields').hidden = radio('consent') !== 'given';
    $('consent-override-fields').hidden = radio('consent') !== 'override';
  }

  /** The request as the API takes it; an empty field is left out (null), so the API says what is required. */
  function referral() {
    const consentChoice = radio('consent');
    let consent = null;
    if (consentChoice === 'given') {
      consent = { given: true, recordedOn: value('consent-recordedOn'), recordedBy: value('consent-recordedBy') };
    } else if (consentChoice === 'override') {
      consent = { given: false, override: { basis: value('override-basis'), reason: value('override-reason') } };
    }
    let dash = null;
    if (isDomesticAbuse() && radio('dash.checklist')) {
      const count = CHECKLISTS[radio('dash.checklist')].length;
      const answers = [];
      for (let i = 0; i < count; i++) {
        const answer = radio('dash-q' + i);
        // only "yes" counts towards the risk; a question left unanswered goes as null and the API names it
        answers.push(answer === null ? null : answer === 'yes');
      }
      dash = { checklist: radio('dash.checklist'), answers, professionalJudgement: value('dash-judgement') };
    }
    return {
      agencyReference: value('agencyReference'),
      district: value('district'),
      category: value('category'),
      flags: checked('flags'),
      asbType: $('category').value === 'anti-social-behaviour' ? value('asbType') : null,
      crimeReference: value('crimeReference'),
      incidentDate: value('incidentDate'),
      subject: {
        role: value('subject-role'), name: value('subject-name'), dateOfBirth: value('subject-dob'),
        postcode: value('subject-postcode')
      },
      consent,
      pathways: checked('pathways'),
      dash
    };
  }

  const { words, when, riskBadge } = ReferralsPage;

  function clockState(clock) {
    if (clock.metAt) return 'met ' + when(clock.metAt);
    if (clock.breachedAt) return 'missed ' + when(clock.breachedAt);
    return 'running';
  }

  function showReceipt(view, reference) {
    const triage = view.triage || {};
    const rows = [
      ['Referral id', el('code', { id: 'receipt-id', text: view.id })],
      ['Your reference', view.agencyReference || '—'],
      ['District', words(view.district) + (view.csp ? ' (' + view.csp + ')' : '')],
      ['Category', words(view.category)],
      ['Status', el('span', { id: 'receipt-status', text: view.status })],
      ['Risk level', el('span', { id: 'receipt-risk' }, riskBadge(triage.riskLevel))],
      ['DASH "yes" answers', triage.dashYesAnswers === null || triage.dashYesAnswers === undefined ? '—' : String(triage.dashYesAnswers)],
      ['MARAC', el('span', { id: 'receipt-marac', text: triage.marac ? 'yes: referred to MARAC (high risk)' : 'no' })]];
    $('receipt-summary').replaceChildren(...rows.flatMap(([term, detail]) => [el('dt', { text: term }), el('dd', {}, detail)]));
    const pathways = view.pathways || [];
    $('receipt-pathways').replaceChildren(...(pathways.length ? pathways.map(p => el('tr', {},
        el('td', { text: words(p.pathway) }), el('td', { text: p.status })))
        : [el('tr', {}, el('td', { colSpan: 2, className: 'empty', text: 'no pathway: linked to an earlier referral' }))]));
    const clocks = view.clocks || [];
    $('receipt-clocks').replaceChildren(...(clocks.length ? clocks.map(c => el('tr', { 'data-clock': c.name },
        el('td', { text: words(c.name) }), el('td', { text: when(c.dueAt) }), el('td', { text: clockState(c) })))
        : [el('tr', {}, el('td', { colSpan: 3, className: 'empty', text: 'no clock runs on this referral' }))]));
    // a reference sent before answers with the referral it made (200): nothing is ever sent twice
    $('receipt-note').textContent = 'Referral ' + view.id + ' is with SaferKent.'
        + (reference ? ' Had your reference been sent before, this is the referral it made: nothing was sent twice.' : '');
    $('receipt-link').href = 'referrals.html?id=' + encodeURIComponent(view.id);
    form.hidden = true;
    $('receipt').hidden = false;
    $('receipt-h').focus();
  }

  async function send(event) {
    event.preventDefault();
    clearProblems(form);
    $('send').disabled = true;
    $('sending').textContent = 'Sending…';
    try {
      const body = referral();
      const view = await api('/api/referrals', { method: 'POST', json: body });
      form.reset();
      renderQuestions();
      showDependants();
      $('sending').textContent = '';
      showReceipt(view, body.agencyReference);
    } catch (error) {
      $('sending').textContent = '';
      if (error.problem) {
        showProblem(form, error);
        if (error.problem.moreErrors) {
          // the API lists the first problems only: say so, the rest show once these are put right
          form.querySelector('.form-summary').append(el('p', { text: error.problem.detail }));
        }
      } else {
        showProblem(form, { problem: { title: 'Not sent' }, message: error.message });
      }
    } finally {
      $('send').disabled = false;
    }
  }

  function another() {
    $('receipt').hidden = true;
    form.hidden = false;
    $('agencyReference').focus();
  }

  checkboxes($('flags'), 'flags', FLAGS);
  checkboxes($('pathways'), 'pathways', PATHWAYS);
  form.addEventListener('change', event => {
    if (event.target.name === 'dash.checklist') renderQuestions();
    showDependants();
  });
  form.addEventListener('submit', send);
  $('another').addEventListener('click', another);
  showDependants();
  me().then(person => {
    $('who').textContent = person.name;
    $('agency').textContent = person.agency || 'no agency';
  }).catch(() => {});
})();
