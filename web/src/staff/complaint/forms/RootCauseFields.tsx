/**
 * The root cause and lessons learned a closure records (issue 12): the cause chosen from the procedure's tree
 * in one grouped select (each broad cause, then its finer ones), the lessons as free text. Every closing
 * form uses these, so the tree is read and laid out in one place.
 */
import { NativeSelect, Textarea } from '@mantine/core';
import type { ChangeEvent, ComponentProps, ReactNode } from 'react';
import { useProcedure } from '../../../procedure.ts';
import type { FieldSpec } from '../../../ui/fields.ts';
import type { Complaint } from '../api.ts';

/** What `form.text` gives an input. */
interface FieldInput {
  id: string;
  label: string;
  error?: ReactNode;
  value: string;
  onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => void;
  required?: boolean;
  withAsterisk?: boolean;
}

/** The specs of the two fields, for `useFields`; the cause is required where the procedure asks for one. */
export function rootCauseSpecs(prefix: string, complaint: Pick<Complaint, 'rootCauseRequired'>) {
  return {
    rootCause: {
      id: `${prefix}-root-cause`,
      label: 'Root cause',
      initial: '',
      need: complaint.rootCauseRequired ? 'required' : 'optional',
      missing: 'choose what caused the complaint',
    } satisfies FieldSpec<string>,
    lessons: {
      id: `${prefix}-lessons`,
      label: 'Lessons learned',
      initial: '',
      need: 'optional',
    } satisfies FieldSpec<string>,
  };
}

/** The grouped select of the procedure's root causes. */
export function RootCauseSelect(props: ComponentProps<typeof NativeSelect>) {
  const { data: procedure } = useProcedure();
  const groups = (procedure?.procedure.rootCauses ?? []).map((cause) =>
    cause.children?.length
      ? {
          group: cause.label,
          items: [
            { value: cause.code, label: `${cause.label} (in general)` },
            ...cause.children.map((child) => ({ value: child.code, label: child.label })),
          ],
        }
      : { group: cause.label, items: [{ value: cause.code, label: cause.label }] },
  );
  return (
    <NativeSelect
      {...props}
      description="What caused the complaint, for the improvement review."
      data={[{ value: '', label: 'Choose a root cause' }, ...groups]}
    />
  );
}

/** The root cause and lessons fields, from `form.text` props. */
export function RootCauseFields({ rootCause, lessons }: { rootCause: FieldInput; lessons: FieldInput }) {
  return (
    <>
      <RootCauseSelect {...rootCause} />
      <Textarea {...lessons} autosize minRows={2} />
    </>
  );
}
