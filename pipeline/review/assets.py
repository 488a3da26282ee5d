"""The review page's inline stylesheet and script (no network: everything ships in the page)."""

COLOURS = {  # kind: (background, legend border)
    "target": "#ffe066", "result": "#ffc078", "false-hit": "#ffa8a8", "miss": "#ff6b6b",
    "date": "#a5d8ff", "period": "#d0bfff", "reference": "#b2f2bb", "number": "#8ce99a",
    "issue-date": "#74c0fc", "issuer": "#fcc2d7", "signer": "#c5f6fa", "title": "#e9ecef",
}

CSS = """
:root { --ink: #212529; --muted: #6c757d; --line: #dee2e6; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #f8f9fa;
       font: 16px/1.6 system-ui, "Noto Sans", "DejaVu Sans", Arial, sans-serif; }
header.page { background: #1c3d5a; color: #fff; padding: 12px 24px; }
header.page h1 { margin: 0; font-size: 20px; }
header.page p { margin: 4px 0 0; opacity: .85; font-size: 14px; }
nav.index { padding: 12px 24px; background: #fff; border-bottom: 1px solid var(--line); }
nav.index ol { margin: 0; padding-left: 20px; columns: 2; }
nav.index li { break-inside: avoid; }
nav.index a { color: #1c3d5a; }
section.doc { margin: 24px; padding: 16px 24px; background: #fff; border: 1px solid var(--line); border-radius: 6px; }
section.doc h2 { margin-top: 0; font-size: 18px; word-break: break-all; }
.error { color: #c92a2a; font-weight: 600; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 0 0 12px; }
dl.meta dt { color: var(--muted); }
dl.meta dd { margin: 0; }
dl.meta .wrong { background: #ffe3e3; }
dl.meta .gold { color: #c92a2a; font-size: 14px; margin-left: 8px; }
.legend { display: flex; flex-wrap: wrap; gap: 6px 12px; margin: 8px 0 12px; font-size: 14px; }
.legend span.swatch { display: inline-block; width: 14px; height: 14px; border-radius: 3px; vertical-align: -2px; margin-right: 4px; }
table.targets { border-collapse: collapse; width: 100%; font-size: 14px; margin-bottom: 16px; }
table.targets th, table.targets td { border: 1px solid var(--line); padding: 3px 6px; text-align: left; vertical-align: top; }
table.targets th { background: #f1f3f5; position: sticky; top: 0; }
table.targets tr[data-target] { cursor: pointer; }
table.targets tr[data-target]:hover { background: #fff9db; }
table.targets tr.false-hit td.status, table.targets tr.miss td.status { color: #c92a2a; font-weight: 600; }
table.targets tr.matched td.status { color: #2b8a3e; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
h3 { font-size: 16px; margin: 16px 0 6px; }
pre.text { white-space: pre-wrap; word-wrap: break-word; font: inherit; line-height: 1.7;
           max-width: 60em; padding: 12px; border: 1px solid var(--line); border-radius: 4px; background: #fffdf7; }
mark.hl { color: inherit; border-radius: 2px; padding: 1px 0; }
mark.multi { box-shadow: inset 0 -3px 0 rgba(0,0,0,.35); }
mark.k-miss { outline: 2px dashed #c92a2a; }
mark.k-false-hit { text-decoration: underline wavy #c92a2a; }
mark.flash { animation: flash 1.6s ease-out; outline: 3px solid #1c7ed6; }
@keyframes flash { 0%, 40% { background: #1c7ed6; color: #fff; } 100% { } }
""" + "".join(
    f"mark.k-{kind}, .legend .k-{kind} {{ background: {colour}; }}\n" for kind, colour in COLOURS.items()
)

JS = """
(function () {
  function show(ref) {
    var pieces = document.querySelectorAll('mark[data-ids~="' + ref + '"]');
    if (!pieces.length) { return; }
    pieces[0].scrollIntoView({block: 'center'});
    pieces.forEach(function (el) {
      el.classList.remove('flash');
      void el.offsetWidth;
      el.classList.add('flash');
      setTimeout(function () { el.classList.remove('flash'); }, 1700);
    });
  }
  document.addEventListener('click', function (event) {
    var row = event.target.closest('tr[data-target]');
    if (row) { show(row.getAttribute('data-target')); }
  });
  window.vnplanReview = {show: show};
})();
"""
