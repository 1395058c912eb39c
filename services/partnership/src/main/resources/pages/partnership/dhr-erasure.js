// A Domestic Homicide Review's erasure (scope subjects.erase): the data protection officer, signed in under their own
// name, gives the data subject's request reference and the review's id, confirms, and
// POST /api/data-protection/dhr-erasures destroys the review's data key (the review stays). Who erased is the session's
// person: the API takes it from the session, never from the body, writes it to the audit trail with the reference, and
// answers it (review, keys destroyed, when, by whom, under which request). The API's RFC 9457 problems go beside the
// field they name.
'use strict';

(function () {
  const { el, api, when, irreversibleForm } = SaferKent;
  const $ = id => document.getElementById(id);
  const form = $('dhr-erasure');

  const value = id => $(id).value.trim();

  function confirmText() {
    const review = value('reviewId');
    const reference = value('requestReference');
    return 'The personal details of review ' + (review || '(no review id given)')
        + ' are destroyed at once and for good: this cannot be undone. The review itself stays. '
        + 'It is recorded under your name' + (reference ? ' and request ' + reference + '.' : ' and the request\'s reference.');
  }

  function showAnswer(view) {
    const rows = [
      ['Review', el('code', { id: 'answer-review', text: view.reviewId })],
      ['Data keys destroyed', el('span', { id: 'answer-keys', text: String(view.keysDestroyed) })],
      ['Request reference', el('span', { id: 'answer-reference', text: view.requestReference })],
      ['Erased by', el('span', { id: 'answer-by', text: view.erasedBy })],
      ['Erased at', el('span', { id: 'answer-at', text: when(view.erasedAt) })]];
    $('answer-summary').replaceChildren(...rows.flatMap(([term, detail]) => [el('dt', { text: term }), el('dd', {}, detail)]));
    $('answer-note').textContent = view.keysDestroyed > 0
        ? 'Request ' + view.requestReference + ' carried out by ' + view.erasedBy + ': the personal details of review '
            + view.reviewId + ' are erased, ' + view.keysDestroyed + ' data key(s) destroyed. The review stays, without them.'
        : 'Request ' + view.requestReference + ' recorded under ' + view.erasedBy + ': nothing more to erase for review '
            + view.reviewId + ' (its details were already erased, or none were held).';
    form.hidden = true;
    $('answer').hidden = false;
    $('answer-h').focus();
  }

  irreversibleForm({ form, confirmText, answered: showAnswer, firstField: 'requestReference',
    send: () => api('/api/data-protection/dhr-erasures', { method: 'POST',
      json: { reviewId: value('reviewId') || null, requestReference: value('requestReference') || null } }) });
})();
