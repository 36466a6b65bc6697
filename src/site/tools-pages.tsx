import type { Child, FC } from 'hono/jsx';
import type { DoseAnswer } from '../clinical/dose.js';
import type { ScheduleAnswer } from '../clinical/schedule.js';
import type { SourceRef } from '../clinical/schema.js';
import type { InteractionCheck, InteractionProfile } from '../interactions/index.js';
import type { Kind } from '../model/index.js';
import type { SiteContext } from './context.js';
import { trusted } from './fragment.js';
import { KIND_SHORT } from './labels.js';
import { Layout } from './layout.js';
import { IdRegistry, relevelHeadings } from './text.js';

/**
 * The two tools that read several monographs at once: the interaction check (`/interactions/`)
 * and the side-by-side comparison (`/compare/`). Both are GET forms that work without JavaScript:
 * the build writes each page with its empty form, and `formulary serve` answers the filled form.
 */

/** One medicine as typed into a tool's form, and what it was resolved to. */
export interface ToolInput {
  text: string;
  found: { id: string; title: string; url: string; kind: Kind; via: { title: string; url: string } | null } | null;
  /** When nothing has the exact name: the closest name, offered, never substituted. */
  didYouMean: { title: string; url: string; id: string } | null;
}

export interface InteractionsPageData {
  inputs: ToolInput[];
  /** Profiles of the medicines found, in input order. */
  profiles: InteractionProfile[];
  /** Null until at least two medicines are found. */
  check: InteractionCheck | null;
  /** Why there is no check (too few, too many medicines), or null. */
  message: string | null;
}

export interface CompareColumn {
  title: string;
  url: string;
  kind: Kind;
  via: { title: string; url: string } | null;
  sections: { id: string; title: string; html: string }[];
}

export interface ComparePageData {
  inputs: ToolInput[];
  columns: CompareColumn[];
  /** Canonical section ids and titles, in the model's order, that any column has. */
  rows: { id: string; title: string }[];
  message: string | null;
}

/** Form fields per tool: the most it compares. */
export const INTERACTION_FIELDS = 10;
export const COMPARE_FIELDS = 4;

const ToolForm: FC<{ ctx: SiteContext; action: string; fields: number; inputs: readonly ToolInput[]; submit: string; legend: string }> = ({ ctx, action, fields, inputs, submit, legend }) => (
  <form class="tool-form" method="get" action={ctx.href(action)}>
    <fieldset>
      <legend>{legend}</legend>
      <div class="tool-fields">
        {Array.from({ length: fields }, (_, i) => (
          <p class="tool-field">
            <label for={`d${i + 1}`}>Medicine {i + 1}</label>
            <input id={`d${i + 1}`} name="d" type="text" value={inputs[i]?.found?.title ?? inputs[i]?.text ?? ''} autocomplete="off" spellcheck={false} maxlength={200} />
          </p>
        ))}
      </div>
    </fieldset>
    <button type="submit">{submit}</button>
  </form>
);

/** What each typed name became: a link, or why not (with the closest name offered). */
const Resolved: FC<{ ctx: SiteContext; inputs: readonly ToolInput[]; action: string }> = ({ ctx, inputs, action }) => {
  const missing = inputs.filter((i) => i.found === null);
  if (missing.length === 0) return null;
  return (
    <ul class="tool-missing">
      {missing.map((i) => (
        <li>
          No medicine is named “{i.text}”.
          {i.didYouMean !== null && (
            <>
              {' '}
              Did you mean{' '}
              <a href={ctx.href(`${action}?${inputs.map((x) => `d=${encodeURIComponent(x === i ? i.didYouMean!.id : (x.found?.id ?? x.text))}`).join('&')}`)}>{i.didYouMean.title}</a>?
            </>
          )}
        </li>
      ))}
    </ul>
  );
};

const DrugName: FC<{ ctx: SiteContext; found: NonNullable<ToolInput['found']> }> = ({ ctx, found }) => (
  <>
    <a href={ctx.href(found.url)}>{found.title}</a> <span class={`badge badge-${found.kind}`}>{KIND_SHORT[found.kind]}</span>
    {found.via !== null && (
      <>
        {' '}
        <span class="generic-of">
          brand of <a href={ctx.href(found.via.url)}>{found.via.title}</a>
        </span>
      </>
    )}
  </>
);

const Source: FC<{ source: SourceRef }> = ({ source }) => (
  <span class="source-ref">
    ({source.file}, line {source.line})
  </span>
);

const NOT_SAFE =
  'This check only finds what these monographs say about each other. “No interaction found” is not a statement that taking them together is safe: the monographs may be incomplete. Ask a doctor or pharmacist.';

/** The frame of a form tool: the form (filled with what was asked), then, once asked, what each name became, a message, and the answer. */
const FormToolPage: FC<{
  ctx: SiteContext;
  name: string;
  action: string;
  description: string;
  intro: string;
  fields: number;
  submit: string;
  legend: string;
  resultsHeading: string;
  inputs: readonly ToolInput[];
  message: string | null;
  children?: Child;
}> = (p) => {
  const site = p.ctx.options.siteName;
  return (
    <Layout
      ctx={p.ctx}
      kind="tool"
      headerSearch={true}
      title={`${p.name} | ${site}`}
      description={p.description}
      path={p.action}
      ogTitle={`${p.name} — ${site}`}
      ogType="website"
      jsonLd={[]}
      noindex={p.inputs.length > 0}
    >
      <h1>{p.name}</h1>
      <p>{p.intro}</p>
      <ToolForm ctx={p.ctx} action={p.action} fields={p.fields} inputs={p.inputs} submit={p.submit} legend={p.legend} />
      <p class="note tool-note">This runs on the site’s server; on a copy of the site without it, the form shows this page again.</p>
      {p.inputs.length > 0 && (
        <section class="tool-results" aria-labelledby="results-h">
          <h2 id="results-h">{p.resultsHeading}</h2>
          <Resolved ctx={p.ctx} inputs={p.inputs} action={p.action} />
          {p.message !== null && <p class="tool-message">{p.message}</p>}
          {p.children}
        </section>
      )}
    </Layout>
  );
};

export const InteractionsPage: FC<{ ctx: SiteContext; data: InteractionsPageData }> = ({ ctx, data }) => {
  const byId = new Map(data.profiles.map((p) => [p.id, p]));
  const title = (id: string): string => byId.get(id)?.title ?? id;
  return (
    <FormToolPage
      ctx={ctx}
      name="Interaction check"
      action="/interactions/"
      description={`Check 2 to 10 medicines for interactions stated in the ${ctx.options.siteName} monographs.`}
      intro="Enter 2 to 10 medicines: generics, brands or combinations. Each pair is flagged where one medicine’s monograph names the other, its class or a group it belongs to (live vaccines, drugs that prolong the QT interval, CYP3A4 inhibitors…), with the sentence it says it in."
      fields={INTERACTION_FIELDS}
      submit="Check interactions"
      legend="Medicines to check"
      resultsHeading="Results"
      inputs={data.inputs}
      message={data.message}
    >
          {data.check !== null && (
            <>
              <p class="warning-note">{NOT_SAFE}</p>
              <ul class="tool-checked">
                {data.inputs
                  .filter((i) => i.found !== null)
                  .map((i) => (
                    <li>
                      <DrugName ctx={ctx} found={i.found!} />
                    </li>
                  ))}
              </ul>
              {data.check.pairs.map((pair) => (
                <section class={`pair ${pair.findings.length > 0 || pair.shared.length > 0 ? 'pair-flagged' : 'pair-none'}`}>
                  <h3>
                    {title(pair.a)} and {title(pair.b)}
                  </h3>
                  {pair.shared.length > 0 && (
                    <p class="shared">
                      Both contain{' '}
                      {pair.shared.map((i, k) => (
                        <>
                          {k > 0 && ', '}
                          <a href={ctx.href(i.url)}>{i.title}</a>
                        </>
                      ))}
                      : taken together, the same ingredient is taken twice (from the pages’ ingredient links).
                    </p>
                  )}
                  {pair.findings.length === 0 ? (
                    // After a shared ingredient, a bare "no interaction found" would read as a contradiction.
                    <p>{pair.shared.length > 0 ? 'No other interaction found in these monographs.' : 'No interaction found in these monographs.'}</p>
                  ) : (
                    <ul>
                      {pair.findings.map((f) => {
                        const speaker = byId.get(f.in);
                        const other = byId.get(f.in === pair.a ? pair.b : pair.a);
                        // Whose text it is: an ingredient of a combination, a brand's generic, or the drug's own.
                        const author = f.statement.from ?? speaker?.via ?? (speaker === undefined ? null : { title: speaker.title, url: speaker.url });
                        return (
                          <li>
                            <p>
                              The monograph of {author === null ? f.in : <a href={ctx.href(author.url)}>{author.title}</a>}
                              {author !== null && speaker !== undefined && author.title !== speaker.title && <> (for {speaker.title})</>} names <strong>{f.term}</strong>:
                            </p>
                            <blockquote>
                              {f.statement.text} <Source source={f.statement.source} />
                            </blockquote>
                            {f.evidence !== null && (
                              <p class="evidence">
                                {other?.title ?? ''} {f.by === 'class' ? <>is a {f.term}</> : <>is among {f.term}</>}, as its own monograph says: “{f.evidence.text}”{' '}
                                <Source source={f.evidence} />
                              </p>
                            )}
                          </li>
                        );
                      })}
                    </ul>
                  )}
                </section>
              ))}
            </>
          )}
    </FormToolPage>
  );
};

export const ComparePage: FC<{ ctx: SiteContext; data: ComparePageData }> = ({ ctx, data }) => {
  // The sections' headings carry ids: unique on this page (two drugs both have "dosage-adults").
  const ids = new IdRegistry(['main', 'header-q', 'results-h', ...Array.from({ length: COMPARE_FIELDS }, (_, i) => `d${i + 1}`)]);
  return (
    <FormToolPage
      ctx={ctx}
      name="Compare medicines"
      action="/compare/"
      description={`Compare 2 to 4 medicines side by side, section by section, as the ${ctx.options.siteName} monographs describe them.`}
      intro="Enter 2 to 4 medicines: generics, brands or combinations. Their monographs are shown side by side, section by section."
      fields={COMPARE_FIELDS}
      submit="Compare"
      legend="Medicines to compare"
      resultsHeading="Comparison"
      inputs={data.inputs}
      message={data.message}
    >
          {data.columns.length >= 2 && (
            <div class="compare-scroll">
              <table class="compare">
                <caption class="visually-hidden">Sections of {data.columns.map((c) => c.title).join(', ')}</caption>
                <thead>
                  <tr>
                    <th scope="col">Section</th>
                    {data.columns.map((c) => (
                      <th scope="col">
                        <DrugName ctx={ctx} found={{ id: '', title: c.title, url: c.url, kind: c.kind, via: c.via }} />
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {data.rows.map((row) => (
                    <tr>
                      <th scope="row">{row.title}</th>
                      {data.columns.map((c) => {
                        const s = c.sections.find((x) => x.id === row.id);
                        return <td>{s === undefined || s.html.trim() === '' ? <span class="none">Not in this monograph.</span> : trusted(ids.fixFragment(relevelHeadings(s.html, 2)))}</td>;
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
    </FormToolPage>
  );
};

export interface DosePageData {
  /** The drug whose regimen is calculated, or null when the page asked for is unknown. */
  drug: { title: string; url: string } | null;
  /** The regimen used (its number in the page's list, from 0) and its text. */
  regimen: { index: number; dose: string; schedule: string; for: string } | null;
  dose: DoseAnswer | null;
  schedule: ScheduleAnswer | null;
  /** Link to the schedule as an iCalendar file, when there is one. */
  icsHref: string | null;
  message: string | null;
}

/** `/dose/`: the drug page's calculator answered by the server (no JavaScript needed). */
export const DosePage: FC<{ ctx: SiteContext; data: DosePageData }> = ({ ctx, data }) => {
  const site = ctx.options.siteName;
  const { dose, schedule } = data;
  return (
    <Layout
      ctx={ctx}
      kind="tool"
      headerSearch={true}
      title={`Dose calculation${data.drug !== null ? ` — ${data.drug.title}` : ''} | ${site}`}
      description="A dose worked out from a regimen of a drug's monograph."
      path="/dose/"
      ogTitle={`Dose calculation — ${site}`}
      ogType="website"
      jsonLd={[]}
      noindex={true}
    >
      <h1>Dose calculation{data.drug !== null && <>: {data.drug.title}</>}</h1>
      {data.drug === null ? (
        <p>
          The calculator is on each drug page that has doses read from its text (a site built with <code>--regimens</code>); it runs on the site’s server.
        </p>
      ) : (
        <p>
          From the doses read automatically from the text of <a href={ctx.href(data.drug.url)}>{data.drug.title}</a> (experimental): check the numbers against the source
          sentence. Not medical advice.
        </p>
      )}
      {data.message !== null && <p class="tool-message">{data.message}</p>}
      {data.regimen !== null && (
        <p>
          Regimen #{data.regimen.index + 1}: {data.regimen.dose}
          {data.regimen.schedule !== '' && <>, {data.regimen.schedule}</>}
          {data.regimen.for !== '' && <> — {data.regimen.for}</>}
        </p>
      )}
      {dose !== null && !dose.ok && <p class="tool-message">{dose.message}</p>}
      {dose !== null && dose.ok && (
        <section class="dose-result" aria-labelledby="dose-h">
          <h2 id="dose-h">
            {dose.doseMgMax === null ? `${dose.doseMg} mg` : `${dose.doseMg}–${dose.doseMgMax} mg`} {dose.amountPer === 'day' ? 'a day' : 'per dose'}
          </h2>
          <p class="dose-formula">{dose.formula}</p>
          {dose.bsaFormula !== null && <p class="dose-formula">Body surface area: {dose.bsaFormula}</p>}
          <p>{dose.rounding}</p>
          {dose.capped && <p>The text’s daily maximum limited this dose.</p>}
          <p>
            From the text: <q>{dose.source.text}</q> <Source source={dose.source} />
          </p>
        </section>
      )}
      {schedule !== null && !schedule.ok && <p class="tool-message">{schedule.message}</p>}
      {schedule !== null && schedule.ok && (
        <section aria-labelledby="schedule-h">
          <h2 id="schedule-h">Schedule</h2>
          <p>
            {schedule.rule}
            {schedule.continues ? ' (it continues after these dates)' : ''}.
          </p>
          <ol class="dose-dates">
            {schedule.dates.map((d) => (
              <li>
                <time datetime={d.date}>{d.date}</time>: {d.label}
              </li>
            ))}
          </ol>
          {schedule.missedDose !== null && <p>Missed dose, as the text says: {schedule.missedDose}</p>}
          {data.icsHref !== null && (
            <p>
              <a href={ctx.href(data.icsHref)} download="schedule.ics">
                Download the schedule (.ics)
              </a>
            </p>
          )}
        </section>
      )}
    </Layout>
  );
};
