/** The shell's stylesheet (served inline in the page). Neutral Outlook-like look; respects forced colours. */
export const shellCss = `
:root { font-family: "Segoe UI", system-ui, sans-serif; font-size: 14px; color: #242424; background: #f5f5f5; }
* { box-sizing: border-box; }
body { margin: 0; height: 100vh; display: flex; flex-direction: column; }
#app { display: flex; flex-direction: column; height: 100vh; }
button { font: inherit; padding: 4px 10px; border: 1px solid #c7c7c7; border-radius: 4px; background: #fff; cursor: pointer; }
button:disabled { color: #a0a0a0; cursor: not-allowed; }
button:focus-visible, [tabindex]:focus-visible, input:focus-visible { outline: 2px solid #0f6cbd; outline-offset: 1px; }
.topbar { display: flex; gap: 12px; align-items: center; padding: 8px 16px; background: #0f6cbd; color: #fff; }
.topbar .brand { font-weight: 600; font-size: 16px; }
.topbar .grow { flex: 1; }
.topbar .source { font-size: 12px; opacity: .9; }
.main { flex: 1; display: grid; grid-template-columns: 180px 340px 1fr auto; min-height: 0; }
#folders { background: #fafafa; border-right: 1px solid #e0e0e0; overflow: auto; }
#folders ul { list-style: none; margin: 0; padding: 8px; }
#folders button { width: 100%; text-align: left; border: none; background: none; padding: 6px 8px; }
#folders button[aria-current="page"] { background: #e6f0fa; font-weight: 600; }
.list-column { display: flex; flex-direction: column; border-right: 1px solid #e0e0e0; background: #fff; min-height: 0; }
.list-head { display: flex; justify-content: space-between; align-items: center; padding: 8px 12px; font-weight: 600; }
#messages { overflow: auto; flex: 1; }
.msg { display: flex; gap: 8px; padding: 8px 12px; border-bottom: 1px solid #f0f0f0; cursor: default; }
.msg[aria-selected="true"] { background: #cfe4fa; }
.msg.unread .subject { font-weight: 600; color: #0f6cbd; }
.msg-text { display: flex; flex-direction: column; min-width: 0; }
.msg-text span { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.when { font-size: 12px; color: #616161; }
.reading { display: flex; flex-direction: column; min-width: 0; background: #fff; }
#ribbon { display: flex; gap: 16px; padding: 6px 12px; border-bottom: 1px solid #e0e0e0; min-height: 64px; }
.ribbon-group { display: flex; gap: 4px; align-items: flex-start; border-right: 1px solid #e0e0e0; padding-right: 12px; position: relative; padding-bottom: 14px; }
.ribbon-button { display: flex; flex-direction: column; align-items: center; gap: 2px; border: 1px solid transparent; max-width: 96px; font-size: 12px; }
.ribbon-button:hover:not(:disabled) { background: #f0f0f0; }
.ribbon-button:disabled img { opacity: .4; }
.group-label { position: absolute; bottom: 0; left: 0; right: 12px; text-align: center; font-size: 11px; color: #616161; }
#notifications:empty { display: none; }
.note { display: flex; gap: 6px; align-items: center; padding: 6px 12px; background: #f0f6ff; border-bottom: 1px solid #d0e3f7; }
.note-errorMessage { background: #fdf3f4; border-color: #eeacb2; }
.note-progressIndicator { background: #fff9f0; }
.note .note-text { flex: 1; }
#reading-content { padding: 16px 24px; overflow: auto; flex: 1; }
.empty { color: #616161; text-align: center; margin-top: 20vh; }
.meta { color: #616161; }
.compose { display: flex; flex-direction: column; gap: 8px; max-width: 640px; }
.compose input, .compose textarea { font: inherit; padding: 6px; }
#taskpane { width: 340px; border-left: 1px solid #e0e0e0; display: flex; flex-direction: column; background: #fff; }
#taskpane[hidden] { display: none; }
.pane-head { display: flex; gap: 6px; align-items: center; padding: 6px 8px; border-bottom: 1px solid #e0e0e0; }
.pane-head span { flex: 1; font-weight: 600; }
.pane-body, .dialog-body { flex: 1; display: flex; }
.pane-body iframe, .dialog-body iframe { flex: 1; border: 0; width: 100%; height: 100%; }
.layer { position: fixed; inset: 0; background: rgba(0,0,0,.4); display: flex; align-items: center; justify-content: center; z-index: 10; }
.layer[hidden] { display: none; }
#dialog-box { background: #fff; border-radius: 8px; display: flex; flex-direction: column; box-shadow: 0 8px 32px rgba(0,0,0,.3); overflow: hidden; }
.dialog-head { display: flex; align-items: center; gap: 8px; padding: 6px 12px; border-bottom: 1px solid #e0e0e0; font-weight: 600; }
.dialog-head span { flex: 1; }
.popup-note { position: fixed; right: 16px; bottom: 36px; display: flex; gap: 8px; align-items: center; padding: 8px 12px; background: #fff; border: 1px solid #c7c7c7; border-radius: 6px; box-shadow: 0 4px 16px rgba(0,0,0,.2); z-index: 12; }
.popup-note[hidden] { display: none; }
#prompt-layer { z-index: 20; }
.prompt { background: #fff; border-radius: 8px; padding: 16px 20px; max-width: 420px; }
.prompt-actions { display: flex; gap: 8px; justify-content: flex-end; }
#settings { position: fixed; top: 0; right: 0; bottom: 0; width: 380px; background: #fff; border-left: 1px solid #c7c7c7; padding: 12px 16px; overflow: auto; z-index: 15; box-shadow: -4px 0 16px rgba(0,0,0,.15); }
#settings label { display: block; margin: 6px 0; }
#settings fieldset { margin: 8px 0; }
#settings textarea { width: 100%; font-family: monospace; }
#function-runtimes { display: none; }
footer#status { padding: 4px 12px; font-size: 12px; border-top: 1px solid #e0e0e0; background: #fafafa; min-height: 24px; }
@media (forced-colors: active) { .msg[aria-selected="true"] { outline: 2px solid Highlight; } }
`;
