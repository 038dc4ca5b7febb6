import { canWrite, type Principal } from '#domain/access';
import type { FieldIssue } from '#domain/errors';
import type { Plan } from '#domain/plan';
import { REGIONS } from '#domain/regions';
import {
  AnalyticalPaper,
  LeadTimes,
  MEETING_KINDS,
  MEETING_MODES,
  REVIEW_KINDS,
  type Review,
  type ReviewKind,
} from '#domain/review';
import type { FocalPointRow, MeetingRow, ReviewFormValues } from '#domain/review-form';
import { dateInWords, meetingName, meetingWhen, reviewTitle } from '#domain/wording';
import { LANGUAGES, type Language, nativeName } from '#i18n/languages';
import { type Translate, translator } from '#i18n/translate';
import type { ConsoleSession } from '#services/console-session';
import { Choice, Choices, DataTable, ErrorSummary, Field, Paragraphs } from './components';
import { ConsolePage, localDateTime } from './console-pages';
import { renderPage } from './layout';

/** What the editor shows: the form as filled in, the problems found, and the plan a preview asked for. */
export interface ReviewEditorState {
  /** The review being changed; none while a new one is written. */
  review?: Review;
  values: ReviewFormValues;
  issues: FieldIssue[];
  preview?: Plan;
  /** Someone saved the review since this form was filled from it. */
  stale?: boolean;
}

/** A review's meetings at most (`ReviewInput`), and the empty rows offered to add one. */
const MAX_MEETINGS = 10;
const EMPTY_MEETING_ROWS = 2;
const MAX_FOCAL_POINTS = 20;
/** What an empty lead time or paper field stands for, as the hints say. */
const USUAL_LEAD_TIMES = LeadTimes.parse({});
const USUAL_PAPER = AnalyticalPaper.parse({});

/** The regions a person may hold a review for: all of them for the secretariat, their own for a focal point. */
export const writableRegions = (principal: Principal) =>
  REGIONS.filter((region) => canWrite(principal, { kind: 'regional-review', region }));

/** The kinds of record a person may create: a global consultation, which regions share, is the secretariat's. */
const writableKinds = (principal: Principal) =>
  REVIEW_KINDS.filter((kind) => canWrite(principal, { kind, regions: writableRegions(principal) }));

/**
 * Text that reads left to right whatever the page's direction (examples written in English, ids, zones, the
 * service's English messages), isolated so that an Arabic sentence around it keeps its order.
 */
const ltr = (text: string) => `\u2066${text}\u2069`;
const examples = (texts: string[]) => texts.map((text) => ltr(text)).join(', ');
const DATE_EXAMPLES = [
  '"29 March 2027"',
  '"3-4 March 2027"',
  '"8 or 11 March 2027"',
  '"May 2027"',
  '"week 3 of November 2027"',
  '"late 2027"',
  '"2027"',
];
const ZONE_EXAMPLES = ['Europe/Zurich', 'Africa/Nairobi', 'America/Santiago'];

/** An element id for a field named by its input path: `meetings[0].date` is `meetings-0-date`. */
const idOf = (name: string) => name.replace(/[^A-Za-z0-9]+/g, '-').replace(/-$/, '');

/** The field an issue is about: an item of a list is the list's (`regions[1]` is `regions`). */
const fieldOf = (issue: FieldIssue) => issue.field.replace(/\[\d+\]$/, '');

/** Where the summary links an issue to: its field, or the form for an issue about the whole input. */
const anchorOf = (issue: FieldIssue) => (issue.field === '(body)' ? 'review-form' : idOf(fieldOf(issue)));

interface FormContext {
  t: Translate;
  /** The problems of a field, as one text; none when it has none. */
  errorOf: (name: string) => string | undefined;
}

function Input(props: {
  form: FormContext;
  name: string;
  label: string;
  hint?: string;
  value?: string;
  type?: 'text' | 'url' | 'email' | 'date';
  /** Ids, times, zones, addresses and numbers read left to right in every language. */
  ltr?: boolean;
  numeric?: boolean;
  required?: boolean;
  maxlength?: number;
  wide?: boolean;
}) {
  const id = idOf(props.name);
  // preact's types tell input elements apart by a literal `type`; these four share every attribute used here.
  const type = (props.type ?? 'text') as 'text';
  return (
    <div class={props.wide ? 'field wide' : 'field'}>
      <Field id={id} label={props.label} hint={props.hint} error={props.form.errorOf(props.name)}>
        {(described) => (
          <input
            type={type}
            id={id}
            name={props.name}
            value={props.value}
            dir={props.ltr ? 'ltr' : undefined}
            inputmode={props.numeric ? 'numeric' : undefined}
            required={props.required}
            maxlength={props.maxlength}
            {...described}
          />
        )}
      </Field>
    </div>
  );
}

function Select(props: {
  form: FormContext;
  name: string;
  label: string;
  hint?: string;
  value?: string;
  /** The option that leaves the field empty, when it may be. */
  empty?: string;
  options: { value: string; label: string }[];
}) {
  const id = idOf(props.name);
  return (
    <div class="field">
      <Field id={id} label={props.label} hint={props.hint} error={props.form.errorOf(props.name)}>
        {(described) => (
          <select id={id} name={props.name} {...described}>
            {props.empty !== undefined && <option value="">{props.empty}</option>}
            {props.options.map((option) => (
              <option value={option.value} selected={option.value === props.value}>
                {option.label}
              </option>
            ))}
          </select>
        )}
      </Field>
    </div>
  );
}

/** A choice among the UN languages, several at once, each in its own name. */
function LanguageBoxes(props: {
  form: FormContext;
  name: string;
  legend: string;
  hint: string;
  chosen: string[];
}) {
  const id = idOf(props.name);
  return (
    <Choices id={id} legend={props.legend} error={props.form.errorOf(props.name)}>
      <p class="hint">{props.hint}</p>
      {LANGUAGES.map((l, i) => (
        <Choice
          type="checkbox"
          id={i === 0 ? id : undefined}
          name={props.name}
          value={l}
          checked={props.chosen.includes(l)}
        >
          <span lang={l}>{nativeName(l)}</span>
        </Choice>
      ))}
    </Choices>
  );
}

/** A part of the form under its heading, with the problems of the part as a whole (a rule about all meetings). */
function Section(props: {
  form: FormContext;
  name: string;
  legend: string;
  hint?: string;
  children: preact.ComponentChildren;
}) {
  const id = idOf(props.name);
  const error = props.form.errorOf(props.name);
  return (
    <fieldset class="section" id={id} aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{props.legend}</legend>
      {props.hint && <p class="hint">{props.hint}</p>}
      {error && (
        <p class="error" id={`${id}-error`}>
          {error}
        </p>
      )}
      {props.children}
    </fieldset>
  );
}

const kindLabel = (t: Translate, kind: ReviewKind) =>
  t(kind === 'regional-review' ? 'editor.kind.regional-review' : `meeting.${kind}`);

function ReviewFields(props: {
  form: FormContext;
  values: ReviewFormValues;
  principal: Principal;
  isNew: boolean;
}) {
  const { form, values: v, principal } = props;
  const { t } = form;
  const regions = writableRegions(principal).map((r) => ({ value: r, label: t(`region.${r}`) }));
  return (
    <Section form={form} name="review" legend={t('editor.section.review')}>
      <div class="grid">
        {props.isNew && (
          <Input
            form={form}
            name="reviewId"
            label={t('editor.reviewId')}
            hint={t('editor.reviewId.hint', { example: ltr('europe-2027') })}
            value={v.reviewId}
            ltr
            required
            maxlength={32}
            wide
          />
        )}
        <Select
          form={form}
          name="kind"
          label={t('editor.kind')}
          value={v.kind}
          options={writableKinds(principal).map((kind) => ({ value: kind, label: kindLabel(t, kind) }))}
        />
        <Select
          form={form}
          name="region"
          label={t('editor.region')}
          hint={t('editor.region.hint')}
          value={v.region}
          empty={t('editor.none')}
          options={regions}
        />
      </div>
      <Choices id="regions" legend={t('editor.regions')} error={form.errorOf('regions')}>
        <p class="hint">{t('editor.regions.hint')}</p>
        {regions.map((region, i) => (
          <Choice
            type="checkbox"
            id={i === 0 ? 'regions' : undefined}
            name="regions"
            value={region.value}
            checked={v.regions.includes(region.value)}
          >
            {region.label}
          </Choice>
        ))}
      </Choices>
      <div class="grid">
        <Input
          form={form}
          name="title"
          label={t('editor.title')}
          hint={t('editor.title.hint')}
          value={v.title}
          maxlength={200}
          wide
        />
        <Input
          form={form}
          name="date"
          label={t('editor.date')}
          hint={t('editor.date.hint', { examples: examples(DATE_EXAMPLES), tentative: ltr('"(TBD)"') })}
          value={v.date}
          ltr
          required
          wide
        />
        <Input
          form={form}
          name="startTime"
          label={t('editor.startTime')}
          hint={t('editor.startTime.hint')}
          value={v.startTime}
          ltr
          maxlength={5}
        />
        <Input
          form={form}
          name="timeZone"
          label={t('editor.timeZone')}
          hint={t('editor.timeZone.hint', { examples: examples(ZONE_EXAMPLES) })}
          value={v.timeZone}
          ltr
          required
        />
        <Input form={form} name="venue" label={t('editor.venue')} value={v.venue} maxlength={200} wide />
        <Input
          form={form}
          name="cycle"
          label={t('editor.cycle')}
          hint={t('editor.cycle.hint')}
          value={v.cycle}
          maxlength={100}
          wide
        />
      </div>
      <LanguageBoxes
        form={form}
        name="interpretationLanguages"
        legend={t('console.column.interpretation')}
        hint={t('editor.interpretation.hint')}
        chosen={v.interpretationLanguages}
      />
      <div class="grid">
        <Input
          form={form}
          name="organisers"
          label={t('editor.organisers')}
          hint={t('editor.listing.hint')}
          value={v.organisers}
          maxlength={300}
          wide
        />
        <Input
          form={form}
          name="audience"
          label={t('editor.audience')}
          hint={t('editor.listing.hint')}
          value={v.audience}
          maxlength={300}
          wide
        />
      </div>
    </Section>
  );
}

/** Who may register: whether the secretariat approves each registration, and how many one organisation may have. */
function RegistrationFields({ form, values: v }: { form: FormContext; values: ReviewFormValues }) {
  const { t } = form;
  return (
    <Section form={form} name="registration" legend={t('editor.section.registration')}>
      <Choices
        id="requiresApproval"
        legend={t('editor.requiresApproval')}
        error={form.errorOf('requiresApproval')}
      >
        <p class="hint">{t('editor.requiresApproval.hint')}</p>
        <Choice
          type="checkbox"
          id="requiresApproval"
          name="requiresApproval"
          value="yes"
          checked={v.requiresApproval === 'yes'}
        >
          {t('editor.requiresApproval.box')}
        </Choice>
      </Choices>
      <div class="grid">
        <Input
          form={form}
          name="organisationCap"
          label={t('editor.organisationCap')}
          hint={t('editor.organisationCap.hint')}
          value={v.organisationCap}
          ltr
          numeric
        />
      </div>
    </Section>
  );
}

function MaterialsFields({ form, values: v }: { form: FormContext; values: ReviewFormValues }) {
  const { t } = form;
  return (
    <Section
      form={form}
      name="materials"
      legend={t('editor.section.materials')}
      hint={t('editor.materials.hint')}
    >
      <Input
        form={form}
        name="materialsUrl"
        type="url"
        label={t('editor.materialsUrl')}
        value={v.materialsUrl}
        ltr
      />
      <div class="grid">
        {LANGUAGES.map((l) => (
          <Input
            form={form}
            name={`materials.${l}`}
            type="url"
            label={t('editor.materialsIn', { language: nativeName(l) })}
            value={v.materials[l]}
            ltr
          />
        ))}
      </div>
    </Section>
  );
}

function LeadTimeFields({ form, values: v }: { form: FormContext; values: ReviewFormValues }) {
  const { t } = form;
  return (
    <Section form={form} name="leadTimes" legend={t('editor.section.leadTimes')}>
      <div class="grid">
        <Input
          form={form}
          name="leadTimes.invitationDays"
          label={t('editor.invitationDays')}
          hint={t('editor.emptyIs', { value: USUAL_LEAD_TIMES.invitationDays })}
          value={v.leadTimes.invitationDays}
          ltr
          numeric
        />
        <Input
          form={form}
          name="leadTimes.materialsDays"
          label={t('editor.materialsDays')}
          hint={t('editor.emptyIs', { value: USUAL_LEAD_TIMES.materialsDays })}
          value={v.leadTimes.materialsDays}
          ltr
          numeric
        />
        <Input
          form={form}
          name="leadTimes.reminderDays"
          label={t('editor.reminderDays')}
          hint={t('editor.days.hint', { usual: USUAL_LEAD_TIMES.reminderDays.join(', ') })}
          value={v.leadTimes.reminderDays}
          ltr
        />
      </div>
    </Section>
  );
}

function MeetingFields(props: { form: FormContext; index: number; row: MeetingRow; removable: boolean }) {
  const { form, index, row } = props;
  const { t } = form;
  const name = (field: string) => `meetings[${index}].${field}`;
  return (
    <fieldset class="row" id={idOf(`meetings[${index}]`)}>
      <legend>
        {t('editor.meeting', { number: index + 1 })}
        {row.id && (
          <>
            {' '}
            (<bdi>{row.id}</bdi>)
          </>
        )}
      </legend>
      <div class="grid">
        <Input
          form={form}
          name={name('id')}
          label={t('editor.meeting.id')}
          hint={t('editor.meeting.id.hint', { example: ltr('pre-1') })}
          value={row.id}
          ltr
          maxlength={10}
        />
        <Select
          form={form}
          name={name('kind')}
          label={t('editor.kind')}
          value={row.kind}
          empty={t('form.chooseOne')}
          options={MEETING_KINDS.map((kind) => ({ value: kind, label: t(`meeting.${kind}`) }))}
        />
        <Input
          form={form}
          name={name('title')}
          label={t('editor.title')}
          hint={t('editor.meeting.title.hint')}
          value={row.title}
          maxlength={200}
          wide
        />
        <Input
          form={form}
          name={name('date')}
          label={t('editor.date')}
          hint={t('editor.meeting.date.hint')}
          value={row.date}
          ltr
          wide
        />
        <Input
          form={form}
          name={name('startTime')}
          label={t('editor.startTime')}
          hint={t('editor.meeting.usual')}
          value={row.startTime}
          ltr
          maxlength={5}
        />
        <Input
          form={form}
          name={name('timeZone')}
          label={t('editor.timeZone')}
          hint={t('editor.meeting.reviews')}
          value={row.timeZone}
          ltr
        />
        <Input
          form={form}
          name={name('durationMinutes')}
          label={t('editor.meeting.duration')}
          hint={t('editor.meeting.usual')}
          value={row.durationMinutes}
          ltr
          numeric
        />
        <Select
          form={form}
          name={name('mode')}
          label={t('console.column.mode')}
          value={row.mode}
          empty={t('editor.meeting.usualMode')}
          options={MEETING_MODES.map((mode) => ({ value: mode, label: t(`mode.${mode}`) }))}
        />
        <Input
          form={form}
          name={name('capacity')}
          label={t('editor.meeting.capacity')}
          hint={t('editor.meeting.capacity.hint')}
          value={row.capacity}
          ltr
          numeric
        />
        <Input
          form={form}
          name={name('venue')}
          label={t('editor.venue')}
          hint={t('editor.meeting.venue.hint')}
          value={row.venue}
          maxlength={200}
          wide
        />
        <Input
          form={form}
          name={name('joinUrl')}
          type="url"
          label={t('editor.meeting.joinUrl')}
          value={row.joinUrl}
          ltr
          wide
        />
        <Input
          form={form}
          name={name('contact')}
          type="email"
          label={t('editor.meeting.contact')}
          value={row.contact}
          ltr
          maxlength={254}
          wide
        />
      </div>
      <LanguageBoxes
        form={form}
        name={name('interpretationLanguages')}
        legend={t('console.column.interpretation')}
        hint={t('editor.meeting.languages.hint')}
        chosen={row.interpretationLanguages}
      />
      {props.removable && (
        <p class="remove">
          <Choice type="checkbox" name={name('remove')} value="yes" checked={false}>
            {t('editor.meeting.remove')}
          </Choice>
        </p>
      )}
    </fieldset>
  );
}

function MeetingsFields({ form, values: v }: { form: FormContext; values: ReviewFormValues }) {
  const { t } = form;
  const empty = Math.min(EMPTY_MEETING_ROWS, MAX_MEETINGS - v.meetings.length);
  return (
    <Section form={form} name="meetings" legend={t('console.meetings')} hint={t('editor.meetings.hint')}>
      {v.meetings.map((row, index) => (
        <MeetingFields form={form} index={index} row={row} removable />
      ))}
      {Array.from({ length: Math.max(0, empty) }, (_, i) => (
        <details class="add">
          <summary>{t(i === 0 ? 'editor.meeting.add' : 'editor.meeting.addAnother')}</summary>
          <MeetingFields
            form={form}
            index={v.meetings.length + i}
            row={{ interpretationLanguages: [] }}
            removable={false}
          />
        </details>
      ))}
    </Section>
  );
}

function SpaceFields({ form, values: v }: { form: FormContext; values: ReviewFormValues }) {
  const { t } = form;
  const space = v.discussionSpace;
  return (
    <Section
      form={form}
      name="discussionSpace"
      legend={t('editor.section.space')}
      hint={t('editor.space.hint')}
    >
      <div class="grid">
        <Input
          form={form}
          name="discussionSpace.opens"
          type="date"
          label={t('editor.space.opens')}
          value={space.opens}
          ltr
        />
        <Input
          form={form}
          name="discussionSpace.closes"
          type="date"
          label={t('editor.space.closes')}
          value={space.closes}
          ltr
        />
        <Input
          form={form}
          name="discussionSpace.url"
          type="url"
          label={t('editor.space.url')}
          value={space.url}
          ltr
          wide
        />
      </div>
      <div class="field">
        <Field
          id="discussionSpace-moderators"
          label={t('editor.space.moderators')}
          hint={t('editor.space.moderators.hint')}
          error={form.errorOf('discussionSpace.moderators')}
        >
          {(described) => (
            <textarea
              id="discussionSpace-moderators"
              name="discussionSpace.moderators"
              rows={3}
              {...described}
            >
              {space.moderators}
            </textarea>
          )}
        </Field>
      </div>
      <LanguageBoxes
        form={form}
        name="discussionSpace.languages"
        legend={t('editor.space.languages')}
        hint={t('editor.space.languages.hint')}
        chosen={space.languages}
      />
    </Section>
  );
}

function FocalPointFields(props: {
  form: FormContext;
  index: number;
  row: FocalPointRow;
  language: Language;
}) {
  const { form, index, row } = props;
  const { t } = form;
  const name = (field: string) => `analyticalPaper.focalPoints[${index}].${field}`;
  return (
    <fieldset class="row" id={idOf(`analyticalPaper.focalPoints[${index}]`)}>
      <legend>{t('editor.focalPoint', { number: index + 1 })}</legend>
      <div class="grid">
        <Input
          form={form}
          name={name('email')}
          type="email"
          label={t('form.email')}
          value={row.email}
          ltr
          maxlength={254}
        />
        <Input form={form} name={name('name')} label={t('form.name')} value={row.name} maxlength={120} />
        <Select
          form={form}
          name={name('language')}
          label={t('editor.focalPoint.language')}
          value={row.language ?? props.language}
          options={LANGUAGES.map((l) => ({ value: l, label: nativeName(l) }))}
        />
      </div>
    </fieldset>
  );
}

function PaperFields(props: { form: FormContext; values: ReviewFormValues; language: Language }) {
  const { form } = props;
  const { t } = form;
  const paper = props.values.analyticalPaper;
  const rows = paper.focalPoints.length < MAX_FOCAL_POINTS ? [...paper.focalPoints, {}] : paper.focalPoints;
  return (
    <Section
      form={form}
      name="analyticalPaper"
      legend={t('editor.section.paper')}
      hint={t('editor.paper.hint')}
    >
      <div class="grid">
        <Input
          form={form}
          name="analyticalPaper.weeksBefore"
          label={t('editor.paper.weeksBefore')}
          hint={t('editor.emptyIs', { value: USUAL_PAPER.weeksBefore })}
          value={paper.weeksBefore}
          ltr
          numeric
        />
        <Input
          form={form}
          name="analyticalPaper.reminderDays"
          label={t('editor.paper.reminderDays')}
          hint={t('editor.days.hint', { usual: USUAL_PAPER.reminderDays.join(', ') })}
          value={paper.reminderDays}
          ltr
        />
      </div>
      {rows.map((row, index) => (
        <FocalPointFields form={form} index={index} row={row} language={props.language} />
      ))}
    </Section>
  );
}

/** The plan the review would have if saved: its warnings, its meetings, and each milestone with its time. */
function PlanPreview({ language, plan }: { language: Language; plan: Plan }) {
  const t = translator(language);
  const paperDue = plan.analyticalPaper?.due;
  return (
    <section class="preview" aria-labelledby="preview-heading">
      <h2 id="preview-heading">{t('editor.preview.title')}</h2>
      <p class="notice">{t('editor.preview.notSaved')}</p>
      {plan.warnings.length > 0 && (
        <div class="notice" role="note">
          <h3>{t('console.warnings')}</h3>
          <Paragraphs texts={plan.warnings} />
        </div>
      )}
      <h3>{t('console.meetings')}</h3>
      <DataTable
        label={t('console.meetings')}
        headings={[t('console.column.meeting'), t('console.column.when'), t('console.column.mode')]}
        rows={plan.meetings.map((meeting) => [
          <bdi>{meetingName(meeting, t)}</bdi>,
          meetingWhen(meeting, language),
          t(`mode.${meeting.mode}`),
        ])}
      />
      {paperDue && (
        <p>
          {t('editor.preview.paperDue', {
            date: dateInWords(
              { kind: 'exact', date: paperDue, tentative: plan.analyticalPaper?.tentative ?? false },
              language,
            ),
          })}
        </p>
      )}
      <h3>{t('console.milestones')}</h3>
      {plan.milestones.length === 0 ? (
        <p>{t('editor.preview.noMilestones')}</p>
      ) : (
        <DataTable
          label={t('console.milestones')}
          headings={[t('console.column.milestone'), t('console.column.when'), t('console.column.job')]}
          rows={plan.milestones.map((milestone) => [
            <bdi>{milestone.id}</bdi>,
            localDateTime(milestone.localTime, language),
            milestone.due ? t('editor.preview.willSchedule') : t('console.job.past'),
          ])}
        />
      )}
    </section>
  );
}

/**
 * `GET /console/reviews/new` and `GET /console/reviews/{reviewId}/edit`, and their POST's answer: every field of the
 * review input, grouped; the review's meetings and empty ones to add; with a preview, the plan beside the form.
 */
export function reviewEditorPage(
  language: Language,
  session: ConsoleSession,
  state: ReviewEditorState,
): string {
  const t = translator(language);
  const { review, values, issues, preview } = state;
  const errorOf = (name: string) => {
    const found = issues.filter((issue) => fieldOf(issue) === name);
    return found.length > 0 ? ltr(found.map((issue) => issue.message).join('; ')) : undefined;
  };
  const form: FormContext = { t, errorOf };
  const pathname = review ? `/console/reviews/${review.reviewId}/edit` : '/console/reviews/new';
  const back = review ? `/console/reviews/${review.reviewId}?lang=${language}` : `/console?lang=${language}`;
  return renderPage(
    <ConsolePage
      language={language}
      session={session}
      title={review ? t('editor.edit', { review: reviewTitle(review, t) }) : t('editor.new')}
      pathname={pathname}
    >
      {state.stale && (
        <div class="errors" role="alert">
          <p>{t('editor.stale')}</p>
        </div>
      )}
      <ErrorSummary
        intro={t('form.fixErrors')}
        errors={issues.map((issue) => ({
          id: anchorOf(issue),
          message: ltr(`${issue.field}: ${issue.message}`),
        }))}
      />
      <div class={preview ? 'editor previewing' : 'editor'}>
        {preview && <PlanPreview language={language} plan={preview} />}
        <form id="review-form" method="post" action={`${pathname}?lang=${language}`} novalidate>
          <input type="hidden" name="csrf" value={session.csrfToken} />
          {values.version && <input type="hidden" name="version" value={values.version} />}
          <p>{t('editor.intro')}</p>
          <ReviewFields form={form} values={values} principal={session.principal} isNew={!review} />
          <MeetingsFields form={form} values={values} />
          <LeadTimeFields form={form} values={values} />
          <RegistrationFields form={form} values={values} />
          <MaterialsFields form={form} values={values} />
          <SpaceFields form={form} values={values} />
          <PaperFields form={form} values={values} language={language} />
          <div class="actions">
            {/* Preview first: the button Enter presses in a text field, so that a stray Enter saves nothing. */}
            <button type="submit" name="intent" value="preview" class="secondary">
              {t('editor.preview')}
            </button>
            <button type="submit" name="intent" value="save">
              {t('editor.save')}
            </button>
            <a href={back}>{t('editor.back')}</a>
          </div>
        </form>
      </div>
    </ConsolePage>,
  );
}
