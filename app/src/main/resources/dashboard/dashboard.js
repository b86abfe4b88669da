/* media-monitor live dashboard: vanilla JS, uPlot from the WebJar, no network beyond this server. */
'use strict';

(function () {
  const REFRESH_MS = 5000;
  const CHART_REFRESH_MS = 30000;
  const CHART_HEIGHT = 300;

  const state = {
    alerts: new Map(),   // id -> latest AlertView
    acks: new Map(),     // alert id -> {at, by, note}: the acknowledgements standing
    ackErrors: new Map(), // alert id -> why its last acknowledgement (or undo) was not saved
    history: new Map(),  // alert id -> AlertView, as the history shows them
    term: null,          // term on the chart
    hours: 24,           // chart period: a day, so a fresh spike is not a few pixels at the edge
    anchor: null,        // chart end (Date), null = now
    plot: null,
    termOptions: [],
    userChose: false,    // set once the user picks a term or clicks an alert
    chartTimer: null,
  };

  const $ = (id) => document.getElementById(id);
  const dateTime = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  const timeOnly = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

  /** Builds an element; children are nodes or strings (always inserted as text, never as HTML). */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === 'class') node.className = value;
      else if (key === 'dataset') Object.assign(node.dataset, value);
      else node.setAttribute(key, value);
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  /** A dotted name (a topic) that may wrap after its dots rather than inside a word. */
  function dotted(name) {
    return name.split(/(?<=\.)/).flatMap((part, i) => (i ? [el('wbr', {}), part] : [part]));
  }

  /** Only http(s) links from feeds become clickable. */
  function safeUrl(url) {
    try {
      const parsed = new URL(url);
      return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
    } catch (e) {
      return null;
    }
  }

  async function getJson(path) {
    const response = await fetch(path, { cache: 'no-store', headers: { Accept: 'application/json' } });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(body.error || ('HTTP ' + response.status));
    return body;
  }

  function fmt(iso) {
    return iso ? dateTime.format(new Date(iso)) : '–';
  }

  function duration(seconds) {
    if (seconds === null || seconds === undefined) return '–';
    if (seconds < 90) return Math.round(seconds) + ' s';
    if (seconds < 3600) return Math.round(seconds / 60) + ' min';
    if (seconds < 172800) return Math.round(seconds / 3600) + ' h';
    return Math.round(seconds / 86400) + ' d';
  }

  function ago(iso) {
    if (!iso) return '–';
    return duration((Date.now() - Date.parse(iso)) / 1000) + ' ago';
  }

  function number(value, digits) {
    if (value === null || value === undefined || Number.isNaN(value)) return '–';
    return Number(value).toLocaleString(undefined, { maximumFractionDigits: digits, minimumFractionDigits: 0 });
  }

  // An expected count as the alert gives it: two significant digits under ten (0.02 is not 0), whole from ten.
  function expectedCount(value) {
    if (value === null || value === undefined || Number.isNaN(value)) return '–';
    if (value === 0) return '0';
    if (Math.abs(value) >= 10) return number(value, 0);
    return Number(value).toLocaleString(undefined, { maximumSignificantDigits: 2 });
  }

  // ---- acknowledgements -----------------------------------------------------------------------

  const ACK_NAME_KEY = 'media-monitor.ack-name';
  $('ack-name').value = localStorage.getItem(ACK_NAME_KEY) || '';
  $('ack-name').addEventListener('change', () => localStorage.setItem(ACK_NAME_KEY, $('ack-name').value.trim()));

  function rememberAck(view) {
    if (view.acknowledgedAt) {
      state.acks.set(view.id, { at: view.acknowledgedAt, by: view.acknowledgedBy, note: view.acknowledgementNote });
    } else {
      state.acks.delete(view.id);
    }
  }

  /**
   * Acknowledges the alert (or withdraws it) on the server, then shows the outcome everywhere the
   * alert is shown; a refusal shows beside the alert's button, where the click was.
   */
  async function acknowledge(id, withdraw) {
    let message = null;
    try {
      const response = await fetch('api/alerts/' + encodeURIComponent(id) + '/acknowledgement', {
        method: withdraw ? 'DELETE' : 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: withdraw ? undefined : JSON.stringify({ by: $('ack-name').value.trim() || null }),
      });
      const body = await response.json().catch(() => ({}));
      if (response.ok) rememberAck(body);
      else message = body.error || 'HTTP ' + response.status;
    } catch (e) {
      message = 'the dashboard did not answer (' + e.message + ')';
    }
    if (message) state.ackErrors.set(id, 'Not saved: ' + message);
    else state.ackErrors.delete(id);
    renderAlerts();
    loadHistory();
  }

  /** The acknowledgement of an alert: who and when, with a button to withdraw it; or a button to give it. */
  function ackControl(id) {
    const ack = state.acks.get(id);
    const error = state.ackErrors.has(id)
      ? el('span', { class: 'error-text ack-error', role: 'alert' }, ' ', state.ackErrors.get(id)) : null;
    if (!ack) {
      return el('span', {}, el('button', { type: 'button', class: 'ack', dataset: { ack: id } }, 'Acknowledge'), error);
    }
    return el('span', { class: 'acked', title: ack.note || '' },
      '✓ ', ack.by || 'acknowledged', ', ', ago(ack.at), ' ',
      el('button', { type: 'button', class: 'ack', dataset: { withdraw: id }, title: 'withdraw the acknowledgement' }, 'undo'),
      error);
  }

  document.addEventListener('click', (event) => {
    const button = event.target.closest('button.ack');
    if (!button) return;
    event.stopPropagation();
    if (button.dataset.ack) acknowledge(button.dataset.ack, false);
    else if (button.dataset.withdraw) acknowledge(button.dataset.withdraw, true);
  }, true);

  // ---- alerts ---------------------------------------------------------------------------------

  function upsertAlert(alert) {
    const known = state.alerts.get(alert.id);
    if (known && known.revision >= alert.revision) return false;
    state.alerts.set(alert.id, alert);
    return true;
  }

  function alertCard(alert, fresh) {
    const articles = (alert.articles || []).map((article) => {
      const url = safeUrl(article.url);
      const title = url ? el('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, article.title)
                        : el('span', {}, article.title);
      return el('li', {}, title, el('span', { class: 'source' }, ' — ', article.source, ', ', fmt(article.publishedAt)));
    });
    return el('li', {
      class: ['alert', 'sev-' + alert.severity, alert.status, fresh ? 'fresh' : ''].join(' ').trim(),
      dataset: { id: alert.id, term: alert.term },
      title: 'Show ' + alert.label + ' on the chart',
    },
      el('div', { class: 'line1' },
        el('span', { class: 'pill sev sev-b-' + alert.severity }, alert.severity),
        el('span', { class: 'pill st st-' + alert.status }, alert.status),
        el('span', { class: 'label' }, alert.label),
        el('span', { class: 'term' }, alert.term)),
      el('div', { class: 'numbers' },
        'observed ', el('b', {}, number(alert.observed, 0)),
        ' vs expected ', el('b', {}, expectedCount(alert.expected)),
        ' · ', number(alert.distinctSources, 0), ' sources · score ', number(alert.score, 1)),
      alert.explanation ? el('div', { class: 'explanation' }, alert.explanation) : null,
      el('div', { class: 'when' },
        alert.kind.replace('_', ' ').toLowerCase(), ' · window ', fmt(alert.windowStart), ' → ',
        timeOnly.format(new Date(alert.windowEnd)), ' · rev. ', alert.revision),
      articles.length ? el('ul', {}, articles) : null,
      el('div', { class: 'ack-line' }, ackControl(alert.id)));
  }

  function renderAlerts(freshId) {
    const sorted = [...state.alerts.values()].sort((a, b) =>
      Date.parse(b.triggeredAt) - Date.parse(a.triggeredAt) || a.id.localeCompare(b.id));
    $('alerts').replaceChildren(...sorted.map((a) => alertCard(a, a.id === freshId)));
    $('alerts-empty').hidden = sorted.length > 0;
    $('alert-count').textContent = String(sorted.length);
  }

  function connectStream() {
    const pill = $('stream-state');
    const source = new EventSource('api/alerts/stream');
    source.addEventListener('open', () => {
      pill.textContent = 'live';
      pill.className = 'pill pill-live';
    });
    source.addEventListener('error', () => {
      pill.textContent = 'reconnecting…';
      pill.className = 'pill pill-down';
    });
    source.addEventListener('alert', (event) => {
      const alert = JSON.parse(event.data);
      if (!upsertAlert(alert)) return;
      renderAlerts(alert.id);
      addTermOption(alert.term, alert.label);
      scheduleHistory();
      // the chart follows the newest alert until the user picks a term
      const newest = [...state.alerts.values()].every((a) => Date.parse(a.triggeredAt) <= Date.parse(alert.triggeredAt));
      // (an alert older than the period is shown around its window, not as a few pixels off the left edge)
      if (!state.userChose && newest) showOnChart(alert);
      else if (alert.term === state.term) scheduleChart();
    });
  }

  /** The chart on the alert's term, its window in view: the period ending now if it is in there, else around it. */
  function showOnChart(alert) {
    const end = Date.parse(alert.windowEnd);
    state.anchor = Date.now() - end < state.hours * 3600e3 * 0.8 ? null
      : new Date(Math.min(Date.now(), end + state.hours * 3600e3 * 0.25));
    selectTerm(alert.term);
  }

  $('alerts').addEventListener('click', (event) => {
    if (event.target.closest('a')) return;
    const card = event.target.closest('.alert');
    if (!card) return;
    const alert = state.alerts.get(card.dataset.id);
    if (!alert) return;
    state.userChose = true;
    showOnChart(alert);
  });

  // ---- chart ----------------------------------------------------------------------------------

  function addTermOption(term, label) {
    const known = state.termOptions.find((t) => t.term === term);
    if (known && (!label || known.label === label)) return;
    if (known) known.label = label; // an alert names the term better than its id
    else state.termOptions.push({ term, label: label || term, stories: 0 });
    renderTermOptions();
  }

  /** The kind of a term, from its id: what the term list groups by. */
  const TERM_GROUPS = [
    ['country:', 'Countries'], ['actor:', 'Actors'], ['keyword:', 'Keywords'], ['pair:', 'Actor × country'],
    ['total:', 'All articles'],
  ];

  function groupOf(term) {
    const group = TERM_GROUPS.find(([prefix]) => term.startsWith(prefix));
    return group ? group[1] : 'Other';
  }

  /** Terms grouped by kind, busiest first; pairs only when asked for (or on the chart). */
  function renderTermOptions() {
    const select = $('term-select');
    const showPairs = $('show-pairs').checked;
    const groups = new Map(TERM_GROUPS.map(([, name]) => [name, []]));
    for (const t of state.termOptions) {
      if (t.term.startsWith('pair:') && !showPairs && t.term !== state.term) continue;
      const name = groupOf(t.term);
      if (!groups.has(name)) groups.set(name, []);
      groups.get(name).push(t);
    }
    select.replaceChildren(...[...groups.entries()].filter(([, terms]) => terms.length).map(([name, terms]) =>
      el('optgroup', { label: name }, ...terms
        .sort((a, b) => (b.stories || 0) - (a.stories || 0) || a.label.localeCompare(b.label))
        .map((t) => el('option', { value: t.term, selected: t.term === state.term, title: t.term }, t.label)))));
  }

  $('show-pairs').addEventListener('change', renderTermOptions);

  function selectTerm(term) {
    state.term = term;
    if (!state.termOptions.some((t) => t.term === term)) addTermOption(term, term);
    $('term-select').value = term;
    scheduleChart();
  }

  /** Coalesces the reloads that a burst of events (the stream's first snapshot) would cause. */
  function scheduleChart() {
    clearTimeout(state.chartTimer);
    state.chartTimer = setTimeout(loadChart, 100);
  }

  $('term-select').addEventListener('change', (event) => {
    state.anchor = null;
    state.userChose = true;
    selectTerm(event.target.value);
  });

  for (const button of document.querySelectorAll('.range button')) {
    button.addEventListener('click', () => {
      document.querySelectorAll('.range button').forEach((b) => b.classList.toggle('on', b === button));
      state.hours = Number(button.dataset.hours);
      state.anchor = null;
      loadChart();
      loadTerms();
    });
  }

  async function loadTerms() {
    try {
      const to = new Date();
      const from = new Date(to.getTime() - state.hours * 3600e3);
      // without counts here (an ingest or alerts dashboard), the alerts' terms are still offered
      const terms = await getJson('api/terms?from=' + from.toISOString() + '&to=' + to.toISOString())
        .catch((e) => { console.warn('terms', e); return []; });
      const alertTerms = [...state.alerts.values()].map((a) => ({ term: a.term, label: a.label, stories: 0 }));
      const merged = new Map();
      for (const t of [...terms, ...alertTerms, ...state.termOptions]) {
        if (!merged.has(t.term)) merged.set(t.term, { term: t.term, label: t.label, stories: t.stories || 0 });
      }
      state.termOptions = [...merged.values()];
      renderTermOptions();
      if (!state.term && state.termOptions.length) selectTerm(state.termOptions[0].term);
    } catch (e) {
      console.warn('terms', e);
    }
  }

  async function loadChart() {
    if (!state.term) return;
    const to = state.anchor || new Date();
    const from = new Date(to.getTime() - state.hours * 3600e3);
    const term = state.term;
    let data;
    try {
      data = await getJson('api/mentions?term=' + encodeURIComponent(term)
        + '&from=' + from.toISOString() + '&to=' + to.toISOString());
    } catch (e) {
      $('chart-empty').hidden = false;
      $('chart-empty').textContent = 'Counts unavailable right now: ' + e.message;
      return;
    }
    if (term !== state.term) return; // a newer choice won the race
    drawChart(data);
  }

  const dayMonth = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });

  /** Axis ticks: the date at midnight (or when ticks are days apart), else the time of day. */
  function timeTicks(u, splits, axisIdx, space, incr) {
    return splits.map((seconds) => {
      const date = new Date(seconds * 1000);
      return incr >= 86400 || (date.getHours() === 0 && date.getMinutes() === 0)
        ? dayMonth.format(date) : timeOnly.format(date);
    });
  }

  function drawChart(data) {
    const points = data.points || [];
    const xs = points.map((p) => Date.parse(p.windowStart) / 1000);
    const observed = points.map((p) => p.stories);
    const expected = points.map((p) => p.expected);
    const alertWindows = (data.alerts || []).map((a) => [Date.parse(a.windowStart) / 1000, Date.parse(a.windowEnd) / 1000]);
    $('baseline-legend').textContent = data.baseline;
    $('window-legend').textContent = duration(data.windowSeconds) + ' window, one every ' + duration(data.stepSeconds);
    const empty = !observed.some((v) => v > 0) && alertWindows.length === 0;
    $('chart-empty').hidden = !empty;
    $('chart-empty').textContent = 'No mentions of ' + data.label + ' in the period.';
    const box = $('chart');
    const styles = getComputedStyle(document.documentElement);
    const options = {
      width: Math.max(300, box.clientWidth),
      height: CHART_HEIGHT,
      scales: { x: { time: true }, y: { range: (u, min, max) => [0, Math.max(3, Math.ceil(max * 1.15))] } },
      series: [
        { value: (u, v) => (v === null ? '–' : dateTime.format(new Date(v * 1000))) },
        { label: 'stories', stroke: styles.getPropertyValue('--accent').trim(), width: 2,
          fill: 'rgba(37, 99, 235, 0.10)', points: { show: false } },
        { label: 'baseline', stroke: styles.getPropertyValue('--baseline').trim(), width: 2, dash: [6, 4],
          points: { show: false }, value: (u, v) => (v === null ? '–' : number(v, 2)) },
      ],
      axes: [
        { grid: { stroke: '#eef0f3' }, values: timeTicks },
        // stories are whole numbers: no 2.5 on the axis
        { grid: { stroke: '#eef0f3' }, size: 44, incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000] },
      ],
      cursor: { drag: { x: false, y: false } },
      hooks: {
        // away from the cursor, the legend shows the latest window rather than dashes
        ready: [(u) => { if (xs.length) u.setLegend({ idx: xs.length - 1 }); }],
        setCursor: [(u) => { if (u.cursor.idx == null && xs.length) u.setLegend({ idx: xs.length - 1 }); }],
        drawAxes: [(u) => {
          // alert windows shaded under the lines
          const ctx = u.ctx;
          ctx.save();
          ctx.fillStyle = 'rgba(220, 38, 38, 0.14)';
          for (const [start, end] of alertWindows) {
            const x0 = Math.max(u.bbox.left, u.valToPos(start, 'x', true));
            const x1 = Math.min(u.bbox.left + u.bbox.width, u.valToPos(end, 'x', true));
            if (x1 > x0) ctx.fillRect(x0, u.bbox.top, Math.max(2, x1 - x0), u.bbox.height);
          }
          ctx.restore();
        }],
      },
    };
    if (state.plot) state.plot.destroy();
    state.plot = new uPlot(options, [xs, observed, expected], box);
  }

  window.addEventListener('resize', () => {
    if (state.plot) state.plot.setSize({ width: Math.max(300, $('chart').clientWidth), height: CHART_HEIGHT });
  });

  // ---- recent articles -------------------------------------------------------------------

  function articleItem(a) {
    const url = safeUrl(a.url);
    const tags = [...a.countries, ...a.actors];
    return el('li', {},
      url ? el('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, a.title) : a.title,
      el('div', { class: 'meta' }, a.source, ' · ', fmt(a.publishedAt),
        tags.length ? ' · ' + tags.join(', ') : null, a.firstOfStory ? null : ' · copy of a story'));
  }

  async function loadArticles() {
    const query = $('articles-search').value.trim();
    try {
      const articles = await getJson('api/articles?limit=50&q=' + encodeURIComponent(query));
      if (query !== $('articles-search').value.trim()) return; // a newer search won the race
      $('articles').replaceChildren(...articles.map(articleItem));
      $('articles-empty').hidden = articles.length > 0;
      $('articles-count').textContent = query ? '· ' + articles.length + ' found' : '';
    } catch (e) {
      console.warn('articles', e);
    }
  }

  let articlesTimer = null;
  // typing, and the search field's own clear button
  $('articles-search').addEventListener('search', loadArticles);
  $('articles-search').addEventListener('input', () => {
    clearTimeout(articlesTimer);
    articlesTimer = setTimeout(loadArticles, 250);
  });

  // ---- alert history -----------------------------------------------------------------------

  /** The filters as chosen, for telling whether they changed while a request was out. */
  function historyFilters() {
    return ['history-term', 'history-severity', 'history-status', 'history-period']
      .map((id) => $(id).value).join('|') + '|' + $('history-unacknowledged').checked;
  }

  function historyQuery() {
    const params = new URLSearchParams();
    const term = $('history-term').value;
    if (term) params.set('term', term);
    if ($('history-severity').value) params.set('severity', $('history-severity').value);
    if ($('history-status').value) params.set('status', $('history-status').value);
    const hours = $('history-period').value;
    if (hours) params.set('from', new Date(Date.now() - Number(hours) * 3600e3).toISOString());
    if ($('history-unacknowledged').checked) params.set('acknowledged', 'false');
    return params.toString();
  }

  function historyTerms(alerts) {
    const select = $('history-term');
    const chosen = select.value;
    const terms = new Map([...state.alerts.values(), ...alerts].map((a) => [a.term, a.label]));
    if (chosen && !terms.has(chosen)) terms.set(chosen, chosen);
    const options = [...terms].sort((a, b) => a[1].localeCompare(b[1]))
      .map(([term, label]) => el('option', { value: term }, label));
    select.replaceChildren(el('option', { value: '' }, 'every term'), ...options);
    select.value = chosen;
  }

  async function loadHistory() {
    try {
      const filters = historyFilters();
      const query = historyQuery();
      const alerts = await getJson('api/alerts?' + query);
      if (filters !== historyFilters()) return; // the filters changed meanwhile
      // the list says which of its alerts are acknowledged (filtered or not), also for the live cards
      const before = JSON.stringify([...state.acks]);
      alerts.forEach(rememberAck);
      if (JSON.stringify([...state.acks]) !== before) renderAlerts();
      historyTerms(alerts);
      state.history = new Map(alerts.map((a) => [a.id, a]));
      $('history').tBodies[0].replaceChildren(...alerts.map((a) => el('tr', {
        class: state.acks.has(a.id) ? 'acknowledged' : null, dataset: { id: a.id } },
        el('td', {}, fmt(a.triggeredAt)),
        el('td', { title: a.term }, a.label),
        el('td', {}, a.kind.replace('_', ' ').toLowerCase()),
        el('td', {}, el('span', { class: 'pill sev sev-b-' + a.severity }, a.severity)),
        el('td', {}, el('span', { class: 'pill st st-' + a.status }, a.status)),
        el('td', { class: 'num' }, number(a.observed, 0), ' / ', expectedCount(a.expected)),
        el('td', {}, ackControl(a.id)))));
      $('history-empty').hidden = alerts.length > 0;
      $('history-count').textContent = '· ' + alerts.length;
      $('history-error').textContent = '';
    } catch (e) {
      $('history-error').textContent = 'unavailable: ' + e.message;
    }
  }

  let historyTimer = null;
  function scheduleHistory() {
    clearTimeout(historyTimer);
    historyTimer = setTimeout(loadHistory, 300);
  }
  $('history').addEventListener('click', (event) => {
    const row = event.target.closest('tr[data-id]');
    if (!row || event.target.closest('button')) return;
    const alert = state.history.get(row.dataset.id);
    if (!alert) return;
    state.userChose = true;
    showOnChart(alert);
    $('chart-card').scrollIntoView({ behavior: 'smooth', block: 'start' });
  });
  for (const id of ['history-term', 'history-severity', 'history-status', 'history-period', 'history-unacknowledged']) {
    $(id).addEventListener('change', loadHistory);
  }

  // ---- top, feeds, topics -------------------------------------------------------------------

  function rankRows(entries) {
    if (!entries.length) return [el('tr', {}, el('td', { colspan: 3, class: 'empty' }, 'none yet'))];
    const max = Math.max(...entries.map((e) => e.stories), 1);
    return entries.map((e) => el('tr', {},
      el('td', { title: e.term }, e.label, el('span', { class: 'bar', style: 'width:' + (100 * e.stories / max) + '%' })),
      el('td', { class: 'num' }, number(e.stories, 0)),
      el('td', { class: 'num' }, number(e.sources, 0))));
  }

  async function loadTop() {
    try {
      const top = await getJson('api/top');
      $('top-countries').tBodies[0].replaceChildren(...rankRows(top.countries));
      $('top-actors').tBodies[0].replaceChildren(...rankRows(top.actors));
      $('top-period').textContent = '· since ' + fmt(top.from);
    } catch (e) {
      $('top-period').textContent = '· unavailable: ' + e.message;
    }
  }

  async function loadFeeds() {
    try {
      const body = await getJson('api/feeds');
      const rows = body.feeds.map((f) => el('tr', {},
        el('td', {}, f.name, el('div', { class: 'feed-url' }, f.url)),
        el('td', { class: 'state-' + f.state }, f.state),
        el('td', { title: fmt(f.lastAttemptAt) }, ago(f.lastAttemptAt),
          f.httpStatus ? el('div', { class: 'muted' }, 'HTTP ' + f.httpStatus) : null),
        el('td', {}, f.lastError ? el('span', { class: 'err' }, f.lastError) : '–',
          f.lastErrorAt ? el('div', { class: 'muted' }, ago(f.lastErrorAt)) : null),
        el('td', { class: 'num' }, number(f.consecutiveFailures, 0)),
        el('td', { title: f.lastArticleAt ? 'newest article ' + fmt(f.lastArticleAt) : 'no article seen' },
          duration(f.silentSeconds))));
      $('feeds').tBodies[0].replaceChildren(...(rows.length ? rows
        : [el('tr', {}, el('td', { colspan: 6, class: 'empty' }, 'No feed status yet.'))]));
      const failing = body.feeds.filter((f) => f.state === 'failing').length;
      const silent = body.feeds.filter((f) => f.state === 'silent').length;
      $('feeds-summary').textContent = '· ' + body.feeds.length + ' feeds, ' + failing + ' failing, ' + silent + ' silent';
    } catch (e) {
      $('feeds-summary').textContent = '· unavailable: ' + e.message;
    }
  }

  let topicsLoading = false;

  async function loadTopics() {
    // a tick while the last request is out is skipped: with Kafka down each takes the server's Admin timeout
    if (topicsLoading) return;
    topicsLoading = true;
    try {
      const report = await getJson('api/topics');
      $('topics').tBodies[0].replaceChildren(...report.topics.map((t) => el('tr', {},
        el('td', {}, ...dotted(t.topic)),
        el('td', { class: 'num' }, number(t.partitions, 0)),
        el('td', { class: 'num' }, number(t.endOffsets, 0)),
        el('td', { class: 'num' }, t.perSecond === null ? '…' : number(t.perSecond, 2)))));
      $('groups').tBodies[0].replaceChildren(...(report.groups.length ? report.groups.map((g) => el('tr', {},
        el('td', {}, g.group),
        el('td', {}, g.state),
        el('td', { class: 'num', title: Object.entries(g.lagByTopic).map(([t, l]) => t + ': ' + l).join('\n') },
          number(g.lag, 0))))
        : [el('tr', {}, el('td', { colspan: 3, class: 'empty' }, 'No consumer group yet.'))]));
      $('topics-error').textContent = report.error ? 'Kafka: ' + report.error : '';
    } catch (e) {
      $('topics-error').textContent = 'unavailable: ' + e.message;
    } finally {
      topicsLoading = false;
    }
  }

  function tick() {
    $('clock').textContent = dateTime.format(new Date());
  }

  // ---- start ----------------------------------------------------------------------------------

  tick();
  connectStream();
  loadTerms();
  loadTop();
  loadFeeds();
  loadTopics();
  loadArticles();
  loadHistory();
  setInterval(tick, 1000);
  setInterval(() => { loadTop(); loadFeeds(); loadTopics(); loadArticles(); loadHistory(); }, REFRESH_MS);
  setInterval(() => { loadTerms(); loadChart(); }, CHART_REFRESH_MS);
})();
