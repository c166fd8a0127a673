/** What every command form is given, so the forms can sit in one record keyed by command. */
import type { ReactNode } from 'react';
import type { User } from '../../session.ts';
import type { Complaint } from '../api.ts';

export interface CommandFormProps {
  complaint: Complaint;
  /** The staff, for forms that choose a person (a step's owner). */
  staff: User[];
}

export type FormComponent = (props: CommandFormProps) => ReactNode;
