import type { ComponentChildren } from 'preact';
import { LANGUAGES, type Language, nativeName } from '#i18n/languages';

/** A page's own path and query, so that the language switcher can link to it in each language. */
export interface PagePath {
  pathname: string;
  query?: Record<string, string>;
}

export function Paragraphs({ texts }: { texts: string[] }) {
  return (
    <>
      {texts.map((text) => (
        <p>{text}</p>
      ))}
    </>
  );
}

/** What a control announces besides its label: its hint and its error, and that it is invalid. */
interface Described {
  'aria-describedby'?: string;
  'aria-invalid'?: 'true';
}

function ErrorMessage({ id, text }: { id: string; text: string }) {
  return (
    <p class="error" id={`${id}-error`}>
      {text}
    </p>
  );
}

/**
 * A labelled control with its hint and error. The control is built by `children`, given the attributes that tie
 * it to that hint and error, so that the ids it points at are the ones rendered here.
 */
export function Field(props: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  children: (described: Described) => ComponentChildren;
}) {
  const { id, hint, error } = props;
  const ids = [...(hint ? [`${id}-hint`] : []), ...(error ? [`${id}-error`] : [])];
  const described: Described = {
    'aria-describedby': ids.length > 0 ? ids.join(' ') : undefined,
    'aria-invalid': error ? 'true' : undefined,
  };
  return (
    <>
      <label for={id}>{props.label}</label>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && <ErrorMessage id={id} text={error} />}
      {props.children(described)}
    </>
  );
}

/** A group of checkboxes or radio buttons under its legend, with its error. */
export function Choices(props: { id: string; legend: string; error?: string; children: ComponentChildren }) {
  const { id, error } = props;
  return (
    <fieldset aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{props.legend}</legend>
      {error && <ErrorMessage id={id} text={error} />}
      {props.children}
    </fieldset>
  );
}

/**
 * One checkbox or radio button inside its label. The first box of a group carries the group's id: the error
 * summary's link to the group lands on it.
 */
export function Choice(props: {
  type: 'checkbox' | 'radio';
  id?: string;
  name: string;
  value: string;
  required?: boolean;
  checked: boolean;
  children: ComponentChildren;
}) {
  return (
    <label>
      <input
        type={props.type}
        id={props.id}
        name={props.name}
        value={props.value}
        required={props.required}
        checked={props.checked}
      />{' '}
      <span>{props.children}</span>
    </label>
  );
}

/** Each problem of a form, linked to its field, announced as soon as the page shows. */
export function ErrorSummary(props: { intro: string; errors: { id: string; message: string }[] }) {
  if (props.errors.length === 0) return null;
  return (
    <div class="errors" role="alert">
      <p>{props.intro}</p>
      <ul>
        {props.errors.map(({ id, message }) => (
          <li>
            <a href={`#${id}`}>{message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The same page in each UN language, each named in itself. */
export function LanguageSwitcher(props: { language: Language; label: string; path: PagePath }) {
  const { language, path } = props;
  return (
    <nav aria-label={props.label}>
      <ul>
        {LANGUAGES.map((other) => (
          <li>
            <a
              href={`${path.pathname}?${new URLSearchParams({ ...path.query, lang: other })}`}
              lang={other}
              hreflang={other}
              aria-current={other === language ? 'true' : undefined}
            >
              {nativeName(other)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Labelled values, each a term and its description; the values are other people's text, isolated. */
export function Details({ rows }: { rows: [string, ComponentChildren][] }) {
  return (
    <dl>
      {rows.map(([label, value]) => (
        <>
          <dt>{label}</dt>
          <dd>{typeof value === 'string' ? <bdi>{value}</bdi> : value}</dd>
        </>
      ))}
    </dl>
  );
}

/**
 * A table under its column headings, each row headed by its first cell. A table wider than the screen scrolls
 * sideways in a region named `label`, reachable by keyboard.
 */
export function DataTable(props: {
  label: string;
  caption?: string;
  headings: string[];
  rows: ComponentChildren[][];
}) {
  return (
    <section class="scroll" tabindex={0} aria-label={props.label}>
      <table>
        {props.caption && <caption>{props.caption}</caption>}
        <thead>
          <tr>
            {props.headings.map((heading) => (
              <th scope="col">{heading}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map(([first, ...rest]) => (
            <tr>
              <th scope="row">{first}</th>
              {rest.map((cell) => (
                <td>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
