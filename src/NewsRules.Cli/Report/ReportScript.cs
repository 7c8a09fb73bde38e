namespace NewsRules.Cli.Report;

/// <summary>
/// The report's one script, written inline into the report (its SHA-256 is the only script
/// the report's Content-Security-Policy allows). It draws a box and a label over every element
/// a field matched (from the <c>data-nr-mark</c> tokens), names field and selector on hover,
/// and on click shows a short selector for the clicked element, checked to be unique with
/// <c>document.querySelectorAll</c>. The page's own scripts are gone; links do not navigate.
/// </summary>
internal static class ReportScript
{
    public const string Text = """
(() => {
  'use strict';
  const host = document.getElementById('newsrules-report');
  const dataNode = document.getElementById('newsrules-report-data');
  if (!host || !host.shadowRoot || !dataNode) { return; }
  const root = host.shadowRoot;
  const data = JSON.parse(dataNode.textContent);
  // Outside <body>: page styles on body (transform, filter) cannot shift the fixed layers.
  document.documentElement.appendChild(host);

  const groups = new Map(data.groups.map(g => [g.key, g]));
  const layer = root.querySelector('.nr-layer');
  const tip = root.querySelector('.nr-tip');
  const hidden = new Set();
  const boxes = [];
  const MARK = 'data-nr-mark';

  function parseToken(token) {
    const at = token.lastIndexOf('#');
    const group = groups.get(token.slice(0, at));
    if (!group) { return null; }
    const alternative = group.alternatives[Number(token.slice(at + 1))];
    return alternative ? { group, alternative } : null;
  }

  for (const element of document.querySelectorAll('[' + MARK + ']')) {
    const tokens = element.getAttribute(MARK).split(' ').filter(Boolean);
    tokens.forEach((token, index) => {
      const parsed = parseToken(token);
      if (!parsed) { return; }
      const box = document.createElement('div');
      box.className = 'nr-box' + (parsed.alternative.chosen ? '' : ' nr-other');
      box.dataset.token = token;
      box.dataset.field = parsed.group.key;
      box.style.borderColor = parsed.group.color;
      const label = document.createElement('span');
      label.className = 'nr-label';
      label.textContent = parsed.group.label + ': ' + parsed.alternative.selector;
      label.style.background = parsed.group.color;
      // The label sits at the element's start corner: the right one on a right-to-left page.
      if (getComputedStyle(element).direction === 'rtl') { label.classList.add('nr-label-rtl'); }
      box.appendChild(label);
      layer.appendChild(box);
      boxes.push({ element, key: parsed.group.key, box, label, index });
    });
  }

  const picked = document.createElement('div');
  picked.className = 'nr-box nr-picked';
  picked.hidden = true;
  layer.appendChild(picked);
  let pickedElement = null;

  function put(box, rect) {
    box.style.left = rect.left + 'px';
    box.style.top = rect.top + 'px';
    box.style.width = rect.width + 'px';
    box.style.height = rect.height + 'px';
  }

  function place() {
    for (const b of boxes) {
      const rect = b.element.getBoundingClientRect();
      const visible = !hidden.has(b.key) && (rect.width > 0 || rect.height > 0);
      b.box.style.display = visible ? '' : 'none';
      if (!visible) { continue; }
      put(b.box, rect);
      // Labels sit above the box, stacked when one element carries several; inside it near the top of the page.
      const step = 17;
      b.label.style.top = (rect.top >= step * (b.index + 1) ? -step * (b.index + 1) : step * b.index) + 'px';
    }
    if (pickedElement) { put(picked, pickedElement.getBoundingClientRect()); }
  }

  let scheduled = false;
  function schedule() {
    if (scheduled) { return; }
    scheduled = true;
    requestAnimationFrame(() => { scheduled = false; place(); });
  }
  addEventListener('scroll', schedule, true);
  addEventListener('resize', schedule);
  addEventListener('load', schedule, true);
  if (window.ResizeObserver) {
    const observer = new ResizeObserver(schedule);
    observer.observe(document.documentElement);
    if (document.body) { observer.observe(document.body); }
  }

  for (const toggle of root.querySelectorAll('input[data-toggle]')) {
    toggle.addEventListener('change', () => {
      if (toggle.checked) { hidden.delete(toggle.dataset.toggle); } else { hidden.add(toggle.dataset.toggle); }
      place();
    });
  }
  const panelToggle = root.querySelector('.nr-collapse');
  panelToggle.addEventListener('click', () => {
    const collapsed = root.querySelector('.nr-panel').classList.toggle('nr-collapsed');
    document.documentElement.classList.toggle('newsrules-report-collapsed', collapsed);
    panelToggle.textContent = collapsed ? 'Show panel' : 'Hide panel';
    schedule();
  });

  // What the fields say about an element: its own marks, then those of the marked elements around it.
  function describe(element) {
    const lines = [];
    for (let node = element; node && node.nodeType === 1 && lines.length < 8; node = node.parentElement) {
      const marks = node.getAttribute(MARK);
      if (!marks) { continue; }
      for (const token of marks.split(' ').filter(Boolean)) {
        const parsed = parseToken(token);
        if (parsed) {
          lines.push((node === element ? '' : 'inside ') + parsed.group.label + ': ' + parsed.alternative.selector);
        }
      }
    }
    return lines;
  }

  function isReport(target) { return target === host || host.contains(target); }

  document.addEventListener('mousemove', event => {
    const target = event.target;
    const lines = isReport(target) || target.nodeType !== 1 ? [] : describe(target);
    if (lines.length === 0) { tip.hidden = true; return; }
    tip.textContent = lines.join('\n');
    tip.hidden = false;
    const x = Math.min(event.clientX + 14, innerWidth - tip.offsetWidth - 4);
    const y = event.clientY + 18 + tip.offsetHeight > innerHeight ? event.clientY - tip.offsetHeight - 8 : event.clientY + 18;
    tip.style.left = Math.max(0, x) + 'px';
    tip.style.top = Math.max(0, y) + 'px';
  }, true);
  document.addEventListener('mouseleave', () => { tip.hidden = true; });

  // ---- a short, stable selector for a clicked element ----
  const esc = value => (window.CSS && CSS.escape) ? CSS.escape(value) : value.replace(/[^\w-]/g, c => '\\' + c);
  function matchesOnly(selector, element) {
    try {
      const found = document.querySelectorAll(selector);
      return found.length === 1 && found[0] === element;
    } catch (e) {
      return false;
    }
  }
  // Ids and classes that look generated (long digit runs, hashes) or stateful change between pages: avoid them.
  const stableName = name => name.length > 0 && name.length <= 40 && !/\d{3,}/.test(name) && !/^(?:[a-z]{1,3}-)?[a-z0-9]*[0-9][a-z0-9]{5,}$/i.test(name)
    && !/^(?:active|current|selected|open|show|visible|hidden|hover|focus|is-|has-|js-|ng-|css-|sc-|jsx-)/i.test(name);
  const ATTRIBUTES = ['itemprop', 'role', 'data-testid', 'data-test', 'name', 'rel', 'property', 'type'];

  function ownSelectors(element, strict) {
    const tag = element.localName;
    const out = [];
    if (element.id && (!strict || stableName(element.id))) { out.push('#' + esc(element.id)); }
    const classes = [...element.classList].filter(c => !strict || stableName(c));
    for (const c of classes) { out.push('.' + esc(c)); }
    for (const c of classes) { out.push(tag + '.' + esc(c)); }
    for (let i = 0; i < classes.length; i++) {
      for (let j = i + 1; j < classes.length; j++) { out.push('.' + esc(classes[i]) + '.' + esc(classes[j])); }
    }
    for (const name of ATTRIBUTES) {
      const value = element.getAttribute(name);
      if (value && value.length <= 60) { out.push(tag + '[' + name + '="' + value.replace(/["\\]/g, '\\$&') + '"]'); }
    }
    out.push(tag);
    return out;
  }

  function nthOfType(element) {
    let n = 1;
    for (let s = element.previousElementSibling; s; s = s.previousElementSibling) {
      if (s.localName === element.localName) { n++; }
    }
    return n;
  }

  function selectorFor(element) {
    if (element === document.documentElement || element === document.body || element === document.head) { return element.localName; }
    for (const strict of [true, false]) {
      const own = ownSelectors(element, strict);
      for (const s of own) { if (matchesOnly(s, element)) { return s; } }
      // Anchored on the nearest ancestors that have a unique name of their own.
      let depth = 0;
      for (let a = element.parentElement; a && a !== document.documentElement && depth < 10; a = a.parentElement, depth++) {
        const anchors = ownSelectors(a, strict).filter(s => s !== a.localName && matchesOnly(s, a)).slice(0, 3);
        for (const anchor of anchors) {
          for (const s of own) {
            if (matchesOnly(anchor + ' ' + s, element)) { return anchor + ' ' + s; }
          }
        }
      }
    }
    // Last resort, a position: the element's place among its kind under the nearest named ancestor.
    let path = element.localName + ':nth-of-type(' + nthOfType(element) + ')';
    for (let a = element.parentElement; a && a !== document.documentElement; a = a.parentElement) {
      const named = ownSelectors(a, false).find(s => s !== a.localName && matchesOnly(s, a));
      if (named && matchesOnly(named + ' > ' + path, element)) { return named + ' > ' + path; }
      path = (a === document.body ? 'body' : a.localName + ':nth-of-type(' + nthOfType(a) + ')') + ' > ' + path;
      if (matchesOnly(path, element)) { return path; }
    }
    return path;
  }

  const pickedSelector = root.querySelector('.nr-picked-selector');
  const pickedInfo = root.querySelector('.nr-picked-info');
  const pickedFields = root.querySelector('.nr-picked-fields');
  const copy = root.querySelector('.nr-copy');

  function pick(element) {
    const selector = selectorFor(element);
    const count = document.querySelectorAll(selector).length;
    pickedElement = element;
    picked.hidden = false;
    pickedSelector.textContent = selector;
    pickedSelector.dataset.count = String(count);
    const text = (element.textContent || '').replace(/\s+/g, ' ').trim();
    pickedInfo.textContent = '<' + element.localName + '> · matches ' + count + (count === 1 ? ' element' : ' elements')
      + (text ? ' · ' + (text.length > 80 ? text.slice(0, 79) + '…' : text) : '');
    const lines = describe(element);
    pickedFields.textContent = lines.length ? lines.join('\n') : 'No field of the rule matched this element or the elements around it.';
    copy.disabled = false;
    place();
  }

  copy.addEventListener('click', () => {
    const text = pickedSelector.textContent;
    const done = () => { copy.textContent = 'Copied'; setTimeout(() => { copy.textContent = 'Copy'; }, 1200); };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(done, () => selectText());
    } else {
      selectText();
    }
  });
  function selectText() {
    const range = document.createRange();
    range.selectNodeContents(pickedSelector);
    const selection = root.getSelection ? root.getSelection() : getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  document.addEventListener('click', event => {
    if (isReport(event.target)) { return; }
    event.preventDefault();
    event.stopPropagation();
    if (event.target.nodeType === 1) { pick(event.target); }
  }, true);
  // Nothing in the page navigates away from the report.
  document.addEventListener('auxclick', event => { if (!isReport(event.target)) { event.preventDefault(); } }, true);
  document.addEventListener('submit', event => event.preventDefault(), true);

  // A field's name in the panel scrolls to the first element it outlines.
  function firstVisible(key) {
    const found = boxes.find(b => b.key === key && b.element.getClientRects().length > 0);
    return found ? found.element : null;
  }
  for (const name of root.querySelectorAll('.nr-field-name')) {
    name.addEventListener('click', event => {
      event.preventDefault();
      const element = firstVisible(name.closest('.nr-field').dataset.field);
      if (element) { element.scrollIntoView({ block: 'center' }); }
    });
  }

  window.newsrulesReport = { selectorFor, pick, place };
  // Open at the article: saved pages often have screens of navigation above it.
  const start = firstVisible('title') || firstVisible('body');
  if (start && start.getBoundingClientRect().top > innerHeight * 0.6) {
    start.scrollIntoView({ block: 'start' });
    scrollBy(0, -40);
  }
  place();
})();
""";
}
