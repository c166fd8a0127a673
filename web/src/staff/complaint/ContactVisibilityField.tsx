/**
 * Whether the customer sees a logged contact's summary in the portal. Staff contacts are internal unless this
 * is ticked (the API's `visibleToCustomer`, default false); what customers send themselves is always theirs.
 *
 * To wire into the Log-a-contact dialog (CommandForms.tsx, LogContactForm):
 *   const [visible, setVisible] = useState(false);
 *   fieldMap:  { ..., [CONTACT_VISIBILITY.field]: CONTACT_VISIBILITY.inputId }
 *   labels:    { ..., [CONTACT_VISIBILITY.field]: CONTACT_VISIBILITY.label }
 *   body:      { ..., visibleToCustomer: visible }
 *   onDone:    setVisible(false)
 *   children:  <ContactVisibilityField checked={visible} onChange={setVisible} error={errorFor(errors, CONTACT_VISIBILITY.inputId)} />
 */
import { Checkbox } from '@mantine/core';
import type { ReactNode } from 'react';

export const CONTACT_VISIBILITY = {
  field: 'body.visibleToCustomer',
  inputId: 'contact-visible',
  label: 'Show this summary to the customer in the portal',
} as const;

export function ContactVisibilityField(props: {
  checked: boolean;
  onChange: (checked: boolean) => void;
  error?: ReactNode;
}) {
  return (
    <Checkbox
      id={CONTACT_VISIBILITY.inputId}
      label={CONTACT_VISIBILITY.label}
      description="Leave it clear for anything meant only for colleagues. The customer always sees what they sent us themselves."
      checked={props.checked}
      onChange={(e) => props.onChange(e.currentTarget.checked)}
      error={props.error}
    />
  );
}
