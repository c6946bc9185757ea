/* seloste edit: the page's behaviour. Plain JavaScript, no libraries, nothing loaded from the network.
   Changes are sent to the local server (debounced); the answer carries the findings, the open points and the
   HTML preview, which are put in place here. */
(function () {
  "use strict";
  var token = document.querySelector('meta[name="seloste-token"]').content;
  var DEBOUNCE = 40;
  var pending = {};          // key → change
  var timer = null;
  var inFlight = false;
  var startedAt = null;      // when the first not yet shown change was typed
  var lastPreview = null;
  var lastFindings = null;
  var seloste = window.seloste = {latencies: [], generation: 0, busy: false, loading: false, ready: false};
  /* True when everything typed has been answered and shown (tests and the benchmark wait for it). */
  seloste.idle = function () {
    return seloste.ready && timer === null && !inFlight && !seloste.loading && !lazyLoads && !Object.keys(pending).length;
  };
  var lazyLoads = 0;         // activities whose fields are being fetched
  var lastState = null;

  function post(url, body) {
    return fetch(url, {method: "POST", headers: {"Content-Type": "application/json", "X-Seloste-Token": token},
                       body: JSON.stringify(body || {})})
      .then(function (r) {
        var timing = r.headers.get("Server-Timing");
        return r.json().then(function (j) { return {status: r.status, body: j, timing: timing}; });
      });
  }
  function $(id) { return document.getElementById(id); }
  function fieldId(path) { return "f" + path.map(function (p) { return "-" + p; }).join("") || "f-root"; }
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  /* ---------- the start page: a new file from init's questions ---------- */
  var start = $("start");
  if (start) {
    start.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var answers = {marketing: []};
      Array.prototype.forEach.call(start.elements, function (input) {
        if (!input.name) { return; }
        if (input.type === "checkbox") { if (input.checked) { answers[input.name].push(input.value); } }
        else if (input.type === "radio") { if (input.checked) { answers[input.name] = input.value; } }
        else { answers[input.name] = input.value; }
      });
      $("start-status").textContent = "Laaditaan pohjaa…";
      post("/api/new", {answers: answers}).then(function (r) {
        document.querySelectorAll("#start .error").forEach(function (p) { p.textContent = ""; });
        document.querySelectorAll("#start [aria-invalid]").forEach(function (i) { i.removeAttribute("aria-invalid"); });
        if (r.status === 200) { location.reload(); return; }
        var first = null;
        Object.keys(r.body.errors || {}).forEach(function (key) {
          var p = $("q-" + key + "-error"), input = $("q-" + key);
          if (p) { p.textContent = r.body.errors[key]; }
          if (input) { input.setAttribute("aria-invalid", "true"); first = first || input; }
        });
        $("start-status").textContent = "Korjaa merkityt kohdat.";
        if (first) { first.focus(); }
      });
    });
    return;
  }

  /* ---------- the editor ---------- */
  var form = $("form");
  form.addEventListener("submit", function (ev) { ev.preventDefault(); });  // every change is sent as typed
  /* Leaving the page with unsaved changes asks first (the changes live in the editor until saved). */
  window.addEventListener("beforeunload", function (ev) {
    if (lastState && lastState.dirty) { ev.preventDefault(); ev.returnValue = ""; }
  });

  function valueOf(input) {
    if (input.dataset.choice) {
      var box = input.closest("fieldset");
      var checked = [];
      box.querySelectorAll("input[type=checkbox]").forEach(function (c) { if (c.checked) { checked.push(c.value); } });
      return {path: JSON.parse(input.dataset.choice), value: checked};
    }
    var change = {path: JSON.parse(input.dataset.path), value: input.value};
    if (input.dataset.lang) { change.lang = input.dataset.lang; }
    return change;
  }

  function queue(input) {
    if (!input.dataset.path && !input.dataset.choice) { return; }
    var change = valueOf(input);
    pending[JSON.stringify([change.path, change.lang || ""])] = change;
    startedAt = performance.now();  // latency counts from the last change typed
    setStatus("Tallentamattomia muutoksia…");
    clearTimeout(timer);
    timer = setTimeout(flush, DEBOUNCE);
  }

  function flush() {
    timer = null;
    if (inFlight) { timer = setTimeout(flush, DEBOUNCE); return; }
    var changes = Object.keys(pending).map(function (k) { return pending[k]; });
    if (!changes.length) { return; }
    pending = {};
    inFlight = true; seloste.busy = true;
    var began = startedAt; startedAt = null;
    var sent = performance.now();
    post("/api/change", {changes: changes}).then(function (r) {
      seloste.server = seloste.server || []; seloste.server.push([performance.now() - sent, r.timing]);
      inFlight = false;
      apply(r.body, began);
    }).catch(function () { inFlight = false; setStatus("Yhteys editorin palvelimeen katkesi."); });
  }

  form.addEventListener("input", function (ev) { if (ev.target.matches("input[type=text],input[type=number],textarea")) { queue(ev.target); } });
  form.addEventListener("change", function (ev) { if (ev.target.matches("select,input[type=checkbox],input[type=date]")) { queue(ev.target); } });

  /* Structural operations: add, remove, move, create an optional part. */
  form.addEventListener("click", function (ev) {
    var button = ev.target.closest("button[data-op]");
    if (!button) { return; }
    ev.preventDefault();
    var body = {op: button.dataset.op, path: JSON.parse(button.dataset.path)};
    if (button.dataset.valueFrom) { body.value = $(button.dataset.valueFrom).value; }
    if (button.dataset.object) { body.value = {}; }
    operate("/api/op", body);
  });

  function operate(url, body) {
    clearTimeout(timer); timer = null;
    var changes = Object.keys(pending).map(function (k) { return pending[k]; });
    pending = {};
    var first = changes.length ? post("/api/change", {changes: changes}) : Promise.resolve(null);
    inFlight = true; seloste.busy = true;
    return first.then(function () { return post(url, body); }).then(function (r) {
      inFlight = false;
      apply(r.body, null);
      return r;
    });
  }

  /* Activities are sent without their fields; an activity's fields are fetched when it is opened. */
  function loadLazy(details) {
    if (details.dataset.loaded) { return Promise.resolve(); }
    if (details.lazyPromise) { return details.lazyPromise; }
    lazyLoads++;
    details.lazyPromise = post("/api/fragment", {path: JSON.parse(details.dataset.lazy)}).then(function (r) {
      lazyLoads--;
      if (r.status !== 200) { return; }
      details.querySelector(".lazy-body").innerHTML = r.body.html;
      details.dataset.loaded = "1";
      var list = $(details.dataset.lazyField + "-lazy-findings");
      if (list) { list.remove(); }
      if (lastState) { lastFindings = null; showFindings(lastState.findings || []); }
    }, function () { lazyLoads--; });
    return details.lazyPromise;
  }
  form.addEventListener("toggle", function (ev) {
    if (ev.target.matches && ev.target.matches("details[data-lazy]") && ev.target.open) { loadLazy(ev.target); }
  }, true);
  /* Loads the activity that holds `path` (when it is one not yet loaded). */
  function ensureLoaded(path) {
    for (var k = path.length; k > 0; k--) {
      var lazy = document.querySelector('[data-lazy-field="' + fieldId(path.slice(0, k)) + '"]');
      if (lazy) { lazy.open = true; return loadLazy(lazy); }
    }
    return Promise.resolve();
  }
  function pathOfId(id) {
    return id.replace(/^f-?/, "").split("-").filter(function (p) { return p !== ""; })
      .map(function (p) { return /^\d+$/.test(p) ? Number(p) : p; });
  }

  function replaceForm(html, focusId) {
    var open = [];
    form.querySelectorAll("details[open]").forEach(function (d) { open.push(d.dataset.top || d.dataset.item); });
    var active = document.activeElement && document.activeElement.id;
    form.innerHTML = html;
    form.querySelectorAll("details").forEach(function (d) {
      if (open.indexOf(d.dataset.top || d.dataset.item) >= 0) { d.open = true; }
    });
    var target = (focusId && $(focusId)) || (active && $(active));
    if (target) { reveal(target); focusIn(target); return; }
    var wanted = focusId || active;
    if (wanted && /^f-/.test(wanted)) {
      ensureLoaded(pathOfId(wanted)).then(function () {
        var later = $(wanted);
        if (later) { reveal(later); focusIn(later); }
      });
    }
  }

  function reveal(node) {
    for (var d = node.closest("details"); d; d = d.parentElement.closest("details")) { d.open = true; }
  }
  function focusIn(node) {
    var input = node.matches("input,select,textarea,button,pre") ? node
      : node.querySelector("input:not([type=hidden]),select,textarea,button,pre,summary");
    (input || node).focus();
    if (input && input.closest("details") && !input.closest("details").open) { input.closest("details").open = true; }
  }

  function locate(path) {
    for (var k = path.length; k >= 0; k--) {
      var id = fieldId(path.slice(0, k));
      var box = document.querySelector('[data-field="' + id + '"]') || document.querySelector('[data-lazy-field="' + id + '"]');
      if (box) { return box; }
    }
    return null;
  }

  function setStatus(text) { $("status").textContent = text; }

  function apply(state, began) {
    if (!state || state.error) { setStatus("Virhe: " + ((state && state.error) || "tuntematon")); return; }
    lastState = state;
    if (state.form !== undefined) { replaceForm(state.form, state.focus); lastFindings = null; }
    var findingsKey = JSON.stringify([state.findings, state.marks]);
    if (findingsKey !== lastFindings) {  // unchanged findings need no work on the page
      lastFindings = findingsKey;
      showFindings(state.findings || []);
      showPoints(state.findings || [], state.marks || []);
    }
    $("conflict").hidden = !state.disk_changed;
    var dl = $("dl-processors");
    if (state.processors) { dl.innerHTML = ""; state.processors.forEach(function (p) { dl.appendChild(el("option", {value: p})); }); }
    var c = state.counts || {};
    var summary = (c.error || 0) + " virhettä, " + (c.warning || 0) + " varoitusta";
    setStatus((state.dirty ? "Tallentamattomia muutoksia · " : "Tallennettu · ") + summary);
    $("preview-note").textContent = state.preview_note || "";
    seloste.generation = state.generation;
    var done = function () {
      document.body.dataset.generation = String(state.generation);
      if (began !== null && began !== undefined) { seloste.latencies.push(performance.now() - began); }
      seloste.busy = inFlight;
      seloste.loading = false;
      seloste.ready = true;
    };
    if (state.preview && state.preview !== lastPreview) {
      lastPreview = state.preview;
      showPreview(state.preview, done);
    } else {
      done();
    }
  }

  /* The preview is written into the frame's document (faster than navigating it anew), keeping the scroll. */
  function showPreview(html, done) {
    var frame = $("preview");
    var doc = frame.contentDocument;
    if (!doc || !doc.body || !frame.dataset.written) {
      seloste.loading = true;
      frame.onload = function () { frame.onload = null; frame.dataset.written = "1"; done(); };
      frame.srcdoc = html;
      return;
    }
    var y = frame.contentWindow.scrollY;
    doc.open();
    doc.write(html);
    doc.close();
    frame.contentWindow.scrollTo(0, y);
    done();
  }

  function showFindings(findings) {
    form.querySelectorAll(".field-findings").forEach(function (ul) { ul.innerHTML = ""; });
    form.querySelectorAll("[aria-invalid]").forEach(function (i) { i.removeAttribute("aria-invalid"); });
    form.querySelectorAll(".has-error,.has-warning").forEach(function (n) { n.classList.remove("has-error", "has-warning"); });
    findings.forEach(function (f) {
      var box = locate(f.path);
      if (!box) { return; }
      var ul = box.querySelector(".field-findings");
      if (!ul) { return; }
      var li = el("li", {"class": "finding " + f.severity, "data-rule": f.rule});
      li.appendChild(el("strong", {}, f.severity_fi + ": "));
      li.appendChild(document.createTextNode(f.message));
      if (f.hint) { li.appendChild(el("span", {"class": "hint"}, " " + f.hint)); }
      ul.appendChild(li);
      box.classList.add(f.severity === "error" ? "has-error" : "has-warning");
      if (f.severity === "error") {
        box.querySelectorAll("input,select,textarea").forEach(function (i) {
          if (i.closest("[data-field]") === box) { i.setAttribute("aria-invalid", "true"); }
        });
      }
    });
  }

  /* The name of the field a finding or mark concerns, as the form shows it. */
  function fieldName(path) {
    var box = locate(path);
    if (!box) { return ""; }
    var title = box.matches("details") ? box.querySelector("summary") : box.querySelector("label, legend, .label");
    return title ? title.textContent.replace("(pakollinen)", "").trim() : "";
  }

  function showPoints(findings, marks) {
    var list = $("points-list");
    list.innerHTML = "";
    findings.forEach(function (f) {
      var li = el("li", {"class": "point " + f.severity});
      var a = el("a", {href: "#" + f.field, "data-path": JSON.stringify(f.path)});
      var name = fieldName(f.path);
      a.textContent = f.severity_fi + (name ? " – " + name : "") + ": " + f.message;
      li.appendChild(a);
      list.appendChild(li);
    });
    marks.forEach(function (m) {
      var li = el("li", {"class": "point mark"});
      var a = el("a", {href: "#" + m.field, "data-path": JSON.stringify(m.path)});
      var name = fieldName(m.path);
      a.textContent = "TARKISTA" + (name ? " – " + name : "") + ": " + (m.note || "varmista tämä kohta");
      a.title = "rivi " + m.line;
      li.appendChild(a);
      var b = el("button", {type: "button", "class": "small", "data-confirm": String(m.line)}, "Tarkistettu");
      b.setAttribute("aria-label", "Merkitse tarkistetuksi: " + (name || "rivi " + m.line) + ", rivi " + m.line);
      li.appendChild(document.createTextNode(" "));
      li.appendChild(b);
      list.appendChild(li);
    });
    $("points-count").textContent = "(" + (findings.length + marks.length) + ")";
    if (!findings.length && !marks.length) { list.appendChild(el("li", {"class": "point ok"}, "Ei avoimia kohtia.")); }
  }

  $("points-list").addEventListener("click", function (ev) {
    var link = ev.target.closest("a[data-path]");
    if (link) {
      ev.preventDefault();
      var path = JSON.parse(link.dataset.path);
      ensureLoaded(path).then(function () {
        var box = locate(path);
        if (box) { reveal(box); box.scrollIntoView({block: "center"}); focusIn(box); }
      });
      return;
    }
    var confirm = ev.target.closest("button[data-confirm]");
    if (confirm) { operate("/api/confirm", {line: Number(confirm.dataset.confirm)}).then(function () { $("points-title").focus(); }); }
  });
  $("points-title").tabIndex = -1;

  /* Per-language tabs (WAI-ARIA tabs: arrows move between languages). */
  form.addEventListener("click", function (ev) {
    var tab = ev.target.closest("[role=tab]");
    if (tab) { selectTab(tab); }
  });
  form.addEventListener("keydown", function (ev) {
    var tab = ev.target.closest("[role=tab]");
    if (!tab || ["ArrowLeft", "ArrowRight", "Home", "End"].indexOf(ev.key) < 0) { return; }
    var tabs = Array.prototype.slice.call(tab.parentElement.querySelectorAll("[role=tab]"));
    var i = tabs.indexOf(tab);
    var next = ev.key === "ArrowLeft" ? (i + tabs.length - 1) % tabs.length : ev.key === "ArrowRight" ? (i + 1) % tabs.length
      : ev.key === "Home" ? 0 : tabs.length - 1;
    ev.preventDefault();
    selectTab(tabs[next]);
    tabs[next].focus();
  });
  function selectTab(tab) {
    tab.parentElement.querySelectorAll("[role=tab]").forEach(function (t) {
      var on = t === tab;
      t.setAttribute("aria-selected", on ? "true" : "false");
      t.tabIndex = on ? 0 : -1;
      $(t.getAttribute("aria-controls")).hidden = !on;
    });
  }

  /* Saving, with the file's change on disk detected by the server. */
  function save(force) {
    clearTimeout(timer); timer = null;
    var changes = Object.keys(pending).map(function (k) { return pending[k]; });
    pending = {};
    var first = changes.length ? post("/api/change", {changes: changes}) : Promise.resolve(null);
    inFlight = true;
    return first.then(function () { return post("/api/save", {force: !!force}); }).then(function (r) {
      inFlight = false;
      if (r.status === 409) {
        $("conflict").hidden = false;
        $("conflict-text").textContent = r.body.message + " Lataa tiedosto uudelleen tai korvaa se.";
        $("reload").focus();
        return;
      }
      $("conflict").hidden = true;
      apply(r.body, null);
      setStatus("Tallennettu · " + new Date().toLocaleTimeString("fi-FI"));
    });
  }
  $("save").addEventListener("click", function () { save(false); });
  $("overwrite").addEventListener("click", function () { save(true); });
  document.querySelectorAll("[data-reload]").forEach(function (b) {
    b.addEventListener("click", function () { post("/api/reload", {}).then(function () { location.reload(); }); });
  });
  $("reload").addEventListener("click", function () {
    operate("/api/reload", {}).then(function () { $("conflict").hidden = true; $("save").focus(); });
  });
  document.addEventListener("keydown", function (ev) {
    if ((ev.ctrlKey || ev.metaKey) && ev.key === "s") { ev.preventDefault(); save(false); }
  });

  /* Preview and PDF. */
  function previewChoice() {
    post("/api/preview", {kind: $("preview-kind").value, lang: $("preview-lang").value}).then(function (r) { apply(r.body, null); });
  }
  $("preview-kind").addEventListener("change", previewChoice);
  $("preview-lang").addEventListener("change", previewChoice);

  $("build-button").addEventListener("click", function () {
    var progress = $("build-progress");
    $("downloads").innerHTML = "";
    progress.hidden = false; progress.value = 0;
    $("build-button").disabled = true;
    post("/api/build", {}).then(poll);
    function poll() {
      post("/api/build/status", {}).then(function (r) {
        var s = r.body;
        progress.max = s.total || 1; progress.value = s.done || 0;
        $("build-status").textContent = s.message + (s.state === "running" ? " (" + s.done + "/" + s.total + ")" : "");
        if (s.state === "running") { setTimeout(poll, 300); return; }
        $("build-button").disabled = false;
        progress.hidden = s.state !== "done";
        (s.outputs || []).forEach(function (name) {
          var li = el("li");
          li.appendChild(el("a", {href: "/download/" + encodeURIComponent(name) + "?token=" + encodeURIComponent(token), download: name}, name));
          $("downloads").appendChild(li);
        });
      });
    }
  });

  post("/api/state", {}).then(function (r) { apply(r.body, null); });
})();
