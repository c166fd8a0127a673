/**
 * The staff complaint page (/staff/complaints/:reference): who and where, the complaint itself, the next step
 * in the procedure's own words with a form for each command the user may issue now (and only those), the
 * attempts, the letters, and one timeline of everything that happened.
 */
import { Grid, Paper, Stack, Text, Title } from '@mantine/core';
import { useParams } from 'react-router';
import { usePageTitle } from '../../ui/page.tsx';
import { Loading } from '../../ui/states.tsx';
import { ComplaintImprovements } from '../improvements/ComplaintImprovements.tsx';
import { hasRole, useMe, useStaff } from '../session.ts';
import { CommandContext, useCommandReports } from './ActionDialog.tsx';
import { AttachmentsSection } from './Attachments.tsx';
import { type Complaint, useComplaint } from './api.ts';
import { CurrentAttempt, EarlierAttempts, TheComplaint } from './ComplaintSections.tsx';
import { CaseFileSection, LettersSection } from './Letters.tsx';
import { NextStepPanel } from './NextStepPanel.tsx';
import { OtherComplaints } from './OtherComplaints.tsx';
import { ComplaintHeader, ComplaintLoadError } from './parts.tsx';
import { TimelinePanel } from './Timeline.tsx';

export function ComplaintPage() {
  const { reference = '' } = useParams();
  // A fresh page per complaint: no message, draft or confirmation carries over to another complaint.
  return <ComplaintView key={reference} reference={reference} />;
}

/**
 * The case file is for the ombudsman: it is of use once the customer can go there (deadlock, or an ADR letter
 * for the time limit) or has (a referral), and before that it only crowds the page.
 */
function caseFileUseful(complaint: Complaint): boolean {
  return complaint.stage === 'deadlock' || complaint.adr.letters.length > 0 || complaint.referral !== null;
}

function ComplaintView({ reference }: { reference: string }) {
  const query = useComplaint(reference);
  const me = useMe();
  const staff = useStaff();
  const { reports, race, dismissRace, done, headingRef } = useCommandReports();
  usePageTitle(query.data ? `Complaint ${query.data.reference}` : `Complaint ${reference}`);

  if (query.isPending) return <Loading label="Loading the complaint" />;
  if (query.isError)
    return <ComplaintLoadError reference={reference} error={query.error} onRetry={() => query.refetch()} />;
  const complaint = query.data;
  const people = staff.data ?? [];

  return (
    <CommandContext.Provider value={reports}>
      <Stack gap="lg">
        <Stack gap={0}>
          <Text size="sm" c="dimmed">
            Complaint reference
          </Text>
          <Title
            order={1}
            size="h1"
            style={{ fontSize: 'clamp(1.6rem, 7.5vw, 2.125rem)', overflowWrap: 'anywhere' }}
          >
            {complaint.reference}
          </Title>
        </Stack>
        <ComplaintHeader
          complaint={complaint}
          staff={people}
          canAssign={complaint.nextActions.includes('assign')}
        />
        <Grid gutter="lg">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Stack gap="lg">
              <TheComplaint complaint={complaint} />
              <NextStepPanel
                complaint={complaint}
                staff={people}
                isDirector={hasRole(me.data, 'director')}
                race={race}
                onDismissRace={dismissRace}
                done={done?.keepFocus ? null : done}
                headingRef={headingRef}
              />
              <CurrentAttempt complaint={complaint} />
              <LettersSection complaint={complaint} />
              <AttachmentsSection complaint={complaint} />
              {caseFileUseful(complaint) && <CaseFileSection complaint={complaint} />}
              <EarlierAttempts complaint={complaint} />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Paper withBorder p="md" mb="lg">
              <OtherComplaints customer={complaint.customer} />
            </Paper>
            <Stack mb="lg">
              <ComplaintImprovements reference={complaint.reference} />
            </Stack>
            <TimelinePanel complaint={complaint} staff={people} done={done?.keepFocus ? done : null} />
          </Grid.Col>
        </Grid>
      </Stack>
    </CommandContext.Provider>
  );
}
