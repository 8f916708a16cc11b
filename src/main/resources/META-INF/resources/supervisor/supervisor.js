// The supervisors' page: signs in with the authorization code flow and PKCE (oidc-client-ts against the realm's
// public client), then draws the deployed case workflow (bpmn-js) with the open and overdue tasks of the
// supervisor's offices on each activity, and the queue table, both from GET /api/v1/queues.
(async function () {
  'use strict';
  const status = document.getElementById('status');
  const say = (text, isError) => { status.textContent = text; status.classList.toggle('error', !!isError); };

  async function accessToken() {
    // A token already handed to this tab (sessionStorage 'smo.access_token'), e.g. by a test harness, is used as is;
    // the API validates it like any other.
    const handed = sessionStorage.getItem('smo.access_token');
    if (handed) {
      return handed;
    }
    const config = await (await fetch('config.json')).json();
    const users = new oidc.UserManager({
      authority: config.authority, client_id: config.clientId, response_type: 'code', scope: 'openid',
      redirect_uri: location.origin + location.pathname,
      userStore: new oidc.WebStorageStateStore({ store: window.sessionStorage })
    });
    if (new URLSearchParams(location.search).has('code')) {
      const user = await users.signinRedirectCallback();
      history.replaceState(null, '', location.pathname);
      return user.access_token;
    }
    const user = await users.getUser();
    if (user && !user.expired) {
      return user.access_token;
    }
    await users.signinRedirect();
    return null;
  }

  async function api(token, path, accept) {
    const response = await fetch(path, { headers: { Authorization: 'Bearer ' + token, Accept: accept || 'application/json' } });
    if (!response.ok) {
      let detail = response.statusText;
      try { detail = (await response.json()).detail || detail; } catch (ignored) { /* not a problem document */ }
      throw new Error(path + ': ' + response.status + ' ' + detail);
    }
    return accept === 'application/xml' ? response.text() : response.json();
  }

  function cell(row, text) {
    const td = document.createElement('td');
    td.textContent = text;
    row.appendChild(td);
  }

  function age(seconds) {
    const days = Math.floor(seconds / 86400);
    return days > 0 ? days + ' d' : Math.floor(seconds / 3600) + ' h';
  }

  try {
    const token = await accessToken();
    if (!token) {
      return; // on the way to the provider's sign-in page
    }
    say('Loading…');
    const [xml, queues] = await Promise.all([
      api(token, '/api/v1/workflows/smo-case', 'application/xml'),
      api(token, '/api/v1/queues')
    ]);

    const totals = new Map();
    for (const q of queues.items) {
      const t = totals.get(q.activity) || { open: 0, overdue: 0 };
      t.open += q.open;
      t.overdue += q.overdue;
      totals.set(q.activity, t);
    }

    const viewer = new BpmnJS({ container: '#diagram' });
    await viewer.importXML(xml);
    viewer.get('canvas').zoom('fit-viewport');
    const overlays = viewer.get('overlays');
    const elements = viewer.get('elementRegistry');
    for (const [activity, t] of totals) {
      if (!elements.get(activity)) {
        continue; // an activity of an older process version
      }
      const badge = document.createElement('div');
      badge.className = 'counts' + (t.overdue > 0 ? ' has-overdue' : '');
      badge.dataset.activity = activity;
      badge.dataset.open = String(t.open);
      badge.dataset.overdue = String(t.overdue);
      badge.textContent = t.open + ' open · ' + t.overdue + ' overdue';
      overlays.add(activity, 'counts', { position: { bottom: 12, left: 0 }, html: badge });
    }

    const body = document.querySelector('#queues tbody');
    for (const q of queues.items) {
      const row = document.createElement('tr');
      row.dataset.office = q.office;
      row.dataset.activity = q.activity;
      [q.office, q.activity, q.open, q.unassigned, q.overdue, q.ageBuckets['<1d'], q.ageBuckets['1-3d'],
        q.ageBuckets['3-7d'], q.ageBuckets['>7d'], age(q.oldestAgeSeconds)].forEach(v => cell(row, String(v)));
      body.appendChild(row);
    }
    say('As of ' + new Date(queues.at).toLocaleString() + ' · ' + queues.items.length + ' queues');
    document.body.dataset.ready = 'true';
  } catch (e) {
    say('Could not load the queues: ' + e.message, true);
    document.body.dataset.ready = 'error';
  }
})();
