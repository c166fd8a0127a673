/**
 * The published Complaints Code, written from the live procedure configuration, so that what a provider
 * publishes and what Redress enforces can never differ (REGULATORY.md item 16). Plain HTML that needs no
 * JavaScript, with a print stylesheet; every configured text is escaped.
 */
import type { AdrScheme, PostalAddress, Procedure, Stage } from '../domain/procedure.ts';
import { formatDate } from '../mail/templates/layout.ts';
import { capitalise, formatPounds } from './letters/words.ts';

const escapeHtml = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/** Tagged template that escapes every interpolated value unless it is already `Html`. */
class Html {
  constructor(readonly value: string) {}
}
function html(strings: TemplateStringsArray, ...values: (string | number | Html | Html[])[]): Html {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    const parts = Array.isArray(value) ? value : [value];
    out += parts.map((v) => (v instanceof Html ? v.value : escapeHtml(String(v)))).join('');
    out += strings[i + 1] ?? '';
  });
  return new Html(out);
}

const STEPS: Stage[] = ['initiation', 'attempt-1', 'attempt-2', 'attempt-3', 'deadlock'];

function address(a: PostalAddress): Html {
  return html`<address>${[...a.lines, a.town, a.postcode].map((line, i) => html`${i ? html`<br>` : ''}${line}`)}</address>`;
}

function schemeContacts(scheme: AdrScheme): Html {
  const web = scheme.website;
  return html`<dl class="contacts">
      <dt>Post</dt><dd>${address(scheme.address)}</dd>
      <dt>Telephone</dt><dd><a href="tel:${scheme.phone.replace(/\s/g, '')}">${scheme.phone}</a></dd>
      ${scheme.textphone ? html`<dt>Textphone</dt><dd>${scheme.textphone}</dd>` : ''}
      ${scheme.email ? html`<dt>Email</dt><dd><a href="mailto:${scheme.email}">${scheme.email}</a></dd>` : ''}
      <dt>Website</dt><dd><a href="${web}">${web.replace(/^https?:\/\//, '')}</a></dd>
    </dl>`;
}

const STYLE = `
body{font:1.0625rem/1.6 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1a1a1a;background:#fff;margin:0}
main{max-width:44rem;margin:0 auto;padding:1.5rem 1rem 3rem}
h1{font-size:1.9rem;line-height:1.25;margin:0 0 .5rem}h2{font-size:1.35rem;margin:2rem 0 .5rem}h3{font-size:1.1rem;margin:1.25rem 0 .25rem}
a{color:#0b4f9c}a:focus{outline:3px solid #ffbf47;outline-offset:2px}
.lede{font-size:1.15rem}.contacts{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}
.contacts dt{font-weight:600}.contacts dd{margin:0}address{font-style:normal}
ol.steps>li{margin-bottom:1rem}.note{border-left:4px solid #0b4f9c;padding:.25rem 0 .25rem 1rem;background:#f3f6fa}
footer{margin-top:3rem;font-size:.95rem;color:#444}
@media print{body{font-size:11pt}a{color:#000;text-decoration:none}main{max-width:none;padding:0}.no-print{display:none}
a[href^="http"]::after{content:" (" attr(href) ")"}}`;

/** The Complaints Code as a complete HTML page. */
/** The company's telephone, email, postal address and website, as a list of links. */
function companyContacts(procedure: Procedure): Html {
  const { company } = procedure;
  return html`<dl class="contacts">
  <dt>Telephone</dt><dd><a href="tel:${company.phone.replace(/\s/g, '')}">${company.phone}</a></dd>
  <dt>Email</dt><dd><a href="mailto:${company.email}">${company.email}</a></dd>
  <dt>Post</dt><dd>${address(company.address)}</dd>
  <dt>Website</dt><dd><a href="${company.website}">${company.website.replace(/^https?:\/\//, '')}</a></dd>
</dl>`;
}

/**
 * How to complain without the web form, for a browser without JavaScript: the /complain page carries it in a
 * `<noscript>` block, written on the server from the same company details as the Complaints Code.
 */
export function renderHowToComplainWithoutScript(procedure: Procedure): string {
  return html`<h1>Make a complaint</h1>
<p>Our online form needs JavaScript, which is switched off or not available in your browser. You can complain to
${procedure.company.tradingName} by telephone, email or post instead: tell us what happened, when it started and
what you would like us to do.</p>
${companyContacts(procedure)}
<p>Complaining is free. <a href="/complaints-procedure">Our Complaints Code</a> explains what happens next.</p>`
    .value;
}

export function renderComplaintsCode(procedure: Procedure): string {
  const { company, stages, timescales: t, adrScheme: scheme, regulator } = procedure;
  const limit = t.adrLimitWeeks;
  const before = t.adrLimitWeeksBefore;
  const page = html`<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Complaints Code – ${company.tradingName}</title>
<style>${new Html(STYLE)}</style>
</head>
<body>
<main>
<h1>How to complain to ${company.tradingName}</h1>
<p class="lede">We are sorry when we get something wrong. Tell us, and we will do our best to put it right quickly,
and to learn from it. Complaining is free. This is our Complaints Code: it says what we will do, and by when.</p>

<h2 id="contact">How to contact us</h2>
<p>Any way you tell us you are unhappy is a complaint — you do not need to use particular words. If you would like us
to treat it as a formal complaint, please say so.</p>
${companyContacts(procedure)}
<p>You can also <a href="/complain">make a complaint on our website</a>. Once you have a Complaint Reference Number,
you can <a href="/track">track your complaint online</a>: see where it stands, answer us and download our letters.</p>
<p>Please give us as much information as you can: what happened, when it started, and what you would like us to do.
If you need this code, our letters or our replies in large print, Braille or another format, or you use text relay,
tell us and we will use that every time we contact you.</p>

<h2 id="steps">What happens to your complaint</h2>
<ol class="steps">
${STEPS.map((stage) => html`<li><h3>${stages[stage].name}</h3><p>${stages[stage].customerText}</p></li>`)}
</ol>
<p>Each time we propose what we will do, we agree the steps and dates with you. If you do not agree, or you are
not satisfied once they are done, your complaint moves to the next stage.</p>

<h2 id="time-limits">Time limits</h2>
<ul>
  <li>We give you a Complaint Reference Number when you first complain, and acknowledge your complaint straight away.</li>
  <li>If we have not resolved your complaint <strong>${limit} weeks</strong> after you first told us about it, we will
  send you a letter (an “ADR letter”) explaining that you can take it to ${scheme.nameInText}. We send it without you
  having to ask, and we keep working on your complaint.${
    before !== limit
      ? html` For complaints first raised before ${formatDate(t.adrLimitChangedOn)}, this happens after ${before} weeks.`
      : ''
  }</li>
  <li>If we reach the point where we cannot do anything more, we send you the ADR letter the same day.</li>
  <li>You then have <strong>${t.adrWindowMonths} months</strong> from the date of the ADR letter to take your complaint to ${scheme.nameInText}.</li>
</ul>

<h2 id="ombudsman">Taking your complaint to ${scheme.nameInText}</h2>
<p>${capitalise(scheme.nameInText)} is independent of us and approved by ${regulator.name}, the communications regulator.
Its service is free for you. It can tell us to apologise, to give you an explanation, to take practical action,
or to pay you up to ${formatPounds(scheme.maxAwardPence)} (including VAT). Its decision binds us only if you accept it.</p>
${schemeContacts(scheme)}
<p class="note">Residential customers, and small businesses and not-for-profit organisations with 10 or fewer
workers, can use ${scheme.nameInText}.</p>

<h2 id="regulator">${regulator.name}</h2>
<p>For information about the role of ${regulator.name}, visit <a href="${regulator.website}">${regulator.website.replace(/^https?:\/\//, '')}</a>
or call ${regulator.phone}.</p>

<footer>
<p>${company.name}. This code is free, and available in other formats on request.
<span class="no-print">To keep a copy, print this page: it is laid out for paper.</span></p>
</footer>
</main>
</body>
</html>
`;
  return page.value;
}
