/**
 * A form's fields, each written once: its input id, its label (which also starts each of its error
 * messages, so the error summary and the field agree), its value and the API path whose refusals it shows.
 * Before this, every field repeated its id four times (input, error, field map, error check) and its label
 * three times, and the copies drifted.
 *
 * Not @mantine/form: its errors are keyed by value path, whereas our error summary links messages to input
 * ids and API refusals name request paths (`body.steps.0.ownerId`); mapping both ways would be more code
 * than this.
 */
import { type ChangeEvent, useState } from 'react';
import { errorFor, type FormError } from './ErrorSummary.tsx';

type Value = string | boolean;

export interface FieldSpec<T extends Value> {
  /** The input's id: error summary links point at it. */
  id: string;
  /** The field's name, as it starts its error messages (`Reason: enter some text`). */
  label: string;
  initial: T;
  /** The visible label when it says more than `label` (`When (UK time)`); `(optional)` is added for `need: 'optional'`. */
  inputLabel?: string;
  /** `required`: must not be left empty (checked before sending); `optional`: labelled so. */
  need?: 'required' | 'optional';
  /** What a required field left empty asks for: `enter some text` unless said (`choose one`). */
  missing?: string;
  /** The request body path whose refusals this field shows, when it is not the field's key (`remedy.awardPence`). */
  path?: string;
  /** Further body paths whose refusals land on this field, without its label. */
  alsoPaths?: string[];
}

type AnySpec = FieldSpec<string> | FieldSpec<boolean>;
/** The values of a form's fields: text for text inputs, selects and radios; true or false for checkboxes. */
export type FieldValues<S> = { [K in keyof S]: S[K] extends { initial: boolean } ? boolean : string };

/** How API refusals find their field: body paths to input ids, and to the labels their messages start with. */
export interface FieldPaths {
  fieldMap: Record<string, string>;
  labels: Record<string, string>;
}

/** The id, visible label and error of one input. */
export function fieldProps(errors: FormError[], id: string, label: string) {
  return { id, label, error: errorFor(errors, id) };
}

/** An optional text: its trimmed text, or undefined when left empty. */
export function optionalText(value: string): string | undefined {
  return value.trim() ? value.trim() : undefined;
}

function initialValues<S extends { [K in keyof S]: AnySpec }>(specs: S): FieldValues<S> {
  const values: Record<string, Value> = {};
  for (const key of Object.keys(specs)) values[key] = specs[key as keyof S].initial;
  return values as FieldValues<S>;
}

/** The fields' state and the props of their inputs. */
export function useFields<S extends { [K in keyof S]: AnySpec }>(specs: S) {
  type V = FieldValues<S>;
  const [values, setValues] = useState<V>(() => initialValues(specs));
  const keys = Object.keys(specs) as (keyof S & string)[];
  const set = <K extends keyof S>(key: K, value: V[K]) => setValues((v) => ({ ...v, [key]: value }));

  const paths: FieldPaths = { fieldMap: {}, labels: {} };
  for (const key of keys) {
    const spec = specs[key];
    const path = `body.${spec.path ?? key}`;
    paths.fieldMap[path] = spec.id;
    paths.labels[path] = spec.label;
    for (const also of spec.alsoPaths ?? []) paths.fieldMap[`body.${also}`] = spec.id;
  }

  const common = (key: keyof S & string, errors: FormError[]) => {
    const spec = specs[key];
    const label = spec.inputLabel ?? spec.label;
    return {
      ...fieldProps(errors, spec.id, spec.need === 'optional' ? `${label} (optional)` : label),
      ...(spec.need === 'required' ? { required: true, withAsterisk: false } : {}),
    };
  };

  return {
    values,
    set,
    paths,
    reset: () => setValues(initialValues(specs)),
    /** The input id of a field (for the first radio of a group, which the error summary links to). */
    id: (key: keyof S & string) => specs[key].id,
    /** Props of a text input, textarea or native select. */
    text: (key: keyof S & string, errors: FormError[]) => ({
      ...common(key, errors),
      value: String(values[key]),
      onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) =>
        set(key, e.currentTarget.value as V[typeof key]),
    }),
    /** Props of a Radio.Group: the group has its own id; its first radio takes the field's (`id(key)`). */
    choice: (key: keyof S & string, errors: FormError[]) => {
      const { id, ...rest } = common(key, errors);
      return {
        ...rest,
        id: `${id}-group`,
        value: String(values[key]),
        onChange: (value: string) => set(key, value as V[typeof key]),
      };
    },
    /** Props of a checkbox. */
    check: (key: keyof S & string) => ({
      id: specs[key].id,
      label: specs[key].inputLabel ?? specs[key].label,
      checked: values[key] === true,
      onChange: (e: ChangeEvent<HTMLInputElement>) => set(key, e.currentTarget.checked as V[typeof key]),
    }),
    /** The errors of the required fields left empty, in the order the fields were given. */
    missing: (): FormError[] =>
      keys.flatMap((key) => {
        const spec = specs[key];
        return spec.need === 'required' && !String(values[key]).trim()
          ? [{ inputId: spec.id, message: `${spec.label}: ${spec.missing ?? 'enter some text'}` }]
          : [];
      }),
  };
}
