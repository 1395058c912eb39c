// What the referrals service's pages show alike (refer.html, referrals.html, inbox.html): a code in words, a time
// in UK English, a referral's risk as a RAG badge. Loaded after saferkent-page.js, before the page's own script.
'use strict';

window.ReferralsPage = (function () {
  const { el } = SaferKent;

  function words(code) {
    return code ? code.replace(/[-_]/g, ' ') : '—';
  }

  function when(instant) {
    if (!instant) return '—';
    const date = new Date(instant);
    return isNaN(date) ? String(instant) : date.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
  }

  function riskBadge(level) {
    const tone = { high: 'rag-red', medium: 'rag-amber', standard: 'rag-green' }[level] || 'rag-none';
    return el('span', { className: 'rag ' + tone, text: level || 'not triaged' });
  }

  return { words, when, riskBadge };
})();
