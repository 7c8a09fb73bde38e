namespace NewsRules.Cli.Report;

/// <summary>
/// The report's CSS. <see cref="Page"/> goes into the page's head and only makes room for the
/// panel; <see cref="Panel"/> lives in the panel's shadow root, so the page's styles cannot
/// reach the panel and the panel's cannot reach the page.
/// </summary>
internal static class ReportStyles
{
    public const int PanelWidth = 440;

    public const string Page = """
html { margin-right: 440px !important; }
html.newsrules-report-collapsed { margin-right: 0 !important; }
newsrules-report { all: initial; }
""";

    public const string Panel = """
:host { all: initial; }
* { box-sizing: border-box; }
.nr-layer { position: fixed; inset: 0; pointer-events: none; z-index: 2147483645; overflow: hidden; }
.nr-box { position: fixed; border: 2px solid; border-radius: 1px; pointer-events: none; }
.nr-box.nr-other { border-style: dashed; }
.nr-box.nr-picked { border: 2px dashed #111; outline: 2px dashed #fff; outline-offset: -4px; }
.nr-label { position: absolute; left: -2px; max-width: 360px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap;
  font: 600 11px/15px system-ui, sans-serif; color: #fff; padding: 0 5px; border-radius: 2px; direction: ltr; unicode-bidi: isolate; }
.nr-label.nr-label-rtl { left: auto; right: -2px; }
.nr-tip { position: fixed; z-index: 2147483647; pointer-events: none; max-width: 420px; white-space: pre-wrap; direction: ltr;
  font: 12px/1.4 ui-monospace, monospace; background: #111; color: #fff; padding: 6px 8px; border-radius: 4px; box-shadow: 0 2px 8px rgba(0,0,0,.35); }
.nr-tip[hidden], .nr-box[hidden] { display: none; }
.nr-panel { position: fixed; top: 0; right: 0; bottom: 0; width: 440px; z-index: 2147483646; overflow: auto; direction: ltr; text-align: left;
  background: #fbfbfc; color: #1b1b1f; border-left: 1px solid #c9cbd1; box-shadow: -2px 0 10px rgba(0,0,0,.12);
  font: 13px/1.45 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans Arabic", sans-serif; padding: 0 14px 24px; }
.nr-panel.nr-collapsed { width: auto; bottom: auto; padding-bottom: 0; border-bottom: 1px solid #c9cbd1; }
.nr-panel.nr-collapsed > :not(header) { display: none; }
header { position: sticky; top: 0; background: #fbfbfc; display: flex; align-items: center; gap: 8px; padding: 10px 0 8px; border-bottom: 1px solid #e1e3e8; }
h1 { font-size: 15px; margin: 0; flex: 1; }
h2 { font-size: 13px; margin: 16px 0 6px; text-transform: uppercase; letter-spacing: .04em; color: #4a4d57; }
button { font: inherit; font-size: 12px; padding: 2px 8px; border: 1px solid #9da1ab; border-radius: 4px; background: #fff; cursor: pointer; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; margin: 8px 0 0; }
dt { color: #4a4d57; }
dd { margin: 0; overflow-wrap: anywhere; }
code, pre { font: 12px/1.45 ui-monospace, "DejaVu Sans Mono", monospace; }
.nr-note { background: #fff8e1; border: 1px solid #f0d68a; border-radius: 4px; padding: 6px 8px; margin: 8px 0 0; }
.nr-field { border: 1px solid #e1e3e8; border-left: 5px solid; border-radius: 4px; background: #fff; margin: 6px 0; padding: 4px 8px; }
.nr-field > label { display: flex; align-items: center; gap: 6px; font-weight: 600; }
.nr-field-name { cursor: pointer; text-decoration: underline dotted; }
.nr-field table { width: 100%; border-collapse: collapse; margin: 2px 0; table-layout: fixed; }
.nr-field td { padding: 1px 4px; vertical-align: top; border-top: 1px solid #f0f1f4; overflow-wrap: anywhere; }
.nr-field td.nr-count { width: 118px; text-align: right; color: #4a4d57; font-size: 12px; }
.nr-field tr.nr-chosen td:first-child::before { content: "\2713\00a0"; color: #198038; font-weight: 700; }
.nr-field tr.nr-none code { color: #9a1c1c; }
.nr-value { color: #333; margin: 2px 0 2px; overflow-wrap: anywhere; white-space: pre-wrap; max-height: 7.5em; overflow: auto; unicode-bidi: plaintext; }
.nr-value.nr-missing { color: #9a1c1c; font-style: italic; }
.nr-warnings { margin: 0; padding-left: 18px; color: #9a1c1c; }
.nr-warnings li { overflow-wrap: anywhere; unicode-bidi: plaintext; }
.nr-notes { margin: 4px 0 0; padding-left: 18px; font-size: 12px; }
.nr-notes li { overflow-wrap: anywhere; unicode-bidi: plaintext; }
.nr-ok { color: #198038; margin: 0; }
.nr-picked-selector { display: block; padding: 6px 8px; background: #111; color: #fff; border-radius: 4px; overflow-wrap: anywhere; user-select: all; min-height: 2.2em; }
.nr-picked-info, .nr-picked-fields { margin: 4px 0 0; color: #4a4d57; white-space: pre-wrap; overflow-wrap: anywhere; unicode-bidi: plaintext; }
.nr-json { background: #fff; border: 1px solid #e1e3e8; border-radius: 4px; padding: 8px; margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; max-height: 60vh; overflow: auto; }
""";
}
