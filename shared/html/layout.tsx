import type { ComponentChildren, VNode } from 'preact';
import { render } from 'preact-render-to-string';
import { directionOf, type Language } from '#i18n/languages';
import { translator } from '#i18n/translate';
import { LanguageSwitcher, type PagePath } from './components';

// Off-screen elements (the skip link until focused, the bots' trap field) sit past the inline start, left in
// left-to-right pages and right in Arabic: the side a page cannot scroll to. A fixed `left` made every Arabic page
// 10,000 px wide, scrollable to an empty void. A table that scrolls sideways is positioned, so that the hidden text
// of its cells scrolls with it instead of widening the page.
const STYLE = `
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans Arabic","Noto Sans SC",sans-serif;font-size:1.0625rem;line-height:1.55;color:#1b1b1b;background:#fff}
header,main,footer{max-width:40rem;margin:0 auto;padding:1rem}
header{border-bottom:1px solid #d0d0d0}
.site{margin:0;font-weight:600;color:#00446f}
nav ul{list-style:none;margin:.5rem 0 0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem}
a{color:#00589c}
a[aria-current]{font-weight:700;color:#1b1b1b}
h1{font-size:1.6rem;line-height:1.25;margin:.5rem 0 1rem}
label,legend{display:block;font-weight:600;margin:1.25rem 0 .35rem}
fieldset{border:0;margin:1.25rem 0 0;padding:0}
legend{padding:0}
fieldset label{font-weight:400;margin:.35rem 0;display:flex;gap:.5rem;align-items:flex-start}
input[type=text],input[type=email],input[type=url],input[type=number],input[type=date],select,textarea{width:100%;font:inherit;padding:.6rem;border:2px solid #5c5c5c;border-radius:4px;background:#fff;color:#1b1b1b}
input[type=checkbox],input[type=radio]{width:1.25rem;height:1.25rem;margin-top:.2rem;flex:none}
textarea{min-height:6rem}
.hint{color:#4a4a4a;font-size:.95rem;margin:.1rem 0 .35rem}
.error{color:#b00020;font-weight:600;margin:.25rem 0}
.errors{border:3px solid #b00020;padding:.5rem 1rem;margin:1rem 0}
.trap{position:absolute;inset-inline-start:-10000px;width:1px;height:1px;overflow:hidden}
button{font:inherit;font-weight:600;margin:1.5rem 0;padding:.75rem 1.5rem;border:0;border-radius:4px;background:#00589c;color:#fff;cursor:pointer}
button.danger{background:#a4001a}
button.link{background:none;color:#00589c;text-decoration:underline;padding:0;margin:0;font-weight:400}
.console-nav{display:flex;flex-wrap:wrap;gap:.5rem 1.25rem;align-items:center;margin-top:.5rem}
.console-nav form{display:inline}
.filters{display:flex;flex-wrap:wrap;gap:0 1rem;align-items:flex-end}
.filters label{margin:.75rem 0 .25rem}
.counts{display:flex;flex-wrap:wrap;gap:.25rem 1.5rem;padding:0;list-style:none}
.notice{border-inline-start:4px solid #00589c;padding:.25rem .75rem;background:#f2f7fb}
.pages{margin:1.25rem 0}
.skip{position:absolute;inset-inline-start:-10000px}
.skip:focus{position:static}
footer{border-top:1px solid #d0d0d0;font-size:.95rem}
dt{font-weight:600;margin-top:.5rem}
dd{margin:0}
article{border-top:1px solid #d0d0d0;margin-top:1.5rem}
body.wide header,body.wide main,body.wide footer{max-width:72rem}
.scroll{overflow-x:auto;position:relative}
table{border-collapse:collapse;width:100%;margin:1rem 0}
caption{text-align:start;font-weight:600;padding:.5rem 0}
th,td{border-bottom:1px solid #d0d0d0;padding:.5rem;text-align:start;vertical-align:top}
thead th{border-bottom:2px solid #5c5c5c}
td ul{margin:0;padding-inline-start:1rem}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
.editor{display:grid;gap:0 2.5rem}
.editor form{max-width:44rem}
@media (min-width:64rem){.editor.previewing{grid-template-columns:minmax(0,1fr) minmax(0,1fr)}.editor.previewing>.preview{grid-column:2;grid-row:1}}
.editor fieldset.section{border-top:2px solid #d0d0d0;margin-top:2rem;padding-top:.5rem}
.editor fieldset.section>legend{font-size:1.3rem;font-weight:700}
.editor fieldset.row{border:1px solid #8a8a8a;border-radius:4px;padding:0 1rem 1rem;margin-top:1rem}
.editor fieldset.row>legend{padding:0 .25rem}
.editor .field>label{display:block;font-weight:600;margin:1rem 0 .35rem}
.editor .grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(15rem,1fr));gap:0 1rem;align-items:start}
.editor .grid .wide{grid-column:1/-1}
.editor details.add{margin-top:1rem}
.editor summary{cursor:pointer;color:#00589c;font-weight:600;padding:.5rem 0}
.editor .actions{display:flex;flex-wrap:wrap;gap:0 1rem;align-items:center}
button.secondary{background:#fff;color:#00589c;box-shadow:inset 0 0 0 2px #00589c}
`;

/** A server-rendered page: complete without JavaScript, readable on a phone, right to left in Arabic. */
export function Layout(props: {
  language: Language;
  title: string;
  path?: PagePath;
  /** A page of tables: as wide as a laptop's screen allows. */
  wide?: boolean;
  /** The console's own navigation, under the language switcher. */
  nav?: ComponentChildren;
  /** A page of work in progress reloads itself this often, without a script. */
  refreshSeconds?: number;
  children: ComponentChildren;
}) {
  const { language, title, path } = props;
  const t = translator(language);
  return (
    <html lang={language} dir={directionOf(language)}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        {props.refreshSeconds && <meta http-equiv="refresh" content={String(props.refreshSeconds)} />}
        <title>{title}</title>
        {/* A style sheet is raw text, where entities are not decoded: escaped, its quoted font names would break.
            It is this module's constant, never data. */}
        <style dangerouslySetInnerHTML={{ __html: STYLE }} />
      </head>
      <body class={props.wide ? 'wide' : undefined}>
        <a class="skip" href="#content">
          {t('site.skip')}
        </a>
        <header>
          <p class="site">{t('site.name')}</p>
          {path && <LanguageSwitcher language={language} label={t('site.languages')} path={path} />}
          {props.nav}
        </header>
        <main id="content">
          <h1>{title}</h1>
          {props.children}
        </main>
        <footer>
          <p>
            <a href={`/privacy?lang=${language}`}>{t('site.privacy')}</a>
          </p>
        </footer>
      </body>
    </html>
  );
}

/** The complete document of a page built with `Layout`. */
export function renderPage(page: VNode): string {
  return `<!doctype html>\n${render(page)}`;
}
