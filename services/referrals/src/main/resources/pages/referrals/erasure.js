// Erasure on request (scope subjects.erase): the data protection officer, signed in under their own name, gives the
// data subject's request reference and the subject (name, date of birth, postcode; or the pseudonym), confirms, and
// POST /api/data-protection/erasures carries it out. Who erased is the session's person (the API takes it from the
// session, never from the body): the answer shows it with the reference. The API's RFC 9457 problems go beside the
// field they name. The person's details go only into the request: the form is emptied once it is answered.
'use strict';

(function () {
  const { el, api, when, irreversibleForm } = SaferKent;
  const $ = id => document.getElementById(id);
  const form = $('erasure');

  const value = id => $(id).value.trim();

  /** Only what was given: the API decides what is missing, or given twice. */
  function request() {
    const body = { requestReference: value('requestReference') || null };
    ['pseudonym', 'name', 'dateOfBirth', 'postcode'].forEach(id => {
      if (value(id)) body[id] = value(id);
    });
    return body;
  }

  function confirmText() {
    const reference = value('requestReference');
    return 'Every referral\'s personal details of this person are destroyed at once and for good: '
        + 'this cannot be undone. It is recorded under your name'
        + (reference ? ' and request ' + reference + '.' : ' and the request\'s reference.');
  }

  function showAnswer(view) {
    const rows = [
      ['Erasure id', el('code', { id: 'answer-id', text: view.erasureId })],
      ['Request reference', el('span', { id: 'answer-reference', text: view.requestReference })],
      ['Erased by', el('span', { id: 'answer-by', text: view.erasedBy })],
      ['Erased at', el('span', { id: 'answer-at', text: when(view.erasedAt) })],
      ['Pseudonym', el('code', { id: 'answer-pseudonym', text: view.subjectPseudonym })],
      ['Pseudonyms erased', el('span', { id: 'answer-pseudonyms', text: String(view.pseudonymsErased) })],
      ['Data keys destroyed', el('span', { id: 'answer-keys', text: String(view.keysDestroyed) })]];
    $('answer-summary').replaceChildren(...rows.flatMap(([term, detail]) => [el('dt', { text: term }), el('dd', {}, detail)]));
    $('answer-note').textContent = 'Request ' + view.requestReference + ' carried out by ' + view.erasedBy + ': '
        + view.keysDestroyed + ' data key(s) destroyed across ' + view.pseudonymsErased
        + ' pseudonym(s). The services holding copies shred theirs when they hear of it.';
    form.hidden = true;
    $('answer').hidden = false;
    $('answer-h').focus();
  }

  irreversibleForm({ form, confirmText, answered: showAnswer, firstField: 'requestReference',
    send: () => api('/api/data-protection/erasures', { method: 'POST', json: request() }) });
})();
