/*
 * SaferKent: what every page shares (served by every service from platform/service-kit, loaded before the
 * page's own script). No framework, no inline script (the CSP forbids it), nothing from elsewhere.
 *   SaferKent.el(tag, props, ...children)   builds an element (text, never HTML)
 *   SaferKent.api(path, options)            JSON in and out; a write carries the CSRF token; a problem throws
 *   SaferKent.showProblem(form, error)      puts each field's problem beside its field (RFC 9457 "errors")
 *   SaferKent.me()                          who is signed in: {name, agency, scopes}
 *   SaferKent.signOut()                     ends this service's session and the identity server's
 * A button with the attribute data-sign-out signs out when pressed.
 */
window.SaferKent = (function () {
  'use strict';

  function el(tag, props) {
    const node = document.createElement(tag);
    Object.entries(props || {}).forEach(([key, value]) => {
      if (value === undefined || value === null || value === false) return;
      if (key === 'text') node.textContent = value;
      else if (key === 'className') node.className = value;
      else if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.substring(2), value);
      else if (key in node && typeof value !== 'string') node[key] = value;
      else node.setAttribute(key, value === true ? '' : value);
    });
    for (let i = 2; i < arguments.length; i++) {
      [].concat(arguments[i]).forEach(child => {
        if (child === undefined || child === null || child === false) return;
        node.append(child instanceof Node ? child : document.createTextNode(String(child)));
      });
    }
    return node;
  }

  function csrfToken() {
    const cookie = document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN='));
    return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : '';
  }

  /** A failed call: the HTTP status and, when the service answered a problem, the problem itself. */
  class ApiError extends Error {
    constructor(status, problem) {
      const fields = problem && (problem.errors || []).map(e => e.field + ' ' + e.message).join('; ');
      super((problem && (problem.detail || fields || problem.title)) || ('HTTP ' + status));
      this.status = status;
      this.problem = problem;
    }
  }

  async function api(path, options) {
    options = Object.assign({ method: 'GET' }, options || {});
    const headers = Object.assign({ Accept: 'application/json, application/problem+json' }, options.headers || {});
    if (options.method !== 'GET' && options.method !== 'HEAD') {
      headers['X-XSRF-TOKEN'] = csrfToken();
      if (options.json !== undefined) {
        headers['Content-Type'] = 'application/json';
        options.body = JSON.stringify(options.json);
      }
    }
    const response = await fetch(path, { method: options.method, headers, body: options.body, credentials: 'same-origin' });
    if (response.status === 401) {
      // the session ended: sign in again and come back here
      window.location.assign('/oauth2/authorization/saferkent');
      throw new ApiError(401, null);
    }
    const type = response.headers.get('Content-Type') || '';
    const body = type.includes('json') ? await response.json() : (type.startsWith('text/') ? await response.text() : null);
    if (!response.ok) throw new ApiError(response.status, body && typeof body === 'object' ? body : null);
    return body;
  }

  /**
   * Shows a refused write beside its fields: each problem error whose field names an element's
   * data-field (or name) gets its message under that field, linked by aria-describedby, and the form's
   * summary (role=alert) lists them all; focus moves to the summary.
   */
  function showProblem(form, error) {
    clearProblems(form);
    const summary = form.querySelector('.form-summary');
    const errors = (error.problem && error.problem.errors) || [];
    const list = el('ul');
    errors.forEach((problem, index) => {
      const field = fieldFor(form, problem.field);
      const text = problem.field + ': ' + problem.message;
      if (field) {
        const id = (form.id || 'form') + '-error-' + index;
        field.classList.add('invalid');
        const message = el('p', { className: 'field-error', id, text: problem.message });
        field.append(message);
        const input = field.querySelector('input, select, textarea');
        if (input) {
          input.setAttribute('aria-invalid', 'true');
          input.setAttribute('aria-describedby', ((input.getAttribute('aria-describedby') || '') + ' ' + id).trim());
          list.append(el('li', {}, el('a', { href: '#' + input.id, text })));
          return;
        }
      }
      list.append(el('li', { text }));
    });
    if (summary) {
      summary.hidden = false;
      summary.replaceChildren(el('h2', { text: (error.problem && error.problem.title) || 'Not saved' }),
          errors.length ? list : el('p', { text: error.message }));
      summary.focus();
    }
  }

  function fieldFor(form, name) {
    if (!name) return null;
    // the deepest field whose data-field is the problem's field or a prefix of it (subject.name -> subject)
    let path = name;
    while (path) {
      const field = form.querySelector('[data-field="' + CSS.escape(path) + '"]');
      if (field) return field;
      const cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
      path = cut > 0 ? path.substring(0, cut) : '';
    }
    return null;
  }

  function clearProblems(form) {
    form.querySelectorAll('.field-error').forEach(node => node.remove());
    form.querySelectorAll('.invalid').forEach(node => node.classList.remove('invalid'));
    form.querySelectorAll('[aria-invalid]').forEach(input => {
      input.removeAttribute('aria-invalid');
      const kept = (input.getAttribute('aria-describedby') || '').split(' ').filter(id => id && !id.includes('-error-'));
      if (kept.length) input.setAttribute('aria-describedby', kept.join(' ')); else input.removeAttribute('aria-describedby');
    });
    const summary = form.querySelector('.form-summary');
    if (summary) { summary.hidden = true; summary.replaceChildren(); }
  }

  function me() {
    return api('/page/me');
  }

  /** Ends the page's session, then the identity server's (it answers where to go: its end-session endpoint). */
  async function signOut() {
    const answer = await api('/logout', { method: 'POST' });
    window.location.assign((answer && answer.signOutUrl) || '/');
  }

  /** An instant as people read it (en-GB, medium date, short time); what cannot be read as a date, as it came. */
  function when(instant) {
    const date = new Date(instant);
    return isNaN(date) ? String(instant) : date.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
  }

  /**
   * A form whose action cannot be undone (the erasure pages): submitting it asks in the page's dialog
   * ({@code #confirm}, its text in {@code #confirm-text}, buttons {@code #confirm-erase} and {@code #confirm-cancel});
   * confirming sends {@code send()} with the form's submit button ({@code #erase}) disabled and {@code #erasing}
   * saying so; the answer goes to {@code answered(view)} and the form is emptied; a problem goes beside its fields.
   * {@code #another} brings the form back, focus on {@code firstField}. Who signed in is written into {@code #who}.
   */
  function irreversibleForm({ form, confirmText, send, answered, firstField }) {
    const $ = id => document.getElementById(id);
    const dialog = $('confirm');
    form.addEventListener('submit', event => {
      event.preventDefault();
      clearProblems(form);
      $('confirm-text').textContent = confirmText();
      dialog.showModal();
      $('confirm-cancel').focus();
    });
    $('confirm-erase').addEventListener('click', async () => {
      dialog.close();
      $('erase').disabled = true;
      $('erasing').textContent = 'Erasing…';
      try {
        const view = await send();
        form.reset();
        $('erasing').textContent = '';
        answered(view);
      } catch (error) {
        $('erasing').textContent = '';
        showProblem(form, error.problem ? error : { problem: { title: 'Not erased' }, message: error.message });
      } finally {
        $('erase').disabled = false;
      }
    });
    $('confirm-cancel').addEventListener('click', () => {
      dialog.close();
      $('erase').focus();
    });
    $('another').addEventListener('click', () => {
      $('answer').hidden = true;
      form.hidden = false;
      $(firstField).focus();
    });
    me().then(person => {
      $('who').textContent = person.name;
    }).catch(() => {});
  }

  document.addEventListener('DOMContentLoaded', () => {
    document.querySelectorAll('[data-sign-out]').forEach(button => button.addEventListener('click', () => {
      button.disabled = true;
      signOut().catch(() => { button.disabled = false; });
    }));
  });

  return { el, api, csrfToken, showProblem, clearProblems, me, signOut, ApiError, when, irreversibleForm };
})();
